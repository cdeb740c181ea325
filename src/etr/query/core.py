"""The core every query stands on: a fact base opened through its index, and results shaped.

`FactBase` reads what a query needs from the index (etr.store.index) and shapes entities,
events and citations into the JSON contract (docs/json.md); the command families (lookup, when,
search, browse) are functions over it. No Rich, no printing. Imports etr.store, etr.text,
etr.errors.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path

from etr.errors import BadQuery
from etr.store.index import HAS_EVENTS, RawList
from etr.text.match import Match, NameEntry, NameIndex
from etr.text.safe import valid_text

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from etr.store.index import Index

    T = TypeVar("T")
    Results = list[dict[str, Any]] | RawList  # RawList: results straight from the index, as JSON

MAX_QUERY = 500


def agrees(value: str, registry_value: str) -> bool:
    """A tagged date agrees with a registry date at the registry's precision."""
    return any(v.startswith(registry_value) or registry_value.startswith(v) for v in value.split("/"))


def clean_query(query: str) -> str:
    """The query with control characters removed and whitespace folded; BadQuery if empty."""
    if len(query) > MAX_QUERY:
        raise BadQuery(f"query is {len(query)} characters long; at most {MAX_QUERY} are read")
    q = "".join(ch if ch.isprintable() else " " for ch in valid_text(query))
    q = " ".join(q.split())
    if not q:
        raise BadQuery("empty query: type a name, a date or some words")
    return q


def with_score(out: dict[str, Any], score: float) -> dict[str, Any]:
    out["score"] = round(score, 3)
    return out


def ask(path: Path | None, question: Callable[[FactBase], T]) -> tuple[FactBase, T]:
    """Open the fact base at `path` (default: store.facts.default_db()) through its index and
    answer `question`; an index that turns out damaged is made again from the JSON (which is
    validated then) and the question asked once more."""
    import sqlite3

    from etr.store import facts
    from etr.store.opening import open_index

    path = path or facts.default_db()
    try:
        fb = FactBase(open_index(path))
        result = question(fb)
        fb.source_names.fill(cited_sources(result, pending=False))  # what the output needs, read while we can still recover
        return fb, result
    except sqlite3.DatabaseError:
        fb = FactBase(open_index(path, rebuild=True))
        return fb, question(fb)


def cited_sources(results: Any, pending: bool = True) -> list[str]:
    """The ids of the sources the citations anywhere in `results` quote, first cited first; with
    `pending` False, not those of rows still to be read from the index (a RawList's events)."""
    found: dict[str, None] = {}

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if "quote" in x and isinstance(x.get("source"), str):
                found.setdefault(x["source"], None)
            for v in x.values():
                walk(v)
        elif isinstance(x, list) or (pending and isinstance(x, RawList)):
            for v in x:
                walk(v)

    walk(results)
    return list(found)


class SourceNames(Mapping[str, "tuple[int, str, str]"]):
    """Source id -> (order, short name, title), read from the index as asked: a query cites a
    few of 10,000 sources, and reading every one's names cost ~11 ms a query there. Iterating
    reads them all."""

    def __init__(self, ix: Index) -> None:
        self._ix = ix
        self._got: dict[str, tuple[int, str, str] | None] = {}
        self._all = False

    def fill(self, ids: Iterable[str]) -> None:
        """Read these sources' names in one query, if not read yet."""
        if self._all:
            return
        missing = [i for i in set(ids) if i not in self._got]
        if missing:
            found = self._ix.source_names(missing)
            self._got.update((i, found.get(i)) for i in missing)

    def _every(self) -> dict[str, tuple[int, str, str] | None]:
        if not self._all:
            self._got = dict(self._ix.source_names())
            self._all = True
        return self._got

    def __getitem__(self, sid: str) -> tuple[int, str, str]:
        if sid not in self._got:
            self.fill((sid,))
        got = self._got.get(sid)
        if got is None:
            raise KeyError(sid)
        return got

    def __contains__(self, sid: object) -> bool:
        if not isinstance(sid, str):
            return False
        if sid not in self._got:
            self.fill((sid,))
        return self._got.get(sid) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, v in self._every().items() if v is not None])

    def __len__(self) -> int:
        return sum(v is not None for v in self._every().values())


class NamesColumn(Mapping[str, str]):
    """One column of SourceNames (1: short names, 2: titles), read as asked."""

    def __init__(self, names: SourceNames, column: int) -> None:
        self._names, self._column = names, column

    def __getitem__(self, sid: str) -> str:
        _order, short, title = self._names[sid]
        return short if self._column == 1 else title

    def __contains__(self, sid: object) -> bool:
        return sid in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class FactBase:
    """A fact base opened through its index (etr.index), with what queries build on first use."""

    def __init__(self, index: Index) -> None:
        self.ix = index

    @classmethod
    def from_dict(cls, db: dict[str, Any]) -> FactBase:
        from etr.store.opening import index_from_dict

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
    def source_names(self) -> SourceNames:
        """Source id -> (order, short name, title): what citations and tables need, read as asked."""
        return SourceNames(self.ix)

    def citation_of_sentence(self, s: dict[str, Any]) -> dict[str, Any]:
        title = self.source_names[s["source"]][2] if s["source"] in self.source_names else s["source"]
        return {"source": s["source"], "title": title, "section": s["section"],
                "start": s["start"], "end": s["end"], "quote": s["text"]}

    def entity_out(self, e: dict[str, Any], match: Match | None = None, limit: int | None = None) -> dict[str, Any]:
        # its events: those of the sentences naming it, and those its registry entry dates ("This
        # rebellion ..." names the Sarikol rebellion only by a word)
        ids = list(dict.fromkeys([*e["events"], *(evid for evid, _out in self.registry_dated(e))]))
        rows = self.ix.event_keys(ids)  # in order; their JSON is read when shown (all of it for --json)
        # the entity's sentences that state no event (those that do are its events)
        undated = self.undated_sentences(e)
        order = self.source_names
        order.fill({s["source"] for s in undated})  # in one query: a profile cites hundreds of thousands
        statements = [self.citation_of_sentence(s) for s in undated]
        statements.sort(key=lambda c: (order[c["source"]][0] if c["source"] in order else 0, c["start"]))
        spans = [(c["source"], c["start"], c["end"]) for c in statements]
        spans += [(k[2], k[3], end) for k, end, _ in rows]
        for grounding in e["statements"]:  # the registry's quote, unless a sentence already holds it
            if not any(src == grounding["source"] and a <= grounding["start"] and grounding["end"] <= b
                       for src, a, b in spans):
                statements.insert(0, grounding)
        # what it says without a date, in a letter, telegram or cutting its header or date line
        # dates: reported by then ("General Ho Yao-tsu was offered chairmanship ..." under
        # "Chungking, September 21, 1942"), among its events
        self._dated_sources.update(self.ix.sources_dated(  # in one query, not one per source
            s["source"] for s in undated if s["source"] not in self._dated_sources))
        reported = [(s, got) for s in undated if (got := self.reported_by(s)) is not None]
        if reported:
            shown = {(s["source"], s["start"]) for s, _got in reported}
            statements = [c for c in statements if (c["source"], c["start"]) not in shown]
            merged = sorted([(k, ("ix", r)) for k, _e, r in rows]
                            + [((got["date"]["start"], got["date"]["end"], s["source"], s["start"]),
                                ("doc", json.dumps(got, ensure_ascii=False))) for s, got in reported],
                            key=lambda m: m[0])
            events = RawList(keys=[m[1] for m in merged], fetch=self._outs_or_made)
        else:
            events = RawList(keys=[r for _k, _e, r in rows], fetch=self.ix.outs)
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
            "merges": e.get("merges", []), "possibly": e.get("possibly", []),
        }

    def undated_sentences(self, e: dict[str, Any]) -> list[dict[str, Any]]:
        """The sentences naming entity `e` that state no event: by their rows and the index's
        flags when it is the fact base's own (no sentence read that is then dropped), else by id."""
        idx = self.entity_index.get(e["id"])
        if idx is None:
            return self.ix.sentences(e["sentences"], undated_only=True)
        flags = self.ix.flags
        rids = [r for r in self.ix.entity_rids(idx) if not flags[r] & HAS_EVENTS]
        return list(self.ix.sentences_by_rid(rids).values())

    def _outs_or_made(self, keys: Sequence[Any]) -> list[str]:
        """The JSON of a profile's events: read from the index, or made here (reported_by)."""
        got = iter(self.ix.outs([k for kind, k in keys if kind == "ix"]))
        return [next(got) if kind == "ix" else k for kind, k in keys]

    @cached_property
    def _dated_sources(self) -> dict[str, dict[str, Any] | None]:
        return {}

    def reported_by(self, s: dict[str, Any]) -> dict[str, Any] | None:
        """A sentence that states no date, as an answer dated on or before the day its document's
        header or date line gives ("893.00/12–1846: Telegram", "Chungking, September 21, 1942"),
        citing the sentence and those words; None when its document gives no day."""
        if s["source"] not in self._dated_sources:
            self._dated_sources[s["source"]] = self.ix.source_dated(s["source"])
        d = self._dated_sources[s["source"]]
        if d is None or (s["start"] < d["end"] and s["end"] > d["start"]):
            return None  # undated, or the words that date it
        if not any(w.islower() and len(w) > 1 for w in s["text"].split()):
            return None  # a name alone, a signature ("O. Edmund Clubb"): it reports nothing
        # what comes before the date is the header, which the date dates ("The Ambassador in the
        # Soviet Union (Standley) to the Secretary of State / Moscow, June 15, 1943"); what
        # follows, the document reports as known by then
        mod = None if s["start"] < d["start"] else "ON_OR_BEFORE"
        cit = self.citation_of_sentence(s)
        day = d["value"]
        return {"id": s["id"], "source": s["source"],
                "date": {"text": d["text"], "value": day, "start": day, "end": day, "precision": "day",
                         "mod": mod, "how": "document", "type": "DATE", "anchor": None},
                "text": s["text"], "entities": [self.entity_ref(x) for x in s["entities"]],
                "citations": [cit, dict(cit, start=d["start"], end=d["end"], quote=d["text"])]}

    def other_words(self, word: str) -> list[str]:
        """The other one-word names the documents give what `word` alone names ("Dungan": Tungan,
        Hui; "Hami": Kumul), folded; [] when the word names nothing or several things."""
        from etr.text.fold import fold

        w = fold(word)
        named = {e.entity for e in self.names.by_form.get(w, []) if " " not in e.folded}
        if len(named) != 1:
            return []
        e = self.entities[named.pop()]
        out = [fold(f) for f in [e["name"], *e["forms"], *e.get("aliases", [])] if " " not in f.strip()]
        return [x for x in dict.fromkeys(out) if x != w and x.isalpha()][:OTHER_WORDS]

    def registry_dated(self, e: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        """(id, output) of the events stated where the registry entry `e` cites its dates."""
        found = []
        for d in e.get("dates", []):
            c = d["citation"]
            for sent in self.ix.sentences_at(c["source"], c["start"], c["end"]):
                for evid, value, out in self.ix.events_of_sentence(sent["source"], sent["start"]):
                    if agrees(value, d["value"]):
                        found.append((evid, out))
        return found


OTHER_WORDS = 6  # at most this many other names tried for one word of a query (FactBase.other_words)
