"""Start-up and answer time of the installed `etr`, as a whole process and inside the process.

    .venv/bin/python bench/speed.py                 # 15 rounds, the default fact base
    .venv/bin/python bench/speed.py --runs 31 --db /tmp/facts_1000.json
    .venv/bin/python bench/speed.py --profile       # also cProfile of each query (in-process)

Part 1 (whole process): every round runs, in this order, `python -c pass`, the hello-world Typer
app (bench/hello_typer.py hello) and each etr command; the rounds repeat --runs times, so that
drift on the machine hits baselines and etr alike. Plain runs get ETR_TERMINAL=1 and COLUMNS=120
(tables laid out, as at a terminal); stdout goes to /dev/null either way. Reported: median
and p90 wall time, and the median as a ratio to each baseline.

Part 2 (inside the process): fresh interpreters time the fast path's imports (and what a query adds),
store.load + FactBase, and each FactBase method: its first call in a fresh process (lazy indexes,
rapidfuzz import, date-grammar compile) and warm calls (median of many repetitions).

Part 3: `python -X importtime -c "import etr.cli.app"` (the Typer app), top 10 cumulative (median of 5 processes), and
the same for a whole `etr who` run.

Standard library only; run it with the project's interpreter (.venv/bin/python).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = ROOT / ".venv" / "bin"
PY = str(VENV / "python")
ETR = str(VENV / "etr")
HELLO = str(HERE / "hello_typer.py")

QUERIES: list[tuple[str, list[str]]] = [
    ("who Ehmetjan Qasimi", ["who", "Ehmetjan Qasimi"]),
    ("when 1944-11", ["when", "1944-11"]),
    ("when plane crash", ["when", "plane crash"]),
    ("search president", ["search", "president"]),
]

# The in-process equivalents of QUERIES (what the handlers call on the FactBase).
CALLS = {
    "who Ehmetjan Qasimi": "lookup(fb, 'Ehmetjan Qasimi', {'person', 'group'})",
    "when 1944-11": "when(fb, '1944-11')",
    "when plane crash": "when(fb, 'plane crash')",
    "search president": "search(fb, 'president')",
}



# ------------------------------------------------------------------ statistics


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p90(xs: list[float]) -> float:
    if len(xs) < 2:
        return xs[0]
    return statistics.quantiles(xs, n=10, method="inclusive")[8]


def table(header: list[str], rows: list[list[object]], title: str | None = None) -> str:
    cells = [[str(c) for c in header]] + [[c if isinstance(c, str) else _fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    out = []
    if title:
        out.append(title)
    for k, r in enumerate(cells):
        out.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _fmt(x: object) -> str:
    if isinstance(x, float):
        return f"{x:.2f}" if abs(x) < 100 else f"{x:.0f}"
    return str(x)


# ------------------------------------------------------------------ part 1: whole process


PYC_CACHE = Path(tempfile.gettempdir()) / "etr-bench-pycache"
KEEP_ENV_PYC = False  # --as-is: leave PYTHONDONTWRITEBYTECODE / PYTHONPYCACHEPREFIX as the caller set them


def base_env() -> dict[str, str]:
    """The caller's environment, with bytecode caching on unless --as-is.

    An editable install imports etr from src/; with PYTHONDONTWRITEBYTECODE=1 (set in this
    project's sandbox and CI) every run recompiles etr's modules from source, which a user's
    installed copy never does. So by default bytecode goes to a cache outside the tree
    (PYTHONPYCACHEPREFIX), written by the untimed warm-up runs.
    """
    env = dict(os.environ)
    if not KEEP_ENV_PYC:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYC_CACHE)
    return env


def _env(plain: bool) -> dict[str, str]:
    env = base_env()
    if plain:
        env["ETR_TERMINAL"] = "1"
        env["COLUMNS"] = "120"
    else:
        env.pop("ETR_TERMINAL", None)
        env.pop("COLUMNS", None)
    return env


def commands(db: str | None) -> list[tuple[str, list[str], dict[str, str], bool]]:
    """(label, argv, env, is_etr) in the order a round runs them."""
    extra = ["--db", db] if db else []
    out = [
        ("python -c pass", [PY, "-c", "pass"], _env(True), False),
        ("hello_typer.py hello", [PY, HELLO, "hello"], _env(True), False),
    ]
    for label, args in QUERIES:
        out.append((f"etr {label}", [ETR, *args, *extra], _env(True), True))
    for label, args in QUERIES:
        out.append((f"etr {label} --json", [ETR, *args, "--json", *extra], _env(False), True))
    return out


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int, bytes]:
    t0 = time.perf_counter()
    p = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t0, p.returncode, p.stderr


def whole_process(runs: int, db: str | None) -> dict[str, list[float]]:
    cmds = commands(db)
    # one untimed warm-up each (page cache, .pyc files), and a check that every command works
    for label, argv, env, is_etr in cmds:
        check = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True)
        if check.returncode != 0 or (is_etr and not check.stdout):
            sys.exit(f"speed.py: `{label}` failed (exit {check.returncode}): {check.stderr.decode(errors='replace')[:300]}")
    times: dict[str, list[float]] = {label: [] for label, *_ in cmds}
    for _ in range(runs):
        for label, argv, env, _is_etr in cmds:
            dt, rc, err = run_once(argv, env)
            if rc != 0:
                sys.exit(f"speed.py: `{label}` failed (exit {rc}): {err.decode(errors='replace')[:300]}")
            times[label].append(dt * 1000)
    return times


def report_whole(times: dict[str, list[float]], runs: int) -> str:
    base_pass = median(times["python -c pass"])
    base_hello = median(times["hello_typer.py hello"])
    rows: list[list[object]] = []
    for label, xs in times.items():
        m = median(xs)
        net = (m - base_pass) / (base_hello - base_pass) if base_hello > base_pass else float("nan")
        rows.append([label, m, p90(xs), min(xs), m / base_pass, m / base_hello, net])
    return table(
        ["command", "median ms", "p90 ms", "min ms", "x pass", "x hello", "net x hello"],
        rows,
        f"Whole process: {runs} interleaved rounds (plain = ETR_TERMINAL=1 COLUMNS=120; stdout to /dev/null)\n"
        "x pass / x hello = median / baseline median;  net x hello = (median - pass) / (hello - pass)",
    )


# ------------------------------------------------------------------ part 2: inside the process

CHILD = textwrap.dedent(
    r"""
    import json, sys, time
    pc = time.perf_counter
    out = {}
    t = pc(); import etr.cli.execute, etr.cli.fast; out["import etr.cli (fast path)"] = (pc() - t) * 1000
    t = pc(); from etr.query.lookup import lookup; from etr.query.when import when; from etr.query.search import search
    out["+ import etr.query"] = (pc() - t) * 1000
    ns = {"lookup": lookup, "when": when, "search": search}
    from etr.store import facts as store
    from etr.query.core import FactBase
    from etr.store.opening import open_index
    db_path = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
    path = store.Path(db_path) if db_path else store.default_db()
    t = pc(); fb = FactBase(open_index(path)); out["load (first)"] = (pc() - t) * 1000
    call = sys.argv[1]
    # the query's first call in this process: lazy indexes, rapidfuzz import, date grammar compile
    t = pc(); eval(call, dict(ns, fb=fb)); out["first"] = (pc() - t) * 1000
    t = pc(); eval(call, dict(ns, fb=FactBase(open_index(path)))); out["fresh FactBase, modules warm"] = (pc() - t) * 1000
    # what a plain run adds: the terminal layout
    t = pc(); import etr.render.terminal; out["+ import terminal layout"] = (pc() - t) * 1000
    print(json.dumps(out))
    """
)

WARM = textwrap.dedent(
    r"""
    import io, json, sys, time, statistics
    pc = time.perf_counter
    from etr.store import facts as store
    from etr.render import envelope, terminal as render
    from etr.query.core import FactBase
    from etr.query.lookup import lookup
    from etr.query.when import when
    from etr.query.search import search
    ns = {"lookup": lookup, "when": when, "search": search}
    from etr.store.opening import open_index
    db_path = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
    path = store.Path(db_path) if db_path else store.default_db()
    calls = json.loads(sys.argv[2])
    budget = float(sys.argv[3])

    def reps(fn, budget=budget, lo=5, hi=500):
        xs = []
        start = pc()
        while len(xs) < hi and (len(xs) < lo or pc() - start < budget):
            t = pc(); fn(); xs.append((pc() - t) * 1000)
        return xs

    res = {}
    raw = path.read_bytes()
    res["read bytes"] = reps(lambda: path.read_bytes())
    res["json.loads"] = reps(lambda: json.loads(raw))
    db = json.loads(raw)
    res["store.validate"] = reps(lambda: store.validate(db, "x"))
    res["store.load + FactBase"] = reps(lambda: store.load(path))
    res["open index + FactBase"] = reps(lambda: FactBase(open_index(path)))
    fb = FactBase(open_index(path))
    for label, call in calls.items():
        eval(call, dict(ns, fb=fb))
        res["warm: " + label] = reps(lambda: eval(call, dict(ns, fb=fb)))
    # output cost, warm: the JSON envelope and the terminal layout a plain run does
    results, interp = lookup(fb, "Ehmetjan Qasimi", {"person", "group"})
    shorts = {s["id"]: s["short"] for s in fb.source_by_id.values()}
    titles = {s["id"]: s["title"] for s in fb.source_by_id.values()}
    res["render who --json"] = reps(lambda: envelope.to_json(envelope.envelope("who", "x", interp, results)))
    screen = render.Screen(120, styles=True)
    res["render who (terminal)"] = reps(lambda: render.profiles(screen, results, interp, "x", shorts, titles))
    sres, _ = search(fb, "president")
    res["render search (terminal)"] = reps(lambda: render.search(screen, sres, shorts, titles))
    res["_counts"] = {k: len(db[k]) for k in ("sources", "sentences", "events", "entities")}
    res["_bytes"] = len(raw)
    print(json.dumps(res))
    """
)

PHASES = textwrap.dedent(
    r"""
    # One whole `etr ...` run inside one process, cut into import time per package and work per phase.
    import functools, json, os, sys, time
    pc = time.perf_counter
    _t_start = pc()
    import _frozen_importlib as B
    GROUPS = {"etr": "etr", "typer": "typer", "shellingham": "typer", "click": "typer",
              "pydantic": "pydantic", "pydantic_core": "pydantic", "annotated_types": "pydantic",
              "typing_inspection": "pydantic", "typing_extensions": "pydantic", "annotated_doc": "typer",
              "rich": "rich", "pygments": "rich", "markdown_it": "rich", "mdurl": "rich",
              "rapidfuzz": "rapidfuzz"}
    IMP = {}          # group -> ms of import time (exclusive: nested imports of other groups go to theirs)
    stack = []        # [group, start, children_elapsed]
    imp_total = [0.0]  # all import time so far (outermost imports only), for subtracting from phases
    orig_find_and_load = B._find_and_load
    def find_and_load(name, import_):
        top = name.partition(".")[0]
        if top in sys.stdlib_module_names or top not in GROUPS:
            group = stack[-1][0] if stack else ("stdlib" if top in sys.stdlib_module_names else "other")
        else:
            group = GROUPS[top]
        frame = [group, pc(), 0.0]
        stack.append(frame)
        try:
            return orig_find_and_load(name, import_)
        finally:
            stack.pop()
            elapsed = pc() - frame[1]
            IMP[group] = IMP.get(group, 0.0) + (elapsed - frame[2]) * 1000
            if stack:
                stack[-1][2] += elapsed
            else:
                imp_total[0] += elapsed * 1000
    B._find_and_load = find_and_load

    W = {}  # phase -> ms of work (imports inside the phase subtracted)
    def timed(key, fn):
        @functools.wraps(fn)  # Typer takes the command's name and parameters from it
        def w(*a, **k):
            t, i = pc(), imp_total[0]
            try:
                return fn(*a, **k)
            finally:
                W[key] = W.get(key, 0.0) + (pc() - t) * 1000 - (imp_total[0] - i)
        return w

    import etr.cli.main as entry
    import etr.cli.output as output
    import etr.query.core as core
    from etr.store import opening as etr_opening
    orig_open = etr_opening.open_index
    etr_opening.open_index = timed("etr: open fact base (index)", orig_open)
    core.ask = timed("etr: load + answer", core.ask)
    output.Output.answer = timed("etr: output (format, render, write)", output.Output.answer)
    sys.argv = ["etr", *sys.argv[1:]]
    main = timed("main()", entry.main)
    try:
        main()
    except SystemExit:
        pass
    total = (pc() - _t_start) * 1000
    W["etr: answer (after opening)"] = W.get("etr: load + answer", 0.0) - W.get("etr: open fact base (index)", 0.0)
    W["etr: parsing and other work"] = (W.get("main()", 0.0) - W.get("etr: load + answer", 0.0)
                                        - W.get("etr: output (format, render, write)", 0.0))
    W["module-level code outside imports"] = total - imp_total[0] - W.get("main()", 0.0)
    out = {"imports: " + k: v for k, v in IMP.items()}
    out.update({k: v for k, v in W.items() if k not in ("main()", "etr: load + answer")})
    out["total in process"] = total
    os.write(2, ("\nPHASES " + json.dumps(out) + "\n").encode())
    """
)


def phases(runs: int, db: str | None) -> str:
    """Where one whole etr run spends its time, per command (median over fresh processes)."""
    cmds = [c for c in commands(db) if c[3]]
    startup = [run_once([PY, "-c", "pass"], _env(False))[0] * 1000 for _ in range(runs)]
    keys = ["imports: typer", "imports: pydantic", "imports: rich", "imports: rapidfuzz", "imports: etr",
            "imports: stdlib", "imports: other",
            "etr: open fact base (index)", "etr: answer (after opening)",
            "etr: output (format, render, write)", "etr: parsing and other work",
            "module-level code outside imports", "total in process"]
    cols: dict[str, dict[str, float]] = {}
    for label, argv, env, _ in cmds:
        acc: dict[str, list[float]] = {k: [] for k in keys}
        for _ in range(runs):
            p = subprocess.run([PY, "-c", PHASES, *argv[1:]], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            line = [x for x in p.stderr.splitlines() if x.startswith("PHASES ")]
            if not line or "Error" in p.stderr.split("PHASES")[0]:
                sys.exit(f"speed.py: phase child failed for {label}: {p.stderr[-600:]}")
            got = json.loads(line[-1][7:])
            for k in keys:
                acc[k].append(got.get(k, 0.0))
        cols[label.replace("etr ", "")] = {k: median(v) for k, v in acc.items()}
    rows: list[list[object]] = [["python start-up (python -c pass)"] + [median(startup)] * len(cols)]
    for k in keys:
        if any(cols[c][k] >= 0.005 for c in cols) or k == "total in process":
            rows.append([k] + [cols[c][k] for c in cols])
    short = [c.replace("Ehmetjan Qasimi", "EQ").replace("plane crash", "crash").replace("president", "pres") for c in cols]
    return table(["phase (ms, median)", *short], rows,
                 f"One whole run by phase (median of {runs} fresh processes per command). imports: X = time importing\n"
                 "package X and the standard-library modules it pulls in first, nested packages charged to their own\n"
                 "row; the other rows are work with imports taken out. total excludes interpreter start-up and exit.")


HELLO_IMPORTS = "import time; t=time.perf_counter(); import typer, rich.console, rich.table; print((time.perf_counter()-t)*1000)"


def in_process(runs: int, db: str | None) -> str:
    env = _env(False)  # bytecode policy as base_env()
    cold: dict[str, dict[str, list[float]]] = {label: {} for label in CALLS}
    hello_imports: list[float] = []
    for _ in range(runs):
        for label, call in CALLS.items():
            p = subprocess.run([PY, "-c", CHILD, call, db or ""], env=env, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"speed.py: in-process child failed: {p.stderr[-800:]}")
            for k, v in json.loads(p.stdout).items():
                cold[label].setdefault(k, []).append(v)
        p = subprocess.run([PY, "-c", HELLO_IMPORTS], env=env, capture_output=True, text=True)
        hello_imports.append(float(p.stdout))
    p = subprocess.run([PY, "-c", WARM, db or "", json.dumps(CALLS), "1.0"], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"speed.py: in-process child failed: {p.stderr[-800:]}")
    warm = json.loads(p.stdout)
    counts, nbytes = warm.pop("_counts"), warm.pop("_bytes")

    # imports and load: pooled over all children
    pooled: dict[str, list[float]] = {}
    for d in cold.values():
        for k in ("import etr.cli (fast path)", "+ import etr.query", "load (first)", "+ import terminal layout"):
            pooled.setdefault(k, []).extend(d[k])
    rows: list[list[object]] = [["import typer, rich.console, rich.table (hello's imports)", median(hello_imports), p90(hello_imports), len(hello_imports)]]
    for k, xs in pooled.items():
        rows.append([k, median(xs), p90(xs), len(xs)])
    for k in ("read bytes", "json.loads", "store.validate", "store.load + FactBase"):
        rows.append([f"{k} (warm)", median(warm[k]), p90(warm[k]), len(warm[k])])
    out = [table(["step", "median ms", "p90 ms", "n"], rows,
                 f"In-process: imports and loading ({nbytes / 1e6:.2f} MB fact base: "
                 + ", ".join(f"{v} {k}" for k, v in counts.items()) + ")")]
    qrows: list[list[object]] = []
    for label in CALLS:
        first = cold[label]["first"]
        fresh = cold[label]["fresh FactBase, modules warm"]
        w = warm["warm: " + label]
        qrows.append([label, median(first), p90(first), median(fresh), median(w), p90(w), len(w)])
    out.append(table(["query (FactBase method)", "first ms", "first p90", "new FB ms", "warm ms", "warm p90", "n warm"], qrows,
                     "In-process: answering.  first = first call in a fresh process (what the CLI pays: lazy indexes,\n"
                     "rapidfuzz import, date grammar);  new FB = a second, fresh FactBase in the same process (indexes\n"
                     "rebuilt, modules warm);  warm = repeated calls on the same FactBase"))
    rrows = [[k, median(warm[k]), p90(warm[k]), len(warm[k])] for k in ("render who --json", "render who (terminal)", "render search (terminal)")]
    out.append(table(["output (warm)", "median ms", "p90 ms", "n"], rrows, "In-process: output"))
    return "\n\n".join(out)


# ------------------------------------------------------------------ part 3: -X importtime


def importtime(argv_tail: list[str], env: dict[str, str], reps: int = 5, top: int = 10) -> str:
    per: dict[str, list[tuple[int, int]]] = {}
    depth: dict[str, int] = {}
    for _ in range(reps):
        p = subprocess.run([PY, "-X", "importtime", *argv_tail], env=env, capture_output=True, text=True)
        for line in p.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            head, cum_us, name = line.split("|", 2)
            self_v = int(head.split(":")[1])
            mod = name.rstrip()
            stripped = mod.lstrip()
            depth[stripped] = (len(mod) - len(stripped)) // 2
            per.setdefault(stripped, []).append((self_v, int(cum_us)))
    rows = []
    for mod, xs in per.items():
        rows.append([mod, statistics.median(c for _, c in xs) / 1000, statistics.median(s for s, _ in xs) / 1000, depth[mod]])
    rows.sort(key=lambda r: -r[1])
    return table(["module", "cumulative ms", "self ms", "depth"], rows[:top])


# ------------------------------------------------------------------ part 4 (optional): cProfile


def profile(db: str | None) -> str:
    code = textwrap.dedent(
        r"""
        import cProfile, pstats, io, sys
        call, db_path = sys.argv[1], sys.argv[2]
        pr = cProfile.Profile()
        pr.enable()
        from etr.store import facts as store
        from etr.query.core import FactBase
        from etr.store.opening import open_index
        from etr.query.lookup import lookup
        from etr.query.when import when
        from etr.query.search import search
        fb = FactBase(open_index(store.Path(db_path) if db_path else store.default_db()))
        eval(call, {"fb": fb, "lookup": lookup, "when": when, "search": search})
        pr.disable()
        s = io.StringIO()
        pstats.Stats(pr, stream=s).sort_stats("cumulative").print_stats(18)
        print(s.getvalue())
        """
    )
    parts = []
    for label, call in CALLS.items():
        p = subprocess.run([PY, "-c", code, call, db or ""], env=base_env(), capture_output=True, text=True)
        body = "\n".join(line for line in p.stdout.splitlines() if line.strip())
        parts.append(f"--- cProfile (import + load + first call): {label}\n{body}")
    return "\n\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15, help="rounds of whole-process runs (default 15)")
    ap.add_argument("--db", help="fact base to query (passed as --db to etr); default: etr's own default")
    ap.add_argument("--skip-process", action="store_true", help="skip part 1 (whole-process timing)")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of each query")
    ap.add_argument("--json-out", help="also write the raw whole-process timings (ms) here as JSON")
    ap.add_argument("--as-is", action="store_true",
                    help="keep the environment's bytecode settings (e.g. PYTHONDONTWRITEBYTECODE=1: etr's modules "
                         "are then compiled from source in every run); default: cache bytecode in "
                         f"{PYC_CACHE}")
    args = ap.parse_args()
    global KEEP_ENV_PYC
    KEEP_ENV_PYC = args.as_is
    if args.runs < 1:
        ap.error("--runs must be >= 1")
    db = str(Path(args.db).resolve()) if args.db else None
    env = base_env()
    pyc = ("bytecode: " + ("PYTHONDONTWRITEBYTECODE=1 (compiled from source each run)" if env.get("PYTHONDONTWRITEBYTECODE")
                          else f"cached ({env.get('PYTHONPYCACHEPREFIX') or '__pycache__'})"))
    print(f"interpreter {PY} (Python {sys.version.split()[0]}); etr {ETR}; fact base: {db or 'etr default'}"
          f"{'' if db or not os.environ.get('ETR_DB') else ' (ETR_DB=' + os.environ['ETR_DB'] + ')'}; {pyc}\n")
    if not args.skip_process:
        times = whole_process(args.runs, db)
        print(report_whole(times, args.runs), "\n", flush=True)
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(times, indent=1))
    print(in_process(max(args.runs, 15), db), "\n", flush=True)
    print(phases(max(args.runs, 10), db), "\n", flush=True)
    env = _env(False)
    print('python -X importtime -c "import etr.cli.app" (the Typer app, for help and usage errors): top 10 cumulative (median of 5 processes)')
    print(importtime(["-c", "import etr.cli.app"], env), "\n")
    tail = ["-m", "etr.cli.main", "who", "Ehmetjan Qasimi", *(["--db", db] if db else [])]
    print('python -X importtime -m etr.cli.main who "Ehmetjan Qasimi" (plain, ETR_TERMINAL=1): top 10 cumulative')
    print(importtime(tail, _env(True)), "\n")
    if args.profile:
        print(profile(db))


if __name__ == "__main__":
    main()
