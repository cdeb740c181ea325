"""Results as plain tab-separated rows, for pipes: a header line, one row per result, never cut.

Never prints. Imports etr.text.safe.
"""

from __future__ import annotations

from collections.abc import Iterable

from etr.text.safe import clean, is_clean

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any


def tsv(header: list[str], rows: Iterable[list[Any]]) -> str:
    out = ["\t".join(header)]
    for r in rows:
        line = "\t".join(x if x.__class__ is str else str(x) for x in r)
        if line.count("\t") != len(r) - 1 or not is_clean(line):
            line = "\t".join(clean(x) for x in r)  # a field to clean: each alone (its tabs become spaces)
        out.append(line)
    return "\n".join(out) + "\n"


def event_rows(events: Iterable[dict[str, Any]]) -> list[list[Any]]:
    """One row per event; a date known only more coarsely than the period asked for is marked
    " ~", as at a terminal."""
    return [[ev["date"]["value"] + ("" if ev.get("within", True) else " ~"), ev["date"]["text"], ev["date"]["how"], ev["text"],
             f"{ev['citations'][0]['source']}:{ev['citations'][0]['section']}", ev["id"]] for ev in events]


EVENT_HEADER = ["date", "as_written", "how", "statement", "source", "id"]


def entity_tsv(ents: list[dict[str, Any]]) -> str:
    rows: list[list[Any]] = []
    for e in ents:
        rows.append(["entity", e["id"], e["name"], e["type"], "; ".join(e["aliases"]), e["description"]])
        for c in e.get("said_so", []):  # why a question in other words found it ("capital of Sinkiang")
            rows.append(["said_so", "", "", "", c["quote"], f"{c['source']}:{c['section']}"])
        for c in e.get("in_context", []):  # what is said of it in the words it was asked with
            rows.append(["in_context", "", "", "", c["quote"], f"{c['source']}:{c['section']}"])
        for ev in e["events"]:
            rows.append(["event", ev["id"], ev["date"]["value"], ev["date"]["text"], ev["text"],
                         f"{ev['citations'][0]['source']}:{ev['citations'][0]['section']}"])
        for c in e["statements"]:
            rows.append(["statement", "", "", "", c["quote"], f"{c['source']}:{c['section']}"])
    return tsv(["row", "id", "name_or_date", "type_or_text", "text", "source"], rows)


def events(evs: Iterable[dict[str, Any]]) -> str:
    return tsv(EVENT_HEADER, event_rows(evs))


def search(results: list[dict[str, Any]]) -> str:
    rows = [[r["kind"], r["score"], r.get("date", {}).get("value", ""), r.get("text") or r.get("name"), r["id"]]
            for r in results]
    return tsv(["kind", "score", "date", "text", "id"], rows)


def shown(item: dict[str, Any]) -> str:
    if item["kind"] == "entity":
        return entity_tsv([item])
    c = item["citations"][0]
    return tsv(["id", "date", "text", "source", "start", "end"],
               [[item["id"], item.get("date", {}).get("value", ""), item["text"], c["source"], c["start"], c["end"]]])


def sources(results: list[dict[str, Any]]) -> str:
    rows = [[s["id"], s["title"], s["author"], s["kind"], len(s["sections"]), s["counts"]["sentences"],
             s["counts"]["events"], s["counts"]["entities"], s["read_as"]["format"], s["read_as"]["encoding"],
             s["read_as"]["basis"]] for s in results]
    return tsv(["id", "title", "author", "kind", "sections", "sentences", "events", "entities", "format", "encoding",
                "basis"], rows)


def extract(results: list[dict[str, Any]]) -> str:
    rows = [[r["kind"], r["start"], r["end"], r["text"], r.get("value") or r.get("id") or "", r["type"]] for r in results]
    return tsv(["kind", "start", "end", "text", "value_or_id", "type"], rows)


def links(results: list[dict[str, Any]]) -> str:
    rows = [[e["source"]["id"], e["source"]["name"], e["relation"], e["target"]["id"], e["target"]["name"], e["weight"],
             "; ".join(d["value"] for d in e["dates"]),
             "; ".join(f"{c['source']}:{c['section']}:{c['start']}-{c['end']}" for c in e["citations"])]
            for e in results]
    return tsv(["source_id", "source", "relation", "target_id", "target", "sentences", "dates", "citations"], rows)
