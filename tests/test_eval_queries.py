"""The example queries, run as the evaluation runs them: `etr CMD QUERY --json`, checked by its rules."""

from __future__ import annotations

import json

import pytest
from evalcheck import COMMAND, check
from typer.testing import CliRunner

from conftest import DATA, load_jsonl
from etr.cli import app

CASES = load_jsonl(DATA / "dev_queries.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_dev_query(case: dict) -> None:
    result = CliRunner().invoke(app, [COMMAND[case["kind"]], case["query"], "--json"])
    assert result.exit_code == 0, result.output
    assert check(case, json.loads(result.stdout)) == []
