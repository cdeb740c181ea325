"""Places by their several names (rules/gazetteer.toml): "Hetian" is Hotan, which older
documents call Khotan; "Tihwa" is Urumqi; "Kuibyshev" is Samara. Names that differ as words,
not as romanisations (the key of etr.text.romanise makes those one). Imports etr.rules and
etr.text.romanise.
"""

from __future__ import annotations

from functools import cache

from etr import rules
from etr.text.fold import fold
from etr.text.romanise import key


@cache
def _read() -> tuple[dict[str, int], frozenset[str], tuple[tuple[str, ...], ...], dict[str, int]]:
    data = rules.load("gazetteer")
    rows = tuple(tuple(row["names"]) + tuple(row.get("written", ())) for row in data["place"])
    by_key = {key(name): r for r, row in enumerate(data["place"]) for name in row["names"]}
    written = {fold(name): r for r, row in enumerate(data["place"]) for name in row.get("written", ())}
    return by_key, frozenset(key(name) for name in data["people"]), rows, written


def row_of(name: str) -> int | None:
    """The gazetteer's row of the place `name`, if it lists it: by its key, or letter for letter
    for a name listed as `written` ("Пекин", "Kuça")."""
    by_key, _people, _rows, written = _read()
    got = written.get(fold(name))
    return got if got is not None else by_key.get(key(name))


def names_of(row: int) -> tuple[str, ...]:
    """The names of the place of row `row`."""
    return _read()[2][row]


def also_people(name: str) -> bool:
    """Whether `name` is a person's too ("Frunze", "Kuibyshev"): a place only where its sentence
    says so."""
    return key(name) in _read()[1]


def other_names(name: str) -> tuple[str, ...]:
    """The other names of the place `name` ("Hetian": Hotan, Khotan, Ilchi), none when the
    gazetteer lists no such place."""
    k = key(name)
    row = row_of(name)
    return () if row is None else tuple(n for n in names_of(row) if key(n) != k and fold(n) != fold(name))
