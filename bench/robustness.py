"""Throw a large randomised batch of hostile input at the installed `etr` and check its invariants.

Every input runs as a real subprocess (in parallel, `--workers`), with a random command, random
options, with and without --json/--jsonl, and as a Rich table or plain text. An input *breaks* the
contract when:

- the exit code is not 0, 1, 2 or 3 (or it is 3 although the fact base is the good one),
- stderr holds "Traceback",
- stdout under --json is not exactly one JSON document in UTF-8 (under --jsonl: not JSON lines),
- stdout holds a raw ESC byte (an escape sequence from a query or a document was passed through;
  etr's own styles at a terminal, bold, dim, reverse and yellow, are not),
- a failing run does not say why in exactly one line on stderr,
- a failed `build --add ... --out X` changed X, or the run hung past --timeout.

Usage:  python bench/robustness.py [--n 10000] [--workers 2] [--budget 1800] [--seed 1]
Standard library only. Exits 1 if anything broke, 0 otherwise.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MAX_ARG = 100_000  # bytes; Linux refuses a single argv string over 128 KiB

# ------------------------------------------------------------------------------ vocabulary

NAMES = ["Ehmetjan Qasimi", "qasimi", "Kasimov", "Elihan Tore", "Osman Batur", "Sheng Shicai", "Ghulja", "Yining",
         "Kuldja", "Urumqi", "Dihua", "Ili", "Tarbagatay", "Altay", "尼勒克镇", "Uyghurs", "Soviet Union",
         "Ili National Army", "plane crash", "Three Districts Revolution", "East Turkestan Republic", "ETR"]
QUESTIONS = ["who was the president of the ETR", "when did the plane crash happen", "how many troops",
             "where was the republic founded", "what treaty was signed in 1945"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan", "Feb.", "Sept", "dec", "FEBRUARY"]
SEASONS = ["spring", "summer", "autumn", "fall", "winter", "Winter"]
MODS = ["early", "mid", "mid-", "late", "middle", "the end of", "the beginning of", "the turn of"]
MARKUP = ["[bold red]x[/]", "[link=file:///etc]click[/link]", "[/]", "[", "]", "\\[bold]", "[red]", ":skull:",
          "[on red]", "[blink]a[/blink]", "[/bold red]", "[@click=app.quit]q[/]"]
ANSI = ["\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[H", "\x1b]0;title\x07", "\x1b]8;;file:///etc/passwd\x07x\x1b]8;;\x07",
        "\x1b", "\x1b[", "\x1b[?1049h", "\x1bc", "\x9b31m", "\x1bP+q\x1b\\", "\x07", "\x08\x08\x08"]
BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e",
        "\u200b", "\u200d", "\ufeff", "\u061c"]
RTL = ["أحمد جان قاسمي", "ئەخمەتجان قاسىمى", "שלום", "غولجا", "ئىلى"]
EMOJI = ["🔥", "💀", "🇺🇳", "👨‍👩‍👧", "☃", "🏳️‍🌈", "\U0001f9ff", "👍🏽"]
IMPOSSIBLE = ["1944-13", "31 February 1944", "0000", "1946..1944", "99999999", "1944-00", "1944-11-00",
              "29 February 1945", "1944-02-30", "..", "1944..", "..1944", "1944..1945..1946", "February 30, 1944",
              "the 31st of April 1945", "0000-01-01", "1944-1", "-1944", "1e9", "1944.5"]
OPTIONS = ["--json", "--jsonl", "-n", "--limit", "--db", "--from", "--to", "--about", "--check", "--add", "--out",
           "--report", "--help", "-h", "--version", "--", "-", "--bogus", "-x"]

TAKES_VALUE = {"-n", "--limit", "--db", "--from", "--to", "--about", "--add", "--out"}

COMMANDS = ["who", "where", "what", "when", "search", "show", "timeline", "sources", "extract", "build"]
WEIGHTS = [14, 8, 8, 16, 16, 6, 14, 3, 8, 2]


# ------------------------------------------------------------------------------ generators


def rand_char(r: random.Random) -> str:
    pick = r.random()
    if pick < 0.35:
        return chr(r.randint(0x20, 0x7E))
    if pick < 0.45:
        return chr(r.randint(0, 0x1F) if r.random() < 0.8 else r.randint(0x7F, 0x9F))
    if pick < 0.55:
        return chr(r.randint(0xA0, 0x24F))
    if pick < 0.65:
        return chr(r.choice([r.randint(0x300, 0x36F), r.randint(0x590, 0x6FF), r.randint(0x4E00, 0x9FFF)]))
    if pick < 0.72:
        return r.choice(BIDI)
    if pick < 0.80:
        return chr(r.randint(0x1F300, 0x1FAFF))
    if pick < 0.90:
        c = r.randint(0xA0, 0xFFFD)
        return "?" if 0xD800 <= c <= 0xDFFF else chr(c)
    return chr(r.randint(0x10000, 0x10FFFF))


def rand_unicode(r: random.Random, n: int | None = None) -> str:
    return "".join(rand_char(r) for _ in range(n if n is not None else r.randint(0, 40)))


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def rand_date(r: random.Random) -> str:
    y = r.choice([r.randint(1900, 1960), r.randint(1000, 2099), r.randint(0, 99999), 1944, 1949, 0])
    m, d = r.randint(0, 14), r.randint(0, 33)
    month = r.choice(MONTHS)
    forms = [
        f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}", f"{d} {month} {y}", f"{month} {d}, {y}",
        f"the {ordinal(d)} of {month} {y}", f"{month} {y}", f"{r.choice(SEASONS)} {y}", f"{r.choice(SEASONS)} of {y}-{y % 100 + 1:02d}",
        f"{r.choice(MODS)} {y}", f"{r.choice(MODS)} {month} {y}", f"{y // 10 * 10}s", f"the {y // 10 * 10}s",
        f"{ordinal(r.randint(0, 25))} century", f"{r.choice(MODS)} {ordinal(r.randint(0, 25))} century",
        f"{y}-{(y + r.randint(-3, 5)) % 100:02d}", f"{y} to {y + r.randint(-3, 5)}", f"{d}-{d + 2} {month} {y}",
    ]
    s = r.choice(forms)
    if r.random() < 0.25:
        s = f"{s}..{rand_date_simple(r)}"
    return s


def rand_date_simple(r: random.Random) -> str:
    y = r.randint(1900, 1960)
    return r.choice([f"{y}", f"{y}-{r.randint(1, 12):02d}", f"{r.randint(1, 28)} {r.choice(MONTHS)} {y}"])


def hostile_query(r: random.Random) -> tuple[str, str]:
    """(category, query)"""
    cat = r.choice(["empty", "long", "controls", "nul", "rtl", "emoji", "markup", "ansi", "impossible-date",
                    "date", "unicode", "name", "name+noise", "option-like", "invalid-utf8", "question", "mixed"])
    if cat == "empty":
        q = r.choice(["", " ", "\t", "\n", "   \n\t ", "\u00a0", "\u3000", "\x0b\x0c", "\u200b"])
    elif cat == "long":
        unit = r.choice(["a", "Ghulja ", "🔥", "[b]", "\x1b[31m", "1944 ", "ﷺ", rand_unicode(r, 5)])
        q = (unit * (r.randint(400, 120_000) // max(1, len(unit)) + 1))
    elif cat == "controls":
        q = "".join(r.choice([chr(r.randint(0, 31)), chr(0x7F), chr(r.randint(0x80, 0x9F)), "x"]) for _ in range(r.randint(1, 30)))
    elif cat == "nul":
        q = r.choice(NAMES) + "\x00" + rand_unicode(r, 3)
    elif cat == "rtl":
        q = r.choice(RTL) + r.choice(["", r.choice(BIDI), " " + r.choice(NAMES)])
    elif cat == "emoji":
        q = "".join(r.choice(EMOJI) for _ in range(r.randint(1, 8)))
    elif cat == "markup":
        q = r.choice(MARKUP) + r.choice(["", r.choice(NAMES), rand_date(r)]) + r.choice(["", r.choice(MARKUP)])
    elif cat == "ansi":
        q = r.choice(ANSI) + r.choice(NAMES + [rand_date(r)]) + r.choice(ANSI)
    elif cat == "impossible-date":
        q = r.choice(IMPOSSIBLE)
    elif cat == "date":
        q = rand_date(r)
    elif cat == "unicode":
        q = rand_unicode(r)
    elif cat == "name":
        q = r.choice(NAMES)
    elif cat == "name+noise":
        n = r.choice(NAMES)
        i = r.randint(0, len(n))
        q = n[:i] + rand_unicode(r, r.randint(1, 3)) + n[i:]
    elif cat == "option-like":
        q = r.choice(OPTIONS) + r.choice(["", "=", "=x", " ", "1944"])
    elif cat == "invalid-utf8":
        # what argv holds after a non-UTF-8 terminal or a Latin-1 file name: lone surrogates \udc80-\udcff
        q = r.choice(NAMES[:6]) + "".join(chr(0xDC80 + r.randint(0, 127)) for _ in range(r.randint(1, 3)))
    elif cat == "question":
        q = r.choice(QUESTIONS) + r.choice(["", "?", " ??", " " + rand_unicode(r, 3)])
    else:
        q = " ".join(hostile_query(r)[1][:50] for _ in range(r.randint(2, 4)))
    return cat, q


# ------------------------------------------------------------------------------ fixtures


@dataclass
class Fixtures:
    root: Path
    good_db: Path
    good_bytes: bytes
    bad_dbs: dict[str, Path]
    docs: dict[str, Path]


def make_fixtures(etr: str, root: Path, env: dict[str, str]) -> Fixtures:
    good = root / "good.json"
    p = subprocess.run([etr, "build", "--out", str(good)], capture_output=True, env=env, timeout=300)
    if p.returncode != 0:
        sys.exit(f"cannot build a fact base to work with: {p.stderr.decode(errors='replace')}")
    raw = good.read_bytes()
    db = json.loads(raw)
    bad: dict[str, Path] = {}

    def put(name: str, content: bytes | object) -> None:
        path = root / f"db-{name}.json"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(json.dumps(content), encoding="utf-8")
        bad[name] = path

    put("empty", b"")
    put("truncated", raw[: len(raw) // 3])
    put("not-json", b"<html>nope</html>")
    put("list", [])
    put("schema-9", {**db, "schema_version": 9})
    put("no-events", {k: v for k, v in db.items() if k != "events"})
    shifted = json.loads(raw)
    shifted["events"][0]["citations"][0]["start"] += 2
    put("citation-shifted", shifted)
    bad["missing"] = root / "db-does-not-exist.json"
    bad["directory"] = root
    docs: dict[str, Path] = {}

    def doc(name: str, content: bytes) -> None:
        path = root / f"doc-{name}.txt"
        path.write_bytes(content)
        docs[name] = path

    doc("good", b"= Report =\n\nEhmetjan Qasimi met Elihan Tore in Ghulja on 12 November 1944. They spoke.\n")
    doc("markup", ("= [bold red]Title[/] =\n\nThe [link=file:///etc]rebels[/link] took Ghulja in \x1b[31mNovember "
                   "1944\x1b[0m. \u202eReversed\u202c text in Urumqi in June 1946.\n").encode())
    doc("empty", b"")
    doc("whitespace", b" \n\t\n")
    doc("nul", b"Ghulja in 1944.\x00\x00")
    noise = random.Random(7)
    doc("binary", bytes(noise.randrange(1, 256) for _ in range(5000)))
    doc("latin1", "Café in Ghulja, November 1944.\n".encode("latin-1"))
    doc("utf16", "Ghulja in November 1944.\n".encode("utf-16"))
    doc("controls", "".join(chr(1 + i % 30) for i in range(3000)).encode())
    doc("unicode", "".join(chr(noise.randint(0x20, 0x2FFF)) for _ in range(3000)).encode("utf-8", "replace"))
    big = root / "doc-over-64MiB.txt"
    with open(big, "wb") as f:
        f.truncate(70 * 1024 * 1024)
    docs["over-64MiB"] = big
    docs["missing"] = root / "doc-missing.txt"
    docs["directory"] = root
    return Fixtures(root, good, raw, bad, docs)


# ------------------------------------------------------------------------------ one case


@dataclass
class Case:
    idx: int
    category: str
    argv: list[str]
    env: dict[str, str]
    mode: str  # plain | json | jsonl
    bad_db: bool = False
    out_file: Path | None = None
    out_before: bytes | None = None


@dataclass
class Outcome:
    case: Case
    code: int | None
    seconds: float
    problems: list[str] = field(default_factory=list)
    stderr: bytes = b""


def make_case(r: random.Random, idx: int, fx: Fixtures, base_env: dict[str, str]) -> Case:
    cmd = r.choices(COMMANDS, WEIGHTS)[0]
    cat, q = hostile_query(r)
    argv: list[str] = [cmd]
    out_file = None
    if cmd in ("who", "where", "what", "when", "search", "show"):
        if r.random() < 0.7:
            argv += ["--", q] if r.random() < 0.5 else [q]
        else:
            argv += [q]
            if r.random() < 0.5:
                argv += ["--limit", r.choice(["1", "3", "0", "-1", "x", "99999999999999999999", q[:20]])]
    elif cmd == "timeline":
        for opt in ("--from", "--to", "--about"):
            if r.random() < 0.45:
                val = q if r.random() < 0.5 else (rand_date(r) if opt != "--about" else r.choice(NAMES))
                argv += [f"{opt}={val}"] if r.random() < 0.5 else [opt, val]
        if r.random() < 0.3:
            argv += ["-n", r.choice(["1", "5", "0", "abc"])]
    elif cmd == "extract":
        name = r.choice(list(fx.docs))
        argv += [str(fx.docs[name])]
        cat = f"document:{name}"
    elif cmd == "build":
        name = r.choice(list(fx.docs))
        cat = f"build-add:{name}"
        out_file = fx.root / f"out-{idx}.json"
        shutil.copyfile(fx.good_db, out_file)
        argv += ["--add", str(fx.docs[name]), "--out", str(out_file)]
    mode = r.choice(["plain", "plain", "json", "jsonl"])
    if mode != "plain":
        argv.append(f"--{mode}")
    bad_db = False
    if cmd not in ("extract", "build") and r.random() < 0.12:
        name = r.choice(list(fx.bad_dbs))
        argv += ["--db", str(fx.bad_dbs[name])]
        cat += f"+bad-db:{name}"
        bad_db = True
    elif cmd != "build" and r.random() < 0.05:
        stray = r.choice(OPTIONS)
        at = r.randint(1, len(argv))
        argv.insert(at, stray)  # random option soup
        cat += f"+stray-option:{stray}"
        bad_db = stray == "--db"  # it takes the next word as the fact base's path
        flag = f"--{mode}"
        if mode != "plain" and (stray == "--" and flag in argv[at:] or stray in TAKES_VALUE and argv[at + 1:at + 2] == [flag]):
            mode = "plain"  # the --json/--jsonl flag became a query or an option's value: no JSON is asked for
    env = dict(base_env)
    env["ETR_TERMINAL"] = r.choice(["0", "1"])
    if r.random() < 0.3:
        env.pop("NO_COLOR", None)
    if r.random() < 0.2:
        env["COLUMNS"] = str(r.choice([1, 10, 40, 80, 300]))
    return Case(idx, cat, argv, env, mode, bad_db, out_file, fx.good_bytes if out_file else None)


def to_arg(s: str) -> bytes:
    """What argv can carry: no NUL (C strings), lone surrogates as the raw bytes they stand for, <=100 KB."""
    b = s.replace("\x00", "").encode("utf-8", "surrogateescape")
    if len(b) <= MAX_ARG:
        return b
    cut = MAX_ARG
    while cut > 0 and b[cut] & 0xC0 == 0x80:  # never split a UTF-8 sequence
        cut -= 1
    return b[:cut]


OWN_STYLES = re.compile(rb"\x1b\[(?:0|(?:1|2|7|33)(?:;(?:1|2|7|33))*)m")


def run_case(etr: str, case: Case, timeout: float) -> Outcome:
    t0 = time.monotonic()
    try:
        p = subprocess.run([etr.encode(), *map(to_arg, case.argv)], capture_output=True, env=case.env, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Outcome(case, None, time.monotonic() - t0, [f"hung for more than {timeout:.0f}s"], e.stderr or b"")
    secs = time.monotonic() - t0
    out = Outcome(case, p.returncode, secs, stderr=p.stderr)
    problems = out.problems
    code, stdout, stderr = p.returncode, p.stdout, p.stderr
    if code not in (0, 1, 2, 3):
        problems.append(f"exit code {code}")
    elif code == 3 and not case.bad_db and "build-add" not in case.category:
        problems.append("exit 3 (fact base invalid) with a good fact base")
    if b"Traceback" in stderr:
        problems.append("Traceback on stderr")
    # etr's own styles at a terminal (bold 1, dim 2, reverse 7, yellow 33, reset 0; not under
    # NO_COLOR) are no escape passed through; any other ESC is
    if b"\x1b" in OWN_STYLES.sub(b"", stdout):
        problems.append("raw ESC byte on stdout")
    if code in (1, 2, 3):  # one line = one b"\n" (U+2028 and the like are text to a terminal)
        lines = stderr.count(b"\n")
        if lines != 1 or not stderr.endswith(b"\n") or not stderr.startswith(b"etr: "):
            problems.append(f"stderr is {lines} lines, not one 'etr: ...' line")
    if case.mode == "json" and "--help" not in case.argv and "-h" not in case.argv and "--version" not in case.argv:
        try:
            doc = json.loads(stdout.decode("utf-8"))
            if not isinstance(doc, dict):
                problems.append("--json output is not a JSON object")
        except UnicodeDecodeError:
            problems.append("--json output is not UTF-8")
        except ValueError as e:
            problems.append(f"--json output is not one JSON document ({str(e)[:40]})")
    if case.mode == "jsonl" and "--help" not in case.argv and "-h" not in case.argv:
        try:
            for line in stdout.decode("utf-8").splitlines():
                json.loads(line)
        except (UnicodeDecodeError, ValueError):
            problems.append("--jsonl output is not JSON lines")
    if case.out_file is not None:
        after = case.out_file.read_bytes() if case.out_file.is_file() else None
        if code != 0 and after != case.out_before:
            problems.append("failed build changed its --out file")
        if code == 0 and after == case.out_before:
            problems.append("successful build left its --out file as it was")
        case.out_file.unlink(missing_ok=True)
    return out


# ------------------------------------------------------------------------------ reporting


def shell_quote(a: str) -> str:
    a = a.replace("\x00", "")
    if len(a) > 200:
        return f"<{len(a)} characters starting {shell_quote(a[:30])}>"
    if a and all(c.isalnum() or c in "-_./=:,@%+" for c in a):
        return a
    if all(c.isprintable() and c != "'" for c in a):
        return f"'{a}'"
    out = []
    for c in a:
        if c.isprintable() and c not in "'\\":
            out.append(c)
        else:  # control, format and bidi characters, lone surrogates: as the bytes argv holds
            out.extend(f"\\x{b:02x}" for b in c.encode("utf-8", "surrogateescape"))
    return "$'" + "".join(out) + "'"


def repro(case: Case) -> str:
    env = [f"{k}={case.env[k]}" for k in ("ETR_TERMINAL", "COLUMNS") if k in case.env]
    return " ".join(env + ["etr"] + [shell_quote(a) for a in case.argv])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="inputs to try (default 10000)")
    ap.add_argument("--workers", type=int, default=2, help="parallel subprocesses (default 2)")
    ap.add_argument("--budget", type=float, default=1800.0, help="stop after this many seconds in all (default 1800)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before one run counts as hung (default 60)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: time-based, printed)")
    ap.add_argument("--etr", default=None, help="the etr executable (default: next to this Python, else on PATH)")
    ap.add_argument("--show", type=int, default=10, help="broken examples to list (default 10)")
    ap.add_argument("--skip", type=int, default=0,
                    help="generate and skip the first K inputs (to re-run inputs K.. of a seeded run)")
    args = ap.parse_args()

    etr = args.etr or (str(Path(sys.executable).parent / "etr") if (Path(sys.executable).parent / "etr").is_file()
                       else shutil.which("etr"))
    if not etr:
        sys.exit("etr is not installed (no --etr, nothing next to this Python or on PATH)")
    seed = args.seed if args.seed is not None else int(time.time())
    r = random.Random(seed)
    start = time.monotonic()
    deadline = start + args.budget

    with tempfile.TemporaryDirectory(prefix="etr-robustness-") as tmp:
        root = Path(tmp)
        home = root / "home"
        home.mkdir()
        base_env = {k: v for k, v in os.environ.items() if not k.startswith("ETR_")}
        base_env.update(ETR_HOME=str(home), ETR_QUIET="1", NO_COLOR="1", COLUMNS="100")
        fx = make_fixtures(etr, root, base_env)
        print(f"etr: {etr}\nseed: {seed}  n: {args.n}  workers: {args.workers}  budget: {args.budget:.0f}s", flush=True)

        outcomes: list[Outcome] = []
        lock = threading.Lock()
        stopped_early = False
        with cf.ThreadPoolExecutor(max_workers=args.workers) as pool:
            pending: set[cf.Future[Outcome]] = set()
            idx = 0
            for _ in range(args.skip):  # same random stream as the original run
                skipped = make_case(r, -1, fx, base_env)
                if skipped.out_file is not None:
                    skipped.out_file.unlink(missing_ok=True)
            last_report = time.monotonic()
            while idx < args.n or pending:
                while idx < args.n and len(pending) < args.workers * 4 and time.monotonic() < deadline:
                    case = make_case(r, idx, fx, base_env)
                    timeout = max(1.0, min(args.timeout, deadline - time.monotonic() + 5))
                    pending.add(pool.submit(run_case, etr, case, timeout))
                    idx += 1
                if idx < args.n and time.monotonic() >= deadline:
                    stopped_early = True
                    idx = args.n  # submit no more
                if not pending:
                    break
                done, pending = cf.wait(pending, timeout=5, return_when=cf.FIRST_COMPLETED)
                with lock:
                    outcomes.extend(f.result() for f in done)
                if time.monotonic() - last_report > 30:
                    last_report = time.monotonic()
                    broke = sum(1 for o in outcomes if o.problems)
                    print(f"  ... {len(outcomes)} tried, {broke} broke, {time.monotonic() - start:.0f}s", flush=True)

    elapsed = time.monotonic() - start
    broken = [o for o in outcomes if o.problems]
    print()
    print(f"tried: {len(outcomes)} in {elapsed:.1f}s ({len(outcomes) / max(elapsed, 1e-9):.1f}/s)"
          + ("  [stopped by --budget]" if stopped_early else ""))
    print(f"broke an invariant: {len(broken)}")
    by_problem = Counter(p.split(" (")[0] for o in broken for p in o.problems)
    for problem, n in by_problem.most_common():
        print(f"  {n:6d}  {problem}")
    by_cat = Counter(o.case.category.split("+")[0] for o in broken)
    if by_cat:
        print("  by input category: " + ", ".join(f"{c} {n}" for c, n in by_cat.most_common()))
    codes = Counter(o.code for o in outcomes)
    print("exit codes: " + ", ".join(f"{c}: {n}" for c, n in sorted(codes.items(), key=lambda x: str(x[0]))))
    if broken:
        # one example of each kind of breakage first (problems + the gist of the message), then the rest in order
        def kind(o: Outcome) -> tuple[str, ...]:
            gist = o.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            return (*sorted(p.split(" (")[0] for p in o.problems), "".join(c for c in gist[0] if not c.isdigit())[:40])
        first_of_kind: dict[tuple[str, ...], Outcome] = {}
        for o in sorted(broken, key=lambda o: o.case.idx):
            first_of_kind.setdefault(kind(o), o)
        chosen = list(first_of_kind.values())
        chosen += [o for o in sorted(broken, key=lambda o: o.case.idx) if o not in chosen]
        print(f"\n{len(first_of_kind)} kinds of breakage; {min(args.show, len(broken))} broken examples, one of each kind first:")
        for o in chosen[: args.show]:
            err = o.stderr.decode("utf-8", "replace").strip().splitlines()
            print(f"  #{o.case.idx} [{o.case.category}] exit {o.code}: {'; '.join(o.problems)}")
            print(f"      $ {repro(o.case)}")
            if err:
                print(f"      stderr: {err[-1][:200]}")
    print("\nslowest 5:")
    for o in sorted(outcomes, key=lambda o: -o.seconds)[:5]:
        print(f"  {o.seconds:6.2f}s  exit {o.code}  [{o.case.category}]  {repro(o.case)[:160]}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
