"""Writing a fact base's store: the SQLite file queries answer from, filled as a build goes.

A build (etr.ingest.assemble) hands its records over document by document, so that ten thousand
documents are never held in memory at once, and the JSON fact base is then written from the
store, record by record (`json_chunks`): byte for byte what `etr.store.facts.dumps` writes of the
same records. The store also keeps what the next build needs to carry on where this one stopped
(`carried`, `mentions`, `unmerged`), so that adding one document reads that document and what it
changes, not the rest.

A store is written to a temporary file (a new one, or a copy of the previous store: a file copy
costs a fraction of what rewriting its rows would) and renamed into place by `commit`, so that a
query sees the old store or the new one, never a mix, and a build that fails or is killed leaves
the old one as it was. Imports etr.store and the standard library.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from etr.store import canon, index
from etr.store.index import (
    HAS_DIGIT,
    HAS_EVENTS,
    IMPLIED,
    NAMES_PERSON,
    NAMES_PLACE,
    SCHEMA,
    SEP,
    event_out,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_DIGIT = re.compile(r"\d")
PENDING = "pending"  # the key of a store whose JSON is not written yet
TOP = ("generator", "schema_version", "user_names")  # the fact base's values that are not lists of records


def _dumps(value: Any) -> str:
    """A record as the JSON fact base writes it (sorted keys, json's C encoder)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _as_made(value: Any) -> str:
    """A record as queries read it, its keys in the order the build made them (the order the
    output shows them in)."""
    return json.dumps(value, ensure_ascii=False)


class Store:
    """A store being written: new, or a copy of the previous build's being brought up to date."""

    def __init__(self, path: Path | None, base: Path | None = None, read_only: bool = False) -> None:
        """`path`: where the store goes when committed (None: in memory, for a fact base held
        whole, as the seeds' is); `base`: the store to start from, copied. `read_only`: the
        store at `path` as it is, to read (an earlier build's)."""
        self.path, self.tmp = path, None
        if read_only:
            assert path is not None
            self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        elif path is None:
            self.con = sqlite3.connect(":memory:")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            if base is not None:
                shutil.copyfile(base, self.tmp)
            self.con = sqlite3.connect(self.tmp)
        if not read_only:
            self.con.execute("PRAGMA journal_mode = OFF")  # a private file, renamed into place only when complete
            self.con.execute("PRAGMA synchronous = OFF")
            self.con.execute("PRAGMA cache_size = -65536")  # 64 MB of pages
        if base is None and not read_only:
            self.con.executescript(SCHEMA)
        meta = dict(self.con.execute("SELECT key, value FROM meta").fetchall())
        self.n_sentences = int(meta.get("sentences", 0))
        self.n_events = int(meta.get("events", 0))
        self.n_sources = int(meta.get("sources", 0))
        self.total_terms = int(meta.get("terms", 0))
        self.n_paras = int(meta.get("paragraphs", 0))
        self.new_postings: dict[str, list[int]] = {}
        self.lengths = self._array("lengths", "i")
        self.paras = self._array("paras", "i")
        self.docs = self._array("docs", "i")  # each sentence's document, numbered as they come
        self.n_docs = int(meta.get("documents", 0))
        self.flags = bytearray(self._array("flags", "B").tobytes())
        self._para_of: dict[tuple[str, int], int] = {}
        self._doc_of: dict[str, int] = {}
        self.first_new_sentence = self.n_sentences
        self._rid_of: dict[str, int] = {}  # of the sentences written now

    @classmethod
    def existing(cls, path: Path) -> Store | None:
        """The store at `path`, to read, if it is one this etr writes (an earlier build's)."""
        if not path.is_file():
            return None
        try:
            st = cls(path, read_only=True)
            row = st.con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if row is None or row[0] != index.INDEX_FORMAT:
                st.con.close()
                return None
            return st
        except sqlite3.Error:
            return None

    def _array(self, name: str, code: str) -> array[int]:
        row = self.con.execute("SELECT data FROM arrays WHERE name = ?", (name,)).fetchone()
        a = array(code)
        if row is not None:
            a.frombytes(row[0])
        return a

    # ------------------------------------------------------------------ what the store holds

    def carried(self, name: str) -> bytes | None:
        row = self.con.execute("SELECT data FROM carried WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def put_carried(self, name: str, data: bytes) -> None:
        self.con.execute("INSERT OR REPLACE INTO carried VALUES (?, ?)", (name, data))

    def top(self) -> dict[str, Any]:
        """The fact base's values that are not lists of records (its generator, user names ...)."""
        return {k[4:]: json.loads(v) for k, v in self.con.execute("SELECT key, value FROM meta WHERE key LIKE 'top:%'")}

    def sources(self) -> list[dict[str, Any]]:
        """Every source's record but its text, in order."""
        return [json.loads(d) for (d,) in self.con.execute("SELECT data FROM sources ORDER BY ord")]

    def text(self, sid: str) -> str:
        row = self.con.execute("SELECT text FROM sources WHERE id = ?", (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        return str(row[0])

    def mentions(self, idxs: Iterable[int]) -> dict[int, bytes]:
        """Each entity's mentions before merges, as the build that made them packed them."""
        out: dict[int, bytes] = {}
        for chunk in _chunks(sorted(set(idxs))):
            out.update(self.con.execute(f"SELECT idx, data FROM mentions WHERE idx IN ({_marks(chunk)})", chunk))
        return out

    def put_mentions(self, rows: Iterable[tuple[int, bytes]]) -> None:
        self.con.executemany("INSERT OR REPLACE INTO mentions VALUES (?, ?)", rows)

    def unmerged(self, ids: Iterable[str]) -> dict[str, tuple[list[str], dict[str, str] | None]]:
        """The entity lists (and links) of these sentences and events as they were before merges
        rewrote them; only those merges rewrote are kept."""
        out: dict[str, tuple[list[str], dict[str, str] | None]] = {}
        for chunk in _chunks(sorted(set(ids))):
            for i, ents, via in self.con.execute(f"SELECT id, entities, via FROM unmerged WHERE id IN ({_marks(chunk)})", chunk):
                out[i] = (json.loads(ents), json.loads(via) if via is not None else None)
        return out

    def put_unmerged(self, rows: Iterable[tuple[str, list[str], dict[str, str] | None]]) -> None:
        self.con.executemany("INSERT OR REPLACE INTO unmerged VALUES (?, ?, ?)", [
            (i, json.dumps(ents), json.dumps(via) if via is not None else None) for i, ents, via in rows])

    def forget_unmerged(self, ids: Iterable[str]) -> None:
        for chunk in _chunks(sorted(set(ids))):
            self.con.execute(f"DELETE FROM unmerged WHERE id IN ({_marks(chunk)})", chunk)

    def sentence_rows(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for chunk in _chunks(sorted(set(ids))):
            out += map(index._sentence, self.con.execute(
                f"SELECT {index.SENTENCE} FROM sentences WHERE id IN ({_marks(chunk)})", chunk))
        return out

    def event_records(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """These events' records, their citations and links in the order the build made them
        (the order the output shows), as the output form keeps them."""
        got: list[dict[str, Any]] = []
        for chunk in _chunks(sorted(set(ids))):
            for r, o in self.con.execute(f"SELECT r.record, e.out FROM events e JOIN records r ON r.rid = e.rid "
                                         f"WHERE e.id IN ({_marks(chunk)})", chunk):
                ev, shown = json.loads(r), json.loads(o)
                ev["citations"] = shown["citations"]
                if shown.get("via"):
                    ev["via"] = shown["via"]
                got.append(ev)
        return got

    def source_entities(self, sid: str) -> set[str]:
        """The entities the sentences of one source name."""
        out: set[str] = set()
        for (ents,) in self.con.execute("SELECT entities FROM sentences WHERE source = ?", (sid,)):
            if ents:
                out.update(ents.split(SEP))
        return out

    # ------------------------------------------------------------------ records in

    def add_source(self, rec: dict[str, Any]) -> None:
        data = {k: v for k, v in rec.items() if k != "text"}
        self.con.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                         (self.n_sources, rec["id"], rec["short"], rec["title"], _as_made(data), rec["text"]))
        self.n_sources += 1

    def source_record(self, sid: str) -> dict[str, Any]:
        """A source's record but its text."""
        row = self.con.execute("SELECT data FROM sources WHERE id = ?", (sid,)).fetchone()
        if row is None:
            raise KeyError(sid)
        return json.loads(row[0])  # type: ignore[no-any-return]

    def update_source(self, rec: dict[str, Any]) -> None:
        data = {k: v for k, v in rec.items() if k != "text"}
        self.con.execute("UPDATE sources SET data = ? WHERE id = ?", (_as_made(data), rec["id"]))

    def sources_of(self, sentence_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(sorted(set(sentence_ids))):
            out.update(s for (s,) in self.con.execute(f"SELECT DISTINCT source FROM sentences WHERE id IN ({_marks(chunk)})", chunk))
        return out

    def sentence_at(self, sid: str, at: int) -> tuple[int, int] | None:
        """(start, end) of the first sentence of a source that holds the offset `at`."""
        row = self.con.execute("SELECT start, end FROM sentences WHERE source = ? AND start <= ? AND end > ? "
                               "ORDER BY start LIMIT 1", (sid, at, at)).fetchone()
        return (row[0], row[1]) if row else None

    def quote(self, sid: str, start: int, end: int) -> str:
        """text[start:end] of a source (a sentence's text when it is one)."""
        row = self.con.execute("SELECT text FROM sentences WHERE source = ? AND start = ? AND end = ?",
                               (sid, start, end)).fetchone()
        if row is not None:
            return str(row[0])
        return self.text(sid)[start:end]

    def add_sentences(self, recs: list[dict[str, Any]], sentence_terms: list[list[str]]) -> None:
        """A document's sentences (in order) and the index words of each."""
        rid = self.n_sentences
        rows = []
        postings = self.new_postings
        for rec, ts in zip(recs, sentence_terms, strict=True):
            rows.append((rid, rec["id"], rec["source"], rec["section"], rec["paragraph"], rec["start"], rec["end"],
                         rec["text"], SEP.join(rec["entities"]), SEP.join(rec["events"])))
            self._rid_of[rec["id"]] = rid
            self.total_terms += len(ts)
            self.lengths.append(len(ts))
            for t in ts:
                got = postings.get(t)
                if got is None:
                    postings[t] = [rid]
                else:
                    got.append(rid)  # once per occurrence: the count is the term's frequency
            key = (rec["source"], rec["paragraph"])
            para = self._para_of.get(key)
            if para is None:
                para = self._para_of[key] = self.n_paras
                self.n_paras += 1
            self.paras.append(para)
            doc = self._doc_of.get(rec["source"])
            if doc is None:
                doc = self._doc_of[rec["source"]] = self.n_docs
                self.n_docs += 1
            self.docs.append(doc)
            self.flags.append((HAS_DIGIT if _DIGIT.search(rec["text"]) else 0) | (HAS_EVENTS if rec["events"] else 0))
            rid += 1
        self.con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.n_sentences = rid

    def set_sentence_entities(self, rows: Iterable[tuple[str, list[str]]]) -> None:
        self.con.executemany("UPDATE sentences SET entities = ? WHERE id = ?", [(SEP.join(e), i) for i, e in rows])

    def add_events(self, recs: list[dict[str, Any]], outs: list[str]) -> None:
        """Events (each with its output form) in the order the build made them."""
        rows, records = [], []
        for ev, out in zip(recs, outs, strict=True):
            d, c = ev["date"], ev["citations"][0]
            rows.append((self.n_events, ev["id"], d["start"] or "", d["start"], d["end"], ev["source"], c["start"],
                         c["end"], d["value"], SEP.join(ev["entities"]), out, ev["date_span"][0], ev["date_span"][1]))
            records.append((self.n_events, canon.event(ev)))
            self.n_events += 1
        self.con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.con.executemany("INSERT INTO records VALUES (?, ?)", records)
        index.fill_spans(self.con, ((r[0], r[3], r[4]) for r in rows))

    def set_events(self, recs: Iterable[tuple[dict[str, Any], str]]) -> None:
        """Events already stored, with new entity lists or a new output form."""
        rows = [(SEP.join(ev["entities"]), out, canon.event(ev), ev["id"]) for ev, out in recs]
        self.con.executemany("UPDATE events SET entities = ?, out = ? WHERE id = ?", [(e, o, i) for e, o, _r, i in rows])
        self.con.executemany("UPDATE records SET record = ? WHERE rid = (SELECT rid FROM events WHERE id = ?)",
                             [(r, i) for _e, _o, r, i in rows])

    def put_entities(self, rows: Iterable[tuple[int, dict[str, Any]]]) -> None:
        """Entity records by their index (the registry's, then those found, in the order found),
        each with its sentences' rows and its profile in the order it is shown (`_profile`)."""
        out = []
        for i, e in rows:
            rids = sorted(self.rids_of(e["sentences"]))
            events, said = self._profile(e, rids)
            out.append((i, e["id"], _as_made(e), array("i", rids).tobytes(), events.tobytes(), said.tobytes()))
        self.con.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?)", out)

    def _profile(self, e: dict[str, Any], rids: list[int]) -> tuple[array[int], array[int]]:
        """What a profile of `e` shows, in order (index.Index.profile): its events, those of its
        sentences and those stated where its registry entry cites its dates, by date, source and
        place, with the sentences that state no date in a document its header dates ("reported"
        on or before that day); and its other sentences by source and place, after the registry
        entry's quotes no sentence or event of it holds. Worked out once here, so that a query
        reads the rows it shows (at 10,000 documents a profile has 7,000 events)."""
        con = self.con
        ids = list(dict.fromkeys([*e["events"], *(i for i, _out in index.registry_dated(con, e))]))
        keyed = index.event_keys(con, ids)
        undated: list[tuple[int, str, int, int, str]] = []
        for chunk in _chunks(rids):
            undated += con.execute(f"SELECT rid, source, start, end, text FROM sentences WHERE rid IN ({_marks(chunk)}) "
                                   "AND events = ''", chunk).fetchall()
        sources = sorted({s for _r, s, _a, _b, _t in undated})
        ords: dict[str, int] = {}
        dated: dict[str, dict[str, Any] | None] = {}
        for chunk in _chunks(sources):
            for sid, o, d in con.execute(f"SELECT id, ord, json_extract(data, '$.dated') FROM sources WHERE id IN "
                                         f"({_marks(chunk)})", chunk):
                ords[sid] = o
                dated[sid] = index.dated_of(d)
        undated.sort(key=lambda r: (ords.get(r[1], 0), r[2]))
        spans = [(s, a, b) for _r, s, a, b, _t in undated] + [(k[2], k[3], end) for k, end, _r in keyed]
        said = array("i", (-1 - k for k, g in reversed(list(enumerate(e["statements"])))  # the last quote first
                           if not any(s == g["source"] and a <= g["start"] and g["end"] <= b for s, a, b in spans)))
        merged: list[tuple[tuple[str, str, str, int], int]] = [(k, r) for k, _end, r in keyed]
        for r, s, a, b, text in undated:
            d = dated.get(s)
            if index.reports(text, a, b, d):
                assert d is not None
                merged.append(((d["value"], d["value"], s, a), -1 - r))
            else:
                said.append(r)
        merged.sort(key=lambda m: m[0])  # stable: an event before a report of the same key
        return array("i", (r for _k, r in merged)), said

    def drop_entities(self, idxs: Iterable[int]) -> None:
        for chunk in _chunks(sorted(set(idxs))):
            self.con.execute(f"DELETE FROM entities WHERE idx IN ({_marks(chunk)})", chunk)

    def rids_of(self, ids: list[str]) -> list[int]:
        """The row ids of these sentences (those written now looked up in memory)."""
        mine = self._rid_of
        out = [mine[x] for x in ids if x in mine]
        rest = [x for x in ids if x not in mine]
        for chunk in _chunks(rest):
            out += [r for (r,) in self.con.execute(f"SELECT rid FROM sentences WHERE id IN ({_marks(chunk)})", chunk)]
        return out

    def light_by_row(self) -> dict[int, dict[str, Any]]:
        """What queries read first of each entity (see index.light), by row, as last written."""
        meta = dict(self.con.execute("SELECT key, value FROM meta WHERE key IN ('light', 'rows')").fetchall())
        if "light" not in meta:
            return {}
        return dict(zip(json.loads(meta["rows"]), json.loads(meta["light"]), strict=True))

    # ------------------------------------------------------------------ the ranking tables and the rest

    def rank(self, rids: list[int] | None, type_of: Callable[[str], str], implied: Callable[[list[str]], set[str]]) -> None:
        """The flags and the implied words (through the types of the entities they name) of
        these sentences (None: all), worked out again; every posting of new sentences added."""
        full = rids is None
        wanted: set[int] = set(rids or ())
        implied_rows: dict[str, list[int]] = {}
        if not full:
            for term, data in self.con.execute("SELECT term, rids FROM postings WHERE term >= ? AND term < ?",
                                               (IMPLIED, chr(ord(IMPLIED) + 1))):
                a = array("i")
                a.frombytes(data)
                implied_rows[term] = [r for r in a if r not in wanted]
        sql = "SELECT rid, entities FROM sentences"
        rows: Iterable[tuple[int, str]]
        if full:
            rows = self.con.execute(sql + " ORDER BY rid")
        else:
            got: list[tuple[int, str]] = []
            for chunk in _chunks(sorted(wanted)):
                got += self.con.execute(f"{sql} WHERE rid IN ({_marks(chunk)})", chunk).fetchall()
            rows = sorted(got)
        added: dict[str, list[int]] = {}
        for rid, ents in rows:
            types = [type_of(x) for x in ents.split(SEP)] if ents else []
            flag = self.flags[rid] & (HAS_DIGIT | HAS_EVENTS)
            if "person" in types:
                flag |= NAMES_PERSON
            if "place" in types:
                flag |= NAMES_PLACE
            self.flags[rid] = flag
            for w in implied(types):
                added.setdefault(IMPLIED + w, []).append(rid)
        for term, rs in added.items():
            implied_rows[term] = sorted(implied_rows.get(term, []) + rs)
        self.con.execute("DELETE FROM postings WHERE term >= ? AND term < ?", (IMPLIED, chr(ord(IMPLIED) + 1)))
        new = self.new_postings
        for term, rs in implied_rows.items():
            if rs:
                new.setdefault(term, []).extend(rs)
        old: dict[str, tuple[int, bytes]] = {}
        terms = sorted(t for t in new if not t.startswith(IMPLIED))
        for chunk in _chunks(terms):
            for term, df, data in self.con.execute(f"SELECT term, df, rids FROM postings WHERE term IN ({_marks(chunk)})", chunk):
                old[term] = (df, data)
        rows_out = []
        for term in sorted(new):
            rs = new[term]
            df, data = old.get(term, (0, b""))
            rows_out.append((term, df + len(set(rs)), data + array("i", rs).tobytes()))
        self.con.executemany("INSERT OR REPLACE INTO postings VALUES (?, ?, ?)", rows_out)
        self.new_postings = {}

    def finish(self, meta: dict[str, str]) -> None:
        """The arrays, the counts and `meta` (the entities' names and kinds, ...) written."""
        self.con.executemany("INSERT OR REPLACE INTO arrays VALUES (?, ?)", [
            ("lengths", self.lengths.tobytes()), ("paras", self.paras.tobytes()),
            ("docs", self.docs.tobytes()), ("flags", bytes(self.flags))])
        n = max(1, self.n_sentences)
        meta = {**meta, "n": str(n), "sentences": str(self.n_sentences), "avg": str(self.total_terms / n),
                "events": str(self.n_events), "sources": str(self.n_sources), "terms": str(self.total_terms),
                "paragraphs": str(self.n_paras), "documents": str(self.n_docs)}
        meta.setdefault("key", PENDING)
        self.con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        self.con.commit()

    # ------------------------------------------------------------------ out

    def json_chunks(self) -> Iterator[str]:
        """The fact base as JSON, in pieces: what `etr.store.facts.chunks` writes of the same records."""
        top = dict(self.con.execute("SELECT key, value FROM meta WHERE key LIKE 'top:%'"))
        lists: dict[str, Callable[[], Iterator[str]]] = {
            "entities": lambda: (_dumps(json.loads(d)) for (d,) in self.con.execute("SELECT data FROM entities ORDER BY idx")),
            "events": lambda: (r for (r,) in self.con.execute(
                "SELECT r.record FROM events e JOIN records r ON r.rid = e.rid ORDER BY e.skey, e.source, e.cstart, e.rid")),
            "sentences": self._sentence_lines,
            "sources": self._source_lines,
        }
        keys = sorted([*lists, *(k[4:] for k in top)])
        yield "{\n"
        for n, key in enumerate(keys):
            sep = ",\n" if n < len(keys) - 1 else "\n"
            name = json.dumps(key)
            if key in lists:
                lines = lists[key]()
                first = next(lines, None)
                if first is None:
                    yield f" {name}: []{sep}"
                    continue
                yield f" {name}: [\n"
                yield first
                for line in lines:
                    yield ",\n"
                    yield line
                yield "\n ]" + sep
            else:
                yield f" {name}: {top['top:' + key]}{sep}"
        yield "}\n"

    def _sentence_lines(self) -> Iterator[str]:
        line = canon.sentence_from
        for i, source, section, paragraph, start, end, text, ents, evs in self.con.execute(
                f"SELECT {index.SENTENCE} FROM sentences ORDER BY rid"):
            yield line(i, source, section, paragraph, start, end, text, ents.split(SEP) if ents else [],
                       evs.split(SEP) if evs else [])

    def _source_lines(self) -> Iterator[str]:
        for data, text in self.con.execute("SELECT data, text FROM sources ORDER BY ord"):
            rec = json.loads(data)
            rec["text"] = text
            yield _dumps(rec)

    def commit(self, key: str) -> None:
        """Stamp `key` (what the JSON fact base is, see index.key_of) and move the store into place."""
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (key,))
        self.con.commit()
        if self.tmp is None or self.path is None:
            return
        self.con.close()
        with open(self.tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(self.tmp, self.path)
        self.tmp = None

    def abandon(self) -> None:
        """Remove a store that will not be used (the build failed, or was interrupted)."""
        with contextlib.suppress(sqlite3.Error):
            self.con.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None


def from_records(st: Store, db: dict[str, Any]) -> None:
    """Fill a new store with the records of a fact base held whole (read from its JSON)."""
    from etr.text.terms import implied_words, sentence_terms

    for rec in db["sources"]:
        st.add_source(rec)
    st.add_sentences(db["sentences"], [sentence_terms(s["text"]) for s in db["sentences"]])
    refs = {e["id"]: {"id": e["id"], "name": e["name"], "type": e["type"]} for e in db["entities"]}
    st.add_events(db["events"], [event_out(ev, refs) for ev in db["events"]])
    st.put_entities(enumerate(db["entities"]))
    types = {e["id"]: e["type"] for e in db["entities"]}
    st.rank(None, lambda x: types.get(x, ""), implied_words)
    st.finish(entity_meta([index.light(e) for e in db["entities"]], range(len(db["entities"])),
                          {k: db[k] for k in TOP if k in db}))


def entity_meta(light: list[dict[str, Any]], rows: Iterable[int], top: dict[str, Any]) -> dict[str, str]:
    """What every query reads first: the entities' names and kinds (index.light), in the fact
    base's order, and the row each is stored in; and the fact base's values that are not lists
    of records."""
    return {"format": index.INDEX_FORMAT, "light": _as_made(light), "names": _as_made(index.name_entries(light)), "rows": json.dumps(list(rows)),
            "schema_version": str(top["schema_version"]), **{f"top:{k}": _dumps(v) for k, v in top.items()}}


def _marks(chunk: list[Any]) -> str:
    return ",".join("?" * len(chunk))


def _chunks(items: list[Any], size: int = 900) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


