"""Names nobody registered: capitalised phrases of a sentence that no registry name covers, cut
to the name itself, with what the text around them says of their kind.

"Garrison Commander Sung reports" gives the name "Sung" with the title "Garrison Commander" and
the sign that it is a person's; "Troops General Chu" opening a telegram line gives "Chu"; "Sheng
Tupan" gives "Sheng", the tupan; "reached Tokohsun" a place; "Manas River" a place by its last
word. What is no name is dropped: words the document itself writes in lower case ("Affairs",
"Date End"), peoples and adjectives ("Soviet"), telegram jargon ("Deptel"), markup and footnote
digits glued to words ("Tong34" is Tong). Which of these names are one person, and which are a
registered one, is decided across the whole build (etr.ingest.identity). The words are data
(rules/names.toml). Imports etr.rules, etr.text and etr.ingest.link.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from etr import rules
from etr.ingest.link import Mention
from etr.ingest.sentences import GLUED, month_words, reference_words
from etr.text import gazetteer
from etr.text.fold import CYRILLIC
from etr.text.romanise import chinese_syllables, consonants_of_key, word_key
from etr.text.terms import STOP

VERB_OF_PERSONS = "before a verb of persons"  # why a name is a person's: "Clubb reports", "Mikoyan promised"


class Unknown(NamedTuple):
    """A name found in a sentence that no registry name covers."""

    start: int
    end: int
    text: str
    type: str  # person | place | organisation | military | treaty | document | event | newspaper | unknown
    title: str = ""  # a title or rank it was given there ("Garrison Commander")
    why: str = ""  # what said its type ("after 'General'", "its last word 'River'")
    written: str = ""  # the name with its titles as the text writes them ("Sheng Tupan"), when it had any
    weak: bool = False  # one capitalised word opening a sentence: a name only if the documents name it elsewhere


Vocabulary = frozenset[str]

# capital and small Latin letters, with the accented ones of Turkic, European and pinyin spellings
# ("Ürümqi", "Ömer", "Şehidi", "Élisée"), and the Cyrillic of Russian, Kazakh and Uyghur texts
# ("Кульджа", "Ғени Батур"): a name may open with one
_LETTERS = [*map(chr, range(0xC0, 0x250)), *map(chr, range(0x400, 0x530))]
_UP = "A-Z" + "".join(c for c in _LETTERS if c.isupper() and c.isalpha())
_LO = "a-z" + "".join(c for c in _LETTERS if c.islower() and c.isalpha())
# "St. Petersburg"; a typewriter's dash ("Central Asia--the Turk-Sib Railway--forms") ends a word
_CAPWORD = (rf"(?:(?:St|Ste|Mt|Ft)\.(?=\s+[A-Z])|[{_UP}_](?:[\w'’.\u0300-\u036f]|-(?!-))*[{_LO}]"
            rf"(?:[\w'’\u0300-\u036f]|-(?!-))*|[{_UP}]{{2,}}(?:[\w'’]|-(?!-))*)")  # a stress mark inside: "Петро́вич"
# a name does not run over a line break: lines joined into a paragraph may be an infobox's fields
_CONNECT = r"(?:[^\S\n]+(?:of(?:[^\S\n]+the)?|the|de|du|la|al|el|ul|ud|ad|bin|ibn|von|van|der|den|i)[^\S\n]+|[^\S\n]+|-)"
# letters with stops that are no man's initials: countries, parties, agencies, offices, eras
_ABBREVIATIONS = ("US", "UK", "UN", "HM", "SS", "MP", "BBC", "GPU", "NZ", "KMT", "PLA", "CCP", "USA", "RAF", "HQ",
                  "GHQ", "NCO", "AD", "BC", "AM", "PM", "DC", "INS", "AP", "UP", "CID", "OC", "CO", "PO", "CC", "RC")
# "Robert S. Ward", "J. Hall Paxton", "Ö. Ali"; two or three run together, "H.H. Kung", "T.V. Soong",
# before a name written as names are (not "U.S. Army", "M.P. Fitzroy", "B.B.C. Correspondent")
_GLUED_NOT = "|".join(r"\.".join(a) for a in _ABBREVIATIONS)
_INITIAL = (rf"(?:[{_UP}]\.(?=[^\S\n]+[{_UP}])"
            rf"|(?!(?:{_GLUED_NOT})\.)[{_UP}]\.(?:[{_UP}]\.){{1,2}}(?=[^\S\n]+[{_UP}][{_LO}]))")
_PHRASE = re.compile(rf"(?<![\w'’.-])(?:{_CAPWORD}|{_INITIAL})(?:{_CONNECT}(?:{_CAPWORD}|{_INITIAL}))*")
_TOKEN = re.compile(r"[\w'’.\-]+")
_LOWER = re.compile(r"(?<![\w'’-])[a-zа-яё][a-zа-яё'’-]*[a-zа-яё](?![\w'’-])")  # a word in small letters, Latin or Cyrillic
_MARKUP = "_*"
_STRIP_FRONT, _STRIP_BACK = _MARKUP + ".-’'", _MARKUP + ".-’'"
_DIGIT = re.compile(r"\d")
_ORDINAL_BEFORE = re.compile(r"(?<![\w-])(?:New[^\S\n]+)?\d{1,3}(?:st|nd|rd|th)[^\S\n]+$")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")  # "36th" in "New 36th Division": a word of the name
_FOOTNOTE = re.compile(r"(?<=[a-z])\d{1,3}$")  # "Tong34", "Liu27": a footnote marker glued on
_POSSESSIVE = re.compile(r"['’][sS]$")  # "Chin's", and in capitals "CHIN'S"
_PEOPLE_ADJECTIVE = re.compile(r"(?:ese|ian|ish|ic)$")
_PEOPLE_PLURAL = re.compile(r"(?:ans|ites)$")
_IAN_SYLLABLE = re.compile(r"[bdjlmnpqtxs]ian$")  # tian, xian, lian, postal sian ...: "Yutian" is a town, no people's adjective
_ADJECTIVE_HYPHEN = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$"  # Soviet-backed, Soviet-style
                               # Sino-Soviet, Anglo-Russian, Russo-Chinese: two peoples' adjective
                               r"|^(?:Sino|Anglo|Russo|Franco|Indo|Turco|Italo|Germano|Austro|Judeo|Afro|Euro|"
                               r"Soviet|Mongolo|Tibeto)-[A-Z][a-z]+$"
                               # Anti-Soviet, Pro-Soviet, Pan-Turkist, Non-Communist: for or against
                               r"|^(?:Anti|Pro|Pan|Non|Counter|Ex)-[A-Z][\w-]+$")
_ODD_CASE = re.compile(r"^[A-Z][a-z]+[A-Z]{2,}")  # "TsERAT": a code, not a name ...
# ... unless the book prints names in small capitals, which OCR misreads a letter or two of
# ("BuRKHAN", "NoRIN", "BoROVOl"): capitals but for one or two small letters
_SMALL_CAPS_MISREAD = re.compile(r"(?<![\w'’-])(?=[A-Za-z]*[a-z][A-Z])(?=(?:[a-z]*[A-Z]){3})[A-Z][A-Za-z]{3,}(?![\w'’-])")


def misread_capitals(word: str) -> bool:
    """Whether a word is a name in capitals with a letter or two misread in small letters by OCR
    ("BuRKHAN", "NoRIN", "BoROVOl", "HuiMEL": a vowel, an l or an i; not "McDonald", nor the Soviet
    acronyms "TsIK", "KazSSR", "TsERAT")."""
    small = [c for c in word if c.islower()]
    return (_SMALL_CAPS_MISREAD.fullmatch(word) is not None and len(word) >= 5 and len(small) <= 2
            and all(c in "aeiouyl" for c in small))
_TELEGRAM_JARGON = re.compile(r"^(?:Re)?(?:Dep|My|Ur|Emb|Embs|Con|Circ|)tels?$", re.I)  # "Deptel", "ReEmbtel"
# the months' and the weekdays' names (rules/dates.toml), as written and in capitals: never a name's words
_MONTHS_AND_DAYS = {w for x in (*rules.load("dates")["months"], *rules.load("dates")["weekdays"]) for w in (x, x.upper())}
_CONNECTORS = {"of", "the", "de", "du", "la", "al", "el", "ul", "ud", "ad", "bin", "ibn", "von", "van", "der",
               "den", "i"}


@cache
def _rules() -> dict[str, Any]:
    r = rules.load("names")
    titles: dict[str, list[tuple[str, ...]]] = {}  # first word -> the titles opening with it, longest first
    for t in sorted({tuple(t.split()) for t in r["titles"]["before"]}, key=len, reverse=True):
        titles.setdefault(t[0], []).append(t)
    kinds = {w: k for k, words in r["kinds"].items() for w in words}
    surnames = {word_key(s) for s in r["chinese"]["surnames"]}
    places = "|".join(sorted((re.escape(w) for w in r["places"]["before"]), key=len, reverse=True))
    roles = "|".join(sorted((re.escape(w) for w in r["roles"]["person"]), key=len, reverse=True))
    cyr_roles = "|".join(sorted((re.escape(w) for w in r["roles"]["person_cyrillic"]), key=len, reverse=True))
    cyr_role = rf"(?<![\w])(?:{cyr_roles})(?:ь|я|ю|ем|ом|а|у|е|и|ы)?"  # a Russian word for an office, in any case
    verbs = "|".join(sorted((re.escape(w) for w in r["roles"]["person_verbs"]), key=len, reverse=True))
    endings = "|".join(sorted((re.escape(w) for w in r["titles"]["person_endings"]), key=len, reverse=True))
    return {
        "titles": titles,
        "after": set(r["titles"]["after"]),
        "wife_of": set(r["titles"]["wife_of"]),
        "wife_before": re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, r['titles']['wife_of']))})\.?\s+$"),
        "parts": set(r["titles"]["person_parts"]),
        "peoples": set(r["peoples"]["words"]),
        "compass": set(r["places"]["compass"]),
        "hyphen_endings": set(r["places"]["hyphen_endings"]),
        "range_words": set(r["places"]["range_words"]),
        "starts": set(r["peoples"]["common_starts"]),
        "pictures": sorted((tuple(p.split()) for p in r["peoples"]["pictures"]), key=len, reverse=True),
        "caps": set(r["peoples"]["caps_words"].split()),
        "labels": set(r["peoples"]["labels"]),
        "name_possessives": set(r["peoples"]["name_possessives"]),
        "kinds": kinds,
        "given": frozenset(r["given"]["names"]),
        "familiar": frozenset(f[0] for f in r["familiar"]["forms"]),
        "not_after_given": frozenset(r["given"]["not_last"]),
        "surnames": surnames,
        "place_before": re.compile(rf"(?:^|[^\w'’])(?:{places})\s+$", re.I),  # not "Türkistan’ın Çinli": no "in"
        "role_before": re.compile(rf"(?:^|[^\w])(?:{roles})\s+$|{cyr_role}\s+(?:[А-ЯЁа-яё][а-яё]+[аяи]\s+){{0,2}}$"),
        "cyrillic_role_before": re.compile(rf"{cyr_role}[^\S\n]+$"),
        "verb_after": re.compile(rf"^\s+(?:has\s+|had\s+|who\s+)?(?:{verbs})\b"),
        "office_verb_after": re.compile(rf"^\s+(?:has\s+|had\s+)?(?:{'|'.join(map(re.escape, r['roles']['office_verbs']))})\b"),
        "ending": re.compile(rf"(?:{endings})$"),
        "given_in_a": frozenset(r["cyrillic"]["given_in_a"]),
        # a Cyrillic word in an oblique case (a noun's accusative, instrumental ...: "Делегацию",
        # "Полком") or an adverb opening a sentence ("Вскоре"): no subject of a verb after it
        "oblique_or_lead": re.compile(rf"[А-ЯЁа-яё]+(?:ию|ую|ом|ой|ем|ей|ами|ями)|(?:{'|'.join(r['cyrillic']['lead'])})"),
        "cyrillic_lead": re.compile(rf"(?:{'|'.join(map(re.escape, r['cyrillic']['lead']))})[^\S\n]+(?=[{_UP}])"),
        "gerund": re.compile(rf"[А-ЯЁ][а-яё]{{3,}}(?:{'|'.join(r['cyrillic']['gerund_endings'])})"
                             + "".join(f"(?<!{re.escape(w)})" for w in r["cyrillic"]["gerund_not"])
                             + rf"[^\S\n]+(?=[{_UP}])"),
        "abstract_noun": re.compile(rf"[А-ЯЁ][а-яё]+(?:{'|'.join(r['cyrillic']['noun_endings'])})[^\S\n]+(?=[{_UP}])"),
        "surname": re.compile(rf"[А-ЯЁ][а-яё]+(?:{'|'.join(rules.load('romanise')['russian']['surname_endings'])})"),
        "case_ending": re.compile(rf"(?<=[\w.])['’](?:{'|'.join(sorted(r['turkic']['case_endings'], key=len, reverse=True))})$"),
        "turkic_letters": re.compile(f"[{re.escape(r['turkic']['letters'])}]"),
        "place_endings": frozenset(r["turkic"]["place_endings"]),
        # (after three small letters: not "McAll", "DeSo", "MacAll")
        "glued": re.compile(rf"(?<=[a-z]{{3}})(?:{'|'.join(r['peoples']['common_starts'])})(?![\w'’])"),
    }


# an adjective of a name and a participle before a name: "Indian-administered", "Soviet-backed"
_PARTICIPLE_BEFORE = re.compile(r"[A-Z][\w'’]*-(?:[a-z]+(?:ed|en)|run|held|led|built|made|born)")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\. ?){1,3}(?<= )$")
_NOT_INITIALS = frozenset({*_ABBREVIATIONS, "HMS", "USS", "SSR", "RSFSR"})
# a word before a letter that is no initial: "Chapter V. Sheng", "Annex B. Molotov", "the U.S. Bakulin"
_NOT_BEFORE_INITIALS = re.compile(r"(?:\b(?:the|The|THE|Annex|ANNEX|Chapter|CHAPTER|Part|PART|Appendix|Article|Section|"
                                  r"Vol|No|Nos|Table|Map|Plate|Figure|Fig)\.?|(?<![A-Za-z])[A-Za-z]\.|\d)\s*$")


def _initials(text: str, at: int, m: Mention, mentions: list[Mention]) -> bool:
    """Whether the capitals and stops at text[at:m.start] are a man's initials before his surname
    ("Cde. I. N. Bakulin"): no country's letters ("U.S.A.", "U. S. S. R."), no chapter's or annex's
    letter, and no part of another name the text has there."""
    letters = re.sub(r"[. ]", "", text[at : m.start])
    return (letters not in _NOT_INITIALS and _NOT_BEFORE_INITIALS.search(text, max(0, at - 12), at) is None
            and not any(x.start < m.start and x.end > at for x in mentions if x is not m))


def continued(text: str, mentions: list[Mention], kinds: list[str], vocab: Vocabulary) -> list[Mention]:
    """Registry mentions, less those a longer name continues: in "Liu Tse-jung" the registered
    "Liu" (Liu Bin-Di) is only the surname of another man, in "General Sung Hsi-lien" the
    registered "General Sung" the title and surname of a name given in full, in "Utsh-Turfan"
    the registered "Turfan" half of another town's name, and in "Mme. Chiang Kai-shek" the man
    only the name of his wife."""
    out = []
    caps: bool | None = None  # whether the document prints surnames in capitals: read when first needed
    wife = _rules()["wife_before"]
    # two registered places a hyphen joins ("the Tihwa-Kashgar highway", "the China-Russia air
    # route") are each named: a route or a relation between them, no third place
    places = [m for m in mentions if m.entity is not None and kinds[m.entity] in _JOINED]
    ends, starts = {m.end for m in places}, {m.start for m in places}
    for m in mentions:
        place = m.entity is not None and kinds[m.entity] in _JOINED
        if (_COMPOUND_BEFORE.search(text, max(0, m.start - 30), m.start) and not (place and m.start - 1 in ends)) \
                or (_COMPOUND_AFTER.match(text, m.end) and not (place and m.end + 1 in starts)):
            continue
        if m.entity is not None and kinds[m.entity] == "person" and wife.search(text, max(0, m.start - 12), m.start):
            continue  # "Mme. Chiang Kai-shek", "Mrs. Sun Yat-sen": his wife, not he
        if m.entity is not None and kinds[m.entity] == "person" or (m.entity is None and m.kind == "short"):
            nxt = _NEXT_WORD.match(text, m.end) or (
                _NEXT_CAPS.match(text, m.end)  # "SHENG SHIQI": a surname in capitals, a given name after it
                if m.text.isupper() and " " not in m.text and not any(x.start == m.end + 1 for x in mentions) else None)
            given = nxt.group(1).title() if nxt is not None else ""  # "SHENG SHIQI": "Shiqi"
            if (given and given.lower() not in vocab and _chinese_syllables(given)
                    and given not in _rules()["after"]):  # "Sheng Tupan": a title, not a given name
                continue
        if m.entity is not None and kinds[m.entity] == "person" and " " not in m.text:
            initials = _INITIALS_BEFORE.search(text, max(0, m.start - 12), m.start)
            if initials is not None and _initials(text, initials.start(), m, mentions):
                # "Cde. I. N. Bakulin": the registered Bakulin, named with his initials
                m = m._replace(start=initials.start(), text=text[initials.start() : m.end])
        if m.entity is not None and kinds[m.entity] == "person" and " " in m.text:
            if not m.text.isupper() and caps is None:
                caps = _titled_capitals(text)
            if m.text.isupper() or caps:
                m = _in_full(text, m, vocab, {x.start for x in mentions})
        out.append(m)
    return out


_NEXT_CAPS = re.compile(r" ([A-Z][A-Z'’-]{2,})(?![\w'’-])")


def _in_full(text: str, m: Mention, vocab: Vocabulary, named: set[int]) -> Mention:
    """A registered name that the next word in capitals continues, in prose ("headed by ALIHAN
    TORE SHAKIRJAN in Ghulja"; "Alihan Tore SHAKIRJAN, the Chairman", as Soviet reports print a
    surname): the name as the document gives it in full. `named`: where other registered names
    start (no continuation)."""
    nxt = _NEXT_CAPS.match(text, m.end)
    if (nxt is None or nxt.start(1) in named or nxt.group(1).lower() in vocab
            or nxt.group(1).title() in _rules()["after"]):
        return m
    if not m.text.isupper() and (len(nxt.group(1)) < 4 or nxt.group(1).strip("'’") in _rules()["caps"]):
        return m  # "Mao Zedong CCP": an acronym after a name, not its surname
    if not _in_prose(text, m.start, m.end):
        return m
    return m._replace(end=nxt.end(), text=text[m.start : nxt.end()])


@lru_cache(maxsize=8)  # asked for each sentence of a document: read once per document
def _titled_capitals(text: str) -> bool:
    """Whether a document prints surnames in capitals after a title in its prose ("Cde.
    PROKOPYUK", "General MA"), as Soviet reports in translation do: then a registered name in
    full followed by a word in capitals ("Alihan Tore SHAKIRJAN") is one name, where elsewhere
    the capitals are a telegram's emphasis ("Osman Batur TODAY accepted")."""
    for m in _TITLED_CAPS.finditer(text):
        a, b = _line(text, m.start(), m.end())
        if _prose(text, a, b):
            return True
    return False


_JOINED = ("place", "state")  # kinds of registered names a hyphen joins as two ("Tihwa-Kashgar")
_COMPOUND_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+-$")  # "Utsh-" before "Turfan"
_COMPOUND_AFTER = re.compile(r"-[A-Z][a-z]+(?![\w'’-])")  # "-Shahr" after "Kara"


def given_names() -> frozenset[str]:
    """Men's and women's given names, as written (rules/names.toml [given])."""
    names: frozenset[str] = _rules()["given"]
    return names


def given_before_surname(text: str, mentions: list[Mention], vocab: Vocabulary,
                         given: dict[int, frozenset[str]]) -> list[Mention]:
    """The registered persons' given names among `mentions` that a surname the registry does not
    give them follows ("Ahmetjan Kasmu": the registered "Ahmetjan" of Ehmetjan Qasimi; `given`:
    each registered person's given names, Linker.given): to be read with it as a name whole,
    whoever he proves to be (etr.ingest.identity). Not a Chinese surname, which opens a Chinese
    name ("Ma Buqing"); not before a word in small letters elsewhere, a title, a word that opens
    sentences, a kind's word, a people's, a verb of persons ("Ahmetjan Said he ...") or a
    registered name; not in a headline's capitals ("Burhan Arrives in Peking"); and not before a
    surname of fewer than two consonants, too short to be compared with his."""
    r = _rules()
    out = []
    for m in mentions:
        nxt = _NEXT_WORD.match(text, m.end)
        if nxt is None or m.entity not in given or " " in m.text or chinese_surname(m.text):
            continue
        word = nxt.group(1)
        if (word_key(m.text) in {word_key(f) for f in given[m.entity]} and word.lower() not in vocab
                and word not in r["after"] and word not in r["starts"] and word not in r["kinds"]
                and word not in r["peoples"] and not any(x.start == m.end + 1 for x in mentions)
                and not r["verb_after"].match(text[m.end : m.end + 40].lower())
                and len(consonants_of_key(word_key(word))) >= 2 and not _headline(text, m.start)):
            out.append(m)
    return out


def _headline(text: str, at: int) -> bool:
    """Whether the line at `at` is a headline's, its words capitalised: three or more, all but
    small ones ("Burhan Arrives in Peking", "Sinkiang: Where It Could Begin")."""
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    words = [w for w in text[a : b if b >= 0 else len(text)].split() if w[:1].isalpha()]
    big = [w for w in words if w[:1].isupper()]
    return len(big) >= 3 and len(big) >= len(words) - sum(1 for w in words if w.lower() in _SMALL_WORDS)


_NEXT_WORD = re.compile(r" ([A-Z][\w’'-]*[a-z][\w’'-]*)(?![\w’'-])")


_CAPS_WORD = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’]+(?:-[A-Z]+)*(?![\w'’-])")
_AND_CAPS = re.compile(r" and (?=[A-Z][A-Z'’]+(?:-[A-Z]+)*(?:['’]s)?,?\s+[a-z])")
_TITLE_WORD = re.compile(r"(?:Cde\.|Comrade|General|Gen\.|Marshal|Colonel|Col\.|Captain|Major|Governor|Consul|Mr\.?|Mrs\.?|Dr\.?|"
                         r"Professor|Prof\.|Father|Bishop|Commander|Admiral|Prince|Duke)\s+$")
_TITLED_CAPS = re.compile(r"(?<![\w.])(?:Cde\.|Comrade|General|Gen\.|Marshal|Colonel|Col\.|Consul|Governor|Mr\.?)\s+"
                          r"[A-Z][A-Z'’-]{2,}(?![\w'’-])")


def names_in_capitals(text: str, known: Sequence[Mention] = (), kinds: Sequence[str] = (),
                      vocab: Vocabulary = frozenset()) -> bool:
    """Whether a document prints names in capitals inside its prose, as books set them in small
    capitals ("CHANG FENG-MING borrowed 60 gallons", "General MA's headquarters", "Mr PAI") and
    telegrams in Russian archives do ("the aircraft which left KULJA ... in the region of
    IRKUTSK"): two or more such names, titled, of several words or registered (`known`), on
    lines of ordinary lower-case prose, or lone words in capitals amid prose that the document
    never writes in lower case, at half the weight ("our friend IVANOV", "ANTONOV, who"). Then a
    single word in capitals there is a name too ("said YOLBARS")."""
    caps = _rules()["caps"]
    seen: set[str] = set()
    lone: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    for k in known:
        last = k.text.split()[-1] if k.text.split() else ""
        if (k.entity is not None and last.isupper() and len(last) >= 4 and kinds[k.entity] in ("person", "place")
                and _in_prose(text, k.start, k.end)):
            # "KULJA", "MAO ZEDONG", "Alihan Tore SHAKIRJAN"; not the acronyms "KMT", "CCP"
            seen.add(k.text)
            if len(seen) >= 2:
                return True
    for m in _CAPS_WORD.finditer(text):
        w = m.group(0)
        if w.strip("'’") in caps or len(w) < 2:
            continue
        a, b = _line(text, m.start(), m.end())
        titled = _TITLE_WORD.search(text, max(a, m.start() - 12), m.start()) is not None
        # "CHANG FENG-MING borrowed": a name of words in capitals, a lower-case word beside it
        two = text[m.end():m.end() + 1] == " " and (nxt := _CAPS_WORD.match(text, m.end() + 1, b)) is not None \
            and nxt.group(0) not in caps and (_LOWER_BEFORE.search(text, a, m.start()) is not None
                                              or _LOWER_AFTER.match(text, nxt.end(), b) is not None)
        # "HAUDE and LI, who", "both NORIN and HASLUND had seen": two words in capitals joined by
        # "and" inside a sentence of lower-case prose, as names are and acronyms seldom
        paired = (_AND_CAPS.match(text, m.end(), b) is not None and _LOWER_BEFORE.search(text, a, m.start()) is not None
                  and len(w) >= 4)
        if (titled or two or paired) and _prose(text, a, b):  # not a heading, not a line in capitals
            seen.add(w)
        elif _LONE_NAME.fullmatch(w) and w.lower() not in vocab:
            if _amid_prose(text, m.start(), m.end(), a, b):
                lone[w] += 1  # "our friend IVANOV. ... ANTONOV, who": a surname, or an acronym
            elif _LOWER_AFTER.match(text, m.end(), b) and _prose(text, a, b):
                opening[w] += 1  # "PLAWSKY had been told": opening a sentence, as often as inside one
            else:
                continue
            if lone[w] and lone[w] + opening[w] >= LONE_TIMES and seen:
                # "the fakir PLAWSKY turned up ... PLAWSKY had been told ... PLAWSKY was", in a book
                # that sets a name of two words so ("YOLBARS KHAN"): a name, no emphasis (an acronym
                # is as often repeated, and alone it says nothing)
                seen.add(w)
        else:
            continue
        if seen and len(seen) + LONE * len(lone.keys() - seen) >= 2:  # lone words alone may all be acronyms or emphasis
            return True
    if seen:
        # a name in capitals OCR misread amid prose ("translated by BuRKHAN"): small capitals, as
        # the book sets the name it titles ("Governor YANG") too
        for m in _SMALL_CAPS_MISREAD.finditer(text):
            if misread_capitals(m.group(0)) and _amid_prose(text, m.start(), m.end(), *_line(text, m.start(), m.end())):
                return True
    return False


LONE = 0.5  # a lone word in capitals amid prose counts for half a titled one: acronyms ("UNRRA") are such words too
LONE_TIMES = 3  # ... and for a whole one where the prose names it so this often
_LONE_NAME = re.compile(r"(?=(?:[A-Z]*[AEIOUY]){2})[A-Z]{5,}")  # a word to say: two vowels, five letters


def _amid_prose(text: str, s: int, e: int, a: int, b: int) -> bool:
    """Whether text[s:e] stands inside a sentence of a prose line: a lower-case word or a comma
    before it and after it (not a heading, not the first word of a sentence)."""
    return ((_LOWER_BEFORE.search(text, max(a, s - 40), s) is not None or text[max(a, s - 2):s] == ", ")
            and (_LOWER_AFTER.match(text, e, b) is not None or text[e:e + 1] in ",.")
            and _prose(text, a, b))


CHINESE_PLACE = "a name of Chinese syllables, as towns are named"
_ENDING = "a person's name ending"
# words that put what follows in a place, which no person is ("in Andijan", not "from Ehmetjan")
_TOWN_ENDINGS = ("jan", "djan", "zhan")  # "Andijan": endings of towns' names as well as of men's ("Ehmetjan")
_PERSON_AFTER = re.compile(r",?\s+(?:who|whom|whose|he|she)\b")
_AT_A_PLACE = re.compile(r"(?:^|[^\w])(?:in|at|near|via|into|outside|(?:city|town|district|province) of|arrived (?:in|at))\s+$")
_DOCTRINE = re.compile(r"(?:ism|ity|ment|ion)$")  # "Jadidism was born in the Crimea": an idea, no person
_BORN_AFTER = re.compile(r"\s+(?:was|is|had\s+been)\s+born\b")
_CONTRACTION = re.compile(r"(?:I|We|You|He|She|They|It|That|There|What)['’](?:ll|m|ve|d|re|s)", re.I)


AN_INITIAL = re.compile(r"[A-Z]\.")  # a name's initial, as written
_GLUED_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]\.?")  # "H.H." of "H.H. Kung"
_QUOTE_CLOSES = re.compile(r"[,.]?[\"”]")  # after a name in quotation marks: '"Central Daily News,"'
_A_DAY_AFTER = re.compile(r"\.?[^\S\n]+\d{1,2}(?!\d)")  # ". 8" after "Jan"


_HONORIFIC_ENDS = {"Cde", "Cdes", "Comrade", "Comrades", "Mr", "Mrs", "Messrs", "Dr", "Mme", "Mlle"}  # no name ends so
_WHO_AFTER = re.compile(r"\)?,\s+who\s+(?:had\s+|has\s+)?[a-z]{3,}")


_LOWER_BEFORE = re.compile(r"(?<![\w'’-])[a-z]{2,},?\s+$")
_LOWER_AFTER = re.compile(r"(?:['’]s)?,?\s+[a-z]{2,}(?![\w'’-])")
_LOWER_PROSE = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")


def _line(text: str, s: int, e: int) -> tuple[int, int]:
    """Where the line that holds text[s:e] begins and ends."""
    b = text.find("\n", e)
    return text.rfind("\n", 0, s) + 1, len(text) if b < 0 else b


@lru_cache(maxsize=1024)
def _prose(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is a line of prose, ordinary words in lower case (not a heading, not capitals).
    Asked for each name on a line, so worked out once a line (an OCR'd page may be one line)."""
    for n, _m in enumerate(_LOWER_PROSE.finditer(text, a, b), 1):
        if n >= PROSE_WORDS:
            return True
    return False


PROSE_WORDS = 5  # lower-case words that make a line prose


def _in_prose(text: str, s: int, e: int) -> bool:
    """Whether the word at s..e stands among lower-case words on its line (not in a heading)."""
    return _prose(text, *_line(text, s, e))


def vocabulary(text: str) -> Vocabulary:
    """The words `text` itself writes in lower case, in Latin or Cyrillic letters: a capitalised
    one of these opening a sentence is an ordinary word, not a name ("Recently Chairman ...";
    "Посланец Сталина прибыл" where the text writes "посланец" elsewhere)."""
    return frozenset(_LOWER.findall(text.replace("’", "'")))


_INSIDE = re.compile(r"(?:(?<![\w'’-])[a-z][\w'’-]*|[,;]) ([A-Z][\w'’-]*)")


_WORDS = re.compile(r"[^\W\d_]+")


def capitalises_nouns(text: str) -> bool:
    """Whether `text` is German, which capitalises every noun (rules/names.toml [nouns]): then one
    capitalised word says no more that it is a name than one opening an English sentence does."""
    head = text[:20_000]
    if " und " not in head and " der " not in head:
        return False  # (no German text is without both: most texts are read no further)
    words = _WORDS.findall(head.lower())
    german, english = _commonest()
    n = sum(w in german for w in words)
    return bool(words) and n >= float(rules.load("names")["nouns"]["share"]) * len(words) \
        and n > sum(w in english for w in words)


@cache
def _commonest() -> tuple[frozenset[str], frozenset[str]]:
    """German's commonest words, and English's (rules/names.toml [nouns])."""
    nouns = rules.load("names")["nouns"]
    return frozenset(nouns["german_words"]), frozenset(nouns["english_words"])


def capitalised_inside(text: str) -> frozenset[str]:
    """The capitalised words `text` writes inside a sentence (after a word in lower case or a
    comma): names, where it writes them there ("districts of Chungking, Kunming and Tihwa")."""
    return frozenset(_INSIDE.findall(text))


# what ordinary English nouns and adjectives end in, and no one's name: "Importance", "Possible"
# opening a telegram's sentence before a name
_NOUN_ENDING = re.compile(r"[a-z]{3}(?:tions?|ments|nesses|ities)$")  # "Communications", "Affairs" ... no one's name
_ADVERB = re.compile(r"[a-z]{3}(?:ily|ally|ously|ively|edly|arly|ently|antly)$")  # "Primarily"; not "Emily", "Italy"
_ORDINARY_ENDING = re.compile(r"[a-z](?:ance|ence|ment|ness|ous|ful|less|able|ible)$")  # not -ed, -ing: "Ahmed", "Ching"


def _chinese_syllables(word: str) -> bool:
    """Whether `word` is made of Wade-Giles or pinyin syllables ("Hsi-lien", "Shijie")."""
    return chinese_syllables(word) > 0


def _wade_giles_place(word: str, r: dict[str, Any], vocab: Vocabulary) -> bool:
    """Whether a hyphenated word in lower case after its hyphen is Chinese syllables ("Peita-shan",
    "Kuei-hua"), not an adjective or a compound ("Soviet-made", "Chinese-run", "Man-made",
    "Tea-house": words the text writes in lower case)."""
    parts = word.split("-")
    return (parts[0] not in r["peoples"] and parts[-1][:1].islower() and _chinese_syllables(word)
            and not any(x.lower() in vocab or x.lower() in _COMMON_PARTS for x in parts))


# English words that are also Chinese syllables, first or last in a compound ("man-made",
# "long-range", "tea-house", "run-down"): no place's syllables
_COMMON_PARTS = frozenset("man made long range tea house run down side line hand she he the ten per pan can fan "
                          "sun ban den hen men pen tan hang wan".split())


def _pinyin_ian(word: str) -> bool:
    """Whether a word in -ian is a town's name of one or two pinyin syllables ("Yutian", "Ningxian";
    not "Italian", "Canadian": three or more)."""
    return _IAN_SYLLABLE.search(word.lower()) is not None and 1 <= chinese_syllables(word) <= 2


HYPHEN_PLACE = "a Turkic or Mongol word for a lake, a mountain or a town after its hyphen"
RANGE_PLACE = "'the' before it and a word for a range or a pass last (rules/names.toml range_words)"
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _hyphen_place(word: str, r: dict[str, Any]) -> bool:
    """Whether a hyphenated word ends with a Turkic or Mongol place word in lower case
    ("Lop-nor", "Quruq-tagh", "Qara-shahr"; rules/names.toml hyphen_endings)."""
    return word.rsplit("-", 1)[-1] in r["hyphen_endings"] and word.split("-", 1)[0] not in r["peoples"]


def name_part(word: str) -> bool:
    """Whether a word is a part of persons' names that says they are persons ("Khan", "Beg",
    "Batur"), not a name of one."""
    return word in _rules()["parts"]


OF_KINDS = ("event", "treaty", "document")  # kinds whose word opens a name before "of": "Treaty of Amity"


def _of_a_kind(words: list[str]) -> bool:
    """Whether a name is of a kind by a word before its "of" ("Sino-Soviet Treaty of Amity",
    "Battle of Kashgar"): a treaty's, an event's or a document's, whose adjectives are its own
    way of writing it."""
    kinds = _rules()["kinds"]
    return any(kinds.get(w) in OF_KINDS and nxt == "of" for w, nxt in zip(words, words[1:], strict=False))


def _content_words(words: list[str]) -> list[str]:
    """A name's words less its connectors ("of", "de", "du"), but for a Chinese surname that is
    one before a given name ("Du Zhongyuan")."""
    return [w for k, w in enumerate(words) if w.lower() not in _CONNECTORS or _chinese_surname_first(words, k)]


def _chinese_surname_first(words: list[str], k: int) -> bool:
    """Whether words[k], written as one of the connectors, is a Chinese surname opening a name of
    Chinese syllables ("Du Zhongyuan", "Du Yi"), not a particle ("Du Bois", "Palais du Luxembourg")."""
    return k == 0 and len(words) > 1 and words[0][:1].isupper() and chinese_surname(words[0]) \
        and _chinese_syllables(words[1])


def chinese_surname(word: str) -> bool:
    """Whether `word` is a Chinese surname in any romanisation ("Chu", "Zhang", "Ch'en")."""
    return word_key(word) in _rules()["surnames"]


def _kind_from_words(words: list[str], written: list[str] | None = None) -> tuple[str, str]:
    """What the words of a name say it names: its last word ("River"), a part only persons'
    names have ("Khan"), a Chinese surname and syllables, a Russian or Turkic person's ending."""
    r = _rules()
    last = words[-1]
    written = written or words
    of_kind = r["kinds"].get(written[0]) if len(written) > 2 and written[1].lower() == "of" else None
    if of_kind in OF_KINDS:  # "Battle of Baitag Bogd Mountain": a battle, not a mountain
        return of_kind, f"its first word {written[0]!r}"
    if last in r["kinds"]:
        return r["kinds"][last], f"its last word {last!r}"
    if of_kind is not None:  # "Treaty of St. Petersburg"
        return of_kind, f"its first word {written[0]!r}"
    real = _content_words(words)
    if any(w in r["parts"] for w in real) and len(real) >= 2:
        return "person", "a part of persons' names"
    if 2 <= len(real) <= 3 and word_key(real[0]) in r["surnames"] and all(_chinese_syllables(w) for w in real):
        return "person", "a Chinese surname and given name"
    if any(r["ending"].search(w.lower()) and len(w) > 5 for w in real[-1:]):
        return "person", _ENDING
    if any((len(w) == 1 and w.isupper()) or _GLUED_INITIALS.fullmatch(w) for w in real[:-1]) and len(real) >= 2:
        return "person", "an initial"  # "Robert B. Dreesen", "J. Hall Paxton", "N.L. Zeland"
    if len(real) == 1 and chinese_syllables(real[0]) >= 2 and word_key(real[0]) not in r["surnames"]:
        return "place", CHINESE_PLACE  # "Tokohsun", "Ninghsia"
    return "unknown", ""


def unknown_names(text: str, start: int, end: int, known: list[Mention], vocab: Vocabulary = frozenset(),
                  acronyms: frozenset[str] = frozenset(), kinds: list[str] | None = None,
                  caps_names: bool = False, inner: frozenset[str] = frozenset(), nouns: bool = False) -> list[Unknown]:
    """Names in text[start:end] (one sentence) that overlap no registry mention; `acronyms` are
    the ones the document defines ("the Altai Frontier Guard (AFG)"), names when used alone;
    `caps_names`: the document prints names in capitals (`names_in_capitals`), so that one word
    in capitals in a sentence of prose is a name ("said YOLBARS");
    `kinds`, the registry entries' kinds, for names listed with registered ones;
    `inner`: the capitalised words the document writes inside sentences (capitalised_inside);
    `nouns`: the document capitalises its nouns (capitalises_nouns), so that one capitalised word
    is weak wherever it stands."""
    surnamed: set[int] = set()  # where a people's registered name that is a man's surname ends
    if kinds:
        kept = []
        for m in known:
            if _a_mans_surname(text, m, kinds, known):
                surnamed.add(m.end)
            else:
                kept.append(m)
        known = kept
    places = {m.end for m in known if m.entity is not None and kinds and kinds[m.entity] == "place"}
    found = [_date_line_place(text, _office_holder(text, start, u, places, vocab))
             for u in _unknown_names(text, start, end, known, vocab, acronyms, caps_names, inner, nouns)]
    named = [(m.start, m.end) for m in known] + [(f.start, f.end) for f in found]
    found += [u for u in _epithets(text, start, end) if not any(x < u.end and u.start < y for x, y in named)]
    # "Abduxaliq Uyghur": a man, the people's name his surname
    found = [u._replace(type="person", why=PEN_NAME) if u.type == "unknown" and u.end in surnamed
             and len(u.text.split()) == 2 and u.text.split()[-1] in _rules()["peoples"] else u for u in found]
    held = [u.start for u in found if u.why.startswith(OFFICE_HELD)]
    if held:  # "the Adviser on Political Relations (Hornbeck)": the office's words name no one
        found = [u for u in found if u.type != "unknown" or " " not in u.text
                 or not any(0 < h - u.end <= 3 for h in held)]  # not "Nepal" of "the Minister to Nepal (Smith)"
    if _title_case(text[start:end]):
        # a headline or a title ("Further Mass Arrests of Alleged Communist Plotters"): its
        # capitals say nothing, so only a name something else says is one is kept
        found = [u for u in found if u.type != "unknown" or u.why]
    return _listed(text, found, known, kinds or [])


EPITHET = "an epithet in quotation marks"  # why a quoted title is a man: 'the "Little General"'
_EPITHET = re.compile(r"\b[Tt]he\s+[\"“]\s*((?:[A-Z][\w'’-]*\s+){1,3}([A-Z][\w'’-]*))\s*,?\s*[\"”]")


def _epithets(text: str, start: int, end: int) -> list[Unknown]:
    """A man named by an epithet in quotation marks that ends in a title ('led by the "Little
    General," a boy of nineteen'; 'the "Christian General," Feng Yu-hsiang'; 'the "Young
    Marshal"'): a person, known by it."""
    r = _rules()
    out = []
    for m in _EPITHET.finditer(text, start, end):
        last = m.group(2)
        if (last in r["titles"] or last in r["parts"]) and not _title_at(m.group(1).split()[:1]):
            out.append(Unknown(m.start(1), m.end(1), m.group(1), "person", last, EPITHET))
    return out


def _office_holder(text: str, start: int, u: Unknown, places: set[int], vocab: Vocabulary) -> Unknown:
    """A surname in brackets after an office, as diplomatic papers say who held it ("the Ambassador
    in the Soviet Union (Standley)", "the Vice Minister (Fu)"): a person, whatever its letters
    would make it. Not the office's own name in another language ("Prince (Qinwang)", "Minister of
    Foreign Affairs (Waichiaopu)", "Commander (Batur)"), Chinese syllables no surname opens, a
    title or a word the text writes in lower case; nor a place's other name after a registered
    place ("the Commissioner at Kulja (Hsinyuan)"). `places`: where the sentence's registered
    places end."""
    if u.type == "person" or " " in u.text or text[u.start - 1 : u.start] != "(" or not _CLOSED.match(text, u.end):
        return u
    r = _rules()
    # an address line's writer ("The Chargé in the Soviet Union (Kennan) to the Secretary of State"):
    # a man, though his name reads as Chinese syllables or follows a place
    addressed = _ADDRESSED_TO.match(text, u.end) is not None
    if (u.text.lower() in vocab or u.text in r["titles"] or u.text in r["after"] or u.text in r["parts"]
            or (_chinese_syllables(u.text) and not chinese_surname(u.text) and not addressed)):
        return u
    before = u.start - 1  # where the word before the bracket ends
    while before > start and text[before - 1].isspace():
        before -= 1
    if u.type == "place" and before in places and not addressed:
        return u
    office = _office_before().search(text, max(start, u.start - 160), u.start - 1)
    if office is None:
        return u
    return u._replace(type="person", why=f"{OFFICE_HELD} {office.group(1)!r}")


OFFICE_HELD = "named in brackets after the office"  # why a surname in brackets is the office's holder


_CLOSED = re.compile(r"\d{0,3}\)")  # "(Standley)", "(Gauss)44"
_ADDRESSED_TO = re.compile(r"\d{0,3}\)\d{0,3}[ \t]+to[ \t]+(?:the[ \t]+)?[A-Z]")  # "(Kennan) to the Secretary"


def _date_line_place(text: str, u: Unknown) -> Unknown:
    """The name a date line opens with is where the document was written ("Kuibyshev, March 25,
    1943.", "[Washington,] July 2, 1943.", "Tokohsun, June 5, 1947—6 p.m."): a place, though its
    ending would make it a Russian's surname, and a name though it opens its line alone."""
    if (u.type == "place" and not u.weak) or u.type not in ("place", "person", "unknown") or " " in u.text:
        return u  # a paper's masthead ("New Zealand Herald, 20 October 1939") is no date line
    line = text.rfind("\n", 0, u.start) + 1
    if text[line : u.start].strip(" \t[") or _date_line_rest().match(text, u.end) is None:
        return u
    return u._replace(type="place", why="the place its date line gives", weak=False)


@cache
def _date_line_rest() -> re.Pattern[str]:
    """What follows a date line's place: its day, month and year, and a time, to the line's end."""
    months = "|".join(sorted((re.escape(m) for m in month_words()), key=len, reverse=True))
    day = rf"(?:(?:{months})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}[ \t]+(?:{months})\.?)"
    clock = r"(?:\d{1,2}(?:[:.]\d\d)?[ \t]*[ap]\.[ \t]?m\.?|noon|midnight)"
    return re.compile(rf"(?:\],|,\]|,)[ \t]+{day},?[ \t]+\d{{4}}\.?(?:[ \t]*[-—–,][ \t]*{clock}\.?)?[ \t]*(?:\n|\Z)")


@cache
def _office_before() -> re.Pattern[str]:
    """An office (its title, then the words of its post: "Ambassador in the Soviet Union",
    "Counselor of Embassy in China") ending where a bracket opens."""
    every = {" ".join(t) for ts in _rules()["titles"].values() for t in ts}
    titles = sorted((t for t in every if t[:1].isupper() and len(t) > 3 and not t.endswith(".")), key=len, reverse=True)
    # its post's words follow a preposition ("in the Soviet Union"); a capitalised word straight
    # after the title is a name ("Special Commissioner Us Man (Osman)": another name of his)
    post = r"(?:[^\S\n]+(?:of|in|at|to|for|on)(?:[^\S\n]+(?:the|and|[A-Z][\w.'’-]*))+)*"
    return re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, titles))}){post}[^\S\n]*$")


_GIVEN_NAME = re.compile(r" ([A-Z][a-z]+(?:-[a-z]+|['’](?!s\b)[a-z]+)?)(?=['’]s\b|(?![\w'’-]))")  # "Han Youwen's" too


def _a_mans_surname(text: str, m: Mention, kinds: list[str], known: list[Mention]) -> bool:
    """"Han Youwen": a people's registered name ("Han") that is a Chinese surname, before a given
    name of Chinese syllables, is a man's surname; his name is then found as any other. So is one
    that opens a hyphened given name after a surname ("Liang Han-chao"): part of his name."""
    if m.entity is None or kinds[m.entity] != "group" or " " in m.text:
        return False
    r = _rules()
    if m.text in r["peoples"] and not m.text.endswith("s") and _PEN_NAME_AFTER.match(text, m.end):
        # "Abduxaliq Uyghur, a well-known Uyghur poet", "Abduxaliq Uyghur was ...": a people's
        # name as a man's surname or pen name, after a given name no registry name is
        before = _SURNAME_BEFORE.search(text, max(0, m.start - 30), m.start)
        if (before is not None and len(before.group(1)) >= 4 and before.group(1) not in r["peoples"]
                and not _ADJECTIVE_END.search(before.group(1))  # "Cyrillic Uyghur": a script
                and before.group(1) not in r["kinds"] and not _title_at([before.group(1)])
                and before.group(1) not in _MONTHS_AND_DAYS and not any(k.end == before.end(1) for k in known)):
            return True
    after = _HYPHENED.match(text, m.end)
    if (after is not None and _chinese_syllables(after.group(1))  # "Liang Han-chao", "Ma Hui-lin": his given name
            and after.group(1).capitalize() not in r["peoples"]):  # not "Ma Han-hui"
        before = _SURNAME_BEFORE.search(text, max(0, m.start - 12), m.start)
        return before is not None and chinese_surname(before.group(1))
    if not chinese_surname(m.text):
        return False
    given = _GIVEN_NAME.match(text, m.end)
    return (given is not None and _chinese_syllables(given.group(1)) and given.group(1) not in r["peoples"]
            and not any(k.start == given.start(1) for k in known))  # "Han Ningxia soldiers": a place after it


PEN_NAME = "a people's name after his given name"  # why "Abduxaliq Uyghur" is a man
_ADJECTIVE_END = re.compile(r"(?:ic|ical|ian|ish|ese|ern)$")  # "Cyrillic", "Eastern": no given name
# after a people's name that is a man's: punctuation or a verb, not the noun it qualifies ("Uyghur poet")
_PEN_NAME_AFTER = re.compile(r"\s*(?:[,;:)]|\.(?!\w)|$|\s*(?:was|is|had|has|wrote|said|who|died|became)\b)")
# the second syllable of a hyphened given name ("Han-chao", "Hui-ch'ing", "Han-chao's")
_HYPHENED = re.compile(r"-([a-z]+(?:['’](?!s\b)[a-z]+)?)(?=['’]s\b|(?![\w'’-]))")
_SURNAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]*(?:['’][a-z]+)?) $")  # the word just before ("Ch'en"), a surname?


def mens_surnames(text: str, starts: list[int], known: list[list[Mention]], found: list[list[Unknown]],
                  kinds: list[str]) -> list[list[Mention]]:
    """The registered peoples' names that open a sentence alone for the one man of that surname
    the document names in full ("Han was transferred ...", "Han led ..." in an article that
    names Han Youwen): per sentence, the mentions that are his surname, not the people."""
    people: dict[str, set[str]] = {}
    for unk in found:
        for u in unk:
            words = u.text.split()
            if u.type == "person" and len(words) >= 2 and chinese_surname(words[0]):
                people.setdefault(word_key(words[0]), set()).add(word_key(u.text))
    if not people:
        return [[] for _ in known]
    return [[m for m in ms if m.entity is not None and kinds[m.entity] == "group" and m.start == start
             and len(people.get(word_key(m.text), ())) == 1 and _VERB_NEXT.match(text, m.end)]
            for start, ms in zip(starts, known, strict=True)]


# a verb a man's surname opens a sentence with ("Han led ...", "Han was transferred"; not "Han
# settlers", "Han and Hui troops")
_VERB_NEXT = re.compile(r" (?:was|had|has|led|became|joined|commanded|fought|served|told|said|took|sent|went|"
                        r"returned|died|met|ordered|refused|agreed|wrote|arrived|left|fled|retired|attacked|"
                        r"defended|held|marched|surrendered|defected|visited|reported|declared|replied)\b")


def _title_case(sentence: str) -> bool:
    """Whether most words of a sentence are capitalised, as in a title or a headline."""
    for m in _LOWER_WORD.finditer(sentence):
        if m.group(0) not in _SMALL_WORDS:
            return False  # most sentences: an ordinary word in lower case, found early
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence) if w.lower() not in _SMALL_WORDS and len(w) > 2]
    return sum(w[0].isupper() for w in words) >= 5 and not any(w[0].islower() for w in words)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


def _listed(text: str, found: list[Unknown], known: list[Mention], kinds: list[str]) -> list[Unknown]:
    """A name of no known kind listed with names of one kind ("Kashmir, Sikkim and Bhutan"
    beside a known place) is of that kind."""
    names = sorted([(u.start, u.end, u.type, n) for n, u in enumerate(found)]
                   + [(m.start, m.end, kinds[m.entity] if m.entity is not None and m.entity < len(kinds) else "unknown", -1)
                      for m in known])
    got = list(found)
    for _pass in range(2):  # a list's kind reaches from one end of it to the other
        for (a1, b1, k1, n1), (a2, b2, k2, n2) in zip(names, names[1:], strict=False):
            if a2 < b1 or not _LIST_GAP.fullmatch(text, b1, a2):
                continue
            if "," in text[b1:a2] and (_CLAUSE_VERB.match(text, b2) or _WORDS_ON.match(text, b2)):
                # "During his reign in Xinjiang, Ma was appointed ...": a clause's subject, no list;
                # "Tao Zhiyue, Paotow garrison commander, ...", "From Kucheng, Osman Batur moved":
                # what runs on in lower case is no list's next name
                continue
            k1 = got[n1].type if n1 >= 0 else k1
            k2 = got[n2].type if n2 >= 0 else k2
            if n1 >= 0 and k1 == "unknown" and k2 in LISTED_KINDS:
                got[n1] = got[n1]._replace(type=k2, why=f"listed with {text[a2:b2]!r}", weak=False)
            if n2 >= 0 and k2 == "unknown" and k1 in LISTED_KINDS:
                got[n2] = got[n2]._replace(type=k1, why=f"listed with {text[a1:b1]!r}", weak=False)
    return got


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]{2,}")
_SMALL_WORDS = _CONNECTORS | {"a", "an", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as"}
_WORDS_ON = re.compile(r"\s+(?!(?:and|or|nor)\b)[a-z]")
_CLAUSE_VERB = re.compile(r"\s+(?:was|were|is|are|had|has|have|did|would|could|should|will|may|might)\b")
LISTED_KINDS = {"person", "place", "organisation", "military"}


def _within(spans: list[tuple[int, int]]) -> Any:
    """Whether (s, e) lies inside one of `spans`, in log time: the spans sorted by start, with the
    furthest end among those starting at or before each (a sentence of thousands of names asked
    every span for every phrase)."""
    spans = sorted(spans)
    starts = [a for a, _b in spans]
    reach: list[int] = []
    for _a, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)

    def inside(s: int, e: int) -> bool:
        i = bisect_right(starts, s) - 1
        return i >= 0 and reach[i] >= e

    return inside


def _unknown_names(text: str, start: int, end: int, known: list[Mention], vocab: Vocabulary,
                   acronyms: frozenset[str], caps_names: bool = False, inner: frozenset[str] = frozenset(),
                   nouns: bool = False) -> list[Unknown]:
    r = _rules()
    taken = [(m.start, m.end) for m in known if m.entity is not None or m.kind != "short"]  # an unresolved "Ma" may be the document's
    inside = _within(taken)
    out = [Unknown(a, b, text[a:b], "unknown", "", GLOSSED_TERM)
           for term in _romanised_terms(text, start, end) if not any(x < term[-1][1] and term[0][0] < y for x, y in taken)
           for a, b in term]
    terms = [(u.start, u.end) for u in out]
    in_quotes = _quoted_titles(text, start, end)  # "“Response to Years” (Yillargha Jawap)"
    works = set(_unquoted_titles(text, start, end, in_quotes))  # "his book News from Tartary"
    for ps, pe in _phrases(text, start, end, in_quotes + sorted(works)):
        if inside(ps, pe) or any(a < pe and ps < b for a, b in terms):
            continue  # inside a registry name, and so is whatever of it is a name; or a word of a term
        if _BROKEN_WORD.match(text, pe - 1):
            continue  # "Outer Mongo- lian": a word a line break cut, no name
        toks = _tokens(text, ps, pe)
        if not toks:
            continue
        if _ITALIC.fullmatch(text, ps, pe) and len(toks) <= 2:
            continue  # "_Caravanbashi_", "_Hsien Yin_": a foreign word in italics, a term not a name
        whole = (toks[0][0], toks[-1][1])
        # a title in quotation marks opening a sentence ("“Response to Years” (Yillargha Jawap) is
        # his masterpiece"): its first word is the title's, not an ordinary word opening the sentence
        quoted = len(toks) > 1 and whole[0] > 0 and text[whole[0] - 1] in "\"“" and _QUOTE_CLOSES.match(text, whole[1]) is not None
        at_start = _at_sentence_start(text, start, toks[0][0]) and not quoted
        # a work's title in quotation marks keeps its first words ("The Many Deaths of a Kazak
        # Unaligned: ..."): they are the title's, not a sentence's "The" or "Many"
        a_title = (ps, pe) in in_quotes
        while len(toks) > 1 and toks[-1][2] in month_words() and _A_DAY_AFTER.match(text, toks[-1][1]):
            toks = toks[:-1]  # "Chinese News Service Jan. 8 says": a month cut short before its day
        title: list[str] = []
        captioned = False  # a flag's or an emblem's caption stood before the name
        # a title page's "BY DEMETRIUS CHARLES BOULGER, MEMBER OF ...": the writer, in capitals
        by_line = (len(toks) > 2 and toks[0][2] == "BY" and all(t[2].isupper() for t in toks[1:])
                   and text[toks[0][1] : toks[1][0]] == " ")
        if by_line:
            toks = toks[1:]
        adjectives = -1  # where peoples' words taken off a treaty's or an event's name began
        # take off the front what is no part of the name: sentence-opening ordinary words,
        # titles, peoples ("Soviet Consul General Yevseev"), connectors left over
        while toks:
            words = [t[2] for t in toks]
            lead = next((y for x, y in taken if x <= toks[0][0] < y), None)
            after = next((i for i, t in enumerate(toks) if t[0] >= lead), len(toks)) if lead is not None else 0
            if after and _titled_man_after(words, after, vocab, r):
                # "USA Secretary of State Acheson": a registered name, then a title and a man
                toks = toks[after:]
                at_start = False
                continue
            n = _title_at(words)
            if not n and len(words) > 3 and words[0] in r["parts"] and words[1] == "of":
                n = 1  # "Khan of Kumul Maqsud Shah": a ruler's title of his place, before his name
            if not n and len(words) > 2 and _TITLE_ADJECTIVE.fullmatch(words[0]) and words[0] not in _MONTHS_AND_DAYS \
                    and (k := _title_at(words[1:])) \
                    and len(words) > k + 1 and words[1 + k].lower() not in ("of", "the"):
                n = 1 + k  # "Divisional General Mahmut Muhiti": a rank of two words, the first an adjective
            if n:
                toks = toks[n:]
                if toks and toks[0][2].lower() in ("of", "the"):
                    toks = toks[1:]  # "Commandant of Peace Preservation Corps": the body, not a person
                    held = _holder_after_place(toks, taken, r, vocab)
                    if held:  # "Governor of Kansu Liu Yu-fen", "Mayor of Tihwa Wang Chen-min": the man
                        title += words[:n]
                        toks = toks[held:]
                    elif toks and toks[-1][2] not in r["kinds"]:
                        toks = []  # "Minister of Political Training": the rest of an office's name
                else:
                    title += words[:n]
                at_start = False
                continue
            w = words[0]
            picture = next((p for p in r["pictures"] if tuple(words[: len(p)]) == p and len(words) > len(p)), None)
            if picture:  # "Flag of the First East Turkestan Republic": the picture's caption before its name
                toks = toks[len(picture):]
                captioned = True
                at_start = False
                continue
            if w == "Consulate" and len(words) > 2 and words[1] == "General":
                toks = toks[2:]  # "Consulate General Canton": an office and its town, no General Canton
                at_start = False
                continue
            head, _, rest = w.partition("-")
            if adjectives < 0 and (w in r["peoples"] or head in r["peoples"]) and _of_a_kind(words):
                adjectives = toks[0][0]  # "Sino-Soviet Treaty of Amity": its peoples' words, how the text names it
            if rest[:1].isupper() and head in r["peoples"] and words[-1] not in r["kinds"]:
                # "Turkis-Mesud", "Kazaks-Osman": a list's label ("Tungani-Tarantchi Government" stays whole)
                a, b, _w = toks[0]
                toks[0] = (a + len(head) + 1, b, rest)
                at_start = False
                continue
            # "A. T. House"; not an outline's letter before an ordinary word ("A. Military situation")
            initial = len(w) == 1 and len(toks) > 1 and text[toks[0][1] : toks[0][1] + 1] == "." \
                and not (at_start and len(toks) == 2 and toks[1][2].lower() in vocab)
            if not a_title and ((w in r["starts"] and not initial) or w in _MONTHS_AND_DAYS or w[:1].islower()
                    # "the", "de", but not the Chinese surname "Du" before a given name ("Du Zhongyuan")
                    or (w.lower() in _CONNECTORS and not _chinese_surname_first([t[2] for t in toks], 0))
                    or (len(toks) > 1 and _PARTICIPLE_BEFORE.fullmatch(w))  # "Indian-administered Kashmir"
                    or (at_start and len(toks) > 1 and (w.lower() in vocab or w.endswith("ly")))  # "Recently Chairman"
                    # "Importance Kunming consulate ...": a telegram's ordinary word before a name
                    # the document writes on its own inside a sentence
                    or (at_start and len(toks) > 1 and _ORDINARY_ENDING.search(w) is not None and w not in inner
                        and all(t[2] in inner for t in toks[1:]) and words[-1] not in r["kinds"])
                    or (len(toks) > 1 and (w in r["peoples"] or w.capitalize() in r["peoples"]) and not quoted
                        and words[-1] not in r["kinds"]  # "Mongolian Tibetan Affairs Commission" stays whole
                        and not (w in r["compass"] and len(toks) == 2 and _compass_region(text, start, toks, r)))):
                # "into East Kashmir" stays whole: a region of a place
                toks = toks[1:]
                at_start = False
                continue
            break
        # and off the back: days and months ("bombed WUSU September 5"), titles after it ("Sheng
        # Tupan"), connectors
        month = False
        while len(toks) > 1 and (toks[-1][2] in _MONTHS_AND_DAYS
                                 or toks[-1][2].lower() in _CONNECTORS
                                 or toks[-1][2] in r["after"] or toks[-1][2] in ("No", "No.", "Nos")
                                 or (toks[-1][2] in ("Copy", "Copies") and _NUMBERED.match(text, toks[-1][1]))):
            if toks[-1][2] in r["after"]:
                title.append(toks[-1][2])
            month = month or toks[-1][2] in _MONTHS_AND_DAYS
            toks = toks[:-1]
        if month and len(toks) == 1 and toks[0][2].lower() in vocab:
            continue  # "the Long March": no "Long"
        toks = _without_trailing_people(toks)
        # under a flag's caption, a registered body's whole name, then another's ("Flag of the First
        # East Turkestan Republic Young Kashgar Party", an infobox's run-on value): the second is
        # the name found here; elsewhere a body's office runs on from it ("East Turkestan Republic
        # Provisional Government") and the name stays whole
        front = next(((a, b) for a, b in taken if a <= toks[0][0] < b), None) if toks and captioned else None
        if front is not None and (len(text[front[0] : front[1]].split()) >= 3
                                  or text[front[0] : front[1]].rsplit(" ", 1)[-1] in r["kinds"]) \
                and toks[-1][2] in r["kinds"] and sum(1 for t in toks if t[0] >= front[1]) >= 2:
            second = [t for t in toks if t[0] >= front[1]]
            if second[0][2].lower() not in _CONNECTORS:  # "36th Division of the National Revolutionary Army": one
                toks = second
        if not toks:
            continue
        if len(toks) > 1 and _title_at([toks[-1][2]]) == 1 and toks[-1][2] not in r["kinds"] \
                and toks[-1][2] not in r["parts"]:
            continue  # "Office Secretary" of "Foreign Office Secretary": an office, no name
        s, e = toks[0][0], toks[-1][1]
        named_kind = toks[-1][2] in r["kinds"] or (len(toks) > 2 and toks[0][2] in r["kinds"] and toks[1][2] == "of")
        words = [t[2] for t in toks]
        in_work = any(a <= s and e <= b for a, b in works)  # "Mountains of Tartary (1950)": a book's title
        if a_title and not in_work:  # 'the article "The Many Deaths of ..."', 'his book "The Road to Kashgar"'
            in_work = _WORK_BEFORE.search(text, max(start, ps - 31), max(start, ps - 1)) is not None
        if "of" in words and any(a < e and s < b for a, b in taken) and not in_work:
            # "Teddy White of the Chungking office", "46th Regiment of the People's Liberation
            # Army": a name, then a registered one it belongs to
            cut = words.index("of")
            if cut and not any(a < toks[cut - 1][1] and s < b for a, b in taken) and (
                    not named_kind or (cut >= 2 and words[cut - 1] in r["kinds"] and _ORDINAL.fullmatch(words[0])
                                       and _registered_after(toks, cut, taken))):
                toks = toks[:cut]
                while len(toks) > 1 and toks[-1][2] in r["after"]:  # "Ma Fuxing Titai of Kashgar": his title
                    title.append(toks[-1][2])
                    toks = toks[:-1]
                e = toks[-1][1]
        if any(a < e and s < b for a, b in taken) and not ((named_kind or in_work) and not any(a <= s and e <= b for a, b in taken)):
            continue  # a registry name; but "Altai Frontier Guard", "Treaty of St. Petersburg" and the book "Into Tibet" are names of their own
        words = [t[2] for t in toks]
        phrase = text[s:e]
        written = ""
        if not title and s == ps and start < s:
            # a title the phrase did not take in, ended by its full stop: "Dr. Mustapha Ali"
            written = titled(text, s, e)
            title = written[: len(written) - len(phrase)].split() if written.endswith(phrase) else []
            written = written if title else ""
        got = _judge(text, start, s, e, phrase, words, title, at_start or nouns, vocab, acronyms, caps_names)
        if got is not None and in_work and got.type in ("unknown", "person", "place"):
            got = got._replace(type="document", why=WORK_TITLE)  # "News from Tartary (1936)": a book
        if by_line and got is not None and got.type in ("unknown", "person"):
            got = got._replace(type="person", why=BYLINE_CAPS)
        if got is not None and got.type == "unknown" and not got.weak and s - start <= 2:
            said = _said_to_be(text, got.end, end)  # "Mahmut Muhiti (...), nicknamed Shizhang, was a Uyghur warrior"
            if said is not None:
                got = got._replace(type=said[0], why=said[1])
        if (got is not None and got.type == "unknown" and not got.weak and _given_name_first(got.text)
                and not _AT_A_PLACE.search(text, max(start, got.start - 30), got.start)):  # "in Hasan Abdal": a town
            got = got._replace(type="person", why=f"the given name {got.text.split()[0]!r} opens it")
        if got is not None:
            if title:
                got = got._replace(written=written or _titled_form(text, whole, s, e, title))
            elif 0 <= adjectives < got.start and got.type in OF_KINDS:
                # "the Sino-Soviet Treaty of Amity": the treaty of Amity, as the text writes it (an
                # alias), one with the same treaty named without its peoples
                got = got._replace(written=text[adjectives : got.end])
            if title and title[-1].rstrip(".") in _rules()["wife_of"] and len(words) > 1 and text.endswith(got.written, 0, got.end):
                # "Mme. Chiang Kai-shek" is his wife: a woman of her own, named so, not he
                got = got._replace(start=got.end - len(got.written), text=got.written, type="person", title="",
                                   why=f"after {title[-1]!r}")
            if got.type in ("person", "unknown") and " " in got.text and (suffix := _SUFFIX.match(text, got.end)):
                # "John P. Davies, Jr.": the suffix is of his name as the text writes it
                got = got._replace(written=(got.written or got.text) + suffix.group(0))
            out.append(got)
    return out


def _holder_after_place(toks: list[tuple[int, int, str]], taken: list[tuple[int, int]], r: dict[str, Any],
                        vocab: Vocabulary) -> int:
    """Where a man's name begins in what follows an office's "of" ("Governor of | Kansu Liu
    Yu-fen", "Khan of | Kumul Maqsud Shah", "Governor of | Kansu Province Chu Shao-liang"), when
    the office's place comes first: a registered place, or one word before a Chinese name; 0 when
    the rest is the office's own name ("Minister of | Political Training") or no man's name
    follows ("Mayor of Tihwa Municipality", "Director of Tihwa Kung An Chu", "Commander of
    Sinkiang Pao An Tui", "Minister of Sinkiang Affairs Office Chen")."""
    i = 1 if toks and toks[0][2] == "the" else 0
    if len(toks) - i < 2:
        return 0
    span = next(((a, b) for a, b in taken if a <= toks[i][0] < b), None)
    if span is not None:
        j = next((k for k in range(i, len(toks)) if toks[k][0] >= span[1]), len(toks))
    elif len(toks) - i == 3 and _chinese_name(toks[i + 1 :]):
        j = i + 1
    else:
        return 0
    while j < len(toks) and toks[j][2] in r["kinds"]:
        j += 1  # "Kansu Province", "Sinkiang College": the body or the area the office is of
    rest = toks[j:]
    words = [t[2] for t in rest]
    if not rest or rest[0][2] in r["peoples"] or _title_at(words) or any(w in r["kinds"] for w in words):
        return 0
    if len(rest) > 2 and _chinese_name(rest[-2:]) and all(w[:1].isupper() for w in words):
        return len(toks) - 2  # "President of Sinkiang College | Wang Tseng-shan": the body's name, then the man
    # a man's name: a Chinese surname and its given name ("Liu Yu-fen"), or two capitalised words
    # the document writes in small letters nowhere ("Maqsud Shah", "Eric Shipton"; not "Daily News")
    return j if _chinese_name(rest) or _given_name_first(" ".join(words)) or (
        len(words) == 2 and all(w[:1].isupper() and w.lower() not in vocab and not _chinese_syllables(w)
                                for w in words)) else 0


def _chinese_name(toks: list[tuple[int, int, str]]) -> bool:
    """A Chinese surname and a given name joined or hyphened ("Liu Yu-fen", "Ho Ying-chin",
    "Wang Chen-min"); not three words of syllables ("Kung An Chu", a bureau, reads so too)."""
    return (len(toks) == 2 and chinese_surname(toks[0][2]) and _chinese_syllables(toks[1][2].replace("-", ""))
            and ("-" in toks[1][2] or len(toks[1][2]) >= 5))


# (not "Sr.", which is as often a Sister's or a senior rank's: "Joseph Hilbrenner, Sr. Maria")
_SUFFIX = re.compile(r",?[^\S\n]Jr\.|,?[^\S\n]Jr(?![\w'’.-])")


def _given_name_first(name: str) -> bool:
    """Whether a name of two to four words opens with a given name (rules/names.toml [given]) and
    goes on in capitalised words or initials, the last no word for a kind of thing: "Owen
    Lattimore", "John P. Davies", "Alexander II"; not "Henry Road", "Marco Polo Bridge", "Karl Marx
    Peak", "Alexander Nevsky Cathedral", "Franz Josef Land", "George Medal"."""
    words = name.split()
    r = _rules()
    return (2 <= len(words) <= 4 and words[0] in r["given"] and words[-1] not in r["kinds"]
            and words[-1] not in r["not_after_given"] and all(w[:1].isupper() for w in words[1:]))


def _titled_man_after(words: list[str], k: int, vocab: Vocabulary, r: dict[str, Any]) -> bool:
    """Whether words[k:] are a title and a man's name of one to three words, none a word for a
    kind of thing, a title or a word the document writes in small letters ("Secretary of State
    Acheson"; not "Tupan Yamen", "Consul Dormitory", "Deputy Army Commanders Chao Sui")."""
    n = _title_at(words[k:]) if 0 < k < len(words) - 1 else 0
    rest = words[k + n :]
    return (n > 0 and 1 <= len(rest) <= 3 and not _title_at(rest) and not _plural_of_title(rest[0], r)
            and all(w[:1].isupper() and w not in r["kinds"] and w.lower() not in vocab for w in rest))


BYLINE_CAPS = "the writer a title page names after 'BY'"
GLOSSED_TERM = "a romanised term beside its meaning in brackets"
# a Chinese term in romanisation, a word of it in small letters (a title, a firm, a paper: "Shenghuo
# zhoukan", "Hsin-sheng chou-k'an", "Tuchan gongsi"), beside its meaning in brackets or in brackets
# after it: its words and the bracket's are one name (a person's name has no word in small letters)
_ROMANISED = re.compile(rf"(?<![\w'’-])[{_UP}][\w'’-]*(?:[^\S\n]+[a-z][\w'’-]*){{1,3}}(?![\w'’-])")
_GLOSS_AFTER = re.compile(r"[^\S\n]*([(\[])[^\S\n]*([A-Za-z][A-Za-z '’-]{1,60}?)[^\S\n]*[)\]]")
# what an editor's or a writer's note in brackets says, no meaning of a term ("[garbled group]",
# "(sic)", "(the Tibetan pontiff)": a description, "(perhaps a week)")
_NOTE_WORDS = frozenset({"sic", "i.e", "cf", "ibid", "illegible", "see", "garbled", "group", "groups", "omission",
                         "omitted", "apparent", "apparently", "unclear", "corrupt", "undecipherable", "misprint"})
_NOTE_OPENS = frozenset({"the", "a", "an", "with", "of", "perhaps", "from", "in", "at", "for", "to", "by", "and",
                         "or", "but", "not", "as", "on", "who", "which", "that", "e.g"})
_NAME_BEFORE_TERM = re.compile(rf"[{_UP}][\w'’.-]*[^\S\n]+$")


def _romanised(words: list[str], text: str = "") -> bool:
    """Whether the words are one Chinese term in romanisation: each of Chinese syllables, and its
    words in small letters of two syllables and five letters or more, or hyphened (not "Hami men",
    "Ili anti", "Chang here"), and no English word: no small word, and none `text` writes in small
    letters elsewhere ("along", "aside" again)."""
    small = [w for w in words if w[:1].islower()]
    return (bool(small) and all(chinese_syllables(w) for w in words)
            and all(w.lower() not in _COMMON_PARTS and w.lower() not in STOP for w in words)
            and words[0] not in _rules()["peoples"]
            and all((chinese_syllables(w) >= 2 and len(w) >= 5) or "-" in w or "'" in w or "’" in w for w in small)
            and not any(len(re.findall(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", text)) > 1 for w in small))


def _romanised_terms(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """The romanised terms of text[start:end] (see _ROMANISED), each with its meaning in brackets
    after it where that is written in small letters ("[new life weekly]"), as a name."""
    out: list[list[tuple[int, int]]] = []
    if "(" not in text[start:end] and "[" not in text[start:end]:
        return out  # no bracket, no meaning beside a term
    for m in _ROMANISED.finditer(text, start, end):
        if not _romanised(m.group(0).split(), text) or _NAME_BEFORE_TERM.search(text, max(start, m.start() - 40), m.start()):
            continue  # "Liu Meng-chun came [garbled group]": a man's given name, then a verb
        gloss = _GLOSS_AFTER.match(text, m.end(), end)
        opened = text[max(start, m.start() - 1) : m.start()] in ("(", "[") and text.startswith((")", "]"), m.end())
        said = gloss.group(2).lower().replace(".", " ").split() if gloss is not None else []
        if gloss is not None and said[0] not in _NOTE_OPENS and not _NOTE_WORDS.intersection(said) \
                and not all(chinese_syllables(w) for w in gloss.group(2).split()):
            # its meaning in small letters is a name of it only here; in capitals, found as any name
            out.append([m.span(), *([gloss.span(2)] if any(w[:1].islower() for w in gloss.group(2).split()) else [])])
        elif opened and m.start() - 2 >= start and text[m.start() - 2] == " ":
            out.append([m.span()])  # "the Native Corporation [Tuchan gongsi]": the other name in brackets
    return out


_NUMBERED = re.compile(r"\s*(?:Nº|No\.?|№|#)\s*\d")  # "Copy Nº 5": a word of a routing line before its number


def _compass_region(text: str, start: int, toks: list[tuple[int, int, str]], r: dict[str, Any]) -> bool:
    """Whether "East Kashmir" is a region of a place: after a word for a place ("into", "at",
    "north of"), its second word no people ("Outer Mongolians") and nothing's owner ("Central
    People's Government")."""
    second = toks[1][2]
    if second in r["peoples"] or _PEOPLE_PLURAL.search(second) or text.startswith(("'s", "’s"), toks[1][1]):
        return False
    return r["place_before"].search(text[max(start, toks[0][0] - 16) : toks[0][0]]) is not None


_TITLE_ADJECTIVE = re.compile(r"[A-Z][a-z]{3,}(?:al|ary|ic|ive)")  # "Divisional", "Military" before a rank; not "Kemal"

_COPULA = re.compile(r"\s(?:was|is)\s+(?:a|an|the)\s+")
COPULA_WORDS = 5  # words after "was a" in which the noun saying what it is may come ("a small oasis town")
_NOT_BETWEEN = frozenset("of in from who whom which that with for at by to and or on after before during since until "
                         "when where whose near under over".split())
_DETERMINERS = frozenset("the a an his her its their this that these those".split())
COPULA_REACH = 400  # characters after the name in which its "was a ..." is looked for


@cache
def _copula_nouns() -> dict[str, str]:
    return {w: kind for kind, words in rules.load("names")["copula"].items() for w in words}


def _said_to_be(text: str, e: int, end: int) -> tuple[str, str] | None:
    """The kind that a sentence opening with a name says it is, and why ("was a Uyghur warrior":
    a person), its asides in brackets passed over; None when it says none."""
    depth, plain = 0, []
    for ch in text[e : min(end, e + COPULA_REACH)]:  # the sentence with what is in brackets blanked
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        plain.append(ch if depth == 0 and ch not in "()[]" else " ")
    said = "".join(plain)
    m = _COPULA.search(said)
    if m is None:
        return None
    between = said[: m.start()].strip()
    if between and not (between.startswith(",") and between.endswith(",")):
        return None  # "X met the governor, whose road was a river of mud": another's "was"
    phrase = re.split(r"[.,;:!?]", said[m.end() : m.end() + 80], maxsplit=1)[0]
    words = re.findall(r"[\w'’-]+", phrase)[: COPULA_WORDS + 1]
    cut = next((n for n, w in enumerate(words)  # "a soldier guarding the pass"; not "a major trading post"
                if w.lower() in _NOT_BETWEEN or (n and len(w) > 4 and w.endswith("ing") and n + 1 < len(words)
                                                 and (words[n + 1].lower() in _DETERMINERS or words[n + 1][:1].isupper()))),
               len(words))
    if not 0 < cut <= COPULA_WORDS:
        return None
    head = words[cut - 1]  # the noun the phrase ends in: "an army officer" is an officer, "a bank clerk" no bank
    kind = _copula_nouns().get(head)
    return (kind, repr(" ".join([m.group(0).strip(), *words[:cut]]))) if kind else None


_TITLE_AFTER = re.compile(r" ([A-Z][a-z]+)(?![\w'’-])")


def titled(text: str, start: int, end: int) -> str:
    """A registered name as the text writes it with a title next to it ("Sheng Tupan", "Consul
    Paxton"), or "" when it has none."""
    r = _rules()
    after = _TITLE_AFTER.match(text, end)
    if after is not None and after.group(1) in r["after"]:
        return f"{text[start:end]} {after.group(1)}"
    before = text[max(0, start - 40) : start].split()
    for n in (3, 2, 1):
        if len(before) >= n and _title_at(before[-n:]) == n:
            return " ".join([*before[-n:], text[start:end]])
    return ""


_APPOSED = re.compile(r"^,\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*(?:\s+(?:at|of|in)\s+[A-Z][\w'’-]+)?)")


_APPOSED_LEAD = frozenset({"former", "formerly", "now", "late", "then", "acting"})  # "former British now Indian Consul"


def _apposed_title(after: str) -> str:
    """A title set beside a name after a comma ("Robert S. Ward, Consul at Tihwa", "Roschin,
    Soviet Military Attaché who ..."), or "": every capitalised word a title's, but a people's
    word before it ("Soviet"); a word of time before them passed over ("Shipton, former British
    now Indian Consul General, Kashgar": Consul General)."""
    opening = re.match(r",\s+(?:the\s+)?", after)
    if opening is not None:
        words, k = after[opening.end() :].split(" "), 0
        while k < len(words) - 1 and (words[k] in _APPOSED_LEAD or (
                k and words[k] in _rules()["peoples"]
                and not _title_at([w.strip(",.;:") for w in words[k : k + 4]]))):  # not "Vice" of "Vice Consul"
            k += 1
        if k:
            after = ", " + " ".join(words[k:])
    m = _APPOSED.match(after)
    if m is None:
        return ""
    words = m.group(1).split()
    people = 0
    while people < len(words) - 1 and words[people] in _rules()["peoples"]:
        people += 1
    n = _title_at(words[people:])
    return m.group(1) if n and (people + n == len(words) or words[people + n] in ("at", "of", "in")) else ""


def _titled_form(text: str, whole: tuple[int, int], s: int, e: int, title: list[str]) -> str:
    """The name as the text writes it with its title next to it: "General Chu", "Sheng Tupan"."""
    after = text[e : whole[1]].split()
    if after and all(w in title for w in after):
        return " ".join([text[s:e], *after])
    before = text[whole[0] : s].split()
    near: list[str] = []
    while before and before[-1] in title:
        near.insert(0, before.pop())
    return " ".join([*near, text[s:e]])


def _without_trailing_people(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name runs on through "of the" into what he belongs to ("Colonel Petrovsky of
    the Soviet consulate"): when the words before "of" name no kind of body, the name ends there
    ("University of the Toilers of the East" keeps its "of the East")."""
    r = _rules()
    words = [t[2] for t in toks]
    if "of" not in words:
        return toks
    k = words.index("of")
    if k == 0 or any(w in r["kinds"] for w in words[:k]):
        return toks
    rest = [w for w in words[k + 1 :] if w.lower() not in _CONNECTORS]
    if rest and all(w in r["peoples"] or w.capitalize() in r["peoples"] for w in rest):
        return toks[:k]
    return toks


_BROKEN_WORD = re.compile(r"-\s+[a-z]")  # "Mongo- lian"
_ITALIC = re.compile(r"_[^_\n]+_")
_POSSESSIVE_INSIDE = re.compile(r"['’][sS]\s+(?=[A-Z])")
# "Mongolian and Tibetan Affairs Commission", "Xinjiang Production and Construction Corps": an
# adjective or a noun of an activity, perhaps after a place, then "and", before a body's name
_ADJECTIVE_AND = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+"
                            r"(?:an|ese|ish|ic|al|ion|ment|ure|ance|ence|ity|ics|ry|ship)\s+and\s+$")
_AND_MORE = re.compile(rf" and (?:{_CAPWORD})(?:\s+{_CAPWORD})*")


def _registered_after(toks: list[tuple[int, int, str]], cut: int, taken: list[tuple[int, int]]) -> bool:
    """Whether the words after "of (the)" at toks[cut] are one registered name, whole."""
    k = cut + 1 + (cut + 1 < len(toks) and toks[cut + 1][2].lower() == "the")
    return k < len(toks) and (toks[k][0], toks[-1][1]) in taken


def _phrases(text: str, start: int, end: int, titles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The capitalised phrases of text[start:end]: a name of a kind running on through "and"
    ("Treaty of Friendship and Alliance", "Ministry of Agriculture and Forestry"), and split at a
    possessive inside ("ROC's National Revolutionary Army": the ROC's army); `titles`, the works'
    titles found there, each one phrase whole."""
    out: list[tuple[int, int]] = list(titles)
    kinds = _rules()["kinds"]
    for m in _PHRASE.finditer(text, start, end):
        a, b = m.start(), m.end()
        if any(x <= a and b <= y for x, y in titles):
            continue
        glued = _rules()["glued"].search(text, a, b)
        if glued is not None:
            # "Mr. Noel-BakerThat is a matter ...": the name ends before the speech, whose own
            # names are read on ("Mr. DaviesHis Majesty's Consul General Walter Graham")
            out += _phrases(text, glued.end(), b, [])
            b = glued.start()
        first = text[a:b].split(" ", 1)[0]
        if first in kinds and " of " in text[a:b]:
            more = _AND_MORE.match(text, b, end)
            if more is not None:
                b = more.end()
        last = text[a:b].rsplit(" ", 1)[-1]
        if kinds.get(last) == "military" and (num := _ORDINAL_BEFORE.search(text, max(start, a - 12), a)) is not None:
            a = num.start()  # "8th Route Army", "New 36th Division": the number is the name's
            out = [(x, y) for x, y in out if y <= a]  # "New", now a word of the name
        if kinds.get(last) in ("organisation", "military", "treaty") and " " in text[a:b]:
            # "Mongolian and Tibetan Affairs Commission": an adjective and another, one body
            pre = _ADJECTIVE_AND.search(text, max(start, a - 30), a)
            if pre is not None and not set(pre.group(0).split()) & set(kinds):  # "Foreign Ministry and ...": two bodies
                a = pre.start()
                out = [(x, y) for x, y in out if y <= a]  # "Political", now a word of the name
        for word in _TOKEN.finditer(text, a, b):
            if word.end() < b and (ending := case_ending(word.group(0), text, start, end)):
                # "Doğu Türkistan'ın Çinli Genel Valisi Şın Şı Say'ın": the genitive ends a name
                out += _member_of(text, a, word.end() - len(ending))
                a = word.end()
                while a < b and not text[a].isalnum():
                    a += 1
        for cut in _POSSESSIVE_INSIDE.finditer(text, a, b):
            if text[a : cut.start()].rsplit(" ", 1)[-1] in _rules()["name_possessives"] and cut.start() > a:
                continue  # "Xinjiang People's Anti-Imperialist Association": one body's name
            out += _member_of(text, a, cut.start())
            a = cut.end()
        for cut in _INTO_CAPITALS.finditer(text, a, b):
            if cut.group(1) not in _rules()["titles"]:
                a = cut.end()  # "the Koran SHAKIRJAN": the name is SHAKIRJAN
        clock = _CLOCK_INITIALS.match(text, a, b)
        if clock is not None and _CLOCK_BEFORE.search(text, max(start, a - 4), a):
            a = clock.end()  # "at 7 P. M. SHENG SHIQI": the hour's letters are no initials
        for cut in _THE_THEN_NAME.finditer(text, a, b):
            before = text[a : cut.start()].rsplit(None, 1)[-1] if cut.start() > a else ""
            if before.lower() in _TITLE_PREPOSITIONS:
                continue  # "... of Friendship Toward the Soviet Union": a title's words
            if cut.start() > a and (cut.group(2) is not None or cut.group(1) in kinds):
                # "Award Cde. Apresov the Order of Lenin": a man, then what he is given
                out += _member_of(text, a, cut.start())
                a = cut.end()
        lead = _rules()["cyrillic_lead"].match(text, a, b)
        if lead is not None:
            a = lead.end()  # "Во Франции", "Из Кульджи": the preposition is no part of the name
        gerund = _rules()["gerund"].match(text, a, b) or _rules()["abstract_noun"].match(text, a, b)
        if gerund is not None:
            # "Пожелав Деканозову счастливого пути": a verb opens the sentence; "Население
            # Кульджи было пестрым": a noun no name is
            a = gerund.end()
        genitive = _GENITIVE_BEFORE_NAME.match(text, a, b) or _genitive_before_surname(text, a, b)
        if genitive is not None and (genitive.group(1) in _rules()["given_in_a"]
                                     or _PATRONYMIC.match(text, genitive.end(), b)):
            genitive = None  # "Никита Хрущёв", "Илья Ильич Мечников": a man's given name in -а, -я
        if genitive is not None:  # "уроженец Джаркента Мансур Ломиев": a town's, then the man
            out += _member_of(text, a, a + len(genitive.group(1)))
            a = genitive.end()
        given = _given_name_inside(text, a, b)
        if given is not None:  # "Mountains of Tartary Eric Shipton": a title's last word, then the man
            out += _member_of(text, a, _end_before(text, a, given))
            a = given
        if a < b:
            out += _member_of(text, a, b)
    return out


def _end_before(text: str, a: int, at: int) -> int:
    """Where the words before `at` end (the spaces before it left out)."""
    while at > a and text[at - 1].isspace():
        at -= 1
    return at


PERSON_AFTER_GIVEN = (1, 3)  # the words after a given name that make a man's name: one to three


def _given_name_inside(text: str, a: int, b: int) -> int | None:
    """Where a man's name opens inside text[a:b], a line of its own, at a given name after a
    title's words ("Mountains of Tartary Eric Shipton", a book's title run on to its author's name
    on a title page): the given name (rules/names.toml [given]) after a word in small letters and
    capitalised words, none of these a given name, a title or a word for a kind of thing (not "Nur
    Ahmad Jan Bughra", "Kovalev Ivan Vladimirovich", a man's name whole), and one to three
    capitalised words after it, the last no word for a kind of thing ("Swedish Christian
    Mission" is one body, "Consul General Walter Graham" one man)."""
    words = list(_TOKEN.finditer(text, a, b))
    if len(words) < 3 or text[a:b] != text[slice(*_line(text, a, b))].strip():
        return None  # (a title page's line whole: "Nor Muhammad Beg came down" is one man)
    r = _rules()
    given = given_names()
    for k in range(1, len(words)):
        w = words[k].group(0)
        if w not in given:
            continue
        head = [x.group(0) for x in words[:k]]
        small = [i for i, h in enumerate(head) if not h[:1].isupper() or h.lower() in _CONNECTORS]
        head = head[small[-1] + 1 :] if small else head  # "Mountains of Tartary": its words after "of"
        tail = [x.group(0) for x in words[k + 1 :]]
        if (not small or not head or any(h in given or h in r["titles"] or h in r["kinds"] or h in r["peoples"] for h in head)
                or not PERSON_AFTER_GIVEN[0] <= len(tail) <= PERSON_AFTER_GIVEN[1]
                or tail[-1] in r["kinds"] or not all(t[:1].isupper() for t in tail)):
            return None
        return words[k].start()
    return None


_AN_ENDING_AFTER = re.compile(r"['’][^\W\d_]{1,6}(?![\w'’])")


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence around `at` ends, near enough: its next stop or line break."""
    m = _A_STOP.search(text, at)
    return m.end() if m is not None else len(text)


_A_STOP = re.compile(r"[.!?\n]")


def case_ending(word: str, text: str, start: int, end: int) -> str:
    """A Turkish case ending after an apostrophe at the end of `word` ("Kaşgar'da" -> "'da",
    "Türkistan'ın" -> "'ın"), "" where there is none: rules/names.toml [turkic]. Only after a stem
    of four letters or more that does not end as a Wade-Giles syllable's aspirated initial (so
    that "Hsin-ch'ao" and "Mamut'i" stay whole), an ending of two letters or more ("Shari'a",
    "Chang'e" stay whole), unless its sentence, text[start:end], holds a letter only a Turkish
    alphabet writes ("Şın Şı Say'ın", "Kaşgar'a")."""
    m: re.Match[str] | None = _rules()["case_ending"].search(word)
    if m is None:
        return ""
    stem = word[: m.start()].rsplit("-", 1)[-1]
    if _rules()["turkic_letters"].search(text, start, end) is not None:
        return m.group(0)
    if len(stem) < 4 or len(m.group(0)) < 3 or re.search(r"(?:ch|[kpt]|ts|tz)$", stem, re.I):
        return ""  # (nor one vowel after an Arabic word's or a pinyin apostrophe: "Shari'a", "Chang'e")
    return m.group(0)


def _genitive_before_surname(text: str, a: int, b: int) -> re.Match[str] | None:
    """A word in the genitive before a man's surname alone, in the nominative, after a word for
    an office ("посланец Сталина Деканозов": Stalin's envoy Dekanozov), the surname ending as
    Russian men's do (rules/romanise.toml [russian] surname_endings): as _GENITIVE_BEFORE_NAME for
    one word. Not elsewhere: a Muslim man's given name ends in -а or -я too ("Абдулла Закиров")."""
    m = _GENITIVE_ONE.match(text, a, b)
    if m is None or _rules()["surname"].fullmatch(text, m.end(), b) is None:
        return None
    if _rules()["cyrillic_role_before"].search(text, max(0, a - 30), a) is None:
        return None  # only after a word for an office: "Абдулла Закиров", "Мустафа Чокаев" are one man each
    return m


_A_GENITIVE = re.compile(r"[А-ЯЁ][а-яё]+[аяиы]")  # one Cyrillic word in a genitive's ending
_GENITIVE_THEN_NAME = re.compile(r"[а-яё][ая][^\S\n]+[А-ЯЁ]")  # a name's genitive ending, then a name
_GENITIVE_ONE = re.compile(r"([А-ЯЁ][а-яё]+[ая])[^\S\n]+(?=[А-ЯЁ])")


# Russian puts a place in the genitive before the name it qualifies ("уроженец Джаркента Мансур
# Ломиев", "дубань Синьцзяна Шэн Шицай"): a first word in -а or -я before a name of two words or
# more whose last is in the nominative of a man's name (a consonant or -й at its end; not a
# woman's, "Анна Ивановна Петрова", nor a name all in the genitive, "Ивана Никандровича
# Ольшанского") is a name of its own
_GENITIVE_BEFORE_NAME = re.compile(r"([А-ЯЁ][а-яё]+[ая])[^\S\n]+(?=[А-ЯЁ][а-яё]*(?:-[а-яё]+)?"
                                   r"(?:[^\S\n]+[А-ЯЁ][а-яё]*(?:-[а-яё]+)?)*[^\S\n]+[А-ЯЁ][а-яё-]*"
                                   r"[бвгджзклмнпрстфхцчшщй](?![\w-]))")
_PATRONYMIC = re.compile(r"[А-ЯЁ][а-яё]+(?:вич|вна|ич|ична|инична)(?![\w-])")


# "the" inside a phrase before a name of more words than an epithet's one ("Alexander the Great"),
# or a word for a kind of thing: two names, as a verb's two objects ("award Cde. Apresov the Order
# of Lenin", "appoint Apresov the Authorized Representative")
_TITLE_PREPOSITIONS = frozenset({"to", "toward", "towards", "for", "against", "with", "from", "into", "over", "under",
                                 "upon", "on", "in", "at", "by", "through", "across", "beyond", "behind", "between",
                                 "among", "after", "before", "about", "around", "within", "without", "during"})
_THE_THEN_NAME = re.compile(rf"(?<!\bof)(?<!\band)[^\S\n]+the[^\S\n]+(?=({_CAPWORD})([^\S\n]+{_CAPWORD})?)")


# a title in quotation marks, its words capitalised but the small ones ("“Response to Years”
# (Yillargha Jawap)", 'his book "The Road to Kashgar"'): one name, small words and all, where a
# gloss in brackets follows or a word for a work comes before (not speech: 'he said "Go to Kashgar"')
_SMALL_IN_TITLES = r"(?:to|of|the|in|on|and|for|a|an|at|by|with|from|or)"
_QUOTED_TITLE = re.compile(rf"[“\"]([A-Z][\w'’-]*(?:\s+(?:{_SMALL_IN_TITLES}\s+)*[A-Z][\w'’-]*)+)[”\"]")
_WORKS = "book|books|poem|poems|novel|story|article|essay|song|play|film|pamphlet|masterpiece|titled|entitled"
_WORK_BEFORE = re.compile(rf"\b(?:{_WORKS}|newspaper|journal|magazine|weekly|daily|called|named|work|works)\W{{0,3}}$", re.I)


WORK_TITLE = "a work's title: after a word for a work, or before the year it came out"
# ... and unquoted, in italics lost: a title of capitalised words with a small one inside, after a
# word for a work ("his book News from Tartary was read") or before the year it came out in
# brackets ("Peter Fleming, News from Tartary (1936)"); a small word other than "of", "the" or
# "and" (a place's, a body's: "Kingdom of Khotan (1006)", "Bank of China (1912)")
_UNQUOTED_TITLE = re.compile(rf"(?<![\w'’-])([A-Z][\w'’-]*(?:\s+(?:{_SMALL_IN_TITLES}\s+)*[A-Z][\w'’-]*)+)")
_TITLE_SMALL = re.compile(r"\s(?:to|in|on|for|a|an|at|by|with|from|or)\s")
# ... and before the year it came out, a small word no event's, office's, body's or caption's
# ("Massacre at Kizil (1933)", "Minister for Foreign Affairs (1945)", "Osman Batur at Baitik Bogdo (1947)")
_BOOK_SMALL = re.compile(r"\s(?:to|from|with|on|a|an)\s")
# the year it came out, perhaps after a subtitle ("News from Tartary: A Journey from Peking to
# Kashmir (1936)"), the title opening its line or sentence or after a comma ("Peter Fleming, ...")
_PUBLISHED = re.compile(r"(?::\s+[A-Z][^()\n:]{0,80})?\s\((?:1[6-9]|20)\d\d\)")
_TITLE_OPENS = re.compile(r"(?:^|[\n.!?]\s*|,\s+)$")
# a word for a work just before an unquoted title ("his book News from Tartary"); not a verb of
# naming, whose name is of anything ("called Tunganistan by Westerners")
_WORK_NOUN_BEFORE = re.compile(rf"\b(?:{_WORKS}|memoir|memoirs)[ \t]+$", re.I)  # no comma: "In his memoirs, Sven Hedin at Korla"


def _quoted_titles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _QUOTED_TITLE.finditer(text, start, end):
        if not re.search(rf"\s{_SMALL_IN_TITLES}\s", m.group(1)):
            continue  # capitals only: an ordinary phrase ("Thoughtful Blessings")
        if text.startswith((" (", " ["), m.end()) or _WORK_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            out.append(m.span(1))
    for m in _QUOTED_SUBTITLED.finditer(text, start, end):
        # 'the article "The Many Deaths of a Kazak Unaligned: Osman Batur, Chinese ..."': the
        # title before its subtitle, its "The" and all, after a word for a work
        if _WORK_BEFORE.search(text, max(start, m.start() - 30), m.start()) and re.search(rf"\s{_SMALL_IN_TITLES}\s", m.group(1)):
            out.append(m.span(1))
    return out


# a title in quotation marks with a subtitle after a colon, up to the closing mark
_QUOTED_SUBTITLED = re.compile(rf"[“\"]([A-Z][\w'’-]*(?:\s+(?:{_SMALL_IN_TITLES}\s+)*[A-Z][\w'’-]*)+):\s[^“”\"\n]{{1,200}}[”\"]")


def _named_kind(phrase: str) -> bool:
    """Whether a phrase's first or last word names a kind of thing or an office ("Committee for
    Free Asia", "Secretary of State ...")."""
    r = _rules()
    words = phrase.split()
    return any(w in r["kinds"] or _title_at([w]) for w in (words[0], words[-1]))


_A_YEAR_OUT = re.compile(r"\((?:1[6-9]|20)\d\d\)")
_A_WORK_NOUN = re.compile(rf"\b(?:{_WORKS}|memoir|memoirs)[ \t]+[A-Z]", re.I)


def _unquoted_titles(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if _A_YEAR_OUT.search(text, start, end) is None and _A_WORK_NOUN.search(text, start, end) is None:
        return out  # (most sentences: no year in brackets, no word for a work before a capital)
    for m in _UNQUOTED_TITLE.finditer(text, start, end):
        subtitled = text.startswith(": ", m.end()) and _WORK_NOUN_BEFORE.search(text, max(start, m.start() - 30), m.start())
        if not (_TITLE_SMALL.search(m.group(1)) or subtitled) or any(a <= m.start(1) < b for a, b in quoted) \
                or text[m.start(1) - 1 : m.start(1)] in ("“", '"', "‘") or ";" in m.group(1):
            continue  # a quotation the quoted rule did not take whole: its words are no title of ours
            # (a title of capitals alone only before its subtitle: "titled Into Tibet: The CIA's ...")
        if (_PUBLISHED.match(text, m.end()) and _BOOK_SMALL.search(m.group(1)) and not _named_kind(m.group(1))
                and (m.start() == start or _TITLE_OPENS.search(text, max(start, m.start() - 3), m.start()))) \
                or _WORK_NOUN_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            out.append(m.span(1))
    return out


def _member_of(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A phrase text[a:b], or the man and what he belongs to when it is one "of" the other
    ("Comrade Malenkov of the State Defense Committee", "Rahimjan Sabirhajiev of the Ili People's
    Revolutionary Party", "Teddy White of TIME'S Chungking office"): two names."""
    of = _MEMBER_OF.search(text, a, b)
    if of is not None and of.end() < b and _a_man(text[a : of.start()].split()):
        return [(a, of.start()), (of.end(), b)]
    return [(a, b)]


_MEMBER_OF = re.compile(r" of (?:the )?(?=[A-Z0-9])")


def _a_man(words: list[str]) -> bool:
    """Whether the words before "of the ... Committee" look like a man's name: after a title
    ("Comrade Malenkov"), or two words or more ("Rahimjan Sabirhajiev"), none of them a kind of
    body or a title ("Chief of Staff", "Republic of China", "Friends of the ...", "Plenum of ...")."""
    r = _rules()
    while words and (words[0] in r["starts"] or words[0] in _MONTHS_AND_DAYS):
        words = words[1:]  # "The Friends of the Soviet Union Society", "On 3 May Comrade Malenkov of ..."
    n = _title_at(words) if words else 0
    rest = words[n:]
    if not rest or (not n and len(rest) < 2) or len(rest) > 3:
        return False
    return not any(w in r["kinds"] or _title_at([w]) or not w[:1].isupper() for w in rest)


ROLE_BEFORE = "after a word for a person"  # why a name is a person's: "Uzbek merchant Abdulla Haji"
_SHORT_PLACE = re.compile(r"[A-Z][a-z]{2}(?![\w\-'’]|\.\w|\s*\d)")
_SHORT_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:[Ff]rom|[Aa]t|[Vv]ia|[Nn]ear)\s+$")
_CLOCK_INITIALS = re.compile(r"[AaPp]\.\s?[Mm]\.\s*")
_CLOCK_BEFORE = re.compile(r"\d\s*$")

# a word after "the" before a name in capitals ("interpreter of the Koran SHAKIRJAN"): no part of
# it, where the word is no title ("the General MA"); a given name is ("Owen LATTIMORE")
_INTO_CAPITALS = re.compile(r"(?<=[Tt]he )([A-Z][a-z]+) (?=[A-Z]{2}[A-Z'’-]{3,}(?![\w'’-]))")


def _tokens(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The words of a phrase with their offsets, markup ("_Kiz_") and footnote digits ("Tong34")
    taken off; empty when a word holds digits inside ("Wu1-ssu1": a tone-numbered gloss)."""
    out = []
    digits = _DIGIT.search(text, s, e) is not None
    for t in _TOKEN.finditer(text, s, e):
        a, b = t.start(), t.end()
        while a < b and text[a] in _STRIP_FRONT:
            a += 1
        while b > a and text[b - 1] in _STRIP_BACK:
            b -= 1
        word = text[a:b]
        if digits:
            foot = _FOOTNOTE.search(word)
            if foot is not None:
                b -= len(foot.group(0))
                word = text[a:b]
            if _DIGIT.search(word) and not _ORDINAL.fullmatch(word):
                return []
        if not word:
            continue
        if "_" in word:
            return []
        out.append((a, b, word))
    return out


def title_length(words: list[str]) -> int:
    """How many of the first words of a name are a title ("General Sung": 1), or 0."""
    return _title_at(words)


def _title_at(words: list[str]) -> int:
    """How many of the first words are a title ("Garrison Commander", "Gen."), or 0; all of them
    when the phrase is a title and nothing else ("Secretary of State")."""
    titles = _rules()["titles"]
    for title in titles.get(words[0], ()) or titles.get(words[0] + ".", ()):
        n = len(title)
        # a phrase's words come without their stops: "Col" of "Lt. Col." is the title "Col."
        if len(words) >= n and all(w == t or w + "." == t for w, t in zip(words, title, strict=False)):
            return n
    if words[0].isupper():  # "CONSUL PAXTON"
        for title in titles.get(words[0].capitalize(), ()):
            n = len(title)
            if len(words) >= n and tuple(w.capitalize() for w in words[:n]) == title:
                return n
    # an office named by what it is over ("Foreign Trade Minister Anastas Mikoyan", "Finance
    # Minister Chang Kia-ngau", "Education Commissioner Saifudin"): a word or two, neither a given
    # name nor a Chinese surname, before an office's own word, a name after it
    r = _rules()
    for k in (1, 2):
        rest = words[k + 1 :]
        # (a name after it: two words or more, or a Chinese surname; not a headline's verb, "Soviet
        # Trade Delegate Arrives in Urumchi")
        if (rest and (len(rest) >= 2 or chinese_surname(rest[0])) and words[k] in OFFICES and all(
                w[:1].isupper() and not w.isupper() and w not in r["given"] and not chinese_surname(w)
                and w not in r["peoples"] and w not in r["kinds"] and w not in r["starts"]
                and w.lower() not in _CONNECTORS for w in words[:k])):  # not "The Chief of Staff"
            return k + 1
    return 0


# the words of offices a word or two may say the field of ("Trade Minister", "Police Director")
OFFICES = frozenset({"Minister", "Commissioner", "Director", "Secretary", "Chairman", "Commander", "Inspector",
                     "Chief", "Delegate", "Adviser", "Advisor", "Attaché", "Attache"})


def _at_sentence_start(text: str, start: int, s: int) -> bool:
    """At the start of a sentence or a list item, or of a chronology's entry ("1933, Apr. 12 —
    Coup at ..."); not after a colon ("as follows: Koktobai ...")."""
    before = text[start:s]
    if _FIELD.fullmatch(before[before.rfind("\n") + 1 :]):
        return True  # an infobox's or a table's value ("Sovereignty Type: Independence")
    line = before[before.rfind("\n") + 1 :]  # a heading under a date line opens its line ("Letter from ...")
    # (and a word opening a quotation as a word opens a speech, a greeting or a gerund: 'She said:
    # “Being sentenced ...', '»Welcome, brothers'; not a name: '"Haudenschild was shot at Pichan."')
    return (line.strip(" \"“'‘([-*" + _BULLETS + GLUED) == "" or before.rstrip().endswith(("—", "–"))  # an infobox's value too
            or (_QUOTATION_OPENS.search(before) is not None and _SPOKEN.match(text, s) is not None))


_FIELD = re.compile(r"\s*(?:\|\s*)?[A-Z][\w ]{0,40}?\s*[:|]\s*")
_BULLETS = "•◾■▪●◦►▶‣⁃·○□◆◇✓✔➢"  # a list item's mark on a web page: the word after it opens a sentence
_QUOTATION_OPENS = re.compile(r"(?:^|[:,]\s*|\s)[“«»]$|[:,]\s*[\"‘]$")
_SPOKEN = re.compile(r"[A-Z][a-z]+(?:ing\b|(?=[,!?]))")  # "Being ...", "Welcome,", "Halt!"


def _infobox_line(text: str, s: int) -> bool:
    """Whether the name opens a line that is no sentence (an infobox's "field value" line)."""
    if s and text[s - 1] not in "\n":
        return False
    end = text.find("\n", s)
    line = text[s : end if end >= 0 else len(text)].rstrip()
    return not line.endswith((".", "!", "?", "\"", "”"))


def _plural_of_title(word: str, r: dict[str, Any]) -> bool:
    """A title, a person's part or a word for a kind of thing in the plural ("Begs", "Legations")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    ones = (word[:-1], word[:-3] + "y") if word.endswith("ies") else (word[:-1],)  # "Armies", "Embassies"
    return any(one in r["kinds"] or one in r["parts"] or (one,) in r["titles"].get(one, ()) for one in ones)


# a Russian adjective's endings, and the lower-case noun after it: the first word of a name whose
# other words Russian writes in lower case ("Белой армии", "Нового города", "Советской власти");
# not the masculine -ый, -ий of a surname or a town before its verb ("Зражевский пишет")
_RUSSIAN_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё]*(?:ой|ая|яя|ое|ее|ого|его|ому|ему|ую|юю|ые|ие|ых|их|ым|им|ыми|ими)$")
_RUSSIAN_NOUN_AFTER = re.compile(r"[^\S\n]+[а-яё]")
_SURNAME_INSTRUMENTAL = re.compile(r"[А-ЯЁ][а-яё]{2,}(?:ов|ев|ёв|ин|ын)ым$")  # "Касымовым", "Сталиным"; not "Новым"


def _judge(text: str, start: int, s: int, e: int, phrase: str, words: list[str], title: list[str],
           at_start: bool, vocab: Vocabulary, acronyms: frozenset[str], caps_names: bool = False) -> Unknown | None:
    """The name, with its kind and why, or None when it is no name."""
    r = _rules()
    if phrase in acronyms:
        return Unknown(s, e, phrase, "unknown", "", "an acronym the document defines")
    titled = bool(title)
    real = _content_words(words)
    if not real or all(w.strip("'’") in r["peoples"] or _POSSESSIVE.sub("", w) in r["peoples"] for w in real):
        return None
    if any(_TELEGRAM_JARGON.match(w) or (_ODD_CASE.match(w) and not (caps_names and misread_capitals(w)))
           for w in real):
        return None
    if real[-1].rstrip(".") in _HONORIFIC_ENDS:
        return None  # "Visit Cde", "Permit Cde": a sentence's verb and the title of the name after it
    if (len(words) == 1 and _RUSSIAN_ADJECTIVE.search(phrase) and _RUSSIAN_NOUN_AFTER.match(text, e)
            and (at_start or not _SURNAME_INSTRUMENTAL.search(phrase))):
        # "Белой армии", "Нового города": Russian capitalises a name's first word only (not a
        # surname's instrumental inside a sentence: "переговоры с Касымовым были", "со Сталиным")
        return None
    if phrase.isupper():
        # in capitals: a telegram's way of writing names ("TAO SHIH-YUEH", "Consul PAXTON"), but
        # also its headers and common words: kept when titled, or several words none of them common
        parts = re.split(r"[\s-]+", phrase)
        if any((w.strip("'’.,") in r["caps"] and not AN_INITIAL.fullmatch(w)) or len(w) < 2 for w in parts):
            return None  # "THE", "A"; not the initial of "Sir A. KNOX"
        if not titled and len(parts) < 2 and not (caps_names and _in_prose(text, s, e) and len(phrase) >= 3
                                                    and phrase.lower() not in vocab):
            return None  # one word in capitals: a name only where the document prints names so
    turkic = len(real) == 1 and _ADJECTIVE_HYPHEN.match(phrase) is not None and _hyphen_place(phrase, r)
    if len(real) == 1 and ((_ADJECTIVE_HYPHEN.match(phrase) and not _wade_giles_place(phrase, r, vocab) and not turkic)
                           or (_PEOPLE_ADJECTIVE.search(phrase) and not (_pinyin_ian(phrase) and phrase.lower() not in vocab))):
        return None  # "Soviet-backed", "Sino-Soviet"; not "Peita-shan", a place's syllables, nor "Lop-nor"
    if len(real) == 1 and not titled and len(phrase) > 5 and _PEOPLE_PLURAL.search(phrase):
        return None  # "Bokharans", "Dzungarians": a people
    if _PEOPLE_ADJECTIVE.search(real[-1]) and not _pinyin_ian(real[-1]) \
            and all(w in r["peoples"] or _PEOPLE_ADJECTIVE.search(w) for w in real):
        return None  # "Outer Mongolian"
    if any("-" in w and all(x in r["starts"] or x in _MONTHS_AND_DAYS for x in (w.split("-")[0], w.split("-")[-1]))
           for w in real):
        # "March-April", "Monday-Tuesday"; not "Anti-Imperialist Front"
        return None
    phrase = _POSSESSIVE.sub("", phrase)
    last = phrase.rsplit(" ", 1)[-1]
    # (the sentence's end is sought only for a name with an apostrophe, or one right after it)
    ending = case_ending(last, text, start, max(e, _sentence_end(text, e))) if "'" in last or "’" in last else ""
    if ending:
        phrase = phrase[: -len(ending)]  # "Kaşgar'da": Kaşgar
    elif (cut := _AN_ENDING_AFTER.match(text, e)) is not None:  # "Ankara’dan Istanbul’a": cut from the next name
        ending = case_ending(last + cut.group(0), text, start, _sentence_end(text, e))
    e = s + len(phrase)
    kind, why = _kind_from_words(real, words)
    if ending and ending[1:] in r["place_endings"] and kind in ("unknown", "person"):
        kind, why = "place", f"a place's case ending ({ending!r})"  # "Kaşgar'da": in Kashgar, "Keşmir'den": from it
    if titled and why == CHINESE_PLACE:
        kind, why = "person", f"after {' '.join(title)!r}"  # "Cde Mikoyan": syllables say little, a title more
    if turkic and kind == "unknown":
        # ("the Ak-su": a river or a spring, as "white water" names many; a town's name takes no "the")
        the = _THE_BEFORE.search(text, max(start, s - 5), s) is not None
        kind, why = "place", HYPHEN_PLACE + (", after 'the'" if the else "")
    if len(real) >= 2 and real[-1] in r["range_words"] and not titled and _THE_BEFORE.search(text, max(start, s - 5), s):
        kind, why = "place", RANGE_PLACE  # "the Tien Shan", "the Syr Darya"
    common = all(w.lower().replace("’", "'") in vocab for w in real)
    if all(w in r["labels"] for w in real):
        return None  # an infobox's field names: "Date End", "Death Place", "Year Start"
    if real[0] in r["labels"] and _infobox_line(text, s):
        return None  # a field and its value, the colon lost: "Result Stalemate; leading to ..."
    if not titled and _plural_of_title(real[0], r):
        return None  # "Begs", "Legations", "Commissioners of Education": a class of officials or offices
    if common and kind == "unknown":
        return None  # words the document writes in lower case: "Affairs", "Date End", "Counselor of Embassy"
    after = text[e : e + 40]
    if not titled and kind in ("unknown", "person"):
        apposed = _apposed_title(text[e : e + 60])  # "Robert S. Ward, Consul at Tihwa"
        if apposed:
            title, titled = [apposed], True
    if kind == "unknown" and titled and not _A_GENITIVE.fullmatch(phrase):  # "Губернатор Синьцзяна": of a place
        kind, why = "person", f"after {' '.join(title)!r}"
    if kind == "unknown" and r["role_before"].search(text[max(start, s - 48) : s]) and not _GENITIVE_THEN_NAME.match(text, e - 2) \
            and not _A_GENITIVE.fullmatch(phrase) and not any(w in r["kinds"] for w in real):
        # ("губернатор Синьцзяна", "консула Англии": of a place; nor a body's name, "the successor
        # Provisional Government of the Three Districts")
        kind, why = "person", ROLE_BEFORE  # (not "посланец Сталина Деканозов"'s Stalin: the envoy's master)
    possessive = text.startswith(("'s", "’s", "'S", "’S"), e)  # "in Mesud's stead": "in" governs what follows, not the name
    if kind == "unknown" and not possessive and r["place_before"].search(text[max(start, s - 20) : s]) \
            and not _DOCTRINE.search(phrase):  # "fled to Islam"
        kind, why = "place", "after a word for a place"
    if (kind == "person" and why == _ENDING and len(real) == 1 and not possessive and not titled
            and not _PERSON_AFTER.match(after)
            # "at Osh in Andijan": -jan ends towns' names too; "departure from Kuibyshev": the
            # gazetteer's town a man's name names
            and ((real[0].lower().endswith(_TOWN_ENDINGS) and _AT_A_PLACE.search(text[max(start, s - 16) : s]))
                 or (gazetteer.row_of(real[0]) is not None and r["place_before"].search(text[max(start, s - 20) : s])))):
        kind, why = "place", "after a word for a place"
    if kind == "unknown" and ((r["verb_after"].match(after) and not r["oblique_or_lead"].fullmatch(real[-1])
                               and not (CYRILLIC.match(phrase) and r["role_before"].search(text[max(start, s - 48) : s].lower())))
                              or _WHO_AFTER.match(after)):
        # (a Russian place in the genitive after an office is no subject: "губернатор Синьцзяна прибыл")
        kind, why = "person", VERB_OF_PERSONS  # or "who": "(Ballantine), who underscored ..."
    elif kind == "place" and why == CHINESE_PLACE and r["verb_after"].match(after) \
            and not r["office_verb_after"].match(after):
        # "Mikoyan promised", "Mikoyan expressed": syllables say little (not "Lanchow reports", its office's)
        kind, why = "person", VERB_OF_PERSONS
    elif ((kind == "unknown" or (kind == "place" and why == CHINESE_PLACE)) and _BORN_AFTER.match(after)
          and not _DOCTRINE.search(phrase)):
        kind, why = "person", "born: a person"  # "Azizi was born in Tacheng": syllables say little
    weak = False
    if len(real) == 1 and (_CONTRACTION.fullmatch(phrase) or (phrase.lower() in reference_words()
                                                           and re.match(r"\s*\d", text[e : e + 3]))):
        return None  # "I'll"; "Page 109", "Vol 3": a word of the document's apparatus before its number
    if len(real) == 1:
        short = len(phrase) < 3 or (len(phrase) < 4 and not titled)
        short_place = (why == "after a word for a place" and _SHORT_PLACE.match(text, s, min(len(text), e + 3))
                       and _SHORT_PLACE_BEFORE.search(text, max(start, s - 6), s) and not chinese_surname(phrase)
                       and phrase not in r["given"] and phrase not in r["familiar"])
        if short and not (phrase.istitle() and chinese_surname(phrase)) and not short_place:
            # (but a town's three letters after "from", "at", "via", "near": "a dispatch from Leh",
            # "at Osh in Andijan"; not an abbreviation, "mytel to Emb 65", "Cde.", nor a word cut,
            # "Rus-sia", nor a man's name, "a wire from Chu", "a letter from Tom")
            return None
        one = _POSSESSIVE.sub("", real[0])
        if one in r["kinds"] or (one,) in r["titles"].get(one, ()):
            return None  # "Coup", "Commissioner", "the Association's": a word for a kind of thing or a title, no name
        if not titled and one.rstrip(".") in month_words():
            return None  # "in Sept., 1879", "Aug": a month, written short or whole
        if phrase.lower() in vocab and not titled:
            return None  # "Powers", "Labour": an ordinary word
        if _NOUN_ENDING.search(one):
            return None  # "Minister Communications31": an office's field, no man's name
        if at_start and _ADVERB.search(one):
            return None  # "Primarily, the Chinese Premier had sought ...": an adverb opening a sentence
        # a capitalised word opening a sentence, and nothing here says it is a name ("Ward
        # arrived November 25"), or only its syllables ("Late that evening": la-te, no town):
        # kept as weak, a name only where the documents name it elsewhere
        # a Chinese surname alone ("Ma was appointed"): a name only where the documents say whose
        weak = (at_start and (kind == "unknown" or why == CHINESE_PLACE)) or (
            len(phrase) < 4 and not titled and not short_place)
    return Unknown(s, e, phrase, kind, " ".join(title), why, weak=weak)
