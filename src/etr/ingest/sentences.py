"""A document's structure: sections, content paragraphs and sentences, with offsets, and the
title a document without metadata is known by.

Offsets are Python str indexes into the document's text, so that `text[start:end] == quote`
holds for every citation. Web-page furniture (navigation, image captions, author and programme
blurbs) is recognised and never yields a sentence. Imports etr.model and etr.rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from etr import rules
from etr.model import Section, Sentence

HEADING = re.compile(r"^(=+)\s*(.*?)\s*\1\s*$")
LEAD = "Lead"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    section: str


@dataclass(frozen=True)
class Document:
    source: str
    text: str
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    # sentences too long to be one (OCR output with no full stop), read in parts: (start, end, parts)
    splits: tuple[tuple[int, int, int], ...] = ()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the line break."""
    out = []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append((pos, m.start()))
        pos = m.end()
    if pos <= len(text):
        out.append((pos, len(text)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@cache
def _furniture() -> tuple[frozenset[str], tuple[str, ...], int, tuple[str, ...], frozenset[str]]:
    cfg = rules.load("text")
    stray = cfg["furniture"]
    return (frozenset(s.lower() for s in stray["lines"]), tuple(s.lower() for s in stray["suffixes"]),
            int(stray["max_stray_words"]), tuple(s.lower() for s in cfg["infobox"]["other_names"]),
            frozenset(stray["field_labels"]))


def _is_furniture(line: str, after_colon: bool) -> bool:
    lines, suffixes, max_stray, other_names, field_labels = _furniture()
    low = line.strip().lower()
    if low in lines:
        return True
    if any(low.startswith(label) and len(low) > len(label) + 1 for label in other_names):
        return False  # an infobox's "Nickname(s)Mahmut Shizhang": its subject's other name
    if _glued_labels(line) or life_field(line):
        return False  # an infobox's field run into its value ("BornKhotan, Qing dynasty") says something, "Born Gansu" too
    if low.endswith(suffixes) and (len(low.split()) <= 6 or low.endswith("read more")):
        return True
    if _ROUTING.fullmatch(line.strip()) and not _MONTH.search(line):
        return True  # "Sent Tihwa 12; repeated Chungking 7, Office Embassy Canton 24.": where a telegram went
    if after_colon:
        return False
    words = low.split()
    if re.search(r"\d", low):  # a dateline ("November 20, 1944") is content
        return False
    field = _FIELD_LINE.match(line)
    if field is not None and field.group(1) not in field_labels:
        return False  # an infobox's field and its value ("- Result: Communist victory") says something
    return len(words) <= max_stray and not re.search(r"[.!?:;\"”)]$", low)


# a telegram's routing line: whom it was sent and repeated to, under which numbers, and nothing
# else ("Sent Department 85; repeated Nanking 82, Tihwa 2.", "Repeated to Moscow."); a line that
# names a day ("Sent Dept 880, May 29, 9 a.m.") dates the telegram and is kept
# (atomic groups and possessive runs: a line of initials, "Sent A.B.C.D. ...", costs its length)
_ROUTING = re.compile(r"\(?(?:Sent|Repeated|Repeat|Rptd)\b(?>[\s,;.:]++(?>(?:to|the|as|and|or|please|repeated|repeat"
                      r"|rptd)\b|Nos?\.|[A-Z][\w'’-]*+\.?|[A-Z]?-?\d++))*+[\s.)]*+")
_FIELD_LINE = re.compile(r"\s*[-•*]?\s*([A-Z]\w*(?: [A-Za-z]\w*){0,2}):\s+[\w(]")  # "- Result: Communist victory"
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?")
_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]")
_RUNS_ON = re.compile(r"[\"“‘'(\[]?[a-z]")  # a line that opens in lower case carries on the one before
# the backlink a copied encyclopedia page prints before each of its references, after the
# reference's number: "1. ^ AP (1 February 1934).", "^ a b Forbes (1986)", "↑ Taipov ..."
_BACKLINK = re.compile(r"(?:\d{1,3}[.)]\s+)?[\^↑](?:\s|$)")
# a scanned book's running head as a library's viewer prints it over each page, its volume and
# page: "History of the Expedition in Asia, 1927-1935 : vol.3 / Page 108", "... / Page 285 (Color
# Image)": no statement (the years of its title are no event); the document's title reads it.
# Only that form: prose ending in a citation ("..., Hedin, vol. 2, p. 14") is prose
_RUNNING_HEAD = re.compile(r"[^\n]{3,160}?\s:\s*[Vv]ol\.\s*\d+\s*/\s*Page\s*\d+(?:\s*\([^()\n]{1,30}\))?")
_PAGE_MARK = re.compile(r"\[\s*(?:Page|p\.)\s*\d+\s*\]$", re.I)  # "[Page 807]" inside a wrapped paragraph
_SMALL_WORDS = frozenset("the of to and a an in on at by for with from or as that".split())  # no line ends a paragraph so
_LIST_ITEM = re.compile(r"(?:[-*•]\s|\d{1,3}[.)]\s)")


@cache
def _glued_label() -> re.Pattern[str]:
    labels = "|".join(sorted(map(re.escape, rules.load("text")["infobox"]["glued"]), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?:{labels})(?=\w)", re.M)


GLUED = "\u2060"  # what a label run into its value is read as: no letter, no space (a word joiner)


def _glued_labels(text: str) -> list[tuple[int, int]]:
    """Where infobox labels run into their values (a capital or a figure right after the label)."""
    return [m.span() for m in _glued_label().finditer(text) if text[m.end()].isupper() or text[m.end()].isdigit()]


def unglued(text: str) -> str:
    """`text` with each infobox label that a copied page runs into its value ("BornKhotan",
    "Political partyFlag of ...", "BornÜrümqi"; rules/text.toml [infobox] glued) made word
    joiners (GLUED), offsets kept: what names and search words are read from, so that "Khotan" is
    found, "BornKhotan" is no name, and "RankColonel" on the line above is no title of the value
    ("Colonel / Battles/warsCherchen"). The text itself, which citations quote, is unchanged."""
    spans = _glued_labels(text)
    if not spans:
        return text
    out, at = [], 0
    for a, b in spans:
        out += [text[at:a], GLUED * (b - a)]
        at = b
    return "".join(out) + text[at:]


@cache
def _rendered_fields() -> tuple[frozenset[str], tuple[str, ...]]:
    """A rendered infobox's "In office" lines, and the openings of the lines that follow an office."""
    cfg = rules.load("text")["infobox"]
    return frozenset(cfg["rendered_term"]), tuple(f + " " for f in cfg["rendered_fields"])


def _rendered_offices(text: str, lines: list[tuple[int, int]]) -> dict[int, int]:
    """The offices of an infobox as a web page shows it, start -> end: a short line naming the
    office, "In office", a line with the term's dates, and the lines after it saying who came
    before and after ("Preceded by Yang Zengxin"), read as one statement."""
    terms, fields = _rendered_fields()
    filled = [(i, *_trim(text, a, b)) for i, (a, b) in enumerate(lines)]
    out: dict[int, int] = {}
    for n, (i, s, e) in enumerate(filled):
        if text[s:e] not in terms or n == 0 or n + 1 >= len(filled):
            continue
        (pi, ps, pe), (ni, ns, ne) = filled[n - 1], filled[n + 1]
        office = text[ps:pe]
        if pi != i - 1 or ni != i + 1 or ps == pe or not re.search(r"\d", text[ns:ne]) \
                or office.endswith((".", ":", ";")) or len(office) > 120 or office.startswith(("- ", "* ")):
            continue
        end, k = ne, n + 2
        while k < len(filled) and filled[k][0] == filled[k - 1][0] + 1 and text[filled[k][1] : filled[k][2]].startswith(fields):
            end, k = filled[k][2], k + 1
        out[ps] = end
    return out


@cache
def _life_field() -> re.Pattern[str]:
    labels = "|".join(map(re.escape, rules.load("text")["infobox"]["life"]))
    return re.compile(rf"[ \t]*(?:{labels})[ \t]*(?:\|[ \t]*)?(?=[A-Z\d(\u3400-\u9fff])")  # "Died | August 09,1933 Kashgar |"


LIFE_LINE = 100  # characters: a longer line opening with "Born" is prose ("Born 15 April 1914 in Ghulja, ... he went")


def life_field(line: str) -> bool:
    """Whether a statement opens with an infobox's birth or death field as a page shows it
    ("Born 15 April 1914", "Died 1998 (aged 85–86)", "BornKhotan, Qing dynasty"; rules/text.toml
    [infobox] life): its first line the label and a value, short, with no full stop."""
    first = line.split("\n", 1)[0].rstrip()
    return len(first) <= LIFE_LINE and not first.endswith(".") and _life_field().match(first) is not None


_PLACE_LINE = re.compile(r"[^\W\d_][^\d:;|=<>\[\]{}]*[^\W\d_?.)\s]?[ ?]*")


def _place_line(line: str) -> bool:
    """Whether a line is the place an infobox's birth or death field gives on the line under its
    date ("Nilka, Xinjiang, China", "Republic of China", "Moscow, Russia ?"): capitalised words,
    a comma or two of them, no figure, no field's label ("Nationality Salar", "Allegiance China")."""
    words = line.split()
    if not (0 < len(words) <= 8) or not line[:1].isupper() or _PLACE_LINE.fullmatch(line) is None:
        return False
    if line.endswith((".", ":", ";")) or any("\u3400" <= ch <= "\u9fff" for ch in line):
        return False
    if _labels_opening(words) or _glued_labels(line):
        return False  # "Nationality Salar"; "ProfessionPolitician, poet", "RelationsMa Zhongying (half-brother)"
    return "," in line or sum(w[:1].isupper() for w in words) >= 2


def _labels_opening(words: list[str]) -> list[int]:
    """How many of a line's first words make a field's label, for each label that opens it (one,
    two or three words: "Nationality", "Political party", "Years of service")."""
    labels = _field_labels()
    return [n for n in (1, 2, 3) if n <= len(words) and " ".join(words[:n]) in labels]


@cache
def _field_labels() -> frozenset[str]:
    """The labels an infobox's fields open with (rules/text.toml [infobox] glued, rules/names.toml [peoples] labels)."""
    return frozenset([*rules.load("text")["infobox"]["glued"], *rules.load("names")["peoples"]["labels"]])


def _rendered_lives(text: str, lines: list[tuple[int, int]]) -> dict[int, int]:
    """An infobox's birth or death as a web page shows it, start -> end: the field with its date
    and, on the line under it, the place ("Born November 11, 1922 / Nilka, Xinjiang, China"),
    read as one statement, so that the place is named by the birth it is the place of."""
    out: dict[int, int] = {}
    for n in range(len(lines) - 1):
        s, e = _trim(text, *lines[n])
        ns, ne = _trim(text, *lines[n + 1])
        if s < e and ns < ne and life_field(text[s:e]) and not life_field(text[ns:ne]) and "?" not in text[s:e] \
                and _place_line(text[ns:ne]) and HEADING.match(text[ns:ne]) is None:  # not "Born1874?": two sentences
            out[s] = ne
    return out


def wrap_width(text: str) -> int | None:
    """The margin a hard-wrapped text was broken at (a book from Project Gutenberg, a typed
    despatch, a PDF's text layer: a paragraph runs over several lines), or None when each line is
    a paragraph of its own. Wrapped: at least a tenth of the lines (and three) carry on a line
    that did not end a sentence, and nine lines in ten are at most 120 characters long."""
    lines = text.splitlines()
    filled = [ln for ln in lines if ln.strip()]
    if len(filled) < 8:
        return None
    runs_on = sum(1 for a, b in zip(lines, lines[1:], strict=False)
                  if a.strip() and _RUNS_ON.match(b.lstrip()) and not a.rstrip().endswith(_ENDS))
    if runs_on < max(3, len(filled) // 10):
        return None
    lengths = sorted(len(ln.rstrip()) for ln in filled)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width <= 120 else None


def _runs_on(before: str, line: str, width: int) -> bool:
    """Whether `line` carries on the paragraph whose last line is `before`, in a text wrapped at
    `width`: it opens in lower case; or `before` reached the margin without ending a sentence
    ("... a rapprochement between General Sheng" / "and the Soviet Union") or stopped at a small word
    ("The Consul at Tihwa (Smith) to the" / "Secretary of State"), or reached it at a full
    stop (a paragraph ends on a short line); or a date broken after its comma ("Chungking, August
    17," / "1944.")."""
    if HEADING.match(line) or _LIST_ITEM.match(line):
        return False
    if _RUNS_ON.match(line):
        return True
    full = len(before) >= 0.6 * width
    if not before.endswith(_ENDS):
        last = before.rsplit(None, 1)[-1].lower()
        return full or last in _SMALL_WORDS or (before.endswith(",") and line[:1].isdigit())
    return len(before) >= 0.85 * width and before.endswith((".", ";", ",")) and line[:1].isupper()


_FIELD = re.compile(r"(?P<label>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*?)(?P<n>\d*)\s*:\s*\S")


@cache
def _office_fields() -> tuple[frozenset[str], frozenset[str]]:
    """The infobox's office field names, and those of the fields that belong to an office."""
    r = rules.load("text")["infobox"]
    return frozenset(r["office"]), frozenset(r["fields"])


# a line that reads as a heading: a few capitalised words, no figure, no stop, no list's mark
_PLAIN_HEADING = re.compile(r"[A-Z][^\d.,;:!?\[\]()^↑•*|]{0,60}[^\W\d_]")
_EDIT_LINK = re.compile(r"\s*\[edit\]\s*$")  # a copied page's heading with its edit link: "References[edit]"


def read_document(source: str, text: str, keep: frozenset[int] = frozenset()) -> Document:
    """Sections, content paragraphs and sentences of `text`, furniture left out; `keep`: where
    lines begin that are content though they look like furniture (a despatch's signature that
    spells out its writer's name, etr.ingest.archival.signature)."""
    cfg = rules.load("text")
    skip_sections = {s.lower() for s in cfg["sections"]["skip"]}
    tail_markers = {s.lower() for s in cfg["furniture"]["tail_markers"]}
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    section = LEAD
    sec_start, sec_level = 0, 0
    in_list = False
    office: tuple[str] | None = None  # the number of the infobox's office whose fields follow
    width = wrap_width(text)  # a hard-wrapped text's margin: its lines run on into paragraphs
    prose = ""  # the last line of the paragraph a wrapped line may carry on ("" when none may)
    lines = _lines(text)
    offices = _rendered_offices(text, lines)  # a web page's "Governor of Xinjiang / In office / ..."
    offices.update(_rendered_lives(text, lines))  # and its "Born November 11, 1922 / Nilka, Xinjiang, China"
    form = _record_form(text, lines)  # an archive's record form before the document: no statement
    until = -1
    for start, end in lines:
        if start < until:
            continue  # a line of an office already read with it
        s, e = _trim(text, start, end)
        if s == e:
            prose = ""
            continue
        if s in form:
            prose = ""
            continue
        if s in offices:
            until = offices[s]
            paragraphs.append(Paragraph(s, until, section))
            prose = ""
            continue
        line = text[s:e]
        m = HEADING.match(line)
        bare = _EDIT_LINK.sub("", line) if m is None and line[:1].isupper() and not line.isupper() else ""
        if m or bare.lower() in skip_sections:
            # "References" alone on its line: a copied page's heading (not a form's "REFERENCES" field)
            if sections or s > 0:
                sections.append(Section(section, sec_level, sec_start, s))
            section, sec_level, sec_start = (m.group(2) or LEAD, len(m.group(1)), s) if m else (bare, 0, s)
            in_list = False
            prose = ""
            continue
        if line.lower() in tail_markers:
            break
        if section.lower() in skip_sections:
            if sec_level == 0 and _PLAIN_HEADING.fullmatch(line):
                # "References" on a line of its own ends at the next line that reads as a heading
                # ("Meaning of Chini-Bagh"; "INTRODUCTION" after a contents list's "BIBLIOGRAPHY")
                sections.append(Section(section, sec_level, sec_start, s))
                section, sec_level, sec_start = line, 0, s
                prose = ""
            continue
        if prose and width and (_PAGE_MARK.match(line) or _runs_on(prose, line, width)):
            paragraphs[-1] = Paragraph(paragraphs[-1].start, e, section)
            if not _PAGE_MARK.match(line):
                prose = line
            continue
        if (paragraphs and line[:1].islower() and not line.startswith(("- ", "* ")) and section == paragraphs[-1].section
                and _BROKEN_AT_END.search(text, max(paragraphs[-1].start, paragraphs[-1].end - 2), paragraphs[-1].end)):
            # "... als „Sinkiang“ (Neue Provinz) be-" / (blank line) / "zeichnet, mit einer Fläche
            # ...": a word a PDF's page or column broke, the paragraph going on after the gap
            paragraphs[-1] = Paragraph(paragraphs[-1].start, e, section)
            prose = line
            continue
        if (_is_furniture(line, in_list) or _BACKLINK.match(line) or _RUNNING_HEAD.fullmatch(line)) and s not in keep:
            # ("1. ^ Andrew D. W. Forbes (1986). Warlords and Muslims ...": a reference; "History of
            # the Expedition in Asia, 1927-1935 : vol.3 / Page 108": a scan's running head)
            continue
        if line.startswith(("- ", "* ", "• ")):
            s += 2
            field = _FIELD.match(line, 2)
            if field is not None and office is not None and paragraphs and field.group("n") == office[0] \
                    and field.group("label") in _office_fields()[1] and not in_list:
                paragraphs[-1] = Paragraph(paragraphs[-1].start, e, section)  # the office's term, its predecessor ...
                continue
            office = ((field.group("n"),) if field is not None and field.group("label") in _office_fields()[0]
                      else None)
            prose = ""
        else:
            office = None
            prose = line
        paragraphs.append(Paragraph(s, e, section))
        in_list = line.endswith(":") or (in_list and not re.search(r"[.!?]$", line))
    sections.append(Section(section, sec_level, sec_start, len(text)))
    if len(paragraphs) >= 2 and _headed_by_its_date(text, paragraphs[0], paragraphs[1]):
        # "May 10, 1942" over "Letter from Governor Sheng Shicai to Cdes. Stalin, ...": the
        # document's own heading, dated, is one statement (the letter's, of that day)
        paragraphs[:2] = [Paragraph(paragraphs[0].start, paragraphs[1].end, paragraphs[1].section)]
    splits: list[tuple[int, int, int]] = []
    sentences = [
        Sentence(source, p.section, i, a, b, text[a:b])
        for i, p in enumerate(paragraphs)
        for a, b in capped(text, split_sentences(text, p.start, p.end), splits)
    ]
    return Document(source, text, tuple(sections), tuple(paragraphs), tuple(sentences), tuple(splits))


_FORM_LABEL = re.compile(r"[A-Z][\w()/&.'’-]*(?:[ \t]+[\w()/&.'’-]+){0,5}[ \t]*:")  # "Document Release Date:"
FORM_LABELS = 3  # labels in a run, at least, that make a record form
FORM_VALUE_WORDS = 8  # a field's value on the line under its label: at most this many words


def _record_form(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Where the lines of an archive's record form begin, as a reading room prints one before the
    document ("Document Number (FOIA) /ESDN (CREST):", "CIA-RDP82-...", "Release Decision:",
    "RIPPUB", ...): a run of FORM_LABELS or more labels alone on their lines, each over at most one
    short line of value, two of the labels with a record's word (rules/archival.toml [record]
    form_words). Its dates are the archive's; the document's own is read by
    etr.ingest.archival.dated."""
    words, within = _form_words()
    out: set[int] = set()
    run: list[int] = []
    labels: set[str] = set()  # the labels, less their numbers ("Document 1:", "Document 2:" are one)
    recorded = 0
    after_label = False

    def close() -> None:
        if len(labels) >= FORM_LABELS and recorded >= 2:
            out.update(run)

    for start, end in lines:
        if start >= within and not run:
            break  # a form stands before the document, in its first lines
        s, e = _trim(text, start, end)
        line = text[s:e]
        if s == e:
            close()
            run, labels, recorded, after_label = [], set(), 0, False
        elif _FORM_LABEL.fullmatch(line):
            run.append(s)
            label = re.findall(r"[^\W\d_]+", line.lower())
            recorded += " ".join(label) not in labels and bool(words & set(label))
            labels.add(" ".join(label))
            after_label = True
        elif after_label and len(line.split()) <= FORM_VALUE_WORDS and not line.endswith(":"):
            run.append(s)
            after_label = False
        else:
            close()
            run, labels, recorded, after_label = [], set(), 0, False
    close()
    return out


@cache
def _form_words() -> tuple[frozenset[str], int]:
    """A record form's words (lower case), and how far into a document a form may begin."""
    record = rules.load("archival")["record"]
    return frozenset(w.lower() for w in record["form_words"]), int(record["within"])


@cache
def _document_heading() -> re.Pattern[str]:
    """A document's heading naming what it is: "Letter from ...", "Ciphered Telegram No. 32616
    from ...", "Record of a Conversation between ..."."""
    cfg = rules.load("text")["heading"]
    kinds = "|".join(sorted(map(re.escape, cfg["document_kinds"]), key=len, reverse=True))
    adjectives = "|".join(sorted(map(re.escape, cfg["kind_adjectives"]), key=len, reverse=True))
    return re.compile(rf"(?:(?:{adjectives})\s+){{0,2}}(?:{kinds})\b(?![-'’])")


_LONE_DATE = re.compile(
    r"(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d\d-\d\d)\.?")
HEADING_LONGEST = 300  # characters: a heading longer than this is prose


def _headed_by_its_date(text: str, date: Paragraph, heading: Paragraph) -> bool:
    """Whether a document opens with a date alone ("May 10, 1942") and, under it, a heading
    naming the document ("Letter from ... to ...")."""
    line = text[date.start : date.end]
    head = text[heading.start : heading.end]
    return (date.section == heading.section and _LONE_DATE.fullmatch(line) is not None
            and "\n" not in head and len(head) <= HEADING_LONGEST and not head.endswith(".")
            and _document_heading().match(head) is not None)


#: the longest sentence etr reads as one, in characters: the longest in the seeds and the real
#: corpus is 686; a longer one is OCR output or a list with no full stop, and reading it whole
#: costs time out of proportion (each date in it an event quoting all of it)
MAX_SENTENCE = 2000
_SOFT_BREAK = re.compile(r"[,;:)\]](?=\s)|\s[-–—]\s")


def capped(text: str, spans: list[tuple[int, int]], splits: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """`spans` with each sentence longer than MAX_SENTENCE cut into parts of at most that length,
    at the last comma, semicolon or dash of a part's last quarter, else at its last space (a
    word longer than a part is cut where the part ends); each cut sentence noted in `splits`."""
    if all(e - s <= MAX_SENTENCE for s, e in spans):
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if e - s <= MAX_SENTENCE:
            out.append((s, e))
            continue
        parts = 0
        a = s
        while e - a > MAX_SENTENCE:
            limit = a + MAX_SENTENCE
            cut = None
            for m in _SOFT_BREAK.finditer(text, limit - MAX_SENTENCE // 4, limit):
                cut = m.end() if not m.group().isspace() and m.group()[0] in ",;:)]" else m.start()
            if cut is None:
                space = max(text.rfind(" ", a + MAX_SENTENCE // 2, limit), text.rfind("\n", a + MAX_SENTENCE // 2, limit))
                cut = space if space > a else limit
            x, y = _trim(text, a, cut)
            if x < y:
                out.append((x, y))
                parts += 1
            a = cut
        x, y = _trim(text, a, e)
        if x < y:
            out.append((x, y))
            parts += 1
        splits.append((s, e, parts))
    return out


_BEFORE_NUMBER = {"no", "nos", "p", "pp", "vol", "art"}
# a sentence's end: its stop, closing quotes and brackets, and the footnote marks an encyclopedia
# puts after it ("... in western Xinjiang.[2] Shortly after ...", "...[3][4]", "...[a]")
# and the footnote's number a printed edition puts after a word's stop ("... as soon as
# practicable.42 Yesterday, ...": Foreign Relations as history.state.gov gives it)
# (or after a month's day: "Embassy’s despatch 1580, September 16.71 Telegram of October 15 ...")
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\.?(?:\[(?:\d{1,3}|[a-z]|note \d+)\])*(?:(?<=[a-z)”\d][.])\d{1,2})?(?=\s+)")
_MONTH_DAY = re.compile(r",\s+([A-Z][A-Za-z]*)\.?\s+\d{1,2}$")  # ", September 16" (a reference's day), before its stop
_OPENERS = "\"“‘'([("


@cache
def reference_words() -> frozenset[str]:
    """The words before a document's, a page's or a part's number (rules/archival.toml)."""
    return frozenset(rules.load("archival")["references"]["words"])


@cache
def month_words() -> frozenset[str]:
    """The months' names and their short forms (rules/dates.toml), as written and in capitals."""
    d = rules.load("dates")
    words = [*d["months"], *d["month_abbreviations"]]
    return frozenset([*words, *(w.upper() for w in words)])


def _day_with_its_stop(text: str, day: int, month: int) -> bool:
    """Whether the figures at `day`, with the stop after them, are a day before the month's name at
    `month`, as German and Scandinavian texts write one (etr.dates.forms reads it so): after a word
    of rules/dates.toml [day_stop] ("am 12. April"), or before a month no English text writes and
    its year ("12. Oktober 1984"); not a count or a list's number before a new sentence ("killed
    12. April brought ...", "wounded 20. June 5 Osman withdrew")."""
    d = rules.load("dates")
    name = _WORD_AT.match(text, month)
    if name is None:
        return False
    before = text[max(0, day - 6) : day].split()
    if before and before[-1].lstrip("(") in d["day_stop"]["before"] and name.group(0) in _months_cased():
        return not re.match(r"\s+\d{1,2}\b", text[name.end() : name.end() + 4])
    return name.group(0).lower() in _foreign_months() and re.match(r",?\s+\d{4}\b", text[name.end() : name.end() + 7]) is not None


@cache
def _months_cased() -> frozenset[str]:
    """The months' names, English and the other languages', as written and capitalised."""
    d = rules.load("dates")
    return frozenset(f for w in (*d["months"], *d["months_beside_a_number"]) for f in (w, w[:1].upper() + w[1:]))


@cache
def _foreign_months() -> frozenset[str]:
    return frozenset(w.lower() for w in rules.load("dates")["months_beside_a_number"])


_WORD_AT = re.compile(r"[^\W\d_]+")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(t.lower() for t in rules.load("text")["abbreviations"]["tokens"])


@cache
def _after_numbers() -> frozenset[str]:
    return frozenset(rules.load("text")["abbreviations"]["after_numbers"])


_NUMBER_BEFORE = re.compile(r"\d+(?:[-–]\d+)?(?:-[а-я]+)?\s*$")  # "1944 г.", "1946-1947 гг.", "1930-х гг.", "100 р."
# a Russian verb in the past or the present ("началось", "вышла", "прибыли", "стоит"): a sentence
# that holds one may end at a year's "г."
_RUSSIAN_VERB = re.compile(r"[а-яё]{2,}(?:лся|лась|лось|лись|л|ла|ло|ли|ется|ится|ются|ятся|ет|ит|ут|ют|ат|ят)(?![а-яё])")
_LAST_TOKEN = re.compile(r"[\w.]+$")
# a date in figures with a space after each stop ("16. 5. 1935", "11. 11. 2011"; etr.dates.forms)
_DAY_MONTH_YEAR = re.compile(r"(?<![\d./])(?:3[01]|[12]\d|0?[1-9])\. ?(?:0?[1-9]|1[0-2])\. ?(?:1[6-9]\d\d|20\d\d)(?!\d)")
_BROKEN_AT_END = re.compile(r"(?<=[^\W\d_])[a-zäöüßа-яё]-$")  # a paragraph that ends inside a word ("be-"): its last 2 characters read
_QUOTATION_OPENERS = "“„«"  # marks that only open a quotation (a straight quote closes one too: "'44.")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], surviving abbreviations, initials and quotations."""
    abbrevs = _abbreviations()
    spans: list[tuple[int, int]] = []
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        ch = text[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in _OPENERS):
            continue
        if ch in _OPENERS and nxt + 1 < end and text[nxt + 1].islower():
            continue
        if text[m.start()] == "." and ch.isdigit() and any(
                d.start() < m.start() < d.end() for d in _DAY_MONTH_YEAR.finditer(text, max(sent_start, m.start() - 8), nxt + 8)):
            continue  # inside a date in figures with spaces: "Turan 11. 11. 2011 günü vefat etmiştir"
        if text[m.start()] == ".":
            # the word before the full stop (no abbreviation is longer than 60 characters)
            word = _LAST_TOKEN.search(text, max(sent_start, m.start() - 60), m.start())
            token = word.group(0) if word else ""
            if len(token) == 1 and token.isupper():
                continue  # an initial ("N. PETROV"), "7 P. M."
            if token.lower() in _BEFORE_NUMBER and not ch.isdigit():
                pass  # "No." ends a sentence unless a number follows ("No. 5")
            elif token.lower() in abbrevs and not (
                    token.lower() in _after_numbers()
                    and (number := _NUMBER_BEFORE.search(text, max(sent_start, m.start() - 16), m.start() - len(token)))
                    and _RUSSIAN_VERB.search(text, sent_start, number.start())):
                continue  # (a sentence's verb, then its year: "... началось в ноябре 1944 г." ends it;
                # "В 1946-1947 гг. Коалиционное правительство ..." opens one)
            if text[m.start() - 1].isdigit() and text[m.start() + 1 : m.end()].isdigit():
                day = _MONTH_DAY.search(text, max(sent_start, m.start() - 18), m.start())
                if day is None or day.group(1) not in month_words() or (
                        text.count("(", sent_start, m.start()) > text.count(")", sent_start, m.start())):
                    continue  # "3.14 Million": a number's decimals; "(Embtel 843, May 22.10 This ...)": inside a bracket
            elif text[m.start() + 1 : m.end()].isdigit() and word is not None and word.end() == m.start() and (
                    token.lower() in _BEFORE_NUMBER or len(token) <= 2
                    or (len(token) <= 4 and token.lower() in reference_words())):
                continue  # "Army No.5 Division", "Rs.50 Chinese", "in Doc.12 Article 4": a number, no footnote's
            if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
                # U.S, U.S.S.R; and a time of day, which in a telegram's reference opens what it
                # dates ("Kuibyshev's 287, March 26, 8 p.m. In conversation yesterday Mr. Wu ...")
                continue
            if token.isdecimal() and len(token) <= 2 and word is not None and word.start() > 0 \
                    and text[word.start() - 1] in _QUOTATION_OPENERS:
                continue  # "as “5. Army Corps”": a number opening a quotation, an ordinal (German "5.")
            if token.isdecimal() and 1 <= int(token) <= 31 and word is not None and word.end() == m.start() \
                    and _day_with_its_stop(text, word.start(), nxt):
                continue  # "am 12. April 1933", "† 13. Juli 1970": a day with its stop, as German writes it
        s, e = _trim(text, sent_start, m.end())
        if s < e:
            spans.append((s, e))
        sent_start = nxt
    s, e = _trim(text, sent_start, end)
    if s < e:
        spans.append((s, e))
    return [part for a, b in spans for part in _telegraphese(text, a, b)]


# a telegram's "stop" where print has a full stop ("... without fail stop I engaged seven ponies")
_STOP_WORD = re.compile(r"(?<=[^\W_])[ \t]+(?:stop|STOP|Stop)(?=[ \t]+[^\W_])")
TELEGRAPHESE = 2  # a sentence with this many "stop"s is a telegram's run of sentences
# the words after which "stop" is prose's verb or noun ("to stop them", "would not stop", "and stop
# at Korla"; "a stop at Hami", "the last stop", "the bus stop")
_BEFORE_PROSE_STOP = frozenset("to not will would shall should must can could cannot may might did do does and or "
                               "we they i you he she it please never a an another the this that its his her their "
                               "our my your one each every no any first last next final short brief bus tram "
                               "train full non".split())


def _stop_word_of_prose(before: str) -> bool:
    """Whether "stop" after the word `before` is prose's, not a telegram's full stop."""
    return before in _BEFORE_PROSE_STOP or before.endswith(("n't", "n’t"))


def _telegraphese(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """text[a:b] cut after each "stop" where it is a telegram's run of sentences, written with
    "stop" for each full stop (two at least: "to stop the rebels" is a verb); else whole."""
    stops = [m for m in _STOP_WORD.finditer(text, a, b)
             if not _stop_word_of_prose((text[max(a, m.start() - 16) : m.start()].split() or [""])[-1].lower())]
    if len(stops) < TELEGRAPHESE:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    at = a
    for m in stops:
        s, e = _trim(text, at, m.end())
        if s < e:
            out.append((s, e))
        at = m.end()
    s, e = _trim(text, at, b)
    if s < e:
        out.append((s, e))
    return out


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|svg|tiff?|webp)\b", re.I)  # a page's picture, by its file's name


def _infobox_field(line: str) -> bool:
    """Whether a line is an infobox's birth, death or other names ("Born 1912", "Nickname Ga
    Ssu-ling ..."), no heading of the document (a headline may open with "President" or "Government")."""
    if life_field(line):
        return True
    low = line.lower()
    for label in _furniture()[3]:  # the labels of other names, in lower case
        after = line[len(label) : len(label) + 1]
        if low.startswith(label) and (after in (" ", ":") or after.isupper()):  # "Nickname(s)Beyzada" too
            return True
    return False


def _labelled(line: str) -> bool:
    """Whether a line opens with a field's label and a value that a headline would not give: a
    figure ("Date 1934", "Founded April 8, 1945") or "of" ("Part of the Xinjiang Wars"); not
    "President Chiang Protests To Moscow"."""
    words = line.split()
    return any(n < len(words) and (words[n] == "of" or re.search(r"\d", line) is not None)
               for n in _labels_opening(words))


_FINITE = re.compile(r"\b(?:is|was|were|are|has|have|had|been|will|would)\b")  # a sentence's verb, no headline's
_CAPTION = re.compile(r".{2,80}\s+in\s+\d{4}")  # "Wang Zhen in 1955", "Saifuddin Azizi in 1950"


def head_lines(text: str, most: int = 3) -> list[str]:
    """The short lines that head a document before its first paragraph of prose: a heading, a
    headline, a masthead, a date line ("CHAPTER XV", "China Protests To Soviet"); not an
    infobox's lines under a page's title ("Born 1912", "Governor of Xinjiang / In office")."""
    out: list[str] = []
    last = ""
    for start, end in _lines(text):
        line = text[start:end].strip()
        if "|" in line and out:
            continue  # a table's row as a copy gives an infobox ("Timur Beg تیمور بیگ | |", "---|---|")
        line = " ".join(cell.strip() for cell in line.split("|") if cell.strip(" -:")) if "|" in line else line
        if not line:
            continue
        m = HEADING.match(line)
        if m:
            if out or len(m.group(1)) > 1:
                break
            return [m.group(2)]
        prose = len(line.split()) > 14 or re.search(r"[a-z][.!?]$", line) is not None or (
            # under a heading, a sentence without its full stop: "This document was made possible
            # with support from MacArthur Foundation", an archive's credit, is no more of the title
            bool(out) and len(line.split()) >= 6 and _FINITE.search(line) is not None)
        if line in _rendered_fields()[0]:  # "Governor of Xinjiang / In office": the infobox's office
            if out and out[-1] == last:
                out.pop()
            break
        if prose or len(out) >= most or _infobox_field(line) or (out and _labelled(line)):
            break  # "Born November 11, 1922", "Date 1934" under a page's title: its infobox, no heading
        if out and _CAPTION.fullmatch(line) and line.startswith(out[0].split(" (")[0]):
            continue  # "Wang Zhen in 1955" under "Wang Zhen (general)": a picture's caption
        last = line
        lines, suffixes, _stray, _names, _labels = _furniture()
        low = line.lower()
        if low not in lines and not (low.endswith(suffixes) and len(low.split()) <= 6) \
                and not _IMAGE_FILE.search(line) and line.rstrip(".,;:") not in out:
            out.append(line.rstrip(".,;:"))  # not "Skip to main content", "Han Youwen.jpg", a title twice
    return out


def title_of(text: str) -> str | None:
    """The `= Title =` line, or the first content line, for a document without metadata. A
    telegram's letterhead and date line, or a newspaper's masthead and headline, make the title
    together ("AMERICAN CONSULATE, TIHWA, SINKIANG — SEPTEMBER 8, 1945")."""
    head: list[str] = []
    for start, end in _lines(text):
        line = text[start:end].strip()
        if not line:
            continue
        m = HEADING.match(line)
        if m and len(m.group(1)) == 1 and not head:
            return m.group(2)
        dateline = re.search(r"\d", line) is not None and re.search(r"\b[a-z]{3,}\b", line) is None
        if len(line.split()) <= 10 and (line.isupper() or dateline) and len(head) < 2:
            head.append(line.rstrip(".,;:"))  # letterhead, masthead, date line, headline
            continue
        if head:
            break
        if not _is_furniture(line, False):
            word = _HEADWORD.match(line)
            if word is not None and len(line.split()) >= HEADWORD_ENTRY:
                return word.group(1)  # an encyclopedia's entry: "KASHGAR, an important city of ..."
            return line[:120]
    return " — ".join(head)[:160] if head else None


# the word in capitals an encyclopedia's or a gazetteer's entry opens with, and a comma; its other
# spellings in capitals may follow, then "or" or a word in small letters: "KASHGAR, an important city
# of Chinese Turkestan", "KUL'DJA, KOOLDJA, ... or a province"; not a dateline ("TIHWA, SINKIANG,
# October 5", "MOSCOW, Tass"), a letterhead or a telegram's "SECRET, Following is"
_HEADWORD = re.compile(r"([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,3}),\s+(?:[A-Z][A-Z'’:-]+,\s+)*(?:or\s+)?[a-z]")
HEADWORD_ENTRY = 20  # words a first line needs to be an entry under its headword, not a heading
