"""Finding registry names in sentences, and names nobody registered.

Names are matched on folded word tokens (case, diacritics and possessives handled: "Sheng
Shicai's", "Elihan Töre"), longest first. A capitalised registry form only matches capitalised
text, so "Ma" and "Sung" never match "ma" or "sung". Short forms that several entries share
("Ma", "Mao", "Zhang") go to the nearest full mention of one of them earlier in the same
document, never to a guess from another document. Imports etr.names and build.registry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, NamedTuple

from etr.ingest.registry import Entry
from etr.text.fold import FOLD_TABLE, tokens

_GAP = re.compile(r"[\s\-–'’.,(]{0,3}")  # "Liu Bin-Di", "Treaty of Friendship, Alliance", "War (1937"


class Mention(NamedTuple):
    """A registry name found in a text. (Named tuples: quick to make and to pickle, and a build
    makes some 130,000 of them per 1,000 documents.)"""

    start: int
    end: int
    text: str
    entity: int | None  # index into the entries; None when unresolved
    kind: str  # name | alias | variant | short
    candidates: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Form:
    entity: int
    kind: str
    capitalised: bool


_QUALIFIED = re.compile(r"(.+?)\s+\([^()]+\)")  # "Xinjiang War (1937)"


def _regions(entries: Sequence[Entry]) -> list[tuple[tuple[str, ...], _Form]]:
    """The forms of each registered region whose name is a compass word and another registered
    place's name ("Southern Xinjiang"): the compass word, in either case, before each of that
    place's names, aliases and variants ("southern Sinkiang"); (key, form), never capitalised."""
    from etr import rules

    compass = {w.lower() for w in rules.load("names")["places"]["compass"]}
    places: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.type == "place":
            places.setdefault(e.name, i)
    out = []
    for i, e in enumerate(entries):
        first, _, rest = e.name.partition(" ")
        base = places.get(rest)
        if e.type != "place" or first.lower() not in compass or base is None or base == i:
            continue
        b = entries[base]
        for spelling in (b.name, *b.aliases, *b.variants):
            key = tuple(t[2] for t in tokens(f"{first} {spelling}"))
            out.append((key, _Form(i, "variant", False)))
    return out


def _treaty_descriptions(entries: Sequence[Entry]) -> list[tuple[tuple[str, ...], int, frozenset[str]]]:
    """The descriptions in small letters of each registered treaty whose names say its parties and
    what it is (rules/names.toml [treaties]): "non aggression pact", "treaty of non aggression"
    (of the "Sino-Soviet Non-Aggression Pact"), "treaty of friendship and alliance" ...; (key, the
    treaty, its parties). A description two treaties share is neither's."""
    kinds, side_of = _treaty_words()
    found: dict[tuple[str, ...], set[tuple[int, frozenset[str]]]] = {}
    for i, e in enumerate(entries):
        if e.type != "treaty":
            continue
        forms = [[t[2] for t in tokens(f)] for f in (e.name, *e.aliases, *e.variants)]
        sides = frozenset(side_of[w] for words in forms for w in words if w in side_of)
        if len(sides) < 2:
            continue
        for words in forms:
            rest = [w for w in words if w not in side_of and w != "the"]
            if len(rest) < 2 or any(w.isdigit() for w in rest):
                continue
            if rest[0] in kinds and len(rest) > 2 and rest[1] == "of":  # "Treaty of Friendship and Alliance"
                what = tuple(rest[2:])
            elif rest[-1] in kinds:  # "Non-Aggression Pact"
                what = tuple(rest[:-1])
            else:
                continue
            if not what or any(w in kinds or w == "of" for w in what):
                continue
            for kind in kinds:
                for key in ((*what, kind), (kind, "of", *what)):
                    found.setdefault(key, set()).add((i, sides))
    return [(key, *next(iter(got))) for key, got in found.items() if len({i for i, _s in got}) == 1]


@lru_cache(maxsize=1)
def _treaty_words() -> tuple[tuple[str, ...], dict[str, str]]:
    """The words for a treaty's kind, and each word for a party -> that party (rules/names.toml
    [treaties]: "sino" -> china, "russo" -> soviet)."""
    from etr import rules

    r = rules.load("names")["treaties"]
    return tuple(r["kinds"]), {w: side for side, words in r["parties"].items() for w in words}


class Linker:
    """Every registry name form, indexed by its folded word tokens."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        self.forms: dict[tuple[str, ...], list[_Form]] = {}
        for i, e in enumerate(entries):
            kinds = [("name", e.name)] + [("alias", a) for a in e.aliases]
            kinds += [("variant", v) for v in e.variants] + [("short", s) for s in e.short_forms]
            for kind, form in kinds:
                key = tuple(t[2] for t in tokens(form))
                if not key:
                    continue
                cap = form[:1].isupper() or not form[:1].isalpha()
                self.forms.setdefault(key, []).append(_Form(i, kind, cap))
        # a region named by a compass word and a registered place ("Southern Xinjiang") is written
        # with that word in lower case and the place in any of its spellings: "southern Sinkiang",
        # "southern Hsinkiang"
        for key, region in _regions(entries):
            if all(f.entity == region.entity for f in self.forms.get(key, ())):  # no other entity's form
                self.forms.setdefault(key, []).append(region)
        # a treaty described in small letters ("a non-aggression treaty"), where its sentence says
        # whose (_whose)
        self.treaty_sides: dict[int, frozenset[str]] = {}
        for key, i, sides in _treaty_descriptions(entries):
            if all(f.entity == i for f in self.forms.get(key, ())):  # (its own name too, in capitals)
                self.forms.setdefault(key, []).append(_Form(i, "description", False))
                self.treaty_sides[i] = sides
        # a name with a bracketed qualifier is also written without it ("Soviet invasion of Xinjiang
        # (1934)": an article's "The Soviet invasion of Xinjiang"), where no other name is so written
        bare: dict[tuple[str, ...], list[int]] = {}
        for i, e in enumerate(entries):
            m = _QUALIFIED.fullmatch(e.name)
            if m is not None:
                key = tuple(t[2] for t in tokens(m.group(1)))
                if len(key) > 1 and key not in self.forms:
                    bare.setdefault(key, []).append(i)
        for key, ids in bare.items():
            if len(ids) == 1:
                self.forms[key] = [_Form(ids[0], "variant", True)]
        lengths: dict[str, set[int]] = {}
        for key in self.forms:
            lengths.setdefault(key[0], set()).add(len(key))
        # first word -> the lengths of the forms starting with it, longest first
        self.lengths = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}
        self.pattern = _trie_pattern(self.forms)
        # a person's given names: the first words of the names of two words and more given him
        # ("Ehmetjan" of "Ehmetjan Qasimi"), so that a given name before another surname is read
        # as a man's name whole (etr.ingest.discover.continued)
        self.given: dict[int, frozenset[str]] = {}
        for i, e in enumerate(entries):
            if e.type == "person":
                firsts = frozenset(f.split()[0] for f in (e.name, *e.aliases, *e.variants) if len(f.split()) >= 2)
                if firsts:
                    self.given[i] = firsts
        self._inner: dict[tuple[tuple[str, ...], int], list[list[tuple[int, int]]]] = {}
        self._decisions: dict[tuple[tuple[str, ...], bool], tuple[int | None, str, tuple[int, ...], bool]] = {}
        # words of the names that can be found inside a longer name (see _nested)
        self.inner_words = {w for key, fs in self.forms.items() for w in key
                            if any(f.kind in ("name", "alias") and entries[f.entity].type in NESTED_TYPES for f in fs)}

    def find_all(self, text: str, spans: Sequence[tuple[int, int]]) -> list[list[Mention]]:
        """`find` for each (start, end) span of one document, all at once.

        One compiled pattern of every form (a character trie, so the regex engine, not Python,
        walks the text) finds where a registry name starts; Python then checks only those places.
        A text whose word characters do not fold one-for-one ("ß" -> "ss") takes `find`'s path;
        tests/test_build.py checks that both paths find the same names.
        """
        folded = _fold_same_length(text)
        if folded is None:
            return [self.find(text, a, b) for a, b in spans]
        search = self.pattern.search
        out = []
        for a, b in spans:
            found: list[Mention] = []
            pos = a
            while True:
                m = search(folded, pos, b)
                if m is None:
                    break
                s, e = m.span()
                key = tuple(_WORD.findall(folded, s, e))
                if len(key) > 1 and self._hides_longer(text, folded, s, e, b):
                    pos = _WORD.search(folded, s, e).end()  # type: ignore[union-attr]
                    continue
                if self._emit(text, s, e, key, found, partial(_words_at, folded, s, e)):
                    pos = e
                    continue
                # the longest form here is written in lower case where it must be capitalised:
                # try the shorter forms starting at the same word, as `find` does
                toks = _words_at(folded, s, b)
                n = self._at(text, toks, 0, found)
                pos = toks[n - 1][1] if n else toks[0][1]
            out.append(self._whose(text, a, b, found))
        return out

    def _whose(self, text: str, a: int, b: int, found: list[Mention]) -> list[Mention]:
        """`found` less each treaty described in small letters ("a non-aggression treaty") where
        its sentence text[a:b] does not say whose it is: the parties' words just before it
        ("the Soviet-Chinese non-aggression pact"; another pair's, "German-Soviet", says it is
        another), else a word of each party in the sentence ("the Chinese Government signed
        with the Soviet Government a non-aggression treaty")."""
        if not any(m.kind == "description" for m in found):
            return found
        side_of = _treaty_words()[1]
        said = {side_of[w] for w in _WORD.findall(text[a:b].replace(".", "").lower()) if w in side_of}
        out = []
        for m in found:
            if m.kind == "description" and m.entity is not None:
                sides = self.treaty_sides[m.entity]
                pair = _PAIR_BEFORE.search(text[max(a, m.start - 30) : m.start].lower())
                named = {side_of.get(pair.group(1)), side_of.get(pair.group(2))} if pair is not None else set()
                # (the parties a phrase after it names, "a non-aggression pact with Germany",
                # "... between the USSR and china": those of another pact, or of this one)
                partner = _PARTNERS_AFTER.match(text[m.end : min(b, m.end + 60)].replace(".", "").lower())
                partners = {side_of.get(w) for w in partner.groups() if w} if partner is not None else set()
                if (named - {None} and named != sides) or (not named - {None} and not sides <= said) \
                        or (partners - {None}) - sides:
                    continue
            out.append(m)
        return out

    def _hides_longer(self, text: str, folded: str, s: int, e: int, b: int) -> bool:
        """Whether a short form found at s ("The Treaty") hides a longer name of its own that
        starts at its second word and runs past it ("Treaty of Friendship and Alliance")."""
        key = tuple(_WORD.findall(folded, s, e))
        if self._decide(key, text[s].isupper() or not text[s].isalpha())[1] != "short":
            return False
        second = _WORD.search(folded, s, e)
        nxt = _WORD.search(folded, second.end(), e) if second else None
        if nxt is None:
            return False
        m = self.pattern.match(folded, nxt.start(), b)
        if m is None or m.end() <= e:
            return False
        kind = self._decide(tuple(_WORD.findall(folded, m.start(), m.end())), text[m.start()].isupper())[1]
        return kind not in ("", "short")

    def find(self, text: str, start: int, end: int) -> list[Mention]:
        """Registry name forms in text[start:end], longest match first, not overlapping."""
        toks = [(start + a, start + b, f) for a, b, f in tokens(text[start:end])]
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            i += self._at(text, toks, i, out) or 1
        return self._whose(text, start, end, out)

    def _decide(self, key: tuple[str, ...], capitalised: bool) -> tuple[int | None, str, tuple[int, ...], bool]:
        """What a match of `key` links to, written capitalised or not: (entity, kind, candidates,
        whether names may hide inside it); kind "" when no form of `key` fits that writing."""
        got = self._decisions.get((key, capitalised))
        if got is not None:
            return got
        fit = [f for f in self.forms[key] if capitalised or not f.capitalised]
        strong = [f for f in fit if f.kind != "short"]
        if strong:
            best = min(strong, key=lambda f: ("name", "alias", "variant", "description").index(f.kind))
            got = (best.entity, best.kind, (), len(key) > 1 and any(w in self.inner_words for w in key))
        elif fit:
            got = (None, "short", tuple(sorted({f.entity for f in fit})), False)
        else:
            got = (None, "", (), False)
        self._decisions[(key, capitalised)] = got
        return got

    def _emit(self, text: str, s: int, e: int, key: tuple[str, ...], out: list[Mention],
              toks: Callable[[], list[tuple[int, int, str]]]) -> bool:
        """Add the mention of `key` at text[s:e] (and the names inside it) to `out`, if some form
        of `key` fits the way it is written there; `toks` gives its words when they are needed."""
        first = text[s]
        entity, kind, cands, nested = self._decide(key, first.isupper() or not first.isalpha())
        if not kind:
            return False
        out.append(Mention(s, e, text[s:e], entity, kind, cands))
        if nested and entity is not None and any(self._inner_options(key, entity)):
            out.extend(self._nested(text, toks(), entity))
        return True

    def _at(self, text: str, toks: list[tuple[int, int, str]], i: int, out: list[Mention]) -> int:
        """The longest fitting form starting at token i, added to `out`; its length in tokens, or 0."""
        for n in self.lengths.get(toks[i][2], ()):
            if n > len(toks) - i:
                continue
            key = tuple(t[2] for t in toks[i : i + n])
            if key not in self.forms:
                continue
            if n > 1 and not all(_GAP.fullmatch(text[toks[j][1] : toks[j + 1][0]]) for j in range(i, i + n - 1)):
                continue
            if n > 1 and self._strong_after(text, toks, i, n):
                return 0  # "The Treaty" (a short form) hides "Treaty of Friendship and Alliance"
            if self._emit(text, toks[i][0], toks[i + n - 1][1], key, out, lambda: toks[i : i + n]):  # noqa: B023 - used at once
                return n
        return 0

    def _strong_after(self, text: str, toks: list[tuple[int, int, str]], i: int, n: int) -> bool:
        """Whether the form of tokens i..i+n is a short form and a name of its own (no short form)
        starts at token i+1 and runs past it: `_hides_longer` on `find`'s path."""
        key = tuple(t[2] for t in toks[i : i + n])
        if self._decide(key, text[toks[i][0]].isupper() or not text[toks[i][0]].isalpha())[1] != "short":
            return False
        j = i + 1
        for m in self.lengths.get(toks[j][2], ()):
            if j + m <= len(toks) and j + m > i + n:
                other = tuple(t[2] for t in toks[j : j + m])
                if other in self.forms and all(_GAP.fullmatch(text[toks[x][1] : toks[x + 1][0]]) for x in range(j, j + m - 1)) \
                        and self._decide(other, text[toks[j][0]].isupper())[1] not in ("", "short"):
                    return True
        return False

    def _nested(self, text: str, toks: list[tuple[int, int, str]], outer: int) -> list[Mention]:
        """People and places named inside a longer name: "Dihua airport", "Peng Dehuai's notes"."""
        options = self._inner_options(tuple(t[2] for t in toks), outer)
        out: list[Mention] = []
        if not any(options):
            return out
        i = 0
        while i < len(toks):
            for n, entity in options[i]:
                s, e = toks[i][0], toks[i + n - 1][1]
                if text[s:s + 1].isupper():
                    out.append(Mention(s, e, text[s:e], entity, "nested"))
                    i += n - 1
                    break
            i += 1
        return out

    def _inner_options(self, key: tuple[str, ...], outer: int) -> list[list[tuple[int, int]]]:
        """For each word of `key`: (length, entity) of the inner names starting there, longest first."""
        got = self._inner.get((key, outer))
        if got is None:
            got = []
            for i in range(len(key)):
                here = []
                for n in range(len(key) - i - (1 if i == 0 else 0), 0, -1):
                    inner = [f for f in self.forms.get(key[i : i + n], []) if f.kind in ("name", "alias")
                             and f.entity != outer and self.entries[f.entity].type in NESTED_TYPES]
                    if inner:
                        here.append((n, inner[0].entity))
                got.append(here)
            self._inner[(key, outer)] = got
        return got


NESTED_TYPES = {"person", "place"}
_WORD = re.compile(r"\w+")
_PARTNERS_AFTER = re.compile(r"\s+(?:with|between)\s+(?:the\s+)?(\w+)(?:\s+and\s+(?:the\s+)?(\w+))?")
_PAIR_BEFORE = re.compile(r"(\w+)[-‐–](\w+)\s+$")  # "Soviet-Chinese " before a treaty's description
_GAP_CLASS = r"[\s\-–'’.,(]{1,3}"  # _GAP between two words, which cannot be empty


def _words_at(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The words of folded[start:end], with their offsets (as `tokens` gives them)."""
    return [(x.start(), x.end(), x.group()) for x in _WORD.finditer(folded, start, end)]


def _trie_pattern(forms: dict[tuple[str, ...], list[_Form]]) -> re.Pattern[str]:
    """One regex matching any form's words (separated as _GAP allows), longest first."""
    trie: dict[str, Any] = {}
    for key in forms:
        node = trie
        for ch in "\0".join(key):
            node = node.setdefault(ch, {})
        node[""] = {}

    def alt(node: dict[str, Any]) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = _GAP_CLASS if ch == "\0" else re.escape(ch)
            branches.append(piece + alt(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    # a name ends at a word's end, or where a footnote marker is glued on ("General Sung17")
    return re.compile(r"(?<!\w)" + alt(trie) + r"(?:(?!\w)|(?<=[^\W\d_])(?=\d{1,3}(?!\w)))")


def _fold_same_length(text: str) -> str | None:
    """`text` with each word character folded as `tokens` folds it, offsets kept; None when
    some word character folds to anything but one word character."""
    if text.isascii():
        return text.lower()
    table: dict[int, str] = {}
    for ch in set(text):
        if ch.isascii():
            table[ord(ch)] = ch.lower()
        elif _WORD.match(ch):
            f = FOLD_TABLE[ord(ch)]
            if len(f) != 1 or not _WORD.match(f):
                return None
            table[ord(ch)] = f
    return text.translate(table)


def resolve_short_forms(mentions: list[Mention], prefer: Callable[[Mention], int | None] | None = None,
                        ) -> list[Mention]:
    """Give each short form the nearest earlier full mention of one of its candidates.

    `mentions` are one document's, in order. A short form with no full mention of any candidate
    earlier in the document takes the only candidate mentioned in full anywhere in it, or the one
    `prefer` picks (the event whose years the text states around it); failing that it stays
    unresolved.
    """
    full_anywhere = {m.entity for m in mentions if m.entity is not None}
    last_full: dict[int, int] = {}
    out = []
    for pos, m in enumerate(mentions):
        if m.entity is not None:
            last_full[m.entity] = pos
            out.append(m)
            continue
        seen = [(last_full[c], c) for c in m.candidates if c in last_full]
        if seen:
            out.append(Mention(m.start, m.end, m.text, max(seen)[1], "short", m.candidates))
            continue
        later = [c for c in m.candidates if c in full_anywhere]
        if len(later) == 1:
            out.append(Mention(m.start, m.end, m.text, later[0], "short", m.candidates))
        elif len(m.candidates) == 1 and m.text[:1].islower():
            # a lower-case short form only one entry has ("the three districts"): that entry
            out.append(Mention(m.start, m.end, m.text, m.candidates[0], "short", m.candidates))
        elif prefer is not None and (best := prefer(m)) is not None:
            out.append(Mention(m.start, m.end, m.text, best, "short", m.candidates))
        else:
            out.append(m)
    return out
