"""A name asked with words of context ("Maqsud Shah, last khan of Hami", "Walz, member of Sven
Hedin's expedition held by frontier guards", "Popular Revolutionary Party: what did Moscow want
its programme to say about autonomy?"): the sentences about it that answer those words.

The name finds the entity (etr.query.lookup); the rest of the question is what the asker wants to
know of it. The sentences `etr search` ranks best for the whole question are read, best first, and
those that name the entity and hold a third of the weight of the question's other words (not its
names, in any spelling: "Ma Chung-ying's troops" asks about troops) are shown with the profile
(`in_context`), each cited. Nothing is inferred: a sentence is shown because it names the entity
with the asker's words, and the asker reads what it says.
"""

from __future__ import annotations

from etr.query.core import FactBase
from etr.text.fold import fold
from etr.text.match import Match
from etr.text.terms import STOP, terms

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SHOWN = 3  # at most this many sentences
READ = 40  # of the best this many sentences for the whole question
NAMING = 0.34  # a sentence naming the entity holds this share of the context's weight
_ASKING = frozenset(terms("who whom whose what which where when why how did does do was were is are "
                          "happened say said about"))


def in_context(fb: FactBase, q: str, m: Match, limit: int = SHOWN) -> list[dict[str, Any]]:
    """Up to `limit` cited sentences about entity m.entity that answer the words of q beyond the
    name it was found by; [] when q is only the name."""
    e = fb.entities[m.entity]
    named = {t for f in (m.form, e["name"], *e["aliases"], *e.get("variants", []), *e.get("forms", {}))
             for t in terms(f)}
    context = {t for t in terms(q) if t not in STOP and t not in _ASKING and t not in named}
    if not context:
        return []
    # (only a question with words of context ranks sentences: a name alone never imports it)
    from etr.query.rank import score_sentences

    ix = fb.ix
    rids = set(ix.entity_rids(m.entity))
    scored = [rid for _score, rid in score_sentences(fb, q, documents=True)[:READ] if rid in rids]
    if not scored:
        return []
    idf = ix.idf(context)
    weight = sum(idf.get(t, 0.0) for t in context) or 1.0
    sents = ix.sentences_by_rid(scored)
    out: list[dict[str, Any]] = []
    for rid in scored:
        s = sents[rid]
        held = context & set(terms(s["text"]))
        share = sum(idf.get(t, 0.0) for t in held) / weight
        if share >= NAMING and fold(s["text"]).strip() != fold(m.form):
            out.append(fb.citation_of_sentence(s))
            if len(out) >= limit:
                break
    return out
