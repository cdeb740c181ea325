"""The docs are true: their examples are real output, every command's --help is in them, the
README is the short front door it says it is."""

from __future__ import annotations

import re

import pytest

import docs_blocks
from conftest import ROOT, cli
from etr.cli.commands import COMMANDS

README = docs_blocks.README.read_text(encoding="utf-8")
COMMANDS_MD = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
EXAMPLES = docs_blocks.examples()


@pytest.mark.parametrize("page,command,expected", EXAMPLES,
                         ids=[f"{p.name}: {c}" for p, c, _ in EXAMPLES])
def test_doc_example_output_is_current(page: object, command: str, expected: str) -> None:
    assert docs_blocks.run(command) == expected, "run `python tests/docs_blocks.py` to refresh the docs"


def test_examples_use_stable_ids_not_hashes() -> None:
    assert not [c for _p, c, _o in EXAMPLES if re.search(r"\b[ces]-[a-z0-9-]+-[0-9a-f]{8}\b", c)]


def test_readme_first_commands_install_and_run() -> None:
    fences = re.findall(r"```bash\n(.*?)\n```", README, re.S)
    assert "pip install -e . && .venv/bin/etr who \"Ehmetjan Qasimi\"" in fences[0]
    assert fences[1].endswith(".venv/bin/pytest")
    assert fences[1] in (ROOT / ".ci" / "run").read_text()


def test_readme_is_a_front_door() -> None:
    assert len(README.splitlines()) <= 150
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"(docs/{page.name})" in README, f"README does not link docs/{page.name}"


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_command_has_help_and_is_documented(command: str) -> None:
    result = cli(command, "--help", COLUMNS="100")
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) > 3
    assert f"$ etr {command} --help\n" in COMMANDS_MD
    assert f"## etr {command}\n" in COMMANDS_MD
    assert len([c for p, c, _ in EXAMPLES if p.name == "commands.md" and c.split()[:2] == ["etr", command]]) >= 2


@pytest.mark.parametrize("flag", sorted({f for c in COMMANDS for o in c.options for f in o.flags}))
def test_every_option_is_documented(flag: str) -> None:
    assert flag in COMMANDS_MD
