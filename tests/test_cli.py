"""The command line: JSON contract (schema-validated), exit codes, output forms, a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import DATA, ROOT
from etr.cli.app import app

SCHEMA = json.loads((ROOT / "data" / "output.schema.json").read_text())
ETR = str(Path(sys.executable).parent / "etr")


def run(*args: str, **env: str) -> Any:
    return CliRunner().invoke(app, list(args), env=env or None)


def as_json(result: Any) -> dict[str, Any]:
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    return doc


FOUND = [
    ("who", "Ehmetjan Qasimi"), ("who", "Kasimov"), ("where", "Ghulja"), ("where", "尼勒克镇"),
    ("what", "Resolution 324"), ("when", "1944-11"), ("when", "summer 1945"), ("when", "1944..1946"),
    ("when", "plane crash"), ("search", "who was the president of the ETR"), ("show", "ghulja"),
]


@pytest.mark.parametrize("command,query", FOUND)
def test_json_contract_and_exit_0(command: str, query: str) -> None:
    result = run(command, query, "--json")
    assert result.exit_code == 0, result.stderr
    doc = as_json(result)
    assert doc["command"] == command and doc["query"] == query and doc["results"]


def test_timeline_and_sources_json() -> None:
    doc = as_json(run("timeline", "--from", "1949-08", "--to", "1949-09", "--json"))
    values = [r["date"]["start"] for r in doc["results"]]
    assert values == sorted(values)
    assert all(r["date"]["end"] >= "1949-08-01" and r["date"]["start"] <= "1949-09-30" for r in doc["results"])
    doc = as_json(run("sources", "--json"))
    assert len(doc["results"]) == 3
    assert {s["id"] for s in doc["results"]} == {"etr", "kraus", "pact"}


def test_timeline_about() -> None:
    doc = as_json(run("timeline", "--about", "Deng Liqun", "--json"))
    assert doc["interpreted"]["about"] == ["Deng Liqun"]
    assert all(any(e["id"] == "deng-liqun" for e in r["entities"]) for r in doc["results"])


def test_who_profile_shape() -> None:
    ent = as_json(run("who", "Ehmetjan Kasimi", "--json"))["results"][0]
    assert ent["id"] == "ehmetjan-qasimi" and ent["matched"] == "Ehmetjan Qasimi" and ent["score"] < 100
    assert "Kasimov" in ent["aliases"]
    dates = [e["date"]["start"] for e in ent["events"]]
    assert dates == sorted(dates)
    assert any(r["name"] == "Abdukerim Abbasov" for r in ent["related"])
    assert all(c["quote"] for c in ent["statements"])


def test_show_event_has_context_and_anchor() -> None:
    ev = as_json(run("when", "Deng Liqun telegram to Mao", "--json"))["results"][0]
    shown = as_json(run("show", ev["id"], "--json"))["results"][0]
    assert shown["date"]["how"] == "relative" and "17 August 1949" in shown["date"]["anchor"]
    ctx = shown["context"]
    assert ctx["paragraph"][ctx["start"] : ctx["end"]] == shown["citations"][0]["quote"]


def test_when_period_marks_coarser_events() -> None:
    doc = as_json(run("when", "1944-11", "--json"))
    assert doc["interpreted"]["period"] == {"start": "1944-11-01", "end": "1944-11-30", "value": "1944-11"}
    within = [r["within"] for r in doc["results"]]
    assert within == sorted(within, reverse=True) and within[0] and not within[-1]


def test_jsonl_is_one_result_per_line() -> None:
    result = run("when", "1945", "--jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) > 5 and all(json.loads(line)["date"] for line in lines)


@pytest.mark.parametrize("args,code,message", [
    (["who", "Zzyzx Qwerty"], 1, "no match for 'Zzyzx Qwerty'"),
    (["who", "Ehmetjn Qasmi"], 0, ""),
    (["when", "1944-13"], 2, "month 13 does not exist"),
    (["when", "31 February 1944"], 2, "has no day 31"),
    (["when", "1946..1944"], 2, "ends before it starts"),
    (["when", "0000"], 2, "no year 0"),
    (["when", "1700"], 1, "no events dated within"),
    (["when", "   "], 2, "empty query"),
    (["show", "no-such-id"], 1, "no event, entity or sentence"),
    (["timeline", "--from", "banana"], 2, "is not a date"),
    (["who", "x", "--db", "/nonexistent/facts.json"], 3, "no fact base"),
])
def test_exit_codes_and_one_line_messages(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code, result.output
    if code:
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
        as_json(run(*args, "--json"))  # still one valid JSON document on stdout


def test_suggestions_on_no_match() -> None:
    result = run("where", "Ghuljx Yinging Kudlja")
    assert result.exit_code == 1 and "did you mean" in result.stderr


def test_ambiguous_short_name_shows_all_candidates() -> None:
    doc = as_json(run("who", "Ma", "--json"))
    assert doc["interpreted"]["ambiguous"] and len(doc["results"]) >= 4
    assert all(r["name"].startswith("Ma ") for r in doc["results"])


def test_piped_output_is_tsv_with_header() -> None:
    result = run("when", "1944-11")
    lines = result.stdout.splitlines()
    assert lines[0] == "date\tas_written\thow\tstatement\tsource\tid"
    assert all(len(line.split("\t")) == 6 for line in lines)


def test_terminal_output_is_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("when", "1944-11", ETR_TERMINAL="1")
    assert "┃ date" in result.stdout and "[ETR §Rebellion]" in result.stdout
    assert "Sources: ETR = " in result.stdout


def test_markup_in_query_is_shown_as_text() -> None:
    result = run("who", "[bold red]Kasimov[/]", ETR_TERMINAL="1")
    assert result.exit_code in (0, 1)
    assert "\x1b" not in result.stdout + result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("etr 0.")


def test_build_check_passes_on_committed_fact_base() -> None:
    result = run("build", "--check")
    assert result.exit_code == 0, result.stderr


def test_build_check_fails_on_other_file(tmp_path: Path) -> None:
    other = tmp_path / "facts.json"
    other.write_text((ROOT / "data" / "facts.json").read_text().replace('"Ghulja"', '"Gulja"', 1))
    result = run("build", "--check", "--db", str(other))
    assert result.exit_code == 1 and "differs" in result.stderr


def test_build_out_writes_there_only(tmp_path: Path) -> None:
    out = tmp_path / "f.json"
    before = (ROOT / "data" / "facts.json").read_bytes()
    result = run("build", "--out", str(out))
    assert result.exit_code == 0 and out.read_bytes() == before


def test_extract_json(tmp_path: Path) -> None:
    doc = tmp_path / "n.txt"
    doc.write_text("Kuldja fell on 7 November 1944. Six days later Ali Khan Tura spoke.\n", encoding="utf-8")
    rows = as_json(run("extract", str(doc), "--json"))["results"]
    kinds = [(r["kind"], r["text"]) for r in rows]
    assert ("date", "7 November 1944") in kinds and ("date", "Six days later") in kinds
    assert ("entity", "Kuldja") in kinds and ("entity", "Ali Khan Tura") in kinds
    assert next(r for r in rows if r["text"] == "Six days later")["value"] == "1944-11-13"


TIMEML_DOC = ("March 4, 1998\n\nTIHWA (AP) _ The talks ended Tuesday at 6 p.m. & resume next week; "
              "prices rose <3%> from 1994 to 1997 and are now falling daily.\r\nThe truce held for three years.\n")


def test_extract_timeml(tmp_path: Path) -> None:
    """`--format timeml`: an XML document whose text, tags stripped, is the file's, each date a TIMEX3."""
    import xml.etree.ElementTree as ET

    doc = tmp_path / "story.txt"
    doc.write_bytes(TIMEML_DOC.encode("utf-8"))
    result = run("extract", str(doc), "--format", "timeml")
    assert result.exit_code == 0, result.stderr
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "TimeML" and root.findtext("DOCID") == "story.txt"
    text = root.find("TEXT")
    assert text is not None and "".join(text.itertext()) == TIMEML_DOC
    tags = [(t.text, t.get("type"), t.get("value"), t.get("mod")) for t in text.iter("TIMEX3")]
    assert ("Tuesday", "DATE", "1998-03-03", None) in tags
    assert ("6 p.m.", "TIME", "1998-03-03T18:00", None) in tags
    assert ("next week", "DATE", "1998-W11", None) in tags
    assert ("now", "DATE", "PRESENT_REF", None) in tags
    assert ("daily", "SET", "P1D", None) in tags
    assert ("three years", "DURATION", "P3Y", None) in tags
    # a range: a duration between two points, each an empty TIMEX3
    span = next(t for t in text.iter("TIMEX3") if t.text == "1994 to 1997")
    assert (span.get("type"), span.get("value")) == ("DURATION", "P4Y")
    ends = {t.get("tid"): t.get("value") for t in text.iter("TIMEX3") if t.text is None}
    assert (ends[span.get("beginPoint")], ends[span.get("endPoint")]) == ("1994", "1997")


def test_extract_jsonl_types_values_mods(tmp_path: Path) -> None:
    doc = tmp_path / "story.txt"
    doc.write_text("March 4, 1998\n\nThe mill closed nearly two years ago and reopened late last month.\n", encoding="utf-8")
    rows = [json.loads(x) for x in run("extract", str(doc), "--jsonl").stdout.splitlines()]
    dates = {r["text"]: (r["type"], r["value"], r["mod"]) for r in rows if r["kind"] == "date"}
    assert dates["nearly two years ago"] == ("DATE", "1996", "LESS_THAN")
    assert dates["late last month"] == ("DATE", "1998-02", "LATE")


@pytest.mark.parametrize("args", [["--format", "xml"], ["--format", "timeml", "--json"], ["--format", "timeml", "--jsonl"]])
def test_extract_format_usage_errors(tmp_path: Path, args: list[str]) -> None:
    doc = tmp_path / "story.txt"
    doc.write_text("March 4, 1998\n\nThe talks ended Tuesday.\n", encoding="utf-8")
    assert run("extract", str(doc), *args).exit_code == 2


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ETR_")}
    env.update({"ETR_QUIET": "1", "ETR_HOME": extra.pop("home", "/nonexistent-etr-home")})
    env.update(extra)
    return env


def test_installed_etr_in_a_real_process() -> None:
    proc = subprocess.run([ETR, "who", "Ehmetjan Qasimi", "--json"], capture_output=True, text=True,
                          env=subprocess_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert {"1947-08-12", "1949-08-25", "1949-08-27", "1949-09-03"} <= {e["date"]["value"] for e in doc["results"][0]["events"]}


def test_real_process_usage_error_is_one_line() -> None:
    proc = subprocess.run([ETR, "who"], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    proc = subprocess.run([ETR, "who", "--json"], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert proc.returncode == 2 and json.loads(proc.stdout)["error"]["code"] == 2


def test_real_process_missing_fact_base_exit_3(tmp_path: Path) -> None:
    proc = subprocess.run([ETR, "when", "1944"], capture_output=True, text=True, timeout=60,
                          env=subprocess_env(ETR_DB=str(tmp_path / "gone.json")))
    assert proc.returncode == 3 and "gone.json" in proc.stderr


FAST_PATH_CASES = [
    ["who", "Kasimov", "--json"], ["where", "Kuldja", "--limit", "2"], ["what", "Resolution 324", "--jsonl"],
    ["when", "1944-11", "-n", "3"], ["when", "plane crash", "--json", "--limit=2"], ["search", "mustard gas"],
    ["show", "ghulja", "--json"], ["timeline", "--from", "1949-08", "--to", "1949-09", "--about", "Deng Liqun"],
    ["sources"], ["who", "Zzyzx"], ["when", "1944-13", "--json"], ["who", "x", "--db", "/nonexistent/f.json"],
]


@pytest.mark.parametrize("args", FAST_PATH_CASES, ids=[" ".join(a) for a in FAST_PATH_CASES])
def test_fast_path_answers_like_the_typer_app(args: list[str]) -> None:
    """`etr` answers plain queries without importing Typer; both paths must agree exactly."""
    _both_paths_agree(args)


def _both_paths_agree(args: list[str]) -> None:
    """The fast path takes `args`, and a real `etr` process answers exactly as the Typer app does."""
    from etr.cli.fast import parse

    assert parse(args) is not None
    proc = subprocess.run([ETR, *args], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    typer_result = run(*args)
    assert proc.returncode == typer_result.exit_code
    assert proc.stdout == typer_result.stdout
    assert proc.stderr == typer_result.stderr


@pytest.mark.parametrize("args", [
    [], ["who"], ["who", "a", "b"], ["who", "--help"], ["who", "x", "--limit", "0"], ["who", "x", "--bogus"],
    ["build", "--help"], ["build", "--bogus"], ["build", "--add"], ["build", "--check=1"], ["extract"], ["timeline", "--about"], ["sources", "--limit", "3"], ["who", "x", "--json=1"],
])
def test_fast_path_leaves_the_rest_to_typer(args: list[str]) -> None:
    from etr.cli.fast import parse

    assert parse(args) is None


BUILD_CASES = [
    ["build", "--check"], ["build", "--check", "--json"], ["build", "--add", "{tmp}/missing.txt", "--out", "{tmp}/f.json"],
    ["build", "--add={telegram}", "--out", "{tmp}/f.json", "--json"], ["build", "{telegram}", "--report", "--out", "{tmp}/g.json"],
    ["build", "--out", "{tmp}"],
]


@pytest.mark.parametrize("args", BUILD_CASES, ids=[" ".join(a) for a in BUILD_CASES])
def test_fast_path_builds_like_the_typer_app(args: list[str], tmp_path: Path) -> None:
    """`etr build` with a thousand --add options skips Typer's parsing too; both paths agree."""
    _both_paths_agree([a.format(tmp=tmp_path, telegram=DATA / "sample_telegram.txt") for a in args])


def test_fast_path_does_not_import_typer() -> None:
    code = ("import sys, runpy; sys.argv=['etr','who','Kasimov','--json'];"
            "import etr.cli.main as m\ntry: m.main()\nexcept SystemExit: pass\n"
            "sys.stderr.write(str('typer' in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert proc.stderr.endswith("False") and json.loads(proc.stdout)["results"]
