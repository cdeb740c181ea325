"""The command line: JSON contract (schema-validated), exit codes, output forms, a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import (
    COMMITTED,
    ETR,
    IMPOSSIBLE_DATES,
    ROOT,
    SAMPLE_TELEGRAM_DOC,
    cli,
    etr_env,
    foreign_escapes,
)

SCHEMA = json.loads((ROOT / "data" / "output.schema.json").read_text())


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
    result = cli(command, query, "--json")
    assert result.exit_code == 0, result.stderr
    doc = as_json(result)
    assert doc["command"] == command and doc["query"] == query and doc["results"]


def test_timeline_and_sources_json() -> None:
    doc = as_json(cli("timeline", "--from", "1949-08", "--to", "1949-09", "--json"))
    values = [r["date"]["start"] for r in doc["results"]]
    assert values == sorted(values)
    assert all(r["date"]["end"] >= "1949-08-01" and r["date"]["start"] <= "1949-09-30" for r in doc["results"])
    doc = as_json(cli("sources", "--json"))
    assert len(doc["results"]) == 3
    assert {s["id"] for s in doc["results"]} == {"etr", "kraus", "pact"}


def test_timeline_about() -> None:
    doc = as_json(cli("timeline", "--about", "Deng Liqun", "--json"))
    assert doc["interpreted"]["about"] == ["Deng Liqun"]
    assert all(any(e["id"] == "deng-liqun" for e in r["entities"]) for r in doc["results"])


def test_who_profile_shape() -> None:
    ent = as_json(cli("who", "Ehmetjan Kasimi", "--json"))["results"][0]
    assert ent["id"] == "ehmetjan-qasimi" and ent["matched"] == "Ehmetjan Qasimi" and ent["score"] < 100
    assert "Kasimov" in ent["aliases"]
    dates = [e["date"]["start"] for e in ent["events"]]
    assert dates == sorted(dates)
    assert any(r["name"] == "Abdukerim Abbasov" for r in ent["related"])
    assert all(c["quote"] for c in ent["statements"])


def test_show_event_has_context_and_anchor() -> None:
    ev = as_json(cli("when", "Deng Liqun telegram to Mao", "--json"))["results"][0]
    shown = as_json(cli("show", ev["id"], "--json"))["results"][0]
    assert shown["date"]["how"] == "relative" and "17 August 1949" in shown["date"]["anchor"]
    ctx = shown["context"]
    assert ctx["paragraph"][ctx["start"] : ctx["end"]] == shown["citations"][0]["quote"]


def test_when_period_marks_coarser_events() -> None:
    doc = as_json(cli("when", "1944-11", "--json"))
    assert doc["interpreted"]["period"] == {"start": "1944-11-01", "end": "1944-11-30", "value": "1944-11"}
    within = [r["within"] for r in doc["results"]]
    assert within == sorted(within, reverse=True) and within[0] and not within[-1]


def test_jsonl_is_one_result_per_line() -> None:
    result = cli("when", "1945", "--jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) > 5 and all(json.loads(line)["date"] for line in lines)


@pytest.mark.parametrize("args,code,message", [
    (["who", "Zzyzx Qwerty"], 1, "no match for 'Zzyzx Qwerty'"),
    (["who", "Ehmetjn Qasmi"], 0, ""),
    *[(["when", date], 2, message) for date, message in IMPOSSIBLE_DATES.values()],
    (["when", "1700"], 1, "no events dated within"),
    (["when", "   "], 2, "empty query"),
    (["show", "no-such-id"], 1, "no event, entity or sentence"),
    (["timeline", "--from", "banana"], 2, "is not a date"),
    (["who", "x", "--db", "/nonexistent/facts.json"], 3, "no fact base"),
])
def test_exit_codes_and_one_line_messages(args: list[str], code: int, message: str) -> None:
    result = cli(*args)
    assert result.exit_code == code, result.output
    if code:
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
        as_json(cli(*args, "--json"))  # still one valid JSON document on stdout


def test_suggestions_on_no_match() -> None:
    result = cli("where", "Ghuljx Yinging Kudlja")
    assert result.exit_code == 1 and "did you mean" in result.stderr


def test_ambiguous_short_name_shows_all_candidates() -> None:
    doc = as_json(cli("who", "Ma", "--json"))
    assert doc["interpreted"]["ambiguous"] and len(doc["results"]) >= 4
    assert all(r["name"].startswith("Ma ") for r in doc["results"])


def test_piped_output_is_tsv_with_header() -> None:
    result = cli("when", "1944-11")
    lines = result.stdout.splitlines()
    assert lines[0] == "date\tas_written\thow\tstatement\tsource\tid"
    assert all(len(line.split("\t")) == 6 for line in lines)


def test_terminal_output_is_laid_out_for_a_person() -> None:
    result = cli("when", "1944-11", ETR_TERMINAL="1", COLUMNS="80")
    rows = result.stdout.splitlines()
    assert rows[0] == "1944-11-01 to 1944-11-30  (~ = known only more coarsely)"
    assert rows[1].split() == ["date", "statement", "source"] and set(rows[2]) == {"─", " "}
    assert "ETR §Rebellion" in result.stdout and "Sources: ETR = " in result.stdout
    assert max(len(r) for r in rows) <= 80


def test_markup_in_query_is_shown_as_text() -> None:
    """Nothing reads markup: the query comes back in the message exactly as typed."""
    result = cli("who", "[bold red]Kasimov[/]", ETR_TERMINAL="1")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("etr: no match for '[bold red]Kasimov[/]'")
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1


HOSTILE_DOCUMENT = (
    "= Hostile [bold red]Title[/] =\n\n"
    "The [bold red]rebels[/] met in Ghulja on 12 November 1944 and read \x1b[31mred\x1b[0m notes "
    "\x1b]0;pwned\x07there.\n"
    "Ehmetjan Qasimi signed the [link=file:///etc/passwd]treaty[/link] in Urumqi in June 1946.\x1b[2J\n"
)


def test_a_styled_terminal_gets_only_etr_s_own_escapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With styles on (a terminal, no NO_COLOR), etr sends its own SGR codes and nothing else:
    escapes in a document or a query are removed, markup in them is shown as it is written."""
    monkeypatch.delenv("NO_COLOR")
    doc, db = tmp_path / "hostile.txt", tmp_path / "facts.json"
    doc.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    assert cli("build", "--add", str(doc), "--out", str(db)).exit_code == 0
    shown = {}
    for args in (["when", "1944-11-12"], ["when", "1946-06"], ["sources"], ["who", "Qasimi"],
                 ["who", "[bold red]Kasimov[/] \x1b[31mred\x1b]0;pwned\x07"]):
        result = cli(*args, "--db", str(db), ETR_TERMINAL="1", TERM="xterm-256color")
        assert result.exit_code in (0, 1), result.output
        assert foreign_escapes(result.stdout + result.stderr) == "", args
        shown[args[-1]] = result.stdout + result.stderr
    assert "\x1b[1m" in shown["Qasimi"]  # styles are on: the check above is not vacuous
    assert "The [bold red]rebels[/] met in Ghulja on 12 November" in shown["1944-11-12"]
    assert "1944 and read red notes there." in shown["1944-11-12"]
    assert "[link=file:///etc/passwd]treaty[/link]" in shown["1946-06"]
    assert "Hostile [bold red]Title[/]" in shown["sources"]
    # a query's control characters become spaces (etr.query.core.clean_query): what is left is text
    assert "no match for '[bold red]Kasimov[/] [31mred ]0;pwned'" in shown["[bold red]Kasimov[/] \x1b[31mred\x1b]0;pwned\x07"]


def test_version() -> None:
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("etr 0.")


def test_build_check_reads_the_packaged_fact_base_by_default(fresh_text: str) -> None:
    """Whether the committed file is current is test_build.py's one question; here: which file."""
    result = cli("build", "--check")
    assert result.exit_code == (0 if COMMITTED.read_text(encoding="utf-8") == fresh_text else 1)
    assert result.stderr.startswith(f"etr: {COMMITTED} ")


def test_build_check_passes_on_a_current_file(tmp_path: Path, fresh_text: str) -> None:
    current = tmp_path / "facts.json"
    current.write_text(fresh_text, encoding="utf-8")
    result = cli("build", "--check", "--db", str(current))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"etr: {current} is what `etr build` produces (")


def _swap_two_letters_in_a_quote(text: str) -> str:
    """`text` with two neighbouring letters of its first quote swapped: same length, same characters."""
    i = text.index('"quote": "') + len('"quote": "')
    j = next(k for k in range(i, len(text)) if text[k].isalpha() and text[k + 1].isalpha() and text[k] != text[k + 1])
    return text[:j] + text[j + 1] + text[j] + text[j + 2 :]


@pytest.mark.parametrize("edit", [
    pytest.param(lambda t: t.replace('"Ghulja"', '"Gulja"', 1), id="one letter fewer"),
    pytest.param(_swap_two_letters_in_a_quote, id="two letters of a quote swapped"),
])
def test_build_check_fails_on_other_file(tmp_path: Path, fresh_text: str, edit: Callable[[str], str]) -> None:
    other = tmp_path / "facts.json"
    other.write_text(edit(fresh_text), encoding="utf-8")
    assert other.read_text(encoding="utf-8") != fresh_text
    result = cli("build", "--check", "--db", str(other))
    assert result.exit_code == 1
    assert result.stderr == (f"etr: {other} differs from what `etr build` produces; "
                             "run `etr build` and commit the result\n")


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder`: its size and modification time."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_build_out_writes_there_only(tmp_path: Path, isolated_env: Path, fresh_text: str) -> None:
    """`--out F` writes F and its index beside it, and nothing else: not the packaged fact base,
    not the user's. The empty F.lock stays by design: filelock keeps a lock file on POSIX, since
    removing it on release would let a waiting build lock a file a third build no longer sees."""
    out = tmp_path / "out" / "f.json"
    packaged, data = COMMITTED.read_bytes(), _files(COMMITTED.parent)
    result = cli("build", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == fresh_text
    assert COMMITTED.read_bytes() == packaged and _files(COMMITTED.parent) == data  # bytes, sizes, mtimes
    assert sorted(_files(tmp_path)) == ["out", "out/f.json", "out/f.json.index.sqlite", "out/f.json.lock"]
    assert (out.parent / "f.json.lock").stat().st_size == 0
    assert not _files(isolated_env)


def test_extract_json(tmp_path: Path) -> None:
    doc = tmp_path / "n.txt"
    doc.write_text("Kuldja fell on 7 November 1944. Six days later Ali Khan Tura spoke.\n", encoding="utf-8")
    rows = as_json(cli("extract", str(doc), "--json"))["results"]
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
    result = cli("extract", str(doc), "--format", "timeml")
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
    rows = [json.loads(x) for x in cli("extract", str(doc), "--jsonl").stdout.splitlines()]
    dates = {r["text"]: (r["type"], r["value"], r["mod"]) for r in rows if r["kind"] == "date"}
    assert dates["nearly two years ago"] == ("DATE", "1996", "LESS_THAN")
    assert dates["late last month"] == ("DATE", "1998-02", "LATE")


@pytest.mark.parametrize("args", [["--format", "xml"], ["--format", "timeml", "--json"], ["--format", "timeml", "--jsonl"]])
def test_extract_format_usage_errors(tmp_path: Path, args: list[str]) -> None:
    doc = tmp_path / "story.txt"
    doc.write_text("March 4, 1998\n\nThe talks ended Tuesday.\n", encoding="utf-8")
    assert cli("extract", str(doc), *args).exit_code == 2


def test_installed_etr_in_a_real_process() -> None:
    proc = subprocess.run([ETR, "who", "Ehmetjan Qasimi", "--json"], capture_output=True, text=True,
                          env=etr_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert {"1947-08-12", "1949-08-25", "1949-08-27", "1949-09-03"} <= {e["date"]["value"] for e in doc["results"][0]["events"]}


def test_real_process_usage_error_is_one_line() -> None:
    proc = subprocess.run([ETR, "who"], capture_output=True, text=True, env=etr_env(), timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    proc = subprocess.run([ETR, "who", "--json"], capture_output=True, text=True, env=etr_env(), timeout=60)
    assert proc.returncode == 2 and json.loads(proc.stdout)["error"]["code"] == 2


def test_real_process_missing_fact_base_exit_3(tmp_path: Path) -> None:
    proc = subprocess.run([ETR, "when", "1944"], capture_output=True, text=True, timeout=60,
                          env=etr_env(ETR_DB=str(tmp_path / "gone.json")))
    assert proc.returncode == 3 and "gone.json" in proc.stderr


FAST_PATH_CASES = [
    ["who", "Kasimov", "--json"], ["where", "Kuldja", "--limit", "2"], ["what", "Resolution 324", "--jsonl"],
    ["when", "1944-11", "-n", "3"], ["when", "plane crash", "--json", "--limit=2"], ["search", "mustard gas"],
    ["show", "ghulja", "--json"], ["timeline", "--from", "1949-08", "--to", "1949-09", "--about", "Deng Liqun"],
    ["sources"], ["who", "Zzyzx"], ["when", "1944-13", "--json"], ["who", "x", "--db", "/nonexistent/f.json"],
    # a name or question typed without quotes: its words are one query
    ["who", "Ehmetjan", "Qasimi", "--json"], ["when", "plane", "crash", "-n", "2"], ["search", "--json", "who", "was", "Osman"],
]


@pytest.mark.parametrize("args", FAST_PATH_CASES, ids=[" ".join(a) for a in FAST_PATH_CASES])
def test_fast_path_answers_like_the_typer_app(args: list[str]) -> None:
    """`etr` answers plain queries without importing Typer; both paths must agree exactly."""
    _both_paths_agree(args)


def _both_paths_agree(args: list[str]) -> None:
    """The fast path takes `args`, and a real `etr` process answers exactly as the Typer app does."""
    from etr.cli.fast import parse

    assert parse(args) is not None
    proc = subprocess.run([ETR, *args], capture_output=True, text=True, env=etr_env(), timeout=120)
    typer_result = cli(*args)
    assert proc.returncode == typer_result.exit_code
    assert proc.stdout == typer_result.stdout
    assert proc.stderr == typer_result.stderr


@pytest.mark.parametrize("args", [
    [], ["who"], ["show", "a", "b"], ["who", "--help"], ["who", "x", "--limit", "0"], ["who", "x", "--bogus"],
    ["build", "--help"], ["build", "--bogus"], ["build", "--add"], ["build", "--check=1"], ["extract"], ["timeline", "--about"], ["sources", "--from", "3"], ["who", "x", "--json=1"],
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
    _both_paths_agree([a.format(tmp=tmp_path, telegram=SAMPLE_TELEGRAM_DOC) for a in args])


def test_fast_path_does_not_import_typer() -> None:
    code = ("import sys, runpy; sys.argv=['etr','who','Kasimov','--json'];"
            "import etr.cli.main as m\ntry: m.main()\nexcept SystemExit: pass\n"
            "sys.stderr.write(str('typer' in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=etr_env(), timeout=60)
    assert proc.stderr.endswith("False") and json.loads(proc.stdout)["results"]


@pytest.mark.parametrize("query,suggested", [
    ("Kasimovxx Qwerty", "did you mean: Ehmetjan Qasimi?"),
    ("Zzyzx Qwerty", None),  # nothing is close: no far guess ("Nazi Germany")
])
def test_nothing_found_suggests_only_close_names(query: str, suggested: str | None) -> None:
    result = cli("who", query)
    assert result.exit_code == 1
    assert (suggested in result.stderr) if suggested else ("did you mean" not in result.stderr)


@pytest.mark.parametrize("argv,message", [
    (["wohh", "x"], "No such command 'wohh'. Did you mean 'who'?"),
    (["sourcse"], "No such command 'sourcse'. Did you mean 'sources'?"),
    (["zzz"], "No such command 'zzz'. (see etr --help)"),
])
def test_a_mistyped_command_gets_a_suggestion(argv: list[str], message: str) -> None:
    proc = subprocess.run([ETR, *argv], capture_output=True, text=True, env=etr_env(), timeout=60)
    assert proc.returncode == 2 and message in proc.stderr and proc.stderr.count("Did you mean") <= 1


@pytest.mark.parametrize("via", ["fast path", "typer"])
def test_contradictory_flags_are_a_usage_error(via: str) -> None:
    args = ["who", "Kasimov", "--json", "--jsonl"]
    if via == "typer":
        result = cli(*args)
        code, out, err = result.exit_code, result.stdout, result.stderr
    else:
        proc = subprocess.run([ETR, *args], capture_output=True, text=True, env=etr_env(), timeout=60)
        code, out, err = proc.returncode, proc.stdout, proc.stderr
    assert code == 2 and "--json and --jsonl cannot be used together" in err
    assert json.loads(out)["error"]["code"] == 2


@pytest.mark.parametrize("words", [["Ehmetjan", "Qasimi"], ["plane", "crash"], ["Wu", "Chung-hsin", "chairman", "1945"]])
@pytest.mark.parametrize("command", ["who", "when", "search"])
def test_words_without_quotes_are_one_query(command: str, words: list[str]) -> None:
    """`etr who Ehmetjan Qasimi` asks what `etr who "Ehmetjan Qasimi"` asks, as a shell user
    types it: the same answer, the same envelope ("query" holds the words joined)."""
    quoted, unquoted = cli(command, " ".join(words), "--json"), cli(command, *words, "--json")
    assert unquoted.exit_code == quoted.exit_code and unquoted.stdout == quoted.stdout
    assert as_json(unquoted)["query"] == " ".join(words)
