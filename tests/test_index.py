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


def _profiles(db: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    from etr.query.core import FactBase
    from etr.store.opening import open_index

    fb = FactBase(open_index(db))
    return [(fb.entity_full(i), fb.entity_out(fb.entity_full(i))) for i in range(len(fb.entities))]


@pytest.mark.parametrize("which", ["committed", "added"])
def test_a_profile_is_in_the_order_the_build_worked_out(which: str, added_db: Any, tmp_path: Any) -> None:
    """Index.profile (worked out by the build, Store._profile): every event of an entity, those
    its registry entry dates and the undated sentences its document's date reports, by date,
    source and place; then its other sentences by document and place, after the registry's
    quotes no sentence holds. What a query shows is this order, read row by row."""
    import shutil

    from conftest import COMMITTED

    if which == "committed":
        db = tmp_path / "facts.json"
        shutil.copy(COMMITTED, db)
    else:
        db = added_db
    order = {s["id"]: i for i, s in enumerate(json.loads(db.read_text(encoding="utf-8"))["sources"])}
    reported = 0
    for e, out in _profiles(db):
        events = list(out["events"])
        keys = [(ev["date"]["start"] or "", ev["date"]["end"] or "", ev["citations"][0]["source"], ev["citations"][0]["start"])
                for ev in events]
        assert keys == sorted(keys), e["id"]
        ids = {ev["id"] for ev in events if ev["date"]["how"] != "document"}
        assert set(e["events"]) <= ids, e["id"]
        reported += sum(ev["date"]["how"] == "document" for ev in events)
        said = list(out["statements"])
        lead = 0
        while lead < len(said) and said[lead] in e["statements"]:  # the registry's quotes first
            lead += 1
        rest = [(order[c["source"]], c["start"]) for c in said[lead:]]
        assert rest == sorted(rest), e["id"]
        assert len(out["events"][:2]) == min(2, len(events)) and list(out["events"][:2]) == events[:2]
    assert reported or which == "committed"  # the telegram's date line dates what it reports


@given(st.dates(min_value=datetime.date(1925, 1, 1), max_value=datetime.date(1955, 12, 31)), st.integers(0, 800),
       st.integers(0, 40))
@settings(max_examples=80, deadline=None)
def test_a_period_read_a_page_at_a_time_is_the_period_read_whole(ix: Any, start: datetime.date, days: int,
                                                                 n: int) -> None:
    """when PERIOD through the R*Tree (PeriodKeys: the days of every event, the keys of the first
    page's) lists what the scan lists, in the same order, whole and cut to its first n."""
    from etr.dates.periods import parse_period
    from etr.errors import NotFound
    from etr.query.core import FactBase
    from etr.query.when import in_period

    period = parse_period(f"{start.isoformat()}/{(start + datetime.timedelta(days=days)).isoformat()}")
    assert period is not None
    fb = FactBase(ix)

    def listed() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        try:
            got = in_period(fb, period)
        except NotFound:
            return [], []
        return list(got), list(got[:n])

    paged, first = listed()
    ix.__dict__["has_spans"] = False
    try:
        whole, whole_first = listed()
    finally:
        del ix.__dict__["has_spans"]
    assert paged == whole and first == whole_first == whole[:n]


@pytest.mark.parametrize("page", [1, 5, 2000])
def test_a_period_read_whole_past_a_page_is_the_same_list(ix: Any, page: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past PAGE_READ rows a period is read in one query (PeriodKeys._whole): the same list, in
    the same order, as the page-at-a-time reading and the scan."""
    from etr.dates.periods import parse_period
    from etr.query import when
    from etr.query.core import FactBase

    period = parse_period("1944")
    assert period is not None
    fb = FactBase(ix)
    paged = list(when.in_period(fb, period))
    monkeypatch.setattr(when, "PAGE_READ", page)
    got = when.in_period(fb, period)
    assert list(got) == paged and list(got[:7]) == paged[:7] and len(paged) > 7
