"""The build pipeline: reproducible, every citation exact, registry checked, user documents handled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import COMMITTED, ROOT, TELEGRAM, TELEGRAM_DOC, cli
from etr.errors import BuildFailed
from etr.ingest.assemble import build, seed_sources
from etr.ingest.pipeline import build_seeds, build_with_added, extract
from etr.store import facts as store


def test_committed_fact_base_is_what_build_produces(fresh_text: str) -> None:
    """CI's `etr build --check`: data/facts.json is generated, never edited by hand. The one test
    comparing the committed file with a build; every other test compares with the fresh build."""
    assert fresh_text == COMMITTED.read_text(encoding="utf-8"), "run `etr build` and commit data/facts.json"


def test_build_is_deterministic(fresh_text: str) -> None:
    again, _ = build_seeds()
    assert store.dumps(again) == fresh_text


def test_fact_base_matches_its_schema(facts_db: dict[str, Any]) -> None:
    schema = json.loads((ROOT / "data" / "facts.schema.json").read_text())
    jsonschema.validate(facts_db, schema)


def test_every_citation_quotes_its_source_file(fresh_db: dict[str, Any]) -> None:
    """What the build makes now, read against the seed files themselves (not the texts the fact
    base carries, which its own validation compares)."""
    files = {s["id"]: (ROOT / "seeds" / s["file"]).read_bytes().decode("utf-8") for s in fresh_db["sources"]}
    cits = [c for ev in fresh_db["events"] for c in ev["citations"]]
    cits += [c for e in fresh_db["entities"] for c in e["statements"]]
    cits += [d["citation"] for e in fresh_db["entities"] for d in e["dates"]]
    assert len(cits) > 300
    for c in cits:
        assert files[c["source"]][c["start"] : c["end"]] == c["quote"]


def test_counts(facts_db: dict[str, Any]) -> None:
    assert len(facts_db["entities"]) > 100
    assert len(facts_db["events"]) > 120
    assert all(ev["entities"] is not None and ev["citations"] for ev in facts_db["events"])


def events_on(db: dict[str, Any], value: str) -> list[dict[str, Any]]:
    return [ev for ev in db["events"] if ev["date"]["value"] == value]


def test_both_founding_dates_are_kept(facts_db: dict[str, Any]) -> None:
    declared = events_on(facts_db, "1944-11-15")
    implied = events_on(facts_db, "1944-11-12")
    assert any("declared" in ev["text"] for ev in declared)
    assert implied and implied[0]["date"]["how"] == "derived"
    assert "five days after the ETR was founded" in implied[0]["date"]["text"]


@pytest.mark.parametrize("value,how,words", [
    ("1944-11-13", "year-inherited", "central police"),
    ("1949-08-18", "relative", "secret telegram"),
    ("1949-09-03", "relative", "Molotov"),
    ("1937-08-21", "relative", "went into effect"),
    ("1937-08/1937-10", "year-inherited", "Xinjiang War"),
])
def test_context_dates_in_the_fact_base(facts_db: dict[str, Any], value: str, how: str, words: str) -> None:
    hits = [ev for ev in events_on(facts_db, value) if words in ev["text"]]
    assert hits and hits[0]["date"]["how"] == how and hits[0]["date"]["anchor"]


def test_five_leaders_reach_their_members(facts_db: dict[str, Any]) -> None:
    ev = next(ev for ev in events_on(facts_db, "1949-08-27"))
    assert {"ehmetjan-qasimi", "abdukerim-abbasov", "ishaq-beg", "luo-zhi", "dalelkhan-sugirbayev"} <= set(ev["entities"])
    assert ev["via"]["ehmetjan-qasimi"].startswith("one of")


def test_short_forms_follow_the_nearest_full_mention(facts_db: dict[str, Any]) -> None:
    ev = next(ev for ev in events_on(facts_db, "1942-07"))  # "Chiang instructed Ma to move 30,000 troops"
    assert "ma-buqing" in ev["entities"] and "ma-bufang" not in ev["entities"]


def registry_copy(tmp_path: Path) -> Path:
    reg = tmp_path / "registry"
    shutil.copytree(ROOT / "data" / "registry", reg)
    return reg


@pytest.mark.parametrize("extra,message", [
    ('[[entity]]\nid = "ghulja"\ntype = "place"\nname = "Ghulja again"\n', "duplicate registry id"),
    ('[[entity]]\nid = "x1"\ntype = "place"\nname = "Kuldja"\n', "claimed by both"),
    ('[[entity]]\nid = "x2"\ntype = "person"\nname = "Nobody"\nquote = "words no document has"\nsource = "etr"\n', "quote not found"),
    ('[[entity]]\nid = "x3"\ntype = "event"\nname = "Thing"\nparticipants = ["no-such-id"]\n', "unknown id"),
    ('[[entity]]\nid = "x4"\ntype = "planet"\nname = "Mars"\n', "unknown type"),
    ('[[entity]]\nid = "x5"\ntype = "person"\n', "'name' is missing"),
    ("this is = not [toml", "cannot read the registry"),
])
def test_registry_problems_fail_the_build(tmp_path: Path, extra: str, message: str) -> None:
    reg = registry_copy(tmp_path)
    (reg / "zz_extra.toml").write_text(extra, encoding="utf-8")
    with pytest.raises(BuildFailed, match=message):
        build(seed_sources(ROOT / "seeds"), reg)


def test_failed_build_leaves_fact_base_untouched(tmp_path: Path) -> None:
    out = tmp_path / "facts.json"
    out.write_text("previous\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00 binary junk")
    result = cli("build", "--add", str(bad), "--out", str(out))
    assert result.exit_code == 2
    assert "PNG image" in result.stderr
    assert out.read_text() == "previous\n"


@pytest.fixture(scope="module")
def with_telegram() -> dict[str, Any]:
    db, _ = build_with_added([TELEGRAM_DOC], None)
    return db


def test_added_document_dates(with_telegram: dict[str, Any]) -> None:
    evs = [ev for ev in with_telegram["events"] if ev["source"] == "tihwa-telegram-1944"]
    got = {(ev["date"]["text"], ev["date"]["value"], ev["date"]["how"]) for ev in evs}
    assert ("November 7", "1944-11-07", "year-inherited") in got
    assert ("November 13", "1944-11-13", "year-inherited") in got
    assert ("November 12", "1944-11-12", "year-inherited") in got
    assert ("Two days later", "1944-11-14", "relative") in got
    assert not any(ev["text"] == "November 20, 1944" for ev in evs)  # a dateline is not an event


def test_added_document_links_older_romanisations(with_telegram: dict[str, Any]) -> None:
    sents = [s for s in with_telegram["sentences"] if s["source"] == "tihwa-telegram-1944"]
    linked = {e for s in sents for e in s["entities"]}
    assert {"dihua", "ghulja", "elihan-tore", "ehmetjan-qasimi", "wu-zhongxin", "chongqing", "tarbagatay",
            "osman-batur"} <= linked


def test_added_document_discovers_unregistered_names(with_telegram: dict[str, Any]) -> None:
    """Every name in the telegram is registered but Colonel Petrovsky's: he alone becomes a new
    entity, marked as found (an `auto-` id, not curated), with the sentence and the dated event
    that name him, and the name quoted from the telegram."""
    auto = [e for e in with_telegram["entities"] if not e["curated"]]
    assert [(e["type"], e["name"]) for e in auto] == [("person", "Petrovsky")]
    (petrovsky,) = auto
    assert petrovsky["id"] == "auto-" + petrovsky["name"].lower().replace(" ", "-")
    sentences = {s["id"]: s for s in with_telegram["sentences"]}
    assert [sentences[i]["text"][:17] for i in petrovsky["sentences"]] == ["Colonel Petrovsky"]
    events = {ev["id"]: ev for ev in with_telegram["events"]}
    assert [(events[i]["source"], events[i]["date"]["value"]) for i in petrovsky["events"]] == \
        [("tihwa-telegram-1944", "1944-11-14")]
    assert all(petrovsky["id"] in events[i]["entities"] for i in petrovsky["events"])
    assert [(c["source"], c["quote"]) for c in petrovsky["statements"]] == [("tihwa-telegram-1944", petrovsky["name"])]
    assert TELEGRAM[petrovsky["statements"][0]["start"] : petrovsky["statements"][0]["end"]] == petrovsky["name"]


def test_added_documents_accumulate(tmp_path: Path, isolated_env: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("On 3 March 1946 Burhan Shahidi visited Kuldja.\n", encoding="utf-8")
    b.write_text("On 9 May 1947 Masud Sabri spoke in Tihwa.\n", encoding="utf-8")
    packaged = COMMITTED.read_bytes(), COMMITTED.stat().st_mtime_ns
    assert cli("build", "--add", str(a)).exit_code == 0
    assert cli("build", "--add", str(b)).exit_code == 0
    db = store.load(isolated_env / "facts.json")
    assert {"a", "b"} <= {s["id"] for s in db["sources"]}
    when = cli("when", "1946-03", "--json")
    assert when.exit_code == 0 and "Burhan" in when.stdout
    assert (COMMITTED.read_bytes(), COMMITTED.stat().st_mtime_ns) == packaged  # the user's fact base, not the packaged one


def test_the_same_text_is_added_once(tmp_path: Path, isolated_env: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("On 3 March 1946 Burhan Shahidi visited Kuldja.\n", encoding="utf-8")
    copy = tmp_path / "copy of a.txt"
    copy.write_bytes(a.read_bytes())
    assert cli("build", "--add", str(a)).exit_code == 0
    again = cli("build", "--add", str(a), "--add", str(copy), "--add", str(ROOT / "seeds" / "sino_soviet_non_aggression_pact.txt"))
    assert again.exit_code == 0
    ids = [s["id"] for s in store.load(isolated_env / "facts.json")["sources"]]
    assert ids.count("a") == 1 and not any(i.startswith(("a-", "copy")) for i in ids) and len(ids) == 4


def test_extract_reports_dates_and_names() -> None:
    rows = extract(TELEGRAM_DOC)
    dates = [(r["text"], r["value"]) for r in rows if r["kind"] == "date"]
    assert ("November 20, 1944", "1944-11-20") in dates and ("November 13", "1944-11-13") in dates
    names = {(r["text"], r["id"]) for r in rows if r["kind"] == "entity"}
    assert ("Ahmedjan Kasimov", "ehmetjan-qasimi") in names and ("Tihwa", "dihua") in names
    for r in rows:
        assert TELEGRAM[r["start"] : r["end"]] == r["text"]


# ------------------------------------------------------------------ the linker's two paths

@pytest.fixture(scope="module")
def linker() -> Any:
    from etr.ingest.link import Linker
    from etr.ingest.registry import load_registry

    return Linker(load_registry(ROOT / "data" / "registry"))


def _both_paths(linker: Any, text: str) -> tuple[list[Any], list[Any]]:
    from etr.ingest.sentences import read_document

    spans = [(s.start, s.end) for s in read_document("x", text).sentences] or [(0, len(text))]
    return linker.find_all(text, spans), [linker.find(text, a, b) for a, b in spans]


@pytest.mark.parametrize("name", ["east_turkestan_republic.txt", "kraus_stalin_ccp_xinjiang_1949.txt",
                                  "sino_soviet_non_aggression_pact.txt"])
def test_document_linker_finds_what_sentence_linker_finds(linker: Any, name: str) -> None:
    fast, slow = _both_paths(linker, (ROOT / "seeds" / name).read_text(encoding="utf-8"))
    assert fast == slow
    assert sum(map(len, fast)) > 30


def test_document_linker_on_the_telegram(linker: Any) -> None:
    fast, slow = _both_paths(linker, TELEGRAM)
    assert fast == slow
    assert {m.text for ms in fast for m in ms} >= {"Tihwa", "Kuldja", "Ali Khan Tura", "Ahmedjan Kasimov"}


_PIECES = ["Sheng Shicai", "sheng shicai", "SHENG", "Ma", "ma", "Mao", "Ma Bufang", "Ma  Bufang", "Ma-Bufang",
           "Ehmetjan Qasimi's", "Ehmetjan", "Elihan Töre", "ELIHAN TÖRE", "Ürümqi", "Dihua airport",
           "Peng Dehuai's notes", "Ghulja", "Kuldja", "Ili Rebellion", "Ili", "the", "in", "Soviet Union",
           "Straße", "İli", "ﬁve", "Osman Batur", "Zhang Zhizhong", "Zhang", "1944", "Treaty of Friendship",
           "East Turkestan Republic", "Second East Turkestan Republic", "Xinjiang", "Sinkiang", "尼勒克"]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", ", ", ". ", " - ", "’s ", "(", "\n", "-", "  .. "])),
                min_size=1, max_size=25))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_document_linker_equals_sentence_linker_on_any_text(linker: Any, parts: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in parts)
    fast, slow = _both_paths(linker, text)
    assert fast == slow


@pytest.mark.parametrize("sentence,names", [
    ("Garrison Commander CHU SHAO-LIANG left for Lanchow with Consul PAXTON yesterday.", {"CHU SHAO-LIANG", "Lanchow", "PAXTON"}),
    ("Customs Commissioner reports two planes bombed WUSU September 5.", set()),
    ("Reference Deptel 212 and mytel 248 of the 23rd.", set()),
    ("ILI INSURGENTS attacking with increasing force since the 2nd.", set()),
    ("Commander-in-Chief CHU TEH ordered the advance into the Outer Mongolian steppe.", {"CHU TEH"}),
    ("He studied at the Communist University of the Toilers of the East in Moscow.", {"University of the Toilers of the East", "Moscow"}),
    ("1933, Apr. 12 — Coup at Urumchi; Sheng becomes military commander.", {"Urumchi", "Sheng"}),
    ("Colonel Petrovsky of the Soviet consulate at Kuldja left for Alma Ata on the 14th.", {"Petrovsky", "Kuldja", "Alma Ata"}),
    # an office named by its field: the field's words are the title's, not the man's name
    ("He met Soviet Foreign Trade Minister Anastas Mikoyan on February 4.", {"Anastas Mikoyan"}),
    ("Finance Minister Chang Kia-ngau and Police Director Wang Shih-chieh arrived.", {"Chang Kia-ngau", "Wang Shih-chieh"}),
])
def test_unregistered_names_in_telegrams(sentence: str, names: set[str]) -> None:
    """Telegrams write names in capitals; their headers, jargon and titles are not names."""
    from etr.ingest.discover import unknown_names

    text = "Earlier report follows. " + sentence
    assert {u.text for u in unknown_names(text, 24, len(text), [])} == names


def test_a_discovered_name_is_one_entity_however_written(tmp_path: Path) -> None:
    doc = tmp_path / "wire.txt"
    doc.write_text("September 25, 1949\n\nGeneral WANG CHEN crossed the pass yesterday with Chin Shu-jen. "
                   "Later Wang Chen reached Hami, where Chin spoke to the garrison.\n", encoding="utf-8")
    db, _ = build_with_added([doc], None)
    auto = {e["name"]: e for e in db["entities"] if not e["curated"]}
    assert "Wang Chen" in auto and "WANG CHEN" not in auto  # the ordinary spelling names it
    assert auto["Wang Chen"]["type"] == "person"
    assert "Chin" not in auto and len(auto["Chin Shu-jen"]["sentences"]) == 2  # "Chin": the same man


def test_a_sentence_opening_with_he_is_about_the_person_named_just_before(facts_db: dict[str, Any]) -> None:
    """'Stalin agreed. He volunteered the requested airplanes.' — Stalin; 'He arrested ... and sent a
    letter to Stalin' after a sentence on Sheng — Sheng, though Stalin is named."""
    ents = {s["text"][:30]: set(s["entities"]) for s in facts_db["sentences"]}
    assert "joseph-stalin" in ents["He volunteered the requested a"]
    assert "sheng-shicai" in ents["He arrested a number of Kuomin"]


def test_a_registered_surname_alone_is_that_person(tmp_path: Path) -> None:
    """'General Tao' is Tao Zhiyue, the one registered Tao; 'General Ma' (several Ma) makes no new entity."""
    doc = tmp_path / "wire.txt"
    doc.write_text("September 25, 1949\n\nGeneral Tao declared for the Communists yesterday. General Ma fled.\n", encoding="utf-8")
    db, _ = build_with_added([doc], None)
    assert not [e for e in db["entities"] if not e["curated"]]
    (ev,) = [e for e in db["events"] if e["source"] == "wire"]
    assert "tao-zhiyue" in ev["entities"] and ev["date"]["value"] == "1949-09-24"


# ------------------------------------------------- honest facts: the date a statement is about
# Made-up documents; each case: dates some sentence must carry (value, words of the sentence),
# and (value, words) pairs no event may have.

HONEST_CASES = [
    pytest.param(
        "The delegates reached Alma-Ata on 22 August 1949. Talks there lasted three days and were hard, since one "
        "delegate would not agree to join the new state, supposedly in 1951. He saw the moment as an opportunity "
        "that should not be lost.",
        [("1949-08-22", "Talks there lasted"), ("1949-08-22", "He saw the moment")],
        [("1951", "")],
        id="a hedged year ahead of the story dates no statement, and is not carried"),
    pytest.param(
        "On 26 September 1949 the garrison changed sides together with the governor, who knew what had happened "
        "to the delegates in August.",
        [("1949-09-26", "garrison changed sides")],
        [("1949-08", "garrison changed sides")],
        id="a date inside a relative clause is another event's"),
    pytest.param(
        "By the end of 1950 the army held the province, which became an autonomous region in 1955.",
        [("1950", "army held the province"), ("1955", "army held the province")],
        [],
        id="a year a relative clause states in full is a fact the sentence states"),
    pytest.param(
        "On 17 September 1942 the governor arrested the advisers and executed them in 1943.",
        [("1942-09-17", "arrested the advisers"), ("1943", "arrested the advisers")],
        [],
        id="a later date of the same clause is kept"),
    pytest.param(
        "March 4, 1998\n\nThe minister resigned Tuesday. Prices are now falling daily, and the strike lasted "
        "three weeks.",
        [("1998-03-03", "The minister resigned")],
        [("PRESENT_REF", ""), ("P1D", ""), ("P3W", "")],
        id="a date line anchors a weekday; now, daily and three weeks date nothing"),
    pytest.param(
        "The minister resigned Tuesday. Prices are now falling.",
        [],
        [("", "The minister resigned")],
        id="without the document's own date a weekday dates nothing"),
]


@pytest.mark.parametrize("text,present,absent", HONEST_CASES)
def test_a_statement_is_dated_by_what_it_is_about(tmp_path: Path, text: str, present: list[tuple[str, str]],
                                                   absent: list[tuple[str, str]]) -> None:
    from etr.ingest.assemble import user_source

    doc = tmp_path / "story.txt"
    doc.write_text(text + "\n", encoding="utf-8")
    seeds = seed_sources(ROOT / "seeds")
    db, _ = build([*seeds, user_source(doc, {s.id for s in seeds})], ROOT / "data" / "registry")
    events = [(ev["date"]["value"], ev["text"]) for ev in db["events"] if ev["source"] == "story"]
    for value, words in present:
        assert any(v == value and words in t for v, t in events), (value, words, events)
    for value, words in absent:
        assert not any((not value or v == value) and words in t for v, t in events), (value, words, events)
