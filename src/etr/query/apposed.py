"""`who` and `where` for someone or somewhere asked by what the documents call them in relation to
a named one: "capital of Sinkiang Province", "Sheng Shicai's younger sister".

No name is in such a question, but a document answers it where it sets a name beside those words:
"Tihwa (pop. 50,000), the capital of Sinkiang Province, turned out thousands ...", "Sheng
Shitong, the younger sister of the ruler of Xinjiang, Sheng Shicai". The named one (Sinkiang,
Sheng Shicai) is looked up first; among the sentences that name it, those that write the
question's words after "the", "a" or a possessive and then "of" it, right after a name and its
comma (or before one), give that name; the entity of the asked kind it names is the answer, the
one so named in most sentences first. Asked where the words are ("American vice-consul in Urumqi
1949"), the sentences read are those of the documents naming the place that hold all the words,
and a name may follow them after a comma ("the American vice-consul, Douglas Mackiernan") or
as a title ("Soviet Consul General Evseev"). Nothing is guessed: a name no sentence sets beside
the words is no answer, and the question is then read as any other.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from typing import NamedTuple

from etr.query.core import FactBase
from etr.text.match import Match
from etr.text.terms import terms

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

MOST_SAID = 20  # sentences kept for one answer (a capital so called in hundreds)
MOST_SENTENCES = 5000  # sentences of the named one read at most (a name of thousands of sentences)
ACCEPT = 90.0  # how close the name in the question must be to a name the documents give
# the words: lower case, after a people's or a country's adjective ("American vice-consul")
_ROLE = r"(?P<role>(?:[A-Z][a-z]+\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
_YEAR = r"(?:,?\s+(?:in\s+)?\d{4}s?)?$"
# "capital of Sinkiang Province 1944", "the younger sister of Sheng Shicai": the words, then whose;
# "American vice-consul in Urumqi 1949": the words, then where
_OF = re.compile(rf"^(?:the\s+)?{_ROLE}\s+(?P<link>of|in|at)\s+(?:the\s+)?(?P<name>[^\W\d_].*?){_YEAR}")
# "Sheng Shicai's younger sister"
_POSSESSIVE = re.compile(rf"^(?P<name>[^\W\d_].*?)['’]s\s+{_ROLE}{_YEAR}")
_NAME_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|of|de|al|ud|el))*[\w’'])"
                          r"(?:\s*\([^()]{0,40}\))?\s*,\s*$")
_NAME_AFTER = re.compile(r"\s*,\s*(?P<name>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*)")  # "the American vice-consul, Douglas Mackiernan"
_SMALL = {"a", "an", "the", "his", "her", "its", "their"}


class Asked(NamedTuple):
    role: str  # "younger sister", "American vice-consul"
    name: str  # the one named: "Sheng Shicai", "Urumqi"
    whose: bool  # the words are about the one named ("of", "'s"), not only where they are ("in", "at")


def asked(q: str) -> Asked | None:
    """The words and the named one of a question of this shape, or None."""
    m = _OF.match(q)
    if m is not None:
        whose = m.group("link") == "of"
    else:
        m, whose = _POSSESSIVE.match(q), True
    if m is None or m.group("role").split()[0].lower() in _SMALL:
        return None
    return Asked(m.group("role"), m.group("name"), whose)


# what may stand between "of" and the named one: "the younger sister of the ruler of Xinjiang, Sheng Shicai"
_BETWEEN = re.compile(r"\s*(?:the\s+)?(?:[a-z-]+(?:\s+[a-z-]+){0,2}\s+of\s+[^,.;()]{1,40},\s+)?")


def _plain(s: str) -> str:
    """Lower case, accents off, the punctuation kept (fold drops it, and the commas count here)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def _about(after: str, forms: list[str]) -> bool:
    """Whether the text after "of" (in lower case) names the one asked about first: "of Sinkiang Province",
    "of the ruler of Xinjiang, Sheng Shicai"; not "of Gansu, on the road to Xinjiang"."""
    at = _BETWEEN.match(after)
    rest = after[at.end() if at else 0 :]
    return any(rest.startswith(f) and not rest[len(f) : len(f) + 1].isalnum() for f in forms)


def apposed(fb: FactBase, q: str, allowed: list[bool]) -> tuple[list[Match], str, dict[int, list[dict[str, Any]]]]:
    """The entities of the allowed kinds the documents name beside the question's words about
    the one it names (or in documents that name where it says), best first, a note saying so, and
    for each the sentences that do (cited); ([], "", {}) when no sentence does."""
    shape = asked(q)
    if shape is None:
        return [], "", {}
    first = shape.role.split()[0]
    if first[:1].isupper() and any(m.score >= 99.5 and fb.entities[m.entity]["type"] not in ("group", "state")
                                   for m in fb.names.match(first, exact_wins=True)):
        return [], "", {}  # "Jinghe town in Ili District": a name and its context, no people's word
    named = [m for m in fb.names.match(shape.name) if m.score >= ACCEPT]
    if not named:
        return [], "", {}
    whose = named[0].entity
    e = fb.entities[whose]
    forms = sorted({_plain(f) for f in [e["name"], *e["forms"]] if len(f) >= 3}, key=len, reverse=True)
    if not forms:
        return [], "", {}
    words = r"\s+".join(map(re.escape, shape.role.split()))
    of = re.compile(rf"(?<![\w'’-])(?:(?:the|a|an|his|her|its|their)\s+|(?P<own>[\w'’ .-]+?)['’]s\s+)"
                    rf"(?:[\w-]+\s+){{0,3}}?{words}(?:\s+of\b)?", re.I)
    titled = (re.compile(r"(?<![\w'’-])" + r"[\s-]+".join(re.escape(w[:1].upper() + w[1:]) for w in shape.role.split())
                         + r"\s+(?P<name>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*)")
              if not shape.whose else None)
    found: Counter[int] = Counter()
    spelled: dict[int, str] = {}
    said: dict[int, list[dict[str, Any]]] = {}
    for s in _sentences(fb, shape, whose):
        text = s["text"]
        for m in of.finditer(text):
            own = _plain(m.group("own") or "")
            if shape.whose and not (any(own.endswith(f) for f in forms) if m.group("own") else
                                    m.group(0).lower().endswith(" of")
                                    and _about(_plain(text[m.end() : m.end() + 120]), forms)):
                continue  # the words are about another one
            got = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if got is None and not m.group(0).lower().endswith(" of"):
                got = _NAME_AFTER.match(text, m.end())  # "Sheng Shicai's younger sister, Sheng Shitong"
            if got is None:
                continue
            if _offer(fb, s, got.group("name"), whose, allowed, found, spelled, said):
                break  # a sentence says it once
        else:
            for m in titled.finditer(text) if titled is not None else ():
                # "Soviet Consul General Evseev": the words as a title before the name
                if not shape.whose and _offer(fb, s, m.group("name"), whose, allowed, found, spelled, said):
                    break
    if not found:
        return [], "", {}
    best = found.most_common(SHOWN)
    note = f"what the documents call the {shape.role} {'of' if shape.whose else 'in'} {e['name']}"
    # below an exact name's score, so that the few the documents so call are all shown, most named first
    return [Match(i, FIRST - STEP * k, spelled[i], "name") for k, (i, _n) in enumerate(best)], note, said


def _offer(fb: FactBase, s: dict[str, Any], name: str, whose: int, allowed: list[bool], found: Counter[int],
           spelled: dict[int, str], said: dict[int, list[dict[str, Any]]]) -> bool:
    """Count the entity of the allowed kinds `name` (set beside the words in sentence `s`) names;
    whether it names one."""
    words = name.split()
    while words and _titles_words().intersection([words[0], words[0].rstrip(".")]):
        words = words[1:]  # "Consul General Evseev": the title the words run on into
    if not words:
        return False
    name = " ".join(words)
    for hit in fb.names.match(name, allowed=allowed)[:1]:
        if hit.score >= (ACCEPT if len(words) > 1 else 99.5) and hit.entity != whose:  # one word: that name
            if found[hit.entity] < MOST_SAID:
                found[hit.entity] += 1
                spelled.setdefault(hit.entity, hit.form)
                said.setdefault(hit.entity, []).append(fb.citation_of_sentence(s))
            return True
    return False


@cache
def _titles_words() -> frozenset[str]:
    """The words of titles and ranks (rules/names.toml), which open no name."""
    from etr.rules import load

    return frozenset(w for t in load("names")["titles"]["before"] for w in t.split())


def _sentences(fb: FactBase, shape: Asked, whose: int) -> list[dict[str, Any]]:
    """The sentences to read: those naming the one asked about; for where the words are ("in
    Urumqi"), those of the documents naming it that hold all the words."""
    rids = list(fb.ix.entity_rids(whose))[:MOST_SENTENCES]
    if not shape.whose:
        sources = {s["source"] for s in fb.ix.sentences_by_rid(sorted(set(rids))).values()}
        post = fb.ix.postings(terms(shape.role))
        if not post or len(post) < len(set(terms(shape.role))):
            return []
        held = set.intersection(*(set(r) for _df, r in post.values()))
        rids = sorted(held)[:MOST_SENTENCES]
        return [s for s in fb.ix.sentences_by_rid(rids).values() if s["source"] in sources]
    return list(fb.ix.sentences_by_rid(sorted(set(rids))).values())


SHOWN = 6  # at most this many answers (several men were "governor of Xinjiang")
FIRST, STEP = 99.0, 0.5
