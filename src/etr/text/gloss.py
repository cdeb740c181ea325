"""The English of a name written in another language, word by word (rules/gloss.toml): what lets
"Republik Ostturkestan" meet the "East Turkestan Republic", "Doğu Türkistan İslam Cumhuriyeti" the
"Islamic Republic of East Turkestan" and "Договор о дружбе и союзе" the "Treaty of Friendship and
Alliance". Names of bodies, states, treaties and events only: a person's name is no words.

A name glosses only where each of its words does, or is a proper name in Latin letters left as it
is ("Xinjiang"), and one at least is another language's; its English is a set of words (order
differs between languages: "Republik Ostturkestan"), plurals made singular, small words left out.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from etr.text.fold import fold

MIN_STEM = 4  # a stem read before an ending has this many letters at least ...
ENDING = 4  # ... and the ending after it at most this many
MOST_READINGS = 8  # a name whose words allow more readings than these is not glossed


@cache
def _table() -> tuple[frozenset[str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    from etr import rules

    r = rules.load("gloss")

    def readings(d: dict[str, str]) -> dict[str, tuple[str, ...]]:
        return {k: tuple(v.split("|")) for k, v in d.items()}

    words = readings(r["words"])
    stems = {**{k: v for k, v in words.items() if len(k) > MIN_STEM}, **readings(r["stems"])}
    return frozenset(r["small"]), words, stems, readings(r["prefixes"])


_APOSTROPHE = re.compile(r"['’].*$")  # a Turkish case ending after its apostrophe: "Türkistan'ın"


def _singular(word: str) -> str:
    """An English word in the singular, as near as a name needs ("districts", "emigrants", "people's")."""
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@cache  # (a name's words recur: every name of the build is glossed, some twice)
def _word(w: str) -> tuple[tuple[str, ...], bool] | None:
    """A folded word's English readings, and whether it is another language's; None when it is an
    unknown word of another script."""
    small, words, stems, prefixes = _table()
    if w in words:
        return words[w], words[w] != (w,)
    for cut in range(len(w), MIN_STEM - 1, -1):  # the longest stem, an ending of at most ENDING letters
        if len(w) - cut > ENDING:
            break
        if w[:cut] in stems:
            return stems[w[:cut]], stems[w[:cut]] != (w,)
    for p, english in prefixes.items():  # "ostturkestan", "volksrepublik"
        rest = _word(w[len(p):]) if w.startswith(p) and len(w) - len(p) >= MIN_STEM else None
        if rest is not None:
            return tuple(f"{e} {x}" for e in english for x in rest[0]), True
    if w.isascii():
        return (w,), False  # English, or a proper name as it is
    return None


def english(name: str) -> frozenset[str]:
    """The words of an English name that carry it, singular ("Three Districts": three, district)."""
    small = _table()[0]
    out: set[str] = set()
    for raw in name.split():
        for w in fold(_APOSTROPHE.sub("", raw)).split():
            if w not in small:
                out.update(_singular(x) for x in (_word(w) or ((w,), False))[0][0].split() if x not in small)
    return frozenset(out)


def gloss(name: str) -> list[frozenset[str]]:
    """The English word sets a name in another language may be ("Республики Советский Союз": ...);
    [] when a word does not gloss or none is another language's."""
    small = _table()[0]
    choices: list[tuple[str, ...]] = []
    foreign = False
    for raw in name.split():
        for w in fold(_APOSTROPHE.sub("", raw)).split():
            if w in small:
                continue
            got = _word(w)
            if got is None:
                return []
            choices.append(got[0])
            foreign = foreign or got[1]
    if not foreign or not choices or len(list(itertools.islice(itertools.product(*choices), MOST_READINGS + 1))) > MOST_READINGS:
        return []
    return [frozenset(_singular(x) for reading in combo for x in reading.split() if x not in small)
            for combo in itertools.product(*choices)]


def in_english(name: str) -> str | None:
    """A name in another language said in English word by word, in its own order, for a question
    in English to find it by ("Doğu Türkistan Göçmenler Cemiyeti": "east turkestan emigrant
    association"); None where it does not gloss."""
    if not gloss(name):
        return None
    small = _table()[0]
    out: list[str] = []
    for raw in name.split():
        for w in fold(_APOSTROPHE.sub("", raw)).split():
            if w not in small:
                got = _word(w)
                out.append(got[0][0] if got is not None else w)
    return " ".join(out)
