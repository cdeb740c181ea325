"""Where the fact base lives, reading it with validation, and writing it atomically.

Imports only etr.model and etr.errors (standard library otherwise).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from etr.errors import FactBaseBusy, FactBaseInvalid, FactBaseMissing

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = 1  # of data/facts.json; a fact base of another version is refused (exit 3)
_PKG = Path(__file__).resolve().parents[1]  # the etr package
REQUIRED = ("schema_version", "sources", "sentences", "events", "entities")
# the keys every record must have: queries read them all
RECORD_KEYS = {
    "sources": ("id", "file", "title", "short", "author", "publisher", "kind", "language", "curated",
                "text", "sections", "counts"),
    "sentences": ("id", "source", "section", "paragraph", "start", "end", "text", "entities", "events"),
    "events": ("id", "source", "date", "date_span", "text", "entities", "via", "citations"),
    "entities": ("id", "type", "name", "aliases", "short_forms", "variants", "description", "roles",
                 "curated", "participants", "members", "statements", "dates", "sentences", "events",
                 "forms", "related"),
}
DATE_KEYS = ("text", "value", "start", "end", "precision", "mod", "how")


def project_root() -> Path:
    """The folder holding data/ and seeds/: the checkout when run from one, else the package copy."""
    repo = _PKG.parents[1]
    if (repo / "pyproject.toml").is_file() and (repo / "data" / "registry").is_dir():
        return repo
    return _PKG / "_project"


def packaged_db() -> Path:
    return project_root() / "data" / "facts.json"


def user_db() -> Path:
    """Where `etr build --add` keeps the fact base with the user's own documents."""
    home = os.environ.get("ETR_HOME")
    if home:
        return Path(home) / "facts.json"
    xdg = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(xdg) / "etr" / "facts.json"


def default_db() -> Path:
    """ETR_DB if set; else the user's fact base if `etr build --add` made one; else the packaged one."""
    env = os.environ.get("ETR_DB")
    if env:
        return Path(env)
    user = user_db()
    if user.is_file():
        return user
    return packaged_db()


def load(path: Path, fast: bool = False) -> dict[str, Any]:
    """The fact base at `path`, validated; FactBaseMissing/FactBaseInvalid (exit 3) otherwise.
    `fast`: parsed by orjson (1.6 times json's speed on a large fact base, but 20 ms to import:
    for builds and for remaking an index, never for a query's start)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FactBaseMissing(f"{path}: no fact base here; run `etr build` first") from None
    except IsADirectoryError:
        raise FactBaseInvalid(f"{path}: is a directory, not a fact base") from None
    except OSError as e:
        raise FactBaseInvalid(f"{path}: cannot read ({e.strerror or e})") from None
    if not raw.strip():
        raise FactBaseInvalid(f"{path}: the fact base is empty; run `etr build`")
    try:
        if fast:
            import orjson

            db = orjson.loads(raw)
        else:
            db = json.loads(raw)
    except (ValueError, RecursionError) as e:
        raise FactBaseInvalid(f"{path}: not valid JSON, truncated or damaged ({e}); run `etr build`") from None
    validate(db, str(path))
    return db  # type: ignore[no-any-return]


def validate(db: Any, name: str) -> None:
    """Check the shape of the fact base and that every citation quotes its source exactly."""
    if not isinstance(db, dict):
        raise FactBaseInvalid(f"{name}: not a fact base (expected a JSON object)")
    version = db.get("schema_version")
    if version != SCHEMA_VERSION:
        raise FactBaseInvalid(
            f"{name}: schema_version {version!r}, this etr reads {SCHEMA_VERSION}; run `etr build`"
        )
    for key in REQUIRED:
        if key not in db:
            raise FactBaseInvalid(f"{name}: required key {key!r} is missing")
    for kind, keys in RECORD_KEYS.items():
        records = db[kind]
        if not isinstance(records, list):
            raise FactBaseInvalid(f"{name}: malformed fact base ({kind!r} must be a list)")
        for i, rec in enumerate(records):
            if not isinstance(rec, dict):
                raise FactBaseInvalid(f"{name}: malformed fact base ({kind}[{i}] is not an object)")
            missing = [k for k in keys if k not in rec]
            if missing:
                raise FactBaseInvalid(f"{name}: malformed fact base ({kind}[{i}] lacks {', '.join(missing)})")
    for i, ev in enumerate(db["events"]):
        if not isinstance(ev["date"], dict) or any(k not in ev["date"] for k in DATE_KEYS):
            raise FactBaseInvalid(f"{name}: malformed fact base (events[{i}] has an incomplete date)")
    try:
        texts = {s["id"]: s["text"] for s in db["sources"]}
        for ev in db["events"]:
            _check_citations(ev["citations"], texts, name, ev["id"])
        for ent in db["entities"]:
            _check_citations(ent["statements"], texts, name, ent["id"])
            _check_citations([d["citation"] for d in ent["dates"]], texts, name, ent["id"])
        for s in db["sentences"]:
            if texts[s["source"]][s["start"] : s["end"]] != s["text"]:
                raise FactBaseInvalid(f"{name}: sentence {s['id']} no longer matches its source text")
    except (KeyError, TypeError, AttributeError) as e:
        raise FactBaseInvalid(f"{name}: malformed fact base (missing or wrong field {e})") from None


def _check_citations(cits: Any, texts: dict[str, str], name: str, owner: str) -> None:
    for c in cits:
        text = texts.get(c["source"])
        if text is None:
            raise FactBaseInvalid(f"{name}: {owner} cites unknown source {c['source']!r}")
        if text[c["start"] : c["end"]] != c["quote"]:
            raise FactBaseInvalid(
                f"{name}: citation of {owner} does not match its quote at "
                f"{c['source']}[{c['start']}:{c['end']}]"
            )


def records(db: dict[str, Any]) -> dict[str, str | list[str]]:
    """Each top-level value as JSON, lists record by record (sorted keys; json's C encoder)."""
    out: dict[str, str | list[str]] = {}
    for key, value in db.items():
        if isinstance(value, list) and value:
            out[key] = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in value]
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return out


def dumps(db: dict[str, Any], recs: dict[str, str | list[str]] | None = None) -> str:
    """The canonical serialisation: sorted keys, one record (source, sentence, event, entity) per
    line - readable and diff-friendly, and written by json's fast C encoder (which `indent` turns
    off) - and a trailing newline."""
    return "".join(chunks(db, recs))


def chunks(db: dict[str, Any], recs: dict[str, str | list[str]] | None = None) -> Iterator[str]:
    """`dumps(db)` in pieces, so that a large fact base is written without first being joined
    into one string (which took longer than writing it, bench/README.md)."""
    recs = records(db) if recs is None else recs
    yield "{\n"
    for n, key in enumerate(sorted(recs)):
        value = recs[key]
        sep = ",\n" if n < len(recs) - 1 else "\n"
        name = json.dumps(key)
        if isinstance(value, list):
            yield f" {name}: [\n"
            yield ",\n".join(value)
            yield "\n ]" + sep
        else:
            yield f" {name}: {value}{sep}"
    yield "}\n"


def write_atomic(path: Path, content: str | Iterable[str]) -> None:
    """Write `content` (a string, or its pieces) to `path` so that readers see the old file or
    the new one, never a mix."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            if isinstance(content, str):
                f.write(content)
            else:
                for piece in content:
                    f.write(piece)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@contextlib.contextmanager
def locked(path: Path, say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the fact base at `path` for a read-modify-write (`etr build --add`): a second build
    of the same file waits here for the first to finish, so that neither loses the other's
    documents. The lock is a file beside the fact base (filelock: released by the OS if the
    process dies)."""
    from filelock import FileLock, Timeout

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if say:
            say(f"waiting for another `etr build` of {path} to finish")
        try:
            lock.acquire(timeout=LOCK_WAIT)
        except Timeout:
            raise FactBaseBusy(f"{path}: another `etr build` has held it for {LOCK_WAIT} s; "
                               f"try again when it ends (or remove {path}.lock if no build is running)") from None
    try:
        yield
    finally:
        lock.release()


LOCK_WAIT = 600  # seconds a build waits for another build of the same fact base


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
