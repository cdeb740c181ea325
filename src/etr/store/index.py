"""The fact base's store: a SQLite file from which every query reads only what it needs.

The JSON fact base (`data/facts.json`, or the user's) stays the canonical, human-readable fact
base and the interchange format. Beside it (or, where that folder is not writable, in the user's
cache) etr keeps `<name>.index.sqlite`, which the build writes as it goes (etr.store.writer) and
queries answer from; it is keyed by the JSON's size and times, so that when the JSON changes any
other way the index is made again from it on the next query, after full validation (a damaged
fact base is still refused, exit 3). Parsing a large JSON file on every query is what made etr
slow at a thousand documents (bench/README.md). This module reads the store; etr.store.writer
writes it, and etr.store.opening opens it for a query, making it anew when it is missing or stale.
Imports etr.text and the standard library.
"""

from __future__ import annotations

import binascii
import datetime
import json
import math
import os
import re
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path

from etr.text.fold import fold

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

INDEX_FORMAT = "35"  # bump when what the index stores changes (terms(), stem(), the tables)
INDEXED_RULES = ("words.toml", "romanise.toml")  # rules whose change makes the index stale
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE arrays(name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE sources(ord INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, short TEXT NOT NULL, title TEXT NOT NULL,
                     data TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX sources_names ON sources(ord, id, short, title);
CREATE INDEX sources_by_id ON sources(id, ord, short, title);
CREATE INDEX sources_dated ON sources(json_extract(data, '$.dated.value'));
CREATE TABLE entities(idx INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, data TEXT NOT NULL, rids BLOB NOT NULL,
                      events BLOB NOT NULL, said BLOB NOT NULL);
CREATE TABLE events(rid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, skey TEXT NOT NULL, start TEXT, end TEXT,
                    source TEXT NOT NULL, cstart INTEGER NOT NULL, cend INTEGER NOT NULL, value TEXT NOT NULL,
                    entities TEXT NOT NULL, out TEXT NOT NULL, dstart INTEGER NOT NULL, dend INTEGER NOT NULL);
CREATE TABLE records(rid INTEGER PRIMARY KEY, record TEXT NOT NULL);
CREATE INDEX events_order ON events(skey, source, cstart, rid);
CREATE INDEX events_start ON events(start);
CREATE INDEX events_sentence ON events(source, cstart);
CREATE INDEX events_keys ON events(id, start, end, source, cstart, cend);
CREATE TABLE sentences(rid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, source TEXT NOT NULL,
                       section TEXT NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL,
                       end INTEGER NOT NULL, text TEXT NOT NULL, entities TEXT NOT NULL, events TEXT NOT NULL);
CREATE INDEX sentences_at ON sentences(source, start);
CREATE TABLE postings(term TEXT PRIMARY KEY, df INTEGER NOT NULL, rids BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE carried(name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE mentions(idx INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE unmerged(id TEXT PRIMARY KEY, entities TEXT NOT NULL, via TEXT);
"""
# events: `rid` is the order the build made them in; the fact base lists them by (date, source,
# place in it), ties in that order (ORDER_BY); each event's record as the JSON fact base writes it
# is in `records` (apart, so that a query reads small rows). sources_names: the names of 10,000
# sources read in 6 ms, not 25; sources_by_id, the names of the sources a profile cites, by id.
# events_keys: the sort keys of a profile's 7,000 events at 10,000 documents in 12 ms, not 25,
# for their rows, which hold their JSON, are not read. entities: each one's sentences (rids), and
# its profile in the order it is shown (see `profile`), so that a terminal's 25 rows of a profile
# of 7,000 events read 25 rows, not 7,000 keys to sort. carried, mentions, unmerged: what a build hands the next
# (etr.ingest.assemble), so that adding a document reads only what it changes.
ORDER_BY = "skey, source, cstart, rid"
LIGHT_KEYS = ("id", "type", "name", "aliases", "variants", "short_forms", "forms", "curated", "description", "roles")
# per-sentence flags (the "flags" array), for ranking without reading the sentence
HAS_DIGIT, HAS_EVENTS, NAMES_PERSON, NAMES_PLACE = 1, 2, 4, 8
_DIGIT = re.compile(r"\d")
IMPLIED = "~"
SEP = "\x1f"  # between the ids in one column (the ASCII unit separator: in no id)
SENTENCE = "id, source, section, paragraph, start, end, text, entities, events"


def _sentence(row: tuple[Any, ...]) -> dict[str, Any]:
    """A sentence record from its row (SENTENCE's columns)."""
    i, source, section, paragraph, start, end, text, ents, evs = row
    return {"id": i, "source": source, "section": section, "paragraph": paragraph, "start": start,
            "end": end, "text": text, "entities": ents.split(SEP) if ents else [],
            "events": evs.split(SEP) if evs else []}  # postings of "~word": sentences using `word` through the type of an entity they name


def reports(text: str, start: int, end: int, dated: dict[str, Any] | None) -> bool:
    """Whether a sentence that states no date reports something on the day its document's header
    or date line gives (`dated`, the source's "dated"): not the words that date it, nor a name
    alone or a signature ("O. Edmund Clubb"), which report nothing."""
    if dated is None or (start < dated["end"] and end > dated["start"]):
        return False
    return any(w.islower() and len(w) > 1 for w in text.split())


def dated_of(raw: Any) -> dict[str, Any] | None:
    """A source's "dated" (the day its header or date line gives), from its JSON as SQLite's
    json_extract hands it over; None when it has none."""
    got = json.loads(raw) if isinstance(raw, str) and raw.startswith("{") else None
    return got if isinstance(got, dict) else None


def event_keys(con: sqlite3.Connection, ids: list[str]) -> list[tuple[tuple[str, str, str, int], int, int]]:
    """(sort key, end offset, row) of these events in order (key, row); key = (start, end,
    source, offset). The columns asked for are all in the index events_keys, so no row of the
    table (which holds their JSON) is read; one statement, sorted by SQLite (a profile at 10,000
    documents has ~7,000 events: in chunks, then sorted here, they took twice the time)."""
    rows = con.execute(
        "SELECT coalesce(start, ''), coalesce(end, ''), source, cstart, cend, rid FROM events INDEXED BY events_keys "
        "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY 1, 2, 3, 4, 6", (json.dumps(ids),))
    return [((a, b, c, d), e, r) for a, b, c, d, e, r in rows]


def registry_dated(con: sqlite3.Connection, e: dict[str, Any]) -> list[tuple[str, str]]:
    """(id, output JSON) of the events stated where the registry entry `e` cites its dates, agreeing
    with them at the registry's precision."""
    from etr.dates.values import agrees

    found = []
    for d in e.get("dates", []):
        c = d["citation"]
        for src, start in con.execute("SELECT source, start FROM sentences WHERE source = ? AND start < ? AND end > ? "
                                      "ORDER BY start", (c["source"], c["end"], c["start"])):
            found += [(i, o) for i, v, o in con.execute(
                f"SELECT id, value, out FROM events WHERE source = ? AND cstart = ? ORDER BY {ORDER_BY}", (src, start))
                if agrees(v, d["value"])]
    return found


def _ints(data: bytes, n: int) -> array[int]:
    """Sentence row ids from the index, refused (as a damaged index) when out of range."""
    a = array("i")
    a.frombytes(data)
    if a and (max(a) >= n or min(a) < 0):
        raise sqlite3.DatabaseError("index damaged: row id out of range")
    return a


def key_of(path: Path) -> str:
    """What the index remembers of the JSON it was made from: format, size, modification time."""
    from etr import __version__

    st = path.stat()
    rules = Path(__file__).parents[1] / "rules"
    held = b"".join((rules / f).read_bytes() for f in INDEXED_RULES)  # the terms and keys the index holds
    # ctime cannot be set back (mtime can: `cp -p`, `touch -r`), and any rewrite changes it
    return (f"{INDEX_FORMAT}:{__version__}:{binascii.crc32(held):08x}:"
            f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}")


def index_path(facts: Path) -> Path:
    """Beside the fact base if that folder is writable, else in the user's cache."""
    return side_path(facts, ".index.sqlite")


def side_path(facts: Path, suffix: str) -> Path:
    """A file that goes with the fact base: beside it if that folder is writable, else in the
    user's cache."""
    beside = facts.with_name(facts.name + suffix)
    if os.access(facts.parent, os.W_OK):
        return beside
    import hashlib

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "etr"
    digest = hashlib.sha1(str(facts.resolve()).encode()).hexdigest()[:16]
    return cache / f"{digest}{suffix}"


def is_current(facts: Path) -> bool:
    """Whether the index of the fact base at `facts` is there and made from it as it is now."""
    try:
        key = key_of(facts)
    except OSError:
        return False
    path = index_path(facts)
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == key


def open_current(path: Path, key: str) -> Index | None:
    """The index at `path`, if it is there and was made from the fact base `key` names; else None."""
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = con.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        if row is None or row[0] != key:
            con.close()
            return None
        return Index(con)
    except sqlite3.Error:
        return None


def name_entries(entities: list[dict[str, Any]]) -> list[tuple[int, str, str, str, str]]:
    """(entity index, form, folded form, kind, romanisation key) of every name form: what the
    matcher ranks."""
    from etr.text.romanise import key

    out = []
    for i, e in enumerate(entities):
        forms = [(e["name"], "name"), *((a, "alias") for a in e["aliases"]),
                 *((v, "variant") for v in e["variants"]), *((x, "short") for x in e["short_forms"])]
        if e["type"] == "person" and (bare := _INITIALS_OFF.sub("", e["name"])) != e["name"] and " " in bare \
                and bare not in e["aliases"]:
            forms.append((bare, "variant"))  # "A. Doak Barnett" asked as "Doak Barnett"
        out += [(i, form, fold(form), kind, key(form)) for form, kind in forms]
    return out


_INITIALS_OFF = re.compile(r"^(?:[A-Z]\.\s*)+(?=[A-Z][a-z])")  # a full name's leading initials


def light(e: dict[str, Any]) -> dict[str, Any]:
    """What every query reads of an entity: its names and kind (its events are read on demand)."""
    d = {k: e[k] for k in LIGHT_KEYS}
    d["n_sentences"] = len(e["sentences"])
    return d


def shape_event(ev: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An event of the fact base as the output shows it (`refs`: entity id -> {id, name, type}).
    The index stores every event in this shape, ready to print."""
    out: dict[str, Any] = {
        "id": ev["id"],
        "date": {k: ev["date"][k] for k in ("text", "value", "start", "end", "precision", "mod", "how")},
        "text": ev["text"],
        "entities": [refs.get(x) or {"id": x, "name": x, "type": "unknown"} for x in ev["entities"]],
        "citations": ev["citations"],
    }
    if ev["date"].get("anchor"):
        out["date"]["anchor"] = ev["date"]["anchor"]
    if ev.get("via"):
        out["via"] = ev["via"]
    return out


def event_out(ev: dict[str, Any], refs: dict[str, dict[str, Any]]) -> str:
    """`shape_event` as the JSON the index stores."""
    from etr.store.canon import shown_event

    return shown_event(ev, refs) or json.dumps(shape_event(ev, refs), ensure_ascii=False)


def _day(iso: str) -> int | None:
    try:
        return datetime.date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def fill_spans(con: sqlite3.Connection, rows: Iterable[tuple[int, str | None, str | None]]) -> None:
    """An R*Tree of the events' date spans (day numbers), so that `when 1944-11` reads only the
    events that overlap November 1944, not the whole table. SQLite's R*Tree module is built into
    nearly every Python; without it queries scan the events instead (slower, same answers).
    `rows`: (rid, start, end) of events."""
    try:
        con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS event_spans USING rtree_i32(rid, lo, hi)")
    except sqlite3.Error:
        return
    out = []
    for i, a, b in rows:
        if a is None or b is None:
            continue
        lo, hi = _day(a), _day(b)
        if lo is not None and hi is not None and lo <= hi:  # the R*Tree refuses a span that runs backwards
            out.append((i, lo, hi))
    con.executemany("INSERT INTO event_spans VALUES (?, ?, ?)", out)


class RawList:
    """A list of results already in JSON (from the index), handed to the output as they are: an
    answer with a thousand events never parses and re-serialises them for --json. Iterating
    gives dicts, for tables and plain text. Made from `keys` (rows of the index, in order) and
    `fetch`, which reads their JSON, it reads only what is asked of it: a terminal that shows 25
    of the 12,000 events of a month at 10,000 documents reads 25."""

    __slots__ = ("_items", "_keys", "_fetch")

    def __init__(self, items: list[str] | None = None, keys: Sequence[Any] = (),
                 fetch: Callable[[Sequence[Any]], list[str]] | None = None) -> None:
        self._items, self._keys, self._fetch = items, keys, fetch
        if items is None and fetch is None:
            self._items = []

    @property
    def items(self) -> list[str]:
        if self._items is None:
            assert self._fetch is not None
            self._items = self._fetch(self._keys)
        return self._items

    def json(self) -> str:
        return "[" + ", ".join(self.items) + "]"

    def __len__(self) -> int:
        return len(self._items) if self._items is not None else len(self._keys)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (json.loads(x) for x in self.items)

    def __getitem__(self, i: slice) -> RawList:
        if self._items is None:
            return RawList(keys=self._keys[i], fetch=self._fetch)
        return RawList(self._items[i])

    def __eq__(self, other: object) -> bool:
        return list(self) == (list(other) if isinstance(other, (list, RawList)) else other)

    __hash__ = None  # type: ignore[assignment]


class Index:
    """Read access to the fact base for queries: each method reads only what it returns."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        self.n = int(meta["n"])
        self.count = int(meta["sentences"])
        self.avg = float(meta["avg"])
        self.light: list[dict[str, Any]] = json.loads(meta["light"])
        self.name_entries: list[list[Any]] = json.loads(meta["names"])
        # each entity's row (found entities that merged into others leave gaps in the rows)
        self.rows: list[int] = json.loads(meta["rows"])

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.con.execute(sql, tuple(args))]

    def _array(self, name: str, typecode: str) -> array[int]:
        row = self.con.execute("SELECT data FROM arrays WHERE name = ?", (name,)).fetchone()
        a = array(typecode)
        if row is not None:
            a.frombytes(row[0])
        if len(a) != self.count:
            raise sqlite3.DatabaseError(f"index damaged: array {name} has {len(a)} items for {self.n} sentences")
        return a

    @cached_property
    def lengths(self) -> array[int]:
        return self._array("lengths", "i")

    @cached_property
    def paras(self) -> array[int]:
        return self._array("paras", "i")

    @cached_property
    def docs(self) -> array[int]:
        """Each sentence's document, as a number (the sources in the order their sentences came)."""
        return self._array("docs", "i")

    @cached_property
    def flags(self) -> array[int]:
        return self._array("flags", "B")

    def entity(self, idx: int) -> dict[str, Any]:
        row = self.con.execute("SELECT data FROM entities WHERE idx = ?", (self.rows[idx],)).fetchone()
        return json.loads(row[0])  # type: ignore[no-any-return]

    def entity_rids(self, idx: int) -> array[int]:
        row = self.con.execute("SELECT rids FROM entities WHERE idx = ?", (self.rows[idx],)).fetchone()
        return _ints(row[0], self.n) if row else array("i")

    def profile(self, idx: int) -> tuple[array[int], array[int]] | None:
        """An entity's profile in the order it is shown, as the build worked it out: its events
        (a row of the events, or -1 - the row of a sentence its document's date reports, see
        `reports`) and its other statements (rows of sentences, or -1 - k for the k-th quote of
        its registry entry, shown where no sentence holds it); None for an entity the index does
        not hold."""
        row = self.con.execute("SELECT events, said FROM entities WHERE idx = ?", (self.rows[idx],)).fetchone()
        if row is None:
            return None
        events, said = array("i"), array("i")
        events.frombytes(row[0])
        said.frombytes(row[1])
        if (events and (min(events) < -self.n or max(events) >= self.events_count)) or (said and max(said) >= self.n):
            raise sqlite3.DatabaseError("index damaged: a row of an entity's profile out of range")
        return events, said

    @cached_property
    def events_count(self) -> int:
        return int(self.con.execute("SELECT coalesce(max(rid) + 1, 0) FROM events").fetchone()[0])

    def outs(self, rids: Sequence[int]) -> list[str]:
        """The output JSON of these events (by row), in this order."""
        got: dict[int, str] = {}
        for chunk in _chunks(list(rids)):
            got.update(self.con.execute(f"SELECT rid, out FROM events WHERE rid IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall())
        return [got[r] for r in rids]

    def events_in_sentences(self, ids: list[str]) -> dict[str, tuple[int, int, str]]:
        """id -> (offset of its date in the sentence, end of it, output JSON) of these events."""
        out: dict[str, tuple[int, int, str]] = {}
        for chunk in _chunks(ids):
            for i, ds, de, cs, o in self.con.execute(
                    f"SELECT id, dstart, dend, cstart, out FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[i] = (ds - cs, de - cs, o)
        return out

    def event_outs_overlapping(self, lo: str | None, hi: str | None) -> list[tuple[str, str, str, int, str, str]]:
        """(start, end, source, offset, entities, output JSON) of events whose dates overlap [lo, hi],
        in the fact base's (date) order."""
        return self._overlapping(lo, hi, "entities, out")

    def event_keys_overlapping(self, lo: str | None, hi: str | None) -> list[tuple[str, str, str, int, int]]:
        """(start, end, source, offset, row) of events whose dates overlap [lo, hi], in the fact
        base's order: event_outs_overlapping without the JSON (`outs` reads it)."""
        return self._overlapping(lo, hi, "rid")

    def _overlapping(self, lo: str | None, hi: str | None, more: str) -> list[Any]:
        """(start, end, source, offset, *more columns) of the events overlapping [lo, hi]: through
        the R*Tree of their days when there is one, else by their ISO dates."""
        a, b = (_day(lo), _day(hi)) if lo and hi else (None, None)
        if a is not None and b is not None and self.has_spans:
            cols = ", ".join(f"e.{c.strip()}" for c in more.split(","))
            return self.con.execute(
                f"SELECT e.start, e.end, e.source, e.cstart, {cols} FROM event_spans s JOIN events e ON e.rid = s.rid "
                "WHERE s.hi >= ? AND s.lo <= ? AND e.end >= ? AND e.start <= ? ORDER BY e.skey, e.source, e.cstart, e.rid",
                (a, b, lo, hi)).fetchall()
        return self.con.execute(
            f"SELECT start, end, source, cstart, {more} FROM events WHERE start IS NOT NULL AND end >= ? AND start <= ? "
            f"ORDER BY {ORDER_BY}", (lo or "0000", hi or "9999")).fetchall()

    def span_rows(self, lo: str, hi: str) -> list[tuple[int, int, int]] | None:
        """(row, first day, last day) of the events whose days overlap [lo, hi], from the R*Tree
        alone (day numbers, unordered); None without one."""
        a, b = _day(lo), _day(hi)
        if a is None or b is None or not self.has_spans:
            return None
        return self.con.execute("SELECT rid, lo, hi FROM event_spans WHERE hi >= ? AND lo <= ?", (a, b)).fetchall()

    def sort_keys(self, rids: Sequence[int]) -> list[tuple[tuple[str, str, str, int], int]]:
        """((start, end, source, offset), row) of these events, unordered."""
        out: list[tuple[tuple[str, str, str, int], int]] = []
        for chunk in _chunks(list(rids)):
            out += [((a, b, c, d), r) for a, b, c, d, r in self.con.execute(
                f"SELECT start, end, source, cstart, rid FROM events WHERE rid IN ({','.join('?' * len(chunk))})", chunk)]
        return out

    @cached_property
    def has_spans(self) -> bool:
        return self.con.execute("SELECT 1 FROM sqlite_master WHERE name = 'event_spans'").fetchone() is not None

    def event_out(self, ident: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT out FROM events WHERE id = ?", (ident,)).fetchone()
        return json.loads(row[0]) if row else None

    def events_of_sentence(self, source: str, start: int) -> list[tuple[str, str, dict[str, Any]]]:
        """(id, value, output) of the events a sentence states."""
        return [(i, v, json.loads(o)) for i, v, o in self.con.execute(
            f"SELECT id, value, out FROM events WHERE source = ? AND cstart = ? ORDER BY {ORDER_BY}", (source, start))]

    def sentences_by_rid(self, rids: list[int]) -> dict[int, dict[str, Any]]:
        out: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(rids):
            for row in self.con.execute(
                    f"SELECT rid, {SENTENCE} FROM sentences WHERE rid IN ({','.join('?' * len(chunk))})", chunk):
                out[row[0]] = _sentence(row[1:])
        return out

    def sentence_events(self, rids: list[int]) -> dict[int, list[str]]:
        """The ids of the events each of these sentences states."""
        out: dict[int, list[str]] = {}
        for chunk in _chunks(rids):
            for rid, evs in self.con.execute(
                    f"SELECT rid, events FROM sentences WHERE rid IN ({','.join('?' * len(chunk))})", chunk):
                out[rid] = evs.split(SEP) if evs else []
        return out

    def sentence_spans(self, rids: list[int]) -> tuple[dict[int, list[tuple[str, str]]], dict[int, str]]:
        """The (start, end) days of the events each of these sentences states, and its source."""
        spans: dict[int, list[tuple[str, str]]] = {}
        sources: dict[int, str] = {}
        for chunk in _chunks(rids):
            for rid, source, a, b in self.con.execute(
                    "SELECT s.rid, s.source, e.start, e.end FROM sentences AS s LEFT JOIN events AS e "
                    "INDEXED BY events_sentence ON e.source = s.source AND e.cstart = s.start "
                    f"WHERE s.rid IN ({','.join('?' * len(chunk))})", chunk):
                sources[rid] = source
                if a is not None and b is not None:
                    spans.setdefault(rid, []).append((a, b))
        return spans, sources

    def sentence(self, ident: str) -> dict[str, Any] | None:
        row = self.con.execute(f"SELECT {SENTENCE} FROM sentences WHERE id = ?", (ident,)).fetchone()
        return _sentence(row) if row else None

    def entity_by_id(self, ident: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT data FROM entities WHERE id = ?", (ident,)).fetchone()
        return json.loads(row[0]) if row else None

    def postings(self, words: Iterable[str]) -> dict[str, tuple[int, array[int]]]:
        """term -> (number of sentences holding it, their row ids, each repeated as often as it occurs)."""
        ws = list(set(words))
        got: dict[str, tuple[int, array[int]]] = {}
        for chunk in _chunks(ws):
            for term, df, rids in self.con.execute(
                    f"SELECT term, df, rids FROM postings WHERE term IN ({','.join('?' * len(chunk))})", chunk):
                got[term] = (df, _ints(rids, self.n))
        return got

    def near_terms(self, term: str, longer: int = 3, shortest: int = 5) -> list[str]:
        """The index's terms that are `term` with a few letters more or less at its end ("emigr":
        "emigrant"; "emigrant": "emigr"), none shorter than `shortest`: the same word where the
        stemmer left two forms of it apart."""
        if len(term) < shortest:
            return []
        got = [t for (t,) in self.con.execute(
            "SELECT term FROM postings WHERE term > ? AND term < ? AND length(term) <= ?",
            (term, term + "\uffff", len(term) + longer))]
        return got + self.known_terms(term[:k] for k in range(max(shortest, len(term) - longer), len(term)))

    def known_terms(self, words: Iterable[str]) -> list[str]:
        """Those of `words` that some sentence holds (a term of the postings)."""
        ws = sorted(set(words))
        got: list[str] = []
        for i in range(0, len(ws), 900):  # well under SQLite's bound on a statement's parameters
            part = ws[i : i + 900]
            got += [t for (t,) in self.con.execute(
                f"SELECT term FROM postings WHERE term IN ({','.join('?' * len(part))})", part)]
        return sorted(got)

    def idf(self, words: Iterable[str]) -> dict[str, float]:
        ws = list(set(words))
        got: dict[str, int] = {}
        for chunk in _chunks(ws):
            got.update(self.con.execute(f"SELECT term, df FROM postings WHERE term IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return {t: self.idf_of(d) for t, d in got.items()}

    def idf_of(self, df: int) -> float:
        """BM25's inverse document frequency of a term that `df` sentences hold."""
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def sentences_at(self, source: str, start: int, end: int) -> list[dict[str, Any]]:
        """The sentences of `source` that share some of the span [start, end) (a quote may run
        over two sentences: "... near Lake Baikal. On the same day Molotov sent a telegram")."""
        return list(map(_sentence, self.con.execute(
            f"SELECT {SENTENCE} FROM sentences WHERE source = ? AND start < ? AND end > ? ORDER BY start",
            (source, end, start))))

    def sources(self) -> list[dict[str, Any]]:
        return self._rows("SELECT data FROM sources ORDER BY ord")

    def source_names(self, ids: Iterable[str] | None = None) -> dict[str, tuple[int, str, str]]:
        """id -> (order, short name, title) of these sources (None: every one), without reading
        their records."""
        if ids is None:
            return {i: (o, short, title) for o, i, short, title in self.con.execute("SELECT ord, id, short, title FROM sources")}
        out: dict[str, tuple[int, str, str]] = {}
        for chunk in _chunks(list(ids)):
            out.update((i, (o, short, title)) for o, i, short, title in self.con.execute(
                f"SELECT ord, id, short, title FROM sources WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def sources_dated(self, sids: Iterable[str]) -> dict[str, dict[str, Any] | None]:
        """source_dated of each of these sources, in one query that reads only that field."""
        ids = list(set(sids))
        out: dict[str, dict[str, Any] | None] = dict.fromkeys(ids)
        for i in range(0, len(ids), 900):  # SQLite's limit on the parameters of one statement
            chunk = ids[i : i + 900]
            rows = self.con.execute(f"SELECT id, json_extract(data, '$.dated') FROM sources WHERE id IN "
                                    f"({','.join('?' * len(chunk))})", chunk)
            for sid, dated in rows:
                out[sid] = dated_of(dated)
        return out

    def reported_on(self, day: str) -> list[int]:
        """The rows of the sentences of the sources whose header or date line dates them to `day`
        ("1942-11-06"), in order."""
        return [r for (r,) in self.con.execute(
            "SELECT s.rid FROM sources AS src JOIN sentences AS s ON s.source = src.id "
            "WHERE json_extract(src.data, '$.dated.value') = ? ORDER BY s.rid", (day,))]

    def source_dated(self, sid: str) -> dict[str, Any] | None:
        """The day a source's header dates it (its record's "dated"), if it does."""
        row = self.con.execute("SELECT data FROM sources WHERE id = ?", (sid,)).fetchone()
        got = json.loads(row[0]).get("dated") if row else None
        return got if isinstance(got, dict) else None

    def source_text(self, sid: str) -> str:
        row = self.con.execute("SELECT text FROM sources WHERE id = ?", (sid,)).fetchone()
        return row[0] if row else ""

    # ------------------------------------------------------------------ whole tables, for exports

    def all_events(self) -> RawList:
        """Every event, in the fact base's (date) order, as output JSON."""
        return RawList([o for (o,) in self.con.execute(f"SELECT out FROM events ORDER BY {ORDER_BY}")])

    def all_sentences(self) -> Iterator[dict[str, Any]]:
        return map(_sentence, self.con.execute(f"SELECT {SENTENCE} FROM sentences ORDER BY rid"))

    def all_entities(self) -> Iterator[dict[str, Any]]:
        """Every entity's full record, in the fact base's order."""
        return (json.loads(d) for (d,) in self.con.execute("SELECT data FROM entities ORDER BY idx"))

    def source_texts(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT id, text FROM sources ORDER BY ord").fetchall())

    def events_on_day(self, month_day: str) -> list[tuple[str, str, int, str]]:
        """(start, source, offset, output JSON) of the events dated to one day whose month and
        day are `month_day` ("12-11"), in date order."""
        return self.con.execute(
            "SELECT start, source, cstart, out FROM events WHERE start = end AND substr(start, 6) = ? "
            "ORDER BY start, source, cstart", (month_day,)).fetchall()


def _chunks(items: list[Any], size: int = 900) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
