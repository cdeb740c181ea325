"""The words a sentence or a query is ranked by: stop words dropped, synonyms merged, stemmed.

Shared by the build (which works out each sentence's terms with the rest of its analysis) and
the queries. Imports etr.names, etr.rules and the standard library.
"""

from __future__ import annotations

import re
from functools import cache

from etr.text.fold import CYRILLIC, fold, fold_words

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

STOP = set(
    """a an the of in on at to for from by with and or but is was were be been being are am do does
    did has have had it its this that these those as into about over under after before during
    what which who whom whose when where why how many much did there their they them he his him she
    her we our you your i me my not no yes than then so such also very can could would should may
    might will shall just only any all some more most other one ever tell give list show find""".split()
    # Russian prepositions, conjunctions and particles (folded, as terms() reads words: й is и)
    + "в во на с со и а но по к ко о об от до из за у не ни что как это же ли бы г гг".split()
)


@cache
def stem(word: str) -> str:
    """A light English stemmer for matching: crashed/crashes -> crash, signing -> sign, and a
    final silent e dropped, so that dissolve/dissolved/dissolves all read "dissolv"."""
    got = _stem(word)
    return got[:-1] if got.endswith("e") and len(got) >= 4 and not got.endswith(("ee", "ie", "ye")) else got


def _stem(word: str) -> str:
    if CYRILLIC.search(word):
        return _russian_stem(word)
    if word.endswith(("ction", "ctions")) and len(word) > 7:  # defection -> defect, like defected
        return word[: word.rindex("ction") + 2]
    m = _ATE.fullmatch(word)
    if m is not None and word not in words_rules()["stems"]["ate_nouns"]:
        return m.group(1)  # emigrated, negotiating: emigr, negoti, as emigration and negotiation are
    for suf, keep in (("ations", 0), ("ation", 0), ("ings", 0), ("ing", 0), ("ied", 0), ("ies", 0),
                      ("ed", 0), ("es", 0), ("s", 0)):
        if word.endswith(suf) and len(word) - len(suf) >= 3 + keep:
            base = word[: -len(suf)]
            if suf in ("ied", "ies"):
                return base + "y"
            if suf == "es" and not base.endswith(("sh", "ch", "x", "s", "z")):
                return word[:-1]
            if suf in ("ed", "ing", "ings") and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsfz" \
                    and base[-1] not in "aeiou":
                return base[:-1]  # stopped, planned, fitted: stop, plan, fit (not called, passed, staffed)
            return base
    return word


def _russian_stem(word: str) -> str:
    """A Russian word (folded: й is и) less its longest inflectional ending that leaves three
    letters, and a soft sign then last (rules/words.toml [stems] russian_endings): "катастрофу"
    -> катастроф, "Кабаньей" and "Кабанья" -> кабан."""
    for end in _russian_endings():
        if word.endswith(end) and len(word) - len(end) >= 3:
            word = word[: -len(end)]
            break
    return word[:-1] if word.endswith("ь") and len(word) > 3 else word


@cache
def _russian_endings() -> list[str]:
    return sorted({fold(e) for e in words_rules()["stems"]["russian_endings"]}, key=len, reverse=True)


def words_rules() -> dict[str, Any]:
    from etr import rules

    return rules.load("words")


class _Terms(dict[str, str]):
    """Folded word -> its term ("" for a stop word), each worked out once: `terms` then runs
    its loop in C (map, filter), which matters when the index is made of 35,000 sentences."""

    def __missing__(self, word: str) -> str:
        glued = _FOOTNOTE_GLUED.fullmatch(word)  # "treaty35", "Tihwa27": a footnote's number glued on
        if glued is not None:
            got = self[word] = self[glued.group(1)]
            return got
        got = self[word] = "" if word in STOP else stem(words_rules()["synonyms"].get(word) or american(word))
        return got


def american(word: str) -> str:
    """A word in American spelling, so that British and American texts and questions meet:
    "defence" -> "defense", "labour" -> "labor", "organised" -> "organized", "centre" -> "center"
    (rules/words.toml [spellings] for the words no rule makes)."""
    got = words_rules()["spellings"].get(word)
    if got is not None:
        return str(got)
    m = _OUR.fullmatch(word)
    if m is not None:
        return m.group(1) + "or" + m.group(2)  # labour, rumours, honoured, favourite (not "hour", "tours")
    m = _ISE.fullmatch(word)
    if m is not None:
        return m.group(1) + "iz" + m.group(2)  # organise, organisation, recognised
    return word


_OUR = re.compile(r"([a-z]{3,})our(|s|ed|ing|able|ably|er|ers|ite|ites|ful|less)")
_ISE = re.compile(r"([a-z]{3,}[^aeiouy\W])is(e|ed|es|ing|ation|ations)")


# not "state", "senate" (a stem of four letters or fewer), nor "defeated", "retreating" (a or e
# before "at": defeat, retreat), nor "combating" (comb); "evacuated" is evacuation's "evacu"
_ATE = re.compile(r"([a-z]{4,}[^ae\W])at(?:e|ed|es|ing)")
_FOOTNOTE_GLUED = re.compile(r"([^\W\d_]{3,})\d{1,3}")
_TERMS = _Terms()


def terms(text: str) -> list[str]:
    """The words of `text` that carry weight: stop words dropped, synonyms merged, stemmed."""
    return list(filter(None, map(_TERMS.__getitem__, fold_words(text))))


@cache
def _field_labels() -> tuple[Any, Any]:
    """The field labels of rules/words.toml [field_words], anywhere in a text and at a line's start."""
    names = "|".join(sorted(map(re.escape, words_rules()["field_words"]), key=len, reverse=True))
    # at a line's start the label may have no colon, as a page shows it ("Born 15 April 1914",
    # "DiedApril 16, 1934"): a space or nothing, then the value's capital, figure or bracket
    return (re.compile(rf"(?:^|\n- )({names})\d*:"),
            re.compile(rf"(?:- )?({names})\d*(?::|[ \t]*(?=[A-Z\d(]))"))


@cache
def field_words() -> frozenset[str]:
    """Every term a field label stands for (became, began, left, born, died, ...)."""
    return frozenset(t for words in words_rules()["field_words"].values() for t in terms(words))


def field_terms(text: str, end: int | None = None) -> list[str]:
    """The terms an infobox's field labels stand for (rules/words.toml [field_words]): in the
    whole of `text`, or only the field whose value runs up to `end` ("Term Start4: |30 December
    1948" -> became, began)."""
    fields = words_rules()["field_words"]
    anywhere, at_line = _field_labels()
    if end is not None:
        m = at_line.match(text, text.rfind("\n", 0, end) + 1)
        return terms(fields[m.group(1)]) if m else []
    return [t for m in anywhere.finditer(text) for t in terms(fields[m.group(1)])]


# a word a printed page broke at its line's end, the break kept by the copy ("Kazakh emi- gration",
# "Tur- key"); not "pro- and anti-Soviet"
_BROKEN = re.compile(r"([^\W\d_]{2,})-\s+(?!(?:and|or|to|nor)\b)([a-z]{2,})")


_PREFIXED = re.compile(r"\b(re|co|pre|non|un)-([a-z]{3,})\b", re.I)


# a reference work's signs for a life's ends: "(* 3. Dezember 1897; † 13. Juli 1970)", "(b. 1897,
# d. 1970)": born and died, as the words would say
_BORN_SIGN = re.compile(r"(?:^|[(;,\[]\s*)\*\s*(?=\d|[^\W\d_]+\s+\d)|\bb\.\s*(?=\d{4})")
_DIED_SIGN = re.compile(r"[†✝]|\bd\.\s*(?=\d{4})")


def sentence_terms(text: str) -> list[str]:
    """The terms a sentence is indexed by: its words' (a word broken at a line's end read whole
    too), its infobox fields', and the born and died its signs say ("† 13. Juli 1970")."""
    got = terms(text) + field_terms(text) if ":" in text else terms(text)
    if "†" in text or "✝" in text or "*" in text or "b." in text or "d." in text:
        got += (terms("born") if _BORN_SIGN.search(text) else []) + (terms("died") if _DIED_SIGN.search(text) else [])
    if "- " in text or "-\n" in text:  # the word whole as well as its parts ("so- called": so, called, socalled)
        got += [t for m in _BROKEN.finditer(text) for t in terms(m.group(1) + m.group(2))]
    if "-" in text:  # "re-captured", "co-operation": the word written whole too
        got += [t for m in _PREFIXED.finditer(text) for t in terms(m.group(1) + m.group(2))]
    if not text.isascii() and (names := _CYRILLIC_NAME.findall(text, 1)):
        # a name in Cyrillic in Latin letters as well, and a man's name declined in its
        # nominative ("Деканозову": dekanozov), so that a question in English finds the sentence
        # (a Russian word of Russian letters only, whole, of four letters or more, not the
        # sentence's first: "На", "Шоқан")
        from etr.text.romanise import latin, mans_case

        got += terms(" ".join(latin(mans_case(n) or n) for n in names))
    return got


_CYRILLIC_NAME = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{3,}(?:-[А-ЯЁа-яё][а-яё]+)*(?![\w-])")


def with_synonyms(text: str) -> str:
    """`text` with each word a user may type replaced by the word the documents use."""
    syn = words_rules()["synonyms"]
    return " ".join(syn.get(t, t) for t in fold(text).split())


def implied_words(entity_types: list[str]) -> set[str]:
    """Terms a sentence counts as using through the types of the entities it names ("who edited
    the newspaper": a sentence naming a newspaper uses "newspaper" even when it says "its")."""
    type_words = words_rules()["type_words"]
    return {stem(w) for t in entity_types for w in type_words.get(t, [])}
