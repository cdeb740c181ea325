"""The bodies of etr's commands, shared by the Typer app (etr.cli) and the fast path (etr.main).

Each `run_*` function answers one command and returns its exit code (0 found, 1 nothing found,
2 usage error, 3 fact base missing or invalid); an EtrError becomes one line on stderr here, and
under --json stdout still holds one JSON document. Nothing here imports Typer, so a query can be
answered without paying for the framework's start-up.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from etr.errors import BadQuery, EtrError


class Out:
    """Where output goes and in which form, decided once per command."""

    def __init__(self, command: str, query: Any, json_: bool = False, jsonl: bool = False) -> None:
        from etr.render.tables import valid_text

        if isinstance(query, str):
            query = valid_text(query)
        elif isinstance(query, dict):
            query = {k: valid_text(v) if isinstance(v, str) else [valid_text(x) for x in v] if isinstance(v, list) else v
                     for k, v in query.items()}
        self.command, self.query = command, query
        self.json, self.jsonl = json_, jsonl
        forced = os.environ.get("ETR_TERMINAL")
        self.terminal = (forced == "1") if forced in ("0", "1") else sys.stdout.isatty()

    def write(self, text: str) -> None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_pipe()

    def show(self, renderable: Any) -> None:
        from rich.console import Console

        try:
            Console(file=sys.stdout, highlight=False, markup=False, emoji=False, soft_wrap=False).print(renderable)
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_pipe()
        except SystemExit:  # Rich's own broken-pipe handling exits 1; a closed reader is no error
            quiet_pipe()

    def results(self, interpreted: dict[str, Any], results: list[dict[str, Any]],
                table: Callable[[], Any], plain: Callable[[], str]) -> int:
        from etr.render import tables as render

        if self.json:
            self.write(render.to_json(render.envelope(self.command, self.query, interpreted, results)))
        elif self.jsonl:
            self.write(render.to_jsonl(results))
        elif self.terminal:
            self.show(table())
        else:
            self.write(plain())
        return 0

    def fail(self, err: EtrError) -> int:
        from etr.render import tables as render

        if self.json:
            env = render.envelope(self.command, self.query, {}, [])
            env["error"] = {"code": err.exit_code, "message": render.clean(err.message)}
            self.write(render.to_json(env))
        stderr(err.message)
        return err.exit_code


def quiet_pipe() -> None:
    """The reader went away (`etr timeline | head -1`): stop quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    raise SystemExit(0)


def stderr(message: str) -> None:
    from etr.render.tables import clean

    try:
        sys.stderr.write(f"etr: {clean(message)}\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass


def progress(message: str) -> None:
    if os.environ.get("ETR_QUIET") != "1":
        stderr(message)


T = TypeVar("T")


def _answer(db: Path | None, call: Callable[[Any], T]) -> tuple[Any, T]:
    """Open the fact base through its index and answer; an index that turns out damaged is made
    again from the JSON (which is validated then) and the question asked once more."""
    import sqlite3

    from etr.query.core import FactBase
    from etr.store import facts as store
    from etr.store.index import open_index

    path = db or store.default_db()
    try:
        fb = FactBase(open_index(path))
        result = call(fb)
        fb.source_names  # noqa: B018 - what the output needs, read while we can still recover
        return fb, result
    except sqlite3.DatabaseError:
        fb = FactBase(open_index(path, rebuild=True))
        return fb, call(fb)


def _shorts(fb: Any) -> tuple[dict[str, str], dict[str, str]]:
    names = fb.source_names
    return ({i: short for i, (_o, short, _t) in names.items()}, {i: title for i, (_o, _s, title) in names.items()})


def run_lookup(command: str, name: str, json_: bool, jsonl: bool, limit: int | None, db: Path | None) -> int:
    from etr.query.core import LOOKUP_TYPES

    types = LOOKUP_TYPES[command]
    out = Out(command, name, json_, jsonl)
    try:
        fb, (results, interpreted) = _answer(db, lambda fb: fb.lookup(name, types, limit))
    except EtrError as e:
        return out.fail(e)
    from etr.render import tables as render

    shorts, titles = _shorts(fb)

    def table() -> Any:
        from rich.console import Group
        from rich.text import Text

        parts: list[Any] = []
        if interpreted.get("ambiguous"):
            parts.append(Text(f"{len(results)} close matches for {render.clean(name)!r}:", style="yellow"))
        for r in results:
            parts.append(render.entity_renderable(r, shorts, titles))
        return Group(*parts)

    return out.results(interpreted, results, table, lambda: render.entity_tsv(results))


def run_when(query: str, json_: bool, jsonl: bool, limit: int | None, db: Path | None) -> int:
    out = Out("when", query, json_, jsonl)
    try:
        fb, (results, interpreted) = _answer(db, lambda fb: fb.when(query, limit))
    except EtrError as e:
        return out.fail(e)
    from etr.render import tables as render

    shorts, titles = _shorts(fb)

    def table() -> Any:
        from rich.console import Group

        used = {ev["citations"][0]["source"] for ev in results}
        title = (f"{interpreted['period']['start']} to {interpreted['period']['end']}  (~ = known only more coarsely)"
                 if "period" in interpreted else None)
        return Group(render.events_table(results, shorts, title), render.legend(shorts, titles, used))

    return out.results(interpreted, results, table, lambda: render.tsv(render.EVENT_HEADER, render.event_rows(results)))


def run_search(text: str, json_: bool, jsonl: bool, limit: int | None, db: Path | None) -> int:
    out = Out("search", text, json_, jsonl)
    try:
        fb, (results, interpreted) = _answer(db, lambda fb: fb.search(text, limit or 10))
    except EtrError as e:
        return out.fail(e)
    from etr.render import tables as render

    shorts, titles = _shorts(fb)

    def plain() -> str:
        rows = [[r["kind"], r["score"], r.get("date", {}).get("value", ""), r.get("text") or r.get("name"),
                 r["id"]] for r in results]
        return render.tsv(["kind", "score", "date", "text", "id"], rows)

    return out.results(interpreted, results, lambda: render.search_table(results, shorts), plain)


def run_show(ident: str, json_: bool, jsonl: bool, db: Path | None) -> int:
    out = Out("show", ident, json_, jsonl)
    try:
        fb, (results, interpreted) = _answer(db, lambda fb: fb.show(ident))
    except EtrError as e:
        return out.fail(e)
    from etr.render import tables as render

    shorts, titles = _shorts(fb)
    item = results[0]

    def table() -> Any:
        if item["kind"] == "entity":
            return render.entity_renderable(item, shorts, titles)
        return render.context_renderable(item, shorts)

    def plain() -> str:
        if item["kind"] == "entity":
            return render.entity_tsv([item])
        c = item["citations"][0]
        return render.tsv(["id", "date", "text", "source", "start", "end"],
                          [[item["id"], item.get("date", {}).get("value", ""), item["text"], c["source"], c["start"], c["end"]]])

    return out.results(interpreted, results, table, plain)


def run_timeline(from_: str | None, to: str | None, about: list[str] | None, json_: bool, jsonl: bool, limit: int | None, db: Path | None) -> int:
    query = {"from": from_, "to": to, "about": about or []}
    out = Out("timeline", query, json_, jsonl)
    try:
        fb, (results, interpreted) = _answer(db, lambda fb: fb.timeline(from_, to, about or [], limit))
    except EtrError as e:
        return out.fail(e)
    from etr.render import tables as render

    shorts, titles = _shorts(fb)

    def table() -> Any:
        from rich.console import Group

        used = {ev["citations"][0]["source"] for ev in results}
        return Group(render.events_table(results, shorts), render.legend(shorts, titles, used))

    return out.results(interpreted, results, table, lambda: render.tsv(render.EVENT_HEADER, render.event_rows(results)))


def run_sources(json_: bool, jsonl: bool, db: Path | None) -> int:
    out = Out("sources", None, json_, jsonl)
    try:
        fb, results = _answer(db, lambda fb: fb.sources())
    except EtrError as e:
        return out.fail(e)
    from etr.render import tables as render

    def plain() -> str:
        rows = [[s["id"], s["title"], s["author"], s["kind"], len(s["sections"]), s["counts"]["sentences"],
                 s["counts"]["events"], s["counts"]["entities"]] for s in results]
        return render.tsv(["id", "title", "author", "kind", "sections", "sentences", "events", "entities"], rows)

    return out.results({}, results, lambda: render.sources_table(results), plain)


def run_extract(file: Path, json_: bool, jsonl: bool) -> int:
    out = Out("extract", str(file), json_, jsonl)
    try:
        from etr.ingest.pipeline import extract

        results = extract(file)
    except EtrError as e:
        return out.fail(e)
    from etr.render import tables as render

    def plain() -> str:
        rows = [[r["kind"], r["start"], r["end"], r["text"], r.get("value") or r.get("id") or "", r["type"]] for r in results]
        return render.tsv(["kind", "start", "end", "text", "value_or_id", "type"], rows)

    return out.results({}, results, lambda: render.extract_table(results), plain)


def run_build(check: bool, add: list[Path] | None, out_path: Path | None, report: bool, json_: bool, db: Path | None) -> int:
    from etr.render import tables as render
    from etr.store import facts as store

    out = Out("build", None, json_, False)
    # a build makes millions of small objects and keeps nearly all of them to the end: the cyclic
    # garbage collector, scanning them again and again, took ~15 % of a 1,000-document build
    gc.disable()
    try:
        from etr.ingest import pipeline

        if check:
            target = db or out_path or store.packaged_db()
            ok, message = pipeline.check(target)
            if json_:
                out.write(render.to_json({"command": "build", "check": ok, "message": message}))
            stderr(message)
            return 0 if ok else 1
        if add:
            add = list(dict.fromkeys(add))  # the same file named twice is added once
            target = out_path or db or store.user_db()
            base = db or target  # the documents added before stay, whichever file is named
        else:
            target = out_path or db or store.packaged_db()
        _writable(target)
        with store.locked(target, stderr):  # two builds of one file: the second waits, nothing lost
            if add:
                fb, rep = pipeline.build_with_added(list(add), base, progress)
            else:
                fb, rep = pipeline.build_seeds(progress)
            from etr.store import index

            writer = index.IndexWriter(fb, index.index_path(target), sentence_terms=rep.terms)
            try:
                try:
                    store.write_atomic(target, store.chunks(fb))
                except OSError as e:
                    raise BadQuery(f"cannot write {target} ({e.strerror or e}); the previous file is untouched") from None
                writer.finish(index.key_of(target))
            finally:
                writer.abandon()
    except EtrError as e:
        return out.fail(e)
    counts = rep.counts
    stderr(f"wrote {target}: {counts['sources']} sources, {counts['sentences']} sentences, "
           f"{counts['events']} events, {counts['entities']} entities "
           f"({counts['auto_entities']} auto-discovered), {counts['citations']} citations verified")
    if add and target == store.user_db() and not os.environ.get("ETR_DB"):
        stderr("queries now read this fact base; delete it to go back to the packaged one")
    if report:
        out.write(pipeline.dumps_report(rep) + "\n")
    elif json_:
        out.write(render.to_json({"command": "build", "written": str(target), "counts": counts}))
    return 0


def _writable(target: Path) -> None:
    """Refuse, before the work, a target that cannot be a file: a directory, or under a file."""
    if target.is_dir():
        raise BadQuery(f"{target}: is a directory; give the fact base's file name (e.g. {target}/facts.json)")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise BadQuery(f"{target}: {parent} is a file, not a folder")
            break
