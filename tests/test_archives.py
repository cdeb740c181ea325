"""Reading a researcher's own documents: archival structure, headers, names and aliases learnt
from the text (issue 14). Tables of made-up sentences in the styles of real archives; the real
documents themselves are scored by bench/eval_real.py."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from etr.ingest import aliases, archival
from etr.ingest.timex import Flag, tag

HEAD = "893.00/9\u20132545: Telegram\n"  # filed 25 September 1945


def dates(text: str) -> list[tuple[str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [(text[t.start : t.end], t.date.value) for t in tag(text, spans)]


def paragraph_dates(text: str) -> set[tuple[str, str]]:
    """(words, value) of each date in `text`, read paragraph by paragraph (blank lines apart)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    return {(text[t.start : t.end], t.date.value) for t in tag(text, spans)}


def found_in(sentence: str) -> list[Any]:
    """The names nobody registered that discovery finds in `sentence` alone (its Unknowns)."""
    from etr.ingest.discover import unknown_names, vocabulary

    return unknown_names(sentence, 0, len(sentence), [], vocabulary(sentence))


@pytest.mark.parametrize("text,expected", [
    # a telegram's number, a paragraph's number, a reference to another telegram: no years
    (f"{HEAD}1508. Department's 1113, August 16, reports rioting.", [("August 16", "1945-08-16")]),
    ("70. Garrison Commander reports calm.", []),
    (f"{HEAD}See Embtel 1419, August 16, 2 p.m., and despatch 35 of September 19.",
     [("August 16, 2 p.m.", "1945-08-16T14:00"), ("September 19", "1945-09-19")]),
    ("Sent Embassy as 1439, repeated Dept. as 1070.", []),
    (f"{HEAD}Reference mytel 1248 of 23rd.", [("23rd", "1945-09-23")]),
    ("Received at 1020 by radio.", []),
    ("Copy No. 1945 went to the Legation.", []),
    ("[Page 1580] The talks went on.", []),
    # a paper's run, a book's imprint: the years it came out, no time the text tells of
    ("Sydney Morning Herald (NSW : 1842 - 1954), Thursday 12 June 1947, page 1",
     [("Thursday 12 June 1947", "1947-06-12")]),
    ("Boorman, Biographical Dictionary of Republican China (New York: 1967-1969), Vol. 2, 58.", []),
    ("The republic (1933-1934) fell.", [("1933-1934", "1933/1934")]),
    ("The republic (Kashgar: 1933-1934) fell.", [("1933-1934", "1933/1934")]),  # no masthead, no citation
    # years that are years
    ("In 1944 the rebels took Kuldja.", [("1944", "1944")]),
    ("The Chinese recovered it in 1754 from the Dzungars.", [("1754", "1754")]),
    # numbers that only look like years long before the document's time
    ("The Abdalis 1000, the Tajiks 13,000.", []),
    ("Otru was attacked by about 1200 Soviet troops.", []),
    ("Deptels 120, August 1657 and 115.", []),  # August 16 with footnote marker 57 glued on
    # a life from a year to a day, the hyphen unspaced: not a range of years "1890-25"
    ("Chu Shao-liang (1890-25 December 1963), officer.", [("1890-25 December 1963", "1890/1963-12-25")]),
    # the year an editor supplied in brackets is the day's
    ("The committee was created on 16 January [1943].", [("16 January [1943]", "1943-01-16")]),
    ("He reached Dihua on May 22 [1944] by air.", [("May 22 [1944]", "1944-05-22")]),
    ("He reached Dihua on 22 May [1944 by air.", [("1944", "1944")]),  # no closing bracket: no day of it
    # OCR's "1332" for 1932 in a report whose every other year is of the 1930s-1950s: far outside them
    ("Sovnintorg was established in 1931.\nIn 1950 and 1951 trade grew.\nAfter 1332, the Soviet trade agency was alone.",
     [("1931", "1931"), ("1950", "1950"), ("1951", "1951")]),
    # a history that states older years too keeps them
    ("In 1647 the rulers of Hami submitted.\nIn 1697 they rose.\nIn 1930 the khanate ended. In 1931 and 1934 war.",
     [("1647", "1647"), ("1697", "1697"), ("1930", "1930"), ("1931", "1931"), ("1934", "1934")]),
])
def test_archival_numbers_are_not_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    got = [d for d in dates(text) if not text.startswith(d[0])]  # the header's own date aside
    assert [t for t, _v in got] == [t for t, _v in expected]
    for (_t, v), (_t2, want) in zip(got, expected, strict=True):
        if want is not None:
            assert v == want


@pytest.mark.parametrize("text,expected", [
    # "Today" opening a telegram's sentence before a name is the telegram's day, no name ("Today Show")
    ("893.796/8–3048: Telegram\n\n82. Today Liu called prior to departure.",
     [("Today", "1948-08-30")]),
    ("Tihwa, March 3, 1947.\n\nHe left. Yesterday General Sung called.",
     [("March 3, 1947", "1947-03-03"), ("Yesterday", "1947-03-02")]),
    ("Tihwa, March 3, 1947.\n\nHe watched The Today Show.", [("March 3, 1947", "1947-03-03")]),
    # a comma run into the year, as a copy loses the space ("Died | August 09,1933 Kashgar |")
    ("Died | August 09,1933 Kashgar |", [("August 09,1933", "1933-08-09")]),
    ("He died on 9 August,1933 at Kashgar.", [("9 August,1933", "1933-08-09")]),
    ("On May 1,000 men left.", []),
    ("Tihwa, March 3, 1947.\n\nOn May 10,2000 rebels attacked.", [("March 3, 1947", "1947-03-03")]),  # a count
    ("Tihwa, March 3, 1947.\n\n“Yesterday General Sung told me so.”",
     [("March 3, 1947", "1947-03-03"), ("Yesterday", "1947-03-02")]),
    ("Tihwa, March 3, 1947.\n\nToday part of | China ∟ Xinjiang |", [("March 3, 1947", "1947-03-03")]),  # a label
    # a day named before any year, in the year of the date after it, where the story goes on in order
    ("Khoja Niyas appeared at the walls of Kashgar on 13 January.\nIn April 1934, Ma Zhongying gave a speech.",
     [("13 January", "1934-01-13"), ("April 1934", "1934-04")]),
    ("He left on 13 May.\nIn April 1934, Ma Zhongying gave a speech.", [("April 1934", "1934-04")]),  # out of order
    ("He left on 13 January.\nA.\nB.\nC.\nIn April 1934, Ma Zhongying gave a speech.", [("April 1934", "1934-04")]),
    # a received line is when a despatch came, not its date (frus1943china_d273: received three weeks on)
    ("The Ambassador in China (Gauss) to the Secretary of State\nChungking, December 21, 1943.\n[Received January 7, 1944.]\n"
     "Today Mr. Wu called.",
     [("December 21, 1943", "1943-12-21"), ("January 7, 1944", "1944-01-07"), ("Today", "1943-12-21")]),
    # the year the clause gives just before the day, in a report dated by its file number (frus1947v07_d489)
    ("893.00 Sinkiang/11–1047: Telegram\nThe Consul at Tihwa (Paxton) to the Secretary of State\n"
     "The date of its commencement in 1944 was November 7, the anniversary.", [("1944", "1944"), ("November 7", "1944-11-07")]),
])
def test_days_a_text_gives_their_year_by_general_rules(text: str, expected: list[tuple[str, str]]) -> None:
    """"Today" opening a sentence, a comma run into a year, a day whose year only the next date
    gives: read as a historian reads them; the year taken from a later date only where the story
    runs on in order, within YEAR_AFTER paragraphs."""
    assert dates(text) == expected


@pytest.mark.parametrize("head,expected", [
    ("893.00 Sinkiang/11\u20131647: Telegram\nThe Consul at Tihwa to the Secretary of State", "1947-11-16"),
    ("761.93/11-2347\nMemorandum", "1947-11-23"),
    ("125.937D/7\u20132949: Telegram", "1949-07-29"),
    ("793B.00/6\u2013350: Telegram", "1950-06-03"),  # a country's number with a letter (793B: Tibet); one digit of day
    ("The Ambassador to the Secretary of State\n[Received January 7, 1944.]", "1944-01-07"),
    ("A story with no header.", None),
    ("893.00/13\u20134047: Telegram", None),  # no 13th month
])
def test_a_header_dates_the_document(head: str, expected: str | None) -> None:
    got = archival.document_date(head)
    assert (got[0].value() if got else None) == expected


def test_a_summary_of_telegrams_is_dated_by_them() -> None:
    """"965. Following Ward's 87 through 94, June 7, 1946.": what follows is their substance, so
    "last night" in it is 6 June, not the night before the forwarding telegram's file date."""
    text = ("893.00/6\u20131346: Telegram\n\n965. Following Ward\u2019s 87 through 94, June 7, 1946.\n\n"
            "Signing of the agreement was completed last night at 7:30.\n")
    assert ("last night", "1946-06-06TNI") in dates(text)  # the night of 6 June


def test_the_header_date_anchors_days_without_a_year() -> None:
    text = ("893.00 Sinkiang/6\u2013947: Telegram\n"
            "243. Kazak forces attacked Peitashan on June 5. Yesterday planes were seen.")
    assert dates(text) == [("June 5", "1947-06-05"), ("Yesterday", "1947-06-08")]


def test_dates_set_aside_are_flagged_with_the_reason() -> None:
    text = "The Abdalis 1000, the Tajiks 13,000."
    flagged: list[Flag] = []
    assert tag(text, [(0, len(text))], flagged) == []
    assert flagged == [(12, 16, "1000", "the year 1000 is long before the document's time and the text does not say it is a year")]


def build_one(tmp_path: Any, text: str) -> dict[str, Any]:
    from etr.ingest.pipeline import build_with_added

    doc = tmp_path / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    return build_with_added([doc], None)[0]


def built(tmp_path: Any, text: str, name: str = "doc.txt") -> Any:
    """A fact base built (etr build --add, as a user runs it) from one document of `text`: its path."""
    from conftest import cli

    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(doc), "--out", str(out)).exit_code == 0
    return out


def built_from(tmp_path: Any, *texts: str) -> Any:
    """A fact base built (etr build --add, one document after another, as a user adds them) from
    documents of these `texts`, a.txt, b.txt, ...: its path."""
    from conftest import cli

    args = []
    for n, text in enumerate(texts):
        doc = tmp_path / f"{chr(ord('a') + n)}.txt"
        doc.write_text(text, encoding="utf-8")
        args += ["--add", str(doc)]
    out = tmp_path / "facts.json"
    assert cli("build", *args, "--out", str(out)).exit_code == 0
    return out


def answers(db: Any, command: str, query: str) -> list[dict[str, Any]]:
    """The results of `etr COMMAND QUERY --json` over the fact base at `db`."""
    import json

    from conftest import cli

    return list(json.loads(cli(command, query, "--json", "--db", str(db)).stdout)["results"])


def names_of(db: dict[str, Any], name: str) -> tuple[str, list[str]]:
    """The name and aliases of the entity one of whose names is `name`."""
    from etr.text.fold import fold

    for e in db["entities"]:
        if fold(name) in {fold(e["name"]), *(fold(a) for a in e["aliases"])}:
            return e["name"], e["aliases"]
    raise AssertionError(f"no entity named {name!r}")


@pytest.mark.parametrize("text,first,second", [
    ("The caravan halted at Koktobai, also called Fuwen, for the night. Fuwen has a well.", "Koktobai", "Fuwen"),
    ("They rode to Shar-Su (Kazakh name: Sary-Su) and on to Kurte.", "Shar-Su", "Sary-Su"),
    ("The surveyor Nakamura, also spelled Nakamoura, mapped the pass.", "Nakamura", "Nakamoura"),
    ("Governor Wang [Wang Tse-ming] received the delegates.", "Wang", "Wang Tse-ming"),
    ("The Altai Frontier Guard (AFG) crossed the river. Later the AFG withdrew to Chenghua.",
     "Altai Frontier Guard", "AFG"),
    ("Fighting near Utsh-Turfan, today known as Wushi, went on.", "Utsh-Turfan", "Wushi"),
    # a list of names, asides in brackets and footnotes passed over
    ("Yarkent[2] (Chinese: 莎车), also known as Yarkand (Uyghur: x) or Soche and formerly Shache (莎車), is a town.",
     "Yarkent", "Soche"),
    ("Yarkent[2] (Chinese: 莎车), also known as Yarkand (Uyghur: x) or Soche and formerly Shache (莎車), is a town.",
     "Yarkent", "Shache"),
    ("Abdulla Haji's real name was Ahmed Sabri, and he signed as such.", "Abdulla Haji", "Ahmed Sabri"),
    # an article's opening: a name glossed in brackets, "or" another
    ("The Battle of Baitag Bogd Mountain (Mongolian: Baitag bogdyn tulgaral) or Beitashan Incident (Chinese: "
     "北塔山事件) was a border conflict.", "Battle of Baitag Bogd Mountain", "Beitashan Incident"),
    # ... or the subject's two names, the second glossed, a title before it
    ("Abdullah Bughra or Emir Shah Mansur (Uighur: x; died March 28, 1934) was a Uighur emir.",
     "Abdullah Bughra", "Shah Mansur"),
    # a Wade-Giles given name written with a hyphen is one name with its pinyin ("Shu-jen", "Shuren")
    ("Wang Shuren was governor of Ningsia in 1930. Wang Shu-jen fled in 1933.", "Wang Shuren", "Wang Shu-jen"),
    ("Khoja Niyaz, also Khoja Niyaz Haji (1889 - 21 August 1941), was a Uyghur leader.", "Khoja Niyaz",
     "Khoja Niyaz Haji"),
    ("Hoja-Niyaz led the rising in 1931. Khoja Niyaz fled to Kashgar in 1933.", "Khoja Niyaz", "Hoja-Niyaz"),
    # a name with and without its initials, in either order; the one with them is the name
    ("Chaucer Wu arrived at Tihwa. The next day Mr. Chaucer H. Wu called on the Consul.", "Chaucer H. Wu", "Chaucer Wu"),
    ("Mr. Chaucer H. Wu arrived at Tihwa. The next day Chaucer Wu called on the Consul.", "Chaucer H. Wu", "Chaucer Wu"),
    # a title that is part of how a man is named is one of his names; "Mr." is not
    ("Dr. Mustapha Ali led the delegation. Mustapha Ali spoke for it.", "Mustapha Ali", "Dr. Mustapha Ali"),
    ("Major-General Li Ying-ch'i came to Hami. Li Ying-ch'i left in May.", "Li Ying-ch'i", "Major-General Li Ying-ch'i"),
    # a Soviet rank in translation, the rank before the grade
    ("General-Major Yegnarov reported to Moscow. Yegnarov left Kulja in April.", "Yegnarov", "General-Major Yegnarov"),
])
def test_alias_statements_make_one_entity(tmp_path: Any, text: str, first: str, second: str) -> None:
    db = build_one(tmp_path, text)
    name, aliases = names_of(db, second)
    assert names_of(db, first)[0] == name
    assert second in aliases or second == name
    # the document's own "Mr. Chaucer H. Wu" is among the aliases: a spelling a reader may copy


@pytest.mark.parametrize("text,a,b", [
    ("Travellers reached Kashgar, also known as Kashi, or Yarkand by the autumn.", "Kashi", "Yarkand"),
    ("Wu Chung-hsin (Chairman, Mongolian Tibetan Affairs Commission) arrived at Tihwa.", "Wu Chung-hsin",
     "Mongolian Tibetan Affairs Commission"),
    ("The Consul at Tihwa (Paxton) reported fighting at Kashgar or Yarkand.", "Kashgar", "Yarkand"),
    ("John A. Smith met John B. Smith at Tihwa.", "John A. Smith", "John B. Smith"),  # other initials, other men
    ("Fighting at Kashgar (the old city) or Yarkand went on all winter.", "Kashgar", "Yarkand"),  # no gloss: a list
    ("Kashgar or Yarkand (Uyghur: x) fell in 1934.", "Kashgar", "Yarkand"),  # a place and a place: a list
    ("He met Ma Hushan or Ma Ho-san (Chinese: x) at Khotan.", "Ma Hushan", "Ma Ho-san"),  # not opening the sentence
    # "or" at an article's opening, the bracket no other language's name: a comment, a life
    ("Ali Beg Rahim or Janimkhan (reports conflict: see mytel 88) led the raid on Chitai.", "Ali Beg Rahim",
     "Janimkhan"),
    ("Tokhta Akhun or Islam Bai (1890–1934) led the rising at Khotan.", "Tokhta Akhun", "Islam Bai"),
    ("The rebels took Kashgar, also Yarkand and Khotan, in 1933.", "Kashgar", "Yarkand"),
    # "Mme. Chiang Kai-shek" is his wife ("Mme." no sentence's end either)
    ("In August 1942 Mme. Chiang Kai-shek visited Tihwa; Chiang Kai-shek stayed in Chungking.",
     "Mme. Chiang Kai-shek", "Chiang Kai-shek"),
])
def test_names_side_by_side_stay_apart(tmp_path: Any, text: str, a: str, b: str) -> None:
    db = build_one(tmp_path, text)
    assert names_of(db, a)[0] != names_of(db, b)[0]


REPORTED = ("893.00/6\u2013947: Telegram\n\nThe Consul at Tihwa (Paxton) to the Secretary of State\n\n"
            "243. General Sung told me yesterday that Garrison Commander Sung Hsi-lien will reach Kulja on June 12. "
            "The Abdalis 1000 were not seen.\n")


def test_the_build_says_what_it_learnt(tmp_path: Any) -> None:
    import json
    import subprocess

    from conftest import ETR, etr_env

    doc = tmp_path / "tel.txt"
    doc.write_text(REPORTED, encoding="utf-8")
    out = tmp_path / "facts.json"
    p = subprocess.run([ETR, "build", "--add", str(doc), "--out", str(out), "--json"], capture_output=True, text=True,
                       env=etr_env(), timeout=120)
    assert p.returncode == 0, p.stderr
    lines = p.stderr.splitlines()
    assert any(x.startswith("etr: learnt from 1 added document: ") and "people" in x for x in lines)
    assert any("names taken for known entities" in x and "known there only by title and surname" in x for x in lines)
    assert any(x.startswith("etr: 1 dates set aside, e.g. '1000'") for x in lines)
    doc_json = json.loads(p.stdout)
    learnt = doc_json["learnt"]
    people = {e["name"]: e for e in learnt["entities"] if e["type"] == "person"}
    assert set(people) == {"Paxton"} and people["Paxton"]["roles"] == ["Consul at Tihwa"]  # the writer
    # the seeds' registry knows a "General Sung" by title and surname only: the telegram names him in full
    assert [(m["form"], m["entity"], m["source"]) for m in learnt["merges"]] == [("Sung Hsi-lien", "general-sung", "tel")]
    assert doc_json["dates_set_aside"] == [{"source": "tel", "start": REPORTED.index("1000"),
                                            "end": REPORTED.index("1000") + 4, "text": "1000",
                                            "why": "the year 1000 is long before the document's time and the text "
                                                   "does not say it is a year"}]


NAMES_FILE = """
[[entity]]
id = "chu-shao-liang"
type = "person"
name = "Chu Shao-liang"
aliases = ["Zhu Shaoliang", "General Chu"]
description = "Commander of the Eighth War Area."

[[entity]]
id = "sheng-shicai"
type = "person"
name = "Sheng Tupan"
"""


def test_a_users_own_names_are_used_and_kept(tmp_path: Any) -> None:
    from conftest import cli

    names = tmp_path / "names.toml"
    names.write_text(NAMES_FILE, encoding="utf-8")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Tihwa, June 5, 1945\n\nGeneral Chu arrived at Tihwa yesterday. Sheng Tupan left.\n", encoding="utf-8")
    second.write_text("Later Zhu Shaoliang wrote to Chungking.\n", encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(first), "--names", str(names), "--out", str(out)).exit_code == 0
    assert cli("build", "--add", str(second), "--out", str(out)).exit_code == 0  # the names are kept
    import json

    db = json.loads(out.read_text(encoding="utf-8"))
    chu = next(e for e in db["entities"] if e["id"] == "chu-shao-liang")
    assert chu["curated"] is False and chu["description"] == "Commander of the Eighth War Area."
    assert {"a", "b"} <= {x.split("-")[1] for x in chu["sentences"]}  # named in both documents
    sheng = next(e for e in db["entities"] if e["id"] == "sheng-shicai")
    assert "Sheng Tupan" in sheng["aliases"] and any(x.split("-")[1] == "a" for x in sheng["sentences"])
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entity]]\nid = "x"\ntype = "wizard"\nname = "X"\n', encoding="utf-8")
    result = cli("build", "--add", str(first), "--names", str(bad), "--out", str(out))
    assert result.exit_code == 3 and "unknown type 'wizard'" in result.stderr


@pytest.mark.parametrize("head,title,label", [
    ("893.00 Sinkiang/11\u20131647: Telegram\n\nThe Consul at Tihwa (Paxton) to the Secretary of State\n\n70. Text follows.",
     "The Consul at Tihwa (Paxton) to the Secretary of State, 16 November 1947 (893.00 Sinkiang/11\u20131647)",
     "Paxton 1947-11-16"),
    ("893.796/9\u2013348: Telegram\n\nThe Secretary of State to the Ambassador in China ( Stuart )\n\nText.",
     "The Secretary of State to the Ambassador in China (Stuart), 3 September 1948 (893.796/9\u2013348)",
     "Secretary 1948-09-03"),
    ("Sydney Morning Herald (NSW : 1842 - 1954), Thursday 12 June 1947, page 1\n\nChina Protests To Soviet\n\n"
     "The Chinese Government has protested to the Soviet Government about the bombing of Peitashan by planes.",
     "China Protests To Soviet, Sydney Morning Herald (NSW : 1842 - 1954), Thursday 12 June 1947, page 1",
     "SMH 1947-06-12"),
    ("CHAPTER XV\n\nAN HISTORICAL SKETCH OF CHINESE TURKESTAN\n\nThe story of the province in modern times is long.",
     "Chapter XV, An Historical Sketch Of Chinese Turkestan", "Chapter XV"),
    ("= Ili Rebellion =\nThe Ili Rebellion was a revolt.", "Ili Rebellion", "Ili Rebellion"),
    ("761.93/9–745\nMemorandum by the Director of the Office of Far Eastern Affairs (Ballantine) to the Under "
     "Secretary of State (Acheson)\nMr. Acheson: In Chungking’s telegram no. 1540 ...",
     "Memorandum by the Director of the Office of Far Eastern Affairs (Ballantine) to the Under Secretary of State "
     "(Acheson), 7 September 1945 (761.93/9–745)", "Ballantine 1945-09-07"),
    ("893.00/14896\n\nMemorandum by the Ambassador in China (Gauss) of a Conversation With the Chinese Political "
     "Vice Minister for Foreign Affairs (Fu)39\n\n[Chungking,] September 28, 1942.\n\nDr. Fu called.",
     "Memorandum by the Ambassador in China (Gauss) of a Conversation With the Chinese Political Vice Minister "
     "for Foreign Affairs (Fu) (893.00/14896)", "Gauss"),
    # a copied encyclopedia page: its title, not the site's line, the title again, or its infobox's fields
    ("Ehmetjan Qasim\n\nFrom Wikipedia, the free encyclopedia\n\nEhmetjan Qasimi\nBorn 15 April 1914\nGhulja, "
     "Xinjiang\n\nEhmetjan Qasimi was a Uyghur leader.", "Ehmetjan Qasim, Ehmetjan Qasimi", "Ehmetjan Qasim"),
    ("Lutpulla Mutellip\n\nLutpulla Mutellip\nBorn November 11, 1922\nNilka, Xinjiang, China\n\nLutpulla Mutellip "
     "is one of the important figures in modern Uyghur literature.", "Lutpulla Mutellip", "Lutpulla Mutellip"),
    ("Jin Shuren\n\nJin Shuren\nGovernor of Xinjiang\nIn office\n7 July 1928 – 24 April 1933\n\nJin Shuren was "
     "the governor.", "Jin Shuren", "Jin Shuren"),
    ("Battle of Tutung\n\nBattle of Tutung\nPart of the Soviet Invasion of Xinjiang\nDate 1934\n\nThe Battle of "
     "Tutung was fought in 1934.", "Battle of Tutung", "Battle of Tutung"),
    ("Ma Zhongying\n\nNickname Ga Ssu-ling (\"Baby General\")\nBorn 馬仲英 1910\n\nMa Zhongying was a warlord.",
     "Ma Zhongying", "Ma Zhongying"),
    ("Saifuddin Azizi\n\nSaifuddin Azizi\nSeypidin Azizi.jpg\n\nSaifuddin Azizi was a Uyghur politician.",
     "Saifuddin Azizi", "Saifuddin Azizi"),
    ("Wang Zhen (general)\n\nWang Zhen\nWang Zhen in 1955\n\nWang Zhen was a Chinese political figure.",
     "Wang Zhen (general), Wang Zhen", "Wang Zhen (general)"),  # a picture's caption
    ("Han Youwen\n\nHan Youwen\nMajor General Han Youwen\nVice Chairman of Xinjiang Province\nIn office\nJanuary 1981\n\n"
     "Han Youwen was a general.", "Han Youwen, Major General Han Youwen", "Han Youwen"),  # the office before "In office"
    ("Timur Beg\nTimur Beg تیمور بیگ | |\n---|---|\nShah | |\nTimur Beg was a rebel leader.", "Timur Beg", "Timur Beg"),
    # a headline opening with a word an infobox uses as a label is a headline
    ("CHINA AND RUSSIA\nPresident Chiang Protests To Moscow\nCHUNGKING, June 12, 1947\n\nThe President protested.",
     "China And Russia, President Chiang Protests To Moscow, CHUNGKING, June 12, 1947", "CHUNGKING 1947-06-12"),
    # an archive's credit under the heading, a sentence but for its full stop, is no part of the title
    ("April 22, 1945\n\nLetter from Alihan Tore to Commander-in-Chief Marshal Stalin\n\nThis document was made "
     "possible with support from MacArthur Foundation\n\nDear Commander-in-Chief",
     "Letter from Alihan Tore to Commander-in-Chief Marshal Stalin, April 22, 1945", None),
])
def test_a_document_is_named_as_a_historian_would_cite_it(head: str, title: str, label: str | None) -> None:
    got = archival.naming(head, "fallback")
    assert got[0] == title and (label is None or got[1] == label), got
    assert len(got[1]) <= archival.LABEL_CHARS


def test_across_documents_one_person_stays_one_when_the_evidence_says_so(tmp_path: Any) -> None:
    from etr.ingest.pipeline import build_with_added

    docs = {
        "a.txt": "Robert S. Ward, Consul at Tihwa, reported the rising in Ining on November 7, 1944.\n",
        "b.txt": "Consul Ward left Tihwa on March 2, 1945. Vice Consul Mackiernan stayed.\n",
        "c.txt": "Douglas S. Mackiernan crossed the Tarim in 1950.\n",
        "e.txt": "Horace H. Smith arrived in 1944. Dorothy Smith stayed at Lanchow.\n",
        "f.txt": "Consul Smith left Tihwa on May 2, 1945.\n",
        "g.txt": "Minister Johnson arrived at Kabul in 1943. Consul Johnson left Tihwa on June 1, 1945.\n",
        "h.txt": "Nelson T. Johnson wrote from Canberra in 1944.\n",
    }
    paths = []
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    db = build_with_added(paths, None)[0]
    found = {e["name"]: e for e in db["entities"] if not e["curated"]}
    ward = found["Robert S. Ward"]  # "Consul Ward" elsewhere: the same surname and role
    assert "Ward" not in found and any(m["form"] == "Ward" and "same surname and role" in m["reason"] for m in ward["merges"])
    assert {e["date"]["value"] for e in db["events"] if ward["id"] in e["entities"]} == {"1944-11-07", "1945-03-02"}
    # a surname alone with one office, the one man of that surname named in full with none: he
    mack = found["Douglas S. Mackiernan"]
    assert "Mackiernan" not in found and any(m["form"] == "Mackiernan" and "the one person" in m["reason"]
                                             for m in mack["merges"])
    # a surname alone with two offices, and one man named in full with none: the offices may be
    # other men's (the "Smith" of three offices was three men): two entities, possibly one
    assert {p["name"] for p in found["Johnson"]["possibly"]} == {"Nelson T. Johnson"}
    # two men of that surname named in full: which one, nothing says; possibly either
    assert {p["name"] for p in found["Smith"]["possibly"]} == {"Horace H. Smith", "Dorothy Smith"}


@pytest.mark.parametrize("sentence,kinds", [
    ("Traders came from Kashmir, Sikkim and Bhutan to Kashgar.", {"Kashmir": "place", "Sikkim": "place", "Bhutan": "place"}),
    ("The caravan rested at Tokohsun before Ninghsia.", {"Tokohsun": "place", "Ninghsia": "place"}),
    # the postal "Sian" (Xi'an) is no people's adjective in -ian, as "Russian" is
    ("I report the presence in Sian of eight Russian advisers.", {"Sian": "place"}),
    ("Shao Li-tze, Wang Shijie and Chang Chih-chung met.", {"Shao Li-tze": "person", "Wang Shijie": "person"}),
    ("Robert B. Dreesen wrote to J. Hall Paxton.", {"Robert B. Dreesen": "person", "J. Hall Paxton": "person"}),
    ("Robert S. Ward, Consul at Tihwa, reported.", {"Robert S. Ward": "person"}),
    ("Ward reports that Sung Hsi-lien left.", {"Ward": "person", "Sung Hsi-lien": "person"}),
    # a word of Chinese syllables before a verb only a man does is a man; before one a telegram
    # says of a post ("Lanchow reports") still a town
    ("The details were left to him, and Mikoyan promised to refer the draft.", {"Mikoyan": "person"}),
    ("Quiet in the north, and Tokohsun reports no fighting.", {"Tokohsun": "place"}),
    ("The Communists at Yenan denied it, and Yenan insisted on talks.", {"Yenan": "place"}),  # a government's verbs
    # a town named after a man (the gazetteer's) is no man by its Russian surname's ending: its
    # sentence says which (real sentences of tests/data/real/telegrams/frus_1942_standley_...)
    ("At the Airport just before my departure from Kuibyshev day before yesterday the Ambassador informed me.",
     {"Kuibyshev": "place"}),
    ("Valerian Kuibyshev arrived.", {"Valerian Kuibyshev": "person"}),
    # verbs said only of a person (real sentences of tests/data/real/reference/intelligenceref_...)
    ("Also an Office of Strategic Services veteran, Mackiernan was shot, and then beheaded.", {"Mackiernan": "person"}),
    # a writer's reporting verb, as a review says it of an author (tests/data/real/memoirs/skrine_...)
    ("With commendable frankness Shipton admits that the choice was an unimaginative one.", {"Shipton": "person"}),
])
def test_what_the_text_says_of_a_names_kind(sentence: str, kinds: dict[str, str]) -> None:
    from etr.ingest.discover import unknown_names

    text = "Report follows. " + sentence
    got = {u.text: u.type for u in unknown_names(text, 16, len(text), [])}
    assert {k: got.get(k) for k in kinds} == kinds


@pytest.mark.parametrize("line,name,kind", [
    ("Kuibyshev, March 25, 1943.", "Kuibyshev", "place"),             # no Russian's surname in -ev
    ("Tokohsun, June 5, 1947—6 p.m.", "Tokohsun", "place"),           # a name, though it opens its line alone
    ("[Washington,] July 2, 1943.", "Washington", "place"),
    ("Ivanov, June 5, 1947, said it was so.", "Ivanov", "person"),     # a sentence goes on: no date line
    ("New Zealand Herald, 20 October 1939", "New Zealand Herald", "newspaper"),  # a masthead
])
def test_a_date_line_opens_with_where_it_was_written(line: str, name: str, kind: str) -> None:
    from etr.ingest.discover import unknown_names

    text = "Memorandum of Conversation\n\n" + line + "\n\nI called on him.\n"
    a = text.index(line)
    got = {u.text: u.type for u in unknown_names(text, a, a + len(line), []) if not u.weak}
    assert got.get(name) == kind


@pytest.mark.parametrize("sentence", [
    "Further Mass Arrests of Alleged Communist Plotters for the Overthrow of Sheng.",
    "Date End Year Start Death Place",
    "Result Stalemate; leading to more fighting",  # a field and its value, the colon lost
])
def test_headlines_and_labels_are_no_names(sentence: str) -> None:
    from etr.ingest.discover import unknown_names

    assert not [u.text for u in unknown_names(sentence, 0, len(sentence), []) if u.type == "unknown"]


# the classes of junk a second reader found among 100 discovered entities (bench/entity_check.py)
@pytest.mark.parametrize("sentence,names", [
    ("Has the Foreign Secretary any information?", set()),                      # a question's verb + a title
    ("Recently Chairman told me the road was open.", set()),                    # an adverb + a title
    ("He met the Foreign Office Secretary at noon.", set()),                    # an office, cut
    ("He became Minister of Political Training in May.", set()),                # the rest of an office's name
    ("Central Govt and ReEmbs 80 say so.", set()),                               # telegraphese
    ("ReEmbtel 45 and Deptel 12 agree.", set()),                                  # telegraphese
    ("The Begs and the Legations met at Kashgar.", {"Kashgar"}),                 # titles, offices in the plural
    ("The Torgut force and the Sunnis of Kashgar met.", {"Kashgar"}),            # a tribe, a religion
    ("Bokharans and Dzungarians traded there.", set()),                          # peoples
    ("Troops of Outer Mongo- lian origin crossed.", set()),                      # a word a line break cut
    ("He was the _Caravanbashi_ of the town.", set()),                           # a foreign term in italics
    ("The U.S. Marine Corps left Tsingtao.", {"Marine Corps", "Tsingtao"}),      # no "S. Marine Corps"
    ("The ROC's National Revolutionary Army held it.", {"National Revolutionary Army"}),
    ("It signed the Treaty of Friendship and Alliance.", {"Treaty of Friendship and Alliance"}),
    ("He chaired the Mongolian and Tibetan Affairs Commission.", {"Mongolian and Tibetan Affairs Commission"}),
    ("Then the Political and Economic Council met.", {"Political and Economic Council"}),
    ("Le Turkestan est grand.", {"Turkestan"}),                                 # the article is no part of it
    ("Sovereignty Type: Independence", set()),                                   # an infobox's field and value
    ("A Tungani-Tarantchi Government was formed.", {"Tungani-Tarantchi Government"}),
    # a possessive that is a word of a body's name does not cut it; an owner's does
    ("The Kashgar People's Defence League met.", {"Kashgar People's Defence League"}),
    ("The Ili Women's Federation met.", {"Ili Women's Federation"}),
    ("The Governor's Defence League met.", {"Defence League"}),
    ("The Association's members met.", set()),                                 # a kind of body alone, owning
    ("We reached Lop-nor below the Quruq-tagh.", {"Lop-nor", "Quruq-tagh"}),      # Turkic and Mongol place words
    ("Then NIAZ BEG, YOLBARS KHAN'S eldest son, came.", {"NIAZ BEG", "YOLBARS KHAN"}),  # a possessive in capitals
    ("Teddy White of TIME'S Chungking office came.", {"Teddy White", "Chungking"}),  # a man "of" what he works for
    ("Yakub Beg of Kashgar ruled.", {"Yakub Beg", "Kashgar"}),
    ("He commanded the Eighth War Area then.", {"Eighth War Area"}),            # an area's name
    ("They came to Yutian and Ningxian.", {"Yutian", "Ningxian"}),               # -ian of pinyin towns
    ("The Italian and Canadian envoys came.", set()),                           # -ian of peoples
    ("The Friends of the Soviet Union Society met.", {"Friends of the Soviet Union Society"}),  # no man "of" it
    ("The Chief of Staff of the National Army arrived.", {"National Army"}),     # an office "of" it
    ("The Republic of China Army held it.", {"Republic of China Army"}),
    ("In May of the Kashgar Defence Committee it met.", {"Kashgar Defence Committee"}),  # no man before "of"
    ("Rahimjan Sabirhajiev of the Ili People's Revolutionary Party spoke.",      # a man and his party
     {"Rahimjan Sabirhajiev", "Ili People's Revolutionary Party"}),
    ("Soviet People's Commissar for Foreign Affairs Molotov spoke.", set()),  # a Soviet title, no "People's Commissar"
    ("The Governor's men met.", set()),                                          # a title alone, owning
    ("A commission was appointed, and in Sept., 1879, it reported.", set()),     # a month written short
    ("Chapter 4 Beyond the Border", {"Beyond the Border"}),                      # a part's number, not a name
    ("Litvinov, former Soviet Commissar for Foreign Affairs, spoke.", {"Litvinov"}),  # a title alone
    ("K. P. Chen, banker and nonpartisan State Councillor, spoke.", {"K. P. Chen"}),
    # ", who" after a name says a person; a people's word stays none
    ("The Chief of the Division (Ballantine), who underscored the word, agreed.", {"Ballantine"}),
    ("An Englishman, who had come from India, met the Cossacks, who rode on.", {"India"}),
    ("Visit Cde. Wang Chen and pass him the following reply.", {"Wang Chen"}),  # a verb and a title: no name
    # a word of Chinese syllables opening a sentence is a name only where the documents name it otherwise
    ("Late that evening our driver lost the road near Hami.", {"Hami"}),
    # a title in quotation marks, small words and all, before its gloss or after a word for a work
    ("\"Response to Years\" (Yillargha Jawap) is his poetic masterpiece.", {"Response to Years", "Yillargha Jawap"}),
    ("He wrote the pamphlet “The Road to Kashgar” in prison.", {"The Road to Kashgar"}),  # a work's title whole
    ("The guide said \"Go to Kashgar\" and left us at Hami.", {"Kashgar", "Hami"}),  # speech, no title
    # a full name's initials after a rank written short are its own ("A.", no article); the rank no name
    ("Then Lt. Col. A. T. House, Jr., and Major Kearie Berry flew in.", {"A. T. House", "Kearie Berry"}),
    ("Then Sir A. KNOX asked the Secretary.", {"A. KNOX"}),                       # an initial, not "A" in capitals
    # a paper's name in quotation marks whole, "Central" and all; a month cut short before its day no word of it
    ('A despatch to the newspaper "Central Daily News," said so.', {"Central Daily News"}),
    ('The "Central Daily News" Jan. 8 said so.', {"Central Daily News"}),
    ("A former Ottoman officer led an Islamist militia.", set()),               # an empire's and a creed's words
    ("The Assistant Chief of the Division of Chinese Affairs agreed.", set()),  # an office
    ("Primarily, the Chinese Premier had sought Russian support.", set()),  # an adverb opening a sentence
    ("Neither Sir Horace nor the Consul knew of it.", {"Horace"}),  # a conjunction opening a sentence
    ("The Kirghiz chief Nor Muhammad Beg came down.", {"Nor Muhammad Beg"}),  # "Nor" inside a name stays
    ("Armies of the Soviet Union crossed the frontier.", set()),  # a word for a kind of thing in the plural
    # a title page's last word run on to its author's given name: the man's name opens there
    # (tests/data/real/memoirs/shipton_mountains_of_tartary_...); a body's word keeps it whole
    ("\nMountains of Tartary Eric Shipton\n\nCONTENTS", {"Eric Shipton"}),
    ("\nNur Ahmad Jan Bughra\n", {"Nur Ahmad Jan Bughra"}),  # a man's name whole on its line
    ("\nKovalev Ivan Vladimirovich\n", {"Kovalev Ivan Vladimirovich"}),  # surname first
    ("The Swedish Christian Mission at Kashgar closed.", {"Swedish Christian Mission", "Kashgar"}),
])
def test_what_is_no_name_or_no_part_of_one(sentence: str, names: set[str]) -> None:
    from etr.ingest.discover import unknown_names

    text = "Report follows. " + sentence
    assert {u.text for u in unknown_names(text, 16, len(text), []) if not u.weak} == names


@pytest.mark.parametrize("sentence,name,person", [
    ("Marginal notation by the Assistant Chief of the Division of Chinese Affairs (Hornbeck): it says so.",
     "Hornbeck", True),
    ("Copy transmitted by the Ambassador in the Soviet Union (Standley) in his despatch.", "Standley", True),
    ("The Counselor of Embassy in China (Vincent)44 talked with Mr. Foo.", "Vincent", True),
    # the office's own name in another language, a title, Chinese syllables no surname opens (a
    # second reader's cases)
    ("He was the Uyghur Jasagh Prince (Qinwang) of the Kumul.", "Qinwang", False),
    ("The Minister of Foreign Affairs (Waichiaopu) spoke.", "Waichiaopu", False),
    ("The Commander (Batur) rode on.", "Batur", False),
    ("Footnote 17: Marginal notation by the Adviser on Political Relations (Hornbeck): it says so.", "Hornbeck", True),
    # a capitalised word straight after the title is a name, the bracket its other name (a second reader's case)
    ("Ma turned against Special Commissioner Us Man (Osman) who was pro-ROC.", "Osman", False),
    # an address line's writer, though his name reads as Chinese syllables after a place
    ("The Chargé in the Soviet Union (Kennan) to the Secretary of State", "Kennan", True),
    ("The Chief of the Kazaks (Ashan) fled.", "Ashan", False),
])
def test_a_name_in_brackets_after_an_office_is_who_held_it(sentence: str, name: str, person: bool) -> None:
    """Diplomatic papers say who held an office by his surname in brackets after it: a person;
    not a word that glosses the office or names a place."""
    from etr.ingest.discover import unknown_names

    got = [u.type for u in unknown_names(sentence, 0, len(sentence), []) if u.text == name]
    assert (got == ["person"]) == person


def test_the_holder_in_brackets_is_no_other_name_of_the_office(tmp_path: Any) -> None:
    """"the Adviser on Political Relations (Hornbeck)": Hornbeck is a man, who held the office;
    neither the office's words nor an alias of them (a FRUS footnote, as printed)."""
    import json

    text = ("Memorandum by Captain Roscoe E. Schuirmann\n\nWashington, July 10, 1942.\n\nThe Governor's brother was "
            "assassinated at Urumchi on July 5th.17\n\nFootnote 17: Marginal notation by the Adviser on Political "
            "Relations (Hornbeck): “And it might indicate any one of several other things. S. K. H.”\n")
    db = built(tmp_path, text)
    names = {e["name"]: e for e in json.loads(db.read_text())["entities"] if e["id"].startswith("auto-")}
    assert "Political Relations" not in names and names["Hornbeck"]["type"] == "person"
    assert "Marginal notation by the Adviser" in json.dumps(answers(db, "who", "Hornbek")[0])


def test_a_name_in_an_office_before_its_holder_stays_a_name() -> None:
    """"The Minister to Nepal (Smith)": Nepal is a name, not a word of the office."""
    from etr.ingest.discover import unknown_names

    text = "The Minister to Nepal (Smith) spoke of it."
    assert {u.text for u in unknown_names(text, 0, len(text), [])} >= {"Nepal", "Smith"}


def test_a_given_name_hyphened_after_a_surname_is_no_people_s_name(tmp_path: Any) -> None:
    """"Mr. Liang Han-chao": "Han" opens his given name, not the Han people's; his name is found
    whole, and asked in pinyin; "Han and Hui troops" are the peoples still."""
    text = ("The Embassy has no means of checking the statements made by Mr. Liang Han-chao in May 1943. "
            "Mr. Liang states that Soviet troops remain. Han and Hui troops held Hami. "
            "Ch'en Han-sheng's report came in June 1943.\n")
    db = built(tmp_path, text)
    assert answers(db, "who", "Liang Hanchao")[0]["name"] == "Liang Han-chao"
    assert answers(db, "who", "Ch'en Han-sheng")[0]["name"] == "Ch'en Han-sheng"
    assert any(r["name"] == "Han Chinese" for r in answers(db, "who", "Han"))


def test_a_place_s_other_name_in_brackets_after_an_office_stays_a_place(tmp_path: Any) -> None:
    """"The Commissioner at Kulja (Hsinyuan)": a town's other name, not the commissioner's; and a
    full name's initials may be left off when asking for it."""
    db = built(tmp_path, "The Commissioner at Kulja (Hsinyuan) came in May 1945 with A. Doak Barnett.\n")
    assert answers(db, "where", "Hsinyuan")[0]["type"] == "place"
    assert [r["name"] for r in answers(db, "who", "Doak Barnett")] == ["A. Doak Barnett"]


@pytest.mark.parametrize("period,shown,not_shown", [
    # a day: its own events, then its month's and its year's; a life it falls in, no
    ("1943-03-19", ["the consul left", "the road closed", "the war went on"],
     ["was a governor of Sinkiang", "the governor was back"]),
    # a year: the years around it; a life it falls in, no
    ("1943", ["the war went on", "the governor was back"], ["was a governor of Sinkiang"]),
    # the life that begins in a year is news of it
    ("1871", ["was a governor of Sinkiang"], []),
])
def test_a_period_s_answer_lists_what_spans_it_only_at_its_scale(tmp_path: Any, period: str, shown: list[str],
                                                                  not_shown: list[str]) -> None:
    """`etr when DAY` lists after the day's events those known only more coarsely that overlap it,
    when they begin or end in it or span at most twelve times it (a year at least): not a life of
    eighty years."""
    db = built(tmp_path, "Liu Wenlong (1871–1950) was a governor of Sinkiang. On 19 March 1943 the consul left. "
                         "In March 1943 the road closed. In 1943 the war went on. From 1942 to 1944 the governor "
                         "was back.\n")
    texts = [r["text"] for r in answers(db, "when", period)]
    assert all(any(w in t for t in texts) for w in shown)
    assert not any(w in t for t in texts for w in not_shown)


def test_a_registered_region_in_lower_case_and_another_spelling(tmp_path: Any) -> None:
    """"southern Hsinkiang", "northern Sinkiang": the registered Southern and Northern Xinjiang,
    their compass word in lower case and the province in any of its spellings."""
    db = built(tmp_path, "In 1943 Russia planned to build air fields in southern Hsinkiang. In 1944 troops "
                         "moved into northern Sinkiang.\n")
    south = answers(db, "where", "southern Hsinkiang")[0]
    assert south["id"] == "southern-xinjiang" and any("air fields" in e["text"] for e in south["events"])
    assert any("troops moved" in e["text"] for e in answers(db, "where", "Northern Xinjiang")[0]["events"])


@pytest.mark.parametrize("cyrillic,latin", [("Осман", "Osman"), ("Осман Батур", "Osman Batur"),
                                             ("Пейташань", "Peytashan"),
                                             # a Chinese name in the Russian transcription: its pinyin
                                             ("Чжан Чжичжун", "Zhang Zhizhong"), ("Шэн Шицай", "Sheng Shicai")])
def test_a_cyrillic_question_is_read_in_latin_letters(tmp_path: Any, cyrillic: str, latin: str) -> None:
    """`etr who Осман` answers as `etr who Osman` does (the documents' Latin letters), and says how
    it read the question."""
    import json

    from conftest import cli

    db = built_from(tmp_path, "In 1947 Osman Batur attacked Peitashan. Osman fled north in June 1947. "
                              "Zhang Zhizhong met Sheng Shicai in 1944.\n")
    for command in ("who", "where"):
        asked = cli(command, cyrillic, "--json", "--db", str(db))
        plain = cli(command, latin, "--json", "--db", str(db))
        assert asked.exit_code == plain.exit_code
        if plain.exit_code == 0:
            a, b = json.loads(asked.stdout), json.loads(plain.stdout)
            assert [r["id"] for r in a["results"]] == [r["id"] for r in b["results"]]
            assert a["interpreted"]["read_as"] in (latin, b["interpreted"].get("read_as"))


def test_events_come_from_the_added_text(tmp_path: Any) -> None:
    """A sentence that states an event answers for it, and outranks those that mention its words."""
    import json

    from conftest import cli

    doc = tmp_path / "wang.txt"
    doc.write_text("The chairman of the province spoke on 1 May 1947. Wang Tse-ming was appointed chairman "
                   "of the province on 3 March 1948. Paxton's 272, March 19 states that Wang became chairman.\n",
                   encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(doc), "--out", str(out)).exit_code == 0
    got = json.loads(cli("when", "Wang became chairman", "--json", "--db", str(out)).stdout)["results"]
    assert got[0]["date"]["value"] == "1948-03-03"


@pytest.mark.parametrize("text,date,who", [
    # an article about a man: "He" opening a paragraph is him
    ("Wang Tse-ming was a general of Sinkiang. Wang Tse-ming served in Kashgar. Wang Tse-ming was loyal.\n\n"
     "He left Kashgar on September 11, 1944 to join the government.", "1944-09-11", "Wang Tse-ming"),
    # "this town" is the place the sentence before ended at
    ("The army marched in the spring of 1876 to the neighbourhood of Tokohsun. The capture of this town in "
     "August followed.", "1876-08", "Tokohsun"),
    # "he" in an article whose title names a man is him, though another is named more around it;
    # an encyclopedia's footnote marks after a full stop end the sentence
    ("Wang Wen-hsiu\n\nWang Wen-hsiu (1879–1941) was governor of Ningsia.[1] Ma Chung-ying rose against him in "
     "1931; Ma Chung-ying took Kumul, and Ma Chung-ying fled in 1934.[2][3] When he returned to China in October "
     "1933 he was arrested by the KMT.[4]", "1933-10", "Wang Wen-hsiu"),
])
def test_a_sentence_names_what_the_text_refers_to(tmp_path: Any, text: str, date: str, who: str) -> None:
    import json

    out = built(tmp_path, text + "\n", "doc.txt")
    db = json.loads(out.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in db["entities"]}
    ev = next(e for e in db["events"] if e["date"]["value"] == date and e["source"] != "etr")
    assert who in {names[i] for i in ev["entities"]}


@pytest.mark.parametrize("text,date,body,via", [
    # a body named in part is the one the document names so in full
    ("The Kashgar People's Defence League was a party. The People's Defence League was founded on 1 May 1935.",
     "1935-05-01", "Kashgar People's Defence League", None),
    ("The Kashgar Altai Defence League was a party. The Altai Defence League was founded on 1 May 1935.",
     "1935-05-01", "Kashgar Altai Defence League", None),
    # "the League" with no name after it: the one league the document named before
    ("The Kashgar People's Defence League was a party. The League held a congress on 1 May 1935.",
     "1935-05-01", "Kashgar People's Defence League", "'The League'"),
])
def test_a_body_named_in_part_is_the_one_named_in_full(tmp_path: Any, text: str, date: str, body: str,
                                                         via: str | None) -> None:
    import json

    out = built(tmp_path, text + "\n", "doc.txt")
    db = json.loads(out.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in db["entities"]}
    assert sum(1 for e in db["entities"] if "Defence League" in e["name"] and not e.get("curated")) == 1
    ev = next(e for e in db["events"] if e["date"]["value"] == date and e["source"] != "etr")
    assert body in {names[i] for i in ev["entities"]}
    if via is not None:
        assert any(v.startswith(via) for v in ev.get("via", {}).values()), ev.get("via")


@pytest.mark.parametrize("text,apart", [
    # two leagues named before: which one "the League" is, the text does not say
    ("The Kashgar Defence League and the Ili Youth League met. The League held a congress on 1 May 1935.",
     {"Kashgar Defence League", "Ili Youth League"}),
    # two bodies that end alike: "Altai Defence League" is neither
    ("The Kashgar Altai Defence League and the Ili Altai Defence League met. The Altai Defence League was "
     "founded on 1 May 1935.", {"Kashgar Altai Defence League", "Ili Altai Defence League"}),
    # two words of a name may be another branch's: "the Youth League in Ining"
    ("The Altai Kazakh Youth League was formed in 1934. On 1 May 1935 the Youth League in Ining held a rally.",
     {"Altai Kazakh Youth League"}),
    # a man of a body is no name of it ("Comrade Malenkov of the State Defense Committee")
    ("The report went to Comrade Malenkov of the Kashgar Defence League. The Kashgar Defence League approved it "
     "on 1 May 1935.", {"Malenkov"}),
    # words a text uses for other things as often: "the Government" of a telegram is the National one
    ("The Sinkiang Provincial Government was reorganized on July 1, 1934. The Foreign Office says that the "
     "Government decided on 1 May 1935 to send no troops.", {"Sinkiang Provincial Government", "Xinjiang Provincial Government"}),
    # a capitalised word after the kind's: another name ("the Association Hall")
    ("The Kashgar Youth Association was founded in 1934. On 1 May 1935 the Association Hall burned.",
     {"Kashgar Youth Association"}),
])
def test_a_body_named_in_part_stays_apart_when_two_are_named_so(tmp_path: Any, text: str, apart: set[str]) -> None:
    import json

    out = built(tmp_path, text + "\n", "doc.txt")
    db = json.loads(out.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in db["entities"]}
    ev = next(e for e in db["events"] if e["date"]["value"] == "1935-05-01" and e["source"] != "etr")
    assert not {names[i] for i in ev["entities"]} & apart
    assert not any(" of the " in n for n in names.values() if n.startswith(("Malenkov", "Comrade")))


def test_a_unit_of_a_registered_army_is_a_name_of_its_own(tmp_path: Any) -> None:
    """'46th Regiment of the People's Liberation Army': the regiment, and the army it belongs to."""
    import json

    out = built(tmp_path, "The 2nd Company, 46th Regiment of the People's Liberation Army 16th Division, was "
                          "stationed at Yiwu on 29 March 1950.\n", "doc.txt")
    db = json.loads(out.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in db["entities"]}
    ev = next(e for e in db["events"] if e["date"]["value"] == "1950-03-29" and e["source"] != "etr")
    assert {"46th Regiment", "People's Liberation Army"} <= {names[i] for i in ev["entities"]}


def test_a_description_asked_as_a_name_is_sent_to_search(tmp_path: Any) -> None:
    """`who "abbot who hid the temple silver in a cave"` names nobody and no sentence answers it:
    exit 1, and the message says that `etr search` answers a description (one a sentence answers is
    answered from it: "general who commanded the cavalry against the rebels" is Ma Chengxiang); a
    name that matches nothing is told so."""
    from conftest import cli

    out = built(tmp_path, "General Ma Chengxiang commanded the cavalry against the rebels in 1945.\n", "doc.txt")
    got = cli("who", "abbot who hid the temple silver in a cave", "--db", str(out))
    assert got.exit_code == 1 and "etr search" in got.stderr and not got.stdout
    got = cli("who", "general who commanded the cavalry against the rebels", "--db", str(out), "--json")
    assert got.exit_code == 0 and json.loads(got.stdout)["results"][0]["name"] == "Ma Chengxiang"
    got = cli("who", "Zzyzx Qwerty", "--db", str(out))
    assert got.exit_code == 1 and "etr search" not in got.stderr


def test_a_title_with_its_possessive_is_the_one_so_titled_before(tmp_path: Any) -> None:
    """'the Generalissimo's order' after 'Generalissimo Chiang Kai-shek': Chiang's, no entity
    'Generalissimo' of its own."""
    import json

    out = built(tmp_path, "Generalissimo Chiang Kai-shek met Sheng Shicai in 1942. In 1944 the Generalissimo's "
                          "order reached Sheng.\n", "doc.txt")
    db = json.loads(out.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in db["entities"]}
    ev = next(e for e in db["events"] if e["date"]["value"] == "1944" and e["source"] != "etr")
    assert "Chiang Kai-shek" in {names[i] for i in ev["entities"]}
    assert "Generalissimo" not in names.values()


def test_what_a_thing_the_documents_describe_but_do_not_name(tmp_path: Any) -> None:
    """`what "11-point agreement"`: no entity, but the sentences that write it, as a profile."""
    import json

    import jsonschema

    from conftest import ROOT, cli

    out = built(tmp_path, "Ward reported that Chang left Tihwa January 3, 1946 after signing on January 2 an 11-point "
                          "agreement with Ining rebels. The 11 point agreement was welcomed. Nobody mentioned the "
                          "mutual aid agreement between the U. S. S. R. and the Mongolian People’s Republic of "
                          "March 12, 1936,17 in the talks.\n", "t.txt")
    got = cli("what", "11-point agreement", "--json", "--db", str(out))
    assert got.exit_code == 0, got.stderr
    answer = json.loads(got.stdout)
    jsonschema.validate(answer, json.loads((ROOT / "data" / "output.schema.json").read_text()))
    thing = answer["results"][0]
    assert (thing["type"], thing["name"], thing["curated"]) == ("thing", "11-point agreement", False)
    assert "11 point agreement" in thing["aliases"]
    assert {e["date"]["value"] for e in thing["events"]} == {"1946-01-02", "1946-01-03"}
    mutual = json.loads(cli("what", "Soviet-Mongolian mutual aid agreement", "--json", "--db", str(out)).stdout)["results"][0]
    assert mutual["name"] == "mutual aid agreement between the U. S. S. R. and the Mongolian People’s Republic"
    assert [e["date"]["value"] for e in mutual["events"]] == ["1936-03-12"]
    assert cli("what", "zebra crossing treaty", "--db", str(out)).exit_code == 1


@pytest.mark.parametrize("query,name", [
    # the question's words before the run, where the sentence writes them just before it
    ("Mongol Branch China Relief Mission", "Mongol Branch of the China Relief Mission"),
    # not the words after it, nor words the sentence writes elsewhere
    ("China Relief Mission food", "China Relief Mission"),
    ("Mongol China Relief Mission", "China Relief Mission"),
])
def test_a_thing_described_is_named_as_the_sentence_writes_the_question_s_words(tmp_path: Any, query: str,
                                                                                  name: str) -> None:
    out = built(tmp_path, "In spring 1948 Bessac distributed food aid for the Mongol Branch of the China Relief "
                          "Mission, and rode to the Mongol camps.\n", "t.txt")
    assert answers(out, "what", query)[0]["name"] == name


def test_a_thing_described_takes_the_place_the_question_names_after_it(tmp_path: Any) -> None:
    """ "Indian consulate Kashgar closed": what the sentence calls "the Indian Consulate in
    Kashgar", the place the question writes after it and all (a real sentence of
    tests/data/real/reference/arpi_...)."""
    out = built(tmp_path, "I personally believe that the original sin was the closure of the Indian Consulate in "
                          "Kashgar in 1953.\n", "t.txt")
    assert answers(out, "what", "Indian consulate Kashgar closed")[0]["name"] == "Indian Consulate in Kashgar"
    assert answers(out, "what", "Indian consulate closed")[0]["name"] == "Indian Consulate"


def test_where_names_the_place_of_what_the_question_says_happened(tmp_path: Any) -> None:
    """A `where` question that names people and what they did, no place: the place the sentence
    that tells it names ("... he and Bill Tilman met at Tashkurghan", tests/data/real/memoirs/skrine_...)."""
    out = built(tmp_path, "Eric Shipton describes how in August 1947 he and Bill Tilman met at Tashkurghan in the "
                          "Chinese Pamirs and discussed various climbing expeditions.\n", "t.txt")
    assert answers(out, "where", "Shipton Tilman meeting August 1947")[0]["name"] == "Tashkurgan"  # (registered so)
    from conftest import cli

    assert cli("where", "Foobar Quux meeting", "--db", str(out)).exit_code == 1  # nobody the sentence names


def test_who_finds_a_one_word_name_of_no_known_kind_before_its_context(tmp_path: Any) -> None:
    """A telegram signed in its last words ("... twothousand Safdarali."), asked with words its
    document writes: that name; not with words no document naming it writes."""
    from conftest import cli

    out = built(tmp_path, "May 5, 1953\n\nCoded telegram from Shufu\n\nLocal authorities ordered me to leave "
                          "Kashgar May tenth without fail stop I engaged seven ponies stop send me rupees threethousand immediately cash balance "
                          "in hand is rupees twothousand Safdarali.\n\nA Pakistani in Xinjiang describes problems.\n",
                "t.txt")
    got = answers(out, "who", "Safdarali Pakistani official Kashgar 1953")[0]
    assert got["name"] == "Safdarali"
    # the telegram's "stop"s end its sentences; the one after the deadline ahead of the telegram's
    # day is of that day as well as the telegram's
    assert sorted(e["date"]["value"] for e in got["events"]) == ["1953-05-05", "1953-05-10"]
    assert cli("who", "Safdarali Tibetan lama", "--db", str(out)).exit_code == 1
    assert cli("who", "Pakistani of Kashgar 1953", "--db", str(out)).exit_code == 1  # "X of a place": an office's word


@pytest.mark.parametrize("text,last,dates", [
    # a biography's later year under its subject's birth year: not of the birth year (a reviewer's case)
    ("Wang Jinghai\n1915\n\nWang Jinghai was a Hui officer. In 1924, he accompanied his uncle to Kansu. After "
     "the Mukden Incident, he changed his name.\n", "After the Mukden Incident", ["1924"]),
    # a deadline months after a telegram's day: not of the telegram's day
    ("Kashgar, May 5, 1953\n\nWe must leave by December 20, 1953. Ponies are dear.\n", "Ponies are dear",
     ["1953-12-20"]),
])
def test_a_date_line_dates_the_sentence_after_a_deadline_only(tmp_path: Any, text: str, last: str,
                                                               dates: list[str]) -> None:
    import json

    db = json.loads(built(tmp_path, text, "t.txt").read_text(encoding="utf-8"))
    assert sorted(e["date"]["value"] for e in db["events"] if e["text"].startswith(last)) == dates


def test_a_name_in_another_language_is_the_english_one_word_by_word(tmp_path: Any) -> None:
    """A German page's "Republik Ostturkestan" (tests/data/real/reference/republik_ostturkestan_de.txt)
    is the registered East Turkestan Republic, said so with the reason; a Turkish page's body no
    English document names is found by its name in English."""
    from conftest import cli

    out = built_from(tmp_path, "Die Republik Ostturkestan wurde am 12. November 1944 in Ghulja ausgerufen.\n",
                     "1954’te Türkiye’ye gelen Alptekin, Doğu Türkistan Göçmenler Cemiyeti’ni kurarak çalıştı.\n")
    etr = answers(out, "what", "East Turkestan Republic")[0]
    assert etr["id"] == "east-turkestan-republic" and any("Republik Ostturkestan" in a for a in etr["aliases"])
    assert any("the same name in another language" in m["reason"] for m in etr["merges"])
    assert answers(out, "what", "East Turkestan Emigrants Association")[0]["name"] == "Doğu Türkistan Göçmenler Cemiyeti"
    assert "Doğu Türkistan Göçmenler Cemiyeti" not in cli("what", "East Turkestan Football Association", "--db",
                                                          str(out)).stdout


@pytest.mark.parametrize("query,figures", [
    ("two thousand tons agreement", "2000 tons agreement"), ("eleven-point agreement", "11-point agreement"),
    ("one hundred and fifty trucks", "150 trucks"), ("twenty-five men", "25 men"),
    ("fifty-fifty", "fifty-fifty"), ("someone said", "someone said"),  # no number
])
def test_numbers_in_words_read_in_figures(query: str, figures: str) -> None:
    from etr.query.described import in_figures

    assert in_figures(query) == figures


def test_a_thing_described_in_figures_is_asked_in_words(tmp_path: Any) -> None:
    """FRUS 1943 (Vincent's 479): 'This cargo movement is not related to the “2000 tons agreement”'."""
    out = built(tmp_path, "This cargo movement is not related to the “2000 tons agreement” of last year. A thousand "
                          "tons went by road.\n")
    assert answers(out, "what", "two thousand tons agreement Sinkiang cargo")[0]["name"] == "2000 tons agreement"


@pytest.mark.parametrize("query,name", [
    ("The Bloody Mountain novel", "The Bloody Mountain"),  # a title's article, capitalised as the text writes it
    ("Bloody Mountain novel", "Bloody Mountain"),
])
def test_a_work_described_keeps_its_title_s_article(tmp_path: Any, query: str, name: str) -> None:
    out = built(tmp_path, "There he founded many primary schools to promote Uyghur education, and wrote his novel The "
                          "Bloody Mountain, which attacked the Chinese Guomindang government's ethnic policy.\n")
    assert answers(out, "what", query)[0]["name"] == name


KOVALEV = ("November 11, 1949\nCable No. 59976, Kovalev to Cde. Filippov [Stalin]\n"
           "from PEKING received at 13:55 11 November 1949 Copy Nº 1\nto Cde. FILIPPOV\nI report:\n"
           "Through its Ministry of Trade the Chinese government has turned [to us] to clarify the question of the "
           "possibility of delivering 10,000 tons of grain from the Soviet Union to supply the soldiers of the Chinese "
           "PLA quartered in the province of XINJIANG. The Ministry reported that the grain needs to be shipped to "
           "XINJIANG by April 1950, and that wheat and corn can be shipped in any proportion at our discretion.\n"
           "Nº 274 KOVALEV, 11 November\n")


def test_a_deadline_ahead_of_a_telegram_s_day_is_not_when_its_request_was_made(tmp_path: Any) -> None:
    """Kovalev's cable No. 59976 (Wilson Center): the Chinese government asked on 11 November 1949
    for grain to be shipped "by April 1950"; the deadline is no date of the asking."""
    db = built(tmp_path, KOVALEV)
    got = answers(db, "when", "Chinese government asks the Soviet Union for grain for the PLA")
    assert got[0]["date"]["value"] == "1949-11-11" and got[0]["text"].startswith("Through its Ministry of Trade")
    assert any("by April 1950" in r["text"] for r in answers(db, "when", "1950-04"))  # the deadline is still a date


def test_a_thing_ordered_done_by_a_day_is_answered_by_that_day_first(tmp_path: Any) -> None:
    """A reviewer's telegram of 5 June 1943: "ordered the Soviet trade agency at Kuldja to close by
    July 15": the closing is answered by July 15 before the telegram's day."""
    db = built(tmp_path, "861.24593/6-543: Telegram\n\nThe Ambassador in China (Gauss) to the Secretary of State\n\n"
                         "Chungking, June 5, 1943.\n\nGovernor Sheng Shih-tsai has ordered the Soviet trade agency "
                         "at Kuldja to close by July 15. All Soviet geologists must leave the Tushantzu oil field by "
                         "August 1.\n")
    assert answers(db, "when", "Soviet trade agency at Kuldja closed")[0]["date"]["value"] == "1943-07-15"


def test_a_county_is_no_river_and_a_province_no_city(tmp_path: Any) -> None:
    """A reviewer's telegram: Manas County is not the Manas River the registry lists "Manas" for;
    Alma-Ata Province is not the city."""
    db = built(tmp_path, "Tihwa, September 15, 1946.\n\nFighting continued along the Manas River. Chinese garrison "
                         "of Manas County was reinforced by two cavalry regiments on September 12. Refugees from "
                         "Alma-Ata Province report that the frontier is closed; in the city of Alma-Ata itself "
                         "conditions are normal.\n")
    assert "River" not in answers(db, "where", "Manas County")[0]["name"]
    assert answers(db, "where", "Alma-Ata Province")[0]["name"] == "Alma-Ata Province"


def test_a_county_named_for_its_town_is_that_place(tmp_path: Any) -> None:
    """Kazakhstan Encyclopedia on Gheni Batur: "Nilka County" is the registered Nilka, so named
    with its county; asked either way, the sentence is in its profile."""
    db = built_from(tmp_path, "He was among the first 20 horsemen who began uprising in Nilka County of Ili valley "
                              "of Sinkiang in September 1944.\n",
                    "Lutpulla Mutellip is believed to be born in the county of Nilka County, Ili Kazakh Autonomous "
                    "Prefecture, Xinjiang Province on November 22, 1922.\n")
    for asked in ("Nilka County", "Nilka"):
        top = answers(db, "where", asked)[0]
        assert top["name"] == "Nilka" and "first 20 horsemen" in str(top) and "Lutpulla" in str(top)


def test_a_name_the_query_writes_exactly_beats_a_near_miss_of_more_of_its_words(tmp_path: Any) -> None:
    """FRUS 1943: "Chaucer H. Wu, Special Commissioner at Tihwa for Foreign Affairs"; asked with a
    misspelt title, the query's "Chaucer Wu" names him, not the "Special Commissioner Wu" its
    other words come near."""
    db = built_from(tmp_path,
                    "Chaucer H. Wu, Special Commissioner at Tihwa for Foreign Affairs, has returned from Moscow. "
                    "Mr. Chaucer Wu called on me today.\n",
                    "Special Commissioner Wu Chung-hsin left for Chungking. Special Commissioner Wu said the road "
                    "was open.\n")
    assert answers(db, "who", "Chaucer Wu Special Comissioner Tihwa")[0]["name"] == "Chaucer H. Wu"


def test_a_place_in_another_transcription_among_words_of_context(tmp_path: Any) -> None:
    """Hedin: "HAVDE was to be permitted to remain in Pichan for only one month." Asked in pinyin
    among other words, the place is Pichan, not the man the question also names."""
    db = built(tmp_path, "HAUDE and LI left Urumchi along the main road. HAVDE was to be permitted to remain in "
                         "Pichan for only one month. The road to Pichan was long.\n")
    assert answers(db, "where", "Haude allowed one month at Piqan")[0]["name"] == "Pichan"


def test_a_term_asked_alone_is_what_the_few_sentences_writing_it_say(tmp_path: Any) -> None:
    """`what padishah`: a word no name holds, which few sentences write (Military Wiki on Ma
    Fuxing); not a word as common as "army"."""
    text = ("Ma Fuxing also demanded that people call him padishah. His army held Kashgar. The army was "
            "feared. The army was paid in silver. The army had 2,000 men.\n")
    db = built(tmp_path, text)
    top = answers(db, "what", "padishah")[0]
    assert top["name"] == "padishah" and "call him padishah" in str(top)
    assert all(r["name"] != "army" for r in answers(db, "what", "army"))
    assert answers(db, "what", "feared") == []  # a verb's English ending: no term


def test_a_name_asked_with_its_words_run_together_or_its_middle_name_left_out(tmp_path: Any) -> None:
    """Real sentences (Deasy 1901, FRUS 1941): "Chinibagh" is the Chini Bagh, and the name the
    question opens with is asked about, the next its context; "John Davies" is John P. Davies."""
    db = built_from(tmp_path,
                    "We at once returned to the Chini Bagh and despatched the Aksakal to the Amban of Yarkand.\n",
                    "Memorandum by Mr. John P. Davies, Jr., of the Division of Far Eastern Affairs.\n\n"
                    "Mr. Davies thought the Soviet munitions went by the highway.\n")
    assert answers(db, "where", "Chinibagh Yarkand aksakal")[0]["name"] == "Chini Bagh"
    assert answers(db, "where", "Chinibagh")[0]["name"] == "Chini Bagh"
    assert answers(db, "who", "John Davies memorandum")[0]["name"] == "John P. Davies"


def test_a_thing_described_takes_its_footnote_and_its_other_numerals(tmp_path: Any) -> None:
    """'the recent Anglo-Soviet treaty35' with 'Footnote 35: Signed at London, May 26, 1942': the
    note dates the thing its number marks; 'Supplement II' is written 'supplement 2' as well."""
    out = built(tmp_path, "He suggested an understanding along the lines of the recent Anglo-Soviet treaty35 with "
                          "the Soviets.\n\nSigning of supplement 2 was completed on June 6, 1946 at Tihwa. "
                          "Supplement II contains six articles.\n\n"
                          "Footnote 34: Not printed.\nFootnote 35: Signed at London, May 26, 1942.\n", "t.txt")
    treaty = answers(out, "what", "Anglo-Soviet treaty")[0]
    assert [e["date"]["value"] for e in treaty["events"]] == ["1942-05-26"]
    supplement = answers(out, "what", "Supplement II")[0]
    assert "1946-06-06" in [e["date"]["value"] for e in supplement["events"]]
    assert "supplement 2" in supplement["aliases"]
    from conftest import cli

    assert cli("what", "Supplement ²", "--db", str(out)).exit_code == 1  # a digit to str.isdigit, no number


def test_a_why_question_finds_the_reason(tmp_path: Any) -> None:
    """`search "why ..."`: the sentence that gives the reason, after the one that states the act."""
    import json

    from conftest import cli

    out = built(tmp_path, "Consulate at Tihwa reported quiet in the city.\n\nAfter careful consideration Dept has decided "
                          "to close the Consulate at Tihwa. In arriving at this decision Dept has had in mind the absence of "
                          "private interests requiring protection in the area.\n\nThe Consulate at Tihwa was opened in 1943 "
                          "and the consulate staff numbered four.\n", "t.txt")
    got = json.loads(cli("search", "why did the Department close the consulate at Tihwa", "--json", "--db",
                         str(out)).stdout)["results"]
    texts = [r.get("text", "") for r in got[:2]]
    assert any("had in mind" in t for t in texts), texts


def test_a_registered_title_and_surname_named_in_full_in_any_order(tmp_path: Any) -> None:
    """The registry knows "General Sung" only by title and surname. A document that names him in
    full as General ("General Sung Hsi-lien") makes "Sung Hsi-lien" him in every document, read
    before or after; a footnote marker glued on ("General Sung17") does not hide the name."""
    import json

    from conftest import cli

    out = built_from(tmp_path, "Sung Hsi-lien, Commander of Chinese garrison troops in Sinkiang, left Tihwa on 3 May 1947.\n",
                     "Chang will be replaced at Tihwa by General Sung Hsi-lien on 5 May 1947. General Sung17 admits it.\n")
    db = json.loads(out.read_text(encoding="utf-8"))
    assert not [e["name"] for e in db["entities"] if "Sung" in e["name"] and e["id"] != "general-sung"]
    sung = json.loads(cli("who", "General Sung", "--json", "--db", str(out)).stdout)["results"][0]
    assert {"1947-05-03", "1947-05-05"} <= {e["date"]["value"] for e in sung["events"]}


@pytest.mark.parametrize("text,name", [
    ("The Treaty of Friendship and Alliance was signed.", "Treaty of Friendship and Alliance"),
    ("The Treaty of Friendship and Alliance (Russian: Договор о дружбе) was signed.", "Treaty of Friendship and Alliance"),
])
def test_a_short_form_does_not_hide_a_longer_name(text: str, name: str) -> None:
    """"The Treaty" (a short form) must not swallow the start of "Treaty of Friendship and Alliance",
    on both of the linker's paths."""
    from pathlib import Path

    from conftest import ROOT
    from etr.ingest.link import Linker
    from etr.ingest.registry import load_registry

    linker = Linker(load_registry(Path(ROOT / "data" / "registry"), None))
    for found in (linker.find_all(text, [(0, len(text))])[0], linker.find(text, 0, len(text))):
        assert name in [m.text for m in found if m.entity is not None]


@pytest.mark.parametrize("text,query,date", [
    # an article's infobox lines are about what its title names, registered or learnt
    ("= Ili Rebellion =\n\nInfobox\n- Result: Independence declared on 12 November 1944\n\n"
     "The Ili Rebellion was a separatist uprising in northern Xinjiang.\n", "Ili Rebellion", "1944-11-12"),
    ("Kumul Rebellion\n\nThe Kumul Rebellion was a rebellion of Kumulik Uyghurs from 1931 to 1934.\n\n"
     "Kumul Rebellion\nDate4 April 1931 – 1934\n", "Kumul Rebellion", "1931-04-04"),
    # an encyclopedia's title with what tells it apart is one of its names
    ("= Ili Rebellion (1944–49) =\n\nInfobox\n- Result: Independence declared on 12 November 1944\n\n"
     "The Ili Rebellion was a separatist uprising in northern Xinjiang.\n", "Ili Rebellion (1944–49)", "1944-11-12"),
    # "It" opening a paragraph of an article about a place is that place
    ("= Tacheng =\n\nTacheng is a county-level city in northern Xinjiang.\n\nIt was opened to Russian trade "
     "by a treaty signed on 25 July 1851 at Kuldja.\n", "Tacheng", "1851-07-25"),
    # "the treaty" in an article about a treaty is that treaty
    ("= Sino-Soviet Treaty of Friendship and Alliance =\n\nThe Treaty of Friendship and Alliance was a treaty "
     "between China and the Soviet Union.\n\nOn 14 August 1945, Wang Shijie and Molotov signed the treaty in Moscow.\n",
     "Sino-Soviet Treaty of Friendship and Alliance", "1945-08-14"),
])
def test_a_document_is_about_what_its_title_names(tmp_path: Any, text: str, query: str, date: str) -> None:
    import json

    from conftest import cli

    out = built(tmp_path, text, "article.txt")
    got = json.loads(cli("what", query, "--json", "--db", str(out)).stdout)["results"][0]
    assert query in [got["name"], *got["aliases"]]
    assert date in {e["date"]["value"] for e in got["events"] if e["citations"][0]["source"] != "etr"}


def test_search_by_an_office_finds_who_holds_it(tmp_path: Any) -> None:
    """"the Soviet consul general" in a question is whoever the documents give that office."""
    import json

    from conftest import cli

    doc = tmp_path / "t.txt"
    doc.write_text("Soviet Consul General Evseef arrived at Tihwa in May 1946.\n\nThe weather was cold and the roads "
                   "were closed for a week.\n\nEvseef worked sincerely to bring the parties together.\n",
                   encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(doc), "--out", str(out)).exit_code == 0
    got = json.loads(cli("search", "how did the soviet consul general work", "--json", "--db", str(out)).stdout)
    assert "worked sincerely" in got["results"][0].get("text", "")


@pytest.mark.parametrize("text,query,date,not_first", [
    # the date of a telling is not the date of what it tells ("informed ... that the plane had crashed")
    ("Delegates of the Three Districts flew from Alma-Ata to Peking by way of Irkutsk and Moscow, late in "
     "August 1949, in an airplane that was lost.\n\n"
     "On September 3, 1949, the Soviet Union informed the Chinese government that the plane had crashed.\n",
     "when did the plane crash", "1949-08", "1949-09-03"),
    # an English verb whose past the stemmer cannot reach: "leaves" asks for "left"
    ("Sheng Shih-tsai\n\nSheng Shih-tsai was a Chinese warlord who ruled Sinkiang from 1933.\n\n"
     "In 1942 Sheng turned to Chungking. He left Sinkiang on September 11, 1944 for a post in Chungking.\n",
     "Sheng Shih-tsai leaves Sinkiang", "1944-09-11", "1933"),
    # an infobox's office with its term: the field says which date is the start and which the end
    ("= Wang Tse-ming =\n\n- Office2: Governor of Sinkiang\n- Term Start2: 30 December 1948\n"
     "- Term End2: 17 September 1949\n\nWang Tse-ming was a politician; in 1947 the governor of Sinkiang "
     "was Chang, who was removed from Sinkiang in 1947.\n",
     "Wang Tse-ming appointed governor of Sinkiang", "1948-12-30", "1949-09-17"),
    ("= Wang Tse-ming =\n\n- Office2: Governor of Sinkiang\n- Term Start2: 30 December 1948\n"
     "- Term End2: 17 September 1949\n\nWang Tse-ming was a politician; in 1947 the governor of Sinkiang "
     "was Chang, who was appointed to Sinkiang in 1946.\n",
     "Wang Tse-ming leaves the governorship of Sinkiang", "1949-09-17", "1948-12-30"),
])
def test_when_dates_what_the_question_asks(tmp_path: Any, text: str, query: str, date: str, not_first: str) -> None:
    import json

    from conftest import cli

    out = built(tmp_path, text, "t.txt")
    got = [r["date"]["value"] for r in json.loads(cli("when", query, "--json", "--db", str(out)).stdout)["results"]
           if r["citations"][0]["source"] != "etr"]
    assert got[0] == date and not_first in got[1:] + [not_first]


def test_a_registered_event_named_inside_a_longer_question(tmp_path: Any) -> None:
    """"plane crash of the Ili leaders near Lake Baikal" says the registered "plane crash near Lake
    Baikal" with words of its own: the registry's dates for it answer."""
    import json

    from conftest import cli

    got = json.loads(cli("when", "plane crash of the Ili leaders near Lake Baikal", "--json").stdout)["results"]
    assert "1949-08" in {r["date"]["value"] for r in got[:3]}


def test_an_infobox_office_is_read_with_its_term() -> None:
    """'- Office4: Governor of Xinjiang', '- Term Start4: 30 December 1948', '- Predecessor4: ...'
    are one statement (a date then says what it is the term of); fields of another number, and
    ordinary list items, stay apart."""
    from etr.ingest.sentences import read_document

    text = ("= Burhan =\n\n- Office: Chairman of the Conference\n- Term Start: 12 September 1980\n"
            "- Term Start1: 25 December 1954\n- Office4: Governor of Xinjiang\n- Term Start4: 30 December 1948\n"
            "- Predecessor4: Masud Sabri\n- Birth Date: 3 October 1894\n\nHe went on:\n- Term Start: a list item\n")
    got = [s.text for s in read_document("b", text).sentences]
    assert got == ["Office: Chairman of the Conference\n- Term Start: 12 September 1980", "Term Start1: 25 December 1954",
                   "Office4: Governor of Xinjiang\n- Term Start4: 30 December 1948\n- Predecessor4: Masud Sabri",
                   "Birth Date: 3 October 1894", "He went on:", "Term Start: a list item"]


@pytest.mark.parametrize("query,name", [
    ("Ehmetjan Qasimi Ghulja 1945", "Ehmetjan Qasimi"),   # a name with a place and a year around it
    ("Consul Paxton at Tihwa in 1948", None),               # nobody of that name in the seeds: nothing
    ("Sheng Shicai 1944", "Sheng Shicai"),
])
def test_who_finds_the_name_inside_words_of_context(query: str, name: str | None) -> None:
    import json

    from conftest import cli

    r = cli("who", query, "--json")
    if name is None:
        assert r.exit_code == 1
    else:
        got = json.loads(r.stdout)
        assert r.exit_code == 0 and got["results"][0]["name"] == name


def test_what_a_telegram_reports_without_a_date_is_dated_by_its_file_number(tmp_path: Any) -> None:
    """A sentence that states no date answers 'when' by the day its document's header gives
    ("893.00/12-1846": 18 December 1946), on or before it, citing the sentence and the header."""
    import json

    import jsonschema

    from conftest import ROOT, cli

    doc = tmp_path / "t.txt"
    text = ("893.00/12–1846: Telegram\n\nThe Ambassador in China (Stuart) to the Secretary of State\n\n"
            "The Sinkiang delegation was quiet for the first few days, and finally Ahkmed Jan spoke for the "
            "delegation and demanded full internal autonomy for the province.\n\nThe press said little.\n")
    doc.write_text(text, encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(doc), "--out", str(out)).exit_code == 0
    src = next(s for s in json.loads(out.read_text())["sources"] if not s["curated"])
    assert src["dated"] == {"value": "1946-12-18", "text": "893.00/12–1846", "start": 0, "end": 14,
                            "basis": "the file number"}
    got = json.loads(cli("when", "Ahkmed Jan demanded autonomy", "--json", "--db", str(out)).stdout)
    jsonschema.validate(got, json.loads((ROOT / "data" / "output.schema.json").read_text()))
    first = got["results"][0]
    assert (first["date"]["value"], first["date"]["how"], first["date"]["mod"]) == ("1946-12-18", "document", "ON_OR_BEFORE")
    assert [c["quote"] for c in first["citations"]] == [first["text"], "893.00/12–1846"]
    assert all(text[c["start"]:c["end"]] == c["quote"] for c in first["citations"])
    shown = json.loads(cli("show", first["id"], "--json", "--db", str(out)).stdout)["results"][0]
    assert shown["kind"] == "sentence" and "full internal autonomy" in shown["text"]
    # a profile lists it among the person's events, so dated, and not again among his statements
    who = json.loads(cli("who", "Ahkmed Jan", "--json", "--db", str(out)).stdout)
    jsonschema.validate(who, json.loads((ROOT / "data" / "output.schema.json").read_text()))
    person = who["results"][0]
    reported = [e for e in person["events"] if e["date"]["how"] == "document"]
    assert [e["date"]["value"] for e in reported] == ["1946-12-18"] and "full internal autonomy" in reported[0]["text"]
    assert not any("full internal autonomy" in c["quote"] for c in person["statements"])
    # a period lists the events the documents date, not every sentence of a dated telegram
    assert cli("when", "1946-12", "--json", "--db", str(out)).exit_code in (0, 1)
    period = json.loads(cli("when", "1946-12", "--json", "--db", str(out)).stdout or '{"results": []}')["results"]
    assert not any("autonomy" in r["text"] for r in period)


def test_an_infobox_as_a_page_shows_it_dates_the_office(tmp_path: Any) -> None:
    """'Governor of Xinjiang / In office / July 7, 1928 – April 1933 / Preceded by ...', copied
    from a web page, is one statement about the man the article is about."""
    import json

    from conftest import cli

    out = built(tmp_path, "Wang Wen-hsiu\n\nWang Wen-hsiu\nGovernor of Ningsia\nIn office\nJuly 7, 1928 – April 1933\n"
                          "Preceded by Ma Hung-kuei\nSucceeded by Liu Wen-lung\nBorn 1879\n\nWang Wen-hsiu was a Han Chinese "
                          "official born in Kansu, who governed Ningsia for five years.\n", "wang.txt")
    got = json.loads(cli("who", "Wang Wen-hsiu", "--json", "--db", str(out)).stdout)["results"][0]
    office = [e for e in got["events"] if e["date"]["value"].startswith("1928-07-07")]
    assert office and "Governor of Ningsia" in office[0]["text"] and "Preceded by Ma Hung-kuei" in office[0]["text"]


@pytest.mark.parametrize("text,dated", [
    # a telegram's date line under its address, a dispatch's, a newspaper's masthead
    ("793.94/17093: Telegram\n\nThe Ambassador in China (Gauss) to the Secretary of State\n\nChungking, September 21, "
     "1942—1 p.m.\n[Received September 22—10:17 p.m.]\n\nGeneral Ho was offered the chairmanship.\n", "1942-09-21"),
    ("Taranaki Daily News, 6 March 1934, Page 7\n\nNEW REPUBLIC\n\nCalcutta, Feb. 18. “The Soviet is casting "
     "envious glances,” said Dr. Mustapha Ali.\n", "1934-03-06"),
    # an encyclopedia's infobox dates nobody's report
    ("Elihan Tore\n\nPresident of the East Turkestan Republic\nBorn\n21 March 1884\nTokmok\n\nElihan Tore was an "
     "Uzbek religious leader.\n", None),
    # an archive's page: the document's date before its title, under the archive's banner
    ("Digital Archive digitalarchive.wilsoncenter.org International History Declassified\n\nSeptember 15, 1945 The "
     "Situation in\n\nCitation:\n\nThe Central Committee reports that the rebels asked for mediation.\n", "1945-09-15"),
    # ... but a chronology's first entry is no date line, nor is a sentence, nor an infobox's field
    ("Chronology\n\nSeptember 15, 1945 The rebels took Igiz-Yar.\n\nOctober 2, 1945 They took Guma.\n", None),
    ("September 15, 1945 The rebels, who had taken Igiz-Yar, moved on towards the road to Kashgar\n", None),
    ("July 7, 1937 Marco Polo Bridge Incident\n\nJapan invaded north China and the war began.\n\n"
     "November 12, 1944 East Turkestan Republic proclaimed in Ghulja\n\nThe rebels proclaimed a republic.\n", None),
    ("Mesud Sabri\n\nBorn\n\n21 March 1886 Ghulja, Qing China\n\nDied\n\n1952\n\nMesud Sabri was a reformer.\n", None),
])
def test_a_letter_telegram_or_newspaper_is_dated_by_its_date_line(tmp_path: Any, text: str, dated: str | None) -> None:
    import json

    out = built(tmp_path, text, "d.txt")
    src = next(s for s in json.loads(out.read_text())["sources"] if not s["curated"])
    assert src.get("dated", {}).get("value") == dated


def test_no_name_runs_over_a_line_break() -> None:
    """Lines read as one statement (an infobox's office and its term) keep their names apart."""
    from etr.ingest.discover import unknown_names

    text = "Xinjiang Production and Construction Corps\nIn office\nJuly 7, 1928 – April 1933\nPreceded by Yang Zengxin"
    got = {u.text for u in unknown_names(text, 0, len(text), [])}
    assert "Xinjiang Production and Construction Corps" in got and "Yang Zengxin" in got and not [x for x in got if "\n" in x]


def test_an_article_is_about_its_title_after_a_long_infobox(tmp_path: Any) -> None:
    """The lead that names the article's subject may come after a dozen infobox lines: its fields
    are still about the subject, and so is 'He' in the lead."""
    import json

    from conftest import cli

    fields = "".join(f"- Field{i}: value {i}\n" for i in range(8))
    doc = tmp_path / "kn.txt"
    doc.write_text("= Hoja Barat =\n\nHoja Barat, x\n- Office: President of the Republic\n- Term Start: November 12, 1933\n"
                   f"{fields}\nHoja Barat (1889 - 1941) was a Uyghur leader. Ma Chung-ying fought Ma Chung-ying's "
                   "enemies. He is best remembered as the president of the republic from November 1933.\n",
                   encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(doc), "--out", str(out)).exit_code == 0
    got = json.loads(cli("who", "Hoja Barat", "--json", "--db", str(out)).stdout)["results"][0]
    values = {e["date"]["value"] for e in got["events"]}
    assert {"1933-11-12", "1933-11"} <= values


@pytest.mark.parametrize("british,american", [
    ("defence of the Ili District", "defense of the Ili District"),
    ("the labour of the Kazaks was organised", "the labor of the Kazaks was organized"),
    ("the organisation of the centre", "the organization of the center"),
    ("travellers in the theatre", "travelers in the theater"),
    ("rumours, rumoured and a neighbouring honourable favourite", "rumors, rumored and a neighboring honorable favorite"),
])
def test_british_and_american_spellings_are_one_term(british: str, american: str) -> None:
    from etr.text.terms import terms

    assert terms(british) == terms(american)
    assert terms("four hours on tour") == ["four", "hour", "tour"]  # short words in -our are no -or words


def test_a_registered_people_s_name_that_is_a_man_s_surname(tmp_path: Any) -> None:
    """An article on Han Youwen: 'Han Youwen' is a man, not the Han Chinese and a word; 'Han led
    ...' opening a sentence is he, and 'he' in a paragraph of its own after a sentence about him."""
    import json

    text = ("Han Youwen\n\nHan Youwen (1912-1998) was a Salar general. The book shows that Han Youwen had been "
            "chief of police.\n\nIn 1931 he joined the army under General Ma Bufang.\n\n"
            "Han led Muslim forces against the Soviets in 1947. Han settlers came in 1950. Han Youwen's troops "
            "held Peitashan in 1948.\n")
    db = json.loads(built(tmp_path, text).read_text())
    names = {e["id"]: e["name"] for e in db["entities"]}
    han = answers(built(tmp_path, text), "who", "Han Youwen")[0]
    assert han["name"] == "Han Youwen" and han["type"] == "person"
    dated = {e["date"]["value"]: {names[i] for i in e["entities"]} for e in db["events"] if e["source"] != "etr"}
    assert "Han Youwen" in dated["1931"] and "Han Youwen" in dated["1947"] and "Han Youwen" in dated["1948"]
    assert "Han Chinese" not in dated["1947"] and "Han Chinese" not in dated["1948"]
    assert "Han Youwen" not in dated["1950"]  # "Han settlers": the people


def test_a_term_in_the_plural_is_the_term(tmp_path: Any) -> None:
    """'These Aksakals are men selected ...' says what the Aksakal named before it is: one entity."""
    import json

    from conftest import cli

    out = built(tmp_path, "Shortly afterwards the Afghan Aksakal and a number of Indian traders came to see me. These "
                          "Aksakals are men selected by the Chinese from among the traders of each country.\n", "ak.txt")
    got = json.loads(cli("what", "Aksakal", "--json", "--db", str(out)).stdout)["results"][0]
    assert got["name"] == "Aksakal"
    assert any("men selected by the Chinese" in c["quote"] for c in got["statements"])
    assert not [e for e in json.loads(out.read_text())["entities"] if e["name"] == "Aksakals"]


def test_a_despatch_signed_in_full_gives_its_writer_s_name(tmp_path: Any) -> None:
    """'Respectfully yours, / O. Edmund Clubb' under a header that names '(Clubb)' is his full
    name, cited at the signature; a signature naming someone else is no alias of the writer."""
    import json

    text = ("893.00/6–543\n\nThe Consul at Tihwa (Clubb) to the Ambassador in China (Gauss)\n\nTihwa, June 5, 1943.\n\n"
            "Sir: I have the honor to report that the advisers have left Hami for the border.\n\n"
            "Respectfully yours,\n\nO. Edmund Clubb\n")
    db = json.loads(built(tmp_path, text).read_text())
    name, aliases = names_of(db, "Clubb")
    assert "O. Edmund Clubb" in [name, *aliases]
    person = next(e for e in db["entities"] if e["name"] == name)
    cited = [m for m in person["merges"] if m["form"] == "O. Edmund Clubb"]
    assert cited and cited[0]["citation"]["quote"] == "O. Edmund Clubb"
    assert text[cited[0]["citation"]["start"]:cited[0]["citation"]["end"]] == "O. Edmund Clubb"
    assert name == "O. Edmund Clubb"  # the full name is the profile's name
    assert archival.signature(text.replace("O. Edmund Clubb", "John Carter Vincent"), "Clubb") is None
    assert archival.signature(text, "") is None  # no header names the writer


@pytest.mark.parametrize("line,names", [
    ('Nickname(s)"Tiger Prince" of Hami[2][3]', ["Tiger Prince of Hami"]),
    ('Nickname Ga Ssu-ling ("Baby General" or "Little Commander")[1] or "Big Horse"[2]',
     ["Ga Ssu-ling", "Baby General", "Little Commander", "Big Horse"]),
    ("- Other Names: Ma Buqing", ["Ma Buqing"]),
    ("Also known as the Tiger, he ruled Hami.", []),  # prose, not a field
    ("Nicknames are common among the Kazaks.", []),
])
def test_an_infobox_s_other_names_are_its_subject_s(line: str, names: list[str]) -> None:
    from etr.ingest.assemble import other_names

    assert other_names(line) == names


@pytest.mark.parametrize("rest,dateline", [
    ("Chungking, ", True),  # "Chungking, August 25, 1942—11 a.m."
    ("[Received —3:10 a.m.]", True),  # "[Received March 3—3:10 a.m.]"
    ("Moscow, —10 a.m.", True),
    ("NANKING,  (A.A.P.).", True),  # "NANKING, June 12 (A.A.P.)."
    ("LONDON,  (Reuter).", True),
    ("!" * 1990 + "ab", False),  # digit soup: answered in its length's time, not its square's
    ("(793.94/17089)", True),
    ("of ", True),  # "of 7 February 1936": the date line of a resolution under its heading
    ("of .", False),  # "... the trade agreement / of 7 February 1936.": a sentence a page broke
    ("Sheng arrived in Tihwa .", False),
    ("The rebels took .", False),
])
def test_a_dateline_or_a_routing_line_states_no_event(rest: str, dateline: bool) -> None:
    from etr.ingest.assemble import _dateline

    assert _dateline(rest) is dateline


def test_a_dateline_dates_what_follows_it_and_an_event_is_dated_to_the_day(tmp_path: Any) -> None:
    import json

    text = ("The Ambassador in the Soviet Union (Standley) to the Secretary of State\n\n"
            "Moscow, June 15, 1943—10 a.m.\n\n[Received 1:45 p.m.]\n\n"
            "The Chinese consulates at Alma Ata and Tashkent have placed themselves under the Chungking Government.\n\n"
            "“65, June 11, 11 a.m. Chang informs me that the consulates have changed sides.”\n")
    db = json.loads(built(tmp_path, text).read_text())
    events = {e["text"]: e["date"] for e in db["events"] if e["source"] != "seed"}
    assert not any(t.startswith("[Received") for t in events)  # when it came: no event
    # the date line: the telegram written at Moscow that day (its one event), not at 10 a.m.
    assert [d["value"] for t, d in events.items() if t.startswith("Moscow, June 15")] == ["1943-06-15"]
    told = next(d for t, d in events.items() if t.startswith("“65, June 11"))
    assert (told["value"], told["type"], told["precision"]) == ("1943-06-11", "DATE", "day")  # not 1943-06-11T11:00


def test_a_heading_under_a_date_line_passes_the_date_on(tmp_path: Any) -> None:
    """A resolution dated by a line of its own, a numbered heading under it, then the decision."""
    import json

    text = ("Concerning Negotiations with Ma Zhongying\n\nof 7 February 1936\n\n418. Concerning Xinjiang\n\n"
            "Accept the proposal and recommend concessions in the peace talks.\n\n"
            "The talks went on for a long time afterwards.\n")
    db = json.loads(built(tmp_path, text).read_text())
    events = {e["text"]: e["date"]["value"] for e in db["events"] if e["source"] != "etr"}
    assert events.get("Accept the proposal and recommend concessions in the peace talks.") == "1936-02-07"
    assert "The talks went on for a long time afterwards." not in events  # the date is passed on once


@pytest.mark.parametrize("a,b", [
    ("Mongolian and Tibetan Affairs Commission", "Mongolian Tibetan Affairs Commission"),
    ("The Border Defence Commission", "Border Defence Commission"),
])
def test_a_long_name_with_and_without_its_small_words_is_one_key(a: str, b: str) -> None:
    from etr.text.romanise import key

    assert key(a) == key(b)


def test_a_profile_lists_each_spelling_its_documents_use(tmp_path: Any) -> None:
    """'Alma Ata' beside 'Alma-Ata', 'Mr. Fitzroy Maclean' beside his name: a reader copying the
    document's spelling finds it among the aliases; a possessive ('Maclean’s') is no spelling."""
    import json

    text = ("Mr. Fitzroy Maclean asked the Foreign Secretary about the consulate. The consulates at "
            "Alma Ata and Tashkent were closed. Alma-Ata lies near the border. Fitzroy Maclean’s question was answered.\n")
    db = json.loads(built(tmp_path, text).read_text())
    name, aliases = names_of(db, "Fitzroy Maclean")
    assert "Mr. Fitzroy Maclean" in aliases and not any(a.endswith(("’s", "'s")) for a in aliases)
    name, aliases = names_of(db, "Alma-Ata")
    assert {"Alma Ata", "Alma-Ata"} <= {name, *aliases}


def test_where_finds_a_name_of_unknown_kind_spelled_as_asked(tmp_path: Any) -> None:
    """'where Toksun': the 'Toqsun' a memoir drove to (no word there says it is a place) is the
    query's spelling, and comes before a place of another spelling ('Tokosun') a telegram names
    (two documents, as they are)."""
    db = built_from(tmp_path, "Prisoners taken at Kashgar, Tokosun and Shanshan were released.\n",
                    "We drove to Toqsun in the afternoon and encamped in the desert.\n")
    got = answers(db, "where", "Toksun")
    assert got[0]["name"] == "Toqsun"


@pytest.mark.parametrize("query,found", [
    ("Toutunhe airfield", "Toutungho"),  # another romanisation, and the place's feature
    ("Toutungho airfield", "Toutungho"),
    ("Wusu airfield", "Wusu"),  # "the Wusu airfield": the place
    ("Urumchi aerodrome", "Dihua airport"),  # a name that holds the feature wins (a second reader's case)
])
def test_where_reads_a_place_s_feature_word_as_no_part_of_its_name(tmp_path: Any, query: str, found: str) -> None:
    """"where Toutunhe airfield": the feature a question adds to a place ("airfield", "oasis")
    is no word of the name the documents write, and read_as says the name as typed."""
    import json

    from conftest import cli

    db = built(tmp_path, "Soviet troops were at Toutungho in October 1943. They flew out of the Wusu airfield.\n")
    got = json.loads(cli("where", query, "--json", "--db", str(db)).stdout)
    assert got["results"][0]["name"] == found
    assert got["interpreted"].get("read_as", query).split()[0] == query.split()[0]


def test_a_memorandum_s_first_sentence_is_its_writer_s(tmp_path: Any) -> None:
    """"Memorandum by Captain Roscoe E. Schuirmann of the Office of ...", then its date line: the
    first sentence under them is what he wrote, and his profile shows it; a later sentence that
    names nobody is not his."""
    import json

    text = ("893.00/14865\n\nMemorandum by Captain Roscoe E. Schuirmann of the Office of the Chief of Naval "
            "Operations\n\nWashington, July 2, 1942.\n\nThe following was received from the Naval Attaché "
            "Chungking:\n\nA significant improvement in relations is indicated. The approval of the U.S.S.R. is "
            "also implied.\n")
    got = json.dumps(answers(built(tmp_path, text), "who", "Roscoe Schuirmann")[0])
    assert "The following was received from the Naval Attach" in got
    assert "The approval of the U.S.S.R." not in got


@pytest.mark.parametrize("second,linked", [
    ("It is the eastern terminus for the war supplies that come from the Soviet Union.", True),
    ("It lies on the road from Sian to Tihwa.", True),
    # an "it" that stands for what follows, the weather, or no place
    ("It is expected that the conference will open there in October 1940.", False),
    ("It had rained all night in October 1940.", False),
    ("It is not properly described as a concession.", False),
])
def test_it_after_a_sentence_about_a_place_is_the_place(tmp_path: Any, second: str, linked: bool) -> None:
    """"Lanchow has meant even more to Free China. It is the eastern terminus for the war
    supplies": "it" saying what a place is, or where it lies, is the place the sentence before is
    about."""
    import json

    db = built(tmp_path, "Gateway Gunned\n\nA raid on the supply road came in June 1940. In the last two years "
                         "Lanchow has meant even more to Free China. " + second + "\n")
    got = json.dumps(answers(db, "where", "Lanchow")[0])
    assert (second[:30] in got) is linked


def test_a_telegram_s_writer_is_not_the_one_it_quotes(tmp_path: Any) -> None:
    """"Following is Tihwa's 267, June 15, 6 p.m.:" opens the ambassador's telegram; the consul's
    words it quotes under it are not his (a second reader's case)."""
    import json

    text = ("893.00/6-1747: Telegram\n\nThe Ambassador in China (Stuart) to the Secretary of State\n\n"
            "Nanking, June 17, 1947-10 a.m.\n\n1320. Following is Tihwa's 267, June 15, 6 p.m.:\n\n"
            "“Sung has shown us the reports of the fighting at Peitashan.”\n")
    got = json.dumps(answers(built(tmp_path, text), "who", "Stuart")[0])
    assert "Sung has shown us" not in got


@pytest.mark.parametrize("command,query,found,quoted", [
    ("where", "capital of Sinkiang Province 1944", "Dihua", "Tihwa (pop. 50,000), the capital"),  # the registry's Tihwa
    ("where", "the capital of Sinkiang", "Dihua", "Tihwa (pop. 50,000), the capital"),
    ("who", "Sheng Shicai's younger sister", "Sheng Shitong", "Sheng Shitong, the younger sister"),
    ("who", "younger sister of Sheng Shicai", "Sheng Shitong", "Sheng Shitong, the younger sister"),
    ("who", "Sheng Shicai’s wife", "Chen Xiuying", "wife, Chen Xiuying"),
    # the words where the documents say them ("in Urumqi"): a document naming the place sets a name beside them
    ("who", "American vice-consul in Urumqi 1949", "Douglas Mackiernan", "the American vice-consul, Douglas Mackiernan"),
    ("who", "Soviet consul general in Urumqi", "Evseev", "Soviet Consul General Evseev"),
    ("who", "British consul in Urumqi", None, None),  # "the British Consul General at Kashgar": no name beside
    # a title before a name at another place is no answer (a second reader's case: "Consul Ward at Tihwa")
    ("who", "consul in Kashgar", None, None),
    ("who", "consul in Tihwa", "Ward", "Consul Ward at Tihwa"),
    ("who", "son of Yolbars Khan", "Niaz Beg", "NIAZ BEG, YOLBARS KHAN'S eldest son"),
    ("where", "city in Xinjiang", None, None),  # a place in a place is asked by its name
    # words no sentence sets beside a name answer nothing; a place is no person's sister
    ("who", "Sheng Shicai's brother", None, None),
    ("where", "Sheng Shicai's younger sister", None, None),
])
def test_a_question_by_what_the_documents_call_someone(tmp_path: Any, command: str, query: str,
                                                       found: str | None, quoted: str | None) -> None:
    """"capital of Sinkiang Province", "Sheng Shicai's younger sister": no name in the question, but
    a sentence sets a name beside those words about the one it names; that name is the answer,
    with the sentences that say so ('said_so')."""
    import json

    from conftest import cli

    db = built_from(tmp_path,
                    "Tihwa (pop. 50,000), the capital of Sinkiang Province, turned out thousands to greet "
                    "Henry Wallace in June 1944. Kashgar lies far to the south of Sinkiang.\n",
                    "The story of the marriage of Yu Xiusong and Sheng Shitong, the younger sister of the ruler "
                    "of Xinjiang, Sheng Shicai, is well known. Sheng Shicai’s wife, Chen Xiuying, was arrested "
                    "in 1944.\n",
                    "He flew to Urumqi in August 1949. The car belonged to the American vice-consul, Douglas "
                    "Mackiernan, who was about to leave. Soviet Consul General Evseev at Urumqi called on him. The "
                    "provincial government warned the British Consul General at Kashgar to defer his departure.\n",
                    "Consul Ward at Tihwa reports that the Tihwa-Kashgar highway has been severed. Their leader, "
                    "NIAZ BEG, YOLBARS KHAN'S eldest son, came up to my car. Kashgar is a city in Xinjiang.\n")
    result = cli(command, query, "--json", "--db", str(db))
    got = json.loads(result.stdout)
    if found is None:
        assert not got["results"] or "said_so" not in got["results"][0]
        return
    # (several may be so called: "consul in Tihwa" is Ward and Evseev, each with its sentence)
    top = next((r for r in got["results"] if r["name"] == found), None)
    assert result.exit_code == 0 and top is not None, result.stdout[:400]
    assert quoted in top["said_so"][0]["quote"] and "what the documents call" in got["interpreted"]["note"]


def test_a_query_naming_another_kind_whole_is_that_name(tmp_path: Any) -> None:
    """`where "Moscow Sun Yat-sen University"`: the university the document names, not Moscow,
    a part of the question read as a name."""
    import json

    from conftest import cli

    db = built(tmp_path, "In 1925 he went to Moscow to study at the Moscow Sun Yat-sen University. Moscow was cold.\n")
    got = json.loads(cli("where", "Moscow Sun Yat-sen University", "--json", "--db", str(db)).stdout)
    assert got["results"][0]["name"] == "Moscow Sun Yat-sen University" and "read_as" not in got["interpreted"]


def test_he_opening_a_sentence_of_a_biography_is_its_subject(tmp_path: Any) -> None:
    """'He was the son of Ma Qing. He commanded Hui cavalry': the second 'he' is the man the
    article is about, as the first was, not the father the sentence before named."""
    import json


    text = ("Ma Chengxiang\n\nMa Chengxiang was a Chinese Muslim general in the National Revolutionary Army. "
            "He was the son of Ma Qing. He commanded Hui cavalry in Xinjiang, the 5th cavalry army.\n\n"
            "He fled via the Pamirs to India.\n")
    db = built(tmp_path, text)
    about = json.dumps(answers(db, "who", "Ma Chengxiang")[0])
    assert "He commanded Hui cavalry" in about and "He fled via the Pamirs" in about
    father = answers(db, "who", "Ma Qing")[0]
    assert father["name"] == "Ma Qing" and "He commanded Hui cavalry" not in json.dumps(father)


def test_search_a_rare_word_outweighs_a_name_every_sentence_has(tmp_path: Any) -> None:
    """In an article about Yang Zengxin every sentence is his ('he'): his name is in all of them
    and says little, while 'banquet' picks the answer."""
    import json

    from conftest import cli

    text = ("Yang Zengxin\n\nYang Zengxin was the governor of the province. " + " ".join(
        f"He invited the rebels to talks in the {w} year of his rule." for w in
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"))
        + " Rebels of the south were invited to a banquet and decapitated.\n")
    db = built(tmp_path, text)
    got = json.loads(cli("search", "why did Yang Zengxin invite rebels to a banquet", "--json", "--db", str(db)).stdout)
    assert "banquet" in json.dumps(got["results"][0])


HEDIN_STYLE = ("»CHANG FENG-MING borrowed sixty gallons from us at Hami and promised to return the same quantity.»\n\n"
               "»If I make a promise I keep it, » said YOLBARS. »But MA is sending Mr PAI to the towns in our lorry.»\n\n"
               "I'll telegraph to Kucha first, I said.\n\nHistory of the Expedition in Asia, vol. 3 / Page 109\n")


@pytest.mark.parametrize("text,caps", [
    (HEDIN_STYLE, True),  # a book that sets names in small capitals
    ("The KMT and the USSR signed the agreement at Tihwa on the day the PPC was formed and the CCP protested.", False),
    ("[Illustration: THE TIAN SHAN OR CELESTIAL MOUNTAINS. (Taken from the west on the road to the pass.)]", False),
    ("EASTERN TURKESTAN. SOVIET’S COVETOUS EYES. Calcutta, Feb. 18. The new republic has a delegation here.", False),
    # surnames alone in capitals amid prose, none titled, words the text never writes in lower case:
    # each counts for half a name in full ("driven out the incapable CHIN SHU-JEN"); acronyms and a
    # telegram's emphasis do not count
    ("At the garage we met our friend IVANOV, who had petrol. We called on ANTONOV, a modest business man "
     "in those days. He had driven out the incapable CHIN SHU-JEN in April.", True),
    ("At the garage we met our friend IVANOV, who had petrol. We called on ANTONOV, a modest business man "
     "in those days.", False),  # two halves: not enough
    ("The UNRRA office and the CNRRA office at Lanchow sent the NKVD reports to Tihwa.", False),
    ("The UNRRA shipment was distributed by the bureau and NEVER by SOVSINTORG, whose agents asked "
     "a delegate of UNESCO about the plane of the EURASIA company.", False),  # lone words alone: acronyms
    ("Osman Batur TODAY accepted the terms and the troops will withdraw TODAY from the town, today or never.", False),
    # a surname alone in capitals three times, inside and opening sentences, is a name in full
    ("About YOLBARS KHAN they would say nothing. Here the fakir PLAWSKY turned up again. PLAWSKY had been "
     "told that they fled. PLAWSKY was a dubious source.", True),
    ("About YOLBARS KHAN they would say nothing. Here the fakir PLAWSKY turned up again.", False),
    ("About YOLBARS KHAN they would say nothing. UNRRA had been told. UNRRA was slow.", False),  # no once inside
    # an acronym repeated in a telegram that sets no name so: no name (nor the words beside it)
    ("The shipment of the UNRRA was late, the UNRRA said, and the office of the UNRRA closed. SOVSINTORG "
     "and the EURASIA company said NOTHING more.", False),
    # two names in capitals joined by "and" inside lower-case prose, twice (Hedin, vol. 2, p. 57)
    ("A curious inconsistency lay in the circumstance that HAUDE and LI, who, it will be remembered, were "
     "staying near Charkhliq, had not been instructed to return. That troop movements were going on was "
     "evident, for both NORIN and HASLUND had seen contigents of two hundred and fifty.", True),
    ("He said that TODAY and TOMORROW the road is shut to all traffic.", False),  # emphasis, once
    # a name the book titles in capitals, and another OCR misread in small capitals amid prose
    # (Hedin, vol. 1, p. 333)
    ("Champagne glasses were now filled. Governor YANG stood up and held a speech, that was translated "
     "by BuRKHAN. He bade us welcome to Ti-hua.", True),
    ("Champagne glasses were now filled. Governor YANG stood up and held a speech, that was translated "
     "by Burkhan. He bade us welcome to Ti-hua.", False),
    ("The Governor stood up and held a speech, that was translated by the McDonald brothers.", False),
])
def test_a_book_that_prints_names_in_capitals_is_recognised(text: str, caps: bool) -> None:
    from etr.ingest.discover import names_in_capitals, vocabulary

    assert names_in_capitals(text, vocab=vocabulary(text)) is caps


def test_a_name_in_small_capitals_misread_by_ocr_is_the_name(tmp_path: Any) -> None:
    """"translated by BuRKHAN" in a book that prints names in capitals: OCR misread a small capital,
    and the name is Burkhan's (Burhan Shahidi, registered), the sentence in his profile; a code
    in odd case where names are not printed so stays no name."""
    text = ("Champagne glasses were now filled. Governor YANG stood up and held a speech, that was translated "
            "by BuRKHAN. He bade us welcome to Ti-hua.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Burhan Shahidi")
    assert got and any("BuRKHAN" in s["quote"] for s in got[0]["statements"]), got[:1]


def test_one_word_in_capitals_is_a_name_where_the_book_prints_names_so(tmp_path: Any) -> None:
    import json

    db = json.loads(built(tmp_path, HEDIN_STYLE).read_text())
    names = {e["name"] for e in db["entities"] if not e["curated"]}
    assert "Yolbars" in names or "YOLBARS" in names
    assert not names & {"I'll", "Page"}  # a contraction; a page's number


def test_a_name_with_a_bracketed_qualifier_is_found_without_it() -> None:
    """'Soviet five-year loan (1935)' in the registry is the text's 'Soviet five-year loan'; a bare
    form two entries share ('Soviet invasion of Xinjiang') stays a short form for context to settle."""
    from etr.ingest.link import Linker
    from etr.ingest.registry import Entry

    def entry(i: str, name: str) -> Entry:
        return Entry(id=i, type="event", name=name)

    entries = [entry("loan", "Soviet five-year loan (1935)"), entry("w1", "Xinjiang War (1933)"),
               entry("w2", "Xinjiang War (1937)")]
    text = "The Soviet five-year loan was signed; the Xinjiang War went on."
    found = {m.text: m.entity for m in Linker(entries).find_all(text, [(0, len(text))])[0]}
    assert found.get("Soviet five-year loan") == 0
    assert found.get("Xinjiang War") is None


def test_a_place_is_where_a_man_was_born_on_the_day_his_life_begins(tmp_path: Any) -> None:
    """'Saifuddin Azizi (March 12, 1915 – November 24, 2003) was ...' and later 'Azizi was born in
    Tacheng': Tacheng's profile holds his birth, dated; 'Azizi' (Chinese syllables, but born) is a person."""


    text = ("Saifuddin Azizi\n\nSaifuddin Azizi (March 12, 1915 – November 24, 2003) was a Uyghur politician.\n\n"
            "Azizi was born in Tacheng to an influential Uyghur trader family originally from Artux.\n")
    db = built(tmp_path, text)
    place = answers(db, "where", "Tacheng")[0]
    assert any(e["date"]["value"].startswith("1915-03-12") for e in place["events"])
    person = answers(db, "who", "Azizi")[0]
    assert person["type"] == "person"


def test_what_a_thing_named_by_other_words_is_not(tmp_path: Any) -> None:
    """'what Anglo-Soviet treaty' is not the Sino-Soviet Treaty a fuzzy match finds: the
    documents' own words say what it is, a footnote's number glued on ('treaty35') or not."""
    import json


    text = ("He suggested that some understanding between China and Russia along the lines of the recent "
            "Anglo-Soviet treaty35 might be worth considering.\n\nThe Sino-Soviet Treaty was signed in 1945.\n")
    db = built(tmp_path, text)
    got = answers(db, "what", "Anglo-Soviet treaty")[0]
    assert got["name"] == "Anglo-Soviet treaty" and "some understanding" in json.dumps(got)


def test_what_a_thing_named_in_another_romanisation_is(tmp_path: Any) -> None:
    """'what Xinhua Agency' of a telegram's 'Hsin Hua Agency': its words in pinyin are its words,
    and it is the thing asked for, not one of another kind."""
    import json

    from conftest import cli

    db = built(tmp_path, "The following is Hsin Hua Agency release from north Shensi, datelined June 17, 1947.\n")
    got = json.loads(cli("what", "Xinhua Agency", "--json", "--db", str(db)).stdout)
    assert got["results"][0]["name"] == "Hsin Hua Agency" and "note" not in got["interpreted"]


@pytest.mark.parametrize("text,expected", [
    ("the recent Anglo-Soviet treaty35", ["recent", "anglo", "soviet", "treaty"]),
    ("Liu27 reached Tihwa27", ["liu", "reach", "tihwa"]),
    ("Tu4 and A1 roads", ["tu4", "a1", "road"]),  # two letters or fewer and a number: a code, kept
    ("B52 bombers in 1944", ["b52", "bomber", "1944"]),
])
def test_a_footnote_s_number_glued_to_a_word_is_no_part_of_its_term(text: str, expected: list[str]) -> None:
    from etr.text.terms import terms

    assert terms(text) == expected


@pytest.mark.parametrize("question,sentence", [
    # a Russian question meets a Russian sentence in other cases (real sentences of
    # tests/data/real/press/baikalskie_... and reference/barmin_...)
    ("катастрофа на горе Кабанья", "потерпел катастрофу 25 августа 1949 года на склоне горы Кабаньей"),
    ("Восточно-Туркестанской Республики в Кульдже", "провозгласили создание Восточно-Туркестанской Республики г. Кульджи"),
])
def test_a_russian_word_s_term_is_its_stem(question: str, sentence: str) -> None:
    from etr.text.terms import terms

    asked = set(terms(question))
    assert asked <= set(terms(sentence)), asked - set(terms(sentence))
    assert "на" not in asked and "в" not in asked  # prepositions: no terms


def test_a_russian_question_finds_the_russian_sentence(tmp_path: Any) -> None:
    """`etr when` in Russian, in other cases than the text's, dates the crash (a real page of
    tests/data/real/press/)."""
    db = built_from(tmp_path, (_REAL / "press" / "baikalskie_ogni_2019_il12_crash_kabansk_ru.txt").read_text(encoding="utf-8"))
    assert "1949-08-25" in [r["date"]["value"] for r in answers(db, "when", "катастрофа на горе Кабанья")[:3]]


@pytest.mark.parametrize("docs,surname,merged", [
    # the one person of that surname named in full, and nothing says otherwise: one person
    (["Litvinov said that he could inform me most confidentially.", "Maxim Litvinov met the Ambassador in Moscow."], "Litvinov", True),
    # a role shared more closely (a place misspelt alike) picks one of two
    (["Consul at Tihwu Ward reports calm at the border.",
      "Robert S. Ward, Consul at Tihwa, reported calm. Angus Ward, Consul at Mukden, reported snow."], "Ward", True),
    # two of that surname and nothing to choose: possibly, not merged
    (["Ward reports calm.", "Robert S. Ward reported calm. Angus Ward reported snow."], "Ward", False),
    # a surname alone in Russian, a man by its verb (the real sentence of tests/data/real/reference/
    # bibliboba_...), the man named in full in English: one person across the scripts
    (["Когда ситуация ухудшилась, Мухити бежал в Индию.", "Mahmut Muhiti was a Uyghur warrior from Xinjiang."], "Мухити", True),
    # "Soong-Stalin" (talks) names two men, not a third Soong: the Soong alone is T. V. Soong
    (["Soong said that he had seen Molotov.",
      "T. V. Soong reached Moscow. Joseph Stalin received him. The Soong-Stalin talks began."], "Soong", True),
    # across scripts, an office the man named in full holds none of says another man
    (["Генеральный консул Пушкин прибыл в Урумчи.", "The playwright was Alexander Pushkin, a poet."], "Пушкин", False),
])
def test_a_surname_alone_is_the_person_the_documents_name_in_full(tmp_path: Any, docs: list[str], surname: str,
                                                                merged: bool) -> None:
    import json

    from conftest import cli

    paths = []
    for n, text in enumerate(docs):
        p = tmp_path / f"d{n}.txt"
        p.write_text(text + "\n", encoding="utf-8")
        paths += ["--add", str(p)]
    out = tmp_path / "facts.json"
    assert cli("build", *paths, "--out", str(out)).exit_code == 0
    db = json.loads(out.read_text())
    assert surname in docs[0]
    alone = [e for e in db["entities"] if e["name"] == surname]
    assert (not alone) is merged


@pytest.mark.parametrize("question,document", [
    ("who ruled the province", "The province was administered by the Provincial Government."),
    ("what did the governor offer", "The governor proposed joint operation of the tin deposits."),
    ("why did they escape", "They fled across the border."),
    ("how many were interned", "There are still probably one or two thousand detained."),
    ("Kazak losses in the fighting", "The rebellious tribesmen lost 3,000 killed."),
    ("what mining rights", "The Soviets want colored and scarce minerals."),
])
def test_a_question_s_verb_finds_the_document_s(question: str, document: str) -> None:
    """A search question's verb and the document's are one term ('ruled', 'administered')."""
    from etr.text.terms import terms

    asked = set(terms(question)) - {"province", "governor"}
    assert asked & set(terms(document))


def test_when_did_he_die_is_the_end_of_his_life_s_span(tmp_path: Any) -> None:
    """'Yang Zengxin (1859–1928) was ...': 'when death of Yang Zengxin' answers 1928, derived from
    the span (its anchor), and 'when Yang Zengxin born' 1859; 'he' before anyone else is named, in
    a passage about him, is him ('Six days later he was killed ... by Fan Yaonan')."""
    import json


    text = ("Yang Zengxin\n\nYang Zengxin (1859–1928) was the governor of Xinjiang. On July 1, 1928 he recognized "
            "the Nationalist Government. Six days later he was killed in a coup attempt by Fan Yaonan.\n")
    db = built(tmp_path, text)
    died = answers(db, "when", "death of Yang Zengxin")
    values = [r["date"]["value"] for r in died[:3]]
    assert "1928" in values or "1928-07-07" in values
    span = [r for r in died if r["date"]["how"] == "derived"]
    assert span and span[0]["date"]["value"] == "1928" and span[0]["date"]["anchor"].endswith("(1859/1928)")
    born = answers(db, "when", "Yang Zengxin born")
    assert any(r["date"]["value"] == "1859" and r["date"]["how"] == "derived" for r in born)
    who = json.dumps(answers(db, "who", "Yang Zengxin")[0])
    assert "he was killed in a coup attempt" in who


def test_a_life_s_span_of_a_year_and_a_day_answers_when_he_was_executed(tmp_path: Any) -> None:
    """'(1889 - 27 September 1943)': the day ends the span, and answers 'when was he executed'
    among the first, beside a sentence that says 'executed' under a year carried from the one
    before it and above one that only names him."""
    text = ("Ch'en T'an-ch'iu (1889 - 27 September 1943) helped to establish the Communist party in Wuhan. "
            "He became the senior Communist official in Sinkiang in 1939.\n\n"
            "In 1941 the governor turned on the Communists. Ch'en T'an-ch'iu was arrested, tortured and executed.\n")
    db = built(tmp_path, text)
    values = [r["date"]["value"] for r in answers(db, "when", "Ch'en T'an-ch'iu executed")]
    assert "1943-09-27" in values[:2] and values.index("1943-09-27") < values.index("1939")
    values = [r["date"]["value"] for r in answers(db, "when", "Ch'en T'an-ch'iu born")]
    assert values[0] == "1889"
    # a battle's span is no life's
    from etr.query.when import _life_end

    for text, life in (("The Battle of Urumqi (1933 - 16 February 1934) was fought.", False),
                       ("Ch'en T'an-ch'iu (1889 - 27 September 1943) helped.", True)):
        m = re.search(r"\d+ [A-Z][a-z]+ \d{4}", text)
        assert m is not None and _life_end(text, m.start(), m.end(), {"death"}) is life


def test_what_a_document_describes_is_its_rarest_words(tmp_path: Any) -> None:
    """'what Sino-Soviet airline agreement', when no sentence writes it so: of the runs the
    documents write, 'airline agreement' (rare) says what it is, not 'Sino-Soviet' (everywhere)."""


    text = ("Sino-Soviet relations were strained. Sino-Soviet trade fell. The Sino-Soviet border was closed.\n\n"
            "The airline agreement between China and the Soviet Union will expire September 9, 1949.\n")
    db = built(tmp_path, text)
    got = answers(db, "what", "Sino-Soviet airline agreement")[0]
    assert got["name"].lower().startswith("airline agreement")  # with its parties, as written


def test_a_referred_telegram_s_date_dates_only_its_own_sentence(tmp_path: Any) -> None:
    """'mytel 150 April 18' is the date of another telegram: it dates the sentence that refers to
    it (the despatch was sent then; the sentence is of its own telegram's day too), not the
    sentences after it, which the line 'Following is
    Tihwa's telegram 160, April 22, 8 a.m.:' dates; that line states no event of its own."""
    import json

    text = ("893.00/4\u20133047: Airgram\n\nThe Ambassador in China (Stuart) to the Secretary of State\n\n"
            "A\u201385. Ref. Embassy’s airgram A\u201378, April 25, 1947, following is Tihwa’s telegram 160, "
            "April 22, 8 a.m.:\n\n“Section 5, mytel 150 April 18. Irregularities in Soviet citizenship practices "
            "seem established beyond cavil. Polinoff (See pg. 8 Ward’s despatch 2, Dec. 10) was the military "
            "brains of the revolt.”\n")
    db = json.loads(built(tmp_path, text).read_text())
    events: dict[str, set[str]] = {}
    for e in db["events"]:
        if e["source"] != "seed":
            events.setdefault(e["text"], set()).add(e["date"]["value"])
    assert not any(t.startswith(("Ref.", "A\u201385", "Embassy")) for t in events)  # the routing line
    # the telegram referred to, and the day of the telegram that refers to it
    assert events["“Section 5, mytel 150 April 18."] == {"1947-04-18", "1947-04-22"}
    assert events["Irregularities in Soviet citizenship practices seem established beyond cavil."] == {"1947-04-22"}
    # "pg." does not end a sentence, and Ward's despatch of December 10 is dated by its number
    polinoff = next(t for t in events if t.startswith("Polinoff"))
    assert "was the military brains" in polinoff and events[polinoff] == {"1946-12-10"}


@pytest.mark.parametrize("text", [
    "Mytel 150, April 18, reported the arrest.",
    "I refer to my despatch no. 10 of July 12, 1944, on the Kazaks.",
    "Department’s 1113, August 16, reports rioting.",
])
def test_a_date_after_a_document_s_number_is_referred(text: str) -> None:
    got = tag(HEAD + text, [(len(HEAD), len(HEAD) + len(text))])
    assert got and all(t.referred for t in got)


def test_a_date_in_prose_is_not_referred() -> None:
    text = "On April 18 the rebels took Kuldja, and despatches followed."
    got = tag(HEAD + text, [(len(HEAD), len(HEAD) + len(text))])
    assert got and not any(t.referred for t in got)


def test_him_after_the_one_who_acts_is_the_man_the_article_is_about(tmp_path: Any) -> None:
    """'Chiang Kai-shek appointed him the first Uyghur governor': 'him' is not Chiang, so in an
    article about Masud Sabri it is Masud Sabri; and his life's span in brackets dates no
    sentence after it."""
    import json


    text = ("Masud Sabri\n\nMasud Sabri (pinyin: Maisiwude; 1886\u20131952) was an Uyghur politician of the "
            "Republic of China. He received education at Kulja and Istanbul. Chiang Kai-shek appointed him the "
            "first Uyghur governor of Xinjiang.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Masud Sabri")[0]
    assert "appointed him the first Uyghur governor" in json.dumps(got)
    facts = json.loads(db.read_text())
    appointed = [e for e in facts["events"] if e["text"].startswith("Chiang Kai-shek appointed him")]
    assert appointed == []  # not dated 1886/1952 from the brackets of the sentence before


def test_a_surname_spelt_as_another_of_a_registered_name_s_spellings_is_an_alias(tmp_path: Any) -> None:
    """The registry knows Ivan Polinov also as 'Polinov'; a telegram's 'Polinoff' is that name in
    another romanisation, and the profile lists it as a spelling the documents use."""
    import json

    text = "The Consul reports that Polinoff was the military brains of the Ili group in their revolt.\n"
    db = json.loads(built(tmp_path, text).read_text())
    name, aliases = names_of(db, "Ivan Polinov")
    assert "Polinoff" in aliases


def test_a_name_in_capitals_given_in_full_and_then_by_its_last_word(tmp_path: Any) -> None:
    """'headed by ALIHAN TORE SHAKIRJAN in Ghulja': the registered Elihan Tore, his name as the
    report gives it in full (an alias), and 'the Koran SHAKIRJAN' later is he, not 'Koran'."""
    import json

    text = ("The rebels have created a so-called provisional government headed by ALIHAN TORE SHAKIRJAN in "
            "Ghulja, the capital of the district.\n\nAs an artful interpreter of the Koran SHAKIRJAN soon "
            "gained authority among the believers.\n")
    db = json.loads(built(tmp_path, text).read_text())
    name, aliases = names_of(db, "Elihan Tore")
    assert "Alihan Tore Shakirjan" in aliases  # capitals shown in ordinary case
    gained = next(s for s in db["sentences"] if "gained authority" in s["text"])
    assert gained["entities"] == ["elihan-tore"]
    assert not any(e["name"].startswith("Koran") for e in db["entities"])


def test_the_i_of_an_article_is_the_writer_its_byline_names(tmp_path: Any) -> None:


    text = ("HIDDEN ASIA\nBy Tom Bakewell. (World Copyright Reserved.)\n\n"
            "At midnight on February 15, 1935, I left Peking with three companions for India.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Tom Bakewell")[0]
    assert "1935-02-15" in {e["date"]["value"] for e in got["events"]}


@pytest.mark.parametrize("text,query,name", [
    # a person's other name in brackets after his name, then asked with his surname
    ("He was accompanied on this journey by Ella Maillart (Kini). They reached Kashgar.\n", "Kini Maillart",
     "Ella Maillart"),
    # a name that runs on into a registered one through "of the" is a name of its own
    ("To answer questions.\n\nTeddy White of the Chungking office was the first American newsman "
     "in years to enter Chinese Turkestan.\n", "Teddy White", "Teddy White"),
    # a word of a name in another romanisation among words of context
    ("In the evening I called on the Russian Consul, Sergei Alexandrovitch Kolokoloff.\n",
     "Russian consul Kolokolov", "Sergei Alexandrovitch Kolokoloff"),
])
def test_who_finds_a_person_the_text_names(tmp_path: Any, text: str, query: str, name: str) -> None:


    db = built(tmp_path, text)
    got = answers(db, "who", query)
    assert got and got[0]["name"] == name


def test_a_chinese_surname_alone_in_an_article_on_the_man_is_he(tmp_path: Any) -> None:
    """In an article on Ma Shaowu that names other men called Ma, 'Ma was appointed military
    commander' is Ma Shaowu; and 'in Xinjiang, Ma was appointed' lists no place."""
    import json


    text = ("Ma Shaowu\n\nMa Shaowu was a Hui born in Yunnan. The leader Ma Yuanzhang was related to "
            "Ma Hualong.\n\nDuring Yang Zengxin's reign in Xinjiang, Ma was appointed military commander "
            "of Kucha. Minister Ku replaced him.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Ma Shaowu")[0]
    assert "Ma was appointed military commander of Kucha" in json.dumps(got)


@pytest.mark.parametrize("sentence,names", [
    ("There has also been trouble at Peita-shan, a mud-garrison hamlet on the range.", {"Peita-shan"}),
    ("The Soviet-made planes and the Chinese-run garrison held on.", set()),
    ("His troops took part in the Long March, and long marches followed.", set()),
    ("It was published by the Anti-Imperialist Front; Anti-Soviet and Pro-Soviet groups read it.",
     {"Anti-Imperialist Front"}),
])
def test_wade_giles_places_and_names_ending_in_a_month(sentence: str, names: set[str]) -> None:
    found = {u.text for u in found_in(sentence)}
    assert names <= found
    assert not found & {"Long", "Soviet-made", "Chinese-run", "Anti-Soviet", "Pro-Soviet"}


def test_a_report_that_prints_registered_names_in_capitals_prints_others_so(tmp_path: Any) -> None:
    """'the aircraft which left KULJA ... of XINJIANG ... in the region of IRKUTSK': two registered
    names in capitals in its prose make the unregistered IRKUTSK a name too."""
    import json


    text = ("September 2, 1949\n\nWith great regret we have to inform you that the aircraft which left KULJA a few "
            "days ago on which the delegation of XINJIANG was travelling happened upon unfavorable conditions in "
            "the region of IRKUTSK and suffered an accident.\n")
    db = built(tmp_path, text)
    got = answers(db, "where", "Irkutsk")
    assert got and got[0]["name"] == "Irkutsk" and "suffered an accident" in json.dumps(got[0])
    facts = json.loads(db.read_text())
    # the date alone on the first line dates the document
    assert next(s for s in facts["sources"] if not s["curated"])["dated"]["value"] == "1949-09-02"


def test_how_long_asks_for_a_number_and_a_frontier_is_a_border(tmp_path: Any) -> None:
    import json

    from conftest import cli

    text = ("Russia and Sinkiang traded in wool and cotton. Insofar as Russia was concerned, Sinkiang was an area "
            "of long interest. Sinkiang borders Russia for more than 1,000 miles.\n")
    db = built(tmp_path, text)
    got = json.loads(cli("search", "how long is the frontier between Sinkiang and Russia", "--json",
                         "--db", str(db)).stdout)["results"]
    assert "1,000 miles" in json.dumps(got[:2])


@pytest.mark.parametrize("sentence,name", [
    ("The rebels were commanded by Kichik Akhund, who was aided by others.", "Kichik Akhund"),
    ("They were tacitly aided by the New 36th Division, against the provincial forces.", "New 36th Division"),
    ("Troops of the 8th Route Army moved west.", "8th Route Army"),
    # a typewriter's dash ends a word: not "Asia--the Turk-Sib Railway--forms"
    ("Its link to Tashkent in Central Asia--the Turk-Sib Railway--forms an arc.", "Turk-Sib Railway"),
    # a nationality's word opening a name is part of it, not a label before it
    ("They crossed the Hindu Kush in 1935.", "Hindu Kush"),
    ("The Arab Legion fought.", "Arab Legion"),
    ("The Polish Corridor was contested.", "Polish Corridor"),
    ("The Dutch East Indies were far.", "Dutch East Indies"),
    # the Chinese surname "Du" is no French particle before a given name
    ("Later, Du Zhongyuan began a new career.", "Du Zhongyuan"),
    ("He is survived by his daughters, Du Yi and Du Ying.", "Du Ying"),
])
def test_ordinals_and_name_parts_are_words_of_a_name(sentence: str, name: str) -> None:
    assert name in {u.text for u in found_in(sentence)}


def test_a_peoples_name_after_a_given_name_is_a_mans_surname(tmp_path: Any) -> None:
    """"Abduxaliq Uyghur, a well-known Uyghur poet": a people's name as a man's surname or pen
    name after his given name, asked in another transliteration ("Abdukhaliq"); not a people's
    word before the noun it qualifies ("Uyghur poet", "Soviet Uyghur teachers") nor after a
    place ("Kashgar Uyghurs", "the Ili Kazakh herders")."""
    db = built(tmp_path, "Uyghurs remembered the death of Abduxaliq Uyghur, a well-known Uyghur poet who was "
                         "beheaded in 1933.\nMany Kashgar Uyghurs fled in 1934, and the Ili Kazakh herders "
                         "followed in 1935.\nIn 1936 the Soviet Uyghur teachers left.\n")
    found = {e["name"] for e in json.loads(db.read_text())["entities"] if not e["curated"]}
    assert "Abduxaliq Uyghur" in found and not [n for n in found if n.endswith(("Uyghurs", "Kazakh"))], found
    got = answers(db, "who", "Abdukhaliq Uyghur")
    assert got and got[0]["name"] == "Abduxaliq Uyghur"


def test_a_papers_label_run_into_its_text_is_no_part_of_a_name(tmp_path: Any) -> None:
    """"... Jonathan Westaway Abstract Mountains of Tartary (1950) recounts ...": the label
    "Abstract" of a paper's page copied as one line opens no name; the book is asked as written."""
    db = built(tmp_path, "That Undisclosed World: Eric Shipton’s Mountains of Tartary (1950) Jonathan Westaway* "
                         "*[email protected] Abstract Mountains of Tartary (1950) recounts Eric Shipton’s "
                         "mountaineering and travels in Xinjiang during his two postings as British Consul-General "
                         "in Kashgar in the 1940s.\n")
    assert not [e for e in json.loads(db.read_text())["entities"] if e["name"].startswith("Abstract")]
    got = answers(db, "what", "Mountains of Tartary")
    assert got and got[0]["name"] == "Mountains of Tartary"


def test_an_epithet_in_quotation_marks_names_a_man(tmp_path: Any) -> None:
    """'the "Little General," a boy of nineteen': a man known by his epithet (a title ends it);
    'the "Christian General," Feng Yu-hsiang': the epithet is an alias of the man it stands
    before, with the reason, whoever an earlier document named; a quoted title of an office
    ('the "General Secretary"') or a nickname without a title ('the "Big Horse"') is no epithet."""
    db = json.loads(built_from(
        tmp_path, "Feng Yu-hsiang was born in 1882.\n",
        'The rebels were defeated in 1929 by the "Christian General," Feng Yu-hsiang, after a long campaign.\n'
        'The Moslems, who revolted in 1929, are led by the " Little General," a boy of nineteen.\n'
        'The "Young Marshal" Chang Hsueh-liang was arrested in 1936. He met the "General Secretary" then.\n').read_text())
    found = {e["name"]: e for e in db["entities"] if not e["curated"]}
    assert found["Feng Yu-hsiang"]["aliases"] == ["Christian General"], found["Feng Yu-hsiang"]
    assert "epithet" in found["Feng Yu-hsiang"]["merges"][0]["reason"]
    assert found["Chang Hsueh-liang"]["aliases"] == ["Young Marshal"]
    assert found["Little General"]["type"] == "person"
    assert "Christian General" not in found and "General Secretary" not in found
    # a quoted title before a name, with no "the" and no title word, is no epithet of his
    db = json.loads(built(tmp_path, 'Haslund\'s "Toregut Rarelro" Deciphered Henning Haslund-Christensen, the '
                                    "Danish explorer, was born in 1896.\n", "okada.txt").read_text())
    assert not [e for e in db["entities"] if "Toregut Rarelro" in e["aliases"] and e["type"] == "person"]


def test_an_office_of_a_place_before_a_name_is_the_mans_title(tmp_path: Any) -> None:
    """"the Governor of Kansu Liu Yu-fen", "the Khan of Kumul Maqsud Shah": an office of a place,
    then the man who holds it, named (the run of capitals had been dropped whole as an office's
    name); "the Minister of Political Training" stays no one."""
    db = json.loads(built(tmp_path, "In February 1930, when the Khan of Kumul Maqsud Shah passed away, the "
                                    "warlord Jin Shuren disbanded the khanate.\nThe Governor of Kansu Liu Yu-fen "
                                    "arrived at Lanchow in 1929.\nThe Mayor of Tihwa Wang Chen-min left the city "
                                    "in 1946.\nThe Minister of Political Training Affairs spoke in 1946.\n").read_text())
    found = {e["name"]: e["type"] for e in db["entities"] if not e["curated"]}
    assert {n: found.get(n) for n in ("Maqsud Shah", "Liu Yu-fen", "Wang Chen-min")} == dict.fromkeys(
        ("Maqsud Shah", "Liu Yu-fen", "Wang Chen-min"), "person"), found
    assert not [n for n in found if "Training" in n or n.startswith(("Khan", "Governor", "Kansu"))], found
    # the review's: a body's name after the place is no man ("Tihwa Municipality", "Kung An Chu"),
    # a man after it is ("Sinkiang College Wang Tseng-shan", "Kansu Province Chu Shao-liang")
    db = json.loads(built(tmp_path, "The Mayor of Tihwa Municipality spoke in 1946.\nThe Director of Sinkiang "
                                    "Daily News left in 1946.\nThe Director of Tihwa Kung An Chu was arrested in "
                                    "1946.\nThe Commander of Sinkiang Pao An Tui fled in 1946.\nThe Minister of "
                                    "Sinkiang Affairs Office Chen resigned.\nThe President of Sinkiang College Wang "
                                    "Tseng-shan resigned.\nThe Governor of Kansu Province Chu Shao-liang came.\n",
                          "offices.txt").read_text())
    ids = {i for x in db["sentences"] if x["source"] == "offices" for i in x["entities"]}
    people = sorted(e["name"] for e in db["entities"] if e["id"] in ids and e["type"] == "person")
    assert people == ["Chu Shao-liang", "Wang Tseng-shan"], people


def test_a_short_name_two_events_share_is_the_one_whose_years_the_text_states(tmp_path: Any) -> None:
    """'Soviet invasion of Xinjiang' names the registered invasions of 1934 and of 1937 alike: an
    article that dates it January-April 1934 is about the first, whose profile then has the
    article's words and its name as the article writes it."""
    import json


    text = ("= Soviet invasion of Xinjiang =\n\n- Conflict: Soviet invasion of Xinjiang\n- Date: January\u2013April 1934\n\n"
            "The Soviet invasion of Xinjiang was a military campaign of the Soviet Union in Xinjiang in 1934.\n")
    db = built(tmp_path, text)
    got = answers(db, "what", "Soviet invasion of Xinjiang")[0]
    assert got["id"] == "soviet-invasion-of-xinjiang-1934"
    assert "Soviet invasion of Xinjiang" in got["aliases"] and "was a military campaign" in json.dumps(got)


@pytest.mark.parametrize("full,short,same", [
    ("Douglas Seymour Mackiernan", "Douglas S. Mackiernan", True),
    ("Douglas S. Mackiernan", "D. Mackiernan", True),
    ("John Hall Paxton", "J. Hall Paxton", True),
    ("Robert S. Ward", "Robert Ward", True),
    ("Douglas S. Mackiernan", "David Mackiernan", False),
    ("Douglas S. Mackiernan", "Douglas Seymour Mackiernan", False),  # not fuller
    ("Robert S. Ward", "Robert T. Ward", False),
])
def test_one_full_name_written_more_fully(full: str, short: str, same: bool) -> None:
    from etr.ingest.identity import fuller_name

    assert fuller_name(full, short) is same


def test_a_man_named_in_full_in_several_ways_is_one(tmp_path: Any) -> None:
    """'D. Mackiernan' in a memorandum, 'Douglas S. Mackiernan' in a telegram and 'Douglas Seymour
    Mackiernan' in an article headed 'Douglas Mackiernan': one man, with every spelling."""
    import json

    from conftest import cli

    docs = {"a.txt": "Douglas Mackiernan\n\nDouglas Seymour Mackiernan (April 25, 1913 \u2013 April 29, 1950) was an "
                     "American intelligence officer.\n",
            "b.txt": "The Vice Consul Douglas S. Mackiernan left Tihwa on June 19, 1947 for Peitashan.\n",
            "c.txt": "He worked in cooperation with the late American Vice Consul D. Mackiernan in Tihwa.\n"}
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(tmp_path / "a.txt"), "--add", str(tmp_path / "b.txt"), "--add",
               str(tmp_path / "c.txt"), "--out", str(out)).exit_code == 0
    got = json.loads(cli("who", "Douglas Mackiernan", "--json", "--db", str(out)).stdout)["results"]
    assert len(got) == 1 and got[0]["name"] == "Douglas Seymour Mackiernan"
    assert {"Douglas Mackiernan", "Douglas S. Mackiernan", "D. Mackiernan"} <= set(got[0]["aliases"])
    assert {"1947-06-19", "1913-04-25/1950-04-29"} <= {e["date"]["value"] for e in got[0]["events"]}


@pytest.mark.parametrize("named,person,others", [
    (("Robert Shaw", "Mr R. B. Shaw"), "Robert Shaw", []),  # a name by initials, the one spelling them out
    (("Robert Shaw", "Mr R. B. Shaw", "Richard Shaw"), "Robert Shaw", ["Richard Shaw"]),  # R. is Robert or Richard
    (("Robert Henry Shaw", "Mr R. B. Shaw"), "Robert Henry Shaw", ["R. B. Shaw"]),  # B. is not Henry
    (("Mr R. B. Shaw", "Robert Shaw", "Robert Henry Shaw"), "Robert Henry Shaw", ["R. B. Shaw"]),  # nor by a chain
])
def test_a_name_by_initials_is_the_one_man_who_spells_them_out(tmp_path: Any, named: tuple[str, ...], person: str,
                                                                 others: list[str]) -> None:
    """'Mr R. B. Shaw' read a paper; 'my uncle, Robert Shaw' visited Yarkand: one man, unless the
    initials could be another's ('Richard Shaw') or disagree with his middle name."""
    texts = [f"At a meeting in London on February 28, 1870, {n} read a paper on Yarkand.\n" for n in named]
    db = built_from(tmp_path, *texts)
    got = answers(db, "who", person)[0]
    assert got["name"] == person
    assert ("R. B. Shaw" in " ".join(got["aliases"])) is not bool(others)
    for other in others:
        assert answers(db, "who", other)[0]["name"] == other


INITIALED = ("The memorandum was initialed by the Chief of the Division of Far Eastern Affairs (Ballantine), who "
             "underscored the word \u201cprecipitate\u201d.\n")


@pytest.mark.parametrize("texts,query,found", [
    # the documents name him by his surname alone: asked with his given name, that is he
    # ("who underscored": a person)
    ([INITIALED], "Joseph Ballantine", "Ballantine"),
    ([INITIALED, "J. Ballantine, a trader, reached Kashgar in May 1946.\n"], "Joseph Ballantine", "J. Ballantine"),
    # a word of no person is no man's surname
    (["Moscow Radio reported the rising on November 9, 1944. Radio Tashkent said so too.\n"], "Moscow Radio", None),
])
def test_a_man_asked_by_a_fuller_name_than_the_documents_give(tmp_path: Any, texts: list[str], query: str,
                                                              found: str | None) -> None:
    import json

    from conftest import cli

    db = built_from(tmp_path, *texts)
    result = cli("who", query, "--json", "--db", str(db))
    if found is None:
        assert result.exit_code == 1, result.stdout[:300]
    else:
        got = json.loads(result.stdout)
        assert result.exit_code == 0 and got["results"][0]["name"] == found
        assert got["interpreted"].get("read_as", found) == found


@pytest.mark.parametrize("query,found", [
    ("Kuerle", "Korla"),  # pinyin of the Turkic name: the place, said so
    ("Piqan", "Pichan"),  # Uyghur Latin
    ("Yanghang", None),  # Chinese syllables both: the romanisation keys would have met them
    ("Hutubi", None),  # k-t-b is not k-k-t-b
])
def test_a_place_asked_in_another_transcription_of_its_name(tmp_path: Any, query: str, found: str | None) -> None:
    import json

    from conftest import cli

    db = built(tmp_path, "The caravan stayed in Korla and in Pichan in May 1946, and at Koktobai and at Ningkiang later.\n")
    result = cli("where", query, "--json", "--db", str(db))
    if found is None:
        assert result.exit_code == 1
    else:
        got = json.loads(result.stdout)
        said = got["interpreted"]  # by the consonants, or by the gazetteer's other name ("Kuerle": Korla)
        assert got["results"][0]["name"] == found and (
            "same consonants" in said.get("note", "") or said.get("read_as") == found), said


def test_a_letter_that_refers_to_another_is_dated_by_its_own_date_line(tmp_path: Any) -> None:
    """'Tihwa, June 5, 1943.' / 'No. 11' / 'Sir: I have the honor to refer to my despatch No. 3,
    April 22, 1943 ... and to report that the regiment ... are being withdrawn': the report is of
    June 5, the day of the letter, as well as of April 22, the despatch it refers to."""
    import json

    text = ("The Consul at Tihwa (Clubb) to the Chargé in China (Atcheson)\n\nTihwa, June 5, 1943.\n\nNo. 11\n\n"
            "Sir: I have the honor to refer to my despatch No. 3, April 22, 1943 in regard to the movement of troops, "
            "and to report that the regiment of Soviet Russian troops at Hami is being withdrawn.\n")
    db = json.loads(built(tmp_path, text).read_text())
    dates = {e["date"]["value"] for e in db["events"] if e["text"].startswith("Sir: I have the honor")}
    assert dates == {"1943-04-22", "1943-06-05"}


@pytest.mark.parametrize("query,date", [
    ("Ma Bufang became governor of Qinghai", "1938-03-05"),
    ("Ma Bufang appointed governor of Qinghai", "1938-03-05"),
    ("Ma Bufang removed as governor of Qinghai", "1949-09-05"),
])
def test_when_someone_took_or_left_an_office_an_infobox_gives_a_term_for(tmp_path: Any, query: str, date: str) -> None:


    text = ("Ma Bufang\n\nGovernor of Qinghai\nIn office\n5 Mar 1938 \u2013 5 Sep 1949\n\n"
            "Ma Bufang was a warlord in China, ruling the province of Qinghai.\n")
    db = built(tmp_path, text)
    got = answers(db, "when", query)
    assert got[0]["date"]["value"] == date and got[0]["date"]["how"] == "derived"


def test_a_chinese_title_with_its_english_in_brackets_is_one_name(tmp_path: Any) -> None:
    """'the magazine Fan Ti Chan Hsien (Anti-Imperialist Front)': one periodical, both names."""
    import json

    text = "It was published in the magazine Fan Ti Chan Hsien (Anti-Imperialist Front) of November 7, 1939.\n"
    db = json.loads(built(tmp_path, text).read_text())
    name, aliases = names_of(db, "Anti-Imperialist Front")
    assert {name, *aliases} >= {"Anti-Imperialist Front", "Fan Ti Chan Hsien"}


@pytest.mark.parametrize("sentence,names,not_names", [
    # an ordinal date is no part of a name after it; an ordinal army is one with its number
    ("On May 3rd Osman attacked Peitashan.", {"Osman"}, {"3rd Osman"}),
    ("Ma Bufang and the 82nd Army came.", {"82nd Army"}, {"Bufang 82nd Army"}),
    # a given name before a surname in capitals is the name's; a word after "the" is not
    ("Khoja NIYAZ and Owen LATTIMORE met.", {"Khoja NIYAZ", "Owen LATTIMORE"}, set()),
    # a month after a place in a telegram is a date, not a word of the name
    ("He left Peitashan June and returned to Bulgun July.", {"Peitashan", "Bulgun"}, {"Peitashan June", "Bulgun July"}),
    # compounds of English words are no Wade-Giles places
    ("The Man-made lake and the Tea-house stood there.", set(), {"Man-made", "Tea-house"}),
])
def test_review_cases_of_names(sentence: str, names: set[str], not_names: set[str]) -> None:
    found = {u.text for u in found_in(sentence)}
    assert names <= found and not found & not_names


def test_review_cases_of_dates(tmp_path: Any) -> None:
    """A referred telegram's date is before the latest date the file gives (not the year before
    a filing date earlier than it), and a document's own number and date on one line anchors
    what follows."""
    text = ("893.00/12\u20132047: Telegram\n\nThe Consul at Tihwa (Paxton) to the Secretary of State\n\n"
            "Tihwa, December 28, 1947.\n\nMytel 150 December 24 reported the arrest.\n")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    got = {text[t.start:t.end]: t.date.value for t in tag(text, spans)}
    assert got["December 24"] == "1947-12-24"
    text = "Despatch No. 35, May 3, 1946\n\nTwo days later the rebels took Kuldja.\n"
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    got = {text[t.start:t.end]: t.date.value for t in tag(text, spans)}
    assert got["Two days later"] == "1946-05-05"


def test_him_across_a_clause_is_not_the_article_s_subject(tmp_path: Any) -> None:
    import json

    text = ("Sheng Shicai\n\nSheng Shicai was a warlord. He ruled Xinjiang. Ma Zhongying attacked Urumqi in "
            "January 1934, but Soviet troops drove him back.\n")
    db = json.loads(built(tmp_path, text).read_text())
    drove = next(s for s in db["sentences"] if s["text"].startswith("Ma Zhongying attacked"))
    assert "sheng-shicai" not in drove["entities"]


def test_a_birthplace_in_a_sentence_dated_by_something_else(tmp_path: Any) -> None:
    """'He was born in Tokmok, in present-day Kyrgyzstan, and moved to Kashgar in 1920': 1920 is
    the move's; his dated birth ('(21 March 1884 – 28 February 1976)') is Tokmok's, not Kashgar's."""


    text = ("Elihan Tore\n\nElihan Tore (21 March 1884 \u2013 28 February 1976) was an Uzbek religious leader. "
            "He was born in Tokmok, in present-day Kyrgyzstan, and moved to Kashgar, Xinjiang, in 1920.\n")
    db = built(tmp_path, text)
    got = answers(db, "where", "Tokmok")[0]
    assert "1884-03-21" in {x for e in got["events"] for x in e["date"]["value"].split("/")}
    kashgar = answers(db, "where", "Kashgar")[0]
    assert "1884-03-21/1976-02-28" not in {e["date"]["value"] for e in kashgar["events"]}


@pytest.mark.parametrize("text,expected", [
    ("BornApril 22, 1901\nHotan, Xinjiang\n", ("April 22, 1901", "1901-04-22")),  # a page's infobox, copied
    ("DiedApril 29, 1965 (age 64)\n", ("April 29, 1965", "1965-04-29")),
    ("Born1887\nTurpan\n", ("1887", "1887")),
    ("9/9/1948 - Sinkiang Province by A. Doak Barnett\n", ("9/9/1948", "1948-09-09")),
    ("The order of 12/25/1946 was read.\n", ("12/25/1946", "1946-12-25")),
])
def test_dates_run_into_labels_and_written_in_figures(text: str, expected: tuple[str, str]) -> None:
    assert expected in dates(text)


@pytest.mark.parametrize("text", [
    "Unit36th Division (1933)\n",  # an ordinal run into a label: no date
    "File 761.93/11/23/1947 was lost.\n",  # a file number's slashes
    "It fell on 2/30/1945.\n",  # no such day
])
def test_figures_that_are_no_such_date(text: str) -> None:
    assert not [v for _t, v in dates(text) if v and v.startswith(("1933-", "1947-", "1945-"))]


def test_an_infobox_nickname_run_into_its_label_is_an_alias(tmp_path: Any) -> None:
    import json

    text = ("Mahmut Muhiti\n\nMahmut Muhiti (1887-1944) was a Uyghur warrior from Xinjiang. He organised the "
            "rebellion against Sheng in 1937.\n\nNickname(s)Mahmut Shizhang\nBorn1887\n")
    db = json.loads(built(tmp_path, text).read_text())
    name, aliases = names_of(db, "Mahmut Shizhang")
    assert name == "Mahmut Muhiti"


def test_a_name_in_capitals_after_a_registered_surname_is_another_man(tmp_path: Any) -> None:
    """'SHENG SHIQI' is Sheng Shicai's brother, not the registered Sheng; '7 P. M.' ends no
    sentence and gives nobody initials."""
    from etr.ingest.sentences import split_sentences

    text = ("On the 19th of March 1942 at 7 P. M. SHENG SHIQI (N. PETROV), the Commander of the Mechanized "
            "Brigade, was sitting in his mother's room.")
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]
    db = built(tmp_path, "A letter\n\n" + text + "\n")
    shiqi = answers(db, "who", "Sheng Shiqi")[0]
    assert shiqi["name"].upper() == "SHENG SHIQI" and shiqi["id"] != "sheng-shicai"
    assert any(e["date"]["value"] == "1942-03-19" for e in shiqi["events"])


def test_a_date_line_over_a_heading_naming_the_document_is_its_statement(tmp_path: Any) -> None:
    text = ("May 10, 1942\n\nLetter from Governor Sheng Shicai to Cdes. Stalin, Molotov, and Voroshilov\n\n"
            "Herewith I attach the statements of the four who were arrested.\n")
    db = built(tmp_path, text)
    got = answers(db, "when", "1942-05-10")
    assert any(r["text"].startswith("May 10, 1942") and "Letter from Governor" in r["text"] for r in got)
    # a date over a line that names no document stays a date line
    db = built(tmp_path, "May 10, 1942\n\nThe governor wrote to Stalin about the arrests\n", "other.txt")
    assert not any("governor wrote" in r["text"] and r["text"].startswith("May") for r in answers(db, "when", "1942-05-10"))


@pytest.mark.parametrize("sentence,name", [
    ("The Kazaks straggled, exhausted but undaunted, into East Kashmir.", "East Kashmir"),
    ("The rebels fought in Southern Sinkiang by the spring.", "Southern Sinkiang"),
])
def test_a_compass_word_makes_a_region_of_the_place(sentence: str, name: str) -> None:
    assert name in {u.text for u in found_in(sentence)}


def test_a_telegram_s_abbreviations_are_read_as_their_words(tmp_path: Any) -> None:
    """'Dept also concerned over ...' answers a question about the Department's worry."""
    text = ("Secretary of State to the Consul at Tihwa\n\nWashington, July 22, 1949.\n\nDept also concerned over "
            "exposed isolated position consulates in event Commie advance which might cut off Tihwa from "
            "communications with outside world. The state of the roads to Tihwa was fine.\n")
    db = built(tmp_path, text)
    top = answers(db, "search", "Why did the State Department worry about Tihwa?")[0]
    assert top["text"].startswith("Dept also concerned")


@pytest.mark.parametrize("sentence,name,kind", [
    ("Mahmut Muhiti (Uyghur: X; 1887-1944), nicknamed Shizhang, was a Uyghur warrior from Xinjiang.",
     "Mahmut Muhiti", "person"),
    ("Garegin Apresoff was the Soviet consul general in Urumchi.", "Garegin Apresoff", "person"),
    ("Bortala Kizil is a small oasis town on the road.", "Bortala Kizil", "place"),
    ("Tokhta Akhun was the son of a merchant.", "Tokhta Akhun", "person"),
    # a given name opens it (rules/names.toml [given]); sentences of the real corpus
    ("In April 1950, Owen Lattimore, one of America’s most esteemed Sinologists, received a request.",
     "Owen Lattimore", "person"),
    ("Memorandum by Mr. John P. Davies, Jr., of the Division of Far Eastern Affairs.", "John P. Davies", "person"),
    ("The region was visited by Henry Lansdell in 1882.", "Henry Lansdell", "person"),
    ("The poem by Alexander Pushkin was read aloud.", "Alexander Pushkin", "person"),
    # not when its last word says a kind of thing (a reviewer's cases)
    ("The troops crossed the Marco Polo Bridge at night.", "Marco Polo Bridge", "place"),
    ("They named the highest summit of the Shugnan range Karl Marx Peak.", "Karl Marx Peak", None),
    ("The exiles still attended the Alexander Nevsky Cathedral in Kuldja.", "Alexander Nevsky Cathedral", None),
    ("The expedition of 1930 had gone north to Franz Josef Land.", "Franz Josef Land", None),
    ("He was awarded the George Medal for it.", "George Medal", None),
    ("A Douglas Dakota of the China National Aviation Corporation flew Chang Chih-chung.", "Douglas Dakota", None),
])
def test_what_a_sentence_says_a_name_is_gives_its_kind(sentence: str, name: str, kind: str | None) -> None:
    """The kind a sentence says (None: anything but a person)."""
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == kind if kind else got.get(name) != "person"


def test_a_name_s_suffix_is_of_the_name_as_written() -> None:
    got = {u.text: u.written for u in found_in("Memorandum by Mr. John P. Davies, Jr., of the Division of Far Eastern Affairs.")}
    assert got["John P. Davies"] == "Mr. John P. Davies, Jr."
    # "Sr." opens the next of a list as often ("Sr. Maria", "Sr. Lt. Petrov")
    got = {u.text: u.written for u in found_in("Father Joseph Hilbrenner, Sr. Maria and two lay brothers kept the mission.")}
    assert not got.get("Joseph Hilbrenner", "").endswith("Sr.")


@pytest.mark.parametrize("sentence,word,weak", [
    ("She said: “Being sentenced to death was the greatest thrill of my life.”", "Being", True),  # Eimer's interview
    ("»Welcome, brothers, friends, soldiers!", "Welcome", True),  # Hedin, Big Horse's speech at Kucha
    ('The Governor told me, "Haudenschild was shot at Pichan by bandits."', "Haudenschild", False),  # a reviewer's
])
def test_a_greeting_or_a_gerund_opening_a_quotation_opens_a_sentence(sentence: str, word: str, weak: bool) -> None:
    """A word that opens a speech as words do is a name only where the documents name it otherwise
    (weak), as a sentence's first word is; a name opening a quoted report stays a name."""
    got = [u for u in found_in(sentence) if u.text == word]
    assert all(u.weak for u in got) if weak else got and not got[0].weak


@pytest.mark.parametrize("after,title", [
    (", former British now Indian Consul General, Kashgar, as British Consulate", "Consul General"),
    (", former Governor of Sinkiang, left", "Governor of Sinkiang"),
    (", then Soviet Consul General at Tihwa", "Consul General at Tihwa"),
    (", Consul at Tihwa", "Consul at Tihwa"),
    (", then Vice Consul at Tihwa, reports", "Vice Consul at Tihwa"),  # "Vice" and "Foreign" are of the title
    (", former Foreign Minister, arrived Lanchow", "Foreign Minister"),
    (", now living in Paris", ""),
    (", late of the Army", ""),
])
def test_a_title_beside_a_name_after_former_or_now(after: str, title: str) -> None:
    from etr.ingest.discover import _apposed_title

    assert _apposed_title(after) == title


def test_a_surname_with_a_former_office_is_the_one_man_of_it_named_in_full(tmp_path: Any) -> None:
    """FRUS 1948's "Shipton, former British now Indian Consul General, Kashgar" is the Eric Shipton
    a review names in full: a person by his title, the one man of that surname."""
    db = built_from(tmp_path,
                    "Mountains of Tartary, by Eric Shipton.\n\nShipton climbed the second highest Bostan Terek "
                    "peak near Kashgar, coming down by a hair-raising glissade.\n",
                    "Unable discreetly to contact Shipton, former British now Indian Consul General, Kashgar, as "
                    "British Consulate, Tihwa, has no code.\n")
    top = answers(db, "who", "Shipton")[0]
    assert top["name"] == "Eric Shipton" and "Unable discreetly to contact Shipton" in str(top)


@pytest.mark.parametrize("name,surname", [
    ("P. Braude", "Braude"), ("E. Lepine", "Lepine"), ("A. D. Barnett", "Barnett"),
    ("Ma Zhongying", ""), ("Osman Batur", ""), ("PLtr V. Kozlov", ""), ("Alexander II", ""), ("Kozlov", ""),
    # a given name says too little of whose surname it is (a reviewer's cases: two Sykes, no Bull)
    ("Percy Sykes", ""), ("Ella Sykes", ""), ("John Bull", ""), ("John P. Davies", ""),
])
def test_the_surname_of_a_man_named_by_initials(name: str, surname: str) -> None:
    from etr.ingest.assemble import _surname_of_initialled

    assert _surname_of_initialled(name) == surname


def test_a_man_named_by_initials_is_found_and_shown_by_his_surname(tmp_path: Any) -> None:
    """The Urumqi hospital log of 1942 signs "Doctor Surgeon (P. Braude)": a reader asks for Braude."""
    db = built(tmp_path, "Senior Surgeon (A. Lepin)\n\nDoctor Surgeon (P. Braude)\n\nSheng Shiqi was brought to "
                         "the hospital at 2100 on 19 March 1942 and examined by P. Braude.\n")
    top = answers(db, "who", "Braude")[0]
    assert top["name"] == "P. Braude" and "Braude" in top["aliases"]


def test_a_name_is_not_what_a_later_clause_says_something_else_is() -> None:
    sentence = "Bortala Kizil met the governor, whose road to the north was a river of mud."
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get("Bortala Kizil") != "place"


@pytest.mark.parametrize("sentence,name,title", [
    ("Sheng had moved against Divisional General Mahmut Muhiti, the commander.", "Mahmut Muhiti", "Divisional General"),
    ("Then Military Governor Yang Tseng-hsin ruled the province.", "Yang Tseng-hsin", "Military Governor"),
])
def test_a_rank_of_an_adjective_and_a_title_is_no_part_of_the_name(sentence: str, name: str, title: str) -> None:
    got = {u.text: u for u in found_in(sentence)}
    assert got[name].type == "person" and got[name].title == title


def test_a_place_written_in_one_word_or_two_is_one_place(tmp_path: Any) -> None:
    """'Karashahr' in one document, 'Kara Shahr' in another: the same letters, one place,
    whichever way the words are cut."""
    out = built_from(tmp_path, "A report\n\nThe Kazaks fought at Karashahr near the border in June 1947.\n",
                     "Another report\n\nThe Mongols attacked the Kazak camp at Kara Shahr in June 1947.\n")
    got = answers(out, "where", "Karashahr")
    assert len({e["citations"][0]["source"] for e in got[0]["events"]}) == 2
    assert not [r for r in got[1:] if r["name"] == "Kara Shahr"]


@pytest.mark.parametrize("sentence,name,kind", [
    ("In the spring they travelled to Karashahr with the caravan.", "Karashahr", "place"),
    ("The Kazaks fled to Kashmir in 1951.", "Kashmir", "place"),
])
def test_going_somewhere_names_a_place(sentence: str, name: str, kind: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == kind


def test_the_title_alone_is_the_one_the_document_so_titled(tmp_path: Any) -> None:
    """'Consul Paxton ... On June 9 the Consul left for Tihwa': the Consul is Paxton; 'the Consul
    of Britain' and 'the Governor', whom nobody was called, are nobody known."""
    text = ("A report\n\nThe people of Kashgar welcomed Consul Paxton in June 1947. On June 9 the Consul left for "
            "Tihwa. On June 12 the Consul of Britain arrived. On June 14 the Governor held a dinner.\n")
    db = built(tmp_path, text)
    got = {e["text"][:10] for e in answers(db, "who", "Paxton")[0]["events"]}
    assert got == {"The people", "On June 9 "}


# A second reader's cases against this session's rules (each once fired wrongly)

@pytest.mark.parametrize("text,name,not_alias", [
    ("A merchant from Kashgar surnamed Wang carried the letters to Ghulja.", "Kashgar", "Wang"),
    ("Sheng Shicai nicknamed Zhu Shaoliang the Fox, according to the consul.", "Sheng Shicai", "Zhu Shaoliang the Fox"),
    ("Burhan was taken by his parents at an early age to Kazan in Russian Central Asia.", "Kazan", "Central Asia"),
])
def test_second_reading_no_alias_without_an_apposition(tmp_path: Any, text: str, name: str, not_alias: str) -> None:
    import json

    db = json.loads(built(tmp_path, "A report\n\n" + text + "\n").read_text())
    assert not [e for e in db["entities"] if e["name"] == name and not_alias in e["aliases"]]


@pytest.mark.parametrize("sentence,name,kind", [
    ("Abdurahman Kari was an army officer from Kashgar.", "Abdurahman Kari", "person"),
    ("Khalil Zunun was a bank clerk in Urumchi.", "Khalil Zunun", "unknown"),
    ("Kosh Agach was a major trading post on the Soviet side.", "Kosh Agach", "unknown"),
    ("Bulun Tokhoi was the general headquarters of the Kazakh bands.", "Bulun Tokhoi", "unknown"),
    ("Tursun Baqi was a school teacher in Kulja before the rising.", "Tursun Baqi", "person"),
])
def test_second_reading_the_head_noun_says_what_a_name_is(sentence: str, name: str, kind: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == kind


@pytest.mark.parametrize("sentence,not_names", [
    ("The Outer Mongolians now aim to occupy Peitashan.", {"Outer Mongolians"}),
    ("The orders of the Central People's Government came.", {"Central People"}),
])
def test_second_reading_no_such_names(sentence: str, not_names: set[str]) -> None:
    found = found_in(sentence)
    assert not {u.text for u in found} & not_names


def test_second_reading_an_idea_born_somewhere_is_no_person() -> None:
    for sentence, name in [("Then Jadidism was born in the Crimea.", "Jadidism"), ("Then Muhiti was born in 1887.", "Muhiti")]:
        got = {u.text: u.type for u in found_in(sentence)}
        assert (got.get(name) == "person") == (name == "Muhiti")


def test_second_reading_a_registered_name_in_capitals_before_a_place_stays(tmp_path: Any) -> None:
    db = built(tmp_path, "TELEGRAM\n\nREPORTED THAT MA PU-FANG SINING HAS SENT TROOPS ON MAY 5 1947.\n")
    assert answers(db, "who", "Ma Bufang")[0]["id"] == "ma-bufang"


def test_second_reading_a_heading_s_kind_of_document_is_no_name() -> None:
    text = "November 12, 1944\n\nRecord of a Conversation between Ambassador Petrov and Chiang Kai-shek"
    assert not {"Record", "Conversation"} & {u.text for u in found_in(text)}


@pytest.mark.parametrize("text,expected", [
    ("reported on 3/4/1946 that all was well.\n", None),  # the third of April or the fourth of March
    ("reported on 25/3/1946 that all was well.\n", "1946-03-25"),
    ("reported on 12/25/1946 that all was well.\n", "1946-12-25"),
])
def test_second_reading_figures_read_only_where_they_say_which_is_the_day(text: str, expected: str | None) -> None:
    got = [v for t, v in dates(text) if "/" in t]
    assert got == ([expected] if expected else [])


def test_second_reading_concerning_is_no_worry(tmp_path: Any) -> None:
    text = ("A report\n\nThe consul reported concerning the road from Hami to Tihwa. Sheng was worried about "
            "Hami and its garrison.\n")
    top = answers(built(tmp_path, text), "search", "worry about Hami")[0]
    assert top["text"].startswith("Sheng was worried")


@pytest.mark.parametrize("sentence,name", [
    ("He was Commander of the Xinjiang Production and Construction Corps until 1968.",
     "Xinjiang Production and Construction Corps"),
    ("He joined the Mongolian and Tibetan Affairs Commission.", "Mongolian and Tibetan Affairs Commission"),
])
def test_a_body_named_with_and_is_one_name(sentence: str, name: str) -> None:
    assert name in {u.text for u in found_in(sentence)}


def test_a_person_before_and_is_no_part_of_a_body_s_name() -> None:
    sentence = "Then Ma Chung-ying and Muslim Cavalry Army rode north."
    assert not [u for u in found_in(sentence) if "and" in u.text]


@pytest.mark.parametrize("sentence,name", [
    ("The delegation of Ömer Ali Şehidi arrived at Kashgar.", "Ömer Ali Şehidi"),
    ("They had fought in the Battle of Ürümqi that winter.", "Battle of Ürümqi"),
    ("The geographer Élisée Reclus described the oasis.", "Élisée Reclus"),
])
def test_a_name_may_open_with_an_accented_capital(sentence: str, name: str) -> None:
    assert name in {u.text for u in found_in(sentence)}


def test_a_footnote_is_about_what_its_mark_follows(tmp_path: Any) -> None:
    """'... the Kuldja Protocol7 ...' with 'Footnote 7: Signed at Tihwa, January 2, 1946.': the
    protocol's date; a note naming someone ('Footnote 8: Angus Ward, Consul General at
    Vladivostok.' under 'Ward8') is not read as about the Ward the mark follows."""
    from etr.ingest.assemble import footnote_marks, footnotes

    text = ("893.00/1-346: Telegram\n\nThe Consul at Tihwa (Robert S. Ward) to the Secretary of State\n\n"
            "Tihwa, January 3, 1946.\n\nThe terms of the Kuldja Protocol7 were read to the assembly; Ward8 "
            "was not present.\n\nFootnote 7: Signed at Tihwa, January 2, 1946.\n"
            "Footnote 8: Angus Ward, Consul General at Vladivostok.\n")
    assert sorted(footnotes(text)) == [7, 8]
    body = text.index("The terms")
    assert [n for n, _at in footnote_marks(text[body : body + 90], body, footnotes(text))] == [7, 8]
    db = built(tmp_path, text)
    protocol = answers(db, "what", "Kuldja Protocol")[0]
    assert "1946-01-02" in {e["date"]["value"] for e in protocol["events"]}
    ward = answers(db, "who", "Robert S. Ward")[0]
    assert not [e for e in ward["events"] if e["text"].startswith("Footnote 8")]
    assert not [c for c in ward["statements"] if c["quote"].startswith("Footnote 8")]


def test_an_article_on_a_battle_headed_by_a_shorter_name(tmp_path: Any) -> None:
    """A page whose first line is its address ('Pei-ta-shan_Incident') and whose heading is
    'Battle of Baitag Bogd', on the 'Battle of Baitag Bogd Mountain': the heading is another of
    the battle's names, the battle is an event (not a mountain), and 'fighting continued ...
    between 5 June 1947 and July 1948' is about it."""
    text = ("Pei-ta-shan_Incident\n\nBattle of Baitag Bogd\n\nThe Battle of Baitag Bogd Mountain was a border "
            "conflict between China and Mongolia. In June 1947 the Mongols attacked the Kazakhs.\n\nHowever, "
            "fighting continued for another year, 13 clashes taking place between 5 June 1947 and July 1948.\n")
    db = built(tmp_path, text)
    battle = answers(db, "what", "Battle of Baitag Bogd")[0]
    assert battle["type"] == "event" and "Battle of Baitag Bogd" in [battle["name"], *battle["aliases"]]
    assert {"1947-06-05", "1948-07"} <= {v for e in battle["events"] for v in e["date"]["value"].split("/")} | \
        {e["date"]["value"] for e in battle["events"]}


def test_a_cable_from_one_to_another_and_when_it_told(tmp_path: Any) -> None:
    """'Cable No. 3582 from Filippov [Stalin] to Cde. Mao Zedong' under 'September 2, 1949': its
    'we' is Stalin's, its 'you' Mao's, and `when "Stalin informs Mao of the crash"` is the cable's
    day, where `when "the crash"` stays the crash's."""
    text = ("September 2, 1949\n\nCable No. 3582 from Filippov [Stalin] to Cde. Mao Zedong\n\n"
            "With great regret we have to inform you that the aircraft which left Kulja a few days ago with "
            "the delegation of Xinjiang crashed near Irkutsk.\n\nThe plane crashed on August 27, 1949, near "
            "Lake Baikal.\n")
    db = built(tmp_path, text)
    regret = [c for c in answers(db, "who", "Mao Zedong")[0]["events"] + answers(db, "who", "Mao Zedong")[0]["statements"]
              if (c.get("text") or c.get("quote", "")).startswith("With great regret")]
    assert regret
    told = answers(db, "when", "Stalin informs Mao of the delegation air crash")
    assert "1949-09-02" in {r["date"]["value"] for r in told[:3]}


# A second reader's cases against the later rules (each once fired wrongly)

@pytest.mark.parametrize("sentence,name", [
    ("The delegates went to Rahimjan Sabri for his consent.", "Rahimjan Sabri"),
    ("Many of the Chinese soldiers returned to Islam after 1934.", "Islam"),
    ("The report went to Tass, and the story went to Reuters.", "Reuters"),
])
def test_second_review_going_to_someone_is_no_place(sentence: str, name: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) != "place"


@pytest.mark.parametrize("text,person,not_from", [
    ("Governor Sheng Shih-tsai was removed from his post on August 29, 1944, and Wu Chung-hsin was appointed "
     "in his place. The new Governor arrived in Tihwa on October 10, 1944.", "Sheng Shicai", "The new Governor"),
    ("General Sung Hsi-lien commands the troops. Consul General Ward called on him on October 12, 1944. "
     "The General said on October 13, 1944 that the rebels had taken Kuldja.", "Ward", "The General said"),
    ("Secretary of State Hull was informed. It is believed that the interests of the State demand caution, "
     "and the matter was discussed on October 14, 1944.", "Hull", "It is believed"),
    ("Vice Consul Mackiernan left Tihwa for Peitashan on August 2, 1948. The Consul at Kashgar reported on "
     "August 5, 1948 that Soviet agents were active.", "Mackiernan", "The Consul at Kashgar"),
])
def test_second_review_a_title_alone_is_not_another_s(tmp_path: Any, text: str, person: str, not_from: str) -> None:
    db = built(tmp_path, "A report\n\n" + text + "\n")
    got = answers(db, "who", person)[0]
    assert not [e for e in got["events"] if e["text"].startswith(not_from)]


@pytest.mark.parametrize("sentence,not_name", [
    ("It was sent to the Foreign Ministry and Defence Council on May 4, 1946.", "Foreign Ministry and Defence Council"),
    ("Talks between the Nationalist Government and Communist Party broke down.", "Nationalist Government and Communist Party"),
    ("After the Yalta Conference and Potsdam Agreement the talks began.", "Yalta Conference and Potsdam Agreement"),
    ("The British Legation and American Embassy protested.", "British Legation and American Embassy"),
])
def test_second_review_two_bodies_joined_by_and_stay_two(sentence: str, not_name: str) -> None:
    assert not_name not in {u.text for u in found_in(sentence)}


def test_second_review_a_citation_footnote_is_about_nothing_it_follows(tmp_path: Any) -> None:
    text = ("893.00/8-1547: Telegram\n\nThe Consul at Tihwa (Paxton) to the Secretary of State\n\nTihwa, August 15, "
            "1947.\n\nThe Kazaks have withdrawn to Peitashan.47 Bombers were seen over Chenghua3 at dawn.\n\n"
            "Footnote 47: See telegram No. 98, June 12, 1947, from the Consul at Tihwa, p. 565.\n"
            "Footnote 3: Not printed.\n")
    db = built(tmp_path, text)
    got = answers(db, "where", "Peitashan")[0]
    assert not [e for e in got["events"] if e["text"].startswith("Footnote")]
    assert not [e for e in answers(db, "where", "Chenghua")[0]["events"] if "Not printed" in e["text"]]


def test_second_review_fighting_is_a_battle_s_not_peace_talks(tmp_path: Any) -> None:
    text = ("Dihua peace talks\n\nThe Dihua peace talks were negotiations between the Ili rebels and the Kuomintang. "
            "The talks began in October 1945.\n\nFighting between the Ili National Army and Kuomintang troops had "
            "reached the Manas River by September 1945.\n")
    db = built(tmp_path, text)
    talks = answers(db, "what", "Dihua peace talks")[0]
    assert not [e for e in talks["events"] if e["text"].startswith("Fighting")]


def test_second_review_a_registered_name_in_a_heading_line_does_not_take_the_article(tmp_path: Any) -> None:
    text = ("Battle of Suiyuan\n\nPart of the Second Sino-Japanese War\n\nThe Battle of Suiyuan was fought in "
            "Suiyuan province. It began when Japanese-backed troops attacked Hongort on 14 November 1936.\n")
    db = built(tmp_path, text)
    battle = answers(db, "what", "Battle of Suiyuan")[0]
    assert "1936-11-14" in {e["date"]["value"] for e in battle["events"]}


@pytest.mark.parametrize("sentence,name,kind", [
    ("Tokhta Niyazi was a soldier guarding the mountain pass.", "Tokhta Niyazi", "person"),
    # (a person's: "Ismail" is a given name, rules/names.toml [given]; not the government's)
    ("Ismail Ferghani was a clerk serving the provincial government.", "Ismail Ferghani", "person"),
    ("Tokhta Ferghani was a clerk serving the provincial government.", "Tokhta Ferghani", "unknown"),
])
def test_second_review_the_head_noun_comes_before_a_participle(sentence: str, name: str, kind: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == kind


@pytest.mark.parametrize("sentence,name", [
    ("In January Governor Tsung Li-hsin arrived at Tihwa in 1945.", "Tsung Li-hsin"),
    ("The envoy Kemal Sheikh Ahmad arrived at Kashgar.", "Kemal Sheikh Ahmad"),
])
def test_second_review_no_month_or_first_name_is_a_rank(sentence: str, name: str) -> None:
    found = {u.text: u for u in found_in(sentence)}
    assert name in found and "January" not in found[name].title


def test_a_unit_by_its_number_is_the_one_named_in_full(tmp_path: Any) -> None:
    """'... appointed commander of the 6th Division' in an article that names the 6th Uyghur
    Division: the same division."""
    text = ("Mahmut Muhiti\n\nMuhiti was appointed commander of the 6th Division, composed of Turkic Muslims, in "
            "1934.\n\nCommander-in-chief of 6th Uyghur Division (1934-37)\n")
    db = built(tmp_path, text)
    division = answers(db, "what", "6th Uyghur Division")[0]
    assert any("6th Division, composed" in (c.get("text") or c.get("quote", ""))
               for c in division["events"] + division["statements"])


@pytest.mark.parametrize("head,writer", [
    ("9/9/1948 - Sinkiang Province by A. Doak Barnett", "A. Doak Barnett"),
    ("Report on Sinkiang by O. Edmund Clubb", "O. Edmund Clubb"),
    ("Kashgar Taken by Ma Chung-ying", None),  # a headline's agent, no writer
])
def test_a_title_line_that_ends_with_its_writer(head: str, writer: str | None) -> None:
    from etr.ingest.archival import byline

    got = byline(head + "\n\nI traveled to Tihwa in August.\n")
    assert (got.name if got else None) == writer


def test_the_i_of_a_letter_titled_with_its_writer(tmp_path: Any) -> None:
    text = "9/9/1948 - Sinkiang Province by A. Doak Barnett\n\nIn August I visited the Kazak leader Osman at his camp.\n"
    got = answers(built(tmp_path, text), "who", "Doak Barnett")[0]
    assert any("I visited" in (c.get("text") or c.get("quote", "")) for c in got["events"] + got["statements"])


def test_a_life_s_span_in_brackets_does_not_answer_when_he_did_something(tmp_path: Any) -> None:
    text = ("Tao Zhiyue\n\nTao Zhiyue (Wade-Giles: T'ao Chih-yueh; 1892 – 26 December 1988) was a general who "
            "defected with his army.\n\nThe army crossed to the Communists in the autumn.\n")
    got = answers(built(tmp_path, text), "when", "Tao Zhiyue defected")
    assert got and got[0]["date"]["value"] not in ("1892", "1988-12-26")
    born = answers(built(tmp_path, text, "b.txt"), "when", "Tao Zhiyue born")
    assert born and born[0]["date"]["value"] == "1892"


def test_when_he_was_born_is_the_date_beside_his_birth(tmp_path: Any) -> None:
    """'When was the governor Wu Chung-hsin born?': his life's span in brackets after his name, not
    the years of his governorships, nor '(1936-44)' after an office, however the words fit."""
    text = ("Wu Chung-hsin (15 March 1884-16 December 1959), military and political associate of Chiang Kai-shek who "
            "served as governor of Anhwei (1932), chairman of the Commission (1936-44), and governor of Sinkiang "
            "(1944-45).\n\nThe Nationalist governor Wu Chung-hsin reached Tihwa in September 1944.\n")
    got = answers(built(tmp_path, text), "when", "When was the Nationalist governor Wu Chung-hsin born?")
    assert got[0]["date"]["value"] == "1884-03-15"
    died = answers(tmp_path / "facts.json", "when", "When did the Nationalist governor Wu Chung-hsin die?")
    assert died[0]["date"]["value"] == "1959-12-16"


def test_a_registered_name_a_surname_in_capitals_continues(tmp_path: Any) -> None:
    """Soviet reports print a surname in capitals after the given names ("Alikhan Tore
    SAGUNI"): the registered man named in full, and the surname alone later is he."""
    text = ("Report to Cde. MOLOTOV\n\nOn 3 April Alikhan Tore SAGUNI, the head of the rebels, met our officer "
            "Cde. PETROV in Ghulja.\n\nSAGUNI asked for arms and ammunition.\n")
    got = answers(built(tmp_path, text), "who", "Saguni")[0]
    assert got["name"] == "Elihan Tore"
    assert any("asked for arms" in (c.get("text") or c.get("quote", "")) for c in got["events"] + got["statements"])


def test_an_acronym_after_a_registered_name_is_no_surname(tmp_path: Any) -> None:
    text = "The delegation of Mao Zedong CCP arrived in Moscow in December 1949.\n"
    got = answers(built(tmp_path, text), "who", "Mao Zedong")[0]
    assert "Mao Zedong CCP" not in got["aliases"]


@pytest.mark.parametrize("sentence,first,second", [
    # a life's span in brackets, then the name and its glosses in other languages
    ("Abdul Karim (1870 – 1932) (Karim Abdul, Chinese: 阿不都) was a merchant.", "Abdul Karim", "Karim Abdul"),
    ("Torgut Khan (Khan Torgut, Mongolian: ...) ruled the valley.", "Torgut Khan", "Khan Torgut"),
])
def test_a_name_in_brackets_with_its_glosses_is_another_name(sentence: str, first: str, second: str) -> None:
    from etr.ingest.aliases import statements

    a, b = sentence.index(first), sentence.index(second)
    got = statements(sentence, 0, len(sentence), [(a, a + len(first), "person"), (b, b + len(second), "unknown")])
    assert [x.second for x in got] == [second]


@pytest.mark.parametrize("s,names", [
    ("Ella Maillart (1903 – 1997) (Kini, secretary of the club) went on.", [(0, 13, "person"), (29, 33, "unknown")]),
    # the region a place lies in, glossed (a third reading of the rules)
    ("Guma (Hotan Prefecture, Chinese: 皮山) is an oasis town.", [(0, 4, "place"), (6, 22, "place")]),
])
def test_a_bracket_holding_more_than_a_name_says_no_alias(s: str, names: list[tuple[int, int, str]]) -> None:
    from etr.ingest.aliases import statements

    assert statements(s, 0, len(s), names) == []


def test_two_places_a_hyphen_joins_are_each_named(tmp_path: Any) -> None:
    """"The Tihwa-Kashgar highway", "the China-Russia air route": a route between two known
    places, each of them named there, and no third place; a town's name of two words stays one
    ("Utsh-Turfan" is no Turfan)."""
    import json

    text = ("Tihwa is an important junction on a highway between Alma Ata and Lanchow and a stop on the "
            "China-Russia air route. The Tihwa-Kashgar highway was closed in June 1945. Fighting near "
            "Utsh-Turfan went on in July 1945.\n")
    db = built(tmp_path, text)
    names = {e["name"] for e in json.loads(db.read_text(encoding="utf-8"))["entities"]}
    assert not names & {"China-Russia", "Tihwa-Kashgar"}
    assert "Utsh-Turfan" in names
    kashgar = answers(db, "where", "Kashgar")[0]
    assert kashgar["name"] == "Kashgar" and any("highway was closed" in e["text"] for e in kashgar["events"])
    assert not any("Utsh-Turfan" in e["text"] for e in answers(db, "where", "Turfan")[0]["events"])


def test_initials_and_a_surname_find_the_one_so_named(tmp_path: Any) -> None:
    text = ("Across the Pamirs, by Walter Harland. 120 pages.\n\nHarland crossed the Mintaka in 1938 with "
            "Mr. Ross and the caravan of Gordon Ross.\n")
    db = built(tmp_path, text)
    assert [r["name"] for r in answers(db, "who", "W. Harland")] == ["Walter Harland"]
    assert [r["name"] for r in answers(db, "who", "G. Ross")] == ["Gordon Ross"]
    assert answers(db, "who", "Q. Harland") == []  # no Harland of that initial


def test_initials_do_not_contradict_a_familiar_or_a_chosen_given_name(tmp_path: Any) -> None:
    """"Bob" is Robert; "Wellington Koo" went by a name of his choosing (a reviewer's cases)."""
    db = built(tmp_path, "Bob Ekvall, the missionary from the Tibetan border, came through Lanchow last week. Ekvall "
                         "says that Ma Pu-fang has closed the road to the Kazaks. Wellington Koo sent a message from "
                         "Washington. Koo says the talks go on.\n")
    assert [r["name"] for r in answers(db, "who", "R. B. Ekvall")] == ["Bob Ekvall"]
    assert [r["name"] for r in answers(db, "who", "V. K. Koo")] == ["Wellington Koo"]


def test_the_author_is_the_reviewed_book_s(tmp_path: Any) -> None:
    """A review headed "Title, by Name.": "the author" is that man."""
    text = ("Across the Pamirs, by Walter Harland. 120 pages, with maps by the author.\n\n"
            "This account tells of hunting in the Tien Shan during the author's years as consul at Kuldja, "
            "1931-33.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Walter Harland")[0]
    assert any("consul at Kuldja" in (c.get("text") or c.get("quote", "")) for c in got["events"] + got["statements"])


@pytest.mark.parametrize("head,author", [
    ("Across the Pamirs, by Walter Harland. 120 pages.", "Walter Harland"),
    ("By Peter Fleming.", "Peter Fleming"),
    ("Kashgar Taken, by Ma.", None),  # one word: no book's author
    ("The road was closed by Ma Chung-ying's troops.", None),  # no comma before "by": a sentence
    # the third reading's misfires
    ("TURKESTAN SOLO\nBy Peter Fleming. (World Copyright Reserved.)\n\nTurkestan Solo, by Ella Maillart. 320 pages.",
     "Ella Maillart"),  # the reviewed book's author, not the reviewer
    ("Arrested at Yarkand in the spring of 1934, by Ma Hushan.", None),  # a sentence, not a title
    ("Translated from the Russian, by Charles Kraus.", None),  # a translator
    # a byline in lower case on a line of its own under the title
    ("The Soviets in Uyghuristan 1911-1949\nby Mark Dickens\nINTRODUCTION", "Mark Dickens"),
    ("The essay on the province was written\nby Mark Dickens\n", None),  # a sentence carried on
    ("Kashgar was seized in the spring of 1933\nby Ma Chung-ying.\n", None),  # the review's misfire
    # a book's title page: "BY" on a line of its own, the name under it; not "BY / THE SAME AUTHOR"
    ("JOURNEY TO TURKISTAN\n\nBY\n\nSIR ERIC TEICHMAN\nK.C.M.G., C.I.E.", "ERIC TEICHMAN"),
    ("JOURNEY TO TURKISTAN\n\nBY\n\nTHE SAME AUTHOR\nTravels in China", None),
])
def test_whom_the_author_is(head: str, author: str | None) -> None:
    from etr.ingest.archival import author as author_of

    got = author_of(head + "\n\nThe author went to Kashgar.\n")
    assert (got.name if got else None) == author


def test_a_title_page_s_author_is_the_man_named_elsewhere(tmp_path: Any) -> None:
    """"BY / SIR ERIC TEICHMAN" on a book's title page: the writer, the man the documents name
    "Sir Eric Teichman", the line among what his profile cites."""
    import json

    db = built_from(tmp_path, "JOURNEY TO TURKISTAN\n\nBY\n\nSIR ERIC TEICHMAN\nK.C.M.G., C.I.E.\n\nLONDON 1937\n\n"
                              "We drove from Kashgar in October 1935.\n",
                    "Sir Eric Teichman reached Kashgar in 1935 by lorry.\n")
    got = answers(db, "who", "Eric Teichman")[0]
    assert "SIR ERIC TEICHMAN" in json.dumps(got)


def test_a_byline_under_the_title_names_the_writer(tmp_path: Any) -> None:
    """"by Mark Dickens" on a line of its own, short as furniture is, is the document's author: a
    person, cited."""
    text = ("The Soviets in Uyghuristan 1911-1949\nby Mark Dickens\nINTRODUCTION\n"
            "Uyghuristan is a large region in northwest China.\n")
    got = answers(built(tmp_path, text), "who", "Mark Dickens")[0]
    assert got["type"] == "person"
    assert any(s["quote"] == "by Mark Dickens" for s in got["statements"])


@pytest.mark.parametrize("sentence,name,kind", [
    ("The Jungarian Basin lies north of the Tien Shan (Heavenly Mountains).", "Tien Shan", "place"),
    ("They crossed the Syr Darya and then the Muz Tagh.", "Syr Darya", "place"),
    ("They crossed the Syr Darya and then the Muz Tagh.", "Muz Tagh", "place"),
    ("The caravan crossed Karlik Tagh in May.", "Karlik Tagh", "place"),  # a Turkic range word, "the" or not
    ("Paxton's appeal led to the United States Escapee Program for Kazakh refugees.",
     "United States Escapee Program", "organisation"),
    ("He joined the Secretariat of the Commission.", "Secretariat of the Commission", "organisation"),
    ("Tien Lung-yu was appointed commissioner.", "Tien Lung-yu", "person"),  # Tien a surname still
    # a title, initials, or no "the": men still (the review's misfires)
    ("Marshal Yen Hsi Shan met the envoy.", "Yen Hsi Shan", "person"),
    ("He met John S. Service at Chungking.", "John S. Service", "person"),
])
def test_a_name_s_last_word_says_its_kind(sentence: str, name: str, kind: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == kind


@pytest.mark.parametrize("sentence,name", [
    ("The Kumul Khanate was a vassal of the province.", "Kumul Khanate"),
    ("He met envoys of the Kokand Emirate.", "Kokand Emirate"),
])
def test_a_khanate_is_a_state(sentence: str, name: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == "state"


def test_a_thing_asked_in_other_words_than_the_documents(tmp_path: Any) -> None:
    """"the khanate of Hami" is the "Kumul Khanate" (Hami and Kumul one place), and "Dungan
    army" the documents' "Tungan army" (Dungan and Tungan one people); a name some reading finds
    as written beats a near miss of another reading ("Chagatai Khanate" near "khanate Hami")."""
    text = ("The Kumul Khanate was a vassal state of the province until 1930.\n\n"
            "Its khans descended from the rulers of the Chagatai Khanate.\n\n"
            "He was pressed into service with the Tungan army in the spring of 1933.\n")
    db = built(tmp_path, text)
    assert [r["name"] for r in answers(db, "what", "khanate of Hami")] == ["Kumul Khanate"]
    tungan = answers(db, "what", "Dungan army")
    assert tungan and tungan[0]["name"] == "Tungan army"
    assert answers(db, "what", "khanate of Zzyzx") == []


@pytest.mark.parametrize("query,value", [
    ("when was Haji Niyaz chosen chairman", "1933-11-12"),  # the span's beginning
    ("end of the Kashgar government of Haji Niyaz", "1934-02-06"),  # its end
    ("Haji Niyaz chairman", "1933-11-12/1934-02-06"),  # neither asked: the span as stated
])
def test_a_beginning_or_an_end_asked_of_a_span(tmp_path: Any, query: str, value: str) -> None:
    text = ("The Kashgar government was headed by Haji Niyaz from November 12, 1933 to February 6, 1934, "
            "when the Tungan troops entered the city.\n")
    got = answers(built(tmp_path, text), "when", query)
    assert got and got[0]["date"]["value"] == value
    if value != "1933-11-12/1934-02-06":
        assert got[0]["date"]["how"] == "derived" and "1933-11-12/1934-02-06" in got[0]["date"]["anchor"]


def test_a_span_in_brackets_is_not_cut_for_a_beginning(tmp_path: Any) -> None:
    text = "Haji Niyaz (1889 – 1941) was chosen chairman of the Kashgar government in November 1933.\n"
    got = answers(built(tmp_path, text), "when", "Haji Niyaz chosen chairman")
    assert got and "1889" not in got[0]["date"]["value"]


@pytest.mark.parametrize("query,name", [
    ("Consul General Harland", "Walter Harland"),  # a title the documents never write before him
    ("Colonel Harland", "Walter Harland"),
])
def test_a_title_in_the_query_is_no_part_of_the_name(tmp_path: Any, query: str, name: str) -> None:
    text = ("Walter Harland reached Kashgar in May 1938. Consul General Petrov received him there.\n\n"
            "Harland left in June.\n")
    got = answers(built(tmp_path, text), "who", query)
    assert got and got[0]["name"] == name


def test_a_wade_giles_name_without_its_apostrophe_may_be_either(tmp_path: Any) -> None:
    """"Shih-chi" may be "Shih-ch'i" (Shiqi) with its apostrophe dropped: both are offered, the
    one the documents say more of first."""
    text = ("Sheng Shiqi commanded the brigade in 1941. Sheng Shiqi was killed in March 1942. "
            "Sheng Shiqi had trained in Moscow.\n\nHis brother Sheng Shiji was in the room.\n")
    got = answers(built(tmp_path, text), "who", "Sheng Shih-chi")
    assert [r["name"] for r in got][:2] == ["Sheng Shiqi", "Sheng Shiji"]


@pytest.mark.parametrize("name,readings", [
    ("Sheng Shih-chi", ["Sheng Shih-ch'i"]),
    ("Chang Chih-chung", ["Ch'ang Chih-chung", "Chang Ch'ih-chung", "Chang Chih-ch'ung"]),
    ("Kashgar", []),  # no Chinese syllables
    ("Sheng Shih-ch'i", []),  # the apostrophe is there
])
def test_dropped_apostrophes(name: str, readings: list[str]) -> None:
    from etr.text.romanise import dropped_apostrophes

    assert dropped_apostrophes(name) == readings


def test_a_thing_named_by_its_one_telling_word(tmp_path: Any) -> None:
    text = ("The Eurasia Aviation Corporation moved its office from Sian to Lanchow in 1937.\n\n"
            "The Sino-Soviet Aviation Company flew from Hami to Alma-Ata.\n")
    db = built(tmp_path, text)
    got = answers(db, "what", "Eurasia airline")
    assert [r["name"] for r in got] == ["Eurasia Aviation Corporation"]
    assert answers(db, "what", "Zzyzx airline") == []  # no word of the query names anything


@pytest.mark.parametrize("sentence,name,kind", [
    ("The caravan went over the passes to Osh in Andijan.", "Andijan", "place"),
    ("They stayed near Ferghana in Marghilan.", "Marghilan", "place"),
    ("The letter from Ehmetjan arrived.", "Ehmetjan", "person"),  # "from": a person's letter too
    # a Russian surname as the 1940s wrote it in -of ("Abassof", as -off, -ov)
    ("Report. Abassof, Ili-appointed Vice Secretary General, is heading it.", "Abassof", "person"),
])
def test_a_name_ending_like_a_person_s_after_in_is_a_place(sentence: str, name: str, kind: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == kind


def test_officially_names_the_thing_in_full(tmp_path: Any) -> None:
    """"..., officially the Turkic Islamic Republic of East Turkestan (TIRET)": the people's word
    the registered name was found without belongs to the name the text gives."""
    text = ("The First East Turkestan Republic, officially the Turkic Islamic Republic of East Turkestan (TIRET), "
            "was proclaimed at Kashgar in November 1933.\n")
    got = answers(built(tmp_path, text), "what", "TIRET")[0]
    assert got["name"] == "First East Turkestan Republic"
    assert "Turkic Islamic Republic of East Turkestan" in got["aliases"]
    assert "Turkic" not in got["aliases"]


@pytest.mark.parametrize("a,b,same", [
    ("emigrate", "emigration", True), ("negotiated", "negotiations", True), ("liberating", "liberation", True),
    ("associated", "association", True),
    ("consulate", "consul", False), ("directorate", "director", False), ("state", "station", False),
    # the review's misfires: a verb in -eat or -at, and nouns in -ate of a word of their own
    ("defeated", "defeat", True), ("retreated", "retreat", True), ("combating", "combat", True),
    ("khanate", "khan", False), ("sultanate", "sultan", False),
])
def test_a_verb_in_ate_and_its_noun_in_ation_are_one_term(a: str, b: str, same: bool) -> None:
    from etr.text.terms import terms

    assert (terms(a) == terms(b)) is same


def test_a_word_broken_at_a_printed_line_s_end_is_found_whole(tmp_path: Any) -> None:
    """"Kazakh emi- gration" (a page's hyphen kept by the copy) answers "emigrate"; "pro- and
    anti-Soviet" stays two words."""
    from etr.text.terms import sentence_terms

    assert "emigr" in sentence_terms("driving Kazakh emi- gration from Xinjiang to Tur- key")
    assert "turkey" in sentence_terms("driving Kazakh emi- gration from Xinjiang to Tur- key")
    assert "proand" not in sentence_terms("pro- and anti-Soviet groups")
    assert {"captur", "recaptur"} <= set(sentence_terms("Government forces have re-captured Peitashan"))
    assert {"tihwa", "probably"} <= set(sentence_terms("He left Tihwa- probably for good"))  # the parts kept
    text = ("The chapter is short.\n\nIt shows the impact of Soviet relations on driving Kazakh emi- gration "
            "from Xinjiang.\n\nThe caravan reached Tihwa in June 1933.\n")
    got = answers(built(tmp_path, text), "search", "why did Kazakhs emigrate")
    assert got and "emi- gration" in got[0]["text"]


def test_search_meets_another_form_of_a_word_the_stemmer_left_apart(tmp_path: Any) -> None:
    """"emigres" (stem "emigr") finds the document's "emigrants" (stem "emigrant")."""
    text = ("The caravan reached Tihwa in June 1933.\n\nWithout the help of the Russian emigrants the city would "
            "have fallen to the Tungans.\n\nThe governor paid the troops in silver.\n")
    got = answers(built(tmp_path, text), "search", "emigres defending the city")
    assert got and "Russian emigrants" in got[0]["text"]


def test_near_terms_reads_the_index(tmp_path: Any) -> None:
    from etr.store.opening import open_index

    text = "Russian emigrants served. An emigrant wrote. The emigres fled. The governor governed.\n"
    ix = open_index(built(tmp_path, text))
    assert set(ix.near_terms("emigr")) >= {"emigrant"}
    assert "emigr" in ix.near_terms("emigrant")
    assert ix.near_terms("gov") == []  # too short to say


def test_the_editor_s_gloss_of_a_registered_place_is_its_name(tmp_path: Any) -> None:
    """"Ghulja [Kulja]": the editor's brackets give the registered place another name."""
    text = "The rebels first drove the Chinese from Nilka [Nileke] in October 1944.\n"
    db = built(tmp_path, text)
    got = answers(db, "where", "Nileke")
    assert got and got[0]["name"] == "Nilka"
    assert got[0]["name"] == answers(db, "where", "Nileke county")[0]["name"]  # "county" adds nothing


# misfires a third reading found in this session's rules, each made a case
def test_third_reading_capitals_after_a_name_are_emphasis_outside_soviet_reports(tmp_path: Any) -> None:
    text = ("Osman Batur TODAY accepted the offer of amnesty. I understand that Chiang Kai-shek HIMSELF approved "
            "the terms.\n\nThe economic department is run by Burhan KAMALOV, a Tatar merchant.\n")
    db = built(tmp_path, text)
    assert not any("TODAY" in a or "Today" in a for a in answers(db, "who", "Osman Batur")[0]["aliases"])
    assert answers(db, "who", "Burhan Shahidi")[0]["name"] == "Burhan Shahidi"
    assert "Burhan KAMALOV" not in answers(db, "who", "Burhan Shahidi")[0]["aliases"]


@pytest.mark.parametrize("sentence,name", [
    ("Two shots were fired at Rakhimjanov on the evening of September 28.", "Rakhimjanov"),
    ("The reply reached the Soviet authorities via Apresoff, the Soviet Consul General.", "Apresoff"),
    ("I have little confidence in Yakubov, who speaks for the Kazakh chiefs.", "Yakubov"),
])
def test_third_reading_a_man_after_at_or_via_stays_a_man(sentence: str, name: str) -> None:
    assert {u.text: u.type for u in found_in(sentence)}.get(name) != "place"


def test_third_reading_a_window_or_another_s_span_is_not_cut(tmp_path: Any) -> None:
    text = ("Between September and November 1944 the Ili rebels took Nilka and Kensai.\n")
    got = answers(built(tmp_path, text), "when", "Ili rebels took Nilka in the fall of 1944")
    assert got and got[0]["date"]["how"] != "derived"


@pytest.mark.parametrize("query", ["Kurdish army", "Mahabad constitution", "Michigan professor"])
def test_third_reading_a_telling_word_needs_the_rest_to_fit(tmp_path: Any, query: str) -> None:
    text = ("The Republic of Mahabad was proclaimed in January 1946.\n\n"
            "He studied at the University of Michigan before the war.\n")
    db = built(tmp_path, text)
    assert answers(db, "what", query) == [] or answers(db, "what", query)[0]["type"] == "thing"


def test_third_reading_a_word_of_syllables_is_no_part_of_a_book_s_name(tmp_path: Any) -> None:
    text = ("Owen Lattimore's new book, Pivot of Asia, was published in Boston this month. He argues that "
            "Sinkiang will decide the balance of power in Asia.\n")
    got = answers(built(tmp_path, text), "where", "Asia")
    assert got and got[0]["name"] != "Pivot of Asia"


def test_search_reads_what_the_answer_s_document_is_about(tmp_path: Any) -> None:
    """A word the answer leaves out counts a little where its document has it: the memoir's
    traveller is named once, the sentence that answers says only who ruled the oasis. Two
    sentences alike but for their documents: the one in the traveller's memoir answers."""
    from conftest import cli

    report = tmp_path / "a_report.txt"
    report.write_text("The caravan came from Kansu in 1931.\n\nThe old khan ruled over the little that was left of "
                      "Hami and the villages around it.\n", encoding="utf-8")
    memoir = tmp_path / "memoir.txt"
    memoir.write_text("Sven Hedin reached the oasis with his lorries in February 1934.\n\n"
                      "The camels had gone ahead.\n\nThe old prince ruled over the little that was left "
                      "of Hami and the villages around it.\n", encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(report), str(memoir), "--out", str(out)).exit_code == 0
    def order(query: str) -> list[str]:  # the two sentences' order, among the seed base's too
        import json

        got = json.loads(cli("search", query, "--json", "--db", str(out), "--limit", "30").stdout)["results"]
        return [r["text"][:14] for r in got if r.get("text", "").startswith("The old")]

    assert order("who ruled Hami when Hedin arrived") == ["The old prince", "The old khan r"]
    assert order("who ruled Hami") == ["The old khan r", "The old prince"]  # nothing left out: the sentences alone


@pytest.mark.parametrize("line,routing", [
    ("Sent Tihwa 12; repeated Chungking 7, Department 338, Office Embassy Canton 24.", True),
    ("Sent Department 85; repeated Nanking 82, Tihwa 2, Moscow 2.", True),
    ("Repeated to Moscow.", True),
    ("(Sent Department, repeated Moscow.)", True),
    ("Sent Dept 880, May 29, 9 a.m., Dept please repeat to Moscow.", False),  # it dates the telegram
    ("Sent troops to Ili in 1944.", False),
    ("Repeated attacks on Kashgar failed.", False),
])
def test_a_telegram_s_routing_line_is_furniture(line: str, routing: bool) -> None:
    """Where a telegram was sent and repeated to is no statement: no sentence, no entity, no event."""
    from etr.ingest.sentences import read_document

    text = "The Consul reports that the road is open.\n\n" + line + "\n"
    got = [text[p.start:p.end] for p in read_document("doc", text).paragraphs]
    assert (line not in got) is routing


@pytest.mark.parametrize("line,kept", [
    ("- Result: Communist victory", True),  # an infobox's field and its value: a fact of the article
    ("Partof: Chinese Civil War", True),
    ("Tags: History", False),  # a web page's label
    ("Filed under: Asia", False),
    ("Share this", False),
])
def test_a_short_field_line_is_content_and_a_page_label_is_not(line: str, kept: bool) -> None:
    from etr.ingest.sentences import read_document

    text = "Battle of Yiwu\n\n" + line + "\n\nThe battle was fought in 1950.\n"
    doc = read_document("doc", text)
    assert any(line.lstrip("- ") in text[p.start:p.end] for p in doc.paragraphs) is kept


def test_a_consulate_general_is_no_general(tmp_path: Any) -> None:
    """"repeated Consulate General Canton 16": an office and its town, not a General Canton."""
    text = ("Please keep Embassy informed of the talks at Tihwa (ReEmbtel 283 to Department February 1, repeated "
            "Consulate General Canton 16 and Tihwa 11.)\n")
    got = answers(built(tmp_path, text), "where", "Canton")[0]
    assert got["name"] == "Canton" and got["type"] == "place" and not got.get("roles")


def test_cablese_consulate_before_a_man_makes_no_place() -> None:
    """Cablese drops the article: "On return to Consulate Bessac found ..." names a man."""
    from etr.ingest.discover import unknown_names

    text = "On return to Consulate Bessac found Kazak messenger waiting with letter.\n"
    got = [u for u in unknown_names(text, 0, len(text), []) if u.text == "Bessac"]
    assert got and got[0].type != "place"


def test_a_footnote_that_names_the_office_holder_names_him(tmp_path: Any) -> None:
    """A printed collection marks an office and names its holder at the document's foot:
    "Minister of Economic Affairs[50] has informed me", "50. Wong Wen-hao". A numbered
    paragraph that nothing marks is the body, not a note."""
    text = ("893.00/14983: Telegram\n\nChungking, April 13, 1943.\n\n354. Minister of Economic Affairs[50] has "
            "informed me that the major Soviet interest in Sinkiang is the oil refinery west of Tihwa. Dr. Wong "
            "appeared hopeful.\n\nVincent\n\n50. Wong Wen-hao\n")
    import json

    got = answers(built(tmp_path, text), "who", "Wong Wen-hao")[0]
    assert "oil refinery west of Tihwa" in json.dumps(got)
    # a reference, not a name alone: the marked sentence is not its author's
    cited = text.replace("50. Wong Wen-hao", "50. Wong Wen-hao, Mineral Resources of Sinkiang, p. 89.")
    (tmp_path / "cited").mkdir()
    got = answers(built(tmp_path / "cited", cited), "who", "Wong Wen-hao")[0]
    assert "oil refinery west of Tihwa" not in json.dumps(got)
    plain = text.replace("[50]", "")
    (tmp_path / "plain").mkdir()
    got = answers(built(tmp_path / "plain", plain), "who", "Wong Wen-hao")[0]
    assert "oil refinery west of Tihwa" not in json.dumps(got)


def test_notes_numbered_from_one_under_the_volume_s_running_marks(tmp_path: Any) -> None:
    """A web copy of a printed collection numbers the notes at the foot from 1 while its text keeps
    the volume's marks ("Soviet Ambassador30 entertained Foreign Minister, Minister
    Communications31 and Secretary General of Executive Yuan32" over "1. N. V. Roschin." ...): the
    marks in their order are the notes in theirs, so the Ambassador is Roschin - his profile holds
    the sentence, and `etr who` asked for the Soviet ambassador who gave the dinner names him (the
    one marked nearest the words the question asks for him by), not the next man marked."""
    text = ("893.796/8–3048: Telegram\n\nThe Ambassador in China (Stuart) to the Secretary of State\n\n"
            "1594. Embassy learns that several days ago Soviet Ambassador30 entertained Foreign Minister, "
            "Minister Communications31 and Secretary General of Executive Yuan32 at a small informal dinner at "
            "which main topic of conversation was Sino-Soviet airline.\n\n"
            "  1. N. V. Roschin.\n  2. Yu Ta-wei.\n  3. Li Wei-kuo.\n")
    from etr.ingest.assemble import footnotes

    notes = footnotes(text)
    assert {n: text[a:b].strip() for n, (a, b) in notes.items() if n >= 30} == {
        30: "1. N. V. Roschin.", 31: "2. Yu Ta-wei.", 32: "3. Li Wei-kuo."}
    db = built(tmp_path, text)
    got = answers(db, "who", "Roschin")
    assert got and any("informal dinner" in json.dumps(e) for e in [*got[0]["events"], *got[0]["statements"]])
    got = answers(db, "who", "Soviet ambassador who gave the Chinese ministers a dinner about the airline")
    assert got and got[0]["name"] == "N. V. Roschin", got[:1]
    # marks that do not run on from the notes' count, or not one a note, read nothing so
    assert set(footnotes(text.replace("Yuan32", "Yuan"))) == {1, 2, 3}


@pytest.mark.parametrize("text,notes", [
    ("The Minister[50] spoke of the despatch.[51]\n\nVincent\n\n50. Wong Wen-hao\n51. Not printed.\n", {50, 51}),
    ("The Minister[50] spoke.\n\nVincent\n\n50. Wong Wen-hao\n51. Not printed.\n", {50}),  # 51: marked nowhere
    # a list the body introduces with a colon, though its names carry marks ("Ahmedjan2")
    ("General Chang1 said the delegation under Ahmedjan2 accepted the following points:\n\n"
     "1. Ili troops to remain in the Ili districts.\n2. Elections of district magistrates.\n", set()),
    ("The treaty35 was signed.\n\n35. Signed at London, May 26, 1942.\n", {35}),
    # a telegram's numbered paragraphs end it: nothing marks them
    ("Situation as follows:\n\n1. Osman retreated to Peitashan.\n2. Ili forces hold Shara Sume.\n", set()),
])
def test_which_numbered_lines_end_a_document_as_its_notes(text: str, notes: set[int]) -> None:
    """Numbered lines at a document's end are its notes where the body marks their numbers."""
    from etr.ingest.assemble import footnotes

    assert set(footnotes(text)) == notes


def test_a_place_s_name_translated_in_quotes_is_its_alias(tmp_path: Any) -> None:
    """A book printed in Europe quotes a place's name in English in brackets, with guillemets."""
    text = ("At one o'clock we reached Ch'i-chio-chingtze ( »The Heptagonal Well ») . Here the road bifurcates, "
            "and branches run off to Ku-ch'eng-tze and Pichan.\n")
    got = answers(built(tmp_path, text), "where", "Heptagonal Well")[0]
    assert got["name"] == "Ch'i-chio-chingtze" and "Heptagonal Well" in got["aliases"]


def test_a_quoted_translation_is_no_name_to_carry_or_a_book_s_title(tmp_path: Any) -> None:
    """Two lakes translated alike in two books stay two lakes; a book's title quoted after its
    author is none of her names (a review of this session's rules)."""
    import json

    from conftest import cli

    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    one.write_text("In June 1935 the caravan reached Great Karakul (“the Black Lake”), on the Russian side of the "
                   "Pamirs.\n", encoding="utf-8")
    two.write_text("The road from Kashgar to Tashkurgan reaches Little Karakul (“the Black Lake”) in August 1935. "
                   "Travellers were described by Ella Maillart (“Forbidden Journey”) at length.\n", encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(one), str(two), "--out", str(out)).exit_code == 0
    great = answers(out, "where", "Great Karakul")[0]
    assert "Little Karakul" not in json.dumps(great)
    assert "Forbidden Journey" not in answers(out, "who", "Ella Maillart")[0]["aliases"]


@pytest.mark.parametrize("query", ["Osman", "Kazak chieftain Osman"])
def test_a_form_the_documents_give_one_man_often_is_his(tmp_path: Any, query: str) -> None:
    """'Osman' is exactly an alias of a name found once ('Accuses Osman', the word opening a list
    item glued to it), and the form the documents call Osman Batur by again and again: him."""
    text = ("Osman Batur, the Kazak chieftain, retreated to Peitashan in June 1947. Osman then attacked the "
            "Mongols. Osman declared war on the whole Soviet Union. Later Osman moved south.\n\n"
            "The note makes these points:\n\n- Accuses Osman and Halibek of frequent raids.\n")
    got = answers(built(tmp_path, text), "who", query)[0]
    assert got["name"] == "Osman Batur"


@pytest.mark.parametrize("text,query,subject", [
    ("Kashgar Native Regiment\n\nThe Kashgar Native Regiment was a cavalry unit of the province. It was raised in "
     "1935 among the Turki. It was commonly referred to as the Turki Regiment or Kashgar Levies.\n",
     "Kashgar Levies", True),
    # "It" is the New City, not the article's subject (a review of this session's rules)
    ("Ma Zhongying\n\nMa Zhongying was a Hui warlord who led the 36th Division in Xinjiang. In 1934 he withdrew to "
     "Kashgar, where his troops occupied the New City. It was commonly called Yangi Shahr or Yangishahr.\n",
     "Yangi Shahr", False),
])
def test_it_called_so_names_the_article_s_subject(tmp_path: Any, text: str, query: str, subject: bool) -> None:
    """'It was commonly referred to as X or Y' gives the article's subject those names when the
    paragraph opens with it and every sentence between opens with 'It'; never a person's."""
    import json

    from conftest import cli

    out = built(tmp_path, text)
    got = json.loads(cli("what", query, "--json", "--db", str(out)).stdout).get("results") or [{}]
    title = text.split("\n")[0]
    assert (title in (got[0].get("name"), *got[0].get("aliases", ()))) is subject


def test_years_ago_dates_its_own_sentence_only(tmp_path: Any) -> None:
    """"the city of Lou-Lan, lost 1700 years ago" is 233 by a 1933 cutting; the next sentence,
    "A few weeks ago he returned to Peking", is not dated by it."""
    text = ("[Wanganui Chronicle, 12 May 1933]\n\nSven Hedin is famous for his discoveries at the city of Lou-Lan, "
            "lost 1700 years ago. Later he returned to Peking to resume his work.\n")
    got = answers(built(tmp_path, text), "who", "Sven Hedin")[0]
    dated = {ev["text"][:5]: ev["date"]["value"] for ev in got["events"]}
    assert dated.get("Later") in (None, "1933-05-12")  # the cutting's date at most, never 233


def test_search_scores_the_sentences_of_the_rarer_words(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only sentences holding one of the query's rarer words are scored once the common words'
    postings pass a budget (at 10,000 documents a wordy question scored 226,000 sentences); the
    common words still count in those, so the best answer is the same."""
    import etr.query.rank as rank
    from etr.query.core import FactBase
    from etr.store.opening import open_index

    text = "\n\n".join([f"The Soviet government sent trucks to the province in {1930 + i}." for i in range(40)]
                       + ["The Soviet government helped the rebels of the three districts with arms in 1944."])
    fb = FactBase(open_index(built(tmp_path, text + "\n")))
    q = "how did the soviet government help the rebels"
    full = rank.score_sentences(fb, q)
    monkeypatch.setattr(rank, "GENERATED", 5)
    capped = rank.score_sentences(fb, q)
    assert capped[0][1] == full[0][1]
    assert len(capped) < len(full)  # the 40 sentences of common words alone are not scored


@pytest.mark.parametrize("command,query,name", [
    ("where", "Jinghe town in Ili District 1945", "Jinghe"),  # the name first, its context after "in"
    ("who", "Colonel Pappengut White Russian unit", "Pappengut"),  # "White Russian": who he is
    ("who", "Song Xilian Sinkiang garrison", "Sung Hsi-lien"),  # the name in another romanisation
    ("where", "Lob Nor nuclear test site", "Lop Nur"),
    # a review's misfires: a people among words; a better name after the preposition; no ordinary
    # word in another romanisation ("Khan" is no "Han")
    ("who", "Kazaks in the Altai", "Kazakhs"),
    ("where", "market town of Yarkand", "Yarkand"),
    ("who", "the Khan of Kumul", None),
])
def test_a_name_with_words_of_context_after_it(tmp_path: Any, command: str, query: str, name: str | None) -> None:
    """A historian types a name and what it is: the name is what is asked about."""
    text = ("In 1945 the Ili army took Jinghe, a town in the Ili District, from the provincial troops.\n\n"
            "Colonel Pappengut commanded the White Russian unit at Urumchi.\n\n"
            "General Sung Hsi-lien commanded the Sinkiang garrison in 1948.\n\n"
            "The Chinese tested their first bomb at Lop Nur in 1964.\n\n"
            "The Kazaks of the Altai fled south in 1947. The market town of Merket lies near Yarkand, where "
            "the Han Chinese kept shops.\n")
    got = answers(built(tmp_path, text), command, query)
    if name is None:
        assert not got or got[0]["name"] != "Han Chinese"
    else:
        assert got[0]["name"] == name or name in got[0]["aliases"]


def test_a_name_s_other_names_in_the_fields_of_its_bracket(tmp_path: Any) -> None:
    """A reference article's opening: every labelled field of the bracket after the name is another
    of its names ("pinyin: Yáolèbóshì", a bracket inside passed over), and so is its "courtesy
    name"; the pinyin, taken alone for a town's syllables, makes no town of the man."""
    text = ("Yulbars Khan (Uyghur: Yolwas (the Tiger); Chinese: 堯樂博斯; pinyin: Yáolèbósī or Chinese: 堯樂博士; "
            "pinyin: Yáolèbóshì; 13 August 1889 – 27 July 1971), courtesy name Jingfu, was a Uyghur leader.\n")
    got = answers(built(tmp_path, text), "who", "Yaoleboshi")[0]
    assert got["name"] == "Yulbars Khan" and got["type"] == "person"
    assert {"Yáolèbóshì", "Yáolèbósī", "Jingfu"} <= set(got["aliases"])


def test_a_byline_is_the_writer_not_the_story_s_he(tmp_path: Any) -> None:
    """"By T. Rees Shapiro" over an obituary: "He served in China" is the man the article is about,
    not its writer, and the writer is not what the document is about."""
    import json

    text = ("Frank Bessac, anthropologist who made daring escape from China, dies at 88\n\nBy T. Rees Shapiro\n"
            "Washington Post Staff Writer\n\nIn 1949, Frank Bessac was a Fulbright scholar in Inner Mongolia.\n\n"
            "Frank Bessac was born in 1922. He served in China with the Office of Strategic Services.\n\n"
            "His autobiographical account of the trip appeared in Life magazine.\n")
    db = json.loads(built(tmp_path, text).read_text(encoding="utf-8"))
    ids = {e["name"]: e["id"] for e in db["entities"]}
    for s in db["sentences"]:
        if s["text"].startswith(("He served", "His autobiographical")):
            assert ids["T. Rees Shapiro"] not in s["entities"], s["text"]


def test_a_name_spaced_otherwise_in_another_document_is_one(tmp_path: Any) -> None:
    """"Takla Makan" in one document and "Taklamakan" in another, "Central News Agency" and "Central
    Newsagency": the same letters, one place or body; a person's name is not merged so."""
    import json

    out = built_from(tmp_path, "The caravan skirted the Taklamakan in May 1935. The Central News Agency reported it. "
                               "The 1st Division held Kashgar.\n",
                     "Oases fringe the Takla Makan on the north. The Central Newsagency reported fighting. "
                     "The 21st Division held Yarkand.\n")
    db = json.loads(out.read_text(encoding="utf-8"))
    names = {e["name"] for e in db["entities"] if not e["curated"]}
    assert len(names & {"Taklamakan", "Takla Makan"}) == 1
    desert = answers(out, "where", "Takla Makan")[0]
    assert "Taklamakan" in {desert["name"], *desert["aliases"]}
    assert {"1st Division", "21st Division"} <= names  # figures kept: two units


def test_a_registered_surname_with_initials_before_it_keeps_them(tmp_path: Any) -> None:
    """"Cde. I. N. Bakulin": the registered Bakulin, the document's fuller name among his aliases;
    "the U.S." before a name is a country's, no initials."""
    text = "Permit Cde. I. N. Bakulin, the USSR general consul in Urumqi, to sign the Agreement on 20 March 1942.\n"
    got = answers(built(tmp_path, text), "who", "I. N. Bakulin")[0]
    assert got["id"] == "bakulin"
    assert "I. N. Bakulin" in got["aliases"]
    from etr.ingest.discover import _INITIALS_BEFORE

    assert _INITIALS_BEFORE.search("the U.S. ") is not None  # found, then refused as a country's
    text = ("He agreed with the U.S.A. Molotov replied at once. The U. S. S. R. Sheng was angry. CHAPTER V. Sheng "
            "left. Annex B. Molotov signed on 3 May 1942.\n")
    db = built(tmp_path, text, "other.txt")
    for query in ("Molotov", "Sheng Shicai"):
        aliases = answers(db, "who", query)[0]["aliases"]
        assert not [a for a in aliases if "." in a.split()[0]], aliases


def test_a_day_answers_with_what_its_documents_report(tmp_path: Any) -> None:
    """`etr when DAY`: beside the events of the day, what a telegram dated that day reports without
    a date of its own, naming someone or something, on or before the day, cited."""
    text = ("The Secretary of State to the Ambassador in China (Gauss)\n\nWashington, November 6, 1942—10 p.m.\n\n"
            "1042. The Department much appreciates your action.\n\n"
            "1. As soon as officers are available you are authorized to detail them to Tihua and Lanchow.\n")
    got = answers(built(tmp_path, text), "when", "1942-11-06")
    told = [r for r in got if "Tihua" in r["text"]]
    assert told and told[0]["date"]["how"] == "document" and told[0]["date"]["mod"] == "ON_OR_BEFORE"
    assert told[0]["date"]["value"] == "1942-11-06"
    assert not [r for r in answers(built(tmp_path, text), "when", "1942-11") if r["date"]["how"] == "document"]


def test_a_footnote_that_names_a_body_glosses_the_acronym_it_marks(tmp_path: Any) -> None:
    """"recent CNAC19 flights" with "Footnote 19: China National Aviation Corporation.": the
    sentence is the corporation's, cited; a note that is a reference names nothing."""
    text = ("The Ambassador in China (Gauss) to the Secretary of State\n\nChungking, August 19, 1942.\n\n"
            "With regard to air transport recent CNAC19 flights had clearly indicated feasibility of an air "
            "service from Northern India through Sinkiang to Lanchow.\n\nGauss\n\n"
            "Footnote 19: China National Aviation Corporation.\n")
    got = answers(built(tmp_path, text), "what", "China National Aviation Corporation")[0]
    quotes = [s["quote"] for s in got["statements"]] + [c["quote"] for e in got["events"] for c in e["citations"]]
    assert any("CNAC19 flights" in q for q in quotes)


def test_a_double_surname_alone_in_another_document_is_the_man_named_in_full(tmp_path: Any) -> None:
    """"Mr. Fox Holmes" / "Fox-Holmes" in one document, "Consul General George Fox-Holmes" in
    another: the one person of that surname the documents name in full ("Mr." is no office); a
    book's title that holds a name ("The Life of Yolbars Khan") is no second man of the name."""
    import json

    out = built_from(tmp_path, "The British Consul General George Fox-Holmes left Tihwa on 3 May 1951.\n\n"
                               "Yolbars Khan reached Taiwan in 1951. A study, The Life of Yolbars Khan, appeared later.\n",
                     "Mr. Fox-Holmes was expelled on 2 February 1951. Mr. Fox Holmes protested.\n\n"
                     "In Hami we met the prince. Yolbars told us on 4 May 1931 that the road was open.\n")
    db = json.loads(out.read_text(encoding="utf-8"))
    people = {e["name"] for e in db["entities"] if not e["curated"] and e["type"] == "person"}
    assert "Fox-Holmes" not in people and "George Fox-Holmes" in people
    got = answers(out, "who", "Fox-Holmes")[0]
    assert got["name"] == "George Fox-Holmes"
    assert {"1951-05-03", "1951-02-02"} <= {e["date"]["value"] for e in got["events"]}
    yolbars = answers(out, "who", "Yolbars")[0]
    assert yolbars["name"] == "Yolbars Khan" and "1931-05-04" in {e["date"]["value"] for e in yolbars["events"]}


@pytest.mark.parametrize("query,head", [
    ("East Turkestan Republic financed by Moscow", "East Turkestan Republic"),
    ("36th Division peace talks", "36th Division"),
    ("Committee of the Coalition Government powers", "Committee of the Coalition Government"),
    ("Xinhua News Agency", ""),  # a name throughout
    ("propaganda outlet of Sheng's party", ""),  # a description opening in lower case
    ("Battle of Urumqi 1933-34", ""),
])
def test_a_name_a_what_question_opens_with(query: str, head: str) -> None:
    from etr.query.lookup import _named_head

    assert _named_head(query) == head


def test_what_reads_a_name_before_words_of_context(tmp_path: Any) -> None:
    """`etr what "36th Division peace talks"`: the division, the words after its name its context,
    not a thing the documents describe as "peace talks"."""
    out = built(tmp_path, "In 1934 the 36th Division held Kashgar. The peace talks at Kashgar failed in July 1934.\n")
    got = answers(out, "what", "36th Division peace talks")
    assert got[0]["name"] == "36th Division"


def test_where_and_who_read_a_name_before_words_of_context(tmp_path: Any) -> None:
    """`etr where "Surghak gold mines"`, `etr who "Abdullah Bughra emir"`: the name, the words after
    it its context, even where the name is of no kind yet (Surghak is named nowhere as a place)."""
    out = built(tmp_path, "Abdullah Bughra led a rising of the workers of the gold mines of Surghak in 1933. "
                          "Abdullah Bughra was killed in 1934.\n")
    assert answers(out, "where", "Surghak gold mines")[0]["name"] == "Surghak"
    assert answers(out, "who", "Abdullah Bughra emir")[0]["name"] == "Abdullah Bughra"


@pytest.mark.parametrize("name,first", [
    ("HENNING HASLUND-CHRISTENSEN", "haslund"), ("Colonel Thomson-Glover", "thomson"),
    # Chinese given names, however romanised, and a syllable of a Turkic name: none
    ("Ma Chung-Ying", None), ("Chiang Kai-shek", None), ("Peng Teh-huai", None), ("Sun Yat-sen", None),
    ("Foo Ping-sheung", None), ("President Hoja-Niyaz", None), ("Haslund-Christensen", None),
])
def test_the_first_part_of_a_double_surname(name: str, first: str | None) -> None:
    from etr.ingest.identity import double_first

    assert double_first(name) == first


def test_a_name_an_address_line_gives_is_a_man_whatever_else_its_key_is(tmp_path: Any) -> None:
    """"The Naval Attaché in China (McHugh) to the Chief of Naval Operations (King)" (frus1942China_d183)
    after documents on the Qing dynasty: King is a man of that office, no part of the dynasty,
    whose key he shares."""
    out = built_from(tmp_path, "The Qing dynasty took Urumqi by force in 1755. Qing forces expanded the town.\n",
                     "893.24/1450: Telegram\n\nThe Naval Attaché in China (McHugh) to the Chief of Naval Operations "
                     "(King)\n\nChungking, September 13, 1942.\n\nMadame Chiang flew to Urumchi.\n")
    import json

    db = json.loads(out.read_text(encoding="utf-8"))
    qing = next(e for e in db["entities"] if e["name"] == "Qing")
    assert "King" not in qing["forms"] and not qing["roles"]
    king = next(e for e in db["entities"] if e["name"] == "King")
    assert king["type"] == "person" and king["roles"] == ["Chief of Naval Operations"]


def test_the_first_part_of_a_double_surname_alone_is_the_man(tmp_path: Any) -> None:
    """Hedin's "HASLUND sustained a severe fracture" in the page that names "HENNING
    HASLUND-CHRISTENSEN" (a real page, tests/data/real/memoirs/): the first part of a European
    double surname is what his companions call him; not "Chung" of a Chinese given name ("MA
    CHUNG-YING")."""
    from pathlib import Path

    page = Path(__file__).parent / "data/real/memoirs/hedin_history_vol2_p255_norin_kashgar_haslund_avalanche.txt"
    out = built_from(tmp_path, page.read_text(encoding="utf-8"),
                     "General MA CHUNG-YING took Hami in May 1931. CHUNG came on 2 June 1931.\n")
    got = answers(out, "who", "Haslund-Christensen")[0]
    said = [c["quote"] for st in got["events"] for c in st["citations"]] + [st["quote"] for st in got["statements"]]
    assert got["name"] == "Henning Haslund-Christensen" and any("HASLUND sustained" in q for q in said)
    ma = answers(out, "who", "Ma Chung-ying")[0]
    assert "1931-06-02" not in {e["date"]["value"] for e in ma["events"]}


def test_a_wife_is_not_merged_into_the_man_of_her_surname(tmp_path: Any) -> None:
    """"Mrs. Fox-Holmes" in one document is not "Consul General George Fox-Holmes" of another:
    "Mrs." is no honorific of his."""
    out = built_from(tmp_path, "Consul General George Fox-Holmes left Tihwa on 3 May 1951.\n",
                     "Mrs. Fox-Holmes stayed at Kashgar until 9 June 1951.\n")
    got = answers(out, "who", "George Fox-Holmes")[0]
    assert "1951-06-09" not in {e["date"]["value"] for e in got["events"]}
    assert not any(a.startswith("Mrs") for a in got["aliases"])


@pytest.mark.parametrize("query,found", [
    ("Hetian", None),  # Khotan in pinyin: no name near it is it, the "Tian Shan" least of all (nor near
    # the gazetteer's other names of Khotan)
    ("Xingxingxia", None),
    ("Kashagar", "Kashgar"),  # a typo of one word still finds its name
])
def test_a_one_word_question_takes_no_name_far_from_it(tmp_path: Any, query: str, found: str | None) -> None:
    import json

    from conftest import cli

    text = "The caravan crossed the Tien Shan to Kashgar and went on to Ningxia in May 1935.\n"
    got = cli("where", query, "--json", "--db", str(built(tmp_path, text)))
    results = json.loads(got.stdout)["results"]
    if found is None:
        assert got.exit_code == 1 and not results
    else:
        assert results[0]["name"] == found


@pytest.mark.parametrize("sentence,name", [
    # a participle joined to a name's adjective before it is no part of the name
    ("He could not return to Indian-administered Kashmir after 1949.", "Kashmir"),
    ("The Soviet-backed Ili Government fell apart.", "Ili Government"),
    # "Mlle" is a title, not a part of her name
    ("In 1935 Mlle Ella Maillart reached Kashgar.", "Ella Maillart"),
])
def test_what_stands_before_a_name_is_no_part_of_it(sentence: str, name: str) -> None:
    found = {u.text for u in found_in(sentence)}
    assert name in found and not any(f.endswith(name) and f != name for f in found), found


@pytest.mark.parametrize("question,periods", [
    ("What did the Soviet military attaché say about Sinkiang in August 1944?", [("1944-08-01", "1944-08-31")]),
    ("why did Chang go to Sinkiang in early 1949", [("1949-01-01", "1949-04-30")]),
    ("the revolt in mid-1945", [("1945-05-01", "1945-08-31")]),
    ("Soviet advisers in the 1930s", [("1930-01-01", "1939-12-31")]),
    ("Soviet advisers in the 1930's", [("1930-01-01", "1939-12-31")]),
    ("the war of 1944-1946", [("1944-01-01", "1946-12-31")]),  # a range, whole
    ("the 1933-34 Kumul Rebellion", [("1933-01-01", "1934-12-31")]),
    ("1944 Ili Rebellion", [("1944-01-01", "1944-12-31")]),  # a year opening the question
    ("on Aug. 15, 1944", [("1944-08-15", "1944-08-15")]),
    # two dates, two periods: not the sixteen years between them
    ("Compare Sheng in 1933 and Burhan in 1949", [("1933-01-01", "1933-12-31"), ("1949-01-01", "1949-12-31")]),
    ("What happened in 1947 to the 1500 Kazakhs under Osman", [("1947-01-01", "1947-12-31")]),
    # numbers, not years: a telegram's, a count's
    ("telegram 1508 about Tihwa", []),
    ("the 1800 Kazakhs who fled", []),
    ("increased his force to 1500 men", []),
    ("by 1800 hours", []),
    ("who ruled Hami", []),
])
def test_the_periods_a_question_names(question: str, periods: list[tuple[str, str]]) -> None:
    from etr.query.rank import query_periods

    assert query_periods(question) == periods


def test_search_prefers_what_is_dated_in_the_period_the_question_names(tmp_path: Any) -> None:
    """Two sentences as alike in words: the one whose date, or whose telegram's date, falls in
    the period asked about comes first, whichever the question names."""
    text = ("Tihwa, March 3, 1947.\n\nIn June 1944 the Kazaks raided Peitashan with rifles.\n\n"
            "In June 1946 the Kazaks raided Peitashan with rifles.\n")
    db = built(tmp_path, text)
    for year in ("1944", "1946"):
        top = answers(db, "search", f"Kazak raids on Peitashan in {year}")[0]
        assert f"In June {year}" in top["text"]


@pytest.mark.parametrize("text,writer", [
    ("Memorandum by the Counselor of Embassy in China (Vincent) to the Ambassador in China (Gauss)\n", "Vincent"),
    ("Memorandum of Conversation, by the Counselor of Embassy (Vincent)\n\nPresent: Dr. Soong.", "Vincent"),
    ("Memorandum by Mr. Horace H. Smith41\n\nThe situation in Sinkiang.", "Horace H. Smith"),
    # a sentence, an editor's bracket, a body's place: no writer
    ("Report by the Central News Agency (Chungking) on the fighting in Ili\n", None),
    ("Memorandum by the Chinese Ministry of Foreign Affairs (Translation)\n", None),
    ("SINKIANG NEWS\n\nMemorandum by the Ambassador (Hurley) was handed to the Generalissimo on November 3.\n", None),
    ("Report by the Consul (Ward) that the rebels had taken Wusu was confirmed.\n", None),
    ("Minutes by the Secretary (Smith) of a meeting held at Tihwa on March 4, 1946\n", None),
    ("Memorandum by the way is useful\n", None),
])
def test_a_memorandum_s_header_names_its_writer(text: str, writer: str | None) -> None:
    head = archival.header(text)
    assert (head.writer if head is not None else None) == writer


def test_he_opening_a_clause_is_the_man_the_sentence_before_opened_with(tmp_path: Any) -> None:
    """'Roschin's mention of ... was in calm language. On question of Sinkiang, however, he spoke
    with strong feeling': 'he', before anyone else is named, is Roschin; not a man named before it."""
    import json

    text = ("Colonel Roschin left for Moscow on August 14, 1944.\n\nRoschin's mention of the war was in calm "
            "language. On question of Sinkiang, however, he spoke with strong feeling about replacing Sheng "
            "Shih-tsai. Later Consul Ward said that he agreed.\n")
    facts = json.loads(built(tmp_path, text).read_text())
    names = {e["id"]: e["name"] for e in facts["entities"]}
    said = {s["text"][:20]: {names[x] for x in s["entities"]} for s in facts["sentences"]}
    assert "Roschin" in said["On question of Sinki"]
    assert "Roschin" not in said["Later Consul Ward sa"]


@pytest.mark.parametrize("after,title", [
    (", Consul at Tihwa, reported", "Consul at Tihwa"),
    (", Soviet Military Attaché who leaves shortly for Moscow", "Soviet Military Attaché"),  # a people's word before it
    (", the Soviet Consul General, left", "Soviet Consul General"),
    (", Military Attaché, said", "Military Attaché"),  # a title of two words, whole
    (", Consul General Paxton said", ""),  # a title and a name: no title set beside
    (", Kashgar", ""),
])
def test_a_title_set_beside_a_name(after: str, title: str) -> None:
    from etr.ingest.discover import _apposed_title

    assert _apposed_title(after) == title


def test_an_infobox_copied_with_its_labels_run_into_its_values(tmp_path: Any) -> None:
    """A copy of a rendered page runs an infobox's labels into their values ("BornKhotan",
    "Succeeded byWeng Wenhao", "Political partyFlag of the Young Kashgar Party"): the line is
    content, the label no part of a name (rules/text.toml [infobox] glued), a flag's caption no
    part of the name it shows, nor a registered body's name before it; citations quote the line as
    it is."""
    import json

    text = ("Nur Ahmad Jan Bughra\n\nPersonal details\nBornKhotan, Qing dynasty\nDiedApril 16, 1934\n"
            "Political partyFlag of the First East Turkestan Republic Young Kashgar Party\nRankColonel\nBattles/warsCherchen\nSucceeded byWeng Wenhao\n\n"
            "Nur Ahmad Jan Bughra was an emir. He came from Khotan and was killed at Yangi Hissar.\n")
    db = json.loads(built(tmp_path, text).read_text(encoding="utf-8"))
    names = {e["name"] for e in db["entities"] if not e["curated"]}
    assert {"Khotan", "Weng Wenhao", "Young Kashgar Party"} <= names
    assert not {n for n in names if n.startswith(("Born", "Succeeded", "Political", "Flag"))}
    said = {s["text"] for s in db["sentences"]}
    assert "BornKhotan, Qing dynasty" in said and "Succeeded byWeng Wenhao" in said
    kinds = {e["name"]: e["type"] for e in db["entities"]}
    assert kinds.get("Cherchen") != "person"  # no title from the line above ("RankColonel")
    khotan = next(e for e in db["entities"] if e["name"] == "Khotan")
    assert any("BornKhotan" in s["text"] for s in db["sentences"] if s["id"] in khotan["sentences"])


# the head of a copied encyclopedia page (tests/data/real/reference/wikipedia_lutpulla_mutellip_uncensored_wiki_2016.txt)
MUTELLIP = ("Lutpulla Mutellip\n\nLutpulla Mutellip\nBorn November 11, 1922\nNilka, Xinjiang, China\nDied September 18, "
            "1945\nAksu, Xinjiang, China\nNationality Chinese\nEthnicity Uyghur\nOccupation revolutionary, poet, "
            "journalist\n\nLutpulla Mutellip is one of the important figures in modern Uyghur literature. Although he "
            "died very young, at the age of 23, he had a strong influence on modern Uyghur literature.\n")


def test_an_infobox_s_birth_and_death_are_its_subject_s_with_their_places(tmp_path: Any) -> None:
    """A page's infobox gives its subject's birth and death as the page shows them, the date on
    the label's line and the place under it ("Born November 11, 1922 / Nilka, Xinjiang, China"):
    one statement each, quoted whole, the subject's (a person's: the page's title, named in its
    text) and the place's; the place line is no furniture; the title is the page's title."""
    import json

    db_path = built(tmp_path, MUTELLIP)
    db = json.loads(db_path.read_text(encoding="utf-8"))
    said = {s["text"] for s in db["sentences"]}
    assert "Born November 11, 1922\nNilka, Xinjiang, China" in said
    assert "Died September 18, 1945\nAksu, Xinjiang, China" in said
    assert db["sources"][-1]["title"] == "Lutpulla Mutellip"
    who = answers(db_path, "who", "Lutpulla Mutellip")[0]
    assert who["type"] == "person"
    dated = {e["date"]["value"] for e in who["events"]}
    assert {"1922-11-11", "1945-09-18"} <= dated
    died = [e for e in answers(db_path, "where", "Aksu")[0]["events"] if e["date"]["value"] == "1945-09-18"]
    assert died and died[0]["citations"][0]["quote"] == "Died September 18, 1945\nAksu, Xinjiang, China"


# a copied page's infobox as a table and its references (tests/data/real/reference/uncensored_wiki_2014_timur_beg.txt)
TIMUR = ("Timur Beg\nTimur Beg تیمور بیگ | |\n---|---|\nBorn | 1886 Kucha |\nDied | August 09,1933 Kashgar |\n"
         "Political party | Young Kashgar Party |\nTimur Beg (Uyghur: تیمور بیگ), or Timur Sijan (division general) was a "
         "Uighur rebel military leader in Xinjiang in 1933.\nReferences\n- ↑ Andrew D. W. Forbes (1986). Warlords and "
         "Muslims in Chinese Central Asia: a political history of Republican Sinkiang 1911-1949. Cambridge, England: CUP "
         "Archive. p. 83. ISBN 0-521-25514-7. Retrieved 2010-06-28.\n")


def test_an_infobox_as_a_table_and_a_references_line(tmp_path: Any) -> None:
    """A copy that gives an infobox as a table ("Died | August 09,1933 Kashgar |", the space after
    the comma lost): its subject's death, dated; "References" alone on its line heads a section
    of apparatus, whose books and pages are no statements ("Cambridge, England: CUP Archive" is
    no event of 1911-1949)."""
    import json

    db_path = built(tmp_path, TIMUR)
    db = json.loads(db_path.read_text(encoding="utf-8"))
    assert not [s for s in db["sentences"] if "Forbes" in s["text"] or "CUP Archive" in s["text"]]
    assert db["sources"][-1]["sections"][-1]["title"] == "References"
    who = answers(db_path, "who", "Timur Beg")[0]
    assert {"1886", "1933-08-09"} <= {e["date"]["value"] for e in who["events"]}


@pytest.mark.parametrize("text,sections,said", [
    # a copied page's "References" line heads apparatus until the next line that reads as a heading
    ("Chini Bagh was the consulate.\n\nReferences\n\n  • Hopkirk, Peter (1980). Foreign Devils. p. 57.\n\n"
     "Meaning of Chini-Bagh\n\nThe phrase \"Chini-Bagh\" means Chinese Garden in Uygur.\n",
     ["Lead", "References", "Meaning of Chini-Bagh"], ["The phrase \"Chini-Bagh\" means Chinese Garden in Uygur."]),
    # a contents list's "Bibliography" before "Introduction" skips nothing of the text
    ("The Soviets in Uyghuristan\nNotes\nBibliography\nIntroduction\nUyghuristan is a large region in northwest China.\n",
     ["Lead", "Notes", "Bibliography", "Introduction"], ["Uyghuristan is a large region in northwest China."]),
    # a word of a wrapped paragraph alone on its line is no heading
    ("According to Chinese and Soviet\nsources\nthe rebels had taken Ghulja on 7 November 1944.\n", ["Lead"],
     ["the rebels had taken Ghulja on 7 November 1944."]),
    # a report form's "REFERENCES" field, in capitals, heads nothing
    ("REQUIREMENT NO. RD\nREFERENCES\nTHE APPRAISAL OF CONTENT IS TENTATIVE.\nThe 4 Division was stationed at Kashgar.\n",
     ["Lead"], ["The 4 Division was stationed at Kashgar."]),
])
def test_apparatus_named_by_a_plain_line_ends_at_the_next_heading(text: str, sections: list[str], said: list[str]) -> None:
    from etr.ingest.sentences import read_document

    doc = read_document("s", text)
    assert [x.title for x in doc.sections] == sections
    assert [x.text for x in doc.sentences][-len(said):] == said
    assert not [x for x in doc.sentences if "Hopkirk" in x.text]


def test_an_enclosure_s_address_line_names_its_writer_and_recipient(tmp_path: Any) -> None:
    """"[Enclosure] / The Second Secretary of Embassy in China (Drumright) to the Chargé in China
    (Atcheson)": the names in brackets are persons of those offices, wherever the address line
    stands (tests/data/real/telegrams/frus1943china_d273_...); and the surname alone is the one
    man of that surname another document names in full, an office said of one name only being
    no other office (frus1942china_d606_...: "Everett F. Drumright, Second Secretary of Embassy")."""
    from etr.ingest.archival import addressed

    enclosure = ("761.93/1735\n\nThe Ambassador in China (Gauss) to the Secretary of State\n\nChungking, September 23, "
                 "1943.\n\nSir: I have the honor to enclose a copy of despatch No. 53.\n\n[Enclosure]\n\nThe Second "
                 "Secretary of Embassy in China (Drumright) to the Chargé in China (Atcheson)\n\nSian, August 28, 1943.\n\n"
                 "Sir: I have the honor to report the presence in Sian of eight Soviet Union military advisors.\n")
    assert [(a.name, a.office) for a in addressed(enclosure)] == [
        ("Gauss", "Ambassador in China"), ("Drumright", "Second Secretary of Embassy in China"),
        ("Atcheson", "Chargé in China")]
    assert addressed("The Government has protested to the Soviet Government (Tass).\n") == []
    footnote = ("125.0093/557: Telegram\n\nThe Secretary of State to the Ambassador in China (Gauss)\n\nWashington, "
                "May 7, 1943.\n\nOfficers detailed.4\n\nFootnote 4: Everett F. Drumright, Second Secretary of Embassy, "
                "detailed at Chengtu, February 12, 1943.\n")
    db = built_from(tmp_path, footnote, enclosure)
    who = answers(db, "who", "Drumright")
    assert who[0]["name"] == "Everett F. Drumright"
    said = [c["quote"] for st in who[0]["events"] for c in st["citations"]] + [st["quote"] for st in who[0]["statements"]]
    assert any("(Drumright) to the Chargé" in q for q in said)


@pytest.mark.parametrize("sentence,acronym,name", [
    # an acronym of another language after a body's English name (Russian initials): its first letter
    ("In 1951 the Soviet-Chinese Civil Aviation Company (SKOGA), with headquarters at Urumchi, operated flights.",
     "SKOGA", "Soviet-Chinese Civil Aviation Company"),
    ("the Altai Frontier Guard (AFG) came", "AFG", "Altai Frontier Guard"),
    ("the Chinese Government (KMT) said so", None, None),  # no body's name spelt by it, nor its first letter
    ("the Soviet Trade Agency (TASS) reported", None, None),
    ("the Trade Agency (TA) reported", "TA", "Trade Agency"),
])
def test_an_acronym_defined_in_brackets(sentence: str, acronym: str | None, name: str | None) -> None:
    from etr.ingest.aliases import acronyms

    got = {k: sentence[a:b] for k, (a, b) in acronyms(sentence, [(0, len(sentence))]).items()}
    assert got == ({acronym: name} if acronym else {})


@pytest.mark.parametrize("lines,joined", [
    ("Born November 11, 1922\nNilka, Xinjiang, China", True),
    ("Born 馬仲英 1910\nLinxia County, Gansu", True),
    ("Died 1941\nRepublic of China", True),
    ("Died 27 August 1949\nMoscow, Russia ?", True),
    ("Born (1908-04-11)April 11, 1908\nLiuyang County, Hunan, China", True),
    ("Died 1998 (aged 85–86)\nNationality Salar", False),  # the next field
    ("Born Gansu\nAllegiance  China", False),
    ("Born 1912\nTraditional Chinese 韓有文", False),
    ("Died March 12, 1993\nPolitical party Communist Party of China", False),
    ("Born 1901\nBiography", False),  # a heading: one word
    ("Born 1901\n\nKashgar, Qing Dynasty", False),  # a paragraph apart
    ("Born 15 April 1914 in Ghulja, the son of a poor family, he went to the Soviet Union as a young man.\n"
     "Returning to Sinkiang, he was imprisoned.", False),  # prose
    ("Born into a Uighur merchant family of Artush, Saifudin studied in Sinkiang\nKashgar, Artush", False),
    ("Died28 February 1976 (age 91)\nProfessionPolitician, poet, scholar", False),  # the next field, run into its value
    ("Born 1910\nRelationsMa Zhongying (half-brother)", False),
    ("Born1874?\nYunnan, Qing China", False),  # a doubted year ends a sentence of its own
])
def test_an_infobox_s_birth_or_death_is_read_with_its_place(lines: str, joined: bool) -> None:
    from etr.ingest.sentences import read_document

    doc = read_document("s", lines + "\n")
    first = lines.split("\n", 1)[0]
    assert any(s.text == lines for s in doc.sentences) is joined
    assert joined or any(s.text.startswith(first[:20]) and "\n" not in s.text for s in doc.sentences)


def test_a_word_of_chinese_syllables_is_a_town_only_for_want_of_anything_else(tmp_path: Any) -> None:
    """"to Molotov and Mikoyan", "left to Mikoyan": his syllables (mi-ko-yan) say a town, but
    "Mikoyan promised" says a man, and outweighs them however often they are met; so the man the
    documents name by his surname alone is asked by his full name too ("Anastas Mikoyan"). A town
    met only so stays a town; "From Kucheng, Osman Batur moved north" says nothing of Kucheng."""
    import json

    text = ("They presented to Molotov and Mikoyan a revised draft of the agreement. Molotov left to Mikoyan the "
            "discussion of details. Mikoyan promised to refer the draft to his government.\n")
    db = json.loads(built(tmp_path, text).read_text(encoding="utf-8"))
    assert {e["name"]: e["type"] for e in db["entities"] if not e["curated"]}["Mikoyan"] == "person"
    assert answers(tmp_path / "facts.json", "who", "Anastas Mikoyan")[0]["name"] == "Mikoyan"
    town = ("From Kucheng, Osman Batur moved north. Having left Santai, Osman Batur went on. Tao Zhiyue, Paotow "
            "garrison commander, declared for the Communists.\n")
    db = json.loads(built(tmp_path, town, "t.txt").read_text(encoding="utf-8"))
    kinds = {e["name"]: e["type"] for e in db["entities"] if not e["curated"]}
    assert kinds["Kucheng"] == kinds["Santai"] == "place" and kinds.get("Paotow") != "person"  # an apposition, no list



@pytest.mark.parametrize("text,names,not_names", [
    # a telegram's sentence opening with an ordinary word before a name it writes elsewhere
    ("Dept considering closing consulates at Chungking, Kunming and Tihwa.\n\nImportance Kunming consulate at zenith "
     "during war.\n", {"Kunming"}, {"Importance Kunming"}),
    ("Cavalry of the garrison rode from Toksun and Karashar.\n\nNumerous Toksun garrison cavalry rode west.\n",
     {"Toksun"}, {"Numerous Toksun"}),
    # a man's given name is no ordinary word ("Ahmed", "Ching": -ed and -ing are not read so)
    ("Ahmed Kashgari was arrested at Hami. Later Kashgari spoke to the Hui leaders.\n", {"Ahmed Kashgari"}, set()),
    # a name the document writes nowhere else inside a sentence keeps its first word ("Flying")
    ("Flying Tigers pilots reached Lanchow. Pilots of Chungking and Moscow spoke.\n", {"Flying Tigers"}, set()),
])
def test_an_ordinary_word_opening_a_telegram_s_sentence_is_no_part_of_a_name(tmp_path: Any, text: str, names: set[str],
                                                                          not_names: set[str]) -> None:
    import json

    db = json.loads(built(tmp_path, text).read_text(encoding="utf-8"))
    found = {n for e in db["entities"] for n in (e["name"], *e["aliases"], *e["variants"])}
    assert names <= found and not (not_names & found), sorted(n for n in found if n.split()[0] in text)


@pytest.mark.parametrize("text,one,two", [
    # a title's spelling and the text's: one place
    ("Report of a Mission to Yarkund in 1873\n\nThe Council appointed me to conduct a mission to Yarkand. We reached "
     "Yarkand in November and stayed at Kashgar.\n", ("Yarkund", "Yarkand"), None),
    # two spellings in the text itself may be two places (a second reader's cases): they stay two
    ("We crossed the Karakoram by the pass. Later we reached Karakorum, the old capital.\n", None,
     ("Karakoram", "Karakorum")),
    # two names of Chinese syllables differ as places do; a name and its ending are two
    ("The Reds took Mienhsien and Minhsien in Shensi. Ladakhi traders came from Ladakh to Kashgar.\n", None,
     ("Mienhsien", "Minhsien")),
])
def test_a_title_s_spelling_of_a_place_its_text_spells_otherwise(tmp_path: Any, text: str, one: tuple[str, str] | None,
                                                   two: tuple[str, str] | None) -> None:
    import json

    db = json.loads(built(tmp_path, text).read_text(encoding="utf-8"))

    def entity(name: str) -> str:
        return next(e["id"] for e in db["entities"] if name in (e["name"], *e["aliases"], *e["variants"]))

    if one is not None:
        assert entity(one[0]) == entity(one[1])
    if two is not None:
        assert entity(two[0]) != entity(two[1])


@pytest.mark.parametrize("name,expected", [
    ("newspaper_smh-1947-06-13-mongolian-troops.txt", "1947-06-13"),  # a clipping named by its day
    ("fu_diary_1944_05_22.txt", "1944-05-22"),
    ("foreign_affairs_1946_07_outer_mongolia.txt", "1946-07"),  # an issue's month
    # a Foreign Relations volume's id: the year of its documents, no day of one
    ("frus1947v07_d465_peitashan.txt", "1947"),
    ("frus1942China_d180_sheng.txt", "1942"),
    ("FRUS1934_stanton_hankow.txt", "1934"),
    ("frus1952-54v14_d1.txt", None),  # a volume of three years
    ("confrus1947.txt", None),  # letters before it: no volume's id
    ("scan_19470613.txt", None),  # figures run together: a serial as often as a day
    ("clip_1947-02-30.txt", None),  # no such day
    ("from_1944-01-02_to_1944-02-03.txt", None),  # two days: which?
    ("report_1944-13.txt", None),
    ("revolution_1911-12.txt", None),  # the years 1911-1912 as often as December 1911
])
def test_a_file_s_name_may_give_its_day(name: str, expected: str | None) -> None:
    got = archival.named_date(name)
    assert (got[0].value() if got else None) == expected


@pytest.mark.parametrize("text,expected", [
    # a clipping whose text states no year: its dispatch line takes the file name's year, and
    # "to-day" reads from it
    ("NANKING, June 12 (A.A.P.). -Troops have captured the town, a statement said to-day.",
     [("June 12", "1947-06-12"), ("to-day", "1947-06-12")]),
    ("Saturday, 17 June\n\nAt 9.25 we left.", [("Saturday, 17 June", "1947-06-17")]),
    # a text that states a year dates itself: the file name is not read
    ("In 1933 the town fell on June 12.", [("1933", "1933"), ("June 12", "1933-06-12")]),
])
def test_a_text_with_no_year_is_dated_by_its_file_s_name(text: str, expected: list[tuple[str, str]]) -> None:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    got = tag(text, spans, None, archival.named_date("smh-1947-06-13-clip.txt"))
    assert [(text[t.start : t.end], t.date.value) for t in got] == expected
    assert tag(text, spans) == [t for t in got if "1933" in text]  # without the name: undated, or as before


def test_a_volume_s_year_dates_the_days_of_a_text_that_states_none() -> None:
    """A telegram whose copy has no dated heading (history.state.gov's text of a FRUS document
    whose file number carries no date, "893.00/12800"): its days take the volume's year, the
    anchor saying so; a day far from a dated line takes no day from the year alone."""
    text = ("893.00/12800\n\nThe Consul at Hankow (Stanton) to the Minister in China (Johnson)\n\n"
            "Sir: General Ma fled across the border about July 10th. A report of July 16th said so. "
            "He left yesterday.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    got = tag(text, spans, None, archival.named_date("frus1934_stanton_hankow.txt"))
    assert [(text[t.start : t.end], t.date.value) for t in got] == [("July 10th", "1934-07-10"), ("July 16th", "1934-07-16")]
    assert all("the volume of 1934" in (t.date.anchor or "") for t in got)
    assert tag(text, spans) == []  # no year anywhere: no date
    # another telegram's day, referred to, is of the volume's year too, not the year before
    ref = "The Ambassador (Gauss) to the Secretary\n\nPlanes bombed it on March 11, as described in Embassy's 479, March 17."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", ref)]
    assert [t.date.value for t in tag(ref, spans, None, archival.named_date("frus1944v06_d558.txt"))] == \
        ["1944-03-11", "1944-03-17"]


def test_a_clipping_is_dated_by_its_file_s_name_and_says_so(tmp_path: Any) -> None:
    """Built from a folder, a clipping with no year in its text answers `when` for its month, the
    anchor saying the year came from the file's name."""
    import json

    from conftest import cli

    doc = tmp_path / "smh-1947-06-13-troops.txt"
    doc.write_text("Mongolian Troops Take Town\n\nNANKING, June 12 (A.A.P.). -Troops from Outer Mongolia have "
                   "captured the town of Peitashan, a Chinese official statement said to-day.\n", encoding="utf-8")
    out = tmp_path / "facts.json"
    assert cli("build", "--add", str(doc), "--out", str(out)).exit_code == 0
    got = json.loads(cli("when", "1947-06", "--json", "--db", str(out)).stdout)["results"]
    first = next(r for r in got if "Peitashan" in r["text"])
    assert first["date"]["value"] == "1947-06-12"
    assert "the file name" in first["date"]["anchor"]
    renamed = tmp_path / "troops.txt"
    renamed.write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")
    out2 = tmp_path / "facts2.json"
    assert cli("build", "--add", str(renamed), "--out", str(out2)).exit_code == 0
    again = json.loads(cli("when", "1947-06", "--json", "--db", str(out2)).stdout)["results"]
    assert not [r for r in again if "Peitashan" in r["text"]]  # no year, no date


CIA_RECORD = ("THE KAZAKH RACE OF SINKIANG\n\nDocument Number (FOIA) /ESDN (CREST):\nCIA-RDP82-00047R000200210002-3\n"
              "Release Decision:\nRIPPUB\nOriginal Classification:\nC\nDocument Page Count:\n5\n"
              "Document Creation Date:\nDecember 27, 2016\nDocument Release Date:\nMay 1, 2013\nSequence Number:\n2\n"
              "Case Number:\nPublication Date:\nNovember 24, 1952\nContent Type:\nREPORT\n\n"
              "Approved For Release 2008/06/09: CIA-RDP80-0081 CENTRAL INTELLIGENCE AGENCY INFORMATION REPORT. "
              "The Kazakh race of Sinkiang numbered about 319,000 in a survey.\n")


def test_an_archive_s_record_form_is_no_statement_and_its_publication_date_dates_the_document() -> None:
    """A reading room's record form before the document (labels alone on their lines, a value
    under each) gives no sentence and no date of its own; its publication date is the document's
    day (as a file number is a telegram's); the release stamp is no date."""
    from etr.ingest.sentences import read_document

    doc = read_document("x", CIA_RECORD)
    assert [s.text for s in doc.sentences][0] == "THE KAZAKH RACE OF SINKIANG"
    assert not [s for s in doc.sentences if "Date" in s.text or "RIPPUB" in s.text or s.text == "REPORT"]
    got = archival.dated(CIA_RECORD)
    assert got is not None and got.point.value() == "1952-11-24" and got.basis == "the record's publication date"
    assert CIA_RECORD[got.start : got.end] == "November 24, 1952"
    spans = [(p.start, p.end) for p in doc.paragraphs]
    assert not [t for t in tag(CIA_RECORD, spans) if t.date.value.startswith("2008")]


@pytest.mark.parametrize("text", [
    # labels over values that are no record's: an infobox's fields, a list introduced by a colon
    "Ma Zhongying\n\nBorn:\n1910\nDied:\n1936\nAllegiance:\nRepublic of China\n",
    "The terms were:\nFirst, the troops withdraw.\nSecond, the prisoners go home.\nThird, trade resumes.\n",
    # a list of documents, numbered: one label, not a form's several
    "Document 1:\nStalin to Sheng Shicai, 7 February 1936\nDocument 2:\nSheng to Stalin, May 1936\n"
    "Document 3:\nStalin to Sheng, 16 July 1936\nDocument 4:\nSheng to Molotov, 1937\n",
])
def test_labels_that_are_no_record_form_stay_content(text: str) -> None:
    from etr.ingest.sentences import read_document

    assert len(read_document("x", text).sentences) >= 4


@pytest.mark.parametrize("sentence,kind", [
    ("Later, Du Zhongyuan began a new career.", "person"),  # a Chinese surname and given name
    ("The Palais du Luxembourg is large.", "unknown"),  # a particle, inside
])
def test_du_is_a_surname_only_before_a_chinese_given_name(sentence: str, kind: str) -> None:
    got = [u for u in found_in(sentence) if "u" in u.text]
    assert got and got[0].type == kind and ("Du " in got[0].text) == (kind == "person")


def test_a_name_of_no_kind_spelt_as_a_place_another_document_names_is_that_place(tmp_path: Any) -> None:
    """"Karashahr", which its document never puts in a place's words, after the place "Qara-shahr"
    of another document: the same letters, one place, the document's spelling its alias."""
    import json

    from conftest import cli

    (tmp_path / "a.txt").write_text("Hedin notes.\n\nA leaflet had been dropped by aircraft at Qara-shahr in March.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Sykes notes.\n\nThe grain of Karashahr goes to Korla, and Karashahr is quiet.\n",
                                    encoding="utf-8")
    for order, name in ((("a.txt", "b.txt"), "Qara-shahr"), (("b.txt", "a.txt"), "Karashahr")):
        out = tmp_path / f"facts-{order[0]}.json"
        assert cli("build", "--add", *(str(tmp_path / f) for f in order), "--out", str(out)).exit_code == 0
        got = json.loads(cli("where", "Karashahr", "--json", "--db", str(out)).stdout)["results"][0]
        assert (got["name"], got["type"]) == (name, "place")  # the first document's spelling is the name
        assert {"Karashahr", "Qara-shahr"} == {got["name"], *got["aliases"]}


@pytest.mark.parametrize("text,expected", [
    # under a clipping's masthead, a dispatch line dates what follows: its day of the week the one on
    # or before the issue's, its day without a year the issue's year; "yesterday" reads from it
    ("Canberra Times (ACT : 1926 - 1995), Saturday 14 June 1947, page 1\n\nNANKING, Friday.\n\n"
     "China's Legislative Yuan yesterday demanded a firmer policy.",
     [("Saturday 14 June 1947", "1947-06-14"), ("Friday", "1947-06-13"), ("yesterday", "1947-06-12")]),
    ("Sydney Morning Herald (NSW : 1842 - 1954), Thursday 12 June 1947, page 1\n\n"
     "NEW YORK, June 11 (A.A.P.).-The Chinese Government is protesting.\n\n"
     "Messages from Nanking say the Government to-day instructed its Ambassador.",
     [("Thursday 12 June 1947", "1947-06-12"), ("June 11", "1947-06-11"), ("to-day", "1947-06-11")]),
    # a second dispatch line's day of the week counts back from the issue's day, not from the line before
    ("Sydney Morning Herald (NSW : 1842 - 1954), Thursday 12 June 1947, page 1\n\n"
     "NEW YORK, June 11 (A.A.P.).-The Chinese Government is protesting.\n\nNANKING, Thursday.\n\n"
     "The Legislative Yuan yesterday demanded a firmer policy.",
     [("Thursday 12 June 1947", "1947-06-12"), ("June 11", "1947-06-11"), ("Thursday", "1947-06-12"),
      ("yesterday", "1947-06-11")]),
    # and one opening its paragraph
    ("Canberra Times (ACT : 1926 - 1995), Saturday 14 June 1947, page 1\n\n"
     "NANKING, Friday (A.A.P.).-The Legislative Yuan yesterday demanded a firmer policy.",
     [("Saturday 14 June 1947", "1947-06-14"), ("Friday", "1947-06-13"), ("yesterday", "1947-06-12")]),
])
def test_a_dispatch_line_under_a_masthead_dates_what_follows(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize("sentence,name,kind,written", [
    # a treaty's or an event's peoples' words before its word and "of": the name without them (one
    # with the same treaty named so elsewhere), the text's way of writing it among its names
    ("Such acts violate the Sino-Soviet Treaty of Amity, the Minister said.", "Treaty of Amity", "treaty",
     "Sino-Soviet Treaty of Amity"),
    ("The Outer Mongolian Declaration of Independence was read.", "Declaration of Independence", "document",
     "Outer Mongolian Declaration of Independence"),
    ("He joined the Sino-Soviet Friendship Association in 1945.", "Sino-Soviet Friendship Association",
     "organisation", ""),  # its kind's word last: whole
])
def test_a_treaty_named_with_its_peoples_words(sentence: str, name: str, kind: str, written: str) -> None:
    got = [u for u in found_in(sentence) if name in u.text]
    assert [(u.text, u.type, u.written) for u in got] == [(name, kind, written)]


def test_a_treaty_is_found_by_the_way_a_text_writes_it(tmp_path: Any) -> None:
    """`etr what "Sino-Soviet Treaty of Amity"` finds the treaty its document names so."""
    out = built(tmp_path, "In June 1947 Soviet planes bombed Peitashan. Such acts violate the Sino-Soviet Treaty of "
                          "Amity, the Minister said.\n")
    got = answers(out, "what", "Sino-Soviet Treaty of Amity")[0]
    assert got["name"] == "Treaty of Amity" and "Sino-Soviet Treaty of Amity" in got["aliases"]


@pytest.mark.parametrize("text,acronyms", [
    # an acronym given after the words it stands for in lower case (another language's initials)
    ("Third Subsection, foreign intelligence directorate field office (UMGB) in Alma Ata.", {"UMGB"}),
    ("Document Number (FOIA) /ESDN (CREST):", set()),  # after a capitalised word: a defined one, or none
    ("as the second chapter (IV) says", set()),  # a Roman numeral
    ("the agency (AP) said", set()),  # two letters
])
def test_an_acronym_in_brackets_after_words_in_lower_case_is_a_name(text: str, acronyms: set[str]) -> None:
    assert set(aliases.bracketed(text, [(0, len(text))], {})) == acronyms


def test_a_body_known_by_its_acronym_alone_is_found(tmp_path: Any) -> None:
    """`etr what UMGB`: the field office a report names by its Russian initials in brackets."""
    out = built(tmp_path, "In 1945 the Third Subsection, foreign intelligence directorate field office (UMGB) in "
                          "Alma Ata, watched Sinkiang.\n")
    assert answers(out, "what", "UMGB")[0]["name"] == "UMGB"


def test_a_copied_page_s_references_are_no_statements() -> None:
    """The backlink a copied encyclopedia page prints before each reference ("1. ^ ...", "↑ ...")
    marks apparatus: no sentence, so no event dated by a book's year or a retrieval date."""
    from etr.ingest.sentences import read_document

    text = ("Ma Fuyuan was a general.\n\n  1. ^ AP (1 February 1934). \"REPULSE REBELS\". Spokane Daily Chronicle.\n"
            "  2. ^ Andrew D. W. Forbes (1986). Warlords and Muslims. Cambridge: CUP. p. 246. Retrieved 2010-06-28.\n"
            "↑ Taipov, Z. (1974).\n\nMa Fuyuan died in 1934. The ratio 2 ^ 3 is eight.\n")
    assert [s.text for s in read_document("x", text).sentences] == [
        "Ma Fuyuan was a general.", "Ma Fuyuan died in 1934.", "The ratio 2 ^ 3 is eight."]


def test_a_scanned_book_s_running_head_is_no_statement() -> None:
    """"History of the Expedition in Asia, 1927-1935 : vol.3 / Page 108" over a scanned page: no
    sentence, so no event of 1927-1935; a clipping's masthead with its page stays its date line."""
    from etr.ingest.sentences import read_document

    text = ("History of the Expedition in Asia, 1927-1935 : vol.3 / Page 108\n\nThe lorries left Korla in 1934.\n\n"
            "History of the Expedition in Asia, 1927-1935 : vol.2 / Page 285 (Color Image)\n\n"
            "Taranaki Daily News, 6 March 1934, Page 7\n\n"
            "In July 1934 Ma Zhongying crossed into the Soviet Union, Hedin, vol. 2, p. 14\n")
    assert [s.text for s in read_document("x", text).sentences] == [
        "The lorries left Korla in 1934.", "Taranaki Daily News, 6 March 1934, Page 7",
        "In July 1934 Ma Zhongying crossed into the Soviet Union, Hedin, vol. 2, p. 14"]  # prose citing a page


@pytest.mark.parametrize("text,query,name,alias", [
    # a title in pinyin or Wade-Giles, a word of it in small letters, then its meaning in brackets
    ("He became a famous editorialist for the Shanghai journal Shenghuo zhoukan (Life Weekly), one of "
     "the best-selling weekly journals.\n", "Life Weekly", "Shenghuo zhoukan", "Life Weekly"),
    ("Tu Chung-yuan resumed publication under a slightly different name, Hsin-sheng chou-k'an "
     "[new life weekly].\n", "New Life Weekly", "Hsin-sheng chou-k'an", "new life weekly"),
    # the term in the editor's brackets after the name it glosses
    ("Goods handed over to the Native Corporation [Tuchan gongsi] are not included in the figures "
     "for 1935.\n", "Tuchan gongsi", "Native Corporation", "Tuchan gongsi"),
])
def test_a_romanised_term_beside_its_meaning_is_one_name(tmp_path: Any, text: str, query: str, name: str,
                                                         alias: str) -> None:
    got = answers(built(tmp_path, text), "what", query)
    assert got and got[0]["name"] == name and alias in got[0]["aliases"]


@pytest.mark.parametrize("sentence", [
    "The Kashgar men (Uyghurs) rose in the spring.",  # an English word of one syllable
    "He crossed the Tarim basin (desert) in May.",  # no Chinese syllables
    "The Hami anti (sic) party met.",  # an editor's note, no meaning
    "Ma Chung-ying (Big Horse) took Hami.",  # a man's name: no word in small letters
    "They reached Kuldja town (Yining) at dawn.",  # a gloss that is itself syllables
])
def test_no_romanised_term_without_one(sentence: str) -> None:
    from etr.ingest.discover import GLOSSED_TERM

    assert not [u.text for u in found_in(sentence) if u.why == GLOSSED_TERM]


@pytest.mark.parametrize("sentence,name,title", [
    # comrades, as Politburo decisions list those sent excerpts: the first of the list a man too
    ("Cdes. Yagoda, Agranov, Litvinov, Krestinsky, and Andreyev", "Yagoda", "Cdes."),
    ("116. Concerning an award to Cde Apresov.", "Apresov", "Cde"),
    # a man, then what he is given or made ("award Cde. Apresov the Order of Lenin"): two names
    ("Award Cde. Apresov the Order of Lenin for successful work in Xinjiang.", "Apresov", "Cde."),
])
def test_a_comrade_is_a_title(sentence: str, name: str, title: str) -> None:
    got = {u.text: u for u in found_in(sentence)}
    assert name in got and got[name].type == "person" and got[name].title == title


@pytest.mark.parametrize("sentence,whole", [
    ("Award Cde. Apresov the Order of Lenin for successful work.", "Order of Lenin"),
    ("He joined the 36th Division of the National Revolutionary Army in 1933.",
     "36th Division of the National Revolutionary Army"),  # "of the": one name
    ("Peter the Great founded the city.", "Peter the Great"),  # an epithet of one word
])
def test_the_between_two_names(sentence: str, whole: str) -> None:
    assert whole in [u.text for u in found_in(sentence)]


def test_a_registered_name_before_a_title_and_a_man(tmp_path: Any) -> None:
    """"the USA Secretary of State Acheson": the United States, then the man with his title (not a
    phrase dropped whole for the registered name at its front); "the Xinjiang Daily" stays one name."""
    text = ("I told Mao Zedong that on 12 January [1950] the USA Secretary of State Acheson gave a speech "
            "at the National Press Club.\n\nLater the Xinjiang Daily reported it.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Acheson")
    assert got and got[0]["name"] == "Acheson" and "Secretary of State" in " ".join(got[0]["roles"])
    assert [r["name"] for r in answers(db, "what", "Xinjiang Daily")] == ["Xinjiang Daily"]


def test_a_name_in_a_bracket_field_without_a_colon(tmp_path: Any) -> None:
    """"(pronounced ...; Mongolian name Mergen Sang; Chinese name 白智仁 Bái Zhìrén; ...)": other
    names of the man, as "Mongolian name: Mergen Sang" would be."""
    text = ("Francis Bagnall Bessac (pronounced bih-ZAK; Mongolian name Mergen Sang; Chinese name 白智仁 "
            "Bái Zhìrén; January 13, 1922 - December 6, 2010) was an American anthropologist.\n")
    db = built(tmp_path, text)
    for query in ("Mergen Sang", "Bai Zhiren"):
        got = answers(db, "who", query)
        assert got and got[0]["name"] == "Francis Bagnall Bessac", query


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_an_article_s_title_names_the_man_its_first_sentence_names_in_full(tmp_path: Any, order: tuple[int, int]) -> None:
    """The article "Frank Bessac" opens "Francis Bagnall Bessac (...) was": one man with the obituary's
    "Frank Bessac", whichever document was added first; not two men, nor a third "Bessac"."""
    texts = ["Frank Bessac, who escaped from Urumqi in 1949 with Douglas Mackiernan, died on December 6, 2010.\n\n"
             "Bessac was 88.\n",
             "Frank Bessac\n\nFrancis Bagnall Bessac (January 13, 1922 - December 6, 2010) was an American "
             "anthropologist.\n\nBessac was born in Lodi, California.\n"]
    db = built_from(tmp_path, *(texts[i] for i in order))
    for query in ("Frank Bessac", "Francis Bagnall Bessac", "Bessac"):
        got = answers(db, "who", query)
        assert got and {got[0]["name"], *got[0]["aliases"]} >= {"Frank Bessac", "Francis Bagnall Bessac"}, query
    assert len([e for e in answers(db, "who", "Bessac") if "Bessac" in e["name"]]) == 1


@pytest.mark.parametrize("title,lead,same", [
    ("Frank Bessac", "Francis Bagnall Bessac", True),  # a familiar form of his first name
    ("Doug Mackiernan", "Douglas Seymour Mackiernan", True),
    ("Bill Ward", "William Ward", True),
    ("Alexei Petrov", "Alexander Petrov", False),  # another name, though it begins alike
    ("Frank Smith", "Francis Bessac", False),  # another surname
    ("Douglas Mackiernan", "Douglas Seymour Mackiernan", False),  # a fuller writing, merged as such
])
def test_a_familiar_form_of_a_first_name(title: str, lead: str, same: bool) -> None:
    from etr.ingest.assemble import _familiar_form

    assert _familiar_form(lead, title) is same


def test_a_mistyped_name_among_words_the_documents_say_with_it(tmp_path: Any) -> None:
    """"Kunmin OSS paratrooper": Kunming, where a sentence naming it says "OSS" and "paratrooper";
    not a near name the rest of the question is never said with."""
    text = ("Bessac was sent by the OSS to Kunming, China, as a paratrooper, where he served until 1947.\n\n"
            "Later he travelled to Hami and Urumqi.\n")
    db = built(tmp_path, text)
    got = answers(db, "where", "Kunmin OSS paratrooper")
    assert got and got[0]["name"] == "Kunming"
    assert answers(db, "where", "Kunmin caravan camels") == []


def test_a_mistyped_name_of_two_words_among_words_of_context(tmp_path: Any) -> None:
    """"Eric Shipten returning to Kashgar after hunting ibex": two capitalised words nearly the one
    name of two words (Eric Shipton) are that name mistyped, whatever his sentences say; not a part
    of a longer run of capitals ("Xinjiang Provincial" of the "Xinjiang Provincial Mint")."""
    text = ("Eric Shipton was Consul-General at Kashgar in 1946.\n\nI was returning to Kashgar after a weekend in "
            "the mountains, hunting ibex.\n\nThe Xinjiang Province issued silver coins.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Eric Shipten returning to Kashgar after hunting ibex")
    assert got and got[0]["name"] == "Eric Shipton", got[:1]
    got = answers(db, "where", "Xinjiang Provincial Mint in the provincial capital")
    assert not got or got[0]["name"] != "Xinjiang Province"


def test_search_shows_a_passage_two_documents_print_alike_once(tmp_path: Any) -> None:
    """A biography reposted on another page: one result citing both documents, so that the top
    five are five passages."""
    bio = ("He later went to Sinkiang, where he served under Sheng Shih-ts'ai, who in 1943 had him executed "
           "as a leftist.\n")
    db = built_from(tmp_path, "Tu Chung-yuan was a journalist.\n\n" + bio, "Related people.\n\n" + bio)
    got = answers(db, "search", "journalist executed in Sinkiang")
    same = [r for r in got if "had him executed" in r["text"]]
    assert len(same) == 1 and len({c["source"] for c in same[0]["citations"]}) == 2


def test_a_thing_named_by_some_of_the_query_s_words_the_rest_said_with_it(tmp_path: Any) -> None:
    """`etr what "Communist-dominated Tibetan provisional government 1950"` is the "Tibetan People's
    Provisional Government" a cutting calls "Communist - dominated", not that phrase described; a
    description holding more of the query's words than the name still wins ("Committee for
    National Revolution" over the "National Revolution")."""
    text = ("Other New Delhi reports say that a Communist - dominated “Tibetan People’s Provisional Government” "
            "has been established in the Tibetan border areas in March 1950.\n\n"
            "Sabit Damulla led the committee for national revolution in Kashgar.\n\n"
            "The National Revolution of 1933 failed within a year.\n")
    db = built(tmp_path, text)
    got = answers(db, "what", "Communist-dominated Tibetan provisional government 1950")
    assert got and got[0]["name"] == "Tibetan People’s Provisional Government"
    got = answers(db, "what", "Committee for National Revolution")
    assert got and got[0]["name"] != "National Revolution"
    lhasa = answers(db, "what", "Communist-dominated Tibetan provisional government Lhasa")
    assert not lhasa or lhasa[0]["name"] != "Tibetan People’s Provisional Government"  # "Lhasa" is never said with it


@pytest.mark.parametrize("command,text,cases,nothing", [
    ("where",
     "Chu reported a constant series of incidents along the frontier; more trouble has been reported north "
     "of Tacheng; Chingho, still under Chinese control, is being constantly attacked; Kazak troops from "
     "Ining have been operating in the Suilai area.\n\n"
     "Lanzhou was critical to the security of the entire northwest, and on the northwestern China joint "
     "defense conference held in Guangzhou, the nationalist defenders planned to defeat the enemy.\n\n"
     "Recommend to Ahmetjan Qasimi that he convene a conference of the governors of the three districts "
     "in Ghulja in May 1948.\n",
     (("town still under Chinese control but constantly attacked in June 1945", "Chingho"),
      ("northwest joint defense conference 1949", "Guangzhou"),
      ("conference of governors of the three districts 1948", "Ghulja")),
     "monastery where the lamas hid their silver from bandits"),
    ("who",
     "Tashkent, June 14, 1944.\n\nThe Vice-Premier and concurrently the Minister of Interior, Kabulov, "
     "and Commissioner Koptelov and Consul-General Gou were all waiting at the airport for the "
     "ambassadors.\n\n"
     "Senior Instructor of the Medical Department (A. Lepin, seal).\n\n"
     "\"Ziya Samedi is the most influential Uyghur writer in the 20th century\", Dolkun Yasin, a famous "
     "writer and close friend of Samedi, said.\n",
     (("Vice-Premier who met the ambassadors at Tashkent airport", "Kabulov"),
      ("senior instructor of the Medical Department 1944", "A. Lepin"),
      ("friend who called Ziya Samedi the most influential Uyghur writer", "Dolkun Yasin")),
     "bishop who blessed the caravan at Kashgar"),
])
def test_who_or_where_asked_as_a_description_is_named_by_the_sentence_that_answers_it(
        tmp_path: Any, command: str, text: str, cases: tuple[tuple[str, str], ...], nothing: str) -> None:
    """`etr where "town still under Chinese control but constantly attacked in June 1945"`: the
    place the best sentence for it names nearest its words (Chingho, not Tacheng or Ining further
    off), the sentence shown (`said_so`); not a place before a word of the question, which it
    qualifies ("the northwestern China joint defense conference held in Guangzhou": Guangzhou).
    `etr who "Vice-Premier who met the ambassadors at Tashkent airport"`: the one named nearest the
    question's words (Kabulov, not Koptelov or Gou), not a name in the relative clause; a role no
    sentence sets a name beside after a comma ("Senior Instructor of the Medical Department (A.
    Lepin, seal)"), its year said by the document's date, not its words; a man of no known kind
    when the sentence names nobody else ("friend who called ..."). Nothing when no sentence answers."""
    db = built(tmp_path, text)
    for query, name in cases:
        got = answers(db, command, query)
        assert got and got[0]["name"] == name, (query, got[:1])
        assert got[0]["said_so"] and (command == "who" or name in got[0]["said_so"][0]["quote"])
    assert answers(db, command, nothing) == []


def test_a_word_of_one_name_among_words_of_context(tmp_path: Any) -> None:
    """A capitalised word of the names of one entity only is that name among words of context
    ("Sengtsen Torgut commander at Hami 1928": Sengtsen Gegen; "Qum new course of the lower Tarim":
    the Qum-darya, the name the question opens with, not the Tarim of its context); a run of the
    query's words across a word left out names nothing by its words reordered ("city of the Old
    ..." is not the Old City), and a question opening with what it asks for in small letters is
    answered by the sentence, not by a name of its context (Karashahr)."""
    text = ("Hami, 1928.\n\nGeneral Sengtsen Gegen said that the Torgut tribe would guard the frontier at "
            "Hami.\n\n"
            "Norin reconnoitred the Qum-darya, the new course of the lower Tarim in the Lop Desert.\n\n"
            "The Tarim flows east into the desert.\n\n"
            "In September Haslund left Urumchi for the town of Öreget, the city built by the khan of the "
            "Old Torgut Horde on the Juldus north of Karashahr.\n\n"
            "The commander visited the Old City of Kashgar with an escort.\n")
    db = built(tmp_path, text)
    for kind, query, name in (("who", "Sengtsen Torgut commander at Hami 1928", "Sengtsen Gegen"),
                              ("where", "Qum new course of the lower Tarim", "Qum-darya"),
                              ("where", "city of the Old Torgut khan on the Juldus north of Karashahr", "Öreget"),
                              ("where", "Tarim", "Tarim")):
        got = answers(db, kind, query)
        assert got and got[0]["name"] == name, (query, got[:1])


def test_an_entry_headed_by_a_man_s_full_name_is_about_him(tmp_path: Any) -> None:
    """A dictionary entry headed "George W. Hunter" that calls him "Hunter" is about him: the heading
    is a name of the man its surname names (`etr who "George W. Hunter"`), and its "he" is him
    ("When the Russians took control ..., he was held prisoner": asked by what he suffered, the
    answer is Hunter, not the Russians the sentence names); a heading that is no man's name
    ("China Inland Mission") names nobody so."""
    text = ("1861  — 1946\n\nGeorge W. Hunter\n\nChina Inland Mission missionary in Turkestan.\n\n"
            "A Scotsman who never married, Hunter went to China in 1889. When the Russians took control of the "
            "province in the mid-1930s, he was held prisoner for 13 months and tortured by the Soviet secret "
            "police.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "George W. Hunter")
    assert got and "George W. Hunter" in [got[0]["name"], *got[0]["aliases"]], got[:1]
    got = answers(db, "who", "Scottish missionary held prisoner 13 months by the Soviet secret police")
    assert got and got[0]["name"] in ("Hunter", "George W. Hunter"), got[:1]
    assert got[0]["said_so"] and "held prisoner" in got[0]["said_so"][0]["quote"]


def test_a_described_thing_a_document_names_beside_it(tmp_path: Any) -> None:
    """`etr what "Soviet state organization in charge of trade with Sinkiang"` is Sovsintorg, which a
    sentence sets beside those words ("Sovsintorg, the State Organization in Charge of Trade with
    Sinkiang"), that sentence shown; a description no name stands beside stays a description; and
    `etr where "Ganzhou in Gansu where Hunter died"` is the Kanchow an entry names without saying
    what it is (the same name in another romanisation), not the Gansu of its context."""
    text = ("At headquarters I was told to address myself to the local base of Sovsintorg, the State "
            "Organization in Charge of Trade with Sinkiang.\n\n"
            "The mutual aid agreement was signed at last.\n\n"
            "Hunter worked in Gansu for years. He got no farther than Kanchow (Zhangye), where he died.\n")
    db = built(tmp_path, text)
    got = answers(db, "what", "Soviet state organization in charge of trade with Sinkiang")
    assert got and got[0]["name"] == "Sovsintorg" and "Sovsintorg, the State" in got[0]["said_so"][0]["quote"]
    got = answers(db, "what", "mutual aid agreement")
    assert got and got[0]["type"] == "thing"
    got = answers(db, "where", "Ganzhou in Gansu where Hunter died")
    assert got and got[0]["name"] == "Kanchow", got[:1]


def test_a_town_with_its_district_in_brackets_stays_itself(tmp_path: Any) -> None:
    """"Huocheng (Ili)", "Qitai (Zungaria)", "Shanshan (Turfan)": a county's Chinese name with a
    registered place in brackets says which district it lies in as often as what else it is
    called, so the build keeps the two apart (a merge tried and withdrawn: bench/README.md); and a
    man in brackets after a place is no name of it ("The Consul at Tihwa (Paxton)")."""
    text = ("Huocheng (Ili) was given to a Kazak official. The garrison at Qitai (Zungaria) was withdrawn, and "
            "Shanshan (Turfan) sent grain to the army.\n\nThe Consul at Tihwa (Paxton) to the Secretary of State.\n")
    db = built(tmp_path, text)
    for place in ("Huocheng", "Qitai", "Shanshan"):
        got = answers(db, "where", place)
        assert got and got[0]["name"] == place, (place, got[:1])
    tihwa = answers(db, "where", "Tihwa")
    assert tihwa and "Paxton" not in tihwa[0]["aliases"]


def test_where_something_of_another_kind_is(tmp_path: Any) -> None:
    """`etr where "Xinjiang Provincial Mint in the provincial capital"`: "Xinjiang" is a word of the
    Mint's name (its last word says it is a body), not the place asked; where the Mint is, the
    sentence that answers it says (Dihua). A name of the asked kind beside a name left out is
    still itself ("Ma Chung-ying 36th Division commander": the man, "36th" between)."""
    text = ("This is a silver coin with a face value of one yuan, minted by the Xinjiang Provincial Mint in the "
            "provincial capital, Dihua (now Urumqi).\n\nThe coins circulated in Xinjiang for a year.\n\n"
            "General Ma Chung-ying led the 36th Division into Xinjiang in 1933.\n")
    db = built(tmp_path, text)
    got = answers(db, "where", "Xinjiang Provincial Mint in the provincial capital")
    assert got and got[0]["name"] == "Dihua" and got[0]["said_so"], got[:1]
    assert answers(db, "where", "Xinjiang")[0]["name"] == "Xinjiang"
    got = answers(db, "who", "Ma Chung-ying 36th Division commander")
    assert got and got[0]["id"] == "ma-chung-yin", got[:1]


def test_a_registered_name_of_four_letters_written_with_a_hyphen(tmp_path: Any) -> None:
    """"the Tao-t'ais of Kāshgar and Ak-su": the registered Aksu (the same letters; a name so short
    is not taken for a registered one by its key alone), the Tao-t'ais a class of officials."""
    text = ("The peace had in 1912 been disturbed by a series of assassinations of Mandarins, including the "
            "Tao-t'ais of Kāshgar and Ak-su, and by petty outbreaks.\n")
    db = built(tmp_path, text + "\nWe marched down the Ak-su to the Murghab.\n")
    sentences = json.loads(db.read_text())["sentences"]
    assert any("aksu" in s["entities"] for s in sentences if "Tao-t'ais" in s["text"])
    assert answers(db, "what", "Tao-t'ais") == []
    # "the Ak-su" is a river ("white water" names many): not the town
    marched = [s for s in sentences if "marched" in s["text"]]
    assert marched and "aksu" not in marched[0]["entities"]


def test_a_qing_office_after_a_name_is_his_title(tmp_path: Any) -> None:
    """"Ma Fuxing Titai of Kashgar" over the article is Ma Fuxing with the title Titai (rules/names.toml
    [titles]), one man with the "Ma Fuxing" of its sentences, not a "Ma Fuxing Titai" beside him."""
    text = ("Ma Fuxing\n\nMa Fuxing Titai of Kashgar\n\nMa Fuxing (Ma Fu-hsing in Wade Giles; 1864–1924) was a Hui "
            "born in Yunnan. Ma was appointed as a military commander, and then Titai of Kashgar.\n")
    db = built(tmp_path, text + "\nLiu Futai left for Aksu in 1890.\n")
    assert answers(db, "who", "Liu Futai")  # the title after a name is his, not a name dropped
    got = answers(db, "who", "Ma Fu-hsing Titai")
    assert got and got[0]["name"] == "Ma Fuxing" and "Titai" in got[0]["roles"]
    assert not any("Titai" in r["name"] for r in answers(db, "who", "Ma Fuxing"))


def test_where_asked_of_someone_the_question_names(tmp_path: Any) -> None:
    """`etr where "Ma Fuxing birthplace"`, `etr where "where was Ma Fuxing born"`: the place the
    sentence that answers it names (Yunnan), not the man; "where is Kashgar" is Kashgar."""
    text = ("Ma Fuxing (Ma Fu-hsing in Wade Giles; 1864–1924) was a Hui born in Yunnan, in Qing dynasty China. "
            "He was posted in 1916 to Kashgar.\n\n"
            "In 1928, days after recognizing the government in Nanjing, Yang Zengxin was assassinated.\n")
    db = built(tmp_path, text)
    for query in ("Ma Fuxing birthplace", "where was Ma Fuxing born"):
        got = answers(db, "where", query)
        assert got and got[0]["name"] == "Yunnan" and got[0]["said_so"], query
    assert answers(db, "where", "where is Kashgar")[0]["name"] == "Kashgar"
    # where a man died is not read off the nearest place (the sentence does not say where)
    assert all(r["name"] != "Nanjing" for r in answers(db, "where", "where did Yang Zengxin die"))


def test_an_article_on_an_event_tells_it_in_the_paragraph_naming_it(tmp_path: Any) -> None:
    """In an article on the Battle of Dawan Cheng, "The 36th Division wiped out nearly the entire
    column", after the sentence naming the battle, is the battle's; not a sentence of another paragraph."""
    text = ("Battle of Dawan Cheng\n\nThe Battle of Dawan Cheng (1934) occurred when the 36th Division encountered "
            "a Soviet armoured car column. The 36th Division wiped out nearly the entire column. Ma Hushan died "
            "in Linxia in 1954.\n\n"
            "Ma Zhongying later fled to the Soviet Union.\n")
    db = built(tmp_path, text, "battle_of_dawan_cheng.txt")
    got = answers(db, "what", "Battle of Dawan Cheng")
    blob = json.dumps(got)
    assert "wiped out nearly the entire column" in blob and "later fled" not in blob
    assert "Linxia" not in blob  # a sentence with a date of its own: the aftermath's, not the battle's


@pytest.mark.parametrize("sentence,writer", [
    # a title page set in capitals, "BY" and the writer on one line with the rest
    ("BY DEMETRIUS CHARLES BOULGER, MEMBER OF THE ROYAL ASIATIC SOCIETY.", "DEMETRIUS CHARLES BOULGER"),
    ("BY TUESDAY NOON ALL WAS QUIET AT HAMI.", None),  # capitals of a telegram, no writer
    ("By Tuesday the troops had left Hami.", None),
])
def test_a_title_page_s_writer_in_capitals(sentence: str, writer: str | None) -> None:
    from etr.ingest.discover import BYLINE_CAPS

    got = [u.text for u in found_in(sentence) if u.why == BYLINE_CAPS and u.type == "person"]
    assert got == ([writer] if writer else [])


def test_a_unit_after_its_commanding_general() -> None:
    """"the acting Commanding General of the Dungan Division": the division, a unit, not an office
    taken for one (rules/names.toml: "Commanding General" is a title)."""
    got = {u.text: u.type for u in found_in("He sent a telegram to Ma Hushan, the acting Commanding General of "
                                            "the Dungan Division, with a suggestion.")}
    assert got.get("Dungan Division") == "military" and not any("Commanding" in n for n in got)


def test_who_asked_by_what_someone_did_to_a_named_one(tmp_path: Any) -> None:
    """`etr who "who succeeded Ma Fuxing"`: the one the documents link to him by the relation asked
    (rules/relations.toml), from an infobox's "Succeeded by" in the article on him or "Preceded by"
    in the article on the other (written run together as pages give it: "Preceded byMa Fuxing"),
    or from a sentence ("was succeeded by", "was replaced by", "led"); asked the other way ("who
    preceded", "'s predecessor") the other end; each answer cites its words exactly. A question
    no sentence answers so is read as any other (the man named)."""
    fuxing = ("Ma Fuxing\n\nMa Fuxing Titai of Kashgar\nIn office\n1916–1924\nSucceeded by Ma Shaowu\n"
              "Personal details\nBorn 1864\n\nMa Fuxing (Ma Fu-hsing in Wade Giles; 1864–1924) was a Hui born "
              "in Yunnan.\n")
    shaowu = ("Ma Shaowu\n\nTao-yin of Kashgar\nIn office\n1924–1933\nPreceded byMa Fuxing\nPersonal details\n\n"
              "Ma Shaowu (1874–1937) was a Hui born in Yunnan.\n")
    jin = ("Jin Shuren\n\nWhen Yang Zengxin was assassinated in 1928, he was replaced by the intolerant Jin Shuren. "
           "Jin was deposed by mutineers in 1933 and was succeeded by a Manchu, Sheng Shicai. The Kuomintang Muslim "
           "general Ma Hushan led the 36th Division to resist the invasion.\n")
    db = built_from(tmp_path, fuxing, shaowu, jin)
    texts = {s["id"]: s["text"] for s in json.loads(db.read_text())["sources"]}
    for query, name, said in (("who succeeded Ma Fuxing at Kashgar", "Ma Shaowu", "Succeeded by Ma Shaowu"),
                              ("Ma Fuxing's successor", "Ma Shaowu", "Preceded byMa Fuxing"),
                              ("who preceded Ma Shaowu", "Ma Fuxing", "Preceded byMa Fuxing"),
                              ("who succeeded Yang Zengxin", "Jin Shuren", "he was replaced by the intolerant"),
                              ("who was Jin Shuren succeeded by", "Sheng Shicai", "was succeeded by a Manchu"),
                              ("Sheng Shicai's predecessor", "Jin Shuren", "was succeeded by a Manchu"),
                              ("who commanded the 36th Division", "Ma Hushan", "led the 36th Division")):
        got = answers(db, "who", query)
        assert got and got[0]["name"] == name, (query, got[:1])
        cited = got[0]["said_so"]
        assert any(said in c["quote"] for c in cited), query
        assert all(texts[c["source"]][c["start"]:c["end"]] == c["quote"] for c in cited)
    # "succeeded in" is no succession; a question no sentence answers so names its man
    assert [r["name"] for r in answers(db, "who", "who succeeded Ma Hushan")][:1] == ["Ma Hushan"]
    assert "said_so" not in answers(db, "who", "who succeeded Ma Hushan")[0]
    for query, name in (("who was preceded by Ma Fuxing", "Ma Shaowu"), ("the successor of Ma Fuxing", "Ma Shaowu")):
        got = answers(db, "who", query)
        assert got and got[0]["name"] == name and got[0]["said_so"], query


def test_who_asked_by_a_relation_takes_only_what_the_words_say(tmp_path: Any) -> None:
    """A review's misfires of `etr who` asked by a relation: a passive with words between the verb
    and "by" ("would be replaced as Governor of Sinkiang by Pai Chung-hsi"), "led by" read as "led",
    "succeeded where ... had failed", "replaced Sheng Shicai with Wu Zhongxin" (Chiang is no
    successor), an infobox's fields read as a sentence ("Preceded by Yang Zengxin / Succeeded by
    Liu Wen-lung": Liu did not succeed Yang); and an office asked ("as governor of Qinghai") is the
    office an infobox's lines above its field name, not another the man held."""
    bufang = ("Ma Bufang\n\nLieutenant General Ma Bufang\n1st Ambassador of the Republic of China to Saudi Arabia\n"
              "In office\n9 August 1957 – 3 June 1961\nPresidentChiang Kai-shek\nPreceded byDiplomatic relations "
              "established\nSucceeded byBao Junjian\nGovernor of Qinghai\nIn office\n5 Mar 1938 – 5 Sep 1949\n"
              "Preceded byMa Lin\nSucceeded byZhao Shoushan\n\nMa Bufang was a Hui general of the Republic of China.\n")
    jin = ("Jin Shuren\n\nGovernor of Xinjiang\nIn office\nJuly 7, 1928 – April 1933\nPreceded by Yang Zengxin\n"
           "Succeeded by Liu Wen-lung\n\nJin Shuren was a Chinese politician.\n")
    prose = ("Chang Chi-chung would be replaced as Governor of Sinkiang by Pai Chung-hsi, present Minister of "
             "Defense.\n\nIn 1936, after Sheng Shicai expelled 30,000 Kazakhs from Xinjiang to Qinghai, Hui Chinese "
             "led by General Ma Bufang massacred Muslim Kazakhs.\n\nOsman Batur succeeded where Ali Beg Rahim had "
             "failed.\n\nChiang Kai-shek replaced Sheng Shicai with Wu Zhongxin in 1944.\n")
    db = built_from(tmp_path, bufang, jin, prose)
    wrong = (("who succeeded Pai Chung-hsi", "Chang Chi-chung"), ("who preceded Chang Chi-chung", "Pai Chung-hsi"),
             ("who led the Kazakhs", "Sheng Shicai"), ("who succeeded Ali Beg Rahim", "Osman Batur"),
             ("who succeeded Sheng Shicai", "Chiang Kai-shek"), ("who succeeded Yang Zengxin", "Liu Wen-lung"))
    for query, name in wrong:
        assert all(r["name"] != name or "said_so" not in r for r in answers(db, "who", query)), query
    got = answers(db, "who", "who succeeded Ma Bufang as governor of Qinghai")
    assert got and got[0]["name"] == "Zhao Shoushan" and len(got) == 1
    assert answers(db, "who", "who succeeded Yang Zengxin")[0]["name"] == "Jin Shuren"


def test_a_surname_a_document_names_a_man_by_alone_is_shown_among_his_names(tmp_path: Any) -> None:
    """"Cde. Svanidze will pass you a copy": the registered Alexander Svanidze, whose profile shows
    "Svanidze" as the letter writes it (the surname alone is how the document calls him); not a
    Chinese surname of one syllable that many share ("Zhang"). "Dr. Yen, the Chinese Ambassador" is
    no Ehmetjan Qasimi ("Jan" of his "Ahmet Jan" ends his name: no surname). A hospital's signature
    "Doctor Surgeon (P. Braude)" is P. Braude under his grade, no one called "Doctor Surgeon"."""
    text = ("We are sending Sheng a suitable letter, but Cde. Svanidze will pass you a copy of our reply.\n\n"
            "Zhang Zhizhong arrived in Dihua in 1946. Zhang met the delegates of the Three Districts.\n\n"
            "Litvinov denied the statement made to me by Dr. Yen, the Chinese Ambassador, that the guard of the "
            "Chairman of the Provincial Council of Sinkiang was composed of former soldiers of the Red Army.\n\n"
            "Senior Instructor of the Medical Department (A. Lepin, seal).\nDoctor Surgeon (P. Braude).\n")
    db = built(tmp_path, text)
    facts = json.loads(db.read_text())
    svanidze = answers(db, "who", "Svanidze")[0]
    assert svanidze["name"] == "Alexander Svanidze" and "Svanidze" in svanidze["aliases"]
    assert "Zhang" not in names_of(facts, "Zhang Zhizhong")[1]
    assert "Dr. Yen" not in names_of(facts, "Ehmetjan Qasimi")[1]
    assert answers(db, "who", "Dr. Yen")[0]["name"] != "Ehmetjan Qasimi"
    found = {e["name"] for e in facts["entities"] if not e["curated"]}
    assert "P. Braude" in found and "Doctor Surgeon" not in found
    assert answers(db, "who", "Doctor Surgeon Braude")[0]["name"] == "P. Braude"  # a title that opens with a role's word


def test_search_reads_a_mistyped_word_as_the_word_a_letter_off(tmp_path: Any) -> None:
    """`etr search "Fan strangeled with a rope"`: no document writes "strangeled"; the sentence
    with "strangled" (a letter off) and "rope" comes first, not one with "rope" alone; a word a
    document writes is read as written."""
    text = ("»They fastened the rope as tight as they could; my wrists hurt and my hands were numb.\n\n"
            "During the night he was strangled by two men, who had a tugo'-war with a rope that had been looped "
            "round his neck.\n\n"
            "Wire & Rope.\n")
    db = built(tmp_path, text)
    for query in ("Fan strangeled with a rope", "strnagled rope", "Fan strangled with a rope"):
        assert "strangled" in answers(db, "search", query)[0]["text"], query
    assert "strangled" not in answers(db, "search", "rope")[0]["text"]


def test_what_an_article_says_it_is_called_is_a_name_of_its_subject(tmp_path: Any) -> None:
    """EB1911's "KASHGAR, an important city of Chinese Turkestan, ... It is called Su-lēh by the
    Chinese": Su-lēh is a name of Kashgar, cited at that sentence; "It" in a later paragraph, or
    under a first sentence that opens with no name, is nobody's."""
    text = ("KASHGAR, an important city of Chinese Turkestan, in 39° 24′ 26″ N. lat., 76° 6′ 47″ E. long., 4043 ft. "
            "above sea-level. It consists of two towns, Kuhna Shahr or “old city,” and Yangi Shahr or “new city,” "
            "about five miles apart. It is called Su-lēh by the Chinese, which perhaps represents an original Solek "
            "or Sorak.\n\n"
            "Kuhna Shahr is a small fortified city on high ground overlooking the river Tuman. It is called Tuman "
            "Sheher by some travellers.\n")
    db = built(tmp_path, text)
    got = answers(db, "where", "Su-leh")
    assert got and got[0]["name"] == "Kashgar" and "Su-lēh" in got[0]["aliases"]
    merge = next(m for m in got[0]["merges"] if m["form"] == "Su-lēh")
    assert merge["citation"]["quote"].startswith("It is called Su-lēh")
    assert all(r["name"] != "Kashgar" for r in answers(db, "where", "Tuman Sheher"))
    (tmp_path / "b").mkdir()
    plain = built(tmp_path / "b", "In 1934 the city was besieged. It is called Su-lēh by the Chinese.\n")
    # a review's: "it" after a man who did something, or under a dateline, is no name of him or the town
    for k, text in enumerate(("Yakub Beg founded a new state at Kashgar in 1865. It was called Yettishar by its "
                              "people, who paid him tribute for twelve years.\n",
                              "Tihwa, October 5, 1945.\n\nThe Soviet Consulate General here has opened a new school "
                              "for the children of its staff. It is called Lenin School by the townspeople.\n")):
        (tmp_path / f"c{k}").mkdir()
        facts = json.loads(built(tmp_path / f"c{k}", text).read_text())
        assert not any(m["reason"].endswith("('it is called')") for e in facts["entities"] for m in e["merges"])
    assert all(r["name"] != "Kashgar" for r in answers(plain, "where", "Su-lēh"))


def test_a_registered_surname_alone_is_the_man_the_document_names_in_full(tmp_path: Any) -> None:
    """The registry gives Sheng Shicai the alias "Sheng"; a hospital's log that names "SHENG SHIQI"
    in full and never Sheng Shicai means Sheng Shiqi by "the fatal injuries suffered Sheng" (his
    brother, no mention of the governor). After a capitalised word ("Governor Shicai Sheng", as
    the translations order his names) it stays the registered man."""
    log = ("At 2100 19 March 1942 SHENG SHIQI was brought to the hospital with a perforating bullet wound of the "
           "head.\nThe patient died in an hour.\nThe record describes the fatal injuries suffered Sheng\n")
    letter = ("Letter from Cde. V. M. Molotov to Governor Shicai Sheng\n\nYour letter has been received. According "
              "to the rumors you are named as the one guilty of the death of Sheng Shiqi.\n")
    db = built_from(tmp_path, log, letter)
    sentences = json.loads(db.read_text())["sentences"]
    suffered = next(s for s in sentences if "suffered Sheng" in s["text"])
    assert "sheng-shicai" not in suffered["entities"] and suffered["entities"]
    heading = next(s for s in sentences if "Governor Shicai Sheng" in s["text"])
    assert "sheng-shicai" in heading["entities"]


_DATELINE = ("TIHWA, SINKIANG, October 5, 1945 — The provincial government announced today that negotiations with "
             "the Ili delegates would resume next week.")
_SECRET = ("SECRET, Following is the text of a message from Consul Ward at Tihwa received by the Embassy this morning "
           "through the Chinese.")


@pytest.mark.parametrize(("text", "title"), [
    # an encyclopedia's or a gazetteer's entry: its headword (EB1911, Chambers's)
    ("KASHGAR, an important city of Chinese Turkestan, in 39° 24′ 26″ N. lat., 76° 6′ 47″ E. long., 4043 ft. above "
     "sea-level. It consists of two towns, Kuhna Shahr or “old city,” and Yangi Shahr.", "KASHGAR"),
    ("KUL'DJA, KOOLDJA, KATI-DSHA, or a province in the government of Turkistan; 25,500 sq.m.; pop. 114,337; "
     "was formerly a Chinese province.", "KUL'DJA"),
    # not a newspaper's dateline, nor a heading of a few words
    ("NEW YORK, June 13 (A.A.P.).—The Chinese Government has protested to the Soviet Government about the "
     "bombing of Peitashan by Mongolian planes, which it says were supported by Soviet forces.",
     "NEW YORK, June 13 (A.A.P.).—The Chinese Government has protested to the Soviet Government about the bombing "
     "of Peitashan"),
    ("KASHGAR, CHINESE TURKESTAN\n\nThe city lies on the Kyzyl Su.", "KASHGAR, CHINESE TURKESTAN"),
    # a review's: a dateline with its province, a telegram's classification: the line, cut as any first line
    (_DATELINE, _DATELINE[:120]), (_SECRET, _SECRET[:120]),
])
def test_an_encyclopedia_entry_is_titled_by_its_headword(text: str, title: str) -> None:
    from etr.ingest.sentences import title_of

    assert title_of(text) == title


# A second reader's review of this session's rules (bench/README.md): each case a misfire it found.

def test_third_review_lookup_misfires(tmp_path: Any) -> None:
    """A given name is no word of one man's name ("Peter Skrine consul Kashgar" is not Peter
    Fleming), nor a word before a hyphen other than a river's or a range's ("Alma river near
    Kuldja" is not Alma-Ata); a short question naming a body asks for the place in its name
    ("Kashgar Mint 1933"); a question opening in small letters with the place's own name asks for
    it ("oasis town Turfan where riots broke out in 1947", "ancient walled city of Kashgar besieged
    in 1934"); an airline of no known kind is no airfield ("Eurasia airfield near Hami") nor a pilot."""
    text = ("Peter Fleming travelled with Ella Maillart to Kashgar in 1935.\n\n"
            "Alma-Ata is the capital of Kazakhstan.\n\n"
            "In 1933 the rebels struck silver coins at the Kashgar mint.\n\n"
            "In July 1947 riots broke out in Turfan, and the garrison fired on the crowd; the rioters fled toward "
            "Pichan and Toksun.\n\n"
            "The old walled city of Kashgar was besieged by the Tungans of Ma Zhancang in 1934, while the British "
            "consul watched from Chini Bagh.\n\n"
            "A Junkers aircraft of the Eurasia company landed at Hami in 1933 after a flight from Lanchow.\n")
    db = built(tmp_path, text)
    assert all(r["name"] != "Peter Fleming" for r in answers(db, "who", "Peter Skrine consul Kashgar"))
    assert all(r["name"] != "Alma-Ata" for r in answers(db, "where", "Alma river near Kuldja"))
    for query, place in (("Kashgar Mint 1933", "Kashgar"), ("oasis town Turfan where riots broke out in 1947", "Turfan"),
                         ("ancient walled city of Kashgar besieged in 1934", "Kashgar")):
        got = answers(db, "where", query)
        assert got and got[0]["name"] == place, (query, got[:1])
    got = answers(db, "where", "Eurasia airfield near Hami")
    assert got and got[0]["id"] == "kumul", got[:1]
    assert all(r["name"] != "Eurasia" for r in answers(db, "who", "pilot who landed at Hami in 1933"))


def test_third_review_answering_sentence_misfires(tmp_path: Any) -> None:
    """Who is nearest a question's words counts from the nearer end of a name ("Burhan Shahidi, who
    acted as interpreter, said that Ahmetjan ...": Burhan); an office's field after its title is no
    man ("Minister Communications31"); a place before the words a question describes is where
    they are, not their name ("At Kashgar, the Soviet trade agency bought wool"; "The silver dollar
    (Sinkiang)")."""
    text = ("Tihwa, September 12, 1946.\n\nGovernor Zhang Zhizhong received Consul Paxton on September 10. "
            "Burhan Shahidi, who acted as interpreter, said that Ahmetjan would come to Tihwa in October.\n\n"
            "In 1936 the Soviet trade agency opened branches. At Kashgar, the Soviet trade agency bought wool and "
            "hides. The silver dollar (Sinkiang) was struck in 1949 at the provincial mint.\n\n"
            "Soviet Ambassador30 entertained Foreign Minister, Minister Communications31 and others.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "interpreter who translated for Zhang Zhizhong")
    assert got and got[0]["name"] == "Burhan Shahidi", got[:1]
    names = {e["name"] for e in json.loads(db.read_text())["entities"]}
    assert "Communications" not in names
    for query in ("Soviet trade agency", "silver dollar"):
        got = answers(db, "what", query)
        assert got and got[0]["type"] == "thing", (query, got[:1])


@pytest.mark.parametrize("text,words,value", [
    # a feast day in a sentence that looks back, or reports, is the one before the story's day
    ("We left Kashgar on 10 January 1934 with thirty camels. Christmas we had spent at Yarkand, in the house "
     "of the Swedish missionaries.", "Christmas", "1933-12-25"),
    ("KASHGAR, 5 January 1947. The British Consul-General reports that on Christmas Eve the Tungan troops of "
     "the garrison looted the bazaar.", "Christmas Eve", "1946-12-24"),
    ("CHUNGKING, Jan. 5, 1947 (AP) -- Travelers arriving from Sinkiang said today that on Christmas Eve Kazak "
     "horsemen raided the outskirts of Kuchengtze.", "Christmas Eve", "1946-12-24"),
    # a month word in a name before "of" and a year is no month ("the Long March of 1934")
    ("Chen Tanqiu, a veteran of the Long March of 1934, arrived in Tihwa in 1938.", "1934", "1934"),
])
def test_third_review_date_misfires(text: str, words: str, value: str) -> None:
    assert (words, value) in paragraph_dates(text)


def test_third_review_names_misfires(tmp_path: Any) -> None:
    """A heading that is a woman's name over an entry that names her husband in full is not his
    name ("Eleanor Lattimore" over "... married Owen Lattimore ... Lattimore had returned"); Soviet
    acronyms in odd case are no names misread in small capitals ("TsIK", "KazSSR")."""
    from etr.ingest.discover import names_in_capitals, vocabulary

    text = ("Eleanor Lattimore\n\nEleanor Holgate married the American scholar Owen Lattimore in Peking in 1926. "
            "Lattimore had just returned from Central Asia, and he travelled to meet her in Siberia.\n")
    db = built(tmp_path, text)
    got = answers(db, "who", "Owen Lattimore")
    assert got and "Eleanor Lattimore" not in got[0]["aliases"], got[:1]
    soviet = ("To Comrade STALIN. The Kazakh TsIK has approved the resettlement of 2,000 Kazakh families from Altai. "
              "According to TASS, the OGPU posts on the border were reinforced, and the KazSSR could not feed them.")
    assert names_in_capitals(soviet, vocab=vocabulary(soviet)) is False


def test_fourth_review_misfires(tmp_path: Any) -> None:
    """A second review of the narrowed rules: a surname beside another given name is another man
    ("Eleanor Lattimore wife", "Abdullah Bughra killed at Yengi Hissar 1934", "Jin Shuxin brother of
    the governor"); "Keriya oasis" is no Keriya River; a headline's verb after an office is no man
    ("Soviet Trade Delegate Arrives in Urumchi"); a town after "in" opening with a given name is a
    place ("in Hasan Abdal"; after "to" it may be a man, "told this story to James Millward"); a body's place is not read off a bare name and a year ("36th Division
    1934")."""
    text = ("Owen Lattimore travelled through Sinkiang in 1927.\n\n"
            "Muhammad Emin Bughra was one of the founders of the First East Turkestan Republic at Kashgar in 1933.\n\n"
            "Jin Shuren fled to the Soviet Union in April 1933.\n\n"
            "The Keriya River flows north from the Kunlun into the Taklamakan.\n\n"
            "Soviet Trade Delegate Arrives in Urumchi\n\nThe party went by Gilgit and Srinagar and stayed in Hasan "
            "Abdal, where it took the train.\n\nIn July 1934 the 36th Division, driven from Kashgar by the Soviet-backed forces, "
            "withdrew to Khotan.\n")
    db = built(tmp_path, text)
    for query in ("Eleanor Lattimore wife", "Abdullah Bughra killed at Yengi Hissar 1934", "Jin Shuxin brother of the governor"):
        got = answers(db, "who", query)
        assert not got or "said_so" in got[0] or got[0]["name"] not in ("Owen Lattimore", "Muhammad Emin Bughra", "Jin Shuren"), (query, got[:1])
    assert all(r["name"] != "Keriya River" for r in answers(db, "where", "Keriya oasis amban 1934"))
    entities = {e["name"]: e["type"] for e in json.loads(db.read_text())["entities"]}
    assert "Arrives" not in entities and entities.get("Hasan Abdal") != "person"
    assert all(r["name"] != "Kashgar" for r in answers(db, "where", "36th Division 1934"))


@pytest.mark.parametrize("text,words,value", [
    # a feast day that does not open its sentence is no next step of the story: a flashback
    ("Hami.\n\nOn 2 February 1934 we reached Hami. The town was still in ruins, for at Christmas the Tungans "
     "sacked it.", "Christmas", "1933-12-25"),
])
def test_fourth_review_date_misfires(text: str, words: str, value: str) -> None:
    assert (words, value) in paragraph_dates(text)


@pytest.mark.parametrize("text,words,value", [
    # a web page's date line with its clock time and byline, run on into a photo's caption: the
    # page's day, which "Wednesday" counts from (not the caption's older day)
    ("Seventy years on\n\n2019-09-25 08:37:34 Xinhua Gu Liping\nChildren pose at a kindergarten, Feb. 13, 2019. "
     "(Xinhua/Zhao Ge)\n\nThe anniversary will be celebrated Wednesday.", "Wednesday", "2019-09-25"),
    ("Kashgar notes\n\nSep 25, 2019 10:00 AM\nA market scene, Feb. 13, 2019.\n\nThe festival will open Friday.",
     "Friday", "2019-09-27"),
    # no date line: a caption's day is the story's (as before)
    ("Seventy years on\n\nChildren pose at a kindergarten, Feb. 13, 2019.\n\nThey sang on Wednesday.",
     "Wednesday", "2019-02-13"),
])
def test_a_web_pages_date_line_over_its_caption(text: str, words: str, value: str) -> None:
    assert (words, value) in paragraph_dates(text)


def test_a_web_pages_date_line_dates_what_it_reports(tmp_path: Any) -> None:
    """The page's day dates the sentences that state none (as a telegram's date line does)."""
    db = json.loads(built(tmp_path, "Seventy years on\n\n2019-09-25 08:37:34 Xinhua Gu Liping\nChildren pose at a "
                                    "kindergarten in Hotan, Feb. 13, 2019.\n\nShihezi is a young city in the Gobi.\n").read_text())
    assert [s["dated"]["value"] for s in db["sources"] if s["id"] == "doc"] == ["2019-09-25"]


def test_a_name_the_question_capitalises_beats_its_words_in_lower_case(tmp_path: Any) -> None:
    """"Shihezi new city in the Gobi": Shihezi, not the "New City" another sentence names; the
    lower-case words name something when no capitalised one does."""
    db = built(tmp_path, "The soldiers in the New City of Kashgar killed two officers.\n\n"
                         "Shihezi, northwest of Urumqi, is a young city established in the 1950s.\n")
    assert answers(db, "where", "Shihezi new city in the Gobi")[0]["name"] == "Shihezi"
    assert answers(db, "where", "the new city soldiers")[0]["name"] == "New City"
    # a question opening in lower case asks for what it opens with (the review's "the old city in
    # Kashgar", "kash river near Nilka")
    assert answers(db, "where", "the new city in Kashgar")[0]["name"] == "New City"


@pytest.mark.parametrize("sentence,title", [
    ("His book News from Tartary was read widely.", "News from Tartary"),
    ("Peter Fleming, News from Tartary (1936)", "News from Tartary"),
    ("News from Tartary: A Journey from Peking to Kashmir (1936) is a travel book by Peter Fleming.", "News from Tartary"),
])
def test_an_unquoted_title_of_a_work(sentence: str, title: str) -> None:
    """A work's title in italics lost: after a word for a work, or before the year it came out."""
    assert (title, "document") in [(u.text, u.type) for u in found_in(sentence)]


@pytest.mark.parametrize("sentence,words", [
    # a verb of naming names anything; a title's words after "the" are a phrase of a longer title;
    # a quotation the quoted rule could not take whole is no title of ours
    ("He ruled an area called Tunganistan by Westerners (as the Hui were known).", "Tunganistan by Westerners"),
    ("Page:From Kulja, across the Tian Shan to Lob-Nor (1879).djvu/53", "Tian Shan to Lob-Nor"),
    ("See my despatch entitled “Further Mass Arrests of Alleged Plotters for the Overthrow of Sheng Tupan; "
     "Possible Change Here”, in which I reported.", "Further Mass Arrests of Alleged Plotters for the Overthrow"),
    # the review's: a list of events, an office, a caption, a body before a year; a comma after a
    # word for a work
    ("Events include the Kumul Rebellion, Massacre at Kizil (1933), Revolt in Charkhlik (1935).", "Massacre at Kizil"),
    ("The war saw the Battle of Urumqi (1933), Battle at Toksun (1933) and the siege.", "Battle at Toksun"),
    ("Ernest Bevin, Secretary of State for Foreign Affairs (1946), told the Commons nothing.", "Secretary"),
    ("Osman Batur at Baitik Bogdo (1947).", "Osman Batur at Baitik Bogdo"),
    ("Committee for Free Asia (1951) funded the broadcasts.", "Committee for Free Asia"),
    ("In his memoirs, Sven Hedin at Korla describes his arrest.", "Sven Hedin at Korla"),
])
def test_no_unquoted_title(sentence: str, words: str) -> None:
    assert all(not u.text.startswith(words) or u.type != "document" for u in found_in(sentence))


@pytest.mark.parametrize("sentence,name", [
    # the review's: what the unquoted title rule had swallowed stays found
    ("Events include the Kumul Rebellion, Massacre at Kizil (1933), Revolt in Charkhlik (1935).", "Kizil"),
    ("Osman Batur at Baitik Bogdo (1947).", "Baitik Bogdo"),
    ("In his memoirs, Sven Hedin at Korla describes his arrest.", "Korla"),
    # a man named Day is a man ("Day" ends no observance's name here)
    ("The American journalist Henry Day travelled from Lanchow to Tihwa in 1947.", "Henry Day"),
])
def test_names_beside_titles_stay_found(sentence: str, name: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert name in got and got[name] != "document", got


@pytest.mark.parametrize("text,words,value", [
    # a telegram's date line of a place of one word: "yesterday" and "tomorrow" count from it, not
    # from each other ("Paris, May 9, 1938": the lunch of May 8, the leaving of May 10)
    ("793.94/12985: Telegram\n\nParis, May 9, 1938—8 p.m.\n[Received May 10—7:45 a.m.]\n\n740. Sun Fo lunched "
     "with me yesterday.\n\nSun Fo is leaving tomorrow for China via Moscow.", "tomorrow", "1938-05-10"),
    # an editor's note tells of later telegrams: no year back for a day after the date line's
    ("Moscow, March 19, 1943—5 p.m.\n\n183. The Ambassador spoke.\n\nFootnote 19: Paraphrase of this telegram sent "
     "March 24 to the Secretary of War, and its substance in Department's telegram No. 401, March 25, 8 p.m.",
     "March 24", "1943-03-24"),
    ("Moscow, March 19, 1943—5 p.m.\n\n183. The Ambassador spoke.\n\nFootnote 19: Paraphrase of this telegram sent "
     "March 24 to the Secretary of War, and its substance in Department's telegram No. 401, March 25, 8 p.m.",
     "March 25, 8 p.m.", "1943-03-25T20:00"),
    # a headline's date inside its words is no date line (the review's wrapped capitals)
    ("THE ILI REVOLT OF NOVEMBER 12, 1944 AND THE\nFOUNDING OF THE EAST TURKESTAN REPUBLIC\n\nTalks opened at Tihwa "
     "in October 1945, and on January 2 an agreement was initialled. Yesterday the delegates left Tihwa.",
     "Yesterday", "1946-01-01"),
])
def test_date_lines_and_notes(text: str, words: str, value: str) -> None:
    assert (words, value) in paragraph_dates(text)


def test_an_anniversary_piece_is_not_dated_by_the_day_it_remembers(tmp_path: Any) -> None:
    """The review's: a date alone under a headline that opens with a duration stays the day it
    remembers, not the piece's date (only a line with its clock time is a web page's date line)."""
    db = json.loads(built(tmp_path, "Seventy Years On: Remembering the Ghulja Rising\n\nNovember 12, 1944\n\n"
                                    "Seventy years ago the republic was proclaimed in Ghulja. Veterans gathered in "
                                    "Almaty to mark the anniversary.\n").read_text())
    assert [s.get("dated") for s in db["sources"] if s["id"] == "doc"] == [None]


def test_the_editors_name_joins_a_place_named_before(tmp_path: Any) -> None:
    """"Kuqa [Kuche]" in a document read after one that named Kuqa: the editor's Kuche is that
    place, not a new one (Kuqa stays one place across the two documents)."""
    db = json.loads(built_from(tmp_path, "In early October, the county seat of Kuqa was robbed by rebel troops.\n",
                               "For example, in Kuqa [Kuche] and Keriya people's rallies were fired upon.\n").read_text())
    places = [e for e in db["entities"] if not e.get("curated") and {"Kuqa", "Kuche"} & {e["name"], *e["aliases"]}]
    assert len(places) == 1 and {"Kuqa", "Kuche"} <= {places[0]["name"], *places[0]["aliases"]}, places


def test_a_received_line_states_no_event(tmp_path: Any) -> None:
    """"[Received October 6.]" under a despatch's date line says when it came: no event, and the
    letter under it is of the date line's day, not of the day it was received; a sentence that
    opens with "Received" is no such line."""
    db = json.loads(built(tmp_path, "893.00/14887\n\nThe Ambassador in China (Gauss) to the Secretary of State\n\n"
                                    "Chungking, September 10, 1942.\n[Received October 6.]\n\nSir: I have the honor to "
                                    "enclose a copy of a memorandum on the northwest.\n\nReceived February 23 a long note from "
                                    "the Provincial Governor on the Soviet demands in Sinkiang.\n").read_text())
    events = [(e["date"]["value"], e["text"]) for e in db["events"] if e["source"] == "doc"]
    assert not [v for v, t in events if t.startswith("[Received")], events
    assert ("1942-09-10", "Sir: I have the honor to enclose a copy of a memorandum on the northwest.") in events, events
    assert [t for _v, t in events if t.startswith("Received February 23 a long note")], events


@pytest.mark.parametrize("first,second,one", [
    ("Kokyar", "Khokyar", True),  # k, kh, q, gh: one Turkic name in two transliterations, or two places
    ("Ladak", "Ladakh", True),
    ("Kanpur", "Khanpur", True),  # two towns indeed: why such a pair is shown as possibly one, never merged
    ("Khojand", "Khokand", False),  # a Turkic j before a is no k
    ("Karakorum", "Karakoram", False),  # a vowel apart: two places (the Mongol capital, the range)
    ("Kashmir", "Kashmar", False),
    ("Kanchow", "Hanchow", False),  # Chinese syllables differ as places do (Ganzhou, Hanzhou)
    ("Hunza", "Kunes", False),
])
def test_a_place_in_another_transliteration_of_its_back_consonants(tmp_path: Any, first: str, second: str,
                                                                   one: bool) -> None:
    """A place one document names and another spells with k for kh or q ("Charklik",
    "Charkhliq") is possibly the other, shown with the reason, and stays an entity of its own
    (the review found "Kanpur" and "Khanpur", "Kalka" and "Khalkha"); a vowel apart, or two
    names of Chinese syllables, not even that."""
    db = json.loads(built_from(tmp_path, f"The caravan reached the town of {first} in the spring of 1934.\n",
                               f"Haude and Li stayed in the town of {second} in 1934.\n").read_text())
    places = {e["name"]: e for e in db["entities"] if not e.get("curated") and e["name"] in (first, second)}
    assert set(places) == {first, second}, places
    said = [p for p in places[second].get("possibly", []) if p["name"] == first and "transliterations" in p["reason"]]
    assert bool(said) is one, places[second]


@pytest.mark.parametrize("first,second,one", [
    ("Khotan", "Hetian", True),         # the Turkic name and the Chinese one
    ("Tihwa", "Urumqi", True),          # the Chinese name of the 1940s and today's
    ("Alma-Ata", "Verny", True),        # a town renamed
    ("Kuldja", "Yining", True),
    ("Khotan", "Kashi", False),         # two places of the gazetteer
    ("Kuqa", "Korla", False),
    # the review's: a name another place bears too is in no row ("Kitai", Russian for China, keys
    # as Qitai; "Yenki" in Manchuria as Yanqi; "Fengtian" the province)
    ("Guchen", "Kitai", False),
    ("Shenyang", "Fengtian", False),
])
def test_a_place_by_another_of_its_names_is_one_place(tmp_path: Any, first: str, second: str, one: bool) -> None:
    """Names of one place that differ as words, not as romanisations ("Khotan", "Hetian"; "Tihwa",
    "Urumqi"), are one place across documents by the gazetteer (rules/gazetteer.toml), with the
    reason, and a question by one name finds the place the documents call by another."""
    db_path = built_from(tmp_path, f"The caravan reached {first} in the spring of 1934.\n",
                         f"In 1949 the county seat of {second} was taken over by the new authorities.\n")
    from etr.text.fold import fold

    db = json.loads(db_path.read_text())
    by_form = {fold(f): e for e in db["entities"] for f in (e["name"], *e["aliases"], *e.get("forms", {}))}
    assert (by_form[fold(first)]["id"] == by_form[fold(second)]["id"]) is one, (by_form[first], by_form[second])
    if one and not by_form[fold(first)]["curated"]:
        place = by_form[fold(first)]
        assert place["type"] == "place"
        assert any("gazetteer" in m["reason"] and m["citation"]["quote"].startswith("In 1949")
                   for m in place["merges"]), place["merges"]


def test_a_question_by_another_name_of_a_place_finds_it(tmp_path: Any) -> None:
    """`etr where Hetian` on documents that say only "Khotan": the place, read as Khotan; a name
    people bear too ("Frunze") is no place by the gazetteer alone."""
    db = built_from(tmp_path, "The caravan reached Khotan in the spring of 1934.\n",
                    "Frunze commanded the army in Turkestan in 1920.\n",
                    "The train from Bishkek arrived in 1946.\n")
    got = answers(db, "where", "Hetian")
    assert got and got[0]["name"] == "Khotan"
    found = {e["name"]: e for e in json.loads(db.read_text())["entities"]}
    assert "Frunze" not in found.get("Bishkek", {}).get("aliases", []), found.get("Bishkek")


def test_the_gazetteer_gives_each_name_one_place() -> None:
    """A name in two rows of rules/gazetteer.toml would make two places one."""
    from etr import rules
    from etr.text.romanise import key

    rows = [row["names"] for row in rules.load("gazetteer")["place"]]
    seen: dict[str, int] = {}
    for r, names in enumerate(rows):
        assert all(row.get("source", "").startswith("https://") for row in rules.load("gazetteer")["place"])
        for name in names:
            assert seen.setdefault(key(name), r) == r, (name, rows[seen[key(name)]], names)


def test_a_date_line_states_when_and_where_its_document_was_written(tmp_path: Any) -> None:
    """"Washington, July 10, 1942." under a letter's heading: the letter written there that day,
    by the writer the heading names (an event cited by the line); the text below is dated by it
    as before. A line of a month alone says too little to stand as an event; a day alone under
    an article's title is the piece of that day."""
    db = json.loads(built(tmp_path, "893.24/1392\n\nThe First Secretary of the British Embassy (Hayter) to the "
                                    "Assistant Chief of the Division of Far Eastern Affairs (Salisbury)\n\n"
                                    "Washington, July 10, 1942.\n\nDear Mr. Salisbury: The Chinese Government have "
                                    "now approached us in regard to two air routes to Kashgar.\n").read_text())
    events = {e["text"]: e for e in db["events"] if e["source"] == "doc"}
    line = events["Washington, July 10, 1942."]
    hayter = next(e for e in db["entities"] if e["name"].endswith("Hayter"))
    assert line["date"]["value"] == "1942-07-10" and hayter["id"] in line["entities"], line
    assert "date line" in line["via"][hayter["id"]]
    assert line["citations"][0]["quote"] == "Washington, July 10, 1942."
    body = [e for t, e in events.items() if t.startswith("Dear Mr. Salisbury")]
    assert [e["date"]["value"] for e in body] == ["1942-07-10"]
    db = json.loads(built(tmp_path, "Report on the caravan trade\n\nKashgar, July 1942.\n\n"
                                    "The caravans from Leh came in late this year.\n", "caravans.txt").read_text())
    assert not [e for e in db["events"] if e["text"].startswith("Kashgar, July 1942")]
    # the review's: an enclosure's date line under the first is not the writer's of the file; a
    # masthead is no place written at
    db = json.loads(built(tmp_path, "The Ambassador in China (Gauss) to the Secretary of State\n\n"
                                    "Chungking, February 3, 1943.\n\nSir: I enclose a report from Tihwa.\n\n"
                                    "[Enclosure]\n\nThe Consul at Tihwa (Clubb) to the Ambassador\n\n"
                                    "Tihwa, February 10, 1943.\n\nSir: The roads are closed by snow.\n", "gauss.txt").read_text())
    lines = [e["text"] for e in db["events"] if e["source"] == "gauss" and e["text"].endswith(", 1943.")]
    assert lines == ["Chungking, February 3, 1943."], lines
    db = json.loads(built(tmp_path, "The Times, 6 January 1945\n\nSoviet troops crossed the frontier "
                                    "at Khorgos yesterday.\n", "times.txt").read_text())
    assert not [e for e in db["events"] if e["text"].startswith("The Times")]
    # a day alone under an article's title: the piece of that day, cited by both lines; a
    # caption or a record's field under the date line takes no date of its own
    db = json.loads(built(tmp_path, "Taiwan Review\n\nPowder Keg of Central Asia\n\nJuly 01, 1964\n"
                                    "(File photo)\n\nLarge numbers of Uighurs have fled to Russian territory.\n",
                          "review.txt").read_text())
    events = {e["text"]: e for e in db["events"] if e["source"] == "review"}
    piece = events["Powder Keg of Central Asia\n\nJuly 01, 1964"]
    assert piece["date"]["value"] == "1964-07-01" and piece["citations"][0]["quote"] == piece["text"]
    assert "(File photo)" not in events
    assert events["Large numbers of Uighurs have fled to Russian territory."]["date"]["how"] == "context"
    db = json.loads(built(tmp_path, "Осколки истории\n\n19 августа 2010, 20:00\nЗнакомство корреспондента "
                                    "с русскими из Кульджи произошло неожиданно.\n", "ni.txt").read_text())
    assert [e["date"]["value"] for e in db["events"] if e["text"].startswith("Осколки истории\n\n19 августа")] \
        == ["2010-08-19"]
    db = json.loads(built(tmp_path, "Head of the Government - ALIHAN TORE\n\n22 April 1945\n\n"
                                    "Authenticated by: V. Popova\n\nThe letter praises Stalin.\n", "tore.txt").read_text())
    assert [e["text"] for e in db["events"] if e["source"] == "tore"] == [
        "Head of the Government - ALIHAN TORE\n\n22 April 1945", "The letter praises Stalin."]
    # the title under the day ("Monday, Jul. 27, 1942" over "Ma's Roadwork"), a title's span of
    # days on a reference page: the same, the title no event of its own
    db = json.loads(built(tmp_path, "Monday, Jul. 27, 1942\n\nLetters from Kazak Refugees\n\n"
                                    "General Ma accepted the post of Commissioner.\n", "time.txt").read_text())
    assert {e["text"]: e["date"]["value"] for e in db["events"] if e["source"] == "time"} == {
        "Monday, Jul. 27, 1942\n\nLetters from Kazak Refugees": "1942-07-27",
        "General Ma accepted the post of Commissioner.": "1942-07-27"}
    db = json.loads(built(tmp_path, "Xinjiang Wars\n\n20 Feb 1931 - 30 Oct 1937\n\n"
                                    "Xinjiang was the western-most Chinese province.\n", "wars.txt").read_text())
    wars = [e for e in db["events"] if e["source"] == "wars" and e["text"].startswith("Xinjiang Wars")]
    assert [e["date"]["value"] for e in wars] == ["1931-02-20/1937-10-30"], wars
    # the review's: a salutation, a byline, a classification, a numbered heading, a masthead, an
    # infobox's label or a diary's title by a day is no piece; a title under the day that is a
    # hard-wrapped paragraph's first line neither; a title's names are the piece's
    for n, (head, below) in enumerate([("", "Dear Sir"), ("", "By John Smith"), ("Top Secret", ""),
                                       ("Chapter IV", ""), ("The North-China Herald", ""), ("In office", ""),
                                       ("Diary of a Journey to Kashgar", ""), ("No. 45", "")]):
        text = (f"{head}\n\n" if head else "") + "March 3, 1935\n\n" + (f"{below}\n\n" if below else "") + \
            "The caravan left Hami for Turfan in the morning.\n"
        db = json.loads(built(tmp_path, text, f"probe{n}.txt").read_text())
        pieces = [e["text"] for e in db["events"] if e["source"] == f"probe{n}" and "March 3, 1935" in e["text"]]
        assert not pieces, (head, below, pieces)
    db = json.loads(built(tmp_path, "August 5, 1935\n\nThe Kazakhs under Osman Batur crossed\nthe Altai in "
                                    "the spring.\n", "wrapped.txt").read_text())
    assert not [e for e in db["events"] if e["text"].startswith("August 5, 1935\n")]
    db = json.loads(built(tmp_path, "August 4, 1955\n\nLetters from Kazak Refugees in Turkey to Yolbars Khan\n\n"
                                    "To Chairman Yolbars: we have received your letter.\n", "kazak.txt").read_text())
    piece = next(e for e in db["events"] if e["text"].startswith("August 4, 1955\n\nLetters"))
    assert any("yolbars" in x for x in piece["entities"]), piece
    # a day alone over the text, under no title: no piece of its own (the text is dated by it)
    db = json.loads(built(tmp_path, "September 2, 1949\n\nThe troops entered Hami in the morning.\n",
                          "day.txt").read_text())
    assert [e["text"] for e in db["events"] if e["source"] == "day"] == ["The troops entered Hami in the morning."]


def test_names_in_cyrillic_meet_their_romanised_forms_however_declined(tmp_path: Any) -> None:
    """A Russian text's names are found as an English text's are and meet the registry's by their
    key, read without their case endings ("в Кашгаре" is Kashgar; "Кашгарии" Kashgaria, though
    an earlier document wrote "Kashgari"); a capitalised preposition opening the sentence is no
    part of the name ("Во Франции"); a capitalised adjective before its lower-case noun is no name
    ("Белой армии"); the review's: a declined people's word is not another people ("Казаки",
    Cossacks, are not the Kazak); a Cyrillic gloss in an English text, stress marks and all, is an
    alias of the name it glosses; a Chinese name in the Russian transcription meets its pinyin."""
    db = json.loads(built_from(
        tmp_path,
        "A rich Kashgari trader came to Yarkand in 1936.\n",
        "В 1937 году в Кашгаре начались волнения. Мухити бежал в Индию, а войска Белой армии "
        "остались в городе. Власть во всей Кашгарии перешла к эмирам. Во Франции об этом писали. "
        "Книга «Казаки в Китае» вышла позже. Дубань Шэн Шицай обратился к Советам, а Мухити уехал.\n",
        "Ehmetjan Qasimi (Russian: Ахме́тжан Каси́ми) was born in 1914 in Ghulja.\n").read_text())
    by_form = {f: e for e in db["entities"] for f in (e["name"], *e["aliases"])}
    assert by_form["Кашгаре"]["id"] == "kashgar" and by_form["Индию"]["name"] == "India"
    assert by_form["Кашгарии"]["id"] == "kashgaria"
    assert "Белой" not in by_form and "Мухити" in by_form and "Во Франции" not in by_form
    assert by_form.get("Казаки", {}).get("id") != "kazakhs"
    assert by_form["Ахме́тжан Каси́ми"]["id"] == "ehmetjan-qasimi"
    assert by_form["Шэн Шицай"]["id"] == "sheng-shicai"


def test_a_surname_alone_meets_a_name_in_full_spelt_near_it_not_one_its_key_shares(tmp_path: Any) -> None:
    """"Major Heyder" in one document and "Mirza Haidar" named in full in another share a
    romanisation key, not a spelling: possibly one, not merged; "Dreessen" alone is the "Robert B.
    Dreesen" another document names (a letter apart)."""
    db = json.loads(built_from(tmp_path, "Mirza Haidar wrote his history of the Moghuls in 1546.\n",
                               "Major Heyder arrived at Kashgar in 1890 with his escort.\n",
                               "Robert B. Dreesen, the Vice Consul, left Tihwa in 1949.\n",
                               "Dreessen reported that the road to Hami was open in 1949.\n").read_text())
    found = {e["name"]: e for e in db["entities"] if not e["curated"]}
    haidar = next(e for n, e in found.items() if n.endswith("Haidar"))
    assert "Heyder" not in haidar["aliases"] and any(p["name"] == "Heyder" for p in haidar["possibly"]), haidar
    assert "Dreessen" in found["Robert B. Dreesen"]["aliases"]


@pytest.mark.parametrize("sentence,names", [
    # a place in the genitive before the man it qualifies: two names
    ("Организацией отряда занялся уроженец Джаркента Мансур Ломиев, живший в Кульдже.",
     {"Джаркента", "Мансур Ломиев"}),
    ("Позже новый дубань Синьцзяна Шэн Шицай обратился к Советам.", {"Синьцзяна", "Шэн Шицай"}),
    # a man's given name in -а, a patronymic, a woman's name, a name all in the genitive: one name
    ("Об этом писал тогда Никита Хрущёв в своих мемуарах.", {"Никита Хрущёв"}),
    ("Об этом писал тогда Никита Сергеевич Хрущёв в мемуарах.", {"Никита Сергеевич Хрущёв"}),
    ("Письмо получила тогда Анна Ивановна Петрова из Омска.", {"Анна Ивановна Петрова"}),
    ("У моего деда Ивана Никандровича Ольшанского было семь дочерей.", {"Ивана Никандровича Ольшанского"}),
])
def test_a_russian_place_in_the_genitive_before_a_name_is_a_name_of_its_own(sentence: str, names: set[str]) -> None:
    got = {u.text for u in found_in(sentence) if not u.weak}
    assert names <= got and not any(n in got for n in _joined(names)), got


def _joined(names: set[str]) -> set[str]:
    """The names of a sentence run together, two by two: what must not be found."""
    return {f"{a} {b}" for a in names for b in names if a != b}


_REAL = __import__("pathlib").Path(__file__).parent / "data" / "real"


def test_an_ordinary_word_capitalised_only_where_it_stands_is_no_name(tmp_path: Any) -> None:
    """"Article I: Rebel troops in Ining ..." (a FRUS summary) and "Having returned from Moscow to
    Xinjiang ..." (Sheng Shicai's letter): after documents that write "rebel" and "having" in
    lower case, the capitalised word is that word, no name, whatever follows it; the names of
    those documents stay names. Real documents of tests/data/real/, read in this order."""
    files = ["reference/military_wiki_battle_of_aksu_1933.txt", "telegrams/frus1946v10_d934_chiang_ching_kuo_tihwa.txt",
             "telegrams/frus1945v07_d733_tacheng_captured.txt",
             "telegrams/wilson_1934-07-27_stalin_to_apresov_sheng_letter_depressing_impression.txt",
             "press/newspaper_taranaki-daily-news-1934-03-06-new-republic.txt",
             "telegrams/frus1943china_d170_vincent_no_truth_in_bern_report_clubb_to_tihua.txt",
             "telegrams/frus1946v10_d942_supplement_ii_signed.txt",
             "telegrams/wilson_1939-01-04_sheng_shicai_letter_after_moscow_visit_six_principles.txt"]
    db = json.loads(built_from(tmp_path, *((_REAL / f).read_text(encoding="utf-8") for f in files)).read_text())
    names = {e["name"] for e in db["entities"]}
    assert not names & {"Rebel", "Having"}, sorted(names)
    assert {"Ining", "Tacheng", "Apresov"} <= {n for e in db["entities"] for n in (e["name"], *e["aliases"])}


def test_a_name_asked_with_words_of_context_shows_what_is_said_of_it(tmp_path: Any) -> None:
    """`who "Maqsud Shah, chancellor"`: the profile of Maqsud Shah, and first the sentences about
    him that hold the question's other words (`in_context`, cited); the name alone has none.
    A real encyclopedia page (tests/data/real/reference/)."""
    from conftest import cli

    out = built(tmp_path, (_REAL / "reference" / "wikipedia_maqsud_shah_khan_of_kumul.txt").read_text(encoding="utf-8"))
    text = (_REAL / "reference" / "wikipedia_maqsud_shah_khan_of_kumul.txt").read_text(encoding="utf-8")
    got = answers(out, "who", "Maqsud Shah, chancellor at court")[0]
    assert got["name"] == "Maqsud Shah"
    said = got["in_context"]
    assert said[0]["quote"] == "Maqsud Shah had Yulbars Khan, the Tiger Prince of Hami as his chancellor at court."
    assert all(text[c["start"] : c["end"]] == c["quote"] for c in said)
    drank = answers(out, "who", "Maqsud drank alcohol")[0]["in_context"]
    assert drank[0]["quote"].startswith("Maqsud also drank enormous amounts of alcohol")
    assert "in_context" not in answers(out, "who", "Maqsud Shah")[0]
    plain = cli("who", "Maqsud Shah, chancellor at court", "--db", str(out)).stdout
    assert "In the question's words" in plain.replace("\t", " ") or "in_context" in plain


def test_a_german_text_s_capitalised_nouns_are_no_names(tmp_path: Any) -> None:
    """German capitalises every noun ("Unterstützung", "Verträge", "Kontrolle"): in a German page
    one capitalised word is a name only where something else says so, as one opening an English
    sentence is; the registered names it gives are found, and its dates are read
    (a real encyclopedia page, tests/data/real/reference/)."""
    text = (_REAL / "reference" / "deacademic_sheng_shicai_dewiki_de.txt").read_text(encoding="utf-8")
    db = json.loads(built(tmp_path, text, "sheng.txt").read_text())
    found = {e["name"] for e in db["entities"] if not e["curated"]}
    assert not found & {"Unterstützung", "Gegenzug", "Verträge", "Kontrolle", "Einfluss", "Hilfe", "Berater",
                        "Hoffnung", "Bürgerkrieg", "Dezember"}, sorted(found)
    named = {e["name"] for e in db["entities"] if any(s.startswith("s-sheng") for s in e.get("sentences", []))}
    assert {"Sheng Shicai", "Jin Shuren"} <= named, sorted(named)
    assert "1970-07-13" in {e["date"]["value"] for e in db["events"] if e["source"] == "sheng"}


@pytest.mark.parametrize("query", ["Litvinov's views", "Litvinov’s assurances about Sinkiang"])
def test_a_name_asked_with_its_possessive_is_the_name(tmp_path: Any, query: str) -> None:
    """"Litvinov's assurances about Sinkiang" asks about Litvinov (a real telegram, FRUS 1935)."""
    text = (_REAL / "telegrams" / "frus1935v03_d102_1935_bullitt_yen_litvinov_sinkiang_soviet_guard.txt").read_text(
        encoding="utf-8")
    got = answers(built(tmp_path, text), "who", query)
    assert got and got[0]["name"] == "Litvinov", got[:1]


@pytest.mark.parametrize("sentence,born,died", [
    ("Sheng Shicai (auch Cheng-Chi-Tsai, chinesisch 盛世才 Shèng Shìcái, * 1897 in Kaiyuan; † 13. Juli 1970) war "
     "ein Mandschu-stämmiger Kriegsherr in der Republik China.", True, True),
    ("Margub Timergalijewitsch Ischakow (* 13. März 1923 in Yining; † 1992 in Alma-Ata)", True, True),
    ("Ma Fuxiang (b. 1876, d. 1932) was a Hui general.", True, True),
    ("The sum was 3 * 4 rubles; d. Ward signed.", False, False),
])
def test_a_reference_work_s_signs_for_birth_and_death_are_its_words(sentence: str, born: bool, died: bool) -> None:
    """"† 13. Juli 1970" is found by "death" (search, `etr when "death of Sheng Shicai"`), "* 1897" by "born"."""
    from etr.text.terms import sentence_terms, terms

    got = set(sentence_terms(sentence))
    assert (set(terms("born")) <= got, set(terms("died")) <= got) == (born, died)


def test_a_registered_man_s_name_with_the_title_a_document_gives_him_is_an_alias(tmp_path: Any) -> None:
    """"General Pai Chung-hsi": how the document styles the registered man is one of the spellings
    his profile shows (a real telegram, tests/data/real/telegrams/, FRUS 1949)."""
    text = (_REAL / "telegrams" / "frus1949v09_d988_chang_commerce_treaty.txt").read_text(encoding="utf-8")
    db = json.loads(built(tmp_path, text).read_text())
    assert "General Pai Chung-hsi" in names_of(db, "Bai Chongxi")[1]


def test_a_birthplace_asked_with_words_of_context(tmp_path: Any) -> None:
    """`where "birthplace of the poet Abduxaliq Uyghur"`: the sentence saying where he was born
    answers, though "the poet" ranks other sentences first (a real article, tests/data/real/press/)."""
    text = (_REAL / "press" / "bitterwinter_2023-03-14_abduxaliq_uyghur_beheaded_poet.txt").read_text(encoding="utf-8")
    got = answers(built(tmp_path, text), "where", "birthplace of the poet Abduxaliq Uyghur")
    assert got and got[0]["name"] == "Turfan", got[:1]


def test_ordinary_words_and_surnames_that_are_english_words(tmp_path: Any) -> None:
    """After documents that write "little", "miles" and "having" in lower case: "Having returned"
    is no name, but "Little reported" and "Miles arrived" are men (a surname may be an English word:
    before a verb only a word of no surname's shape is taken for an ordinary one), and so is
    "Miles's" where the document calls him "Mr. Miles"; a man named inside a relative date
    ("Ten days after Hasan Beg was appointed") stays a name."""
    db = json.loads(built_from(
        tmp_path,
        "The little town lay twelve miles from the river, having no wall.\n",
        "A little later, having crossed forty miles of desert, the caravan rested.\n",
        "Having little water, they marched ten miles a day.\n",
        "Little reported from Shanghai on March 3, 1947. Miles arrived in Kashgar on May 5, 1947. "
        "I met Mr. Miles, my good friend, on May 6, 1947. Miles's rank was that of a captain. "
        "Having returned from Moscow on June 2, 1947, Sheng wrote. Ten days after Hasan Beg was appointed "
        "governor, the town fell.\n").read_text())
    names = {e["name"]: e for e in db["entities"] if not e["curated"]}
    assert "Having" not in names
    assert {"Little", "Miles", "Hasan Beg"} <= set(names), sorted(names)
    assert len(names["Miles"]["sentences"]) == 3


@pytest.mark.parametrize("query,date", [("death of Sheng Shih-tsai", "1970-07-13"), ("Sheng Shicai born", "1897")])
def test_a_reference_work_s_sign_dates_the_birth_or_death_asked(tmp_path: Any, query: str, date: str) -> None:
    """"(* 1897 in Kaiyuan; † 13. Juli 1970)": `etr when "death of Sheng Shih-tsai"` is the day after
    the cross, of the four the sentence gives (a real encyclopedia page, tests/data/real/reference/)."""
    text = (_REAL / "reference" / "deacademic_sheng_shicai_dewiki_de.txt").read_text(encoding="utf-8")
    got = answers(built(tmp_path, text), "when", query)
    assert got and got[0]["date"]["value"] == date, [e["date"]["value"] for e in got[:3]]


def test_another_document_s_statement_does_not_take_a_registered_man_s_surname(tmp_path: Any) -> None:
    """"Special Commissioner Us Man (Osman)" in one article (a press garbling it quotes) does not
    make the "Osman" of a later Time story that Us Man: he is the one registered man so called,
    Osman Batur (real documents, tests/data/real/)."""
    files = ["reference/reference_battle-of-baitag-bogd-peitashan-wikipedia.txt",
             "press/time_foreign_news_to_follow_the_faith_kazaks_srinagar.txt"]
    db = json.loads(built_from(tmp_path, *((_REAL / f).read_text(encoding="utf-8") for f in files)).read_text())
    later = [s for s in db["sentences"] if s["source"] == "b" and "Osman" in s["text"]]
    assert later and all("osman-batur" in s["entities"] for s in later), [(s["text"][:60], s["entities"]) for s in later]


def test_one_he_is_one_man(tmp_path: Any) -> None:
    """"He was murdered on 19 March 1942." in the article on Sheng Shiqi is his death, not also his
    brother Sheng Shicai's, whom the paragraph names more often (a real encyclopedia page,
    tests/data/real/reference/)."""
    text = (_REAL / "reference" / "wikipedia_sheng_shiqi_brigade_commander_murder_1942.txt").read_text(encoding="utf-8")
    db = json.loads(built(tmp_path, text).read_text())
    murdered = next(s for s in db["sentences"] if s["text"].startswith("He was murdered on 19 March 1942"))
    named = {e["id"]: e["name"] for e in db["entities"]}
    assert [named[i] for i in murdered["entities"] if named[i].startswith("Sheng")] == ["Sheng Shiqi"], murdered


@pytest.mark.parametrize("query,name", [
    # the name written as the document writes it, capitalised, among words of context
    ("Mannerheim's Preliminary Report on his ride across Chinese Turkestan", "Preliminary Report"),
    ("Preliminary Report of Mannerheim", "Preliminary Report"),
])
def test_a_thing_the_question_names_as_written_among_its_context(tmp_path: Any, query: str, name: str) -> None:
    """`etr what` with a thing's name in capitals and words of context around it answers the
    thing named, not a phrase of the document some of the other words find ("Across Chinese
    Turkestan"). A real page (tests/data/real/telegrams/)."""
    page = _REAL / "telegrams" / "mannerheim_preliminary_report_trip_1906-1908_goal_of_journey.txt"
    got = answers(built(tmp_path, page.read_text(encoding="utf-8")), "what", query)
    assert got and got[0]["name"] == name



@pytest.mark.parametrize("sentence,names", [
    # Turkish writes a name's case ending after an apostrophe: it ends the name (real sentences
    # of tests/data/real/press/fikriyat_... and reference/abdulvahapkara_...)
    ("İşte bunun ilk adımı Kaşgar'da atıldı.", ["Kaşgar"]),
    ("1930’lu yıllarda Doğu Türkistan’ın Çinli Genel Valisi Şın Şı Say’ın baskı ve zulmüne tahammül "
     "edemeyen Kazaklar yurtlarından hicret etmeye mecbur kaldı.", ["Doğu Türkistan", "Kazaklar"]),
    # ... not a Wade-Giles apostrophe, nor a short word's
    ("Nanking had never heard of Hsin-ch'ao and Mamut'i Muit'i.", ["Nanking", "Hsin-ch'ao", "Mamut'i Muit'i"]),
    # a Russian surname after a word in the genitive is a name of its own (a real sentence of
    # tests/data/real/press/datnews_...), and a gerund opening a sentence is no part of one
    ("В июле 1942 года в Урумчи прибыл посланец Сталина Деканозов.", ["Урумчи", "Сталина", "Деканозов"]),
    ("Пожелав Деканозову счастливого пути, Шен Шицай приступил к более решительным действиям.",
     ["Деканозову", "Шен Шицай"]),
    ("Вячеслав Молотов прибыл в Москву.", ["Вячеслав Молотов", "Москву"]),  # a given name in -слав
    ("Анна Петрова и Никита Хрущёв прибыли.", ["Анна Петрова", "Никита Хрущёв"]),
    # a Muslim man's given name in -а, -я is no genitive ("Абдулла Закиров": one man)
    ("Вчера прибыли Абдулла Закиров и Мустафа Чокаев.", ["Абдулла Закиров", "Мустафа Чокаев"]),
])
def test_case_endings_and_genitives_end_names(sentence: str, names: list[str]) -> None:
    got = [u.text for u in found_in(sentence)]
    assert all(n in got for n in names) and not any(g.endswith(("'da", "’ın")) for g in got), got
    assert not any(g.startswith(("Пожелав", "Сталина Д")) for g in got), got


@pytest.mark.parametrize("word,phrase,ending", [
    ("Kaşgar'da", "Kaşgar'da", "'da"), ("Cumhuriyeti'nin", "Cumhuriyeti'nin", "'nin"), ("Ankara’dan", "Ankara’dan", "’dan"),
    ("Say'ın", "Şın Şı Say'ın", "'ın"),  # a short stem, where the sentence is Turkish
    ("Stalin'e", "Stalin'e gitti ve İstanbul'a döndü", "'e"), ("Stalin'e", "Stalin'e", ""),  # one vowel: only so
    # Wade-Giles, pinyin and Arabic apostrophes stay
    ("Hsin-ch'ao", "Hsin-ch'ao", ""), ("Mamut'i", "Mamut'i", ""), ("Shi'a", "Shi'a", ""), ("Shari'a", "Shari'a", ""),
    ("Jami'a", "Jami'a", ""), ("Chang'e", "Chang'e", ""), ("Shafi'i", "Shafi'i", ""),
])
def test_turkish_case_ending(word: str, phrase: str, ending: str) -> None:
    from etr.ingest.discover import case_ending

    assert case_ending(word, phrase, 0, len(phrase)) == ending


@pytest.mark.parametrize("name,man", [
    ("Деканозову", "Деканозов"), ("Могутновым", "Могутнов"), ("Мансуру Ломиеву", "Мансур Ломиев"),
    ("Ахмеджану Касымову", "Ахмеджан Касымов"), ("Мансуром Ломиевым", "Мансур Ломиев"),
    ("Деканозова", None),  # his genitive, or his wife
    ("Кашгаре", None), ("Деканозов", None),
    ("Украине", None), ("Украину", None), ("Аргентине", None),  # a feminine noun's cases
])
def test_a_mans_case(name: str, man: str | None) -> None:
    from etr.text.romanise import mans_case

    assert mans_case(name) == man


@pytest.mark.parametrize("sentence,names", [
    # Hansard online runs a speech on to the speaker's name (real lines of tests/data/real/
    # reference/hansard_1945_...): the name ends where the speech's first word starts
    ("§ Mr. Noel-BakerThat is a matter between the Soviet Government and Generalissimo Chiang Kai-Shek.",
     ["Noel-Baker", "Chiang Kai-Shek"]),
    ("§ Mr. Noel-BakerI will put that point to my right hon. Friend.", ["Noel-Baker"]),
    ("§ Mr. Walter FletcherIn view of the Foreign Minister's recent statement", ["Walter Fletcher"]),
    # names with a capital inside stay whole
    ("Mr. McIntyre and MacIsaac met DeWitt.", ["McIntyre", "MacIsaac", "DeWitt"]),
    ("Dr. Reginald McAll visited Kashgar and Mr. Everett McNear arrived.", ["Reginald McAll", "Everett McNear"]),
    # the names of the speech after the speaker's are read on
    ("§ Mr. DaviesHis Majesty's Consul General Walter Graham left Tihwa.", ["Davies", "Walter Graham"]),
    # a Russian abstract noun opening a sentence is no part of the name after it (a real sentence
    # of tests/data/real/memoirs/efremov_...)
    ("Население Кульджи было пестрым: магометане, буддисты, язычники.", ["Кульджи"]),
    # a Russian word the text writes in small letters elsewhere, opening a sentence, is an
    # ordinary word, as an English one is
    ("Посланец Сталина прибыл в Урумчи, и посланец уехал.", ["Сталина"]),
    # a German pronoun opening a sentence is no part of a name (a real sentence of tests/data/
    # real/reference/perceptio_...); a German title's article is ("Das Kapital")
    ("Seine Herrschaft war von der Unterdrückung und Folter der uigurischen und kasachischen Minderheiten geprägt.", []),
    ("He had read Das Kapital twice.", ["Das Kapital"]),
])
def test_a_name_ends_where_other_words_run_on(sentence: str, names: list[str]) -> None:
    got = [u.text for u in found_in(sentence)]
    assert all(n in got for n in names), got
    assert not any(g.endswith(("That", "BakerI", "In")) or g.startswith(("Население", "Seine", "Посланец")) for g in got), got


def test_a_given_name_before_another_spelling_of_the_surname(tmp_path: Any) -> None:
    """"Ahmetjan Kasmu" (China Daily, a spelling through Chinese; tests/data/real/press/
    china_daily_...) is the registered Ehmetjan Qasimi: his given name as written, the surname in
    the same consonants; the name it writes is an alias, cited. A man of that given name and
    another surname is another man."""
    real = (_REAL / "press" / "china_daily_2014_three_districts_martyrs_seminar.txt").read_text(encoding="utf-8")
    db = built_from(tmp_path, real, "In 1950 Ahmetjan Osman and Ahmetjan Kasimi met in Ghulja. Seypidin Eziz "
                    "spoke. In 1948 Ma Chin-kang arrived at Hami.\n\nBurhan Arrives in Peking.\n\nHe was met there.")
    him = answers(db, "who", "Ehmetjan Qasimi")[0]
    assert him["id"] == "ehmetjan-qasimi" and {"Ahmetjan Kasmu", "Ahmetjan Kasimi"} <= set(him["aliases"])
    assert "Ahmetjan Osman" not in him["aliases"]
    other = answers(db, "who", "Ahmetjan Osman")[0]
    assert other["id"] != "ehmetjan-qasimi" and other["name"] == "Ahmetjan Osman"
    # a short surname in the same consonants (z-z) is his too; a Chinese name is no given name
    # and surname; a headline's capitals are no surname
    assert "Seypidin Eziz" in answers(db, "who", "Seypidin Azizi")[0]["aliases"]
    assert answers(db, "who", "Ma Chin-kang")[0]["id"] != "ma-chung-yin"
    burhan = answers(db, "who", "Burhan Shahidi")[0]
    assert any("Burhan Arrives in Peking" in st["quote"] for st in burhan["statements"])


def test_a_man_asked_by_initials_or_given_name_the_documents_call_by_surname(tmp_path: Any) -> None:
    """A telegram calls him "Soong", a page "Mackiernan" (killed, shot: a man); asked as "T. V.
    Soong" with words of context, or "Douglas Mackiernan", he is found (real documents of
    tests/data/real/telegrams/frus_1945_harriman_... and reference/intelligenceref_...)."""
    docs = [(_REAL / "telegrams" / "frus_1945_harriman_soong_received_by_stalin.txt").read_text(encoding="utf-8"),
            (_REAL / "reference" / "intelligenceref_douglas_mackiernan.txt").read_text(encoding="utf-8")]
    db = built_from(tmp_path, *docs)
    assert answers(db, "who", "T. V. Soong Stalin Moscow 1945")[0]["name"] == "Soong"
    assert answers(db, "who", "T. V. Soong")[0]["name"] == "Soong"
    assert answers(db, "who", "Douglas Mackiernan")[0]["name"] == "Mackiernan"
    # initials that are no given name the documents give him: no sure answer
    (tmp_path / "full").mkdir()
    full = built_from(tmp_path / "full", "Douglas Mackiernan was Vice Consul at Tihwa. Mackiernan left in 1949.")
    got = answers(full, "who", "Z. Mackiernan")
    assert not got or got[0]["score"] < 1.0


def test_initials_then_a_given_name_and_the_surname(tmp_path: Any) -> None:
    """"J. Hall Paxton consul": the surname is the last capitalised word after the initials, the
    given name before it, not the "[John Hall] Paxton" of a cable read as a John Hall (real
    documents of tests/data/real/telegrams/)."""
    docs = [(_REAL / "telegrams" / name).read_text(encoding="utf-8") for name in (
        "wilson_1949-12-07_zhou_enlai_cable_to_wang_zhen_consuls.txt", "frus1949v09_d990_keep_informed_chang_visit.txt")]
    db = built_from(tmp_path, *docs)
    for asked in ("J. Hall Paxton consul", "J. Hall Paxton"):
        assert "Paxton" in answers(db, "who", asked)[0]["name"], asked


@pytest.mark.parametrize("a,b,once", [
    ("Building on such research, this chapter pays particular attention to the historical background of Kazakh emigration.",
     "Building on such research, this chapter pays particular aention to the historical background of Kazakh emigration.", True),
    # numbers that differ are two reports; so are short lines
    ("On that day some 3,000 Kazak troops crossed the border near Chuguchak and attacked the post there.",
     "On that day some 300 Kazak troops crossed the border near Chuguchak and attacked the post there.", False),
    ("Situation quiet.", "Situation quiet.", False),
])
def test_a_passage_printed_twice_is_one_result(a: str, b: str, once: bool) -> None:
    from etr.query.core import reprinted_once

    results = [{"text": t, "date": {"value": "1944"}, "entities": [], "citations": [{"source": s}]}
               for t, s in ((a, "one"), (b, "two"))]
    got = reprinted_once(results)
    assert len(got) == (1 if once else 2)
    if once:
        assert [c["source"] for c in got[0]["citations"]] == ["one", "two"]


def test_a_german_survey_s_subject_is_asked_by_its_name(tmp_path: Any) -> None:
    """Hayit's "Ostturkestan" (a real article of tests/data/real/press/apuz_...): `etr what
    Ostturkestan` is the country the article describes, its sentence whole across the blank line
    where the PDF broke "be-zeichnet"; not a founding another German page names "Gründung der
    Republik Ostturkestan" (tests/data/real/reference/perceptio_...), no man whose surname is
    "Ostturkestan"."""
    docs = [(_REAL / "press" / "apuz_1962_hayit_ostturkestan_machtkampf_de.txt").read_text(encoding="utf-8"),
            next((_REAL / "reference").glob("perceptio_de_zunun_taipov*.txt")).read_text(encoding="utf-8")]
    db = built_from(tmp_path, *docs)
    got = answers(db, "what", "Ostturkestan")[0]
    assert got["name"] == "Ostturkestan"
    said = " ".join([*(ev["text"] for ev in got["events"]), *(st["quote"] for st in got["statements"])])
    assert "(Neue Provinz) be-\n\nzeichnet, mit einer Fläche von etwa 1 760 000 qkm" in said


def test_a_passage_two_documents_print_alike_is_one_answer(tmp_path: Any) -> None:
    """One chapter's abstract from two mirrors, one of whose PDFs lost its ligatures
    ("attention", "aention"): `etr when` shows it once, citing both, and the survey's year
    comes in the top three (real documents of tests/data/real/)."""
    docs = [(_REAL / folder / name).read_text(encoding="utf-8") for folder, name in (
        ("reference", "noda_kazakh_migrants_soviet_chinese_relations_1940s_abstract.txt"),
        ("reference", "noda_kazakh_migrants_soviet_chinese_1940s.txt"),
        ("telegrams", "cia_1952-11-24_kazakh_race_of_sinkiang.txt"))]
    db = built_from(tmp_path, *docs)
    got = answers(db, "when", "survey counting the Kazakhs of Sinkiang")
    assert "1941" in [r["date"]["value"] for r in got[:3]]
    background = [r for r in got if "historical background of Kazakh emigration" in r["text"]]
    assert background and len({(r["text"][:40], r["date"]["value"]) for r in background}) == len(background)
    assert len({c["source"] for r in background[:1] for c in r["citations"]}) == 2


def test_places_by_their_russian_and_turkish_names(tmp_path: Any) -> None:
    """A Russian memoir's "Кульджа" (after "При правлении Цинов Кульджа", no name of a Cyrillic
    word's) and a Turkish page's "Yenihisar" are the places asked as "Ining", "Yangi Hissar"
    (real pages of tests/data/real/)."""
    docs = [(_REAL / "memoirs" / "efremov_goltsev_kuldja_ining_description_ru.txt").read_text(encoding="utf-8"),
            (_REAL / "press" / "vehbitulek_isa_yusuf_alptekin_tr.txt").read_text(encoding="utf-8")]
    db = built_from(tmp_path, *docs)
    for place, words in (("Ining", "Кульджа – главный город"), ("Yangi Hissar", "Yenihisar kazasında")):
        got = answers(db, "where", place)[0]
        assert words in " ".join([*(ev["text"] for ev in got["events"]), *(st["quote"] for st in got["statements"])])
        assert words.split()[0].split("–")[0].strip() in got["aliases"]  # the name it writes, an alias
    # a name the gazetteer gives in other letters is found only as written: not the English
    # "Begin" for "Пекин", nor the Turkish "Koca" for "Kuça"
    (tmp_path / "other").mkdir()
    other = built_from(tmp_path / "other", "Sinkiang: Where It Could Begin\n\nKoca Mehmet went to Kucha and Peking.")
    assert "Begin" not in answers(other, "where", "Peking")[0]["aliases"]
    assert "Koca" not in answers(other, "where", "Kucha")[0]["aliases"]


@pytest.mark.parametrize("word,stems", [
    ("Сталина", ["Сталин", "Сталинь"]), ("Сталину", ["Сталин", "Сталинь"]), ("Бурханом", ["Бурхан", "Бурхань"]),
    ("Андрея", ["Андре", "Андрей"]), ("Игоря", ["Игор", "Игорь"]), ("Оспан-батыра", ["Оспан-батыр", "Оспан-батырь"]),
    ("Шэна", ["Шэн", "Шэнь"]),
    ("Сталин", []), ("Stalina", []), ("Яна", []),  # no case ending, no Cyrillic, a stem under three letters
])
def test_a_known_mans_stems(word: str, stems: list[str]) -> None:
    from etr.text.romanise import mans_stems

    assert mans_stems(word) == stems


def test_men_known_in_the_nominative_are_met_in_every_case(tmp_path: Any) -> None:
    """A man the registry or the document already knows is him in any Russian case: "посланец
    Сталина", "Оспан-батыра" after "Оспан-батыр", "симпатиями Шэна" (real pages of
    tests/data/real/); a place in any case by a Russian name of the gazetteer's ("в Москву")."""
    real = [(_REAL / folder / name).read_text(encoding="utf-8") for folder, name in (
        ("press", "datnews_obrechennyj_geroj_1942_sheng_dekanozov_ru.txt"),
        ("press", "azattyq_ospan_batyr_tri_okruga_1945_ru.txt"),
        ("reference", "bibliboba_khalid_tsentralnaya_aziya_p139_muhiti_ma_hushan_1937.txt"))]
    db = built_from(tmp_path, *real, "Ахмеджан Касымов встретился с Бурханом Шахиди. Позже Касымова "
                    "пригласили в Пекин. Делегация вылетела в Москву. Переговоры с Касымовым были трудными. "
                    "Договор был подписан со Сталиным. Торговым представительством руководил он.")
    said = {name: " ".join([*(ev["text"] for ev in got[0]["events"]), *(st["quote"] for st in got[0]["statements"])])
            for name in ("Stalin", "Osman Batur", "Sheng Shicai", "Burhan Shahidi", "Ehmetjan Qasimi")
            if (got := answers(db, "who", name))}
    assert len(said) == 5
    assert "посланец Сталина Деканозов" in said["Stalin"]
    assert "поддержало Оспан-батыра" in said["Osman Batur"]
    assert "симпатиями Шэна" in said["Sheng Shicai"]
    assert "с Бурханом Шахиди" in said["Burhan Shahidi"] and "Позже Касымова" in said["Ehmetjan Qasimi"]
    # a surname's instrumental inside a sentence is no adjective ("с Касымовым"); opening one, an
    # adjective's may be ("Торговым представительством")
    assert "Переговоры с Касымовым" in said["Ehmetjan Qasimi"] and "подписан со Сталиным" in said["Stalin"]
    for place, words in (("Moscow", "вылетела в Москву"), ("Peking", "пригласили в Пекин")):
        got = answers(db, "where", place)[0]
        assert words in " ".join([*(ev["text"] for ev in got["events"]), *(st["quote"] for st in got["statements"])])
    data = __import__("json").loads(db.read_text(encoding="utf-8"))
    assert not any(e["name"].startswith(("Позже", "Торговым")) for e in data["entities"])


def test_cyrillic_and_turkish_names_meet_their_latin_spellings(tmp_path: Any) -> None:
    """A Russian article's man declined ("Деканозов", "Деканозову") is one man, asked in Latin
    letters; a Turkish article's "Kaşgar'da" is Kashgar. Real pages (tests/data/real/press/)."""
    ru = (_REAL / "press" / "datnews_obrechennyj_geroj_1942_sheng_dekanozov_ru.txt").read_text(encoding="utf-8")
    tr = (_REAL / "press" / "fikriyat_dogu_turkistan_ucak_dusmesi_kaza_miydi_tr.txt").read_text(encoding="utf-8")
    db = built_from(tmp_path, ru, tr)
    man = answers(db, "who", "Dekanozov")
    assert man and man[0]["name"] == "Деканозов" and "Деканозову" in man[0]["aliases"]
    assert any("прибыл посланец Сталина Деканозов" in ev["text"] for ev in man[0]["events"])
    town = answers(db, "where", "Kashgar")
    assert town and town[0]["id"] == "kashgar" and "Kaşgar" in town[0]["aliases"]
    # the sentence in Russian answers a question in English by the names it holds
    assert answers(db, "when", "Dekanozov arrived in Urumchi")[0]["date"]["value"] == "1942-07"
    assert answers(db, "who", "Dekanozov Stalin envoy Urumchi 1942")[0]["name"] == "Деканозов"


@pytest.mark.parametrize("sentence,name,kind", [
    # a Russian word for an office before a name, in any case, or before words in the genitive
    # and then the name (real sentences of tests/data/real/press/datnews_... and
    # memoirs/iknigi_obukhov_..., zdorovokazaki_...)
    ("В июле 1942 года в Урумчи прибыл посланец Сталина Деканозов.", "Деканозов", "person"),
    ("В июле 1942 года в Урумчи прибыл посланец Сталина Деканозов.", "Сталина", "unknown"),  # the envoy's master
    ("Генеральный консул Пушкин пытался выиграть время.", "Пушкин", "person"),
    ("Организацией дунганского повстанческого отряда занялся уроженец Джаркента Мансур Ломиев, живший в "
     "Кульдже с 1930 г.", "Мансур Ломиев", "person"),
    ("Организацией дунганского повстанческого отряда занялся уроженец Джаркента Мансур Ломиев.", "Джаркента", "unknown"),
    ("После того как командиром гарнизона Кашгара Ма Чан-цанем был пойман и расстрелян его бывший союзник Тимур",
     "Ма Чан-цанем", "person"),
    # a place in the genitive after the word for an office is the office's place, no person
    ("Затем губернатор Синьцзяна прибыл в Кашгар.", "Синьцзяна", "unknown"),
    ("Губернатор Синьцзяна прибыл в Кашгар.", "Синьцзяна", "unknown"),
    # a Turkish place's case ending says it is a place ("in East Turkestan", "in Kashgar")
    ("Mehmet Emin Buğra, Doğu Türkistan’da 1931 yılında başladı.", "Doğu Türkistan", "place"),
    ("İşte bunun ilk adımı Kaşgar'da atıldı.", "Kaşgar", "place"),
    ("Onları Istanbul’da Sirkeci’deki göçmen misafirhanesinde buldu.", "Sirkeci", "place"),
])
def test_a_russian_word_for_an_office_makes_a_person(sentence: str, name: str, kind: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(name) == kind, got


def test_two_names_a_small_word_apart_are_the_one_name_found_before(tmp_path: Any) -> None:
    """"In News from Tartary: A Journey from Peking to Kashmir, first published in 1936" names the
    book an earlier article is about, not "News" and "Tartary": real pages (tests/data/real/
    reference/wikipedia_news_from_tartary_2016.txt, then press/chinabooksreview_...), in that order;
    in the other order the review is read first and names no such book yet."""
    book = (_REAL / "reference" / "wikipedia_news_from_tartary_2016.txt").read_text(encoding="utf-8")
    review = (_REAL / "press" / "chinabooksreview_2023-10-24_jenne_fleming_news_from_tartary.txt").read_text(encoding="utf-8")
    got = answers(built_from(tmp_path, book, review), "what", "News from Tartary")
    assert got and got[0]["name"] == "News from Tartary"
    assert any("first published in 1936 by Jonathan Cape" in ev["text"] for ev in got[0]["events"])


@pytest.mark.parametrize("sentence,title", [
    # a work's title in quotation marks, its subtitle after a colon (a real sentence of
    # tests/data/real/press/iu_news_2010_12_17_osman_batur.txt): the title, its "The" and all
    ('In the article "The Many Deaths of a Kazak Unaligned: Osman Batur, Chinese Decolonization, and the '
     'Nationalization of a Nomad," Jacobs explores the transition from empire to nationalized state.',
     "The Many Deaths of a Kazak Unaligned"),
    ('He wrote the book "The Road to Kashgar" in 1931.', "The Road to Kashgar"),
    # unquoted after "titled", capitals alone before its subtitle (tests/data/real/press/taipei_times_...)
    ("It is the subject of a fascinating new book by Thomas Laird titled Into Tibet: The CIA's First Atomic Spy "
     "and His Secret Expedition to Lhasa.", "Into Tibet"),
])
def test_a_work_s_title_is_one_name_whole(sentence: str, title: str) -> None:
    got = {u.text: u.type for u in found_in(sentence)}
    assert got.get(title) == "document", got


def test_a_quotation_is_no_title() -> None:
    got = [u.text for u in found_in('He said "Go to Kashgar: the road is open" and left.')]
    assert not any(g.startswith("Go to") for g in got), got


def test_a_work_s_title_naming_a_registered_place_is_found(tmp_path: Any) -> None:
    """A title that holds a registered name ("Into Tibet", "... of a Kazak ...") is a name of its
    own, the place inside it linked too. A real page (tests/data/real/press/taipei_times_...)."""
    page = (_REAL / "press" / "taipei_times_2003_01_12_cold_warriors.txt").read_text(encoding="utf-8")
    got = answers(built(tmp_path, page), "what", "Into Tibet")
    assert got and got[0]["name"] == "Into Tibet" and got[0]["type"] == "document"
    assert any("a fascinating new book by Nepal-based reporter" in ev["text"] for ev in got[0]["events"]) or any(
        "a fascinating new book by Nepal-based reporter" in st["quote"] for st in got[0]["statements"])


@pytest.mark.parametrize("query", [
    "June 1946 Peace Agreement with the Ili rebels",  # "Peace Agreement": a part of a longer run
    "11-point agreement of the Kuomintang and the Three Districts",  # after "of": context
    "liang banknotes backed by the Soviet State Bank",  # after "by the"
])
def test_a_name_of_the_question_s_context_is_not_the_thing_it_writes(tmp_path: Any, query: str) -> None:
    """`etr what` takes a name the question writes in capitals as what it asks for only where it
    is a whole run not after a preposition (lookup._written_name); here none is."""
    from etr.query.core import ask
    from etr.query.lookup import WHAT_TYPES, _written_name

    text = ("The Peace Agreement was signed at Jimsar in 1933.\n\nThe Three Districts sent delegates to Tihwa.\n\n"
            "The Soviet State Bank backed the notes. Owen Lattimore wrote it.\n")
    db = built(tmp_path, text)
    _fb, got = ask(db, lambda fb: _written_name(fb, query, [e["type"] in WHAT_TYPES for e in fb.entities]))
    assert got == ([], "")


def test_an_american_legislator_s_title_is_no_part_of_his_name() -> None:
    """"Senator Jeff Merkley" (a real press page, tests/data/real/press/turkistantimes_rfa_2024-11_...) is Jeff
    Merkley, a senator; so "Rep. Jim McGovern"."""
    got = {u.text: (u.type, u.title) for u in found_in("The rally was addressed by Senator Jeff Merkley and Rep. Jim McGovern.")}
    assert got == {"Jeff Merkley": ("person", "Senator"), "Jim McGovern": ("person", "Rep.")}


@pytest.mark.parametrize("sentence,name", [
    # a web page's list marks: the word after one opens a sentence (a real line of
    # tests/data/real/press/fikriyat_...: "◾ Ancak bu devlet ...", Turkish "However")
    ("◾ Ancak bu devlet tahmin edilebileceği gibi yıkıldı.", "Ancak"),
    ("■ Kashgar fell to the Tungans.", "Kashgar"),
    ("▪ Meanwhile the consul left.", "Meanwhile"),
])
def test_a_word_after_a_list_mark_opens_a_sentence(sentence: str, name: str) -> None:
    got = {u.text: u.weak for u in found_in(sentence)}
    assert got.get(name, True) is True, got


@pytest.mark.parametrize("first,second", [
    ("He wrote the pamphlet “The Road to Kashgar” in prison.\n", "The book Road to Kashgar was read in Tihwa in 1936.\n"),
    ("The book Road to Kashgar was read in Tihwa in 1936.\n", "He wrote the pamphlet “The Road to Kashgar” in prison.\n"),
])
def test_a_title_with_its_the_and_without_is_one_work(tmp_path: Any, first: str, second: str) -> None:
    """A quoted title keeps its "The" ("The Road to Kashgar"); the same work named without it
    elsewhere is one work, in either order."""
    got = answers(built_from(tmp_path, first, second), "what", "Road to Kashgar")
    assert got and got[0]["type"] == "document"
    assert {fold_name(n) for n in [got[0]["name"], *got[0]["aliases"]]} >= {"the road to kashgar", "road to kashgar"}
    assert len(got[0]["events"]) + len(got[0]["statements"]) == 2


def fold_name(name: str) -> str:
    return " ".join(name.lower().split())


def test_initials_run_together_are_a_man_s_and_one_with_them_spaced(tmp_path: Any) -> None:
    """"H.H. Kung" signing a telegram a diary copies (tests/data/real/memoirs/fu_bingchang_...) is
    a name in full, "Deputy President Kung" above it he, and he is the "H. H. Kung" of another
    document; "U.S." is no man's initials."""
    import json

    db = built_from(tmp_path, "H. H. Kung met the consul on 3 May 1943.\n",
                    "I received a reply from Deputy President Kung on 12 October 1944. I hereby reply. H.H. Kung.\n\n"
                    "The U.S. Army left. T.V. Soong agreed.\n")
    people = {e["name"] for e in json.loads(db.read_text(encoding="utf-8"))["entities"] if not e["curated"]}
    assert "T.V. Soong" in people and not any(p.startswith("U.S") for p in people)
    got = answers(db, "who", "H.H. Kung")[0]
    assert {"H.H. Kung", "Deputy President Kung"} <= {got["name"], *got["aliases"]}
    assert {"1943-05-03", "1944-10-12"} <= {e["date"]["value"] for e in got["events"]}


@pytest.mark.parametrize("text,name,kind", [
    # a town's three letters after "from", "at" (a real sentence: tests/data/real/press/scroll_...)
    ("On November 22, 1953, a tiny Reuters dispatch from Leh appeared in The New York Times.", "Leh", "place"),
    ("The railhead lay over the passes, at Osh in Andijan.", "Osh", "place"),
    # not an abbreviation before a number, nor a word cut at a line's end
    ("See mytel to Emb 65, repeated Department.", "Emb", None),
    ("The Chinese Government is protesting to Rus-sia against the attack.", "Rus", None),
    # a biography's fields are no names (tests/data/real/reference/wikipedia_garegin_apresov_...)
    ("Garegin Apresov\n- Honorific Prefix: His Excellency\n- Death Cause: Execution\n", "Death Cause", None),
    ("Garegin Apresov\n- Honorific Prefix: His Excellency\n- Death Cause: Execution\n", "Honorific Prefix", None),
    ("The ruins are shown in Plate 23 of the report.", "Plate", None),
    # a town at a sentence's end; not a man's name after "from", nor a word after "the"
    ("The mission stayed at Osh.", "Osh", "place"),
    ("A letter from Tom arrived on Monday.", "Tom", None),
    ("He sent presents to the Beg, who refused them.", "Beg", None),
    # letters with stops that are no initials
    ("Conservative M.P. Fitzroy Maclean asked the Minister.", "Fitzroy Maclean", "person"),
    ("According to the B.B.C. Correspondent in Chungking the road was open.", "B.B.C. Correspondent", None),
    # initials run together say a person as spaced ones do
    ("The commander of the Siberian Military District, N.L. Zeland, visited Kashgar.", "N.L. Zeland", "person"),
    # a Russian verb after its object or an adverb says no person
    ("Делегацию возглавил Ахмеджан Касыми. Вскоре умер его брат.", "Делегацию", None),
    ("Делегацию возглавил Ахмеджан Касыми. Вскоре умер его брат.", "Вскоре", None),
    # a body after a word for a person is no person
    ("Power passed to the successor Provisional Government in 1946.", "Provisional Government", "organisation"),
])
def test_short_names_of_places_and_fields_of_no_name(tmp_path: Any, text: str, name: str, kind: str | None) -> None:
    import json

    db = json.loads(built_from(tmp_path, text + "\n").read_text(encoding="utf-8"))
    found = {e["name"]: e["type"] for e in db["entities"] if not e["curated"]}
    assert found.get(name) == kind, found


def test_who_finds_a_name_of_no_known_kind_before_words_of_context(tmp_path: Any) -> None:
    """`etr who "Shah Khwaja Kumul successor"`: the name the question opens with, which the
    document writes without saying what it is, the words after it its context."""
    db = built_from(tmp_path, "Jin refused to recognize Shah Khwaja, and the taxes of Kumul rose in 1930.\n")
    got = answers(db, "who", "Shah Khwaja Kumul successor")
    assert got and got[0]["name"] == "Shah Khwaja"


@pytest.mark.parametrize("text,described", [
    # the sentence names both parties (a real telegram: tests/data/real/telegrams/johnson_...)
    ("The Minister announced that on August 21 the Chinese Government signed with the Soviet Government "
     "a non-aggression treaty.", True),
    # the parties' words before it (tests/data/real/telegrams/henderson_...)
    ("Most Moscow daily newspapers carried leading editorials devoted to the Soviet-Chinese non-aggression pact.", True),
    # another pair's: another pact
    ("In 1939 the German-Soviet non-aggression pact was signed in Moscow.", False),
    # nobody's: no saying which
    ("Both sides spoke of a non-aggression pact.", False),
    # another party's, named after it
    ("In August 1939 the Soviet Union signed a non-aggression pact with Germany, to the dismay of the Chinese "
     "government.", False),
])
def test_a_registered_treaty_described_in_small_letters(tmp_path: Any, text: str, described: bool) -> None:
    """A registered treaty whose names say its parties and what it is (the Sino-Soviet
    Non-Aggression Pact) is the one a sentence describes in small letters where it says whose;
    the description is one of its names, the sentence in its profile."""
    got = answers(built_from(tmp_path, text + "\n"), "what", "Sino-Soviet Non-Aggression Pact")[0]
    assert got["id"] == "sino-soviet-non-aggression-pact"
    quoted = [c["quote"] for e in got["events"] for c in e["citations"]] + [s["quote"] for s in got.get("statements", [])]
    assert any(text[:40] in q for q in quoted) is described


@pytest.mark.parametrize("one,other,merged", [
    # a surname one letter otherwise, the same first name: a misprint (real pairs of tests/data/real/)
    ("Vice Consul Robert Dreeson arrived at Tihwa on 3 May 1949.", "Robert B. Dreesen, Vice Consul, left Tihwa.", True),
    ("Masud Sabri was governor of Sinkiang in 1947.", "Masud Sabiri, a Uyghur, was appointed chairman.", True),
    # Chinese names, whose syllables make other men's; surnames too short to say; two letters otherwise
    ("Sheng Shiji was arrested in 1942.", "Sheng Shiqi, his brother, was murdered.", False),
    ("John Card reported calm.", "John Ward, the consul, reported snow.", False),
    ("Alexander Pushkin wrote poems.", "Alexander Panyushkin, the ambassador, arrived.", False),
])
def test_a_surname_misprinted_by_a_letter_is_the_man(tmp_path: Any, one: str, other: str, merged: bool) -> None:
    import json

    db = json.loads(built_from(tmp_path, other + "\n", one + "\n").read_text(encoding="utf-8"))
    names = {e["name"] for e in db["entities"] if not e["curated"]}
    misprint = " ".join(one.replace(",", "").split()[:2]) if not one.startswith("Vice") else "Robert Dreeson"
    assert (misprint not in names) is merged, names
