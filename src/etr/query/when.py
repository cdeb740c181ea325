"""when: what happened in a period, in date order; or when an event happened, every date the
sources give, the sentences that state it first."""

from __future__ import annotations

from etr.dates.periods import Period, parse_period
from etr.errors import NotFound
from etr.query.core import FactBase, clean_query, with_score
from etr.query.rank import score_sentences
from etr.store.index import RawList
from etr.text.fold import fold

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

    from etr.query.core import Results

NAMED_EVENT_SCORE = 0.6


NAMED_EXACT_SCORE = 1.0  # the query is the event's name: its registry dates lead


def when(fb: FactBase, query: str, limit: int | None = None) -> tuple[Results, dict[str, Any]]:
    q = clean_query(query)
    period = parse_period(q)
    if period is not None:
        return in_period(fb, period, limit), {"period": {"start": period.start, "end": period.end, "value": period.value}}
    results = match_events(fb, q, limit or 10)
    if not results:
        raise NotFound(f"nothing found for {q!r}: not a date this etr reads, and no event matches it")
    return results, {"text": q}


def in_period(fb: FactBase, period: Period, limit: int | None = None) -> RawList:
    inside, overlapping = [], []
    for start, end, source, cstart, _ents, out in fb.ix.event_outs_overlapping(period.start, period.end):
        row = ((start, end, source, cstart), out)
        if start >= period.start and end <= period.end:
            inside.append(row)
        else:
            overlapping.append(row)
    inside.sort(key=lambda r: r[0])
    overlapping.sort(key=lambda r: r[0])
    got = RawList([o[:-1] + ', "within": true}' for _k, o in inside] + [o[:-1] + ', "within": false}' for _k, o in overlapping])
    if not got:
        raise NotFound(f"no events dated within {period.text} ({period.start} to {period.end})")
    return got[:limit] if limit else got


def named_event_dates(fb: FactBase, q: str) -> list[tuple[str, dict[str, Any], bool]]:
    """(id, output, named exactly) of the events the registry dates for a named event the
    query names ("plane crash")."""
    types = {"event", "treaty", "document"}
    allowed = [e["type"] in types for e in fb.entities]
    found = []
    for m in fb.names.match(q, limit=3, allowed=allowed):
        if m.score < 90:
            continue
        # the query is the name, or a short form several events share ("Soviet invasion of
        # Xinjiang": 1934 and 1937), whose every date then leads
        e = fb.entities[m.entity]
        exact = any(fold(f) == fold(q) for f in (e["name"], *e["aliases"], *e["variants"], *e["short_forms"]))
        found += [(evid, out, exact) for evid, out in fb.registry_dated(fb.entity_full(m.entity))]
    return found


def match_events(fb: FactBase, q: str, limit: int) -> list[dict[str, Any]]:
    scored = score_sentences(fb, q)
    best = scored[0][0] if scored else 0.0
    keep = []
    for score, rid in scored:
        if score < best * 0.45:
            break
        keep.append((score, rid))
    events_of = fb.ix.sentence_events([rid for _s, rid in keep])
    picked: list[tuple[float, str]] = []
    seen: set[str] = set()
    for score, rid in keep:
        for evid in events_of.get(rid, []):
            if evid not in seen:
                seen.add(evid)
                picked.append((score / best if best else 0.0, evid))
    # every date the sources give for a named event, even where the words differ; first of all
    # when the query is that event's very name ("Sarikol rebellion", "Soviet invasion of Xinjiang")
    named_out: dict[str, dict[str, Any]] = {}
    exact_rank: dict[str, int] = {}
    for evid, out, exact in sorted(named_event_dates(fb, q), key=lambda x: x[1]["date"]["start"] or ""):
        if exact and evid not in exact_rank:
            exact_rank[evid] = len(exact_rank)
        if evid not in seen and evid not in named_out:
            named_out[evid] = out
            picked.append((NAMED_EVENT_SCORE, evid))
    picked = [(NAMED_EXACT_SCORE if evid in exact_rank else score, evid) for score, evid in picked]
    picked.sort(key=lambda r: (-round(r[0], 3), r[1] not in exact_rank, exact_rank.get(r[1], 0)))
    picked = picked[:limit]
    outs: dict[str, dict[str, Any] | None] = {evid: fb.ix.event_out(evid) for _s, evid in picked if evid not in named_out}
    outs.update(named_out)
    return [with_score(dict(got), score) for score, evid in picked if (got := outs.get(evid)) is not None]
