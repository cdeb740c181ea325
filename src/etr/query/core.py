"""The core every query stands on: a fact base opened through its index, and results shaped.

`FactBase` reads what a query needs from the index (etr.store.index) and shapes entities,
events and citations into the JSON contract (docs/json.md); the command families (lookup, when,
search, browse) are functions over it. No Rich, no printing. Imports etr.store, etr.text,
etr.errors.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path

from etr.errors import BadQuery
from etr.store.index import RawList, reports
from etr.text.match import Match, NameEntry, NameIndex
from etr.text.safe import valid_text

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any, TypeVar

    from etr.store.index import Index

    T = TypeVar("T")
    Results = list[dict[str, Any]] | RawList  # RawList: results straight from the index, as JSON

MAX_QUERY = 500
# a question asking for someone by a relative clause after what it asks for ("Vice-Premier who met ...")
RELATIVE = re.compile(r"^(?P<head>\S.*?)\s+(?:who|whom|whose|which|that)\s+\S")


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


_NUMBERS = re.compile(r"\d+")
PASSAGE = 80  # characters a sentence needs to be a passage reprinted, not a line two reports share
REPRINTED = 96.0  # rapidfuzz ratio of two passages' letters that are one passage reprinted


def reprinted_once(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One result for a passage two documents print alike (a biography reposted on a page of
    related people; an abstract in two copies, one of whose PDFs lost its ligatures: "attention",
    "aention"): the first, citing both; not the same words twice in the top five. Only a
    passage of some length, of the same date, read as naming the same ones ("General Ma arrived
    here today." in two telegrams may be two men; "Situation quiet." two towns)."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, tuple[str, ...]], list[tuple[str, dict[str, Any]]]] = {}
    for r in results:
        text = r.get("text")
        if not text or len(text) < PASSAGE:
            out.append(r)
            continue
        letters = "".join(c for c in text.lower() if c.isalnum())
        said = (str((r.get("date") or {}).get("value", "")), tuple(sorted(e["id"] for e in r.get("entities", []))))
        alike = seen.setdefault(said, [])
        first = next((f for other, f in alike if other == letters or _reprint(other, letters)), None)
        if first is None:
            alike.append((letters, r))
            out.append(r)
        else:
            first["citations"] = [*first.get("citations", []), *r.get("citations", [])]
    return out


def _reprint(a: str, b: str) -> bool:
    """Whether two passages' letters are one passage but for a few (a lost ligature, a typo),
    their numbers the same ("3,000 Kazak troops" and "300 Kazak troops" are two reports)."""
    if abs(len(a) - len(b)) > len(a) // 20 or _NUMBERS.findall(a) != _NUMBERS.findall(b):
        return False
    from rapidfuzz import fuzz  # only where two long passages of one date name the same ones

    return fuzz.ratio(a, b) >= REPRINTED


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
        # its events and other statements in the order the build worked out (Index.profile), read
        # as they are shown: a terminal's 25 rows of a profile of 7,000 events read 25
        shown = self.ix.profile(self.entity_index[e["id"]])
        if shown is None:
            raise sqlite3.DatabaseError(f"index damaged: no profile of {e['id']}")
        in_order, said = shown
        events = RawList(keys=in_order.tolist(), fetch=self._profile_events)
        statements = RawList(keys=[e["statements"][-1 - r] if r < 0 else r for r in said], fetch=self._statements)
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

    def _profile_events(self, keys: Sequence[int]) -> list[str]:
        """The JSON of a profile's events shown (Index.profile): read from the index, or made here
        for a sentence its document's date reports (reported_by)."""
        got = iter(self.ix.outs([k for k in keys if k >= 0]))
        reported = self.ix.sentences_by_rid([-1 - k for k in keys if k < 0])
        return [next(got) if k >= 0 else json.dumps(self.reported_by(reported[-1 - k]), ensure_ascii=False) for k in keys]

    def _statements(self, keys: Sequence[int | dict[str, Any]]) -> list[str]:
        """The JSON of a profile's other statements shown: the registry's quotes as they are, the
        sentences as citations."""
        sents = self.ix.sentences_by_rid([k for k in keys if isinstance(k, int)])
        self.source_names.fill({s["source"] for s in sents.values()})
        return [json.dumps(k if isinstance(k, dict) else self.citation_of_sentence(sents[k]), ensure_ascii=False)
                for k in keys]

    @cached_property
    def _dated_sources(self) -> dict[str, dict[str, Any] | None]:
        return {}

    def document_dated(self, source: str) -> dict[str, Any] | None:
        """The day a document's header or date line gives it (its text, value, offsets), or None."""
        if source not in self._dated_sources:
            self._dated_sources[source] = self.ix.source_dated(source)
        return self._dated_sources[source]

    def reported_by(self, s: dict[str, Any]) -> dict[str, Any] | None:
        """A sentence that states no date, as an answer dated on or before the day its document's
        header or date line gives ("893.00/12–1846: Telegram", "Chungking, September 21, 1942"),
        citing the sentence and those words; None when its document gives no day."""
        d = self.document_dated(s["source"])
        if d is None or not reports(s["text"], s["start"], s["end"], d):
            return None  # undated; the words that date it; a name alone, a signature: nothing reported
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
        from etr.store.index import registry_dated

        return [(evid, json.loads(out)) for evid, out in registry_dated(self.ix.con, e)]


OTHER_WORDS = 6  # at most this many other names tried for one word of a query (FactBase.other_words)
