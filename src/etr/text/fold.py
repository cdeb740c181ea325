"""Folding: the one normal form of names and words, for the build's linking and the queries.

`fold("Elihan Töre's")` is "elihan tores": case, diacritics, apostrophes and dash kinds are
gone, so that every spelling a document or a user writes meets the same key. Pure; standard
library only.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-",
        "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
        # Turkic Latin letters no decomposition reaches: Azerbaijani and Uyghur schwa ("Səypidin
        # Əzizi"), Kazakh barred o, the eng of Kazakh and Uyghur spellings
        "ə": "e", "ɵ": "o", "ŋ": "ng",
    }
)
_TOKEN = re.compile(r"\w+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")  # a Cyrillic letter (Russian, Kazakh, Uyghur): the test romanise, terms and lookup share


def unaccented(text: str) -> str:
    """`text` without its diacritics (compatibility decomposition, combining marks dropped); case
    and punctuation as they are."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold_char(ch: str) -> str:
    """What `fold` turns one character into, before the text is split into words."""
    t = unaccented(ch.casefold().translate(_TRANSLATE))
    return t.casefold().translate(_TRANSLATE).replace("'", "")


class _FoldTable(dict[int, str]):
    """str.translate table computing each character's fold once; lookups after that run in C.
    Folding is per character (case folding, compatibility decomposition), except that NFKD
    reorders combining marks, which folding removes anyway: so folding a text character by
    character gives what folding it whole gives (tests/test_names.py checks this)."""

    def __missing__(self, code: int) -> str:
        got = self[code] = fold_char(chr(code))
        return got


FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form: 'Elihan Töre' -> 'elihan tore'."""
    return " ".join(fold_words(text))


def fold_words(text: str) -> list[str]:
    """The words of fold(text): fold(text).split()."""
    if text.isascii():  # the same result, without the table
        return _TOKEN.findall(text.lower().replace("'", "").replace("`", ""))
    return _TOKEN.findall(text.translate(FOLD_TABLE))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of text with offsets, each folded (plain ASCII words just lower-cased)."""
    if text.isascii():
        return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text.lower())]
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        f = w.lower() if w.isascii() else fold(w)
        if f:
            out.append((m.start(), m.end(), f))
    return out
