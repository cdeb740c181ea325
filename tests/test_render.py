"""Rendering on a fixed-width console, with exact expected text; hostile text stays text."""

from __future__ import annotations

from io import StringIO
from typing import Any

from rich.console import Console

from etr.render import envelope, tables, tsv
from etr.text.safe import clean

SHORTS = {"etr": "ETR"}
TITLES = {"etr": "East Turkestan Republic"}


def show(renderable: Any, width: int = 100) -> str:
    out = StringIO()
    Console(width=width, file=out, color_system=None, highlight=False, markup=False, emoji=False).print(renderable)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())


def event(text: str, value: str = "1944-11-13", how: str = "year-inherited", quote: str | None = None) -> dict[str, Any]:
    return {
        "id": "e-1", "text": text,
        "date": {"text": "13 November", "value": value, "start": value, "end": value, "precision": "day",
                 "mod": None, "how": how},
        "entities": [], "citations": [{"source": "etr", "title": "T", "section": "Rebellion", "start": 0,
                                       "end": len(text), "quote": quote or text}],
    }


def test_events_table_exact() -> None:
    table = tables.events_table([event("The rebels did not take them until 13 November.")], SHORTS)
    assert show(table, 80) == "\n".join([
        "┏━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┓",
        "┃ date             ┃ as written  ┃ statement                ┃ source           ┃",
        "┡━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━┩",
        "│ 1944-11-13       │ 13 November │ The rebels did not take  │ [ETR §Rebellion] │",
        "│ (year-inherited) │             │ them until 13 November.  │                  │",
        "└──────────────────┴─────────────┴──────────────────────────┴──────────────────┘",
    ])


def test_markup_and_escapes_in_documents_are_shown_as_text() -> None:
    hostile = "[bold red]Kasimov[/] \x1b[31mred\x1b[0m [link=file:///etc/passwd]x[/link]\x07"
    text = show(tables.events_table([event(hostile)], SHORTS), 120)
    assert "[bold red]Kasimov[/]" in text and "[link=file:///etc/passwd]x[/link]" in text
    assert "\x1b" not in text and "\x07" not in text


def test_clean_strips_controls_and_joins_lines() -> None:
    assert clean("a\x1b[2Jb\nc\x00d\u202ee") == "ab cde"


def test_tsv_rows_never_truncate_or_break() -> None:
    long = "word " * 200
    out = tsv.tsv(["a", "b"], [[long, "x\ty\nz"]])
    lines = out.splitlines()
    assert lines[0] == "a\tb" and len(lines) == 2
    assert lines[1].startswith("word word") and lines[1].endswith("x y z")


def test_legend_names_sources_used() -> None:
    assert show(tables.legend(SHORTS, TITLES, {"etr"})) == "Sources: ETR = East Turkestan Republic"


def test_json_envelope_is_plain_json() -> None:
    env = envelope.envelope("who", "Ma", {"ambiguous": True}, [{"name": "Ma Bufang"}])
    assert envelope.to_json(env) == '{"command": "who", "query": "Ma", "interpreted": {"ambiguous": true}, "results": [{"name": "Ma Bufang"}]}\n'
