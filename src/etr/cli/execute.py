"""The one error boundary: every command, from either parser, runs through `execute`.

It runs the command's handler (etr.cli.handlers) and prints the answer in the form asked for
(etr.cli.output); every EtrError becomes one stderr line and its exit code (0 found, 1 nothing
found, 2 usage, 3 fact base problem), a bug one line and 70, Ctrl-C 130; under --json stdout
still holds one JSON document.
"""

from __future__ import annotations

from etr.cli.commands import EXCLUSIVE, Command
from etr.cli.output import Output, progress, quiet_pipe, stderr
from etr.errors import interrupted

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any


def _query_of(cmd: Command, o: dict[str, Any]) -> Any:
    """What the JSON envelope says was asked."""
    if cmd.query_key is not None:
        q = o[cmd.query_key]
        return q if isinstance(q, str) or q is None else str(q)
    if cmd.name == "timeline":
        return {"from": o["from_"], "to": o["to"], "about": o["about"] or []}
    return None


def execute(cmd: Command, o: dict[str, Any]) -> int:
    """Run `cmd` with options `o` and print its answer; the exit code."""
    from etr.errors import BadQuery, EtrError

    out = Output(cmd.name, _query_of(cmd, o), bool(o.get("json_")), bool(o.get("jsonl")))
    try:
        for a, b in EXCLUSIVE:
            if o.get(a) and o.get(b):
                flag = {x.key: x.flags[0] for x in cmd.options}
                raise BadQuery(f"{flag[a]} and {flag[b]} cannot be used together; choose one")
        from etr.cli.handlers import HANDLERS

        answer = HANDLERS[cmd.handler](cmd.name, {**o, "progress": progress})
        return out.answer(answer)
    except EtrError as e:
        return out.fail(e)
    except KeyboardInterrupt:
        stderr("interrupted")
        return 130
    except BrokenPipeError:
        quiet_pipe()
        return 0
    except Exception as e:  # a bug: one line (and a JSON envelope) rather than a traceback
        if interrupted(e):  # Ctrl-C inside a class being made ("Error calling __set_name__"): Python wraps it
            stderr("interrupted")
            return 130
        return out.fail(EtrError(f"internal error ({type(e).__name__}: {e}); please report it"), 70)
