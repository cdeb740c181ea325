"""A derived SQLite index of the fact base, so that a query reads only what it needs.

`data/facts.json` stays the canonical, human-readable fact base. Beside it (or, where that folder
is not writable, in the user's cache) etr keeps `<name>.index.sqlite`, made from the validated
JSON and keyed by the JSON's size and modification time: when the JSON changes, the index is
made again on the next query, so a damaged fact base is still refused (exit 3). Parsing a large
JSON file on every query is what made etr slow at a thousand documents (bench/README.md).
Imports etr.store, etr.errors, etr.names and the standard library.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from etr import store
from etr.errors import FactBaseInvalid

INDEX_FORMAT = "5"  # bump when what the index stores changes (terms(), stem(), the tables)
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources(ord INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, data TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE entities(idx INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, data TEXT NOT NULL);
CREATE TABLE events(rid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, start TEXT, end TEXT,
                    source TEXT NOT NULL, cstart INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX events_start ON events(start);
CREATE INDEX events_sentence ON events(source, cstart);
CREATE TABLE sentences(rid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, source TEXT NOT NULL,
                       paragraph INTEGER NOT NULL, data TEXT NOT NULL, terms TEXT NOT NULL, implied TEXT NOT NULL,
                       start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX sentences_at ON sentences(source, start);
CREATE TABLE postings(term TEXT NOT NULL, rid INTEGER NOT NULL);
CREATE TABLE df(term TEXT PRIMARY KEY, n INTEGER NOT NULL);
"""
LIGHT_KEYS = ("id", "type", "name", "aliases", "variants", "short_forms", "forms", "curated", "description")


def key_of(path: Path) -> str:
    """What the index remembers of the JSON it was made from: format, size, modification time."""
    from etr import __version__

    st = path.stat()
    words = (Path(__file__).parent / "rules" / "words.toml").read_bytes()
    # ctime cannot be set back (mtime can: `cp -p`, `touch -r`), and any rewrite changes it
    return (f"{INDEX_FORMAT}:{__version__}:{hashlib.sha1(words).hexdigest()[:8]}:"
            f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}")


def index_path(facts: Path) -> Path:
    """Beside the fact base if that folder is writable, else in the user's cache."""
    beside = facts.with_name(facts.name + ".index.sqlite")
    if os.access(facts.parent, os.W_OK):
        return beside
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "etr"
    digest = hashlib.sha1(str(facts.resolve()).encode()).hexdigest()[:16]
    return cache / f"{digest}.index.sqlite"


def open_index(facts: Path, rebuild: bool = False) -> Index:
    """The index of the fact base at `facts`, made (after full validation) when missing, stale,
    or - with `rebuild` - found damaged."""
    try:
        key = key_of(facts)
    except FileNotFoundError:
        store.load(facts)  # raises FactBaseMissing with the usual message
        raise
    except OSError as e:
        raise FactBaseInvalid(f"{facts}: cannot read ({e.strerror or e})") from None
    if facts.is_dir():
        raise FactBaseInvalid(f"{facts}: is a directory, not a fact base")
    path = index_path(facts)
    idx = None if rebuild else _try_open(path, key)
    if idx is not None:
        return idx
    db = store.load(facts)
    write_index(db, path, key)
    idx = _try_open(path, key)
    if idx is None:  # the index could not be kept on disk: keep it in memory for this query
        return Index(_fill(sqlite3.connect(":memory:"), db, key))
    return idx


def _try_open(path: Path, key: str) -> Index | None:
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


def write_index(db: dict[str, Any], path: Path, key: str, recs: dict[str, Any] | None = None) -> None:
    """Write the index atomically; a folder we cannot write to only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError:
        return
    try:
        con = sqlite3.connect(tmp)
        _fill(con, db, key, recs)
        con.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def index_from_dict(db: dict[str, Any]) -> Index:
    """An in-memory index of an already loaded fact base (tests, one-off use)."""
    return Index(_fill(sqlite3.connect(":memory:"), db, "memory"))


def _fill(con: sqlite3.Connection, db: dict[str, Any], key: str, recs: dict[str, Any] | None = None) -> sqlite3.Connection:
    from etr.query import sentence_implied_words, terms

    con.executescript(SCHEMA)
    dumps = json.dumps
    recs = recs or {}

    def rec(kind: str, i: int, value: Any) -> str:
        got = recs.get(kind)
        return got[i] if isinstance(got, list) else dumps(value, ensure_ascii=False)
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?)", [
        (i, s["id"], dumps({k: v for k, v in s.items() if k != "text"}, ensure_ascii=False), s["text"])
        for i, s in enumerate(db["sources"])])
    types = {e["id"]: e["type"] for e in db["entities"]}
    light = []
    for e in db["entities"]:
        d = {k: e[k] for k in LIGHT_KEYS}
        d["n_sentences"] = len(e["sentences"])
        light.append(d)
    con.executemany("INSERT INTO entities VALUES (?, ?, ?)",
                    [(i, e["id"], rec("entities", i, e)) for i, e in enumerate(db["entities"])])
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (i, ev["id"], ev["date"]["start"], ev["date"]["end"], ev["source"], ev["citations"][0]["start"],
         rec("events", i, ev)) for i, ev in enumerate(db["events"])])
    df: Counter[str] = Counter()
    total = 0
    rows: list[tuple[Any, ...]] = []
    postings: list[tuple[str, int]] = []
    for i, s in enumerate(db["sentences"]):
        ts = terms(s["text"])
        total += len(ts)
        uniq = set(ts)
        df.update(uniq)
        postings.extend((t, i) for t in uniq)
        implied = sentence_implied_words(s["entities"], types)
        rows.append((i, s["id"], s["source"], s["paragraph"], rec("sentences", i, s), " ".join(ts),
                     " ".join(sorted(implied)), s["start"], s["end"]))
    con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany("INSERT INTO postings VALUES (?, ?)", postings)
    con.execute("CREATE INDEX postings_term ON postings(term)")
    con.executemany("INSERT INTO df VALUES (?, ?)", df.items())
    n = max(1, len(db["sentences"]))
    meta = {"key": key, "n": str(n), "avg": str(total / n), "light": dumps(light, ensure_ascii=False),
            "schema_version": str(db["schema_version"])}
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    con.commit()
    return con


class Index:
    """Read access to the fact base for queries: each method reads only what it returns."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        self.n = int(meta["n"])
        self.avg = float(meta["avg"])
        self.light: list[dict[str, Any]] = json.loads(meta["light"])

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.con.execute(sql, tuple(args))]

    def entity(self, idx: int) -> dict[str, Any]:
        row = self.con.execute("SELECT data FROM entities WHERE idx = ?", (idx,)).fetchone()
        return json.loads(row[0])  # type: ignore[no-any-return]

    def events(self, ids: list[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for chunk in _chunks(ids):
            out += self._rows(f"SELECT data FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        return out

    def events_overlapping(self, lo: str | None, hi: str | None) -> list[dict[str, Any]]:
        """Events whose dates overlap [lo, hi], in the fact base's (date) order."""
        return self._rows("SELECT data FROM events WHERE start IS NOT NULL AND end >= ? AND start <= ? ORDER BY rid",
                          (lo or "0000", hi or "9999"))

    def events_of_sentence(self, source: str, start: int) -> list[dict[str, Any]]:
        return self._rows("SELECT data FROM events WHERE source = ? AND cstart = ? ORDER BY rid", (source, start))

    def sentences(self, ids: list[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for chunk in _chunks(ids):
            out += self._rows(f"SELECT data FROM sentences WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        return out

    def one(self, table: str, ident: str) -> dict[str, Any] | None:
        assert table in ("entities", "events", "sentences")
        row = self.con.execute(f"SELECT data FROM {table} WHERE id = ?", (ident,)).fetchone()
        return json.loads(row[0]) if row else None

    def idf(self, words: Iterable[str]) -> dict[str, float]:
        ws = list(set(words))
        got: dict[str, int] = {}
        for chunk in _chunks(ws):
            got.update(self.con.execute(f"SELECT term, n FROM df WHERE term IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return {t: math.log(1 + (self.n - d + 0.5) / (d + 0.5)) for t, d in got.items()}

    def candidates(self, words: list[str], sentence_ids: list[str]) -> list[tuple[int, dict[str, Any], Counter[str], set[str]]]:
        """Sentences holding any of `words` or with one of `sentence_ids`: (rid, sentence, tf, implied)."""
        rids: set[int] = set()
        for chunk in _chunks(list(set(words))):
            rids.update(r[0] for r in self.con.execute(
                f"SELECT rid FROM postings WHERE term IN ({','.join('?' * len(chunk))})", chunk))
        for chunk in _chunks(sentence_ids):
            rids.update(r[0] for r in self.con.execute(
                f"SELECT rid FROM sentences WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return self._sentence_rows(sorted(rids))

    def _sentence_rows(self, rids: list[int]) -> list[tuple[int, dict[str, Any], Counter[str], set[str]]]:
        out = []
        for chunk in _chunks(rids):
            for rid, data, ts, implied in self.con.execute(
                    f"SELECT rid, data, terms, implied FROM sentences WHERE rid IN ({','.join('?' * len(chunk))}) ORDER BY rid", chunk):
                out.append((rid, json.loads(data), Counter(ts.split()), set(implied.split())))
        return out

    def neighbours(self, rids: Iterable[int]) -> dict[int, tuple[dict[str, Any], Counter[str]]]:
        want = sorted({r + d for r in rids for d in (-1, 1) if r + d >= 0})
        return {rid: (s, tf) for rid, s, tf, _ in self._sentence_rows(want)}

    def sentences_at(self, source: str, start: int, end: int) -> list[dict[str, Any]]:
        """The sentences of `source` that hold the span [start, end)."""
        return self._rows("SELECT data FROM sentences WHERE source = ? AND start <= ? AND end >= ?", (source, start, end))

    def sources(self) -> list[dict[str, Any]]:
        return self._rows("SELECT data FROM sources ORDER BY ord")

    def source_text(self, sid: str) -> str:
        row = self.con.execute("SELECT text FROM sources WHERE id = ?", (sid,)).fetchone()
        return row[0] if row else ""


def _chunks(items: list[Any], size: int = 900) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
