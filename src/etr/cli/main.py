"""The `etr` entry point: queries take a fast path that never imports the CLI framework.

A query (`who/where/what/when/search/show/timeline/sources` with only the options they document)
is parsed here by hand and answered by etr.commands directly; anything else - `--help`, `build`,
`extract`, an unknown option, a missing argument - goes to the Typer app in etr.cli, which owns
help texts and usage errors. Both paths run the same command bodies, so they answer alike.
Importing Typer costs more than answering a query over the seed fact base (bench/README.md).
"""

from __future__ import annotations

import gc
import sys
from typing import Any

QUERY_COMMANDS = {"who", "where", "what", "when", "search", "show", "timeline", "sources"}
TAKES_ARGUMENT = {"who", "where", "what", "when", "search", "show"}
FLAGS = {"--json": "json_", "--jsonl": "jsonl"}
VALUES = {"--limit": "limit", "-n": "limit", "--db": "db", "--from": "from_", "--to": "to", "--about": "about"}
OPTIONS_OF = {
    "show": {"--json", "--jsonl", "--db"},
    "sources": {"--json", "--jsonl", "--db"},
    "timeline": {"--json", "--jsonl", "--limit", "-n", "--db", "--from", "--to", "--about"},
}
COMMON = {"--json", "--jsonl", "--limit", "-n", "--db"}


BUILD_FLAGS = {"--check": "check", "--report": "report", "--json": "json_"}
BUILD_VALUES = {"--add": "add", "--out": "out", "--db": "db"}


def parse_build(rest: list[str]) -> dict[str, Any] | None:
    """Options of `etr build`, as the Typer app reads them; None for anything else (--help, an
    unknown option), which the Typer app then answers. Parsing a thousand `--add FILE` took
    Typer about 0.3 s (bench/scale.py)."""
    from pathlib import Path

    o: dict[str, Any] = {"check": False, "report": False, "json_": False, "add": [], "files": [], "out": None, "db": None}
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg.startswith("-") and arg != "-":
            name, eq, value = arg.partition("=")
            if name in BUILD_FLAGS and not eq:
                o[BUILD_FLAGS[name]] = True
            elif name in BUILD_VALUES:
                if not eq:
                    i += 1
                    if i >= len(rest):
                        return None
                    value = rest[i]
                if name == "--add":
                    o["add"].append(Path(value))
                else:
                    o[BUILD_VALUES[name]] = Path(value)
            else:
                return None
        else:
            o["files"].append(Path(arg))
        i += 1
    return o


def parse(argv: list[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, options) for a plain query or build, or None to let the full CLI handle it."""
    if argv and argv[0] == "build":
        got = parse_build(argv[1:])
        return None if got is None else ("build", got)
    if not argv or argv[0] not in QUERY_COMMANDS:
        return None
    command, rest = argv[0], argv[1:]
    allowed = OPTIONS_OF.get(command, COMMON)
    opts: dict[str, Any] = {"json_": False, "jsonl": False, "limit": None, "db": None,
                            "from_": None, "to": None, "about": []}
    positional: list[str] = []
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg.startswith("-") and arg != "-":
            name, eq, value = arg.partition("=")
            if name not in allowed:
                return None
            if name in FLAGS:
                if eq:
                    return None
                opts[FLAGS[name]] = True
            else:
                if not eq:
                    i += 1
                    if i >= len(rest):
                        return None
                    value = rest[i]
                key = VALUES[name]
                if key == "limit":
                    if not value.isdigit() or int(value) < 1:
                        return None
                    opts["limit"] = int(value)
                elif key == "about":
                    opts["about"].append(value)
                elif key == "db":
                    from pathlib import Path

                    opts["db"] = Path(value)
                else:
                    opts[key] = value
        else:
            positional.append(arg)
        i += 1
    if len(positional) != (1 if command in TAKES_ARGUMENT else 0):
        return None
    if positional:
        opts["query"] = positional[0]
    return command, opts


def run(command: str, o: dict[str, Any]) -> int:
    from etr.cli import run as commands

    if command == "build":
        return commands.run_build(o["check"], o["add"] + o["files"], o["out"], o["report"], o["json_"], o["db"])
    if command in ("who", "where", "what"):
        return commands.run_lookup(command, o["query"], o["json_"], o["jsonl"], o["limit"], o["db"])
    if command == "when":
        return commands.run_when(o["query"], o["json_"], o["jsonl"], o["limit"], o["db"])
    if command == "search":
        return commands.run_search(o["query"], o["json_"], o["jsonl"], o["limit"], o["db"])
    if command == "show":
        return commands.run_show(o["query"], o["json_"], o["jsonl"], o["db"])
    if command == "timeline":
        return commands.run_timeline(o["from_"], o["to"], o["about"] or None, o["json_"], o["jsonl"], o["limit"], o["db"])
    return commands.run_sources(o["json_"], o["jsonl"], o["db"])


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here, Ctrl-C cleans up (exit 130)
    try:
        _main()
    except KeyboardInterrupt:  # Ctrl-C while modules are still loading
        sys.stderr.write("etr: interrupted\n")
        sys.exit(130)


def _main() -> None:
    argv = sys.argv[1:]
    parsed = parse(argv)
    if parsed is None:
        from etr.cli.app import main as cli_main

        cli_main(argv)
        return
    gc.disable()  # a query allocates many small objects and exits: collection only costs time
    try:
        code = run(*parsed)
    except KeyboardInterrupt:
        from etr.cli.run import stderr

        stderr("interrupted")
        code = 130
    except BrokenPipeError:
        from etr.cli.run import quiet_pipe

        quiet_pipe()
        code = 0
    except Exception as e:  # a bug: say so in one line rather than a traceback (and JSON under --json)
        from etr.cli.run import stderr

        message = f"internal error ({type(e).__name__}: {e}); please report it"
        if "--json" in argv:
            from etr.render import tables as render

            env = render.envelope(parsed[0], None, {}, [])
            env["error"] = {"code": 70, "message": render.clean(message)}
            sys.stdout.write(render.to_json(env))
        stderr(message)
        code = 70
    sys.exit(code)


if __name__ == "__main__":
    main()
