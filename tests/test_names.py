"""Name folding and the matcher, as tables: what a person types -> the entity they mean.

The table also justifies the scorers (see etr.names): exact forms beat fuzzy ones, whole words of
a name catch partial names, ratio catches typos, token_sort_ratio catches reordered names, and
no partial-ratio scorer lets a short query such as "Ma" match inside every name.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etr.errors import NotFound
from etr.query.core import FactBase
from etr.query.lookup import WHAT_TYPES, WHERE_TYPES, WHO_TYPES, lookup
from etr.query.when import when
from etr.text.fold import fold
from etr.text.match import NameEntry, NameIndex
from etr.text.romanise import key


@pytest.mark.parametrize("text,folded", [
    # case and diacritics
    ("Elihan Töre", "elihan tore"), ("Elihan Töre's", "elihan tores"), ("Ürümqi", "urumqi"), ("Ōsman", "osman"),
    ("Şahidi", "sahidi"), ("  KASIMOV ", "kasimov"), ("Q\u0301asimi", "qasimi"), ("ǅemal", "dzemal"),
    ("ΣΊΣΥΦΟΣ", "σισυφοσ"),
    # letters no decomposition takes apart
    ("Kırgız", "kirgiz"), ("İli", "ili"), ("Łódź", "lodz"), ("ŁÓDŹ", "lodz"), ("Søren Ørsted", "soren orsted"),
    ("ØRSTED", "orsted"), ("Straße", "strasse"), ("Æsir", "aesir"), ("ÆSIR", "aesir"), ("Œuvre", "oeuvre"),
    ("Đorđe", "dorde"),
    # apostrophes and quotes of every kind vanish
    ("Peng Dehuai’s", "peng dehuais"), ("Muti'i", "mutii"), ("‘Ali’", "ali"), ("Muʼmin", "mumin"),
    ("Qasim`s", "qasims"), ("Qasim´s", "qasims"), ("“Ghulja”", "ghulja"),
    # dashes of every kind split words
    ("Liu Bin-Di", "liu bin di"), ("Liu Bin–Di", "liu bin di"), ("Saifuddin—Azizi", "saifuddin azizi"),
    ("Sino‐Soviet", "sino soviet"), ("Sino‑Soviet", "sino soviet"),
    # compatibility forms, punctuation, CJK
    ("ﬁve", "five"), ("Ａｌｉ", "ali"), ("½", "1 2"), ("Ⅻ", "xii"), ("Ma Bufang, Ma Buqing.", "ma bufang ma buqing"),
    ("尼勒克镇", "尼勒克镇"), ("伊宁 尼勒克镇", "伊宁 尼勒克镇"), ("", ""),
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@pytest.fixture(scope="module")
def fb(facts_db: dict[str, Any]) -> FactBase:
    return FactBase.from_dict(facts_db)


MATCHES = [
    # (query, types, expected id, kind of evidence)
    ("Ehmetjan Qasimi", WHO_TYPES, "ehmetjan-qasimi"),  # exact
    ("Kasimov", WHO_TYPES, "ehmetjan-qasimi"),  # alias the documents use
    ("Ahmetjan Qasimi", WHO_TYPES, "ehmetjan-qasimi"),  # variant they do not
    ("Ehmetjan Kasimi", WHO_TYPES, "ehmetjan-qasimi"),  # typo
    ("qasimi", WHO_TYPES, "ehmetjan-qasimi"),  # partial, lower case
    ("Qasimi Ehmetjan", WHO_TYPES, "ehmetjan-qasimi"),  # reordered
    ("Shen Shicai", WHO_TYPES, "sheng-shicai"),
    ("Sheng Shih-tsai", WHO_TYPES, "sheng-shicai"),  # Wade-Giles
    ("Osman Batyr", WHO_TYPES, "osman-batur"),
    ("Elihan Tore", WHO_TYPES, "elihan-tore"),
    ("Ali Khan Tura", WHO_TYPES, "elihan-tore"),
    ("Bughra", WHO_TYPES, "muhammad-amin-bughra"),
    ("Memtimin Bughra", WHO_TYPES, "muhammad-amin-bughra"),
    ("Aisa Alptekin", WHO_TYPES, "isa-yusuf-alptekin"),
    ("Saifuddin", WHO_TYPES, "seypidin-azizi"),
    ("Polinov", WHO_TYPES, "ivan-polinov"),
    ("Zhang", WHO_TYPES, "zhang-zhizhong"),
    ("Mao", WHO_TYPES, "mao-zedong"),  # Mao Zemin is called "Mao" nowhere
    ("Ghulja", WHERE_TYPES, "ghulja"),
    ("Gulja", WHERE_TYPES, "ghulja"),
    ("Yining", WHERE_TYPES, "ghulja"),
    ("Kuldja", WHERE_TYPES, "ghulja"),
    ("Urumqi", WHERE_TYPES, "dihua"),
    ("Urumchi", WHERE_TYPES, "dihua"),
    ("Tihwa", WHERE_TYPES, "dihua"),
    ("尼勒克镇", WHERE_TYPES, "nilka"),
    # Cyrillic and Chinese characters: read in Latin letters as the documents write them
    ("Касымов", WHO_TYPES, "ehmetjan-qasimi"),
    ("Ахмеджан Касимов", WHO_TYPES, "ehmetjan-qasimi"),
    ("Осман Батур", WHO_TYPES, "osman-batur"),
    ("Кульджа", WHERE_TYPES, "ghulja"),
    ("Урумчи", WHERE_TYPES, "dihua"),
    ("盛世才", WHO_TYPES, "sheng-shicai"),
    ("迪化", WHERE_TYPES, "dihua"),
    ("Tacheng", WHERE_TYPES, "tarbagatay"),
    ("Resolution 324", WHAT_TYPES, "resolution-324"),
    ("Economic Commission", WHAT_TYPES, "three-districts-economic-commission"),
    ("INA", WHAT_TYPES, "east-turkestan-national-army"),
    ("Sino-Soviet Non-Aggression Pact", WHAT_TYPES, "sino-soviet-non-aggression-pact"),
]


@pytest.mark.parametrize("query,types,expected", MATCHES)
def test_matcher(fb: FactBase, query: str, types: set[str], expected: str) -> None:
    results, _ = lookup(fb, query, types)
    assert results[0]["id"] == expected


@pytest.mark.parametrize("query", ["Zzyzx", "banana split", "qqqq qqqq", "Ward", "Card"])
def test_no_match(fb: FactBase, query: str) -> None:
    """Nobody of that name: no guess from another kind of thing either ("Ward" is not "World War II")."""
    with pytest.raises(NotFound):
        lookup(fb, query, WHO_TYPES)


def test_another_kind_only_by_its_name(fb: FactBase) -> None:
    results, interpreted = lookup(fb, "Ghulja", WHO_TYPES)
    assert results[0]["id"] == "ghulja" and interpreted["types"] == "all"


@pytest.mark.parametrize("query", ["air crash", "plane crash", "Lake Baikal air crash"])
def test_the_crash_by_any_name(fb: FactBase, query: str) -> None:
    results, _ = when(fb, query)
    assert {"1949-08-27", "1949-09-03"} <= {r["date"]["value"] for r in results}


def test_exact_alias_outranks_fuzzy() -> None:
    idx = NameIndex([NameEntry(0, "Ghulja", "ghulja", "name", key("Ghulja")),
                     NameEntry(1, "Gulja Town", "gulja town", "name", key("Gulja Town")),
                     NameEntry(0, "Gulja", "gulja", "variant", key("Gulja"))])
    assert idx.match("Gulja")[0].entity == 0


def test_short_query_does_not_match_inside_names() -> None:
    """The reason WRatio is not used: its partial fall-back puts 'Ma' inside every name."""
    idx = NameIndex([NameEntry(0, "Masud Sabri", "masud sabri", "name", key("Masud Sabri")),
                     NameEntry(1, "Ma", "ma", "short", key("Ma"))])
    assert [m.entity for m in idx.match("Ma")] == [1]
    from rapidfuzz import fuzz
    assert fuzz.WRatio("ma", "masud sabri") >= 85  # what WRatio would have done


def test_ambiguous_short_form_lists_every_candidate(fb: FactBase) -> None:
    results, interpreted = lookup(fb, "Ma", WHO_TYPES)
    assert interpreted["ambiguous"]
    assert {"ma-bufang", "ma-chengxiang", "ma-hushan", "ma-buqing"} <= {r["id"] for r in results}


#: what folding does to the characters Unicode's decompositions leave alone, written out by hand
#: (not read from etr.text.fold, whose table these check)
_BY_HAND = str.maketrans({
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-",
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
    "ə": "e", "ɵ": "o", "ŋ": "ng",
})


def _fold_whole(text: str) -> str:
    """The definition `fold` implements character by character: the whole text normalised at once."""
    import re
    import unicodedata

    t = unicodedata.normalize("NFKD", text.casefold().translate(_BY_HAND))
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.casefold().translate(_BY_HAND)
    return " ".join(re.findall(r"\w+", t.replace("'", "")))


@given(st.text(max_size=120) | st.text(alphabet="aAöÖüÜéÉıİßæﬁ́̈’'`- 尼ΣσςŞşǅ½Ⅻ\u0301\u0308\u200d"
                                             "łŁøØđĐœŒÆẞ‘ʼ´“”–—‐‑əƏɵƟŋŊ", max_size=60))
@settings(max_examples=500, deadline=None)
def test_fold_by_character_equals_folding_the_whole_text(text: str) -> None:
    assert fold(text) == _fold_whole(text)


@pytest.mark.parametrize("query,types,expected", [
    ("USSR", WHAT_TYPES, "soviet-union"), ("Soviet Union", WHAT_TYPES, "soviet-union"),
])
def test_an_exact_name_of_another_kind_beats_a_loose_one_of_the_asked_kind(fb: FactBase, query: str, types: set[str],
                                                                           expected: str) -> None:
    results, interpreted = lookup(fb, query, types)
    assert results[0]["id"] == expected and interpreted["note"] == "the name is of another kind; showing it"


@pytest.mark.parametrize("query,expected", [
    # a name of several words misspelt in another romanisation: its key nearly the name's
    ("Guo Bingjia", "Kuo Pin-chia"),  # guobingjia against guobinjia
    ("Lo Liang-chian", "Luo Liangjian"),
    # a key that agrees wins over one that nearly does
    ("Ma Buqing", "Ma Pu-ching"),
])
def test_a_misspelt_name_in_another_romanisation_is_found_by_its_key(query: str, expected: str) -> None:
    names = ["Kuo Pin-chia", "Luo Liangjian", "Ma Pu-fang", "Ma Pu-ching"]
    idx = NameIndex([NameEntry(i, n, fold(n), "name", key(n)) for i, n in enumerate(names)])
    got = idx.match(query)
    assert got and names[got[0].entity] == expected


def test_a_key_nearly_alike_is_no_match_for_an_initial() -> None:
    """"Q. Harland" is no misspelling of "Harland" (kharland against harland): an initial is asked."""
    names = ["Walter Harland", "Harland"]
    idx = NameIndex([NameEntry(0, n, fold(n), "name", key(n)) for n in names])
    assert not [m for m in idx.match("Q. Harland") if m.score >= 90]


def test_a_name_of_one_word_is_no_typo_of_one_of_several() -> None:
    """A question of several words asks for a name of several: "Kizil Su" is Kizil Su, and no word
    of it is taken for a misspelt word of another name ("Kizilsu ... Prefecture")."""
    names = ["Kizil Su", "Kizilsu Kyrgyz Autonomous Prefecture"]
    idx = NameIndex([NameEntry(i, n, fold(n), "name", key(n)) for i, n in enumerate(names)])
    assert [names[m.entity] for m in idx.match("Kizil Su") if m.score >= 88] == ["Kizil Su"]


# ------------------------------------------------------------------ names in other languages, word by word

@pytest.mark.parametrize("name,words", [
    # real names of tests/data/real/ (German, Turkish, Russian, Kazakh-Russian pages)
    ("Republik Ostturkestan", [{"east", "turkestan", "republic"}]),
    ("Zweite Republik Ost-Turkestan", [{"second", "east", "turkestan", "republic"}]),
    ("Doğu Türkistan İslam Cumhuriyeti", [{"east", "turkestan", "islamic", "republic"}]),
    ("Doğu Türkistan Göçmenler Cemiyeti", [{"east", "turkestan", "emigrant", "association"}]),
    ("Восточно-Туркестанской Республики", [{"east", "turkestan", "republic"}]),  # genitive
    ("ТРИ ОКРУГА", [{"three", "district"}]),
    # a word of two readings: both
    ("Договор о дружбе и союзе", [{"treaty", "friendship", "union"}, {"treaty", "friendship", "alliance"}]),
    # English, a person, an unknown word of another script: nothing
    ("East Turkestan Republic", []), ("Ehmetjan Qasimi", []), ("Кульджа", []), ("Ili Rebellion", []),
])
def test_a_name_in_another_language_glossed_word_by_word(name: str, words: list[set[str]]) -> None:
    from etr.text.gloss import gloss

    assert [set(g) for g in gloss(name)] == words


@pytest.mark.parametrize("name,words", [
    ("Three Districts", {"three", "district"}), ("People's Republic of China", {"people", "republic", "china"}),
    ("Islamic Republic of East Turkestan", {"islamic", "republic", "east", "turkestan"}),
    ("East Turkistan Republic", {"east", "turkestan", "republic"}),  # a spelling of a name's word
])
def test_an_english_name_s_words(name: str, words: set[str]) -> None:
    from etr.text.gloss import english

    assert english(name) == words
