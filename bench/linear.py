"""Build time against the length of one unpunctuated 'sentence' (what OCR often gives), doubling it.

    .venv/bin/python bench/linear.py                    # 54, 108, 216, 432, 864 KB
    .venv/bin/python bench/linear.py --sizes 54 108 216 432 --runs 3

Each size is the seed documents' words with the sentence punctuation taken out, repeated to
length, in one paragraph: `etr build --add doc.txt --out tmp.json` (a real process) is timed, and
so is the same build with a one-line document (the seeds' share of the time), which is taken
off. Printed: KB, seconds, seconds over the baseline, and the ratio to the size before; a ratio
near 2 when the size doubles is linear, near 4 quadratic.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ETR = str(Path(sys.executable).parent / "etr")


def words() -> str:
    text = " ".join((ROOT / "seeds" / f).read_text(encoding="utf-8") for f in sorted(os.listdir(ROOT / "seeds"))
                    if f.endswith(".txt"))
    return re.sub(r"\s+", " ", re.sub(r"[.!?;:=]+", " ", text)).strip()


def timed(doc: Path, runs: int) -> float:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            t0 = time.perf_counter()
            p = subprocess.run([ETR, "build", "--add", str(doc), "--out", str(Path(tmp) / "f.json")],
                               capture_output=True, text=True, env={**os.environ, "ETR_QUIET": "1"})
            out.append(time.perf_counter() - t0)
            if p.returncode != 0:
                sys.exit(f"build failed: {p.stderr}")
            Path(tmp, "f.json").unlink()
    return statistics.median(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[54, 108, 216, 432, 864], help="sizes in KB")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    source = words()
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_text("Ghulja in November 1944\n", encoding="utf-8")
        base = timed(small, args.runs)
        print(f"baseline (seeds and a one-line document): {base:.2f} s")
        print(f"{'KB':>6} {'seconds':>8} {'over base':>10} {'ratio':>6}")
        prev = None
        for kb in args.sizes:
            n = kb * 1000
            text = (source + " ") * (n // len(source) + 1)
            doc = Path(tmp) / f"ocr_{kb}.txt"
            doc.write_text(text[:n].rstrip() + "\n", encoding="utf-8")
            t = timed(doc, args.runs)
            over = max(t - base, 1e-3)
            ratio = f"{over / prev:6.2f}" if prev else "     -"
            print(f"{kb:>6} {t:8.2f} {over:10.2f} {ratio}")
            prev = over


if __name__ == "__main__":
    main()
