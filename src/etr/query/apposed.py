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
from collections import Counter
from functools import cache
from typing import NamedTuple

from etr.query.core import FactBase
from etr.text.fold import unaccented
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
_NAME_AFTER_OWN = re.compile(r"\s*,?\s*(?P<name>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*)")  # "Mao's son Mao Yuanxin, a ..."
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
    return unaccented(s).lower()


def _about(after: str, forms: list[str]) -> bool:
    """Whether the text after "of" (in lower case) names the one asked about first: "of Sinkiang Province",
    "of the ruler of Xinjiang, Sheng Shicai"; not "of Gansu, on the road to Xinjiang"."""
    at = _BETWEEN.match(after)
    rest = after[at.end() if at else 0 :]
    return any(rest.startswith(f) and not rest[len(f) : len(f) + 1].isalnum() for f in forms)


def apposed(fb: FactBase, q: str, allowed: list[bool], people: bool = True
            ) -> tuple[list[Match], str, dict[int, list[dict[str, Any]]]]:
    """The entities of the allowed kinds the documents name beside the question's words about
    the one it names (or, for `people`, where it says), best first, a note saying so, and
    for each the sentences that do (cited); ([], "", {}) when no sentence does."""
    shape = asked(q)
    if shape is None or (not shape.whose and not people):
        return [], "", {}  # "city in Xinjiang": a place in a place is asked by its name
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
    # the words after "the", "a" or a possessive, a few modifiers between ("the British Consul-General";
    # not across "and": "his wife and the British Vice-Consul")
    of = re.compile(rf"(?<![\w'’-])(?:(?:the|a|an|his|her|its|their)\s+|(?P<own>(?-i:[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){{0,3}}))['’]s\s+)"
                    rf"(?:(?!(?:and|or|the|a|an|his|her|its|their|of|to|with)\b)[\w-]+\s+){{0,3}}?{words}(?:\s+of\b)?",
                    re.I)
    # "Consul Ward at Tihwa": the words as a title before a name, and the place asked after it
    titled = (re.compile(r"(?<![\w'’-])" + r"[\s-]+".join(re.escape(w[:1].upper() + w[1:]) for w in shape.role.split())
                         + r"\s+(?P<name>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*),?\s+(?:at|in|of)\s+(?:the\s+)?(?P<place>[^\W\d_][^,.;()]{0,40})")
              if not shape.whose else None)
    found: Counter[int] = Counter()
    spelled: dict[int, str] = {}
    said: dict[int, list[dict[str, Any]]] = {}
    for s in _sentences(fb, shape, whose):
        text = s["text"]
        near = _near(text, forms) if not shape.whose else []
        for m in of.finditer(text):
            own = _plain(m.group("own") or "")
            of_it = m.group(0).lower().endswith(" of")
            if shape.whose and not (any(own.endswith(f) for f in forms) if m.group("own") else
                                    of_it and _about(_plain(text[m.end() : m.end() + 120]), forms)):
                continue  # the words are about another one
            if not shape.whose and (of_it or not _close(near, m.start(), m.end(), shape)):
                continue  # "the city of Chuguchak"; words far from the place asked
            got = None
            if m.group("own") and not of_it:  # "Mao's son Mao Yuanxin, a ...", "Sin-kiang's dingy little capital, Tihua"
                after = _NAME_AFTER_OWN.match(text, m.end())
                got = after if after is not None and _CLOSES.match(text, after.end()) else None
            if got is None and (of_it or _CLOSES.match(text, m.end())):
                # "Tihwa (pop. 50,000), the capital of ...", "NIAZ BEG, YOLBARS KHAN'S eldest son, came up"
                got = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if got is None and not of_it and not m.group("own"):
                # "the American vice-consul, Douglas Mackiernan, who ..."
                after = _NAME_AFTER.match(text, m.end())
                got = after if after is not None and _CLOSES.match(text, after.end()) else None
            if got is None:
                continue
            if _offer(fb, s, got.group("name"), whose, allowed, found, spelled, said):
                break  # a sentence says it once
        else:
            for m in titled.finditer(text) if titled is not None else ():
                # "Soviet Consul General Evseev at Urumchi": the words as a title before the name, by the place
                place = _plain(m.group("place"))
                if any(place.startswith(f) for f in forms) and _offer(fb, s, m.group("name"), whose, allowed,
                                                                        found, spelled, said):
                    break
    if not found:
        return [], "", {}
    best = found.most_common(SHOWN)
    note = f"what the documents call the {shape.role} {'of' if shape.whose else 'in'} {e['name']}"
    # below an exact name's score, so that the few the documents so call are all shown, most named first
    return [Match(i, FIRST - STEP * k, spelled[i], "name") for k, (i, _n) in enumerate(best)], note, said


# what may follow a name set beside the words, or the words after a name: the end of the phrase
# ("Tihwa (pop. 50,000), the capital of Sinkiang Province, turned out ..."), not a verb ("the
# Soviet Union, the rebels quickly established ...")
_CLOSES = re.compile(r"\s*(?:[,.;:)]|\(|$|(?:of|in|at|who|which|whose)\b)")
PLACE_NEAR = 80  # characters between the words and the place asked where they are said ("in Urumqi")


def _near(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Where the sentence names the place asked (any of its forms)."""
    low = _plain(text)
    out = []
    for f in forms:
        at = low.find(f)
        while at >= 0:
            if (at == 0 or not low[at - 1].isalnum()) and not low[at + len(f) : at + len(f) + 1].isalnum():
                out.append((at, at + len(f)))
            at = low.find(f, at + 1)
    return out


def _close(near: list[tuple[int, int]], a: int, b: int, shape: Asked) -> bool:
    """Whether the words stand close to the place asked, in the sentence; a question with a
    people's word ("American vice-consul in Urumqi") may be answered anywhere in a document naming
    the place."""
    if shape.role[:1].isupper():
        return True
    return any(x - PLACE_NEAR <= b and a - PLACE_NEAR <= y for x, y in near)


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
    linked = set(s["entities"])
    for hit in fb.names.match(name):
        # one of the names the sentence was read to hold ("General MA" is the Ma it names), a
        # one-word name exactly; of the asked kind, or of none the documents made plain (the words
        # say it: "NIAZ BEG, YOLBARS KHAN'S eldest son")
        if (hit.score >= (ACCEPT if len(words) > 1 else 99.5) and hit.entity != whose
                and (allowed[hit.entity] or fb.entities[hit.entity]["type"] == "unknown")
                and fb.entities[hit.entity]["id"] in linked):
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
        docs = fb.ix.docs  # each sentence's document, by number: no sentence read to know it
        naming = {docs[r] for r in rids}
        wanted = terms(shape.role)
        post = fb.ix.postings(wanted)
        if not post or len(post) < len(set(wanted)):
            return []
        held = set.intersection(*(set(r) for _df, r in post.values()))
        rids = [r for r in sorted(held)[:MOST_SENTENCES] if docs[r] in naming]
        return list(fb.ix.sentences_by_rid(rids).values())
    return list(fb.ix.sentences_by_rid(sorted(set(rids))).values())


SHOWN = 6  # at most this many answers (several men were "governor of Xinjiang")
FIRST, STEP = 99.0, 0.5
