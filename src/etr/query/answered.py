"""who/where asked as a description or a question ("town in eastern Xinjiang where the Soviet trade
mission was enlarged to five officials in 1936", "where did Acheson give his speech"): the place
or person that the sentence best answering it names nearest the words it shares with the question.

Used by etr.query.lookup when a `who` or `where` question names nothing; the answer carries the
sentence (`said_so`) and a note that says how it was found.
"""

from __future__ import annotations

import re

from etr.query.core import RELATIVE, FactBase
from etr.query.rank import query_entities, score_sentences
from etr.text.fold import fold, unaccented
from etr.text.match import Match
from etr.text.terms import STOP, terms

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

NEAR_BEST = 0.85  # the sentences read: those scoring this share of the best one, at most READ
READ = 3
BORN_READ, BORN_NEAR = 5, 0.8
ENOUGH = 0.5  # the best sentence must hold this share of the question's weight
ANSWER = 97.0  # the score the answer is shown with: below a name asked as written
BORN = 99.6  # ... and a birthplace a sentence states, above a near name of the question's words
_BORN_IN = re.compile(r"\bborn\b[^.;]{0,60}?\b(?:in|at|near)\s+(?:the\s+)?$", re.I)
_WORD = re.compile(r"[\w'’-]+")
_YEAR = re.compile(r"\d{4}s?")
_ASKING = frozenset(terms("where which town city place who whom"))


def answered(fb: FactBase, q: str, allowed: list[bool], born: bool = False
             ) -> tuple[list[Match], str, dict[int, list[dict[str, Any]]]]:
    """The entity of the allowed kinds the best sentence for q names nearest q's words, a note,
    and that sentence (cited); ([], "", {}) when no sentence answers well enough or names none.
    With `born`, the place a sentence naming the one the question names says he was born in
    ("born in Yunnan", "born at Kashgar"), and nothing else."""
    scored = score_sentences(fb, q, documents=True)
    if not scored or scored[0][0] < ENOUGH:
        return [], "", {}
    best = scored[0][0]
    # (a birthplace is read off a few more of the better sentences: the question's other words,
    # "the poet", rank others above the one that says where he was born)
    rids = [rid for score, rid in scored[:BORN_READ] if score >= BORN_NEAR * best] if born else \
        [rid for score, rid in scored[:READ] if score >= NEAR_BEST * best]
    named, covered = query_entities(fb, q)
    asked = set(named)  # what the question names is not its answer
    wanted = {t for t in terms(q) if t not in STOP}
    # the words it asks with beyond its names: the answering sentence says one of them ("where did
    # Yang Zengxin die" is not answered by a sentence that names him and Nanjing)
    # (a year is not one: the sentence's date says it, "senior instructor of the Medical Department
    # Urumqi 1942" is answered by a hospital record of 1942 that does not write the year)
    own = {t for i, w in enumerate(fold(q).split()) if i not in covered and not _YEAR.fullmatch(w)
           for t in terms(w)} & wanted - _ASKING
    sents = fb.ix.sentences_by_rid(rids)
    places = not any(allowed[i] for i, e in enumerate(fb.entities) if e["type"] == "person")
    # asked for by a relative clause ("Soviet ambassador who gave ... a dinner"): the one nearest
    # the words it is asked for by, where the answering sentence writes them
    head = RELATIVE.match(q)
    asked_by = {t for t in terms(head.group("head")) if t not in STOP} if head else set()
    texts: dict[str, str] = {}  # the documents' texts _noted has read, by source
    for rid in rids:
        s = sents[rid]
        if own and not own & set(terms(s["text"])):
            continue
        if born:
            got = _born_in(fb, s, asked, allowed)
            if got is not None:
                i, form = got
                return ([Match(i, BORN, form, "name")], "the place a sentence says the one asked about was born in",
                        {i: [fb.citation_of_sentence(s)]})
            continue
        # (and one its "he" means, whom the build linked to it by the pronoun, of whatever kind)
        told = {x for ev in s["events"] for x, how in ((fb.ix.event_out(ev) or {}).get("via") or {}).items()
                if how.startswith("pronoun")} if not places else set()
        cands = [fb.entity_index[x] for x in s["entities"]
                 if x in fb.entity_index and x not in asked and (allowed[fb.entity_index[x]] or x in told)]
        if not cands and not places:
            # a name of no known kind, when the sentence names no one of the asked kinds: a person
            # asked by what he did or said ("friend who called Ziya Samedi the most influential
            # Uyghur writer": "..., Dolkun Yasin, a famous Uyghur writer and close friend")
            # (of two words or more, as a man's name is: not "Eurasia", an airline)
            cands = [fb.entity_index[x] for x in s["entities"] if x in fb.entity_index
                     and x not in asked and fb.entities[fb.entity_index[x]]["type"] == "unknown"
                     and len(fb.entities[fb.entity_index[x]]["name"].split()) >= 2]
        if not cands:
            continue
        near = asked_by & set(terms(s["text"])) if asked_by else set()
        got = _nearest(fb, s["text"], cands, near or wanted, places,
                       {fb.entity_index[x] for x in told if x in fb.entity_index}, _noted(fb, s, cands, texts))
        if got is None:
            continue
        i, form = got
        note = "named in the sentence that best answers the question, nearest its words"
        return [Match(i, ANSWER, form, "name")], note, {i: [fb.citation_of_sentence(s)]}
    return [], "", {}


def _born_in(fb: FactBase, s: dict[str, Any], asked: set[str], allowed: list[bool]) -> tuple[int, str] | None:
    """The allowed place sentence `s` says was the birthplace ("born in", "born at") of one the
    question names, which the sentence names too; None when it says no such thing."""
    if not asked & set(s["entities"]):
        return None
    text = s["text"]
    low = unaccented(text).lower()
    for x in s["entities"]:
        i = fb.entity_index.get(x)
        if i is None or x in asked or not allowed[i]:
            continue
        for m in _mentions(fb, i, low):
            if _BORN_IN.search(low, max(0, m.start() - 80), m.start()):
                return i, text[m.start() : m.end()]
    return None


def _mentions(fb: FactBase, i: int, low: str) -> Iterator[re.Match[str]]:
    """Where `low` (a sentence, unaccented, in lower case) writes entity i by any of its forms,
    the longest forms first."""
    e = fb.entities[i]
    for f in sorted({f for f in [e["name"], *e.get("forms", {}), *e.get("aliases", [])] if len(f) >= 3},
                    key=len, reverse=True):
        # (a footnote's mark may be run on: "Communications31")
        yield from re.finditer(rf"(?<![\w'’-]){re.escape(unaccented(f).lower())}(?=(?:\d{{1,3}})?(?![\w'’-]))", low)


_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
_MARK = re.compile(r"[a-z]{3,}(\d{1,3})(?=[\s.,;:)]|$)")  # a footnote's mark run on to the word it glosses
_PRONOUN = re.compile(r"(?<![\w'’-])(?:he|she|him|his|her)(?![\w'’-])")


def _noted(fb: FactBase, s: dict[str, Any], cands: list[int], texts: dict[str, str]) -> set[int]:
    """The candidates a note at the foot of the sentence's document names ("  1. N. V.
    Roschin."), where the sentence carries a note's mark run on to a word; `texts`, the
    documents' texts read so far (each is read once for all its sentences)."""
    if not _MARK.search(unaccented(s["text"]).lower()):
        return set()
    if s["source"] not in texts:
        texts[s["source"]] = fb.ix.source_text(s["source"])
    text = texts[s["source"]]
    out = set()
    for i in cands:
        e = fb.entities[i]
        forms = sorted({f for f in [e["name"], *e.get("forms", {})] if len(f) >= 3}, key=len, reverse=True)
        if any(re.search(rf"(?m)^\s*(?:Footnote\s+)?\d{{1,3}}[.:]\s+{re.escape(f)}", text) for f in forms):
            out.add(i)
    return out


def _nearest(fb: FactBase, text: str, cands: list[int], wanted: set[str], places: bool,
             told: frozenset[int] | set[int] = frozenset(), noted: set[int] | None = None) -> tuple[int, str] | None:
    """The candidate whose mention in `text` stands nearest the question's words there (its
    index and the form the text writes), the first named when the text holds none of them; for
    `places`, not one before a word of the question, which it qualifies ("the northwestern China
    joint defense conference held in Guangzhou": Guangzhou, not China)."""
    low = unaccented(text).lower()
    at_words: dict[str, list[int]] = {}
    for m in _WORD.finditer(low):
        for t in terms(m.group(0)):
            if t in wanted:
                at_words.setdefault(t, []).append(m.start())
    best: tuple[float, int, int, str] | None = None
    mentioned = {i: list(_mentions(fb, i, low)) for i in cands}
    # the ones a footnote names, linked by its mark run on to a word ("Soviet Ambassador30" with
    # "1. N. V. Roschin." at the foot): the marks no mention ends at, in order, are theirs, where
    # they are as many as the ones a note names that the sentence does not
    ends = {m.end() for ms in mentioned.values() for m in ms}
    marks = [m for m in _MARK.finditer(low) if m.start(1) not in ends]
    unnamed = [i for i in cands if not mentioned[i] and i in (noted or set())]
    if marks and len(unnamed) == len(marks):  # (one more is the writer or another: no pairing)
        for i, m in zip(unnamed, marks, strict=True):
            mentioned[i] = [m]
    for i in cands:
        said = mentioned[i]
        if not said and (i in told or fb.entities[i]["type"] == "person"):
            # a man the sentence names by a pronoun, which the build linked to him ("When the
            # Russians took control ..., he was held prisoner for 13 months"): where the pronoun is
            said = list(_PRONOUN.finditer(low))[:1]
        for m in said:
            # (from the nearer end of the name: "Burhan Shahidi, who acted as interpreter, said
            # that Ahmetjan ...": Burhan is nearer "interpreter" than Ahmetjan)
            far = (sum(min(min(abs(m.start() - p), abs(m.end() - p)) for p in ps) for ps in at_words.values())
                   / len(at_words) if at_words else 0.0)
            nxt = _NEXT_WORD.match(low, m.end())
            if places and nxt is not None and set(terms(nxt.group(1))) & wanted:
                continue
            form = text[m.start() : m.end()] if m.re not in (_PRONOUN, _MARK) else fb.entities[i]["name"]
            key = (far, m.start(), i, form)
            if best is None or key[:2] < best[:2]:
                best = key
    return (best[2], best[3]) if best is not None else None
