"""Shell completion through the scripts `etr --show-completion` gives (bash run for real; zsh,
fish and PowerShell through the variables their scripts set), and the build's progress: a bar on
a terminal, lines in a pipe."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COMMITTED, ETR, SAMPLE_TELEGRAM_DOC, etr_env

BIN = str(Path(ETR).parent)


def bash_complete(*words: str, cword: int | None = None) -> list[str]:
    """COMPREPLY after bash runs the installed completion function on `etr WORDS`."""
    script = subprocess.run([ETR, "--show-completion", "bash"], capture_output=True, text=True, env=etr_env(), timeout=60)
    assert script.returncode == 0 and "_etr_completion" in script.stdout
    array = " ".join("'" + w.replace("'", "'\\''") + "'" for w in ("etr", *words))
    n = len(words) if cword is None else cword
    code = f"{script.stdout}\nCOMP_WORDS=({array}); COMP_CWORD={n}; _etr_completion etr; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    env = etr_env(PATH=BIN + os.pathsep + os.environ.get("PATH", ""), ETR_DB=str(COMMITTED))
    proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [x for x in proc.stdout.split("\n") if x]


@pytest.mark.skipif(not os.path.exists("/bin/bash"), reason="no bash")
@pytest.mark.parametrize("words,expected", [
    (["w"], ["who", "where", "what", "when"]),
    (["who", "Ehm"], ["Ehmetjan", "Ehmetjan\\ Qasimi"]),  # escaped: one word on the line
    (["who", "kasim"], ["Kasimov"]),  # any case
    (["where", "Urum"], ["Urumchi", "Ürümqi"]),  # diacritics folded: the documents' both spellings
    (["where", "Ürüm"], ["Urumchi", "Ürümqi"]),
    (["who", '"Ehmetjan Q'], ['"Ehmetjan Qasimi"']),  # in the quote typed
    (["who", "Ehmetjan", "Q"], ["Qasimi"]),  # without quotes: the next word of the names so begun
    (["when", "plane", "c"], []),  # no names for a date or an event's words
    (["timeline", "--format", ""], ["csv", "json", "html", "svg"]),
    (["timeline", "--about", "Deng"], ["Deng\\ Liqun", "Deng\\ Liqun\\'s\\ telegram"]),  # any kind of entity
    (["sources", "--format", "b"], ["bibtex"]),
    (["export", ""], ["sqlite"]),
    (["graph", "--f"], ["--format"]),
    (["who", "Zzyzx"], []),
])
def test_bash_completes_commands_options_and_names(words: list[str], expected: list[str]) -> None:
    assert bash_complete(*words) == expected


def test_bash_completes_names_from_the_fact_base_given(added_db: Path) -> None:
    assert bash_complete("--db", str(added_db), "who", "Petro") == ["Petrovsky"]
    assert bash_complete("who", "Petro") == []  # the packaged fact base has no Petrovsky


def test_bash_completes_files_where_a_file_goes(tmp_path: Path) -> None:
    # nothing from etr: bash's own file completion (-o default) takes over
    assert bash_complete("extract", "") == []


def env_for(shell: str, line: str, **extra: str) -> dict[str, str]:
    return etr_env(_ETR_COMPLETE=f"complete_{shell}", _TYPER_COMPLETE_ARGS=line, ETR_DB=str(COMMITTED), **extra)


def test_zsh_fish_and_powershell_answer_in_their_formats() -> None:
    zsh = subprocess.run([ETR], capture_output=True, text=True, env=env_for("zsh", "etr who Ehm"), timeout=60).stdout
    assert zsh.startswith("_arguments '*: :((") and '"Ehmetjan Qasimi":"person"' in zsh
    fish = subprocess.run([ETR], capture_output=True, text=True, timeout=60,
                          env=env_for("fish", "etr where Ghu", _TYPER_COMPLETE_FISH_ACTION="get-args")).stdout
    assert fish.splitlines() == ["Ghulja\tplace"]
    asks = subprocess.run([ETR], capture_output=True, env=env_for("fish", "etr extract ", _TYPER_COMPLETE_FISH_ACTION="is-args"),
                          timeout=60)
    assert asks.returncode == 1  # fish: files here
    ps = subprocess.run([ETR], capture_output=True, text=True, timeout=60,
                        env=env_for("powershell", "etr on", _TYPER_COMPLETE_WORD_TO_COMPLETE="on")).stdout
    assert ps.splitlines()[0].startswith("on:::What the sources say")


def test_install_completion_writes_the_shell_s_files(tmp_path: Path) -> None:
    proc = subprocess.run([ETR, "--install-completion", "bash"], capture_output=True, text=True, timeout=60,
                          env=etr_env(HOME=str(tmp_path), SHELL="/bin/bash"))
    assert proc.returncode == 0, proc.stderr
    assert "_ETR_COMPLETE=complete_bash" in (tmp_path / ".bash_completions" / "etr.sh").read_text()
    assert ".bash_completions/etr.sh" in (tmp_path / ".bashrc").read_text()


def test_completion_imports_no_cli_framework() -> None:
    code = ("import os, sys; os.environ.update(_ETR_COMPLETE='complete_bash', COMP_WORDS='etr who Ehm', COMP_CWORD='2');"
            "import etr.cli.main as m\ntry: m.main()\nexcept SystemExit: pass\n"
            "sys.stderr.write(str(sorted(x for x in ('typer', 'rich', 'rapidfuzz', 'etr.query.core') if x in sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=etr_env(), timeout=60)
    assert proc.stderr.endswith("[]") and "Ehmetjan" in proc.stdout


# ------------------------------------------------------------------ the build's progress

def test_a_build_piped_has_progress_lines_and_no_bar(tmp_path: Path) -> None:
    proc = subprocess.run([ETR, "build", "--out", str(tmp_path / "f.json"), str(SAMPLE_TELEGRAM_DOC)],
                          capture_output=True, text=True, env=etr_env(progress=True), timeout=120)
    assert proc.returncode == 0
    assert "etr: read sample_telegram.txt:" in proc.stderr
    assert "\x1b" not in proc.stderr and "━" not in proc.stderr


def test_a_long_build_at_a_terminal_shows_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    from etr.cli.output import BuildProgress

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("ETR_PROGRESS", "1")  # stderr is a terminal, as far as the bar knows
    monkeypatch.setattr(BuildProgress, "BAR_AFTER", 0.0)
    with BuildProgress() as bar:
        bar("registry: 280 entries")
        bar("read a.txt: 3 sentences")  # said by the bar, not as a line
        for k in range(1, 4):
            bar.step(k, 3, f"doc{k}.txt")
        bar("a message while the bar runs")
    shown = err.getvalue()
    assert "etr: registry: 280 entries" in shown and "read a.txt" not in shown
    assert "building" in shown and "3/3" in shown and "etr: a message while the bar runs" in shown


def test_a_short_build_at_a_terminal_shows_no_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    from etr.cli.output import BuildProgress

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("ETR_PROGRESS", "1")
    with BuildProgress() as bar:  # steps within the first second: no bar, and Rich is not needed
        bar.step(1, 1, "a.txt")
    assert err.getvalue() == "" and bar.bar is None
