"""Calendar values: a `Point` at some precision, the days a value can mean, and arithmetic.

Values use the evaluation notation, which is TimeML's (TIMEX3): 1944-11-15, 1944-11, 1944,
194X (a decade), 18XX (a century), and the named parts of a year - 1945-SU (a season), 1990-Q3
(a quarter), 1990-H1 (a half), 1998-W32 (an ISO week), 1998-W32-WE (its weekend) -, a time of
day 1998-08-07T10:30 or a part of it 1998-08-07TMO (MO, AF, EV, NI), a range 1944/1946, and the
references PRESENT_REF, PAST_REF, FUTURE_REF. `bounds(value, mod)` gives the earliest and latest
ISO day a value can mean, narrowed by a modifier (EARLY, MID, LATE, START, END). Pure; imports
etr.rules.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import cache
from typing import NamedTuple

from etr import rules

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# the months of the other named parts of a year: quarters and halves
PART_MONTHS = {**SEASON_MONTHS, "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}
PARTS_OF_DAY = ("MO", "AF", "EV", "NI")  # morning, afternoon, evening, night
REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


class Point(NamedTuple):
    """A calendar point at some precision; any field may be unknown (None). (A named tuple: the
    build makes hundreds of thousands.)"""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None  # a named part of the year: season SP..WI, quarter Q1..Q4, half H1/H2, week W32, W32-WE
    decade: int | None = None  # 194 for the 1940s
    century: int | None = None  # 18 for the 19th century
    time: str | None = None  # of a day: "10:30", or a part of it "MO", "AF", "EV", "NI"

    def value(self) -> str:
        if self.century is not None:
            return f"{self.century:02d}XX"
        if self.decade is not None:
            return f"{self.decade:03d}X"
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.part:
            return f"{y}-{self.part}"
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        if self.time:
            return f"{y}-{self.month:02d}-{self.day:02d}T{self.time}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        if self.century is not None:
            return "century"
        if self.decade is not None:
            return "decade"
        if self.part:
            return "season" if self.part in SEASON_MONTHS else {"W": "week", "Q": "quarter", "H": "half"}[self.part[0]]
        if self.day is not None:
            return "time" if self.time else "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def needs_year(self) -> bool:
        return self.year is None and self.decade is None and self.century is None


def days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def point_bounds(p: Point) -> tuple[str, str]:
    """Earliest and latest ISO day of a point whose year is known."""
    if p.century is not None:  # the 1st century is years 1-99: there is no year 0
        return f"{max(1, p.century * 100):04d}-01-01", f"{p.century * 100 + 99:04d}-12-31"
    if p.decade is not None:
        return f"{p.decade * 10:04d}-01-01", f"{p.decade * 10 + 9:04d}-12-31"
    assert p.year is not None
    y = p.year
    if p.part and p.part[:2] != "WI" and p.part[0] == "W":  # an ISO week (its year is the ISO year), or its weekend
        week = int(p.part[1:3])
        first = _dt.date.fromisocalendar(y, week, 6 if p.part.endswith("WE") else 1)
        return first.isoformat(), _dt.date.fromisocalendar(y, week, 7).isoformat()
    if p.part:
        m1, m2 = PART_MONTHS[p.part]
        y2 = y + 1 if m2 < m1 else y
        return f"{y:04d}-{m1:02d}-01", f"{y2:04d}-{m2:02d}-{days_in(y2, m2):02d}"
    if p.month is None:
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    if p.day is None:
        return f"{y:04d}-{p.month:02d}-01", f"{y:04d}-{p.month:02d}-{days_in(y, p.month):02d}"
    d = f"{y:04d}-{p.month:02d}-{p.day:02d}"
    return d, d


def ordinal(iso: str) -> int:
    return _dt.date.fromisoformat(iso).toordinal()


def iso_day(ordinal: int) -> str:
    return _dt.date.fromordinal(ordinal).isoformat()


def narrow(start: str, end: str, mod: str | None) -> tuple[str, str]:
    """Bounds under a modifier: early/mid/late take a third of the span; START/END a tenth."""
    if mod not in ("EARLY", "MID", "LATE", "START", "END"):
        return start, end
    a, b = ordinal(start), ordinal(end)
    n = b - a + 1
    if mod in ("START", "END"):
        part = max(1, n // 10)
        return (start, iso_day(a + part - 1)) if mod == "START" else (iso_day(b - part + 1), end)
    sy, sm, sd = (int(x) for x in start.split("-"))
    ey, em, ed = (int(x) for x in end.split("-"))
    if sm == 1 and sd == 1 and em == 12 and ed == 31 and ey - sy == 9:  # a decade: 0-3, 4-6, 7-9
        lo, hi = {"EARLY": (0, 3), "MID": (4, 6), "LATE": (7, 9)}[mod]
        return f"{sy + lo:04d}-01-01", f"{sy + hi:04d}-12-31"
    if sm == 1 and sd == 1 and em == 12 and ed == 31 and ey == sy:  # a year: Jan-Apr, May-Aug, Sep-Dec
        lo, hi = {"EARLY": (1, 4), "MID": (5, 8), "LATE": (9, 12)}[mod]
        return f"{sy:04d}-{lo:02d}-01", f"{sy:04d}-{hi:02d}-{days_in(sy, hi):02d}"
    if sd == 1 and sy == ey and sm == em:  # a month: 1-10, 11-20, 21-end
        lo, hi = {"EARLY": (1, 10), "MID": (11, 20), "LATE": (21, ed)}[mod]
        return f"{sy:04d}-{sm:02d}-{lo:02d}", f"{sy:04d}-{sm:02d}-{hi:02d}"
    third = max(1, n // 3)
    if mod == "EARLY":
        return start, iso_day(a + third - 1)
    if mod == "LATE":
        return iso_day(b - third + 1), end
    return iso_day(a + third), iso_day(b - third)


def bounds(value: str, mod: str | None = None) -> tuple[str, str] | None:
    """Earliest and latest ISO day a value can mean; None for durations and references."""
    if "/" in value:
        left, right = value.split("/", 1)
        a, b = bounds(left), bounds(right)
        if a is None or b is None:
            return None
        return narrow(a[0], b[1], mod)
    p = parse_value(value)
    if p is None:
        return None
    return narrow(*point_bounds(p), mod)


_VALUE = re.compile(r"(\d{4})(?:-(SP|SU|FA|WI|Q[1-4]|H[12]|W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?)"
                    r"|-(\d\d)(?:-(\d\d)(?:T(\d\d:\d\d|MO|AF|EV|NI))?)?)?")


def parse_value(value: str) -> Point | None:
    """The Point written as a normalised value (not a range), or None for durations, sets and
    references."""
    m = _VALUE.fullmatch(value)
    if m:
        y = int(m.group(1))
        if m.group(2):
            return Point(y, part=m.group(2))
        return Point(y, int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None,
                     time=m.group(5))
    m = re.fullmatch(r"(\d{3})X", value)
    if m:
        return Point(decade=int(m.group(1)))
    m = re.fullmatch(r"(\d{2})XX", value)
    if m:
        return Point(century=int(m.group(1)))
    return None


def add_days(p: Point, n: int) -> Point:
    assert p.year is not None and p.month is not None and p.day is not None
    d = _dt.date(p.year, p.month, p.day) + _dt.timedelta(days=n)
    return Point(d.year, d.month, d.day)


def shift(p: Point, n: int, unit: str) -> Point:
    """p moved by n units (day/week/month/year/decade), kept at p's precision where it can be."""
    if p.year is None:
        return p
    if unit in ("day", "week"):
        if p.day is None:
            return p
        return add_days(p, n * (7 if unit == "week" else 1))
    if unit == "month":
        if p.month is None:
            return Point(p.year)
        total = p.year * 12 + (p.month - 1) + n
        return Point(total // 12, total % 12 + 1)
    years = n * (10 if unit == "decade" else 1)
    return Point(p.year + years)


@cache
def _month_names() -> dict[str, int]:
    r = rules.load("dates")
    # in lower case, and in capitals lowered ("KASIM" for "Kasım": Turkish dotless i)
    return {form: int(v) for k, v in [*r["months"].items(), *r["months_beside_a_number"].items(),
                                      *r["month_abbreviations"].items()] for form in (k.upper().lower(), k.lower())}


def month_number(word: str) -> int:
    """1 for "January", "Jan." or "JAN"; KeyError for a word that names no month."""
    return _month_names()[word.rstrip(".").lower()]


def month_name(word: str) -> bool:
    """Whether a word is a month's name or short form, in any language rules/dates.toml knows."""
    return word.rstrip(".").lower() in _month_names()


def agrees(value: str, registry_value: str) -> bool:
    """A tagged date agrees with a registry date at the registry's precision (either begins the
    other: "1944-11-12" and "1944-11"; a range "1944/1946" agrees by either end)."""
    return any(v.startswith(registry_value) or registry_value.startswith(v) for v in value.split("/"))
