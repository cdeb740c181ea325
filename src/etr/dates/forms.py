"""Date forms: every kind of temporal expression etr reads, each pattern beside what it builds.

A form is one function decorated with `@form(PATTERN)`. The pattern is a regular expression in
which `{M}`, `{D}`, `{Y}` and the other names of `lexicon()` stand for shared pieces (a month, a
day, a year ...) built from rules/dates.toml; its groups have short local names, which the
builder reads as `f["d1"]`. The builder returns a `Raw` (a date whose year may still be missing,
or whose meaning depends on an anchor) or None (not a date after all). Forms are tried in the
order they are written, the first that matches at a place wins: ranges before points, points
before bare years.

`scan(text)` runs them over a text. Where a form can start is derived from its own pattern
(`starts`), so a new form is one decorated function and a test row, nothing else. Values and
arithmetic live in etr.dates.values; context (a year carried from the sentence before) is the
build's business (etr.ingest.timex). Imports etr.rules and etr.dates.values.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any, NamedTuple

from etr import rules
from etr.dates.values import Point, days_in, month_number, point_bounds


class Raw(NamedTuple):
    """A temporal expression found in text, before context is applied."""

    start: int
    end: int
    text: str
    a: Point | None = None
    b: Point | None = None  # end of a range
    mod: str | None = None
    type: str = "DATE"  # DATE, TIME, DURATION or SET (TimeML's TIMEX3 types)
    fixed: str | None = None  # a value the words fix alone: P3Y, P1W (a set), PRESENT_REF
    # relative forms: ("step", unit, n) | ("offset", n, unit, sign) | ("named_month", month, step)
    # | ("named_season", season, step) | ("year_of", month, day, step) | ("weekday", n, step)
    # | ("day_of_month", day, back) | ("ago", n, unit) | ("part", "Q3", year step | None)
    # | ("period", quarters, years) | ("weekend", step) | ("anchor_day",) | ("anchor_any",);
    # apposition: the phrase stands beside an explicit date
    relative: tuple[Any, ...] | None = None
    apposition: bool = False
    parenthesised: bool = False
    time: str | None = None  # the time of day the expression adds to its day: "10:30", "MO"


# ---------------------------------------------------------------------------------- the lexicon

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # Python's order
ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                 "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first "
                 "twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh "
                 "twenty-eighth twenty-ninth thirtieth thirty-first").split()


@cache
def vocab() -> dict[str, Any]:
    """The words of rules/dates.toml, by kind."""
    r = rules.load("dates")
    return {
        "months": dict(r["months"]),
        "abbrevs": dict(r["month_abbreviations"]),
        "beside": dict(r["months_beside_a_number"]),
        "day_stop": list(r["day_stop"]["before"]),
        "seasons": dict(r["seasons"]),
        "mods": dict(r["modifiers"]),
        "bounds": dict(r["boundaries"]),
        "numbers": dict(r["numbers"]),
        "units": {k: tuple(v) for k, v in r["units"].items()},
        "plurals": dict(r["plurals"]),
        "quantifiers": dict(r["quantifiers"]),
        "stretches": list(r["stretches"]["words"]),
        "weekdays": {k.lower(): v for k, v in r["weekdays"].items()},
        "after_day_month": list(r["after_a_day_and_month"]["words"]),
        "parts_of_day": dict(r["parts_of_day"]),
        "clock_words": dict(r["clock_words"]),
        "references": dict(r["references"]),
        "sets": dict(r["sets"]),
        "holidays": dict(r["holidays"]),
        "ordinals": dict(r["ordinals"]),
        "preps": set(r["prepositions"]["before_bare_month"]),
        "count_nouns": set(r["guards"]["count_nouns"]),
        "named_days": set(r["guards"]["named_days"]),
        "after_reference": set(r["guards"]["after_reference"]),
        "generic_today": set(r["guards"]["generic_today"]),
        "not_before_clock_word": set(r["guards"]["not_before_clock_word"]),
    }


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased(words: list[str] | tuple[str, ...], ignore_case: bool) -> str:
    """Alternation of words as written, capitalised and in capitals (prose) - or any case."""
    if ignore_case:
        return _alt(list(words))
    forms = set()
    for w in words:
        forms |= {w, w[:1].upper() + w[1:], w.upper(), " ".join(x[:1].upper() + x[1:] for x in w.split(" "))}
    return _alt(sorted(forms))


_WORD_START, _SPACE = r"\b", r"\s"  # (no backslash may stand in an f-string's braces before 3.12)


def _after_any(words: list[str]) -> str:
    """A position after one of these words and a space: each its own lookbehind (they differ in
    length), a word from its start ("am", not "Islam"), a sign as it is ("†")."""
    return "|".join(f"(?<={_WORD_START if w[0].isalnum() else ''}{re.escape(w)}{_SPACE})" for w in words)


@cache
def lexicon(ignore_case: bool) -> dict[str, str]:
    """The shared pieces a form's pattern names in braces: {M} a month, {D} a day, {Y} a year ..."""
    v = vocab()
    def c(words: list[str] | tuple[str, ...]) -> str:
        return _cased(words, ignore_case)

    lx = {
        "month": c(list(v["months"])),
        "abbr": c(list(v["abbrevs"])),
        "beside": c(list(v["beside"])),
        # as the table writes them: Swedish and French months in small letters, Turkish and German
        # capitalised ("1 Maj, 2 Capts" is a Major's)
        "beside_written": _alt(list(v["beside"])),
        "daystop": _after_any(v["day_stop"]),
        "season": c(list(v["seasons"])),
        "mod": c(list(v["mods"])),
        "bound": c(list(v["bounds"])),
        "num": c([k for k in v["numbers"] if k not in ("a", "an")]),
        "unit": c(list(v["units"])),
        "units": c([u + "s" for u in v["units"]] + list(v["plurals"])),
        "quant": c(list(v["quantifiers"])),
        "stretch": c(v["stretches"]),
        "weekday": c(list(v["weekdays"])),
        "weekdays": c([w + "s" for w in v["weekdays"]]),
        "pday": c(list(v["parts_of_day"])),
        "clockword": c(list(v["clock_words"])),
        "ref": c(list(v["references"])),
        "setword": c([w for w in v["sets"] if not w.startswith(("a ", "an "))]),
        "rate": c([w for w in v["sets"] if w.startswith(("a ", "an "))]),
        "qord": c(list(v["ordinals"])),
        "the": "the" if ignore_case else "(?:[Tt]he|THE)",
        "article": "a|an" if ignore_case else "a|an|A|An|AN",
        "ordinal": "(?:" + "|".join(sorted((w for x in ORDINAL_WORDS for w in (x, x.capitalize())),
                                           key=len, reverse=True)) + ")",
        "D": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "Y": r"(?:1[0-9]\d\d|20\d\d)",
        "DASH": r"\s*[-–—]\s*",
        "last": "last|next|this" if ignore_case else "[Ll]ast|LAST|[Nn]ext|NEXT|[Tt]his|THIS",
        # a user's "1944-11" is a month; in prose only a full "1944-11-15" is read as ISO, since
        # "1944-45" there is a range of years
        "iso_day": r"(?:-(?P<d>\d\d))" + ("?" if ignore_case else ""),
    }
    # a time of day: "10:30 a.m.", "5 p.m", "18:45 GMT", "noon"
    lx["clock"] = (r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b|[AP]\.\s?M\.?|[AP]M\b)"
                   r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:GMT|UTC|[Zz]ulu|hours|hrs|local))"
                   rf"|(?P<cw>{lx['clockword']}))")
    lx["tz"] = r"(?:[ECMP][SD]T|GMT|UTC|BST)\b|local\s+time"
    lx["deixis"] = c(["today", "tonight", "yesterday", "tomorrow"])
    lx["holiday"] = c(list(v["holidays"]))
    # a year in words: "nineteen ninety-six", "nineteen o five", "two thousand and one"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    lx["spelled"] = (rf"(?:(?P<cen>{c(['eighteen', 'nineteen'])})[\s-]+(?P<rest>(?:{tens})(?:[\s-]+(?:{ones}))?|{teens}|(?:o|oh)[\s-]+(?:{ones})|hundred)"
                     rf"|(?P<mil>{c(['two thousand'])})(?:\s+and)?(?:[\s-]+(?P<rest2>{ones}|{teens}))?)")
    # a month in another language, before a year: "14 Haziran 1965", "13. Juli 1970", "Juli 1935";
    # or after a day where that language's weekday or word for "day", a comma or a case ending
    # follows it: "12 Kasım Cumartesi", "28 сәуір күні", "12 Kasım'da", "le 5 mars, ..." (not "2
    # Maj. Generals", "25 Mart Bridge", "20 Mai divisions")
    lx["M"] = (rf"(?:{lx['month']}|(?:{lx['abbr']})\.?(?=\s*\d)"
               rf"|(?:{lx['beside']})(?=,?\s+(?:1[0-9]|20)\d\d(?![\d.,]\d))"
               rf"|(?:(?<=\d )|(?<=\d\. ))(?:{lx['beside_written']})"
               rf"(?=,|;|[’'](?=\w)|\s+(?:{c(v['after_day_month'])})(?![\w-])|\.?[ \t]*(?:\n|$)))")
    # a year not part of a larger number ("2,082.1", "1936,170"); "1936,17" is a year and a footnote
    lx["YG"] = rf"{lx['Y']}(?![.]\d|,\d{{3}}|\d|\s*%|-\d)"
    # after a day and a month, the year an editor put in brackets: "16 January [1943]"
    # or the era before it or after it: "May 20, AD 1949", "3 March 1912 A.D."
    lx["YB"] = rf"(?:\[(?={lx['Y']}\])|(?:A\.\s?D\.|AD)\s+(?={lx['Y']}))?"
    lx["YE"] = r"(?:(?<=\[\d{4})\]|\s+(?:A\.\s?D\.|AD)(?![\w.]))?"
    # a comma run into the year, the space lost: "August 09,1933"; not a count after it ("May 10,2000 rebels")
    lx["CY"] = r",(?=(?:1[6-9]|20)\d\d(?!\d)(?!\s+(?:[a-z]+[^s\W]s|men|people|troops|head)\b))"
    lx["TO"] = rf"(?:{lx['DASH']}|\s+(?:to|until|till|through|and)\s+)"
    lx["full"] = (rf"(?:{lx['D']}\s+{lx['M']},?\s+{lx['Y']}|{lx['M']}\s+{lx['D']},?\s+{lx['Y']}"
                  rf"|{lx['the']}\s+{lx['D']}\s+of\s+{lx['M']},?\s+{lx['Y']})")
    lx["numword"] = rf"(?:\d+|{lx['num']})"
    # a count of units: "3", "twenty-four", "a hundred", "a couple of"
    lx["count"] = rf"(?:\d+(?:\.\d+)?|(?:(?:a|an|A|An)\s+(?=hundred|dozen|couple|few))?(?:{lx['num']})(?:[\s-]+(?:{lx['num']}))?(?:\s+of)?)"
    # the units "a" or "an" can count ("a week", "an hour"; not "a second", "a quarter")
    lx["dunit"] = c(["minute", "hour", "day", "night", "week", "fortnight", "month", "year", "decade", "century"])
    return lx


# ---------------------------------------------------------------------------------- forms


class Found:
    """One form's match, as its builder sees it: `f["name"]` is the group of that local name."""

    __slots__ = ("m", "prefix", "doc")

    def __init__(self, m: re.Match[str], prefix: str, doc: str) -> None:
        self.m, self.prefix, self.doc = m, prefix, doc

    def __getitem__(self, name: str) -> str | None:
        got: str | None = self.m.group(self.prefix + name)
        return got

    @property
    def start(self) -> int:
        return self.m.start()

    @property
    def end(self) -> int:
        return self.m.end()

    def raw(self, a: Point | None = None, b: Point | None = None, end: int | None = None, start: int | None = None,
            **kw: Any) -> Raw:
        """The expression, over the whole match or (`start`, `end`) a shorter part of it."""
        stop = self.m.end() if end is None else end
        begin = self.m.start() if start is None else start
        return Raw(begin, stop, self.doc[begin:stop], a, b, **kw)


Builder = Callable[[Found], Raw | None]


class Form(NamedTuple):
    name: str
    template: str  # the pattern, with {NAME} pieces of the lexicon and local group names
    build: Builder


FORMS: list[Form] = []


def form(template: str) -> Callable[[Builder], Builder]:
    """Register the decorated builder as a form with this pattern (see the module's docstring)."""

    def register(fn: Builder) -> Builder:
        FORMS.append(Form(fn.__name__, template, fn))
        return fn

    return register


def _month(word: str | None) -> int:
    return month_number(word or "")


def _day(s: str | None) -> int:
    return int(re.match(r"\d+", s or "").group(0))  # type: ignore[union-attr]


def number(word: str) -> int | None:
    """A count written in digits or in words ("five", "twenty-four", "a couple of"); None for
    "several", "a few"."""
    w = " ".join(word.lower().replace(",", "").split())
    if w.isdigit():
        return int(w)
    nums = vocab()["numbers"]
    n = nums.get(w.removesuffix(" of").removeprefix("a ").removeprefix("an "))
    if isinstance(n, int):
        return n
    parts = w.replace("-", " ").split()
    if len(parts) == 2 and all(isinstance(nums.get(x), int) for x in parts):  # "twenty-four"
        tens, ones = nums[parts[0]], nums[parts[1]]
        if tens % 10 == 0 and 20 <= tens <= 90 and 1 <= ones <= 9:
            return int(tens + ones)
    return None


def _year(s: str | None) -> int | None:
    return int(s) if s else None


def _season(word: str | None) -> str:
    return str(vocab()["seasons"][(word or "").lower()])


def _quantifier(word: str | None) -> str | None:
    """TimeML's mod for a count's quantifier: "nearly" -> LESS_THAN, "about" -> APPROX."""
    got: str | None = vocab()["quantifiers"].get(" ".join((word or "").lower().split()))
    return got


def _mod(word: str | None) -> str | None:
    got: str | None = vocab()["mods"].get((word or "").lower())
    return got


def _two_digit_end(y1: int, y2s: str) -> int:
    """The end year of "1944-45" (1945) or of "1944-1946"."""
    if len(y2s) == 2:
        return (y1 // 100) * 100 + int(y2s)
    return int(y2s)


def _full(s: str | None) -> Point:
    """A full 'D Month Y' / 'Month D, Y' / 'the Dth of Month Y' string."""
    assert s is not None
    m = re.match(r"(?:the\s+)?(\d+)(?:st|nd|rd|th)?\s+(?:of\s+)?(\S+?),?\s+(\d{4})", s, re.I)
    if m:
        return Point(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    m = re.match(r"(\S+?)\s+(\d+)(?:st|nd|rd|th)?,?\s+(\d{4})", s)
    assert m
    return Point(int(m.group(3)), _month(m.group(1)), int(m.group(2)))


def _days(f: Found, year: int | None, month: str | None, d1: str | None, d2: str | None) -> Raw | None:
    """Days d1 to d2 of one month ("7th-8th November", "Nov. 7-8", "1949, Sept. 21–30"), or
    None when they do not run forward."""
    mo, a, b = _month(month), _day(d1), _day(d2)
    return f.raw(Point(year, mo, a), Point(year, mo, b)) if b > a else None


def _step(word: str | None) -> int:
    return {"last": -1, "next": 1, "this": 0, "past": -1, "coming": 1}[(word or "").lower()]


def _weekday(word: str | None) -> int:
    """0 for "Monday" (or "Mondays"), as Python counts."""
    w = (word or "").lower()
    return int(vocab()["weekdays"][w[:-1] if w.endswith("s") else w]) - 1


def _part_of_day(word: str | None) -> str:
    w = (word or "").lower()
    return str(vocab()["parts_of_day"][w[:-1] if w.endswith("s") else w])


def _clock(f: Found) -> str:
    """The time of day of the {clock} piece: "10:30 a.m." -> "10:30", "5 p.m." -> "17:00", "noon"."""
    if f["cw"]:
        return str(vocab()["clock_words"][(f["cw"] or "").lower()])
    if f["h24"]:
        return f"{int(f['h24'] or 0):02d}:{f['mi24']}"
    hour = int(f["h"] or 0) % 12 + (12 if (f["ap"] or "")[:1].lower() == "p" else 0)
    return f"{hour:02d}:{f['mi'] or '00'}"


def _generic_day(f: Found) -> bool:
    """ "today's world", "the leaders of tomorrow": the present or the future at large, no day."""
    after = re.match(r"['’]s\s+(\w+)", f.doc[f.end : f.end + 30])
    if after and after.group(1).lower() in vocab()["generic_today"]:
        return True
    return re.search(r"\bof\s+$", f.doc[max(0, f.start - 5) : f.start]) is not None and (
        re.match(r"\s*[,.;:)]", f.doc[f.end : f.end + 2]) is not None and not f.doc[f.start].isupper())


_NOT_A_NOUN = re.compile(
    r"\s+(?:of|in|on|at|for|from|with|by|as|than|after|before|against|over|under|into|through|since|until|"
    r"ended|ending|and|or|but|to|that|when|while|was|is|were|are|had|has|will|would|rose|fell)\b")


def _adjective_start(f: Found, unit: str, joined_only: bool = False) -> int | None:
    """Where an expression used as an adjective begins: after its article, which belongs to the
    noun ("the 14-day waiting period", "the third-quarter loss"); None for the whole match."""
    m = re.match(r"(?:the|The|THE)\s+", f.doc[f.start : f.end])
    if m is None or unit.lower().endswith("s"):
        return None  # "the two days of talks": a noun itself
    if joined_only and not re.search(r"-\S*$", f.doc[f.start : f.end]):
        return None  # "the third quarter": a noun; "the third-quarter loss": an adjective
    after = f.doc[f.end : f.end + 12]
    if not re.match(r"\s+[a-z]", after) or _NOT_A_NOUN.match(after):
        return None  # "the third quarter ended ...", "the two day, ..."
    return f.start + m.end()


def _spelled(f: Found) -> int:
    """The year of the {spelled} piece: "nineteen ninety-six" -> 1996, "two thousand" -> 2000."""
    nums = vocab()["numbers"]
    if f["mil"]:
        return 2000 + (int(nums[(f["rest2"] or "").lower()]) if f["rest2"] else 0)
    century = 1800 if (f["cen"] or "").lower() == "eighteen" else 1900
    rest = (f["rest"] or "").lower().replace("-", " ").split()
    if rest == ["hundred"]:
        return century
    return century + sum(int(nums[w]) for w in rest if w not in ("o", "oh"))


def holiday_date(name: str, year: int) -> datetime.date | None:
    """The day a feast or public day (rules/dates.toml [holidays]) falls on in `year`."""
    rule = vocab()["holidays"].get(name)
    if rule is None or not 1 <= year <= 9999:
        return None
    if isinstance(rule, str) and rule.startswith("easter"):
        # the Gregorian computus (Anonymous Gregorian algorithm)
        a, b, c = year % 19, year // 100, year % 100
        d, e = divmod(b, 4)
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = divmod(c, 4)
        m = (32 + 2 * e + 2 * i - h - k) % 7
        n = (a + 11 * h + 19 * m) // 433
        month, day = (h + m - 7 * n + 90) // 25, (h + m - 7 * n + 33 * ((h + m - 7 * n + 90) // 25) + 19) % 32
        return datetime.date(year, month, day) + datetime.timedelta(days=int(rule[6:] or 0))
    if isinstance(rule, str):
        return datetime.date(year, int(rule[:2]), int(rule[3:]))
    month, weekday, n, first = rule
    if n < 0:
        last = datetime.date(year, month, days_in(year, month))
        return last - datetime.timedelta(days=(last.weekday() - (weekday - 1)) % 7)
    start = datetime.date(year, month, first)
    return start + datetime.timedelta(days=(weekday - 1 - start.weekday()) % 7 + 7 * (n - 1))


def _sentence_end(f: Found) -> int:
    """The match's end, less a final "." that also ends a sentence going on in the same line
    ("at 6 a.m. The ..."); at the end of a line ("Tihwa, March 3—6 p.m.") it is the abbreviation's."""
    end = f.end
    if f.doc[end - 1 : end] == "." and re.match(r"[ \t]+[A-Z`'\"]", f.doc[end : end + 3]):
        return end - 1
    return end


def _unit(word: str | None) -> str:
    """The unit a unit word names, singular: "Years" -> "year", "centuries" -> "century"."""
    w = (word or "").lower()
    if w in vocab()["units"]:
        return w
    return str(vocab()["plurals"].get(w, w[:-1]))


def _duration(n: float | None, unit: str) -> str:
    """An ISO 8601 duration: P3Y, PT2H, P10Y (a decade), PXM (several months), P2Y6M (2 1/2 years)."""
    letter = vocab()["units"][unit][0]
    scale = {"DE": 10, "CE": 100}.get(letter, 1)
    if letter in ("DE", "CE"):
        letter = "Y"
    if letter == "W2":
        letter, scale = "W", 2
    time = letter.startswith("T")
    letter = letter.removeprefix("T")
    if n is None:
        amount = "X"
    elif n != int(n) and letter in ("Y", "H", "D"):  # a half: P2Y6M, PT5H30M, P2DT12H
        whole, sub = {"Y": ("Y", "6M"), "H": ("H", "30M"), "D": ("D", "T12H")}[letter]
        return f"P{'T' if time else ''}{int(n) * scale}{whole}{sub}"
    else:
        amount = str(int(n * scale))
    return f"P{'T' if time else ''}{amount}{letter}"


# ISO dates ----------------------------------------------------------------------------------

@form(r"(?P<y>1[0-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2]){iso_day}(?![\d-])")
def iso(f: Found) -> Raw | None:
    return f.raw(Point(int(f["y"] or 0), int(f["m"] or 0), int(f["d"]) if f["d"] else None))


# "9/9/1948 - Sinkiang Province", "12/25/1946", "25/3/1946": a day in figures, the year in full
# (two digits are a file's or a serial's as often as a year's). American letters put the month
# first, British ones the day: read only where the figures say which ("3/4/1946" is no date)
@form(r"(?<![/.])(?P<aa>3[01]|[12]\d|0?[1-9])/(?P<bb>3[01]|[12]\d|0?[1-9])/(?P<yyyy>1[6-9]\d\d|20\d\d)(?![\d/])")
def numeric_date(f: Found) -> Raw | None:
    a, b = int(f["aa"] or 0), int(f["bb"] or 0)
    if a <= 12 and b <= 12 and a != b:
        return None  # the third of April or the fourth of March: the figures do not say
    month, day = (b, a) if a > 12 else (a, b)
    if month > 12:
        return None
    return f.raw(Point(int(f["yyyy"] or 0), month, day))


# ranges -------------------------------------------------------------------------------------

@form(r"(?P<d1>{D})(?:{DASH}|\s+(?:to|and|until|till)\s+)(?P<d2>{D})\s+(?P<m>{M})(?:,?\s+(?P<y>{Y}))?(?!\d|,\d{3})")
def day_range(f: Found) -> Raw | None:  # "7-8 November 1944"
    return _days(f, _year(f["y"]), f["m"], f["d1"], f["d2"])


@form(r"(?P<m>{M})\s+(?P<d1>{D})(?:{DASH}|\s+(?:to|and|until|till)\s+)(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?(?!\d|,\d{3})")
def month_day_range(f: Found) -> Raw | None:  # "November 7-8, 1944"
    return _days(f, _year(f["y"]), f["m"], f["d1"], f["d2"])


@form(r"(?P<a>{full}){TO}(?P<b>{full})")
def full_range(f: Found) -> Raw | None:  # "12 November 1944 to 31 January 1945"
    return f.raw(_full(f["a"]), _full(f["b"]))


@form(r"(?P<d1>{D})\s+(?P<m1>{M}){TO}(?P<b>{full})")
def day_month_range(f: Found) -> Raw | None:  # "7 November to 3 December 1944"
    b = _full(f["b"])
    return f.raw(Point(b.year, _month(f["m1"]), _day(f["d1"])), b)


@form(r"(?<=\()(?P<y1>{Y})[-–](?P<b>{full})(?=\))")
def life_year_to_day(f: Found) -> Raw | None:  # "(1890-25 December 1963)": a life, from a year to a day
    b = _full(f["b"])
    y1 = int(f["y1"] or 0)
    return f.raw(Point(y1), b) if b.year is not None and y1 < b.year else None


@form(r"(?P<m1>{M})\s+(?P<y1>{Y}){TO}(?:(?P<m2>{M})\s+)?(?P<y2>{YG})")
def month_year_range(f: Found) -> Raw | None:  # "November 1944 to January 1945"
    y2 = int(f["y2"] or 0)
    b = Point(y2, _month(f["m2"])) if f["m2"] else Point(y2)
    return f.raw(Point(int(f["y1"] or 0), _month(f["m1"])), b)


@form(r"(?P<m1>{month})(?:{DASH}|\s+(?:to|and|until|till|through)\s+)(?P<m2>{month})(?:,?\s+(?P<y>{YG}))?")
def month_range(f: Found) -> Raw | None:  # "March to May 1946"
    y = _year(f["y"])
    return f.raw(Point(y, _month(f["m1"])), Point(y, _month(f["m2"])))


@form(r"(?:{the}\s+)?(?P<s1>{season})\s+(?:and|to)\s+(?P<s2>{season})\s+of\s+(?P<y>{YG})")
def season_pair(f: Found) -> Raw | None:  # "the spring and summer of 1949"
    y = int(f["y"] or 0)
    return f.raw(Point(y, part=_season(f["s1"])), Point(y, part=_season(f["s2"])))


@form(r"(?:{the}\s+)?(?P<s1>{season})\s+(?:of\s+)?(?P<y1>{YG})\s+(?:to|until|till|and)\s+(?:{the}\s+)?(?P<s2>{season})\s+(?:of\s+)?(?P<y2>{YG})")
def season_year_range(f: Found) -> Raw | None:  # "summer 1944 to spring 1945"
    return f.raw(Point(int(f["y1"] or 0), part=_season(f["s1"])), Point(int(f["y2"] or 0), part=_season(f["s2"])))


@form(r"(?:(?<=during )|(?<=During )|(?<=DURING )|(?<=between )|(?<=Between )|(?<=BETWEEN ))(?P<y1>{Y})\s+(?:and|&)\s+(?P<y2>{YG})")
def years_between(f: Found) -> Raw | None:  # "between 1944 and 1946"
    y1, y2 = int(f["y1"] or 0), int(f["y2"] or 0)
    return f.raw(Point(y1), Point(y2)) if y2 > y1 else None


@form(r"(?P<y1>{Y})(?:{DASH}|\s+(?:to|until|till)\s+)(?P<y2>{Y}|\d\d(?!\s+{M}\b))(?![\d,]\d|\d|\s*%)")
def year_range(f: Found) -> Raw | None:  # "1944-46", "1944 to 1949"; not "1901 – 17 December 1995"
    y1 = int(f["y1"] or 0)
    y2 = _two_digit_end(y1, f["y2"] or "")
    return f.raw(Point(y1), Point(y2)) if y1 < y2 <= y1 + 200 else None


# seasons, decades, centuries, boundaries ----------------------------------------------------

@form(r"(?:{the}\s+)?(?:(?P<mod>{mod})[\s-]+)?(?P<s>{season})\s+(?:of\s+)?(?P<y>{Y})(?:{DASH}(?P<y2>{Y}|\d\d))?(?![\d,]\d|\d|\s*%)")
def season(f: Found) -> Raw | None:  # "the summer of 1944", "late autumn 1949"
    y, mod, s = int(f["y"] or 0), _mod(f["mod"]), _season(f["s"])
    if f["y2"]:  # "the winter of 1944-45" is one winter, named by the year it starts in
        y2 = _two_digit_end(y, f["y2"])
        if y2 <= y:
            return None
        if s != "WI" or y2 != y + 1:
            return f.raw(Point(y, part=s), Point(y2, part=s), mod=mod)
    return f.raw(Point(y, part=s), mod=mod)


@form(r"(?:{the}\s+)?(?P<c1>\d{1,2})(?:st|nd|rd|th)\s+and\s+(?P<c2>\d{1,2})(?:st|nd|rd|th)\s+[Cc]entur(?:y|ies)")
def century_pair(f: Found) -> Raw | None:  # "the 19th and 20th centuries"
    return f.raw(Point(century=int(f["c1"] or 0) - 1), Point(century=int(f["c2"] or 0) - 1))


@form(r"(?:{the}\s+)?(?:(?P<mod>{mod})[\s-]+)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury")
def century(f: Found) -> Raw | None:  # "the early 20th century"
    return f.raw(Point(century=int(f["c"] or 0) - 1), mod=_mod(f["mod"]))


@form(r"(?:{the}\s+)?(?:(?P<mod>{mod})[\s-]+)?(?P<y>1[0-9]\d0|20\d0)['’]?s\b")
def decade(f: Found) -> Raw | None:  # "the late 1940s"
    return f.raw(Point(decade=int(f["y"] or 0) // 10), mod=_mod(f["mod"]))


@form(r"{the}\s+(?P<w>{bound})\s+of\s+(?:(?P<m>{M})\s+(?:of\s+)?)?(?P<y>{YG})")
def boundary(f: Found) -> Raw | None:  # "the end of 1950", "the beginning of May 1946"
    month = _month(f["m"]) if f["m"] else None
    return f.raw(Point(int(f["y"] or 0), month), mod=vocab()["bounds"][(f["w"] or "").lower()])


@form(r"{the}\s+(?P<w>{bound})\s+of\s+(?P<m>{month})(?!\s*,?\s*\d)")
def boundary_month(f: Found) -> Raw | None:  # "the end of September"
    return f.raw(Point(None, _month(f["m"])), mod=vocab()["bounds"][(f["w"] or "").lower()])


@form(r"{the}\s+(?P<w>{bound})\s+of\s+{the}\s+(?P<y>1[0-9]\d0|20\d0)['’]?s\b")
def boundary_decade(f: Found) -> Raw | None:  # "the end of the 1940s"
    return f.raw(Point(decade=int(f["y"] or 0) // 10), mod=vocab()["bounds"][(f["w"] or "").lower()])


@form(r"{the}\s+(?P<w>{bound})\s+of\s+(?:(?P<l>{last})|{the})\s+(?P<u>week|month|year|quarter|decade|century)(?![\w-])")
def boundary_this(f: Found) -> Raw | None:  # "the end of the year", "the beginning of next month"
    mod, unit = vocab()["bounds"][(f["w"] or "").lower()], (f["u"] or "").lower()
    if not f["l"] and unit in ("year", "month"):
        return f.raw(relative=("report", unit), mod=mod)  # "the end of the year": the one under report
    return f.raw(relative=("step", unit, _step(f["l"]) if f["l"] else 0), mod=mod)


@form(r"(?:year-end|year\s+end|year['’]s\s+end|Year-end|Year-End)(?![\w-])")
def year_end(f: Found) -> Raw | None:  # "by year-end": the end of the year under report
    return f.raw(relative=("report", "year"), mod="END")


@form(r"(?P<y>{YG})\s+(?:or\s+(?P<a>later|after|earlier|before|sooner)|and\s+(?P<b>beyond|after|later|earlier|before))(?![\w-])")
def year_or_later(f: Found) -> Raw | None:  # "1994 or later", "1990 and beyond"
    side = (f["a"] or f["b"] or "").lower()
    return f.raw(Point(int(f["y"] or 0)), mod="BEFORE" if side in ("earlier", "before", "sooner") else "AFTER")


# points -------------------------------------------------------------------------------------

# times of day: "10:30 a.m. Friday", "5 p.m. EST, Nov. 6", "noon Thursday", "at 6 p.m."
@form(r"(?:(?P<q>around|about|approximately|roughly|Around|About)\s+)?{clock}(?:\s+(?P<tz>{tz}))?"
      r"(?:,?\s+(?:on\s+)?(?P<w>{weekday})(?![\w-])(?!,?\s+(?:{M}|\d))|\s+(?P<td>{deixis})(?![\w-])"
      r"|,?\s+(?:on\s+)?(?P<m>{M})\s+(?P<d>{D})(?:,?\s+(?P<y>{YG}))?(?!\d|,\d{3}))?")
def clock_time(f: Found) -> Raw | None:
    before = re.search(r"(\w+)\W*$", f.doc[max(0, f.start - 12) : f.start])
    if f["cw"] and before and before.group(1).lower() in vocab()["not_before_clock_word"]:
        return None  # "High Noon"
    kw: dict[str, Any] = {"type": "TIME", "time": _clock(f), "mod": _quantifier(f["q"]), "end": _sentence_end(f)}
    if f["w"]:
        return f.raw(relative=("weekday", _weekday(f["w"]), None), **kw)
    if f["td"]:
        word = (f["td"] or "").lower()
        return f.raw(relative=("step", "day", {"yesterday": -1, "tomorrow": 1}.get(word, 0)), **kw)
    if f["m"]:
        return f.raw(Point(_year(f["y"]), _month(f["m"]), _day(f["d"])), **kw)
    return f.raw(relative=("clock",), **kw)


@form(r"(?P<e>{mod})[\s-]*(?P<p>morning|afternoon|evening|MORNING|AFTERNOON|EVENING)(?:\s+(?P<td>{deixis})|\s+(?P<w>{weekday}))?(?![\w-])")
def mid_afternoon(f: Found) -> Raw | None:  # "by mid-afternoon", "late morning yesterday": a part of the day
    kw: dict[str, Any] = {"type": "TIME", "time": _part_of_day(f["p"]), "mod": _mod(f["e"])}
    if f["w"]:
        return f.raw(relative=("weekday", _weekday(f["w"]), None), **kw)
    word = (f["td"] or "").lower()
    if word:
        return f.raw(relative=("step", "day", {"yesterday": -1, "tomorrow": 1}.get(word, 0)), **kw)
    return f.raw(relative=("clock",), **kw)


@form(r"(?:(?P<w>{weekday}),?\s+)?(?P<m>{M})\s+(?P<d>{D})(?:,?\s+(?P<y>{YG}))?,?\s+(?:at\s+)?{clock}(?:\s+(?P<tz>{tz}))?")
def date_clock(f: Found) -> Raw | None:  # "Received March 4, 10:20 a.m.": a time of receipt, not a year
    return f.raw(Point(_year(f["y"]), _month(f["m"]), _day(f["d"])), type="TIME", time=_clock(f), end=_sentence_end(f))


@form(r"(?P<w>{weekday}),?\s+(?:(?P<m>{M})\s+(?P<d>{D})|(?:{the}\s+)?(?P<d2>{D})\s+(?:of\s+)?(?P<m2>{M}))(?:,?\s+(?P<y>{YG}))?(?!\d|,\d{3})")
def weekday_date(f: Found) -> Raw | None:  # "Monday, Oct. 26", "Friday 13th October 1944": the date, named twice
    m, d = (f["m"], f["d"]) if f["m"] else (f["m2"], f["d2"])
    return f.raw(Point(_year(f["y"]), _month(m), _day(d)))


@form(r"(?:(?P<m>{M})\s+(?P<d>{D})|(?P<d2>{D})\s+(?P<m2>{M}))\s+(?P<w>{last})\s+(?:year|YEAR)")
def day_of_last_year(f: Found) -> Raw | None:  # "Nov. 7 last year"
    mw, dw = (f["m"], f["d"]) if f["m"] else (f["m2"], f["d2"])
    return f.raw(relative=("year_of", _month(mw), _day(dw), _step(f["w"])))


@form(r"(?P<mod>{mod})(?:\s+in)?[\s-]+(?P<m>{M})(?:,?\s+(?P<y>{YG})|\s+(?P<w>{last})\s+(?:year|YEAR))?")
def modified_month(f: Found) -> Raw | None:  # "late September 1949", "early in May", "early October this year"
    mod = vocab()["mods"][(f["mod"] or "").lower()]
    if f["w"]:
        return f.raw(relative=("year_of", _month(f["m"]), None, _step(f["w"])), mod=mod)
    return f.raw(Point(_year(f["y"]), _month(f["m"])), mod=mod)


@form(r"(?P<mod>{mod})(?:\s+in)?[\s-]+(?P<y>{YG})")
def modified_year(f: Found) -> Raw | None:  # "early 1944", "late in 1949"
    return f.raw(Point(int(f["y"] or 0)), mod=vocab()["mods"][(f["mod"] or "").lower()])


# German and Scandinavian days with a stop: "am 12. April 1933", "† 13. August 1944" after the
# words rules/dates.toml [day_stop] gives (not "killed 12. April brought", "1. March 1944, ...;
# 2. April 1944": a count, a list's numbers) ...
@form(r"(?:{daystop})(?P<d>3[01]|[12]\d|0?[1-9])\.[ \t]+(?P<m>{M})(?:(?:,?\s+|{CY})(?P<y>{YG}))?(?!\d|,\d{3}|\s+\d)")
def day_stop_month_year(f: Found) -> Raw | None:  # "am 12. April", "† 13. August 1944"
    return f.raw(Point(_year(f["y"]), _month(f["m"]), _day(f["d"])))


# ... and before a month no English text writes, with its year, anywhere but where a line opens
# ("Sterbedatum 12. Oktober 1984", "(* 3. Dezember 1897")
@form(r"(?<=[^\s\d.][ \t])(?P<d>3[01]|[12]\d|0?[1-9])\.[ \t]+(?P<m>{beside})(?:,?\s+|{CY})(?P<y>{YG})")
def day_stop_foreign_month_year(f: Found) -> Raw | None:  # "13. Juli 1970"
    return f.raw(Point(int(f["y"] or 0), _month(f["m"]), _day(f["d"])))


# the day, the month and the year in figures with stops: "29.08.2019" (the day first, as Europe
# writes them; a space after each stop, as German and Turkish often print them: "16. 5. 1935",
# "11. 11. 2011") and "2019.08.29" (the year first, as Uyghur and Chinese pages do)
@form(r"(?<![\d./])(?P<d>3[01]|[12]\d|0?[1-9])\. ?(?P<m>0?[1-9]|1[0-2])\. ?(?P<y>1[6-9]\d\d|20\d\d)(?![\d]|\.\d|\s*(?:%|per\s*cent))")
def day_month_year_figures(f: Found) -> Raw | None:
    return f.raw(Point(int(f["y"] or 0), int(f["m"] or 0), _day(f["d"])))


@form(r"(?<![\d./])(?P<y>1[6-9]\d\d|20\d\d)\.(?P<m>0[1-9]|1[0-2])\.(?P<d>3[01]|[12]\d|0[1-9])(?![\d]|\.\d)")
def year_month_day_figures(f: Found) -> Raw | None:
    return f.raw(Point(int(f["y"] or 0), int(f["m"] or 0), _day(f["d"])))


@form(r"(?P<d>{D})\s+(?P<m>{M})(?:,?\s+|{CY}){YB}(?P<y>{YG}){YE}")
def day_month_year(f: Found) -> Raw | None:  # "12 November 1944", "9 August,1933"
    return f.raw(Point(int(f["y"] or 0), _month(f["m"]), _day(f["d"])))


# a chronology's "1944, Nov. 12 —" and "1934 Jan. —": the year first (ranges too)
@form(r"(?P<y>{Y}),?\s+(?P<m>{M})\s+(?P<d1>3[01]|[12]\d|0?[1-9])\s*[-–—]\s*(?P<d2>3[01]|[12]\d|0?[1-9])(?!\d|,\d{3})")
def year_month_day_range(f: Found) -> Raw | None:  # "1949, Sept. 21–30"
    return _days(f, int(f["y"] or 0), f["m"], f["d1"], f["d2"])


@form(r"(?<![\w,] )(?P<y>{Y}),?\s+(?P<m1>{month}|(?:{abbr})\.?)\s*[-–—]\s*(?P<m2>{month}|(?:{abbr})\.?)(?![\w])")
def year_month_range(f: Found) -> Raw | None:  # "1937, Apr.–Oct."
    y, m1, m2 = int(f["y"] or 0), _month(f["m1"]), _month(f["m2"])
    return f.raw(Point(y, m1), Point(y, m2)) if m2 > m1 else None


@form(r"(?P<y>{Y}),?\s+(?P<m>{M})\s+(?P<d>(?:3[01]|[12]\d|0?[1-9]))(?!\d|,\d{3}|\s*{M})")
def year_month_day(f: Found) -> Raw | None:  # "1944, Nov. 12"
    return f.raw(Point(int(f["y"] or 0), _month(f["m"]), _day(f["d"])))


@form(r"(?<![\w,] )(?P<y>{Y}),?\s+(?P<m>{month}|(?:{abbr})\.)(?=\s*(?:[-–—:(]|\n|$))")
def year_month(f: Found) -> Raw | None:  # "1934 Jan. —"
    return f.raw(Point(int(f["y"] or 0), _month(f["m"])))


@form(r"(?<![\w,] )(?P<y>{Y}),?\s+(?P<s>{season})(?=\s*(?:[-–—:(]|\n|$))")
def year_season(f: Found) -> Raw | None:  # "1942, summer —"
    return f.raw(Point(int(f["y"] or 0), part=_season(f["s"])))


@form(r"(?P<m>{M})\s+(?P<d>{D})(?:(?:,?\s+|{CY}){YB}(?P<y>{YG}){YE})?(?!\d|,\d{3})")
def month_day_year(f: Found) -> Raw | None:  # "November 12, 1944", "Nov. 12", "August 09,1933" (a copy's lost space)
    return f.raw(Point(_year(f["y"]), _month(f["m"]), _day(f["d"])))


@form(r"{the}\s+(?P<d>{D}|{ordinal})\s+of\s+(?P<m>{M})(?:,?\s+(?P<y>{YG}))?")
def the_day_of_month(f: Found) -> Raw | None:  # "the 12th of November 1944", "the first of July"
    word = (f["d"] or "").lower()
    day = ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else _day(word)
    return f.raw(Point(_year(f["y"]), _month(f["m"]), day))


# the words after which an ordinal after a month is its day ("leave Kashgar May tenth without fail")
_FUNCTION_WORDS = frozenset("without with at in on to and or for by from when after before until till "
                            "he she it we they i you his her their our the a an this that was were is are "
                            "will would should must shall can could may might has have had next last stop".split())
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


@form(r"(?P<m>{M})\s+(?:{the}\s+)?(?P<d>{ordinal})(?![\w-])(?:,?\s+(?P<y>{YG}))?")
def month_ordinal_word(f: Found) -> Raw | None:  # "May tenth" (a telegram's), "June the twenty-first, 1947"
    if not f["y"]:
        if (f["m"] or "").lower() in ("may", "march") and re.search(r"(?:^|[.!?:]\s+)$", f.doc[max(0, f.start - 3) : f.start]):
            return None  # "May first be said ...", "March first to the river": a verb opening a sentence
        after = _NEXT_WORD.match(f.doc, f.m.end())
        if after is not None and (after.group(1)[:1].isupper() or after.group(1).lower() not in _FUNCTION_WORDS):
            # "May Fourth Movement", "In March the first Soviet advisers", "By June the second
            # division", "in June second thoughts": an ordinal of what follows, no day
            return None
    return f.raw(Point(_year(f["y"]), _month(f["m"]), ORDINAL_WORDS.index((f["d"] or "").lower()) + 1))


@form(r"(?P<m>{M}),?\s+(?P<of>of\s+)?{YB}(?P<y>{YG}){YE}")
def month_year(f: Found) -> Raw | None:  # "November 1944", "February of 1928"
    if f["of"] and _NAMED_BEFORE.search(f.doc, 0, f.start):
        # "the Long March of 1934": a name, not March; the year alone
        return f.raw(Point(int(f["y"] or 0)), start=f.m.start(f.prefix + "y"), end=f.m.end(f.prefix + "y"))
    return f.raw(Point(int(f["y"] or 0), _month(f["m"])))


# a capitalised word just before a month that makes it a name's word ("the Long March of 1934");
# not a word that opens a sentence before a date ("In February of 1928", "By May of 1945")
_NAMED_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:In|By|From|Until|Till|During|Since|Early|Late|Mid|On|And|Or|Before|After"
                           r"|Through|To|Of|Last|Next|This|That|Each|Every|For)\s)[A-Z][a-z]+\s+$")


@form(r"(?P<d>{D})\s+(?P<m>{M})")
def day_month(f: Found) -> Raw | None:  # "13 November" (the year from the text around)
    return f.raw(Point(None, _month(f["m"]), _day(f["d"])))


# relative -----------------------------------------------------------------------------------

@form(r"{the}\s+(?:very\s+)?day\s+(?:that|when|on\s+which)\s+(?:\w+\s+){0,3}\w+ed\b")
def the_day_that(f: Found) -> Raw | None:  # "the day that it was signed"
    return f.raw(relative=("anchor_day",))


@form(r"{the}\s+(?P<w>following|next|previous|preceding|same)\s+(?P<u>day|morning|afternoon|evening|night|week|month|year|spring|summer|autumn|winter)(?![\w-])")
def the_next(f: Found) -> Raw | None:  # "the following day", "the same month", "the next morning"
    w, u = (f["w"] or "").lower(), (f["u"] or "").lower()
    unit = "day" if u in vocab()["parts_of_day"] else u
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}[w]
    if unit in vocab()["seasons"]:  # "the following spring": the next after the story's date
        return f.raw(relative=("story_season", _season(unit), step))
    return f.raw(relative=("step", unit, step))


@form(r"(?:(?P<w>later|earlier|Later|Earlier|LATER|EARLIER)\s+)?(?:that|the\s+same|THAT|That)\s+(?P<u>day|month|year|DAY|MONTH|YEAR)(?![\w-])")
def that_day(f: Found) -> Raw | None:  # "later that year", "the same day"
    return f.raw(relative=("step", (f["u"] or "").lower(), 0))


# newspapers and telegrams: "today", "last month", "on the 5th", "the 14th instant", "3rd ult."
@form(r"(?:(?P<e>{mod}|earlier|later|Earlier|Later|EARLIER|LATER)\s+)?(?:(?:[Tt]he|THE)\s+day\s+(?P<ab>after|before|AFTER|BEFORE)\s+)?"
      r"(?P<w>[Tt]o-?day|TO-?DAY|[Yy]esterday|YESTERDAY|[Tt]o-?morrow|TO-?MORROW|[Tt]o-?night|TO-?NIGHT)(?:\s+(?P<p>{pday}))?(?![\w-])")
def today(f: Found) -> Raw | None:  # "yesterday", "to-morrow", "the day after tomorrow", "yesterday morning"
    w = (f["w"] or "").lower().replace("-", "")  # "to-day", "to-morrow": the spelling of the 1940s
    if not f["ab"] and w in ("today", "tomorrow") and _generic_day(f):
        return None
    step = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    if f["ab"]:
        step += 1 if f["ab"].lower() == "after" else -1
    if f["p"]:
        return f.raw(relative=("step", "day", step), type="TIME", time=_part_of_day(f["p"]), mod=_mod(f["e"]))
    return f.raw(relative=("step", "day", step), mod=_mod(f["e"]))


@form(r"(?:(?P<e>{mod}|earlier|later|Earlier|Later|EARLIER|LATER)\s+)?(?P<w>[Tt]his|THIS|[Ll]ast|LAST)\s+(?P<u>{pday})(?![\w-])")
def this_morning(f: Found) -> Raw | None:  # "this afternoon", "last night", "later this evening"
    step = -1 if (f["w"] or "").lower() == "last" else 0
    if step == -1 and (f["u"] or "").lower() != "night":
        return None  # "last morning" is no English date
    return f.raw(relative=("step", "day", step), type="TIME", time=_part_of_day(f["u"]), mod=_mod(f["e"]))


@form(r"(?:(?P<mod>{mod}|earlier|later|sometime|Earlier|Later|Sometime|EARLIER|LATER|SOMETIME)\s+)?(?P<w>{last})\s+"
      r"(?P<u>week|month|year|quarter|weekend|week-end|decade|century|WEEK|MONTH|YEAR|QUARTER|WEEKEND|DECADE|CENTURY)(?![\w-])(?!['’]s\s+\w+\s+quarter)")
def last_month(f: Found) -> Raw | None:  # "last month", "late last year", "this week", "earlier this year"
    unit = (f["u"] or "").lower()
    mod = _mod(f["mod"])
    if mod == "MID" and unit not in ("month", "year", "decade", "century"):
        return None  # "mid last week"
    if unit in ("weekend", "week-end"):
        return f.raw(relative=("weekend", _step(f["w"])))
    return f.raw(relative=("step", unit, _step(f["w"])), mod=mod)


@form(r"(?P<m>{month})\s+of\s+(?P<w>{last})\s+(?:year|YEAR)")
def month_of_last_year(f: Found) -> Raw | None:  # "January of last year"
    return f.raw(relative=("year_of", _month(f["m"]), None, _step(f["w"])))


@form(r"(?P<m>{month})\s+(?P<w>{last})\s+(?:year|YEAR)")
def month_last_year(f: Found) -> Raw | None:  # "June last year", "January this year"
    return f.raw(relative=("year_of", _month(f["m"]), None, _step(f["w"])))


# the British despatch's month before "last": "signed in August last", "the note of June last"
@form(r"(?<=\b(?:in|of|In|Of)\s)(?P<m>{month})\s+last(?![\w-])(?!\s+(?:year|week|month|night|spring|summer|autumn|winter|time|day)\b)")
def month_last(f: Found) -> Raw | None:  # "in August last": the last August before the writing
    return f.raw(relative=("named_month", _month(f["m"]), -1))


@form(r"(?:(?P<mod>{mod})\s+)?(?:(?P<w>{last})(?:\s+(?P<past>past))?|(?:{the}\s+)?(?P<c>coming|upcoming))\s+(?:(?P<m>{month})|(?P<s>{season}))(?![\w-])")
def last_september(f: Found) -> Raw | None:  # "last September", "this summer", "the coming winter": the one nearest the reference date
    step = -1 if f["past"] else 1 if f["c"] else _step(f["w"])
    if f["s"]:
        return f.raw(relative=("named_season", _season(f["s"]), step, bool(f["c"])), mod=_mod(f["mod"]))
    return f.raw(relative=("named_month", _month(f["m"]), step), mod=_mod(f["mod"]))


@form(r"(?:(?P<ev>every|each|Every|Each|EVERY|EACH)\s+(?P<w1>{weekday})(?:\s+(?P<p1>{pday}))?"
      r"|(?P<w2>{weekdays})(?:\s+(?P<p2>{pday})s?)?|(?P<w3>{weekday})\s+(?P<p3>{pday})s)(?![\w-])")
def weekdays(f: Found) -> Raw | None:  # "every Thursday", "Mondays", "Tuesday nights": a set of days
    day, part = f["w1"] or f["w2"] or f["w3"], f["p1"] or f["p2"] or f["p3"]
    value = f"XXXX-WXX-{_weekday(day) + 1}" + (f"T{_part_of_day(part)}" if part else "")
    return f.raw(type="SET", fixed=value)


@form(r"(?:(?P<s>{last})\s+)?(?P<w>{weekday})(?:\s+(?P<p>{pday}))?"
      r"(?:\s+(?P<s2>last|next)(?![\w-])(?!\s+(?:week|month|year|\w+day)))?(?![\w-])")
def weekday(f: Found) -> Raw | None:  # "Friday", "on Monday", "last Tuesday", "Wednesday night", "Tuesday last"
    before = re.search(r"(\w+)\W*$", f.doc[max(0, f.start - 12) : f.start])
    if not f["s"] and before and before.group(1).lower() in vocab()["named_days"]:
        return None  # "Good Friday", "Black Monday": a day of its own
    step = _step(f["s"]) if f["s"] else (-1 if (f["s2"] or "").lower() == "last" else 1) if f["s2"] else None
    rel = ("weekday", _weekday(f["w"]), step)
    if f["p"]:
        return f.raw(relative=rel, type="TIME", time=_part_of_day(f["p"]))
    return f.raw(relative=rel)


@form(r"{the}\s+week\s+of\s+(?:(?P<m>{M})\s+(?P<d>{D})|(?P<d2>{D})\s+(?P<m2>{M}))(?:,?\s+(?P<y>{YG}))?(?!\d|,\d{3})")
def the_week_of(f: Found) -> Raw | None:  # "the week of March 6": the calendar week that day falls in
    m, d = (f["m"], f["d"]) if f["m"] else (f["m2"], f["d2"])
    return f.raw(Point(_year(f["y"]), _month(m), _day(d)), relative=("week_of",))


@form(r"{the}\s+(?P<s>previous|preceding|following|next)\s+(?P<w>{weekday})(?![\w-])")
def the_previous_friday(f: Found) -> Raw | None:  # "the previous Friday": the one before the day the story is at
    step = -1 if (f["s"] or "").lower() in ("previous", "preceding") else 1
    return f.raw(relative=("story_weekday", _weekday(f["w"]), step))


@form(r"{the}\s+(?:weekend|week-end|WEEKEND|WEEK-END)(?![\w-])")
def the_weekend(f: Found) -> Raw | None:  # "over the weekend": the one the story is nearest
    return f.raw(relative=("weekend", None))


@form(r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?P<w>instant|inst\.?|ultimo|ult\.?)")
def instant(f: Found) -> Raw | None:  # "the 14th instant", "3rd ult."
    back = -1 if (f["w"] or "").lower().startswith("ult") else 0
    return f.raw(relative=("day_of_month", _day(f["d"]), back))


@form(r"(?<=of )(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)(?=\s*[.,;:)]|\s*$)")
def of_the_nth(f: Found) -> Raw | None:  # "your telegram of 5th."
    return f.raw(relative=("day_of_month", _day(f["d"]), 0))


@form(r"(?<=[A-Za-z.,] )(?<!the )(?<!The )(?<!THE )(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)"
      r"(?=\s+(?:[a-z]+ed|left|went|came|met|made|gave|told|sent|took|held|began|fell|saw|said|spoke|flew|rode|"
      r"for|from|to|at|and|via|when|with|but|morning|afternoon|evening|night)\b"
      r"|(?<=(?:on|On|ON|of) \d\d[a-z][a-z])\s*[.,;:)]|(?<=(?:on|On|ON|of) \d[a-z][a-z])\s*[.,;:)])")
def telegram_nth(f: Found) -> Raw | None:  # "National Government 29th announced", "arrived Tihwa 3rd for"
    return f.raw(relative=("day_of_month", _day(f["d"]), 0))


@form(r"(?:(?<=on )|(?<=On )|(?<=ON )|(?<=since )|(?<=until )|(?<=by ))the\s+(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th)"
      r"(?!\s+(?:instant|inst\b|ult|[Cc]entur|[Dd]ivision|[Aa]rm|[Cc]avalry|[Rr]egiment|[Cc]orps|[Bb]attalion|[Bb]rigade"
      r"|[Ff]leet|[Cc]ongress|[Pp]lenum|[Ss]oviet|of\s+[A-Z]|{M}))")
def on_the_nth(f: Found) -> Raw | None:  # "on the 5th"
    return f.raw(relative=("day_of_month", _day(f["d"]), 0))


@form(r"(?:(?P<q>{quant})\s+)?(?P<n>{count}|{article}|(?:a\s+)?few|several|many|(?:a\s+)?couple(?:\s+of)?)[\s-]+(?P<u>{unit}|{units})"
      r"(?:\s+or\s+so)?\s+(?:ago|AGO|Ago)(?![\w-])")
def ago(f: Found) -> Raw | None:  # "two years ago", "a decade ago", "nearly two weeks ago": a date, counted back from now
    n = number(f["n"] or "")
    if n is None:
        return f.raw(fixed="PAST_REF", mod=_quantifier(f["q"]))  # "several years ago"
    return f.raw(relative=("ago", n, _unit(f["u"])), mod=_quantifier(f["q"]))


@form(r"(?P<n>{count}|{article})[\s-]+(?P<u>{unit}|{units})\s+(?P<dir>later|earlier|after|before|afterwards)"
      r"(?P<clause>\s+(?:the\s+|his\s+|her\s+|their\s+|it\s+)?[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,5}?\s+(?:was|were|had\s+been)\s+\w+ed\b"
      r"|(?<=after)\s+the\s+[a-z]+\b(?:\s+of\s+(?:the\s+)?[A-Za-z]+)?|(?<=before)\s+the\s+[a-z]+\b(?:\s+of\s+(?:the\s+)?[A-Za-z]+)?)?")
def offset(f: Found) -> Raw | None:  # "two days later", "five days after the ETR was founded"
    n, unit = number(f["n"] or ""), _unit(f["u"])
    sign = -1 if (f["dir"] or "").lower() in ("earlier", "before") else 1
    if n is None:
        if unit not in ("day", "night", "week"):  # "several years later": how long, not when
            return f.raw(end=f.m.end(f.prefix + "u"), type="DURATION", fixed=_duration(None, unit))
        return f.raw(relative=("offset", None, unit, sign))  # "a few days later": within the month
    return f.raw(relative=("offset", n, unit, sign))


@form(r"(?<=By )this time|(?<=by )this time")
def by_this_time(f: Found) -> Raw | None:  # "By this time, ..."
    return f.raw(relative=("anchor_any",), mod="BEFORE")


# business reports: quarters, halves, fiscal years and the period under report ----------------

@form(r"(?:{the}\s+(?:(?P<ya>year-earlier|year-ago|comparable\s+year-ago)\s+)?|(?P<w>{last})\s+year['’]s\s+)?(?:(?P<y1>{Y})(?:['’]s)?\s+)?(?:(?:fiscal|Fiscal|FISCAL)[\s-]+(?:(?P<y2>{Y})(?:['’]s)?\s+)?)?"
      r"(?P<o>{qord})[\s-]+(?:fiscal[\s-]+)?(?P<u>quarter|half|QUARTER|HALF|Quarter|Half)(?![\w-])"
      r"(?:\s+of\s+(?:(?:{the}\s+)?(?:fiscal|calendar)\s+(?:year\s+)?)?(?P<y3>{YG}))?")
def quarter(f: Found) -> Raw | None:  # "the third quarter", "third-quarter", "the first half of 1990", "fiscal 1990's second quarter"
    o, unit = (f["o"] or "").lower(), (f["u"] or "").lower()[0].upper()
    n = int(vocab()["ordinals"][o]) if o not in ("last", "final") else 4 if unit == "Q" else 2
    if unit == "H" and n > 2:
        return None
    year = f["y1"] or f["y2"] or f["y3"]
    start = _adjective_start(f, f["u"] or "", joined_only=True)
    if year:
        return f.raw(Point(int(year), part=f"{unit}{n}"), start=start)
    if o in ("last", "final") and not f.m.group(0).lower().startswith("the"):
        return f.raw(relative=("period", "now", -1 if unit == "Q" else -2, 0, None))  # "last quarter": the one before now
    years = -1 if f["ya"] else 0  # "the year-earlier third quarter"
    return f.raw(relative=("part", f"{unit}{n}", _step(f["w"]) if f["w"] else None, years), start=start)


@form(r"(?:(?P<d>{the}|this|This|THIS|that|That|THAT|its|Its|ITS)\s+)?(?:(?P<y>{Y})\s+|(?P<q>latest|current|same|comparable|corresponding|previous|preceding|prior|"
      r"most\s+recent|year-earlier|year-ago|year-before|prior-year|year-earlier|LATEST|CURRENT|PREVIOUS|Latest|Current|Previous)[\s-]+)?"
      r"(?P<u>quarter|period|QUARTER|PERIOD)(?![\w-])(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year))?")
def the_quarter(f: Found) -> Raw | None:  # "the quarter", "the year-earlier quarter", "the 1988 period", "the latest period"
    q = " ".join((f["q"] or "").lower().split())
    if not f["d"] and not q and not f["y"]:
        return None  # "a quarter of the vote"
    if (f["u"] or "").lower() == "period" and not (q or f["y"] or f["ago"]):
        return None  # "the period": any stretch of time
    if re.match(r"\s+of\b", f.doc[f.end : f.end + 5]):
        return None  # "the quarter of the city", "the period of transition"
    years = -1 if (f["ago"] or q in ("year-earlier", "year-ago", "year-before", "prior-year")) else 0
    if q == "current":
        return f.raw(relative=("period", "now", 0, years, None))
    quarters = -1 if q in ("previous", "preceding", "prior") else 0
    return f.raw(relative=("period", "story", quarters, years, int(f["y"]) if f["y"] else None))


@form(r"(?P<q>year-earlier|year-ago|year-before|Year-earlier|Year-ago)(?=\s+[a-z])")
def year_earlier(f: Found) -> Raw | None:  # "year-earlier profit": the period under report, a year before
    return f.raw(relative=("period", "story", 0, -1, None))


@form(r"(?:{the}\s+)?(?:fiscal|Fiscal|FISCAL)(?:[\s-]+year)?\s+(?P<y>{YG})(?![\w-])")
def fiscal_year(f: Found) -> Raw | None:  # "fiscal 1990", "the fiscal year 1989"
    return f.raw(Point(int(f["y"] or 0)))


# feasts and public days, years in words, "the year" ----------------------------------------------

@form(r"(?:(?P<w>{last})\s+)?(?P<h>{holiday})(?:\s+(?P<y>{YG}))?(?![\w'’-])")
def holiday(f: Found) -> Raw | None:  # "Thanksgiving Day", "last Christmas", "Easter 1946"
    name = " ".join((f["h"] or "").lower().replace("’", "'").split())
    if f["y"]:
        got = holiday_date(name, int(f["y"] or 0))
        return f.raw(Point(got.year, got.month, got.day)) if got else None
    return f.raw(relative=("holiday", name, _step(f["w"]) if f["w"] else None))


@form(r"(?:{the}\s+(?:year|YEAR)\s+)?{spelled}(?![\w-])")
def spelled_year(f: Found) -> Raw | None:  # "in nineteen ninety-six", "the year two thousand"
    if not f.m.group(0).lower().startswith("the") and f["mil"]:
        return None  # "two thousand people": a count
    nxt = re.match(r"\s+([a-z]+)", f.doc[f.end : f.end + 30])
    if nxt and (nxt.group(1) in vocab()["count_nouns"] or _unit(nxt.group(1)) in vocab()["units"]):
        return None  # "nineteen twenty-dollar bills", "nineteen ninety-five people"
    return f.raw(Point(_spelled(f)))


@form(r"(?:(?P<m>{month})|(?:{the}\s+)?(?P<s>{season})\s+of)\s+{spelled}(?![\w-])")
def month_spelled_year(f: Found) -> Raw | None:  # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
    if f["s"]:
        return f.raw(Point(_spelled(f), part=_season(f["s"])))
    return f.raw(Point(_spelled(f), _month(f["m"])))


@form(r"(?:(?<=for )|(?<=For )|(?<=of )|(?<=in )|(?<=In )|(?<=during )|(?<=During )|(?<=throughout ))the\s+"
      r"(?:(?P<q>full|current|fiscal|current\s+fiscal|calendar)\s+)?year(?![\w-])(?!\s+(?:\d|two|nineteen|before|after|earlier|later|ago|of|in)\b)")
def the_year(f: Found) -> Raw | None:  # "for the year", "the first nine months of the year": the one under report
    if re.match(r"\s+(?:end(?:ed|ing)?|to)\b", f.doc[f.end : f.end + 10]):
        return f.raw(type="DURATION", fixed="P1Y")  # "the year ended Sept. 30": a twelve-month span
    return f.raw(relative=("report", "year"))


# recurrences (TimeML's SET) -------------------------------------------------------------------

@form(r"(?P<s>{setword})(?![\w-])")
def set_word(f: Found) -> Raw | None:  # "daily", "annually", "per year"
    if re.match(r" [A-Z][a-z]", f.doc[f.end : f.end + 3]) and f.doc[f.start].islower():
        return None  # "the party daily Granma": a newspaper
    return f.raw(type="SET", fixed=str(vocab()["sets"][" ".join((f["s"] or "").lower().split())]))


@form(r"(?:every|each|Every|Each|EVERY|EACH)\s+(?:(?P<n>{count}|other)\s+)?(?:(?P<u>{unit}|{units})|(?P<m>{month})|(?P<s>{season}))(?![\w-])")
def every(f: Found) -> Raw | None:  # "every week", "every two years", "each July", "every summer"
    if f["m"]:
        return f.raw(type="SET", fixed=f"XXXX-{_month(f['m']):02d}")
    if f["s"]:
        return f.raw(type="SET", fixed=f"XXXX-{_season(f['s'])}")
    word = (f["n"] or "one").lower()
    n = 2 if word == "other" else number(word)
    return f.raw(type="SET", fixed=_duration(n, _unit(f["u"])))


@form(r"(?:once|twice|(?:{num}|\d+)\s+times)\s+(?P<r>{rate}|(?:per|every|each)\s+(?P<u>{unit}))(?![\w-])")
def once_a_week(f: Found) -> Raw | None:  # "once a month", "three times a year": how often
    value = _duration(1, _unit(f["u"])) if f["u"] else str(vocab()["sets"][(f["r"] or "").lower()])
    return f.raw(type="SET", fixed=value)


@form(r"(?:(?<=\d )|(?<=% )|(?<=twice )|(?<=times )|(?<=once )|(?<=percent )|(?<=cents )|(?<=dollars )|(?<=million )|(?<=billion ))"
      r"(?P<r>{rate})(?![\w-])")
def rate(f: Found) -> Raw | None:  # "twice a week", "$5 million a year"
    return f.raw(type="SET", fixed=str(vocab()["sets"][(f["r"] or "").lower()]))


# durations ----------------------------------------------------------------------------------

@form(r"(?:(?P<q>{quant})\s+(?!the\s))?(?:(?P<the>{the})\s+)?(?:(?P<st>{stretch})\s+)?"
      r"(?P<n>{count}(?:[\s-]+(?:and\s+a\s+half|1/2|½))?|(?:[Aa]\s+)?[Ff]ew|[Ss]everal|[Mm]any|(?:[Aa]\s+)?couple(?:\s+of)?|(?P<a>{article})(?=[\s-]+(?:(?:more|additional|extra|further)\s+)?(?:{dunit})(?![\w-])))"
      r"[\s-]+(?:(?:more|additional|extra|further)\s+)?(?P<u>{unit}|{units})(?P<long>-long)?(?![\w-])(?![\s-]+old\b)")
def duration(f: Found) -> Raw | None:  # "three years", "the past two months", "nearly a decade", "2 1/2 years"
    unit = _unit(f["u"])
    if unit == "quarter" and re.match(r"\s+of\b", f.doc[f.end : f.end + 5]):
        return None  # "three quarters of the vote"
    if (f["u"] or "a")[0].isupper() and (f["n"] or "")[:1].isdigit():
        return None  # "CBS's 60 Minutes": a title
    words = (f["n"] or "").lower()
    half = bool(re.search(r"half|1/2|½", words))
    n = number(re.sub(r"[\s-]+(?:and\s+a\s+half|1/2|½)$", "", words))
    if n is None and f["a"] is None and not re.match(r"(?:a\s+)?(?:few|several|many|couple)", words):
        return None  # a number too large to be a count of units ("1500 years" is a year), or none
    amount = None if n is None else n + (0.5 if half else 0)
    start = _adjective_start(f, f["u"] or "") if f["the"] and not f["st"] else None
    return f.raw(type="DURATION", fixed=_duration(amount, unit), mod=_quantifier(f["q"]), start=start)


@form(r"(?:(?P<q>{quant})\s+)?{the}\s+(?P<st>past|last|next|coming|previous|PAST|LAST|NEXT|Past|Last|Next)\s+"
      r"(?P<u>week|month|year|decade|century|quarter|hour|WEEK|MONTH|YEAR|DECADE|CENTURY)(?![\w-])")
def the_past_year(f: Found) -> Raw | None:  # "the past year", "the next decade": a stretch of one unit
    return f.raw(type="DURATION", fixed=_duration(1, _unit(f["u"])), mod=_quantifier(f["q"]))


@form(r"{the}\s+(?:(?:first|past|last|next|coming|final|early|PAST|LAST|NEXT)\s+(?P<u1>{units})|(?P<u2>{units})\s+(?:ahead|to\s+come))(?![\w-])")
def the_first_hours(f: Found) -> Raw | None:  # "the first hours", "the weeks ahead": an untold number of units
    return f.raw(type="DURATION", fixed=_duration(None, _unit(f["u1"] or f["u2"])))


@form(r"(?P<u>{unit}|{units})-long(?![\w-])")
def day_long(f: Found) -> Raw | None:  # "a day-long meeting", "the decades-long feud"
    word = (f["u"] or "").lower()
    return f.raw(type="DURATION", fixed=_duration(1 if word in vocab()["units"] else None, _unit(word)))


@form(r"(?:(?P<q>{quant})\s+)?(?:{the}\s+)?(?:recent|RECENT|Recent)\s+(?P<u>{units})(?![\w-])")
def recent_years(f: Found) -> Raw | None:  # "in recent years": an untold stretch up to now
    return f.raw(type="DURATION", fixed=_duration(None, _unit(f["u"])), mod=_quantifier(f["q"]))


@form(r"(?:(?<=for )|(?<=For )|(?<=FOR )|(?<=within )|(?<=Within ))(?P<u>{units})(?![\w-])(?!\s+(?:ago|later|earlier|after|before|of)\b)")
def for_years(f: Found) -> Raw | None:  # "for years", "within weeks": an untold number of units
    return f.raw(type="DURATION", fixed=_duration(None, _unit(f["u"])))


@form(r"(?:(?<=for )|(?<=For )|(?<=after )|(?<=in ))(?:a\s+(?:long\s+|short\s+|little\s+)?while|some\s+time|a\s+long\s+time)(?![\w-])")
def a_while(f: Found) -> Raw | None:  # "for a while", "for some time": an untold stretch
    return f.raw(type="DURATION", fixed="PXX")


@form(r"(?:(?<=in )|(?<=over ))(?:the\s+)?(?P<u>years|decades|months|weeks)(?![\w-])(?!\s+(?:ago|later|earlier|after|before|of|to|that|since|when)\b)")
def in_years(f: Found) -> Raw | None:  # "the first time in years", "over the years"
    return f.raw(type="DURATION", fixed=_duration(None, _unit(f["u"])))


@form(r"(?:(?<=for )|(?<=For )|(?<=of ))the\s+week(?![\w-])(?!\s+(?:of|before|after|that|when|ended|ending|earlier|later)\b)")
def the_week(f: Found) -> Raw | None:  # "for the week", "the week's gains": the week the story is in
    return f.raw(relative=("step", "week", 0))


@form(r"(?:(?<=in )|(?<=In )|(?<=during )|(?<=by ))the\s+(?:(?P<e>{mod})\s+)?(?P<p>morning|afternoon|evening)(?![\w-])(?!\s+of\b)")
def in_the_morning(f: Found) -> Raw | None:  # "in the morning": of the day the story is at
    return f.raw(relative=("clock",), type="TIME", time=_part_of_day(f["p"]), mod=_mod(f["e"]))


@form(r"{the}\s+(?:(?P<mod>{mod})[\s-]+)?(?:(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|['’](?P<d>[2-9]0)s)(?![\w-])")
def the_nineties(f: Found) -> Raw | None:  # "the nineties", "the late '80s": a decade of the century the story is in
    tens = ("twenties thirties forties fifties sixties seventies eighties nineties".split().index((f["w"] or "").lower()) + 2
            if f["w"] else int(f["d"] or 0) // 10)
    return f.raw(relative=("decade", tens), mod=_mod(f["mod"]))


# the present, the past, the future as a whole -------------------------------------------------

@form(r"(?P<r>{ref})(?![\w-])")
def reference(f: Found) -> Raw | None:  # "now", "currently", "recently", "the future"
    text = " ".join((f["r"] or "").lower().split())
    nxt = re.match(r"\s+([A-Za-z]+)", f.doc[f.end : f.end + 20])
    if text.startswith("the ") and nxt and nxt.group(1).lower() not in vocab()["after_reference"]:
        return None  # "the future Chinese state", "the present system": an adjective
    return f.raw(fixed=str(vocab()["references"][text]))


# years --------------------------------------------------------------------------------------

@form(r"(?<![\d,.$£#№/])(?P<y>{YG})")
def year(f: Found) -> Raw | None:  # "1944", but not "1944 troops"
    nxt = re.match(r"\s+([a-z]+)", f.doc[f.end : f.end + 30].lower())
    if nxt and nxt.group(1) in vocab()["count_nouns"]:
        return None
    return f.raw(Point(int(f["y"] or 0)))


# a chronology's entry under a year heading: "Feb. — Demonstrations", "Summer: ..."
@form(r"^(?:(?P<m>{month}|(?:{abbr})\.)|(?P<s>{season}))(?=\s*(?:[—–:]|-\s))")
def line_head(f: Found) -> Raw | None:
    if f["s"]:
        return f.raw(Point(None, part=_season(f["s"])))
    return f.raw(Point(None, _month(f["m"])))


@form(r"\b(?P<m>{month})\b")
def bare_month(f: Found) -> Raw | None:  # "in November", "the March accession" (a month alone only after a preposition or before its noun)
    before = re.search(r"(\w+)\W*$", f.doc[max(0, f.start - 20) : f.start])
    if not before:
        return None
    word = before.group(1).lower()
    if word in ("the", "a", "an"):  # "the October slaying", not "the March to the sea"
        after = re.match(r"\s+([a-z]+)", f.doc[f.end : f.end + 20])
        if after is None or after.group(1) in ("of", "on", "to", "from", "through", "against", "into", "past", "by"):
            return None
    elif word not in vocab()["preps"]:
        return None
    return f.raw(Point(None, _month(f["m"])))


# a season without its year, after a preposition or "that": the story's year; not "since fall of Lanchow"
@form(r"(?:(?:[Tt]hat|THAT)\s+(?P<s1>{season})|(?:(?<=in )|(?<=In )|(?<=since )|(?<=Since )|(?<=by )|(?<=By )"
      r"|(?<=until )|(?<=during )|(?<=During )|(?<=over )|(?<=Over )|(?<=into )|(?<=through )|(?<=throughout )|(?<=of ))(?:{the}\s+)?(?:(?P<mod>{mod})[\s-]+)?(?P<s2>{season}))(?!\s+(?:of\s+)?\d|\s+of\b)")
def season_no_year(f: Found) -> Raw | None:  # "that winter", "in the spring"
    return f.raw(Point(None, part=_season(f["s1"] or f["s2"])), mod=_mod(f["mod"]))


# ---------------------------------------------------------------------------------- scanning

_LEXICON_NAME = re.compile(r"\{([A-Za-z_]+)\}")
_GROUP = re.compile(r"\(\?P<(\w+)>")


def _pattern(f: Form, ignore_case: bool) -> str:
    """The form's pattern, lexicon pieces filled in and its groups prefixed with its name."""
    lx = lexicon(ignore_case)
    body = _LEXICON_NAME.sub(lambda m: lx.get(m.group(1), m.group(0)), f.template)
    return _GROUP.sub(lambda m: f"(?P<{f.name}__{m.group(1)}>", body)


@cache
def grammar(ignore_case: bool) -> re.Pattern[str]:
    """All forms as one pattern, tried in order at each place."""
    body = "|".join(f"(?P<{f.name}>{_pattern(f, ignore_case)})" for f in FORMS)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE if ignore_case else 0)


@cache
def _builders() -> dict[str, tuple[Builder, str]]:
    return {f.name: (f.build, f.name + "__") for f in FORMS}


@cache
def starters() -> re.Pattern[str]:
    """Where a date can begin: the first words (or first characters) of every form, derived from
    the patterns themselves (`starts`), lower-cased and run over the lower-cased text (matching
    without IGNORECASE is about three times faster). Trying the grammar only there, not at every
    word, makes tagging several times faster on long documents."""
    words: set[str] = set()
    stems: set[str] = set()
    chars: set[str] = set()
    for got in _form_analysis():
        words |= got[0].words
        stems |= got[0].stems
        chars |= got[0].chars
    # a first word many forms begin with ("the") is a start only before a second word one of them
    # allows ("the third", not "the company"), when each of them can tell its second word
    pairs = []
    for w in sorted(words):
        afters = [after[w] for st, after in _form_analysis() if w in st.words]
        if len(afters) > TWO_WORDS and all(isinstance(a, Starts) for a in afters):
            two = _union([a for a in afters if isinstance(a, Starts)])
            alts = ([rf"(?:{trie_alternation(set(two.words))})(?![\w])"] if two.words else []) + (
                [f"(?:{trie_alternation(set(two.stems))})"] if two.stems else []) + (
                ["[" + "".join(sorted(two.chars)) + "]"] if two.chars else [])
            pairs.append(rf"{re.escape(w)}[\s-]+(?:{'|'.join(alts)})")  # "late November", "late-November"
            words.discard(w)
    parts = ([f"(?:{'|'.join(pairs)})"] if pairs else []) + ([rf"(?:{trie_alternation(words)})(?![\w])"] if words else [])
    if stems:
        parts.append(f"(?:{trie_alternation(stems)})")
    if chars:
        parts.append("[" + "".join(sorted(chars)) + "]")
    # zero-width, so that one start never hides the next ("the 1949 ..." starts at "the" and "1949");
    # the run of word characters there is captured, the word that picks the forms to try
    return re.compile(rf"(?<![\w-])(?=(?:{'|'.join(parts)}))(?=([\w-]*))")


FormStarts = tuple[frozenset[str], tuple[str, ...], "re.Pattern[str] | None", dict[str, "Starts | None"]]


@cache
def _form_analysis() -> tuple[tuple[Starts, dict[str, Starts | None]], ...]:
    """Each form's beginnings (`starts`) and, after each first word, its second (`second_words`),
    read off one parse of its pattern."""
    import re._parser as sre  # type: ignore[import-not-found]  # the standard library's own regex parser

    out = []
    for f in FORMS:
        pattern = _pattern(f, ignore_case=True)
        prefixes = _prefixes(list(sre.parse(pattern, re.IGNORECASE)), "")
        out.append((_starts_of(prefixes), second_words(pattern, prefixes)))
    return tuple(out)


@cache
def _form_starts() -> tuple[FormStarts, ...]:
    """Each form's first words, first letters and first characters, and how the second word after
    each first word can begin."""
    out = []
    for got, after in _form_analysis():
        chars = re.compile("[" + "".join(sorted(got.chars)) + "]") if got.chars else None
        out.append((got.words, tuple(got.stems), chars, after))
    return tuple(out)


def _heads(token: str) -> list[str]:
    """The whole words a token can be read as: itself, and each part before one of its hyphens
    ("third-quarter": "third-quarter", "third")."""
    return [token] + [token[:i] for i, ch in enumerate(token) if ch == "-"]


@lru_cache(maxsize=512)
def _char_class(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(chars)) + "]")


def _begins(st: Starts, token: str, first: str) -> bool:
    """Whether a word (lower-cased run of word characters and hyphens; `first`, the character
    there when it is empty) can be where `st` says a match begins."""
    return (any(h in st.words for h in _heads(token))
            or any(token.startswith(x) for x in st.stems)
            or (bool(st.chars) and _char_class(st.chars).match(token[:1] or first) is not None))


_SECOND = re.compile(r"[\s-]+([\w-]*)")  # past the space (or a dash: "a - year")
TWO_WORDS = 4  # a first word that more forms can begin with than this is looked past, to the second


@lru_cache(maxsize=8192)
def _forms_from(token: str, first: str) -> tuple[int, ...]:
    """The forms that can begin with this token (the run of word characters and hyphens at a
    place, lower-cased; `first` is the character there when the token is empty)."""
    out = []
    heads = _heads(token)
    for i, (words, stems, chars, _second) in enumerate(_form_starts()):
        if (any(h in words for h in heads)
                or any(token.startswith(x) for x in stems) or (chars is not None and chars.match(token[:1] or first))):
            out.append(i)
    return tuple(out)


@lru_cache(maxsize=16384)
def _forms_from_two(token: str, second: str | None, first2: str) -> tuple[int, ...]:
    """The forms that can begin with the word `token` followed, past a space, by `second` (None:
    no space follows)."""
    out = []
    for i in _forms_from(token, ""):
        words, _stems, _chars, after = _form_starts()[i]
        if token not in words or token not in after:
            out.append(i)  # begins with a stem or a character: the second word cannot be told
            continue
        st = after[token]
        if st is ANY or (second is not None and _begins(st, second, first2)):
            out.append(i)
    return tuple(out)


@cache
def _form_patterns(ignore_case: bool) -> list[re.Pattern[str] | None]:
    """Each form alone, as `grammar` holds it, compiled when first tried (a short text needs few):
    trying the few that can begin at a place, in order, finds what the whole grammar finds there."""
    return [None] * len(FORMS)


def _form_pattern(i: int, ignore_case: bool) -> re.Pattern[str]:
    patterns = _form_patterns(ignore_case)
    got = patterns[i]
    if got is None:
        f = FORMS[i]
        got = patterns[i] = re.compile(rf"(?<![\w-])(?:(?P<{f.name}>{_pattern(f, ignore_case)}))(?![\w])",
                                       re.IGNORECASE if ignore_case else 0)
    return got


def compile_all() -> None:
    """Compile every form now (a build does so before it forks, so that both processes share them)."""
    starters()
    for i in range(len(FORMS)):
        _form_pattern(i, False)


def _union(starts: list[Starts]) -> Starts:
    return Starts(frozenset().union(*(s.words for s in starts)), frozenset().union(*(s.stems for s in starts)),
                  frozenset().union(*(s.chars for s in starts)))


def trie_alternation(words: set[str]) -> str:
    """An alternation of words with their common beginnings factored out ("th(?:e|is|at)"): the
    regex engine tries alternatives one by one, so a trie is tried in a few steps, not hundreds.
    Longer words come first at each branch, as in `_alt`."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(tree)


def _matches(text: str, ignore_case: bool) -> Iterator[re.Match[str]]:
    """The grammar's matches, as `finditer` would give them, trying only where one can begin and
    only the forms that can begin there, one by one: a place's first word picks them (a handful
    of some ninety forms), and for a word many forms begin with ("the") so does the word after
    it. Each form is compiled once, when first tried."""
    patterns = _form_patterns(ignore_case)
    lowered = text.lower()
    begin = starters()
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: keep the offsets
        lowered, begin = text, re.compile(begin.pattern, re.IGNORECASE)
    end = 0
    for m in begin.finditer(lowered):
        at = m.start()
        if at < end:
            continue
        token = m.group(1).lower()
        if token[:1].isdigit():
            token = "0"  # every form that begins with a digit begins with any digit
        forms = _forms_from(token, lowered[at] if not token else "")
        if not forms:
            continue
        if len(forms) > TWO_WORDS and token.isalpha():  # "the": which of its forms the next word allows
            nxt = _SECOND.match(lowered, at + len(token))
            second = None if nxt is None else nxt.group(1).lower()
            if second is not None and second[:1].isdigit():
                second = "0"
            first2 = lowered[nxt.end(1)].lower() if nxt is not None and not second and nxt.end(1) < len(lowered) else ""
            forms = _forms_from_two(token, second, first2)
            if not forms:
                continue
        for i in forms:
            got = (patterns[i] or _form_pattern(i, ignore_case)).match(text, at)
            if got is not None:
                end = got.end()
                yield got
                break


def scan(text: str, ignore_case: bool = False, rejected: list[tuple[Raw, str]] | None = None) -> list[Raw]:
    """Every temporal expression in `text`, in order, not overlapping, before context is applied.
    An expression the calendar cannot hold ("February 30", a range that ends before it starts) is
    no date; with `rejected`, it is added there with why."""
    out: list[Raw] = []
    builders = _builders()
    for m in _matches(text, ignore_case):
        build, prefix = builders[m.lastgroup or ""]
        raw = build(Found(m, prefix, text))
        if raw is None:
            continue
        why = impossible(raw)
        if why:
            if rejected is not None:
                rejected.append((raw, why))
            continue
        out.append(_in_context(raw, text))
    return out


def _in_context(raw: Raw, text: str) -> Raw:
    """What the words just around an expression add: "By 1944" (BEFORE), "after 1949" (AFTER),
    a restating "17 November 1944, five days after ...", a date in brackets."""
    s = raw.start
    if (raw.type == "DATE" and (raw.relative is None or raw.relative[0] == "named_month")
            and raw.mod is None and re.search(r"(?:^|\W)[Bb]y\s+$", text[max(0, s - 4) : s])):
        raw = raw._replace(mod="BEFORE")
    elif raw.type == "DATE" and raw.relative is None and raw.mod is None and raw.b is None:
        side = re.search(r"(?:^|\W)([Aa]fter|[Bb]efore)\s+$", text[max(0, s - 8) : s])
        if side:
            raw = raw._replace(mod=side.group(1).upper())
    if raw.relative and raw.relative[0] == "offset" and re.search(r"\d{4},\s*$", text[max(0, s - 40) : s]):
        raw = raw._replace(apposition=True)
    if s > 0 and text[s - 1] == "(" and text[raw.end : raw.end + 1] == ")":
        raw = raw._replace(parenthesised=True)
    return raw


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def impossible(raw: Raw) -> str:
    """Why the calendar cannot hold the expression, or "": no 30 February, no month 13, no range
    that ends before it starts ("from November 12, 1934 to February 6, 1933", as typos and OCR make)."""
    a, b = raw.a, raw.b
    for p in (a, b):
        if p is None:
            continue
        if p.month is not None and not 1 <= p.month <= 12:
            return f"month {p.month} does not exist"
        if p.day is not None and p.month is not None:
            year = p.year if p.year is not None else 2000  # leap year: 29 February possible
            if not 1 <= p.day <= days_in(year, p.month):
                month = f"{_MONTHS[p.month - 1]} {p.year}" if p.year is not None else _MONTHS[p.month - 1]
                return f"{month} has no day {p.day}"
    if a is not None and b is not None and not a.needs_year and not b.needs_year:
        try:
            if point_bounds(b)[1] < point_bounds(a)[0]:
                return "the range ends before it starts"
        except (ValueError, AssertionError):
            return "not a date the calendar holds"
    return ""


# ---------------------------------------------------------------------------------- starts


class Starts(NamedTuple):
    """How a form's matches can begin: a whole first word, the first letters of a word, or one
    of some characters (a digit)."""

    words: frozenset[str]
    stems: frozenset[str]
    chars: frozenset[str]


def starts(pattern: str) -> Starts:
    """How a match of `pattern` can begin, read off the parsed pattern (the standard library's
    own regex parser), so that it can never fall behind the pattern. A first word ends where
    the pattern leaves word characters; one that runs on into a class (\\d, [a-z]) is a stem."""
    import re._parser as sre

    return _starts_of(_prefixes(list(sre.parse(pattern, re.IGNORECASE)), ""))


ANY = None  # a form's second word cannot be told: any word may follow its first


def second_words(pattern: str, prefixes: list[Prefix] | None = None) -> dict[str, Starts | None]:
    """For each whole first word of `pattern`, how the word after it (past the space) can begin;
    None where that cannot be told (punctuation, no space, an optional piece), so that matching
    may try only the forms a place's first two words allow. `prefixes`: the pattern's, if known."""
    import re._constants as c  # type: ignore[import-not-found]
    import re._parser as sre

    if prefixes is None:
        prefixes = _prefixes(list(sre.parse(pattern, re.IGNORECASE)), "")
    out: dict[str, Starts | None] = {}
    seen: dict[tuple[int, ...], Starts] = {}  # the branches of one alternation share what follows
    for prefix, complete, _first, rest in prefixes:
        if not prefix or not complete or prefix[:1].isdigit() or out.get(prefix, 1) is ANY:
            continue
        spaced = bool(rest) and ((rest[0][0] in (c.IN, c.CATEGORY) and r"\s" in _class_chars(*rest[0]))
                                 or rest[0] == (c.LITERAL, ord(" ")))
        if not spaced:
            out[prefix] = ANY  # the first word may end the match, or punctuation follows
            continue
        key = tuple(id(x) for x in rest[1:])
        if key not in seen:
            seen[key] = _starts_of(_prefixes(list(rest[1:]), ""))
        after = seen[key]
        got = out.get(prefix)
        if isinstance(got, Starts):
            after = Starts(after.words | got.words, after.stems | got.stems, after.chars | got.chars)
        out[prefix] = after
    return out


def _starts_of(prefixes: list[Prefix]) -> Starts:
    words: set[str] = set()
    stems: set[str] = set()
    chars: set[str] = set()
    for prefix, complete, first, _rest in prefixes:
        if prefix[:1].isdigit():
            chars.add(r"\d")
        elif prefix:
            (words if complete else stems).add(prefix)
        else:
            chars |= first
    return Starts(frozenset(words), frozenset(stems), frozenset(chars))


_WORD_CHAR = re.compile(r"[\w\-]")
_MAX_PREFIXES = 20_000
# (first letters, whether the word ends there, first characters, the pattern's items from where the word ends)
Prefix = tuple[str, bool, frozenset[str], tuple[Any, ...]]


def _prefixes(items: list[Any], prefix: str) -> list[Prefix]:
    import re._constants as c

    if not items:
        return [(prefix, True, frozenset(), ())]
    (op, av), rest = items[0], items[1:]
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero-width: lookarounds, anchors
        return _prefixes(rest, prefix)
    if op == c.LITERAL:
        ch = chr(av)
        if _WORD_CHAR.match(ch):
            return _prefixes(rest, prefix + ch.lower())
        return [(prefix, True, frozenset() if prefix else frozenset({re.escape(ch)}), tuple(items))]
    if op == c.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, prefix)
    if op == c.BRANCH:
        out: list[Prefix] = []
        for branch in av[1]:
            out += _prefixes(list(branch) + rest, prefix)
            if len(out) > _MAX_PREFIXES:
                raise ValueError("a date form's first words are too many to list")
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        lo, _hi, sub = av
        once = _prefixes(list(sub) + rest, prefix)
        return once + _prefixes(rest, prefix) if lo == 0 else once
    if op == c.IN and all(o == c.LITERAL and _WORD_CHAR.match(chr(x)) for o, x in av):
        out = []
        for ch in dict.fromkeys(chr(x).lower() for _o, x in av):  # [Tt]he
            out += _prefixes(rest, prefix + ch)
        return out
    # a class, a category (\\s, \\d) or any character: the word ends here if the class holds no
    # word character; at the very start, the match begins with one of its characters
    chars = _class_chars(op, av)
    if prefix:
        return [(prefix, not any(_is_word_piece(x) for x in chars), frozenset(), tuple(items))]
    return [("", True, frozenset(chars), tuple(items))]


def _is_word_piece(piece: str) -> bool:
    """Whether a piece of a [...] (as _class_chars writes it) admits a word character."""
    if piece in (r"\s", r"\W"):
        return False
    if piece in (r"\d", r"\w"):
        return True
    return re.match(r"\w", piece.replace("\\", "")[:1]) is not None


def _class_chars(op: Any, av: Any) -> set[str]:
    """What a character class admits, as pieces of a [...]."""
    import re._constants as c

    items = av if op == c.IN else [(op, av)]
    got: set[str] = set()
    for o, x in items:
        if o == c.LITERAL:
            got.add(re.escape(chr(x)))
        elif o == c.RANGE:
            got.add(f"{re.escape(chr(x[0]))}-{re.escape(chr(x[1]))}")
        elif o == c.CATEGORY:
            got.add({c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}.get(x, r"\W"))
        else:
            got.add(r"\W")  # anything else (negated sets, any character): not a word character we can name
    return got
