"""The `etr` command line: one thin function per command.

This is the only place where an EtrError becomes a line on stderr and an exit code
(0 found, 1 nothing found, 2 usage error, 3 fact base missing or invalid, 130 interrupted).
Data goes to stdout, everything else to stderr. Nothing imports this module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from etr import __version__
from etr.errors import BadQuery, EtrError

app = typer.Typer(
    name="etr",
    help="Cited fact lookup for the history of the Second East Turkestan Republic (Xinjiang, 1944-1949).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document (see README: JSON contract).")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Print one JSON result per line.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=1, metavar="N", help="Show at most N results (or N events per profile).")]
DbOpt = Annotated[Path | None, typer.Option("--db", metavar="PATH", help="Fact base to read (default: $ETR_DB, your added documents, or the packaged one).")]


class Out:
    """Where output goes and in which form, decided once per command."""

    def __init__(self, command: str, query: Any, json_: bool = False, jsonl: bool = False) -> None:
        self.command, self.query = command, query
        self.json, self.jsonl = json_, jsonl
        forced = os.environ.get("ETR_TERMINAL")
        self.terminal = (forced == "1") if forced in ("0", "1") else sys.stdout.isatty()

    def write(self, text: str) -> None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_pipe()

    def console(self) -> Any:
        from rich.console import Console

        return Console(file=sys.stdout, highlight=False, markup=False, emoji=False, soft_wrap=False)

    def show(self, renderable: Any) -> None:
        try:
            self.console().print(renderable)
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_pipe()

    def results(self, interpreted: dict[str, Any], results: list[dict[str, Any]],
                table: Callable[[], Any], plain: Callable[[], str]) -> None:
        from etr import render

        if self.json:
            self.write(render.to_json(render.envelope(self.command, self.query, interpreted, results)))
        elif self.jsonl:
            self.write(render.to_jsonl(results))
        elif self.terminal:
            self.show(table())
        else:
            self.write(plain())

    def fail(self, err: EtrError) -> None:
        from etr import render

        if self.json:
            env = render.envelope(self.command, self.query, {}, [])
            env["error"] = {"code": err.exit_code, "message": render.clean(err.message)}
            self.write(render.to_json(env))
        _stderr(err.message)
        raise typer.Exit(err.exit_code)


def _quiet_pipe() -> None:
    """The reader went away (`etr timeline | head -1`): stop quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    raise SystemExit(0)


def _stderr(message: str) -> None:
    from etr.render import clean

    try:
        sys.stderr.write(f"etr: {clean(message)}\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass


def _progress(message: str) -> None:
    if os.environ.get("ETR_QUIET") != "1":
        _stderr(message)


def _fb(db: Path | None) -> Any:
    from etr import store
    from etr.query import FactBase

    return FactBase(store.load(db or store.default_db()))


def _shorts(fb: Any) -> tuple[dict[str, str], dict[str, str]]:
    return ({s["id"]: s["short"] for s in fb.db["sources"]}, {s["id"]: s["title"] for s in fb.db["sources"]})


def _lookup(command: str, types: set[str] | None, name: str, json_: bool, jsonl: bool, limit: int | None, db: Path | None) -> None:
    out = Out(command, name, json_, jsonl)
    try:
        fb = _fb(db)
        results, interpreted = fb.lookup(name, types, limit)
    except EtrError as e:
        out.fail(e)
        return
    from etr import render

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

    out.results(interpreted, results, table, lambda: render.entity_tsv(results))


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)] = False,
) -> None:
    """Cited fact lookup for the history of the Second East Turkestan Republic (Xinjiang, 1944-1949)."""
    if version:
        sys.stdout.write(f"etr {__version__}\n")
        raise typer.Exit(0)


@app.command()
def who(name: Annotated[str, typer.Argument(help="A person or group: Ehmetjan Qasimi, Kasimov, qasimi, Uyghurs.")],
        json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """Profile of a person or group: spellings, roles, dated events, statements, companions."""
    from etr.query import WHO_TYPES

    _lookup("who", WHO_TYPES, name, json_, jsonl, limit, db)


@app.command()
def where(place: Annotated[str, typer.Argument(help="A place: Ghulja, Yining, Kuldja, Urumqi, 尼勒克镇.")],
          json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """Profile of a place: its other names and what happened there, in order."""
    from etr.query import WHERE_TYPES

    _lookup("where", WHERE_TYPES, place, json_, jsonl, limit, db)


@app.command()
def what(thing: Annotated[str, typer.Argument(help="An organisation, army, treaty, document or named event.")],
         json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """Profile of an organisation, army, treaty, document or named event."""
    from etr.query import WHAT_TYPES

    _lookup("what", WHAT_TYPES, thing, json_, jsonl, limit, db)


@app.command()
def when(query: Annotated[str, typer.Argument(help="A date or period (1944-11, 'summer 1945', 1944..1946) or an event ('plane crash').")],
         json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """What happened in a period, in order; or when an event happened (every date the sources give)."""
    out = Out("when", query, json_, jsonl)
    try:
        fb = _fb(db)
        results, interpreted = fb.when(query, limit)
    except EtrError as e:
        out.fail(e)
        return
    from etr import render

    shorts, titles = _shorts(fb)
    used = {ev["citations"][0]["source"] for ev in results}

    def table() -> Any:
        from rich.console import Group

        title = (f"{interpreted['period']['start']} to {interpreted['period']['end']}  (~ = known only more coarsely)"
                 if "period" in interpreted else None)
        return Group(render.events_table(results, shorts, title), render.legend(shorts, titles, used))

    out.results(interpreted, results, table, lambda: render.tsv(render.EVENT_HEADER, render.event_rows(results)))


@app.command()
def search(text: Annotated[str, typer.Argument(help="Free text or a plain question: 'who was the president of the ETR'.")],
           json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """Entities, events and sentences ranked together for free text or a question."""
    out = Out("search", text, json_, jsonl)
    try:
        fb = _fb(db)
        results, interpreted = fb.search(text, limit or 10)
    except EtrError as e:
        out.fail(e)
        return
    from etr import render

    shorts, titles = _shorts(fb)

    def plain() -> str:
        rows = [[r["kind"], r["score"], r.get("date", {}).get("value", ""), r.get("text") or r.get("name"),
                 r["id"]] for r in results]
        return render.tsv(["kind", "score", "date", "text", "id"], rows)

    out.results(interpreted, results, lambda: render.search_table(results, shorts), plain)


@app.command()
def show(ident: Annotated[str, typer.Argument(metavar="ID", help="An event, entity or sentence id from another command's output.")],
         json_: JsonOpt = False, jsonl: JsonlOpt = False, db: DbOpt = None) -> None:
    """One event, entity or sentence, with its citation in context and how its date was read."""
    out = Out("show", ident, json_, jsonl)
    try:
        fb = _fb(db)
        results, interpreted = fb.show(ident)
    except EtrError as e:
        out.fail(e)
        return
    from etr import render

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

    out.results(interpreted, results, table, plain)


@app.command()
def timeline(
    from_: Annotated[str | None, typer.Option("--from", metavar="DATE", help="Earliest date (1944, 1944-11, 15 November 1944).")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="DATE", help="Latest date.")] = None,
    about: Annotated[list[str] | None, typer.Option("--about", metavar="NAME", help="Only events naming this entity (repeatable).")] = None,
    json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None,
) -> None:
    """All dated events in order, optionally between two dates or about some entities."""
    query = {"from": from_, "to": to, "about": about or []}
    out = Out("timeline", query, json_, jsonl)
    try:
        fb = _fb(db)
        results, interpreted = fb.timeline(from_, to, about or [], limit)
    except EtrError as e:
        out.fail(e)
        return
    from etr import render

    shorts, titles = _shorts(fb)
    used = {ev["citations"][0]["source"] for ev in results}

    def table() -> Any:
        from rich.console import Group

        return Group(render.events_table(results, shorts), render.legend(shorts, titles, used))

    out.results(interpreted, results, table, lambda: render.tsv(render.EVENT_HEADER, render.event_rows(results)))


@app.command()
def sources(json_: JsonOpt = False, jsonl: JsonlOpt = False, db: DbOpt = None) -> None:
    """The documents in the fact base, with their sections and counts."""
    out = Out("sources", None, json_, jsonl)
    try:
        fb = _fb(db)
        results = fb.sources()
    except EtrError as e:
        out.fail(e)
        return
    from etr import render

    def plain() -> str:
        rows = [[s["id"], s["title"], s["author"], s["kind"], len(s["sections"]), s["counts"]["sentences"],
                 s["counts"]["events"], s["counts"]["entities"]] for s in results]
        return render.tsv(["id", "title", "author", "kind", "sections", "sentences", "events", "entities"], rows)

    out.results({}, results, lambda: render.sources_table(results), plain)


@app.command()
def extract(file: Annotated[Path, typer.Argument(help="A plain-text (UTF-8) file.")],
            json_: JsonOpt = False, jsonl: JsonlOpt = False) -> None:
    """The dates and names found in any text file, with character offsets."""
    out = Out("extract", str(file), json_, jsonl)
    try:
        from etr.build.pipeline import extract as run_extract

        results = run_extract(file)
    except EtrError as e:
        out.fail(e)
        return
    from etr import render

    def plain() -> str:
        rows = [[r["kind"], r["start"], r["end"], r["text"], r.get("value") or r.get("id") or "", r["type"]] for r in results]
        return render.tsv(["kind", "start", "end", "text", "value_or_id", "type"], rows)

    out.results({}, results, lambda: render.extract_table(results), plain)


@app.command()
def build(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the fact base differs from a fresh build.")] = False,
    add: Annotated[list[Path] | None, typer.Option("--add", metavar="FILE", help="Also read this plain-text document (repeatable).")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", metavar="PATH", help="Write the fact base here instead.")] = None,
    report: Annotated[bool, typer.Option("--report", help="Print what the build found and could not place (JSON).")] = False,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Build the fact base from seeds/ and data/registry/ (atomically), or check it, or add documents."""
    from etr import store

    out = Out("build", None, json_, False)
    try:
        from etr.build import pipeline

        if check:
            target = db or out_path or store.packaged_db()
            ok, message = pipeline.check(target)
            if json_:
                out.write(_json({"command": "build", "check": ok, "message": message}))
            _stderr(message)
            raise typer.Exit(0 if ok else 1)
        if add:
            base = db or store.user_db()
            target = out_path or db or store.user_db()
            fb, rep = pipeline.build_with_added(list(add), base, _progress)
        else:
            target = out_path or db or store.packaged_db()
            fb, rep = pipeline.build_seeds(_progress)
        store.write_atomic(target, store.dumps(fb))
    except EtrError as e:
        out.fail(e)
        return
    counts = rep.counts
    summary = (f"wrote {target}: {counts['sources']} sources, {counts['sentences']} sentences, "
               f"{counts['events']} events, {counts['entities']} entities "
               f"({counts['auto_entities']} auto-discovered), {counts['citations']} citations verified")
    _stderr(summary)
    if add and target == store.user_db() and not os.environ.get("ETR_DB"):
        _stderr("queries now read this fact base; delete it to go back to the packaged one")
    if json_ or report:
        out.write(pipeline.dumps_report(rep) + "\n" if report else _json({"command": "build", "written": str(target), "counts": counts}))


def _json(obj: Any) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False) + "\n"


def main() -> None:
    """Entry point: run the app, turning usage errors and interrupts into one line and a code."""
    argv = sys.argv[1:]
    try:
        code = app(args=argv, prog_name="etr", standalone_mode=False)
    except KeyboardInterrupt:
        _stderr("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        _quiet_pipe()
    except EtrError as e:
        _stderr(e.message)
        sys.exit(e.exit_code)
    except Exception as e:  # the framework's own usage errors (click's, vendored by typer)
        if type(e).__name__ == "Abort":
            _stderr("interrupted")
            sys.exit(130)
        fmt = getattr(e, "format_message", None)
        if not callable(fmt):
            _stderr(f"internal error ({type(e).__name__}: {e}); please report it")
            sys.exit(70)
        message = str(fmt())
        if "--json" in argv:
            from etr import render

            env = render.envelope(argv[0] if argv else "", None, {}, [])
            env["error"] = {"code": 2, "message": render.clean(message)}
            sys.stdout.write(render.to_json(env))
        _stderr(f"{message} (see etr --help)")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
