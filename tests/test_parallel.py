"""The build's second core: results identical with and without the forked child, some of them
really computed by the child, and a child that fails is never a failed build."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from conftest import SAMPLE_TELEGRAM_DOC
from etr.ingest import assemble, parallel
from etr.ingest.pipeline import run_build
from etr.store import facts as store
from etr.store import index, opening

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
needs_two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the build forks only with a second core")


def _child_items(items: list[int]) -> list[int]:
    """The items fork_imap hands to its child (the last CHILD_SHARE of the weight, equal weights here)."""
    return items[parallel.split([1] * len(items), parallel.CHILD_SHARE):]


@pytest.mark.parametrize("n", [2, 3, 17, 40, 101])
def test_fork_imap_gives_map_in_order_and_the_child_does_its_share(n: int) -> None:
    parent, items = os.getpid(), list(range(n))
    got = list(parallel.fork_imap(lambda x: (x, x * x, str(x), os.getpid()), items, [1] * n, force=True))
    assert [g[:3] for g in got] == [(x, x * x, str(x)) for x in items]
    by_child = [x for x, _, _, pid in got if pid != parent]
    assert by_child == _child_items(items) and by_child  # the parent used what the child computed
    assert len({pid for *_, pid in got if pid != parent}) == 1


def _used_from_child(n: int, dies_at: int) -> list[int]:
    """The items whose results come from a child that dies at `dies_at`: its whole batches
    (parallel.BATCH items each) before the one it dies in."""
    first = _child_items(list(range(n)))[0]
    return list(range(first, first + (dies_at - first) // parallel.BATCH * parallel.BATCH))


@pytest.mark.parametrize("batch", [0, 1])  # the child fails in its first batch; in its second
def test_a_failing_child_is_redone_by_the_parent(batch: int) -> None:
    parent = os.getpid()
    fails_at = _child_items(list(range(50)))[0] + batch * parallel.BATCH + 2

    def fn(x: int) -> tuple[int, int]:
        if os.getpid() != parent and x == fails_at:
            raise RuntimeError("only in the child")
        return x + 1, os.getpid()

    got = list(parallel.fork_imap(fn, list(range(50)), [1] * 50, force=True))
    assert [r for r, _ in got] == list(range(1, 51))
    assert [x for x, (_, pid) in enumerate(got) if pid != parent] == _used_from_child(50, fails_at)


def test_a_child_killed_halfway_is_redone_by_the_parent() -> None:
    parent = os.getpid()

    dies_at = _child_items(list(range(60)))[0] + parallel.BATCH + 2  # in its second batch

    def fn(x: int) -> tuple[int, int]:
        if os.getpid() != parent and x == dies_at:
            os._exit(9)  # noqa: SLF001 - a child dying without a word
        return -x, os.getpid()

    got = list(parallel.fork_imap(fn, list(range(60)), [1] * 60, force=True))
    assert [r for r, _ in got] == [-x for x in range(60)]
    assert [x for x, (_, pid) in enumerate(got) if pid != parent] == _used_from_child(60, dies_at) != []


def test_split_keeps_one_item_on_each_side() -> None:
    assert parallel.split([1, 1], 0.7) == 1
    assert parallel.split([100, 1, 1], 0.7) == 1
    assert parallel.split([1, 1, 100], 0.7) == 2
    assert 1 <= parallel.split([5] * 10, 0.7) <= 4


_FORK_IMAP = parallel.fork_imap


def _traced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[int]]:
    """Log, in a file any process can append to, the pid of every document the build analyses;
    and count the documents handed to fork_imap."""
    docs_log, handed = tmp_path / "analysed.log", [0]

    def log(path: Path) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        os.write(fd, f"{os.getpid()}\n".encode())
        os.close(fd)

    def fork_imap(fn: Any, items: Any, weights: Any, *args: Any, **kw: Any) -> Any:
        handed[0] += len(items)

        def traced(item: Any) -> Any:
            log(docs_log)
            return fn(item)
        return _FORK_IMAP(traced, items, weights, *args, **kw)

    monkeypatch.setattr(assemble, "fork_imap", fork_imap)
    return docs_log, handed


def _pids(log: Path) -> list[int]:
    return [int(x) for x in log.read_text().split()] if log.exists() else []


def _build(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, fork: bool) -> tuple[bytes, dict[str, Any]]:
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 0 if fork else 10**12)
    (tmp_path / name).mkdir()
    docs_log, handed = _traced(tmp_path / name, monkeypatch)
    out = tmp_path / name / "facts.json"
    run_build([SAMPLE_TELEGRAM_DOC], out, None)
    analysed, parent = _pids(docs_log), os.getpid()
    assert len(analysed) == handed[0] > 1  # every document analysed once: none redone by the parent
    if fork:
        assert parent in analysed and {p for p in analysed if p != parent}  # both processes analysed some
    else:
        assert set(analysed) == {parent}
    assert index.index_path(out).is_file()
    idx = opening.open_index(out)
    answers = {"who": idx.entity_by_id("ehmetjan-qasimi"), "events": idx.event_outs_overlapping("1944-11", "1944-11-30"),
               "postings": sorted(idx.postings(["ghulja", "kuldja", "rebellion"]).items())}
    return out.read_bytes(), answers


@needs_two_cores
def test_build_with_and_without_forks_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forked, a = _build(tmp_path, "forked", monkeypatch, True)
    alone, b = _build(tmp_path, "alone", monkeypatch, False)
    assert forked == alone
    assert a == b and a["events"]
    assert store.load(tmp_path / "forked" / "facts.json")["sources"][-1]["id"] != "pact"  # the telegram was added
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]  # no temporary file left


@needs_two_cores
def test_seed_build_takes_the_forked_paths_byte_identically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           fresh_text: str) -> None:
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 0)
    docs_log, handed = _traced(tmp_path, monkeypatch)
    out = tmp_path / "facts.json"
    run_build([], out, None)
    assert out.read_text(encoding="utf-8") == fresh_text
    analysed = _pids(docs_log)
    assert len(analysed) == handed[0] == 3 and {p for p in analysed if p != os.getpid()}
