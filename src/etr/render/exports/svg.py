"""The timeline as a printable SVG chart: a time axis, one row per statement, a dot for a day and a
bar for a month, a year or a range (dashed when uncertain), the date and the statement beside it
and, under them, its citation (source, section, character offsets); the exact quote in each
row's tooltip (<title>); the sources and the dates the sources disagree on listed at the foot.
Dates far outside the chart's span (a "19th century" in passing) are drawn to its edge with an
arrow. Standard library only.
"""

from __future__ import annotations

import datetime
import html

from etr.render.exports.dates import uncertain, words
from etr.text.safe import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

WIDTH = 1120
LEFT, RIGHT = 24, 24
AXIS = 340  # the chart's time axis: x from LEFT to LEFT + AXIS; text to its right
TEXT_X = LEFT + AXIS + 16
ROW = 34
TOP = 96
CHARS = 118  # characters of a statement on one row
WIDE = {"century", "decade"}


def _e(text: Any) -> str:
    return html.escape(clean(text), quote=True)


def _day(iso: str) -> int:
    return datetime.date.fromisoformat(iso).toordinal()


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def chart(chron: dict[str, Any], interpreted: dict[str, Any], shorts: dict[str, str], titles: dict[str, str],
          generator: str) -> str:
    items, disputes = chron["items"], chron["disputes"]
    dates = [d for it in items for d in it["dates"]]
    core = [d for d in dates if d["precision"] not in WIDE] or dates
    y0 = min(int(d["start"][:4]) for d in core)
    y1 = max(int(d["end"][:4]) for d in core) + 1
    lo, hi = _day(f"{y0:04d}-01-01"), _day(f"{y1:04d}-01-01")
    scale = AXIS / max(1, hi - lo)

    def x(day: int) -> float:
        return LEFT + (min(max(day, lo), hi) - lo) * scale

    per_year = AXIS / max(1, y1 - y0)
    step = next((n for n in (1, 2, 5, 10, 20, 50) if n * per_year >= 34), 100)  # labels 34 px apart at least
    used = sorted({it["citation"]["source"] for it in items})
    foot = [f"{shorts.get(s, s)} = {titles.get(s, s)}" for s in used]
    foot_disputes = ["Dated differently: " + d["entity"]["name"] + ": " + "; ".join(
        f"{a['value']} ({shorts.get(a['citation']['source'], a['citation']['source'])} § {a['citation']['section']}, "
        f"{a['citation']['start']}–{a['citation']['end']})" for a in d["dates"]) for d in disputes]
    height = TOP + ROW * len(items) + 28 + 16 * (len(foot) + len(foot_disputes)) + 24
    title = "Timeline" + "".join(f" {k} {interpreted[k]}" for k in ("from", "to") if interpreted.get(k))
    if interpreted.get("about"):
        title += " about " + ", ".join(interpreted["about"])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" font-family="Helvetica, Arial, sans-serif" font-size="11">',
           f"<title>{_e(title)}</title>",
           "<desc>Made by etr: each row is a dated statement, quoted from its source (the citation under it; "
           "the exact quote in its tooltip).</desc>",
           '<defs><marker id="arrow" viewBox="0 0 8 8" refX="1" refY="4" markerWidth="8" markerHeight="8" '
           'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="#1f5f99"/></marker>'
           '</defs>',
           '<rect width="100%" height="100%" fill="#ffffff"/>',
           f'<text x="{LEFT}" y="28" font-size="18" font-weight="bold" fill="#1d232a">{_e(title)}</text>',
           f'<text x="{LEFT}" y="48" fill="#5b6570">{len(items)} statements, {len(dates)} dates, from '
           f'{len(used)} source{"s" if len(used) != 1 else ""}. A dot is a day, a bar a month, a year or a range; '
           "dashed: uncertain; ≠: the sources date it differently (foot).</text>",
           '<g class="axis" stroke="#d5dbe1">']
    for y in range(y0 - y0 % step, y1 + 1, step):
        if y < y0:
            continue
        xx = x(_day(f"{y:04d}-01-01"))
        out.append(f'<line x1="{xx:.1f}" y1="{TOP - 18}" x2="{xx:.1f}" y2="{TOP + ROW * len(items)}"/>')
        out.append(f'<text x="{xx:.1f}" y="{TOP - 22}" text-anchor="middle" stroke="none" fill="#5b6570">{y}</text>')
    out.append("</g>")
    for k, it in enumerate(items):
        top = TOP + k * ROW
        c = it["citation"]
        tip = f"{it['text']}\n\n“{c['quote']}”\n{c['title']}, § {c['section']}, characters {c['start']}–{c['end']}"
        out.append(f'<g class="item" id="{_e(it["id"])}"><title>{_e(tip)}</title>')
        if k % 2:
            out.append(f'<rect x="0" y="{top}" width="{WIDTH}" height="{ROW}" fill="#f6f8fa"/>')
        for d in it["dates"]:
            a, b = _day(d["start"]), _day(d["end"]) + 1
            dash = ' stroke-dasharray="3 2"' if uncertain(d) else ""
            mid = top + ROW / 2
            if d["precision"] == "day":
                out.append(f'<circle class="mark" cx="{x(a):.1f}" cy="{mid:.1f}" r="4" fill="#1f5f99"/>')
            else:
                ends = (' marker-start="url(#arrow)"' if a < lo else "") + (' marker-end="url(#arrow)"' if b > hi else "")
                out.append(f'<line class="mark" x1="{x(a):.1f}" y1="{mid:.1f}" x2="{max(x(b), x(a) + 2):.1f}" '
                           f'y2="{mid:.1f}" stroke="#1f5f99" stroke-width="6"{dash}{ends}/>')
        label = " · ".join(words(d) for d in it["dates"]) + (" ≠" if it["disputes"] else "")
        out.append(f'<text x="{TEXT_X}" y="{top + 14}"><tspan font-weight="bold">{_e(label)}</tspan> '
                   f'{_e(_cut(it["text"], CHARS - len(label)))}</text>')
        out.append(f'<text x="{TEXT_X}" y="{top + 27}" font-size="9.5" fill="#5b6570">'
                   f'{_e(shorts.get(c["source"], c["source"]))} § {_e(_cut(c["section"], 60))}, characters '
                   f'{c["start"]}–{c["end"]}</text></g>')
    y = TOP + ROW * len(items) + 28
    for line in foot_disputes + foot:
        out.append(f'<text x="{LEFT}" y="{y}" fill="#5b6570">{_e(_cut(line, 190))}</text>')
        y += 16
    out.append(f'<text x="{LEFT}" y="{y + 4}" font-size="9" fill="#5b6570">{_e(generator)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
