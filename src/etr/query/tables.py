"""The fact base as plain relational tables (`etr export sqlite`): what each table and column
holds, and their rows. The same description is docs/exports.md's, and a test holds the two
together. No I/O beyond reading the fact base's index. Imports etr.query.
"""

from __future__ import annotations

import json

from etr.query.cite import record
from etr.query.core import FactBase
from etr.query.graph import CO_OCCURS
from etr.query.links import typed_links

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


class Column:
    __slots__ = ("name", "type", "help", "references", "key")

    def __init__(self, name: str, type: str, help: str, references: str | None = None, key: bool = False) -> None:
        self.name, self.type, self.help, self.references, self.key = name, type, help, references, key


class Table:
    __slots__ = ("name", "help", "columns", "search")

    def __init__(self, name: str, help: str, columns: tuple[Column, ...], search: tuple[str, ...] = ()) -> None:
        self.name, self.help, self.columns, self.search = name, help, columns, search


def _cit(prefix: str = "") -> tuple[Column, ...]:
    return (Column("source_id", "TEXT", "The source the words are in.", "sources.id"),
            Column("section", "TEXT", "The section of the source (its heading)."),
            Column(f"{prefix}start", "INTEGER", "Character offset where the quote starts in the source's text "
                   "(Python str offsets: sources.text[start:end] is the quote)."),
            Column(f"{prefix}end", "INTEGER", "Character offset just after the quote ends."),
            Column("quote", "TEXT", "The exact words of the source."))


TABLES: tuple[Table, ...] = (
    Table("sources", "Each document the fact base was built from.", (
        Column("id", "TEXT", "etr's id of the source (`etr sources`).", key=True),
        Column("title", "TEXT", "Its title, as a historian would cite it."),
        Column("short", "TEXT", "The short label tables show."),
        Column("author", "TEXT", "Its author, as etr knows it (`unknown` when the document does not say)."),
        Column("publisher", "TEXT", "Its publisher, where known."),
        Column("issued", "TEXT", "The date it was written or published, where it states one (ISO 8601)."),
        Column("kind", "TEXT", "encyclopedia article, blog post, user document ..."),
        Column("language", "TEXT", "Its language (ISO 639-1)."),
        Column("file", "TEXT", "The file it was read from."),
        Column("sha256", "TEXT", "SHA-256 of its text, to tell it is the same document."),
        Column("curated", "INTEGER", "1 for a seed document, 0 for one you added."),
        Column("csl_json", "TEXT", "Its bibliographic record as CSL-JSON (`etr sources --format csl-json`)."),
        Column("text", "TEXT", "Its whole text: offsets index this."),
    ), ("title", "author")),
    Table("entities", "Each person, place, organisation, army, treaty, document or named event.", (
        Column("id", "TEXT", "etr's id of the entity (`etr show ID`).", key=True),
        Column("name", "TEXT", "Its name."),
        Column("type", "TEXT", "person, group, place, organisation, state, military, newspaper, event, treaty, "
               "document or unknown."),
        Column("description", "TEXT", "What the registry says it is (empty for one found in an added document)."),
        Column("roles", "TEXT", "Its roles, separated by '; '."),
        Column("curated", "INTEGER", "1 when the registry describes it, 0 when etr found it in an added document."),
        Column("statements", "INTEGER", "How many statements name it."),
    ), ("name", "description")),
    Table("aliases", "Every other name of an entity.", (
        Column("entity_id", "TEXT", "The entity.", "entities.id"),
        Column("alias", "TEXT", "The other name."),
        Column("kind", "TEXT", "alias (a spelling the documents use), variant (a well-known spelling they do "
               "not use) or short (a short form such as 'the rebellion')."),
    )),
    Table("statements", "Every sentence of every source: each is a citation.", (
        Column("id", "TEXT", "etr's id of the sentence (`etr show ID`).", key=True),
        *_cit(),
        Column("paragraph", "INTEGER", "The paragraph's number in the source, from 0."),
    ), ("quote",)),
    Table("mentions", "Which entities each statement names.", (
        Column("statement_id", "TEXT", "The statement.", "statements.id"),
        Column("entity_id", "TEXT", "An entity it names.", "entities.id"),
    )),
    Table("events", "Every dated statement: a statement and one date it gives (a sentence giving two dates "
          "is two events).", (
        Column("id", "TEXT", "etr's id of the event (`etr show ID`).", key=True),
        Column("statement_id", "TEXT", "The statement that gives the date.", "statements.id"),
        Column("date", "TEXT", "The date in etr's notation (1944-11-12, 1944-11, 1945-SU, 1944/1946; docs/dates.md)."),
        Column("date_start", "TEXT", "The earliest day it can mean (ISO 8601)."),
        Column("date_end", "TEXT", "The latest day it can mean (ISO 8601)."),
        Column("precision", "TEXT", "day, month, season, year, decade, century or range."),
        Column("modifier", "TEXT", "EARLY, MID, LATE, START, END, BEFORE, AFTER, or empty."),
        Column("how", "TEXT", "How etr read it: explicit, year-inherited, relative, derived or context."),
        Column("anchor", "TEXT", "What a relative date was counted from, or empty."),
        Column("as_written", "TEXT", "The date's words in the source."),
        Column("text", "TEXT", "The statement's text."),
        *_cit("quote_"),
    )),
    Table("event_entities", "Which entities each event concerns, and how etr linked those not named.", (
        Column("event_id", "TEXT", "The event.", "events.id"),
        Column("entity_id", "TEXT", "An entity of it.", "entities.id"),
        Column("via", "TEXT", "How it was linked when not by name ('pronoun', 'one of the five leaders'), or empty."),
    )),
    Table("entity_dates", "The dates the registry gives a named event, each with the words that state it.", (
        Column("entity_id", "TEXT", "The named event (or person, treaty ...).", "entities.id"),
        Column("date", "TEXT", "The date in etr's notation."),
        *_cit(),
    )),
    Table("relations", "Typed links a statement states between two entities (`etr graph`): leader of, member "
          "of, met, signed, succeeded.", (
        Column("subject_id", "TEXT", "The entity the link goes from.", "entities.id"),
        Column("relation", "TEXT", "leader of, member of, met, signed or succeeded (rules/relations.toml)."),
        Column("object_id", "TEXT", "The entity the link goes to.", "entities.id"),
        Column("statement_id", "TEXT", "The statement that says so.", "statements.id"),
    )),
)
BY_NAME = {t.name: t for t in TABLES}


def rows(fb: FactBase) -> Iterator[tuple[Table, list[tuple[Any, ...]]]]:
    """Each table with its rows, in TABLES' order (rows as tuples in the columns' order)."""
    texts = fb.ix.source_texts()
    out: list[tuple[Any, ...]] = []
    for s in fb.source_by_id.values():
        rec = record(s)
        issued = rec.get("issued", {}).get("date-parts", [[]])[0]
        out.append((s["id"], s["title"], s["short"], s["author"], s.get("publisher", ""),
                    "-".join(f"{x:02d}" if i else str(x) for i, x in enumerate(issued)) or None,
                    s["kind"], s["language"], s["file"], s.get("sha256", ""), int(s["curated"]),
                    json.dumps(rec, ensure_ascii=False), texts.get(s["id"], "")))
    yield BY_NAME["sources"], out

    entities = list(fb.ix.all_entities())
    yield BY_NAME["entities"], [(e["id"], e["name"], e["type"], e["description"], "; ".join(e["roles"]),
                                 int(e["curated"]), len(e["sentences"])) for e in entities]
    yield BY_NAME["aliases"], [(e["id"], a, kind) for e in entities
                               for kind, names in (("alias", e["aliases"]), ("variant", e["variants"]),
                                                   ("short", e["short_forms"])) for a in names]
    sentences = list(fb.ix.all_sentences())
    yield BY_NAME["statements"], [(s["id"], s["source"], s["section"], s["start"], s["end"], s["text"], s["paragraph"])
                                  for s in sentences]
    yield BY_NAME["mentions"], [(s["id"], x) for s in sentences for x in dict.fromkeys(s["entities"])]
    sentence_at = {(s["source"], s["start"]): s["id"] for s in sentences}
    events = list(fb.ix.all_events())
    ev_rows = []
    ev_ents = []
    for ev in events:
        d, c = ev["date"], ev["citations"][0]
        sid = sentence_at.get((c["source"], c["start"]))
        ev_rows.append((ev["id"], sid, d["value"], d["start"], d["end"], d["precision"], d.get("mod") or "",
                        d["how"], d.get("anchor") or "", d["text"], ev["text"], c["source"], c["section"],
                        c["start"], c["end"], c["quote"]))
        via = ev.get("via") or {}
        ev_ents += [(ev["id"], x["id"], via.get(x["id"], "")) for x in ev["entities"]]
    yield BY_NAME["events"], ev_rows
    yield BY_NAME["event_entities"], list(dict.fromkeys(ev_ents))
    yield BY_NAME["entity_dates"], [(e["id"], d["value"], d["citation"]["source"], d["citation"]["section"],
                                     d["citation"]["start"], d["citation"]["end"], d["citation"]["quote"])
                                    for e in entities for d in e.get("dates", [])]
    light = fb.entity_by_id
    rel_rows = []
    for s in sentences:
        ids = [x for x in dict.fromkeys(s["entities"]) if x in light]
        if len(ids) >= 2:
            rel_rows += [(a, rel, b, s["id"]) for a, rel, b in typed_links(s["text"], [light[x] for x in ids])
                         if rel != CO_OCCURS]
    yield BY_NAME["relations"], rel_rows
