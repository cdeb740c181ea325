"""Answering questions over a loaded fact base: who/where/what, when, search, show, timeline.

Results are JSON-ready dicts in the shape the README's JSON contract documents (Entity, Event,
Citation, Date); `render` only formats them. No Rich, no file I/O.
Imports etr.model, etr.errors, etr.dates and etr.names.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any

from etr.dates.forms import Period, parse_period
from etr.errors import BadQuery, NotFound
from etr.store.index import HAS_DIGIT, HAS_EVENTS, IMPLIED, NAMES_PERSON, NAMES_PLACE, SEP, RawList
from etr.text.fold import Match, NameEntry, NameIndex, fold
from etr.text.terms import STOP, stem, terms, with_synonyms, words_rules

if TYPE_CHECKING:
    from etr.store.index import Index

Results = list[dict[str, Any]] | RawList  # RawList: results straight from the index, as JSON
WHO_TYPES = {"person", "group"}
WHERE_TYPES = {"place"}
WHAT_TYPES = {"organisation", "state", "military", "newspaper", "event", "treaty", "document", "unknown"}
LOOKUP_TYPES = {"who": WHO_TYPES, "where": WHERE_TYPES, "what": WHAT_TYPES}
ACCEPT = 75.0  # below this a name match is no match
OTHER_KIND = 90.0  # `who X` shows a place or a treaty only for a name or a whole word of one
CLOSE = 3.0  # candidates this close to the best are shown too
MAX_QUERY = 500
NAMED_EVENT_SCORE = 0.6
NAMED_EXACT_SCORE = 1.0  # the query is the event's name: its registry dates lead
NEIGHBOURED = 300  # sentences whose neighbours are read for context when ranking  # a registry date of the event the query names outranks a weak word match

QUESTION_CUES = {
    "how many": "number", "how much": "number", "when": "date", "what year": "date",
    "what date": "date", "who": "person", "where": "place",
}


GENERIC = {"area", "region", "city", "town", "village", "district", "districts", "province", "county",
           "the", "of", "river", "lake", "general", "gen", "mr", "colonel", "governor", "marshal"}


def _rewrites(q: str) -> list[str]:
    """Other readings of a name that found nothing: as copied with its gloss ("Ghulja (Yining)",
    "Alma-Ata, Kazakhstan", "Nilka 尼勒克镇") each part alone, synonyms, generic words dropped."""
    out = []
    latin, han = "A-Za-z\u00c0-\u024f", "\u3400-\u9fff"
    parts = [x.strip() for x in re.split(rf"[(),;/]|(?<=[{latin}])\s*(?=[{han}])|(?<=[{han}])\s*(?=[{latin}])", q)]
    out += [x for x in parts if x and x != q and len(parts) > 1]
    syn = with_synonyms(q)
    if syn != fold(q):
        out.append(syn)
    bare = " ".join(w for w in fold(q).split() if w not in GENERIC)
    if bare and bare != fold(q):
        out.append(bare)
    return out


def name_entries(entities: list[dict[str, Any]]) -> list[tuple[int, str, str, str]]:
    """(entity index, form, folded form, kind) of every name form: what the matcher ranks."""
    out = []
    for i, e in enumerate(entities):
        out.append((i, e["name"], fold(e["name"]), "name"))
        out += [(i, a, fold(a), "alias") for a in e["aliases"]]
        out += [(i, v, fold(v), "variant") for v in e["variants"]]
        out += [(i, x, fold(x), "short") for x in e["short_forms"]]
    return out


def sentence_implied_words(entity_ids: list[str], types: dict[str, str]) -> set[str]:
    """Words a sentence counts as using through the types of the entities it names."""
    type_words = words_rules()["type_words"]
    return {stem(w) for eid in entity_ids for w in type_words.get(types.get(eid, ""), [])}


def _period_option(option: str, value: str) -> Period:
    p = parse_period(clean_query(value))
    if p is None:
        raise BadQuery(f"{option} {value!r} is not a date (try 1944, 1944-11 or 15 November 1944)")
    return p


def _agrees(value: str, registry_value: str) -> bool:
    """A tagged date agrees with a registry date at the registry's precision."""
    return any(v.startswith(registry_value) or registry_value.startswith(v) for v in value.split("/"))


def clean_query(query: str) -> str:
    """The query with control characters removed and whitespace folded; BadQuery if empty."""
    if len(query) > MAX_QUERY:
        raise BadQuery(f"query is {len(query)} characters long; at most {MAX_QUERY} are read")
    from etr.render.tables import valid_text

    q = "".join(ch if ch.isprintable() else " " for ch in valid_text(query))
    q = " ".join(q.split())
    if not q:
        raise BadQuery("empty query: type a name, a date or some words")
    return q


def shape_event(ev: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An event of the fact base as the output shows it (`refs`: entity id -> {id, name, type}).
    The index stores every event in this shape, ready to print."""
    out: dict[str, Any] = {
        "id": ev["id"],
        "date": {k: ev["date"][k] for k in ("text", "value", "start", "end", "precision", "mod", "how")},
        "text": ev["text"],
        "entities": [refs.get(x) or {"id": x, "name": x, "type": "unknown"} for x in ev["entities"]],
        "citations": ev["citations"],
    }
    if ev["date"].get("anchor"):
        out["date"]["anchor"] = ev["date"]["anchor"]
    if ev.get("via"):
        out["via"] = ev["via"]
    return out


def _scored(out: dict[str, Any], score: float) -> dict[str, Any]:
    out["score"] = round(score, 3)
    return out


class FactBase:
    """A fact base opened through its index (etr.index), with what queries build on first use."""

    def __init__(self, index: Index) -> None:
        self.ix = index

    @classmethod
    def from_dict(cls, db: dict[str, Any]) -> FactBase:
        from etr.store.index import index_from_dict

        return cls(index_from_dict(db))

    @cached_property
    def entities(self) -> list[dict[str, Any]]:
        """Every entity's names and type (not its events: see `entity_full`)."""
        return self.ix.light

    @cached_property
    def entity_by_id(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in self.entities}

    @cached_property
    def entity_index(self) -> dict[str, int]:
        return {e["id"]: i for i, e in enumerate(self.entities)}

    def entity_full(self, i: int) -> dict[str, Any]:
        return self.ix.entity(i)

    @cached_property
    def source_by_id(self) -> dict[str, dict[str, Any]]:
        return {s["id"]: s for s in self.ix.sources()}

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex(NameEntry(*x) for x in self.ix.name_entries)

    # ------------------------------------------------------------------ shaping results

    def entity_ref(self, eid: str) -> dict[str, Any]:
        e = self.entity_by_id.get(eid)
        if e is None:
            return {"id": eid, "name": eid, "type": "unknown"}
        return {"id": e["id"], "name": e["name"], "type": e["type"]}

    @cached_property
    def source_names(self) -> dict[str, tuple[int, str, str]]:
        """Source id -> (order, short name, title): what citations and tables need."""
        return self.ix.source_names()

    def citation_of_sentence(self, s: dict[str, Any]) -> dict[str, Any]:
        title = self.source_names[s["source"]][2] if s["source"] in self.source_names else s["source"]
        return {"source": s["source"], "title": title, "section": s["section"],
                "start": s["start"], "end": s["end"], "quote": s["text"]}

    def entity_out(self, e: dict[str, Any], match: Match | None = None, limit: int | None = None) -> dict[str, Any]:
        # its events: those of the sentences naming it, and those its registry entry dates ("This
        # rebellion ..." names the Sarikol rebellion only by a word)
        ids = list(dict.fromkeys([*e["events"], *(evid for evid, _out in self._registry_dated(e))]))
        rows = self.ix.event_outs(ids)
        rows.sort(key=lambda r: r[0])
        # the entity's sentences that state no event (those that do are its events)
        statements = [self.citation_of_sentence(s) for s in self.ix.sentences(e["sentences"], undated_only=True)]
        order = self.source_names
        statements.sort(key=lambda c: (order[c["source"]][0] if c["source"] in order else 0, c["start"]))
        spans = [(c["source"], c["start"], c["end"]) for c in statements]
        spans += [(k[2], k[3], end) for k, end, _ in rows]
        for grounding in e["statements"]:  # the registry's quote, unless a sentence already holds it
            if not any(src == grounding["source"] and a <= grounding["start"] and grounding["end"] <= b
                       for src, a, b in spans):
                statements.insert(0, grounding)
        events = RawList([o for _k, _e, o in rows])
        related = []
        for r in e["related"]:
            ref = self.entity_ref(r["id"])
            ref["count"] = r["count"]
            related.append(ref)
        if limit is not None:
            events, statements = events[:limit], statements[:limit]
        return {
            "id": e["id"], "type": e["type"], "name": e["name"], "aliases": e["aliases"],
            "variants": e["variants"], "matched": match.form if match else e["name"],
            "match_kind": match.kind if match else "id",
            "score": round(match.score, 2) if match else 100.0,
            "description": e["description"], "roles": e["roles"], "curated": e["curated"],
            "events": events,
            "statements": statements, "related": related,
        }

    # ------------------------------------------------------------------ commands

    def lookup(self, query: str, types: set[str] | None, limit: int | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """Profiles of the entities best matching `query` (close candidates included)."""
        q = clean_query(query)
        allowed = [types is None or e["type"] in types for e in self.entities]
        matches = [m for m in self.names.match(q, allowed=allowed) if m.score >= ACCEPT]
        interpreted: dict[str, Any] = {"types": sorted(types) if types else "all"}
        if not matches:
            for retry in _rewrites(q):
                matches = [m for m in self.names.match(retry, allowed=allowed) if m.score >= ACCEPT]
                if matches:
                    interpreted["read_as"] = retry
                    break
        if types is not None and (not matches or matches[0].score < 99.5):
            # another kind, but only by a name, not by a guess; and an exact name of another kind
            # ("what USSR": the Soviet Union, a place) beats a loose match of the asked kind
            others = [m for m in self.names.match(q) if m.score >= (OTHER_KIND if not matches else 99.5)]
            if others:
                interpreted["types"] = "all"
                interpreted["note"] = ("nothing of the asked type matched; showing other kinds" if not matches
                                       else "the name is of another kind; showing it")
                matches = others
        if not matches:
            raise NotFound(f"no match for {q!r}" + self._suggest(q))
        top = matches[0].score
        chosen = [m for m in matches if m.score >= top - CLOSE] if top < 100 or matches[0].kind == "short" else [matches[0]]
        if top >= 100:
            chosen = [m for m in matches if m.score >= top - 0.01] if matches[0].kind == "short" else [matches[0]]
        # among equals, the entity the documents most often call by the typed form comes first
        # ("Mao" is Mao Zedong far more often than Mao Zemin)
        def usage(m: Match) -> tuple[float, bool, int, int]:
            e = self.entities[m.entity]
            prefix = fold(e["name"]).startswith(fold(q))  # "Sino-Soviet Treaty of Friendship, ..."
            return (-m.score, not prefix, -e["forms"].get(m.form, 0), -e["n_sentences"])

        chosen.sort(key=usage)
        interpreted["ambiguous"] = len(chosen) > 1
        return [self.entity_out(self.entity_full(m.entity), m, limit) for m in chosen], interpreted

    def _suggest(self, q: str) -> str:
        from rapidfuzz import fuzz, process

        forms = [e["name"] for e in self.entities]
        got = process.extract(fold(q), [fold(f) for f in forms], scorer=fuzz.ratio, limit=3, score_cutoff=40)
        if not got:
            return ""
        return "; did you mean: " + ", ".join(forms[i] for _f, _s, i in got) + "?"

    def when(self, query: str, limit: int | None = None) -> tuple[Results, dict[str, Any]]:
        q = clean_query(query)
        period = parse_period(q)
        if period is not None:
            return self.in_period(period, limit), {"period": {"start": period.start, "end": period.end, "value": period.value}}
        results = self.match_events(q, limit or 10)
        if not results:
            raise NotFound(f"nothing found for {q!r}: not a date this etr reads, and no event matches it")
        return results, {"text": q}

    def in_period(self, period: Period, limit: int | None = None) -> RawList:
        inside, overlapping = [], []
        for start, end, source, cstart, _ents, out in self.ix.event_outs_overlapping(period.start, period.end):
            row = ((start, end, source, cstart), out)
            if start >= period.start and end <= period.end:
                inside.append(row)
            else:
                overlapping.append(row)
        inside.sort(key=lambda r: r[0])
        overlapping.sort(key=lambda r: r[0])
        got = RawList([o[:-1] + ', "within": true}' for _k, o in inside] + [o[:-1] + ', "within": false}' for _k, o in overlapping])
        if not got:
            raise NotFound(f"no events dated within {period.text} ({period.start} to {period.end})")
        return got[:limit] if limit else got

    def _query_entities(self, q: str) -> tuple[dict[str, tuple[float, list[str]]], set[int]]:
        """Entities the words of q name, weighted by how rare their words are, and the word
        positions those names cover (which then do not count again as plain words)."""
        words = fold(q).split()
        idf = self.ix.idf(terms(q))
        found: dict[str, tuple[float, list[str]]] = {}
        covered: set[int] = set()
        for n in range(min(6, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if any(j in covered for j in range(i, i + n)):
                    continue
                gram = " ".join(words[i : i + n])
                if gram in STOP or len(gram) < 2:
                    continue
                hits = self.names.by_form.get(gram, [])
                if not hits:
                    continue
                gram_terms = terms(gram)
                weight = sum(idf.get(t, 2.0) for t in gram_terms) or 2.0
                for e in hits:
                    eid = self.entities[e.entity]["id"]
                    share = 0.5 if e.kind == "short" else 1.0
                    if eid not in found or found[eid][0] < max(2.0, weight) * share:
                        found[eid] = (max(2.0, weight) * share, gram_terms)
                covered.update(range(i, i + n))
        return found, covered

    def _score_sentences(self, q: str) -> list[tuple[float, int]]:
        """(score, sentence row id) of every sentence that shares a word or an entity with q,
        best first. Works on the index's postings and per-sentence arrays only: no sentence is
        read until the caller knows which ones it shows."""
        qents, covered = self._query_entities(q)
        words = fold(q).split()
        rest = " ".join(w for i, w in enumerate(words) if i not in covered)
        qt = list(dict.fromkeys(terms(rest)))
        if not qt and not qents:
            return []
        ix = self.ix
        wanted = set(qt) | {t for _w, gram in qents.values() for t in gram}
        post = ix.postings([*wanted, *(IMPLIED + t for t in wanted)])
        idf = {t: ix.idf_of(df) for t, (df, _r) in post.items() if not t.startswith(IMPLIED)}
        implied = {t: set(post[IMPLIED + t][1]) for t in wanted if IMPLIED + t in post}
        tf: dict[int, dict[str, int]] = {}
        for t in wanted:
            if t in post:
                for rid in post[t][1]:
                    d = tf.get(rid)
                    if d is None:
                        tf[rid] = {t: 1}
                    else:
                        d[t] = d.get(t, 0) + 1
        linked: dict[str, set[int]] = {}
        for eid in qents:
            if eid in self.entity_index:
                linked[eid] = set(ix.entity_rids(self.entity_index[eid]))
        cands = set(tf).union(*linked.values())
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
        first: list[tuple[int, float]] = []
        for rid in sorted(cands):
            f_of = tf.get(rid, empty)
            norm = 1.2 * (0.25 + 0.75 * (lengths[rid] or 1) / avg)
            score = bm25(qt, rid, f_of, norm)
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
        scored = []
        for rid, score in first:
            f_of = tf.get(rid, empty)
            if qt:
                for j in (rid - 1, rid + 1):  # the sentence's neighbours lend some context
                    if 0 <= j < count and paras[j] == paras[rid]:
                        other = tf.get(j, empty)
                        score += 0.25 * sum(idf.get(t, 0.0) for t in qt if t in other and t not in f_of)
            fl = flags[rid]
            if cue == "number" and fl & HAS_DIGIT:
                score *= 1.3
            elif cue == "date":  # "when did ...": a sentence with no date cannot answer it
                score *= 1.3 if fl & HAS_EVENTS else 0.7
            elif cue == "person" and fl & NAMES_PERSON:
                score *= 1.2
            elif cue == "place" and fl & NAMES_PLACE:
                score *= 1.2
            scored.append((score / total, rid))
        scored.sort(key=lambda x: (-x[0], x[1]))
        return scored

    def _registry_dated(self, e: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        """(id, output) of the events stated where the registry entry `e` cites its dates."""
        found = []
        for d in e.get("dates", []):
            c = d["citation"]
            for sent in self.ix.sentences_at(c["source"], c["start"], c["end"]):
                for evid, value, out in self.ix.events_of_sentence(sent["source"], sent["start"]):
                    if _agrees(value, d["value"]):
                        found.append((evid, out))
        return found

    def _named_event_dates(self, q: str) -> list[tuple[str, dict[str, Any], bool]]:
        """(id, output, named exactly) of the events the registry dates for a named event the
        query names ("plane crash")."""
        types = {"event", "treaty", "document"}
        allowed = [e["type"] in types for e in self.entities]
        found = []
        for m in self.names.match(q, limit=3, allowed=allowed):
            if m.score < 90:
                continue
            # the query is the name, or a short form several events share ("Soviet invasion of
            # Xinjiang": 1934 and 1937), whose every date then leads
            e = self.entities[m.entity]
            exact = any(fold(f) == fold(q) for f in (e["name"], *e["aliases"], *e["variants"], *e["short_forms"]))
            found += [(evid, out, exact) for evid, out in self._registry_dated(self.entity_full(m.entity))]
        return found

    def match_events(self, q: str, limit: int) -> list[dict[str, Any]]:
        scored = self._score_sentences(q)
        best = scored[0][0] if scored else 0.0
        keep = []
        for score, rid in scored:
            if score < best * 0.45:
                break
            keep.append((score, rid))
        events_of = self.ix.sentence_events([rid for _s, rid in keep])
        picked: list[tuple[float, str]] = []
        seen: set[str] = set()
        for score, rid in keep:
            for evid in events_of.get(rid, []):
                if evid not in seen:
                    seen.add(evid)
                    picked.append((score / best if best else 0.0, evid))
        # every date the sources give for a named event, even where the words differ; first of all
        # when the query is that event's very name ("Sarikol rebellion", "Soviet invasion of Xinjiang")
        named_out: dict[str, dict[str, Any]] = {}
        exact_rank: dict[str, int] = {}
        for evid, out, exact in sorted(self._named_event_dates(q), key=lambda x: x[1]["date"]["start"] or ""):
            if exact and evid not in exact_rank:
                exact_rank[evid] = len(exact_rank)
            if evid not in seen and evid not in named_out:
                named_out[evid] = out
                picked.append((NAMED_EVENT_SCORE, evid))
        picked = [(NAMED_EXACT_SCORE if evid in exact_rank else score, evid) for score, evid in picked]
        picked.sort(key=lambda r: (-round(r[0], 3), r[1] not in exact_rank, exact_rank.get(r[1], 0)))
        picked = picked[:limit]
        outs: dict[str, dict[str, Any] | None] = {evid: self.ix.event_out(evid) for _s, evid in picked if evid not in named_out}
        outs.update(named_out)
        return [_scored(dict(got), score) for score, evid in picked if (got := outs.get(evid)) is not None]

    def search(self, query: str, limit: int = 10) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        q = clean_query(query)
        results: list[dict[str, Any]] = []
        for m in self.names.match(q, limit=3):
            if m.score >= 88:
                e = self.entity_full(m.entity)
                results.append({"kind": "entity", "score": round(m.score / 100, 3), "id": e["id"],
                                "type": e["type"], "name": e["name"], "matched": m.form,
                                "description": e["description"]})
        scored = self._score_sentences(q)
        best = scored[0][0] if scored else 1.0
        top = []
        for score, rid in scored[: max(limit * 2, 20)]:
            norm = score / best if best else 0.0
            if norm < 0.2:
                break
            top.append((norm, rid))
        sents = self.ix.sentences_by_rid([rid for _n, rid in top])
        for norm, rid in top:
            s = sents[rid]
            cit = self.citation_of_sentence(s)
            ev = self.ix.event_out(s["events"][0]) if s["events"] else None
            if ev is not None:
                item = _scored(ev, norm * 0.97)
                item["kind"] = "event"
            else:
                item = {"kind": "sentence", "id": s["id"], "score": round(norm * 0.97, 3), "text": s["text"],
                        "entities": [self.entity_ref(x) for x in s["entities"]], "citations": [cit]}
            results.append(item)
        results.sort(key=lambda r: -r["score"])
        if not results:
            raise NotFound(f"nothing found for {q!r}")
        return results[:limit], {"terms": terms(q)}

    def show(self, ident: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        i = clean_query(ident)
        ent = self.ix.entity_by_id(i)
        if ent is not None:
            return [dict(self.entity_out(ent), kind="entity")], {"kind": "entity"}
        out = self.ix.event_out(i)
        if out is not None:
            out["kind"] = "event"
            out["context"] = self._context(out["citations"][0])
            return [out], {"kind": "event"}
        s = self.ix.sentence(i)
        if s is not None:
            cit = self.citation_of_sentence(s)
            return [{"kind": "sentence", "id": s["id"], "text": s["text"], "citations": [cit],
                     "entities": [self.entity_ref(x) for x in s["entities"]],
                     "context": self._context(cit)}], {"kind": "sentence"}
        raise NotFound(f"no event, entity or sentence has the id {i!r}")

    def _context(self, cit: dict[str, Any]) -> dict[str, Any]:
        """The paragraph around a citation, with the quote's offsets inside it."""
        text = self.ix.source_text(cit["source"])
        a = text.rfind("\n", 0, cit["start"]) + 1
        b = text.find("\n", cit["end"])
        b = len(text) if b < 0 else b
        return {"paragraph": text[a:b], "start": cit["start"] - a, "end": cit["end"] - a,
                "section": cit["section"], "title": cit["title"]}

    def timeline(self, start: str | None, end: str | None, about: list[str], limit: int | None) -> tuple[Results, dict[str, Any]]:
        interpreted: dict[str, Any] = {}
        lo = _period_option("--from", start).start if start else None
        hi = _period_option("--to", end).end if end else None
        if lo:
            interpreted["from"] = lo
        if hi:
            interpreted["to"] = hi
        if lo and hi and hi < lo:
            raise BadQuery(f"--to {end!r} is before --from {start!r}")
        keep: set[str] | None = None
        if about:
            keep = set()
            names = []
            for name in about:
                ents, _ = self.lookup(name, None)
                for e in ents:
                    keep.add(e["id"])
                    names.append(e["name"])
            interpreted["about"] = names
        out = RawList([o for _s, _e, _src, _c, ents, o in self.ix.event_outs_overlapping(lo, hi)
                       if keep is None or not keep.isdisjoint(ents.split(SEP))])
        if not out:
            raise NotFound("no events in that range")
        return (out[:limit] if limit else out), interpreted

    def sources(self) -> list[dict[str, Any]]:
        out = []
        for s in self.source_by_id.values():
            out.append({k: s[k] for k in ("id", "file", "title", "short", "author", "publisher", "kind", "language", "curated")}
                       | {"sections": [x["title"] for x in s["sections"]], "counts": s["counts"]})
        return out

