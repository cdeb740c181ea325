"""The relation graph: entities as nodes, and links from the sentences that name them together.

Every sentence naming two or more entities links each pair ("co-occurs"); where the words
between two names say how they are linked ("X, the leader of Y", "Y was led by X", "X met Y",
"X signed Y"), a typed link too (etr.query.links, by the patterns of rules/relations.toml). A link carries
every sentence that states it (as a citation: source, section, offsets, quote) and the dates
those sentences give. `graph(fb, name, depth)` is the whole graph, or the entities within
`depth` links of one. No I/O, no rendering. Imports etr.query.
"""

from __future__ import annotations

from etr.errors import NotFound
from etr.query.core import FactBase
from etr.query.links import relations, typed_links

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

CO_OCCURS = "co-occurs"


def graph(fb: FactBase, name: str | None, depth: int | None, limit: int | None = None
          ) -> tuple[dict[str, Any], dict[str, Any]]:
    """{"nodes": [...], "edges": [...]}: every link the sentences state (or those within `depth`
    links of the entity `name` matches), the most often stated first; at most `limit` links."""
    light = fb.entity_by_id
    event_dates: dict[str, dict[str, Any]] = {}
    for ev in fb.ix.all_events():
        event_dates[ev["id"]] = ev["date"]
    titles = {sid: t for sid, (_o, _s, t) in fb.source_names.items()}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s in fb.ix.all_sentences():
        ids = [x for x in dict.fromkeys(s["entities"]) if x in light]
        if len(ids) < 2:
            continue
        cit = {"source": s["source"], "title": titles.get(s["source"], s["source"]), "section": s["section"],
               "start": s["start"], "end": s["end"], "quote": s["text"]}
        dates = [event_dates[x] for x in s["events"] if x in event_dates]
        links = [(a, CO_OCCURS, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
        links += typed_links(s["text"], [light[x] for x in ids])
        for a, rel, b in links:
            if rel == CO_OCCURS and a > b:
                a, b = b, a
            edge = edges.get((a, rel, b))
            if edge is None:
                edge = edges[(a, rel, b)] = {"source": a, "target": b, "relation": rel,
                                             "directed": rel != CO_OCCURS and not _symmetric(rel),
                                             "citations": [], "dates": []}
            edge["citations"].append(cit)
            for d in dates:
                short = {"value": d["value"], "start": d["start"], "end": d["end"]}
                if short not in edge["dates"]:
                    edge["dates"].append(short)
    interpreted: dict[str, Any] = {}
    chosen = list(edges.values())
    if name is not None:
        from etr.query.lookup import lookup

        found, _ = lookup(fb, name, None)
        center = found[0]["id"]
        depth = depth or 1
        interpreted.update(center=fb.entity_ref(center), depth=depth)
        near = {center}
        frontier = {center}
        for _ in range(depth):
            nxt = set()
            for e in chosen:
                if e["source"] in frontier and e["target"] not in near:
                    nxt.add(e["target"])
                if e["target"] in frontier and e["source"] not in near:
                    nxt.add(e["source"])
            near |= nxt
            frontier = nxt
        chosen = [e for e in chosen if e["source"] in near and e["target"] in near]
        if not chosen:
            raise NotFound(f"no sentence names {found[0]['name']} together with anything else")
    for e in chosen:
        e["weight"] = len(e["citations"])
        e["dates"].sort(key=lambda d: (d["start"] or "", d["end"] or ""))
    center_id = interpreted["center"]["id"] if "center" in interpreted else None
    # the center's own links first, then the strongest
    chosen.sort(key=lambda e: (center_id is not None and center_id not in (e["source"], e["target"]), -e["weight"],
                               e["relation"] == CO_OCCURS, e["source"], e["target"], e["relation"]))
    if limit is not None:
        chosen = chosen[:limit]
    used = {x for e in chosen for x in (e["source"], e["target"])}
    nodes = []
    for eid in sorted(used, key=lambda x: fb.entity_index.get(x, 0)):
        e = light[eid]
        nodes.append({"id": eid, "name": e["name"], "type": e["type"], "description": e.get("description", ""),
                      "aliases": e.get("aliases", []), "curated": e.get("curated", True)})
    interpreted.update(nodes=len(nodes), edges=len(chosen))
    if not chosen:
        raise NotFound("no two entities are named together in one sentence")
    return {"nodes": nodes, "edges": chosen}, interpreted


def _symmetric(rel: str) -> bool:
    return any(r.symmetric for r in relations() if r.name == rel)
