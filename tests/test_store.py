"""The fact-base store: validation with clear errors, and atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from conftest import DAMAGE
from etr.errors import FactBaseInvalid, FactBaseMissing
from etr.store import facts as store


def test_committed_fact_base_loads(db_copy: Path) -> None:
    db = store.load(db_copy)
    assert db["schema_version"] == 1
    assert len(db["sources"]) == 3


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_fact_base_is_refused_by_name(db_copy: Path, damage: str) -> None:
    how, message = DAMAGE[damage]
    how(db_copy)
    with pytest.raises(FactBaseMissing if damage == "missing" else FactBaseInvalid) as err:
        store.load(db_copy)
    assert message in err.value.message
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


def test_records_are_written_as_json_dumps_writes_them(facts_db: dict[str, Any]) -> None:
    """etr.store.canon spells out the shapes the build makes: byte for byte json.dumps's output,
    for every sentence and event of the fact base, and json.dumps itself for any other shape."""
    import json

    from etr.store import canon, index

    refs = {e["id"]: {"id": e["id"], "name": e["name"], "type": e["type"]} for e in facts_db["entities"]}
    for s in facts_db["sentences"]:
        assert canon.sentence(s) == json.dumps(s, ensure_ascii=False, sort_keys=True)
    for ev in facts_db["events"]:
        assert canon.event(ev) == json.dumps(ev, ensure_ascii=False, sort_keys=True)
        made = dict(ev, citations=[{k: c[k] for k in canon.CITATION_KEYS} for c in ev["citations"]])
        assert canon.shown_event(made, refs) == json.dumps(index.shape_event(made, refs), ensure_ascii=False)
        assert index.event_out(ev, refs) == json.dumps(index.shape_event(ev, refs), ensure_ascii=False)
    odd = {"id": "e-x", "source": "x", "date": {"value": "1944", "extra": 1}, "date_span": [0, 4], "text": "1944 \\ \"q\"",
           "entities": ["a"], "via": {"a": "pronoun"}, "citations": [], "more": True}
    assert canon.event(odd) == json.dumps(odd, ensure_ascii=False, sort_keys=True)
    assert canon.sentence({"id": "s", "text": "\u2028\x00é"}) == json.dumps({"id": "s", "text": "\u2028\x00é"}, sort_keys=True, ensure_ascii=False)
