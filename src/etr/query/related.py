"""`who` asked by what someone did to a named one: "who succeeded Ma Fuxing", "who commanded the
36th Division", "who preceded Ma Shaowu", "Yang Zengxin's successor".

The named one is looked up first; the answer is the one the documents link to it by the asked
relation (rules/relations.toml: its verbs, nouns and passives, read by etr.query.links as the
relation graph reads them: "Y succeeded X", "X was succeeded by Y", "Y, the successor of X"), or,
for a succession, by an infobox's "Succeeded by" and "Preceded by" lines in an article on one of
the two (the article on X: "Succeeded by Y"; the article on Y: "Preceded by X"). The one so linked
in most sentences comes first, carrying those sentences (`said_so`). Nothing is guessed: where no
sentence states the link, the question is read as any other.
"""

from __future__ import annotations

import re
from functools import cache

from etr.query.core import FactBase
from etr.query.links import relations, typed_links
from etr.text.fold import fold
from etr.text.match import Match

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

ACCEPT = 90.0  # how close the name in the question must be to a name the documents give
MOST_SENTENCES = 5000  # sentences of the named one read at most
MOST_ARTICLES = 300  # documents naming it whose infobox lines are read at most
SCORE, STEP = 99.0, 0.5  # the answer's score: below a name asked exactly
CONTEXT = re.compile(r"\s+(?:at|in|as|of|on|during|after|before|when|from)\s+.*$|\s+\d{4}s?$", re.I)
_ASKING = re.compile(r"^(?:who|whom|which\s+(?:man|person|one|general|official|leader))\s+"
                     r"(?:(?:was|were|is|had|has)\s+)?(?:(?:the|a|an)\s+)?", re.I)
_POSSESSIVE = re.compile(r"^(?P<name>.+?)['’]s\s+(?P<noun>\w+)$")


@cache
def _field(words: str) -> re.Pattern[str]:
    # "Succeeded by Ma Shaowu", "Succeeded byBao Junjian", "1916–1924 Succeeded by Ma Shaowu"
    spaced = r"\s+".join(re.escape(w) for w in words.split())
    return re.compile(rf"(?:^|(?<=\s)){spaced}\s*(?=[^\W\d_])", re.I)


class Asked:
    __slots__ = ("relation", "name", "inverse", "word")

    def __init__(self, relation: str, name: str, inverse: bool, word: str = "") -> None:
        # `word`: an office asked by its noun ("vice chairman"), which the answering sentence says
        self.relation, self.name, self.inverse, self.word = relation, name, inverse, word


def asked(q: str) -> Asked | None:
    """The relation a question asks by and the one it names: "who succeeded Ma Fuxing at Kashgar"
    -> (succeeded, "Ma Fuxing at Kashgar"); "who preceded Ma Shaowu", "Ma Shaowu's predecessor",
    "who was succeeded by Ma Shaowu" ask for the other end (`inverse`); None when the question is
    not of that shape."""
    q = re.sub(r"^(?:the|a)\s+", "", q.strip().rstrip("?").strip(), flags=re.I)
    m = _POSSESSIVE.match(q)
    if m is not None:  # "Yang Zengxin's successor", "Ma Shaowu's predecessor"
        name, noun = m.group("name"), m.group("noun")
        for rel in relations():
            if rel.noun is not None and rel.noun.fullmatch(f"{noun} of"):
                return Asked(rel.name, name, False)
            if any(w.split()[0].lower() == noun.lower() for w in rel.asked_inverse if " " in w):
                return Asked(rel.name, name, True)
        return None
    head = _ASKING.match(q)
    rest = q[head.end():] if head else q
    for rel in relations():
        for inverse in rel.asked_inverse:
            got = re.match(rf"{re.escape(inverse)}\s+(?P<by>by\s+)?(?:the\s+)?(?=\S)", rest, re.I)
            if got is not None and (head or " " in inverse):
                # "who was preceded by Ehmetjan Qasimi": the one after him
                return Asked(rel.name, rest[got.end():], got.group("by") is None)
        if head is not None and rel.passive is not None:  # "who was Jin Shuren succeeded by"
            ends = [m for m in rel.passive.finditer(rest) if m.end() == len(rest) and m.start() > 0]
            if ends:
                return Asked(rel.name, rest[: ends[0].start()].strip(), False)
        for kind in ("verb", "noun", "passive"):
            pattern = getattr(rel, kind)
            if pattern is None or (kind != "noun" and head is None):
                continue  # a verb asks only after "who" ("led the rebels" is no question)
            got = pattern.match(rest)
            if got is not None:
                name = re.sub(r"^\s*(?:the\s+)?", "", rest[got.end():])
                if name:
                    # an office asked by its noun, where the relation has several ("vice chairman of"
                    # is a leader's; "successor of" says no more than "succeeded")
                    word = re.sub(r"\s+(?:of|to)$", "", got.group(0), flags=re.I) if kind == "noun" else ""
                    word = word if len(rel.heads) > 1 else ""
                    return Asked(rel.name, name, kind == "passive", word)
    return None


def _named(fb: FactBase, name: str, exact: bool = False) -> int | None:
    """The entity the question names (its words less any trailing context: "Ma Fuxing at
    Kashgar", "the 36th Division in 1934"); with `exact`, the one a document writes so."""
    tries = [name.strip()]
    cut = CONTEXT.sub("", tries[0])
    if cut and cut != tries[0] and not exact:
        tries.append(cut)
    for t in tries:
        got = [m for m in fb.names.match(t, limit=3, exact_wins=True) if m.score >= (99.5 if exact else ACCEPT)]
        if got:
            return int(got[0].entity)
    return None


def related(fb: FactBase, q: str, allowed: list[bool]) -> tuple[list[Match], str, dict[int, list[dict[str, Any]]]]:
    """The allowed entities the documents link to the one `q` names by the relation it asks, the
    most often linked first, a note, and the sentences that link them; ([], "", {}) when `q` asks
    no relation or no sentence states one."""
    a = asked(q)
    if a is None:
        return [], "", {}
    idx = _named(fb, a.name)
    if idx is None:
        return [], "", {}
    # what the answering words must say: the office asked by its noun ("vice chairman of"), or
    # after "as" ("who succeeded Sheng Shicai as governor of Sinkiang": a governor's successor)
    office = re.search(r"\bas\s+(?:the\s+)?(?P<office>[a-z][\w-]*(?:\s+(?!(?:of|in|at|for)\b)[a-z][\w-]*)?)", a.name)
    said = [w for w in (a.word, office.group("office") if office else "") if w]
    x = fb.entities[idx]["id"]
    light = fb.entity_by_id
    rel = next(r for r in relations() if r.name == a.relation)
    found: dict[int, list[dict[str, Any]]] = {}

    def found_it(eid: str, where: dict[str, Any], context: str = "") -> None:
        i = fb.entity_index.get(eid)
        if i is None or i == idx or not allowed[i]:
            return
        cit = where if "quote" in where else fb.citation_of_sentence(where)
        if said and not all(_says(context or cit["quote"], w) for w in said):
            return
        if all(c["quote"] != cit["quote"] for c in found.setdefault(i, [])):  # a reprinted sentence once
            found[i].append(cit)

    rids = list(fb.ix.entity_rids(idx))[:MOST_SENTENCES]
    sents = fb.ix.sentences_by_rid(rids)
    fields = (_field(rel.fields[0]), _field(rel.fields[1])) if rel.fields else None
    words = [p for p in (rel.noun, rel.verb, rel.passive) if p is not None]
    for rid in rids:
        s = sents[rid]
        if not any(p.search(s["text"]) for p in words):
            continue  # no word of the relation: no link to read (most of a famous man's sentences)
        ents = [light[e] for e in dict.fromkeys(s["entities"]) if e in light]
        for subj, _rel, obj in typed_links(s["text"], ents, strict=True, only=a.relation):
            if rel.symmetric and x in (subj, obj):
                found_it(obj if subj == x else subj, s)
            elif obj == x and not a.inverse:
                found_it(subj, s)
            elif subj == x and a.inverse:
                found_it(obj, s)
    if fields is not None:
        # an article's infobox: in the article on X, "Succeeded by Y" ("Preceded by Y", asked the
        # other way) names the one asked for; in the article on another, "Preceded by X"
        # ("Succeeded by X") says its subject is
        on_x, elsewhere = fields if not a.inverse else fields[::-1]
        ours = set(_articles_on(fb, idx, {s["source"] for s in sents.values()}))
        for sid in sorted({s["source"] for s in sents.values()})[:MOST_ARTICLES]:
            for line, cit, block in _field_lines(fb, sid, on_x if sid in ours else elsewhere):
                if sid in ours:
                    got = _named(fb, line, exact=True)
                    if got is not None:
                        found_it(fb.entities[got]["id"], cit, block)
                elif _named(fb, line, exact=True) == idx:
                    for subject in _subjects(fb, sid):
                        found_it(subject, cit, block)
    if not found:
        return [], "", {}
    order = sorted(found, key=lambda i: (-len(found[i]), fb.entities[i]["name"]))
    matches = [Match(i, SCORE - STEP * k, fb.entities[i]["name"], "name") for k, i in enumerate(order)]
    side = "the one it is said of" if a.inverse else "the one said"
    note = (f"{side} to be linked to {fb.entities[idx]['name']} by '{a.relation}' in the documents' "
            "words (or an infobox's); the sentences that say so are cited")
    return matches, note, found


def _says(text: str, words: str) -> bool:
    """Whether `text` says `words` ("vice chairman": "vice-chairman" too), up to case."""
    pattern = r"[\s-]+".join(re.escape(w) for w in words.split())
    return re.search(rf"(?<!\w){pattern}", text, re.I) is not None


OFFICE_LINES = 4  # the lines above an infobox's field that name its office ("Governor of Xinjiang / In office ...")


def _field_lines(fb: FactBase, sid: str, field: re.Pattern[str]) -> list[tuple[str, dict[str, Any], str]]:
    """The infobox lines of `field` in document `sid`: (the name it gives, the line cited, the
    lines above it that name the office).
    The name less a bracket or a footnote mark ("Liu Wen-lung (劉文龍)", "Ehmetjan Qasim (as ...)[1]")."""
    text = fb.ix.source_text(sid)
    out = []
    for m in field.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start:m.start()].strip(" |") and not re.fullmatch(r"[\d\s–-]+", text[line_start:m.start()]):
            continue  # a field opens its line (after a pipe or the years of the office)
        name = re.split(r"[(\[|]", text[m.end():end])[0].strip()
        if not name:
            continue
        quote = text[m.start():end].rstrip()
        section = _section_at(fb, sid, m.start(), len(text))
        title = fb.source_names[sid][2] if sid in fb.source_names else sid
        above = "\n".join([x for x in text[max(0, line_start - 600):line_start].split("\n") if x.strip()][-OFFICE_LINES:])
        out.append((name, {"source": sid, "title": title, "section": section,
                           "start": m.start(), "end": m.start() + len(quote), "quote": quote}, above + "\n" + quote))
    return out


def _section_at(fb: FactBase, sid: str, at: int, length: int) -> str:
    """The section of document `sid` (of `length` characters) that offset `at` is in: that of the
    sentence nearest before it."""
    sents = fb.ix.sentences_at(sid, 0, at + 1)
    if sents:
        return str(max(sents, key=lambda s: s["start"])["section"])
    after = fb.ix.sentences_at(sid, at, length)
    return str(min(after, key=lambda s: s["start"])["section"]) if after else ""


def _article_names(short: str, title: str) -> set[str]:
    """What an article is called: its short name, less a bracketed word ("Wang Zhen (general)"),
    and its title's first part ("Ma Fuxing, 馬福興, Ma Fuxing Titai of Kashgar")."""
    names = {short, re.sub(r"\s*\([^()]*\)\s*$", "", short), title.split(",")[0]}
    return {fold(n) for n in names if n}


def _subjects(fb: FactBase, sid: str) -> list[str]:
    """The entity an article is about: the one whose name the article is called by."""
    names = fb.source_names
    names.fill({sid})
    if sid not in names:
        return []
    _o, short, title = names[sid]
    called = _article_names(short, title)
    for name in sorted(called):
        for m in fb.names.match(name, limit=3, exact_wins=True):
            if m.score >= 99.5 and fold(m.form) in called:
                return [str(fb.entities[m.entity]["id"])]
    return []


def _articles_on(fb: FactBase, idx: int, sids: set[str]) -> list[str]:
    """Of the documents `sids`, those called by a name of entity `idx` (its article)."""
    e = fb.entities[idx]
    forms = {fold(f) for f in (e["name"], *e.get("aliases", []))}
    names = fb.source_names
    names.fill(sids)
    return sorted(sid for sid in sids if sid in names and _article_names(names[sid][1], names[sid][2]) & forms)
