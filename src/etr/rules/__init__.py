"""Rules as data (TOML), loaded once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

_HERE = Path(__file__).parent


@cache
def load(name: str) -> dict[str, Any]:
    """The rules file `name`.toml shipped with etr."""
    import tomllib  # here: a query that needs no rules never pays for the TOML parser

    with open(_HERE / f"{name}.toml", "rb") as f:
        return tomllib.load(f)
