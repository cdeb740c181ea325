"""The README is true: its examples are real output, and it documents every command."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

import readme_blocks
from etr.cli.app import app

TEXT = readme_blocks.README.read_text(encoding="utf-8")
COMMANDS = sorted(c.name for c in app.registered_commands if c.name) or sorted(
    c.callback.__name__ for c in app.registered_commands if c.callback
)


@pytest.mark.parametrize("command,expected", readme_blocks.blocks(TEXT), ids=[c for c, _ in readme_blocks.blocks(TEXT)])
def test_readme_example_output_is_current(command: str, expected: str) -> None:
    assert readme_blocks.run(command) == expected, "run `python tests/readme_blocks.py` to refresh README.md"


def test_readme_first_commands_install_and_run() -> None:
    fences = re.findall(r"```bash\n(.*?)\n```", TEXT, re.S)
    assert "pip install -e . && .venv/bin/etr who \"Ehmetjan Qasimi\"" in fences[0]
    assert fences[1].endswith(".venv/bin/pytest")
    ci = (readme_blocks.ROOT / ".ci" / "run").read_text()
    assert fences[1] in ci


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) > 3
    assert f"etr {command}" in TEXT


@pytest.mark.parametrize("option", ["--json", "--jsonl", "--limit", "--db", "--from", "--to", "--about",
                                    "--check", "--add", "--out", "--report", "--format"])
def test_every_option_is_documented(option: str) -> None:
    assert option in TEXT
