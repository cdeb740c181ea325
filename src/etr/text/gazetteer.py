"""Places by their several names (rules/gazetteer.toml): "Hetian" is Hotan, which older
documents call Khotan; "Tihwa" is Urumqi; "Kuibyshev" is Samara. Names that differ as words,
not as romanisations (the key of etr.text.romanise makes those one). Imports etr.rules and
etr.text.romanise.
"""

from __future__ import annotations

from functools import cache

from etr import rules
from etr.text.romanise import key


@cache
def _read() -> tuple[dict[str, int], frozenset[str], tuple[tuple[str, ...], ...]]:
    data = rules.load("gazetteer")
    rows = tuple(tuple(row["names"]) for row in data["place"])
    by_key = {key(name): r for r, names in enumerate(rows) for name in names}
    return by_key, frozenset(key(name) for name in data["people"]), rows


def row_of(name: str) -> int | None:
    """The gazetteer's row of the place `name`, if it lists it."""
    return _read()[0].get(key(name))


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
    row = _read()[0].get(k)
    return () if row is None else tuple(n for n in names_of(row) if key(n) != k)
