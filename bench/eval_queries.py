"""Run the example queries as the evaluation does (`etr CMD QUERY --json`) and print the score.

usage: python bench/eval_queries.py [tests/data/dev_queries.jsonl] [-v]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from evalcheck import COMMAND, check  # noqa: E402

ETR = str(Path(sys.executable).parent / "etr")  # the etr installed beside this Python


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    path = Path(args[0]) if args else ROOT / "tests" / "data" / "dev_queries.jsonl"
    verbose = "-v" in sys.argv
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed = 0
    by_kind: dict[str, list[int]] = {}
    for case in cases:
        proc = subprocess.run([ETR, COMMAND[case["kind"]], case["query"], "--json"], capture_output=True, text=True)
        try:
            problems = check(case, json.loads(proc.stdout))
        except ValueError:
            problems = [f"stdout is not JSON (exit {proc.returncode})"]
        ok = not problems
        passed += ok
        by_kind.setdefault(case["difficulty"], [0, 0])[0] += ok
        by_kind[case["difficulty"]][1] += 1
        if problems and verbose:
            print(f"FAIL {case['id']} {case['kind']} {case['query']!r}: {'; '.join(problems)}")
    print(f"queries passed: {passed}/{len(cases)} ({passed / max(1, len(cases)):.3f})")
    for k, (a, b) in sorted(by_kind.items()):
        print(f"  {k}: {a}/{b}")


if __name__ == "__main__":
    main()
