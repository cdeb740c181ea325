"""Tagging dates in a document, with years and anchors carried over from context.

A historian reads "did not take them until 13 November" after "7 November 1944" as 1944-11-13,
"the following day" after "17 August 1949" as 1949-08-18, and "17 November 1944, five days after
the ETR was founded" as a restatement of 17 November. `tag(text, spans)` walks the document in
order, keeping the reference dates such readings need, and records for every date how it was
resolved (`how`) and from which anchor. Imports etr.dates and etr.model.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from etr import rules
from etr.dates.forms import Raw, holiday_date, scan
from etr.dates.values import Point, bounds, parse_value, point_bounds, shift
from etr.ingest import archival
from etr.model import DateValue, TimexSpan


@dataclass
class _Context:
    year: int | None = None
    month: int | None = None
    year_text: str = ""
    day: Point | None = None
    day_text: str = ""
    day_para: int = -1  # the paragraph that named `day`
    last: DateValue | None = None
    main: Point | None = None  # latest date outside parentheses, for "a decade earlier"
    main_text: str = ""
    para: int = 0
    fine_para: int = -1  # paragraph of the latest date known to the month or day
    fine_year: int | None = None
    month_para: int = -1  # paragraph of the latest date known to the month (not a season)
    story_para: int = -1  # ... of the latest such date whose year the text itself gave (not the date line)
    year_para: int = -1  # paragraph of the latest year the text itself gave, at any precision
    season: str | None = None  # the season of the latest date, when it named one ("that winter")
    period: Point | None = None  # the latest quarter or half named: the period a business report is about
    period_para: int = -1
    months_para: int = -1  # paragraph of a stretch of months under report ("for the nine months")
    note: bool = False  # the paragraph is an editor's note ("Footnote 19: ...")


def _dated(p: Point, label: str) -> _Context:
    """The context a date line sets up: its day (a line or a file name that gives the month or the
    year alone dates no "yesterday"), and `label` saying which line dates what follows."""
    return _Context(year=p.year, month=p.month, day=p if p.day is not None else None, year_text=label,
                    day_text=label if p.day is not None else "")


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
    return Point(year, p.month, p.day, p.part)


AHEAD = 2  # months: a year-less date this near ahead of a report, its tense unknown, is the coming one


def _inherit_dateline(p: Point, dl: _Context, tense: int = 0) -> Point | None:
    """A date without a year in a dated report: the last such date on or before the report's
    when its clause speaks of the past ("Dec. 28 saw ..." in a report of 3 January), the next on
    or after it when of the future ("payable Feb. 1" in October), else the nearer of the two."""
    if not p.needs_year:
        return p
    assert dl.year is not None
    if p.month is None or dl.month is None:  # or the line gives the year alone (a volume's): that year
        return Point(dl.year, p.month, p.day, p.part)
    here = dl.year * 12 + dl.month - 1
    dl_day = dl.day.day if dl.day is not None and dl.day.day is not None else 15
    day = p.day if p.day is not None else 15
    before = after = dl.year
    if (p.month, day) > (dl.month, dl_day):
        before -= 1
    elif (p.month, day) < (dl.month, dl_day):
        after += 1
    if p.day is None and p.month == dl.month:
        before = after = dl.year  # "in January", written in January
    def months_away(y: int) -> int:
        return abs(y * 12 + (p.month or 1) - 1 - here)

    nearest = min((before, after), key=months_away)
    if months_away(nearest) <= 1:  # next to the report's date ("Dec. 28" on 3 January): that one
        year = nearest
    elif tense == 0:  # a report tells what has happened, and what is soon to come
        year = after if months_away(after) <= AHEAD else before
    else:
        year = before if tense < 0 else after
    return Point(year, p.month, p.day, p.part)


def _resolve(raw: Raw, ctx: _Context, dl: _Context | None = None, chunk: str = "") -> DateValue | None:
    if raw.relative == ("week_of",):  # "the week of March 6": the day, then its calendar week
        day = _resolve_value(raw._replace(relative=None), ctx, dl, chunk)
        p = parse_value(day.value) if day is not None else None
        if day is None or p is None or p.year is None or p.month is None or p.day is None:
            return day
        week = _week(datetime.date(p.year, p.month, p.day)).value()
        return _date(raw, week, "week", day.how, day.anchor)
    dv = _resolve_value(raw, ctx, dl, chunk)
    if dv is None or raw.time is None:
        return dv
    if dv.precision == "day":  # "10:30 a.m. Friday", "this morning": the day, and the time of it
        return replace(dv, value=f"{dv.value}T{raw.time}", precision="time", type="TIME")
    return replace(dv, type="DATE")  # "the next morning" known only to the month


def _resolve_value(raw: Raw, ctx: _Context, dl: _Context | None, chunk: str) -> DateValue | None:
    if raw.fixed is not None:  # a duration, a set, the present or the past as a whole
        precision = {"DURATION": "duration", "SET": "set"}.get(raw.type, "reference")
        how = "relative" if precision == "reference" else "explicit"
        return DateValue(raw.text, raw.fixed, None, None, precision, raw.mod, how, raw.type)
    if raw.relative is not None:
        if raw.relative[0] == "report":
            # "for the year", "by the end of the month": the report's year, unless the paragraph
            # tells a story of its own ("In 1946 ... by the end of the year")
            on = dl if dl is not None and ctx.year_para != ctx.para and _off_story(ctx, dl, years=True) else ctx
            return _step(raw, on, raw.relative[1], 0)
        if dl is not None and (_deictic(raw) or (raw.relative[0] == "day_of_month" and _off_story(ctx, dl))):
            # "yesterday", "last month", "Friday", "the 3rd instant": from the report's date, or from
            # the story's own day when it names one ("at 6 p.m.")
            return _resolve_relative(raw, dl, ctx, chunk)
        return _resolve_relative(raw, ctx, ctx, chunk)
    assert raw.a is not None
    if not raw.a.needs_year and (raw.b is None or not raw.b.needs_year):
        return _date(raw, _value(raw.a, raw.b), _precision(raw.a, raw.b), "explicit", None)
    # an editor's note tells what came of the document after it was sent ("Footnote 19: Paraphrase
    # of this telegram sent March 24 ..." under a telegram of March 19): the nearer day, either side
    tense = _tense(chunk, raw) if dl is not None and not ctx.note else 0
    if dl is not None and (_off_story(ctx, dl, years=True) or tense > 0) and not _year_in_sentence(ctx, chunk, raw):
        # a report names past dates with their year; one without is the nearest such date before
        # or after the report's, as the tense of its clause says (and one it speaks of ahead
        # reads from its date even after a year the paragraph has named: "admitted in July 1997,
        # will join on March 12")
        a = _inherit_dateline(raw.a, dl, tense)
        b = _inherit_dateline(raw.b, dl, tense) if raw.b is not None else None
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


_EDITORS_NOTE = re.compile(r"\s*(?:Footnote|Note|Editor['’]s [Nn]ote)\s*\d*\s*[:.]")
_SENTENCE_END = re.compile(r"[.!?;]\s")
SENTENCE_REACH = 300  # characters before a date looked through for where its sentence begins


def _sentence_start(chunk: str, raw: Raw) -> int:
    """Where the sentence of `chunk` that holds the date `raw` begins, as far as SENTENCE_REACH
    back (0 when no sentence ends within it: a longer sentence, or the chunk's first)."""
    return max((m.end() for m in _SENTENCE_END.finditer(chunk, max(0, raw.start - SENTENCE_REACH), raw.start)),
               default=0)


def _year_in_sentence(ctx: _Context, chunk: str, raw: Raw) -> bool:
    """Whether the sentence gave the story's year just before this date, in the same clause ("The
    date of its commencement in 1944 was November 7"): then the date is in that year, not in the
    report's."""
    if ctx.year is None or ctx.year_para != ctx.para:
        return False
    at = chunk.rfind(str(ctx.year), _sentence_start(chunk, raw), raw.start)
    # in the same clause, close by: not "The company, founded in 1985, said on March 5"
    return at >= 0 and raw.start - at <= 60 and not re.search(r"[,;:()\[\]—–]", chunk[at + 4 : raw.start])


def _off_story(ctx: _Context, dl: _Context, years: bool = False) -> bool:
    """Whether, in a dated report, a date without a year (or a day without its month, "on the
    15th") reads from the report's date: unless the paragraph itself has named a month other
    than the date line's own - with its year, for a date without one."""
    return (ctx.story_para if years else ctx.month_para) != ctx.para or ctx.day == dl.day


# words that point from the moment of writing ("tomorrow", "late last month"); "by this time" is
# anaphoric, not one of them
POINTS_FROM_NOW = re.compile(
    r"(?:(?!the\b)\w+[\s-]+){0,2}?(?:to-?day|yesterday|to-?morrow|to-?night|last|next|this(?!\s+time)|the\s+day\s+(?:after|before))\b",
    re.I)  # "late last month", "mid-afternoon yesterday" point from now; "the next morning" from the story's day
# relative forms that always read from the moment of writing
_FROM_NOW = frozenset({"named_month", "named_season", "year_of", "weekday", "ago", "part", "weekend", "holiday", "clock"})


def _deictic(raw: Raw) -> bool:
    """Words that point from the moment of writing ("yesterday", "last month", "this afternoon",
    "last September", "Friday", "two years ago", "the third quarter", "the 14th instant"), not
    from the story's last date."""
    rel = raw.relative
    if rel is None:
        return False
    if rel[0] in _FROM_NOW:
        return True
    if rel[0] == "period":
        return bool(rel[1] == "now")
    if rel[0] == "day_of_month":
        return bool(re.search(r"\b(?:inst|ult)", raw.text, re.I))
    return rel[0] == "step" and POINTS_FROM_NOW.match(raw.text) is not None


@cache
def _tense_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The future and past words of rules/dates.toml [tense], and the words of the two- and
    three-word entries ("plans to"), which alone call for looking at a word's neighbours."""
    t = rules.load("dates")["tense"]
    future = frozenset(t["future"])
    return future, frozenset(t["past"]), frozenset(w for g in future if " " in g for w in g.split())


_CLAUSE_WORD = re.compile(r"[A-Za-z']+|[.;:!?]")
# words that open a clause of its own: "it is recalled that in July the Russians were reported ..."
_CLAUSE_OPENERS = frozenset({"that", "which", "who", "when", "while", "because", "although", "though", "whereas", "but"})


def _tense(chunk: str, raw: Raw) -> int:
    """Whether the clause around an expression speaks of the past (-1), the future (1) or cannot
    tell (0): the nearest tense word before it in its clause ("said", "will", "planned to"), else
    after it, up to the end of its sentence."""
    future, past, in_grams = _tense_words()
    before = _CLAUSE_WORD.findall(chunk[max(0, raw.start - 160) : raw.start])[-20:]
    after = _CLAUSE_WORD.findall(chunk[raw.end : raw.end + 120])[:15]
    for words, step in ((before, -1), (after, 1)):
        lows = [w.lower() for w in words]
        order = range(len(words) - 1, -1, -1) if step < 0 else range(len(words))
        for i in order:
            w, low = words[i], lows[i]
            if w in ".;:!?" or (step < 0 and low in _CLAUSE_OPENERS):
                break  # the end of the sentence, or (looking back) the opening of the date's own clause
            if low in future:
                return 1
            if low in in_grams:  # the word with its neighbours ("plans to", "as early as")
                grams = [" ".join(lows[i : i + n]) for n in (3, 2)]
                if step < 0:
                    grams += [" ".join(lows[max(0, i - n + 1) : i + 1]) for n in (3, 2)]
                if any(g in future for g in grams):
                    return 1
            if i > 0 and lows[i - 1] in ("be", "been", "being", "is", "are", "am"):
                continue  # "will be paid", "is heard": the tense is the auxiliary's
            if low in past or (w[:1].islower() and len(low) > 4 and low.endswith("ed") and not low.endswith("eed")):
                return -1
    return 0


def _base_day(ctx: _Context) -> datetime.date | None:
    d = ctx.day
    if d is None or d.year is None or d.month is None or d.day is None:
        return None
    return datetime.date(d.year, d.month, d.day)


def _week(d: datetime.date, weekend: bool = False) -> Point:
    """The ISO week of a day ("1998-W32"), or its weekend ("1998-W32-WE")."""
    y, w, _ = d.isocalendar()
    return Point(y, part=f"W{w:02d}" + ("-WE" if weekend else ""))


def _quarter_of(d: datetime.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _shift_part(year: int, part: str, quarters: int, years: int) -> Point:
    """A quarter or half moved by whole quarters and years (a half by two quarters a step)."""
    kind, n = part[0], int(part[1])
    size = 4 if kind == "Q" else 2
    total = (year + years) * size + (n - 1) + (quarters if kind == "Q" else quarters // 2)
    return Point(total // size, part=f"{kind}{total % size + 1}")


def _part_bounds(year: int, part: str) -> tuple[datetime.date, datetime.date]:
    b = point_bounds(Point(year, part=part))
    return datetime.date.fromisoformat(b[0]), datetime.date.fromisoformat(b[1])


def _resolve_relative(raw: Raw, ctx: _Context, story: _Context, chunk: str = "") -> DateValue | None:
    """A relative expression read from `ctx` (the report's date, or the story's clock); `story`
    is the story's clock, for what a report's own narrative anchors ("at 6 p.m.", "the quarter")."""
    rel = raw.relative
    assert rel is not None
    kind = rel[0]
    if kind == "anchor_day":
        if ctx.day is None:
            return None
        return _date(raw, ctx.day.value(), "day", "relative", ctx.day_text)
    if kind == "clock":  # "at 6 p.m.": the day the story has just named, else the report's
        own = story.day is not None and (story is ctx or story.para - story.day_para <= CLOCK_PARAGRAPHS)
        day = story.day if own else ctx.day
        if day is None:
            return None
        return _date(raw, day.value(), "day", "relative", story.day_text if own else ctx.day_text)
    if kind == "anchor_any":
        if ctx.last is None:
            return None
        return _date(raw, ctx.last.value, ctx.last.precision, "relative", ctx.last.text)
    if kind == "step":
        return _step(raw, ctx, rel[1], rel[2])
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
    if kind == "story_season":  # "the following spring": the first after the story's date
        if ctx.year is None:
            return None
        month = ctx.month or SEASON_END.get(ctx.season or "") or (12 if rel[2] > 0 else 1)
        after = datetime.date(ctx.year, month, 15)
        years = range(ctx.year - 2, ctx.year + 3)
        spans = [(y, _part_bounds(y, rel[1])) for y in years]
        if rel[2] > 0:
            year = min(y for y, (a, _b) in spans if a > after)
        elif rel[2] < 0:
            year = max(y for y, (_a, b) in spans if b < after)
        else:
            year = next((y for y, (a, b) in spans if a <= after <= b), ctx.year)
        return _date(raw, Point(year, part=rel[1]).value(), "season", "relative", ctx.year_text)
    if kind == "named_season":  # "last fall", "this summer", "next spring"
        base = _base_day(ctx)
        if base is None:
            return None
        season, step = rel[1], rel[2]
        starts = [(y, _part_bounds(y, season)) for y in (base.year - 2, base.year - 1, base.year, base.year + 1)]
        if step > 0 and len(rel) > 3 and rel[3]:  # "the coming winter": the one under way, else the next
            step = 0 if any(a <= base <= b for _y, (a, b) in starts) else step
        if step < 0:  # the latest that began before the reference day and is not still going on
            year = max(y for y, (a, b) in starts if b < base or (a <= base and y < base.year - (season == "WI")))
        elif step > 0:
            year = min(y for y, (a, _b) in starts if a > base)
        else:  # this one: the one going on, else the nearest in the reference year
            going = [y for y, (a, b) in starts if a <= base <= b]
            year = going[0] if going else base.year if season != "WI" or base.month == 12 else base.year - 1
        return _date(raw, Point(year, part=season).value(), "season", "relative", ctx.day_text)
    if kind == "year_of":  # "Nov. 7 last year", "January of last year"
        if ctx.year is None:
            return None
        p = Point(ctx.year + rel[3], rel[1], rel[2])
        return _date(raw, p.value(), "day" if rel[2] else "month", "relative", ctx.year_text)
    if kind == "weekday" or kind == "story_weekday":
        # "Friday": the same day, the last one or the coming one, as the clause says
        base = _base_day(ctx)
        if base is None:
            return None
        target, step = rel[1], rel[2]
        ahead = (target - base.weekday()) % 7
        if step == 0:  # "this Friday": in the reference day's week
            when = base + datetime.timedelta(days=target - base.weekday())
        elif step == 1 or (step is None and ahead and _tense(chunk, raw) > 0):
            when = base + datetime.timedelta(days=ahead or 7)
        elif step == -1:
            when = base - datetime.timedelta(days=(7 - ahead) % 7 or 7)
        else:
            when = base - datetime.timedelta(days=(7 - ahead) % 7)
        return _date(raw, when.isoformat(), "day", "relative", ctx.day_text)
    if kind == "weekend":  # "last weekend", "over the weekend"
        base = _base_day(ctx)
        if base is None:
            return None
        step = rel[1]
        if step is None:  # the one the story is nearest: this one, or the last unless it speaks ahead
            step = 0 if base.weekday() >= 5 or _tense(chunk, raw) > 0 else -1
        week = base + datetime.timedelta(days=7 * step)
        return _date(raw, _week(week, weekend=True).value(), "week", "relative", ctx.day_text)
    if kind == "decade":  # "the nineties": of the century the story is in, not after it
        if ctx.year is None:
            return None
        decade = ctx.year // 100 * 10 + rel[1]
        if decade * 10 > ctx.year:
            decade -= 10
        return _date(raw, Point(decade=decade).value(), "decade", "relative", ctx.year_text)
    if kind == "holiday":  # "Thanksgiving Day", "last Christmas": the one the clause speaks of
        return _holiday(raw, ctx, rel[1], rel[2], chunk, told=story is ctx)
    if kind == "ago":  # "two years ago": counted back from the moment of writing
        return _ago(raw, ctx, story, rel[1], rel[2], chunk)
    if kind == "part":  # "the third quarter", "next year's first half"
        base = _base_day(ctx)
        if base is None:
            if ctx.year is None or rel[2] is not None:
                return None
            return _date(raw, Point(ctx.year, part=rel[1]).value(), Point(part=rel[1]).precision, "year-inherited", ctx.year_text)
        part, step = rel[1], rel[2]
        if step is not None:
            year = base.year + step
        else:
            # the latest begun ("the third quarter" in October: the one just reported); one over
            # for more than a quarter, spoken of ahead, is next year's ("the first quarter will")
            year = max(y for y in (base.year - 1, base.year) if _part_bounds(y, part)[0] <= base)
            if (base - _part_bounds(year, part)[1]).days > 92 and _tense(chunk, raw) > 0:
                year += 1
        got = _shift_part(year, part, 0, rel[3]) if len(rel) > 3 and rel[3] else Point(year, part=part)
        return _date(raw, got.value(), got.precision, "relative", ctx.day_text)
    if kind == "period":  # "the quarter", "the year-earlier quarter", "the current quarter"
        return _period(raw, ctx, story, rel[1], rel[2], rel[3], rel[4])
    if kind == "day_of_month":
        # "on the 5th", "the 14th instant": a day of the month the story is in ("ult.": the one before)
        if ctx.year is None or ctx.month is None:
            return None
        month = shift(Point(ctx.year, ctx.month), rel[2], "month")
        assert month.year is not None and month.month is not None
        if rel[1] > calendar.monthrange(month.year, month.month)[1]:
            return None
        p = Point(month.year, month.month, rel[1])
        return _date(raw, p.value(), "day", "year-inherited", ctx.year_text)
    if kind == "offset":
        return _offset(raw, ctx, rel[1], rel[2], rel[3], chunk)
    return None


# a sentence that looks back from the story's day or reports it: "Christmas we had spent at
# Yarkand", "travelers said today that on Christmas Eve ...", "the Consul-General reports that ..."
_LOOKS_BACK = re.compile(r"\b(?:had|said|says|say|reports?|reported|today|yesterday|told|tells|according)\b", re.I)


# what may stand before a feast day that opens its sentence, as a narrative's next step does ("On
# Christmas Eve they arrived"; not "... for at Christmas the Tungans sacked it", a flashback)
_OPENS_ITS_SENTENCE = re.compile(r"\s*(?:(?:On|At|By|Then|And)\s+)?(?:the\s+)?", re.I)




def _holiday(raw: Raw, ctx: _Context, name: str, step: int | None, chunk: str, told: bool = False) -> DateValue | None:
    """A feast day without its year: from a report's date, the one its clause speaks of (the last
    one, the coming one, by its tense); in a story told without a date line (`told`), the first on
    or after the story's day, as a narrative moves on ("November 10th 1933 this expedition left
    Kweihua ... On Christmas Eve they arrived": 24 December 1933) where it opens its sentence, and
    the sentence neither looks back nor reports ("Christmas we had spent at Yarkand", "... said
    today that on Christmas Eve", "for at Christmas the Tungans sacked it")."""
    base = _base_day(ctx)
    if base is None:  # a story's "at Christmas": that of the story's year
        got = holiday_date(name, ctx.year) if ctx.year is not None else None
        return None if got is None else _date(raw, got.isoformat(), "day", "year-inherited", ctx.year_text)
    days = [d for d in (holiday_date(name, y) for y in (base.year - 1, base.year, base.year + 1)) if d is not None]
    tense = _tense(chunk, raw) if step is None else step
    start = _sentence_start(chunk, raw)
    end = _SENTENCE_END.search(chunk, raw.end)
    if (told and step is None and tense <= 0 and not _LOOKS_BACK.search(chunk, start, end.start() if end else len(chunk))
            and _OPENS_ITS_SENTENCE.fullmatch(chunk, start, raw.start)):
        got = min(d for d in days if d >= base)
    elif tense < 0:
        got = max(d for d in days if d < base or (step is None and d == base))
    elif tense > 0:
        got = min(d for d in days if d > base or (step is None and d == base))
    else:
        got = min(days, key=lambda d: abs((d - base).days))
    return _date(raw, got.isoformat(), "day", "relative", ctx.day_text)


def _step(raw: Raw, ctx: _Context, unit: str, step: int) -> DateValue | None:
    """"the following day", "last month", "this week", "next quarter", "later that year"."""
    d = _base_day(ctx)
    if unit == "week" and d is not None:  # a calendar week, Monday to Sunday
        return _date(raw, _week(d + datetime.timedelta(days=7 * step)).value(), "week", "relative", ctx.day_text)
    if unit in ("day", "week"):
        if ctx.day is None:
            # "The next morning" after "In February 1947": known only to the month
            if ctx.year is None or ctx.month is None or step < 0:
                return None
            return _date(raw, Point(ctx.year, ctx.month).value(), "month", "relative", ctx.year_text)
        return _date(raw, shift(ctx.day, step, unit).value(), "day", "relative", ctx.day_text)
    if unit == "month":
        if ctx.year is None or ctx.month is None:
            return None
        return _date(raw, shift(Point(ctx.year, ctx.month), step, "month").value(), "month", "relative", ctx.year_text)
    if unit == "quarter":
        if d is None:
            return None
        year, q = _quarter_of(d)
        return _date(raw, _shift_part(year, f"Q{q}", step, 0).value(), "quarter", "relative", ctx.day_text)
    if ctx.year is None:
        return None
    if unit == "decade":
        return _date(raw, Point(decade=ctx.year // 10 + step).value(), "decade", "relative", ctx.year_text)
    if unit == "century":
        return _date(raw, Point(century=ctx.year // 100 + step).value(), "century", "relative", ctx.year_text)
    return _date(raw, Point(ctx.year + step).value(), "year", "relative", ctx.year_text)


CLOCK_PARAGRAPHS = 2  # "at 6 p.m." is on the day the story named this many paragraphs before, at most
PERIOD_PARAGRAPHS = 8  # "a year earlier" compares with the quarter under report this many paragraphs on


def _story_period(story: _Context) -> Point | None:
    """The quarter or half the story reports on, when it has named one just before."""
    if story.period is None or story.para - story.period_para > PERIOD_PARAGRAPHS:
        return None
    return story.period


def _period(raw: Raw, ctx: _Context, story: _Context, mode: str, quarters: int, years: int,
            year: int | None) -> DateValue | None:
    """The period a business report is about: the quarter it last named ("the quarter", "the
    year-earlier quarter"), else the last quarter ended before its date; "the current quarter":
    the one its date falls in."""
    period = _story_period(story) if mode == "story" else None
    anchor = f"{period.value()}, the period under report" if period is not None else ctx.day_text
    if period is None:
        base = _base_day(ctx)
        if base is None:
            return None
        y, q = _quarter_of(base)
        period = _shift_part(y, f"Q{q}", 0 if mode == "now" else -1, 0)
    assert period.year is not None and period.part is not None
    if year is not None:  # "the 1988 period": the same part of that year
        got = Point(year, part=period.part)
    else:
        got = _shift_part(period.year, period.part, quarters, years)
    return _date(raw, got.value(), got.precision, "relative", anchor)


# a figure just before "a year earlier": a report compares results ("$2.4 million, or 24 cents a share, a year earlier")
_FIGURES = re.compile(r"(?:\$|£|#|\d\s*%|\bcents?\b|\bpence\b|\bmillion\b|\bbillion\b|\ba share\b)[^.;]*$")


def _compared(raw: Raw, story: _Context, ctx: _Context, chunk: str) -> Point | None:
    """The period a year-on-year comparison is about: the quarter under report, else, when the
    clause compares figures, the last quarter ended before the report's date; the year of either
    when the paragraph reports a stretch of months ("For the nine months, ... a year earlier")."""
    period = _story_period(story)
    figures = _FIGURES.search(chunk[max(0, raw.start - 120) : raw.start]) is not None
    if period is None and figures:
        base = _base_day(ctx)
        if base is not None:
            y, q = _quarter_of(base)
            period = _shift_part(y, f"Q{q}", -1, 0)
    if period is not None and story.months_para == story.para:
        return Point(period.year)
    return period


def _a_year_before(period: Point, quarters: int = 0) -> Point:
    assert period.year is not None
    if period.part is None:
        return Point(period.year - 1)
    return _shift_part(period.year, period.part, quarters, -1 if quarters == 0 else 0)


def _ago(raw: Raw, ctx: _Context, story: _Context, n: int, unit: str, chunk: str = "") -> DateValue | None:
    """"two years ago" from the moment of writing, at the unit's precision ("six weeks ago" is a
    week); "a year ago" beside a quarter under report is that quarter a year before."""
    period = _compared(raw, story, ctx, chunk) if n == 1 and unit == "year" else None
    if period is not None and n == 1 and unit == "year":
        got = _a_year_before(period)
        return _date(raw, got.value(), got.precision, "relative", f"{period.value()}, the period under report")
    base = _base_day(ctx)
    if base is None:
        if ctx.year is None or unit not in ("year", "decade", "century"):
            return None
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        return _date(raw, Point(ctx.year - years).value(), "year", "relative", ctx.year_text)
    p = Point(base.year, base.month, base.day)
    if unit in ("day", "night"):
        return _date(raw, shift(p, -n, "day").value(), "day", "relative", ctx.day_text)
    if unit in ("week", "fortnight"):
        back = base - datetime.timedelta(days=7 * n * (2 if unit == "fortnight" else 1))
        return _date(raw, _week(back).value(), "week", "relative", ctx.day_text)
    if unit == "month":
        return _date(raw, shift(Point(base.year, base.month), -n, "month").value(), "month", "relative", ctx.day_text)
    if unit == "quarter":
        y, q = _quarter_of(base)
        return _date(raw, _shift_part(y, f"Q{q}", -n, 0).value(), "quarter", "relative", ctx.day_text)
    if unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        return _date(raw, Point(base.year - years).value(), "year", "relative", ctx.day_text)
    return _date(raw, p.value(), "day", "relative", ctx.day_text)  # "two hours ago": today


def _offset(raw: Raw, ctx: _Context, n: int | None, unit: str, sign: int, chunk: str = "") -> DateValue | None:
    """"two days later", "a decade earlier": counted from the story's latest date; "a few days
    later" (n None) is known to the month."""
    if raw.apposition and ctx.last is not None:
        # "17 November 1944, five days after ...": the phrase restates the date beside it
        return _date(raw, ctx.last.value, ctx.last.precision, "derived", ctx.last.text)
    if n is None:
        base = ctx.main
        if base is None or base.year is None or base.month is None:
            return None
        if base.day is not None:  # a few (say three) days or weeks on: the month that falls in
            got = shift(Point(base.year, base.month, base.day), sign * 3, "week" if unit == "week" else "day")
            base = Point(got.year, got.month)
        elif sign < 0 or unit == "week":
            return None
        return _date(raw, Point(base.year, base.month).value(), "month", "relative", ctx.main_text)
    period = _compared(raw, ctx, ctx, chunk) if n == 1 and unit in ("year", "quarter") and sign < 0 else None
    if period is not None:
        # "a year earlier" beside a quarter under report: that quarter a year before
        got = _a_year_before(period, -1 if unit == "quarter" else 0)
        return _date(raw, got.value(), got.precision, "relative", f"{period.value()}, the period under report")
    if unit in ("second", "minute", "hour"):
        n, unit = 0, "day"  # "two hours later": the same day
    elif unit == "fortnight":
        n, unit = 2 * n, "week"
    elif unit == "night":
        unit = "day"
    elif unit == "quarter":
        n, unit = 3 * n, "month"
    elif unit == "century":
        n, unit = 100 * n, "year"
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
    p = shift(Point(base.year, base.month, base.day), sign * n, unit)
    # "two days later" reads off the story's clock; "a decade earlier" is worked out
    how = "relative" if unit in ("day", "week", "month") else "derived"
    return _date(raw, p.value(), p.precision, how, ctx.main_text)


def _opens_clause(before: str) -> bool:
    """Whether a date at the end of `before` opens its sentence or clause ("In 1942 he ...")."""
    return re.search(r"(?:^|[.;:!?]\s+|\n)(?:(?:[Ii]n|[Bb]y|[Dd]uring|[Ss]ince|[Ff]rom|[Uu]ntil|[Aa]fter|[Bb]efore)\s+)?$",
                     before) is not None


def _names_period(raw: Raw) -> bool:
    """Whether an expression names the period a report is about ("the third quarter", "the
    quarter"), not one it compares with ("the year-earlier quarter", "a year ago")."""
    rel = raw.relative
    return rel is None or (rel[0] == "part" and not rel[3]) or (rel[0] == "period" and rel[2:] == (0, 0, None))


@cache
def _hedges() -> re.Pattern[str]:
    words = rules.load("dates")["guards"]["hedges"]
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\W+(?:\w+\W+){{0,2}}$", re.I)


class _Hedged:
    def search(self, s: str) -> re.Match[str] | None:
        return _hedges().search(s)


_HEDGED = _Hedged()


def _update(ctx: _Context, raw: Raw, dv: DateValue, before: str = "", from_dateline: bool = False) -> bool:
    """Move the story's clock to a date just read; True when the date is an aside, a year looking
    ahead of the story that the text hedges ("... the future state, supposedly in 1951"): no
    statement happened then."""
    if dv.type == "DURATION" and re.fullmatch(r"P\d+M", dv.value) and dv.text[:4].lower() == "the ":
        ctx.months_para = ctx.para  # "for the nine months": compared by year, not by quarter
    if dv.type not in ("DATE", "TIME") or dv.start is None:
        return False
    if dv.precision in ("quarter", "half") and _names_period(raw):
        ctx.period, ctx.period_para = parse_value(dv.value), ctx.para
    if _deictic(raw):
        # "last month" looks back from the dateline; the story's clock stays where it was, but
        # "Friday" is the day the story is at ("... at 6 p.m.")
        if dv.precision in ("day", "time"):
            ctx.day, ctx.day_text, ctx.day_para = parse_value(dv.value[:10]), f"{dv.text} ({dv.value})", ctx.para
        return False
    ctx.last = dv
    if dv.precision in ("decade", "century"):
        return False
    value = dv.value.split("/")[-1]
    first = dv.value.split("/")[0]
    p = parse_value(value)
    if p is None or p.year is None:
        return False
    if p.month is None and p.part is None:
        # a bare year looking ahead of the story's dated events in the same paragraph
        # ("... supposedly in 1951") does not move the narrative's year; one opening its
        # sentence ("In 1942 he broke with ...") does
        if (ctx.fine_para == ctx.para and ctx.fine_year is not None and p.year > ctx.fine_year
                and not _opens_clause(before)):
            return _HEDGED.search(before[-40:]) is not None  # "supposedly in 1951": not what happened
    else:
        ctx.fine_para, ctx.fine_year = ctx.para, p.year
    if not from_dateline:
        ctx.year_para = ctx.para
    if p.month is not None:
        ctx.month_para = ctx.para
        if not from_dateline:
            ctx.story_para = ctx.para  # the paragraph tells its own story ("On 7 November 1944 ... on 12 November")
    ctx.year, ctx.month, ctx.season = p.year, p.month, p.part
    ctx.year_text = f"{dv.text} ({dv.value})"
    if p.day is not None and "/" not in dv.value:
        ctx.day, ctx.day_text, ctx.day_para = Point(p.year, p.month, p.day), f"{dv.text} ({dv.value})", ctx.para
    elif ctx.day is not None and p.month is not None and (p.year, p.month) != (ctx.day.year, ctx.day.month):
        ctx.day = None  # the story has moved to another month: "the next morning" is no longer that day's
    if not raw.parenthesised:
        start = parse_value(first)
        if start is not None:
            ctx.main, ctx.main_text = start, f"{dv.text} ({dv.value})"
    return False


HEAD_WORDS = 10  # a date line, masthead or letterhead: a short line of names and a date
_LOWER_WORD = re.compile(r"\b(?!(?:of|the|and|at|de|on|No)\b)[a-z][a-z]+\b")
# "CHUNGKING, Jan. 3 (AP)—", "HONG KONG, Dec. 11 (AP) --": a news agency's dispatch line
_DISPATCH = re.compile(r"^[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s+(?P<date>[^—\n(]{3,30}?)\s*"
                       r"(?:\([^)\n]{1,20}\)\s*)?(?:—|--|–|\.—|:—|\.\s*[-—])")
# ... its place of one part only: "Paris, May 9, 1938—8 p.m.", whose ", May 9" the pattern above
# would take for a second part of the place ("HONG KONG, Kowloon, Dec. 11 --"), leaving the year
_DISPATCH_ONE = re.compile(r"^[A-Z][\w .'’-]{1,40},\s+(?P<date>[^—\n(]{3,30}?)\s*"
                           r"(?:\([^)\n]{1,20}\)\s*)?(?:—|--|–|\.—|:—|\.\s*[-—])")
# a clock time on a web page's date line: "2019-09-25 08:37:34 Xinhua", "Sep 25, 2019 10:00 AM"
WALL_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?![\d:])")
# "NANKING, Friday.", "NANKING; Thursday.": a dispatch line naming the day of the week, under a
# paper's masthead (the day on or before the issue's)
_WEEKDAY_DISPATCH = re.compile(r"[A-Z][A-Z .'’-]{1,30}[,;]\s*[A-Z][a-z]+day\.?")


def _dateline(chunk: str, current: _Context | None, found: list[Raw] | None = None,
              issue: _Context | None = None) -> _Context | None:
    """The date of the report that starts at this paragraph, if it is a date line ("September 25,
    1949", "THE NEW YORK TIMES, FRIDAY, JANUARY 4, 1946", "Tihwa, 20 November 1944") or opens
    with a dispatch line ("CHUNGKING, Jan. 3 (AP)—"); else None. Prose never is one: a sentence
    has lower-case words, and a dispatch line has its own shape. `found`: the chunk's expressions,
    if already scanned; `issue`: the document's first date line (a paper's masthead), from which
    a dispatch line's day of the week counts back."""
    m = _DISPATCH.match(chunk)
    if m is not None and m.group("date")[:1].isdigit() and (one := _DISPATCH_ONE.match(chunk)) is not None:
        m = one  # "Paris, May 9, 1938—": the day is the date's, not the place's
    if m is not None:
        zone = m.group("date")
    elif len(chunk.split()) <= HEAD_WORDS:
        zone = chunk
    else:
        return None
    # a day with its clock time is the day ("Sep 25, 2019 10:00 AM" on a web page's date line)
    raws = [r for r in (found if found is not None and zone is chunk else scan(zone))
            if r.type == "DATE" or (r.type == "TIME" and r.a is not None and r.a.day is not None)]
    if len(raws) == 1 and raws[0].relative is not None and raws[0].relative[0] == "weekday":
        return _weekday_dispatch(chunk, raws[0], issue, m is not None)
    if len(raws) != 1 or raws[0].relative is not None or raws[0].a is None or raws[0].b is not None:
        return None
    raw = raws[0]
    if current is not None and archival.received_line(zone):
        return None  # "[Received October 14.]" under "Chungking, September 23, 1943.": when it came, not its date
    rest = WALL_CLOCK.sub("", zone[: raw.start] + zone[raw.end :])
    if m is None and (_LOWER_WORD.search(rest) or re.search(r"[—–:]|\s-\s", rest)):
        return None  # prose, or a chronology's "1944, Nov. 7 — Rising at Kuldja."
    p: Point | None = raw.a
    if p is None or p.day is None or p.month is None:
        return None
    p = Point(p.year, p.month, p.day)  # the day of "Sep 25, 2019 10:00 AM"
    whence = ""  # where a year the line leaves out comes from
    if p.year is None:
        if current is None:
            return None
        p = _inherit_dateline(p, current)
        if p is None:
            return None
        whence = f", its year from {current.year_text}"
    return _dated(p, f"{raw.text} ({p.value()}), the document's date{whence}")


def _head_line(chunk: str, start: int) -> _Context | None:
    """The date line that opens a paragraph of the document's head on a line of its own, where
    the paragraph runs on without a blank line (a web page's "2019-09-25 08:37:34 Xinhua Gu
    Liping" over a photo's caption): a short line, a day and capitalised words only."""
    first = chunk.lstrip().split("\n", 1)[0]
    if start + len(first) > archival.HEAD_CHARS or len(first.split()) > HEAD_WORDS:
        return None
    raws = [r for r in scan(first) if r.type in ("DATE", "TIME")]
    if not raws or raws[0].start != 0:
        return None  # a headline's date inside its words ("THE ILI REVOLT OF NOVEMBER 12, 1944 AND THE")
    return _dateline(first, None, raws)


def _weekday_dispatch(chunk: str, raw: Raw, current: _Context | None, inline: bool) -> _Context | None:
    """The date of a dispatch line that names only its day of the week ("NANKING, Friday.", or
    opening its paragraph, "NANKING, Friday (A.A.P.).-"), under a masthead's date: that day on or
    before the issue's (`current`, the document's first date line)."""
    if current is None or current.day is None or current.day.day is None \
            or not (inline or _WEEKDAY_DISPATCH.fullmatch(chunk.strip())):
        return None
    dv = _resolve_relative(raw, current, current, chunk)
    p = parse_value(dv.value[:10]) if dv is not None else None
    if p is None or p.day is None or p.value() > current.day.value():
        return None
    label = f"{raw.text} ({p.value()}), the document's date, its day from {current.day_text}"
    return _dated(p, label)


@cache
def glued_label() -> re.Pattern[str]:
    """An infobox's label run into its value, as text copied from a rendered page has it: "Date4
    April 1931", "BornApril 22, 1901" (any capitalised word before a day or a month: nothing else
    writes one so), "Born1887" (only a field's label before a year: "Unit36th" is no date)."""
    d = rules.load("dates")
    months = "|".join([*d["months"], *(rf"{a}\.?" for a in d["month_abbreviations"])])
    labels = "|".join(map(re.escape, rules.load("names")["peoples"]["labels"]))
    return re.compile(rf"(?<![\w-])(?:[A-Z][a-z]{{2,}}(?=(?:3[01]|[12]\d|[1-9])\s+[A-Z][a-z]+\.?,?\s+\d{{4}}"
                      rf"|(?:{months})\s+\d)|(?:{labels})(?=1[6-9]\d\d\b))")
_GLUE = re.compile(r"[a-z)](?=[A-Z\d])")  # where a small letter runs into a capital or a figure


@cache
def _field_label() -> re.Pattern[str]:
    """An infobox's label of words that are also a date's ("Today part of"), opening a line, before
    its value or a table's bar (rules/text.toml [infobox] glued)."""
    labels = [x for x in rules.load("text")["infobox"]["glued"] if " " in x and _DEIXIS.match(x)]
    return re.compile(rf"^[ \t]*({'|'.join(map(re.escape, labels)) or '(?!)'})(?=[ \t]*\||[ \t]+[A-Z])", re.M)


def _glued_labels(text: str) -> list[re.Match[str]]:
    """The labels run into their values in `text`, looked for only where a word runs into a
    capital or a figure (rare in prose: the whole grammar of labels at every word cost a build 4 %)."""
    out = []
    pat = glued_label()
    last = -1
    for g in _GLUE.finditer(text):
        start = g.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if start <= last:
            continue
        m = pat.match(text, start)
        if m is not None and m.end() == g.end():
            out.append(m)
            last = m.end()
    return out


Flag = tuple[int, int, str, str]  # (start, end, text, why it is no date) of a date etr would not use


def tag(text: str, spans: Iterable[tuple[int, int]], flagged: list[Flag] | None = None,
        named: tuple[Point, str] | None = None) -> list[TimexSpan]:
    """Dates in text[start:end] for each (paragraph) span, resolved in document order. Once a
    date line is seen (a telegram's, a newspaper's; or, before any, the date the document's
    header gives it), words such as "yesterday" and "last month" read from it, until the next
    date line (a file may hold several clippings). Archival numbers ("Embtel 1419", "1508.") are
    never dates, and a year long before the document's time is one only where the text says so
    in words; what is set aside is added to `flagged`. `named`: the date the file's name gives
    (archival.named_date), which dates the document as a header would where its text states no
    year at all ("NANKING, June 12 (A.A.P.)" in "smh-1947-06-13.txt")."""
    # archival numbers ("Embtel 1419", "1508.") are blanked, offsets kept: never dates, and
    # never part of one ("1419, August 16" is August 16)
    blanked = list(text)
    near = archival.near_digits(text)
    for a, b in archival.numbers(text, near):
        blanked[a:b] = " " * (b - a)
    for m in _glued_labels(text):  # "Date4 April 1931": an infobox's label run into its value
        blanked[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _field_label().finditer(text):  # "Today part of | China": a field's label, no day
        blanked[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
    seen = "".join(blanked)
    head = archival.document_date(text)
    if head is None and named is not None and not _A_YEAR.search(seen):
        head = named
    dl = _dated(*head) if head is not None else None
    referred = {b for _, b in archival.references(text, near)}  # where a referred document's date may start
    issue = dl  # the document's first date line: a paper's masthead, say
    ctx = _Context()
    out: list[TimexSpan] = []
    waiting: list[tuple[int, int, Raw, str]] = []  # days no year came before, until one comes (_year_after)
    for para, (start, end) in enumerate(spans):
        ctx.para = para
        ctx.note = _EDITORS_NOTE.match(text, start) is not None  # (its mark is blanked in `seen`)
        chunk = seen[start:end]
        rejected: list[tuple[Raw, str]] = []
        raws = scan(chunk, rejected=rejected)
        if flagged is not None:  # "February 30, 1944", a range stated backwards: no dates, said so
            flagged += [(start + raw.start, start + raw.end, raw.text, why) for raw, why in rejected]
        line = _dateline(chunk, dl, raws, issue)  # "Despatch No. 35, May 3, 1946": the document's own number and date
        if line is None and dl is None and start < archival.HEAD_CHARS and "\n" in chunk.strip():
            line = _head_line(chunk, start)  # "2019-09-25 08:37:34 Xinhua Gu Liping" over a photo's caption
        dl = line or dl
        issue = issue or line
        introduced: _Context | None = None
        for raw in raws:
            if _inside_a_name(chunk, raw.start, raw.end):
                continue  # "Easter Turkestan", "the Taranaki Daily News", "the Summer Palace"
            dv = _resolve(raw, ctx, dl, chunk)
            if dv is None:
                if ctx.year is None and dl is None and (_waits_for_year(raw) or (
                        _deictic(raw) and any(_waits_for_year(r) and _date_line(r, c) for _a, _b, r, c in waiting))):
                    # "appearing at the walls of Kashgar on 13 January"; and "said to-day" under a
                    # date line with no year, "NANKING, June 24.", the paper's date at its foot
                    waiting.append((para, start, raw, chunk))
                continue
            why = _implausible(dv, raw, chunk)
            if why:
                if flagged is not None:
                    flagged.append((start + raw.start, start + raw.end, raw.text, why))
                continue
            if start + raw.start in referred and dv.type in ("DATE", "TIME") and line is None:
                # "mytel 150 April 18", "Ward's despatch 2, Dec. 10": another document's date,
                # no day the story is at; "following is Tihwa's telegram 160, April 22, 8 a.m.:"
                # dates the passage it introduces, from which the story's clock goes on
                if not ctx.note:  # an editor's note tells of later telegrams too
                    dv = _not_after(dv, max((p for p in (head[0] if head else None, dl.day if dl else None)
                                             if p is not None), key=Point.value, default=None))
                out.append(TimexSpan(start + raw.start, start + raw.end, dv, referred=True))
                opens = _introduced(chunk, raw, dv, text[start:end])
                if opens is not None:
                    introduced = opens
                    _update(ctx, raw, dv, _before(chunk, raw.start))
                continue
            aside = _update(ctx, raw, dv, _before(chunk, raw.start), dl is not None and dv.anchor == dl.year_text)
            out.append(TimexSpan(start + raw.start, start + raw.end, dv, aside))
            if waiting:
                out += _year_after(waiting, para, raw, dv)
                waiting = []
        dl = introduced or dl
    out.sort(key=lambda t: t.start)  # (the days that waited for a year come after it)
    return _far_outside(out, text, flagged)


_A_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")  # anything a year might be: a text that has none


FAR = 300  # years: a year this far before every other year a modern document states is no year of it
FAR_OTHERS = 3  # ... when the document states at least this many others


def _far_outside(out: list[TimexSpan], text: str, flagged: list[Flag] | None) -> list[TimexSpan]:
    """The dates less any year before 1800 that lies more than FAR years before every other year
    the document states in figures, those (FAR_OTHERS or more) all of the twentieth century or
    later: OCR's "After 1332" for 1932 in a report of 1953. Flagged with the reason, never used; a
    document that tells of older times states older years too ("1647", "1697", "1755"), and a
    century in words ("the 9th century") is no figure."""
    def year(t: TimexSpan) -> int | None:
        v = t.date.value
        return int(v[:4]) if t.date.how == "explicit" and v[:4].isdigit() and v[4:5] in ("", "-", "/") else None

    years = [(t, y) for t in out if (y := year(t)) is not None]
    before = [(t, y) for t, y in years if y < 1900]
    if len(before) != 1 or before[0][1] >= archival.EARLIEST or len(years) - 1 < FAR_OTHERS:
        return out  # none so early; or more than one year of before 1900 (a history); or too few others
    (t, y), = before
    first = min(z for _u, z in years if z >= 1900)
    if first - y <= FAR:
        return out
    if flagged is not None:
        flagged.append((t.start, t.end, text[t.start : t.end],
                        f"the year {y} is far before every other year the document states ({first} and later)"))
    return [u for u in out if u is not t]


YEAR_AFTER = 2  # paragraphs after a day with no year before it that the next date may give its year from
# what may stand before a day that opens its paragraph as a date line does: "NANKING, June 24.",
# "(Rec. 1 p.m.) NANKING, June 24."
_DATE_LINE_BEFORE = re.compile(r"\s*(?:\([^()\n]*\)\s*)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s+)?")


def _date_line(raw: Raw, chunk: str) -> bool:
    """Whether the day `raw` opens its paragraph as a date line does."""
    return _DATE_LINE_BEFORE.fullmatch(chunk, 0, raw.start) is not None


def _waits_for_year(raw: Raw) -> bool:
    """Whether a date is a day or a month with no year ("on 13 January", "in April"), alone."""
    return raw.relative is None and raw.b is None and raw.a is not None and raw.a.year is None \
        and raw.a.month is not None and raw.fixed is None


def _year_after(waiting: list[tuple[int, int, Raw, str]], para: int, raw: Raw, dv: DateValue) -> list[TimexSpan]:
    """The days a text names before it gives any year ("... appearing at the walls of Kashgar on
    13 January. [...] In April 1934, Gen. Ma Zhongying ..."), in the year of the first date that
    gives one, when that date is written out with its month, comes within YEAR_AFTER paragraphs,
    and falls after them in that year, as a story told in order has it: year-inherited from the
    date after, which is the anchor. Otherwise they stay undated."""
    p = parse_value(dv.value[:10]) if dv.how == "explicit" and raw.a is not None and raw.a.month else None
    if p is None or p.year is None or p.month is None:
        return []
    label = f"{raw.text} ({p.value()}), the next date the text gives"
    got = []
    day: _Context | None = None  # the last date line so dated: what a "to-day" after it reads from
    for at, start, r, chunk in waiting:
        if r.a is None or r.a.month is None:  # "to-day", "yesterday" after a date line waiting as they do
            later = _resolve(r, _Context(year=p.year, year_text=label), day, chunk) if day is not None else None
        elif para - at > YEAR_AFTER or r.a.month > p.month or (r.a.month == p.month and (r.a.day or 0) > (p.day or 31)):
            day = None  # (nor does a "to-day" under it read from an earlier one)
            continue
        else:
            later = _resolve(r, _Context(year=p.year, year_text=label), None, chunk)
            w = parse_value(later.value[:10]) if later is not None and later.precision == "day" and _date_line(r, chunk) else None
            day = _dated(w, f"{r.text} ({w.value()})") if w is not None else None
        if later is not None:
            got.append(TimexSpan(start + r.start, start + r.end, later))
    return got


def _not_after(dv: DateValue, written: Point | None) -> DateValue:
    """A referred document's date whose year the text leaves out is before the day the referring
    one was written ("Dec. 10" in a telegram of April 1947: 10 December 1946)."""
    if dv.how != "year-inherited" or written is None or written.year is None or dv.start is None:
        return dv
    if written.month is None or dv.start[: len(written.value())] <= written.value():
        return dv  # compared at the writing's precision; a volume's year alone puts nothing after it
    y = str(written.year)
    back = str(written.year - 1)
    if dv.start[5:10] == "02-29" and not calendar.isleap(written.year - 1):
        return dv  # no 29 February the year before

    def earlier(v: str | None) -> str | None:
        return None if v is None else re.sub(rf"(?<!\d){y}(?=-)", back, v)

    return replace(dv, value=earlier(dv.value) or dv.value, start=earlier(dv.start), end=earlier(dv.end))


_CLOCK_AFTER = r"[ \t,]*(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.\s?m\.|noon|midnight)?[ \t]*"  # ", 3 p.m." after a date
INTRODUCES = re.compile(_CLOCK_AFTER + r":\s*\Z")


# "965. Following Ward's 87 through 94, June 7, 1946.": the substance of those telegrams follows
SUMMARISES = re.compile(r"\s*(?:\d{1,5}\.\s+)?(?:Following|Substance of|Summary of|Paraphrase of)\s+[A-Z][\w.]*['’]s\s+\d")
ENDS = re.compile(_CLOCK_AFTER + r"[.:]?\s*\Z")


def _introduced(chunk: str, raw: Raw, dv: DateValue, para: str) -> _Context | None:
    """The date of the document a paragraph introduces, where it ends on a referred document's
    day and a colon ("... following is Tihwa's telegram 159, April 21, 3 p.m.:"), or says it
    gives their substance ("965. Following Ward's 87 through 94, June 7, 1946."): what follows is
    that document, dated by it until another date line."""
    p = parse_value(dv.value[:10])
    if p is None or p.day is None or p.month is None:
        return None
    if INTRODUCES.match(chunk, raw.end) is None and not (SUMMARISES.match(para) and ENDS.match(chunk, raw.end)):
        return None
    label = f"{raw.text} ({p.value()}), the date of the document it introduces"
    return _dated(p, label)


_CALENDAR_WORD = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?$"
    r"|(?:Day|Eve|Night|Morning|Evening|Week|Weekend|Holiday|Holidays|Festival|Season)$")
_DEIXIS = re.compile(r"To-?day|Yesterday|To-?morrow|To-?night")
_OPENS = re.compile(r"[.:;!?\n][\"”’)\]]*\s*[\"“‘'(]*$")  # what a sentence's first word follows
_LEADING = re.compile(r"[ \t\"“‘'(]*")  # ... or nothing but these, first in the paragraph


def _opens_sentence(chunk: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence: after a stop, or first in the paragraph, an
    opening quotation mark or bracket before it or not."""
    return _OPENS.search(chunk, max(0, start - 8), start) is not None or _LEADING.fullmatch(chunk, 0, start) is not None
_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*) $")
_WORD_AFTER = re.compile(r" ([A-Z][\w'’-]*)")


def _inside_a_name(chunk: str, start: int, end: int) -> bool:
    """Whether a date word is part of a name: one capitalised word ("Easter", "Daily", "Summer")
    with a capitalised word beside it that is no date's ("Easter Turkestan", "Taranaki Daily
    News", "the Summer Palace"; not "Easter Sunday", "Christmas Day", "Friday, Jan. 3"). Months
    and weekdays are dates wherever they stand."""
    word = chunk[start:end]
    if not word[:1].isupper() or not word.isalpha() or word.isupper() or _CALENDAR_WORD.match(word):
        return False
    if _DEIXIS.fullmatch(word) and _opens_sentence(chunk, start):
        return False  # "82. Today Liu called", "“Yesterday General Sung told me": a sentence's day, no name
    after = _WORD_AFTER.match(chunk, end)
    if after is not None and not _CALENDAR_WORD.match(after.group(1)):
        return True
    before = _WORD_BEFORE.search(chunk, max(0, start - 40), start)
    return (before is not None and not _CALENDAR_WORD.match(before.group(1)) and not before.group(1).endswith(".")
            and before.group(1) not in ("The", "A", "An", "On", "In", "At", "By", "Of", "From", "Until", "Since"))


BEFORE = 200  # characters before a date that _update reads (a clause's opening word, a hedge)


def _before(chunk: str, start: int) -> str:
    """The text before a date, as far back as _update reads it: the paragraph up to `start`, or
    its last BEFORE characters after a NUL that stands for the rest (so that a paragraph's start
    is not mistaken for the cut). Not the whole paragraph: copying and searching it for every
    date made a paragraph with no full stop cost time quadratic in its length."""
    return chunk[:start] if start <= BEFORE else "\0" + chunk[start - BEFORE:start]


def _implausible(dv: DateValue, raw: Raw, chunk: str) -> str:
    """Why a date cannot be one of the document's, or "": a year before 1800 that the text does
    not introduce as one ("the Abdalis 1000" is a count, "May 1445" a day and a footnote marker;
    "in 1754" is a year)."""
    if dv.start is None or dv.start[:4] >= str(archival.EARLIEST) or dv.how != "explicit":
        return ""
    if archival.says_year_in_words(chunk, raw.start):
        return ""
    return f"the year {dv.start[:4]} is long before the document's time and the text does not say it is a year"
