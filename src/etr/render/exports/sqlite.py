"""The fact base as a SQLite database for Datasette, sqlite-utils and any SQL client.

The tables are those etr.query.tables describes (docs/exports.md, column by column): plain
columns, primary keys, foreign keys (Datasette links them), full-text search (FTS5, external
content, so Datasette shows a search box) on the tables with text, and a `timeline` view. The
file is written under a temporary name and renamed into place, so a failed export leaves any
earlier file as it was. Standard library only (sqlite3).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from etr.query.tables import Table

TIMELINE_VIEW = """CREATE VIEW timeline AS
SELECT e.date_start, e.date_end, e.date, e.precision, e.text AS statement, s.title AS source, e.section,
       e.quote_start, e.quote_end, e.quote, e.id AS event_id
FROM events e JOIN sources s ON s.id = e.source_id
ORDER BY e.date_start, e.date_end"""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ddl(table: Table) -> str:
    cols = []
    for c in table.columns:
        col = f"{_q(c.name)} {c.type}"
        if c.key:
            col += " PRIMARY KEY"
        if c.references:
            t, k = c.references.split(".")
            col += f" REFERENCES {_q(t)}({_q(k)})"
        cols.append(col)
    return f"CREATE TABLE {_q(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"


def write(path: Path, tables: Iterable[tuple[Table, list[tuple[Any, ...]]]], meta: dict[str, str]) -> dict[str, int]:
    """Write the database to `path` (replacing it); the number of rows of each table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    counts: dict[str, int] = {}
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("CREATE TABLE etr_meta (key TEXT PRIMARY KEY, value TEXT)")
            con.executemany("INSERT INTO etr_meta VALUES (?, ?)", meta.items())
            for table, rows in tables:
                con.execute(ddl(table))
                marks = ", ".join("?" * len(table.columns))
                con.executemany(f"INSERT INTO {_q(table.name)} VALUES ({marks})", rows)
                counts[table.name] = len(rows)
                for c in table.columns:
                    if c.references:
                        con.execute(f"CREATE INDEX {_q(f'{table.name}_{c.name}')} ON {_q(table.name)}({_q(c.name)})")
                if table.search:
                    _fts(con, table)
            con.execute(TIMELINE_VIEW)
            bad = con.execute("PRAGMA foreign_key_check").fetchall()
            if bad:
                raise sqlite3.IntegrityError(f"{len(bad)} rows refer to nothing, e.g. {bad[0]}")
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return counts


def _fts(con: sqlite3.Connection, table: Table) -> None:
    """An FTS5 index over `table.search`, with the table as its content (the layout
    sqlite-utils' enable_fts makes and Datasette detects)."""
    fts = f"{table.name}_fts"
    cols = ", ".join(_q(c) for c in table.search)
    con.execute(f"CREATE VIRTUAL TABLE {_q(fts)} USING fts5({cols}, content={_q(table.name)})")
    con.execute(f"INSERT INTO {_q(fts)} (rowid, {cols}) SELECT rowid, {cols} FROM {_q(table.name)}")
