"""Tagging dates in a document, with years and anchors carried over from context.

A historian reads "did not take them until 13 November" after "7 November 1944" as 1944-11-13,
"the following day" after "17 August 1949" as 1949-08-18, and "17 November 1944, five days after
the ETR was founded" as a restatement of 17 November. `tag(text, spans)` walks the document in
order, keeping the reference dates such readings need, and records for every date how it was
resolved (`how`) and from which anchor. Imports etr.dates and etr.model.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from etr.dates.forms import Raw, scan
from etr.dates.values import Point, bounds, parse_value, shift
from etr.ingest import archival
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
    month_para: int = -1  # paragraph of the latest date known to the month (not a season)
    season: str | None = None  # the season of the latest date, when it named one ("that winter")


def _value(a: Point, b: Point | None) -> str:
    return a.value() if b is None else f"{a.value()}/{b.value()}"


def _precision(a: Point, b: Point | None) -> str:
    return "range" if b is not None else a.precision


def _date(raw: Raw, value: str, precision: str, how: str, anchor: str | None, mod: str | None = None) -> DateValue:
    mod = raw.mod if mod is None else mod
    bd = bounds(value, None if mod in ("BEFORE", "AFTER") else mod)
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


SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 12}  # the month a season ends in (winter: the December it starts in)


def _inherit(p: Point, ctx: _Context) -> Point | None:
    if not p.needs_year:
        return p
    if ctx.year is None:
        return None
    year = ctx.year
    # a narrative moving from late in one year to early in the next ("28 December ... 3 January",
    # "That winter ... In February")
    month = ctx.month if ctx.month is not None else SEASON_END.get(ctx.season or "")
    if month is not None and p.month is not None and month - p.month >= 6:
        year += 1
    return Point(year, p.month, p.day, p.season)


def _inherit_dateline(p: Point, dl: _Context) -> Point | None:
    """A date without a year in a dated report: the report's year, or the year before when that
    would put the date more than a month after the report ("Dec. 28" in a report of 3 January)."""
    if not p.needs_year:
        return p
    assert dl.year is not None and dl.month is not None
    year = dl.year
    if p.month is not None and p.month > dl.month + 1:
        year -= 1
    return Point(year, p.month, p.day, p.season)


def _resolve(raw: Raw, ctx: _Context, dl: _Context | None = None) -> DateValue | None:
    if raw.type == "DURATION":
        assert raw.duration is not None
        return DateValue(raw.text, raw.duration, None, None, "duration", None, "explicit", "DURATION")
    if raw.relative is not None:
        if dl is not None and (_deictic(raw) or (raw.relative[0] == "day_of_month" and _off_story(ctx, dl))):
            return _resolve_relative(raw, dl)  # "yesterday", "last month", "the 3rd instant": from the report's date
        return _resolve_relative(raw, ctx)
    assert raw.a is not None
    if not raw.a.needs_year and (raw.b is None or not raw.b.needs_year):
        return _date(raw, _value(raw.a, raw.b), _precision(raw.a, raw.b), "explicit", None)
    if dl is not None and _off_story(ctx, dl):
        # a report names past dates with their year; one without is in the report's own year
        a = _inherit_dateline(raw.a, dl)
        b = _inherit_dateline(raw.b, dl) if raw.b is not None else None
        anchor = dl.year_text
    else:
        a = _inherit(raw.a, ctx)
        b = _inherit(raw.b, ctx) if raw.b is not None else None
        anchor = ctx.year_text
    if a is None or (raw.b is not None and b is None):
        return None
    if b is not None and a.year is not None and b.year is not None and a.month and b.month:
        if b.month < a.month and b.year == a.year and raw.b is not None and raw.b.needs_year:
            b = Point(a.year + 1, b.month, b.day)
    return _date(raw, _value(a, b), _precision(a, b), "year-inherited", anchor)


def _off_story(ctx: _Context, dl: _Context) -> bool:
    """Whether, in a dated report, a date without a year reads from the report's date: unless the
    paragraph itself has named a month other than the date line's own."""
    return ctx.month_para != ctx.para or ctx.day == dl.day


# words that point from the moment of writing ("tomorrow", "late last month"); "by this time" is
# anaphoric, not one of them
POINTS_FROM_NOW = re.compile(
    r"(?:\w+[\s-]+)?(?:to-?day|yesterday|to-?morrow|to-?night|last|next|this(?!\s+time)|the\s+day\s+(?:after|before))\b", re.I)


def _deictic(raw: Raw) -> bool:
    """Words that point from the moment of writing ("yesterday", "last month", "this afternoon",
    "last September", "the 14th instant"), not from the story's last date."""
    rel = raw.relative
    if rel is None:
        return False
    if rel[0] in ("named_month", "year_of", "weekday"):
        return True
    if rel[0] == "day_of_month":
        return bool(re.search(r"\b(?:inst|ult)", raw.text, re.I))
    return rel[0] == "step" and POINTS_FROM_NOW.match(raw.text) is not None


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
        d = ctx.day
        if (unit == "week" and d is not None and d.year is not None and d.month is not None and d.day is not None
                and raw.text.lower().split()[-2:-1] in (["last"], ["next"], ["this"])):
            # "last week": the Monday-to-Sunday week before the anchor day's; "this week": its own
            monday = shift(d, -datetime.date(d.year, d.month, d.day).weekday() + 7 * step, "day")
            return _date(raw, f"{monday.value()}/{shift(monday, 6, 'day').value()}", "range", "relative", ctx.day_text)
        if unit in ("day", "week"):
            if ctx.day is None:
                # "The next morning" after "In February 1947": known only to the month
                if ctx.year is None or ctx.month is None or step < 0:
                    return None
                return _date(raw, Point(ctx.year, ctx.month).value(), "month", "relative", ctx.year_text)
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
    if kind == "named_month":  # "last September": the latest September before the reference month
        if ctx.year is None or ctx.month is None:
            return None
        month, step = rel[1], rel[2]
        year = ctx.year
        if step < 0 and month >= ctx.month:
            year -= 1
        elif step > 0 and month <= ctx.month:
            year += 1
        return _date(raw, Point(year, month).value(), "month", "relative", ctx.year_text)
    if kind == "year_of":  # "Nov. 7 last year", "January of last year"
        if ctx.year is None:
            return None
        p = Point(ctx.year + rel[3], rel[1], rel[2])
        return _date(raw, p.value(), "day" if rel[2] else "month", "relative", ctx.year_text)
    if kind == "weekday":  # "on Monday": the latest Monday before the reference day
        d = ctx.day
        if d is None or d.year is None or d.month is None or d.day is None:
            return None
        back = (datetime.date(d.year, d.month, d.day).weekday() - rel[1]) % 7 or 7
        return _date(raw, shift(d, -back, "day").value(), "day", "relative", ctx.day_text)
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
            if base.month is None or sign < 0 or n > 14:
                return None
            # "a few days later" after "In February 1947": known only to the month
            return _date(raw, Point(base.year, base.month).value(), "month", "relative", ctx.main_text)
        if unit == "month" and base.month is None:
            return None
        p = shift(base, sign * n, unit)
        # "two days later" reads off the story's clock; "a decade earlier" is worked out
        how = "relative" if unit in ("day", "week", "month") else "derived"
        return _date(raw, p.value(), p.precision, how, ctx.main_text)
    return None


def _opens_clause(before: str) -> bool:
    """Whether a date at the end of `before` opens its sentence or clause ("In 1942 he ...")."""
    return re.search(r"(?:^|[.;:!?]\s+|\n)(?:(?:[Ii]n|[Bb]y|[Dd]uring|[Ss]ince|[Ff]rom|[Uu]ntil|[Aa]fter|[Bb]efore)\s+)?$",
                     before) is not None


def _update(ctx: _Context, raw: Raw, dv: DateValue, before: str = "") -> None:
    if dv.type != "DATE" or dv.start is None:
        return
    if _deictic(raw):
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
        # ("... supposedly in 1951") does not move the narrative's year; one opening its
        # sentence ("In 1942 he broke with ...") does
        if (ctx.fine_para == ctx.para and ctx.fine_year is not None and p.year > ctx.fine_year
                and not _opens_clause(before)):
            return
    else:
        ctx.fine_para, ctx.fine_year = ctx.para, p.year
    if p.month is not None:
        ctx.month_para = ctx.para
    ctx.year, ctx.month, ctx.season = p.year, p.month, p.season
    ctx.year_text = f"{dv.text} ({dv.value})"
    if p.day is not None and "/" not in dv.value:
        ctx.day, ctx.day_text = p, f"{dv.text} ({dv.value})"
    elif ctx.day is not None and p.month is not None and (p.year, p.month) != (ctx.day.year, ctx.day.month):
        ctx.day = None  # the story has moved to another month: "the next morning" is no longer that day's
    if not raw.parenthesised:
        start = parse_value(first)
        if start is not None:
            ctx.main, ctx.main_text = start, f"{dv.text} ({dv.value})"


HEAD_WORDS = 10  # a date line, masthead or letterhead: a short line of names and a date
_LOWER_WORD = re.compile(r"\b(?!(?:of|the|and|at|de|on|No)\b)[a-z][a-z]+\b")
# "CHUNGKING, Jan. 3 (AP)—", "HONG KONG, Dec. 11 (AP) --": a news agency's dispatch line
_DISPATCH = re.compile(r"^[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s+(?P<date>[^—\n(]{3,30}?)\s*"
                       r"(?:\([^)\n]{1,20}\)\s*)?(?:—|--|–|\.—|:—|\.\s+[-—])")


def _dateline(chunk: str, current: _Context | None) -> _Context | None:
    """The date of the report that starts at this paragraph, if it is a date line ("September 25,
    1949", "THE NEW YORK TIMES, FRIDAY, JANUARY 4, 1946", "Tihwa, 20 November 1944") or opens
    with a dispatch line ("CHUNGKING, Jan. 3 (AP)—"); else None. Prose never is one: a sentence
    has lower-case words, and a dispatch line has its own shape."""
    m = _DISPATCH.match(chunk)
    if m is not None:
        zone = m.group("date")
    elif len(chunk.split()) <= HEAD_WORDS:
        zone = chunk
    else:
        return None
    raws = [r for r in scan(zone) if r.type == "DATE"]
    if len(raws) != 1 or raws[0].relative is not None or raws[0].a is None or raws[0].b is not None:
        return None
    raw = raws[0]
    rest = zone[: raw.start] + zone[raw.end :]
    if m is None and (_LOWER_WORD.search(rest) or re.search(r"[—–:]|\s-\s", rest)):
        return None  # prose, or a chronology's "1944, Nov. 7 — Rising at Kuldja."
    p: Point | None = raw.a
    if p is None or p.day is None or p.month is None:
        return None
    if p.year is None:
        if current is None:
            return None
        p = _inherit_dateline(p, current)
        if p is None:
            return None
    label = f"{raw.text} ({p.value()}), the document's date"
    return _Context(year=p.year, month=p.month, day=p, year_text=label, day_text=label)


Flag = tuple[int, int, str, str]  # (start, end, text, why it is no date) of a date etr would not use


def tag(text: str, spans: Iterable[tuple[int, int]], flagged: list[Flag] | None = None) -> list[TimexSpan]:
    """Dates in text[start:end] for each (paragraph) span, resolved in document order. Once a
    date line is seen (a telegram's, a newspaper's; or, before any, the date the document's
    header gives it), words such as "yesterday" and "last month" read from it, until the next
    date line (a file may hold several clippings). Archival numbers ("Embtel 1419", "1508.") are
    never dates, and a year long before the document's time is one only where the text says so
    in words; what is set aside is added to `flagged`."""
    # archival numbers ("Embtel 1419", "1508.") are blanked, offsets kept: never dates, and
    # never part of one ("1419, August 16" is August 16)
    blanked = list(text)
    for a, b in archival.numbers(text):
        blanked[a:b] = " " * (b - a)
    seen = "".join(blanked)
    head = archival.document_date(text)
    dl: _Context | None = None
    if head is not None:
        p, label = head
        dl = _Context(year=p.year, month=p.month, day=p, year_text=label, day_text=label)
    ctx = _Context()
    out: list[TimexSpan] = []
    for para, (start, end) in enumerate(spans):
        ctx.para = para
        chunk = seen[start:end]
        dl = _dateline(chunk, dl) or dl
        for raw in scan(chunk):
            dv = _resolve(raw, ctx, dl)
            if dv is None:
                continue
            why = _implausible(dv, raw, chunk)
            if why:
                if flagged is not None:
                    flagged.append((start + raw.start, start + raw.end, raw.text, why))
                continue
            out.append(TimexSpan(start + raw.start, start + raw.end, dv))
            _update(ctx, raw, dv, chunk[: raw.start])
    return out


def _implausible(dv: DateValue, raw: Raw, chunk: str) -> str:
    """Why a date cannot be one of the document's, or "": a year before 1800 that the text does
    not introduce as one ("the Abdalis 1000" is a count, "May 1445" a day and a footnote marker;
    "in 1754" is a year)."""
    if dv.start is None or dv.start[:4] >= str(archival.EARLIEST) or dv.how != "explicit":
        return ""
    if archival.says_year_in_words(chunk, raw.start):
        return ""
    return f"the year {dv.start[:4]} is long before the document's time and the text does not say it is a year"
