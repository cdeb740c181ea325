"""Rules as data (TOML), loaded once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent


@cache
def load(name: str) -> dict[str, Any]:
    """The rules file `name`.toml shipped with etr."""
    with open(_HERE / f"{name}.toml", "rb") as f:
        return tomllib.load(f)
