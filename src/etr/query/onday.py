"""on: what the sources say happened on one day of the year (12-11, '11 December', today),
across the years, in date order. Only dates known to the day count: "December 1944" did not
happen on 11 December. Imports etr.query, etr.errors.
"""

from __future__ import annotations

import re

from etr.errors import BadQuery, NotFound
from etr.query.cite import MONTHS, month_of
from etr.query.core import FactBase, clean_query
from etr.store.index import RawList

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 February happened in leap years


def parse_day(text: str, today: tuple[int, int] | None = None) -> tuple[int, int]:
    """(month, day) of '12-11', '--12-11', '11 December', 'Dec 11', 'today'; BadQuery otherwise."""
    q = clean_query(text).lower()
    if q == "today":
        if today is None:
            import datetime

            d = datetime.date.today()
            today = (d.month, d.day)
        return today
    month: int | None
    m = re.fullmatch(r"(?:--)?(\d{1,2})-(\d{1,2})", q)
    if m:
        month, day = int(m.group(1)), int(m.group(2))
    else:
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?", q) or re.fullmatch(
            r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?", q)
        if m is None:
            raise BadQuery(f"{text!r} is not a day of the year (try 12-11, '11 December' or today)")
        a, b = m.groups()
        month, day = (month_of(b), int(a)) if a.isdigit() else (month_of(a), int(b))
        if month is None:
            raise BadQuery(f"{(b if a.isdigit() else a)!r} is not a month")
    if not 1 <= month <= 12:
        raise BadQuery(f"month {month} does not exist")
    if not 1 <= day <= DAYS_IN[month - 1]:
        raise BadQuery(f"{MONTHS[month - 1].capitalize()} has no day {day}")
    return month, day


def on_day(fb: FactBase, text: str, limit: int | None = None,
           today: tuple[int, int] | None = None) -> tuple[RawList, dict[str, Any]]:
    month, day = parse_day(text, today)
    key = f"{month:02d}-{day:02d}"
    found = [(start, out) for start, _src, _off, out in fb.ix.events_on_day(key)]
    interpreted = {"day": key, "as_written": f"{day} {MONTHS[month - 1].capitalize()}",
                   "years": sorted({int(start[:4]) for start, _o in found})}
    if not found:
        raise NotFound(f"the sources date nothing to {interpreted['as_written']} ({key}) of any year")
    got = RawList([out for _s, out in found])
    return (got[:limit] if limit else got), interpreted
