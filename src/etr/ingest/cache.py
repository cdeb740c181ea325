"""Each document's analysis, kept between builds, so that a document is read once.

Analysing a document (its sentences, dates, names, the names nobody registered, the words the
index ranks it by) is nine tenths of a build's work, and depends on nothing but the document's
text and what etr knows: its code, its rules, the registry and the user's names. A build keeps
each analysis it makes in a SQLite file beside the fact base, keyed by a digest of all of these
(`fingerprint`, `key`), and the next build of that fact base takes them from there: adding one
document to a thousand analyses one. A change to any of etr's files, the registry or the names
file changes every key, so that nothing is ever taken from a build that would read differently.
The file is a cache: deleting it costs time, never facts. Standard library only (and etr's version).
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from etr import __version__

_PKG = Path(__file__).resolve().parents[1]  # the etr package: its code and rules
_FORMAT = "1"
_TABLE = 2  # the analyses table's layout (PRAGMA user_version): one pickled analysis per key


def fingerprint(registry: Path, user_names: str | None) -> str:
    """A digest of everything a document's reading depends on besides its text: etr's version,
    every file of the etr package (code and rules), the registry and the user's names."""
    h = hashlib.sha256(f"{_FORMAT}:{__version__}".encode())
    for folder in (_PKG, registry):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(folder)).encode() + b"\0")
                h.update(path.read_bytes() + b"\0")
    h.update(b"names\0" + (user_names or "").encode())
    return h.hexdigest()


def key(print_: str, text: str) -> str:
    """The key of one document's analysis: its text under this fingerprint."""
    return hashlib.sha256(print_.encode() + b"\0" + text.encode("utf-8", "surrogatepass")).hexdigest()


class Analyses:
    """The analyses kept beside one fact base (a file that cannot be opened is no cache: every
    document is analysed, as without one)."""

    def __init__(self, path: Path | None) -> None:
        self.con: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(path)
            self.con.execute("PRAGMA synchronous = NORMAL")
            if self.con.execute("PRAGMA user_version").fetchone()[0] != _TABLE:  # an older etr's file
                self.con.execute("DROP TABLE IF EXISTS analyses")
                self.con.execute(f"PRAGMA user_version = {_TABLE}")
            self.con.execute("CREATE TABLE IF NOT EXISTS analyses(key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        except (OSError, sqlite3.Error):
            self.close()

    def kept(self, keys: Iterable[str]) -> set[str]:
        """Which of these keys have their analysis kept."""
        return {k for k, in self._get("key", keys)}

    def data(self, keys: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """(key, pickled analysis) of the documents of these keys that are kept."""
        return self._get("key, data", keys)

    def _get(self, columns: str, keys: Iterable[str]) -> Iterator[Any]:
        if self.con is None:
            return
        wanted = list(keys)
        try:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                yield from self.con.execute(
                    f"SELECT {columns} FROM analyses WHERE key IN ({','.join('?' * len(chunk))})", chunk)
        except sqlite3.Error:
            return

    def put(self, rows: Iterable[tuple[str, bytes]]) -> None:
        if self.con is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.con.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?)", rows)

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget the analyses of documents no longer in the fact base (removed, or changed)."""
        if self.con is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.con.execute("CREATE TEMP TABLE keep(key TEXT PRIMARY KEY)")
            self.con.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keys))
            self.con.execute("DELETE FROM analyses WHERE key NOT IN (SELECT key FROM keep)")
            self.con.execute("DROP TABLE keep")

    def commit(self) -> None:
        if self.con is not None:
            with contextlib.suppress(sqlite3.Error):
                self.con.commit()

    def close(self) -> None:
        if self.con is not None:
            with contextlib.suppress(sqlite3.Error):
                self.con.close()
        self.con = None
