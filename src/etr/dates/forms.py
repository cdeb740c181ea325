"""The date grammar, shared by the build (tagging prose) and by `etr when` (reading user input).

`scan(text)` finds temporal expressions and returns them as `Raw` matches whose year may still be
missing or whose meaning depends on an anchor; `build.timex` resolves those against the document's
context. `parse_period(query)` reads what a user types. Values follow the evaluation notation
(1944-11-15, 1944-11, 1945-SU, 194X, 18XX, 1944/1946, P3D); `bounds(value, mod)` gives the earliest
and latest ISO day a value can mean. Pure functions; vocabulary lives in rules/dates.toml.
Imports only etr.rules and etr.errors.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from etr import rules
from etr.errors import BadQuery

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Point:
    """A calendar point at some precision; any field may be unknown (None)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    decade: int | None = None  # 194 for the 1940s
    century: int | None = None  # 18 for the 19th century

    def value(self) -> str:
        if self.century is not None:
            return f"{self.century:02d}XX"
        if self.decade is not None:
            return f"{self.decade:03d}X"
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.season:
            return f"{y}-{self.season}"
        if self.month is None:
            return y
        if self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        if self.century is not None:
            return "century"
        if self.decade is not None:
            return "decade"
        if self.season:
            return "season"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def needs_year(self) -> bool:
        return self.year is None and self.decade is None and self.century is None


@dataclass(frozen=True)
class Raw:
    """A temporal expression found in text, before context is applied."""

    start: int
    end: int
    text: str
    a: Point | None = None
    b: Point | None = None  # end of a range
    mod: str | None = None
    type: str = "DATE"
    duration: str | None = None
    # relative forms: ("offset", n, unit_days, sign) | ("same", unit) | ("next", unit, +-1)
    # | ("anchor",) ; apposition=True when the phrase stands beside an explicit date
    relative: tuple[Any, ...] | None = None
    apposition: bool = False
    parenthesised: bool = False


# ---------------------------------------------------------------------------------- grammar


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _vocab() -> dict[str, Any]:
    r = rules.load("dates")
    months: dict[str, int] = dict(r["months"])
    abbrevs: dict[str, int] = dict(r["month_abbreviations"])
    return {
        "months": months,
        "abbrevs": abbrevs,
        "seasons": dict(r["seasons"]),
        "mods": dict(r["modifiers"]),
        "bounds": dict(r["boundaries"]),
        "numbers": dict(r["numbers"]),
        "units": {k: tuple(v) for k, v in r["units"].items()},
        "preps": set(r["prepositions"]["before_bare_month"]),
        "count_nouns": set(r["guards"]["count_nouns"]),
    }


def _cased(words: list[str], ignore_case: bool) -> str:
    """Alternation of words as written, capitalised and in capitals (prose) - or any case."""
    if ignore_case:
        return _alt(words)
    forms = set()
    for w in words:
        forms |= {w, w[:1].upper() + w[1:], w.upper()}
    return _alt(sorted(forms))


@cache
def _grammar(ignore_case: bool) -> re.Pattern[str]:
    v = _vocab()
    month_full = _cased(list(v["months"]), ignore_case)
    month_abbr = _cased(list(v["abbrevs"]), ignore_case)
    season = _cased(list(v["seasons"]), ignore_case)
    mod = _cased(list(v["mods"]), ignore_case)
    bnd = _cased(list(v["bounds"]), ignore_case)
    num = _cased([k for k in v["numbers"] if k not in ("a", "an")], ignore_case)
    unit = _cased(list(v["units"]), ignore_case)
    the = "(?:[Tt]he|THE)" if not ignore_case else "the"
    weekday = _cased(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], ignore_case)

    M = rf"(?:{month_full}|(?:{month_abbr})\.?(?=\s*\d))"
    D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    Y = r"(?:1[0-9]\d\d|20\d\d)"
    YG = rf"{Y}(?![\d,]\d|\d|\s*%|-\d)"  # a year not part of a larger number
    DASH = r"\s*[-–—]\s*"
    TO = rf"(?:{DASH}|\s+(?:to|until|till|through|and)\s+)"
    full = rf"(?:{D}\s+{M},?\s+{Y}|{M}\s+{D},?\s+{Y}|{the}\s+{D}\s+of\s+{M},?\s+{Y})"
    numword = rf"(?:\d+|{num})"
    article = "a|an|A|An|AN" if not ignore_case else "a|an"

    # ISO dates: a user's "1944-11" is a month; in prose only a full "1944-11-15" is read as ISO,
    # since "1944-45" there is a range of years
    day_part = r"(?:-(?P<iso_d>\d\d))" + ("?" if ignore_case else "")
    iso = rf"(?P<iso_y>1[0-9]\d\d|20\d\d)-(?P<iso_m>0[1-9]|1[0-2]){day_part}(?![\d-])"
    pats = [
        ("iso", iso),
        # ranges ------------------------------------------------------------------------
        ("day_range", rf"(?P<dr_d1>{D})(?:{DASH}|\s+(?:to|and|until|till)\s+)(?P<dr_d2>{D})\s+(?P<dr_m>{M})(?:,?\s+(?P<dr_y>{Y}))?(?![\d,]*\d)"),
        ("mdd_range", rf"(?P<md_m>{M})\s+(?P<md_d1>{D})(?:{DASH}|\s+(?:to|and|until|till)\s+)(?P<md_d2>{D})(?:,?\s+(?P<md_y>{Y}))?(?![\d,]*\d)"),
        ("full_range", rf"(?P<fr_a>{full}){TO}(?P<fr_b>{full})"),
        ("dm_range", rf"(?P<dm_d1>{D})\s+(?P<dm_m1>{M}){TO}(?P<dm_b>{full})"),
        ("my_range", rf"(?P<mr_m1>{M})\s+(?P<mr_y1>{Y}){TO}(?:(?P<mr_m2>{M})\s+)?(?P<mr_y2>{YG})"),
        ("mm_range", rf"(?P<mm_m1>{month_full})(?:{DASH}|\s+(?:to|and|until|till|through)\s+)(?P<mm_m2>{month_full})(?:,?\s+(?P<mm_y>{YG}))?"),
        ("ss_range", rf"(?:{the}\s+)?(?P<ss_s1>{season})\s+(?:and|to)\s+(?P<ss_s2>{season})\s+of\s+(?P<ss_y>{YG})"),
        ("sy_range", rf"(?:{the}\s+)?(?P<sy_s1>{season})\s+(?:of\s+)?(?P<sy_y1>{YG})\s+(?:to|until|till|and)\s+(?:{the}\s+)?(?P<sy_s2>{season})\s+(?:of\s+)?(?P<sy_y2>{YG})"),
        ("yy_and", rf"(?:(?<=during )|(?<=During )|(?<=DURING )|(?<=between )|(?<=Between )|(?<=BETWEEN ))(?P<ya_y1>{Y})\s+(?:and|&)\s+(?P<ya_y2>{YG})"),
        ("yy_range", rf"(?P<yy_y1>{Y})(?:{DASH}|\s+(?:to|until|till)\s+)(?P<yy_y2>{Y}|\d\d)(?![\d,]\d|\d|\s*%)"),
        # seasons, decades, centuries, boundaries ---------------------------------------
        ("season", rf"(?:{the}\s+)?(?:(?P<se_mod>{mod})[\s-]+)?(?P<se_s>{season})\s+(?:of\s+)?(?P<se_y>{Y})(?:{DASH}(?P<se_y2>{Y}|\d\d))?(?![\d,]\d|\d|\s*%)"),
        ("century_pair", rf"(?:{the}\s+)?(?P<cp_c1>\d{{1,2}})(?:st|nd|rd|th)\s+and\s+(?P<cp_c2>\d{{1,2}})(?:st|nd|rd|th)\s+[Cc]entur(?:y|ies)"),
        ("century", rf"(?:{the}\s+)?(?:(?P<ce_mod>{mod})[\s-]+)?(?P<ce_c>\d{{1,2}})(?:st|nd|rd|th)[\s-]+[Cc]entury"),
        ("decade", rf"(?:{the}\s+)?(?:(?P<de_mod>{mod})[\s-]+)?(?P<de_y>1[0-9]\d0|20\d0)['’]?s\b"),
        ("boundary", rf"{the}\s+(?P<bo_w>{bnd})\s+of\s+(?:(?P<bo_m>{M})\s+)?(?P<bo_y>{YG})"),
        ("boundary_month", rf"{the}\s+(?P<bm2_w>{bnd})\s+of\s+(?P<bm2_m>{month_full})(?!\s*,?\s*\d)"),
        ("boundary_decade", rf"{the}\s+(?P<bd_w>{bnd})\s+of\s+{the}\s+(?P<bd_y>1[0-9]\d0|20\d0)['’]?s\b"),
        # points ------------------------------------------------------------------------
        ("rel_dm_year", rf"(?:(?P<dy_m>{M})\s+(?P<dy_d>{D})|(?P<dy_d2>{D})\s+(?P<dy_m2>{M}))\s+(?P<dy_w>[Ll]ast|LAST|[Nn]ext|NEXT|[Tt]his|THIS)\s+(?:year|YEAR)"),
        ("mod_month", rf"(?P<mo_mod>{mod})(?:\s+in)?[\s-]+(?P<mo_m>{M})(?:,?\s+(?P<mo_y>{YG}))?"),
        ("mod_year", rf"(?P<my_mod>{mod})(?:\s+in)?[\s-]+(?P<my_y>{YG})"),
        ("dmy", rf"(?P<a_d>{D})\s+(?P<a_m>{M}),?\s+(?P<a_y>{YG})"),
        # a chronology's "1944, Nov. 12 —" and "1934 Jan. —": the year first (ranges too)
        ("ymd_range", rf"(?P<gr_y>{Y}),?\s+(?P<gr_m>{M})\s+(?P<gr_d1>3[01]|[12]\d|0?[1-9])\s*[-–—]\s*(?P<gr_d2>3[01]|[12]\d|0?[1-9])(?![\d,]*\d)"),
        ("ym_range", rf"(?<![\w,] )(?P<hr_y>{Y}),?\s+(?P<hr_m1>{month_full}|(?:{month_abbr})\.?)\s*[-–—]\s*(?P<hr_m2>{month_full}|(?:{month_abbr})\.?)(?![\w])"),
        ("ymd", rf"(?P<g_y>{Y}),?\s+(?P<g_m>{M})\s+(?P<g_d>(?:3[01]|[12]\d|0?[1-9]))(?![\d,]*\d|\s*{M})"),
        ("ym", rf"(?<![\w,] )(?P<h_y>{Y}),?\s+(?P<h_m>{month_full}|(?:{month_abbr})\.)(?=\s*(?:[-–—:(]|\n|$))"),
        ("y_season", rf"(?<![\w,] )(?P<yx_y>{Y}),?\s+(?P<yx_s>{season})(?=\s*(?:[-–—:(]|\n|$))"),
        ("mdy", rf"(?P<b_m>{M})\s+(?P<b_d>{D})(?:,?\s+(?P<b_y>{YG}))?(?![\d,]*\d)"),
        ("the_d_of_m", rf"{the}\s+(?P<c_d>{D}|{ORDINALS})\s+of\s+(?P<c_m>{M})(?:,?\s+(?P<c_y>{YG}))?"),
        ("my", rf"(?P<e_m>{M}),?\s+(?P<e_y>{YG})"),
        ("dm", rf"(?P<f_d>{D})\s+(?P<f_m>{M})"),
        # relative ----------------------------------------------------------------------
        ("rel_day_that", rf"{the}\s+(?:very\s+)?day\s+(?:that|when|on\s+which)\s+(?:\w+\s+){{0,3}}\w+ed\b"),
        ("rel_next", rf"{the}\s+(?P<nx_w>following|next|previous|preceding|same)\s+(?P<nx_u>day|morning|evening|night|week|month|year|spring|summer|autumn|winter)"),
        ("rel_that", r"(?:(?P<th_w>later|earlier)\s+)?(?:that|the\s+same)\s+(?P<th_u>day|month|year)"),
        # newspapers and telegrams: "today", "last month", "on the 5th", "the 14th instant", "3rd ult."
        ("rel_today", r"(?:(?:[Tt]he|THE)\s+day\s+(?P<td_ab>after|before|AFTER|BEFORE)\s+)?(?P<td_w>[Tt]o-?day|TO-?DAY|[Yy]esterday|YESTERDAY|[Tt]o-?morrow|TO-?MORROW|[Tt]o-?night|TO-?NIGHT)(?:\s+(?:morning|afternoon|evening|night|MORNING|AFTERNOON|EVENING|NIGHT))?"),
        ("rel_daypart", r"(?P<dp_w>[Tt]his|THIS|[Ll]ast|LAST)\s+(?P<dp_u>morning|afternoon|evening|night|MORNING|AFTERNOON|EVENING|NIGHT)"),
        ("rel_last", rf"(?:(?P<ls_mod>{mod})\s+)?(?P<ls_w>[Ll]ast|LAST|[Nn]ext|NEXT|[Tt]his|THIS)\s+(?P<ls_u>week|month|year|WEEK|MONTH|YEAR)"),
        ("rel_month_of_year", rf"(?P<my2_m>{month_full})\s+of\s+(?P<my2_w>[Ll]ast|LAST|[Nn]ext|NEXT|[Tt]his|THIS)\s+(?:year|YEAR)"),
        ("rel_month", rf"(?:(?P<lm_mod>{mod})\s+)?(?P<lm_w>[Ll]ast|LAST|[Nn]ext|NEXT|[Tt]his|THIS)\s+(?P<lm_m>{month_full})"),
        ("rel_weekday", rf"(?:(?<=on )|(?<=On )|(?<=ON )|(?<=since )|(?<=until )|(?<=by )|(?<=last )|(?<=Last ))(?P<wd_w>{weekday})(?:\s+(?:morning|afternoon|evening|night))?"),
        ("rel_inst", r"(?P<in_d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?P<in_w>instant|inst\.?|ultimo|ult\.?)"),
        ("rel_of_nth", r"(?<=of )(?P<on_d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)(?=\s*[.,;:)]|\s*$)"),
        ("rel_nth", rf"(?:(?<=on )|(?<=On )|(?<=ON )|(?<=since )|(?<=until )|(?<=by ))the\s+(?P<nt_d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)(?!\s+(?:instant|inst\b|ult|[Cc]entur|[Dd]ivision|[Aa]rm|[Cc]avalry|[Rr]egiment|[Cc]orps|[Bb]attalion|[Bb]rigade|[Ff]leet|[Cc]ongress|[Pp]lenum|[Ss]oviet|of\s+[A-Z]|{M}))"),
        ("rel_offset", rf"(?P<of_n>{numword}|{article})[\s-]+(?P<of_u>{unit})s?\s+(?P<of_dir>later|earlier|after|before|afterwards)(?P<of_clause>\s+(?:the\s+|his\s+|her\s+|their\s+|it\s+)?[^\s,.;:()]+(?:\s+[^\s,.;:()]+){{0,5}}?\s+(?:was|were|had\s+been)\s+\w+ed\b|(?<=after)\s+the\s+[a-z]+\b(?:\s+of\s+(?:the\s+)?[A-Za-z]+)?|(?<=before)\s+the\s+[a-z]+\b(?:\s+of\s+(?:the\s+)?[A-Za-z]+)?)?"),
        ("this_time", r"(?<=By )this time|(?<=by )this time"),
        # durations ---------------------------------------------------------------------
        ("duration", rf"(?P<du_n>{numword})[\s-]+(?P<du_u>{unit})s?\b"),
        ("for_a", rf"(?:(?<=for )|(?<=For )|(?<=FOR ))(?P<fa_n>{article})\s+(?P<fa_u>{unit})\b"),
        # years -------------------------------------------------------------------------
        ("year", rf"(?<![\d,.$£#№/])(?P<y_y>{YG})"),
        # a chronology's entry under a year heading: "Feb. — Demonstrations", "Summer: ..."
        ("line_head", rf"^(?:(?P<lh_m>{month_full}|(?:{month_abbr})\.)|(?P<lh_s>{season}))(?=\s*(?:[—–:]|-\s))"),
        ("bare_month", rf"\b(?P<bm_m>{month_full})\b"),
        # a season without its year, after a preposition or "that": the story's year
        ("season_ny", rf"(?:(?:[Tt]hat|THAT)\s+(?P<sn_s1>{season})|(?:(?<=in )|(?<=In )|(?<=since )|(?<=Since )|(?<=by )|(?<=By )|(?<=until )|(?<=during )|(?<=During ))(?:{the}\s+)?(?:(?P<sn_mod>{mod})[\s-]+)?(?P<sn_s2>{season}))(?!\s+(?:of\s+)?\d|\s+of\b)"),  # not "since fall of Lanchow"
    ]
    body = "|".join(f"(?P<{name}>{p})" for name, p in pats)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                 "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first "
                 "twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh "
                 "twenty-eighth twenty-ninth thirtieth thirty-first").split()
ORDINALS = "(?:" + "|".join(sorted((w for x in ORDINAL_WORDS for w in (x, x.capitalize())), key=len, reverse=True)) + ")"


def _month(word: str) -> int:
    v = _vocab()
    w = word.rstrip(".").lower()
    for k, n in list(v["months"].items()) + list(v["abbrevs"].items()):
        if k.lower() == w:
            return int(n)
    raise KeyError(word)


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def _num(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    n = _vocab()["numbers"].get(s.lower())
    return n if isinstance(n, int) else None


def _full(s: str) -> Point:
    """A full 'D Month Y' / 'Month D, Y' / 'the Dth of Month Y' string."""
    m = re.match(r"(?:the\s+)?(\d+)(?:st|nd|rd|th)?\s+(?:of\s+)?(\S+?),?\s+(\d{4})", s, re.I)
    if m:
        return Point(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    m = re.match(r"(\S+?)\s+(\d+)(?:st|nd|rd|th)?,?\s+(\d{4})", s)
    assert m
    return Point(int(m.group(3)), _month(m.group(1)), int(m.group(2)))


def _opt_year(s: str | None) -> int | None:
    return int(s) if s else None


def _two_digit_end(y1: int, y2s: str) -> int:
    if len(y2s) == 2:
        return (y1 // 100) * 100 + int(y2s)
    return int(y2s)


def _days(s: int, e: int, t: str, year: int | None, month: str, d1: str, d2: str) -> Raw | None:
    """Days d1 to d2 of one month ("7th-8th November", "Nov. 7-8", "1949, Sept. 21–30"), or
    None when they do not run forward."""
    mo, a, b = _month(month), _day(d1), _day(d2)
    return Raw(s, e, t, Point(year, mo, a), Point(year, mo, b)) if b > a else None


def _raw_from(m: re.Match[str], text: str) -> Raw | None:
    k = m.lastgroup
    g = m.group
    v = _vocab()
    s, e = m.start(), m.end()
    t = m.group(0)
    if k == "day_range":
        return _days(s, e, t, _opt_year(g("dr_y")), g("dr_m"), g("dr_d1"), g("dr_d2"))
    if k == "full_range":
        return Raw(s, e, t, _full(g("fr_a")), _full(g("fr_b")))
    if k == "dm_range":
        b = _full(g("dm_b"))
        return Raw(s, e, t, Point(b.year, _month(g("dm_m1")), _day(g("dm_d1"))), b)
    if k == "my_range":
        y1, y2 = int(g("mr_y1")), int(g("mr_y2"))
        b = Point(y2, _month(g("mr_m2"))) if g("mr_m2") else Point(y2)
        return Raw(s, e, t, Point(y1, _month(g("mr_m1"))), b)
    if k == "mm_range":
        y = _opt_year(g("mm_y"))
        return Raw(s, e, t, Point(y, _month(g("mm_m1"))), Point(y, _month(g("mm_m2"))))
    if k == "mdd_range":
        return _days(s, e, t, _opt_year(g("md_y")), g("md_m"), g("md_d1"), g("md_d2"))
    if k == "sy_range":
        ss = v["seasons"]
        a = Point(int(g("sy_y1")), season=ss[g("sy_s1").lower()])
        b = Point(int(g("sy_y2")), season=ss[g("sy_s2").lower()])
        return Raw(s, e, t, a, b)
    if k == "for_a":
        letter = v["units"][g("fa_u").lower()][0]
        return Raw(s, e, t, type="DURATION", duration="P10Y" if letter == "DE" else f"P1{letter}")
    if k == "ss_range":
        y = int(g("ss_y"))
        ss = v["seasons"]
        return Raw(s, e, t, Point(y, season=ss[g("ss_s1").lower()]), Point(y, season=ss[g("ss_s2").lower()]))
    if k == "yy_and":
        y1, y2 = int(g("ya_y1")), int(g("ya_y2"))
        if y2 <= y1:
            return None
        return Raw(s, e, t, Point(y1), Point(y2))
    if k == "yy_range":
        y1 = int(g("yy_y1"))
        y2 = _two_digit_end(y1, g("yy_y2"))
        if y2 <= y1 or y2 - y1 > 200:
            return None
        return Raw(s, e, t, Point(y1), Point(y2))
    if k == "season":
        y = int(g("se_y"))
        mod = v["mods"].get((g("se_mod") or "").lower())
        season = v["seasons"][g("se_s").lower()]
        if g("se_y2"):  # "the winter of 1944-45" is one winter, named by the year it starts in
            y2 = _two_digit_end(y, g("se_y2"))
            if y2 <= y:
                return None
            if season != "WI" or y2 != y + 1:
                return Raw(s, e, t, Point(y, season=season), Point(y2, season=season), mod)
        return Raw(s, e, t, Point(y, season=season), mod=mod)
    if k == "century_pair":
        c1, c2 = int(g("cp_c1")), int(g("cp_c2"))
        return Raw(s, e, t, Point(century=c1 - 1), Point(century=c2 - 1))
    if k == "century":
        return Raw(s, e, t, Point(century=int(g("ce_c")) - 1), mod=v["mods"].get((g("ce_mod") or "").lower()))
    if k == "decade":
        return Raw(s, e, t, Point(decade=int(g("de_y")) // 10), mod=v["mods"].get((g("de_mod") or "").lower()))
    if k == "boundary_decade":
        return Raw(s, e, t, Point(decade=int(g("bd_y")) // 10), mod=v["bounds"][g("bd_w").lower()])
    if k == "season_ny":
        season = v["seasons"][(g("sn_s1") or g("sn_s2")).lower()]
        return Raw(s, e, t, Point(None, season=season), mod=v["mods"].get((g("sn_mod") or "").lower()))
    if k == "line_head":
        if g("lh_s"):
            return Raw(s, e, t, Point(None, season=v["seasons"][g("lh_s").lower()]))
        return Raw(s, e, t, Point(None, _month(g("lh_m"))))
    if k == "boundary_month":
        return Raw(s, e, t, Point(None, _month(g("bm2_m"))), mod=v["bounds"][g("bm2_w").lower()])
    if k == "ymd_range":
        return _days(s, e, t, int(g("gr_y")), g("gr_m"), g("gr_d1"), g("gr_d2"))
    if k == "ym_range":
        hy, m1, m2 = int(g("hr_y")), _month(g("hr_m1")), _month(g("hr_m2"))
        if m2 <= m1:
            return None
        return Raw(s, e, t, Point(hy, m1), Point(hy, m2))
    if k == "ymd":
        return Raw(s, e, t, Point(int(g("g_y")), _month(g("g_m")), _day(g("g_d"))))
    if k == "y_season":
        return Raw(s, e, t, Point(int(g("yx_y")), season=v["seasons"][g("yx_s").lower()]))
    if k == "ym":
        return Raw(s, e, t, Point(int(g("h_y")), _month(g("h_m"))))
    if k == "boundary":
        mod = v["bounds"][g("bo_w").lower()]
        return Raw(s, e, t, Point(int(g("bo_y")), _month(g("bo_m")) if g("bo_m") else None), mod=mod)
    if k == "mod_month":
        y = _opt_year(g("mo_y"))
        return Raw(s, e, t, Point(y, _month(g("mo_m"))), mod=v["mods"][g("mo_mod").lower()])
    if k == "mod_year":
        return Raw(s, e, t, Point(int(g("my_y"))), mod=v["mods"][g("my_mod").lower()])
    if k == "dmy":
        return Raw(s, e, t, Point(int(g("a_y")), _month(g("a_m")), _day(g("a_d"))))
    if k == "mdy":
        y = _opt_year(g("b_y"))
        return Raw(s, e, t, Point(y, _month(g("b_m")), _day(g("b_d"))))
    if k == "the_d_of_m":
        y = _opt_year(g("c_y"))
        word = g("c_d").lower()
        day = ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else _day(word)
        return Raw(s, e, t, Point(y, _month(g("c_m")), day))
    if k == "iso":
        y, mo = int(g("iso_y")), int(g("iso_m"))
        d = int(g("iso_d")) if g("iso_d") else None
        return Raw(s, e, t, Point(y, mo, d))
    if k == "my":
        return Raw(s, e, t, Point(int(g("e_y")), _month(g("e_m"))))
    if k == "dm":
        return Raw(s, e, t, Point(None, _month(g("f_m")), _day(g("f_d"))))
    if k == "rel_day_that":
        return Raw(s, e, t, relative=("anchor_day",))
    if k == "rel_next":
        w, u = g("nx_w").lower(), g("nx_u").lower()
        unit = "day" if u in ("day", "morning", "evening", "night") else u
        if unit in v["seasons"]:
            return None
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}[w]
        return Raw(s, e, t, relative=("step", unit, step))
    if k == "rel_that":
        return Raw(s, e, t, relative=("step", g("th_u").lower(), 0))
    if k == "rel_today":
        w = g("td_w").lower().replace("-", "")  # "to-day", "to-morrow": the spelling of the 1940s
        step = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
        if g("td_ab"):  # "the day after tomorrow", "the day before yesterday"
            step += 1 if g("td_ab").lower() == "after" else -1
        return Raw(s, e, t, relative=("step", "day", step))
    if k == "rel_daypart":  # "this afternoon", "last night"
        step = -1 if g("dp_w").lower() == "last" else 0
        if step == -1 and g("dp_u").lower() != "night":
            return None  # "last morning" is no English date
        return Raw(s, e, t, relative=("step", "day", step))
    if k == "rel_dm_year":  # "Nov. 7 last year"
        mw, dw = (g("dy_m"), g("dy_d")) if g("dy_m") else (g("dy_m2"), g("dy_d2"))
        step = {"last": -1, "next": 1, "this": 0}[g("dy_w").lower()]
        return Raw(s, e, t, relative=("year_of", _month(mw), _day(dw), step))
    if k == "rel_last":
        step = {"last": -1, "next": 1, "this": 0}[g("ls_w").lower()]
        unit = g("ls_u").lower()
        mod = v["mods"].get((g("ls_mod") or "").lower()) if unit == "month" or unit == "year" else None
        if g("ls_mod") and mod is None:
            return None
        return Raw(s, e, t, relative=("step", unit, step), mod=mod)
    if k == "rel_month":  # "last September": the latest September before the reference date
        step = {"last": -1, "next": 1, "this": 0}[g("lm_w").lower()]
        return Raw(s, e, t, relative=("named_month", _month(g("lm_m")), step),
                   mod=v["mods"].get((g("lm_mod") or "").lower()))
    if k == "rel_month_of_year":  # "January of last year"
        step = {"last": -1, "next": 1, "this": 0}[g("my2_w").lower()]
        return Raw(s, e, t, relative=("year_of", _month(g("my2_m")), None, step))
    if k == "rel_weekday":
        days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        return Raw(s, e, t, relative=("weekday", days.index(g("wd_w").lower())))
    if k == "rel_of_nth":
        return Raw(s, e, t, relative=("day_of_month", _day(g("on_d")), 0))
    if k == "rel_inst":
        back = -1 if g("in_w").lower().startswith("ult") else 0
        return Raw(s, e, t, relative=("day_of_month", _day(g("in_d")), back))
    if k == "rel_nth":
        return Raw(s, e, t, relative=("day_of_month", _day(g("nt_d")), 0))
    if k == "rel_offset":
        n = _num(g("of_n")) if g("of_n").lower() not in ("a", "an") else 1
        if n is None:
            return None
        letter, days = v["units"][g("of_u").lower()]
        sign = -1 if g("of_dir").lower() in ("earlier", "before") else 1
        return Raw(s, e, t, relative=("offset", n, g("of_u").lower(), sign))
    if k == "this_time":
        return Raw(s, e, t, relative=("anchor_any",), mod="BEFORE")
    if k == "duration":
        unit = g("du_u").lower()
        letter = v["units"][unit][0]
        n = _num(g("du_n"))
        if n is None:
            amount = "X"
        else:
            amount = str(n * 10) if letter == "DE" else str(n)
        if letter == "DE":
            letter = "Y"
        return Raw(s, e, t, type="DURATION", duration=f"P{amount}{letter}")
    if k == "year":
        after = text[e : e + 30].lower()
        nxt = re.match(r"\s+([a-z]+)", after)
        if nxt and nxt.group(1) in v["count_nouns"]:
            return None
        return Raw(s, e, t, Point(int(g("y_y"))))
    if k == "bare_month":
        before = re.search(r"(\w+)\W*$", text[max(0, s - 20) : s])
        if not before or before.group(1).lower() not in v["preps"]:
            return None
        return Raw(s, e, t, Point(None, _month(g("bm_m"))))
    return None


def _leading_by(text: str, s: int) -> bool:
    return re.search(r"(?:^|\W)[Bb]y\s+$", text[max(0, s - 4) : s]) is not None


@cache
def _starters() -> re.Pattern[str]:
    """Where a date expression can begin: a digit, a month, a season, a modifier, or one of the
    few words that open the other forms when the right word follows ("the following day",
    "later that year", "five days", "last month"). A superset of the grammar's first words.
    Written in lower case and run over the lower-cased text: matching without IGNORECASE is
    about three times faster (bench: tagging 1,000 documents)."""
    v = _vocab()

    def alt(words: list[str]) -> str:
        return _alt(sorted({w.lower() for w in words}))

    units = alt([*v["units"], "morning", "evening", "night", "time"])
    seasons = alt(list(v["seasons"]))
    mods = alt(list(v["mods"]))
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    heads = alt([*v["months"], *v["abbrevs"], *v["seasons"], *v["mods"], "today", "yesterday", "tomorrow", "tonight",
                 "to-day", "to-morrow", "to-night", *weekdays])
    after_last = alt([*v["units"], "morning", "afternoon", "evening", "night", "time", *v["months"], *v["seasons"]])
    nums = alt(list(v["numbers"]))
    after_the = alt(["very", "following", "next", "previous", "preceding", "same", *v["bounds"], *v["mods"],
                     *v["seasons"], "day", *ORDINAL_WORDS])
    forms = [
        r"\d",
        rf"(?:{heads})(?![\w])",
        rf"the\s+(?:\d|(?:{after_the})(?![\w]))",
        rf"(?:that|this|last|next)\s+(?:{units}|{after_last}|same)(?![\w])",
        r"(?:later|earlier)\s+(?:that|the)\b",
        rf"(?:{nums})[\s-]+(?:{units})",
        rf"(?:{seasons}|{mods})",
    ]
    # zero-width, so that one start never hides the next ("the 1949 ..." starts at "the" and "1949")
    return re.compile(rf"(?<![\w-])(?=(?:{'|'.join(forms)}))")


def _matches(text: str, ignore_case: bool) -> Iterator[re.Match[str]]:
    """The grammar's matches, as `finditer` would give them, trying only where one can begin.

    Scanning the whole text tries some forty forms at every word; most words cannot begin a
    date, and skipping them makes tagging several times faster on long documents."""
    grammar = _grammar(ignore_case)
    lowered = text.lower()
    starters = _starters()
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: keep the offsets
        lowered, starters = text, re.compile(starters.pattern, re.IGNORECASE)
    end = 0
    for m in starters.finditer(lowered):
        if m.start() < end:
            continue
        got = grammar.match(text, m.start())
        if got is not None:
            end = got.end()
            yield got


def scan(text: str, ignore_case: bool = False) -> list[Raw]:
    """Every temporal expression in `text`, in order, not overlapping, before context is applied."""
    out: list[Raw] = []
    for m in _matches(text, ignore_case):
        raw = _raw_from(m, text)
        if raw is None:
            continue
        if not _valid(raw):
            continue
        s = raw.start
        paren = s > 0 and text[s - 1] == "(" and text[raw.end : raw.end + 1] == ")"
        if (raw.type == "DATE" and (raw.relative is None or raw.relative[0] == "named_month")
                and _leading_by(text, s) and raw.mod is None):
            raw = replace(raw, mod="BEFORE")
        elif raw.type == "DATE" and raw.relative is None and raw.mod is None and raw.b is None:
            # "after 1949", "before 1944": the date stated, open on one side
            side = re.search(r"(?:^|\W)([Aa]fter|[Bb]efore)\s+$", text[max(0, s - 8) : s])
            if side:
                raw = replace(raw, mod=side.group(1).upper())
        if raw.relative and raw.relative[0] == "offset":
            # "17 November 1944, five days after the ETR was founded": the same day, restated
            before = text[max(0, s - 40) : s]
            if re.search(r"\d{4},\s*$", before):
                raw = replace(raw, apposition=True)
        if paren:
            raw = replace(raw, parenthesised=True)
        out.append(raw)
    return out


def _valid(raw: Raw) -> bool:
    """Whether the calendar can hold the expression: no 30 February, no range that ends before
    it starts ("from November 12, 1934 to February 6, 1933", as typos and OCR make)."""
    a, b = raw.a, raw.b
    if a is not None and b is not None and not a.needs_year and not b.needs_year:
        try:
            if point_bounds(b)[1] < point_bounds(a)[0]:
                return False
        except (ValueError, AssertionError):
            return False
    for p in (raw.a, raw.b):
        if p is None:
            continue
        if p.month is not None and not 1 <= p.month <= 12:
            return False
        if p.day is not None and p.month is not None:
            year = p.year if p.year is not None else 2000  # leap year: 29 February possible
            if not 1 <= p.day <= calendar.monthrange(year, p.month)[1]:
                return False
    return True


# ---------------------------------------------------------------------------------- values


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def point_bounds(p: Point) -> tuple[str, str]:
    """Earliest and latest ISO day of a point whose year is known."""
    if p.century is not None:  # the 1st century is years 1-99: there is no year 0
        return f"{max(1, p.century * 100):04d}-01-01", f"{p.century * 100 + 99:04d}-12-31"
    if p.decade is not None:
        return f"{p.decade * 10:04d}-01-01", f"{p.decade * 10 + 9:04d}-12-31"
    assert p.year is not None
    y = p.year
    if p.season:
        m1, m2 = SEASON_MONTHS[p.season]
        y2 = y + 1 if m2 < m1 else y
        return f"{y:04d}-{m1:02d}-01", f"{y2:04d}-{m2:02d}-{_days_in(y2, m2):02d}"
    if p.month is None:
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    if p.day is None:
        return f"{y:04d}-{p.month:02d}-01", f"{y:04d}-{p.month:02d}-{_days_in(y, p.month):02d}"
    d = f"{y:04d}-{p.month:02d}-{p.day:02d}"
    return d, d


def _ordinal(iso: str) -> int:
    return _dt.date.fromisoformat(iso).toordinal()


def _iso(ordinal: int) -> str:
    return _dt.date.fromordinal(ordinal).isoformat()


def narrow(start: str, end: str, mod: str | None) -> tuple[str, str]:
    """Bounds under a modifier: early/mid/late take a third of the span; START/END a tenth."""
    if mod not in ("EARLY", "MID", "LATE", "START", "END"):
        return start, end
    a, b = _ordinal(start), _ordinal(end)
    n = b - a + 1
    if mod in ("START", "END"):
        part = max(1, n // 10)
        return (start, _iso(a + part - 1)) if mod == "START" else (_iso(b - part + 1), end)
    sy, sm, sd = (int(x) for x in start.split("-"))
    ey, em, ed = (int(x) for x in end.split("-"))
    if sm == 1 and sd == 1 and em == 12 and ed == 31 and ey - sy == 9:  # a decade: 0-3, 4-6, 7-9
        lo, hi = {"EARLY": (0, 3), "MID": (4, 6), "LATE": (7, 9)}[mod]
        return f"{sy + lo:04d}-01-01", f"{sy + hi:04d}-12-31"
    if sm == 1 and sd == 1 and em == 12 and ed == 31 and ey == sy:  # a year: Jan-Apr, May-Aug, Sep-Dec
        lo, hi = {"EARLY": (1, 4), "MID": (5, 8), "LATE": (9, 12)}[mod]
        return f"{sy:04d}-{lo:02d}-01", f"{sy:04d}-{hi:02d}-{_days_in(sy, hi):02d}"
    if sd == 1 and sy == ey and sm == em:  # a month: 1-10, 11-20, 21-end
        lo, hi = {"EARLY": (1, 10), "MID": (11, 20), "LATE": (21, ed)}[mod]
        return f"{sy:04d}-{sm:02d}-{lo:02d}", f"{sy:04d}-{sm:02d}-{hi:02d}"
    third = max(1, n // 3)
    if mod == "EARLY":
        return start, _iso(a + third - 1)
    if mod == "LATE":
        return _iso(b - third + 1), end
    return _iso(a + third), _iso(b - third)


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


def parse_value(value: str) -> Point | None:
    """The Point written as a normalised value (not a range), or None for durations/references."""
    m = re.fullmatch(r"(\d{4})(?:-(SP|SU|FA|WI)|-(\d\d)(?:-(\d\d))?)?", value)
    if m:
        y = int(m.group(1))
        if m.group(2):
            return Point(y, season=m.group(2))
        return Point(y, int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None)
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


# ---------------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Period:
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
        if m.group(3) and not 1 <= int(m.group(3)) <= _days_in(y, mo):
            raise BadQuery(f"{q!r}: {calendar.month_name[mo]} {y} has no day {int(m.group(3))}")
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
        mo = _month(name)
    except KeyError:
        return
    if year == 0:
        raise BadQuery(f"{q!r}: there is no year 0")
    if not 1 <= day <= _days_in(year, mo):
        raise BadQuery(f"{q!r}: {calendar.month_name[mo]} {year} has no day {day}")
