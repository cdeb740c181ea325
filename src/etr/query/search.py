"""search: entities, events and sentences ranked together for free text or a question."""

from __future__ import annotations

from etr.errors import NotFound
from etr.query.core import FactBase, clean_query, reprinted_once, with_score
from etr.query.rank import score_sentences
from etr.text.terms import terms

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any


def search(fb: FactBase, query: str, limit: int = 10) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    q = clean_query(query)
    results: list[dict[str, Any]] = []
    for m in fb.names.match(q, limit=3):
        if m.score >= 88:
            e = fb.entity_full(m.entity)
            results.append({"kind": "entity", "score": round(m.score / 100, 3), "id": e["id"],
                            "type": e["type"], "name": e["name"], "matched": m.form,
                            "description": e["description"]})
    scored = score_sentences(fb, q, documents=True)
    best = scored[0][0] if scored else 1.0
    top = []
    for score, rid in scored[: max(limit * 2, 20)]:
        norm = score / best if best else 0.0
        if norm < 0.2:
            break
        top.append((norm, rid))
    sents = fb.ix.sentences_by_rid([rid for _n, rid in top])
    for norm, rid in top:
        s = sents[rid]
        cit = fb.citation_of_sentence(s)
        ev = fb.ix.event_out(s["events"][0]) if s["events"] else None
        if ev is not None:
            item = with_score(ev, norm * 0.97)
            item["kind"] = "event"
        else:
            item = {"kind": "sentence", "id": s["id"], "score": round(norm * 0.97, 3), "text": s["text"],
                    "entities": [fb.entity_ref(x) for x in s["entities"]], "citations": [cit]}
        results.append(item)
    results.sort(key=lambda r: -r["score"])
    results = reprinted_once(results)
    if not results:
        raise NotFound(f"nothing found for {q!r}")
    return results[:limit], {"terms": terms(q)}
