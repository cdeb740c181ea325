"""The Typer app, generated from the command table: help texts, completion, usage errors.

Each `Command` of etr.cli.commands becomes a Typer command whose parameters are its `Option`s
and `Argument`; its body runs `execute`, as the fast parser's path does. `run(argv)` turns the
framework's own usage errors into one line on stderr (and a JSON envelope under --json).
Imported only for what the fast parser leaves to it (etr.cli.main).
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from etr import __version__
from etr.cli.commands import COMMANDS, DB, GLOBAL, JSON, Argument, Command, Option
from etr.cli.execute import execute
from etr.cli.output import stderr

app = typer.Typer(
    name="etr",
    help="Cited fact lookup for the history of the Second East Turkestan Republic (Xinjiang, 1944-1949).",
    add_completion=True,  # --install-completion, --show-completion; the completions themselves: etr.cli.complete
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

TYPES: dict[str, Any] = {"flag": bool, "int": int | None, "str": str | None, "path": Path | None,
                         "strs": list[str] | None, "paths": list[Path] | None}


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)] = False,
    json_: Annotated[bool, typer.Option("--json", help=JSON.help)] = False,
    db: Annotated[Path | None, typer.Option("--db", help=DB.help, metavar="PATH")] = None,
) -> None:
    """Cited fact lookup for the history of the Second East Turkestan Republic (Xinjiang, 1944-1949)."""
    if version:
        sys.stdout.write(f"etr {__version__}\n")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        ctx.fail("Missing command.")  # `etr --json` alone: a usage error, as `etr --bogus`
    # --db and --json before the command (etr.cli.commands.GLOBAL): the command reads them
    ctx.obj = {k: v for k, v in (("json_", json_), ("db", db)) if v}


def _annotation(kind: str, choices: tuple[str, ...]) -> Any:
    if choices:  # a usage error names the choices
        return Literal[choices] | None
    return TYPES[kind]


def _option(o: Option) -> inspect.Parameter:
    info = typer.Option(*o.flags, help=o.help, metavar=o.metavar, min=o.min)
    default = False if o.kind == "flag" else None
    return inspect.Parameter(o.key, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=Annotated[_annotation(o.kind, o.choices), info])


def _argument(a: Argument) -> inspect.Parameter:
    if a.kind == "paths":
        info = typer.Argument(metavar=a.metavar, help=a.help)
        return inspect.Parameter(a.key, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None,
                                 annotation=Annotated[list[Path] | None, info])
    if a.kind == "words":  # one or more words, one name or question: `etr who Ehmetjan Qasimi`
        info = typer.Argument(metavar=a.metavar or a.key.upper(), help=a.help, show_default=False)
        return inspect.Parameter(a.key, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Annotated[list[str], info])
    info = typer.Argument(metavar=a.metavar or a.key.upper(), help=a.help, show_default=False)
    kind: Any = Literal[a.choices] if a.choices else Path if a.kind == "path" else str
    if not a.required:
        return inspect.Parameter(a.key, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None,
                                 annotation=Annotated[kind | None, info])
    return inspect.Parameter(a.key, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Annotated[kind, info])


def _register(cmd: Command) -> None:
    params = [_argument(a) for a in cmd.arguments] + [_option(o) for o in cmd.options]
    params.insert(0, inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context))

    def command(ctx: typer.Context, **kwargs: Any) -> None:
        for o in cmd.options:  # Typer gives None for a repeatable option never used
            if o.kind in ("strs", "paths") and kwargs[o.key] is None:
                kwargs[o.key] = []
        for a in cmd.arguments:
            if a.kind == "paths" and kwargs[a.key] is None:
                kwargs[a.key] = []
            if a.kind == "words":
                kwargs[a.key] = " ".join(kwargs[a.key])
        keys = {o.key: o.flags[0] for o in cmd.options}
        for key, value in (ctx.obj or {}).items():  # given before the command
            if key not in keys:
                flag = next(o.flags[0] for o in GLOBAL if o.key == key)
                raise typer.BadParameter(f"{flag} does not apply to etr {cmd.name}", param_hint=flag)
            if not kwargs[key]:
                kwargs[key] = value
        code = execute(cmd, kwargs)
        if code:
            raise typer.Exit(code)

    command.__name__ = cmd.name
    command.__doc__ = cmd.help
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    app.command(name=cmd.name)(command)


for _cmd in COMMANDS:
    _register(_cmd)


def run(argv: list[str]) -> int:
    """Run the Typer app on `argv`; the framework's usage errors become one line and exit 2."""
    if not argv:
        argv = ["--help"]  # a bare `etr` shows what it can do
    try:
        code = app(args=argv, prog_name="etr", standalone_mode=False)
    except KeyboardInterrupt:
        stderr("interrupted")
        return 130
    except Exception as e:  # the framework's own usage errors (click's, which typer uses)
        if type(e).__name__ == "Abort":
            stderr("interrupted")
            return 130
        fmt = getattr(e, "format_message", None)
        if not callable(fmt):
            stderr(f"internal error ({type(e).__name__}: {e}); please report it")
            return 70
        message = str(fmt())
        if message.startswith("No such command") and "Did you mean" not in message:
            import difflib  # click's own suggestion misses a doubled letter in a short name ("wohh")

            close = difflib.get_close_matches(argv[0], [c.name for c in COMMANDS], n=1, cutoff=0.5)
            if close:
                message = f"{message} Did you mean {close[0]!r}?"
        if "--json" in argv:
            from etr.render import envelope
            from etr.text.safe import clean

            doc = envelope.envelope(argv[0] if argv else "", None, {}, [])
            doc["error"] = {"code": 2, "message": clean(message)}
            sys.stdout.write(envelope.to_json(doc))
        stderr(f"{message} (see etr --help)")
        return 2
    return code if isinstance(code, int) else 0
