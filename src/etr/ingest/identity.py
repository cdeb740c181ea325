"""Who is who across a build: the names found in added documents (etr.ingest.discover) made
entities, one per person, place or body, each merge with the words that justify it.

- A name in another spelling of a registered one is that entry ("Sung Hsi-lien" is the registry's
  Song Xilian when the registry has him; the romanisation key of etr.text.romanise decides).
- The same name, however written ("WANG CHEN", "Wang Chen", "Wang Chên"), is one entity across
  documents when its kind agrees (a place "Kulja" is not a person "Kulja").
- A surname alone, or a title and a surname ("General Sung", "Sheng Tupan"), is the person of
  that surname the same document names in full, before or after; failing that, the one
  registered person of that surname ("General Tao"); when several share it ("Ma"), nobody new.
- A kind is what most mentions say (a title, "at", a last word such as "River").
Deterministic: documents are taken in the build's order. Imports etr.ingest and etr.text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from etr.ingest.aliases import EPITHET, QUOTED, TITLED, Alias
from etr.ingest.discover import (
    CHINESE_PLACE,
    GLOSSED_TERM,
    HYPHEN_PLACE,
    OFFICE_HELD,
    ROLE_BEFORE,
    VERB_OF_PERSONS,
    WORK_TITLE,
    Unknown,
    chinese_surname,
    given_names,
    name_part,
    title_length,
)
from etr.ingest.link import Mention
from etr.ingest.registry import Entry
from etr.text import gazetteer
from etr.text.fold import CYRILLIC, fold
from etr.text.romanise import (
    TURKIC_ENDINGS,
    chinese_syllables,
    chinese_word,
    consonant_rules,
    consonants_of_key,
    key,
    latin,
    mans_case,
    mans_stems,
    palladius,
    russian_forms,
    velar_key,
    word_key,
)

KINDS_ALIKE = [{"person", "group"}, {"place"}, {"organisation", "state", "military", "newspaper"},
               {"event", "treaty", "document"}]
MIN_KEYED = 5  # a name shorter than this (letters) is not taken for a registered one by its key alone ...
MIN_LETTERS = 4  # ... but a Turkic town's hyphened name by its letters, from this many ("Ak-su" is Aksu)
POSSIBLE = 3  # at most this many "possibly the same as" for one surname
# one capitalised word and nothing else saying it is a name ("Rebel troops", "Having returned",
# "Copy Nº 3") is an ordinary word where this many documents read so far write it in lower case,
# and twice as many as write it capitalised inside a sentence (as names are: "to Ward")
ORDINARY_DOCS = 3
ORDINARY_RATIO = 2
# ... and before a verb, a word of a shape no surname has ("Having returned", "Development
# reported", "Intelligence states", "Independence declared")
_NOT_A_SURNAME = re.compile(r"[a-z]{2}(?:ing|ment|ence|ance|ity|ness|tion|sion)$")
GIVEN_AND_SURNAME_LEAST = 2  # consonants a surname after a registered man's given name is compared by
SPELT_ALIKE = 85.0  # rapidfuzz ratio of the keys of one document's two spellings of one place
ADDRESSED = "the name an address line gives"  # "The Consul at Tihwa (Paxton) to the Chargé in China (Atcheson)"
GUESSED_TOWN = "town?"  # a vote for a place from a word's Chinese syllables alone: counted when no other
# words for the area a town gives its name to: "Nilka County" is named for Nilka, and asked as it
AREA_WORDS = frozenset({"County", "District", "Prefecture", "Oasis", "Township", "Subprefecture", "Municipality"})
# ... a town's, not a river's or a range's ("Manas County" is no Manas River), nor a province's,
# which is no city ("Alma-Ata Province")
NATURAL = frozenset({"River", "Lake", "Mountain", "Mountains", "Range", "Pass", "Valley", "Basin", "Desert", "Sea",
                     "Steppe", "Plateau", "Gorge", "Glacier", "Peak", "Gol", "Darya", "Daria", "Tagh", "Dagh", "Nor",
                     "Kul", "Shan", "Ula"})
CLOSE_SPELLING = 88.0  # rapidfuzz ratio of two keys that are possibly one name misspelt
MISPRINT_LEAST = 5  # letters of a surname a misprint of one letter may be read in (_misprinted_names)
SURNAME_SPELT = 75.0  # rapidfuzz ratio of a surname alone and a full name's, folded, to be that man's


# a unit by its number alone ("6th Division") and with more words ("6th Uyghur Division", "New 36th Division")
_UNIT_KINDS = r"(Division|Army|Corps|Regiment|Brigade|Battalion|Cavalry|Route Army|Field Army)"
_UNIT = re.compile(rf"(\d{{1,3}}(?:st|nd|rd|th)) {_UNIT_KINDS}")
_FULL_UNIT = re.compile(rf"(?:[A-Z][\w-]* )?(\d{{1,3}}(?:st|nd|rd|th)) (?:[A-Z][\w'’-]* ){{1,3}}{_UNIT_KINDS}")


def _unit(pattern: re.Pattern[str], name: str) -> tuple[str, str] | None:
    """A unit's number and kind word ("6th", "division"), if `name` is one as `pattern` writes it."""
    m = pattern.fullmatch(name)
    return (m.group(1).lower(), m.group(2).lower()) if m else None


BODY_TYPES = ("organisation", "military")
TAIL_WORDS = 3  # a body named in part by at least this many words of its name


def _body_tails(sentences: list[list[Unknown]]) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """The names of bodies of TAIL_WORDS words or more that end a longer name of a body in the same
    document ("People's Anti-Imperialist Association", "Anti-Imperialist Association" of the
    "Xinjiang People's Anti-Imperialist Association"), each with where the longer names are."""
    bodies = {(si, ui): tuple(fold(u.text).split()) for si, found in enumerate(sentences)
              for ui, u in enumerate(found) if u.type in BODY_TYPES and len(u.text.split()) >= TAIL_WORDS
              and " of " not in u.text}  # "Malenkov of the State Defense Committee" is no body's full name
    if len(bodies) < 2:
        return {}
    out: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    names = set(bodies.values())
    for at, words in bodies.items():
        for n in range(TAIL_WORDS, len(words)):  # "Youth League" may be another branch's
            tail = words[-n:]
            if tail in names:
                out.setdefault(tail, []).append(at)
    return out


# small words that may stand between the words of one name ("News from Tartary", "Society of the
# Divine Word", "Ministry for Foreign Affairs")
_JOINING = re.compile(r"[^\S\n]+(?:(?:from|of|to|in|on|at|for|and|the|de|des|du|la|le|von|van)[^\S\n]+){1,2}")


def alike(a: str, b: str) -> bool:
    """Whether two kinds may be of one entity ("unknown" is alike with anything)."""
    return a == "unknown" or b == "unknown" or a == b or any(a in s and b in s for s in KINDS_ALIKE)


GLOSSED_WORDS = 2  # a name glossed word by word meets an English one of this many words at least


class Merge(NamedTuple):
    """A name taken for an entity that is not written that way, and why."""

    entity: str  # the entity's id
    form: str  # the name as written
    reason: str
    source: str  # where it was written
    start: int
    end: int


SPELLING_REASONS = ("another spelling of", "another name of", "named here in full", "the document says so",
                    "the editor's brackets")


def spells(how: str) -> bool:
    """Whether a name placed for this reason is a spelling of its entity's name ("Achmad-Jan" of
    Ehmetjan Qasimi), another of its names (the gazetteer's "Hetian" of Khotan, "Yenihisar" of
    Yangihissar), or one the text gives it (the editor's "Wang [Wang Tse-ming]", "Wash [Ward]"),
    not a part of it ("Chang", a surname): one of the names it is shown by."""
    return not how or any(r in how for r in SPELLING_REASONS)


def surname_words(words: list[str]) -> list[str]:
    """The words of a full name that may be its bearer's surname: the first of a Chinese name
    ("Chu" of "Chu Shao-liang", not "chu" of "Yu Chia-chu"); the first or last of others."""
    return list(_surname_words(tuple(words)))


@lru_cache(maxsize=16384)
def _surname_words(words: tuple[str, ...]) -> tuple[str, ...]:
    if chinese_surname(words[0]) and all(chinese_syllables(w) for w in words):
        return (words[0],)
    if len(words) > 1 and words[-1] in TURKIC_ENDINGS:
        return (words[0],)  # "Jan" of "Ahmet Jan" ends his name (Ahmetjan): no surname ("Dr. Yen" is not he)
    return tuple(dict.fromkeys((words[0], words[-1])))


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    from etr import rules

    return frozenset(rules.load("names")["titles"]["ranks"])


def surnames(name: str) -> list[str]:
    """The words of a full name its bearer may be called by alone, folded: surname_words, and the
    first part of a European double surname (double_first)."""
    first = double_first(name)
    return [*surname_words(fold(name).split()), *([first] if first is not None else [])]


def double_first(name: str) -> str | None:
    """The first part of a European double surname a full name ends with, folded: "haslund" of
    "HENNING HASLUND-CHRISTENSEN", as his companions call him; not "chung" of "Ma Chung-ying",
    a Chinese given name, nor anything of a name of one word."""
    words = name.split()
    double = _DOUBLE_PARTS.fullmatch(words[-1]) if len(words) >= 2 else None
    if double is None or chinese_syllables(double.group(1)) or chinese_syllables(double.group(2)):
        return None  # "Kai" of "Chiang Kai-shek", "Ping" of "Foo Ping-sheung": Chinese given names
    return fold(double.group(1))


# a double surname: its first part longer than a syllable ("Haslund-Christensen", "Thomson-Glover";
# not "Teh-huai", "Yat-sen", "Hoja-Niyaz")
_DOUBLE_PARTS = re.compile(r"([^\W\d_]{5,})-([^\W\d_]{3,})")


def name_words(name: str) -> list[str]:
    """A full name's words, folded, an initial a word of its own ("D.Mackiernan": "d.", "mackiernan")."""
    return fold(name).replace(".", ". ").split()


def fuller_name(full: str, short: str) -> bool:
    """Whether the name `full` is a fuller writing of `short`: the same last name, the same first
    name or its initial, and each middle name of `short` a middle name of `full` or its initial,
    in order ("Douglas Seymour Mackiernan" of "Douglas S. Mackiernan" and "D. Mackiernan")."""
    return _fuller_words(name_words(full), name_words(short))


def _fuller_words(a: list[str], b: list[str]) -> bool:
    if not a or not b or a == b or len(a) < len(b) or word_key(a[-1]) != word_key(b[-1]) or not _one_name(a[0], b[0]):
        return False
    rest = iter(a[1:-1])
    return all(any(_one_name(x, y) for x in rest) for y in b[1:-1])


def _initials_of(full: list[str], short: list[str]) -> bool:
    """Whether `short` gives a person's names by initials only and `full` spells the first of them
    with nothing between it and the surname to disagree ("R. B. Shaw" of "Robert Shaw"; not of
    "Robert Henry Shaw", nor of "Richard Shaw")."""
    return (len(full) == 2 and len(short) >= 2 and not _initial(full[0])
            and all(_initial(w) for w in short[:-1]) and full[0][:1] == short[0][:1]
            and word_key(full[-1]) == word_key(short[-1]))


def _initial(word: str) -> bool:
    return word.endswith(".") or len(word) == 1


def _one_name(full: str, short: str) -> bool:
    """A name and the same or its initial ("douglas", "d.")."""
    if _initial(short):
        return full[:1] == short[:1]
    return word_key(full) == word_key(short)


_ROLE_SMALL = {"at", "of", "in", "the", "to", "for", "and", "de"}


def _closest_roles(roles: set[str], candidates: dict[int, set[str]]) -> list[int]:
    """The candidates whose roles share the most words with `roles` (a place misspelt alike:
    "Consul at Tihwu" is "Consul at Tihwa" more than "Consul"), small words aside; [] when none
    shares any."""
    from rapidfuzz import fuzz

    mine = {w.lower() for w in roles if w.lower() not in _ROLE_SMALL}
    scores = {c: sum(1 for w in mine if any(w == x.lower() or fuzz.ratio(w, x.lower()) >= 80 for x in theirs))
              for c, theirs in candidates.items()}
    best = max(scores.values(), default=0)
    return [c for c, n in scores.items() if n == best] if best else []


MIN_SQUEEZED = 6  # letters and figures a name needs before they alone say it is another's, spaced otherwise


_ROMANISED = re.compile(r"the document says so \('(?:pinyin|Wade[-–]Giles|Chinese|Chinese name|courtesy name|art name|"
                        r"pen name|birth name|style name)'\)", re.I)


def _romanised(how: str) -> bool:
    """Whether a name was placed as a romanisation or a man's other name the text gives ("pinyin:
    Yáolèbóshì", "courtesy name Jingfu"), whose syllables say nothing of what it names, unlike
    "Koktobai also called Fuwen" of a town."""
    return _ROMANISED.search(how) is not None


# a double surname, its parts capitalised and no Chinese syllables ("Fox-Holmes", "Thomson-Glover";
# not "Shu-jen", "Hoja-Niyaz" is a name of its own too)
_DOUBLE_SURNAME = re.compile(r"[A-Z][a-z]{2,}-[A-Z][a-z]{2,}")


def _surname_spelt_near(short: str, full: str) -> bool:
    """Whether a surname alone is spelt near the surname of a name in full, as a misprint or
    another transliteration is ("Dreessen", "Robert B. Dreesen"; "Grombchevsky", "Bronislav
    Grombchevskii"): a key two languages' names share by their letters' classes ("Heyder", a
    British major, and "Mirza Haidar") is no such evidence."""
    from rapidfuzz import fuzz

    folded = fold(_latin_if_cyrillic(short))  # "Мухити" and "Mahmut Muhiti": compared in one script
    full = _latin_if_cyrillic(full)
    return any(fuzz.ratio(folded, fold(w)) >= SURNAME_SPELT for w in {*surnames(full), full.split()[-1]})


def _latin_if_cyrillic(name: str) -> str:
    """A name written in Cyrillic in Latin letters (romanise.latin), any other as it is."""
    return latin(name) if CYRILLIC.search(name) else name


def _across_scripts(a: str, b: str) -> bool:
    """Whether one of two names is written in Cyrillic and the other not."""
    return bool(CYRILLIC.search(a)) != bool(CYRILLIC.search(b))


def _surname_key(word: str) -> str:
    """The key a surname alone meets its full name by, across scripts: "Мухити" alone in a Russian
    page is the "Mahmut Muhiti" of an English one (muhiti)."""
    return word_key(_latin_if_cyrillic(word))


def _double_key(name: str) -> str:
    return "=" + word_key(name.replace("-", ""))


# a man's honorifics, no office ("Mr. Fox Holmes", Soviet papers' "Cde."); not "Mrs.", "Miss",
# "Madame" (his wife or daughter), nor "Dr." (another man of the name as often as he)
HONORIFICS = frozenset({"Mr.", "Mr", "Sir", "Cde.", "Cde", "Comrade"})
_NOT_IN_NAMES = frozenset({"of", "about", "the", "and"})


def _like_a_mans_name(name: str) -> bool:
    """Whether a name of no known kind reads like a man's, whose surname alone may name him later
    in the document: two or three words, each capitalised ("Цинов Кульджа" may be; "Gründung der
    Republik Ostturkestan", a founding, is no man whose "Ostturkestan" is he)."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def _mans_forms(name: str) -> set[str]:
    """A Cyrillic name read as a man's in another case: one word declined ("Оспан-батыра"), or
    of two or more words its first word, its last or both declined, the rest as written ("Бурханом Шахиди", "Ахмеджана Касымова";
    see romanise.mans_stems)."""
    words = name.split()
    if len(words) < 2:
        return set(mans_stems(name))  # "Оспан-батыра"
    firsts = [words[0], *mans_stems(words[0])]
    lasts = [words[-1], *mans_stems(words[-1])]
    return {" ".join([f, *words[1:-1], la]) for f in firsts for la in lasts} - {name}


def _squeezed(name: str) -> str:
    """A name without its spaces, hyphens and apostrophes, folded: "Takla Makan", "Taklamakan" and
    "TAKLA-MAKAN" alike; "21st Division" and "1st Division" not (its figures kept)."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def word_count(name: str) -> int:
    """A name's words, a Chinese given name written with a hyphen counting as one ("Chin
    Shu-jen" and "Jin Shuren" are two each; "Hoja-Niyaz" and "Khoja Niyaz" two each too)."""
    n = 0
    for w in name.split():
        parts = [p for p in re.split(r"[-‐]", w) if p]
        n += 1 if len(parts) > 1 and all(chinese_syllables(p) for p in parts) else max(1, len(parts))
    return n


_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$")  # "H.", "O", "S.Y."


def without_initials(name: str) -> str | None:
    """A person's name without its initials ("Chaucer H. Wu" -> "Chaucer Wu", "O. Edmund Clubb"
    -> "Edmund Clubb"), when it has any and two words are left; else None."""
    words = name.split()
    rest = [w for w in words if not _INITIAL.match(w)]
    return " ".join(rest) if len(rest) < len(words) and len(rest) >= 2 else None


def _initials_agree(a: str, b: str) -> bool:
    """Whether two forms of a name give no different initials ("Chaucer H. Wu", "Chaucer Wu": yes;
    "John A. Smith", "John B. Smith": no)."""
    ia = [w.strip(".") for w in a.split() if _INITIAL.match(w)]
    ib = [w.strip(".") for w in b.split() if _INITIAL.match(w)]
    return not ia or not ib or ia == ib


def display(name: str) -> str:
    """A name as a profile shows it: a telegram's capitals in ordinary case ("TAO SHIH-YUEH" ->
    "Tao Shih-yueh"), an acronym as it is."""
    if not name.isupper() or (" " not in name and len(name) <= 4):
        return name  # ordinary case, or an acronym ("AFG")
    return re.sub(r"[A-Z][A-Z'’]*", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), name)


def _slug(text: str) -> str:
    """An id's words: the name folded, in Latin letters ("Лусагун": lusagun)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(latin(text))).strip("-")[:60] or "x"


class Identities:
    """The entities of a build beyond the registry's, and how each name found was placed."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.extra: list[Entry] = []
        self.kinds: dict[int, Counter[str]] = defaultdict(Counter)
        self.titles: dict[int, Counter[str]] = defaultdict(Counter)
        self.merges: list[Merge] = []
        self._by_key: dict[tuple[str, int], int] = {}  # (key, words) -> entity
        self._bare: dict[tuple[str, int], int] = {}  # the same, of a person's name without its initials
        self._places: dict[str, int] = {}  # key -> a place, however many words it is written in
        self._kindless: dict[str, int] = {}  # key -> a name first found of no kind, however many words
        self._squeezed: dict[str, int] = {}  # a name's letters and figures (_squeezed) -> what is no person
        # a place's one-word name by its velar_key -> the places so spelt, each with its spelling
        self._velar: dict[str, dict[int, str]] = defaultdict(dict)
        # a gazetteer row (rules/gazetteer.toml) -> the registered place or the first place found
        # by one of its names ("Khotan" found, then "Hetian")
        self._gazetteer: dict[int, int] = {}
        self._ids: set[str] = {e.id for e in entries}
        self._registry_keys: dict[str, set[int]] = defaultdict(set)
        self._registry_letters: dict[str, set[int]] = defaultdict(set)
        self._surnames: dict[str, set[int]] = defaultdict(set)
        self._touched: set[int] = set()  # entities whose kind or titles changed since settle()
        self._said: dict[str, tuple[int, str, str, int, int]] = {}  # key -> (entity, reason, where it is said)
        self._here: dict[str, tuple[int, str, str, int, int]] = {}  # the same, said for the document at hand only
        self._people_here: set[str] = set()  # the surnames of the persons the document at hand names in full
        self._kinded_here: set[str] = set()  # its one-word names it gives a title or a kind (see document)
        # registered persons known only by a title and a surname ("General Sung"), by that surname
        self._titled: dict[str, int] = {}
        self.titled_here: set[int] = set()  # of those, the ones the document at hand names so
        self._named: set[str] = set()  # word keys of the names the added documents read so far give (see prime)
        self._named_in_full: dict[str, int] = {}  # key of a full name -> the registered "General Sung" it is
        # of the documents read so far, how many write each word in lower case, and how many
        # capitalise it inside a sentence (read_words)
        self._lower: Counter[str] = Counter()
        self._inside: Counter[str] = Counter()
        # places one document spells two ways ("Yarkund" in its title, "Yarkand" in its text):
        # (the other spelling's entity, the place, the reason, where)
        self.spelt_alike: list[tuple[int, int, str, str]] = []
        # places added documents spell alike but for their back consonants ("Charklik",
        # "Charkhliq"; but "Kanpur", "Khanpur" are two): (the later, the earlier, the reason)
        self.velar_alike: list[tuple[int, int, str]] = []
        self.role_said: set[int] = set()  # names a word for a person's office stood before
        # a registered person's given name -> (the person, the consonants of the surname after it)
        self._given_and_surname: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for i, e in enumerate(entries):
            for form in (e.name, *e.aliases, *e.variants):
                letters = len(re.sub(r"\W", "", form))
                if (e.type == "place" and form not in e.variants and e.name.split()[-1] not in NATURAL
                        and (row := gazetteer.row_of(form)) is not None):
                    # a registered town by its name or alias (not the "Manasi River" its variant
                    # "Manas" spells: no town Suilai)
                    self._gazetteer.setdefault(row, i)
                if letters >= MIN_KEYED:
                    self._registry_keys[key(form)].add(i)
                elif letters >= MIN_LETTERS:  # "Aksu": only by its letters, "Ak-su"
                    self._registry_letters[_squeezed(form)].add(i)
                words = fold(form).split()
                if e.type == "person" and len(words) >= 2:
                    for w in surname_words(words):
                        self._surnames[word_key(w)].add(i)
                    if len(words) == 2 and not chinese_surname(words[0]):
                        self._given_and_surname[word_key(words[0])].add((i, consonants_of_key(word_key(words[1]))))
            written = e.name.split()
            if e.type == "person" and len(written) >= 2 and title_length(written) == len(written) - 1:
                self._titled[word_key(written[-1])] = i

    # ------------------------------------------------------------------ entities

    def entry(self, i: int) -> Entry:
        return self.entries[i] if i < len(self.entries) else self.extra[i - len(self.entries)]

    def kind(self, i: int) -> str:
        if i < len(self.entries):
            return self.entries[i].type
        votes = self.kinds[i]
        known = [(n, k) for k, n in votes.items() if k not in ("unknown", GUESSED_TOWN)]
        if known:
            return max(known)[1]
        return "place" if votes[GUESSED_TOWN] else "unknown"

    def _new(self, u: Unknown, source: str, where: str) -> int:
        name = display(u.text)
        base = f"auto-{_slug(name)}"
        eid, n = base, 2
        while eid in self._ids:
            eid, n = f"{base}-{n}", n + 1
        self._ids.add(eid)
        self.extra.append(Entry(id=eid, type="unknown", name=name, description=f"Named in {where}; not in the curated registry.",
                                quote=u.text, source=source, curated=False))
        return len(self.entries) + len(self.extra) - 1

    def _rename(self, i: int, u: Unknown) -> None:
        """A telegram's "WANG CHEN" named later "Wang Chen": the ordinary spelling is the name."""
        e = self.entry(i)
        if i >= len(self.entries) and e.name.isupper() and not u.text.isupper():
            self.extra[i - len(self.entries)] = replace(e, name=u.text)

    # ------------------------------------------------------------------ placing names

    def read_words(self, lower: frozenset[str], inside: frozenset[str]) -> None:
        """A document's words, counted before its names are placed: those it writes in lower
        case, and those it capitalises inside a sentence (etr.ingest.discover's vocabulary and
        capitalised_inside)."""
        self._lower.update(lower)
        self._inside.update({w.lower() for w in inside})

    def _ordinary(self, u: Unknown) -> bool:
        """Whether a name found is one ordinary word that only where it stands capitalises
        ("Rebel troops", "Having returned from Moscow", "Copy Nº 3 to Cde. Molotov", "Finance
        and Education"): nothing but its capital says it is a name (no title, no kind, or only
        a verb after it opening a sentence), and the documents read so far write it in lower
        case far more often than inside a sentence with a capital."""
        if u.title or " " in u.text or not ((u.type == "unknown" and not u.why)
                                            or (u.why == VERB_OF_PERSONS and _NOT_A_SURNAME.search(u.text))):
            return False  # ("Little reported", "Miles arrived": a surname may be an English word)
        w = u.text.lower()
        n = self._lower[w]
        return n >= ORDINARY_DOCS and n >= ORDINARY_RATIO * self._inside[w]

    def prime(self, names: list[Unknown]) -> None:
        """What an added document names, given before its names are placed: a weak name (one
        capitalised word opening a sentence, "Ward arrived November 25") is a name only if this
        document or an earlier one names it otherwise - a person's surname or given name written
        in full ("Robert S. Ward"), or the same word where nothing doubts it ("Consul Ward",
        "reached Tarik"). Not a later one: a document added later never changes how an earlier
        one reads, so that adding one costs the reading of that one (measured: at 10,000
        documents, one that named such a word in full made the build read them all again)."""
        for u in names:
            if u.weak or self._ordinary(u):
                continue
            words = fold(u.text).split()
            if len(words) == 1:
                self._named.add(word_key(words[0]))
            elif u.type == "person":
                self._named.update((word_key(words[0]), word_key(words[-1])))
                if (first := double_first(u.text)) is not None:
                    self._named.add(word_key(first))

    def joined(self, text: str, sentences: list[list[Unknown]]) -> list[list[Unknown]]:
        """Each sentence's names, two found apart joined where the words between them are small
        ones and the whole is a name of several words a document named before ("In News from
        Tartary: A Journey ..." after an article on *News from Tartary*: one name, not "News"
        and "Tartary"), of the kind it was found with. Only names found before, as for any name
        (a later document never changes how an earlier one reads)."""
        out = []
        for found in sentences:
            if len(found) < 2:
                out.append(found)
                continue
            got: list[Unknown] = []
            for u in found:
                prev = got[-1] if got else None
                if prev is not None and not prev.weak and _JOINING.fullmatch(text[prev.end : u.start]) is not None:
                    whole = text[prev.start : u.end]
                    i = self._by_key.get((key(whole), word_count(whole)))
                    if i is not None and " " in self.entry(i).name and fold(self.entry(i).name) == fold(whole):
                        got[-1] = prev._replace(end=u.end, text=whole, type=self.kind(i), why="a name found before, whole",
                                                title="", written="")
                        continue
                got.append(u)
            out.append(got)
        return out

    def document(self, source: str, where: str, sentences: list[list[Unknown]],
                 mentions: list[list[Mention]] | None = None, said: list[Alias] | None = None,
                 heading: str = "", lived: bool = False) -> list[list[tuple[Unknown, int, str]]]:
        """Each sentence's names placed: (the name, its entity's index, how it was linked: "" by
        its own name, or the reason). A name placed nowhere is left out. `said`: the document's
        statements that one name is another ("Koktobai also called Fuwen"), which hold from here
        on, wherever the second name is met. `heading`: the document's first line; when it is a
        person's full name, his surname alone is he ("Ma" in an article on Ma Shaowu). `lived`: the
        document gives its subject's birth or death in an infobox ("Born November 11, 1922"): the
        name its first line gives, found in its text, is a person's."""
        titled = set(self._titled.values())
        self.titled_here = {m.entity for found in mentions or [] for m in found if m.entity in titled}
        # the one-word names this document gives a title or a kind: never ordinary words here
        self._kinded_here = {word_key(u.text) for found in sentences for u in found if " " not in u.text
                             and (u.title or (u.type != "unknown" and u.why not in ("", VERB_OF_PERSONS)))}
        self._here = {}
        self._people_here = set()
        if said:
            self._aliases(source, where, sentences, mentions or [[] for _ in sentences], said)
        # full names first, so that a surname met before its full name is still that person
        full: dict[tuple[int, int], tuple[int, str]] = {}
        doc_words: dict[str, set[int]] = defaultdict(set)
        units = self._units(sentences, mentions or [])
        tails = _body_tails(sentences)
        deferred: list[tuple[int, int]] = []
        for si, found in enumerate(sentences):
            for ui, u in enumerate(found):
                words = fold(u.text).split()
                if len(words) < 2:
                    continue
                if tuple(words) in tails:
                    deferred.append((si, ui))  # placed once the fuller names of the document are
                    continue
                unit = _unit(_UNIT, u.text)
                fuller = units.get(unit) if unit else None
                if fuller is not None and len(fuller) == 1:  # "the 6th Division" of an article on the 6th Uyghur Division
                    (i, name), = fuller.items()
                    full[(si, ui)] = (i, f"{u.text} is {name}, named in full in the same document")
                    continue
                whole = self._placed(u, source, where)
                full[(si, ui)] = whole
                if self.kind(whole[0]) in ("person", "unknown") and u.type in ("person", "unknown") and (
                        "person" in (u.type, self.kind(whole[0])) or _like_a_mans_name(u.text)):
                    for w in surnames(u.text):
                        doc_words[word_key(w)].add(whole[0])
                        if u.type == "person":
                            self._people_here.add(word_key(w))
        for si, ui in deferred:
            # "People's Anti-Imperialist Association" in an article on the "Xinjiang People's
            # Anti-Imperialist Association": the one body the document names so in full
            u = sentences[si][ui]
            in_full = {full[k][0] for k in tails[tuple(fold(u.text).split())] if k in full}
            if len(in_full) == 1:
                i = next(iter(in_full))
                full[(si, ui)] = (i, f"{u.text} is {self.entry(i).name}, named in full in the same document")
            else:
                full[(si, ui)] = self._placed(u, source, where)
        about = fold(heading).strip()
        subject: int | None = None
        for (si, ui), (i, _how) in full.items():
            if fold(sentences[si][ui].text) == about and self.kind(i) in ("person", "unknown"):
                subject = i
        for found_here in mentions or []:  # "ALIHAN TORE SHAKIRJAN", registered: then "SHAKIRJAN" is he
            for m in found_here:
                if m.entity is None or " " not in m.text or self.entries[m.entity].type != "person":
                    continue
                folded = fold(m.text)
                for w in surname_words(folded.split()):
                    doc_words[word_key(w)].add(m.entity)
                    self._people_here.add(word_key(w))
                if folded == about:
                    subject = m.entity
        if subject is not None and lived and subject >= len(self.entries):
            self.kinds[subject]["person"] += 1  # "Lutpulla Mutellip / Born November 11, 1922": a man
            self._touched.add(subject)
        if subject is not None and len(about.split()) >= 2:  # an article on Ma Shaowu: "Ma" is he
            for w in surname_words(about.split()):
                doc_words[word_key(w)] = {subject}
        out: list[list[tuple[Unknown, int, str]]] = []
        for si, found in enumerate(sentences):
            placed: list[tuple[Unknown, int, str]] = []
            for ui, u in enumerate(found):
                if u.weak and not self._weak_named(u, doc_words):
                    continue
                if self._ordinary(u) and not self._vouched(u, doc_words):
                    continue
                got: tuple[int, str] | None = full.get((si, ui)) or self._single(u, source, where, doc_words)
                if got is None:
                    continue
                i, how = got
                if u.why == CHINESE_PLACE:
                    # a town only for want of anything else saying what it is ("to Molotov and
                    # Mikoyan": Mikoyan promised), and not where a man's surname, or a name the
                    # text says is another's ("pinyin: Yáolèbóshì" of Yulbars Khan)
                    if not (_romanised(how) or word_key(u.text) in self._people_here):
                        self.kinds[i][GUESSED_TOWN] += 1
                elif u.type != "unknown":
                    self.kinds[i][u.type] += 1
                if u.title:
                    self.titles[i][u.title] += 1
                if u.why == ROLE_BEFORE:
                    self.role_said.add(i)  # "Генеральный консул Пушкин": an office, if no title kept
                self._touched.add(i)
                if how:
                    self.merges.append(Merge(self.entry(i).id, u.text, how, source, u.start, u.end))
                placed.append((u, i, how))
            out.append(placed)
        self._spelt_alike(source, out, mentions or [], heading)
        self.settle()
        return out

    def _spelt_alike(self, source: str, placed: list[list[tuple[Unknown, int, str]]], mentions: list[list[Mention]],
                     heading: str) -> None:
        """A place a document's title spells otherwise than its text, a letter or two apart with
        the same consonants ("Report of a Mission to Yarkund" over "a mission to Yarkand"): one
        place; not two names of Chinese syllables, which differ as places do ("Mienhsien",
        "Minhsien"), nor a name and its ending ("Ladakh", "Ladakhi"). Two such spellings in the
        text itself may be two places ("over the Karakoram", "reached Karakorum"; "Kashmir",
        "Kashmar"): they stay two."""
        if not heading:
            return
        from rapidfuzz import fuzz

        words: dict[int, str] = {}
        for found in placed:
            for u, i, _how in found:
                if " " not in u.text.strip() and self.kind(i) in ("place", "unknown") and i not in words:
                    words[i] = u.text
        if not words:
            return
        for found_here in mentions:  # the registered places it names
            for m in found_here:
                if m.entity is not None and " " not in m.text.strip() and self.entries[m.entity].type == "place":
                    words.setdefault(m.entity, m.text)
        least = consonant_rules()["least"]
        titled = {i for i, w in words.items() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", heading)}
        # the title's spelling (other) and the text's (keep), in the order of the two entities
        pairs = sorted(((other, keep) for other in titled for keep in words if keep not in titled),
                       key=lambda p: (min(p), max(p)))
        for other, keep in pairs:
            a, b = words[other], words[keep]
            ka, kb = word_key(a), word_key(b)
            if ka == kb or ka.startswith(kb) or kb.startswith(ka) or min(len(ka), len(kb)) < MIN_KEYED + 1:
                continue
            if "place" not in (self.kind(other), self.kind(keep)) or (chinese_word(a) and chinese_word(b)):
                continue
            ca = consonants_of_key(ka)
            if ca != consonants_of_key(kb) or len(ca) < least or fuzz.ratio(ka, kb) < SPELT_ALIKE:
                continue
            if other >= len(self.entries) and self.kind(other) != "person":
                self.spelt_alike.append((other, keep, f"{a} and {b}, one document's spellings of one place "
                                         "(the same consonants)", source))

    def _units(self, sentences: list[list[Unknown]], mentions: list[list[Mention]]) -> dict[tuple[str, str], dict[int, str]]:
        """The armies and divisions a document names in full with their number ("6th Uyghur
        Division"), by (number, kind word): the entities and their names."""
        out: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
        for found in mentions:
            for m in found:
                unit = _unit(_FULL_UNIT, m.text)
                if m.entity is not None and unit:
                    out[unit][m.entity] = self.entries[m.entity].name
        for found_u in sentences:
            for u in found_u:
                unit = _unit(_FULL_UNIT, u.text)
                got = self._by_key.get((key(u.text), word_count(u.text))) if unit and u.type == "military" else None
                if unit and got is not None:
                    out[unit][got] = self.entry(got).name
        return out

    def settle(self) -> None:
        """Each entity found so far with the kind most of its mentions give and its titles as roles."""
        for i in sorted(self._touched):
            j = i - len(self.entries)
            if j < 0:
                continue
            e = self.extra[j]
            roles = tuple(t for t, _n in self.titles[i].most_common(4))
            if e.type != self.kind(i) or e.roles != roles:
                self.extra[j] = replace(e, type=self.kind(i), roles=roles)
        self._touched.clear()

    def _aliases(self, source: str, where: str, sentences: list[list[Unknown]], mentions: list[list[Mention]],
                 said: list[Alias]) -> None:
        by_span = {(u.start, u.end): u for found in sentences for u in found}
        by_end = {u.end: u for found in sentences for u in found}
        registered = {(m.start, m.end): m for found in mentions for m in found if m.entity is not None}

        def entity_at(start: int, end: int) -> int | None:
            m = registered.get((start, end))
            if m is not None:
                return m.entity
            u = by_span.get((start, end))
            if u is None:
                return None
            placed = self._placed(u, source, where) if len(u.text.split()) > 1 else self._single(u, source, where, {})
            return placed[0] if placed else None

        for a in said:
            if a.cue == EPITHET:
                # 'the "Christian General," Feng Yu-hsiang': the man named, whom the epithet names
                # too (his name the name, the epithet an alias), however he was found before
                first_u = by_span.get((a.first_start, a.first_end))
                target = entity_at(a.second_start, a.second_end)
                if first_u is not None and target is not None:
                    self._here[key(first_u.text)] = (target, f"the document says so ({a.cue!r})", source, a.start, a.end)
                continue
            glossed = getattr(by_span.get((a.second_start, a.second_end)), "why", "") == GLOSSED_TERM
            if a.cue == "[]" and not glossed:  # ("Native Corporation [Tuchan gongsi]": a term's other name, below)
                # the editor's correction of what the telegram garbled, "Wash [Ward]": the name in
                # brackets is the one meant, here
                first_m = registered.get((a.first_start, a.first_end))
                if (first_m is not None and first_m.entity is not None and (a.second_start, a.second_end) not in registered
                        and self.entries[first_m.entity].type == "place"):
                    # "Jinghe [Jing]", "Ghulja [Yining]": the registered place the editor glosses
                    self._here[key(a.second)] = (first_m.entity, f"the editor's brackets say so ({a.second!r})",
                                                 source, a.start, a.end)
                    continue
                first = by_span.get((a.first_start, a.first_end))
                second_u = by_span.get((a.second_start, a.second_end))
                known = self._by_key.get((key(first.text), word_count(first.text))) if first is not None else None
                if (known is not None and first is not None and first_m is None and second_u is not None
                        and (a.second_start, a.second_end) not in registered
                        and self._by_key.get((key(a.second), word_count(a.second))) is None
                        and alike(self.kind(known), second_u.type)):
                    # "Kuqa [Kuche]" where an earlier document named Kuqa: the editor's name is
                    # that one's, not a new place's
                    self._here[key(a.second)] = (known, f"the editor's brackets say so ({first.text!r})",
                                                 source, a.start, a.end)
                    continue
                target = entity_at(a.second_start, a.second_end)
                if target is not None and first_m is None:
                    if first is not None:
                        self._here[key(first.text)] = (target, f"the editor's brackets say so ({a.second!r})",
                                                       source, a.start, a.end)
                continue
            if a.cue == TITLED:
                # "Frank Bessac" above "Francis Bagnall Bessac (...) was": where another document
                # named him by the title's name, the man in full is he
                lead = by_span.get((a.first_start, a.first_end))
                got = self._by_key.get((key(a.second), word_count(a.second)))
                if lead is not None and got is not None and self.kind(got) == "person":
                    self._here[key(lead.text)] = (got, f"the article's title names him so ({a.second!r})",
                                                  source, a.start, a.end)
                    continue
            held = by_span.get((a.second_start, a.second_end))
            if held is not None and held.why.startswith(OFFICE_HELD):
                continue  # "the Adviser on Political Relations (Hornbeck)": who held it, no other name of it
            target = entity_at(a.first_start, a.first_end)
            if target is None:
                continue
            second = registered.get((a.second_start, a.second_end))
            if second is not None and second.entity != target:
                continue  # two registered names: the registry keeps them apart
            # the alias as said, and the name found inside it after its title ("Emir Shah Mansur":
            # "Shah Mansur", found with the title Emir)
            inner = by_end.get(a.second_end)
            for k in {key(a.second), *([key(inner.text)] if inner is not None and inner.start > a.second_start else [])}:
                if a.cue == QUOTED:  # "Great Karakul (“the Black Lake”)": a gloss of this document's, as
                    # another may give a Little Karakul the same English
                    self._here.setdefault(k, (target, f"the document says so ({a.cue!r})", source, a.start, a.end))
                elif self._said.get(k, (target,))[0] == target:
                    self._said[k] = (target, f"the document says so ({a.cue!r})", source, a.start, a.end)

    def _statement(self, k: str) -> tuple[int, str, str, int, int] | None:
        """What a statement says the name of key `k` is: the editor's brackets in this document,
        or an alias statement of any document read so far."""
        return self._here.get(k) or self._said.get(k)

    def _placed(self, u: Unknown, source: str, where: str) -> tuple[int, str]:
        """A full name: a registered name in another spelling, the same name found before, or new."""
        forms = russian_forms(u.text)
        # a work's title with its "The" is the title without it ("The Road to Kashgar", and "the
        # Road to Kashgar" elsewhere): one key
        keyed = u.text[4:] if u.text.startswith("The ") and u.why == WORK_TITLE else u.text
        k = key(keyed) if len(forms) == 1 else self._declined_key(forms, word_count(u.text))
        said = self._statement(k)
        if said is not None:
            e = self.entry(said[0])
            if u.type == "person" and len(e.name.split()) == 1 and fold(u.text).split()[-1] == fold(e.name):
                self._fuller(said[0], u)  # "Clubb" signed "O. Edmund Clubb": the full name is the name
            return said[0], said[1]
        n = word_count(keyed)
        registered = [i for i in self._registry_keys.get(k, ())
                      or (self._registry_letters.get(_squeezed(u.text), ()) if u.why == HYPHEN_PLACE else ())
                      if alike(self.entries[i].type, u.type)]
        if len(registered) == 1:
            e = self.entries[registered[0]]
            return registered[0], f"another spelling of {e.name}"
        alike_man = self._given_surname_alike(u) if not registered else None
        if alike_man is not None:
            return alike_man, (f"another spelling of {self.entries[alike_man].name}: the given name as "
                               "written, the surname in the same consonants")
        titled = self._titled.get(word_key(fold(u.text).split()[0])) if u.type in ("person", "unknown") else None
        if titled is not None and (titled in self.titled_here
                                   or u.title.split()[:1] == self.entries[titled].name.split()[:1]):
            e = self.entries[titled]
            self._by_key[(k, n)] = titled  # the same full name in any later document is him too
            self._named_in_full[k] = titled
            return titled, f"the registered {e.name}, known there only by title and surname, named here in full"
        got = self._by_key.get((k, n))
        if got is not None:  # its kind is what most of its mentions say
            self._rename(got, u)
            return got, ""
        row = self._gazetteer_row(u)
        got = self._gazetteer.get(row, -1) if row is not None else -1
        if row is not None and got >= 0 and k not in {key(f) for f in (self.entry(got).name, *self.entry(got).aliases)}:
            # "Hetian" after "Khotan", "Hami" for the registry's Kumul: one place by another name
            # (its own name in another spelling is the key's to judge: "the Ak-su" is a river)
            self._by_key[(k, n)] = got
            return got, (f"another name of {self.entry(got).name} (rules/gazetteer.toml: "
                         f"{', '.join(gazetteer.names_of(row))})")
        # "Karashahr" after the place "Qara-shahr": a name of no kind yet, spelt as a place is; and
        # the place "Qara-shahr" after "Karashahr" of no kind, in whichever order the documents come
        place = self._places.get(k) if u.type in ("place", "unknown") else None
        if place is not None and self.kind(place) != "place":
            place = None
        if place is None and u.type == "place":
            place = self._kindless.get(k)
            if place is not None and self.kind(place) not in ("place", "unknown"):
                place = None
        one_word = " " not in u.text.strip() and len(re.sub(r"\W", "", u.text)) >= MIN_LETTERS
        squeezed = _squeezed(u.text) if u.type != "person" else ""
        if place is None and len(squeezed) >= MIN_SQUEEZED:
            # "Takla Makan" after "Taklamakan", "Central Newsagency" after "Central News Agency":
            # the same letters spaced otherwise, a place's or a body's, whatever either was taken for
            got = self._squeezed.get(squeezed)
            if got is not None and self.kind(got) != "person" and alike(self.kind(got), u.type):
                place = got
        if place is not None:  # "KOKO-NOR" after "Kokonor"
            self._by_key[(k, n)] = place
            return place, f"{u.text}: {self.entry(place).name} written in {n} word{'s' if n > 1 else ''}"
        head = self._place_of_its_area(u)
        if head is not None:  # "Nilka County", "Tacheng Prefecture": the place Nilka, Tacheng
            self._by_key[(k, n)] = head
            return head, f"another spelling of {self.entry(head).name}: {u.text}, the place and its {u.text.split()[-1].lower()}"
        bare = without_initials(u.text)
        bare_key = None if bare is None else (key(bare), word_count(bare))
        if bare_key is None and n >= 2:
            bare_key = (k, n)  # "Chaucer Wu" after "Chaucer H. Wu"
        if bare_key is not None:
            got = self._bare.get(bare_key)
            if got is not None and alike(self.entry(got).type, u.type) and _initials_agree(self.entry(got).name, u.text):
                self._fuller(got, u)
                self._by_key[(k, n)] = got
                return got, ""
        i = self._new(u, source, where)
        self._by_key[(k, n)] = i
        if row is not None:
            self._gazetteer[row] = i
        stem = next((f for f in forms[1:] if not f.isascii()), None)
        if stem is not None:  # a place declined otherwise later ("Лусагуне" after "Лусагуна"): its stem
            self._by_key.setdefault((key(stem), n), i)
        if u.type == "place":
            self._places.setdefault(k, i)
        elif u.type == "unknown":
            self._kindless.setdefault(k, i)
        if squeezed:
            self._squeezed.setdefault(squeezed, i)
        if one_word and u.type == "place":
            alike_place = self._velar_place(u.text)
            if alike_place is not None:  # "Charkhliq" after "Charklik": possibly one (see finish)
                self.velar_alike.append((i, alike_place[0], f"{u.text} and {alike_place[1]}: one name in two "
                                         "transliterations of its k, q, kh, gh, h, or two places"))
            self._velar[velar_key(word_key(u.text))].setdefault(i, u.text)
        if bare_key is not None:
            self._bare.setdefault(bare_key, i)
        return i, ""

    def _gazetteer_row(self, u: Unknown) -> int | None:
        """The gazetteer's row of a place's name (rules/gazetteer.toml), if it lists it, in any
        Russian case; a name people bear too ("Frunze") only where its sentence makes it a place."""
        if u.type != "place" and (u.type != "unknown" or gazetteer.also_people(u.text)):
            return None
        # a Russian name in any case ("в Москву", "в Нанкине"): its forms in turn
        return next((row for form in russian_forms(u.text) if (row := gazetteer.row_of(form)) is not None), None)

    def _declined_key(self, forms: list[str], n: int) -> str:
        """The key of a Cyrillic name declined by its sentence ("в Кашгаре", "Кашгарии"), read in
        its forms (romanise.russian_forms): first the registry's names, then the names found
        before (so that "Кашгарии" is the registered Kashgaria, not a "Kashgari" an earlier
        document wrote). The name as written, or read as a Chinese name ("Шэн Шицай"), is any
        name so spelt; a form with its ending changed only a place's: a man's name declined may
        be his wife's ("Бектеева"), a people's word another people's ("Казаки", Cossacks, not
        the Kazak)."""
        as_written = {forms[0], palladius(forms[0]), mans_case(forms[0])}
        mans = _mans_forms(forms[0])
        keyed = [(form, key(form)) for form in [*forms, *mans]]
        for form, k in keyed:
            if self._statement(k) is not None or any(
                    form in as_written or self.entries[i].type == "place"
                    or (form in mans and self.entries[i].type == "person") for i in self._registry_keys.get(k, ())):
                return k
        for form, k in keyed:
            found = [x for x in (self._by_key.get((k, n)), self._places.get(k), self._kindless.get(k)) if x is not None]
            if any(form in as_written or self.kind(x) == "place" or (form in mans and self.kind(x) == "person")
                   for x in found):
                return k
        return keyed[0][1]

    def _velar_place(self, name: str) -> tuple[int, str] | None:
        """The one place an added document spelt as `name` is but for its back consonants
        (rules/romanise.toml [velars]: "Charklik" for "Charkhliq"), with that spelling; not when
        both are Chinese syllables ("Kanchow", "Hanchow")."""
        found = [(i, form) for i, form in self._velar.get(velar_key(word_key(name)), {}).items()
                 if self.kind(i) == "place" and key(form) != key(name)
                 and not (chinese_word(form) and chinese_word(name))]
        return found[0] if len({i for i, _ in found}) == 1 else None

    def _place_of_its_area(self, u: Unknown) -> int | None:
        """The one place a name of a county, district or prefecture names with its word for such an
        area ("Nilka County", "Yarkant County", "Tacheng Prefecture"): the town its other words name,
        registered or found before; None when they name none, several, or a river or a range."""
        words = u.text.split()
        if u.type not in ("place", "unknown") or len(words) < 2 or words[-1] not in AREA_WORDS:
            return None
        hk = key(" ".join(words[:-1]))
        if len(hk) < MIN_KEYED:
            return None
        got = {i for i in self._registry_keys.get(hk, ()) if self.entries[i].type == "place"}
        if not got and (found := self._places.get(hk)) is not None and self.kind(found) == "place":
            got = {found}
        if any(self.entry(i).name.split()[-1] in NATURAL for i in got):
            return None
        return got.pop() if len(got) == 1 else None

    def _fuller(self, i: int, u: Unknown) -> None:
        """"Chaucer H. Wu" named after "Chaucer Wu": the name with its initials is the name."""
        e = self.entry(i)
        if i >= len(self.entries) and len(u.text.split()) > len(e.name.split()):
            self.extra[i - len(self.entries)] = replace(e, name=display(u.text))

    def _single(self, u: Unknown, source: str, where: str, doc_words: dict[str, set[int]]) -> tuple[int, str] | None:
        """One word, perhaps after a title: the person of that name in this document, the one
        registered person of that surname, the same word found before, or new."""
        said = self._statement(key(u.text))
        wk = word_key(u.text)
        if said is not None and not (key(u.text) not in self._here and len(self._surnames.get(wk, ())) == 1
                                     and said[0] not in self._surnames[wk]):
            # (another document's statement does not take the surname of the one registered man
            # so called for another: after "Special Commissioner Us Man (Osman)", a press garbling,
            # a later "Osman" is still the registered Osman Batur)
            return said[0], said[1]
        # a word of Chinese syllables is taken for a town only for want of better: "SAGUNI"
        # after "Alikhan Tore SAGUNI" is he
        if u.type in ("person", "unknown") or u.why == CHINESE_PLACE:
            here = doc_words.get(wk, set())
            if u.why == CHINESE_PLACE and wk not in self._people_here:
                here = set()  # only a person named in full takes a town's word ("Asia" is no "Pivot of Asia")
            if len(here) == 1 and not (self.kind(next(iter(here))) == "unknown" and self._registered_place(u.text)):
                # (not a registered place's name taken for a word of a name of no known kind:
                # "Кульджа" after "При правлении Цинов Кульджа")
                i = next(iter(here))
                return i, f"{u.title + ' ' if u.title else ''}{u.text} is {self.entry(i).name}, named in full in the same document"
            if len(here) > 1:
                return None  # several of that name here: which one, the text does not say
        if u.type in ("person", "unknown"):
            registered = self._surnames.get(wk, set())
            if len(registered) == 1:
                i = next(iter(registered))
                return i, f"surname {u.text} of the registered {self.entry(i).name}"
            if len(registered) > 1:
                return None  # "General Ma": one of several registered Ma, nobody new
        if u.type in ("person", "unknown"):
            # a man known in the nominative, here in another case ("посланец Сталина", "Касымова
            # пригласили" after "Ахмеджан Касымов"): the one man of this document or the registry
            for stem in mans_stems(u.text):
                found = self._by_key.get((key(stem), 1))
                men = ({i for i in doc_words.get(word_key(stem), set()) if self.kind(i) == "person"}
                       or {i for i in self._registry_keys.get(key(stem), ()) if self.entries[i].type == "person"}
                       or ({found} if found is not None and self.kind(found) == "person" else set())
                       or self._surnames.get(word_key(latin(stem)), set()))
                if len(men) == 1:
                    i = next(iter(men))
                    return i, f"{u.text}: {self.entry(i).name} in another case"
        if u.why == ADDRESSED:  # "the Chief of Naval Operations (King)": a man, whatever else "Qing" is
            got = self._by_key.get((key(u.text), 1))
            if got is not None and self.kind(got) != "person" and fold(self.entry(got).name) != fold(u.text):
                return self._new(u, source, where), ""
        if u.text.endswith("s") and not u.text.endswith("ss") and len(u.text) > 4 and (key(u.text), 1) not in self._by_key:
            one = self._by_key.get((key(u.text[:-1]), 1))
            if one is not None and self.kind(one) in ("unknown", u.type) and self.kind(one) != "person":
                return one, f"{u.text}: the plural of {self.entry(one).name}"  # "These Aksakals are men selected ..."
        return self._placed(u, source, where)

    def _given_surname_alike(self, u: Unknown) -> int | None:
        """The one registered person whose given name this two-word name writes as the registry
        does, and whose surname it spells in the same consonants, its vowels otherwise ("Ahmetjan
        Kasmu", a spelling through Chinese, for Ehmetjan Qasimi: k-s-m; "Seypidin Eziz" for Seypidin
        Azizi: z-z); not a Chinese name (a Chinese surname first: "Ma Chin-kang" is no Ma Chung-ying),
        whose syllables all share few consonants."""
        words = u.text.split()
        if u.type not in ("person", "unknown") or len(words) != 2 or chinese_surname(words[0]):
            return None
        surname = consonants_of_key(word_key(words[1]))
        if len(surname) < GIVEN_AND_SURNAME_LEAST:
            return None
        men = {i for i, c in self._given_and_surname.get(word_key(words[0]), ()) if c == surname}
        return men.pop() if len(men) == 1 else None

    def _registered_place(self, name: str) -> bool:
        """Whether the registry has a place of this name, in any Russian case."""
        return any(self.entries[i].type == "place" for form in russian_forms(name)
                   for i in self._registry_keys.get(key(form), ()))

    def _given_otherwise(self, u: Unknown, doc_words: dict[str, set[int]]) -> bool:
        """Whether a one-word name is a surname this document or the registry gives in full, or a
        name a document says is another's: what makes a weak or an ordinary word a name."""
        wk = word_key(u.text)
        return wk in doc_words or wk in self._surnames or self._statement(key(u.text)) is not None

    def _weak_named(self, u: Unknown, doc_words: dict[str, set[int]]) -> bool:
        """Whether a weak name is named otherwise: in this document, in another, or the registry."""
        return word_key(u.text) in self._named or self._given_otherwise(u, doc_words)

    def _vouched(self, u: Unknown, doc_words: dict[str, set[int]]) -> bool:
        """Whether an ordinary word (_ordinary) is a name all the same: a surname this document
        or the registry gives in full, a word this document gives a title or a kind anywhere
        ("Mr. Miles, my good friend", then "Miles's rank"), a name a document says is another's,
        or the name of one found already with a kind ("Colonel Miles", then "Miles")."""
        if word_key(u.text) in self._kinded_here or self._given_otherwise(u, doc_words):
            return True
        i = self._by_key.get((key(u.text), 1))
        return i is not None and self.kind(i) not in ("unknown", GUESSED_TOWN)

    def is_writer(self, i: int, office: str) -> None:
        """The writer a document's header names: a person, with the office it gives."""
        if i >= len(self.entries):
            self.kinds[i]["person"] += 3
            self.titles[i][office] += 1
            self._touched.add(i)
            self.settle()

    # ------------------------------------------------------------------ across the build

    def finish(self) -> tuple[dict[int, int], dict[int, list[tuple[int, str]]]]:
        """Once every document is read: the persons known by a surname alone who are the one
        person of that surname and the same role named in full ("Consul Ward" and "Robert S.
        Ward, Consul at Tihwa": merged, {surname entity: full one}); and, where the evidence is
        too thin to merge, the entities that are possibly the same (close spellings, a shared
        surname), each with the reason."""
        n = len(self.entries)
        full: dict[str, list[int]] = defaultdict(list)
        pairs: list[tuple[int, list[str]]] = []
        for i in range(n + len(self.extra)):
            e = self.entry(i)
            words = fold(e.name).split()
            if self.kind(i) in ("person", "unknown") and len(words) >= 2 and title_length(e.name.split()) == 0 \
                    and not _NOT_IN_NAMES.intersection(words):  # not "Life of Yolbars Khan", a book's title
                if len(e.name.split()) == 1:
                    pairs.append((i, words))  # "Soong-Stalin" (talks): a name, or two men's?
                    continue
                for w in surnames(e.name):  # "Haslund" of "Henning Haslund-Christensen" alone is he too
                    full[_surname_key(w)].append(i)
                last = e.name.split()[-1]
                if _DOUBLE_SURNAME.fullmatch(last):  # "George Fox-Holmes": his surname is "Fox-Holmes"
                    full[_double_key(last)].append(i)
        for i, words in pairs:
            # one hyphenated word whose parts are each the surname of a man named in full ("Soong-Stalin
            # talks", "Molotov-Ribbentrop"): two men, no third of either surname
            # (not a Turkic compound name, "Muhammad-Tursun": its parts are given names as often)
            if not all(_surname_key(w) in full or _surname_key(w) in self._surnames for w in words) \
                    or any(w.title() in given_names() for w in words):
                for w in surnames(self.entry(i).name):
                    full[_surname_key(w)].append(i)
        merged: dict[int, int] = {}
        possibly: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for j, e in enumerate(self.extra):  # "Sung Hsi-lien" found before a document said he is General Sung
            target = self._named_in_full.get(key(e.name))
            if target is not None and alike(self.kind(n + j), self.entries[target].type):
                merged[n + j] = target
                self.merges.append(Merge(self.entries[target].id, e.name, f"{e.name} is the registered "
                                         f"{self.entries[target].name}, named in full elsewhere", e.source, -1, -1))
        self._same_full_names(merged)
        self._misprinted_names(merged)
        self._glossed_names(merged)
        for other, keep, why, source in self.spelt_alike:
            if other not in merged and keep not in merged and other != keep and alike(self.kind(other), self.kind(keep)):
                merged[other] = keep
                self.merges.append(Merge(self.entry(keep).id, self.entry(other).name, why, source, -1, -1))
        for j, e in enumerate(self.extra):
            i = n + j
            if i in merged:
                continue
            words = fold(e.name).split()
            double = _DOUBLE_SURNAME.fullmatch(e.name) is not None  # "Fox-Holmes" alone: one surname
            if self.kind(i) not in ("person", "unknown") or (len(words) != 1 and not double):
                continue
            # each candidate as what it was merged into ("Fox Holmes" and "George Fox-Holmes" are one),
            # with the roles of all its names
            cand_roles: dict[int, set[str]] = {}
            for c in full.get(_double_key(e.name) if double else _surname_key(words[0]), []):
                if c != i and merged.get(c, c) != i:
                    cand_roles.setdefault(merged.get(c, c), set()).update(w for r in self.entry(c).roles for w in r.split())
            others = list(cand_roles)
            roles = {w for r in self.entry(i).roles for w in r.split()} - HONORIFICS  # "Mr. Fox Holmes" has no office
            same_role = _closest_roles(roles, cand_roles)
            offices = set(self.entry(i).roles) - HONORIFICS - _ranks()
            if len(same_role) == 1:  # the one of that surname with that role ("General Chu": Chu Shao-liang, a general)
                c = same_role[0]
                merged[i] = c
                self.merges.append(Merge(self.entry(c).id, e.name, f"{e.name} is {self.entry(c).name}: the same "
                                         f"surname and role ({', '.join(sorted(roles))})", e.source, -1, -1))
            elif (len(others) == 1 and (not roles or not offices
                                        or (len(offices) == 1 and not cand_roles[others[0]] - HONORIFICS))
                  and self.kind(i) == "person"
                  and self.kind(others[0]) == "person" and not name_part(e.name) and not chinese_surname(e.name)
                  and _surname_spelt_near(e.name, self.entry(others[0]).name)
                  and (not _across_scripts(e.name, self.entry(others[0]).name)
                       or (not offices and i not in self.role_said
                           and not _initial(name_words(self.entry(others[0]).name)[0])))):
                # (across scripts, a surname says less: "Генеральный консул Пушкин" is no "Alexander
                # Pushkin" the poet, "Governor Ivanoff" no "И. Иванов"; "Мухити бежал" is Mahmut Muhiti)
                # "Ward arrived November 25" in a telegram, "Robert S. Ward, Consul at Tihwa" in
                # another: the one person of that surname the documents name, and nothing says
                # otherwise (a rank alone, "Col. Pappengut", says no post another man held; nor does
                # one office of the surname's when the man named in full holds none: "Secretary of
                # State Acheson" and "Mr. Dean Acheson"; a Smith of three offices is several men)
                c = others[0]
                merged[i] = c
                self.merges.append(Merge(self.entry(c).id, e.name, f"{e.name} is {self.entry(c).name}: the one person "
                                         "of that surname the documents name in full", e.source, -1, -1))
            else:
                for c in others[:POSSIBLE]:
                    possibly[i].append((c, f"the same surname as {self.entry(c).name}"))
                    possibly[c].append((i, f"{e.name} may be this person: the same surname"))
        for a, b, why in self.velar_alike:
            if a not in merged and b not in merged and self.kind(a) == self.kind(b) == "place":
                possibly[a].append((b, why))
                possibly[b].append((a, why))
        self._close_spellings(possibly, set(merged))
        return merged, possibly

    def _same_full_names(self, merged: dict[int, int]) -> None:
        """One person named in full in several ways: "D. Mackiernan", "Douglas S. Mackiernan" and
        "Douglas Seymour Mackiernan" (the same first and last names, initials and middle names
        agreeing) are the fullest of them, a registered person first; a name by initials alone is
        the one spelling its first name out ("R. B. Shaw", "Robert Shaw"); where two fuller names
        disagree ("David ..." and "Douglas ..."), nobody is merged."""
        n = len(self.entries)
        by_last: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
        for i in range(n + len(self.extra)):
            e = self.entry(i)
            words = name_words(e.name)
            if (i in merged or self.kind(i) not in ("person", "unknown") or len(words) < 2
                    or title_length(e.name.split()) or chinese_surname(words[0]) or name_part(e.name.split()[-1])):
                # "Yusuf Beg" and "Yusuf Alim Beg": "Beg" is no surname
                continue
            by_last[word_key(words[-1])].append((i, words))
        for members in by_last.values():
            if len(members) < 2:
                continue
            for i, wi in members:
                if i < n or i in merged:
                    continue
                # a name by initials goes to one spelling them out only where no fuller name of that
                # one could disagree with them ("Robert Henry Shaw" beside "Robert Shaw": "R. B.
                # Shaw" stays apart)
                # (or the same names written otherwise, "H.H. Kung" and "H. H. Kung": the one found first)
                fuller = [(c, wc) for c, wc in members
                          if c != i and c not in merged and (_fuller_words(wc, wi) or (wc == wi and c < i) or (
                              _initials_of(wc, wi) and not any(_fuller_words(wd, wc) for d, wd in members if d != c)))]
                if not fuller or (self.kind(i) != "person" and not any(self.kind(c) == "person" for c, _w in fuller)):
                    continue
                best = min(fuller, key=lambda x: (x[0] >= n, -len(x[1]), -len(" ".join(x[1]))))
                if all(c == best[0] or _fuller_words(best[1], wc) for c, wc in fuller):  # the others are his names too
                    merged[i] = best[0]
                    if best[0] >= n:  # what one spelling's sentences say he is, he is under all
                        self.kinds[best[0]].update(self.kinds[i])
                        self._touched.add(best[0])
                    same = ("last name and first initial" if _initials_of(best[1], wi)
                            else "names, written otherwise" if best[1] == wi else "first and last names")
                    self.merges.append(Merge(self.entry(best[0]).id, self.entry(i).name,
                                             f"{self.entry(i).name} is {self.entry(best[0]).name}: the same {same}",
                                             self.entry(i).source, -1, -1))
        self.settle()

    def _glossed_names(self, merged: dict[int, int]) -> None:
        """A name of a body, a state, a treaty or an event in another language whose words are,
        word by word, those of one English name the registry or a document gives (etr.text.gloss:
        "Republik Ostturkestan", "Восточно-Туркестанской Республики" are the East Turkestan
        Republic; "ТРИ ОКРУГА" the Three Districts) is that one; not where two have those words."""
        from etr.text.gloss import english, gloss

        n = len(self.entries)
        by_words: dict[frozenset[str], set[int]] = defaultdict(set)
        for i in range(n + len(self.extra)):
            e = self.entry(i)
            if self.kind(i) == "person":
                continue
            for form in (e.name, *e.aliases):
                if not gloss(form) and len(words := english(form)) >= GLOSSED_WORDS:
                    by_words[words].add(i)
        for j, e in enumerate(self.extra):
            i = n + j
            if i in merged or self.kind(i) == "person":
                continue
            for words in gloss(e.name):
                targets = {merged.get(t, t) for t in by_words.get(words, ())} - {i}
                if len(words) >= GLOSSED_WORDS and len(targets) == 1:
                    t = targets.pop()
                    if alike(self.kind(i), self.kind(t)):
                        merged[i] = t
                        self.merges.append(Merge(self.entry(t).id, e.name, f"{e.name} is {self.entry(t).name}: "
                                                 "the same name in another language, word by word", e.source, -1, -1))
                    break

    def _misprinted_names(self, merged: dict[int, int]) -> None:
        """A man named in full whose surname another's spells one letter otherwise, the same first
        name before it, is he, where he is the only such: a misprint or an OCR's misreading
        ("Robert Dreeson", "Robert B. Dreesen"; "Mildred Calle", "Mildred Cable"; "Masud Sabri",
        "Masud Sabiri"); not a Chinese name, whose syllables make other men's names ("Kuo Chi-chiao",
        "Kuo Pin-chia"), nor a surname of fewer than five letters ("John Ward", "John Card")."""
        from rapidfuzz.distance import Levenshtein

        n = len(self.entries)
        by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for i in range(n + len(self.extra)):
            words = name_words(self.entry(i).name)
            if (i in merged or self.kind(i) not in ("person", "unknown") or len(words) < 2 or _initial(words[0])
                    or len(words[-1]) < MISPRINT_LEAST or chinese_surname(words[0]) or chinese_syllables(words[-1])
                    or title_length(self.entry(i).name.split())):
                continue
            by_first[word_key(words[0])].append((i, words[-1]))
        for members in by_first.values():
            for i, last in members:
                if i < n or i in merged:
                    continue
                near = [c for c, other in members if c != i and c not in merged and other != last
                        and self.kind(c) == "person" and Levenshtein.distance(other, last) == 1]
                if len(near) != 1 or (near[0] > i and near[0] >= n):
                    continue  # (of two found names, the later is the earlier's misprint)
                c = near[0]
                merged[i] = c
                self.merges.append(Merge(self.entry(c).id, self.entry(i).name,
                                         f"{self.entry(i).name} is {self.entry(c).name}: the same first name and a "
                                         "surname one letter apart, a misprint", self.entry(i).source, -1, -1))

    def _close_spellings(self, possibly: dict[int, list[tuple[int, str]]], gone: set[int]) -> None:
        """Entities found in added documents whose names are spelt nearly alike ("Mackiernan",
        "Mackiernen"), of one kind: possibly one."""
        from rapidfuzz import fuzz

        n = len(self.entries)
        by_start: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for i in range(n + len(self.extra)):
            if i in gone or (i < n and self.entries[i].type not in ("person", "place", "organisation")):
                continue
            k = key(self.entry(i).name)
            if len(k) >= 6:
                by_start[k[:2]].append((i, k))
        for group in by_start.values():
            for x, (i, ki) in enumerate(group):
                for c, kc in group[x + 1 :]:
                    if (i < n and c < n) or ki == kc or not alike(self.kind(i), self.kind(c)):
                        continue
                    if fuzz.ratio(ki, kc) >= CLOSE_SPELLING:
                        a, b = self.entry(i).name, self.entry(c).name
                        possibly[i].append((c, f"{a} and {b} are spelt nearly alike"))
                        possibly[c].append((i, f"{b} and {a} are spelt nearly alike"))

    # ------------------------------------------------------------------ what the build learnt

    def report(self) -> dict[str, Any]:
        """What the build learnt from added documents: the entities found, by kind, and every
        name taken for an entity it does not spell, with the reason and where."""
        kinds = Counter(e.type for e in self.extra)
        return {"entities": [{"id": e.id, "name": e.name, "type": e.type, "roles": list(e.roles)} for e in self.extra],
                "by_kind": dict(kinds.most_common()),
                "merges": [m._asdict() for m in self.merges]}
