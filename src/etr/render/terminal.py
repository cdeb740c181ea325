"""Results laid out for a person at a terminal: the answer first, every line within the screen.

Profiles, event lists and tables are plain text columns that wrap to the terminal's width (80
columns included): a date, the statement, and a short source label whose full title is in the
legend underneath. Styles are ANSI bold/dim/reverse and a little colour, none under NO_COLOR
or TERM=dumb. Widths count terminal cells, so Chinese characters take two.

Never prints: every function returns a string. Text from documents and users passes through
`clean` (etr.text.safe) before it is laid out, so escape sequences in a document are never sent
to the terminal. Standard library only: this is the path of every plain query, and importing a
rendering library cost more than answering (bench/README.md).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Sequence

from etr.text.safe import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MARK_ON, MARK_OFF = "\ue000", "\ue001"  # a highlighted span inside text being wrapped (zero cells)
# rows of one list (events, statements, links, sources) a terminal shows when no --limit is given:
# a fact base of 10,000 documents gave one `etr who` 61,598 lines (bench/README.md)
AT_MOST = 25


class Screen:
    """The terminal's width and which styles it shows."""

    __slots__ = ("width", "styles", "colour")

    def __init__(self, width: int = 100, styles: bool = False, colour: bool = False) -> None:
        self.width, self.styles, self.colour = max(40, width), styles, colour and styles

    @classmethod
    def detect(cls) -> Screen:
        """The screen stdout is: COLUMNS if set, else the terminal's size; styles (bold, dim, some
        colour) unless NO_COLOR is set (no-color.org) or TERM=dumb."""
        try:
            width = int(os.environ.get("COLUMNS", "") or os.get_terminal_size(1).columns)
        except (ValueError, OSError):
            width = 100
        styles = "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        return cls(width, styles, styles)

    def style(self, text: str, *codes: str) -> str:
        """`text` in ANSI styles (bold, dim, reverse, yellow), if this screen shows them."""
        sgr = {"bold": "1", "dim": "2", "reverse": "7", "yellow": "33"}
        wanted = [sgr[c] for c in codes if self.styles and (c != "yellow" or self.colour)]
        return f"\x1b[{';'.join(wanted)}m{text}\x1b[0m" if wanted and text else text


def cells(text: str) -> int:
    """How many terminal columns `text` takes (wide characters two, marks none)."""
    if text.isascii():
        return len(text)
    n = 0
    for ch in text:
        if ch in (MARK_ON, MARK_OFF) or unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def cut(text: str, width: int) -> str:
    """`text` shortened to `width` cells, with an ellipsis where it was cut."""
    if cells(text) <= width:
        return text
    out, n = "", 0
    for ch in text:
        w = cells(ch)
        if n + w > width - 1:
            break
        out, n = out + ch, n + w
    return out + "…"


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken between words (a word longer than a
    line is broken where it must be)."""
    width = max(1, width)
    lines: list[str] = []
    line, n = "", 0
    for word in text.split():
        w = cells(word)
        while w > width:  # a very long word: fill the line, carry the rest
            room = width - n - (1 if line else 0)
            if room <= 0:
                lines.append(line)
                line, n = "", 0
                continue
            head = cut(word, room + 1)[:-1] or word[:1]
            lines.append(f"{line} {head}" if line else head)
            word = word[len(head):]
            w = cells(word)
            line, n = "", 0
        if not line:
            line, n = word, w
        elif n + 1 + w <= width:
            line, n = f"{line} {word}", n + 1 + w
        else:
            lines.append(line)
            line, n = word, w
    if line or not lines:
        lines.append(line)
    return lines


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cells(text))


class Column:
    """A column of a grid: `flex` columns share what the fixed ones leave of the screen; a fixed
    one holds at most `most` cells and `lines` lines, cut with an ellipsis."""

    __slots__ = ("name", "most", "flex", "right", "lines")

    def __init__(self, name: str, most: int = 30, flex: bool = False, right: bool = False, lines: int = 1) -> None:
        self.name, self.most, self.flex, self.right, self.lines = name, most, flex, right, lines


GAP = "  "


def grid(screen: Screen, columns: Sequence[Column], rows: Iterable[Sequence[str]]) -> list[str]:
    """Rows in columns under a header, each cell wrapped to its column (a cell may hold several
    lines, separated by newlines); the flexible column takes what the screen has left."""
    rows = [[clean_lines(c) for c in r] for r in rows]
    widths = []
    for i, col in enumerate(columns):
        natural = max([cells(col.name)] + [cells(x) for r in rows for x in r[i].split("\n")])
        widths.append(natural if col.flex else min(natural, col.most))
    fixed = sum(w for w, c in zip(widths, columns, strict=True) if not c.flex) + len(GAP) * (len(columns) - 1)
    flexible = [i for i, c in enumerate(columns) if c.flex]
    room = max(16, screen.width - fixed)
    for i in flexible:
        widths[i] = min(widths[i], room // len(flexible))
    out = [GAP.join(screen.style(c.name, "bold") + " " * (w - cells(c.name)) for c, w in zip(columns, widths, strict=True)).rstrip(),
           GAP.join("─" * w for w in widths)]
    for r in rows:
        cols = []
        for text, col, w in zip(r, columns, widths, strict=True):
            lines = []
            for part in text.split("\n"):
                if col.flex:
                    lines += wrap(part, w)
                else:
                    got = wrap(part, w)
                    if len(got) > col.lines:
                        got = got[: col.lines - 1] + [cut(" ".join(got[col.lines - 1 :]), w)]
                    lines += got
            cols.append(lines)
        for k in range(max(len(c) for c in cols)):
            cells_ = []
            for lines, col, w in zip(cols, columns, widths, strict=True):
                piece = lines[k] if k < len(lines) else ""
                cells_.append(" " * (w - cells(piece)) + piece if col.right else pad(piece, w))
            out.append(GAP.join(cells_).rstrip())
    return out


def clean_lines(text: Any) -> str:
    """`clean` for a cell that may hold several lines."""
    return "\n".join(clean(x) for x in str(text).split("\n"))


def paragraph(screen: Screen, text: str, indent: str = "", first: str = "") -> list[str]:
    """Prose wrapped to the screen, with highlighted spans (MARK_ON ... MARK_OFF) styled."""
    lines = wrap(text, screen.width - cells(indent))
    out = []
    on = False
    for k, line in enumerate(lines):
        shown = ""
        for ch in line:
            if ch == MARK_ON:
                on = True
                shown += "\x1b[7m" if screen.styles else "»"
            elif ch == MARK_OFF:
                on = False
                shown += "\x1b[0m" if screen.styles else "«"
            else:
                shown += ch
        if on and screen.styles:
            shown += "\x1b[0m"
        out.append((first if k == 0 and first else indent) + shown)
        if on and screen.styles and k + 1 < len(lines):
            lines[k + 1] = MARK_ON + lines[k + 1]
            on = False
    return out


# ------------------------------------------------------------------ etr's answers


def source_label(c: dict[str, Any], shorts: dict[str, str]) -> str:
    return f"{shorts.get(c['source'], c['source'])} §{c['section']}"


def date_text(d: dict[str, Any], coarser: bool = False) -> str:
    """A date as a cell: its value and modifier, how it was read on a second line."""
    mod = f" {d['mod'].lower()}" if d.get("mod") else ""
    top = f"{d['value']}{mod}{' ~' if coarser else ''}"
    how = d.get("how")
    return top if how in (None, "explicit") else f"{top}\n({how})"


def event_grid(screen: Screen, events: Iterable[dict[str, Any]], shorts: dict[str, str]) -> list[str]:
    rows = [(date_text(ev["date"], not ev.get("within", True)), ev["text"], source_label(ev["citations"][0], shorts))
            for ev in events]
    source_most = 16 if screen.width < 100 else 28
    return grid(screen, [Column("date", 24), Column("statement", flex=True), Column("source", source_most, lines=2)], rows)


def legend(screen: Screen, shorts: dict[str, str], titles: dict[str, str], used: Iterable[str]) -> list[str]:
    parts = [f"{shorts[s]} = {titles[s]}" for s in sorted(set(used)) if s in shorts]
    if not parts:
        return []
    return [screen.style(x, "dim") for x in paragraph(screen, clean("Sources: " + "; ".join(parts)))]


def bounded(items: Any, at_most: int | None) -> tuple[list[Any], int]:
    """The first `at_most` of `items` (all with None) and how many are left out; a list of JSON
    texts from the index (RawList) is sliced before any is parsed."""
    total = len(items)
    if at_most is None or total <= at_most:
        return list(items), 0
    return list(items[:at_most]), total - at_most


def more(screen: Screen, left: int, what: str) -> list[str]:
    """The line that says how many rows a bounded list left out, and how to see them."""
    if left <= 0:
        return []
    return [screen.style(f"… {left:,} more {what} (--limit N shows N; all of them when piped or with --json)", "dim")]


def events(screen: Screen, evs: Any, shorts: dict[str, str], titles: dict[str, str],
           interpreted: dict[str, Any], at_most: int | None = None) -> str:
    """when / timeline: the events, the period asked for above them, the sources below; at most
    `at_most` of them, and how many more."""
    evs, left = bounded(evs, at_most)
    out: list[str] = []
    period = interpreted.get("period")
    if period:
        note = "  (~ = known only more coarsely)" if any(not e.get("within", True) for e in evs) else ""
        out.append(screen.style(f"{period['start']} to {period['end']}", "bold") + note)
    out += event_grid(screen, evs, shorts)
    out += more(screen, left, "events")
    out += legend(screen, shorts, titles, (e["citations"][0]["source"] for e in evs))
    return "\n".join(out) + "\n"


SPELLINGS = 8  # well-known spellings the documents do not use, shown at a terminal


def profile(screen: Screen, ent: dict[str, Any], shorts: dict[str, str], titles: dict[str, str],
            at_most: int | None = None) -> list[str]:
    """One entity: what it is first, then its dated events, its other statements (at most
    `at_most` of each, and how many more), its names."""
    kind = ent["type"] + ("" if ent.get("curated", True) else ", found in an added document")
    out = [screen.style(clean(ent["name"]), "bold") + f"  ({clean(kind)})"]
    if ent.get("matched") and ent["matched"] != ent["name"]:
        out.append(screen.style(clean(f"matched {ent['matched']!r} ({ent.get('match_kind', '')})"), "dim"))
    if ent.get("description"):
        out += paragraph(screen, clean(ent["description"]))
    if ent.get("roles"):
        out += paragraph(screen, clean("roles: " + "; ".join(ent["roles"])))
    if ent.get("aliases"):
        out += paragraph(screen, clean("also written: " + ", ".join(ent["aliases"])))
    said, said_left = bounded(ent.get("said_so", []), at_most)
    if said:  # why a question in other words found it ("capital of Sinkiang Province")
        out += ["", screen.style(f"So called ({len(said) + said_left:,})", "bold")]
        for c in said:
            out += paragraph(screen, clean(f"{c['quote']} [{source_label(c, shorts)}]"), "  ", "• ")
        out += more(screen, said_left, "sentences")
    context, context_left = bounded(ent.get("in_context", []), at_most)
    if context:  # a name asked with words of context ("Maqsud Shah, last khan of Hami")
        out += ["", screen.style(f"In the question's words ({len(context) + context_left:,})", "bold")]
        for c in context:
            out += paragraph(screen, clean(f"{c['quote']} [{source_label(c, shorts)}]"), "  ", "• ")
        out += more(screen, context_left, "sentences")
    evs, evs_left = bounded(ent["events"], at_most)
    statements, statements_left = bounded(ent["statements"], at_most)
    used = ({c["source"] for ev in evs for c in ev["citations"]} | {c["source"] for c in statements}
            | {c["source"] for c in said} | {c["source"] for c in context})
    if evs:
        out += ["", screen.style(f"Dated events ({len(evs) + evs_left:,})", "bold")]
        out += event_grid(screen, evs, shorts)
        out += more(screen, evs_left, "dated events")
    if statements:
        out += ["", screen.style(f"Undated statements ({len(statements) + statements_left:,})", "bold")]
        for c in statements:
            out += paragraph(screen, clean(f"{c['quote']} [{source_label(c, shorts)}]"), "  ", "• ")
        out += more(screen, statements_left, "undated statements")
    for m in ent.get("merges", []):
        where = f" [{source_label(m['citation'], shorts)}]" if m.get("citation") else ""
        out += paragraph(screen, clean(f"also {m['form']}: {m['reason']}{where}"), "  ", "• ")
    for p in ent.get("possibly", []):
        out += paragraph(screen, clean(f"possibly the same as {p['name']} ({p['reason']}; etr show {p['id']})"), "  ", "? ")
    if ent.get("related"):
        out += [""] + paragraph(screen, clean("appears with: " + ", ".join(
            f"{r['name']} ({r['count']})" for r in ent["related"][:8])))
    if ent.get("variants"):
        shown, hidden = ent["variants"][:SPELLINGS], len(ent["variants"]) - SPELLINGS
        rest = f" and {hidden} more (--json)" if hidden > 0 else ""
        out += paragraph(screen, clean("other spellings (not in the documents): " + ", ".join(shown) + rest))
    out += legend(screen, shorts, titles, used)
    return out


def profiles(screen: Screen, results: list[dict[str, Any]], interpreted: dict[str, Any], asked: str,
             shorts: dict[str, str], titles: dict[str, str], at_most: int | None = None) -> str:
    """who / where / what: each matching entity's profile; close matches announced."""
    out: list[str] = []
    if interpreted.get("note"):
        out.append(screen.style(clean(interpreted["note"]), "yellow"))
    if interpreted.get("ambiguous"):
        out.append(screen.style(clean(f"{len(results)} close matches for {asked!r}:"), "yellow"))
    for k, r in enumerate(results):
        if k:
            out += ["", "─" * min(screen.width, 40), ""]
        out += profile(screen, r, shorts, titles, at_most)
    return "\n".join(out) + "\n"


def search(screen: Screen, results: list[dict[str, Any]], shorts: dict[str, str], titles: dict[str, str]) -> str:
    rows = []
    used = []
    for r in results:
        if r["kind"] == "entity":
            rows.append((f"{r['score']:.2f}", "entity", "", f"{r['name']} ({r['type']}): {r['description']}", r["id"]))
        else:
            c = r["citations"][0]
            used.append(c["source"])
            date = date_text(r["date"]) if r["kind"] == "event" else ""
            rows.append((f"{r['score']:.2f}", r["kind"], date, r["text"], source_label(c, shorts)))
    source_most = 16 if screen.width < 100 else 28
    cols = [Column("score", 5, right=True), Column("kind", 8), Column("date", 16), Column("result", flex=True),
            Column("source", source_most)]
    return "\n".join(grid(screen, cols, rows) + legend(screen, shorts, titles, used)) + "\n"


def read_as(how: dict[str, str]) -> str:
    """How a document was read, in a few words: "text", "html", "pdf", "text cp1252 (guessed)"."""
    if how["format"] == "pdf" or how["basis"] == "utf-8":
        return how["format"]
    return f"{how['format']} {how['encoding']} ({how['basis']})"


def sources(screen: Screen, results: list[dict[str, Any]], at_most: int | None = None) -> str:
    results, left = bounded(results, at_most)
    rows = [(s["id"], s["title"], s["kind"], read_as(s["read_as"]), str(len(s["sections"])),
             str(s["counts"]["sentences"]), str(s["counts"]["events"]), str(s["counts"]["entities"])) for s in results]
    cols = [Column("id", 24), Column("title", flex=True), Column("kind", 14), Column("read as", 14, lines=2),
            Column("sections", right=True), Column("sentences", right=True), Column("events", right=True),
            Column("entities", right=True)]
    return "\n".join(grid(screen, cols, rows) + more(screen, left, "sources")) + "\n"


def shown(screen: Screen, item: dict[str, Any], shorts: dict[str, str], titles: dict[str, str]) -> str:
    """show: an entity's profile, or an event or sentence highlighted in its paragraph."""
    if item["kind"] == "entity":
        return "\n".join(profile(screen, item, shorts, titles)) + "\n"
    out: list[str] = []
    if "date" in item:
        d = item["date"]
        how = f"{d['how']}, from {d['anchor']}" if d.get("anchor") else d["how"]
        out += paragraph(screen, clean(f"date: {d['text']} -> {d['value']}  ({how})"))
    ctx = item.get("context")
    if ctx:
        para = ctx["paragraph"]
        marked = clean(para[: ctx["start"]]) + MARK_ON + clean(para[ctx["start"] : ctx["end"]]) + MARK_OFF + clean(para[ctx["end"]:])
        out.append(screen.style(clean(f"{ctx['title']} §{ctx['section']}"), "dim"))
        out += paragraph(screen, marked)
    if item.get("entities"):
        out += paragraph(screen, clean("names: " + ", ".join(e["name"] for e in item["entities"])))
    c = item["citations"][0]
    out.append(screen.style(clean(f"cite: {c['source']} [{c['start']}:{c['end']}] [{source_label(c, shorts)}]"), "dim"))
    return "\n".join(out) + "\n"


def extracted(screen: Screen, results: list[dict[str, Any]]) -> str:
    rows = [(r["kind"], str(r["start"]), str(r["end"]), r["text"],
             r["value"] if r["kind"] == "date" else f"{r['name']} ({r['type']})") for r in results]
    cols = [Column("kind", 6), Column("start", right=True), Column("end", right=True), Column("text", flex=True),
            Column("value / entity", 30)]
    return "\n".join(grid(screen, cols, rows)) + "\n"


def on_day(screen: Screen, evs: Any, shorts: dict[str, str], titles: dict[str, str],
           interpreted: dict[str, Any], at_most: int | None = None) -> str:
    """on: the events of one day of the year, the day and its years above them."""
    evs, left = bounded(evs, at_most)
    total = len(evs) + left
    years = interpreted.get("years", [])
    head = f"On {interpreted['as_written']}: {total} dated statement{'s' if total != 1 else ''} in " \
           f"{len(years)} year{'s' if len(years) != 1 else ''} ({', '.join(map(str, years))})"
    out = [screen.style(clean(head), "bold")]
    out += event_grid(screen, evs, shorts)
    out += more(screen, left, "events")
    out += legend(screen, shorts, titles, (e["citations"][0]["source"] for e in evs))
    return "\n".join(out) + "\n"


def links(screen: Screen, results: list[dict[str, Any]], shorts: dict[str, str], titles: dict[str, str],
          at_most: int | None = None) -> str:
    """graph: one row per link, the most often stated first; the first citation of each."""
    results, left = bounded(results, at_most)
    rows = []
    for e in results:
        c = e["citations"][0]
        ds = e["dates"]
        dates = "" if not ds else ds[0]["value"] if len(ds) == 1 else f"{ds[0]['value']} … {ds[-1]['value']} ({len(ds)})"
        link = e["relation"] if e["relation"] != "co-occurs" else "with"
        rows.append((e["source"]["name"], link, e["target"]["name"], str(e["weight"]), dates,
                     source_label(c, shorts)))
    source_most = 16 if screen.width < 100 else 24
    cols = [Column("entity", 24, lines=2), Column("link", 10), Column("entity", 24, lines=2),
            Column("sentences", right=True), Column("dates", flex=True), Column("first source", source_most, lines=2)]
    used = [c["source"] for e in results for c in e["citations"]]
    return "\n".join(grid(screen, cols, rows) + more(screen, left, "links") + legend(screen, shorts, titles, used)) + "\n"


def references(screen: Screen, records: list[dict[str, Any]]) -> str:
    """--cite: the sources the answer quotes, one reference each."""
    from etr.render.exports.bib import reference

    out = [screen.style("Cite:", "bold")]
    for r in records:
        out += paragraph(screen, reference(r), "  ", "• ")
    return "\n".join(out) + "\n"
