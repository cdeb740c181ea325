"""Where `etr search` puts the answer to each search question of the real corpus: the mean
reciprocal rank and how many answers come in the top 5, 10 and 30 - finer than the pass/fail of
bench/eval_real.py, which counts only the top 5.

    .venv/bin/python bench/search_rank.py --db F     # a fact base built by eval_real.py --keep F
    .venv/bin/python bench/search_rank.py --db F -v  # and each question's rank

A question's answer is the first result holding one of its expected quotes (tests/data/real/
queries.jsonl, "quotes_any"), as the checker (tests/evalcheck.py) finds them. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
ETR = str(Path(sys.executable).parent / "etr")
DEPTH = 30  # results read for each question


def rank(query: str, quotes: list[str], db: Path) -> int | None:
    """The rank (from 1) of the first result holding one of `quotes`, or None within DEPTH."""
    proc = subprocess.run([ETR, "search", query, "--json", "--db", str(db), "--limit", str(DEPTH)],
                          capture_output=True, text=True)
    try:
        results = json.loads(proc.stdout)["results"]
    except (ValueError, KeyError):
        return None
    wanted = [json.dumps(q, ensure_ascii=False)[1:-1] for q in quotes]
    for i, r in enumerate(results, 1):
        said = json.dumps(r, ensure_ascii=False)
        if any(q in said for q in wanted):
            return i
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="a fact base of the real corpus (eval_real.py --keep)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    cases = [json.loads(x) for x in (REAL / "queries.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    ranks = {c["id"]: rank(c["query"], c["expect"]["quotes_any"], args.db) for c in cases if c["kind"] == "search"}
    if args.verbose:
        for cid, r in ranks.items():
            print(f"{cid} {r if r is not None else '-'}")
    n = len(ranks)
    mrr = sum(1 / r for r in ranks.values() if r) / n if n else 0.0
    within = {k: sum(1 for r in ranks.values() if r and r <= k) for k in (5, 10, DEPTH)}
    print(f"search questions {n}: MRR {mrr:.4f}; answer in the top 5 {within[5]}, top 10 {within[10]}, "
          f"top {DEPTH} {within[DEPTH]}")


if __name__ == "__main__":
    main()
