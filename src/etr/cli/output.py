"""Where output goes: data to stdout in the form asked for, messages to stderr, one line each.

`Output` decides once per command between JSON (`--json`), JSON lines (`--jsonl`), the layout
for a person (stdout is a terminal, or ETR_TERMINAL=1; etr.render.terminal) and plain
tab-separated rows (a pipe). Under --json, stdout holds exactly one JSON document, errors
included.
"""

from __future__ import annotations

import os
import sys

from etr.text.safe import clean, valid_text

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from etr.errors import EtrError
    from etr.render.terminal import Screen


def stderr(message: str) -> None:
    """One line on stderr, made safe for a terminal."""
    try:
        sys.stderr.write(f"etr: {clean(message)}\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass


def progress(message: str) -> None:
    """A progress line on stderr, unless ETR_QUIET=1."""
    if os.environ.get("ETR_QUIET") != "1":
        stderr(message)


class Answer:
    """What a command found, and how to show it in each output form."""

    __slots__ = ("interpreted", "results", "table", "plain", "document", "notes", "code", "export", "extra", "cite")

    def __init__(self, interpreted: dict[str, Any], results: Any, table: Callable[[Screen], str] | None,
                 plain: Callable[[], str] | None, document: dict[str, Any] | None = None,
                 notes: tuple[str, ...] = (), code: int = 0, export: Callable[[], str] | None = None,
                 extra: dict[str, Any] | None = None, cite: list[dict[str, Any]] | None = None) -> None:
        self.interpreted = interpreted
        self.results = results  # a list of result dicts, or etr.store.index.RawList
        self.table = table  # the layout for a terminal (None: nothing on stdout)
        self.plain = plain  # tab-separated rows for a pipe
        self.document = document  # under --json, this instead of the envelope
        self.notes = notes  # lines for stderr, after the output
        self.code = code  # the exit code when all went well (`build --check` that differs: 1)
        self.export = export  # --format: this file's text on stdout, whatever stdout is
        self.extra = extra  # more keys of the JSON envelope (graph's "nodes")
        self.cite = cite  # --cite: CSL-JSON records of the sources the answer cites


class BuildProgress:
    """What a build says while it works: a progress bar on stderr once it has taken more than
    BAR_AFTER seconds, on a terminal only (Rich's, imported only then); its messages as lines,
    as `progress` writes them, when stderr is not a terminal (a pipe, a log file: no bar there),
    none under ETR_QUIET=1. The build calls it with messages and `step(done, total, label)`."""

    BAR_AFTER = 1.0

    def __init__(self, terminal: bool | None = None) -> None:
        import time

        forced = os.environ.get("ETR_PROGRESS")  # 1/0: tests say whether stderr is a terminal
        self.quiet = os.environ.get("ETR_QUIET") == "1" and forced != "1"
        self.terminal = (forced == "1") if forced in ("0", "1") else (sys.stderr.isatty() if terminal is None else terminal)
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, message: str) -> None:
        if self.quiet:
            return
        if not self.terminal:
            stderr(message)
        elif self.bar is not None:
            self.bar.console.print(f"etr: {clean(message)}", markup=False, highlight=False)
        elif not message.startswith("read "):  # a document read: the bar will say so
            stderr(message)

    def step(self, done: int, total: int, label: str) -> None:
        import time

        if self.quiet or not self.terminal:
            return
        if self.bar is None:
            if time.monotonic() - self.started < self.BAR_AFTER:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            console = Console(file=sys.stderr, force_terminal=os.environ.get("ETR_PROGRESS") == "1" or None)
            self.bar = Progress(TextColumn("etr: building"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("documents"), TimeElapsedColumn(), TextColumn("{task.description}"),
                                console=console, transient=True)
            self.task = self.bar.add_task("", total=total)
            self.bar.start()
        self.bar.update(self.task, completed=done, total=total, description=clean(label)[:40])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def quiet_pipe() -> None:
    """The reader went away (`etr timeline | head -1`): stop quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    raise SystemExit(0)


def is_terminal() -> bool:
    """Whether stdout is a terminal (ETR_TERMINAL=1/0 says so for tests and benches)."""
    forced = os.environ.get("ETR_TERMINAL")
    return (forced == "1") if forced in ("0", "1") else sys.stdout.isatty()


def _safe_query(query: Any) -> Any:
    if isinstance(query, str):
        return valid_text(query)
    if isinstance(query, dict):
        return {k: valid_text(v) if isinstance(v, str) else [valid_text(x) for x in v] if isinstance(v, list) else v
                for k, v in query.items()}
    return query


class Output:
    """The output of one command, in the form its options ask for."""

    def __init__(self, command: str, query: Any, json_: bool = False, jsonl: bool = False) -> None:
        self.command, self.query = command, _safe_query(query)
        self.json, self.jsonl = json_, jsonl

    def write(self, text: str | list[str]) -> None:
        try:
            if isinstance(text, str):
                sys.stdout.write(text)
            else:
                for piece in text:
                    sys.stdout.write(piece)
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_pipe()

    def write_bytes(self, data: bytes) -> None:
        """An export's bytes as they are (a CSV's byte-order mark, CRLF line ends)."""
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            quiet_pipe()

    def answer(self, a: Answer) -> int:
        from etr.render import envelope

        if a.export is not None:
            self.write_bytes(a.export().encode("utf-8"))
        elif self.json:
            doc = a.document if a.document is not None else envelope.envelope(self.command, self.query, a.interpreted, a.results)
            if a.document is None and a.extra:
                doc.update(a.extra)
            if a.cite is not None:
                doc["cite"] = a.cite
            self.write(envelope.json_pieces(doc))
        elif self.jsonl:
            self.write(envelope.to_jsonl(a.results))
        elif a.table is not None and a.plain is not None:
            if is_terminal():
                from etr.render.terminal import Screen

                screen = Screen.detect()
                text = a.table(screen)
                if a.cite:
                    from etr.render.terminal import references

                    text += references(screen, a.cite)
                self.write(text)
            else:
                self.write(a.plain())
        for note in a.notes:
            stderr(note)
        return a.code

    def fail(self, err: EtrError, code: int | None = None) -> int:
        """The error as one stderr line (and, under --json, as the envelope's `error`)."""
        from etr.render import envelope

        code = err.exit_code if code is None else code
        if self.json:
            doc = envelope.envelope(self.command, self.query, {}, [])
            doc["error"] = {"code": code, "message": clean(err.message)}
            self.write(envelope.to_json(doc))
        stderr(err.message)
        return code
