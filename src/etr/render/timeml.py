"""A document written as TimeML: its text, each temporal expression in a TIMEX3 tag.

`document(text, dates, doc_id)` takes the text and `etr extract`'s date rows (offsets into the
text) and returns a TimeML document that XML tools and TimeML scorers read: the text is kept
character for character (stripping the tags gives it back), and each expression carries TimeML's
`type` (DATE, TIME, DURATION, SET), `value` and `mod` (only the few characters XML 1.0 cannot
hold, control characters, are written as U+FFFD). etr's notation differs from TIMEX3's in
three places, rewritten here: a decade is 194 (etr: 194X), a century 18 (etr: 18XX), and a
range "1944/1946", which TIMEX3 has no value for, becomes a DURATION whose beginPoint and
endPoint are empty (non-consuming) TIMEX3 tags for its two ends. Pure; no imports from etr.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

# etr's mod -> TimeML's: "early 1944" is the start of 1944, "By 1944" on or before it
MODS = {"EARLY": "START", "LATE": "END", "BEFORE": "ON_OR_BEFORE"}
TIMEML_MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
               "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}


def timex_value(value: str) -> str:
    """An etr value of one point in TIMEX3's notation: 194X -> 194, 18XX -> 18."""
    if re.fullmatch(r"\d{3}X", value):
        return value[:3]
    if re.fullmatch(r"\d{2}XX", value):
        return value[:2]
    return value


def _span_length(a: str, b: str) -> str:
    """The length of a range from a to b, both ends included, as a TIMEX3 duration (P3Y, P2M, PXY)."""
    ya, yb = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", a), re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", b)
    if ya and yb and ya.lastindex == yb.lastindex:
        if ya.lastindex == 1:
            return f"P{int(b[:4]) - int(a[:4]) + 1}Y"
        if ya.lastindex == 2:
            return f"P{(int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7]) + 1}M"
        import datetime

        days = (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days + 1
        return f"P{days}D"
    unit = "Y" if re.fullmatch(r"\d{4}(?:-[A-Z]{2})?|\d{2,3}X+", a) else "M"
    return f"PX{unit}"


def _attrs(pairs: list[tuple[str, str]]) -> str:
    return "".join(f" {k}={quoteattr(v)}" for k, v in pairs)


def _tags(row: dict[str, Any], tid: int) -> tuple[str, str, int]:
    """The opening tag for one expression, the empty tags that follow it, and the next free tid."""
    value, kind = str(row["value"]), str(row.get("type") or "DATE")
    attrs: list[tuple[str, str]] = [("tid", f"t{tid}")]
    after = ""
    if kind in ("DATE", "TIME") and "/" in value:  # a range: a duration between two points
        a, b = value.split("/", 1)
        begin, end = tid + 1, tid + 2
        attrs += [("type", "DURATION"), ("value", _span_length(a, b)), ("beginPoint", f"t{begin}"),
                  ("endPoint", f"t{end}")]
        after = "".join(f"<TIMEX3{_attrs([('tid', f't{i}'), ('type', 'DATE'), ('value', timex_value(v))])}/>"
                        for i, v in ((begin, a), (end, b)))
        tid = end
    else:
        attrs += [("type", kind), ("value", timex_value(value))]
        if kind == "SET" and re.match(r"(?i)(?:every|each)\b", str(row.get("text") or "")):
            attrs.append(("quant", "EVERY"))
    mod = MODS.get(str(row.get("mod")), row.get("mod"))
    if mod in TIMEML_MODS:
        attrs.append(("mod", str(mod)))
    if kind in ("DATE", "TIME") and row.get("how") not in (None, "explicit"):
        attrs.append(("temporalFunction", "true"))
    return f"<TIMEX3{_attrs(attrs)}>", after, tid + 1


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(s: str) -> str:
    """Text as XML character data: escaped, a carriage return kept as a reference (a parser would
    fold it into the newline), and the few characters XML 1.0 cannot hold written as U+FFFD."""
    return _NOT_XML.sub("\ufffd", escape(s)).replace("\r", "&#13;")


def document(text: str, dates: list[dict[str, Any]], doc_id: str = "") -> str:
    """The text as a TimeML document, each date row (`start`, `end`, `type`, `value`, `mod`,
    `how`) a TIMEX3 around its span; rows that overlap an earlier one are left out."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    if doc_id:
        out.append(f"<DOCID>{_xml_text(doc_id)}</DOCID>\n")
    out.append("<TEXT>")
    pos, tid = 0, 1
    for row in sorted(dates, key=lambda r: (r["start"], -r["end"])):
        start, end = int(row["start"]), int(row["end"])
        if start < pos or end <= start:
            continue
        opening, after, tid = _tags(row, tid)
        out += [_xml_text(text[pos:start]), opening, _xml_text(text[start:end]), "</TIMEX3>", after]
        pos = end
    out += [_xml_text(text[pos:]), "</TEXT>\n</TimeML>\n"]
    return "".join(out)
