"""Tagging dates in a document, with years and anchors carried over from context.

A historian reads "did not take them until 13 November" after "7 November 1944" as 1944-11-13,
"the following day" after "17 August 1949" as 1949-08-18, and "17 November 1944, five days after
the ETR was founded" as a restatement of 17 November. `tag(text, spans)` walks the document in
order, keeping the reference dates such readings need, and records for every date how it was
resolved (`how`) and from which anchor. Imports etr.dates and etr.model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from etr.dates import Point, Raw, bounds, parse_value, scan, shift
from etr.model import DateValue, TimexSpan


@dataclass
class _Context:
    year: int | None = None
    month: int | None = None
    year_text: str = ""
    day: Point | None = None
    day_text: str = ""
    last: DateValue | None = None
    main: Point | None = None  # latest date outside parentheses, for "a decade earlier"
    main_text: str = ""
    para: int = 0
    fine_para: int = -1  # paragraph of the latest date known to the month or day
    fine_year: int | None = None


def _value(a: Point, b: Point | None) -> str:
    return a.value() if b is None else f"{a.value()}/{b.value()}"


def _precision(a: Point, b: Point | None) -> str:
    return "range" if b is not None else a.precision


def _date(raw: Raw, value: str, precision: str, how: str, anchor: str | None, mod: str | None = None) -> DateValue:
    mod = raw.mod if mod is None else mod
    bd = bounds(value, None if mod == "BEFORE" else mod)
    return DateValue(
        text=raw.text,
        value=value,
        start=bd[0] if bd else None,
        end=bd[1] if bd else None,
        precision=precision,
        mod=mod,
        how=how,
        type=raw.type,
        anchor=anchor,
    )


def _inherit(p: Point, ctx: _Context) -> Point | None:
    if not p.needs_year:
        return p
    if ctx.year is None:
        return None
    year = ctx.year
    # a narrative moving from late in one year to early in the next ("28 December ... 3 January")
    if ctx.month is not None and p.month is not None and ctx.month - p.month >= 6:
        year += 1
    return Point(year, p.month, p.day, p.season)


def _resolve(raw: Raw, ctx: _Context) -> DateValue | None:
    if raw.type == "DURATION":
        assert raw.duration is not None
        return DateValue(raw.text, raw.duration, None, None, "duration", None, "explicit", "DURATION")
    if raw.relative is not None:
        return _resolve_relative(raw, ctx)
    assert raw.a is not None
    if not raw.a.needs_year and (raw.b is None or not raw.b.needs_year):
        return _date(raw, _value(raw.a, raw.b), _precision(raw.a, raw.b), "explicit", None)
    a = _inherit(raw.a, ctx)
    b = _inherit(raw.b, ctx) if raw.b is not None else None
    if a is None or (raw.b is not None and b is None):
        return None
    if b is not None and a.year is not None and b.year is not None and a.month and b.month:
        if b.month < a.month and b.year == a.year and raw.b is not None and raw.b.needs_year:
            b = Point(a.year + 1, b.month, b.day)
    return _date(raw, _value(a, b), _precision(a, b), "year-inherited", ctx.year_text)


def _resolve_relative(raw: Raw, ctx: _Context) -> DateValue | None:
    rel = raw.relative
    assert rel is not None
    kind = rel[0]
    if kind == "anchor_day":
        if ctx.day is None:
            return None
        return _date(raw, ctx.day.value(), "day", "relative", ctx.day_text)
    if kind == "anchor_any":
        if ctx.last is None:
            return None
        return _date(raw, ctx.last.value, ctx.last.precision, "relative", ctx.last.text)
    if kind == "step":
        unit, step = rel[1], rel[2]
        if unit == "week" and step != 0 and ctx.day is not None and raw.text.lower().startswith(("last", "next")):
            # "last week": the seven days before the anchor day; "next week": the seven after
            a, b = (shift(ctx.day, -7, "day"), shift(ctx.day, -1, "day")) if step < 0 else (
                shift(ctx.day, 1, "day"), shift(ctx.day, 7, "day"))
            return _date(raw, f"{a.value()}/{b.value()}", "range", "relative", ctx.day_text)
        if unit in ("day", "week"):
            if ctx.day is None:
                return None
            p = shift(ctx.day, step, unit)
            prec = "day"
            anchor = ctx.day_text
        elif unit == "month":
            if ctx.year is None or ctx.month is None:
                return None
            p = shift(Point(ctx.year, ctx.month), step, "month")
            prec, anchor = "month", ctx.year_text
        else:
            if ctx.year is None:
                return None
            p = Point(ctx.year + step)
            prec, anchor = "year", ctx.year_text
        if unit == "week":
            prec = "day"
        return _date(raw, p.value(), prec, "relative", anchor)
    if kind == "day_of_month":
        # "on the 5th", "the 14th instant": a day of the month the story is in ("ult.": the one before)
        if ctx.year is None or ctx.month is None:
            return None
        month = shift(Point(ctx.year, ctx.month), rel[2], "month")
        assert month.year is not None and month.month is not None
        import calendar

        if rel[1] > calendar.monthrange(month.year, month.month)[1]:
            return None
        p = Point(month.year, month.month, rel[1])
        return _date(raw, p.value(), "day", "year-inherited", ctx.year_text)
    if kind == "offset":
        n, unit, sign = rel[1], rel[2], rel[3]
        if raw.apposition and ctx.last is not None:
            # "17 November 1944, five days after ...": the phrase restates the date beside it
            return _date(raw, ctx.last.value, ctx.last.precision, "derived", ctx.last.text)
        base = ctx.main
        if base is None or base.year is None:
            return None
        if unit in ("day", "week") and base.day is None:
            return None
        if unit == "month" and base.month is None:
            return None
        p = shift(base, sign * n, unit)
        # "two days later" reads off the story's clock; "a decade earlier" is worked out
        how = "relative" if unit in ("day", "week", "month") else "derived"
        return _date(raw, p.value(), p.precision, how, ctx.main_text)
    return None


DEICTIC = ("today", "yesterday", "tomorrow", "last ", "next ", "this ")


def _update(ctx: _Context, raw: Raw, dv: DateValue) -> None:
    if dv.type != "DATE" or dv.start is None:
        return
    if raw.relative is not None and raw.text.lower().startswith(DEICTIC):
        return  # "last month" looks back from the dateline; the story's clock stays where it was
    ctx.last = dv
    if dv.precision in ("decade", "century"):
        return
    value = dv.value.split("/")[-1]
    first = dv.value.split("/")[0]
    p = parse_value(value)
    if p is None or p.year is None:
        return
    if p.month is None and p.season is None:
        # a bare year looking ahead of the story's dated events in the same paragraph
        # ("... supposedly in 1951") does not move the narrative's year
        if ctx.fine_para == ctx.para and ctx.fine_year is not None and p.year > ctx.fine_year:
            return
    else:
        ctx.fine_para, ctx.fine_year = ctx.para, p.year
    ctx.year, ctx.month = p.year, p.month
    ctx.year_text = f"{dv.text} ({dv.value})"
    if p.day is not None and "/" not in dv.value:
        ctx.day, ctx.day_text = p, f"{dv.text} ({dv.value})"
    if not raw.parenthesised:
        start = parse_value(first)
        if start is not None:
            ctx.main, ctx.main_text = start, f"{dv.text} ({dv.value})"


def tag(text: str, spans: Iterable[tuple[int, int]]) -> list[TimexSpan]:
    """Dates in text[start:end] for each (paragraph) span, resolved in document order."""
    ctx = _Context()
    out: list[TimexSpan] = []
    for para, (start, end) in enumerate(spans):
        ctx.para = para
        chunk = text[start:end]
        for raw in scan(chunk):
            dv = _resolve(raw, ctx)
            if dv is None:
                continue
            out.append(TimexSpan(start + raw.start, start + raw.end, dv))
            _update(ctx, raw, dv)
    return out
