"""Reading what a user types as a date or period: `etr when 1944-11`, "summer 1945",
"between 1944 and 1946", "1944..1946", `--from 1944`.

`parse_period(query)` returns the span of days meant, None when the query is not a date at all
("plane crash"), and raises BadQuery for what is plainly meant as a date but cannot be one
("1944-13", "31 February 1944"). A bare year or ISO month is read without compiling the date
grammar (the commonest query). Imports etr.dates.forms, etr.dates.values and etr.errors.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from etr.dates.values import bounds, days_in, month_number
from etr.errors import BadQuery

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


class Period(NamedTuple):
    """A span of days a user asked about, and how etr wrote it."""

    start: str
    end: str
    value: str
    text: str


_ISO = re.compile(r"(?:1[0-9]\d\d|20\d\d)(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")  # the grammar's years


def parse_period(query: str) -> Period | None:
    """A date or period the user typed, or None if the query is not a date at all.

    Raises BadQuery for something that is plainly meant as a date but cannot be one
    ("1944-13", "31 February 1944", "0000", "1946..1944").
    """
    q = " ".join(query.split())
    if not q or len(q) > 80 or (".." not in q and not any(ch.isdigit() for ch in q)):
        return None  # every period a user can name holds a year; spare the grammar ("plane crash")
    m = re.fullmatch(r"(?i)(?:between|from)\s+(.+?)\s+(?:and|to|until|till|through)\s+(.+)", q)
    if m:  # "between 1944 and 1946", "from March to May 1946" (when each side is a date)
        a, b = parse_period(m.group(1)), parse_period(m.group(2))
        if a is not None and b is not None:
            if b.end < a.start:
                raise BadQuery(f"period {q!r} ends before it starts")
            return Period(a.start, b.end, f"{a.value}/{b.value}", q)
    m = re.fullmatch(r"(?i)(?:in|on|during|around|circa|ca\.|c\.|from|between)\s+(.+)", q)
    if m:
        inner = parse_period(m.group(1))
        return None if inner is None else Period(inner.start, inner.end, inner.value, q)
    m = re.fullmatch(r"(\d{1,2})\s*/\s*(\d{4})", q)
    if m:  # "9/1945": a month
        month, year = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise BadQuery(f"{q!r}: month {month} does not exist (write a month as 9/1945 or 1945-09)")
        if year == 0:
            raise BadQuery(f"{q!r}: there is no year 0")
        got = parse_period(f"{year:04d}-{month:02d}")
        return None if got is None else Period(got.start, got.end, got.value, q)
    m = re.fullmatch(r"(?i)(?:the\s+)?(first|second|1st|2nd)\s+half\s+of\s+(\d{4})", q)
    if m:  # "the first half of 1946"
        year, first = int(m.group(2)), m.group(1).lower() in ("first", "1st")
        if year == 0:
            raise BadQuery(f"{q!r}: there is no year 0")
        return Period(f"{year:04d}-01-01" if first else f"{year:04d}-07-01",
                      f"{year:04d}-06-30" if first else f"{year:04d}-12-31", f"{year:04d}-H{1 if first else 2}", q)
    if re.match(r"(?i)(?:beginning|start|end|middle)\s+of\s+\S", q):
        got = parse_period("the " + q)  # "end of 1949", as "the end of 1949"
        return None if got is None else Period(got.start, got.end, got.value, q)
    if "/" in q and re.fullmatch(r"[\d\-/ ]+", q) and q.count("/") == 1:
        q = q.replace("/", "..")  # "1944/1946", the notation etr itself prints
    if ".." in q:
        parts = q.split("..")
        if len(parts) != 2:
            raise BadQuery(f"cannot read {q!r} as a period; write START..END, e.g. 1944..1946")
        a, b = parse_period(parts[0]), parse_period(parts[1])
        if a is None or b is None:
            raise BadQuery(f"cannot read {q!r} as a period; write START..END, e.g. 1944..1946")
        if b.end < a.start:
            raise BadQuery(f"period {q!r} ends before it starts")
        return Period(a.start, b.end, f"{a.value}/{b.value}", q)
    _check_impossible(q)
    m = _ISO.fullmatch(q)
    if m:  # 1944, 1944-11, 1944-11-12: what most queries type, read without compiling the grammar
        bd = bounds(q, None)
        if bd is not None:
            return Period(bd[0], bd[1], q, q)
    from etr.dates.forms import (
        scan,  # compiles the grammar: only for what the shortcut above cannot read
    )

    raws = scan(q, ignore_case=True)
    if len(raws) != 1:
        return None
    raw = raws[0]
    if raw.start != 0 or raw.end != len(q) or raw.a is None or raw.type != "DATE" or raw.relative:
        return None
    if raw.a.needs_year or (raw.b is not None and raw.b.needs_year):
        return None
    value = raw.a.value() if raw.b is None else f"{raw.a.value()}/{raw.b.value()}"
    mod = None if raw.mod == "BEFORE" else raw.mod
    try:
        bd = bounds(value, mod)
    except ValueError:  # a date the calendar cannot hold (year 0, year 10000)
        return None
    if bd is None:
        return None
    if bd[1] < bd[0]:
        raise BadQuery(f"period {q!r} ends before it starts")
    return Period(bd[0], bd[1], value, q)


def _check_impossible(q: str) -> None:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", q)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if y == 0:
            raise BadQuery(f"{q!r}: there is no year 0")
        if mo > 12 and len(m.group(2)) == 2 and not m.group(3) and mo > y % 100:
            return  # "1944-45": a range of years, read by the grammar
        if not 1 <= mo <= 12:
            raise BadQuery(f"{q!r}: month {mo} does not exist")
        if m.group(3) and not 1 <= int(m.group(3)) <= days_in(y, mo):
            raise BadQuery(f"{q!r}: {MONTH_NAMES[mo - 1]} {y} has no day {int(m.group(3))}")
        return
    if re.fullmatch(r"0{3,4}", q):
        raise BadQuery(f"{q!r}: there is no year 0")
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", q)
    if not m:
        m2 = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", q)
        if not m2:
            return
        day, name, year = int(m2.group(2)), m2.group(1), int(m2.group(3))
    else:
        day, name, year = int(m.group(1)), m.group(2), int(m.group(3))
    try:
        mo = month_number(name)
    except KeyError:
        return
    if year == 0:
        raise BadQuery(f"{q!r}: there is no year 0")
    if not 1 <= day <= days_in(year, mo):
        raise BadQuery(f"{q!r}: {MONTH_NAMES[mo - 1]} {year} has no day {day}")
