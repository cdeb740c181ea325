"""Shared fixtures: every test runs with its own ETR_HOME, no ETR_DB, and no forced terminal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("etr_home")
    monkeypatch.setenv("ETR_HOME", str(home))
    monkeypatch.delenv("ETR_DB", raising=False)
    monkeypatch.delenv("ETR_TERMINAL", raising=False)
    monkeypatch.setenv("ETR_QUIET", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return home


@pytest.fixture(scope="session")
def facts_db() -> dict[str, Any]:
    from etr.store import facts as store

    return store.load(ROOT / "data" / "facts.json")


@pytest.fixture()
def db_copy(tmp_path: Path) -> Path:
    """A private copy of the committed fact base, safe to damage."""
    dst = tmp_path / "facts.json"
    shutil.copy(ROOT / "data" / "facts.json", dst)
    return dst


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
