"""etr on real documents it was not written from: build a fact base from tests/data/real/ with
`etr build --add`, ask the corpus's questions as the evaluation asks them, and print the figures.

    .venv/bin/python bench/eval_real.py                 # all documents, all questions
    .venv/bin/python bench/eval_real.py -v              # and each failure with its reason
    .venv/bin/python bench/eval_real.py --split check   # only the questions of the held-apart documents
    .venv/bin/python bench/eval_real.py --keep /tmp/real-facts.json   # keep the fact base

Figures: questions answered, by kind of question, by kind of document and by difficulty; events
dated before 1800 (none unless a text says so in words); entities found in the added documents.
Standard library only; the checks are tests/evalcheck.py, the evaluation's own.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
sys.path.insert(0, str(ROOT / "tests"))
from evalcheck import COMMAND, check  # noqa: E402

ETR = str(Path(sys.executable).parent / "etr")


def build(files: list[Path], out: Path) -> float:
    env = dict(os.environ, ETR_QUIET="1", ETR_HOME=str(out.parent))
    env.pop("ETR_DB", None)
    t0 = time.perf_counter()
    proc = subprocess.run([ETR, "build", "--out", str(out), *map(str, files)], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"eval_real.py: the build failed: {proc.stderr.strip()}")
    return time.perf_counter() - t0


def ask(case: dict[str, object], db: Path) -> list[str]:
    proc = subprocess.run([ETR, COMMAND[str(case["kind"])], str(case["query"]), "--json", "--db", str(db)],
                          capture_output=True, text=True)
    try:
        return check(case, json.loads(proc.stdout))
    except ValueError:
        return [f"stdout is not JSON (exit {proc.returncode})"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="all", help="all, or the questions of one split (dev, check, check2 ...)")
    ap.add_argument("--keep", type=Path, help="write the fact base here and keep it")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    manifest = tomllib.loads((REAL / "manifest.toml").read_text(encoding="utf-8"))["document"]
    kind_of = {Path(d["file"]).name: d["file"].split("/")[0] for d in manifest}
    files = [REAL / d["file"] for d in manifest]
    cases = [json.loads(x) for x in (REAL / "queries.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.split != "all":
        cases = [c for c in cases if c.get("split") == args.split]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "facts.json"
        seconds = build(files, db)
        facts = json.loads(db.read_text(encoding="utf-8"))
        by: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        passed = 0
        for case in cases:
            problems = ask(case, db)
            ok = not problems
            passed += ok
            folders = sorted({kind_of.get(e["doc"], "?") for e in case["evidence"]})
            for axis, key in (("question", case["kind"]), ("difficulty", case["difficulty"]),
                              ("documents", "+".join(folders)), ("split", case.get("split", "dev"))):
                by[axis][key][0] += ok
                by[axis][key][1] += 1
            if problems and args.verbose:
                print(f"FAIL {case['id']} {case['kind']} {case['query']!r}: {'; '.join(problems)}")
    added = {s["id"] for s in facts["sources"] if not s["curated"]}
    early = [e for e in facts["events"] if e["source"] in added and (e["date"]["start"] or "9999") < "1800"]
    found = [e for e in facts["entities"] if not e["curated"]]
    words = sum(len(s["text"].split()) for s in facts["sources"] if s["id"] in added)
    print(f"documents {len(added)} ({words:,} words), built in {seconds:.1f} s; "
          f"questions passed {passed}/{len(cases)} ({passed / max(1, len(cases)):.3f})")
    for axis in ("question", "documents", "difficulty", "split"):
        print(f"  by {axis}: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by[axis].items())))
    print(f"events from added documents: {sum(1 for e in facts['events'] if e['source'] in added)}, "
          f"dated before 1800: {len(early)}")
    for e in early[: 10 if args.verbose else 3]:
        print(f"  {e['date']['value']} from {e['date']['text']!r}: {e['text'][:90]!r}")
    types = Counter(e["type"] for e in found)
    print(f"entities found in added documents: {len(found)} ({', '.join(f'{k} {v}' for k, v in types.most_common())})")


if __name__ == "__main__":
    main()
