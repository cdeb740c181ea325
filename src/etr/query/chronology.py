"""A timeline for export: flat rows (CSV, JSON) and, for a page or a chart, the statements
with their dates and the events the sources date differently.

`rows` is one row per dated statement (an event of the fact base: a sentence and one date it
gives), with its citation. `chronology` groups them by sentence (a sentence giving two dates is
one statement with two dates, side by side) and adds, for every named event whose registry
dates disagree ("the proclamation": 12 and 15 November 1944), those dates with their quotes.
No I/O, no rendering. Imports etr.query.
"""

from __future__ import annotations

from etr.dates.values import agrees
from etr.query.browse import timeline
from etr.query.core import FactBase

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

#: the columns of a timeline row, in order (docs/exports.md says what each holds)
COLUMNS = ("id", "date", "date_start", "date_end", "precision", "modifier", "how", "as_written", "anchor",
           "statement", "entities", "entity_ids", "source", "source_title", "section", "quote",
           "quote_start", "quote_end")
DISPUTED_TYPES = {"event", "treaty", "document"}


def row(ev: dict[str, Any]) -> dict[str, Any]:
    """One dated statement as a flat row (COLUMNS)."""
    d, c = ev["date"], ev["citations"][0]
    return {
        "id": ev["id"], "date": d["value"], "date_start": d["start"], "date_end": d["end"],
        "precision": d["precision"], "modifier": d.get("mod") or "", "how": d["how"],
        "as_written": d["text"], "anchor": d.get("anchor") or "", "statement": ev["text"],
        "entities": "; ".join(e["name"] for e in ev["entities"]),
        "entity_ids": "; ".join(e["id"] for e in ev["entities"]),
        "source": c["source"], "source_title": c["title"], "section": c["section"], "quote": c["quote"],
        "quote_start": c["start"], "quote_end": c["end"],
    }


def rows(fb: FactBase, start: str | None, end: str | None, about: list[str],
         limit: int | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    events, interpreted = timeline(fb, start, end, about, limit)
    return [row(ev) for ev in events], interpreted


def chronology(fb: FactBase, start: str | None, end: str | None, about: list[str],
               limit: int | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """{"items": statements with their dates, "disputes": named events dated differently,
    "span": [earliest, latest] day} for a page or a chart."""
    events, interpreted = timeline(fb, start, end, about, limit)
    items: dict[tuple[str, int], dict[str, Any]] = {}
    for ev in events:
        c = ev["citations"][0]
        key = (c["source"], c["start"])
        item = items.get(key)
        if item is None:
            item = items[key] = {"id": ev["id"], "text": ev["text"], "entities": ev["entities"], "citation": c,
                                 "dates": [], "disputes": []}
        item["dates"].append({"event": ev["id"], **ev["date"]})
    listed = sorted(items.values(), key=lambda it: (min(d["start"] for d in it["dates"]),
                                                    it["citation"]["source"], it["citation"]["start"]))
    disputes = _disputes(fb, listed)
    starts = [d["start"] for it in listed for d in it["dates"]]
    ends = [d["end"] for it in listed for d in it["dates"]]
    return {"items": listed, "disputes": disputes, "span": [min(starts), max(ends)]}, interpreted


def _disputes(fb: FactBase, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Named events whose registry dates disagree, where one of those dates is in `items`; each
    item that states one of them names the dispute."""
    out = []
    for e in fb.entities:
        if e["type"] not in DISPUTED_TYPES:
            continue
        full = fb.ix.entity_by_id(e["id"])
        if full is None or len(full.get("dates", [])) < 2:
            continue
        dates = full["dates"]
        values = [d["value"] for d in dates]
        if all(agrees(a, b) for a in values for b in values):
            continue
        hits = [it for it in items if any(
            it["citation"]["source"] == d["citation"]["source"]
            and it["citation"]["start"] <= d["citation"]["start"] < it["citation"]["end"] for d in dates)]
        if not hits:
            continue
        did = f"dispute-{e['id']}"
        for it in hits:
            it["disputes"].append(did)
        out.append({"id": did, "entity": fb.entity_ref(e["id"]),
                    "dates": [{"value": d["value"], "citation": d["citation"]}
                              for d in sorted(dates, key=lambda d: d["value"])]})
    return out
