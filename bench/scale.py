"""How `etr build` and the query commands scale with the number of documents.

    .venv/bin/python bench/scale.py                            # 1,000, 3,000 and 10,000 documents (~15 min)
    .venv/bin/python bench/scale.py --docs 1000 --runs 9 --keep /tmp/etr-scale
    .venv/bin/python bench/scale.py --plot figures.json        # the plots of an earlier --json-out

For each N it
1. writes N synthetic plain-text documents made from the seeds' paragraphs, perturbed so that
   the build and the queries have real work to do: person names swapped among the registry's
   people (written as their name, a registry variant or alias), place names written in their
   other spellings, a few typos in names, years shifted by -3..+3, day numbers redrawn;
2. builds them from nothing with `etr build --add FOLDER --out <tmp>/facts_N.json` (seeds
   included; ETR_HOME points into the temp dir so no user fact base is read or written) and
   reports the wall time, MB/s of added text, the build's peak memory (one process, and the sum
   over its processes) and the size of what it wrote (JSON, SQLite store, kept analyses);
3. times the 4 query commands, with --json (the whole answer) and plain at a terminal (25 rows
   and "N more"), against --db facts_N.json and against the seed fact base, interleaved, median
   of --runs runs, and prints the ratio N / seed;
4. times opening the fact base and the same queries in-process (first call in a fresh process,
   warm calls), which says whether any growth is in opening or in answering;
5. adds one new document to each fact base (`etr build --add ONE --out facts_N.json`) and
   compares that time with the full build;
6. draws the curves (documents -> build time, memory, query time, load time) as text plots.

Every ratio is against a baseline measured in the same run (the seed fact base, the full build).
Standard library only; run it with the project's interpreter (.venv/bin/python). Linux: memory
is read from /proc and os.wait4.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

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


# ------------------------------------------------------------------ measuring a build


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


def _tree(pid: int) -> list[int]:
    """pid and all its descendants now alive (from /proc/PID/task/TID/children)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return out


def _kb(path: str, field: str) -> int:
    """A `Field:  N kB` line of a /proc file, in kB (0 when the process is gone)."""
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Run(NamedTuple):
    seconds: float
    code: int
    stderr: str
    max_rss_mb: float  # the largest resident set of any one process of the tree (wait4's ru_maxrss)
    main_hwm_mb: float  # the main process's own peak (VmHWM, last sample before it exited)
    tree_pss_mb: float  # the largest sampled sum of PSS over the whole tree (shared pages counted once)
    processes: int  # the most processes seen at once


def measured(argv: list[str], env: dict[str, str], timeout: float, every: float = 0.02) -> Run:
    """Run argv; wall time and memory. Memory two ways: os.wait4's ru_maxrss, which Linux gives
    as the largest peak of the process and its waited-for descendants (one process, not their
    sum), and a thread that reads /proc every `every` s for the whole tree's PSS (so that a
    forked child's pages shared with its parent count once) and the main process's VmHWM."""
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    peak = {"hwm": 0, "pss": 0, "n": 0}
    done = threading.Event()

    def sample() -> None:
        proc_dir = Path("/proc")
        if not proc_dir.is_dir():
            return
        while not done.is_set():
            pids = _tree(proc.pid)
            pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
            hwm = _kb(f"/proc/{proc.pid}/status", "VmHWM:")
            peak["pss"] = max(peak["pss"], pss)
            peak["hwm"] = max(peak["hwm"], hwm)
            peak["n"] = max(peak["n"], len(pids))
            done.wait(every)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    dt = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    thread.join()
    err.seek(0)
    text = err.read().decode(errors="replace")
    err.close()
    return Run(dt, proc.returncode, text, usage.ru_maxrss / 1024, peak["hwm"] / 1024, peak["pss"] / 1024, peak["n"])


def build(docs: list[Path], out: Path, env: dict[str, str], timeout: float) -> Run:
    """`etr build --add DOCS --out OUT` (folders are walked), from nothing: a fact base at OUT, its
    index and its kept analyses are removed first (else the build would start from them)."""
    for p in out.parent.glob(out.name + "*"):
        p.unlink()
    argv = [speed.ETR, "build", "--out", str(out)]
    for d in docs:
        argv += ["--add", str(d)]
    return measured(argv, env, timeout)


def sizes(out: Path) -> dict[str, float]:
    """MB of the fact base's files: the JSON, the SQLite store queries read, the kept analyses."""
    def mb(p: Path) -> float:
        return p.stat().st_size / 1e6 if p.exists() else 0.0
    return {"json": mb(out), "index": mb(out.with_name(out.name + ".index.sqlite")),
            "analyses": mb(out.with_name(out.name + ".analyses.sqlite"))}


# ------------------------------------------------------------------ querying


#: each query twice: --json (the whole answer, which grows with the fact base: every event of a
#: person, of a month) and plain at a terminal (the layout a person reads, 25 rows and "N more")
MODES = {"--json": (["--json"], {}), "plain": ([], {"ETR_TERMINAL": "1", "COLUMNS": "120"})}


def query_times(dbs: dict[str, Path], runs: int, env: dict[str, str]
                ) -> tuple[dict[tuple[str, str, str], list[float]], dict[tuple[str, str], int]]:
    """Interleaved: every round runs each query, in each mode, against each db once. Also the
    number of results of each --json answer, and the bytes of each."""
    times: dict[tuple[str, str, str], list[float]] = {}
    counts: dict[tuple[str, str], int] = {}
    for name, db in dbs.items():
        for label, args in speed.QUERIES:
            p = subprocess.run([speed.ETR, *args, "--json", "--db", str(db)], env=env, capture_output=True, text=True)
            try:
                doc = json.loads(p.stdout)
                counts[(name, label)] = len(doc["results"]) if p.returncode == 0 else -p.returncode
                if label.startswith("who") and p.returncode == 0:  # a profile: its events are the answer
                    counts[(name, label)] = len(doc["results"][0]["events"])
            except ValueError:
                counts[(name, label)] = -999
    for _ in range(runs):
        for name, db in dbs.items():
            for mode, (flags, extra) in MODES.items():
                for label, args in speed.QUERIES:
                    t0 = time.perf_counter()
                    subprocess.run([speed.ETR, *args, *flags, "--db", str(db)], env={**env, **extra},
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    times.setdefault((name, mode, label), []).append((time.perf_counter() - t0) * 1000)
    return times, counts


# Warm calls on one FactBase, and what a query opens; the whole JSON is never read (queries read
# the SQLite store), unlike speed.WARM, which also times json.loads of it.
WARM = textwrap.dedent(
    r"""
    import json, sys, time
    pc = time.perf_counter
    from etr.query.core import FactBase
    from etr.query.lookup import lookup
    from etr.query.when import when
    from etr.query.search import search
    from etr.store.opening import open_index
    from pathlib import Path
    path, calls, budget = Path(sys.argv[1]), json.loads(sys.argv[2]), float(sys.argv[3])
    ns = {"lookup": lookup, "when": when, "search": search}

    def reps(fn, lo=5, hi=300):
        xs, start = [], pc()
        while len(xs) < hi and (len(xs) < lo or pc() - start < budget):
            t = pc(); fn(); xs.append((pc() - t) * 1000)
        return xs

    res = {"open index + FactBase": reps(lambda: FactBase(open_index(path)))}
    fb = FactBase(open_index(path))
    for label, call in calls.items():
        eval(call, dict(ns, fb=fb))
        res["warm: " + label] = reps(lambda: eval(call, dict(ns, fb=fb)))
    print(json.dumps(res))
    """
)


def in_process(db: Path, env: dict[str, str], reps: int) -> dict[str, float]:
    """load (opening the fact base in a fresh process) and each query's first call (fresh
    processes, median of reps), and warm calls, in ms."""
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
    p = subprocess.run([speed.PY, "-c", WARM, str(db), json.dumps(speed.CALLS), "0.3"], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"scale.py: in-process child failed: {p.stderr[-600:]}")
    for k, xs in json.loads(p.stdout).items():
        out[k] = statistics.median(xs)
    return out


# ------------------------------------------------------------------ the plot


MARKS = "*o+x#@"
SHORT = {"who Ehmetjan Qasimi": "who", "when 1944-11": "when 1944-11", "when plane crash": "when crash",
         "search president": "search"}


def plot(xs: list[int], series: dict[str, list[float | None]], title: str, height: int = 10, width: int = 56,
         bottom: float = 0.0) -> str:
    """A text chart of each series against xs (documents, on a log scale), y from `bottom`;
    standard library only. Where two series meet in one cell, '&' is shown."""
    ys = [y for v in series.values() for y in v if y is not None]
    if not ys or len(xs) < 1:
        return title + ": nothing to plot"
    top = max(ys) * 1.05 or 1.0
    span_y = (top - bottom) or 1.0
    lo, hi = math.log10(min(xs)), math.log10(max(xs))
    span = (hi - lo) or 1.0

    def col(x: int) -> int:
        return round((math.log10(x) - lo) / span * (width - 1)) if hi > lo else width // 2

    grid = [[" "] * width for _ in range(height)]
    for (_, v), mark in zip(series.items(), MARKS, strict=False):
        # a value below `bottom` (a query faster than at the seeds: a ratio under 1) on the bottom row
        pts = [(col(x), min(height - 1, max(0, (height - 1) - round((y - bottom) / span_y * (height - 1)))))
               for x, y in zip(xs, v, strict=True) if y is not None]
        for (c0, r0), (c1, r1) in zip(pts, pts[1:], strict=False):  # a dotted line between points
            for k in range(1, max(c1 - c0, 1)):
                r = round(r0 + (r1 - r0) * k / (c1 - c0))
                if grid[r][c0 + k] == " ":
                    grid[r][c0 + k] = "."
        for c, r in pts:
            grid[r][c] = "&" if grid[r][c] not in " ." else mark  # two series in one cell
    labels = [f"{bottom + span_y * (height - 1 - i) / (height - 1):.3g}" if i in (0, height // 2, height - 1) else ""
              for i in range(height)]
    label_w = max(len(x) for x in labels)
    lines = [title]
    for label, row in zip(labels, grid, strict=True):
        lines.append(f"{label:>{label_w}} |" + "".join(row).rstrip())
    lines.append(" " * label_w + " +" + "-" * width)
    axis = [" "] * (width + 8)
    for x in xs:
        s = f"{x:,}"
        c = min(max(col(x) - len(s) // 2, 0), width + 8 - len(s))
        axis[c : c + len(s)] = s
    lines.append(" " * (label_w + 2) + "".join(axis).rstrip() + "  documents (log scale)")
    lines.append(" " * (label_w + 2) + "   ".join(f"{m} {name}" for name, m in zip(series, MARKS, strict=False))
                 + ("   & two at once" if any("&" in row for row in grid) else ""))
    return "\n".join(lines)


def draw(figures: dict[str, Any]) -> list[str]:
    """The curves, from the figures main() gathers (or --json-out wrote: its keys are strings)."""
    rows = {int(n): v for n, v in figures["builds"].items()}
    adds = {int(n): v for n, v in figures.get("add_one", {}).items()}
    ratios, ip = figures["query_x_seed"], figures["in_process_ms"]
    ns = sorted(rows)
    return [
        plot(ns, {"build s": [rows[n]["build s"] for n in ns],
                  "add one doc s": [adds.get(n, {}).get("add s") for n in ns]},
             "documents -> build time (s)"),
        plot(ns, {"largest process MB": [rows[n]["max process MB"] for n in ns],
                  "whole tree PSS MB": [rows[n]["tree PSS MB"] for n in ns]},
             "documents -> build memory (MB)"),
        plot(ns, {SHORT.get(label, label): [ratios["plain"][label].get(str(n)) for n in ns] for label, _ in speed.QUERIES},
             "documents -> query time at a terminal, x the seed fact base's (whole process)", height=12, bottom=1.0),
        plot(ns, {SHORT.get(label, label): [ratios["--json"][label].get(str(n)) for n in ns] for label, _ in speed.QUERIES},
             "documents -> query time with --json (the whole answer), x the seed fact base's", height=12, bottom=1.0),
        plot(ns, {"load ms": [ip[str(n)]["load"] for n in ns]}, "documents -> opening the fact base for a query (ms)",
             height=6),
    ]


# ------------------------------------------------------------------ main


def new_document(rng: random.Random, folder: Path) -> Path:
    """One more document, not in any corpus (its own random stream), for the incremental add."""
    paths, _ = make_corpus(1, folder, rng, 5000)
    return paths[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 3000, 10000],
                    help="corpus sizes (default: 1000 3000 10000)")
    ap.add_argument("--doc-kb", type=float, default=5.0, help="approximate size of one document in KB (default 5)")
    ap.add_argument("--runs", type=int, default=7, help="runs per query command (default 7)")
    ap.add_argument("--seed", type=int, default=1944, help="random seed of the generator")
    ap.add_argument("--build-timeout", type=float, default=1800.0, help="give up on a build after this many seconds")
    ap.add_argument("--in-process-reps", type=int, default=3, help="fresh processes per query for in-process first-call times")
    ap.add_argument("--keep", help="write corpora and fact bases here and keep them (default: a temp dir, removed)")
    ap.add_argument("--json-out", help="also write every figure here as JSON")
    ap.add_argument("--plot", metavar="JSON", help="only draw the plots of the figures --json-out wrote")
    args = ap.parse_args()
    if args.plot:
        print("\n\n".join(draw(json.loads(Path(args.plot).read_text()))))
        return
    docs = sorted(set(args.docs))

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="etr-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = etr_env(work / "home")
    figures: dict[str, object] = {"command": " ".join([Path(sys.executable).name, *sys.argv]),
                                  "cores": os.cpu_count(), "load_before": os.getloadavg()}
    try:
        print(f"{os.cpu_count()} cores; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
              "(other work on the machine slows every figure; the ratios hold up better)")
        loop0 = cpu_loop()
        print(f"machine speed: {loop0:.2f} s for a 10-million-step Python loop (0.65 s at its fastest here)")
        seed = build([], work / "facts_seed.json", env, args.build_timeout)
        if seed.code != 0:
            sys.exit(f"scale.py: seed build failed: {seed.stderr[-600:]}")
        print(f"baseline, the seeds alone: build {seed.seconds:.2f} s (start-up included), largest process "
              f"{seed.max_rss_mb:.0f} MB\n", flush=True)

        rows: dict[int, dict[str, float]] = {}
        dbs: dict[str, Path] = {"seed": SEED_DB}
        for n in docs:
            folder = work / f"docs_{n}"
            shutil.rmtree(folder, ignore_errors=True)  # a corpus written before for another N
            t0 = time.perf_counter()
            _, nbytes = make_corpus(n, folder, random.Random(args.seed + n), int(args.doc_kb * 1000))
            print(f"N={n}: generated {n} documents, {nbytes / 1e6:.2f} MB, in {time.perf_counter() - t0:.1f} s; "
                  "building ...", flush=True)
            out = work / f"facts_{n}.json"
            r = build([folder], out, env, args.build_timeout)
            if r.code != 0:
                print(f"N={n}: build FAILED (exit {r.code}): {r.stderr[-600:]}", flush=True)
                continue
            mb = nbytes / 1e6
            rows[n] = {"text MB": mb, "build s": r.seconds, "MB/s": mb / r.seconds, "max process MB": r.max_rss_mb,
                       "main MB": r.main_hwm_mb, "tree PSS MB": r.tree_pss_mb, "processes": r.processes,
                       **{f"{k} MB": v for k, v in sizes(out).items()}}
            print(f"N={n}: built in {r.seconds:.1f} s ({mb / r.seconds:.2f} MB/s), largest process {r.max_rss_mb:.0f} MB, "
                  f"whole tree {r.tree_pss_mb:.0f} MB PSS", flush=True)
            dbs[str(n)] = out
        loop1 = cpu_loop()
        print(f"machine speed after the builds: {loop1:.2f} s for the same loop\n")
        figures.update(loop_before=loop0, loop_after=loop1, seed_build_s=seed.seconds, builds=rows)

        brows = [[n, v["text MB"], v["build s"], v["MB/s"], v["max process MB"], v["main MB"], v["tree PSS MB"],
                  int(v["processes"]), v["json MB"], v["index MB"], v["analyses MB"]] for n, v in rows.items()]
        print(speed.table(["docs", "text MB", "build s", "MB/s", "max proc MB", "main MB", "tree PSS MB", "procs",
                           "JSON MB", "index MB", "analyses MB"], brows,
                          "etr build --add FOLDER --out F (seeds + N synthetic documents, from nothing); MB/s = added text / "
                          "wall time\nmax proc = largest peak RSS of one process of the build (os.wait4 ru_maxrss); main = "
                          "the etr process's VmHWM;\ntree PSS = the largest sum of PSS over all its processes (sampled every "
                          "20 ms from /proc)"))
        print()

        times, counts = query_times(dbs, args.runs, env)
        qrows: list[list[object]] = []
        ratios: dict[str, dict[str, dict[str, float]]] = {mode: {} for mode in MODES}
        for mode in MODES:
            for label, _ in speed.QUERIES:
                base = statistics.median(times[("seed", mode, label)])
                row: list[object] = [f"etr {label} {mode}", base, counts[("seed", label)] if mode != "plain" else ""]
                for name in dbs:
                    if name == "seed":
                        continue
                    m = statistics.median(times[(name, mode, label)])
                    row += [m, m / base, counts[(name, label)] if mode != "plain" else ""]
                    ratios[mode].setdefault(label, {})[name] = m / base
                qrows.append(row)
        header = ["command", "seed ms", "seed n"]
        for name in dbs:
            if name != "seed":
                header += [f"{name} ms", "x seed", "n"]
        print(speed.table(header, qrows, f"Query commands, whole process, --db, median of {args.runs} interleaved runs; "
                                         "x seed = ms / seed ms, the same run;\nn = results in the --json answer (who: "
                                         "the profile's events); plain = at a terminal (ETR_TERMINAL=1, 120 columns), "
                                         "25 rows and 'N more'"))
        print()
        figures["query_ms"] = {f"{name} {mode} {label}": statistics.median(v) for (name, mode, label), v in times.items()}
        figures["query_x_seed"] = ratios

        ip = {name: in_process(db, env, args.in_process_reps) for name, db in dbs.items()}
        keys = (["load", "open index + FactBase"] + [f"first: {q}" for q in speed.CALLS]
                + [f"warm: {q}" for q in speed.CALLS])
        irows = []
        for k in keys:
            row = [k, ip["seed"][k]]
            for name in dbs:
                if name != "seed":
                    row += [ip[name][k], ip[name][k] / ip["seed"][k] if ip["seed"][k] else float("nan")]
            irows.append(row)
        header = ["in-process ms", "seed"]
        for name in dbs:
            if name != "seed":
                header += [name, "x seed"]
        print(speed.table(header, irows, "In-process: load = opening the fact base for a query in a fresh process "
                                         f"(median of {4 * args.in_process_reps});\nfirst = a query's first call in a "
                                         f"fresh process (median of {args.in_process_reps}); warm = repeated calls, "
                                         "and reopening, in one process"))
        print()
        figures["in_process_ms"] = ip

        # one more document, added to each fact base as a user would: only it is read, the rest kept
        adds: dict[int, dict[str, float]] = {}
        extra = new_document(random.Random(args.seed - 1), work / "new")
        for n in rows:
            out = dbs[str(n)]
            r = measured([speed.ETR, "build", "--add", str(extra), "--out", str(out)], env, args.build_timeout)
            if r.code != 0:
                print(f"N={n}: adding one document FAILED (exit {r.code}): {r.stderr[-600:]}")
                continue
            adds[n] = {"add s": r.seconds, "x build": r.seconds / rows[n]["build s"], "max process MB": r.max_rss_mb}
        print(speed.table(["docs", "add one s", "x full build", "max proc MB"],
                          [[n, v["add s"], v["x build"], v["max process MB"]] for n, v in adds.items()],
                          f"etr build --add ONE.txt --out F, F holding N documents (incremental: {extra.stat().st_size:,} "
                          "bytes read and linked, the rest kept)"))
        print()
        figures["add_one"] = adds

        plots = draw(figures)
        print("\n\n".join(plots))
        figures["plots"] = plots
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(figures, indent=1, default=str))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
