"""Baseline for bench/speed.py: the smallest useful Typer + Rich program.

One command that prints a one-row Rich table, so its cost is "start Python, import Typer,
parse argv, import Rich, render a table":

    .venv/bin/python bench/hello_typer.py hello
"""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str = "world") -> None:
    """Print a one-row table."""
    from rich.console import Console
    from rich.table import Table

    table = Table("greeting", "name")
    table.add_row("hello", name)
    Console().print(table)


@app.callback()
def main() -> None:
    """Hello-world baseline (the callback makes `hello` a sub-command, as commands are in etr)."""


if __name__ == "__main__":
    app()
