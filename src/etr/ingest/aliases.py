"""The text says who is who: statements that two names are one, each with the words that say so.

"Koktobai also called Fuwen", "Tihwa, today known as Urumqi", "Shar-Su (Kazakh name: Sary-Su)",
"Nakamura, also spelled Nakamoura", "Ahmed, i.e. Ahmed Bek", the editor's "Wang [Wang Tse-ming]",
"Ghulja (Yining)" for places, and an acronym defined in brackets, "the Altai Frontier Guard (AFG)",
then used alone. `statements(text, sentence, names)` finds them between the names of one
sentence; etr.ingest.identity makes the second name a spelling of the first's entity and cites
the sentence. The cue words are data (rules/names.toml [aliases]). Imports etr.rules.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache
from typing import Any, NamedTuple

from etr import rules


class Alias(NamedTuple):
    """One name said to be another: `second` (as written) is a name of what `first` names."""

    first_start: int
    first_end: int
    second_start: int
    second_end: int
    second: str
    cue: str  # the words that say so ("also called", "[ ]", "(AFG)")
    start: int  # the sentence that says it, for the citation
    end: int


Span = tuple[int, int, str]  # a name in the sentence: start, end, kind ("place", "person", ...)


@cache
def _cues() -> dict[str, Any]:
    r = rules.load("names")["aliases"]
    between = "|".join(sorted((re.escape(c) for c in r["between"]), key=len, reverse=True))
    inside = "|".join(sorted((re.escape(c) for c in r["in_brackets"]), key=len, reverse=True))
    names = "|".join(sorted((re.escape(c) for c in r["own_name"]), key=len, reverse=True))
    return {
        # "X, also called Y", "X also known as Y", "X, i.e. Y"
        "between": re.compile(rf",?\s+(?P<cue>{between})\s+(?:the\s+)?"),
        # "Ma Zhongying's birth name was Ma Buying"
        "own": re.compile(rf"['’]s\s+(?P<cue>(?:{names})\s+name)\s+(?:was|is)\s+"),
        # the next of a list of names: "also known as Ghulja or Qulja and formerly Ningyuan"
        # ("Kashgar, also known as Kashi, or Yarkand" is a list of towns: a comma or an "and" needs a cue)
        "chain": re.compile(rf"(?:\s+or\s+(?:(?P<cue>{between})\s+)?|(?:,?\s+and|,)\s+(?P<cue2>{between})\s+)(?:the\s+)?"),
        # "X (Kazakh name: Y)", "X (formerly Y)", "X [Chinese: Y]"
        # and the name quoted, as a translation often is: "Ch'i-chio-chingtze ( »The Heptagonal Well »)"
        "bracket": re.compile(rf"\s*(?P<open>[(\[])\s*(?:(?P<cue>{inside})\s*:?\s*)?(?:{QUOTES}\s*(?:[Tt]he\s+)?)?"),
        # "(Shah Mexsut, Chinese: 沙木胡索特)": the name, then its glosses in other languages
        "glossed": re.compile(rf",\s*(?:{inside})\s*:"),
    }


QUOTES = "[«»‹›\"“”‘’']"  # quotation marks, the guillemets of books printed in Europe among them
TITLED = "the article's title"  # the cue of a title naming the man its first sentence names in full
QUOTED = "(“ ”)"  # the cue of a place's name translated in quotes: this document's gloss, no name to carry to others
ACRONYM = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Z&]{1,7})\s*\)")
_CONNECTORS = {"of", "the", "and", "for", "de", "in", "on", "&"}
_REGION = re.compile(r"\b(?:Prefecture|Province|Region|County|District|Oblast|Division)$")
LEAD_CHARS = 40  # how far before a name its capitalised lead words are looked for
_LEAD = re.compile(r"(?<=\s)(?:[A-Z][\w'’-]*\s+){1,2}$")  # capitalised words just before a name


def acronym_of(name: str) -> str:
    """The initials an acronym of `name` spells ("Altai Frontier Guard" -> "AFG")."""
    return "".join(w[0] for w in re.findall(r"[\w’'-]+", name) if w.lower() not in _CONNECTORS).upper()


def acronyms(text: str, spans: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Acronyms a document defines after a name ("the Altai Frontier Guard (AFG)"), and the span
    of the name each stands for, found without knowing the names: the capitalised words just
    before the brackets whose initials the acronym spells."""
    out: dict[str, tuple[int, int]] = {}
    for a, b in spans:
        for m in ACRONYM.finditer(text, a, b):
            acr = m.group("acr")
            words = list(re.finditer(r"[A-Z][\w’'-]*|of|the|and|for", text[max(a, m.start() - 120) : m.start()]))
            base = max(a, m.start() - 120)
            picked: list[re.Match[str]] = []
            for w in reversed(words):
                if picked and w.end() + base + 1 < picked[-1].start() + base:
                    break  # not adjacent
                picked.append(w)
                name = text[base + w.start() : base + picked[0].end()]
                if acronym_of(name) == acr and w.group(0)[0].isupper():
                    out.setdefault(acr, (base + w.start(), base + picked[0].end()))
                    break
            if acr not in out and picked and picked[0].end() + base == m.start():
                body = _body_named(base, picked, acr)
                if body is not None:
                    out[acr] = body
    return out


_LOWER_BEFORE = re.compile(r"(?<![^\W\d_])[a-z][a-z.’'-]*\s*$")  # "field office (UMGB)": a word in lower case before the bracket
_ROMAN = re.compile(r"[IVXLC]+")


def bracketed(text: str, spans: list[tuple[int, int]], defined: dict[str, tuple[int, int]]) -> frozenset[str]:
    """Acronyms a document gives in brackets after what they stand for written in lower case
    ("foreign intelligence directorate field office (UMGB) in Alma Ata"; another language's
    initials, no English words to spell them): names of bodies, though no name stands before them;
    three letters at least (not "(AP)"), no Roman numeral."""
    out: set[str] = set()
    for a, b in spans:
        for m in ACRONYM.finditer(text, a, b):
            acr = m.group("acr")
            if acr in defined or len(acr) < 3 or _ROMAN.fullmatch(acr):
                continue
            if _LOWER_BEFORE.search(text, max(a, m.start() - 30), m.start()) is not None:
                out.add(acr)
    return frozenset(out)


def _body_named(base: int, picked: list[re.Match[str]], acr: str) -> tuple[int, int] | None:
    """The body an acronym of another language stands for, written in English just before it ("the
    Soviet-Chinese Civil Aviation Company (SKOGA)", Russian initials): a name of capitalised words
    ending in a word for a body (rules/names.toml [kinds] organisation), of three words or more,
    whose first letter is the acronym's."""
    words = [w for w in picked if w.group(0)[0].isupper()]  # nearest first
    if len(acr) < 3 or not words or words[0].group(0) not in _body_words():
        return None
    run: list[re.Match[str]] = []
    for w in picked:  # the capitalised words and small words back from the bracket, up to "the"
        if w.group(0) in ("the", "The") and run:
            break
        run.append(w)
    while run and not run[-1].group(0)[0].isupper():
        run.pop()
    capitals = [w for w in run if w.group(0)[0].isupper()]
    if len(capitals) < 3 or capitals[-1].group(0)[0] != acr[0]:
        return None
    return base + run[-1].start(), base + run[0].end()


@cache
def _body_words() -> frozenset[str]:
    return frozenset(rules.load("names")["kinds"]["organisation"])


# cues that make an alias only after a comma ("Mahmut Muhiti, nicknamed Shizhang"; "Ghulja, in
# Chinese Yining"): without it they are a verb or a phrase of the sentence
APPOSED = frozenset({"nicknamed", "in Chinese", "in Uyghur", "in Kazakh", "in Russian"})
_OR = re.compile(r",?\s+or\s+(?:the\s+)?")
_GLOSS = re.compile(r"\((?:[^()]*:|[^()]*[^\x00-\u02ff])")  # "(Mongolian: ...)", "(北塔山事件)": a name's gloss
_ASIDE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")  # "(Chinese: 伊宁)", a footnote's "[4]"
_ASIDES = re.compile(rf"(?:{_ASIDE.pattern})*")


def statements(text: str, start: int, end: int, names: list[Span]) -> list[Alias]:
    """The alias statements of the sentence text[start:end] between its names (in order), and
    the names a list carries on from one ("Yining, also known as Ghulja or Qulja and formerly
    Ningyuan": all three are Yining's), asides in brackets passed over."""
    out: list[Alias] = []
    names = sorted(names)
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, start, end)]
    brackets = _brackets(text, start, end)
    opens = [s for s, _e in brackets]
    # where the outermost bracket each name stands in opens (-1: none), found once
    enclosing = []
    for a, b, _k in names:
        k = bisect_right(opens, a) - 1
        enclosing.append(brackets[k][0] if k >= 0 and b <= brackets[k][1] else -1)
    listed: set[int] = set()
    for n, (a1, b1, k1) in enumerate(names):
        if n in listed:
            continue
        # the next name, or one after it when a cue's word is itself a name ("(Kazakh name: Sary-Su)")
        # (a name inside an aside after the first is passed over: "Yulbars Khan (Uyghur: ...;
        # pinyin: Yáolèbóshì; 1889 – 1971), courtesy name Jingfu")
        outside: list[int] = []
        for i in range(n + 1, len(names)):
            if enclosing[i] < b1:  # in no bracket opened after the name
                outside.append(i)
                if len(outside) == 2:
                    break
        after = [(i, names[i]) for i in sorted({*range(n + 1, min(n + 3, len(names))), *outside})]
        for i, (a2, b2, k2) in after:
            if a2 < b1:
                continue
            for a3, b3, k3 in names[i + 1 : i + 3]:
                if a3 == b2 + 1 and text[b2] == " ":  # "Turkic" + "Islamic Republic of East Turkestan": one name
                    b2, k2 = b3, k3
            opening = not text[start:a1].strip(" \t\n\"'“”‘’")
            got = _said(text, b1, a2, b2, end, k1, k2, text[a1:b1], opening)
            lead = _LEAD.search(text, max(b1, a2 - LEAD_CHARS), a2) if got is None else None
            if lead is not None and lead.start() > b1:
                # "..., officially the Turkic Islamic Republic of East Turkestan": a word the name
                # was found without ("Turkic", a people's) is the alias's first
                got = _said(text, b1, lead.start(), b2, end, k1, k2, text[a1:b1], opening)
                a2 = lead.start() if got is not None else a2
            if got is not None:
                out.append(Alias(a1, b1, a2, b2, text[a2:b2], got, start, end))
                prev = b2
                for j in range(i + 1, len(names)):
                    a3, b3, _k3 = names[j]
                    if a3 < prev or any(x <= a3 and b3 <= y for x, y in asides):
                        continue  # a name inside an aside ("(Kazakh: Qulja)")
                    more = _cues()["chain"].fullmatch(_ASIDE.sub("", text[prev:a3]))
                    if more is None:
                        break
                    out.append(Alias(a1, b1, a3, b3, text[a3:b3], more.group("cue") or more.group("cue2") or got,
                                     start, end))
                    listed.add(j)
                    prev = b3
                break
    said = {(a.first_start, a.second_start) for a in out}
    out += [a for a in _bracket_fields(text, start, end, names) if (a.first_start, a.second_start) not in said]
    return out


_OPENS = re.compile(r"\s*\(")
_NAMED_FIELD = re.compile(r"\s*([A-Z][\w-]*\s+name)\s+")
_HAN_FIRST = re.compile(r"[\u3400-\u9fff]+\s+(?=[^\W\d_])")
_FIELD_SPLIT = re.compile(r";|\s+or\s+(?=[^\W\d_][^:;]{0,30}:)")  # "...; pinyin: X or Chinese: ...; ..."


def _bracket_fields(text: str, start: int, end: int, names: list[Span]) -> list[Alias]:
    """A name's other names in the fields of the bracket after it, as a reference article opens
    ("Yulbars Khan (Uyghur: ...; Chinese: 堯樂博斯; pinyin: Yáolèbósī or Chinese: 堯樂博士; pinyin:
    Yáolèbóshì; 1889 – 1971)"): each field whose label is a cue of rules/names.toml in_brackets
    ("pinyin", "Wade–Giles", "Kazakh name") and whose value is one name, whole."""
    out: list[Alias] = []
    labels = _labels()
    at = {a: (b, k) for a, b, k in names}
    for a1, b1, _k1 in names:
        m = _OPENS.match(text, b1, end)
        if m is None:
            continue
        close = _closing(text, m.end(), end)
        if close < 0:
            continue
        pos = m.end()
        for field in _FIELD_SPLIT.split(text[m.end() : close]):
            label, colon, value = field.partition(":")
            here = pos
            sep = _FIELD_SPLIT.match(text, pos + len(field))
            pos += len(field) + (len(sep.group(0)) if sep is not None else 0)
            if colon:
                a2 = here + len(label) + 1 + (len(value) - len(value.lstrip()))
            elif (named := _NAMED_FIELD.match(field)) is not None:  # "Mongolian name Mergen Sang", no colon
                label, a2 = named.group(1), here + named.end()
            else:
                continue
            if label.strip().lower().replace("–", "-") not in labels:
                continue
            han = _HAN_FIRST.match(text, a2)  # "Chinese name 白智仁 Bái Zhìrén": the characters, then the name
            a2 = han.end() if han is not None else a2
            got = at.get(a2)
            if got is not None and got[0] == here + len(field.rstrip()) and a2 != a1:
                out.append(Alias(a1, b1, a2, got[0], text[a2 : got[0]], label.strip(), start, end))
    return out


def _unbracketed(text: str) -> str:
    """`text` without what round brackets hold, brackets inside them too ("(Uyghur: Yolwas (the
    Tiger); 1889 – 1971), courtesy name " -> ", courtesy name ")."""
    spans = _brackets(text, 0, len(text))
    if not spans:
        return text
    out, at = [], 0
    for a, b in spans:
        out.append(text[at:a].rstrip())
        at = b
    return "".join(out) + text[at:]


def _brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The round brackets of text[start:end] outermost, with those inside them: (open, close + 1)."""
    out = []
    at = text.find("(", start, end)
    while at >= 0:
        close = _closing(text, at + 1, end)
        if close < 0:
            break
        out.append((at, close + 1))
        at = text.find("(", close + 1, end)
    return out


def _closing(text: str, at: int, end: int) -> int:
    """Where the bracket open before `at` closes (brackets inside it passed over), or -1."""
    depth = 0
    for i in range(at, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return -1


@cache
def _labels() -> frozenset[str]:
    return frozenset(c.lower() for c in rules.load("names")["aliases"]["in_brackets"])


def _said(text: str, b1: int, a2: int, b2: int, end: int, k1: str, k2: str, first: str = "",
          opening: bool = False) -> str | None:
    """The cue that makes text[a2:b2] a name of the name ending at b1, or None. `opening`: whether
    the first name opens its sentence."""
    cues = _cues()
    gap = text[b1:a2]
    if (k1 == "person" and k2 in PERSONAL and _EPITHET_GAP.fullmatch(gap)
            and re.search(r"\b[Tt]he\s+[\"“]\s*$", text[max(0, b1 - len(first) - 8) : b1 - len(first)])):
        return EPITHET  # 'the "Christian General," Feng Yu-hsiang': the man the epithet names
    if opening and _OR.fullmatch(gap) and _language_gloss(text[b2:end].lstrip()):
        # "Abdullah Bughra or Emir Shah Mansur (Uighur: ...; died 1934) was ...": an article opens
        # with its subject's two names, the second glossed ("Kashgar or Yarkand, both ..." is a list)
        return "or"
    m = cues["between"].fullmatch(gap) or cues["own"].fullmatch(gap)
    if m is not None and m.group("cue") == "also" and not text[b2:end].lstrip().startswith(("(", "[")):
        m = None  # "took Kashgar, also Yarkand": a list; "Khoja Niyaz, also Khoja Niyaz Haji (...)": a name
    if m is None and (_ASIDE.match(gap) or gap.lstrip().startswith("(")):
        bare = _ASIDE.sub("", _unbracketed(gap))
        m = cues["between"].fullmatch(bare)  # "Yining[4] (Chinese: 伊宁), also known as Ghulja"
        if m is None and _OR.fullmatch(bare) and _GLOSS.search(gap):
            # "The Battle of Baitag Bogd Mountain (Mongolian: ...) or Beitashan Incident (Chinese: ...)":
            # a name glossed in brackets, then another after "or", as an article opens
            return "or"
    if m is not None and m.group("cue") in APPOSED and not _ASIDE.sub("", gap).lstrip().startswith(","):
        m = None  # "Sheng nicknamed Zhu the Fox", "Kazan in Russian Central Asia": no apposition, no alias
    if m is not None:
        return str(m.group("cue"))
    # "Maqsud Shah (1864 – 1930) (Shah Mexsut, ...)": a life's span in brackets before the name's
    m = cues["bracket"].fullmatch(gap) or cues["bracket"].fullmatch(_ASIDES.sub("", gap, count=1))
    if m is None:
        return None
    close = ")" if m.group("open") == "(" else "]"
    after = text[b2:end].lstrip()
    quoted = re.search(QUOTES, gap) is not None
    if quoted:
        if not (re.match(QUOTES, after) and k1 == k2 == "place"):
            return None  # a quoted title after a name ("Ella Maillart (“Forbidden Journey”)") is none of its names
        after = after[1:].lstrip()  # the quote that closes a quoted name
    if not after.startswith(close) and (cues["glossed"].match(after) is None or _REGION.search(text[a2:b2])):
        # the bracket holds more than the name: "(Chairman, Affairs Commission)"; or the name is
        # of the region it lies in: "Guma (Hotan Prefecture, Chinese: ...)"
        return None
    if m.group("cue") or m.group("open") == "[" or (k1 == k2 == "place") or (k1 in PERSONAL and k2 in PERSONAL) \
            or (k1 in TRANSLATED and k2 in TRANSLATED and _translated(first, text[a2:b2])):
        # a cue ("Kazakh name:"), the editor's "[Wang Tse-ming]", a place's other name, the name
        # a person goes by ("Ella Maillart (Kini)"), or a Chinese name's English ("Fan Ti Chan
        # Hsien (Anti-Imperialist Front)")
        return QUOTED if quoted else str(m.group("cue") or m.group("open") + close)
    return None


def _language_gloss(after: str) -> bool:
    """Whether a bracket opens `after` with the name in another language: a language's label
    ("(Uighur ئابدۇللا", "(Chinese: 阿不都)") or a letter of another script ("(北塔山)"); not a
    comment with a colon ("(reports conflict: see mytel 88)") nor a life's dash ("(1890–1934)")."""
    m = _GLOSS_OPEN.match(after)
    if m is None:
        return False
    if m.group("label") and m.group("label").lower() in _labels():
        return True
    return m.group("letter") is not None and unicodedata.category(m.group("letter")).startswith("L") \
        and ord(m.group("letter")) > LATIN_END


LATIN_END = 0x24F  # the last letter of the Latin script's extensions; letters after it are another script's
_GLOSS_OPEN = re.compile(r"\(\s*(?:(?P<label>[A-Z][\w-]*(?:\s+name)?)\s*:?\s+|(?P<letter>[^\W\d_]))")


def _translated(first: str, second: str) -> bool:
    """Whether `second` is `first` in English: three or more romanised Chinese syllables, a word
    each (a title: a person's name is two or three, its given name often hyphenated), then a name
    of several words none of which is one ("Fan Ti Chan Hsien (Anti-Imperialist Front)")."""
    from etr.text.romanise import chinese_syllables

    a, b = first.split(), second.split()
    # or a term with a word in small letters ("Shenghuo zhoukan (Life Weekly)"): no person's name
    term = len(a) >= 2 and a[0][:1].isupper() and any(w[:1].islower() for w in a) and all(chinese_syllables(w) for w in a)
    return ((len(a) >= 3 and all(chinese_syllables(w) == 1 for w in a)) or term) and len(b) >= 2 \
        and not any(chinese_syllables(w) for w in b)


PERSONAL = ("person", "unknown")  # what a person's name in brackets may be found as
EPITHET = "his epithet (“ ”)"  # the cue of 'the "Christian General," Feng Yu-hsiang'
_EPITHET_GAP = re.compile(r"\s*,?\s*[\"”]\s*,?\s+")  # between the quoted epithet and the name after it
TRANSLATED = ("unknown", "organisation", "newspaper", "document", "treaty")  # no person's, no army's
