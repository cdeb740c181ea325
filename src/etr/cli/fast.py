"""The fast parser: reads a command line by the command table, without the CLI framework.

Importing Typer costs more than answering a query over the seed fact base (bench/README.md), so
`etr who X --json` and `etr build --add ...` (a thousand --add options took Typer 0.3 s) are
parsed here. Anything this parser is not sure of - `--help`, an unknown option, a missing or
extra argument, a value out of range - returns None, and the Typer app (etr.cli.app), which
owns help texts and usage errors, takes the command line instead. Both run `execute`, so they
answer alike (tests/test_cli.py holds them to it). Imports etr.cli.commands only.
"""

from __future__ import annotations

from etr.cli.commands import BY_NAME, GLOBAL, Command

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

REPEATED = {"strs", "paths"}


def defaults(cmd: Command) -> dict[str, Any]:
    """Every option and the argument of `cmd` at its default, as the handler reads them."""
    out: dict[str, Any] = {o.key: (False if o.kind == "flag" else [] if o.kind in REPEATED else None)
                           for o in cmd.options}
    for a in cmd.arguments:
        out[a.key] = [] if a.kind == "paths" else None
    return out


def _value(kind: str, text: str, minimum: int | None, choices: tuple[str, ...] = ()) -> Any:
    if choices and text not in choices:
        raise ValueError(text)
    if kind == "int":
        if not text.isdigit() or (minimum is not None and int(text) < minimum):
            raise ValueError(text)
        return int(text)
    if kind in ("path", "paths"):
        from pathlib import Path

        return Path(text)
    return text


OUTPUT_SWITCHES = ("--json", "--jsonl")


def switches_first(argv: list[str]) -> list[str]:
    """`argv` with --json and --jsonl taken from after a `--` to before it: after `--` every word
    is the query's ("etr who -- -Ahmed"), but a script that ends its line with --json asks for
    JSON wherever it stands, and no query is the word "--json" (`etr who -- X --json`)."""
    if "--" not in argv:
        return argv
    at = argv.index("--")
    tail = argv[at + 1 :]
    moved = [a for a in tail if a in OUTPUT_SWITCHES]
    if not moved:
        return argv
    return [*argv[:at], *moved, "--", *(a for a in tail if a not in OUTPUT_SWITCHES)]


def leading_globals(argv: list[str]) -> tuple[dict[str, str | bool], list[str]] | None:
    """The options given before the command (`--db mine.json --json who X`) and the rest of
    the command line; None when one of them is incomplete."""
    flags = {f: o for o in GLOBAL for f in o.flags}
    got: dict[str, str | bool] = {}
    i = 0
    while i < len(argv) and argv[i] != "--":
        name, eq, text = argv[i].partition("=")
        opt = flags.get(name)
        if opt is None:
            break
        if opt.kind == "flag":
            if eq:
                return None
            got[opt.key] = True
        elif eq:
            got[opt.key] = text
        elif i + 1 < len(argv):
            i += 1
            got[opt.key] = argv[i]
        else:
            return None
        i += 1
    return got, argv[i:]


def parse(argv: list[str]) -> tuple[Command, dict[str, Any]] | None:
    """(command, options) for a command line this parser reads with certainty, else None."""
    lead = leading_globals(argv)
    if lead is None:
        return None
    before, argv = lead
    if not argv or argv[0] not in BY_NAME:
        return None
    cmd = BY_NAME[argv[0]]
    flags = {f: o for o in cmd.options for f in o.flags}
    got = defaults(cmd)
    for key, value in before.items():
        opt = next((o for o in cmd.options if o.key == key), None)
        if opt is None:
            return None  # `etr --db x extract f`: the Typer app says --db does not apply
        got[key] = True if opt.kind == "flag" else _value(opt.kind, str(value), opt.min)
    positional: list[str] = []
    rest = argv[1:]
    i = 0
    try:
        while i < len(rest):
            arg = rest[i]
            if arg.startswith("-") and arg != "-":
                name, eq, text = arg.partition("=")
                opt = flags.get(name)
                if opt is None:
                    return None  # --help, or an option the Typer app will call unknown
                if opt.kind == "flag":
                    if eq:
                        return None
                    got[opt.key] = True
                else:
                    if not eq:
                        i += 1
                        if i >= len(rest):
                            return None
                        text = rest[i]
                    value = _value(opt.kind, text, opt.min, opt.choices)
                    if opt.kind in REPEATED:
                        got[opt.key].append(value)
                    else:
                        got[opt.key] = value
            else:
                positional.append(arg)
            i += 1
        for k, arg_spec in enumerate(cmd.arguments):
            if arg_spec.kind == "paths":
                got[arg_spec.key] = [_value("path", p, None) for p in positional[k:]]
                positional = positional[:k]
                break
            if arg_spec.kind == "words":  # `etr who Ehmetjan Qasimi`: the words are one name
                if k >= len(positional):
                    return None
                got[arg_spec.key] = " ".join(positional[k:])
                positional = positional[:k]
                break
            if k < len(positional):
                got[arg_spec.key] = _value(arg_spec.kind, positional[k], None, arg_spec.choices)
            elif arg_spec.required:
                return None
        if len(positional) > len(cmd.arguments):
            return None
    except ValueError:
        return None
    return cmd, got
