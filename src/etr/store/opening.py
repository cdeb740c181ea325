"""Opening a fact base's index for a query (etr.store.index reads it), and making it anew from
the JSON fact base when it is missing, stale or damaged (etr.store.writer writes it): the one
place that needs both, so that neither needs the other. The writer is imported only when an
index has to be made, never on a query's usual path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from etr.errors import FactBaseInvalid
from etr.store import facts as store
from etr.store.index import Index, index_path, key_of, open_current

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any


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
    idx = None if rebuild else open_current(path, key)
    if idx is not None:
        return idx
    db = store.load(facts)
    write_index(db, path, key)
    idx = open_current(path, key)
    if idx is None:  # the index could not be kept on disk: keep it in memory for this query
        return index_from_dict(db)
    return idx


def write_index(db: dict[str, Any], path: Path | None, key: str) -> Any:
    """Write the index of a fact base held whole (one read from JSON) atomically; a folder we
    cannot write to only costs speed. `path` None: in memory, the store returned."""
    from etr.store.writer import Store, from_records

    try:
        got = Store(path)
    except OSError:
        return None
    try:
        from_records(got, db)
        got.commit(key)
    except (OSError, sqlite3.Error):
        got.abandon()
        return None
    return got


def index_from_dict(db: dict[str, Any]) -> Index:
    """An in-memory index of an already loaded fact base (tests, one-off use)."""
    return Index(write_index(db, None, "memory").con)
