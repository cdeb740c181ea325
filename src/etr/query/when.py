"""when: what happened in a period, in date order; or when an event happened, every date the
sources give, the sentences that state it first."""

from __future__ import annotations

import datetime
import json
import re

from etr.dates.periods import Period, parse_period
from etr.dates.values import bounds, parse_value
from etr.errors import NotFound
from etr.query.core import FactBase, clean_query, reprinted_once, with_score
from etr.query.rank import score_sentences
from etr.store.index import HAS_EVENTS, RawList
from etr.text.fold import fold
from etr.text.terms import field_terms, field_words, terms

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import Any

    from etr.query.core import Results

NAMED_EVENT_SCORE = 0.6


NAMED_EXACT_SCORE = 1.0  # the query is the event's name: its registry dates lead


def when(fb: FactBase, query: str, limit: int | None = None) -> tuple[Results, dict[str, Any]]:
    q = clean_query(query)
    period = parse_period(q)
    if period is not None:
        return in_period(fb, period, limit), {"period": {"start": period.start, "end": period.end, "value": period.value}}
    results = match_events(fb, q, limit or 10)
    if not results:
        raise NotFound(f"nothing found for {q!r}: not a date this etr reads, and no event matches it")
    return results, {"text": q}


def in_period(fb: FactBase, period: Period, limit: int | None = None) -> RawList:
    """The events of a period: those within it by date, source and place, then what the
    documents of that day report (a day only), then those that only overlap it. Read a page at a
    time where the index has its R*Tree (PeriodKeys): a terminal's 25 rows of a month of 12,000
    events at 10,000 documents read the keys of those 25 days' events, not of 12,000."""
    outs = fb.ix.outs

    def fetch(rows: Sequence[tuple[int | str, bool]]) -> list[str]:  # only the events shown are read
        read = iter(outs([r for r, _w in rows if isinstance(r, int)]))
        return [(next(read) if isinstance(r, int) else r)[:-1] + (', "within": true}' if within else ', "within": false}')
                for r, within in rows]

    reported: list[tuple[int | str, bool]] = [(json.dumps(r, ensure_ascii=False), False) for r in _reported(fb, period)]
    spans = fb.ix.span_rows(period.start, period.end)
    keys: Any
    keys = PeriodKeys(fb, period, spans, reported) if spans is not None else _all_keys(fb, period, reported)
    got = RawList(keys=keys, fetch=fetch)
    if not got:
        raise NotFound(f"no events dated within {period.text} ({period.start} to {period.end})")
    return got[:limit] if limit else got


PAGE_READ = 2000  # rows of a period read a page at a time at most; more are read whole (PeriodKeys)


class PeriodKeys:
    """A period's events in the order shown - within it, reported that day, overlapping it; each
    (row, within), or (JSON, False) for a report - worked out as far as asked: the R*Tree gives
    every event's days, and only the events whose days come before the last one asked are read
    to be put in order by (start, end, source, place)."""

    def __init__(self, fb: FactBase, period: Period, spans: list[tuple[int, int, int]],
                 reported: list[tuple[int | str, bool]]) -> None:
        a, b = datetime.date.fromisoformat(period.start).toordinal(), datetime.date.fromisoformat(period.end).toordinal()
        self._ix = fb.ix
        self._fb = fb
        self._period = period
        self._all: list[tuple[int | str, bool]] | None = None
        self._inside = sorted((lo, hi, rid) for rid, lo, hi in spans if lo >= a and hi <= b)
        self._over = sorted((lo, hi, rid) for rid, lo, hi in spans if not (lo >= a and hi <= b) and _at_scale(lo, hi, a, b))
        self._reported = reported

    def __len__(self) -> int:
        return len(self._inside) + len(self._reported) + len(self._over)

    def _first(self, days: list[tuple[int, int, int]], n: int) -> list[int]:
        """The rows of the first `n` of these events (sorted by days) in the fact base's order:
        those of days up to the n-th one's, read and ordered."""
        if n <= 0 or not days:
            return []
        last = days[min(n, len(days)) - 1][:2]
        upto = [rid for lo, hi, rid in days if (lo, hi) <= last]
        return [r for _k, r in sorted(self._ix.sort_keys(upto))][:n]

    def __getitem__(self, i: slice) -> list[tuple[int | str, bool]]:
        start, stop, step = i.indices(len(self))
        if step != 1 or start >= stop or stop > PAGE_READ:
            return self._whole()[i]
        inside = [(r, True) for r in self._first(self._inside, stop)]
        rest = stop - len(inside) - len(self._reported)
        over = [(r, False) for r in self._first(self._over, rest)]
        return [*inside, *self._reported, *over][start:stop]

    def __iter__(self) -> Iterator[tuple[int | str, bool]]:
        return iter(self[0 : len(self)])

    def _whole(self) -> list[tuple[int | str, bool]]:
        """Every key in order, read in one query with their sort keys (faster, for a whole
        answer, than reading the keys of the days' events to order them)."""
        if self._all is None:
            self._all = _all_keys(self._fb, self._period, self._reported)
        return self._all


def _all_keys(fb: FactBase, period: Period, reported: list[tuple[int | str, bool]]) -> list[tuple[int | str, bool]]:
    """A period's events in the order shown, all of them: within it, reported that day,
    overlapping it."""
    inside: list[tuple[tuple[str, str, str, int], int]] = []
    over: list[tuple[tuple[str, str, str, int], int]] = []
    a, b = _days(period.start), _days(period.end)
    for start, end, source, cstart, rid in fb.ix.event_keys_overlapping(period.start, period.end):
        if start >= period.start and end <= period.end:
            inside.append(((start, end, source, cstart), rid))
        elif _at_scale(_days(start), _days(end), a, b):
            over.append(((start, end, source, cstart), rid))
    inside.sort(key=lambda r: r[0])
    over.sort(key=lambda r: r[0])
    return [(r, True) for _k, r in inside] + reported + [(r, False) for _k, r in over]


# an event known only more coarsely than the period asked, overlapping it, is listed after the
# period's own when it begins or ends within the period, or spans at most this many times the
# period (and a year at least): a day's answer shows its month's and its year's events, and a
# life that begins that day, not a life of eighty years it falls in ("1871–1950") or a regime's
# decade; a year's, the years around it
WIDER = 12


def _at_scale(lo: int, hi: int, a: int, b: int) -> bool:
    """Whether an event of the days lo..hi that overlaps the period a..b (day ordinals) and is not
    within it is listed with it: it begins or ends in it, or spans at most WIDER times it."""
    return a <= lo or hi <= b or hi - lo < max(366, WIDER * (b - a + 1))


def _days(iso: str) -> int:
    """A day's ordinal ("1943-03-19"; an event's bounds are always days)."""
    return datetime.date.fromisoformat(iso[:10]).toordinal()


def _reported(fb: FactBase, period: Period) -> list[dict[str, Any]]:
    """What the documents dated to the asked day report without a date of its own, naming
    someone or something ("As soon as officers ... are available you are authorized to detail
    them ... at Tihua", in a telegram of that day): on or before the day, as profiles show it
    (FactBase.reported_by). A day only: a month's or a year's documents would bury its events."""
    if period.start != period.end:
        return []
    flags = fb.ix.flags
    rids = [r for r in fb.ix.reported_on(period.start) if not flags[r] & HAS_EVENTS][:REPORTED_READ]
    sents = fb.ix.sentences_by_rid(rids)
    out = []
    for r in rids:
        s = sents[r]
        if s["entities"] and (got := fb.reported_by(s)) is not None and got["date"]["mod"] is not None:
            out.append(got)  # (not the header the date line dates: "The Ambassador in China (Gauss) to ...")
    return out


REPORTED_READ = 400  # sentences of a day's documents read at most: a day of a 10,000-document archive stays quick


def named_event_dates(fb: FactBase, q: str) -> list[tuple[str, dict[str, Any], bool]]:
    """(id, output, named exactly) of the events the registry dates for a named event the
    query names ("plane crash")."""
    types = {"event", "treaty", "document"}
    allowed = [e["type"] in types for e in fb.entities]
    found = []
    named = [m.entity for m in fb.names.match(q, limit=3, allowed=allowed) if m.score >= 90]
    if not named:
        named = _named_within(fb, q, types)
    for i in named:
        # the query is the name, or a short form several events share ("Soviet invasion of
        # Xinjiang": 1934 and 1937), whose every date then leads
        e = fb.entities[i]
        exact = any(fold(f) == fold(q) for f in (e["name"], *e["aliases"], *e["variants"], *e["short_forms"]))
        found += [(evid, out, exact) for evid, out in fb.registry_dated(fb.entity_full(i))]
    return found


def _named_within(fb: FactBase, q: str, types: set[str]) -> list[int]:
    """The registered events whose name, in one of its spellings of two words or more, the query
    says with words of its own around it ("plane crash of the Ili leaders near Lake Baikal" names
    the "plane crash near Lake Baikal"): the longest such names."""
    words = set(terms(q))
    best, got = 1, list[int]()
    for i, e in enumerate(fb.entities):
        if e["type"] not in types or not e.get("curated"):
            continue
        for form in (e["name"], *e["aliases"], *e["variants"]):
            t = set(terms(form))
            if len(t) > best - (i in got) and t <= words:
                if len(t) > best:
                    best, got = len(t), []
                if i not in got:
                    got.append(i)
    return got


def match_events(fb: FactBase, q: str, limit: int) -> list[dict[str, Any]]:
    """The events that answer "when did Q happen", best first: those of the sentences that rank
    best for Q, each weighed by how the sentence dates it - the date of the thing done beats the
    date of a telegram that tells of it ("Paxton's 272, June 19 states ..."), a date next to the
    words of Q beats one across the sentence, and a date the sentence states beats one it takes
    from the sentence before."""
    scored = score_sentences(fb, q)
    best = scored[0][0] if scored else 0.0
    keep = []
    for score, rid in scored:
        if score < best * 0.45:
            break
        keep.append((score, rid))
    keep = keep[:CANDIDATES]
    events_of = fb.ix.sentence_events([rid for _s, rid in keep])
    texts = fb.ix.sentences_by_rid([rid for _s, rid in keep if events_of.get(rid)])
    spans = fb.ix.events_in_sentences([e for _s, rid in keep for e in events_of.get(rid, [])])
    wanted = set(terms(q))
    # "Stalin informs Mao of the crash": the telling's day is the answer; "report" as the verb of
    # the question ("Sheng reports ..."), not as the source it names ("according to the report")
    telling = bool(wanted & TELLING) and not (wanted & TELLING == {"report"}
                                              and (not _REPORTS.search(q) or "according to" in q.lower()))
    picked: list[tuple[float, str]] = []
    seen: set[str] = set()
    outs: dict[str, dict[str, Any] | None] = {}
    stated: set[int] = set()  # sentences with a date of their own that is no deadline ahead
    for score, rid in keep:
        for evid in events_of.get(rid, []):
            if evid in seen or evid not in spans:
                continue
            seen.add(evid)
            ds, de, raw = spans[evid]
            ev = json.loads(raw)
            outs[evid] = ev
            weight = _dated_by(texts[rid]["text"], ds, de, wanted, ev["date"]["how"], telling)
            if not _ahead(fb, texts[rid], ds, ev):
                stated.add(rid)
            picked.append((score * weight / (best * BEST_WEIGHT) if best else 0.0, evid))
    # what the best sentences state without a date, by the day their document is dated (a date
    # only of a deadline ahead of that day is none: "asks for grain ... by April 1950" in a cable
    # of 11 November 1949 asks on that day); when the question asks when someone told of it, that
    # day is the answer
    for score, _rid, out in _by_document_date(fb, keep[:DOCUMENT_DATED], {r: e for r, e in events_of.items() if r in stated}):
        outs[out["id"]] = out
        weight = BEST_WEIGHT if telling else DOCUMENT_WEIGHT
        picked.append((score * weight / (best * BEST_WEIGHT) if best else 0.0, out["id"]))
    # every date the sources give for a named event, even where the words differ; first of all
    # when the query is that event's very name ("Sarikol rebellion", "Soviet invasion of Xinjiang")
    named_out: dict[str, dict[str, Any]] = {}
    exact_rank: dict[str, int] = {}
    for evid, out, exact in sorted(named_event_dates(fb, q), key=lambda x: x[1]["date"]["start"] or ""):
        if exact and evid not in exact_rank:
            exact_rank[evid] = len(exact_rank)
        if evid not in seen and evid not in named_out:
            named_out[evid] = out
            picked.append((NAMED_EVENT_SCORE, evid))
    picked = [(NAMED_EXACT_SCORE if evid in exact_rank else score, evid) for score, evid in picked]
    picked.sort(key=lambda r: (-round(r[0], 3), r[1] not in exact_rank, exact_rank.get(r[1], 0)))
    outs.update(named_out)
    # a passage two documents print alike is one answer, citing both (reprinted_once)
    shown = [got for _s, evid in picked if (got := outs.get(evid)) is not None]
    once = {id(r) for r in reprinted_once(shown)}
    picked = [(score, evid) for score, evid in picked if id(outs.get(evid)) in once][:limit]
    end = 1 if wanted & DEATH_TERMS else 0 if wanted & BIRTH_TERMS else None
    term_end = 0 if wanted & BEGAN and not wanted & ENDED else 1 if wanted & ENDED and not wanted & BEGAN else None
    return [with_score(_one_end(got, end) if end is not None else _term_end(got, term_end) if term_end is not None
                       else dict(got), score)
            for score, evid in picked if (got := outs.get(evid)) is not None]


_REPORTS = re.compile(r"\b(?:reports|reported|reporting)\b", re.I)
# the terms of a question about telling ("informs", "told", "cabled", "wrote to", "notified")
TELLING = {"inform", "report", "tell", "told", "writ", "cabl", "telegraph", "notify", "announc", "messag", "letter", "telegram"}
DEATH_TERMS = {"death", "execution"}  # the terms of "died", "killed", "assassinated", "executed"
BIRTH_TERMS = {"born", "birth"}


TOOK_OFFICE = {"becam", "assum", "inaugurat", "swear"}  # the terms of "became", "appointed", "assumed" ...
LEFT_OFFICE = {"remov", "resign", "retir"}  # ... and of "removed", "dismissed", "resigned", "retired"
# a beginning or an end asked for, of anything that lasted: "chosen", "founded", "began"; "end",
# "fall", "dissolved"
BEGAN = TOOK_OFFICE | {"choos", "select", "establish", "begin", "began", "start", "declar", "outbreak"}
ENDED = LEFT_OFFICE | {"end", "collaps", "dissolv", "abolish", "overthrow", "surrend"}  # not "fall": autumn too
_WRITTEN_SPAN = re.compile(r"^(?!between\b).*(?:\bto\b|\buntil\b|\btill\b|[-–—])", re.I)  # "from X to Y", "1933–1934"
TERM_LINE = re.compile(r"\b(?:In office|Term Start|Term End|Term\d*:|Assumed office)")


def _term_end(out: dict[str, Any], end: int) -> dict[str, Any]:
    """A span the sources give ("Governor of Qinghai / In office / 5 Mar 1938 – 5 Sep 1949", "from
    November 12, 1933 to February 6, 1934"), as the answer to "when did he become governor", "when
    was it founded" (end 0) or "when was he removed", "the end of the khanate" (end 1): that end
    of the span, derived from it, which stays the anchor. A span in brackets (a life's, or an
    aside's) and any other event as it is."""
    d = out["date"]
    parts = d["value"].split("/")
    if len(parts) != 2 or d.get("mod") or d.get("how") not in ("explicit", "context") or not _WRITTEN_SPAN.search(d["text"]):
        return dict(out)  # "by this time" (1946/1947, before): a window, not a span with two ends
    if TERM_LINE.search(out["text"]) is None:
        at = out["text"].find(d["text"])
        if at < 0 or _IN_BRACKETS.search(out["text"][max(0, at - 60) : at]):
            return dict(out)
    return _derived(out, parts[end])


def _derived(out: dict[str, Any], value: str) -> dict[str, Any]:
    d = out["date"]
    got = bounds(value)
    if got is None:
        return dict(out)
    lo, hi = got
    return {**out, "date": {**d, "value": value, "start": lo, "end": hi, "how": "derived",
                            "anchor": f"{d['text']} ({d['value']})", "precision": _precision(value)}}


def _one_end(out: dict[str, Any], end: int) -> dict[str, Any]:
    """An event dated by a life's span in brackets ("Yang Zengxin (1859 – 1928) was ..."), as the
    answer to "when did he die" (end 1) or "when was he born" (end 0): the end it asks for, derived
    from the span, which stays the anchor; any other event as it is."""
    d = out["date"]
    parts = d["value"].split("/")
    at = out["text"].find(d["text"])
    if len(parts) != 2 or at < 0 or not _IN_BRACKETS.search(out["text"][max(0, at - 60) : at]) \
            or ")" not in out["text"][at + len(d["text"]) : at + len(d["text"]) + 3]:
        return dict(out)
    return _derived(out, parts[end])


_IN_BRACKETS = re.compile(r"\([^()]*$")  # an open bracket the date stands in


def _precision(value: str) -> str:
    point = parse_value(value)
    return point.precision if point is not None else "day"


# "by April 1950", "not later than the 15th": a deadline, when it is after the day its document is
# dated: when a thing is to be done (its answer still), not when it was asked or ordered, which the
# document's day answers too
_BY = re.compile(r"\b(?:by|(?:not|no)\s+later\s+than)\s+(?:the\s+(?:end|middle|beginning|close)\s+of\s+)?$", re.I)


def _ahead(fb: FactBase, s: dict[str, Any], ds: int, ev: dict[str, Any]) -> bool:
    """Whether the date at s["text"][ds:] is a deadline after the day its document is dated."""
    if not _BY.search(s["text"], max(0, ds - 32), ds):
        return False
    d = fb.document_dated(s["source"])
    return d is not None and (ev["date"].get("start") or "") > d["value"]


DOCUMENT_DATED = 5  # of the best sentences, those with no date are dated by their document's header ...
DOCUMENT_WEIGHT = 0.7  # ... weighed as the date of a telegram that tells of a thing (COMMUNICATION)


def _by_document_date(fb: FactBase, keep: list[tuple[float, int]], events_of: dict[int, list[str]],
                      ) -> list[tuple[float, int, dict[str, Any]]]:
    """The sentences among `keep` that state no date, each as an answer dated on or before the day
    its document's header gives ("893.00/12–1846: Telegram" - 18 December 1946), citing the
    sentence and the header: "Ahkmed Jan ... demanded full internal autonomy" was said by then."""
    undated = [(score, rid) for score, rid in keep if not events_of.get(rid)]
    if not undated:
        return []
    sentences = fb.ix.sentences_by_rid([rid for _s, rid in undated])
    got = []
    for score, rid in undated:
        s = sentences.get(rid)
        out = None if s is None else fb.reported_by(s)
        if out is not None:
            got.append((score, rid, out))
    return got


CANDIDATES = 60  # sentences whose events are weighed for "when did ... happen"
# the date of a communication, not of what it reports: "Paxton's 272, June 19 states", "in
# telegram of 26th", "despatch No. 7 of June 27", "a letter dated May 3"
COMMUNICATION = re.compile(
    r"(?:['’]s\s+(?:No\.\s*)?\d+(?:\s*(?:,|and)\s*\d+)*,?\s*$|\b(?:tel(?:egram)?s?|despatch(?:es)?|dispatch|letter|note|"
    r"memorandum|message|airgram|cable|report|[A-Z]?\w*tel)\s+(?:No\.\s*)?\d*\s*(?:of|dated)\s+(?:the\s+)?$|\bdated\s+$)", re.I)
_WORD = re.compile(r"\w+")
# what the date's clause tells of something done before it: "informed the Chinese government that
# the plane had crashed", "announced that he had died"
TOLD_BEFORE = re.compile(
    r"[^.;]{0,80}?\b(?:informed|announced|reported|told|learned|learnt|revealed|disclosed|confirmed|stated|said|"
    r"declared|notified|wrote)\b[^.;]{0,60}?\bthat\b(?P<what>[^.;]{0,60}?\bhad\s+(?:been\s+)?\w+(?:ed|en|t)\b[^.;]*)")


def _dated_by(text: str, ds: int, de: int, wanted: set[str], how: str, telling: bool = False) -> float:
    """How well the date at text[ds:de] dates what the query asks about (1.0 as good as any);
    `telling`: the question asks when someone told of something, whose date a telegram's is."""
    weight = 1.0
    if COMMUNICATION.search(text[max(0, ds - 48) : ds]) and not telling:
        weight *= 0.55
    told = TOLD_BEFORE.match(text, de)
    if told and wanted & set(terms(told.group("what"))):
        weight *= 0.55  # "On September 3, the Soviet Union informed ... that the plane had crashed": the telling's date
    if how == "context":
        weight *= 0.85
    if _in_brackets(text, ds) and not wanted & (DEATH_TERMS | BIRTH_TERMS):
        weight *= 0.5  # "(1892 – 26 December 1988)" after a name: his life, not what the question asks
    # the words of the query said with the date, in its clause ("...; consul to Isfahan, 1951-1953"
    # for "Paxton posted to Isfahan", not the "1925-1929" of "Paxton: ...; vice-consul in Nanking,
    # 1925-1929" in a record's list of posts; a semicolon in brackets is a gloss's, "(Wade-Giles:
    # T'ao Chih-yueh; 1892 – 1988)"), the more of them the better
    near = {t for m in _WORD.finditer(text) if (t := (terms(m.group(0)) or [""])[0]) in wanted
            and min(abs(m.start() - ds), abs(m.start() - de)) <= NEAR
            and (";" not in text[min(m.start(), ds) : max(m.end(), de)] or _in_brackets(text, ds))}
    life = _life_end(text, ds, de, wanted)
    if near or life:
        weight *= BEST_WEIGHT - FEWER_WORDS * (NEAR_WORDS - min(len(near), NEAR_WORDS))
    vital = wanted & (DEATH_TERMS | BIRTH_TERMS)
    # "Wu Chung-hsin (15 March 1884-16 December 1959), ...": a span in brackets after the name a
    # sentence opens with is a life (_one_end takes the end asked for); "(1936-44)" later on is not
    whole_life = text.startswith("(", ds - 1) and text.startswith(")", de) and _DASH.search(text, ds, de) is not None \
        and _NAME_ALONE.fullmatch(text, 0, ds - 1) is not None
    if vital and not life and not whole_life:
        # "when was he born": a date neither in a life's span nor beside "born" dates something else
        told_of = [m.start() for m in _WORD.finditer(text) if terms(m.group(0)) and terms(m.group(0))[0] in vital]
        if not told_of or min(min(abs(p - ds), abs(p - de)) for p in told_of) > NEAR:
            weight *= ELSEWHERE_IN_LIFE
    said = set(field_terms(text, ds))  # an infobox's "Term Start4: 30 December 1948", "Born 15 April 1914"
    if said and wanted & said:
        weight *= BEST_WEIGHT
    elif said and wanted & field_words():
        weight *= 0.8  # "Term End" when the question asks when it began
    elif said and said <= DEATH_TERMS | BIRTH_TERMS:
        weight *= 0.5  # "Died April 29, 1951 / Ürümqi, Xinjiang, People's Republic of China": a death, not a takeover
    return weight


ELSEWHERE_IN_LIFE = 0.6  # a date far from the birth or death a question asks of (measured: bench/README.md)
_DASH = re.compile(r"[-–—]")
_DIED_SIGN = re.compile(r"(?:[†✝]|\bd\.)\s*$")
_BORN_SIGN = re.compile(r"(?:(?:^|[(;,\s])\*|\bb\.)\s*$")
_NAME_ALONE = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}\s*")
_SPAN_OPENS = re.compile(r"\([^()]{1,40}?[-–—]\s*$")  # "(1889 - " before the day he died
_SPAN_CLOSES = re.compile(r"\s*[-–—][^()]{1,40}\)")  # " – 1928)" after the day he was born


def _life_end(text: str, ds: int, de: int, wanted: set[str]) -> bool:
    """Whether text[ds:de] is the end of a life's span in brackets that the question asks for:
    "(1889 - 27 September 1943)" for "when was he executed", "(15 March 1884 - ...)" for "when
    was he born" (a span stated whole is worked out by _one_end); or the date a reference work's
    sign for it stands before ("† 13. Juli 1970", "* 1897")."""
    sign = text[max(0, ds - 4) : ds]  # "† 13. Juli 1970", "(* 1897", "(b. 1897, d. 1970)": a reference work's signs
    if (wanted & DEATH_TERMS and _DIED_SIGN.search(sign)) or (wanted & BIRTH_TERMS and _BORN_SIGN.search(sign)):
        return True
    if wanted & DEATH_TERMS:
        opens = _SPAN_OPENS.search(text, max(0, ds - 48), ds)
        return text.startswith(")", de) and opens is not None and not _OF_A_THING.search(text, 0, opens.start())
    if wanted & BIRTH_TERMS:
        return text.startswith("(", ds - 1) and _SPAN_CLOSES.match(text, de) is not None \
            and not _OF_A_THING.search(text, 0, ds - 1)
    return False


# what a span in brackets after it is not a life's: "the Battle of Urumqi (1933 - 16 February 1934)"
_OF_A_THING = re.compile(r"\b(?:Battle|War|Rebellion|Uprising|Revolt|Revolution|Campaign|Siege|Incident|Expedition|"
                         r"Conference|Crisis|Dynasty|Republic|Khanate|Empire|Government|Movement|Affair)"
                         r"(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}\s*$")


def _in_brackets(text: str, at: int) -> bool:
    """Whether text[at] is inside brackets: an aside (a life's span, a gloss)."""
    before = text[:at]
    return before.count("(") > before.count(")")


NEAR = 60  # characters between a date and a word of the query that make them one statement
BEST_WEIGHT = 1.15  # the most _dated_by gives: scores stay at most 1, below a named event's own dates
NEAR_WORDS = 3  # words of the query beside a date that make it as near as any ...
FEWER_WORDS = 0.003  # ... and what each one fewer takes off (enough to order two dates, no more)
