"""The derived index: the R*Tree path and the plain scan answer alike; RawList output is JSON."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etr.render import envelope
from etr.store.index import RawList
from etr.store.opening import index_from_dict


@pytest.fixture(scope="module")
def ix(facts_db: dict[str, Any]) -> Any:
    return index_from_dict(facts_db)


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(1999, 12, 31)), st.integers(0, 4000))
@settings(max_examples=150, deadline=None)
def test_span_tree_finds_what_a_scan_finds(ix: Any, start: datetime.date, days: int) -> None:
    lo, hi = start.isoformat(), (start + datetime.timedelta(days=days)).isoformat()
    assert ix.has_spans  # Python's SQLite has the R*Tree module here; without it the scan is used
    fast = ix.event_outs_overlapping(lo, hi)
    ix.__dict__["has_spans"] = False
    try:
        slow = ix.event_outs_overlapping(lo, hi)
    finally:
        del ix.__dict__["has_spans"]
    assert fast == slow


def test_rawlist_is_spliced_into_json_as_it_is() -> None:
    items = [json.dumps({"id": f"e{i}", "text": "He said \"[bold]\" \u0000 in Ghulja 尼勒克"}, ensure_ascii=False) for i in range(3)]
    env = {"command": "when", "results": RawList(items), "nested": [{"events": RawList(items[:1])}]}
    doc = json.loads(envelope.to_json(env))
    assert doc["results"] == [json.loads(x) for x in items]
    assert doc["nested"][0]["events"] == [json.loads(items[0])]
    assert envelope.to_jsonl(RawList(items)).splitlines() == items
    assert list(RawList(items)[:2]) == [json.loads(x) for x in items[:2]] and len(RawList(items)) == 3
