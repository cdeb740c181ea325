"""Ranking sentences for free text: BM25 over the index's postings, names counted as entities,
neighbouring sentences and question words (`when did ...`, `how many ...`) lending weight."""

from __future__ import annotations

import re
from functools import cache

from etr.query.core import FactBase
from etr.store.index import HAS_DIGIT, HAS_EVENTS, IMPLIED, NAMES_PERSON, NAMES_PLACE
from etr.text.fold import fold
from etr.text.terms import STOP, terms

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NEIGHBOURED = 300  # sentences whose neighbours are read for context when ranking  # a registry date of the event the query names outranks a weak word match


ENTITY_IDF = 1.5  # a name, as one term of its entity's sentence frequency, weighs more than a word of that rarity


QUESTION_CUES = {
    "how many": "number", "how much": "number", "how long": "number", "how far": "number",
    "when": "date", "what year": "date",
    "what date": "date", "who": "person", "where": "place",
}


def query_entities(fb: FactBase, q: str) -> tuple[dict[str, tuple[float, list[str]]], set[int]]:
    """Entities the words of q name, weighted by how rare their words are, and the word
    positions those names cover (which then do not count again as plain words)."""
    words = fold(q).split()
    idf = fb.ix.idf(terms(q))
    found: dict[str, tuple[float, list[str]]] = {}
    covered: set[int] = set()
    for n in range(min(6, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            if any(j in covered for j in range(i, i + n)):
                continue
            gram = " ".join(words[i : i + n])
            if gram in STOP or len(gram) < 2:
                continue
            hits = fb.names.by_form.get(gram, [])
            if not hits:
                continue
            gram_terms = terms(gram)
            weight = sum(idf.get(t, 2.0) for t in gram_terms) or 2.0
            for e in hits:
                eid = fb.entities[e.entity]["id"]
                share = 0.5 if e.kind == "short" else 1.0
                if eid not in found or found[eid][0] < max(2.0, weight) * share:
                    found[eid] = (max(2.0, weight) * share, gram_terms)
            covered.update(range(i, i + n))
    roles = _roles(fb)
    for n in range(min(4, len(words)), 1, -1):  # "the Soviet consul general": whoever holds that office
        for i in range(len(words) - n + 1):
            if any(j in covered for j in range(i, i + n)):
                continue
            holders = roles.get(" ".join(words[i : i + n]))
            if not holders or len(holders) > ROLE_HOLDERS:
                continue
            gram_terms = terms(" ".join(words[i : i + n]))
            weight = 0.7 * max(2.0, sum(idf.get(t, 2.0) for t in gram_terms))
            for eid in holders:
                if eid not in found or found[eid][0] < weight:
                    found[eid] = (weight, gram_terms)
            covered.update(range(i, i + n))
    return found, covered


# a sentence shorter than this many terms is weighed as if this long: BM25 lifts a short line far
# ("UnitKashgar Garrison", "Garrison: Xinjiang, later Yunnan" over the sentence that says why the
# garrison was there); measured on the real corpus's questions (bench/README.md): 1 -> 6 terms,
# search MRR 0.537 -> 0.542, nothing answered lost
SHORTEST = 6
# how much a sentence's length counts against it (BM25's b): a search answers with the sentence
# that says most of what the question asks, and long sentences of telegrams and memoirs say it
# among other things; `when` weighs the sentence that states the event, short and to the point.
# Measured on the real corpus's questions (bench/README.md): search at b 0.2-0.35 answers 128-130
# of 185 in the top five, at 0.75 123; `when` at 0.3 loses four it answers at 0.75
LENGTH_WEIGHT = {True: 0.3, False: 0.75}
# what a word of the query in a neighbouring sentence of the paragraph counts for, by its rarity:
# less in a search, whose sentences' own words now count more for long ones (0.1 answers 130 in
# the top five, 0.25 128, and a sentence no longer outranks its neighbour with the rare word
# asked: "invited to a banquet" in an article on Yang Zengxin)
NEIGHBOUR_WEIGHT = {True: 0.1, False: 0.25}
ROLE_HOLDERS = 5  # an office many hold names none of them
GENERATED = 15_000  # postings read to choose the sentences to score (see score_sentences)
DOCUMENT = 0.2  # what a word of the query counts for when the sentence's document has it and the sentence does not
NEAR_FORM = 0.6  # what another form of a query's word counts for, against the word itself
NEAR = "~"  # marks such a form among a sentence's terms
_ROLES: dict[int, dict[str, list[str]]] = {}


def _roles(fb: FactBase) -> dict[str, list[str]]:
    """Folded office -> the entities the documents give it ("consul general": Evseef), the office
    alone as well as with its place ("Consul General at Peiping")."""
    got = _ROLES.get(id(fb))
    if got is None:
        import re

        got = {}
        for e in fb.entities:
            for role in e.get("roles") or ():
                for form in {fold(role), fold(re.split(r"\s+(?:at|of|in|for)\s+", role)[0])}:
                    if " " in form:
                        got.setdefault(form, []).append(e["id"])
        _ROLES.clear()
        _ROLES[id(fb)] = got
    return got


MISTYPED_LEAST = 6  # letters a query's word (as a term) needs to be read as another a letter off
MISTYPED_FORM = 0.45  # ... and what that other counts for ("literacy" is no typo of "literary")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_off(t: str) -> set[str]:
    """The words one letter off `t`: one left out, put in, changed, or two swapped."""
    cut = [(t[:i], t[i:]) for i in range(len(t) + 1)]
    return ({a + b[1:] for a, b in cut if b} | {a + b[1] + b[0] + b[2:] for a, b in cut if len(b) > 1}
            | {a + c + b[1:] for a, b in cut if b for c in _LETTERS} | {a + c + b for a, b in cut for c in _LETTERS}) - {t}


def score_sentences(fb: FactBase, q: str, documents: bool = False) -> list[tuple[float, int]]:
    """(score, sentence row id) of every sentence that shares a word or an entity with q,
    best first. Works on the index's postings and per-sentence arrays only: no sentence is
    read until the caller knows which ones it shows.

    With `documents`, a word or a name of the query that the sentence lacks and its document
    has counts for a little (DOCUMENT): an answer often leaves out what its document is about
    (the memoir's traveller, the article's subject). `when` leaves it out: a date is answered by
    the sentence that states the event, not by its neighbours in the document."""
    qents, covered = query_entities(fb, q)
    words = fold(q).split()
    rest = " ".join(w for i, w in enumerate(words) if i not in covered)
    qt = list(dict.fromkeys(terms(rest)))
    if not qt and not qents:
        return []
    ix = fb.ix
    wanted = set(qt) | {t for _w, gram in qents.values() for t in gram}
    post = ix.postings([*wanted, *(IMPLIED + t for t in wanted)])
    idf = {t: ix.idf_of(df) for t, (df, _r) in post.items() if not t.startswith(IMPLIED)}
    implied = {t: set(post[IMPLIED + t][1]) for t in wanted if IMPLIED + t in post}
    tf: dict[int, dict[str, int]] = {}
    # the sentences worth scoring are those with one of the query's rarer words: its words, rarest
    # first, until their postings pass GENERATED; the commoner words count only in those (at
    # 10,000 documents "how did the soviet government help the rebels" scored 226,000 sentences)
    by_rarity = sorted((t for t in wanted if t in post), key=lambda t: post[t][0])
    generating: list[str] = []
    read = 0
    for t in by_rarity:
        if generating and read + len(post[t][1]) > GENERATED:
            break
        generating.append(t)
        read += len(post[t][1])
    for t in generating:
        for rid in post[t][1]:
            d = tf.get(rid)
            if d is None:
                tf[rid] = {t: 1}
            else:
                d[t] = d.get(t, 0) + 1
    common = [t for t in by_rarity if t not in generating]
    # a word of the query the stemmer left apart from the documents' form of it ("emigres",
    # "emigrants"): the other form counts, at its own rarity and for less, in sentences without
    # the query's own (as a term of its own, "~emigrant")
    near = {t: others for t in qt if (others := ix.near_terms(t))}
    mistyped: set[str] = set()  # forms a letter off a word no document writes: another word as often as a typo
    for t in qt:
        if t not in post and len(t) >= MISTYPED_LEAST:
            # a word no document writes, a letter off one they do ("strangeled": "strangled")
            off = ix.known_terms(_one_off(t))
            if off:
                near[t] = sorted({*near.get(t, ()), *off})
                mistyped.update(off)
    forms: list[str] = []
    if near:
        more = ix.postings({u for others in near.values() for u in others})
        for t, others in near.items():
            for u in others:
                if u not in more or (t in post and more[u][0] > post[t][0]):
                    continue  # a form commoner than the word itself is mostly another word ("governor")
                alt = NEAR + u
                forms.append(alt)
                idf[alt] = (MISTYPED_FORM if u in mistyped else NEAR_FORM) * ix.idf_of(more[u][0])
                for rid in more[u][1]:
                    d = tf.setdefault(rid, {})
                    if t not in d:
                        d[alt] = d.get(alt, 0) + 1
    linked: dict[str, set[int]] = {}
    for eid in list(qents):
        if eid in fb.entity_index:
            linked[eid] = set(ix.entity_rids(fb.entity_index[eid]))
            # a name weighs what its entity's sentences make it weigh: in an article about Yang
            # Zengxin every sentence is his, and "banquet" says more than his name
            w, gram = qents[eid]
            qents[eid] = (min(w, max(2.0, ENTITY_IDF * ix.idf_of(len(linked[eid])))), gram)
    # an entity's sentences choose too, within what the words left of the budget (the rarest first)
    room = max(0, GENERATED - read)
    cands = set(tf)
    for rids in sorted(linked.values(), key=len):
        if len(rids) > room and len(cands) > 0:
            break
        cands |= rids
        room -= len(rids)
    for t in common:  # present or not in each candidate (its frequency there: once)
        has = set(post[t][1])
        for rid in cands:
            if rid in has:
                d = tf.get(rid)
                if d is None:
                    tf[rid] = {t: 1}
                else:
                    d[t] = 1
    avg, lengths = ix.avg, ix.lengths
    empty: dict[str, int] = {}

    def bm25(ws: list[str], rid: int, f_of: dict[str, int], norm: float) -> float:
        got = 0.0
        for t in ws:
            f = f_of.get(t, 0) or (1 if rid in implied.get(t, ()) else 0)
            if f:
                got += idf.get(t, 2.0) * (f * 2.2) / (f + norm)
        return got

    padded = f" {' '.join(words)} "
    cue = next((v for k, v in QUESTION_CUES.items() if f" {k} " in padded), None)
    gram_weights: dict[tuple[str, ...], float] = {}
    for w, gram in qents.values():
        gram_weights[tuple(gram)] = max(gram_weights.get(tuple(gram), 0.0), w)
    total = sum(idf.get(t, 0.0) for t in qt) + sum(gram_weights.values()) or 1.0
    b, neighbour = LENGTH_WEIGHT[documents], NEIGHBOUR_WEIGHT[documents]
    first: list[tuple[int, float]] = []
    for rid in sorted(cands):
        f_of = tf.get(rid, empty)
        norm = 1.2 * (1 - b + b * max(lengths[rid] or 1, SHORTEST) / avg)
        score = bm25(qt, rid, f_of, norm) + (bm25(forms, rid, f_of, norm) if forms else 0.0)
        # a name the query uses counts in full where the sentence names the entity (even by a
        # pronoun or another spelling), else by the words the sentence shares with it
        per_gram: dict[tuple[str, ...], float] = {}
        for eid, (w, gram) in qents.items():
            got = w if rid in linked.get(eid, ()) else min(w, bm25(gram, rid, f_of, norm))
            per_gram[tuple(gram)] = max(per_gram.get(tuple(gram), 0.0), got)
        score += sum(per_gram.values())
        if score > 0:
            first.append((rid, score))
    # only the leading candidates can be lifted far enough by their neighbours to matter
    first.sort(key=lambda x: -x[1])
    del first[NEIGHBOURED:]
    paras, flags, count = ix.paras, ix.flags, ix.count
    if documents:  # the documents each word and each name of the query is found in
        docs = ix.docs
        in_doc = {t: {docs[r] for r in post[t][1]} for t in qt if t in post}
        ent_docs = {eid: {docs[r] for r in rs} for eid, rs in linked.items()}
    periods = query_periods(q)
    by_date = _dated(fb, [rid for rid, _s in first], periods) if periods else {}
    scored = []
    for rid, score in first:
        f_of = tf.get(rid, empty)
        if qt:
            for j in (rid - 1, rid + 1):  # the sentence's neighbours lend some context
                if 0 <= j < count and paras[j] == paras[rid]:
                    other = tf.get(j, empty)
                    score += neighbour * sum(idf.get(t, 0.0) for t in qt if t in other and t not in f_of)
        if documents:  # and so does its document: "who ruled Hami", asked of Hedin's memoir
            doc = docs[rid]
            score += DOCUMENT * sum(idf.get(t, 0.0) for t in qt if t not in f_of and doc in in_doc.get(t, ()))
            score += DOCUMENT * sum(w for eid, (w, gram) in qents.items() if rid not in linked.get(eid, ())
                                    and doc in ent_docs.get(eid, ()) and not any(t in f_of for t in gram))
        fl = flags[rid]
        if cue == "number" and fl & HAS_DIGIT:
            score *= 1.3
        elif cue == "date":  # "when did ...": a sentence with no date cannot answer it
            score *= 1.3 if fl & HAS_EVENTS else 0.7
        elif cue == "person" and fl & NAMES_PERSON:
            score *= 1.2
        elif cue == "place" and fl & NAMES_PLACE:
            score *= 1.2
        score *= by_date.get(rid, 1.0)
        scored.append((score / total, rid))
    scored.sort(key=lambda x: (-x[0], x[1]))
    if " why " in padded or padded.startswith(" why "):
        scored = _reasons(fb, scored)
    return scored


IN_PERIOD = 1.1  # a sentence dated within the period the question names ("in August 1944") ...
REPORTED_IN = 1.1  # ... or stating no date, of a document dated within it (measured: bench/README.md)
@cache
def _period_words() -> tuple[re.Pattern[str], dict[str, int], dict[str, str]]:
    """The pattern of a date a question holds - a range of years ("1944-1946", "1933-34"), a
    year with a month (and day) or early/mid/late before it, or a decade ("in August 1944",
    "early 1949", "mid-1945", "the 1930s", "the 1930's") - with the month numbers and the
    modifiers of rules/dates.toml, in lower case."""
    from etr.rules import load

    d = load("dates")
    months = {k.lower(): v for k, v in [*d["months"].items(), *d["month_abbreviations"].items()]}
    mods = {k.lower(): v for k, v in d["modifiers"].items()}
    names = "|".join(sorted(months, key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?P<from>1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?P<to>\d\d(?:\d\d)?)\b"
        rf"|\b(?:(?P<mod>{'|'.join(mods)})[-\s]+)?(?:(?P<month>{names})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?)?"
        rf"(?P<year>1[5-9]\d\d|20\d\d)\b(?!['’]?s\b)|\b(?:the\s+)?(?P<decade>1[5-9]\d)0['’]?s\b", re.I)
    return pattern, months, mods


# what makes a bare number a year: a word before it ("in 1944", "the 1934 fighting") ...
_BEFORE_YEAR = re.compile(
    r"\b(?:in|of|by|during|since|until|till|before|after|from|to|and|between|around|circa|c\.|year|the|late|early|mid)"
    r"[\s-]+$", re.I)
# ... unless what follows counts things: "the 1500 soldiers", "1800 Kazakhs", "1500 meters", "by 1800 hours"
_COUNTED = re.compile(r"\s+(?:[A-Za-z]+[^s\W]s|men|people|li|feet|head)\b")


def query_periods(q: str) -> list[tuple[str, str]]:
    """The spans of days the dates a question names cover, each apart ("Sheng in 1933 and Burhan
    in 1949" is two years, not sixteen), or [] when it names none. Read by a light pattern, not
    the date grammar, whose compiling would cost a search more than the search."""
    if not any(ch.isdigit() for ch in q):
        return []  # every date a question can name here holds a year
    from etr.dates.values import bounds

    pattern, months, mods = _period_words()
    spans = []
    for m in pattern.finditer(q):
        value, mod = "", None
        if m.group("from"):  # "1944-1946", "1933-34"
            a, b = m.group("from"), m.group("to")
            b = a[: 4 - len(b)] + b
            if b > a:
                value = f"{a}/{b}"
        elif m.group("decade"):
            value = m.group("decade") + "X"
        else:
            bare = not (m.group("month") or m.group("mod"))
            if bare and (_COUNTED.match(q, m.end()) or not (
                    _BEFORE_YEAR.search(q[: m.start()]) or not q[: m.start()].strip() or not q[m.end():].strip(" ?.!"))):
                continue  # "telegram 1508", "1600 troops": a number; "in 1944", "1944 Ili Rebellion", "... 1933": a year
            value = m.group("year")
            if m.group("month"):
                value += f"-{months[m.group('month').lower()]:02d}"
                if m.group("day") and 1 <= int(m.group("day")) <= 31:
                    value += f"-{int(m.group('day')):02d}"
            mod = mods.get(m.group("mod").lower()) if m.group("mod") else None
        try:
            got = bounds(value, mod) if value else None
        except ValueError:
            got = None
        if got is not None:
            spans.append(got)
    return spans


def _dated(fb: FactBase, rids: list[int], periods: list[tuple[str, str]]) -> dict[int, float]:
    """What each sentence's dates make of it for a question about `periods`: IN_PERIOD when one
    of its events falls in one, REPORTED_IN when it states none and its document is dated in one;
    1.0 otherwise (a sentence dated outside them loses nothing: an answer often looks back)."""
    spans, sources = fb.ix.sentence_spans(rids)
    dated = fb.ix.sources_dated({sources[r] for r in rids if r in sources and not spans.get(r)})
    out: dict[int, float] = {}
    for r in rids:
        got = spans.get(r)
        if got:
            out[r] = IN_PERIOD if any(a <= hi and b >= lo for a, b in got for lo, hi in periods) else 1.0
        else:
            day = (dated.get(sources.get(r, "")) or {}).get("value")
            out[r] = REPORTED_IN if isinstance(day, str) and any(lo <= day[:10] <= hi for lo, hi in periods) else 1.0
    return out


REASONS_READ = 30  # a why-question reads the leading sentences and the ones after them
_CAUSE = None


def _cause() -> Any:
    global _CAUSE
    if _CAUSE is None:
        import re

        from etr.text.terms import words_rules

        words = words_rules()["reasons"]
        _CAUSE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    return _CAUSE


def _reasons(fb: FactBase, scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """A why-question is answered by a sentence that gives a reason ("because", "in view of",
    "Dept has had in mind ..."): such a sentence among the leading ones counts more, and one that
    follows a leading sentence in its paragraph ("Dept has decided close Consulate Tihwa. In
    arriving this decision Dept has had in mind ...") shares its score."""
    ix = fb.ix
    top = scored[:REASONS_READ]
    after = [rid + 1 for _s, rid in top if rid + 1 < ix.count and ix.paras[rid + 1] == ix.paras[rid]]
    sents = ix.sentences_by_rid(sorted({rid for _s, rid in top} | set(after)))
    cause = _cause()
    best: dict[int, float] = {rid: sc for sc, rid in scored}
    for sc, rid in top:
        if rid in sents and cause.search(sents[rid]["text"]):
            best[rid] = max(best[rid], sc * 1.3)
        nxt = rid + 1
        if nxt in sents and cause.search(sents[nxt]["text"]):
            best[nxt] = max(best.get(nxt, 0.0), sc * 0.9)
    out = [(v, rid) for rid, v in best.items()]
    out.sort(key=lambda x: (-x[0], x[1]))
    return out
