"""Reading documents: exact text, sections, furniture, and sentence splitting on every seed paragraph."""

from __future__ import annotations

import hashlib
import tomllib

import pytest

from conftest import ROOT
from etr.errors import BadDocument
from etr.ingest.documents import decode, text_of
from etr.ingest.sentences import read_document, split_sentences

SEEDS = ROOT / "seeds"
# sha256 of the original documents in shared/seeds, byte for byte
ORIGINAL_SHA256 = {
    "east_turkestan_republic.txt": "2e14323aef6544cc9d2b9cbd0a75ed8f45dd2cf5a709d72ccdc43aa5c033149d",
    "kraus_stalin_ccp_xinjiang_1949.txt": "074f8e1cb98b453feb3066e4ebc46617d8584ecf3e15f6662a84843bf555cd26",
    "sino_soviet_non_aggression_pact.txt": "4b90e94ec2764f24ba86e90ceb87dba3bae5dffb8d15705fe7c907332d1fad54",
}


def all_docs():
    with open(SEEDS / "sources.toml", "rb") as f:
        meta = tomllib.load(f)["source"]
    return [(m["id"], read_document(m["id"], text_of(SEEDS / m["file"]))) for m in meta]


@pytest.mark.parametrize("name,digest", sorted(ORIGINAL_SHA256.items()))
def test_seed_bytes_unchanged(name: str, digest: str) -> None:
    assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest


def test_sources_toml_matches_files() -> None:
    with open(SEEDS / "sources.toml", "rb") as f:
        meta = tomllib.load(f)["source"]
    assert {m["file"] for m in meta} == set(ORIGINAL_SHA256)
    for m in meta:
        assert m["sha256"] == ORIGINAL_SHA256[m["file"]]
        assert m["title"] and m["author"] and m["kind"] and m["language"]


def test_every_sentence_is_exact_and_starts_like_a_sentence() -> None:
    n = 0
    for _sid, doc in all_docs():
        for s in doc.sentences:
            n += 1
            assert doc.text[s.start : s.end] == s.text
            first = s.text.lstrip("\"“‘'( ")[:1]
            assert not first.islower(), s.text[:80]
            assert s.text == s.text.strip()
    assert n > 290


def test_sentences_cover_each_paragraph_in_order() -> None:
    for _sid, doc in all_docs():
        for i, p in enumerate(doc.paragraphs):
            spans = [(s.start, s.end) for s in doc.sentences if s.paragraph == i]
            assert spans, doc.text[p.start : p.end][:60]
            assert spans[0][0] == p.start and spans[-1][1] == p.end
            assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


FURNITURE_LINES = ["Skip to main content", "Support", "Blog post", "Image removed.", "Charles Kraus image",
                   "Read More", "About the Author", "Charles Kraus", "Sino-Soviet Treaty of Friendship",
                   "Mongolia in World War II", "Deputy Director, History and Public Policy Program"]
FURNITURE_PHRASES = ["Charles Kraus is the Deputy Director", "makes public the primary source record",
                     "supports the full and prompt release", "Read more"]


def test_furniture_never_becomes_a_sentence() -> None:
    for _sid, doc in all_docs():
        for s in doc.sentences:
            assert s.text not in FURNITURE_LINES
            assert not any(p in s.text for p in FURNITURE_PHRASES), s.text


def test_sections_are_read() -> None:
    docs = dict(all_docs())
    titles = [s.title for s in docs["etr"].sections]
    assert titles[:4] == ["Lead", "History", "Background", "Rebellion"]
    assert [s.title for s in docs["pact"].sections][:2] == ["Sino-Soviet Non-Aggression Pact", "Effects"]
    rebellion = next(s for s in docs["etr"].sentences if "Qasimi Russified" in s.text)
    assert rebellion.section == "Rebellion"


SPLIT_CASES = [
    ("The U.S. consul wrote. Then he left.", ["The U.S. consul wrote.", "Then he left."]),
    ("Gen. Ma Bufang arrived. He stayed.", ["Gen. Ma Bufang arrived.", "He stayed."]),
    ("J. Stalin agreed. Mao left.", ["J. Stalin agreed.", "Mao left."]),
    ("See No. 5 below. It is short.", ["See No. 5 below.", "It is short."]),
    ("He wrote: “We need aircraft.” Stalin agreed.", ["He wrote: “We need aircraft.”", "Stalin agreed."]),
    ('It said " Situation is bad. City of Yining is in danger.". During October it spread.',
     ['It said " Situation is bad.', 'City of Yining is in danger.".', "During October it spread."]),
    ("Our brethren ... still bear it. Certainly not.", ["Our brethren ... still bear it.", "Certainly not."]),
    ("On Nov. 15 the city fell. Troops fled.", ["On Nov. 15 the city fell.", "Troops fled."]),
    ("Is it over? No. It goes on!", ["Is it over?", "No.", "It goes on!"]),
    # a word of no vowel cut short; a number opening a quotation (an ordinal, as German writes it)
    ("The 5 and 6 Divisions moved on tn. Khotan and Yarkand. The 4 stayed.",
     ["The 5 and 6 Divisions moved on tn. Khotan and Yarkand.", "The 4 stayed."]),
    ("It was incorporated as “5. Army Corps” into the PLA. He stayed.",
     ["It was incorporated as “5. Army Corps” into the PLA.", "He stayed."]),
    # a day with its stop before a month, as German writes it (a real page, tests/data/real/reference/)
    ("Er war vom 12. April 1933 bis zum 29. August 1944 Gouverneur von Xinjiang. Er diente zunächst den Kuominchun.",
     ["Er war vom 12. April 1933 bis zum 29. August 1944 Gouverneur von Xinjiang.", "Er diente zunächst den Kuominchun."]),
    # ... but a count before a telegram's next sentence, which opens with its day, ends a sentence
    ("Casualties: killed 12, wounded 20. June 5 Osman withdrew to Chingho.",
     ["Casualties: killed 12, wounded 20.", "June 5 Osman withdrew to Chingho."]),
    ("The war ended in 1945. Army units left. See pp. 5-7.", ["The war ended in 1945.", "Army units left.", "See pp. 5-7."]),
    # but a period after a short word still ends one (a second reader's cases)
    ("He served in the 1930's and 1940's. He was governor.", ["He served in the 1930's and 1940's.", "He was governor."]),
    ("He said he didn't. Next day he left.", ["He said he didn't.", "Next day he left."]),
    ("We camped at 9 p. m. On the following day we left.", ["We camped at 9 p. m.", "On the following day we left."]),
    ("We had to cover 3.5 km. We were all tired.", ["We had to cover 3.5 km.", "We were all tired."]),
    ("See vol. vii, pp. 546 ff. The incident followed.", ["See vol. vii, pp. 546 ff.", "The incident followed."]),
    ("The revolt broke out in the autumn of '44. The rebels took Kulja.",
     ["The revolt broke out in the autumn of '44.", "The rebels took Kulja."]),
    ("He read it on p. The rest is lost.", ["He read it on p.", "The rest is lost."]),
    # a printed edition's footnote number after a word's stop ends the sentence with it; a number
    # after "No." or "p." is none
    ("I have directed Clubb41 to proceed to Tihua as soon as practicable.42 Yesterday, he was asked.",
     ["I have directed Clubb41 to proceed to Tihua as soon as practicable.42", "Yesterday, he was asked."]),
    ("It came from the Legation at Nanking.11 It will be observed that.",
     ["It came from the Legation at Nanking.11", "It will be observed that."]),
    ("He served in Army No.5 Division then. It moved.", ["He served in Army No.5 Division then.", "It moved."]),
    ("It cost 3.5 Million dollars. It rose.", ["It cost 3.5 Million dollars.", "It rose."]),
    # nor after a word cut short, nor of more than two figures (a second reader's cases); after a bracket it is
    ("He paid Rs.500 Chinese dollars. It rose.", ["He paid Rs.500 Chinese dollars.", "It rose."]),
    ("See Sect.2 Annex B and Doc.12 Article 4 here.", ["See Sect.2 Annex B and Doc.12 Article 4 here."]),
    ("It was reported (Embtel 762, May 30).2 This message reads so.",
     ["It was reported (Embtel 762, May 30).2", "This message reads so."]),
    ("Ili papers now use North Shensi despatches.10 Soviet consent came.",
     ["Ili papers now use North Shensi despatches.10", "Soviet consent came."]),
    # after a month's day too; a number's decimals are none
    ("Embassy’s despatch 1580, September 16.71 Telegram of October 15 from Clubb states it.",
     ["Embassy’s despatch 1580, September 16.71", "Telegram of October 15 from Clubb states it."]),
    ("See Embtel 12, Sept. 3.12 Clubb left.", ["See Embtel 12, Sept. 3.12", "Clubb left."]),
    ("REFERENCE 1580, SEPTEMBER 16.71 Telegram follows.", ["REFERENCE 1580, SEPTEMBER 16.71", "Telegram follows."]),
    # not inside a bracket, nor a month's decimals without a reference's comma (a second reader's cases)
    ("Rebels at Chenghwa (Embtel 843, May 22.10 This message completes text) dropped demand.",
     ["Rebels at Chenghwa (Embtel 843, May 22.10 This message completes text) dropped demand."]),
    ("Exports in March 2.5 Thousand tons fell.", ["Exports in March 2.5 Thousand tons fell."]),
    ("It cost 3.14 Million dollars. Then it rose.", ["It cost 3.14 Million dollars.", "Then it rose."]),
    ("Section 12.10 Article 4 applies.", ["Section 12.10 Article 4 applies."]),
    # a gazetteer's word cut short before its number
    ("Tihwa (pop. 50,000), the capital of Sinkiang Province, turned out. It rose.",
     ["Tihwa (pop. 50,000), the capital of Sinkiang Province, turned out.", "It rose."]),
    # Russian "г." before a name is the town's word (a real sentence of tests/data/real/reference/
    # barmin_...); after a sentence's year, the year's, and may end it
    ("15 ноября, после освобождения от китайских войск столицы Илийского округа, г. Кульджи, повстанцы "
     "провозгласили создание Восточно-Туркестанской Республики. Затем пришли.",
     ["15 ноября, после освобождения от китайских войск столицы Илийского округа, г. Кульджи, повстанцы "
      "провозгласили создание Восточно-Туркестанской Республики.", "Затем пришли."]),
    ("Восстание началось в ноябре 1944 г. Затем армия вышла к реке.",
     ["Восстание началось в ноябре 1944 г.", "Затем армия вышла к реке."]),
    ("В 1946-1947 гг. Коалиционное правительство работало.", ["В 1946-1947 гг. Коалиционное правительство работало."]),
    ("С 7 ноября 1944 г. Кульджа была в руках повстанцев.", ["С 7 ноября 1944 г. Кульджа была в руках повстанцев."]),
    ("Многие бежали в конце 1930-х гг. Затем многие уехали.", ["Многие бежали в конце 1930-х гг.", "Затем многие уехали."]),
    ("Хлеб стоил 100 р. Затем цены выросли.", ["Хлеб стоил 100 р.", "Затем цены выросли."]),
    ("Погибли Касымов, Аббасов и др. Позже они улетели.", ["Погибли Касымов, Аббасов и др.", "Позже они улетели."]),
    # a telegram's "stop" for each full stop (tests/data/real/telegrams/safdarali_...): a sentence each;
    # one "stop" is a verb
    ("Carriers demand six million dollars per pony stop Local Authorities ordered me to leave Kashgar May "
     "tenth without fail stop I engaged seven ponies STOP send me rupees threethousand immediately.",
     ["Carriers demand six million dollars per pony stop", "Local Authorities ordered me to leave Kashgar May "
      "tenth without fail stop", "I engaged seven ponies STOP", "send me rupees threethousand immediately."]),
    ("We are powerless to stop them and stop at Korla.", ["We are powerless to stop them and stop at Korla."]),
    # nor the noun, nor after "n't" (a reviewer's cases)
    ("We made a stop at Hami and another stop at Turfan before dusk.",
     ["We made a stop at Hami and another stop at Turfan before dusk."]),
    ("The caravan's first stop was Kumul and the last stop Dihua, where the bus stop was.",
     ["The caravan's first stop was Kumul and the last stop Dihua, where the bus stop was."]),
    ("The Soviets couldn't stop the Tungans and Sheng didn't stop them.",
     ["The Soviets couldn't stop the Tungans and Sheng didn't stop them."]),
    ("The convoy had to stop at Korla. They would not stop it.", ["The convoy had to stop at Korla.", "They would not stop it."]),
]


@pytest.mark.parametrize("text,expected", SPLIT_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == expected


@pytest.mark.parametrize("data,message", [
    (b"", "empty"), (b"   \n", "empty"), (b"abc\x00def", "NUL"), (bytes(range(1, 32)) * 50, "binary"),
    (bytes((i * 7919 + 13) % 128 + 128 for i in range(4096)), "UTF-8"),  # no encoding reads these as text
])
def test_decode_refuses_unusable_bytes(data: bytes, message: str) -> None:
    with pytest.raises(BadDocument, match=message):
        decode(data, "doc.txt")


def test_text_of_missing_and_directory(tmp_path) -> None:
    with pytest.raises(BadDocument, match="no such file"):
        text_of(tmp_path / "nope.txt")
    with pytest.raises(BadDocument, match="directory"):
        text_of(tmp_path)


def test_crlf_offsets_are_exact() -> None:
    text = "= T =\r\nFirst line here.\r\n\r\nOn 7 November 1944 they attacked. It fell.\r\n"
    doc = read_document("x", text)
    assert [s.text for s in doc.sentences] == ["First line here.", "On 7 November 1944 they attacked.", "It fell."]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize("text,title", [
    ("AMERICAN CONSULATE, TIHWA, SINKIANG\nSEPTEMBER 8, 1945\n\nSECRETARY OF STATE, WASHINGTON.\n\nNo. 58. Rebels took Wusu.\n",
     "AMERICAN CONSULATE, TIHWA, SINKIANG — SEPTEMBER 8, 1945"),
    ("THE NEW YORK TIMES, FRIDAY, JANUARY 4, 1946\n\nSINKIANG REBELS AND CHUNGKING SIGN PEACE\n\nCHUNGKING, Jan. 3 (AP)—The Central Government announced today that peace was signed.\n",
     "THE NEW YORK TIMES, FRIDAY, JANUARY 4, 1946 — SINKIANG REBELS AND CHUNGKING SIGN PEACE"),
    ("= Sino-Soviet Non-Aggression Pact =\n\nThe pact was signed in 1937.\n", "Sino-Soviet Non-Aggression Pact"),
    ("The Ili Rebellion began in 1944 in the Ili valley.\n", "The Ili Rebellion began in 1944 in the Ili valley."),
])
def test_title_of_a_document_without_metadata(text: str, title: str) -> None:
    from etr.ingest.sentences import title_of

    assert title_of(text) == title


WRAPPED = """893.00/8-1744
The Ambassador in China (Gauss) to the Secretary of State
No. 2884
Chungking, August 17,
1944.
Sir: I have the honor to refer to the Embassy's
telegram no. 1419, August 16, 2 p.m. on the subject of developments in
Sinkiang Province, and to enclose the originals of Tihwa's despatches
addressed to the Department nos. 10, July 12, 1944 and 11, July 19, 1944, which deal
with various phases of this subject. The summary contained in Embassy's
reference telegram was based in part on the contents of these despatches and
in part on recent telegrams from the Tihwa Consulate.
In connection with the views expressed by Mr. Smith in his despatch no. 11,
July 19, 1944, the Embassy doubts whether a rapprochement between General Sheng
[Page 807]
and the Soviet Union is possible.
Respectfully yours,
The Consul at Tihwa (Smith) to the
Secretary of State
"""


def test_a_hard_wrapped_text_is_read_in_paragraphs_not_lines() -> None:
    """A typed despatch or a book from Project Gutenberg breaks its paragraphs at a margin: the
    lines run on into sentences (across a page marker), a short line ends a paragraph, and a text
    whose lines are its paragraphs is left as it is."""
    from etr.ingest.sentences import read_document, wrap_width

    assert wrap_width(WRAPPED) == 76
    got = [s.text.replace("\n", " ") for s in read_document("d", WRAPPED).sentences]
    assert "Chungking, August 17, 1944." in got
    assert ("Sir: I have the honor to refer to the Embassy's telegram no. 1419, August 16, 2 p.m. on the subject "
            "of developments in Sinkiang Province, and to enclose the originals of Tihwa's despatches addressed to "
            "the Department nos. 10, July 12, 1944 and 11, July 19, 1944, which deal with various phases of this "
            "subject.") in got
    sentences = read_document("d", WRAPPED).sentences
    summary = next(s for s in sentences if s.text.startswith("The summary"))
    views = next(s for s in sentences if s.text.startswith("In connection with"))
    assert summary.text.endswith("from the Tihwa Consulate.") and views.text.endswith("the Soviet Union is possible.")
    assert views.paragraph == summary.paragraph + 1  # a short line ended the paragraph
    assert "The Consul at Tihwa (Smith) to the Secretary of State" in got
    unwrapped = "\n".join(s.replace("\n", " ") for s in got) + "\n"
    assert wrap_width(unwrapped) is None
    assert len(read_document("d", unwrapped).sentences) == len(got)

