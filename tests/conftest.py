"""Shared fixtures and helpers, one of each: every test runs with its own ETR_HOME, no ETR_*
variable from outside, no colour and no forced terminal; the fact bases (committed and freshly
built), the installed `etr`, the in-process runner, the subprocess environment, the telegram, the
damaged fact bases and the impossible dates are defined here and nowhere else."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
COMMITTED = ROOT / "data" / "facts.json"

#: a 1944 consular telegram in the old romanisations (Tihwa, Kuldja, Ahmedjan Kasimov), with one
#: name no registry holds (Colonel Petrovsky); its file name gives its source id
TELEGRAM_DOC = DATA / "tihwa_telegram_1944.txt"
TELEGRAM = TELEGRAM_DOC.read_text(encoding="utf-8")
#: a shorter telegram, the README's `etr extract` example
SAMPLE_TELEGRAM_DOC = DATA / "sample_telegram.txt"


def _etr_path() -> str:
    sibling = Path(sys.executable).parent / "etr"
    if sibling.is_file():
        return str(sibling)
    found = shutil.which("etr")
    assert found, "the etr console script is not installed next to this Python nor on PATH"
    return found


#: the installed console script, for tests of a real process
ETR = _etr_path()


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own ETR_HOME (returned), and no other ETR_* variable but ETR_QUIET; no colour."""
    home = tmp_path_factory.mktemp("etr_home")
    for name in [k for k in os.environ if k.startswith("ETR_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ETR_HOME", str(home))
    monkeypatch.setenv("ETR_QUIET", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return home


def etr_env(*, progress: bool = False, **extra: str) -> dict[str, str]:
    """The environment for a real `etr` process: the test's isolated one (progress lines on
    stderr only with `progress`), plus `extra`."""
    env = dict(os.environ)
    if progress:
        env.pop("ETR_QUIET", None)
    env.update(extra)
    return env


# ------------------------------------------------------------------ the in-process runner

@dataclass(frozen=True)
class Ran:
    """What one in-process run of the command line gave."""

    exit_code: int
    stdout_bytes: bytes
    stderr_bytes: bytes
    output_bytes: bytes  # stdout and stderr interleaved, as a terminal shows them
    exception: BaseException | None  # None, a SystemExit with a non-zero code, or what escaped

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8", "replace").replace("\r\n", "\n")

    @property
    def stderr(self) -> str:
        return self.stderr_bytes.decode("utf-8", "replace").replace("\r\n", "\n")

    @property
    def output(self) -> str:
        return self.output_bytes.decode("utf-8", "replace").replace("\r\n", "\n")


@functools.cache
def _command() -> Any:
    """The app's click command, built once with Typer's public `get_command` (CliRunner.invoke
    builds it again on every call, a few ms each, thousands of times in the robustness tests)."""
    import typer.main

    from etr.cli.app import app

    return typer.main.get_command(app)


def cli(*args: str, **env: str) -> Ran:
    """`etr ARGS` through the Typer app, in this process, with `env` added to the environment;
    in Typer's CliRunner isolation (its public `isolation`), as CliRunner.invoke runs it."""
    from typer.testing import CliRunner

    runner, command = CliRunner(), _command()
    with runner.isolation(env=env or None) as (out, err, mixed):
        code, exception = 0, None
        try:
            command.main(args=list(args), prog_name=runner.get_default_prog_name(command))
        except SystemExit as e:
            code = 0 if e.code is None else e.code if isinstance(e.code, int) else 1
            exception = e if code else None
            if not isinstance(e.code, int | None):
                sys.stdout.write(f"{e.code}\n")
        except Exception as e:  # noqa: BLE001 - reported in the result, as CliRunner does
            code, exception = 1, e
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        return Ran(code, out.getvalue(), err.getvalue(), mixed.getvalue(), exception)


#: the only escape sequences etr itself sends to a styled terminal: SGR reset, bold, dim,
#: reverse and yellow (etr.render.terminal.Screen.style), alone or combined
ETR_SGR = re.compile(r"\x1b\[(?:0|1|2|7|33)(?:;(?:1|2|7|33))*m")


def foreign_escapes(text: str) -> str:
    """The control characters (ESC, BEL, C1 ...; a line break aside) left in `text` once etr's
    own styles are taken out: '' when etr sent nothing else."""
    rest = ETR_SGR.sub("", text)
    return "".join(ch for ch in rest if (ch < " " and ch != "\n") or "\x7f" <= ch <= "\x9f")


# ---------------------------------------------------------------------------- fact bases

@pytest.fixture(scope="session")
def facts_db() -> dict[str, Any]:
    """The committed fact base (do not change it: it is shared)."""
    from etr.store import facts as store

    return store.load(COMMITTED)


@pytest.fixture(scope="session")
def fresh_db() -> dict[str, Any]:
    """A fact base built now from the seeds and the registry (do not change it: it is shared).
    Only test_build.py's test_committed_fact_base_is_what_build_produces compares it with the
    committed file; other tests compare builds with this one."""
    from etr.ingest.pipeline import build_seeds

    db, _ = build_seeds()
    return db


@pytest.fixture(scope="session")
def fresh_text(fresh_db: dict[str, Any]) -> str:
    """The fresh build as `etr build` writes it."""
    from etr.store import facts as store

    return store.dumps(fresh_db)


#: a FRUS telegram whose header names its writer and date (an added document with an author)
FRUS_TELEGRAM_DOC = DATA / "real" / "telegrams" / "frus1947v07_d480_osman_peitashan_kazaks.txt"


@pytest.fixture(scope="session")
def added_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fact base built as `etr build --add TELEGRAM --add FRUS_TELEGRAM --out F` builds it (do
    not change it: it is shared)."""
    from etr.ingest.pipeline import run_build

    out = tmp_path_factory.mktemp("added") / "facts.json"
    run_build([TELEGRAM_DOC, FRUS_TELEGRAM_DOC], out, None)
    return out


@pytest.fixture()
def db_copy(tmp_path: Path) -> Path:
    """A private copy of the committed fact base, safe to damage."""
    dst = tmp_path / "facts.json"
    shutil.copy(COMMITTED, dst)
    return dst


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------------ damaged fact bases

def rewrite(path: Path, change: Callable[[dict[str, Any]], Any]) -> None:
    """Parse the fact base at `path`, `change` it, and write it back as JSON (no validation)."""
    db = json.loads(path.read_text(encoding="utf-8"))
    change(db)
    path.write_text(json.dumps(db, ensure_ascii=False), encoding="utf-8")


def _edit(change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    return lambda path: rewrite(path, change)


def _without(key: str) -> Callable[[Path], None]:
    return _edit(lambda db: db.pop(key))


def _first_registry_date(db: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in db["entities"] if e["dates"])["dates"][0]["citation"]


#: name: (how to damage a copy of the committed fact base, what the message must say)
DAMAGE: dict[str, tuple[Callable[[Path], Any], str]] = {
    "missing": (lambda p: p.unlink(), "no fact base here"),
    "a-directory": (lambda p: (p.unlink(), p.mkdir()), "is a directory, not a fact base"),
    "empty": (lambda p: p.write_bytes(b""), "the fact base is empty"),
    "whitespace": (lambda p: p.write_bytes(b" \n\t\n"), "the fact base is empty"),
    "truncated-half": (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "not valid JSON"),
    "truncated-last-byte": (lambda p: p.write_bytes(p.read_bytes().rstrip()[:-1]), "not valid JSON"),
    "not-json": (lambda p: p.write_bytes(b"<html>not a fact base</html>\n"), "not valid JSON"),
    "binary": (lambda p: p.write_bytes(bytes(range(256)) * 10), "not valid JSON"),
    "nul-bytes": (lambda p: p.write_bytes(b"\x00" * 100), "not valid JSON"),
    "deeply-nested": (lambda p: p.write_bytes(b"[" * 200_000 + b"]" * 200_000), "not valid JSON"),
    "latin1-bytes": (lambda p: p.write_bytes(p.read_bytes().replace(b"Ghulja", b"Ghulj\xe9", 1)), "not valid JSON"),
    "json-list": (lambda p: p.write_text("[1, 2, 3]"), "not a fact base (expected a JSON object)"),
    "json-null": (lambda p: p.write_bytes(b"null"), "not a fact base (expected a JSON object)"),
    "schema-version-99": (_edit(lambda db: db.update(schema_version=99)), "schema_version 99, this etr reads 1"),
    "schema-version-string": (_edit(lambda db: db.update(schema_version="1")), "schema_version '1', this etr reads 1"),
    "schema-version-missing": (_without("schema_version"), "schema_version None, this etr reads 1"),
    "no-sources": (_without("sources"), "required key 'sources' is missing"),
    "no-sentences": (_without("sentences"), "required key 'sentences' is missing"),
    "no-events": (_without("events"), "required key 'events' is missing"),
    "no-entities": (_without("entities"), "required key 'entities' is missing"),
    "sources-not-a-list": (_edit(lambda db: db.update(sources=5)), "malformed fact base ('sources' must be a list)"),
    "entities-null": (_edit(lambda db: db.update(entities=None)), "malformed fact base ('entities' must be a list)"),
    "entity-not-an-object": (_edit(lambda db: db["entities"].__setitem__(0, "not an entity")),
                             "malformed fact base (entities[0] is not an object)"),
    "citation-start-string": (_edit(lambda db: db["events"][0]["citations"][0].update(start="0")),
                              "malformed fact base"),
    "citation-offset-shifted": (_edit(lambda db: db["events"][0]["citations"][0].update(
        start=db["events"][0]["citations"][0]["start"] + 1)), "does not match its quote"),
    "citation-quote-replaced": (_edit(lambda db: db["events"][3]["citations"][0].update(
        quote="Something the documents never said.")), "does not match its quote"),
    "citation-quote-lengthened": (_edit(lambda db: db["events"][0]["citations"][0].update(
        quote=db["events"][0]["citations"][0]["quote"] + " (edited)")), "does not match its quote"),
    "source-text-edited": (_edit(lambda db: db["sources"][0].update(
        text=db["sources"][0]["text"].replace("Ghulja", "Gulja"))), "does not match its quote"),
    "source-text-prefixed": (_edit(lambda db: db["sources"][0].update(text="X" + db["sources"][0]["text"])),
                             "does not match its quote"),
    "sentence-offset-shifted": (_edit(lambda db: db["sentences"][0].update(end=db["sentences"][0]["end"] + 3)),
                                "no longer matches its source text"),
    "registry-date-citation-moved": (_edit(lambda db: _first_registry_date(db).update(
        end=_first_registry_date(db)["end"] + 3)), "does not match its quote"),
}


# ----------------------------------------------------------------------- impossible dates

#: name: (a date that cannot be, what `etr when` says of it); exit 2 from `when` and `timeline --from/--to`
IMPOSSIBLE_DATES: dict[str, tuple[str, str]] = {
    "month-13": ("1944-13", "month 13 does not exist"),
    "month-00": ("1944-00", "month 0 does not exist"),
    "31-february": ("31 February 1944", "February 1944 has no day 31"),
    "29-february-1945": ("29 February 1945", "February 1945 has no day 29"),
    "30-february-iso": ("1944-02-30", "February 1944 has no day 30"),
    "31-november-iso": ("1944-11-31", "November 1944 has no day 31"),
    "day-00": ("1944-11-00", "November 1944 has no day 0"),
    "year-0000": ("0000", "there is no year 0"),
    "slash-month-13": ("13/1945", "month 13 does not exist"),
    "slash-year-0000": ("9/0000", "there is no year 0"),
    "half-of-year-0000": ("first half of 0000", "there is no year 0"),
    "reversed": ("1946..1944", "ends before it starts"),
    "triple-range": ("1944..1945..1946", "cannot read '1944..1945..1946' as a period"),
    "dotdot": ("..", "cannot read '..' as a period"),
    "open-range": ("1944..", "cannot read '1944..' as a period"),
}
