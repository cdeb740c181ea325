"""How `etr build` and the query commands scale with the number of documents.

    .venv/bin/python bench/scale.py                   # 100 and 1000 documents
    .venv/bin/python bench/scale.py --docs 100 --runs 9 --keep /tmp/etr-scale

For each N it
1. writes N synthetic plain-text documents made from the seeds' paragraphs, perturbed so that
   the build and the queries have real work to do: person names swapped among the registry's
   people (written as their name, a registry variant or alias), place names written in their
   other spellings, a few typos in names, years shifted by -3..+3, day numbers redrawn;
2. builds them with `etr build --add F1 --add F2 ... --out <tmp>/facts_N.json` (seeds included,
   as `--add` always does; ETR_HOME points into the temp dir so no user fact base is read or
   written) and reports seconds and MB/s of added text (`etr build --add` takes files, not
   directories, so each file gets its own --add: fine up to the OS's ARG_MAX, ~2 MB here);
3. times the 4 query commands with --json against --db facts_N.json and against the seed fact
   base, interleaved, median of --runs runs, and prints the ratio N / seed;
4. times the same queries in-process (store.load + FactBase, first call, warm call), which says
   whether any growth is in loading the JSON or in answering.

Standard library only; run it with the project's interpreter (.venv/bin/python).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import speed  # noqa: E402  (same folder: PY, ETR, QUERIES, CALLS, CHILD, WARM, table)

SEED_DB = ROOT / "data" / "facts.json"
MONTHS = ("January February March April May June July August September October November December").split()


# ------------------------------------------------------------------ the corpus generator


def seed_paragraphs() -> list[tuple[str, str]]:
    """(section heading, paragraph) for every content line of the seeds."""
    with open(ROOT / "seeds" / "sources.toml", "rb") as f:
        files = [s["file"] for s in tomllib.load(f)["source"]]
    out = []
    for name in files:
        section = "Lead"
        for line in (ROOT / "seeds" / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            m = re.match(r"^(=+)\s*(.*?)\s*\1$", line)
            if m:
                section = m.group(2)
                continue
            if section.lower() in {"see also", "notes", "references", "citations", "sources", "external links",
                                   "further reading", "bibliography"}:
                continue
            if len(line.split()) >= 8 and re.search(r"[.!?\"”)]$", line):
                out.append((section, line))
    return out


def registry(kind: str) -> list[dict]:
    with open(ROOT / "data" / "registry" / f"{kind}.toml", "rb") as f:
        return tomllib.load(f)["entity"]


def _forms(e: dict) -> list[str]:
    return [e["name"], *e.get("aliases", []), *e.get("variants", [])]


class Perturber:
    """Rewrites a paragraph: names swapped/respelled, years shifted, days redrawn, a few typos."""

    def __init__(self, rng: random.Random, typo_rate: float = 0.04) -> None:
        self.rng = rng
        self.typo_rate = typo_rate
        self.people = [e for e in registry("people") if e["type"] == "person"]
        self.places = registry("places")
        self.person_of: dict[str, int] = {}
        for i, e in enumerate(self.people):
            for f in _forms(e):
                if len(f) >= 4:
                    self.person_of.setdefault(f, i)
        self.place_of: dict[str, int] = {}
        for i, e in enumerate(self.places):
            for f in _forms(e):
                if len(f) >= 4 and (e.get("aliases") or e.get("variants")):
                    self.place_of.setdefault(f, i)
        self.person_re = _alternation(self.person_of)
        self.place_re = _alternation(self.place_of)
        self.year_re = re.compile(r"\b(19\d\d)\b")
        self.day_re = re.compile(r"\b(\d{{1,2}})( (?:{}))\b|\b((?:{}) )(\d{{1,2}})\b".format("|".join(MONTHS), "|".join(MONTHS)))

    def new_document_state(self) -> tuple[list[int], int]:
        perm = list(range(len(self.people)))
        self.rng.shuffle(perm)
        return perm, self.rng.randint(-3, 3)

    def _person(self, m: re.Match[str], perm: list[int]) -> str:
        old = m.group(0)
        target = self.people[perm[self.person_of[old]]]
        single = " " not in old
        # a one-word mention ("Qasimi") becomes a one-word form, a full name a full name or a variant
        pool = [f for f in _forms(target) if (" " not in f) == single]
        if not pool:
            pool = [target["name"].split()[-1] if single else target["name"]]
        if not single and " " in target["name"] and self.rng.random() < 0.55:
            return self._typo(target["name"])
        return self._typo(self.rng.choice(pool))

    def _place(self, m: re.Match[str]) -> str:
        e = self.places[self.place_of[m.group(0)]]
        return self._typo(self.rng.choice(_forms(e)) if self.rng.random() < 0.5 else m.group(0))

    def _typo(self, word: str) -> str:
        if len(word) < 6 or self.rng.random() >= self.typo_rate:
            return word
        i = self.rng.randrange(1, len(word) - 2)
        if not (word[i].isalpha() and word[i + 1].isalpha()):
            return word
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swap two letters

    def paragraph(self, text: str, perm: list[int], shift: int) -> str:
        text = self.person_re.sub(lambda m: self._person(m, perm), text)
        text = self.place_re.sub(self._place, text)
        text = self.year_re.sub(lambda m: str(min(1999, max(1900, int(m.group(1)) + shift))), text)

        def day(m: re.Match[str]) -> str:
            d = str(self.rng.randint(1, 28))
            return d + m.group(2) if m.group(1) else m.group(3) + d

        return self.day_re.sub(day, text)


def _alternation(forms: dict[str, int]) -> re.Pattern[str]:
    alts = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:{})(?!\w)".format("|".join(re.escape(f) for f in alts)))


def make_corpus(n: int, out_dir: Path, rng: random.Random, doc_bytes: int) -> tuple[list[Path], int]:
    """N documents of about doc_bytes each in out_dir; their paths and total size in bytes."""
    paras = seed_paragraphs()
    pert = Perturber(rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths, total = [], 0
    for k in range(n):
        perm, shift = pert.new_document_state()
        lines = [f"= Synthetic report {k + 1:04d} on the Three Districts =", ""]
        size = 0
        section = None
        i = rng.randrange(len(paras))
        while size < doc_bytes:
            if rng.random() < 0.35:  # jump elsewhere in the seeds; else read on (keeps context)
                i = rng.randrange(len(paras))
            sec, para = paras[i % len(paras)]
            i += 1
            if sec != section:
                lines += ["", f"== {sec} ==", ""]
                section = sec
            text = pert.paragraph(para, perm, shift)
            lines.append(text)
            size += len(text.encode("utf-8")) + 1
        body = "\n".join(lines) + "\n"
        p = out_dir / f"report_{k + 1:04d}.txt"
        p.write_text(body, encoding="utf-8")
        paths.append(p)
        total += len(body.encode("utf-8"))
    return paths, total


# ------------------------------------------------------------------ building and querying


def cpu_loop() -> float:
    """Seconds for a fixed pure-Python loop in a fresh interpreter: how fast the machine is now."""
    code = "import time\nt = time.perf_counter()\ns = 0\nfor i in range(10_000_000):\n    s += i\nprint(time.perf_counter() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)


def etr_env(home: Path) -> dict[str, str]:
    env = speed.base_env()
    env["ETR_HOME"] = str(home)
    env.pop("ETR_DB", None)
    env.pop("ETR_TERMINAL", None)
    return env


def build(paths: list[Path], out: Path, env: dict[str, str], timeout: float) -> tuple[float | None, str]:
    argv = [speed.ETR, "build", "--out", str(out)]
    for p in paths:
        argv += ["--add", str(p)]
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:.0f} s"
    dt = time.perf_counter() - t0
    last = (p.stderr.strip().splitlines() or [""])[-1]
    if p.returncode != 0:
        return None, f"exit {p.returncode}: {p.stderr[-600:]}"
    return dt, last


def query_times(dbs: dict[str, Path], runs: int, env: dict[str, str]) -> tuple[dict[tuple[str, str], list[float]], dict[tuple[str, str], int]]:
    """Interleaved: every round runs each query against each db once."""
    times: dict[tuple[str, str], list[float]] = {}
    counts: dict[tuple[str, str], int] = {}
    for name, db in dbs.items():
        for label, args in speed.QUERIES:
            p = subprocess.run([speed.ETR, *args, "--json", "--db", str(db)], env=env, capture_output=True, text=True)
            try:
                counts[(name, label)] = len(json.loads(p.stdout)["results"]) if p.returncode == 0 else -p.returncode
            except ValueError:
                counts[(name, label)] = -999
    for _ in range(runs):
        for name, db in dbs.items():
            for label, args in speed.QUERIES:
                t0 = time.perf_counter()
                subprocess.run([speed.ETR, *args, "--json", "--db", str(db)], env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.setdefault((name, label), []).append((time.perf_counter() - t0) * 1000)
    return times, counts


def in_process(db: Path, env: dict[str, str], reps: int) -> dict[str, float]:
    """load and first call (fresh processes, median of reps) and warm call, per query, in ms."""
    out: dict[str, float] = {}
    loads: list[float] = []
    for label, call in speed.CALLS.items():
        firsts = []
        for _ in range(reps):
            p = subprocess.run([speed.PY, "-c", speed.CHILD, call, str(db)], env=env, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"scale.py: in-process child failed: {p.stderr[-600:]}")
            r = json.loads(p.stdout)
            loads.append(r["load (first)"])
            firsts.append(r["first"])
        out[f"first: {label}"] = statistics.median(firsts)
    out["load"] = statistics.median(loads)
    p = subprocess.run([speed.PY, "-c", speed.WARM, str(db), json.dumps(speed.CALLS), "0.3"], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"scale.py: in-process child failed: {p.stderr[-600:]}")
    w = json.loads(p.stdout)
    out["json.loads"] = statistics.median(w["json.loads"])
    out["store.validate"] = statistics.median(w["store.validate"])
    for label in speed.CALLS:
        out[f"warm: {label}"] = statistics.median(w["warm: " + label])
    out["_counts"] = w["_counts"]  # type: ignore[assignment]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[100, 1000], help="corpus sizes (default: 100 1000)")
    ap.add_argument("--doc-kb", type=float, default=5.0, help="approximate size of one document in KB (default 5)")
    ap.add_argument("--runs", type=int, default=7, help="runs per query command (default 7)")
    ap.add_argument("--seed", type=int, default=1944, help="random seed of the generator")
    ap.add_argument("--build-timeout", type=float, default=600.0, help="give up on a build after this many seconds")
    ap.add_argument("--in-process-reps", type=int, default=3, help="fresh processes per query for in-process first-call times")
    ap.add_argument("--keep", help="write corpora and fact bases here and keep them (default: a temp dir, removed)")
    args = ap.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="etr-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = etr_env(work / "home")
    try:
        # the seeds alone, built the same way, for the build-time reference
        t0 = time.perf_counter()
        p = subprocess.run([speed.ETR, "build", "--out", str(work / "facts_seed.json")], env=env, capture_output=True, text=True)
        seed_build = time.perf_counter() - t0
        if p.returncode != 0:
            sys.exit(f"scale.py: seed build failed: {p.stderr[-600:]}")
        seed_bytes = sum(f.stat().st_size for f in (ROOT / "seeds").glob("*.txt"))
        print(f"seed build: {seed_build:.2f} s for {seed_bytes / 1e6:.3f} MB of seed text "
              f"({seed_bytes / 1e6 / seed_build:.2f} MB/s, start-up included)")
        print(f"machine speed: {cpu_loop():.2f} s for a 10-million-step Python loop (a shared VM's varies "
              f"by half; builds scale with it)\n")

        builds: list[list[object]] = []
        dbs: dict[str, Path] = {"seed": SEED_DB}
        for n in args.docs:
            rng = random.Random(args.seed + n)
            t0 = time.perf_counter()
            paths, nbytes = make_corpus(n, work / f"docs_{n}", rng, int(args.doc_kb * 1000))
            gen = time.perf_counter() - t0
            out = work / f"facts_{n}.json"
            print(f"N={n}: generated {n} documents, {nbytes / 1e6:.2f} MB, in {gen:.1f} s; building ...", flush=True)
            dt, msg = build(paths, out, env, args.build_timeout)
            if dt is None:
                print(f"N={n}: build FAILED or stopped: {msg}", flush=True)
                builds.append([n, nbytes / 1e6, "-", "-", "-", msg[:60]])
                continue
            builds.append([n, nbytes / 1e6, dt, nbytes / 1e6 / dt, out.stat().st_size / 1e6, msg.replace("etr: wrote ", "")[:110]])
            print(f"N={n}: built in {dt:.1f} s: {msg}", flush=True)
            dbs[str(n)] = out
        print(f"machine speed after the builds: {cpu_loop():.2f} s for the same loop\n")
        print(speed.table(["docs", "text MB", "build s", "MB/s", "facts MB", "etr's summary"], builds,
                          "etr build --add (seeds + N synthetic documents); MB/s = added text / wall time"))
        print()

        times, counts = query_times(dbs, args.runs, env)
        rows: list[list[object]] = []
        for label, _ in speed.QUERIES:
            base = statistics.median(times[("seed", label)])
            row: list[object] = [f"etr {label} --json", base, counts[("seed", label)]]
            for name in dbs:
                if name == "seed":
                    continue
                m = statistics.median(times[(name, label)])
                row += [m, m / base, counts[(name, label)]]
            rows.append(row)
        header = ["command", "seed ms", "seed n"]
        for name in dbs:
            if name != "seed":
                header += [f"{name} docs ms", "x seed", "n"]
        print(speed.table(header, rows, f"Query commands, whole process, --json --db, median of {args.runs} interleaved runs "
                                        "(n = results returned)"))
        print()

        ip = {name: in_process(db, env, args.in_process_reps) for name, db in dbs.items()}
        keys = ["load", "json.loads", "store.validate"] + [f"first: {q}" for q in speed.CALLS] + [f"warm: {q}" for q in speed.CALLS]
        rows = []
        for k in keys:
            row = [k, ip["seed"][k]]
            for name in dbs:
                if name != "seed":
                    row += [ip[name][k], ip[name][k] / ip["seed"][k] if ip["seed"][k] else float("nan")]
            rows.append(row)
        header = ["in-process ms", "seed"]
        for name in dbs:
            if name != "seed":
                header += [f"{name} docs", "x seed"]
        sizes = "; ".join(f"{name}: " + ", ".join(f"{v} {k}" for k, v in ip[name]["_counts"].items()) for name in dbs)
        print(speed.table(header, rows, "In-process (first = first call in a fresh process, median of "
                                        f"{args.in_process_reps}; warm = repeated calls)\n{sizes}"))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
