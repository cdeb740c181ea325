"""Archival structure is not prose: the numbers of telegrams, despatches, files and pages, and
the date a document's own header gives it.

A telegram reads "1508. Department's 1113, August 16. ... Sent Embassy as 439, repeated Dept. as
70" and is filed as "893.00 Sinkiang/11-1647: Telegram": 1508, 1113, 439 and 70 are the numbers of
telegrams, and 11-1647 is the date the document was filed (16 November 1947). `numbers(text)`
finds such spans, where no date may be read; `document_date(text)` reads the date a document's
header gives it (a State Department decimal file number, or the date it was received), which dates
the body ("June 5", "yesterday") until a date line says otherwise. The words are data
(rules/archival.toml). Imports etr.rules and etr.dates.
"""

from __future__ import annotations

import calendar
import re
from functools import cache
from typing import NamedTuple

from etr import rules
from etr.dates.forms import trie_alternation
from etr.dates.values import Point, month_number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

HEAD_CHARS = 600  # a document's header: its first lines


@cache
def _rules() -> dict[str, Any]:
    return rules.load("archival")


@cache
def _reference() -> re.Pattern[str]:
    """A number known by the word before it ("Embtel 1419", "despatch 35", "No. 491", "Nos. 76
    through 79", "[Page 580]", "p. 12"): the word and the number."""
    refs = trie_alternation({w.lower() for w in _rules()["references"]["words"]})
    return re.compile(rf"(?<![\w-])(?:{refs})\.?\s+(?:to\s+[A-Z]\w*\s+)?(?<!\d)\d+(?:\s*(?:-|–|through|to|and)\s*\d+)?",
                      re.I)


@cache
def _patterns() -> list[re.Pattern[str]]:
    return [
        # "893.00 Sinkiang/11-1647", "761.93/1-749", "125.937D/7-2949", "793B.00/6-350" (Tibet): a
        # decimal file number
        re.compile(r"\b\d{3}[A-Z]?\.[\dA-Z]+(?:\s+[A-Z][a-z]+)?/[\d\u2013\u2014-]{3,9}"),
        # "Department's 1113, August 16", "Tihwa's 242 of": a telegram known by its sender and number
        re.compile(r"\b[A-Z][\w.]*['’]s\s+\d{1,5}(?=\s*(?:,|;|\)|of\b|to\b|through\b|and\b|$))"),
        # "Sent Embassy as 439, repeated Dept. as 70": the numbers a telegram was sent and repeated under
        re.compile(r"(?<![\w-])(?:[Ss]ent|[Rr]epeated)\b[^.;\n]{0,40}?\bas\s+\d+(?:[,;]?\s+(?:repeated\s+)?\w+\.?\s+as\s+\d+)*"),
        # "1508. Department's ...", "70. Garrison Commander ...", "A-120:": a telegram's or a
        # paragraph's number opening it
        re.compile(r"^[ \t>*-]*(?:A[-–])?\d{1,4}[.:](?=\s)", re.M),
        # "Received at 1020", "1020 hours": the time a message came in, written as four digits
        re.compile(r"(?<![\w-])(?:[Rr]eceived|[Rr]ecd\.?)\s+(?:at\s+)?(?:[01]\d|2[0-3])[0-5]\d\b"),
        re.compile(r"(?<![\w-])(?:[01]\d|2[0-3])[0-5]\d\s*(?:hours|hrs\.?|GMT|local time)\b"),
        # "Approved For Release 2008/06/09", "Approved for Release a 50-Yr2013/05/01": when an
        # archive released its copy, no time the text tells of
        re.compile(r"(?i:approved\s+for\s+release)\b[^\n\d]{0,20}?(?:\d{2}-Yr\s*)?\d{4}/\d{1,2}/\d{1,2}"),
        # "Sydney Morning Herald (NSW : 1842 - 1954), Thursday 12 June 1947, page 1", "Dictionary
        # (New York: 1967-1969), Vol. 2, 58.": a paper's run or a book's imprint, a place and the
        # years it came out, as a masthead or a citation gives them (the day, a volume or a
        # page after it), no time the text tells of ("the republic (Kashgar: 1933-1934) fell" is one)
        re.compile(r"\((?:[A-Z][\w.'’]*[ \t]+){0,3}[A-Z][\w.'’]*[ \t]*:[ \t]*\d{4}[ \t]*[-–][ \t]*(?:\d{4}[ \t]*)?\)"
                   r"(?=,[ \t]*(?:[A-Z][a-z]+day\b|\d|[Vv]ol\b|[Vv]ols?\.|pp?\.|[Pp]age\b|[Nn]o\.))"),
    ]


_DIGITS = re.compile(r"\d+")
REACH = 80  # every archival number is a digit run with at most this many characters of words around it


def near_digits(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` within REACH characters of a digit, merged: the only places an
    archival number can be (prose between them is most of a document, and is skipped)."""
    out: list[list[int]] = []
    for m in _DIGITS.finditer(text):
        a, b = max(0, m.start() - REACH), min(len(text), m.end() + REACH)
        if out and a <= out[-1][1]:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def numbers(text: str, near: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of `text` that are archival numbers, where no date may be read, in order. `near`:
    `near_digits(text)`, if already worked out."""
    near = near if near is not None else near_digits(text)
    spans = [(m.start(), m.end()) for a, b in near for p in (*_patterns(), _reference()) for m in p.finditer(text, a, b)]
    spans.sort()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


@cache
def _document_ref() -> re.Pattern[str]:
    """A number that names another document, by the word before it ("mytel 150", "despatch 2",
    "airgram A-78") or its sender ("Department's 1113"), and the words that may lead from it to
    that document's date ("of", "dated")."""
    refs = trie_alternation({w.lower() for w in _rules()["references"]["documents"]})
    return re.compile(rf"(?:(?<![\w-])(?i:{refs})\.?\s+(?:[A-Z][-–])?|\b[A-Z][\w.]*['’]s\s+)(?<!\d)"
                      r"\d+(?:\s*(?:-|–|through|to|and)\s*\d+)?(?!\d)[ \t,]*(?:(?:of|dated)\s+)?")


def references(text: str, near: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of `text` that name another document by its number, to where a date right after
    them would start ("mytel 150 April 18": up to "April"): such a date is that document's, not
    the day of what the sentence states. In order."""
    pattern = _document_ref()
    return [(m.start(), m.end()) for a, b in (near or near_digits(text)) for m in pattern.finditer(text, a, b)]


_FILE_DATE = re.compile(r"\b\d{3}[A-Z]?\.[\dA-Z]+(?:\s+[A-Z][a-z]+)?/(\d{1,2})[\u2013\u2014-](\d{1,2})(\d{2})\b")
_RECEIVED = re.compile(r"\[?[Rr]eceived\s+(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?")


RECEIVED_LINE = 60  # characters of a line saying when a telegram came, at most


def received_line(line: str) -> bool:
    """Whether a line says when a telegram or a despatch was received ("[Received October 14.]");
    not a sentence that opens so ("Received Embtels 453, repeated AmEmb Canton 97, ...")."""
    line = line.strip()
    return len(line) <= RECEIVED_LINE and _RECEIVED.match(line) is not None


class Dated(NamedTuple):
    """The day a document's header dates it, where the header says so, and how."""

    point: Point
    start: int
    end: int
    basis: str  # "the file number", "received"


def document_date(text: str) -> tuple[Point, str] | None:
    """The day a document's header dates it, and the words that say so: a State Department file
    number ("761.93/11-2347" is 23 November 1947: month-day-year after the slash) or a line saying
    when it was received ("[Received November 17—4:02 p.m.]", its year from the file number)."""
    got = dated(text)
    return None if got is None else (got.point, f"{text[got.start:got.end].lstrip('[')} ({got.basis})")


@cache
def _record_date() -> re.Pattern[str]:
    """A record form's field whose value is the document's date ("Publication Date:\nNovember
    24, 1952"): the label, then the value on its line or the next."""
    labels = "|".join(map(re.escape, _rules()["record"]["date_fields"]))
    return re.compile(rf"^[ \t]*(?:{labels})[ \t]*:[ \t]*\n?[ \t]*(?P<value>[^\n]{{6,40}}?)[ \t]*$", re.M | re.I)


def _record_dated(text: str) -> Dated | None:
    """The day an archive's record form gives its document, where a date field of it says so."""
    from etr.dates.forms import scan  # the date grammar, only for a text with a record form

    for m in _record_date().finditer(text, 0, _rules()["record"]["within"]):
        raws = scan(m.group("value"))
        if len(raws) == 1 and raws[0].a is not None and raws[0].b is None and raws[0].relative is None:
            p = raws[0].a
            if p.year is not None and p.month is not None and p.day is not None \
                    and raws[0].end - raws[0].start == len(m.group("value")):
                return Dated(p, m.start("value"), m.end("value"), "the record's publication date")
    return None


def dated(text: str) -> Dated | None:
    """`document_date`, with where the header says it."""
    head = text[:HEAD_CHARS]
    filed = _FILE_DATE.search(head)
    if filed is not None:
        month, day, yy = int(filed.group(1)), int(filed.group(2)), int(filed.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return Dated(Point(1900 + yy, month, day), filed.start(), filed.end(), "the file number")
    recorded = _record_dated(text) if ":" in text[: _rules()["record"]["within"]] else None
    if recorded is not None:
        return recorded
    got = _RECEIVED.search(head)
    if got is not None and got.group("year"):
        try:
            month = month_number(got.group("month"))
        except KeyError:
            return None
        return Dated(Point(int(got.group("year")), month, int(got.group("day"))), got.start(), got.end(), "received")
    return None


# "smh-1947-06-13-troops.txt", "diary_1944_05_22.txt", "foreign_affairs_1946_07_mongolia.txt": a
# day or a month in a file's name, its parts apart (never "frus1947v07" or a serial "19470613")
_NAMED_DATE = re.compile(r"(?<![\dA-Za-z])(1[89]\d\d|20\d\d)([-_.])(0[1-9]|1[0-2])(?:\2(0[1-9]|[12]\d|3[01]))?(?!\d)")
# "frus1947v07_d469.txt", "frus1942China_d180.txt", "frus1934_stanton.txt": a volume of the Foreign
# Relations of the United States, as history.state.gov names it, whose documents are of its year;
# not "frus1952-54v14", which spans three
_VOLUME_YEAR = re.compile(r"(?<![A-Za-z])frus(1[89]\d\d|20\d\d)(?![\d\u2013-])", re.I)


def named_date(name: str) -> tuple[Point, str] | None:
    """The day (or the month) a file's name dates its document by, as researchers name clippings
    and diary pages, or the year of the Foreign Relations volume it is named by, and the words that
    say so; None if its name gives none, or more than one."""
    found = list(_NAMED_DATE.finditer(name))
    if not found:
        volume = list(_VOLUME_YEAR.finditer(name))
        if len(volume) == 1:  # a year alone, from the volume: the year of days the text states without one
            v = volume[0]
            return Point(int(v.group(1))), f"{v.group(0)} (the file name: the volume of {v.group(1)})"
    if len(found) != 1:
        return None
    m = found[0]
    year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4)) if m.group(4) else None
    if day is not None and day > calendar.monthrange(year, month)[1]:
        return None
    if day is None and month > year % 100:
        return None  # "revolution_1911-12": the years 1911-1912 as often as December 1911
    return Point(year, month, day), f"{m.group(0)} (the file name)"


_FROM_TO = re.compile(r"^(?P<whole>(?:The\s+)?(?P<office>[A-Z][^()\n]{2,80}?)\s*(?:\(\s*(?P<name>[A-Z][\w.'’ -]{1,40}?)\s*\)\s*)?"
                      r"\s+to\s+(?:the\s+)?(?P<to>[A-Z][^\n]{2,80}?))\s*\d*\s*$", re.M)


# "Memorandum by the Director of the Office of Far Eastern Affairs (Ballantine) to the Under
# Secretary of State (Acheson)", "Memorandum by the Ambassador in China (Gauss) of a Conversation
# With ...": a memorandum's writer, as FRUS heads one; after his name only the end of the line, a
# footnote's number, "to the ..." or "of a Conversation With ..." ("Report by the Central News
# Agency (Chungking) on the fighting" is a sentence)
_MEMO = re.compile(r"^(?P<whole>(?:Memorandum|Minutes|Note|Report|Aide-M[ée]moire)(?:\s+of\s+(?:a\s+)?Conversation)?,?\s+by\s+"
                   r"(?:the\s+)?(?P<office>[A-Z][^()\n]{2,80}?)\s*\(\s*(?P<name>[A-Z][\w.'’ -]{1,40}?)\s*\)"
                   r"(?:\d{1,3})?(?:\s+to\s+(?:the\s+)?(?P<to>[A-Z][^()\n]{2,80}?)(?:\s*\([^()\n]{1,40}\))?"
                   r"|\s+of\s+(?:a\s+)?Conversation\s+[Ww]ith\s[^\n]{2,120}?)?)(?:(?<=[\w)])\d{1,3})?[ \t]*$", re.M)
# "Memorandum by Mr. Horace H. Smith41": a writer named in full, no office in brackets; his title
# before, his office after ("Memorandum by Captain Roscoe E. Schuirmann of the Office of the Chief of
# Naval Operations")
_MEMO_BY = re.compile(r"^(?P<whole>(?:Memorandum|Minutes|Note|Report)(?:\s+of\s+(?:a\s+)?Conversation)?,?\s+by\s+"
                      r"(?:(?:Mr|Mrs|Dr|Sir|General|Colonel|Captain|Capt|Commander|Major|Lieutenant|Admiral|Professor)\.?\s+)?"
                      r"(?P<name>[A-Z][^\W\d_'’-]*(?:['’-][^\W\d_]+)*(?:\s+[A-Z]\.)*"
                      r"(?:\s+[A-Z][^\W\d_'’-]*(?:['’-][^\W\d_]+)*){1,3}))"
                      r"(?:(?<=[a-z])\d{1,3})?(?:\s+of\s+the\s+[A-Z][^\n()]{2,100}?)?[ \t]*$", re.M)
# what an editor writes in brackets after a title, not a writer: "(Translation)", "(Extract)"
_EDITORIAL = {"Translation", "Paraphrase", "Extract", "Excerpt", "Summary", "Telegram", "Copy", "Draft", "Text"}


_HEADER_SMALL = {"of", "the", "in", "at", "to", "and", "for", "on", "d'Affaires", "ad", "interim"}


class Header(NamedTuple):
    """Who wrote a document and to whom, as its header says ("The Consul at Tihwa (Paxton) to
    the Secretary of State")."""

    line: str  # the header line as written
    writer: str  # "Paxton" ("" when the header names only an office)
    start: int  # where the writer's name is (-1: nowhere)
    end: int
    office: str  # "Consul at Tihwa"
    to: str  # "Secretary of State"


def header(text: str) -> Header | None:
    """The writer and recipient a document's header names, if it names them."""
    m = _FROM_TO.search(text[:HEAD_CHARS])
    if m is not None and not _an_address(m):
        m = None  # prose ("The Government has protested to the ..."), not an address
    if m is None:
        m = _MEMO.search(text[:HEAD_CHARS])
        if m is not None and (len(m.group("office").split()) > 15 or m.group("name").strip() in _EDITORIAL
                              or _prose(m.group("office"))):
            m = None  # "Memorandum by the Chinese Ministry of Foreign Affairs (Translation)"
    if m is None:
        by = _MEMO_BY.search(text[:HEAD_CHARS])
        if by is None:
            return None
        name = by.group("name")
        return Header(" ".join(by.group("whole").split()), name, by.start("name"), by.start("name") + len(name), "", "")
    line = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", " ".join(m.group("whole").split())))
    if m.group("name") is None:  # "The Secretary of State to the Ambassador in China (Stuart)"
        return Header(line, "", -1, -1, m.group("office").strip(), m.group("to").strip())
    name = m.group("name").strip()
    return Header(line, name, m.start("name"), m.start("name") + len(name), m.group("office").strip(),
                  (m.group("to") or "").strip())


class Addressed(NamedTuple):
    """A person an address line names in brackets after his office, and where."""

    name: str
    start: int
    end: int
    office: str


_BRACKETED_TO = re.compile(r"\(\s*(?P<name>[A-Z][\w.'’ -]{1,40}?)\s*\)\s*$")  # "... Chargé in China (Atcheson)"


def addressed(text: str) -> list[Addressed]:
    """The persons every address line of a document names, its own header's and those of the
    documents it encloses or quotes ("[Enclosure] / The Second Secretary of Embassy in China
    (Drumright) to the Chargé in China (Atcheson)"): the writer and the recipient, each by the
    name in brackets after his office. A line of prose ("The Government has protested to the
    ...") is no address."""
    out = []
    for m in _FROM_TO.finditer(text):
        if not _an_address(m):
            continue
        if m.group("name") is not None and m.group("name").strip() not in _EDITORIAL:
            name = m.group("name").strip()
            out.append(Addressed(name, m.start("name"), m.start("name") + len(name), m.group("office").strip()))
        to = _BRACKETED_TO.search(m.group("to"))
        if to is not None and to.group("name").strip() not in _EDITORIAL:
            name = to.group("name").strip()
            at = m.start("to") + to.start("name")
            out.append(Addressed(name, at, at + len(name), m.group("to")[: to.start()].strip()))
    return out


def _an_address(m: re.Match[str]) -> bool:
    """Whether a line _FROM_TO matched is an address, not prose ("The Government has protested to
    the ..."): short, and no word in lower case outside its brackets that no address has."""
    whole = m.group("whole")
    return len(whole.split()) <= 25 and not _prose(re.sub(r"\([^)]*\)", " ", whole))


def _prose(words: str) -> bool:
    """Whether a header's words hold a word in lower case that no address has (a sentence's)."""
    return any(w[:1].islower() and w not in _HEADER_SMALL for w in words.split())


class Signature(NamedTuple):
    """The name a letter or despatch is signed with, and where it is."""

    name: str
    start: int
    end: int


@cache
def _signed() -> re.Pattern[str]:
    closes = "|".join(sorted((re.escape(c) for c in _rules()["signature"]["closes"]), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?i:{closes})[,.]?[ \t]*\n(?:[ \t]*\n)*(?:[ \t]*For the [A-Z][\w ]{{2,30}}:[ \t]*\n(?:[ \t]*\n)*)?"
                      rf"[ \t]*(?P<name>[A-Z][\w.'’]*(?:[ \t]+[A-Z][\w.'’-]*){{0,4}})[ \t]*$", re.M)


def signature(text: str, writer: str) -> Signature | None:
    """The signature after a letter's closing words ("Respectfully yours, / O. Edmund Clubb") when
    it is the full name of the writer its header names by surname ("(Clubb)"): a spelling of his
    name the document gives, which the header alone does not."""
    if not writer:
        return None
    last = writer.split()[-1].casefold()
    for m in _signed().finditer(text):
        name = m.group("name")
        words = name.split()
        if len(words) > 1 and words[-1].casefold() == last and name.casefold() != writer.casefold():
            return Signature(name, m.start("name"), m.end("name"))
    return None


_BYLINE = re.compile(r"^[ \t]*(?:By|BY|by)[ \t]+(?:(?:Mr|Mrs|Miss|Dr|Sir|Professor)\.?[ \t]+)?"
                     r"(?P<name>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){1,3}?)[.,]?[ \t]*(?:\(|$)"
                     # a title line that ends with its writer, an initial in the name: "Sinkiang Province by A. Doak Barnett"
                     # (read from the line's start: tried at every character, it cost a build 3 %)
                     r"|^[^\n]+\sby[ \t]+(?P<titled>(?:[A-Z][\w'’-]+[ \t]+)?[A-Z]\.(?:[ \t]+[A-Z][\w'’.-]*){1,2})[ \t]*$"
                     # a book's title page: "BY" on a line of its own, the name under it ("BY / SIR ERIC TEICHMAN")
                     r"|^[ \t]*(?:BY|By)[ \t]*\n(?:[ \t]*\n){0,3}[ \t]*(?:(?:SIR|Sir|MR|Mr|MRS|Mrs|DR|Dr|PROFESSOR|Professor)\.?[ \t]+)?"
                     r"(?P<paged>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){1,3})[ \t]*$",
                     re.M)
_NO_NAME = {"THE", "The", "OF", "of", "AND", "and", "SAME", "Same", "AUTHOR", "Author", "EDITOR", "Editor"}


def _under_a_title(text: str, m: re.Match[str]) -> bool:
    """Whether a byline in lower case ("by Mark Dickens") stands under a title, as a line of its own:
    no stop after the name, and the line before a short one that ends as a title does (not in a
    letter, a figure, a comma or a stop, which a sentence carried on to the next line would)."""
    if m.group(0).rstrip().endswith((".", ",")):
        return False
    before = text[: m.start()].rstrip()
    last = before[before.rfind("\n") + 1 :]
    return bool(last) and len(last.split()) <= TITLE_WORDS and not re.search(r"[a-z\d,.;:]$", last) \
        or bool(re.search(r"\d{4}$", last) and len(last.split()) <= TITLE_WORDS and last[:1].isupper()
                and not re.search(r"\b(?:of|in|on|since|from|until|by)\s+\S+$", last))


TITLE_WORDS = 15  # words of a title line a byline may stand under


def byline(text: str) -> Signature | None:
    """The writer a byline in a document's first lines names ("By Peter Fleming. (World Copyright
    Reserved.)"): the "I" of the article."""
    for m in _BYLINE.finditer(text, 0, HEAD_CHARS):
        if m.group("name") and text[m.start() : m.end()].lstrip().startswith("by") and not _under_a_title(text, m):
            continue  # "... in the spring of 1933\nby Ma Chung-ying." carries a sentence on
        if m.group("paged") and _NO_NAME.intersection(m.group("paged").split()):
            continue  # "BY / THE SAME AUTHOR"
        break
    else:
        return None
    group = "name" if m.group("name") else "titled" if m.group("titled") else "paged"
    name = m.group(group).rstrip(".")
    return Signature(name, m.start(group), m.start(group) + len(name))


_BOOK_BY = re.compile(r"^[^\n]{3,160}?,[ \t]+by[ \t]+(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}?)[ \t]*[.,;(]", re.M)
AUTHOR = re.compile(r"\b[Tt]he\s+author(?:['’]s)?\b(?!\s+of\b)")  # "the author's service", not "the author of the report"


def author(text: str) -> Signature | None:
    """Whom a document's "the author" is: in a review, the author of the book its first lines
    name ("Mountains of Tartary, by Eric Shipton. 224 pages", a title in capitals); else the
    writer its byline names."""
    for m in _BOOK_BY.finditer(text, 0, HEAD_CHARS):  # a review's book first: its byline is the reviewer's
        title = m.group(0)[: m.start("name") - m.start()].rsplit(",", 1)[0].split()
        if (len(m.group("name").split()) < 2 or not title or title[0].lower() in _NOT_A_TITLE
                or not all(w[:1].isupper() for w in title if w.isalpha() and w.lower() not in _TITLE_SMALL)):
            continue  # "Translated from the Russian, by ...", "Arrested at Yarkand in the spring of 1934, by ..."
        name = m.group("name").rstrip(".")
        return Signature(name, m.start("name"), m.start("name") + len(name))
    return byline(text)


_TITLE_SMALL = {"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "from", "with", "into", "over",
                "through", "under", "by", "or", "across", "beyond", "among"}  # lower case in a title
_NOT_A_TITLE = {"translated", "edited", "compiled", "introduced", "illustrated", "revised", "abridged", "arranged"}


LABEL_CHARS = 24  # a source's short label, as a table column shows it


def naming(text: str, fallback: str) -> tuple[str, str]:
    """How a historian would cite a document without metadata, and a short label for tables:
    a telegram by its header and date ("The Consul at Tihwa (Paxton) to the Secretary of State,
    16 November 1947 (893.00 Sinkiang/11-1647)", label "Paxton 1947-11-16"); a press cutting by
    its headline and masthead ("China Protests To Soviet, Sydney Morning Herald, Thursday 12 June
    1947, page 1", label "Sydney Morning Herald 1947-06-12"); anything else by its heading lines
    ("Chapter XV: An Historical Sketch of Chinese Turkestan")."""
    from etr.ingest.sentences import head_lines

    head = header(text)
    dated = document_date(text)
    lines = head_lines(text)
    when = dated[0].value() if dated is not None else ""
    if head is not None:
        filed = _FILE_DATE.search(text[:HEAD_CHARS]) or re.search(r"\b\d{3}\.[\dA-Z]+[^\s:]*", text[:HEAD_CHARS])
        title = head.line + (f", {_day_words(dated[0])}" if dated else "") + (f" ({filed.group(0)})" if filed else "")
        who = head.writer.split()[-1] if head.writer else head.office.split()[0]
        return title, _label(f"{_cut_words(who, LABEL_CHARS - len(when) - 1)} {when}".strip())
    if not lines:
        return fallback, _label(fallback)
    headlines = [x for x in lines if not _DATE_IN_LINE.search(x)]
    datelines = [x for x in lines if _DATE_IN_LINE.search(x)]
    title = ", ".join(_ordinary(x) for x in headlines + datelines)[:160]
    if datelines and headlines:
        masthead = re.split(r"\s*[(,]", datelines[0])[0]
        day = _first_date(datelines[0])
        if len(masthead) + 1 + len(day) > LABEL_CHARS:  # "Sydney Morning Herald" as "SMH"
            masthead = "".join(w[0] for w in masthead.split() if w[:1].isupper())
        return title, _label(f"{masthead} {day}".strip())
    day = _first_date(title) or ""
    words = _ordinary(headlines[0] if headlines else title)
    return title, _label(_cut_words(words, LABEL_CHARS - len(day) - 1) + (f" {day}" if day else ""))


_DATE_IN_LINE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def _first_date(line: str) -> str:
    from etr.dates.forms import scan

    for raw in scan(line):
        if raw.a is not None and raw.a.year is not None and raw.b is None and raw.relative is None:
            return raw.a.value()
    return ""


def _day_words(p: Point) -> str:
    months = ("January February March April May June July August September October November December").split()
    return f"{p.day} {months[(p.month or 1) - 1]} {p.year}" if p.day else p.value()


def _ordinary(line: str) -> str:
    """A heading in capitals in ordinary case ("CHAPTER XV" stays, "AN HISTORICAL SKETCH" is
    "An Historical Sketch"); one in ordinary case as it is."""
    if not line.isupper():
        return line
    return re.sub(r"[A-Z][A-Z'’]+", lambda m: m.group(0) if re.fullmatch(r"[IVXLC]+", m.group(0)) else
                  m.group(0)[0] + m.group(0)[1:].lower(), line)


def _cut_words(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text[: n + 1].rsplit(" ", 1)[0].rstrip(",;:(")
    return cut if cut else text[:n]


def _label(text: str) -> str:
    return _cut_words(" ".join(text.split()), LABEL_CHARS)


FIRST_PERSON = re.compile(r"\b(?:me|my|myself)\b|(?<![\w.-])I(?=\s+[a-z])")  # "On May 1 he gave me copies"


@cache
def _year_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _rules()["years"]["before"])
    return re.compile(rf"(?:^|[^\w])(?:{words})\s+$", re.I)


def says_year_in_words(text: str, start: int) -> bool:
    """Whether the number at `start` is introduced as a year ("in 1754", "the year 1640",
    "A.D. 1200"), for years long before a document's own time."""
    return _year_words().search(text[max(0, start - 16) : start]) is not None


EARLIEST = 1800  # a year before this is a year only where the text says so in words
