"""The build's second core: results identical with and without the forked child, and a child that
fails is never a failed build."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, ROOT
from etr.ingest import parallel
from etr.ingest.pipeline import run_build
from etr.store import facts as store
from etr.store import index

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


@pytest.mark.parametrize("n", [2, 3, 17, 40, 101])
def test_fork_imap_gives_map_in_order(n: int) -> None:
    items = list(range(n))
    assert list(parallel.fork_imap(lambda x: (x, x * x, str(x)), items, [1] * n, force=True)) == \
        [(x, x * x, str(x)) for x in items]


def test_a_failing_child_is_redone_by_the_parent() -> None:
    parent = os.getpid()

    def fn(x: int) -> int:
        if os.getpid() != parent and x == 30:
            raise RuntimeError("only in the child")
        return x + 1

    assert list(parallel.fork_imap(fn, list(range(50)), [1] * 50, force=True)) == list(range(1, 51))


def test_a_child_killed_halfway_is_redone_by_the_parent() -> None:
    parent = os.getpid()

    def fn(x: int) -> int:
        if os.getpid() != parent and x == 45:
            os._exit(9)  # noqa: SLF001 - a child dying without a word
        return -x

    assert list(parallel.fork_imap(fn, list(range(60)), [1] * 60, force=True)) == [-x for x in range(60)]


def test_split_keeps_one_item_on_each_side() -> None:
    assert parallel.split([1, 1], 0.7) == 1
    assert parallel.split([100, 1, 1], 0.7) == 1
    assert parallel.split([1, 1, 100], 0.7) == 2
    assert 1 <= parallel.split([5] * 10, 0.7) <= 4


def _build(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, fork: bool) -> tuple[bytes, dict[str, Any]]:
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 0 if fork else 10**12)
    monkeypatch.setattr(index, "FORK_AT", 0 if fork else 10**12)
    out = tmp_path / name
    run_build([DATA / "sample_telegram.txt"], out, None)
    idx = index.open_index(out)
    answers = {"who": idx.entity_by_id("ehmetjan-qasimi"), "events": idx.event_outs_overlapping("1944-11", "1944-11-30"),
               "postings": sorted(idx.postings(["ghulja", "kuldja", "rebellion"]).items())}
    return out.read_bytes(), answers


def test_build_with_and_without_forks_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forked, a = _build(tmp_path, "forked.json", monkeypatch, True)
    alone, b = _build(tmp_path, "alone.json", monkeypatch, False)
    assert forked == alone
    assert a == b and a["events"]
    assert store.load(tmp_path / "forked.json")["sources"][-1]["id"] != "pact"  # the telegram was added
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def test_seed_build_takes_the_forked_paths_byte_identically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 0)
    monkeypatch.setattr(index, "FORK_AT", 0)
    out = tmp_path / "facts.json"
    run_build([], out, None)
    assert out.read_bytes() == (ROOT / "data" / "facts.json").read_bytes()
