"""The `etr` entry point: the fast parser (etr.cli.fast) reads the command line, or, for help
and usage errors, the Typer app (etr.cli.app); both run the command through `execute`
(etr.cli.execute). Nothing imports etr.cli.
"""

from __future__ import annotations

import sys


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here, Ctrl-C cleans up (exit 130)
    try:
        code = _main(sys.argv[1:])
    except KeyboardInterrupt:  # Ctrl-C while modules are still loading
        sys.stderr.write("etr: interrupted\n")
        code = 130
    except Exception as e:
        from etr.errors import interrupted

        if not interrupted(e):  # Ctrl-C as Python wraps it while a module's class is made
            raise
        sys.stderr.write("etr: interrupted\n")
        code = 130
    sys.exit(code)


def _main(argv: list[str]) -> int:
    import os

    mode = os.environ.get("_ETR_COMPLETE", "")
    if mode.startswith("complete_"):  # a shell asking for completions: answered without Typer
        from etr.cli.complete import main as complete

        return complete()
    from etr.cli.fast import parse, switches_first

    argv = switches_first(argv)
    parsed = parse(argv)
    if parsed is None:
        from etr.cli.app import run

        return run(argv)
    import gc

    from etr.cli.execute import execute

    gc.disable()  # a command allocates many small objects and exits: collection only costs time
    return execute(*parsed)


if __name__ == "__main__":
    main()
