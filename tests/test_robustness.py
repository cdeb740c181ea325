"""Robustness: hostile queries, damaged fact bases and documents, kills, pipes and signals.

The contract (from the project's issue):
- any query a user can type gives exit 0, 1 or 2, a one-line message on stderr when nothing is
  found or the input is invalid, never a traceback; under --json stdout is exactly one JSON
  document (JSON lines under --jsonl); markup and escape sequences are shown, never obeyed;
- a bad document given to `etr build --add` gets a one-line error (exit 2) and leaves the
  existing fact base byte-identical;
- a damaged fact base gives exit 3 and a message naming the file and the problem;
- a killed build leaves the previous file intact; concurrent builds never mix;
- `| head` ends quietly; SIGINT gives exit 130 without a traceback.

Sections: (a) hostile query table, (b) hypothesis over the CLI, (c) hypothesis over the pure
functions, (d) fact-base damage, (e) kills and concurrent builds, (f) pipes and signals, plus the
documents given to `build --add` / `extract`. Tests whose docstring starts "Regression:" pin
violations this file found in etr (fixed since). If one is found again and cannot be fixed at
once, mark its test xfail(strict=True, reason="BUG: ...") so the fix shows up as XPASS.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import (
    COMMITTED,
    DAMAGE,
    ETR,
    IMPOSSIBLE_DATES,
    cli,
    etr_env,
    foreign_escapes,
    rewrite,
)
from etr.dates.forms import scan
from etr.dates.periods import Period, parse_period
from etr.errors import BadDocument, BadQuery
from etr.ingest.documents import decode
from etr.ingest.sentences import read_document, split_sentences
from etr.store import facts as store
from etr.text.fold import fold

# --------------------------------------------------------------------------------- helpers

Mode = str  # "plain" | "rich" | "json" | "jsonl"
MODES: tuple[Mode, ...] = ("plain", "rich", "json", "jsonl")
MODE_FLAGS = {"plain": [], "rich": [], "json": ["--json"], "jsonl": ["--jsonl"]}


@pytest.fixture()
def fast_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speed for the many in-process runs over the *undamaged* fact base: the fact base is parsed
    once (keyed on the file's identity; conftest's `cli` builds the click command once). Loading
    itself is tested in (d)."""
    real_load = store.load
    loaded: dict[tuple[str, int, int, int], dict[str, Any]] = {}

    def load(path: Path) -> dict[str, Any]:
        try:
            st_ = Path(path).stat()
        except OSError:
            return real_load(path)
        key = (str(Path(path).resolve()), st_.st_ino, st_.st_size, st_.st_mtime_ns)
        if key not in loaded:
            loaded[key] = real_load(path)
        return loaded[key]

    monkeypatch.setattr(store, "load", load)


def _invoke(args: Sequence[str], mode: Mode = "plain") -> Any:
    return cli(*args, ETR_TERMINAL="1" if mode == "rich" else "0")


def assert_invariants(code: int, out: bytes, err: str, mode: Mode, *, codes: Sequence[int] = (0, 1, 2)) -> Any:
    """The invariants every run must keep; returns the parsed JSON document under --json."""
    assert code in codes, f"exit {code} not in {tuple(codes)}; stderr={err!r}"
    assert b"\x1b" not in out, f"raw ESC on stdout: {out[:300]!r}"
    assert "\x1b" not in err, f"raw ESC on stderr: {err!r}"
    text = out.decode("utf-8")  # stdout must be UTF-8
    assert "Traceback" not in text and "Traceback" not in err, err
    if code != 0:  # one line: one "\n" (U+2028 and friends are text to a terminal, not line breaks)
        assert err.endswith("\n") and err.count("\n") == 1 and err.startswith("etr: ") and err.strip() != "etr:", (
            f"expected a one-line message on stderr, got {err!r}")
    if mode == "json":
        doc = json.loads(text)  # exactly one document: trailing data raises
        assert isinstance(doc, dict)
        if code == 0:
            assert "error" not in doc and doc["results"], doc
        else:
            assert doc["error"]["code"] == code, doc
        return doc
    if mode == "jsonl":
        assert text == "" or text.endswith("\n")
        docs = [json.loads(line) for line in text.splitlines()]
        assert all(isinstance(d, dict) for d in docs)
        if code != 0:
            assert not docs
    return None


def check_cli(args: Sequence[str], mode: Mode, **kw: Any) -> tuple[Any, Any]:
    """Run through CliRunner in `mode` (flags are inserted before any `--`)."""
    args = list(args)
    flags = MODE_FLAGS[mode]
    if "--" in args:
        i = args.index("--")
        args = args[:i] + flags + args[i:]
    else:
        args = args + flags
    res = _invoke(args, mode)
    exc = res.exception
    assert exc is None or isinstance(exc, SystemExit), f"{type(exc).__name__}: {exc}"
    doc = assert_invariants(res.exit_code, res.stdout_bytes, res.stderr, mode, **kw)
    return res, doc


def run_etr(args: Sequence[str | bytes | os.PathLike[str]], *, env: dict[str, str] | None = None,
            timeout: float = 60, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([ETR, *map(_arg, args)], capture_output=True, timeout=timeout,
                          env=env if env is not None else etr_env(), **kw)


def _arg(a: str | bytes | os.PathLike[str]) -> str | bytes:
    return a if isinstance(a, bytes | str) else os.fspath(a)


def check_proc(p: subprocess.CompletedProcess[bytes], mode: Mode, **kw: Any) -> Any:
    return assert_invariants(p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), mode, **kw)


# ------------------------------------------------------------------ (a) hostile query table

HOSTILE: dict[str, str] = {
    "empty": "",
    "spaces": "   ",
    "whitespace-mix": " \t\n\r\x0b\x0c\u00a0\u2003 ",
    "one-megabyte": ("Ehmetjan Qasimi " * 70_000)[:1_000_000],
    "at-limit-500": "q" * 500,
    "over-limit-501": "q" * 501,
    "nul-inside": "qa\x00simi",
    "nul-only": "\x00",
    "c0-controls": "".join(chr(i) for i in range(1, 32)) + "\x7f",
    "c1-csi": "\x9b31mred\x9b0m \x85",
    "rtl-arabic": "أحمد جان قاسمي",
    "rtl-uyghur": "ئەخمەتجان قاسىمى",
    "rtl-override": "\u202eimisaq\u202c",
    "bidi-isolates": "\u2067Ghulja\u2069 \u200f",
    "zero-width": "qa\u200bsi\u200dmi\ufeff",
    "cjk": "伊宁 尼勒克镇",
    "emoji": "🔥💀🇺🇳👨‍👩‍👧 ☃",
    "combining": "Q\u0301\u0302\u0303a" + "\u0301" * 200,
    "markup-bold": "[bold red]x[/]",
    "markup-link": "[link=file:///etc]click[/link]",
    "markup-close": "[/]",
    "markup-escaped": "\\[bold]x",
    "markup-emoji-code": ":skull: :fire:",
    "ansi-sgr": "\x1b[31mred\x1b[0m",
    "ansi-osc8-link": "\x1b]8;;file:///etc/passwd\x07x\x1b]8;;\x07",
    "ansi-clear-screen": "\x1b[2J\x1b[H",
    "ansi-title": "\x1b]0;pwned\x07Ghulja",
    "ansi-bare-esc": "\x1b",
    **{f"date-{name}": date for name, (date, _) in IMPOSSIBLE_DATES.items()},
    "date-huge": "99999999",
    "option-like-json": "--json",
    "option-like-n": "-n",
    "format-strings": "%s%n%x{0}{}{name!r}",
    "backslashes": "\\x1b[31m\\u001b\\n",
    "quotes": "'\"`; DROP TABLE facts; --",
    "path-like": "../../../../etc/passwd",
    "newline-lines": "Ghulja\nUrumqi\r\nIli",
}

#: impossible dates: exit 2 from `when` and from `timeline --from/--to`
IMPOSSIBLE = {f"date-{name}" for name in IMPOSSIBLE_DATES}
EMPTY = {"empty", "spaces", "whitespace-mix", "nul-only", "c0-controls", "ansi-bare-esc"}
TOO_LONG = {"one-megabyte", "over-limit-501"}
MARKUP = {"markup-bold", "markup-link", "markup-close", "markup-escaped", "markup-emoji-code"}

# `where` and `what` share `who`'s code path; they run in the hypothesis tests below
QUERY_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "who": lambda q: ["who", "--", q],
    "when": lambda q: ["when", "--", q],
    "search": lambda q: ["search", "--", q],
    "show": lambda q: ["show", "--", q],
    "timeline-from": lambda q: ["timeline", f"--from={q}"],
    "timeline-to": lambda q: ["timeline", f"--to={q}"],
    "timeline-about": lambda q: ["timeline", f"--about={q}"],
}


def _expected_code(case: str, command: str) -> int | None:
    if command in ("timeline-from", "timeline-to"):
        if case == "empty":
            return 0  # an empty --from/--to is no bound at all
        if case in IMPOSSIBLE or case in TOO_LONG or case in EMPTY:
            return 2
        return None
    if case in EMPTY or case in TOO_LONG:
        return 2
    if command == "when" and case in IMPOSSIBLE:
        return 2
    return None


#: cases also run in plain-text and JSON-lines mode (every case runs as a Rich table and as JSON)
ALL_MODES = EMPTY | MARKUP | {"nul-inside", "c1-csi", "rtl-override", "bidi-isolates", "emoji", "ansi-sgr",
                              "ansi-osc8-link", "ansi-clear-screen", "date-month-13", "date-reversed", "newline-lines"}


@pytest.mark.usefixtures("fast_cli")
@pytest.mark.parametrize("command", list(QUERY_COMMANDS))
@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_query(case: str, command: str) -> None:
    q = HOSTILE[case]
    args = QUERY_COMMANDS[command](q)
    expected = _expected_code(case, command)
    codes = []
    for mode in MODES if case in ALL_MODES else ("rich", "json"):
        res, doc = check_cli(args, mode)
        codes.append(res.exit_code)
        if expected is not None:
            assert res.exit_code == expected, (mode, res.exit_code, res.stderr)
        if doc is not None and not command.startswith("timeline"):
            assert doc["query"] == q  # the query comes back exactly, as data
        if case in MARKUP and res.exit_code != 0:
            assert q in res.stderr or repr(q) in res.stderr  # shown literally, not interpreted as markup
    assert len(set(codes)) == 1, f"exit code depends on output mode: {codes}"


@pytest.mark.parametrize("case,command", [
    ("markup-bold", "who"), ("markup-link", "search"), ("ansi-sgr", "who"), ("ansi-osc8-link", "search"),
    ("rtl-override", "when"), ("emoji", "who"), ("date-reversed", "when"), ("date-31-february", "timeline-from"),
    ("date-month-13", "when"), ("quotes", "search"),
])
def test_hostile_query_subprocess(case: str, command: str) -> None:
    q = HOSTILE[case]
    for mode in ("plain", "json"):
        args = QUERY_COMMANDS[command](q)
        if mode == "json":
            args = [args[0], "--json", *args[1:]]
        p = run_etr(args)
        doc = check_proc(p, mode)
        expected = _expected_code(case, command)
        if expected is not None:
            assert p.returncode == expected
        if doc is not None and command != "timeline-from":
            assert doc["query"] == q


def test_long_query_subprocess() -> None:
    """A real argv holds at most 128 KiB per argument; 100,000 characters is as long as a shell allows."""
    q = "Ghulja " * 14_000
    for command in ("who", "when", "search"):
        p = run_etr([command, "--json", q])
        doc = check_proc(p, "json")
        assert p.returncode == 2 and doc["query"] == q


@pytest.mark.parametrize("argv,mode,code", [
    (["who", "--", "Ghulja", "--json"], "json", 0),
    (["when", "--", "1944-11", "--jsonl"], "jsonl", 0),
    (["what", "--", "\t", "--json"], "json", 2),
    (["who", "--", "Zzyzx Qwv", "--json"], "json", 1),
    (["who", "--", "-Qasimi"], "plain", 0),
], ids=lambda a: " ".join(a) if isinstance(a, list) else str(a))
def test_output_switch_after_double_dash(argv: list[str], mode: Mode, code: int) -> None:
    """After `--` every word is the query's, but --json and --jsonl still ask for JSON: a script
    that ends its line with --json gets one JSON document, whatever the query (`-Qasimi` stays a
    query)."""
    p = run_etr(argv)
    doc = check_proc(p, mode)
    assert p.returncode == code
    if mode == "json":
        assert doc["query"] == argv[2]


def test_bare_etr_shows_help() -> None:
    """`etr` alone is not an error: it prints its help on stdout."""
    p = run_etr([])
    assert p.returncode == 0 and b"Usage: etr" in p.stdout and p.stderr == b""


@pytest.mark.parametrize("argv", [
    ["who"], ["who", "--json"], ["nope"], ["nope", "--json"], ["--json"], ["show", "a", "b", "--json"],
    ["timeline", "-n", "0", "--json"], ["timeline", "--limit", "x"], ["timeline", "--bogus", "--jsonl"],
    ["build", "--add"], ["extract"], ["show", "--limit", "3", "x"], ["when", "--from", "1944"],
    ["who", "--json=1", "x"], ["who", "x", "--db"], ["who", "-n", "-1", "x", "--json"], ["sources", "extra"],
    ["timeline", "--about"], ["search", "--limit=", "x"],
], ids=lambda a: " ".join(a) or "(no arguments)")
def test_usage_errors_subprocess(argv: list[str]) -> None:
    """Through main(): usage errors are one line on stderr, exit 2, and one JSON document under --json."""
    p = run_etr(argv)
    mode = "json" if "--json" in argv else "jsonl" if "--jsonl" in argv else "plain"
    check_proc(p, mode)
    assert p.returncode == 2


@pytest.mark.parametrize("argv", [["who"], ["timeline", "-n", "0"], ["nope"], ["timeline", "--bogus"]])
def test_usage_errors_clirunner(argv: list[str]) -> None:
    """Through CliRunner the framework reports usage errors itself (several lines): only exit 2 is checked."""
    res = _invoke(argv)
    assert res.exit_code == 2
    assert "Traceback" not in res.output


def test_markup_and_escapes_in_a_document_are_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that Rich does not wrap the lines looked for
    doc = tmp_path / "hostile.txt"
    doc.write_text(
        "= Hostile [bold red]Title[/] =\n\n"
        "The [bold red]rebels[/] met in Ghulja on 12 November 1944 and read \x1b[31mred\x1b[0m notes.\n"
        "Ehmetjan Qasimi signed the [link=file:///etc/passwd]treaty[/link] in Urumqi in June 1946.\n",
        encoding="utf-8",
    )
    db = tmp_path / "facts.json"
    res = _invoke(["build", "--add", str(doc), "--out", str(db)])
    assert res.exit_code == 0, res.stderr
    for mode in ("plain", "rich"):
        res, _ = check_cli(["search", "rebels met Ghulja", "--db", str(db)], mode)
        assert res.exit_code == 0
        assert "[bold red]rebels[/]" in res.stdout
        res, _ = check_cli(["when", "1946-06", "--db", str(db)], mode)
        assert "[link=file:///etc/passwd]treaty[/link]" in res.stdout
        res, _ = check_cli(["sources", "--db", str(db)], mode)
        assert "[bold red]Title[/]" in res.stdout
        res, _ = check_cli(["extract", str(doc)], mode)
        assert res.exit_code == 0
    res, js = check_cli(["search", "rebels met Ghulja", "--db", str(db)], "json")
    assert any("\x1b[31mred" in (r.get("text") or "") for r in js["results"])  # data kept exact in JSON
    # and through a real process, rendered as a Rich table
    p = run_etr(["search", "rebels met Ghulja", "--db", db], env={**etr_env(), "ETR_TERMINAL": "1"})
    check_proc(p, "rich")
    assert b"[bold red]rebels[/]" in p.stdout


@pytest.mark.parametrize("encoding", ["locale", "utf-8"])
def test_invalid_utf8_query_json(encoding: str) -> None:
    """Regression: invalid UTF-8 in argv (a lone surrogate) made --json print non-UTF-8 or exit 70."""
    env = etr_env()
    if encoding == "utf-8":
        env["PYTHONIOENCODING"] = "utf-8"
    p = run_etr(["who", "--json", b"qasimi\xff"], env=env)
    check_proc(p, "json")


def test_surrogate_query_json_clirunner() -> None:
    """Regression: a lone surrogate in the query made --json raise UnicodeEncodeError."""
    check_cli(["who", "--", "\udcff"], "json")


# -------------------------------------------------------------- (b) hypothesis over the CLI

CLI_SETTINGS = settings(max_examples=300, deadline=None,
                        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.mark.usefixtures("fast_cli")
@pytest.mark.parametrize("command", ["who", "when", "search", "what", "where"])
@CLI_SETTINGS
@given(q=st.text(), mode=st.sampled_from(["plain", "json", "jsonl", "rich"]))
@example(q="", mode="json")
@example(q="[bold]x[/bold]\x1b[31m", mode="rich")
def test_cli_any_text(command: str, q: str, mode: Mode) -> None:
    _, doc = check_cli([command, "--", q], mode)
    if doc is not None:
        assert doc["query"] == q


# ------------------------------------------------------- (c) hypothesis over pure functions

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb.", "Sept", "Dec."]
_MODS = ["", "early ", "mid-", "late ", "middle "]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


_year = st.one_of(st.integers(1000, 2099).map(str), st.integers(0, 99_999).map(str),
                  st.sampled_from(["0000", "1944", "1946", "2099", "1000"]))
_day = st.one_of(st.integers(0, 40).map(str), st.integers(0, 40).map(_ordinal), st.integers(0, 99).map("{:02d}".format))
_month = st.one_of(st.sampled_from(_MONTHS), st.integers(0, 13).map("{:02d}".format))
_mod = st.sampled_from(_MODS)
_century = st.integers(0, 120).map(_ordinal)
_point = st.one_of(
    st.tuples(_year, _month, _day).map("{0[0]}-{0[1]}-{0[2]}".format),
    st.tuples(_year, _month).map("{0[0]}-{0[1]}".format),
    _year,
    st.tuples(_day, _month, _year).map("{0[0]} {0[1]} {0[2]}".format),
    st.tuples(_month, _day, _year).map("{0[0]} {0[1]}, {0[2]}".format),
    st.tuples(_day, _month, _year).map("the {0[0]} of {0[1]} {0[2]}".format),
    st.tuples(_mod, _month, _year).map("{0[0]}{0[1]} {0[2]}".format),
    st.tuples(_mod, _year).map("{0[0]}{0[1]}".format),
    st.tuples(_mod, st.sampled_from(["spring", "summer", "autumn", "fall", "winter"]), _year).map("{0[0]}{0[1]} {0[2]}".format),
    st.tuples(st.sampled_from(["summer", "winter"]), _year, st.integers(0, 99)).map("{0[0]} {0[1]}-{0[2]:02d}".format),
    st.tuples(_mod, _century).map("{0[0]}{0[1]} century".format),
    st.tuples(_century, _century).map("{0[0]} and {0[1]} centuries".format),
    st.tuples(_mod, st.integers(0, 2200)).map(lambda t: f"{t[0]}{t[1] // 10 * 10}s"),
    st.tuples(st.sampled_from(["beginning", "end", "start", "middle", "turn"]), _year).map("the {0[0]} of {0[1]}".format),
    st.tuples(_day, _day, _month, _year).map("{0[0]}-{0[1]} {0[2]} {0[3]}".format),
    st.tuples(_month, _year, _month, _year).map("{0[0]} {0[1]} to {0[2]} {0[3]}".format),
    st.tuples(_year, _year).map("{0[0]}-{0[1]}".format),
)
DATE_LIKE = st.one_of(_point, st.tuples(_point, _point).map("{0[0]}..{0[1]}".format),
                      st.tuples(_point, st.text(max_size=5)).map("".join))
PURE_SETTINGS = settings(max_examples=1000, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _check_period(p: Period | None) -> None:
    if p is None:
        return
    start, end = dt.date.fromisoformat(p.start), dt.date.fromisoformat(p.end)  # real ISO days
    assert len(p.start) == len(p.end) == 10
    assert start <= end, p


@PURE_SETTINGS
@given(st.one_of(st.text(), DATE_LIKE))
@example("1944-13")
@example("31 February 1944")
@example("0000")
@example("1946..1944")
@example("99999999")
@example("early 19th century")
@example("winter 1944-45")
@example("1944..1946")
@example("the end of 2099")
def test_parse_period_raises_only_badquery(q: str) -> None:
    try:
        p = parse_period(q)
    except BadQuery as e:
        assert e.exit_code == 2 and e.message and "\n" not in e.message
        return
    _check_period(p)


@pytest.mark.parametrize("q", ["early 1st century", "late-1st century", "mid-1st century..1944"])
def test_first_century_with_modifier(q: str) -> None:
    """Regression: 'early 1st century' raised ValueError (year 0) and `etr when` exited 70."""
    try:
        parse_period(q)
    except BadQuery:
        pass
    res, _ = check_cli(["when", q], "plain")
    check_cli(["timeline", f"--from={q}"], "json")


def test_first_century_period_is_iso() -> None:
    """Regression: '1st century' began on 0000-01-01, a year etr itself rejects."""
    _check_period(parse_period("1st century"))


@PURE_SETTINGS
@given(st.text())
def test_fold_never_raises(s: str) -> None:
    f = fold(s)
    assert isinstance(f, str)
    assert f == f.strip() and "  " not in f


def _assert_spans(spans: Sequence[tuple[int, int]], lo: int, hi: int) -> None:
    last = lo
    for s, e in spans:
        assert lo <= s < e <= hi, (s, e, lo, hi)
        assert s >= last, f"spans overlap or are out of order: {spans}"
        last = e


SENTENCEY = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(
    [". ", "! ", "? ", "U.S. ", "Mr. ", "J. ", "\"", "“", "(", ")", " The", " 1944", "...", "\n", ". a", "etc. "])),
    max_size=30).map("".join)


@PURE_SETTINGS
@given(st.one_of(st.text(), SENTENCEY), st.data())
def test_split_sentences_spans_in_bounds(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = split_sentences(text, start, end)
    _assert_spans(spans, start, end)
    for s, e in spans:
        assert not text[s].isspace() and not text[e - 1].isspace()


@PURE_SETTINGS
@given(st.one_of(st.text(), SENTENCEY))
@example("¹.\x850")  # a superscript digit before a stop: a digit to isdigit, no number to int (found by this test)
def test_read_document_offsets(text: str) -> None:
    doc = read_document("x", text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text


@PURE_SETTINGS
@given(st.one_of(st.text(), DATE_LIKE, st.lists(DATE_LIKE | st.text(max_size=8), max_size=6).map(" ".join)),
       st.booleans())
def test_scan_spans(text: str, ignore_case: bool) -> None:
    raws = scan(text, ignore_case=ignore_case)
    _assert_spans([(r.start, r.end) for r in raws], 0, len(text))
    for r in raws:
        assert text[r.start:r.end] == r.text


@PURE_SETTINGS
@given(st.binary(max_size=300) | st.text().map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_decode_raises_only_baddocument(data: bytes) -> None:
    try:
        text = decode(data, "doc.txt")
    except BadDocument as e:
        assert e.exit_code == 2 and "\n" not in e.message and "doc.txt" in e.message
        return
    assert isinstance(text, str) and text


# ----------------------------------------------------------------- (d) fact-base damage

def _shift_citation(db: dict[str, Any]) -> None:
    db["events"][0]["citations"][0]["start"] += 1


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_fact_base(damage: str, db_copy: Path) -> None:
    how, message = DAMAGE[damage]
    how(db_copy)
    before = db_copy.read_bytes() if db_copy.is_file() else None
    for args in (["who", "qasimi"], ["timeline"], ["sources"]):
        for mode in ("plain", "json"):
            res, _ = check_cli([*args, "--db", str(db_copy)], mode, codes=(3,))
            assert str(db_copy) in res.stderr, res.stderr  # names the file
            assert message in res.stderr, res.stderr  # and the problem
    if before is not None:
        assert db_copy.read_bytes() == before  # reading never repairs or rewrites it


@pytest.mark.parametrize("damage", ["truncated-half", "citation-offset-shifted", "schema-version-99", "missing"])
def test_damaged_fact_base_via_env_subprocess(damage: str, db_copy: Path) -> None:
    DAMAGE[damage][0](db_copy)
    env = {**etr_env(), "ETR_DB": str(db_copy)}
    for mode, flags in (("plain", []), ("json", ["--json"])):
        p = run_etr(["when", "1944", *flags], env=env)
        check_proc(p, mode, codes=(3,))
        assert str(db_copy).encode() in p.stderr


def _index_beside(db: Path) -> Path:
    """The derived SQLite index etr keeps beside a fact base it can write next to (made by a first query)."""
    p = run_etr(["timeline", "--limit", "1", "--db", db])
    assert p.returncode == 0, p.stderr
    index = db.with_name(db.name + ".index.sqlite")
    if not index.is_file():
        pytest.skip("etr keeps no index beside the fact base")
    return index


def test_damage_after_index_was_built(db_copy: Path) -> None:
    """The index made by an earlier query must not hide a fact base damaged since."""
    _index_beside(db_copy)
    time.sleep(0.01)
    rewrite(db_copy, _shift_citation)
    p = run_etr(["who", "qasimi", "--db", db_copy])
    check_proc(p, "plain", codes=(3,))
    assert b"does not match" in p.stderr


def test_damage_with_mtime_kept_after_index_was_built(db_copy: Path) -> None:
    _index_beside(db_copy)
    before = db_copy.stat()
    raw = db_copy.read_bytes()
    cit = json.loads(raw)["events"][0]["citations"][0]
    old, new = f'"start": {cit["start"]}'.encode(), f'"start": {cit["start"] + 1}'.encode()
    assert len(old) == len(new) and old in raw
    db_copy.write_bytes(raw.replace(old, new, 1))
    os.utime(db_copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    p = run_etr(["who", "qasimi", "--db", db_copy])
    check_proc(p, "plain", codes=(3,))


def _corrupt_table(index: Path, table: str) -> None:
    """Overwrite the root page of one table with garbage, leaving the rest (and the key) readable."""
    import sqlite3

    con = sqlite3.connect(index)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    row = con.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    con.close()
    if row is None:
        pytest.skip(f"the index has no table {table!r}")
    with open(index, "r+b") as f:
        f.seek((row[0] - 1) * page)
        f.write(b"\xab" * page)


@pytest.mark.parametrize("garbage", ["truncated", "not-sqlite", "a-directory"])
def test_damaged_index_is_rebuilt(garbage: str, db_copy: Path) -> None:
    index = _index_beside(db_copy)
    if garbage == "truncated":
        index.write_bytes(index.read_bytes()[:5000])
    elif garbage == "not-sqlite":
        index.write_bytes(b"garbage\n")
    else:
        index.unlink()
        index.mkdir()
    for args in (["who", "qasimi"], ["timeline"], ["when", "1944"], ["search", "Ghulja"]):
        check_proc(run_etr([*args, "--db", db_copy]), "plain", codes=(0,))


@pytest.mark.parametrize("table,args", [("events", ["timeline"]), ("sources", ["sources"]),
                                        ("entities", ["who", "qasimi"]), ("postings", ["search", "Ghulja"])])
def test_index_with_damaged_pages(table: str, args: list[str], db_copy: Path) -> None:
    index = _index_beside(db_copy)
    _corrupt_table(index, table)
    p = run_etr([*args, "--db", db_copy])
    check_proc(p, "plain", codes=(0, 3))


def _drop(kind: str, key: str) -> Callable[[dict[str, Any]], None]:
    def f(db: dict[str, Any]) -> None:
        for rec in db[kind]:
            rec.pop(key, None)
    return f


@pytest.mark.parametrize("kind,key,args", [
    ("entities", "aliases", ["who", "qasimi"]),
    ("events", "entities", ["timeline"]),
    ("sources", "counts", ["sources"]),
    ("sentences", "events", ["search", "qasimi"]),
])
def test_record_key_missing(kind: str, key: str, args: list[str], db_copy: Path) -> None:
    """Regression: records lacking a key the queries use passed validation, then exited 70 (KeyError)."""
    rewrite(db_copy, _drop(kind, key))
    p = run_etr([*args, "--db", db_copy])
    check_proc(p, "plain", codes=(3,))
    assert str(db_copy).encode() in p.stderr


# --------------------------------------------------------- documents for build --add / extract

def _doc_text(n_bytes: int) -> str:
    people = ["Ehmetjan Qasimi", "Elihan Tore", "Osman Batur", "Sheng Shicai", "Abdulkerim Abbasov"]
    places = ["Ghulja", "Urumqi", "Ili", "Tarbagatay", "Altay", "Kashgar"]
    months = ["January", "March", "May", "July", "September", "November"]
    out, i = [], 0
    size = 0
    while size < n_bytes:
        line = (f"On {i % 27 + 1} {months[i % 6]} {1944 + i % 6}, {people[i % 5]} travelled from "
                f"{places[i % 6]} to {places[(i + 2) % 6]} with {people[(i + 3) % 5]}. ")
        if i % 4 == 3:
            line += "\n\n"
        out.append(line)
        size += len(line)
        i += 1
    return "= A user document =\n\n" + "".join(out) + "\n"


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        f.truncate(size)


def _image_only_pdf(path: Path) -> None:
    """A PDF whose one page is a drawing and no text: what a scanner without OCR gives."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")
    pdf.output(str(path))


def _write_text_with_controls(path: Path) -> None:
    path.write_text("".join(chr(1 + i % 30) for i in range(2000)), encoding="utf-8")


BAD_DOCS: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing": (lambda p: None, "no such file"),
    "directory": (lambda p: p.mkdir(), "directory"),
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "whitespace-only": (lambda p: p.write_bytes(b"\n\n  \t\n"), "empty"),
    "binary-random": (lambda p: p.write_bytes(bytes((i * 7919 + 13) % 255 + 1 for i in range(4096))), "binary"),
    "binary-png-header": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)), "binary"),
    "nul-bytes": (lambda p: p.write_bytes(b"Ghulja in 1944.\x00 Urumqi in 1945.\n"), "NUL"),
    "undecodable": (lambda p: p.write_bytes(bytes((i * 7919 + 13) % 128 + 128 for i in range(4096))), "UTF-8"),
    "zip-docx": (lambda p: p.write_bytes(b"PK\x03\x04" + bytes(range(1, 200))), "ZIP"),
    "scan-pdf-without-text": (lambda p: _image_only_pdf(p), "OCR"),
    "pdf-truncated": (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "PDF"),
    "control-characters": (_write_text_with_controls, "control"),
    "over-256MiB": (lambda p: _sparse(p, 257 * 1024 * 1024), "split"),
}


@pytest.mark.parametrize("case", list(BAD_DOCS))
def test_bad_document_leaves_fact_base_untouched(case: str, tmp_path: Path, db_copy: Path) -> None:
    make, word = BAD_DOCS[case]
    doc = tmp_path / f"doc-{case}.txt"
    make(doc)
    before = db_copy.read_bytes()
    user_db = Path(os.environ["ETR_HOME"]) / "facts.json"
    for mode in ("plain", "json"):
        res, _ = check_cli(["build", "--add", str(doc), "--out", str(db_copy)], mode, codes=(2,))
        assert str(doc) in res.stderr and word.lower() in res.stderr.lower(), res.stderr
        assert db_copy.read_bytes() == before
        res, _ = check_cli(["extract", str(doc)], mode, codes=(2,))
        assert word.lower() in res.stderr.lower(), res.stderr
    res, _ = check_cli(["build", "--add", str(doc)], "plain", codes=(2,))  # default target: the user's fact base
    assert not user_db.exists()
    assert not [p.name for p in db_copy.parent.iterdir() if p.name.endswith(".tmp")]


def test_bad_document_subprocess(tmp_path: Path, db_copy: Path) -> None:
    before = db_copy.read_bytes()
    latin = tmp_path / "undecodable.txt"
    BAD_DOCS["undecodable"][0](latin)
    p = run_etr(["build", "--add", latin, "--out", db_copy])
    check_proc(p, "plain", codes=(2,))
    msg = p.stderr.decode()
    assert "UTF-8" in msg and "--encoding" in msg and "iconv" in msg  # the encoding tried and what to do
    assert db_copy.read_bytes() == before
    p = run_etr(["build", "--add", tmp_path / "nope.txt", "--add", latin, "--out", db_copy, "--json"])
    check_proc(p, "json", codes=(2,))
    assert db_copy.read_bytes() == before


def test_large_documents(tmp_path: Path, db_copy: Path) -> None:
    """Tens of MB: a 70 MB file is refused at once; a 20 MB file of one long word is read (no sentences)."""
    huge = tmp_path / "huge.txt"
    _sparse(huge, 70 * 1024 * 1024)
    before = db_copy.read_bytes()
    p = run_etr(["build", "--add", huge, "--out", db_copy])
    check_proc(p, "plain", codes=(2,))
    assert db_copy.read_bytes() == before
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 20_000_000)
    out = tmp_path / "out.json"
    p = run_etr(["build", "--add", big, "--out", out], timeout=120)
    check_proc(p, "plain", codes=(0,))
    r = run_etr(["sources", "--json", "--db", out])
    assert check_proc(r, "json", codes=(0,))["results"][-1]["file"].endswith("big.txt")


def test_hostile_file_names(tmp_path: Path, db_copy: Path) -> None:
    """A document's name is shown as text too: markup, escape sequences and newlines in it are not obeyed."""
    name = "[bold red]x[blink] \x1b[31mred\x1b]0;title\x07 line\nbreak \u202eevil.txt"  # no "/" in a file name
    doc = tmp_path / name
    doc.write_text("Ehmetjan Qasimi arrived in Ghulja in November 1944.\n", encoding="utf-8")
    for mode in ("plain", "rich", "json"):
        res, _ = check_cli(["extract", str(doc)], mode, codes=(0,))
        res, _ = check_cli(["extract", str(tmp_path / ("missing " + name))], mode, codes=(2,))
        assert "[bold red]x[blink]" in res.stderr
    res, _ = check_cli(["build", "--add", str(doc), "--out", str(db_copy)], "plain", codes=(0,))
    for mode in ("plain", "rich", "json"):
        check_cli(["sources", "--db", str(db_copy)], mode, codes=(0,))
        check_cli(["search", "Qasimi arrived in Ghulja", "--db", str(db_copy)], mode, codes=(0,))


def test_utf16_document_is_read(tmp_path: Path, db_copy: Path) -> None:
    """UTF-16 with a byte-order mark was refused (once it was even called binary); it is read now,
    to the same text and citations as the UTF-8 file."""
    doc = tmp_path / "utf16.txt"
    doc.write_bytes("Ehmetjan Qasimi arrived in Ghulja in November 1944.\n".encode("utf-16"))
    res, _ = check_cli(["build", "--add", str(doc), "--out", str(db_copy)], "plain", codes=(0,))
    src = next(s for s in json.loads(db_copy.read_bytes())["sources"] if s["id"] == "utf16")
    assert src["text"] == "Ehmetjan Qasimi arrived in Ghulja in November 1944.\n"
    assert src["read_as"] == {"format": "text", "encoding": "utf-16", "basis": "byte-order mark"}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (768 * 1024**2, 768 * 1024**2))


def test_endless_document(db_copy: Path) -> None:
    """Regression: the size limit used st_size, so /dev/zero (or a FIFO) was read until MemoryError, exit 70."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    before = db_copy.read_bytes()
    p = run_etr(["build", "--add", "/dev/zero", "--out", db_copy], preexec_fn=_limit_memory, timeout=60)
    assert db_copy.read_bytes() == before
    check_proc(p, "plain", codes=(2,))


@pytest.mark.parametrize("where", ["a-directory", "parent-is-a-file"])
def test_build_out_unwritable(where: str, tmp_path: Path) -> None:
    """Regression: `etr build --out DIR` exited 70 'internal error (IsADirectoryError ...)'."""
    target = tmp_path / "d"
    if where == "a-directory":
        target.mkdir()
    else:
        (tmp_path / "f").write_text("x")
        target = tmp_path / "f" / "facts.json"
    p = run_etr(["build", "--out", target])
    check_proc(p, "plain", codes=(2, 3))


# ------------------------------------------------------------------ (e) kills, concurrency

@pytest.fixture(scope="module")
def user_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("docs") / "long_user_document.txt"
    p.write_text(_doc_text(120_000), encoding="utf-8")
    return p


def _old_bytes(tmp: Path) -> bytes:
    """A valid fact base that no build produces byte-for-byte (different indentation)."""
    return (json.dumps(json.loads(COMMITTED.read_bytes()), indent=2, ensure_ascii=True) + "\n").encode()


def test_sigkill_during_build_keeps_previous_file(tmp_path: Path, user_doc: Path) -> None:
    ref = tmp_path / "ref.json"
    t0 = time.monotonic()
    p = run_etr(["build", "--add", user_doc, "--out", ref], timeout=120)
    duration = time.monotonic() - t0
    assert p.returncode == 0, p.stderr
    new = ref.read_bytes()
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "facts.json"
    old = _old_bytes(tmp_path)
    out.write_bytes(old)
    args = [ETR, "build", "--add", str(user_doc), "--out", str(out)]
    outcomes: list[str] = []
    leftovers: list[str] = []  # temporary files a SIGKILL leaves behind (harmless; not part of the contract)

    def judge() -> None:
        data = out.read_bytes()
        assert data in (old, new), f"mixed or partial file after SIGKILL ({len(data)} bytes)"
        outcomes.append("old" if data == old else "new")
        if data == new:
            out.write_bytes(old)
        for n in os.listdir(folder):
            if n != out.name:
                leftovers.append(n)
                (folder / n).unlink()

    # 1. certainly half-way: killed as soon as the build reports progress
    for _ in range(2):
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=etr_env(progress=True))
        assert proc.stderr is not None
        under_way = proc.stderr.readline()
        proc.kill()
        proc.communicate(timeout=30)
        judge()
        if under_way:
            assert outcomes[-1] == "old"
    # 2. killed while the new file is being written (its temporary file has appeared)
    for _ in range(3):
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=etr_env())
        while proc.poll() is None:
            if any(n.endswith(".tmp") for n in os.listdir(folder)):
                proc.kill()
                break
            time.sleep(0.0005)
        proc.wait(timeout=30)
        judge()
    # 3. killed at points spread over the whole run
    for frac in (0.5, 0.9, 1.0):
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=etr_env())
        time.sleep(duration * frac)
        proc.kill()
        proc.wait(timeout=30)
        judge()
    assert "old" in outcomes
    # whatever happened, what is there is a fact base etr reads
    r = run_etr(["timeline", "--limit", "1", "--json", "--db", out])
    check_proc(r, "json", codes=(0,))


def test_concurrent_builds_never_mix(tmp_path: Path, user_doc: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text(_doc_text(20_000), encoding="utf-8")
    ref_a, ref_b = tmp_path / "a.json", tmp_path / "b.json"
    assert run_etr(["build", "--out", ref_a]).returncode == 0
    assert run_etr(["build", "--add", small, "--out", ref_b]).returncode == 0
    a, b = ref_a.read_bytes(), ref_b.read_bytes()
    assert a != b
    out = tmp_path / "shared" / "facts.json"
    out.parent.mkdir()
    old = _old_bytes(tmp_path)
    out.write_bytes(old)
    finals = set()
    reads = 0
    for _ in range(2):
        procs = [subprocess.Popen([ETR, "build", "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE),
                 subprocess.Popen([ETR, "build", "--add", str(small), "--out", str(out)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)]
        while any(p.poll() is None for p in procs):
            data = out.read_bytes()  # a reader during the builds sees a whole file
            assert data in (old, a, b), f"a reader saw a mixed file ({len(data)} bytes)"
            reads += 1
            time.sleep(0.005)
        for p in procs:
            _, err = p.communicate(timeout=60)
            assert p.returncode == 0, err
        final = out.read_bytes()
        assert final in (a, b), "two builds at once produced a mixed file"
        finals.add(final)
    assert reads > 0
    assert not [n for n in os.listdir(out.parent) if n.endswith(".tmp")]


def test_concurrent_adds_keep_every_document(tmp_path: Path) -> None:
    """Regression: two `etr build --add` of one fact base at once both reported success and one
    document was gone (5 rounds out of 5). The second now waits for the first."""
    docs = []
    for name, sentence in (("alpha", "Wang Tse-ming arrived in Kashgar on March 3, 1947."),
                           ("beta", "Li Hsiao-ming left Kuldja on June 5, 1948.")):
        p = tmp_path / f"{name}.txt"
        p.write_text(sentence + "\n", encoding="utf-8")
        docs.append(p)
    for round_ in range(3):
        out = tmp_path / f"round{round_}" / "facts.json"
        procs = [subprocess.Popen([ETR, "build", "--add", str(d), "--out", str(out)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for d in docs]
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
        ids = {s["id"] for s in json.loads(out.read_bytes())["sources"]}
        assert {"alpha", "beta"} <= ids, f"round {round_}: a document was lost ({sorted(ids)})"


def test_adds_to_one_out_file_accumulate(tmp_path: Path) -> None:
    """Regression: `--add a.txt --out F` then `--add b.txt --out F` left F without a.txt. A
    document leaves a fact base only when the user says so."""
    out = tmp_path / "facts.json"
    for name in ("first", "second"):
        doc = tmp_path / f"{name}.txt"
        doc.write_text(f"The {name} telegram reached Tihwa on March 3, 1947.\n", encoding="utf-8")
        assert run_etr(["build", "--add", doc, "--out", out]).returncode == 0
    assert {"first", "second"} <= {s["id"] for s in json.loads(out.read_bytes())["sources"]}


HOSTILE_DATES = """Governor Wang Tse-ming ruled Sinkiang from November 12, 1934 to February 6, 1933.
On February 30, 1944 the consul left Kashgar, and on 31 April 1946 he came back.
The garrison had 1944-45 men; the year 0 and the year 99999 are not years of this story.
"""


@pytest.mark.parametrize("command", [["who", "Wang Tse-ming"], ["when", "1934"], ["when", "1930..1950"],
                                     ["where", "Kashgar"], ["timeline"], ["search", "governor"], ["sources"]])
def test_hostile_dates_leave_a_queryable_fact_base(command: list[str], tmp_path_factory: pytest.TempPathFactory) -> None:
    """Regression: one range stated backwards made every query on the fact base fail (exit 70,
    an R*Tree constraint in the index). Such dates are no events, and every command answers."""
    folder = tmp_path_factory.getbasetemp() / "hostile-dates"
    out = folder / "facts.json"
    if not out.exists():
        folder.mkdir(exist_ok=True)
        doc = folder / "hostile.txt"
        doc.write_text(HOSTILE_DATES, encoding="utf-8")
        assert run_etr(["build", "--add", doc, "--out", out]).returncode == 0
        events = [e for e in json.loads(out.read_bytes())["events"] if e["source"] == "hostile"]
        assert all(e["date"]["start"] <= e["date"]["end"] for e in events)
        assert not [e for e in events if e["date"]["value"].startswith(("1933", "1944-02-30", "1946-04-31"))]
    p = run_etr([*command, "--json", "--db", out])
    check_proc(p, "json", codes=(0, 1))


# ----------------------------------------------------------------------- (f) pipes, signals

@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged fact base with every event repeated 12 times: far more output than a pipe buffers."""
    db = json.loads(COMMITTED.read_bytes())
    events = db["events"]
    db["events"] = events + [dict(ev, id=f"{ev['id']}-copy{k}") for k in range(1, 12) for ev in events]
    p = tmp_path_factory.mktemp("bigdb") / "facts.json"
    p.write_text(json.dumps(db), encoding="utf-8")
    return p


def _pipe_to(args: Sequence[str | os.PathLike[str]], reader: Sequence[str], env: dict[str, str] | None = None
             ) -> tuple[int, bytes, bytes]:
    """`etr ARGS | READER`, as a shell runs it; returns etr's exit code, its stderr, and what READER printed."""
    producer = subprocess.Popen([ETR, *map(os.fspath, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env if env is not None else etr_env())
    consumer = subprocess.Popen(list(reader), stdin=producer.stdout, stdout=subprocess.PIPE)
    assert producer.stdout is not None and producer.stderr is not None
    producer.stdout.close()  # only the reader holds the pipe, so its exit closes it
    got, _ = consumer.communicate(timeout=60)
    err = producer.stderr.read()
    producer.wait(timeout=60)
    return producer.returncode, err, got


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head(1)")
@pytest.mark.parametrize("args,reader,terminal", [
    (["timeline"], ["head", "-1"], "0"),
    (["timeline", "--json"], ["head", "-c", "100"], "0"),
    (["timeline", "--db", "BIG"], ["head", "-1"], "0"),
    (["timeline", "--db", "BIG"], ["head", "-1"], "1"),
    (["timeline", "--json", "--db", "BIG"], ["head", "-c", "100"], "0"),
    (["when", "1944..1949", "--jsonl", "--db", "BIG"], ["head", "-1"], "0"),
    (["sources"], ["true"], "1"),
], ids=lambda x: " ".join(x) if isinstance(x, list) else f"terminal={x}")
def test_broken_pipe_is_quiet(args: list[str], reader: list[str], terminal: str, big_db: Path) -> None:
    args = [str(big_db) if a == "BIG" else a for a in args]
    code, err, got = _pipe_to(args, reader, env={**etr_env(), "ETR_TERMINAL": terminal})
    assert err == b"", err.decode(errors="replace")  # no BrokenPipeError, no "Exception ignored"
    # quiet is the contract; the code is 0 from etr's own handler, 1 when Rich's handler sees the EPIPE first
    assert code in (0, 1, -signal.SIGPIPE), code
    if reader[0] == "head":
        assert got


def test_sigint_mid_build(tmp_path: Path, user_doc: Path) -> None:
    out = tmp_path / "facts.json"
    old = _old_bytes(tmp_path)
    out.write_bytes(old)
    proc = subprocess.Popen([ETR, "build", "--add", str(user_doc), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=etr_env(progress=True))
    assert proc.stderr is not None
    proc.stderr.readline()  # under way
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err, err.decode(errors="replace")
    assert out.read_bytes() == old


def test_sigint_while_blocked_on_output(big_db: Path) -> None:
    """Interrupted while writing into a full pipe (a pager that stopped reading)."""
    proc = subprocess.Popen([ETR, "timeline", "--json", "--db", str(big_db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err, err.decode(errors="replace")


def _sigint_after_import(module: str, args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    """Run etr with PYTHONPROFILEIMPORTTIME (a stderr line as each import completes) and send SIGINT as
    soon as `module` has been imported: the interrupt lands in whatever etr imports or does next."""
    env = {**etr_env(), "PYTHONPROFILEIMPORTTIME": "1"}
    proc = subprocess.Popen([ETR, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    sent = False
    for line in proc.stderr:
        if line.split(b"|")[-1].strip() == module.encode():
            proc.send_signal(signal.SIGINT)
            sent = True
            break
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    assert sent, f"{module} was never imported"
    err = b"".join(x for x in rest.splitlines(keepends=True) if not x.startswith(b"import time:"))
    return subprocess.CompletedProcess(proc.args, proc.returncode, b"", err)


def test_ctrl_c_wrapped_by_python_is_an_interrupt() -> None:
    """Ctrl-C while a class is being made reaches etr as "RuntimeError: Error calling __set_name__"
    (seen when the interrupt came during `import ipaddress`): exit 130, as for any Ctrl-C."""
    from etr.errors import interrupted

    class Interrupts:
        def __set_name__(self, owner: type, name: str) -> None:
            raise KeyboardInterrupt

    with pytest.raises(RuntimeError) as wrapped:
        type("Made", (), {"x": Interrupts()})
    assert interrupted(wrapped.value)
    assert not interrupted(RuntimeError("a bug"))
    try:
        raise ValueError("inner")
    except ValueError as inner:
        outer = RuntimeError("outer")
        outer.__context__ = inner
    assert not interrupted(outer)


@pytest.mark.parametrize("module", [
    "etr", "etr.cli.handlers", "typer",
])
def test_sigint_during_startup(module: str, tmp_path: Path) -> None:
    """Ctrl-C while etr is still loading: exit 130, no traceback (the wrapper's own `import re` and
    Python's start-up are outside etr's reach, so the interrupt is sent only once etr's code runs)."""
    doc = tmp_path / "doc.txt"
    doc.write_text("On 12 November 1944 the East Turkestan Republic was proclaimed in Ghulja.\n", encoding="utf-8")
    args = ["extract", str(doc), "--bogus"] if module == "typer" else ["who", "qasimi"]  # an unknown option: Typer answers
    p = _sigint_after_import(module, args)
    assert b"Traceback" not in p.stderr, p.stderr.decode(errors="replace")
    assert p.returncode in (130, -signal.SIGINT), (p.returncode, p.stderr)


# ------------------------------------------- (g) hostile folders and files: nothing lost (issue 16)

def _tiny_files(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    places = ["Ghulja", "Urumqi", "Kashgar", "Altay", "Tarbagatay", "Ili"]
    for i in range(n):
        (folder / f"note{i:05d}.txt").write_text(
            f"Telegram {i}: the consul reached {places[i % 6]} on {i % 28 + 1} March {1944 + i % 6}.\n", encoding="utf-8")


@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    _tiny_files(folder, 10_000)
    out = tmp_path / "facts.json"
    p = run_etr(["build", "--add", folder, "--out", out, "--json"], timeout=900)
    assert p.returncode == 0 and b"Traceback" not in p.stderr, p.stderr[-500:]
    assert json.loads(p.stdout)["counts"]["sources"] == 10_003
    for args in (["sources"], ["when", "1947-03"], ["search", "consul reached Kashgar"]):
        check_proc(run_etr([*args, "--json", "--db", out], timeout=120), "json", codes=(0,))


def _mixed_folder(top: Path) -> dict[str, str]:
    """A folder of good and bad files; the bad ones, and a word their message must hold."""
    top.mkdir()
    (top / "good-1.txt").write_text("Osman Batur left Altay on 5 June 1947.\n", encoding="utf-8")
    (top / "good-2.md").write_text("Ehmetjan Qasimi spoke in Ghulja on 12 November 1944.\n", encoding="utf-8")
    (top / "sub").mkdir()
    (top / "sub" / "good-3.txt").write_bytes("Café owners in Kashgar closed on 3 March 1946.\n".encode("cp1252"))
    (top / "sub" / "empty.txt").write_bytes(b"")
    (top / "sub" / "nul.txt").write_bytes(b"Ghulja\x00 1944\n")
    (top / "sub" / "self.txt").symlink_to("self.txt")  # a link to itself: a loop no open() gets out of
    (top / "sub" / "gone.txt").symlink_to("nowhere.txt")
    (top / "sub" / "loop").symlink_to("..")  # a folder loop: said, not followed, not a failure
    (top / "bad\nname\x1b[31m.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    return {"empty.txt": "empty", "nul.txt": "NUL", "self.txt": "loop", "gone.txt": "link to nothing",
            "bad\\nname\\x1b[31m.txt": "PNG"}


def test_mixed_folder_stops_at_the_first_bad_file(tmp_path: Path, db_copy: Path) -> None:
    _mixed_folder(tmp_path / "box")
    before = db_copy.read_bytes()
    for mode, flags in (("plain", []), ("json", ["--json"])):
        p = run_etr(["build", "--add", tmp_path / "box", "--out", db_copy, *flags])
        check_proc(p, mode, codes=(2,))
        assert b"PNG" in p.stderr and b"\\n" in p.stderr  # the first bad file, its name escaped on one line
    assert db_copy.read_bytes() == before
    assert not [n for n in os.listdir(db_copy.parent) if n.endswith(".tmp")]


def test_mixed_folder_keep_going_builds_the_good_ones(tmp_path: Path, db_copy: Path) -> None:
    bad = _mixed_folder(tmp_path / "box")
    p = run_etr(["build", "--add", tmp_path / "box", "--out", db_copy, "--keep-going", "--json"])
    assert p.returncode == 2, p.stderr
    doc = json.loads(p.stdout)
    assert {Path(s["file"]).name for s in doc["skipped"]} == {n.replace("\\n", "\n").replace("\\x1b", "\x1b")
                                                              for n in bad}
    err = p.stderr.decode()
    left = [line for line in err.splitlines() if line.startswith("etr: left out: ")]
    assert len(left) == len(bad) and "Traceback" not in err
    for name, word in bad.items():
        assert any(name in line and word in line for line in left), (name, left)
    assert "symbolic-link loop), not followed again" in err
    ids = {s["id"] for s in json.loads(db_copy.read_bytes())["sources"]}
    assert {"good-1", "good-2", "good-3"} <= ids
    for args in (["who", "Osman Batur"], ["when", "1946-03"], ["sources"], ["timeline", "--limit", "2"]):
        check_proc(run_etr([*args, "--json", "--db", db_copy]), "json", codes=(0,))
    # nothing readable at all: nothing written, whatever --keep-going says
    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    (only_bad / "a.txt").write_bytes(b"")
    before = db_copy.read_bytes()
    p = run_etr(["build", "--add", only_bad, "--out", db_copy, "--keep-going"])
    check_proc(p, "plain", codes=(2,))
    assert b"nothing was added" in p.stderr and db_copy.read_bytes() == before


def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    """A file and a folder the user may not read: one line each, nothing written. As root (CI) the
    build runs as 'nobody', to whom the files are closed."""
    box = Path(tempfile.mkdtemp(prefix="etr-perm-"))
    try:
        os.chmod(box, 0o777)
        (box / "open.txt").write_text("Osman Batur left Altay on 5 June 1947.\n", encoding="utf-8")
        (box / "closed.txt").write_text("Ghulja in 1944.\n", encoding="utf-8")
        (box / "closed.txt").chmod(0o000)
        (box / "shut").mkdir()
        (box / "shut" / "x.txt").write_text("Ghulja in 1944.\n", encoding="utf-8")
        (box / "shut").chmod(0o000)
        kw: dict[str, Any] = {}
        env = {**etr_env(), "ETR_HOME": str(box / "home")}
        if os.geteuid() == 0:
            if not hasattr(os, "setuid") or os.stat(Path(ETR).parent).st_mode & 0o005 != 0o005:
                pytest.skip("as root, and the venv is closed to 'nobody'")
            kw["user"] = 65534
        out = box / "facts.json"
        try:
            p = run_etr(["build", "--add", box / "closed.txt", "--out", out], env=env, **kw)
        except PermissionError as e:  # the interpreter lives where 'nobody' may not go (/root/.pyenv)
            pytest.skip(f"as root, and 'nobody' cannot run etr here ({e})")
        if b"Permission denied" not in p.stderr:
            pytest.skip(f"cannot run etr as another user here: {p.stderr[-200:]!r}")
        check_proc(p, "plain", codes=(2,))
        assert b"cannot read (Permission denied)" in p.stderr and not out.exists()
        p = run_etr(["build", "--add", box, "--out", out], env=env, **kw)
        check_proc(p, "plain", codes=(2,))
        assert not out.exists()
        p = run_etr(["build", "--add", box, "--out", out, "--keep-going", "--json"], env=env, **kw)
        assert p.returncode == 2, p.stderr
        skipped = {Path(s["file"]).name: s["why"] for s in json.loads(p.stdout)["skipped"]}
        assert set(skipped) == {"closed.txt", "shut"} and "cannot list the folder" in skipped["shut"]
    finally:
        for p_ in (box / "closed.txt", box / "shut"):
            if p_.exists():
                p_.chmod(0o755)
        shutil.rmtree(box, ignore_errors=True)


def test_file_changing_while_read(tmp_path: Path, db_copy: Path) -> None:
    """A file another program is writing: refused (one line, exit 2), the fact base as it was."""
    doc = tmp_path / "growing.txt"
    line = "Osman Batur left Altay on 5 June 1947 with his Kazaks and their herds. " * 20 + "\n"
    doc.write_text(line * 20_000, encoding="utf-8")  # ~30 MB: etr reads for a while
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "end = time.monotonic() + 60\n"
        "with open(sys.argv[1], 'a') as f:\n"
        "    while time.monotonic() < end:\n"
        "        f.write('More news from Ghulja in 1947.\\n'); f.flush()\n"), str(doc)])
    try:
        time.sleep(0.3)
        before = db_copy.read_bytes()
        p = run_etr(["build", "--add", doc, "--out", db_copy], timeout=120)
        check_proc(p, "plain", codes=(2,))
        assert b"changed while etr read it" in p.stderr
        assert db_copy.read_bytes() == before
    finally:
        writer.kill()
        writer.wait()


def test_a_file_of_256_mib_is_read_in_under_four_times_its_size(tmp_path: Path) -> None:
    """A 250 MB text file is read (and refused with the reason: more text than a build takes)
    with the process's peak memory under 4x the file."""
    big = tmp_path / "big.txt"
    chunk = ("Osman Batur left Altay on 5 June 1947 with his Kazaks. " * 1000 + "\n").encode()
    size = 250 * 1024 * 1024
    with open(big, "wb") as f:
        for _ in range(size // len(chunk)):
            f.write(chunk)
    size = big.stat().st_size
    p = subprocess.run([sys.executable, "-c", (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from etr.errors import BadDocument\n"
        "from etr.ingest.documents import read\n"
        "try:\n"
        "    read(Path(sys.argv[1]))\n"
        "    print('read')\n"
        "except BadDocument as e:\n"
        "    print(e.message)\n"
        # the peak of this process's own memory (ru_maxrss would keep the forking pytest's across exec)
        "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')]\n"
        "print(int(hwm[0].split()[1]) * 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)\n"),
        str(big)],
        capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    message, peak = p.stdout.splitlines()
    assert "more than the 64 Mi" in message and "split it" in message
    assert int(peak) < 4 * size, f"peak {int(peak) / 2**20:.0f} MiB for a {size / 2**20:.0f} MiB file"
    r = run_etr(["build", "--add", big, "--out", tmp_path / "f.json"], timeout=300)
    check_proc(r, "plain", codes=(2,))
    assert not (tmp_path / "f.json").exists()


# ------------------------------------------ (h) hostile content: every fact base queryable (issue 16)

def _hostile_content() -> str:
    soup = " ".join(f"{i * 7919 % 100000}" + ("-" if i % 3 else "/") + f"{i % 13}" for i in range(400))
    long_sentence = " ".join(f"the Kazaks of Altay crossed {['Ghulja', 'Urumqi', 'Kashgar'][i % 3]} in 1947"
                             for i in range(2600))  # ~100 KB with no full stop, as OCR gives
    return (
        "= A hostile [bold red]document[/] =\n\n"
        "Governor Wang Tse-ming ruled Sinkiang from November 12, 1934 to February 6, 1933.\n\n"
        "On February 30, 1944 the consul left Kashgar, and on 31 April 1946 he came back.\n\n"
        "In the year 0 and in the year 99999 nothing happened; on 29 February 1945 neither.\n\n"
        f"Digits: {soup}.\n\n"
        f"{long_sentence}\n\n"
        "The [link=file:///etc/passwd]rebels[/link] met \x1b[31mOsman Batur\x1b[0m in Ghulja on 12 November 1944.\n\n"
        "A bell\x07 rang and the \x1b]0;title\x07 changed in Urumqi on 3 March 1946.\n\n"
        # shapes that once cost exponential or quadratic time: a routing line of initials, a chain
        # of "It was called ...", a long run of numbered lines ending the document, marked[5] once
        f"Sent {'A.' * 60} x\n\n"
        + "Kashgar Levies\n\nThe Kashgar Levies were a unit. " + "It was called the Turki Regiment. " * 300 + "\n\n"
        + "\n".join(f"{i}. Not printed." for i in range(1, 999)) + "\n"
    )


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("hostile-content")
    doc = folder / "hostile.txt"
    doc.write_text(_hostile_content(), encoding="utf-8")
    out = folder / "facts.json"
    p = run_etr(["build", "--add", doc, "--out", out, "--json"], timeout=300)
    assert p.returncode == 0, p.stderr
    assert b"Traceback" not in p.stderr
    return out, json.loads(p.stdout)


def test_hostile_content_is_flagged(hostile_db: tuple[Path, dict[str, Any]]) -> None:
    out, report = hostile_db
    # impossible days and a range stated backwards are no events, and the report says why
    aside = {(f["text"], f["why"]) for f in report["dates_set_aside"] if f["source"] == "hostile"}
    assert {("November 12, 1934 to February 6, 1933", "the range ends before it starts"),
            ("February 30, 1944", "February 1944 has no day 30"), ("31 April 1946", "April 1946 has no day 31"),
            ("29 February 1945", "February 1945 has no day 29")} <= aside
    (controls,) = [c for c in report["control_characters"] if c["source"] == "hostile"]
    assert controls["kinds"] == ["control character", "escape sequence"] and controls["count"] == 4  # 2 SGR, BEL, OSC
    split = max(report["split_sentences"], key=lambda x: x["end"] - x["start"])  # the 100 KB one (and the digit soup)
    assert split["source"] == "hostile" and split["end"] - split["start"] > 100_000 and split["parts"] >= 50
    fb = json.loads(out.read_bytes())
    events = [e for e in fb["events"] if e["source"] == "hostile"]
    assert all(e["date"]["start"] <= e["date"]["end"] for e in events)
    assert not [e for e in events if e["date"]["value"].startswith(
        ("1933", "1944-02-30", "1946-04-31", "1945-02-29", "0000", "9999"))]
    assert max(len(s["text"]) for s in fb["sentences"]) <= 2000  # its time against length: bench/linear.py


@pytest.mark.parametrize("command", [
    ["who", "Osman Batur"], ["who", "Wang Tse-ming"], ["where", "Kashgar"], ["what", "Kazaks"], ["when", "1947"],
    ["when", "1930..1950"], ["search", "rebels met Osman Batur"], ["timeline"], ["on", "11-12"], ["graph", "Ghulja"],
    ["sources"], ["show", "hostile"],
], ids=lambda c: " ".join(c))
def test_hostile_content_every_command_answers(command: list[str], hostile_db: tuple[Path, dict[str, Any]]) -> None:
    out, _ = hostile_db
    for mode, flags in (("json", ["--json"]), ("rich", [])):
        env = {**etr_env(), "ETR_TERMINAL": "1" if mode == "rich" else "0"}
        p = run_etr([*command, *flags, "--db", out], env=env)
        check_proc(p, mode, codes=(0, 1))
        assert foreign_escapes(p.stdout.decode()) == ""  # markup and escapes shown as text, never sent


# ------------------------------ (i) what the build sets aside or keeps as it is, said in its report

def _impossible_days() -> list[tuple[str, str]]:
    """A day after the end of each month shorter than 31 days, in a leap year and a common
    year, written the three ways the date grammar reads a day: (text, why it is no date)."""
    out = []
    for year in (1944, 1945):
        for month in (2, 4, 6, 9, 11):
            name = dt.date(year, month, 1).strftime("%B")
            for day in range(calendar.monthrange(year, month)[1] + 1, 32):
                why = f"{name} {year} has no day {day}"
                out += [(f"{name} {day}, {year}", why), (f"{day} {name} {year}", why),
                        (f"{year}-{month:02d}-{day:02d}", why)]
    return out


IMPOSSIBLE_DAYS = _impossible_days()
REVERSED = [("November 12, 1934 to February 6, 1933", "the range ends before it starts"),
            ("3 May 1947 and 1 May 1947", "the range ends before it starts")]
#: how each of them is written in a sentence
SAID = {text: f"{'on ' if text[0].isdigit() else ''}{text}" for text, _ in IMPOSSIBLE_DAYS}
SAID |= {REVERSED[0][0]: f"from {REVERSED[0][0]}", REVERSED[1][0]: f"between {REVERSED[1][0]}"}
#: hostile content a document may hold (a whole line of C0 controls is refused as binary: a few
#: are kept), and the kind the build's report gives it
CONTROL = {**{case: HOSTILE[case] for case in ("c1-csi", "ansi-bare-esc", "ansi-sgr", "ansi-osc8-link",
                                               "ansi-clear-screen", "ansi-title", "rtl-override")},
           "c0-controls": "bell\x07 backspace\x08 unit\x1f delete\x7f"}
CONTROL_KINDS = {"c0-controls": "control character", "c1-csi": "control character",
                 "ansi-bare-esc": "control character", "ansi-sgr": "escape sequence",
                 "ansi-osc8-link": "escape sequence", "ansi-clear-screen": "escape sequence",
                 "ansi-title": "escape sequence", "rtl-override": "bidirectional override"}


@pytest.fixture(scope="module")
def set_aside_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], str]:
    """One document stating every impossible day and backward range, one document per kind of
    control content, and a clean one, built together."""
    folder = tmp_path_factory.mktemp("set-aside")
    docs = folder / "docs"
    docs.mkdir()
    (docs / "dates.txt").write_text("".join(f"The consul left Kashgar {SAID[text]}.\n\n"
                                            for text, _ in IMPOSSIBLE_DAYS + REVERSED), encoding="utf-8")
    for case in CONTROL_KINDS:
        (docs / f"{case}.txt").write_text(f"The rebels met in Ghulja on 12 November 1944 and read {CONTROL[case]} notes.\n",
                                          encoding="utf-8")
    (docs / "clean.txt").write_text("The rebels met in Ghulja on 12 November 1944.\n", encoding="utf-8")
    out = folder / "facts.json"
    p = run_etr(["build", "--add", docs, "--out", out, "--json"], timeout=300)
    assert p.returncode == 0, p.stderr
    summary = run_etr(["build", "--add", docs, "--out", folder / "again.json"], timeout=300)
    assert summary.returncode == 0, summary.stderr
    return out, json.loads(p.stdout), summary.stderr.decode()


@pytest.mark.parametrize("text,why", IMPOSSIBLE_DAYS + REVERSED, ids=[t for t, _ in IMPOSSIBLE_DAYS + REVERSED])
def test_impossible_dates_are_set_aside_and_said(text: str, why: str,
                                                 set_aside_db: tuple[Path, dict[str, Any], str]) -> None:
    out, report, _ = set_aside_db
    aside = [f for f in report["dates_set_aside"] if f["source"] == "dates" and f["text"] == text]
    assert [f["why"] for f in aside] == [why]
    quoted = json.loads(out.read_bytes())["sources"]
    text_of = {s["id"]: s["text"] for s in quoted}
    assert text_of["dates"][aside[0]["start"] : aside[0]["end"]] == text  # offsets into the text as read
    events = [e for e in json.loads(out.read_bytes())["events"] if e["source"] == "dates"]
    assert not [e for e in events if e["date"]["text"] == text]


@pytest.mark.parametrize("command", [["when", "1944..1947"], ["when", "1945-02"], ["search", "consul left Kashgar"],
                                     ["where", "Kashgar"], ["show", "dates"], ["timeline"], ["on", "02-29"]],
                         ids=" ".join)
def test_a_fact_base_with_impossible_dates_answers(command: list[str],
                                                   set_aside_db: tuple[Path, dict[str, Any], str]) -> None:
    out, _, _ = set_aside_db
    for mode, flags in (("json", ["--json"]), ("rich", [])):
        env = {**etr_env(), "ETR_TERMINAL": "1" if mode == "rich" else "0"}
        check_proc(run_etr([*command, *flags, "--db", out], env=env), mode, codes=(0, 1))


@pytest.mark.parametrize("case", sorted(CONTROL_KINDS))
def test_control_characters_are_counted_kept_and_shown_escaped(case: str,
                                                               set_aside_db: tuple[Path, dict[str, Any], str]) -> None:
    out, report, _ = set_aside_db
    (entry,) = [c for c in report["control_characters"] if c["source"] == case]
    assert entry["kinds"] == [CONTROL_KINDS[case]] and entry["count"] >= 1
    text = {s["id"]: s["text"] for s in json.loads(out.read_bytes())["sources"]}[case]
    assert CONTROL[case] in text  # kept as written
    assert text[entry["start"]] in "\x1b\x9b\x07\u202e"
    for mode, flags in (("json", ["--json"]), ("rich", [])):
        env = {**etr_env(), "ETR_TERMINAL": "1" if mode == "rich" else "0"}
        for command in (["show", case], ["search", "rebels read notes"], ["sources"]):
            p = run_etr([*command, *flags, "--db", out], env=env)
            check_proc(p, mode, codes=(0, 1))  # JSON escapes C0 and ESC, and keeps the text exact
            if mode == "rich":
                assert foreign_escapes(p.stdout.decode()) == ""


def test_the_build_says_what_it_set_aside_and_what_it_kept(set_aside_db: tuple[Path, dict[str, Any], str]) -> None:
    _, report, stderr = set_aside_db
    assert not [c for c in report["control_characters"] if c["source"] in ("clean", "dates")]
    assert {f["source"] for f in report["dates_set_aside"]} == {"dates"}
    n = len(IMPOSSIBLE_DAYS) + len(REVERSED)
    assert f"etr: {n} dates set aside, e.g. " in stderr
    kinds = ", ".join(sorted(set(CONTROL_KINDS.values())))
    count = sum(c["count"] for c in report["control_characters"])
    assert f"etr: {count} control characters ({kinds}) in {len(CONTROL_KINDS)} documents, e.g. " in stderr
    assert "\x1b" not in stderr and "\x9b" not in stderr
