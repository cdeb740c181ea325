"""`who` and `where` for someone or somewhere asked by what the documents call them in relation to
a named one: "capital of Sinkiang Province", "Sheng Shicai's younger sister".

No name is in such a question, but a document answers it where it sets a name beside those words:
"Tihwa (pop. 50,000), the capital of Sinkiang Province, turned out thousands ...", "Sheng
Shitong, the younger sister of the ruler of Xinjiang, Sheng Shicai". The named one (Sinkiang,
Sheng Shicai) is looked up first; among the sentences that name it, those that write the
question's words after "the", "a" or a possessive and then "of" it, right after a name and its
comma (or before one), give that name; the entity of the asked kind it names is the answer, the
one so named in most sentences first. Nothing is guessed: a name no sentence sets beside the
words is no answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from etr.query.core import FactBase
from etr.text.match import Match

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

MOST_SAID = 20  # sentences kept for one answer (a capital so called in hundreds)
MOST_SENTENCES = 5000  # sentences of the named one read at most (a name of thousands of sentences)
ACCEPT = 90.0  # how close the name in the question must be to a name the documents give
# "capital of Sinkiang Province 1944", "the younger sister of Sheng Shicai": the words, then whose
_OF = re.compile(r"^(?:the\s+)?(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+of\s+(?:the\s+)?"
                 r"(?P<name>[^\W\d_].*?)(?:,?\s+(?:in\s+)?\d{4}s?)?$")
# "Sheng Shicai's younger sister"
_POSSESSIVE = re.compile(r"^(?P<name>[^\W\d_].*?)['’]s\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
                         r"(?:,?\s+(?:in\s+)?\d{4}s?)?$")
_NAME_BEFORE = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|of|de|al|ud|el))*[\w’'])"
                          r"(?:\s*\([^()]{0,40}\))?\s*,\s*$")
_NAME_AFTER = re.compile(r"\s*,?\s*(?P<name>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*)")
_SMALL = {"a", "an", "the", "his", "her", "its", "their"}


def asked(q: str) -> tuple[str, str] | None:
    """(the words, the named one) of a question of this shape, or None."""
    m = _OF.match(q) or _POSSESSIVE.match(q)
    if m is None or m.group("role").split()[0] in _SMALL:
        return None
    return m.group("role"), m.group("name")


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
    the one it names, best first, a note saying so, and for each the sentences that do (cited);
    ([], "", {}) when no sentence does."""
    shape = asked(q)
    if shape is None:
        return [], "", {}
    role, name = shape
    named = [m for m in fb.names.match(name) if m.score >= ACCEPT]
    if not named:
        return [], "", {}
    whose = named[0].entity
    e = fb.entities[whose]
    forms = sorted({_plain(f) for f in [e["name"], *e["forms"]] if len(f) >= 3}, key=len, reverse=True)
    if not forms:
        return [], "", {}
    words = r"\s+".join(map(re.escape, role.split()))
    of = re.compile(rf"(?<![\w'’-])(?:(?:the|a|an|his|her|its|their)\s+|(?P<own>[\w'’ .-]+?)['’]s\s+)"
                    rf"(?:[\w-]+\s+){{0,3}}?{words}(?:\s+of\b)?", re.I)
    rids = list(fb.ix.entity_rids(whose))[:MOST_SENTENCES]
    found: Counter[int] = Counter()
    spelled: dict[int, str] = {}
    said: dict[int, list[dict[str, Any]]] = {}
    for s in fb.ix.sentences_by_rid(sorted(set(rids))).values():
        text = s["text"]
        for m in of.finditer(text):
            own = _plain(m.group("own") or "")
            if not (any(own.endswith(f) for f in forms) if m.group("own") else
                    m.group(0).lower().endswith(" of") and _about(_plain(text[m.end() : m.end() + 120]), forms)):
                continue  # the words are about another one
            got = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if got is None and m.group("own"):
                got = _NAME_AFTER.match(text, m.end())  # "Sheng Shicai's younger sister, Sheng Shitong"
            if got is None:
                continue
            for hit in fb.names.match(got.group("name"), allowed=allowed)[:1]:
                if hit.score >= ACCEPT and hit.entity != whose and found[hit.entity] < MOST_SAID:
                    found[hit.entity] += 1
                    spelled.setdefault(hit.entity, hit.form)
                    said.setdefault(hit.entity, []).append(fb.citation_of_sentence(s))
            break  # a sentence says it once
    if not found:
        return [], "", {}
    best = found.most_common(SHOWN)
    note = f"what the documents call the {role} of {e['name']}"
    # below an exact name's score, so that the few the documents so call are all shown, most named first
    return [Match(i, FIRST - STEP * k, spelled[i], "name") for k, (i, _n) in enumerate(best)], note, said


SHOWN = 6  # at most this many answers (several men were "governor of Xinjiang")
FIRST, STEP = 99.0, 0.5
