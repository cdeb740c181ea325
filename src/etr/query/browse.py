"""show, timeline, sources: one record with its context; dated events in order; the documents."""

from __future__ import annotations

from etr.dates.periods import Period, parse_period
from etr.errors import BadQuery, NotFound
from etr.query.core import FactBase, clean_query
from etr.query.lookup import lookup
from etr.store.index import SEP, RawList

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

    from etr.query.core import Results


def _period_option(option: str, value: str) -> Period:
    p = parse_period(clean_query(value))
    if p is None:
        raise BadQuery(f"{option} {value!r} is not a date (try 1944, 1944-11 or 15 November 1944)")
    return p


def show(fb: FactBase, ident: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    i = clean_query(ident)
    ent = fb.ix.entity_by_id(i)
    if ent is not None:
        return [dict(fb.entity_out(ent), kind="entity")], {"kind": "entity"}
    out = fb.ix.event_out(i)
    if out is not None:
        out["kind"] = "event"
        out["context"] = context(fb, out["citations"][0])
        return [out], {"kind": "event"}
    s = fb.ix.sentence(i)
    if s is not None:
        cit = fb.citation_of_sentence(s)
        return [{"kind": "sentence", "id": s["id"], "text": s["text"], "citations": [cit],
                 "entities": [fb.entity_ref(x) for x in s["entities"]],
                 "context": context(fb, cit)}], {"kind": "sentence"}
    raise NotFound(f"no event, entity or sentence has the id {i!r}")


def context(fb: FactBase, cit: dict[str, Any]) -> dict[str, Any]:
    """The paragraph around a citation, with the quote's offsets inside it."""
    text = fb.ix.source_text(cit["source"])
    a = text.rfind("\n", 0, cit["start"]) + 1
    b = text.find("\n", cit["end"])
    b = len(text) if b < 0 else b
    return {"paragraph": text[a:b], "start": cit["start"] - a, "end": cit["end"] - a,
            "section": cit["section"], "title": cit["title"]}


def timeline(fb: FactBase, start: str | None, end: str | None, about: list[str], limit: int | None) -> tuple[Results, dict[str, Any]]:
    interpreted: dict[str, Any] = {}
    lo = _period_option("--from", start).start if start else None
    hi = _period_option("--to", end).end if end else None
    if lo:
        interpreted["from"] = lo
    if hi:
        interpreted["to"] = hi
    if lo and hi and hi < lo:
        raise BadQuery(f"--to {end!r} is before --from {start!r}")
    keep: set[str] | None = None
    if about:
        keep = set()
        names = []
        for name in about:
            ents, _ = lookup(fb, name, None)
            for e in ents:
                keep.add(e["id"])
                names.append(e["name"])
        interpreted["about"] = names
    out = RawList([o for _s, _e, _src, _c, ents, o in fb.ix.event_outs_overlapping(lo, hi)
                   if keep is None or not keep.isdisjoint(ents.split(SEP))])
    if not out:
        raise NotFound("no events in that range")
    return (out[:limit] if limit else out), interpreted


# how a source was read when its record does not say (fact bases written before read_as)
PLAIN_TEXT = {"format": "text", "encoding": "utf-8", "basis": "utf-8"}


def sources(fb: FactBase) -> list[dict[str, Any]]:
    out = []
    for s in fb.source_by_id.values():
        out.append({k: s[k] for k in ("id", "file", "title", "short", "author", "publisher", "kind", "language", "curated")}
                   | {"read_as": s.get("read_as") or PLAIN_TEXT,
                      "sections": [x["title"] for x in s["sections"]], "counts": s["counts"]})
    return out
