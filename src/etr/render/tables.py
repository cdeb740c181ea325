"""Results as Rich renderables for a terminal: profiles, event tables, search results, sources.

Never prints: every function returns a Rich renderable. Text from documents and users reaches
Rich only as `Text` objects after `clean` (etr.text.safe), so markup such as "[bold]" or
"[link=...]" in a document is shown, never obeyed. Rich is imported when a table is drawn.
Imports rich, etr.text.safe and the standard library.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from etr.text.safe import clean

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.table import Table
    from rich.text import Text

def _rich() -> tuple[type[Group], type[Table], type[Text]]:
    """Rich's classes, imported when a table is drawn: JSON and plain output never load Rich."""
    from rich.console import Group as G
    from rich.table import Table as T
    from rich.text import Text as X

    return G, T, X


def short_cite(c: dict[str, Any], shorts: dict[str, str]) -> str:
    return f"[{shorts.get(c['source'], c['source'])} §{c['section']}]"


def date_cell(d: dict[str, Any], mark: str = "") -> Text:
    """The date for a table cell: value and modifier, then how it was read on a line of its own."""
    Group, Table, Text = _rich()
    mod = f" {d['mod'].lower()}" if d.get("mod") else ""
    cell = Text(clean(f"{d['value']}{mod}{mark}"))
    if d.get("how") not in (None, "explicit"):
        cell.append("\n(" + clean(d["how"]) + ")", style="dim")
    return cell


def legend(shorts: dict[str, str], titles: dict[str, str], used: set[str]) -> Text:
    Group, Table, Text = _rich()
    parts = [f"{shorts[s]} = {titles[s]}" for s in sorted(used) if s in shorts]
    return Text(clean("Sources: " + "; ".join(parts)), style="dim") if parts else Text("")


SOURCE_COLUMN: tuple[str, dict[str, Any]] = ("source", {"max_width": 24, "overflow": "ellipsis", "no_wrap": True})


def _table(title: str | None, columns: list[tuple[str, dict[str, Any]]]) -> Table:
    Group, Table, Text = _rich()
    t = Table(title=Text(clean(title)) if title else None, show_lines=False, expand=False, title_justify="left")
    for name, opts in columns:
        t.add_column(name, **opts)
    return t


def events_table(events: Iterable[dict[str, Any]], shorts: dict[str, str], title: str | None = None) -> Table:
    Group, Table, Text = _rich()
    t = _table(title, [("date", {"no_wrap": True}), ("as written", {"max_width": 14}),
                       ("statement", {"ratio": 1, "min_width": 24}), SOURCE_COLUMN])
    for ev in events:
        d = ev["date"]
        mark = "" if ev.get("within", True) else " ~"
        t.add_row(date_cell(d, mark), Text(clean(d["text"])), Text(clean(ev["text"])),
                  Text(clean(short_cite(ev["citations"][0], shorts))))
    return t


def entity_renderable(ent: dict[str, Any], shorts: dict[str, str], titles: dict[str, str]) -> RenderableType:
    Group, Table, Text = _rich()
    head = Text()
    head.append(clean(ent["name"]), style="bold")
    head.append(f"  ({clean(ent['type'])}{'' if ent.get('curated', True) else ', auto-discovered'})")
    lines: list[RenderableType] = [head]
    if ent["matched"] != ent["name"]:
        lines.append(Text(f"matched: {clean(ent['matched'])} ({clean(ent.get('match_kind', ''))})"))
    if ent["aliases"]:
        lines.append(Text("also written: " + clean(", ".join(ent["aliases"]))))
    if ent.get("variants"):
        lines.append(Text("other spellings (not in the documents): " + clean(", ".join(ent["variants"]))))
    if ent["description"]:
        lines.append(Text(clean(ent["description"])))
    if ent.get("roles"):
        lines.append(Text("roles: " + clean("; ".join(ent["roles"]))))
    used = {c["source"] for ev in ent["events"] for c in ev["citations"]} | {c["source"] for c in ent["statements"]}
    if ent["events"]:
        lines.append(events_table(ent["events"], shorts, "Dated events"))
    if ent["statements"]:
        t = _table("Undated statements", [("statement", {"ratio": 1, "min_width": 30}), SOURCE_COLUMN])
        for c in ent["statements"]:
            t.add_row(Text(clean(c["quote"])), Text(clean(short_cite(c, shorts))))
        lines.append(t)
    if ent["related"]:
        lines.append(Text("appears with: " + clean(", ".join(f"{r['name']} ({r['count']})" for r in ent["related"][:8]))))
    lines.append(legend(shorts, titles, used))
    return Group(*lines)


def search_table(results: list[dict[str, Any]], shorts: dict[str, str]) -> Table:
    Group, Table, Text = _rich()
    t = _table(None, [("score", {"no_wrap": True}), ("kind", {"no_wrap": True}), ("date", {"no_wrap": True}),
                      ("result", {"ratio": 1, "min_width": 30}), SOURCE_COLUMN])
    for r in results:
        if r["kind"] == "entity":
            t.add_row(f"{r['score']:.2f}", "entity", "", Text(clean(f"{r['name']} ({r['type']}): {r['description']}")), r["id"])
        else:
            date = date_cell(r["date"]) if r["kind"] == "event" else Text("")
            t.add_row(f"{r['score']:.2f}", r["kind"], date, Text(clean(r["text"])),
                      Text(clean(short_cite(r["citations"][0], shorts))))
    return t


def sources_table(sources: list[dict[str, Any]]) -> Table:
    Group, Table, Text = _rich()
    t = _table(None, [("id", {"no_wrap": True}), ("title", {"ratio": 1}), ("author", {}), ("kind", {}),
                      ("sections", {"justify": "right"}), ("sentences", {"justify": "right"}),
                      ("events", {"justify": "right"}), ("entities", {"justify": "right"})])
    for s in sources:
        c = s["counts"]
        t.add_row(Text(clean(s["id"])), Text(clean(s["title"])), Text(clean(s["author"])), Text(clean(s["kind"])),
                  str(len(s["sections"])), str(c["sentences"]), str(c["events"]), str(c["entities"]))
    return t


def context_renderable(item: dict[str, Any], shorts: dict[str, str]) -> RenderableType:
    Group, Table, Text = _rich()
    parts: list[RenderableType] = []
    if "date" in item:
        d = item["date"]
        line = f"{d['value']}  ({d['how']}"
        line += f", from {d['anchor']})" if d.get("anchor") else ")"
        parts.append(Text(clean(f"date: {d['text']} -> {line}")))
    ctx = item.get("context")
    if ctx:
        para = ctx["paragraph"]
        t = Text()
        t.append(clean(para[: ctx["start"]]))
        t.append(clean(para[ctx["start"] : ctx["end"]]), style="bold reverse")
        t.append(clean(para[ctx["end"] :]))
        parts.append(Text(clean(f"{ctx['title']} §{ctx['section']}"), style="dim"))
        parts.append(t)
    if item.get("entities"):
        parts.append(Text("names: " + clean(", ".join(e["name"] for e in item["entities"]))))
    c = item["citations"][0]
    parts.append(Text(clean(f"cite: {c['source']} [{c['start']}:{c['end']}] {short_cite(c, shorts)}"), style="dim"))
    return Group(*parts)


def extract_table(results: list[dict[str, Any]]) -> Table:
    Group, Table, Text = _rich()
    t = _table(None, [("kind", {}), ("start", {"justify": "right"}), ("end", {"justify": "right"}),
                      ("text", {"ratio": 1}), ("value / entity", {})])
    for r in results:
        what = r["value"] if r["kind"] == "date" else f"{r['name']} ({r['type']})"
        t.add_row(r["kind"], str(r["start"]), str(r["end"]), Text(clean(r["text"])), Text(clean(what)))
    return t




def profiles(results: list[dict[str, Any]], interpreted: dict[str, Any], asked: str,
             shorts: dict[str, str], titles: dict[str, str]) -> RenderableType:
    """who / where / what: each matching entity's profile, close matches announced."""
    Group, Table, Text = _rich()
    parts: list[RenderableType] = []
    if interpreted.get("ambiguous"):
        parts.append(Text(f"{len(results)} close matches for {clean(asked)!r}:", style="yellow"))
    parts += [entity_renderable(r, shorts, titles) for r in results]
    return Group(*parts)


def events_with_legend(events: Iterable[dict[str, Any]], shorts: dict[str, str], titles: dict[str, str],
                       interpreted: dict[str, Any]) -> RenderableType:
    """when / timeline: the events in a table, the sources they cite named under it."""
    Group, Table, Text = _rich()
    used = {ev["citations"][0]["source"] for ev in events}
    period = interpreted.get("period")
    title = f"{period['start']} to {period['end']}  (~ = known only more coarsely)" if period else None
    return Group(events_table(events, shorts, title), legend(shorts, titles, used))


def shown(item: dict[str, Any], shorts: dict[str, str], titles: dict[str, str]) -> RenderableType:
    """show: an entity's profile, or an event or sentence in its paragraph."""
    if item["kind"] == "entity":
        return entity_renderable(item, shorts, titles)
    return context_renderable(item, shorts)
