"""The curated registry (data/registry/*.toml): loading and the checks the build insists on.

A build fails on a duplicate id, a name form claimed by two entries that is not declared a short
form (short forms are resolved from the nearest full mention), a quote that is not in its
document, or a reference to an unknown id. Imports etr.errors and etr.names.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from etr.errors import BuildFailed
from etr.text.fold import fold

TYPES = {
    "person", "group", "place", "organisation", "state", "military", "newspaper", "event",
    "treaty", "document",
}


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    short_forms: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    description: str = ""
    roles: tuple[str, ...] = ()
    quote: str = ""
    source: str = ""
    dates: tuple[str, ...] = ()
    date_quotes: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    curated: bool = True
    file: str = field(default="", compare=False)


def _strs(d: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise BuildFailed(f"{where}: {key!r} must be a list of strings")
    return tuple(v)


def load_registry(folder: Path, user: str | None = None) -> list[Entry]:
    """Every entry of every *.toml file in `folder`, checked for ids and name clashes; with
    `user`, the text of a user's own names file in the same format (`etr build --names`), whose
    entries add to the registry's (an entry with a registry id adds its names to that entry)."""
    entries: list[Entry] = []
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise BuildFailed(f"{folder}: no registry files (*.toml)")
    for path in files:
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise BuildFailed(f"{path}: cannot read the registry ({e})") from None
        entries += parse_entries(data, path.name)
    if user is not None:
        entries = with_user_names(entries, user)
    check(entries)
    return entries


def parse_entries(data: dict[str, Any], file: str, curated: bool = True) -> list[Entry]:
    out = []
    for n, d in enumerate(data.get("entity", []), 1):
        where = f"{file} entry {n}"
        if not isinstance(d, dict):
            raise BuildFailed(f"{where}: an [[entity]] table was expected")
        for key in ("id", "type", "name"):
            if not isinstance(d.get(key), str) or not d[key].strip():
                raise BuildFailed(f"{where}: {key!r} is missing")
        if d["type"] not in TYPES:
            raise BuildFailed(f"{where} ({d['id']}): unknown type {d['type']!r}; one of {', '.join(sorted(TYPES))}")
        out.append(
            Entry(
                id=d["id"],
                type=d["type"],
                name=d["name"],
                aliases=_strs(d, "aliases", where),
                short_forms=_strs(d, "short_forms", where),
                variants=_strs(d, "variants", where),
                description=str(d.get("description", "")),
                roles=_strs(d, "roles", where),
                quote=str(d.get("quote", "")),
                source=str(d.get("source", "")),
                dates=_strs(d, "dates", where),
                date_quotes=_strs(d, "date_quotes", where),
                participants=_strs(d, "participants", where),
                members=_strs(d, "members", where),
                curated=curated,
                file=file,
            )
        )
    return out


USER_FILE = "your names file"


def with_user_names(entries: list[Entry], text: str) -> list[Entry]:
    """The registry's entries with a user's own added: one with a registry entry's id adds its
    aliases, variants, roles and description to that entry; others are new entities."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise BuildFailed(f"{USER_FILE}: not valid TOML ({e})") from None
    by_id = {e.id: i for i, e in enumerate(entries)}
    out = list(entries)
    for u in parse_entries(data, USER_FILE, curated=False):
        i = by_id.get(u.id)
        if i is None:
            out.append(u)
            continue
        known = out[i]
        if u.type != known.type:
            raise BuildFailed(f"{USER_FILE}: {u.id!r} is a {known.type} in the registry, not a {u.type}")
        names = (*known.aliases, *u.aliases, *((u.name,) if u.name != known.name else ()))
        out[i] = replace(known, aliases=tuple(dict.fromkeys(names)),
                         variants=tuple(dict.fromkeys((*known.variants, *u.variants))),
                         roles=tuple(dict.fromkeys((*known.roles, *u.roles))),
                         description=u.description or known.description)
    return out


def check(entries: list[Entry]) -> None:
    seen: dict[str, Entry] = {}
    for e in entries:
        if e.id in seen:
            raise BuildFailed(f"duplicate registry id {e.id!r} ({seen[e.id].file} and {e.file})")
        seen[e.id] = e
    owner: dict[str, str] = {}
    for e in entries:
        for form in {fold(x) for x in (e.name, *e.aliases, *e.variants)}:
            if not form:
                continue
            other = owner.get(form)
            if other is not None and other != e.id:
                raise BuildFailed(
                    f"name {form!r} is claimed by both {other!r} and {e.id!r}; make it a "
                    "short form of each (resolved from the nearest full mention) or drop one"
                )
            owner[form] = e.id
    for e in entries:
        for ref in (*e.participants, *e.members):
            if ref not in seen:
                raise BuildFailed(f"registry entry {e.id!r} refers to unknown id {ref!r}")
        if len(e.dates) != len(e.date_quotes):
            raise BuildFailed(f"registry entry {e.id!r}: dates and date_quotes differ in number")
