"""One key for the spellings of one name across romanisations and scripts.

`key("Sung Hsi-lien") == key("Song Xilian")`, `key("Tihwa") == key("Dihua")`,
`key("Kasimoff") == key("Kasimov") == key("Касимов")`, `key("盛世才") == key("Sheng Shicai")`:
Chinese characters are read in pinyin (pypinyin, imported only for text that holds them),
Cyrillic by a transliteration table, Wade-Giles syllables turned into pinyin by a table, and
then the differences romanisations make (aspiration, kh/h, q/k, -off/-ov ...) are folded away.
Keys are compared, never shown. The tables are data (rules/romanise.toml). Imports etr.rules
and etr.text.fold.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from etr import rules
from etr.text.fold import CYRILLIC, fold_char

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Container
    from typing import Any

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@cache
def _tables() -> dict[str, Any]:
    r = rules.load("romanise")
    wade: dict[str, str] = {}
    for spelling, pinyin in r["wade_giles"].items():  # as written first: "ch'iang" is qiang
        wade.setdefault(_plain(spelling), pinyin)
    for spelling, pinyin in r["wade_giles"].items():  # then without its apostrophe: "chiang" is jiang
        wade.setdefault(_plain(spelling).replace("'", ""), pinyin)
    for spelling, pinyin in r["wade_giles_variants"].items():  # "tze" is ze
        wade.setdefault(spelling, pinyin)
    for spelling, pinyin in list(wade.items()):
        # the 1940s' te, se, tse written teh, seh, tseh ("Wu Teh-chen", "Chu Teh", "Peng Tehhuai"),
        # as the standard's own hsieh, chieh and yeh are written
        if spelling.endswith("e") and not spelling.endswith(("ie", "ye")):
            wade.setdefault(spelling + "h", pinyin)
    cyr = {**r["cyrillic"], **{k.upper(): v.capitalize() for k, v in r["cyrillic"].items()}}
    syllables = frozenset(r["wade_giles"].values())
    return {"wade": wade, "cyrillic": str.maketrans(cyr), "syllables": syllables, "postal": dict(r["postal"]),
            "any_syllable": syllables | frozenset(k.replace("'", "") for k in wade),
            **{k: [tuple(x) for x in r["key"][k]] for k in ("first", "spellings", "vowels", "aspiration", "endings",
                                                               "before_consonant", "soft", "uyghur_latin")}}


class _PlainTable(dict[int, str]):
    """str.translate table of `_plain`: each character's fold worked out once (as
    etr.text.fold.FOLD_TABLE), except that the apostrophes stay."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        got = self[code] = "'" if ch in "'’" else fold_char(ch)
        return got


_PLAIN_TABLE = _PlainTable()


def _plain(word: str) -> str:
    """Lower case without diacritics ("hsüeh" -> "hsueh"), apostrophes kept; a marked letter
    that says another sound as that sound's letters ("kaşgar" -> "kashgar": [key] letters)."""
    word = word.lower()
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)  # "s" and a combining cedilla are "ş"
        for a, b in _marked_letters():
            word = word.replace(a, b)
    return word.translate(_PLAIN_TABLE)


@cache
def _marked_letters() -> list[tuple[str, str]]:
    return [(a, b) for a, b in rules.load("romanise")["key"]["letters"]]


def han_to_latin(text: str) -> str:
    """Chinese characters in `text` read in pinyin, a word per name ("盛世才" -> "shengshicai")."""
    if not _HAN.search(text):
        return text
    from pypinyin import lazy_pinyin  # loads its dictionaries: only for text that needs it

    return _HAN.sub(lambda m: " " + "".join(lazy_pinyin(m.group(0))) + " ", text)


def latin(text: str) -> str:
    """`text` in Latin letters: Chinese characters in pinyin, Cyrillic transliterated."""
    text = han_to_latin(text)
    if CYRILLIC.search(text):
        text = text.translate(_tables()["cyrillic"])
    return text


def palladius(name: str) -> str | None:
    """A name in Cyrillic read in pinyin where each of its words splits into syllables of the
    Russian transcription of Chinese ("Шэн Шицай" -> "Sheng Shicai", "Синьцзян" -> "Xinjiang");
    None where a word does not. A Turkic or Russian name may split so too ("Касими": ka-xi-mi), and
    a Russian text often drops the soft sign ("Хушан" for Хушань): a reading to try beside the
    letters' own (etr.ingest.identity), never in their place."""
    words = re.split(r"([-\s]+)", name.strip())
    if not CYRILLIC.search(name) or any(not CYRILLIC.search(w) for w in words[::2]):
        return None
    out = []
    for w in words[::2]:
        syllables = _palladius_syllables(w.lower())
        if syllables is None:
            return None
        out.append("".join(syllables))
    got = [(o.capitalize() if w[:1].isupper() else o) for o, w in zip(out, words[::2], strict=True)]
    return "".join(g + sep for g, sep in zip(got, [*words[1::2], ""], strict=True))


@cache
def _palladius_syllables(word: str) -> tuple[str, ...] | None:
    """The pinyin syllables a Cyrillic word is written in, by rules/romanise.toml [palladius], the
    fewest of them; None when it is not so written."""
    table = _palladius_table()
    pieces = _fewest(word, table)
    return tuple(table[p] for p in pieces) if pieces else None


def _fewest(word: str, known: Container[str]) -> tuple[str, ...] | None:
    """`word` cut into the fewest pieces of up to six letters each of which is `known` (a
    syllable), or None when it cannot be so cut (an empty word: no pieces)."""
    n = len(word)
    best: list[tuple[str, ...] | None] = [()] + [None] * n
    for i in range(n):
        got = best[i]
        if got is None:
            continue
        for k in range(1, 7):
            if i + k <= n and word[i : i + k] in known:
                there = best[i + k]
                if there is None or len(there) > len(got) + 1:
                    best[i + k] = (*got, word[i : i + k])
    return best[n]


@cache
def _palladius_table() -> dict[str, str]:
    return dict(rules.load("romanise")["palladius"])


def _pinyin_of_wade_giles(word: str) -> str:
    """A word whose syllables (between hyphens) are all Wade-Giles, in pinyin; else the word.
    "hsi-lien" -> "xilian", "ch'ang-an" -> "changan", "sung" -> "song", "osman" -> "osman"."""
    wade = _tables()["wade"]
    pieces = word.replace("’", "'").split("-")
    out = []
    for p in pieces:
        got = wade.get(p) or wade.get(p.replace("'", ""))
        if got is None:
            return word.replace("'", "").replace("’", "")
        out.append(got)
    return "".join(out)


def _pinyin_of_postal(word: str) -> str:
    """A word of postal syllables and Wade-Giles or pinyin ones, one of them at least postal or a
    Wade-Giles hs ("kiayukwan": kia, yu, kwan; "minhsien": min, hsien), in pinyin ("jiayuguan",
    "minxian"); else the word. Of the ways to cut it, the fewest syllables."""
    t = _tables()
    postal, wade, pinyin = t["postal"], t["wade"], t["syllables"]
    n = len(word)
    if n < 4 or not word.isalpha():
        return word
    best: list[tuple[int, int, str] | None] = [(0, 0, "")] + [None] * n  # (syllables, postal ones, pinyin)
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for k in range(2, 7):
            piece = word[i : i + k]
            if i + k > n:
                break
            if piece in postal or (piece == "si" and word[i + 2 : i + 3] in ("a", "e", "o")):
                # postal si before a vowel is pinyin's xi ("Sian": Xi'an; pinyin would write "Si'an")
                got = (here[0] + 1, here[1] + 1, here[2] + postal.get(piece, "xi"))
            elif piece in pinyin or piece in wade:  # "yu" is yu; "hsin" (Wade-Giles) is xin
                # Wade-Giles hs is Chinese as surely as a postal syllable: "Minhsien", "Ninghsia",
                # "Hsining" written as one word are Minxian, Ningxia, Xining; after a syllable that
                # ends in a vowel it may be an Arabic name's h and s ("Muhsin", "Tahsin")
                # so is a syllable in -ung, which pinyin writes -ong ("Yatung": Yadong), but not before
                # a k or g, where a Turkic word runs its ng on ("Tungkan" is the Tungan)
                # and so is a syllable in -eh that the standard writes in -e ("Tehhuai": dehuai)
                marked = piece not in pinyin and ((piece.startswith("hs") and (i == 0 or word[i - 1] in "ng"))
                                                  or (piece.endswith("eh") and not piece.endswith(("ieh", "yeh")))
                                                  or (piece.endswith("ung") and word[i + k : i + k + 1] not in ("k", "g")))
                got = (here[0] + 1, here[1] + marked, here[2] + (piece if piece in pinyin else wade[piece]))
            else:
                continue
            old = best[i + k]
            if old is None or got[0] < old[0]:
                best[i + k] = got
    end = best[n]
    # (a word of one syllable is no postal name: "King" is an English name as often as jing)
    return end[2] if end is not None and end[1] > 0 and end[0] > 1 else word


_R_SYLLABLE = re.compile(r"(?:(?<=^)|(?<=[aeiou])|(?<=ng)|(?<=n))r(?=[aeiou])")


@cache
def word_key(word: str) -> str:
    """The key of one word (a name's words recur: each is worked out once)."""
    t = _tables()
    plain = _plain(word)
    if any(a in plain for a, _b in t["first"]):
        first = plain
        for a, b in t["first"]:
            first = first.replace(a, b)
        if first not in t["wade"] or "dz" not in plain:  # not "Dzhan", "Dzhu": a syllable Wade-Giles would read (ran, ru)
            plain = first
    w = _pinyin_of_wade_giles(plain)
    if w == plain:
        w = _pinyin_of_postal(w)  # "Kiayukwan", "Sinkiang": Jiayuguan, Xinjiang
        if w == plain and "-" in plain:
            joined = plain.replace("-", "")
            w = _pinyin_of_postal(joined)  # "Chung-king", "Tien-tsin": the word's syllables hyphened
            if w == joined:
                w = plain
    for end, repl in t["endings"]:
        if w.endswith(end) and len(w) > len(end) + 2:
            w = w[: -len(end)] + repl
            break
    chinese = _pinyin_word(w.replace("-", ""))
    pieces = []
    for p in w.split("-"):  # each part of "Achmad-Jan" alone: no "dj" across the hyphen
        if chinese:
            # Wade-Giles j and y were confused in the 1940s ("Tse-jung"/"Tse-yung", pinyin
            # "rong"/"yong"): a syllable's r is its y
            p = _R_SYLLABLE.sub("y", p)
        if not chinese:
            for a, b in t["soft"]:
                p = re.sub(a, b, p)
            for a, b in t["uyghur_latin"]:
                p = re.sub(a, b, p)
        for a, b in t["spellings"]:
            p = p.replace(a, b)
        if not chinese:
            # a Turkic or Russian name: its vowels vary with the transliteration ("Mesud"/"Masud",
            # "Bator"/"Batur"), where a Chinese syllable's vowels make other names ("Zhou"/"Zhu")
            for a, b in t["before_consonant"]:
                p = re.sub(rf"{a}(?![aeiouy])", b, p)
            for a, b in t["vowels"]:
                p = p.replace(a, b)
        for a, b in t["aspiration"]:
            p = p.replace(a, b)
        pieces.append(p)
    return re.sub(r"(.)\1+", r"\1", "".join(pieces))


def consonants(word: str) -> str:
    """The run of a word's consonants, each by its class (rules/romanise.toml [consonants]):
    what the spellings of a Turkic place name in pinyin, Uyghur Latin and the 1940s' English share
    ("Kuerle" and "Korla": "Krl")."""
    return consonants_of_key(word_key(word))


def consonants_of_key(k: str) -> str:
    """`consonants` of a word already keyed (a name index holds its forms' keys)."""
    c = consonant_rules()
    for pattern, repl in c["classes"]:
        k = re.sub(pattern, repl, k)
    return re.sub(c["vowels"], "", k)  # "Koktobai" keeps its two k: not "Hutubi"


def russian_forms(name: str) -> list[str]:
    """A name written in Cyrillic as written, then each word without its case ending, then that
    with the nominative's ending put back (rules/romanise.toml [russian]): "Кашгаре" -> Кашгаре,
    Кашгар, Кашгара, Кашгаря; each followed by its reading as a Chinese name where it has one
    ("Шэн Шицай", "Sheng Shicai"). A name in no Cyrillic: itself alone."""
    if not CYRILLIC.search(name):
        return [name]
    r = rules.load("romanise")["russian"]
    words = name.split()
    stems = []
    end = ""
    for w in words:
        low = w.lower()
        end = next((e for e in r["endings"] if low.endswith(e) and len(w) - len(e) >= 3), "")
        stems.append(w[: len(w) - len(end)] if end else w)
    stem = " ".join(stems)
    if stem == " ".join(words):
        forms = [name]
    elif end in r["of_ia"]:  # "Кашгарии", "Азии": a noun in -ия declined ("Кашгария"), before the stem
        forms = [name, stem + "ия", stem, *(stem + e for e in r["nominative"] if e != "ия")]
    else:
        forms = [name, stem, *(stem + e for e in r["nominative"])]
    # each beside its reading as a Chinese name in the Russian transcription ("Шэн Шицай")
    read = [x for f in forms for x in (f, palladius(f)) if x is not None]
    return list(dict.fromkeys(read))


def mans_case(name: str) -> str | None:
    """A Russian man's name whose surname is written in a case only a man's takes, in the
    nominative ("Деканозову", "Могутновым" -> Деканозов, Могутнов; "Ахмеджану Касымову" ->
    Ахмеджан Касымов: rules/romanise.toml [russian]); None otherwise ("Деканозова" may be his
    wife, "Украине" is Ukraine)."""
    r = rules.load("romanise")["russian"]
    words = name.split()
    last = words[-1] if words else ""
    for end in r["mans_endings"]:
        stem = last[: -len(end)]
        suffixes = r["mans_u"] if end == "у" else r["surname_endings"]
        if last.endswith(end) and any(stem.endswith(s) and len(stem) > len(s) + 2 for s in suffixes):
            # his given name in the same case: "Ахмеджану", "Мансуром"
            given = ("у",) if end == "у" else ("ом", "ем")
            rest = [next((w[: -len(g)] for g in given if w.endswith(g) and len(w) - len(g) >= 3), w) for w in words[:-1]]
            return " ".join([*rest, stem])
    return None


def mans_stems(word: str) -> list[str]:
    """The nominatives a Cyrillic word may be as a man's name in another case ("Сталина",
    "Бурханом" -> Сталин, Бурхан; "Андрея" -> Андре, Андрей; "Игоря" -> Игор, Игорь): each to be tried against
    the men already known (rules/romanise.toml [russian] known_mans_endings); [] for a word in
    no Cyrillic or none of those endings."""
    if not CYRILLIC.search(word):
        return []
    low = word.lower()
    for end in rules.load("romanise")["russian"]["known_mans_endings"]:
        if low.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            return [stem, stem + ("й" if stem[-1].lower() in "аеёиоуыэюя" else "ь")]
    return []


def velar_key(k: str) -> str:
    """A word's key with its back consonants one letter (rules/romanise.toml [velars]): where
    "Charklik" and "Charkhliq" meet ("jarklik", "jarhlik": "jarklik")."""
    for pattern, repl in _velar_classes():
        k = re.sub(pattern, repl, k)
    return re.sub(r"(.)\1+", r"\1", k)


@cache
def _velar_classes() -> list[tuple[str, str]]:
    return [(a, b) for a, b in rules.load("romanise")["velars"]["classes"]]


@cache
def consonant_rules() -> dict[str, Any]:
    """rules/romanise.toml [consonants]: the classes, the vowels, the fewest consonants to read by."""
    got: dict[str, Any] = rules.load("romanise")["consonants"]
    return got


def chinese_word(word: str) -> bool:
    """Whether a word reads as Chinese syllables in pinyin, Wade-Giles or the postal spellings
    ("Hetian", "Yanghang", "Ningkiang"; not "Korla", "Piqan")."""
    return bool(chinese_syllables(word)) or bool(chinese_syllables(_pinyin_of_postal(_plain(word))))


@cache
def chinese_syllables(word: str) -> int:
    """How many Chinese syllables (pinyin or Wade-Giles) `word` is made of, or 0 when it is not
    made of them ("Tokohsun": 3, "Ninghsia": 2, "Tse-ming": 2, "Kashmir": 0)."""
    known = _tables()["any_syllable"]
    best = 0
    for piece in _plain(word).replace("’", "'").replace("'", "").split("-"):
        pieces = _fewest(piece, known)
        if not pieces:
            return 0
        best += len(pieces)
    return best


def _pinyin_word(word: str) -> bool:
    """Whether `word` splits into pinyin syllables ("zhongxin", "dihua", "ma")."""
    return _fewest(word, _tables()["syllables"]) is not None


def key(name: str) -> str:
    """The romanisation-aware key of a name: its words' keys joined without spaces (so that
    "Shicai", "Shih-tsai" and "Shih Ts'ai" meet)."""
    if not name.isascii():
        name = unicodedata.normalize("NFC", name)  # a letter and its combining mark: one letter
    words = _WORD.findall(latin(name))
    if len(words) > 2:  # "Mongolian and Tibetan Affairs Commission", "Mongolian Tibetan Affairs Commission"
        words = [w for w in words if w.lower() not in CONNECTORS] or words
    for i in range(len(words) - 1, 0, -1):  # "Ahmed Jan" is "Ahmedjan": a Turkic name's ending, no Chinese "jan"
        if words[i].lower() in TURKIC_ENDINGS and not _pinyin_word(words[i - 1].lower()):
            words[i - 1 : i + 1] = [words[i - 1] + words[i].lower()]
    keys = [word_key(w) for w in words]
    if len(words) >= 2:
        syllables = [chinese_syllables(w) for w in words]
        if any(syllables) and not all(syllables):
            # a Turkic or Persian name one of whose words only looks like pinyin ("Seypidin Azizi",
            # "Səypidin Əzizi"): its vowels vary as the rest of the name's do; not a word of one or
            # two syllables, a Chinese surname's or given name's ("Paul Chang" is no Paul Cheng), nor
            # one before the other words ("Pei-ta-shan Incident", "Peitashan Incident": a place's)
            t = _tables()
            for i, c in enumerate(syllables):
                if c >= 3 and i and not syllables[i - 1]:
                    for a, b in t["vowels"]:
                        keys[i] = keys[i].replace(a, b)
    return "".join(keys)


_CH = re.compile(r"(?<![\w'’])(?:(?<=-)|(?<=\b))[Cc]h(?=[aeiouü])(?!['’])")


def dropped_apostrophes(name: str, most: int = 3) -> list[str]:
    """The readings of a Wade-Giles name whose apostrophes may have been dropped, as they often
    were: "Shih-chi" may be "Shih-ch'i" (pinyin Shiqi) as well as Shiji. Only the words made of
    Chinese syllables; at most `most` readings."""
    out: list[str] = []
    for w in _WORD.finditer(name):
        word = w.group(0)
        if not chinese_syllables(word):
            continue
        for m in _CH.finditer(word):
            at = w.start() + m.end()
            out.append(name[:at] + "'" + name[at:])
    return out[:most]


TURKIC_ENDINGS = frozenset({"jan", "djan", "dzhan", "zhan", "jon"})  # written apart from the name they end


CONNECTORS = frozenset({"and", "the", "&"})  # words a long name is written with and without
