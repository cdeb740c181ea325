"""Sharing a build's per-document work with a second core: fork, split, stream back.

`fork_imap(fn, items, weights)` yields fn(item) for each item, in order. A forked child, which
sees the parent's memory (registry, compiled patterns) without copying it, works through the
last part of the items and hands its results back in small pickled batches, through an unnamed
temporary file (a pipe would stall the child whenever the parent is busy); one byte per batch on
a pipe says that the next batch is ready. The parent computes the first part one item at a time,
as the caller asks, and then reads the child's batches as they come, so that a caller's own
work on each result may overlap the child's (the build's does not: it takes every analysis
before it assembles, so the two halves are even).

When fork is unavailable, the machine has one core, the work is small, ETR_NO_FORK=1, or the
child fails in any way, the parent does the rest itself: the result is the same, only slower.
Measured on 1,000 documents and two cores: bench/README.md. Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_WEIGHT = 1_000_000  # characters of text: below this a second process costs more than it saves
# half: the build reads on from the analyses only once all are made (every document's names prime
# the identities first), so the parent has no other work meanwhile (0.62 when it assembled as
# results came; 0.5 measured 5 % faster at 1,000 documents, bench/README.md)
CHILD_SHARE = 0.5
BATCH = 16  # items per batch the child hands back


def can_fork(total_weight: int) -> bool:
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and total_weight >= MIN_WEIGHT
            and os.environ.get("ETR_NO_FORK") != "1")


def split(weights: Sequence[int], share: float) -> int:
    """The index from which the items hold about `share` of the weight (at least one on each side)."""
    total = sum(weights)
    acc = 0
    for i, w in enumerate(weights):
        if acc >= total * (1 - share):
            return min(max(i, 1), len(weights) - 1)
        acc += w
    return len(weights) - 1


def fork_imap(fn: Callable[[T], R], items: Sequence[T], weights: Sequence[int], force: bool = False,
              pack: Callable[[R], Any] | None = None, unpack: Callable[[Any, T], R] | None = None) -> Iterator[R]:
    """fn(item) for each item, in order, the last CHILD_SHARE of the weight computed by a forked child
    (`force`: whatever the size, for tests). `pack` turns a child's result into plain data that
    pickles fast, and `unpack(data, item)` turns it back in the parent."""
    if len(items) < 2 or not (can_fork(sum(weights)) or (force and hasattr(os, "fork"))):
        yield from map(fn, items)
        return
    cut = split(weights, CHILD_SHARE)
    mine, theirs = items[:cut], items[cut:]
    try:
        store = tempfile.TemporaryFile()
        r, w = os.pipe()
        pid = os.fork()
    except OSError:
        yield from map(fn, items)
        return
    if pid == 0:  # the child: compute, hand over, and leave without running the parent's exit code
        code = 1
        try:
            os.close(r)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            fd = store.fileno()
            for i in range(0, len(theirs), BATCH):
                chunk = [fn(x) for x in theirs[i : i + BATCH]]
                data = pickle.dumps([pack(c) for c in chunk] if pack else chunk, protocol=pickle.HIGHEST_PROTOCOL)
                _write_all(fd, len(data).to_bytes(8, "little") + data)
                os.write(w, b".")
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    done = 0
    try:
        yield from map(fn, mine)
        fd, offset = store.fileno(), 0
        while done < len(theirs):
            batch: tuple[list[Any], int] | None = _next_batch(r, fd, offset)
            if batch is None:  # the child failed: do the rest here
                break
            results, offset = batch
            for result in results:
                yield unpack(result, theirs[done]) if unpack else result
                done += 1
        for item in theirs[done:]:
            yield fn(item)
    finally:
        os.close(r)
        store.close()
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _next_batch(r: int, fd: int, offset: int) -> tuple[list[Any], int] | None:
    """The child's next batch and the offset after it, or None if the child stopped early."""
    try:
        if os.read(r, 1) != b".":
            return None
        head = os.pread(fd, 8, offset)
        n = int.from_bytes(head, "little")
        data = b""
        while len(data) < n:
            got = os.pread(fd, n - len(data), offset + 8 + len(data))
            if not got:
                return None
            data += got
        return pickle.loads(data), offset + 8 + n
    except Exception:  # noqa: BLE001 - a broken hand-over only costs the time to redo it
        return None
