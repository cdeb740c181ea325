"""The fact-base store: validation with clear errors, and atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from etr.errors import FactBaseInvalid, FactBaseMissing
from etr.store import facts as store


def test_committed_fact_base_loads(db_copy: Path) -> None:
    db = store.load(db_copy)
    assert db["schema_version"] == 1
    assert len(db["sources"]) == 3


def damage(path: Path, how: str) -> None:
    raw = path.read_text(encoding="utf-8")
    db = json.loads(raw)
    if how == "empty":
        path.write_text("")
    elif how == "truncated":
        path.write_text(raw[: len(raw) // 2])
    elif how == "not json":
        path.write_text("<html>not a fact base</html>")
    elif how == "a list":
        path.write_text("[1, 2, 3]")
    elif how == "wrong version":
        db["schema_version"] = 99
        path.write_text(json.dumps(db))
    elif how == "key missing":
        del db["events"]
        path.write_text(json.dumps(db))
    elif how == "citation moved":
        db["events"][0]["citations"][0]["start"] += 1
        path.write_text(json.dumps(db))
    elif how == "quote edited":
        db["events"][3]["citations"][0]["quote"] = "Something the documents never said."
        path.write_text(json.dumps(db))
    elif how == "source text edited":
        db["sources"][0]["text"] = db["sources"][0]["text"].replace("Ghulja", "Gulja")
        path.write_text(json.dumps(db))
    elif how == "registry date citation moved":
        ent = next(e for e in db["entities"] if e["dates"])
        ent["dates"][0]["citation"]["end"] += 3
        path.write_text(json.dumps(db))
    elif how == "field of wrong type":
        db["entities"][0] = "not an entity"
        path.write_text(json.dumps(db))


@pytest.mark.parametrize("how,message", [
    ("empty", "empty"), ("truncated", "not valid JSON"), ("not json", "not valid JSON"),
    ("a list", "expected a JSON object"), ("wrong version", "schema_version 99"),
    ("key missing", "'events' is missing"), ("citation moved", "does not match its quote"),
    ("quote edited", "does not match its quote"), ("source text edited", "no longer matches|does not match"),
    ("field of wrong type", "malformed"), ("registry date citation moved", "does not match its quote"),
])
def test_damaged_fact_base_is_refused_by_name(db_copy: Path, how: str, message: str) -> None:
    damage(db_copy, how)
    with pytest.raises(FactBaseInvalid, match=message) as err:
        store.load(db_copy)
    assert str(db_copy) in err.value.message
    assert err.value.exit_code == 3


def test_missing_fact_base(tmp_path: Path) -> None:
    with pytest.raises(FactBaseMissing, match="etr build") as err:
        store.load(tmp_path / "none.json")
    assert err.value.exit_code == 3


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "facts.json"
    store.write_atomic(target, "old\n")
    store.write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]


def test_write_failing_half_way_leaves_old_file_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "facts.json"
    target.write_bytes(b'{"old": true}\n')
    before = target.read_bytes()
    real_fsync = os.fsync

    def boom(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        store.write_atomic(target, "x" * 1_000_000)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]


def test_default_db_prefers_env_then_user_then_packaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_env: Path) -> None:
    assert store.default_db() == store.packaged_db()
    (isolated_env / "facts.json").write_text("{}")
    assert store.default_db() == isolated_env / "facts.json"
    monkeypatch.setenv("ETR_DB", str(tmp_path / "x.json"))
    assert store.default_db() == tmp_path / "x.json"


def test_dumps_is_canonical() -> None:
    got = store.dumps({"b": [{"y": 1, "x": 2}, {"z": []}], "a": "é", "c": []})
    assert got == '{\n "a": "é",\n "b": [\n{"x": 2, "y": 1},\n{"z": []}\n ],\n "c": []\n}\n'
    assert json.loads(got) == {"b": [{"y": 1, "x": 2}, {"z": []}], "a": "é", "c": []}
