"""etr: cited fact lookup for the history of the Second East Turkestan Republic."""

__version__ = "0.1.0"


def _quiet_interrupts_for_the_console_script() -> None:
    """Run as the `etr` command, Ctrl-C while modules load ends with one line and exit 130 (the
    entry point takes over from there). Imported as a library, etr leaves signals alone."""
    import os
    import sys

    if not sys.argv or os.path.basename(sys.argv[0]) not in ("etr", "etr.exe"):
        return
    import signal

    def interrupted(signum: int, frame: object) -> None:
        os.write(2, b"etr: interrupted\n")
        os._exit(130)

    signal.signal(signal.SIGINT, interrupted)


_quiet_interrupts_for_the_console_script()
