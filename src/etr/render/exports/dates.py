"""A date as a reader reads it ("12 November 1944", "late 1949", "1944 – 1946") and whether it
is uncertain: shared by the HTML page and the SVG chart. Standard library only."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
MODS = {"EARLY": "early", "MID": "mid", "LATE": "late", "START": "start of", "END": "end of",
        "BEFORE": "before", "AFTER": "after"}
EXACT = {"day"}


def words(d: dict[str, Any]) -> str:
    """The date in words, its modifier first."""
    v, p = d["value"], d["precision"]
    if p == "day" and len(v) >= 10:
        text = f"{int(v[8:10])} {MONTHS[int(v[5:7]) - 1]} {v[:4]}"
    elif p == "month" and len(v) >= 7 and v[5:7].isdigit():
        text = f"{MONTHS[int(v[5:7]) - 1]} {v[:4]}"
    elif p == "season" and v[5:7] in SEASONS:
        text = f"{SEASONS[v[5:7]]} {v[:4]}"
    elif p == "range" or "/" in v:
        a, _, b = v.partition("/")
        text = f"{words({'value': a, 'precision': _precision(a)})} – {words({'value': b, 'precision': _precision(b)})}"
    elif p == "century" and d.get("start"):
        text = f"{d['start'][:4]}–{d['end'][:4]}" if d.get("end") else v
    else:
        text = v
    mod = MODS.get(d.get("mod") or "")
    return f"{mod} {text}" if mod else text


def _precision(v: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(v), "season" if v[5:6].isalpha() else "year")


def uncertain(d: dict[str, Any]) -> bool:
    """A date that is not one day stated as such: a month, year or range, a modifier, or read from
    context rather than written out."""
    return d["precision"] not in EXACT or bool(d.get("mod")) or d.get("how") not in (None, "explicit")


def how_words(d: dict[str, Any]) -> str:
    how = d.get("how") or "explicit"
    text = {"explicit": "", "year-inherited": "year from an earlier date", "relative": "counted from an earlier date",
            "derived": "derived", "context": "from the sentences around it"}.get(how, how)
    if d.get("anchor"):
        text += f" ({d['anchor']})"
    return text.strip()
