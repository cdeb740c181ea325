"""The relation graph in the formats graph tools read.

GraphML and GEXF (Gephi, yEd, Cytoscape) through networkx's own writers, as a directed
multigraph: one edge per pair and relation, keyed by the relation; every attribute a plain
value, the citations as a JSON string (`json.loads(G.edges[e]["citations"])`). DOT for
Graphviz, Mermaid to paste into Markdown (its citations as %% comments, which renderers
skip), and node-link JSON (networkx.node_link_graph, D3). networkx is imported only here.
"""

from __future__ import annotations

import json
import re

from etr.text.safe import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SHAPES = {"person": "ellipse", "group": "ellipse", "place": "house", "organisation": "box", "military": "box",
          "state": "box3d", "event": "diamond", "treaty": "note", "document": "note", "newspaper": "note"}
COLOURS = {"person": "#cfe3f7", "group": "#dcecc8", "place": "#f7e3c4", "organisation": "#e6d7f2", "military": "#f2d0d0",
           "state": "#e0e0e0", "event": "#fff2b3", "treaty": "#d8f0ec", "document": "#d8f0ec", "newspaper": "#d8f0ec"}


def _dates(e: dict[str, Any]) -> str:
    return "; ".join(d["value"] for d in e["dates"])


def _cites(e: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"source": c["source"], "section": c["section"], "start": c["start"], "end": c["end"], "quote": c["quote"]}
            for c in e["citations"]]


def networkx_graph(g: dict[str, Any]) -> Any:
    import networkx as nx

    G: Any = nx.MultiDiGraph(name="etr relation graph")
    for n in g["nodes"]:
        G.add_node(n["id"], label=n["name"], kind=n["type"], description=n["description"],
                   aliases="; ".join(n["aliases"]), curated=bool(n["curated"]))
    for e in g["edges"]:
        dates = [d for d in e["dates"] if d["start"]]
        G.add_edge(e["source"], e["target"], key=e["relation"], relation=e["relation"], label=e["relation"],
                   directed=bool(e["directed"]), weight=e["weight"], dates=_dates(e),
                   first_date=min((d["start"] for d in dates), default=""),
                   last_date=max((d["end"] for d in dates), default=""),
                   sources="; ".join(dict.fromkeys(c["source"] for c in e["citations"])),
                   citations=json.dumps(_cites(e), ensure_ascii=False))
    return G


def graphml(g: dict[str, Any]) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(networkx_graph(g), named_key_ids=True)) + "\n"


def gexf(g: dict[str, Any]) -> str:
    import networkx as nx

    return "\n".join(nx.generate_gexf(networkx_graph(g))) + "\n"


def node_link(g: dict[str, Any], interpreted: dict[str, Any]) -> str:
    """networkx's node-link JSON (edges under "links"), with the citations as lists."""
    doc = {"directed": True, "multigraph": True, "graph": {"name": "etr relation graph", **interpreted},
           "nodes": [{"id": n["id"], "label": n["name"], "kind": n["type"], "description": n["description"],
                      "aliases": n["aliases"], "curated": n["curated"]} for n in g["nodes"]],
           "links": [{"source": e["source"], "target": e["target"], "key": e["relation"], "relation": e["relation"],
                      "directed": e["directed"], "weight": e["weight"], "dates": e["dates"], "citations": _cites(e)}
                     for e in g["edges"]]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _dot_id(text: str) -> str:
    return '"' + clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(g: dict[str, Any]) -> str:
    """Graphviz: co-occurrence as plain lines (their width the number of sentences), typed links
    as labelled arrows; each edge's tooltip holds its first citation."""
    out = ["digraph etr {", '  graph [overlap=false, splines=true, fontname="Helvetica", rankdir=LR];',
           '  node [style=filled, fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];']
    for n in g["nodes"]:
        out.append(f"  {_dot_id(n['id'])} [label={_dot_id(n['name'])}, shape={SHAPES.get(n['type'], 'ellipse')}, "
                   f"fillcolor=\"{COLOURS.get(n['type'], '#eeeeee')}\", tooltip={_dot_id(n['type'] + ': ' + n['description'])}];")
    for e in g["edges"]:
        c = e["citations"][0]
        tip = f"{c['quote']} [{c['source']} § {c['section']}, {c['start']}-{c['end']}]"
        if e["weight"] > 1:
            tip += f" (+{e['weight'] - 1} more)"
        attrs = [f"weight={e['weight']}", f"penwidth={min(6, 0.6 + 0.4 * e['weight']):.1f}", f"tooltip={_dot_id(tip)}",
                 f"etr_relation={_dot_id(e['relation'])}", f"etr_dates={_dot_id(_dates(e))}",
                 f"etr_citations={_dot_id(json.dumps(_cites(e), ensure_ascii=False))}"]
        if e["directed"]:
            attrs.insert(0, f"label={_dot_id(e['relation'])}")
            attrs.append('color="#1f5f99"')
        else:
            attrs.append('dir=none, color="#8a949e"')
        out.append(f"  {_dot_id(e['source'])} -> {_dot_id(e['target'])} [{', '.join(attrs)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _mermaid_text(text: str) -> str:
    """Text inside a Mermaid label: no quotes, brackets or pipes that end it early."""
    return re.sub(r'["\[\]{}|<>#;`]', " ", clean(text)).strip() or "?"


def mermaid(g: dict[str, Any]) -> str:
    """A Mermaid flowchart: nodes by type (rounded: people and groups; boxes: organisations ...),
    typed links as labelled arrows, co-occurrence as plain lines with the number of sentences;
    each link's citations follow it as %% comments."""
    ids = {n["id"]: f"n{k}" for k, n in enumerate(g["nodes"])}
    shape = {"person": ("(", ")"), "group": ("(", ")"), "place": ("[/", "/]"), "event": ("{{", "}}"),
             "treaty": ("[[", "]]"), "document": ("[[", "]]")}
    out = ["flowchart LR", "%% made by etr: every link's sentences are quoted in the %% lines after it"]
    for n in g["nodes"]:
        a, b = shape.get(n["type"], ("[", "]"))
        out.append(f'  {ids[n["id"]]}{a}"{_mermaid_text(n["name"])}"{b}')
    for e in g["edges"]:
        s, t = ids[e["source"]], ids[e["target"]]
        if e["directed"]:
            out.append(f'  {s} -->|"{_mermaid_text(e["relation"])}"| {t}')
        else:
            label = e["relation"] if e["relation"] != "co-occurs" else f"{e['weight']} sentence{'s' if e['weight'] > 1 else ''}"
            out.append(f'  {s} ---|"{_mermaid_text(label)}"| {t}')
        for c in e["citations"]:
            out.append(f"  %% {c['source']} § {clean(c['section'])} [{c['start']}:{c['end']}] {clean(c['quote'])}")
    return "\n".join(out) + "\n"
