"""bench/scale.py draws its curves as text: every value lands in the chart, one under the chart's
bottom (a query faster at 1,000 documents than at the seeds: a ratio under 1) on its bottom row."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("values,bottom_row", [([0.93], True), ([1.0], True), ([1.2], False)])
def test_a_value_under_the_bottom_is_drawn_on_the_bottom_row(values: list[float], bottom_row: bool) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import scale
    finally:
        sys.path.remove(str(BENCH))
    chart = scale.plot([1000], {"who": [*values], "when": [1.3]}, "x seed", bottom=1.0).splitlines()
    rows = [line.split("|", 1)[1] for line in chart if "|" in line]
    assert ("*" in rows[-1]) is bottom_row and sum(r.count("*") for r in rows) == 1, chart
