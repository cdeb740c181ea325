"""Turning results into output: the JSON envelope, Rich tables for a terminal, plain TSV for pipes.

Never prints: every function returns a string or a Rich renderable. Text from documents and
users is made safe here: control characters are removed, and it reaches Rich only as `Text`
objects, so markup such as "[bold]" or "[link=...]" in a document is shown, never obeyed.
Imports rich and the standard library.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.table import Table
    from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")


def valid_text(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes in argv) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean(text: Any) -> str:
    """Text safe for a terminal: escape sequences and control characters removed, lines joined."""
    s = _ANSI.sub("", valid_text(str(text)))
    s = s.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("", s)


def _rich() -> tuple[type[Group], type[Table], type[Text]]:
    """Rich's classes, imported when a table is drawn: JSON and plain output never load Rich."""
    from rich.console import Group as G
    from rich.table import Table as T
    from rich.text import Text as X

    return G, T, X


def envelope(command: str, query: Any, interpreted: dict[str, Any], results: list[dict[str, Any]]) -> dict[str, Any]:
    return {"command": command, "query": query, "interpreted": interpreted, "results": results}


def to_json(env: dict[str, Any]) -> str:
    """One JSON document; lists of results that are JSON already (etr.index.RawList) go in as
    they are, through a placeholder no document text can contain."""
    raws: list[Any] = []
    nonce = os.urandom(6).hex()

    def hold(obj: Any) -> str:
        if not hasattr(obj, "items") or not hasattr(obj, "json"):
            raise TypeError(f"cannot write {type(obj).__name__} as JSON")
        raws.append(obj)
        return f"\x00{nonce}:{len(raws) - 1}\x00"

    text = json.dumps(env, ensure_ascii=False, default=hold)
    for i, raw in enumerate(raws):
        text = text.replace(f'"\\u0000{nonce}:{i}\\u0000"', raw.json(), 1)
    return text + "\n"


def to_jsonl(results: Iterable[dict[str, Any]]) -> str:
    if hasattr(results, "json") and hasattr(results, "items"):  # RawList: one JSON text per item
        return "".join(x + "\n" for x in results.items)
    return "".join(to_json(r) for r in results)


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


def events_table(events: list[dict[str, Any]], shorts: dict[str, str], title: str | None = None) -> Table:
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


# ------------------------------------------------------------------ plain rows for pipes


def tsv(header: list[str], rows: Iterable[list[Any]]) -> str:
    out = ["\t".join(header)]
    for r in rows:
        out.append("\t".join(clean(x) for x in r))
    return "\n".join(out) + "\n"


def event_rows(events: list[dict[str, Any]]) -> list[list[Any]]:
    return [[ev["date"]["value"], ev["date"]["text"], ev["date"]["how"], ev["text"],
             f"{ev['citations'][0]['source']}:{ev['citations'][0]['section']}", ev["id"]] for ev in events]


EVENT_HEADER = ["date", "as_written", "how", "statement", "source", "id"]


def entity_tsv(ents: list[dict[str, Any]]) -> str:
    rows: list[list[Any]] = []
    for e in ents:
        rows.append(["entity", e["id"], e["name"], e["type"], "; ".join(e["aliases"]), e["description"]])
        for ev in e["events"]:
            rows.append(["event", ev["id"], ev["date"]["value"], ev["date"]["text"], ev["text"],
                         f"{ev['citations'][0]['source']}:{ev['citations'][0]['section']}"])
        for c in e["statements"]:
            rows.append(["statement", "", "", "", c["quote"], f"{c['source']}:{c['section']}"])
    return tsv(["row", "id", "name_or_date", "type_or_text", "text", "source"], rows)
