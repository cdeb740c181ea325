"""The console script's entry point: Ctrl-C is answered quietly from the first moment.

Until etr.main takes over (and turns Ctrl-C into exit 130 with a clean-up), an interrupt while
modules load ends the process with one line and exit 130 instead of a traceback. Nothing else
imports this module, so importing etr as a library leaves signal handling alone.
"""

import os
import signal


def _interrupted(signum: int, frame: object) -> None:
    os.write(2, b"etr: interrupted\n")
    os._exit(130)


signal.signal(signal.SIGINT, _interrupted)


def main() -> None:
    from etr.main import main as run

    run()
