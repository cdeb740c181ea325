"""Rendering: the terminal layout at 80 and 120 columns with exact expected text; TSV and JSON
forms; hostile text stays text."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ETR_SGR, foreign_escapes
from etr.render import envelope, terminal, tsv
from etr.render.terminal import Screen, cells, cut, wrap
from etr.text.safe import clean

SHORTS = {"etr": "ETR"}
TITLES = {"etr": "East Turkestan Republic"}


def event(text: str, value: str = "1944-11-13", how: str = "year-inherited", section: str = "Rebellion",
          within: bool = True) -> dict[str, Any]:
    return {
        "id": "e-1", "text": text, "within": within,
        "date": {"text": "13 November", "value": value, "start": value, "end": value, "precision": "day",
                 "mod": None, "how": how},
        "entities": [], "citations": [{"source": "etr", "title": "T", "section": section, "start": 0,
                                       "end": len(text), "quote": text}],
    }


def lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


LONG = ("On 25 August, the eleven delegates, Ehmetjan Qasimi, Abdukerim Abbasov, Ishaq Beg, Luo Zhi and "
        "accompanying officers of the Three Districts, boarded the plane in Alma-Ata.")


def test_events_at_80_columns_exact() -> None:
    out = terminal.events(Screen(80), [event(LONG, section="Incorporation into the People's Republic of China"),
                                       event("The rebels took Ghulja.", "1944", "explicit", within=False)],
                          SHORTS, TITLES, {"period": {"start": "1944-11-01", "end": "1949-12-31"}})
    assert lines(out) == [
        "1944-11-01 to 1949-12-31  (~ = known only more coarsely)",
        "date              statement                                     source",
        "────────────────  ────────────────────────────────────────────  ────────────────",
        "1944-11-13        On 25 August, the eleven delegates, Ehmetjan  ETR",
        "(year-inherited)  Qasimi, Abdukerim Abbasov, Ishaq Beg, Luo     §Incorporation …",
        "                  Zhi and accompanying officers of the Three",
        "                  Districts, boarded the plane in Alma-Ata.",
        "1944 ~            The rebels took Ghulja.                       ETR §Rebellion",
        "Sources: ETR = East Turkestan Republic",
    ]
    assert all(cells(x) <= 80 for x in lines(out))


def test_events_at_120_columns_exact() -> None:
    out = terminal.events(Screen(120), [event(LONG)], SHORTS, TITLES, {})
    assert lines(out) == [
        "date              statement                                                                               source",
        "────────────────  ──────────────────────────────────────────────────────────────────────────────────────  ──────────────",
        "1944-11-13        On 25 August, the eleven delegates, Ehmetjan Qasimi, Abdukerim Abbasov, Ishaq Beg, Luo  ETR §Rebellion",
        "(year-inherited)  Zhi and accompanying officers of the Three Districts, boarded the plane in Alma-Ata.",
        "Sources: ETR = East Turkestan Republic",
    ]
    assert max(cells(x) for x in lines(out)) == 120


PERSON = {
    "id": "ehmetjan-qasimi", "type": "person", "name": "Ehmetjan Qasimi", "matched": "Kasimov",
    "match_kind": "alias", "aliases": ["Qasimi", "Kasimov"], "variants": ["Ahmetjan Kasimov"],
    "description": "Uyghur leader of the Three Districts.", "roles": ["Provincial Vice Chairman"], "curated": True,
    "events": [event("On 12 August 1947, Ehmetjan Qasimi left Dihua and returned to Ili.", "1947-08-12", "explicit")],
    "statements": [{"source": "etr", "title": "T", "section": "Rebellion", "start": 0, "end": 10,
                    "quote": "Qasimi Russified his surname to \"Kasimov\"."}],
    "related": [{"id": "x", "name": "Abdukerim Abbasov", "type": "person", "count": 5}],
}


def test_profile_leads_with_the_answer_at_80_columns() -> None:
    out = terminal.profiles(Screen(80), [PERSON], {"ambiguous": False}, "Kasimov", SHORTS, TITLES)
    assert lines(out) == [
        "Ehmetjan Qasimi  (person)",
        "matched 'Kasimov' (alias)",
        "Uyghur leader of the Three Districts.",
        "roles: Provincial Vice Chairman",
        "also written: Qasimi, Kasimov",
        "",
        "Dated events (1)",
        "date        statement                                             source",
        "──────────  ────────────────────────────────────────────────────  ──────────────",
        "1947-08-12  On 12 August 1947, Ehmetjan Qasimi left Dihua and     ETR §Rebellion",
        "            returned to Ili.",
        "",
        "Undated statements (1)",
        "• Qasimi Russified his surname to \"Kasimov\". [ETR §Rebellion]",
        "",
        "appears with: Abdukerim Abbasov (5)",
        "other spellings (not in the documents): Ahmetjan Kasimov",
        "Sources: ETR = East Turkestan Republic",
    ]


def test_styles_only_at_a_styled_screen() -> None:
    plain = terminal.profiles(Screen(80), [PERSON], {}, "x", SHORTS, TITLES)
    styled = terminal.profiles(Screen(80, styles=True, colour=False), [PERSON], {"ambiguous": True}, "x", SHORTS, TITLES)
    assert "\x1b" not in plain
    assert "\x1b[1mEhmetjan Qasimi\x1b[0m" in styled
    assert "\x1b[33m" not in styled  # yellow is colour: not under NO_COLOR
    coloured = terminal.profiles(Screen(80, styles=True, colour=True), [PERSON], {"ambiguous": True}, "x", SHORTS, TITLES)
    assert "\x1b[33m" in coloured


@pytest.mark.parametrize("text,width,expected", [
    ("Ghulja", 10, ["Ghulja"]),
    ("one two three", 7, ["one two", "three"]),
    ("尼勒克镇 Nilka", 8, ["尼勒克镇", "Nilka"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("", 5, [""]),
])
def test_wrap_counts_cells(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, width) == expected
    assert all(cells(x) <= width for x in wrap(text, width))


@pytest.mark.parametrize("text,width,expected", [
    ("Formation of the Coalition", 10, "Formation…"), ("short", 10, "short"), ("尼勒克镇", 5, "尼勒…"),
])
def test_cut(text: str, width: int, expected: str) -> None:
    assert cut(text, width) == expected and cells(cut(text, width)) <= width


def test_highlight_in_a_paragraph_survives_wrapping() -> None:
    item = {"kind": "event", "id": "e", "date": {"text": "13 November", "value": "1944-11-13", "how": "explicit"},
            "context": {"paragraph": "Before. The rebels did not take them until 13 November. After.", "start": 8,
                        "end": 55, "section": "Rebellion", "title": "T"},
            "entities": [], "citations": [{"source": "etr", "section": "Rebellion", "start": 8, "end": 55, "quote": ""}]}
    plain = lines(terminal.shown(Screen(40), item, SHORTS, TITLES))
    assert plain == ["date: 13 November -> 1944-11-13", "(explicit)", "T §Rebellion",
                     "Before. »The rebels did not take them", "until 13 November.« After.",
                     "cite: etr [8:55] [ETR §Rebellion]"]
    styled = terminal.shown(Screen(40, styles=True), item, SHORTS, TITLES)
    assert "\x1b[7mThe rebels did not take them\x1b[0m" in styled and "\x1b[7muntil 13 November.\x1b[0m" in styled


def test_markup_and_escapes_in_documents_are_shown_as_text() -> None:
    hostile = "[bold red]Kasimov[/] \x1b[31mred\x1b[0m \x1b]0;title\x07 [link=file:///etc/passwd]x[/link]\x07"
    out = terminal.events(Screen(120, styles=True), [event(hostile)], SHORTS, TITLES, {})
    assert "[bold red]Kasimov[/] red [link=file:///etc/passwd]x[/link]" in out
    assert "\x1b[31m" not in out and "\x07" not in out and "title" not in out
    assert ETR_SGR.search(out) and foreign_escapes(out) == ""  # styled, and by etr's own codes only


@pytest.mark.parametrize("text,shown", [
    ("[bold red]Kasimov[/] [link=file:///etc/passwd]x[/link]", "[bold red]Kasimov[/] [link=file:///etc/passwd]x[/link]"),
    ("\x1b[31mred\x1b[0m", "red"),  # colour (SGR)
    ("\x1b[1;31;48;5;196mbold\x1b[m", "bold"),  # SGR with many parameters, and the short reset
    ("\x1b[2J\x1b[H", ""),  # clear the screen, cursor home
    ("\x1b[?1049hx\x1b[?1049l", "x"),  # the alternate screen
    ("\x1b]0;pwned\x07Ghulja", "Ghulja"),  # set the window title, ended by BEL
    ("\x1b]8;;file:///etc/passwd\x1b\\x\x1b]8;;\x1b\\", "x"),  # a hyperlink, ended by ST
    ("\x1b", ""),  # a bare ESC
    ("bell\x07", "bell"),
    ("a\x1b[2Jb\nc\x00d\u202ee", "ab cde"),
    ("line\r\nbreak\ttab\nend", "line break tab end"),  # one line, always
    ("a\x7fb\x85c", "abc"),  # DEL and C1 controls
    ("\u202eimisaq\u202c", "imisaq"),  # bidi override and pop
    ("\u2067Ghulja\u2069\u200f", "Ghulja"),  # bidi isolates, a right-to-left mark
    ("qa\u200bsi\u200dmi", "qasimi"),  # zero-width space and joiner
    ("line\u2028separator\u2029paragraph", "line separator paragraph"),  # Unicode's line breaks: one line
    ("\u061cArabic mark\ufeff", "Arabic mark"),  # the Arabic letter mark and a byte-order mark
    ("qasimi\udcff", "qasimi\ufffd"),  # a lone surrogate (undecodable argv) becomes U+FFFD
    ("尼勒克镇 Ürümqi", "尼勒克镇 Ürümqi"),
])
def test_clean_removes_escapes_and_controls_and_keeps_text(text: str, shown: str) -> None:
    assert clean(text) == shown


def test_tsv_rows_never_truncate_or_break() -> None:
    long = "word " * 200
    out = tsv.tsv(["a", "b"], [[long, "x\ty\nz"]])
    rows = out.splitlines()
    assert rows[0] == "a\tb" and len(rows) == 2
    assert rows[1].startswith("word word") and rows[1].endswith("x y z")


def test_tsv_marks_coarser_dates_as_the_terminal_does() -> None:
    rows = tsv.events([event("x", "1947", "explicit", within=False), event("y", "1947-06-05", "explicit")]).splitlines()
    assert [r.split("\t")[0] for r in rows] == ["date", "1947 ~", "1947-06-05"]


def test_json_envelope_is_plain_json() -> None:
    env = envelope.envelope("who", "Ma", {"ambiguous": True}, [{"name": "Ma Bufang"}])
    assert envelope.to_json(env) == '{"command": "who", "query": "Ma", "interpreted": {"ambiguous": true}, "results": [{"name": "Ma Bufang"}]}\n'


def test_a_long_list_at_a_terminal_is_bounded_and_says_how_many_more() -> None:
    evs = [event(f"Statement number {i}.") for i in range(40)]
    out = lines(terminal.events(Screen(80), evs, SHORTS, TITLES, {}, at_most=3))
    assert [x for x in out if x.startswith("1944-11-13")] == [
        f"1944-11-13        Statement number {i}.  ETR §Rebellion" for i in range(3)]
    assert "… 37 more events (--limit N shows N; all of them when piped or with --json)" in out
    assert not [x for x in lines(terminal.events(Screen(80), evs, SHORTS, TITLES, {})) if "more events" in x]
    ent = {"id": "x", "type": "person", "name": "X", "events": evs, "curated": True,
           "statements": [e["citations"][0] for e in evs[:30]]}
    shown = "\n".join(terminal.profile(Screen(80), ent, SHORTS, TITLES, at_most=5))
    assert "Dated events (40)" in shown and "… 35 more dated events" in shown
    assert "Undated statements (30)" in shown and "… 25 more undated statements" in shown
    assert shown.count("Statement number") == 10


def test_a_list_of_json_texts_is_sliced_before_it_is_parsed() -> None:
    from etr.store.index import RawList

    raw = RawList(['{"a": 1}', '{"a": 2}', "not json: never parsed"])
    assert terminal.bounded(raw, 2) == ([{"a": 1}, {"a": 2}], 1)


@pytest.mark.parametrize("field,shown", [
    ("plain text", "plain text"),
    ("tab\there", "tab here"),
    ("line\nbreak", "line break"),
    ("\x1b[31mred\x1b[0m", "red"),
    ("bidi\u202eoverride", "bidioverride"),
    ("para\u2029graph", "para graph"),
    ("lone \udcff surrogate", "lone \ufffd surrogate"),
    (1944, "1944"),
])
def test_tsv_rows_are_cleaned_field_by_field(field: object, shown: str) -> None:
    from etr.render.tsv import tsv

    assert tsv(["a", "b"], [["x", field]]).splitlines()[1] == f"x\t{shown}"
