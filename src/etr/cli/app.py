"""The `etr` command line as a Typer app: one thin function per command.

Each command hands its arguments to the matching `etr.commands.run_*` body and exits with the
code it returns (0 found, 1 nothing found, 2 usage error, 3 fact base missing or invalid,
130 interrupted). `main()` turns the framework's own usage errors into one line on stderr.
Nothing imports this module but etr.main.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from etr import __version__
from etr.cli import run as commands
from etr.errors import EtrError

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


def _exit(code: int) -> None:
    if code:
        raise typer.Exit(code)


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
    _exit(commands.run_lookup("who", name, json_, jsonl, limit, db))


@app.command()
def where(place: Annotated[str, typer.Argument(help="A place: Ghulja, Yining, Kuldja, Urumqi, 尼勒克镇.")],
          json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """Profile of a place: its other names and what happened there, in order."""
    _exit(commands.run_lookup("where", place, json_, jsonl, limit, db))


@app.command()
def what(thing: Annotated[str, typer.Argument(help="An organisation, army, treaty, document or named event.")],
         json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """Profile of an organisation, army, treaty, document or named event."""
    _exit(commands.run_lookup("what", thing, json_, jsonl, limit, db))


@app.command()
def when(query: Annotated[str, typer.Argument(help="A date or period (1944-11, 'summer 1945', 1944..1946) or an event ('plane crash').")],
         json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """What happened in a period, in order; or when an event happened (every date the sources give)."""
    _exit(commands.run_when(query, json_, jsonl, limit, db))


@app.command()
def search(text: Annotated[str, typer.Argument(help="Free text or a plain question: 'who was the president of the ETR'.")],
           json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None) -> None:
    """Entities, events and sentences ranked together for free text or a question."""
    _exit(commands.run_search(text, json_, jsonl, limit, db))


@app.command()
def show(ident: Annotated[str, typer.Argument(metavar="ID", help="An event, entity or sentence id from another command's output.")],
         json_: JsonOpt = False, jsonl: JsonlOpt = False, db: DbOpt = None) -> None:
    """One event, entity or sentence, with its citation in context and how its date was read."""
    _exit(commands.run_show(ident, json_, jsonl, db))


@app.command()
def timeline(
    from_: Annotated[str | None, typer.Option("--from", metavar="DATE", help="Earliest date (1944, 1944-11, 15 November 1944).")] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="DATE", help="Latest date.")] = None,
    about: Annotated[list[str] | None, typer.Option("--about", metavar="NAME", help="Only events naming this entity (repeatable).")] = None,
    json_: JsonOpt = False, jsonl: JsonlOpt = False, limit: LimitOpt = None, db: DbOpt = None,
) -> None:
    """All dated events in order, optionally between two dates or about some entities."""
    _exit(commands.run_timeline(from_, to, about, json_, jsonl, limit, db))


@app.command()
def sources(json_: JsonOpt = False, jsonl: JsonlOpt = False, db: DbOpt = None) -> None:
    """The documents in the fact base, with their sections and counts."""
    _exit(commands.run_sources(json_, jsonl, db))


@app.command()
def extract(file: Annotated[Path, typer.Argument(help="A plain-text (UTF-8) file.")],
            json_: JsonOpt = False, jsonl: JsonlOpt = False) -> None:
    """The dates and names found in any text file, with character offsets."""
    _exit(commands.run_extract(file, json_, jsonl))


@app.command()
def build(
    files: Annotated[list[Path] | None, typer.Argument(metavar="[FILE]...", help="More documents to add, as with --add (so `--add a.txt b.txt` adds both).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the fact base differs from a fresh build.")] = False,
    add: Annotated[list[Path] | None, typer.Option("--add", metavar="FILE", help="Also read this plain-text document (repeatable).")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", metavar="PATH", help="Write the fact base here instead.")] = None,
    report: Annotated[bool, typer.Option("--report", help="Print what the build found and could not place (JSON).")] = False,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Build the fact base from seeds/ and data/registry/ (atomically), or check it, or add documents."""
    _exit(commands.run_build(check, (add or []) + (files or []), out_path, report, json_, db))


def main(argv: list[str] | None = None) -> None:
    """Run the Typer app, turning usage errors and interrupts into one line and a code."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        argv = ["--help"]  # a bare `etr` shows what it can do
    try:
        code = app(args=argv, prog_name="etr", standalone_mode=False)
    except KeyboardInterrupt:
        commands.stderr("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        commands.quiet_pipe()
    except EtrError as e:
        commands.stderr(e.message)
        sys.exit(e.exit_code)
    except Exception as e:  # the framework's own usage errors (click's, vendored by typer)
        if type(e).__name__ == "Abort":
            commands.stderr("interrupted")
            sys.exit(130)
        fmt = getattr(e, "format_message", None)
        if not callable(fmt):
            commands.stderr(f"internal error ({type(e).__name__}: {e}); please report it")
            sys.exit(70)
        message = str(fmt())
        if "--json" in argv:
            from etr.render import tables as render

            env = render.envelope(argv[0] if argv else "", None, {}, [])
            env["error"] = {"code": 2, "message": render.clean(message)}
            sys.stdout.write(render.to_json(env))
        commands.stderr(f"{message} (see etr --help)")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
