"""Assembling the fact base: sources, sentences, dated events, entities, citations.

One event per dated statement (a date inside a content sentence), carrying the date, the sentence,
the entities it names (directly, through a short form, through a collective such as "the five
leaders", or through a pronoun when the paragraph leaves no doubt), and a citation. Every citation
is verified against its source text before it is written. The records go into the store
(etr.store.writer) document by document, and a build hands the next what it needs to read on
from where it stopped (`Carried`): adding a document reads that document and rewrites what it
changes. Imports etr.model, etr.errors, etr.store, etr.text and the other build modules.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import tomllib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from etr import __version__, rules
from etr.dates.forms import compile_all, number
from etr.dates.values import Point, add_days, bounds, month_name, parse_value
from etr.errors import BuildFailed
from etr.ingest import aliases, archival
from etr.ingest.aliases import TITLED, Alias
from etr.ingest.cache import Analyses, fingerprint
from etr.ingest.cache import key as analysis_key
from etr.ingest.discover import (
    AN_INITIAL,
    Unknown,
    capitalised_inside,
    capitalises_nouns,
    continued,
    given_before_surname,
    mens_surnames,
    names_in_capitals,
    titled,
    unknown_names,
    vocabulary,
)
from etr.ingest.documents import Read, read, text_of
from etr.ingest.identity import ADDRESSED, BODY_TYPES, Identities, display, fuller_name, spells
from etr.ingest.link import Linker, Mention, resolve_short_forms
from etr.ingest.parallel import can_fork, fork_imap
from etr.ingest.registry import Entry, load_registry
from etr.ingest.sentences import (
    Document,
    Paragraph,
    head_lines,
    life_field,
    read_document,
    title_of,
    unglued,
)
from etr.ingest.timex import INTRODUCES, POINTS_FROM_NOW, WALL_CLOCK, Flag, glued_label, tag
from etr.model import Citation, DateValue, Section, Sentence, TimexSpan
from etr.store.facts import SCHEMA_VERSION
from etr.store.index import event_out
from etr.store.index import light as index_light
from etr.store.writer import Store, entity_meta
from etr.text.fold import fold, unaccented
from etr.text.gloss import in_english
from etr.text.romanise import chinese_syllables
from etr.text.romanise import key as romanised_key
from etr.text.terms import implied_words, sentence_terms

IT_OPENS = re.compile(r"(?:It|Its|The (?:city|town|village|oasis|region|province|county|treaty|party|rebellion|"
                      r"republic|government|agreement|organi[sz]ation|movement|newspaper))\b(?!-)")
PRONOUN = re.compile(r"\b(?:he|him|his|she|her|He|His|She|Her)\b")
OPENS_WITH_PRONOUN = re.compile(r"(?:He|She|His|Her)\b")
Progress = Callable[[str], None]
T = TypeVar("T")


@dataclass(frozen=True)
class SourceSpec:
    id: str
    path: Path
    title: str
    short: str
    author: str
    publisher: str
    kind: str
    language: str
    sha256: str | None
    curated: bool
    text: str | None = None  # a document added earlier, carried over from the fact base
    # how the file was read: its format ("text", "html", "pdf"), the codec, and how the codec was known
    read_as: tuple[str, str, str] = ("text", "utf-8", "utf-8")


@dataclass
class Report:
    """What the build found and what it could not place."""

    counts: dict[str, int] = field(default_factory=dict)
    unknown: Counter[tuple[str, str]] = field(default_factory=Counter)
    unresolved: Counter[str] = field(default_factory=Counter)
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)
    flagged: list[dict[str, Any]] = field(default_factory=list)  # dates set aside, with why
    skipped: list[dict[str, str]] = field(default_factory=list)  # files --keep-going left out, with why
    notes: list[str] = field(default_factory=list)  # what a person should know of how files were read
    split: list[dict[str, Any]] = field(default_factory=list)  # sentences too long to be one, read in parts
    controls: list[dict[str, Any]] = field(default_factory=list)  # documents with control characters, escapes
    learnt: dict[str, Any] = field(default_factory=dict)  # entities found in added documents, merges


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "x"


def _hash(*parts: object) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()[:8]


def seed_sources(seeds: Path) -> list[SourceSpec]:
    """The seed documents as listed in seeds/sources.toml."""
    try:
        with open(seeds / "sources.toml", "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise BuildFailed(f"{seeds / 'sources.toml'}: cannot read ({e})") from None
    return [
        SourceSpec(s["id"], seeds / s["file"], s["title"], s.get("short", s["id"]), s["author"],
                   s.get("publisher", ""), s["kind"], s.get("language", "en"), s.get("sha256"), True)
        for s in data["source"]
    ]


def user_source(path: Path, taken: set[str], got: Read | None = None) -> SourceSpec:
    """A document a user adds: id from its file name, title from its first line."""
    base = _slug(path.stem) or "doc"
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    got = read(path) if got is None else got
    text = got.text
    title, short = archival.naming(text, title_of(text) or path.name)
    head = archival.header(text)
    author = ("unknown" if head is None or not head.writer
              else f"{head.writer} ({head.office})" if head.office else head.writer)
    return SourceSpec(sid, path, title, short, author, "", "user document", "en", None, False, text,
                      (got.format, got.encoding, got.basis))


def _citation(spec: SourceSpec, doc: Document, start: int, end: int) -> Citation:
    section = next((s.title for s in doc.sections if s.start <= start < s.end), "Lead")
    return Citation(spec.id, spec.title, section, start, end, doc.text[start:end])


def build(
    sources: list[SourceSpec],
    registry_dir: Path,
    progress: Progress | None = None,
    discover: bool = False,
    user_names: str | None = None,
) -> tuple[dict[str, Any], Report]:
    """The fact base for these sources and this registry (with `user_names`, the text of a
    user's own names file), held whole, and a report of what was found (see `assemble`)."""
    st, report = assemble(sources, registry_dir, None, progress, discover, user_names)
    return json.loads("".join(st.json_chunks())), report


class Carried:
    """What a build hands the next, so that documents added later are read on from where it
    stopped: which documents it read (in order, each by the key of its analysis), the identities
    as they stood after the last one, what the report had gathered, and what it wrote of each
    entity (to see what a new document changes)."""

    def __init__(self, fingerprint: str, identities: Identities) -> None:
        self.fingerprint = fingerprint
        self.order: list[tuple[str, str]] = []  # (source id, analysis key)
        self.identities = identities
        self.unknown: Counter[tuple[str, str]] = Counter()
        self.unresolved: Counter[str] = Counter()
        self.per_source: dict[str, dict[str, int]] = {}
        self.flagged: list[dict[str, Any]] = []
        self.split: list[dict[str, Any]] = []
        self.controls: list[dict[str, Any]] = []
        self.seeds = 0
        # what was written: the merges, each entity's entry, "possibly", "merges" and citations
        self.merged: dict[int, int] = {}
        self.written: dict[int, Entry] = {}
        self.possibly: dict[int, list[dict[str, Any]]] = {}
        self.learnt: dict[str, list[dict[str, Any]]] = {}
        self.citations: dict[int, int] = {}


class Mentions(NamedTuple):
    """Where one entity is named, before merges: sentences, events, forms, spellings, companions."""

    sentences: list[str]
    events: list[str]
    forms: Counter[str]
    spellings: Counter[str]
    related: Counter[int]


def assemble(
    sources: list[SourceSpec],
    registry_dir: Path,
    dest: Path | None,
    progress: Progress | None = None,
    discover: bool = False,
    user_names: str | None = None,
    prior: Store | None = None,
    cache: Analyses | None = None,
) -> tuple[Store, Report]:
    """The store of the fact base for these sources and this registry (with `user_names`, the
    text of a user's own names file), written to `dest` (in memory if None) but not yet in
    place (Store.commit), and a report of what was found. `progress` takes messages; one that
    also has `step(done, total, label)` hears of each document read (the CLI's progress bar).

    `prior`: the store of an earlier build. When that build read these sources' first documents
    with the same etr, registry and names, this one carries on where it stopped: the new store
    starts as a copy of it and only the documents after those are read (nothing a later document
    says changes how an earlier one was read: a weak name, one capitalised word opening a
    sentence, is a name when its own document or an earlier one names it otherwise). The store
    is the one a build of all the sources from nothing makes: its JSON is the same, byte for
    byte. `cache`: the analyses kept from earlier builds (etr.ingest.cache)."""
    say = progress or (lambda _msg: None)
    step = getattr(progress, "step", None)
    entries = load_registry(registry_dir, user_names)
    say(f"registry: {len(entries)} entries")
    seen: set[str] = set()
    for spec in sources:
        if spec.id in seen:
            raise BuildFailed(f"two documents have the id {spec.id!r}")
        seen.add(spec.id)
    fp = fingerprint(registry_dir, user_names)
    carried = _carried(prior, fp, sources)
    done = len(carried.order) if carried is not None else 0
    texts: dict[str, str] = {}

    def text_of_source(spec: SourceSpec) -> str:
        got = texts.get(spec.id)
        if got is None:
            if spec.text is not None:
                got = spec.text
            elif spec.curated or prior is None:
                got = text_of(spec.path)
            else:
                got = prior.text(spec.id)
            if spec.sha256 and hashlib.sha256(got.encode("utf-8")).hexdigest() != spec.sha256:
                raise BuildFailed(f"{spec.path}: sha256 differs from seeds/sources.toml; the seed was changed")
            texts[spec.id] = got
        return got

    keys = [k for _sid, k in carried.order] if carried is not None else []
    keys += [analysis_key(fp + _named_key(spec), text_of_source(spec)) for spec in sources[done:]]
    linker = cache_once(lambda: Linker(entries))  # the registry's names, compiled once for the build
    made = _analyses(sources[done:], keys[done:], text_of_source, linker, cache)
    if carried is None:
        st = Store(dest)
        carried = Carried(fp, Identities(entries))
    else:
        assert prior is not None and prior.path is not None
        st = Store(dest, base=prior.path)
    try:
        report = _read_on(st, carried, sources, keys, done, entries, linker, made, cache, text_of_source, discover,
                          user_names, say, step)
    except BaseException:
        st.abandon()
        raise
    if cache is not None:
        cache.put((k, made[k]) for k in dict.fromkeys(keys) if k in made)
        cache.keep_only(keys)
        cache.commit()
    return st, report


def cache_once(make: Callable[[], T]) -> Callable[[], T]:
    """`make`, called the first time it is wanted and not again."""
    got: list[T] = []

    def once() -> T:
        if not got:
            got.append(make())
        return got[0]

    return once


def _carried(prior: Store | None, fp: str, sources: list[SourceSpec]) -> Carried | None:
    """The state the earlier build left, if these sources begin with the documents it read."""
    blob = prior.carried("state") if prior is not None else None
    if blob is None:
        return None
    try:
        got = pickle.loads(blob)
    except Exception:  # noqa: BLE001 - a state this etr cannot read: the build starts from nothing
        return None
    if not isinstance(got, Carried) or got.fingerprint != fp or len(got.order) > len(sources):
        return None
    if [sid for sid, _k in got.order] != [s.id for s in sources[: len(got.order)]]:
        return None
    return got


def _analyses(sources: list[SourceSpec], keys: list[str], text_of_source: Callable[[SourceSpec], str],
              linker_of: Callable[[], Linker], cache: Analyses | None) -> dict[str, bytes]:
    """The analyses of these documents, pickled, by key: those `cache` does not hold, on two
    cores for a large build."""
    kept = cache.kept(keys) if cache is not None else set()
    todo: dict[str, tuple[str, str, tuple[Point, str] | None]] = {}  # the same text twice is read once
    for spec, k in zip(sources, keys, strict=True):
        if k not in kept and k not in todo:
            todo[k] = (spec.id, text_of_source(spec), _named(spec))
    if not todo:
        return {}
    linker = linker_of()

    def work(item: tuple[str, str, tuple[Point, str] | None]) -> bytes:
        doc = read_signed(item[0], item[1])
        an = analyse(doc, linker, item[2])
        words = unglued(doc.text)  # "UnitKashgar Garrison": the words "kashgar" and "garrison"
        return pickle.dumps(_pack((doc, an, [sentence_terms(words[x.start : x.end]) for x in doc.sentences])),
                            protocol=PICKLE)

    items = list(todo.values())
    weights = [len(t) for _s, t, _n in items]
    if can_fork(sum(weights)):
        _warm(linker)  # what is compiled and imported on first use, once, before the fork: both share it
    return dict(zip(todo, fork_imap(work, items, weights), strict=True))


def _named(spec: SourceSpec) -> tuple[Point, str] | None:
    """The date an added document's file name gives it (archival.named_date); a seed's, none."""
    return None if spec.curated else archival.named_date(spec.path.name)


def _named_key(spec: SourceSpec) -> str:
    """What a document's analysis key adds for the date its file's name gives (the same text under
    another dated name is read again)."""
    got = _named(spec)
    return "" if got is None else f"\0named {got[0].value()} {got[1]}"


WARM = ("Tihwa, May 3, 1946.\n\nGeneral Ma Pu-fang, the Governor, said on June 5 that Osman Batur (also\n"
        "known as Ospan) had left Sharasume; 'Kao Tsung-ming' wrote to Дихуа and 迪化 the next day.")


def _warm(linker: Linker) -> None:
    """Compile the date grammar's forms, and read a small document, so that the patterns and
    modules the analysis builds on first use exist before the build forks (measured: the child
    compiled them again, bench/README.md)."""
    compile_all()
    analyse(read_signed("warm", WARM), linker)


PICKLE = pickle.HIGHEST_PROTOCOL


class _Docs(Mapping[str, tuple[SourceSpec, Document]]):
    """Every source of a build by id, in order, with its text and sections (not its sentences):
    from memory while it is being read, else from the store."""

    def __init__(self, st: Store, sources: list[SourceSpec], text_of_source: Callable[[SourceSpec], str]) -> None:
        self.st, self.specs, self.text_of_source = st, {s.id: s for s in sources}, text_of_source
        self.held: dict[str, Document] = {}
        self.texts = _Texts(self)

    def read(self, sid: str, doc: Document) -> None:
        self.held[sid] = doc

    def forget(self, sid: str) -> None:
        self.held.pop(sid, None)

    def __getitem__(self, sid: str) -> tuple[SourceSpec, Document]:
        spec = self.specs[sid]
        doc = self.held.get(sid)
        if doc is None:
            rec = self.st.source_record(sid)
            sections = tuple(Section(x["title"], x["level"], x["start"], x["end"]) for x in rec["sections"])
            doc = Document(sid, self.text(sid), sections, (), ())
        return spec, doc

    def text(self, sid: str) -> str:
        doc = self.held.get(sid)
        return doc.text if doc is not None else self.text_of_source(self.specs[sid])

    def __iter__(self) -> Iterator[str]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)

    def citation(self, sid: str, start: int, end: int) -> dict[str, Any]:
        """A citation of text[start:end] of a source, its section read from the store."""
        spec = self.specs[sid]
        rec = self.st.source_record(sid)
        section = next((x["title"] for x in rec["sections"] if x["start"] <= start < x["end"]), "Lead")
        return Citation(sid, spec.title, section, start, end, self.st.quote(sid, start, end)).to_dict()


class _Texts(Mapping[str, str]):
    def __init__(self, docs: _Docs) -> None:
        self.docs = docs

    def __getitem__(self, sid: str) -> str:
        return self.docs.text(sid)

    def __iter__(self) -> Iterator[str]:
        return iter(self.docs)

    def __len__(self) -> int:
        return len(self.docs)


def _read_on(st: Store, run: Carried, sources: list[SourceSpec], keys: list[str], done: int,
             entries: list[Entry], linker_of: Callable[[], Linker], made: dict[str, bytes],
             cache: Analyses | None,
             text_of_source: Callable[[SourceSpec], str], discover: bool, user_names: str | None,
             say: Callable[[str], None], step: Any) -> Report:
    """Read the documents from `done` on into `st`, then write what they change of the rest."""
    identities = run.identities
    ent_index = {e.id: i for i, e in enumerate(entries)}
    extra = identities.extra  # entities found in added documents, after the registry's
    extra_index = {e.id: i for i, e in enumerate(extra, len(entries))}
    docs = _Docs(st, sources, text_of_source)

    # each entity's mentions in the documents read now, before merges
    ent_sentences: dict[int, list[str]] = defaultdict(list)
    ent_events: dict[int, list[str]] = defaultdict(list)
    ent_forms: dict[int, Counter[str]] = defaultdict(Counter)  # every form a mention took
    ent_spellings: dict[int, Counter[str]] = defaultdict(Counter)  # the forms that spell its name (no short forms)
    related: dict[int, Counter[int]] = defaultdict(Counter)
    # events as written, showing a found entity by the name and kind it had then
    shown: dict[int, dict[tuple[str, str], list[str]]] = defaultdict(dict)
    new_sources: list[str] = []

    def analyses() -> Iterator[tuple[str, bytes]]:
        wanted = keys[done:]
        have = {k: made[k] for k in wanted if k in made}
        if cache is not None and len(have) < len(set(wanted)):
            have.update(cache.data(k for k in set(wanted) if k not in have))
        for k in wanted:
            yield k, have[k]

    def _index_of(x: str) -> int:
        i = ent_index.get(x)
        return i if i is not None else extra_index[x]

    def ref(x: str) -> dict[str, str]:
        i = _index_of(x)
        e = entries[i] if i < len(entries) else extra[i - len(entries)]
        return {"id": e.id, "name": e.name, "type": e.type}

    for spec, (k, data) in zip(sources[done:], analyses(), strict=True):
        text = text_of_source(spec)
        doc, analysis, doc_terms = _unpack(pickle.loads(data), (spec.id, text))
        sentences_out: list[dict[str, Any]] = []
        events_out: list[dict[str, Any]] = []
        timexes, per_sentence, unknown_by_sentence = analysis.timexes, analysis.mentions, analysis.unknowns
        if discover and not spec.curated:
            _kin_named(text, per_sentence, unknown_by_sentence, entries)
        run.flagged += [{"source": spec.id, "start": a, "end": b, "text": t, "why": why}
                        for a, b, t, why in analysis.flagged]
        run.split += [{"source": spec.id, "start": a, "end": b, "parts": n} for a, b, n in doc.splits]
        run.controls += control_characters(spec.id, text)
        sid = spec.id
        docs.read(sid, doc)
        say(f"read {spec.path.name}: {len(doc.sentences)} sentences")
        if step is not None:
            step(len(run.order) + 1, len(sources), spec.path.name)
        for found, unk in zip(per_sentence, unknown_by_sentence, strict=True):
            for u in unk:
                if not u.weak:
                    run.unknown[(u.text, u.type)] += 1
            for m in found:
                if m.entity is None:
                    run.unresolved[m.text] += 1
        n_events = 0
        prev: tuple[tuple[str, int], list[int], list[TimexSpan], str, int, bool] | None = None
        line_date: list[TimexSpan] = []  # the last date line read: the day its text was written
        para_people: dict[int, Counter[int]] = defaultdict(Counter)
        identities.read_words(*analysis.words)  # every document's words, the seeds' too
        if discover and not spec.curated:  # what it names makes its own and later weak names names
            identities.prime([u for unk in unknown_by_sentence for u in unk])
            unknown_by_sentence = identities.joined(text, unknown_by_sentence)  # "News" "from" "Tartary": one name known
        placed = (identities.document(sid, spec.path.name, unknown_by_sentence, per_sentence, analysis.aliases,
                                        text.lstrip().split("\n", 1)[0][:HEADING_CHARS],
                                        lived=any(life_field(s.text) for s in doc.sentences[:TOPIC_SENTENCES]))
                  if discover and not spec.curated else [])
        for e in extra[len(extra_index):]:
            extra_index[e.id] = len(entries) + len(extra_index)
        writer, lead_from = _writer(text, placed, per_sentence, identities) if placed else (None, -1)
        sender, addressee = _from_to(text, placed, per_sentence, entries, extra) if placed else (None, None)
        writer = writer if writer is not None else sender
        if placed:
            for form, j in _longer_alias(analysis.aliases, per_sentence):
                ent_spellings[j][form] += 1  # "officially the Turkic Islamic Republic of East Turkestan"
        by = archival.author(text) if placed else None  # "the author's service": the book's or the byline's
        by_line = _byline(text) if placed else None  # "by Mark Dickens": no one "he" may mean
        author = _named_at(by.start, by.end, placed, per_sentence) if by is not None else None
        subject = _subject(per_sentence, placed, entries, extra) if not spec.curated else None
        topic, titled_as = _topic(linker_of(), doc, spec.title, placed) if not spec.curated else (None, "")
        if topic is not None:
            ent_spellings[topic][titled_as] += 1  # the document's title names it so
            if _etype(topic, entries, extra) in ("person", "unknown"):
                subject = topic  # an article whose title names a man is about him, whoever is named most
        ti = 0
        about: int | None = None  # the person the sentence before is about
        place_subject: int | None = None  # the place the sentence before is about ("Lanchow has meant ...")
        so_titled: dict[str, int] = {}  # a title's word -> the person the document last gave it ("Consul Paxton")
        bodies: dict[str, set[int]] = defaultdict(set)  # a body's kind word -> the bodies the document so named
        notes = footnotes(text) if not spec.curated else {}  # number -> (start, end) of its footnote
        own_line = _date_line(text, timexes) if not spec.curated else None  # the document's own date line
        # ... or the span of days under its title, as a reference page heads its subject ("Xinjiang
        # Wars / 20 Feb 1931 - 30 Oct 1937")
        head_span = own_line or (_titled_range(text, timexes) if not spec.curated else None)
        piece_end = -1  # where the title and date line an event was made of end (a title is no more)
        piece: dict[str, Any] | None = None  # that event
        marked: dict[int, list[int]] = {}  # number -> the entities named where the text marks it ("treaty35")
        naming = _naming_notes(text, notes, doc, per_sentence, placed, entries, extra) if notes else {}
        for s_index, (s, found) in enumerate(zip(doc.sentences, per_sentence, strict=True)):
            ids: list[int] = []
            via: dict[int, str] = {}
            for m in found:
                if m.entity is None:
                    continue
                if m.entity not in ids:
                    ids.append(m.entity)
                ent_forms[m.entity][m.text] += 1
                if m.kind != "short" or _bare_name(m.text, entries[m.entity]) or (
                        not spec.curated and _own_surname(m.text, entries[m.entity])):
                    ent_spellings[m.entity][m.text] += 1
                if not spec.curated and entries[m.entity].type == "person":
                    form = titled(text, m.start, m.end)  # "Sheng Tupan", "General Sung": how the document calls him
                    if form:  # (and "General Pai Chung-hsi": his name with the title it gives him)
                        ent_spellings[m.entity][form] += 1
                    _so_titled(so_titled, form[: len(form) - len(m.text)] if form.endswith(m.text) else m.text, m.entity)
                for member in entries[m.entity].members:
                    j = ent_index[member]
                    if j not in ids:
                        ids.append(j)
                        via[j] = f"one of {m.text}"
            if discover and not spec.curated:
                for u, j, how in placed[s_index]:
                    if j not in ids:
                        ids.append(j)
                    if how and j < len(entries):
                        via.setdefault(j, how)
                    ent_forms[j][u.text] += 1
                    if (spells(how) or j >= len(entries) or _spells_a_name(u.text, entries[j])
                            or _own_surname(u.text, entries[j])):
                        # a spelling of the name ("Polinoff" of the registered "Polinov"), or the
                        # surname alone the document calls him by ("Cde. Svanidze will pass you a copy")
                        ent_spellings[j][display(u.text)] += 1
                    if u.written:
                        # "General Chu", "Sheng Tupan", "Dr. Mustapha Ali": how the document calls him
                        ent_spellings[j][display(u.written)] += 1
                    if u.title and u.type == "person":
                        _so_titled(so_titled, u.title, j)
                # "The following was received from the Naval Attaché Chungking:": a telegram's or a
                # memorandum's first sentence under its header and date line is its writer's
                opening = 0 <= lead_from <= s.start and (_A_STATEMENT.search(s.text) is not None
                                                         or _FOLLOWING.match(s.text) is not None)
                if opening:
                    lead_from = -1  # the first only
                if writer is not None and writer not in ids and (
                        archival.FIRST_PERSON.search(s.text) or (sender is not None and WE.search(s.text))):
                    ids.append(writer)  # "On May 1 he gave me copies": the writer of the telegram
                    via[writer] = "the writer (I, me)"
                elif opening and writer is not None and writer not in ids and s.text[:1] not in _QUOTES_OPEN:
                    # (not a telegram he quotes: "Following is Tihwa's 267:" / "“Sung has shown us ...")
                    ids.append(writer)
                    via[writer] = "the writer (the document's first sentence)"
                if author is not None and author not in ids and archival.AUTHOR.search(s.text):
                    ids.append(author)  # "during the author's service as British Consul-General"
                    via[author] = "the author"
                if addressee is not None and addressee not in ids and YOU.search(s.text):
                    ids.append(addressee)  # "we have to inform you that the aircraft ...": the cable's addressee
                    via[addressee] = "the one written to (you)"
            if notes:
                note = next((n for n, (a, b) in notes.items() if a <= s.start < b), None)
                if note is None:
                    for n, at in footnote_marks(s.text, s.start, notes):
                        # "the recent Anglo-Soviet treaty35": what the note glosses ends at its number;
                        # a mark in brackets ("Pappengut[2]") is an encyclopedia's reference as often
                        # as a note, and only a note that names a person is read from it
                        bracketed = text.startswith("[", at)
                        here = [m.entity for m in found if m.entity is not None and at - 2 <= m.end <= at]
                        here += [j for u, j, _how in (placed[s_index] if placed else []) if at - 2 <= u.end <= at]
                        if here and not bracketed:
                            marked.setdefault(n, here)
                        elif n in naming and naming[n] not in ids and (
                                _etype(naming[n], entries, extra) in ("person", "unknown") or _ACRONYM_MARKED.search(text, max(0, at - 12), at)):
                            # (a body only for the acronym marked: "CNAC19"; "a leading article6" with
                            # "6. Ta Kung Pao." cites the paper, it does not gloss the words)
                            # "Minister of Economic Affairs[50] has informed me", "50. Wong Wen-hao": he
                            ids.append(naming[n])
                            via[naming[n]] = f"footnote {n}: {_ename(naming[n], entries, extra)}"
                elif note in marked and not CITATION_NOTE.match(s.text) \
                        and not _glosses_another(s.text, [_ename(j, entries, extra) for j in marked[note]]):
                    for j in marked[note]:  # "Footnote 35: Signed at London, May 26, 1942": the treaty's
                        if j not in ids:
                            ids.append(j)
                            via[j] = f"footnote {note}, to {_ename(j, entries, extra)}"
            if not spec.curated:
                named_here = [(m.entity, m.text) for m in found if m.entity is not None]
                named_here += [(j, u.text) for u, j, _how in (placed[s_index] if placed else [])]
                for j, form in named_here:
                    if " " in form and (kind_word := form.rsplit(" ", 1)[1]) in _body_words() \
                            and _etype(j, entries, extra) in BODY_TYPES:
                        bodies[kind_word].add(j)
                for the_body in THE_BODY.finditer(s.text):
                    named = bodies.get(the_body.group(1), set())
                    if len(named) == 1 and (j := next(iter(named))) not in ids:
                        # "The propaganda outlet of the Association was ..." in an article on the
                        # Xinjiang People's Anti-Imperialist Association: the one body named so before
                        ids.append(j)
                        via[j] = f"{the_body.group(0)!r}: {_ename(j, entries, extra)}, so named before in the document"
            if so_titled and not spec.curated:
                for the_title in THE_TITLE.finditer(s.text):
                    who = so_titled.get(the_title.group(1).lower())
                    if who is not None and who not in ids:  # "the Consul reported ...": the one so titled before
                        ids.append(who)
                        via[who] = f"{the_title.group(0)!r}: {_ename(who, entries, extra)}, so titled before in the document"
            while ti < len(timexes) and timexes[ti].start < s.start:
                ti += 1
            dated: list[TimexSpan] = []
            tj = ti
            while tj < len(timexes) and timexes[tj].start < s.end:
                if _dates_a_statement(timexes[tj].date) and not timexes[tj].aside:
                    dated.append(timexes[tj])
                tj += 1
            last = timexes[tj - 1] if tj > ti else None
            dated = _dates_of_statement(dated, text)
            same_para = prev is not None and (
                prev[0] == (sid, s.paragraph)
                # "This battle resulted ..." opening a paragraph continues the one before
                or (prev[0] == (sid, s.paragraph - 1) and prev[3] == s.section and CONTINUES.match(s.text) is not None))
            if same_para:
                assert prev is not None
                _refer_back(s.text, ids, via, prev[1], entries, extra)
            if topic is not None:
                for form in other_names(s.text):  # "Nickname(s)"Tiger Prince" of Hami": its subject's
                    ent_spellings[topic][form] += 1
                    if topic not in ids:
                        ids.append(topic)
                        via[topic] = "the document's subject (its infobox's other names)"
                called = called_so(s.text)  # "It was commonly referred to as the KMT 36th Division"
                for form in (called if called and _it_is_the_subject(doc, s_index, topic, per_sentence, placed,
                                                                     entries, extra) else ()):
                    ent_spellings[topic][form] += 1
                    if topic not in ids:
                        ids.append(topic)
                        via[topic] = "the document's subject (it, called so)"
            if topic is not None and topic not in ids:
                if _field_line(s.text):  # "- Result: Independence ... declared on 12 November 1944"
                    ids.append(topic)
                    via[topic] = "the document's subject (a line of its infobox)"
                elif ((it := IT_OPENS.match(s.text)) is not None and _etype(topic, entries, extra) != "person"
                      and (not same_para or (prev is not None and topic in prev[1]))):
                    # "It is located in the Dzungarian Basin" opening a paragraph of an article on
                    # Tacheng, or after a sentence about it: the thing the document is about
                    ids.append(topic)
                    via[topic] = f"{it.group(0)!r}: the document's subject"
                else:
                    said = THE_KIND.search(s.text)  # "signed the treaty in Moscow" in an article on the treaty
                    if said is not None and said.group(2) and not FIGHT_NAMES.search(_ename(topic, entries, extra)):
                        said = None  # "fighting" is a battle's, not the peace talks'
                    if said is not None and KIND_WORDS.get((said.group(1) or said.group(2)).lower()) == _etype(topic, entries, extra) \
                            and not any(_etype(i, entries, extra) == _etype(topic, entries, extra) for i in ids):
                        ids.append(topic)
                        via[topic] = f"{said.group(0)!r}: the document's subject"
                    elif (same_para and prev is not None and topic in prev[1] and _etype(topic, entries, extra) in NARRATED
                          and not dated and not any(_etype(i, entries, extra) == _etype(topic, entries, extra) for i in ids)):
                        # "The Battle of Dawan Cheng (1934) occurred when ... The 36th Division wiped
                        # out nearly the entire column": the paragraph an article on an event tells it in
                        # (not a sentence with a date of its own: "Ma Hushan died in Linxia in 1954" is
                        # the aftermath's, "In 1930 Jin Shuren annexed ..." the background's)
                        ids.append(topic)
                        via[topic] = "the paragraph telling the document's subject"
            if (same_para and place_subject is not None and place_subject not in ids
                    and (it := _IT_PLACE.match(s.text)) is not None):
                # "But in the last two years Lanchow has meant even more to Free China. It is the
                # eastern terminus for the war supplies": the place the sentence before is about
                ids.append(place_subject)
                via[place_subject] = "'It': the place the sentence before is about"
            place_subject = _place_subject(s.text, found, placed[s_index] if placed else [], s.start, entries, extra)
            people_here = [i for i in ids if _etype(i, entries, extra) == "person"]
            # where the sentence names each person, for "he" before anyone else and for what it opens with
            persons_at = _person_starts(found, placed[s_index] if placed else [], s.start, entries, extra)
            # "he" is the person the paragraph is about: in a dated sentence naming nobody, and in
            # any sentence that opens with it ("He arrested ... and sent a letter to Stalin")
            if dated and not people_here and PRONOUN.search(s.text):
                salient = para_people[s.paragraph].most_common(1)
                if subject is not None and para_people[s.paragraph][subject]:
                    # in an article about one man, "he" is him wherever the paragraph names him too
                    # ("When he returned to China in October 1933 he was arrested by the KMT": Jin
                    # Shuren's, though Ma Chung-yin is named more often around it)
                    salient = [(subject, 0)]
                if salient:
                    ids.append(salient[0][0])
                    via[salient[0][0]] = "pronoun"
                elif subject is not None and OPENS_WITH_PRONOUN.match(s.text):
                    # "He left Xinjiang on September 11, 1944" opening a paragraph of an article
                    # about him: the person the document is about
                    ids.append(subject)
                    via[subject] = "pronoun (the person the document is about)"
            elif OPENS_WITH_PRONOUN.match(s.text) and (same_para or _etype(subject, entries, extra) == "person"):
                # "Stalin agreed. He volunteered the requested airplanes.": the person the sentence
                # before is about (it opens with him, or with "he" meaning him); else, in an article
                # about a man, him ("He was the son of Ma Qing. He commanded Hui cavalry"); else
                # the person the sentence before named first
                target = about if same_para else None
                if target is None and _etype(subject, entries, extra) == "person":
                    target = subject
                if target is None and prev is not None:
                    target = next((i for i in prev[1] if _etype(i, entries, extra) == "person"), None)
                if target is not None and target not in ids:
                    ids.append(target)
                    via[target] = "pronoun"
            elif (same_para and about is not None and about not in ids and (he := HE.search(s.text)) is not None
                  and he.start() <= HE_OPENS and not any(a < he.start() for a, _j in persons_at)):
                # "Roschin's mention of ... was in calm language. On question of Sinkiang, however, he
                # spoke with strong feeling": "he" opening the sentence's clause, before anyone else
                # is named, is the man the sentence before opened with
                ids.append(about)
                via[about] = "pronoun"
            if (subject is not None and subject not in ids and _etype(subject, entries, extra) == "person"
                    and ((same_para and about == subject) or para_people[s.paragraph][subject]
                         or (prev is not None and prev[0][0] == sid and subject in prev[1] and prev[3] == s.section))):
                # (a paragraph of its own after a sentence about him: "In 1931 he joined the army")
                # in an article about a man, "he" before anyone else is named is him, in a passage
                # about him ("Six days later he was killed in a coup attempt by Fan Yaonan")
                he = HE.search(s.text)
                others = [a for a, j in persons_at if j != subject]
                him = HIM.search(s.text)
                if he is not None and (not others or he.start() < min(others)):
                    if len(PRONOUN.findall(s.text)) == 1:
                        # one "he" is one man: him, not also the one the paragraph names most ("He
                        # was murdered on 19 March 1942" in the article on Sheng Shiqi is not his
                        # brother Sheng Shicai's death, though the paragraph names the brother)
                        named = {j for _a, j in persons_at}
                        for j in [j for j in ids if via.get(j) == "pronoun" and j not in named]:
                            ids.remove(j)
                            del via[j]
                    ids.append(subject)
                    via[subject] = "pronoun (the person the document is about)"
                elif (him is not None and len(before := {j for a, j in persons_at if a < him.start()}) == 1
                      and not CLAUSE_BREAK.search(s.text, max(a for a, j in persons_at if j in before), him.start())):
                    # "Chiang Kai-shek appointed him the first Uyghur governor": "him" is not the
                    # one who does it, so it is the man the passage is about
                    ids.append(subject)
                    via[subject] = "pronoun (the person the document is about)"
            # the person this sentence is about, for a "he" opening the next: the one it opens with
            bylined = by_line is not None and s.start <= by_line.start < s.end  # the writer, not the story's
            if bylined:
                about = None
            elif OPENS_WITH_PRONOUN.match(s.text):
                about = next((i for i in ids if via.get(i, "").startswith("pronoun")), None)
            else:
                about = next((j for a, j in sorted(persons_at) if a <= 1), None)
            for i in ids:
                if (i == subject or _etype(i, entries, extra) == "person") and i not in via and not bylined:
                    para_people[s.paragraph][i] += 1
            sent_id = f"s-{sid}-{_hash(sid, s.start, s.end)}"
            ev_ids = []
            dateline: list[TimexSpan] = []
            received = archival.received_line(s.text)  # "[Received May 10—7:45 a.m.]": when it came
            if received:
                dated = []  # routing, no event: the date line above dates what follows
            if dated and _dateline(_without(s.text, s.start, dated)):
                # a dateline ("Calcutta, Feb. 18.") dates what follows it; of itself it says only
                # when and where the document was written: that, its writer's, is its one event
                dateline, dated = dated, []
                line_date = dateline[:1]
                if head_span is not None and any(t.start == head_span.start for t in dateline):
                    written, piece_end = _written(events_out, spec, doc, s, head_span, ids, via, writer, entries,
                                                  extra)
                    piece = events_out[-1] if written else None
                    ev_ids += written
                    c = piece["citations"][0] if piece is not None else None
                    if c is not None and (c["end"] > s.end or c["start"] < s.start):
                        # the title cited with the date line is found with it ("end of the Xinjiang Wars")
                        doc_terms = list(doc_terms)
                        doc_terms[s_index] = sentence_terms(text[c["start"] : c["end"]])
                    if written and writer is not None and writer not in ids:
                        ent_events[writer].extend(written)  # his, though the line does not name him
            elif last is not None and last.referred and INTRODUCES.match(text, last.end, s.end) is not None:
                # "Following is Tihwa's telegram 160, April 22, 8 a.m.:" states no event: it
                # dates the telegram it introduces
                dateline, dated = [last], []
            values: set[str] = set()
            for t in dated:
                if t.date.value not in values:  # "June 19 ... that day", "dated January 3 ... left January 3": one event
                    values.add(t.date.value)
                    ev_ids.append(_event(events_out, spec, doc, s, t, t.date.to_dict(), ids, via, entries, extra))
                implied = _implied(t)
                if implied is not None:
                    ev_ids.append(_event(events_out, spec, doc, s, t, implied, ids, via, entries, extra))
            depth = 0
            follows = same_para or (prev is not None and prev[5] and prev[0] == (sid, s.paragraph - 1)
                                    and prev[3] == s.section)
            passes = False
            stated = [t for t in dated if not t.referred]  # not the dates of other documents it names
            if dateline:
                dated_for_next = dateline
            elif follows and (not dated or (not stated and prev is not None and prev[5])):
                # a sentence of the paragraph, or the first after a dateline ("Washington, August
                # 19, 1911." above "The following System of Drill Regulations ... is approved");
                # one that only refers to other documents by their dates ("I have the honor to
                # refer to my despatch No. 3, April 22, ... and to report that ...") as well
                assert prev is not None
                carried, depth = prev[2], prev[4] + 1
                if depth > 1:  # a bare year dates only the very next sentence, not a whole passage
                    carried = [t for t in carried if t.date.precision != "year"]
                if s.end <= piece_end and piece is not None:
                    # the title under the date line: its names are the piece's ("Letters from
                    # Kazak Refugees in Turkey to Yolbars Khan")
                    for i in ids:
                        x = _eid(i, entries, extra)
                        if x not in piece["entities"]:
                            piece["entities"].append(x)
                            if i in via:
                                piece["via"][x] = via[i]
                            ent_events[i].append(piece["id"])
                if not WORDS.search(s.text) or received or s.end <= piece_end or (
                        prev[5] and (ASIDE.fullmatch(s.text) or LABEL_LINE.fullmatch(s.text))):
                    # "No. 11", "[Received ...]", a caption's "(File photo)", a record's
                    # "Authenticated by: V. Popova" or the title cited with the date line above
                    # it: it passes the date on
                    dated_for_next, depth, passes = prev[2], prev[4], prev[5]
                elif depth <= MAX_CONTEXT_DEPTH and not TIME_SHIFT.search(s.text):
                    n_own = len(ev_ids)
                    line_end = line_date[0].date.end if line_date and line_date[0].date.precision == "day" else None
                    if line_end and carried and all(_ahead_of(t, line_end) for t in carried):
                        # a day ahead of the date line's, a telegram's deadline ("ordered me to leave
                        # Kashgar May tenth" under "May 5, 1953"): the next sentence is of the
                        # telegram's day as well as, perhaps, of that one
                        carried = [*carried, *line_date]
                    for t in _context_dates(carried, text):
                        ev_ids.append(_event(events_out, spec, doc, s, t, _context_date(t), ids, via, entries, extra))
                    dated_for_next = carried if len(ev_ids) > n_own else []
                    if dated_for_next and prev[5] and HEADING_LINE.fullmatch(s.text):
                        # "of 7 February 1936 / 418. Concerning Xinjiang / Accept Ma Zhongying's
                        # proposal ...": a heading under a date line passes the date on to the text
                        passes = True
                else:
                    dated_for_next = []
            elif dated and not stated and follows:
                # "Section 5, mytel 150 April 18.": a referred telegram's date dates only its own
                # sentence; the next takes what this one would have
                assert prev is not None
                dated_for_next, depth = prev[2], prev[4]
            else:
                dated_for_next = stated
            if prev is not None and ASIDE.fullmatch(s.text) and prev[0] == (sid, s.paragraph):
                pass  # "(Embassy's 2232, December 28, repeated Moscow.)": an aside; the story's date goes on
            else:
                prev = ((sid, s.paragraph), [] if bylined else list(ids), dated_for_next, s.section, depth,
                        bool(dateline) or passes)
            n_events += len(ev_ids)
            for i in ids:
                ent_sentences[i].append(sent_id)
                ent_events[i].extend(ev_ids)
                if len(ids) > 1:
                    related[i].update(ids)  # itself included: _entity leaves it out
            sentences_out.append({
                "id": sent_id, "source": sid, "section": s.section, "paragraph": s.paragraph,
                "start": s.start, "end": s.end, "text": s.text,
                "entities": [_eid(i, entries, extra) for i in ids], "events": ev_ids,
            })
        for ev_id, place in _birthplaces(sentences_out, events_out, lambda x: _etype(_index_of(x), entries, extra),
                                         lambda x: ref(x)["name"]):
            ent_events[_index_of(place)].append(ev_id)  # "Azizi was born in Tacheng": Tacheng's, his birth
        run.per_source[sid] = {"sentences": len(doc.sentences), "events": n_events,
                                   "dates": sum(1 for t in timexes if _dates_a_statement(t.date))}
        # the document's records go to the store as soon as it is read, its events shown with the
        # names their entities have now (a found entity's may change: see `shown`)
        _check_records(sentences_out, events_out, text)
        st.add_sentences(sentences_out, doc_terms)
        outs = []
        for ev in events_out:
            refs = {x: ref(x) for x in ev["entities"]}
            outs.append(event_out(ev, refs))
            for x, r in refs.items():
                if x in extra_index:
                    shown[extra_index[x]].setdefault((r["name"], r["type"]), []).append(ev["id"])
        st.add_events(events_out, outs)
        ents = {x for rec in sentences_out for x in rec["entities"]}
        st.add_source(_source_record(spec, doc, run.per_source[sid], len(ents), own_line))
        new_sources.append(sid)
        run.order.append((sid, k))
        if spec.curated:
            run.seeds += 1
        docs.forget(sid)

    # ------------------------------------------------------------------ across the documents
    state = pickle.dumps(run, protocol=PICKLE)  # before finish(), which adds to the merges
    merged, possibly_raw = identities.finish() if discover else ({}, {})
    merged = _to_last(merged)
    all_entries = entries + extra
    ids_of = [e.id for e in all_entries]
    n_all = len(all_entries)
    learnt = _learnt(identities, docs)
    possibly = {i: [{"id": all_entries[c].id, "name": all_entries[c].name, "reason": why}
                    for c, why in possibly_raw.get(i, []) if c not in merged and c != i] for i in range(n_all)}
    old = run.written
    touched = set(ent_sentences) | set(ent_events) | set(ent_forms) | set(ent_spellings) | set(related)
    remerged = {a for a in set(run.merged) | set(merged) if run.merged.get(a) != merged.get(a)}
    changed = {i for i in range(len(entries), n_all) if old.get(i) != all_entries[i]}  # new, renamed, retyped
    reshown = {i for i in changed if i in old and (old[i].name, old[i].type) != (all_entries[i].name, all_entries[i].type)}
    stored = st.mentions(i for i in touched | remerged | reshown | set(merged) if i in old)
    mentions = {i: _mentions_of(stored.get(i), ent_sentences.get(i), ent_events.get(i), ent_forms.get(i),
                                ent_spellings.get(i), related.get(i)) for i in touched | remerged | reshown | set(merged)}
    # companions of an entity whose merge changed show it under another id
    companions = {c for a in remerged for c in mentions[a].related if c != a and c < n_all}
    dirty = touched | remerged | changed | companions | {i for i in range(n_all) if i not in old}
    dirty |= {run.merged[a] for a in remerged if a in run.merged} | {merged[a] for a in remerged if a in merged}
    dirty |= {merged[a] for a in merged if a in dirty}
    dirty |= {i for i in range(n_all) if possibly[i] != run.possibly.get(i, [])}
    dirty |= {i for i in range(n_all) if learnt.get(ids_of[i], []) != run.learnt.get(ids_of[i], [])}
    dirty -= set(merged)
    wanted = (dirty | {a for a, b in merged.items() if b in dirty}) - set(mentions)
    stored = st.mentions(i for i in wanted if i in old)
    mentions.update({i: _mentions_of(stored.get(i), None, None, None, None, None) for i in wanted})

    # the records merges rewrite: those naming an entity whose merge changed, and new ones naming
    # a merged entity; and the events showing a found entity by a name or kind it no longer has
    rename = {ids_of[a]: ids_of[b] for a, b in merged.items()}
    sent_ids = {x for a in remerged for x in mentions[a].sentences}
    sent_ids |= {x for a in merged for x in ent_sentences.get(a, ())}
    event_ids = {x for a in remerged for x in mentions[a].events}
    event_ids |= {x for a in merged for x in ent_events.get(a, ())}
    for i in reshown:
        event_ids.update(mentions[i].events)
        event_ids.update(x for a, b in merged.items() if b == i for x in mentions[a].events)
    for i, ways in shown.items():
        now = (all_entries[i].name, all_entries[i].type)
        event_ids.update(x for way, evs in ways.items() if way != now for x in evs)
    _rewrite(st, sent_ids, event_ids, rename, ref)

    # each entity written again if anything it shows changed
    ents_out: list[tuple[int, dict[str, Any]]] = []
    for i in sorted(dirty):
        got = _render(i, all_entries, docs, mentions, merged)
        got["merges"] = learnt.get(ids_of[i], [])
        got["possibly"] = possibly[i]
        ents_out.append((i, got))
        run.citations[i] = len(got["statements"]) + len(got["dates"])
    _check_entities([e for _i, e in ents_out], docs)
    st.put_entities(ents_out)
    st.drop_entities(a for a in merged if a in old)
    st.put_mentions((i, pickle.dumps(tuple(mentions[i]), protocol=PICKLE)) for i in sorted(touched))
    for sid in sorted(st.sources_of(sent_ids)):  # whose sentences now name other entities
        rec = st.source_record(sid)
        rec["counts"]["entities"] = len(st.source_entities(sid))
        st.update_source(rec)

    # the ranking: every sentence read now, and those naming an entity of another kind or name
    types = {e.id: e.type for e in all_entries}
    retyped = {i for i in changed if i in old and old[i].type != all_entries[i].type}
    rerank: list[int] | None = None
    if old:
        again = {x for i in retyped | {a for a, b in merged.items() if b in retyped} for x in mentions[i].sentences}
        rerank = sorted(set(st.rids_of(sorted(again | sent_ids))) | set(range(st.first_new_sentence, st.n_sentences)))
    st.rank(rerank, lambda x: types.get(x, ""), implied_words)

    order = [i for i in range(n_all) if i not in merged]
    light = st.light_by_row()
    light.update({i: index_light(e) for i, e in ents_out})
    top: dict[str, Any] = {"generator": f"etr {__version__}", "schema_version": SCHEMA_VERSION}
    if user_names is not None:
        top["user_names"] = user_names  # kept, so that later adds read them again
    st.finish(entity_meta([light[i] for i in order], order, top))
    # what the next build carries on from: the state before finish(), and what was written
    after: Carried = pickle.loads(state)
    after.merged, after.written = dict(merged), dict(enumerate(all_entries))
    after.possibly = {i: p for i, p in possibly.items() if p}
    after.learnt = {x: v for x, v in learnt.items() if v}
    after.citations = {i: n for i, n in run.citations.items() if i not in merged}
    st.put_carried("state", pickle.dumps(after, protocol=PICKLE))
    st.con.commit()

    report = Report()
    report.unknown, report.unresolved = run.unknown, run.unresolved
    report.per_source, report.flagged, report.split = run.per_source, run.flagged, run.split
    report.controls = run.controls
    report.learnt = identities.report()
    report.counts = {
        "sources": st.n_sources, "sentences": st.n_sentences, "events": st.n_events,
        "entities": len(order), "citations": st.n_events + sum(after.citations.values()),
        "auto_entities": len(extra), "seeds": run.seeds,
    }
    return report


_NONE: Counter[Any] = Counter()

# what a terminal would act on rather than show: C0 controls but tab, newline, carriage return and
# form feed (a page break), DEL and C1, and bidirectional overrides; ESC with the sequence it opens
_CONTROL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?)?"
                      r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_characters(sid: str, text: str) -> list[dict[str, Any]]:
    """The control characters and terminal escape sequences in a document (kept in its text,
    shown escaped by every command), as one entry for the build's report: how many, of what kinds,
    and where the first is."""
    first = _CONTROL.search(text)
    if first is None:
        return []
    kinds: set[str] = set()
    count = 0
    for m in _CONTROL.finditer(text, first.start()):
        count += 1
        c = m.group()
        kinds.add("escape sequence" if c[0] == "\x1b" and len(c) > 1
                  else "bidirectional override" if "\u202a" <= c <= "\u2069" else "control character")
    return [{"source": sid, "count": count, "kinds": sorted(kinds), "start": first.start(), "end": first.end()}]


def _mentions_of(stored: bytes | None, sentences: list[str] | None, events: list[str] | None,
                 forms: Counter[str] | None, spellings: Counter[str] | None, related: Counter[int] | None) -> Mentions:
    """An entity's mentions: those an earlier build stored, and those of the documents read now."""
    if stored is not None:
        m = Mentions(*pickle.loads(stored))
        m.sentences.extend(sentences or ())
        m.events.extend(events or ())
        m.forms.update(forms or _NONE)
        m.spellings.update(spellings or _NONE)
        m.related.update(related or _NONE)
        return m
    return Mentions(list(sentences or ()), list(events or ()), Counter(forms or _NONE), Counter(spellings or _NONE),
                    Counter(related or _NONE))


def _render(i: int, all_entries: list[Entry], docs: _Docs, mentions: dict[int, Mentions],
            merged: dict[int, int]) -> dict[str, Any]:
    """Entity `i`'s record: its mentions and those of the entities merged into it, as one."""
    own = mentions[i]
    sentences, events = list(own.sentences), list(own.events)
    forms, spellings, related = Counter(own.forms), Counter(own.spellings), Counter(own.related)
    for a, b in merged.items():
        if b == i:
            m = mentions[a]
            sentences += m.sentences
            events += m.events
            forms.update(m.forms)
            spellings.update(m.spellings)
            related.update(m.related)
    for a, b in merged.items():  # a companion merged into another is that other
        if a in related:
            related[b] += related.pop(a)
    return _entity(i, all_entries[i], all_entries, docs, docs.texts, {i: sentences}, {i: events}, {i: forms},
                   {i: spellings}, {i: related})


def _rewrite(st: Store, sent_ids: set[str], event_ids: set[str], rename: dict[str, str],
             ref: Callable[[str], dict[str, str]]) -> None:
    """Sentences and events written again: their entities as merges now have them (from the
    lists before merges, kept for the records merges rewrote) and their events' output shown with
    each entity's present name and kind."""
    if not sent_ids and not event_ids:
        return
    raw = st.unmerged(sent_ids | event_ids)
    keep: list[tuple[str, list[str], dict[str, str] | None]] = []
    plain: list[str] = []

    def merge(rid: str, ents: list[str], via: dict[str, str] | None) -> tuple[list[str], dict[str, str] | None]:
        ents, via = raw.get(rid, (ents, via))
        if not any(x in rename for x in ents):
            plain.append(rid)
            return ents, via
        keep.append((rid, ents, via))
        return (list(dict.fromkeys(rename.get(x, x) for x in ents)),
                {rename.get(k, k): v for k, v in via.items()} if via else via)

    rows = []
    for s in st.sentence_rows(sent_ids):
        ents, _via = merge(s["id"], s["entities"], None)
        rows.append((s["id"], ents))
    st.set_sentence_entities(rows)
    evs = []
    for ev in st.event_records(event_ids):
        ents, via = merge(ev["id"], ev["entities"], ev["via"])
        ev["entities"] = ents
        ev["via"] = via if via is not None else ev["via"]
        evs.append((ev, event_out(ev, {x: ref(x) for x in ents})))
    st.set_events(evs)
    st.forget_unmerged(plain)
    st.put_unmerged(keep)


def _check_records(sentences: list[dict[str, Any]], events: list[dict[str, Any]], text: str) -> None:
    """Every citation of a document's records quotes it exactly (as store.facts.validate checks
    a fact base read from JSON)."""
    for s in sentences:
        if text[s["start"] : s["end"]] != s["text"]:
            raise BuildFailed(f"sentence {s['id']} does not match its source text")
    for ev in events:
        for c in ev["citations"]:
            if text[c["start"] : c["end"]] != c["quote"]:
                raise BuildFailed(f"citation of {ev['id']} does not match its quote at {c['source']}[{c['start']}:{c['end']}]")


def _check_entities(ents: list[dict[str, Any]], docs: _Docs) -> None:
    for e in ents:
        for c in [*e["statements"], *(d["citation"] for d in e["dates"])]:
            if docs.text(c["source"])[c["start"] : c["end"]] != c["quote"]:
                raise BuildFailed(f"citation of {e['id']} does not match its quote at {c['source']}[{c['start']}:{c['end']}]")


def _source_record(spec: SourceSpec, doc: Document, counts: dict[str, int], n_entities: int,
                   line: TimexSpan | None = None) -> dict[str, Any]:
    """The source's record; `line`, its own date line (_date_line), read once with its text."""
    rec = {
        "id": spec.id, "file": spec.path.name, "title": spec.title, "short": spec.short,
        "author": spec.author, "publisher": spec.publisher, "kind": spec.kind,
        "language": spec.language, "sha256": hashlib.sha256(doc.text.encode()).hexdigest(),
        "curated": spec.curated, "text": doc.text,
        "read_as": dict(zip(("format", "encoding", "basis"), spec.read_as, strict=True)),
        "sections": [{"title": x.title, "level": x.level, "start": x.start, "end": x.end} for x in doc.sections],
        "counts": {**counts, "entities": n_entities},
    }
    got = None if spec.curated else archival.dated(doc.text)
    if got is not None:
        # the day the header dates the document ("893.00/12–1846: Telegram"): what it reports
        # without a date of its own happened by then
        written = doc.text[got.start : got.end].lstrip("[")
        rec["dated"] = {"value": got.point.value(), "text": written, "start": got.end - len(written), "end": got.end,
                        "basis": got.basis}
    elif line is not None:  # (a curated source's is None: _read_on reads none for it)
        rec["dated"] = {"value": line.date.value, "text": line.date.text, "start": line.start, "end": line.end,
                        "basis": "date line"}
    return rec


DATE_LINE_CHARS = 80  # a letter's or a telegram's date line: a short line
DISPATCH = re.compile(r"\s*[A-Z][A-Za-z .'’-]{1,30},\s*")  # a place opening the line: "Calcutta, Feb. 18. ..."
DATE_LINE_END = re.compile(r"[\s.,;:—–-]*(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.\s?m\.|noon|midnight)?[\s.,;:—–-]*"
                           r"(?:\([A-Z][\w. ]{0,20}\)[\s.,—–-]*)?(?:$|[“\"A-Z])")  # "—1 p.m.", " (A.A.P.).", then the story
MASTHEAD = re.compile(r"\b(?:Times|News|Herald|Daily|Post|Star|Gazette|Tribune|Journal|Chronicle|Advertiser|Mail|"
                      r"Telegraph|Courier|Argus|Press|HC Deb|HL Deb|Hansard)\b")  # a newspaper's, a record's date


def _date_line(text: str, timexes: list[TimexSpan]) -> TimexSpan | None:
    """The date line of a letter, telegram or news story in its first lines, if it has one: a
    day with its year, on a short line ("Chungking, September 21, 1942—1 p.m.", "Tihwa, July 19,
    1944.", "Calcutta, Feb. 18." with the issue's year), the first such."""
    for t in timexes:
        if t.start >= archival.HEAD_CHARS:
            break
        d = t.date
        if d.precision not in ("day", "time") or d.type not in ("DATE", "TIME") or d.how not in ("explicit", "year-inherited"):
            continue
        a = text.rfind("\n", 0, t.start) + 1
        b = text.find("\n", t.end)
        before, after = text[a : t.start], text[t.end : b if b >= 0 else len(text)]
        if DISPATCH.fullmatch(before) and (DATE_LINE_END.match(after) or len(before) + len(after) < DATE_LINE_CHARS):
            return t  # "Chungking, September 21, 1942—1 p.m.", "Calcutta, Feb. 18. ..."
        if MASTHEAD.search(before) and len(before) < DATE_LINE_CHARS:
            return t  # "Taranaki Daily News, 6 March 1934, Page 7", "HC Deb 21 March 1934 vol 287"
        if not before.strip(" \t-–—") and DATE_LINE_END.match(after) and archival.header(text) is not None:
            return t  # a telegram's date alone on its line, under "The Consul at Tihwa (Smith) to the ..."
        # a web page's day, clock time and byline ("2019-09-25 08:37:34 Xinhua Gu Liping"): its date
        # line, under a headline's duration ("70 years on") too
        clocked = WALL_CLOCK.match(after.lstrip(" \t,")) is not None  # "19 августа 2010, 20:00"
        after = WALL_CLOCK.sub("", after, count=1) if clocked else after
        if ((t is timexes[0] or (clocked and t is _first_dated(timexes))) and LONE_BEFORE.fullmatch(before)
                and (not after.strip(" \t.,") or (_titled(after) and _one_dated_line(text, timexes, t)))
                and (not text[:a].strip() or (text[:a].endswith("\n\n") and text[:a].count("\n\n") < LONE_LINES))):
            # "September 2, 1949", "Monday, Aug. 13, 1945" alone as the first line, or as a paragraph
            # under a title, or before the document's title ("September 15, 1945 The Situation in
            # Xinjiang", as an archive's page heads a document); not an infobox's "Born / 21 March 1884"
            return t
    return None


def _first_dated(timexes: list[TimexSpan]) -> TimexSpan | None:
    """The document's first date or time (a headline's "70 years", a duration, comes before it)."""
    return next((t for t in timexes if t.date.type in ("DATE", "TIME")), None)


TITLE_WORDS = 12  # a title after a date line's date: a few words, capitalised, no sentence


def _titled(after: str) -> bool:
    """Whether what follows a date on its line is a title ("The Situation in Xinjiang"), not a
    sentence or a chronology's entry ("The rebels took Igiz-Yar."): capitalised, short, no full stop."""
    words = after.split()
    return (0 < len(words) <= TITLE_WORDS and words[0][:1].isupper() and not after.rstrip().endswith(".")
            and sum(w[:1].islower() and len(w) > 3 for w in words) <= 1)


def _one_dated_line(text: str, timexes: list[TimexSpan], t: TimexSpan) -> bool:
    """Whether the day `t` opens the only line of the document's head that a day opens (an
    archive's "September 15, 1945 The Situation in"; not a chronology's or a diary's first entry,
    "July 7, 1937 Marco Polo Bridge Incident"), under no infobox label ("Born / 21 March 1886
    Ghulja")."""
    head = archival.HEAD_CHARS * 4  # a chronology's next entry may lie past the date line's own reach
    above = text[: t.start].rstrip().rsplit("\n", 1)[-1].strip(" :")
    if above in rules.load("names")["peoples"]["labels"]:
        return False
    for u in timexes:
        if u is t or u.start >= head or u.date.precision not in ("day", "time"):
            continue
        if not text[text.rfind("\n", 0, u.start) + 1 : u.start].strip(" \t[("):
            return False  # another line opens with a day
    return True


LONE_BEFORE = re.compile(r"[ \t]*(?:\[[A-Z][\w .'’-]{1,30},?\][ \t]*)?")  # "[Chungking,] September 28, 1942."
LONE_LINES = 4  # a date alone on a line dates the document among its first lines


def _dates_a_statement(d: DateValue) -> bool:
    """A day, month, year ... or a time of day dates what a sentence states; a duration, a set
    ("every week") or the present or past as a whole ("now", "recently") does not."""
    return d.type in ("DATE", "TIME") and d.start is not None


# a relative clause that tells of another event: "Burhan, who knew what had happened in August"
RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|which|what)\b")


def _dates_of_statement(dated: list[TimexSpan], text: str) -> list[TimexSpan]:
    """The dates a sentence states its event at: not a date read off another of the sentence's
    dates inside a relative clause that tells of another event ("On 26 September 1949 the
    garrison changed sides with Burhan, who knew what had happened to the delegation in August").
    A date the relative clause states in full is a fact the sentence states ("Ili was seized in
    January 1866, when a ... Government was formed, which remained in power until the occupation
    of the province by Russia in 1871")."""
    out: list[TimexSpan] = []
    for t in dated:
        stated = [s for s in out if s.date.how == "explicit"]
        read_off = stated and t.date.how != "explicit" and (t.date.anchor or "").startswith(stated[-1].date.text)
        if read_off and RELATIVE_CLAUSE.search(text, stated[-1].end, t.start) is not None:
            continue
        out.append(t)
    return out


ASIDE = re.compile(r"\s*[(\[][^()\[\]]*[)\]][.\s]*|\s*[(\[][^()\[\]]*[.!?][)\]]\s*")  # a sentence wholly in brackets


HEADING_CHARS = 120  # a document's first line, as far as it may be a name
MAX_CONTEXT_DEPTH = 3  # an undated sentence takes dates from at most three sentences back
# a sentence that moves in time ("who later became leader") does not share the date before it
TIME_SHIFT = re.compile(r"\b(?:later|earlier|previously|formerly|once|already|afterwards|eventually|subsequently)\b", re.I)
CONTINUES = re.compile(r"^(?:This|These|That|Those|During the|At the same time|The same)\b")
REFERRING_TYPES = {"organisation", "state", "military", "newspaper", "event", "treaty", "document"}
IT = re.compile(r"^(?:It|Its)\b|\bits\b")
COUNTED = re.compile(r"^(?:These|Those|The|All|Both)(?:\s+(two|three|four|five|six|seven))?\s+([\w-]+)")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _to_last(merged: dict[int, int]) -> dict[int, int]:
    """Merges followed to their ends: "Ward" into "Robert S. Ward" into a registered entity is
    "Ward" into the registered one."""
    out = dict(merged)
    for a in list(out):
        b, seen = out[a], {a}
        while b in out and b not in seen:
            seen.add(b)
            b = out[b]
        out[a] = b
    return out


def _learnt(identities: Identities, docs: _Docs) -> dict[str, list[dict[str, Any]]]:
    """For each entity, the names taken for it that do not spell it, why, and where it is said."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for m in identities.merges:
        if (m.entity, m.form, m.reason) in seen:
            continue
        seen.add((m.entity, m.form, m.reason))
        item: dict[str, Any] = {"form": m.form, "reason": m.reason}
        if m.source in docs and m.start >= 0:
            a, b = docs.st.sentence_at(m.source, m.start) or (m.start, m.end)
            item["citation"] = docs.citation(m.source, a, b)
        out[m.entity].append(item)
    return out


# a word in lower case: no date line, file number, routing line or bare reference ("Embassy's 928,
# October 24, noon.")
_A_STATEMENT = re.compile(r"(?<![\w'’.-])(?!(?:noon|midnight|telegrams?|despatch(?:es)?|dated|and)(?![\w'’-]))"
                          r"[a-z]{3,}(?![\w'’-])")
_FOLLOWING = re.compile(r"(?:\d+\.\s*)?Following\b")  # "Following is Tihwa's 267, June 15, 6 p.m.:" opens it too
_QUOTES_OPEN = "“\"‘'«"


def _writer(text: str, placed: list[list[tuple[Unknown, int, str]]], mentions: list[list[Mention]],
            identities: Identities) -> tuple[int | None, int]:
    """The entity of the person whose name a document's header gives as its writer ("The Consul
    at Tihwa (Paxton) to the Secretary of State"), recorded as a person with that office; and
    where the header's line ends (-1 for a byline's writer, or none)."""
    head = archival.header(text)
    if head is None or not head.writer:
        by = archival.byline(text)  # "By Peter Fleming.": the "I" of a newspaper's article
        if by is None:
            return None, -1
        head = archival.Header("", by.name, by.start, by.end, "", "")
    j = _named_at(head.start, head.end, placed, mentions)
    if j is not None and not head.office and identities.kind(j) not in ("person", "unknown"):
        return None, -1  # "by Abdurehim Gheni Uyghur" found as the Uyghurs: no people writes an article
    if j is not None and head.office:
        identities.is_writer(j, head.office)
    if not head.line:
        return j, -1
    line_end = text.find("\n", head.end)
    return j, line_end if line_end >= 0 else len(text)


def _longer_alias(said: list[Alias], mentions: list[list[Mention]]) -> list[tuple[str, int]]:
    """The names an alias statement gives a registered entity in full where its mention is only a
    part of them ("officially the Turkic Islamic Republic of East Turkestan", found as the
    registered "Islamic Republic of East Turkestan"): (the name as written, the entity)."""
    spans = {(m.start, m.end): m.entity for found in mentions for m in found if m.entity is not None}
    out = []
    for a in said:
        first = spans.get((a.first_start, a.first_end))
        if first is None or (a.second_start, a.second_end) in spans:
            continue
        inside = {j for (s, e), j in spans.items() if a.second_start <= s and e == a.second_end}
        if inside == {first}:
            out.append((display(a.second), first))
    return out


def _named_at(start: int, end: int, placed: list[list[tuple[Unknown, int, str]]],
              mentions: list[list[Mention]]) -> int | None:
    """The entity of the name the document writes at text[start:end] (or overlapping it: "A.
    Doak Barnett", found as "Doak Barnett")."""
    for sentence_placed, found in zip(placed, mentions, strict=True):
        for u, j, _how in sentence_placed:
            if u.start < end and start < u.end:
                return j
        for m in found:
            if m.entity is not None and m.start < end and start < m.end:
                return m.entity
    return None


WE = re.compile(r"\b(?:we|us|our|We|Our)\b")
YOU = re.compile(r"\b(?:you|your|yourself|You|Your)\b")
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>.+?)\s+to\s+(?P<b>.+)$")


def _from_to(text: str, placed: list[list[tuple[Unknown, int, str]]], mentions: list[list[Mention]],
             entries: list[Entry], extra: list[Entry]) -> tuple[int | None, int | None]:
    """The persons a document's heading says it is from and to ("Cable No. 3582 from Filippov
    [Stalin] to Cde. Mao Zedong", "Letter from Governor Sheng Shicai to Cdes. Stalin, ..."): the
    first person named in each part, or None."""
    at = 0
    for line in head_lines(text):
        at = text.find(line, at)
        m = _FROM_TO.search(line)
        if at < 0 or m is None:
            continue
        parts = [(at + m.start("a"), at + m.end("a")), (at + m.start("b"), at + m.end("b"))]
        found: list[int | None] = [None, None]
        for sentence_placed, here in zip(placed, mentions, strict=True):
            named = [(x.start, x.entity) for x in here if x.entity is not None]
            named += [(u.start, j) for u, j, _how in sentence_placed]
            for start, j in sorted(named):
                for k, (a, b) in enumerate(parts):
                    if found[k] is None and a <= start < b and _etype(j, entries, extra) == "person":
                        found[k] = j
        return found[0], found[1]
    return None, None


# a line of an infobox or a fact sheet: "- Date Signed: 1945-08-14", "Result: Independence ..."
@cache
def _other_names_field() -> re.Pattern[str]:
    labels = "|".join(sorted(map(re.escape, rules.load("text")["infobox"]["other_names"]), key=len, reverse=True))
    return re.compile(rf"\s*[-•*]?\s*(?:{labels})\s*:?\s*(?=\S)", re.I)


def other_names(line: str) -> list[str]:
    """The names an infobox's field of other names gives its subject: "Nickname Ga Ssu-ling
    ("Baby General" or "Little Commander")[1] or "Big Horse"[2]" gives four; quotes and
    footnote marks dropped ("Tiger Prince" of Hami: "Tiger Prince of Hami")."""
    m = _other_names_field().match(line)
    if m is None or "\n" in line.strip() or line.rstrip().endswith("."):
        return []  # a field is one line, and no sentence
    value = re.sub(r"\[[^\]]{1,4}\]", "", line[m.end():])
    out = []
    for part in re.split(r"\s+or\s+|[,;()]", value):
        name = " ".join(re.sub(r"[\"“”‘’«»]", "", part).split()).strip(" .'")
        if len(name) > 2 and name[:1].isupper() and len(name.split()) <= 6:
            out.append(name)
    return out


_CALLED_SO = re.compile(r"It\s+(?:was|is|has\s+been)\s+(?:[a-z]+ly\s+)?(?:also\s+)?(?:known|referred\s+to|called|named|"
                        r"nicknamed|styled)\s+(?:as\s+)?(?P<rest>[^;:]+?)\.?$")


IT_CHAIN = 12  # how many sentences opening with "It" may stand between the subject's and the one read


def _it_is_the_subject(doc: Document, i: int, topic: int, per_sentence: list[list[Mention]],
                       placed: list[list[tuple[Any, int, str]]], entries: list[Entry], extra: list[Entry]) -> bool:
    """Whether "It" opening sentence i is the article's subject: no person, and the paragraph
    opens with its name, every sentence between opening with "It" too ("The New 36th Division
    was a cavalry division ... It was created in 1932 ... It was commonly referred to as ...")."""
    if _etype(topic, entries, extra) == "person":
        return False
    j = i - 1
    while (j >= 0 and i - j <= IT_CHAIN and doc.sentences[j].paragraph == doc.sentences[i].paragraph
           and doc.sentences[j].text.startswith("It ")):
        j -= 1
    if j < 0 or doc.sentences[j].paragraph != doc.sentences[i].paragraph:
        return False
    first = doc.sentences[j]
    opening = first.start + len(re.match(r"(?:The\s+)?", first.text).group(0))  # type: ignore[union-attr]
    named = [(m.start, m.entity) for m in per_sentence[j] if m.entity is not None]
    named += [(u.start, k) for u, k, _how in (placed[j] if placed else [])]
    return any(at == opening and k == topic for at, k in named)


def called_so(sentence: str) -> list[str]:
    """The names an article's sentence gives its subject by "it": "It was commonly referred to
    as the KMT 36th Division or Tungan 36th Division" gives two; none when a name is not all
    capitalised words ("It was known as a place of exile")."""
    m = _CALLED_SO.match(sentence)
    if m is None:
        return []
    out = []
    for part in re.split(r",?\s+or\s+|,\s+", m.group("rest")):
        name = re.sub(r"^(?:the|The)\s+", "", re.sub(r"[\"“”‘’«»]|\[[^\]]{1,4}\]", "", part)).strip(" .'")
        words = name.split()
        if not words or len(words) > 6 or not all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and") for w in words):
            return []  # a description, not a name
        out.append(name)
    return out


FIELD_LINE = re.compile(r"\s*[-•*]?\s*(?:[A-Z][\w ]{0,30}(?::|\s\|)\s|[A-Z][a-z]{2,}\d|[^\n.]{1,120}\n(?:In|Assumed) [Oo]ffice\n)")
# "- Date4 April 1931": glued; "Governor of Xinjiang\nIn office\nJuly 7, 1928 – April 1933": as a page shows it
_FIELD_START = re.compile(r"\s*[-•*]?\s*")


def _field_line(line: str) -> bool:
    """Whether a statement is a line of an infobox: a field with its colon, a label run into its
    value ("Date4 April 1931", "BornApril 22, 1901", as the date grammar finds them), an office
    as a page shows it."""
    if FIELD_LINE.match(line) is not None:
        return True
    opening = _FIELD_START.match(line)  # the bullet and spaces before a field, if any: it always matches
    return (opening is not None and glued_label().match(line, opening.end()) is not None) or life_field(line)
_FOOTNOTE_LINE = re.compile(r"^(?:Footnote (\d{1,3}):|[ \t]+(\d{1,3})\.)[ \t]+\S[^\n]*", re.M)
_NOTE_NUMBER = r"(?:Footnote \d{1,3}:|\s*\d{1,3}\.)\s*"  # a footnote's number, as it opens its line
# a footnote's number where the text marks it: run on to a word or a stop ("treaty35", "VJ Day.2")
_FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z])(?:(\d{1,3})|\[(\d{1,3})\])(?=[\s.,;:)]|$)")  # not "Peitashan.47": that cites the sentence
# a note that cites a source or says it is not printed tells nothing of what it marks
CITATION_NOTE = re.compile(rf"{_NOTE_NUMBER}(?:See|Not printed|Neither printed|Ibid|Ante|Post,|Supra|"
                           r"Infra|Vol\.|Printed|Quoted|Copy|Repeated|Sent|Received|In (?:his )?(?:telegram|despatch|"
                           r"memorandum|letter)|Telegram|Despatch|Memorandum|File|Department of State Bulletin)\b")


def footnotes(text: str) -> dict[int, tuple[int, int]]:
    """A document's footnotes, by number: "Footnote 35: Signed at London, May 26, 1942 ..." or,
    as printed collections set them at a document's foot, an indented "  1. Not printed.", or
    the numbered lines that end a document ("50. Wong Wen-hao") where its text marks that
    number ("Minister of Economic Affairs[50]"): a numbered paragraph of the body is no note."""
    notes = {int(m.group(1) or m.group(2)): (m.start(), m.end()) for m in _FOOTNOTE_LINE.finditer(text)}
    tail: dict[int, tuple[int, int]] = {}
    before = ""  # the line before the numbered lines
    for m in reversed(list(_LAST_LINES.finditer(text))):
        line = m.group(0).strip()
        if not line or line.startswith("[") and line.endswith("]"):
            continue  # a blank line, the copy's "[stored copy truncated here ...]"
        num = _TAIL_NOTE.match(m.group(0))
        if num is None:
            before = line
            break
        tail[int(num.group(1))] = (m.start(), m.end())
    if tail and not before.endswith(":"):  # "... the following points:" and its list are the body
        first = min(a for a, _b in tail.values())
        marked = {int(m.group(1) or m.group(2)) for m in _BODY_MARK.finditer(text, 0, first)}  # one pass
        for n, span in tail.items():
            if n not in notes and n in marked:
                notes[n] = span
    if notes and sorted(notes) == list(range(1, len(notes) + 1)):
        # a copy that numbers the notes from 1 while its text keeps the volume's running marks
        # ("Soviet Ambassador30 ... Communications31 ... Yuan32" over "1. N. V. Roschin. 2. ...
        # 3. ..."): the marks, in their order, are the notes in theirs
        first = min(a for a, _b in notes.values())
        order = list(dict.fromkeys(int(m.group(1) or m.group(2)) for m in _FOOTNOTE_MARK.finditer(text, 0, first)))
        if (len(order) == len(notes) and order[0] > len(notes) and order == list(range(order[0], order[0] + len(order)))):
            notes.update({n: notes[k] for k, n in enumerate(order, 1)})
    return notes


_BODY_MARK = re.compile(r"(?<=[A-Za-z.,;:)’”])(?:\[(\d{1,3})\]|(\d{1,3})(?=[\s.,;:)]))")


_LAST_LINES = re.compile(r"^[^\n]*$", re.M)
_TAIL_NOTE = re.compile(r"(\d{1,3})\.[ \t]+\S")


def footnote_marks(sentence: str, start: int, notes: Mapping[int, tuple[int, int]]) -> list[tuple[int, int]]:
    """(number, offset) of each footnote mark in a sentence of the body: a footnote's number run
    on to the word it glosses ("treaty35", "Affairs[50]"), the footnote after it in the text."""
    out = []
    for m in _FOOTNOTE_MARK.finditer(sentence):
        n, at = int(m.group(1) or m.group(2)), start + m.start()
        if n in notes and notes[n][0] > at:
            out.append((n, at))
    return out


_ACRONYM_MARKED = re.compile(r"(?<![\w.])[A-Z][A-Z&]{1,7}$")


def _naming_notes(text: str, notes: Mapping[int, tuple[int, int]], doc: Document, per_sentence: list[list[Mention]],
                  placed: list[list[tuple[Any, int, str]]], entries: list[Entry], extra: list[Entry]) -> dict[int, int]:
    """The footnotes that only name someone or something, and nothing else ("50. Wong Wen-hao",
    "Footnote 19: China National Aviation Corporation."; not a reference, "3. Wu Ai-chen, Turkistan
    Tumult, p. 89"): number -> what they name, which the text marks by an office, a pronoun or an
    acronym."""
    from bisect import bisect_right

    out: dict[int, int] = {}
    starts = [s.start for s in doc.sentences]
    for n, (a, b) in notes.items():
        body = re.match(rf"{_NOTE_NUMBER}", text[a:b])
        at = a + (body.end() if body else 0)
        i = bisect_right(starts, at) - 1  # the sentence the note's text opens
        if i < 0 or not doc.sentences[i].start <= at < doc.sentences[i].end:
            continue
        here = [(m.start, m.end, m.entity) for m in per_sentence[i] if m.entity is not None]
        here += [(u.start, u.end, j) for u, j, _how in (placed[i] if placed else [])]
        for ms, me, j in here:
            if ms == at and re.fullmatch(r"\.?\s*", text[me:b]):
                out[n] = j  # a person, or a body an acronym stands for ("CNAC19", "Footnote 19: China National Aviation Corporation.")
    return out


def _glosses_another(note: str, names: list[str]) -> bool:
    """Whether a footnote opens with a person's name that is not the one marked ("Footnote 85:
    Angus Ward, Consul General at Vladivostok" under a "Ward" who may be another): it says who
    is meant, and etr does not guess; a note that opens otherwise is about the thing marked."""
    body = re.sub(f"^{_NOTE_NUMBER}", "", note)
    m = re.match(r"(?:[A-Z][a-z]*\.?\s+){1,3}[A-Z][\w’'-]+(?=[,.]|$)", body)
    return m is not None and not any(fold(n) in fold(m.group(0)) or fold(m.group(0)) in fold(n) for n in names)


@cache
def _title_nouns() -> frozenset[str]:
    """The words that are a title alone ("Consul", "Governor", "Amir"), from the titles of the
    rules (not "Mr.", "Dr.")."""
    words = {t.split()[-1].split("-")[-1] for t in rules.load("names")["titles"]["before"]}
    return frozenset(w.lower() for w in words if w.isalpha() and len(w) > 3 and w[0].isupper())


def _so_titled(so_titled: dict[str, int], title: str, person: int) -> None:
    """Remember that the document gave `person` this title ("Consul", "Tupan"): its head word,
    the first title word of it ("Consul General Ward" is a consul, "Secretary of State Hull" a
    secretary), a rank's last ("Major General Sung" is a general)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", title) if w.lower() in _title_nouns()]
    if not words:
        return
    head = words[-1] if words[0] in MILITARY_RANKS else words[0]
    if head not in NOT_A_PERSON:
        so_titled[head] = person


MILITARY_RANKS = frozenset({"lieutenant", "major", "brigadier", "colonel", "captain"})  # before "General"
NOT_A_PERSON = frozenset({"state", "affairs", "staff", "chief", "deputy", "foreign", "office"})  # "the State"


# "the Consul", "the late Governor", "the Amir" with no name after it: the one so titled before
THE_TITLE = re.compile(r"\b[Tt]he\s+(?:(?:late|former|then)\s+)?([A-Z][a-z]+)(?:['’]s\b)?"
                       r"(?![\w'’-]|\s+(?:of|at|in|for|from|to|[A-Z])\b)")  # "the Generalissimo's order"; not "the Consul at Kashgar"
# "the Association", "the League's" with no name after it: the one body of that kind named before
THE_BODY = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)(?:['’]s)?(?![\w'’-]|\s+(?:of\b|[A-Z]))")  # not "the Association Hall"


@cache
def _body_words() -> frozenset[str]:
    return frozenset(rules.load("names")["peoples"]["back_reference"])


HE = re.compile(r"\b(?:he|He)\b")
HE_OPENS = 40  # "he" this near a sentence's start opens its clause ("On question of Sinkiang, however, he ...")
HIM = re.compile(r"\bhim\b")
CLAUSE_BREAK = re.compile(r"[,;:(]|\b(?:and|but|while|when|after|before|who|which)\b")  # "... 1934, but troops drove him"


_YEAR = re.compile(r"(?<![\d.,/-])(1[6-9]\d\d)(?![\d,]\d)")
YEARS_NEAR = 300  # characters either side of a short form read for the years that say which event it is


@lru_cache(maxsize=4)
def _years_of(text: str) -> Counter[str]:
    """How often `text` writes each year (a document's, asked for once per document)."""
    return Counter(_YEAR.findall(text))


def _dated_here(entries: Sequence[Entry], text: str, m: Mention) -> int | None:
    """Of the events a short form may name ("This rebellion": the Sariqol rebellion of 1945 or the
    Ili Rebellion of 1944; "Soviet invasion of Xinjiang": 1934's or 1937's), the one whose
    registered years the text around it writes most often, failing that the whole document, if
    one does so more than the rest."""
    if any(entries[c].type != "event" or not entries[c].dates for c in m.candidates):
        return None
    years = {c: {d[:4] for d in entries[c].dates} for c in m.candidates}
    for stated in (Counter(_YEAR.findall(text, max(0, m.start - YEARS_NEAR), m.end + YEARS_NEAR)), _years_of(text)):
        counts = sorted(((sum(stated[y] for y in years[c]), c) for c in m.candidates), reverse=True)
        if counts[0][0] > 0 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
            return counts[0][1]
    return None


# "It is the eastern terminus ...", "It borders a strong neighbour": "it" saying what a place is or
# where it lies (not "It is expected that ...", "It had rained all night")
_IT_PLACE = re.compile(r"It\s+(?:(?:is|was)\s+(?:also\s+|now\s+|still\s+)?(?:the|a|an|one)\s|"
                       r"(?:lies|lay|borders|bordered|stands|stood)\b)")
_A_SUBJECT_VERB = re.compile(r"\s+(?:has|have|had|is|was|lies|lay|became|becomes|remains|remained|stands|stood|"
                             r"meant|means|serves|served)\b")


def _place_subject(text: str, found: list[Mention], placed: list[tuple[Unknown, int, str]], offset: int,
                   entries: list[Entry], extra: list[Entry]) -> int | None:
    """The place a sentence is about: the first name it gives, a place, before a verb ("Lanchow
    has meant even more to Free China"); None when it names someone or something else first."""
    got = [(m.start - offset, m.end - offset, m.entity) for m in found if m.entity is not None]
    got += [(u.start - offset, u.end - offset, j) for u, j, _how in placed]
    if not got:
        return None
    _a, b, j = min(got)
    return j if _etype(j, entries, extra) == "place" and _A_SUBJECT_VERB.match(text, b) else None


def _person_starts(found: list[Mention], placed: list[tuple[Unknown, int, str]], offset: int,
                   entries: list[Entry], extra: list[Entry]) -> list[tuple[int, int]]:
    """(offset in the sentence, entity) of each person a sentence names."""
    got = [(m.start - offset, m.entity) for m in found if m.entity is not None]
    got += [(u.start - offset, j) for u, j, _how in placed]
    return [(a, j) for a, j in got if _etype(j, entries, extra) == "person"]


BORN_IN = re.compile(r"\bborn\s+(?:in|at|near)\b")
BORN_CLAUSE = re.compile(r"[^,;]*")  # "born in Tokmok", to the end of its clause
_YEAR_OR_MONTH = re.compile(r"\b(?:1[6-9]\d\d|January|February|March|April|May|June|July|August|September|"
                            r"October|November|December)\b")


def _day(e: dict[str, Any]) -> str:
    return str(e["date"].get("start") or e["date"]["value"])


def _birthplaces(sentences: list[dict[str, Any]], events: list[dict[str, Any]],
                 type_of: Callable[[str], str], name_of: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """(event, place) for each "X was born in P" that dates no birth of its own ("He was born in
    Tokmok, ... and moved to Kashgar in 1920": the year is the move's) in a document whose X has a
    dated birth there: the first dated event of X's whose date is a life's span ("(12 March 1915 –
    24 November 2003)") or that says "born". The event is then P's too (the place named right after
    "born in"), and names P among its entities."""
    out = []
    born: dict[str, dict[str, Any]] | None = None  # person -> the first event that dates his birth
    for rec in sentences:
        at = BORN_IN.search(rec["text"])
        if at is None:
            continue
        clause = BORN_CLAUSE.match(rec["text"], at.end())
        if rec["events"] and (clause is None or _YEAR_OR_MONTH.search(rec["text"], 0, clause.end())):
            continue  # "born in 1903 in Hezhou", "born on 12 March in Tacheng": the sentence dates it
        people = [x for x in rec["entities"] if type_of(x) == "person"]
        places = [x for x in rec["entities"] if type_of(x) == "place"]
        named = [x for x in places if rec["text"].startswith(name_of(x), at.end() + 1)]
        places = named or places
        if len(people) != 1 or not places:
            continue
        if born is None:  # once per document, so that a text of many births stays linear
            born = {}
            for e in events:
                if "/" in e["date"]["value"] or "born" in e["text"].lower():
                    for x in e["entities"]:
                        have = born.get(x)
                        if have is None or _day(e) < _day(have):
                            born[x] = e
        first = born.get(people[0])
        if first is not None:
            if places[0] not in first["entities"]:
                first["entities"].append(places[0])
                first["via"][places[0]] = "the place of the birth (" + rec["text"][:60] + ")"
                out.append((first["id"], places[0]))
    return out


THE_KIND = re.compile(r"\b(?:(?:the|this|that)\s+(treaty|pact|agreement|accord|convention|rebellion|revolt|uprising|"
                      r"insurrection|war|battle|incident)|(fighting|clashes|hostilities))\b", re.I)  # "fighting continued"
KIND_WORDS = {"treaty": "treaty", "pact": "treaty", "agreement": "treaty", "accord": "treaty", "convention": "treaty",
              "rebellion": "event", "revolt": "event", "uprising": "event", "insurrection": "event", "war": "event",
              "battle": "event", "incident": "event", "fighting": "event", "clashes": "event", "hostilities": "event"}


FIGHT_NAMES = re.compile(r"\b(?:Battle|War|Incident|Campaign|Siege|Rebellion|Uprising|Revolt|Offensive|Clash|Conflict|"
                         r"Fighting)\b", re.I)
TOPIC_SENTENCES = 15  # an article names what it is about in its first sentences (after its infobox's lines)


# a heading that is a man's name in full: two to four capitalised words, initials among them
_A_MANS_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3}")


def _topic(linker: Linker, doc: Document, named: str,
           placed: list[list[tuple[Unknown, int, str]]]) -> tuple[int | None, str]:
    """The registered entity a document is about, as its title or first heading says ("= Ili
    Rebellion =", "= Sino-Soviet Treaty of Friendship and Alliance ="), and that spelling of it: a
    name taking most of the title; else (None, "")."""
    first_line = doc.text.lstrip().split("\n", 1)[0].strip(" =#")[:200].replace("_", " ")  # a page's "Pei-ta-shan_Incident"
    titles = (doc.sections[0].title if doc.sections else "", first_line, named)
    for title in titles:
        got = _named_by(linker, title, doc.text)
        if got[0] is not None:
            return got
    # a name the documents taught: "Kumul Rebellion", named so by the title and the text, or by a
    # heading under it ("Battle of Baitag Bogd" under the page's "Pei-ta-shan Incident")
    for title in (*titles, *head_lines(doc.text)[1:]):
        if title.lstrip().lower().startswith("by "):
            continue  # "By T. Rees Shapiro": the writer, not what the document is about
        for sentence in placed[:TOPIC_SENTENCES]:
            for u, j, _how in sentence:
                if len(u.text) >= 0.6 * len(title.strip()) and fold(u.text) in fold(title):
                    return j, u.text
                if fuller_name(u.text, title) or _familiar_form(u.text, title):
                    # "Douglas Mackiernan" above "Douglas Seymour Mackiernan (1913–1950) was", the
                    # article "Frank Bessac" opening "Francis Bagnall Bessac (...) was"
                    return j, title.strip()
                words, heading = fold(u.text).split(), fold(title).split()
                if len(heading) >= 2 and words[: len(heading)] == heading:
                    return j, title.strip()  # "Battle of Baitag Bogd" heading "the Battle of Baitag Bogd Mountain"
                if (words == heading[-1:] and u.type in ("person", "unknown") and _A_MANS_NAME.fullmatch(title.strip())
                        and not any(j2 == j and len(w2 := fold(u2.text).split()) >= 2 and w2[0] != heading[0]
                                    for found in placed for u2, j2, _h in found)):
                    # "George W. Hunter" over an entry that calls him "Hunter": the man it is about
                    # (not where the entry names another of that surname in full: "Eleanor
                    # Lattimore" over "... married Owen Lattimore ... Lattimore had returned")
                    return j, title.strip()
    return None, ""


NARRATED = ("event",)  # what an article tells in the sentences after the one naming it


def _titled_lead(text: str, spans: list[tuple[int, int]], unknown: list[list[Unknown]]) -> Alias | None:
    """An article titled by a man's name in its familiar form whose first sentence opens with his
    name in full ("Frank Bessac" above "Francis Bagnall Bessac (...) was an American ..."): the
    title is a name of him (TITLED), whichever document named him so first; else None."""
    if not spans or not unknown or not unknown[0]:
        return None
    first = text.lstrip().split("\n", 1)[0].strip()
    u = unknown[0][0]
    if not 2 <= len(first.split()) <= 3 or u.type != "person" or text[spans[0][0] : u.start].strip():
        return None
    if not _familiar_form(u.text, first):
        return None  # (a fuller writing of the title's, "Douglas Seymour Mackiernan", is merged as such)
    at = text.index(first)
    return Alias(u.start, u.end, at, at + len(first), first, TITLED, *spans[0])


# "It is called Su-lēh by the Chinese", "This town is also known as ...": the opening's subject named otherwise
_IT_CALLED = re.compile(r"(?:It|This\s+(?:city|town|place|oasis|river|lake|district|region|province))\s+(?:is|was)\s+"
                        r"(?:also\s+|often\s+|sometimes\s+|locally\s+|usually\s+)?(?:called|known\s+as|named)\s+")
LEAD_WORDS = 8  # words the first sentence needs to describe its subject (not a dateline, "Tihwa, October 5, 1945.")
_LEAD_IS = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?:,\s+(?:an?|the)\s|\s+(?:is|was)\s)")


def _it_called(text: str, spans: list[tuple[int, int]], per_sentence: list[list[Mention]],
               unknown: list[list[Unknown]], kinds: Sequence[str]) -> list[Alias]:
    """"KASHGAR, an important city of Chinese Turkestan, ... It is called Su-lēh by the Chinese":
    a sentence of a document's opening that says what "it" is called, right after a first sentence
    that opens with a name, gives that name another (the name right after "called"); [] else."""
    if not spans:
        return []
    first = sorted([(m.start, m.end, kinds[m.entity] if m.entity is not None else "unknown") for m in per_sentence[0]]
                   + [(u.start, u.end, u.type) for u in unknown[0]])
    a0, b0 = spans[0]
    if not first or text[a0 : first[0][0]].strip() or first[0][2] == "person" or len(text[a0:b0].split()) < LEAD_WORDS:
        return []
    if not _LEAD_IS.match(text, first[0][1]):
        return []  # "KASHGAR, an important city", "Kashgar is a city": not "Yakub Beg founded a state"
    lead = first[0][:2]
    body = text.find("\n\n", a0)
    body = len(text) if body < 0 else body
    out = []
    for (a, b), found, unk in zip(spans[1:], per_sentence[1:], unknown[1:], strict=True):
        if a >= body:
            break
        m = _IT_CALLED.match(text, a)
        if m is None:
            continue
        named = next(((x, y) for x, y in sorted([(n.start, n.end) for n in found] + [(u.start, u.end) for u in unk])
                      if x == m.end()), None)
        if named is not None:
            out.append(Alias(lead[0], lead[1], named[0], named[1], text[named[0] : named[1]], "it is called", a, b))
    return out


def _familiar_form(full: str, title: str) -> bool:
    """Whether a title of two words names the man its article opens with by the familiar form of
    his first name: the same surname, and the title's given name one the rules know for his
    ("Frank Bessac" of "Francis Bagnall Bessac", "Doug" of "Douglas"; rules/names.toml [familiar];
    not "Alexei Petrov" of "Alexander Petrov")."""
    a, b = full.split(), title.split()
    return (len(b) == 2 and len(a) >= 2 and fold(a[-1]) == fold(b[-1])
            and fold(a[0]) in _familiar().get(fold(b[0]), frozenset()))


@cache
def _familiar() -> dict[str, frozenset[str]]:
    """Familiar given name -> the names it is short for (rules/names.toml [familiar]), folded."""
    out: dict[str, frozenset[str]] = {}
    for short, *names in rules.load("names")["familiar"]["forms"]:
        out[fold(short)] = out.get(fold(short), frozenset()) | frozenset(fold(n) for n in names)
    return out


def _bare_name(form: str, e: Entry) -> bool:
    """Whether `form` is the entity's name without its bracketed qualifier ("Soviet invasion of
    Xinjiang" of "Soviet invasion of Xinjiang (1934)"): the name as a document writes it."""
    return " " in form and fold(form) == fold(QUALIFIER.sub("", e.name))


QUALIFIER = re.compile(r"\s*\([^()]*\)$")


def _named_by(linker: Linker, title: str, doc_text: str = "") -> tuple[int | None, str]:
    if not title:
        return None, ""
    found = [m for m in resolve_short_forms(linker.find_all(title, [(0, len(title))])[0],
                                            partial(_dated_here, linker.entries, doc_text))
             if m.entity is not None and (m.kind != "short" or _bare_name(m.text, linker.entries[m.entity]))]
    if not found:
        return None, ""
    best = max(found, key=lambda m: m.end - m.start)
    if best.start == len(title) - len(title.lstrip()) and DISAMBIGUATED.fullmatch(title, best.end):
        return best.entity, title.strip()  # "Battle of Ürümqi (1933–34)": an encyclopedia's title is a name too
    if best.end - best.start < 0.6 * len(title.strip()):
        return None, ""
    return best.entity, best.text


DISAMBIGUATED = re.compile(r"\s*\([^()\n]{1,40}\)\s*")  # what an encyclopedia's title adds to tell two apart


SUBJECT_LEAD = 3  # the person a document is about is named in its first sentences ...
SUBJECT_SHARE = 0.3  # ... and is at least this share of its persons' mentions


def _subject(per_sentence: list[list[Mention]], placed: list[list[tuple[Unknown, int, str]]],
             entries: list[Entry], extra: list[Entry]) -> int | None:
    """The person a document is about (a biography, an encyclopedia article on a man): named in
    its first sentences and the most named person of all, by a clear share; else None."""
    counts: Counter[int] = Counter()
    lead: set[int] = set()
    for n, found in enumerate(per_sentence):
        here = [m.entity for m in found if m.entity is not None]
        here += [j for _u, j, _how in (placed[n] if n < len(placed) else [])]
        persons = [i for i in here if _etype(i, entries, extra) == "person"]
        counts.update(persons)
        if n < SUBJECT_LEAD:
            lead.update(persons)
    if not counts:
        return None
    top, n_top = counts.most_common(1)[0]
    return top if top in lead and n_top >= SUBJECT_SHARE * sum(counts.values()) and n_top >= 3 else None


THIS_PLACE = re.compile(r"\b(?:this|that|the same)\s+(?:town|city|village|fortress|oasis|place|capital|stronghold)\b", re.I)


def _refer_back(text: str, ids: list[int], via: dict[int, str], prev_ids: list[int],
                entries: list[Entry], extra: list[Entry]) -> None:
    """Links a sentence earns from the one before it in the same paragraph.

    "It began circulation ..." after a sentence about a newspaper: the newspaper.
    "These three Uyghurs returned ..." after a sentence naming three people: each of them.
    "The capture of this town in August" after a sentence ending at Urumchi: Urumchi.
    """
    if THIS_PLACE.search(text):
        places = [i for i in prev_ids if _etype(i, entries, extra) == "place"]
        if places and places[-1] not in ids:
            ids.append(places[-1])
            via[places[-1]] = f"{THIS_PLACE.search(text).group(0)!r}"  # type: ignore[union-attr]
    if text.startswith(("It ", "Its ")) or (IT.search(text) and not any(
            _etype(i, entries, extra) in REFERRING_TYPES for i in ids)):
        things = [i for i in prev_ids if _etype(i, entries, extra) in REFERRING_TYPES]
        if things:
            ids.append(things[-1])
            via[things[-1]] = "pronoun"
    m = COUNTED.match(text)
    if m and (m.group(1) or text.startswith("Both")):
        n = NUMBERS.get(m.group(1) or "", 2)
        people = list(dict.fromkeys(i for i in prev_ids if _etype(i, entries, extra) == "person"))
        if len(people) == n:
            for i in people:
                if i not in ids:
                    ids.append(i)
                    via[i] = f"one of {m.group(0)}"


DEADLINE_DAYS = 62  # a day this near after a telegram's date line is a deadline it sets


def _ahead_of(t: TimexSpan, day: str) -> bool:
    """Whether a date is a day soon after `day` (a date line's): a telegram's deadline ("ordered me
    to leave Kashgar May tenth" under "May 5, 1953"), not a biography's later year under its
    subject's birth year, nor an archive's notice under a photograph's caption."""
    import datetime

    if t.date.precision != "day" or not t.date.start or not (t.date.start > day):
        return False
    try:
        gap = datetime.date.fromisoformat(t.date.start) - datetime.date.fromisoformat(day)
    except ValueError:
        return False
    return gap.days <= DEADLINE_DAYS


def _context_dates(prev_dated: list[TimexSpan], text: str) -> list[TimexSpan]:
    """The dates an undated sentence takes from the sentence before it in the same paragraph: its
    stated dates, not asides in brackets, dates worked out from others, or dates said of the
    moment of writing ("tomorrow", "last month", "1700 years ago")."""
    out = [t for t in prev_dated
           if t.date.how in ("explicit", "year-inherited", "relative") and not _in_brackets(text, t.start)
           and t.date.precision != "century" and not POINTS_FROM_NOW.match(t.date.text)
           and not _AGO.search(t.date.text)]  # "lost 1700 years ago": of that event, not of the next sentence's
    # which of several dates the next sentence continues is often unclear ("... on 17 September
    # 1942 Sheng arrested ... in 1938 and executed them in 1943. Among the executed was ..."): it
    # takes each, labelled as read from context, for the reader to judge
    return out[:3]


_AGO = re.compile(r"\bago$", re.I)
BRACKET_REACH = 400  # how far back a date's opening bracket is looked for


def _in_brackets(text: str, start: int) -> bool:
    """Whether the date at `start` is inside brackets ("(pinyin: ...; 1886–1952)", "(Embassy's
    2232, December 28)"): an aside, which dates no sentence after it."""
    a = max(0, start - BRACKET_REACH)
    return text.rfind("(", a, start) > text.rfind(")", a, start)


def _context_date(t: TimexSpan) -> dict[str, Any]:
    d = t.date.to_dict()
    d["how"] = "context"
    d["anchor"] = f"{t.date.text} ({t.date.value}), in the sentence before"
    return d


class Analysis(NamedTuple):
    """What one document says, read on its own (in a forked child for a large build)."""

    timexes: list[TimexSpan]
    mentions: list[list[Mention]]  # registry names, sentence by sentence (short forms resolved)
    unknowns: list[list[Unknown]]  # names nobody registered, sentence by sentence
    aliases: list[Alias]  # the document's statements that one name is another
    flagged: list[Flag]  # dates set aside, and why
    # the words it writes in lower case, and those it capitalises inside a sentence (what tells
    # the build's ordinary words from names: Identities.read_words)
    words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


@lru_cache(maxsize=1)  # read_signed, then analyse, of one document
def _header_and_signature(text: str) -> tuple[archival.Header | None, archival.Signature | None]:
    """A document's header, and the signature that spells out the name of the writer it names."""
    head = archival.header(text)
    return head, archival.signature(text, head.writer) if head is not None and head.start >= 0 else None


@lru_cache(maxsize=1)  # read_signed, analyse, then the assembly, of one document
def _byline(text: str) -> archival.Signature | None:
    """The writer a line of its own names under a document's title ("by Mark Dickens"), where no
    header names one: a line short enough to pass for furniture, but the document's author."""
    head = _header_and_signature(text)[0]
    if head is not None and head.writer:
        return None
    by = archival.byline(text)
    if by is None:
        return None
    line = text.rfind("\n", 0, by.start) + 1
    if text[line : by.start].strip().lower().startswith("by"):
        return by
    above = text[:line].rstrip().rsplit("\n", 1)[-1].strip()  # a title page's "BY" on the line above
    return by if above.lower() == "by" else None


def read_signed(source: str, text: str) -> Document:
    """A document's sentences, with its signature among them where that spells out the name of
    the writer its header names ("Respectfully yours, / O. Edmund Clubb" under "(Clubb)"), and
    its byline ("by Mark Dickens")."""
    keep = set()
    signed = _header_and_signature(text)[1]
    if signed is not None:
        keep.add(signed.start)
    by = _byline(text)
    if by is not None:
        line = text.rfind("\n", 0, by.start) + 1
        keep.add(line + len(text[line:by.start]) - len(text[line:by.start].lstrip()))
    return read_document(source, text, frozenset(keep))


def analyse(doc: Document, linker: Linker, named: tuple[Point, str] | None = None) -> Analysis:
    """A document's dates, registry names, unregistered names and alias statements. `named`: the
    date its file's name gives (archival.named_date)."""
    flagged: list[Flag] = []
    timexes = tag(doc.text, [(p.start, p.end) for p in doc.paragraphs], flagged, named)
    text = unglued(doc.text)  # names are read without an infobox's labels run into them
    spans = [(s.start, s.end) for s in doc.sentences]
    per_sentence = linker.find_all(text, spans)
    raw = [m for found in per_sentence for m in found]
    resolved = iter(resolve_short_forms(raw, partial(_dated_here, linker.entries, text)))
    per_sentence = [[next(resolved) for _ in found] for found in per_sentence]
    kinds = [e.type for e in linker.entries]
    vocab = vocabulary(text)
    per_sentence = [continued(text, found, kinds, vocab) for found in per_sentence]
    # a registered man's given name before a surname not his ("Ahmetjan Kasmu"): read with it
    loose = [given_before_surname(text, found, vocab, linker.given) for found in per_sentence]
    per_sentence = [[m for m in found if m not in lo] for found, lo in zip(per_sentence, loose, strict=True)]
    defined = aliases.acronyms(text, spans)
    # and those it gives after words in lower case ("field office (UMGB)"): names too
    named_acronyms = frozenset(defined) | aliases.bracketed(text, spans, defined)
    caps = names_in_capitals(text, [m for found in per_sentence for m in found], kinds, vocab)  # "said YOLBARS"
    inside = capitalised_inside(text)
    nouns = capitalises_nouns(text)  # German: a capital says no more than a sentence's start does
    unknown = [unknown_names(text, s.start, s.end, found, vocab, named_acronyms, kinds, caps, inside, nouns)
               for s, found in zip(doc.sentences, per_sentence, strict=True)]
    # a month's name inside a date is the date's ("3. Dezember 1897", "14 Haziran 1965"), not a
    # name (but a man's in "Ten days after Hasan Beg was appointed" is his)
    dated = sorted((t.start, t.end) for t in timexes)
    unknown = [[u for u in found if not (month_name(u.text) and _inside_a_date(dated, u.start, u.end))]
               for found in unknown]
    # ... the registered man's still, where discovery found no fuller name from it
    for k, lo in enumerate(loose):
        kept = [m for m in lo if not any(u.start <= m.start and m.end < u.end for u in unknown[k])]
        if kept:
            per_sentence[k] = sorted([*per_sentence[k], *kept], key=lambda m: (m.start, m.end))
    # a people's name inside a man's ("Han" of "Han Youwen", found by discovery) is his name's
    per_sentence = [[m for m in found if not (m.entity is not None and kinds[m.entity] == "group" and any(
        u.type in ("person", "unknown") and u.start <= m.start and m.end < u.end for u in unk))]
        for found, unk in zip(per_sentence, unknown, strict=True)]
    # and alone, opening a sentence of a document that names one such man ("Han led ..."): he
    his = mens_surnames(text, [s.start for s in doc.sentences], per_sentence, unknown, kinds)
    for k, s in enumerate(doc.sentences):
        if his[k]:
            per_sentence[k] = [m for m in per_sentence[k] if m not in his[k]]
            unknown[k] = unknown_names(text, s.start, s.end, per_sentence[k], vocab, named_acronyms, kinds, caps,
                                       inside, nouns)
    head, signed = _header_and_signature(text)
    if head is not None and head.writer:  # "The Consul at Tihwa (Paxton) to ...": the writer is a person
        for (a, b), found, unk in zip(spans, per_sentence, unknown, strict=True):
            if a <= head.start < b and not any(x.start <= head.start < x.end for x in found) \
                    and not any(u.start <= head.start < u.end for u in unk):
                unk.append(Unknown(head.start, head.end, head.writer, "person", head.office, ADDRESSED))
                unk.sort()
    for who in archival.addressed(text):  # "(Drumright) to the Chargé in China (Atcheson)": persons, of those offices
        for (a, b), found, unk in zip(spans, per_sentence, unknown, strict=True):
            if a <= who.start < b and not any(x.start < who.end and who.start < x.end for x in found) \
                    and not any(u.start < who.end and who.start < u.end for u in unk):
                unk.append(Unknown(who.start, who.end, who.name, "person", who.office, ADDRESSED))
                unk.sort()
    by = _byline(text)
    if by is not None:  # "by Mark Dickens" under the title: the writer is a person
        for (a, b), found, unk in zip(spans, per_sentence, unknown, strict=True):
            if a <= by.start < b and not any(x.start < by.end and by.start < x.end for x in found) \
                    and all(u.type == "unknown" for u in unk if u.start < by.end and by.start < u.end):
                unk[:] = [u for u in unk if not (u.start < by.end and by.start < u.end)]
                unk.append(Unknown(by.start, by.end, by.name, "person", "", "the writer a byline names"))
                unk.sort()
    said: list[Alias] = []
    if signed is not None:  # "Respectfully yours, / O. Edmund Clubb": the writer's full name
        assert head is not None
        for (a, b), found, unk in zip(spans, per_sentence, unknown, strict=True):
            if a <= signed.start < b and not any(x.start < signed.end and signed.start < x.end for x in found):
                unk[:] = [u for u in unk if not (u.start < signed.end and signed.start < u.end)]
                unk.append(Unknown(signed.start, signed.end, signed.name, "person", "", "the writer's signature"))
                unk.sort()
                said.append(Alias(head.start, head.end, signed.start, signed.end, signed.name,
                                  "the signature of the writer", a, b))
    titled = _titled_lead(text, spans, unknown)
    if titled is not None:
        said.append(titled)
    said += _it_called(text, spans, per_sentence, unknown, kinds)
    for (a, b), found, unk in zip(spans, per_sentence, unknown, strict=True):
        names = [(m.start, m.end, kinds[m.entity] if m.entity is not None else "unknown") for m in found]
        names += [(u.start, u.end, u.type) for u in unk]
        said += aliases.statements(text, a, b, names)
        for acr, (x, y) in defined.items():
            if a <= x < b:
                at = text.index(f"({acr})", y) + 1
                said.append(Alias(x, y, at, at + len(acr), acr, f"({acr})", a, b))
    return Analysis(timexes, per_sentence, unknown, said, flagged, (vocab, inside))


def _inside_a_date(dated: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether text[start:end] lies within one of the date spans `dated` (sorted by start)."""
    k = bisect_right(dated, (start, 1 << 62)) - 1  # the last span opening at or before it
    return k >= 0 and dated[k][0] <= start and end <= dated[k][1]


Analysed = tuple[Document, Analysis, list[list[str]]]


def _pack(got: Analysed) -> tuple[Any, ...]:
    """A document's analysis as plain tuples, for the hand-over from the forked child: pickling
    dataclasses and named tuples took the child more time than a tenth of its analysing, and the
    parent has the text already."""
    doc, an, doc_terms = got
    return (tuple((x.title, x.level, x.start, x.end) for x in doc.sections),
            tuple((x.start, x.end, x.section) for x in doc.paragraphs),
            tuple((x.section, x.paragraph, x.start, x.end) for x in doc.sentences),
            tuple((t.start, t.end, t.aside, t.referred, *(getattr(t.date, f) for f in _DATE_FIELDS)) for t in an.timexes),
            [[tuple(m) for m in ms] for ms in an.mentions], [[tuple(u) for u in us] for us in an.unknowns],
            [tuple(x) for x in an.aliases], an.flagged, doc_terms, doc.splits, an.words)


def _unpack(data: tuple[Any, ...], item: tuple[str, str]) -> Analysed:
    sid, text = item
    sections, paragraphs, sentences, timexes, mentions, unknowns, said, flagged, doc_terms, splits, words = data
    doc = Document(sid, text, tuple(Section(*x) for x in sections), tuple(Paragraph(*x) for x in paragraphs),
                   tuple(Sentence(sid, sec, para, a, b, text[a:b]) for sec, para, a, b in sentences), splits)
    spans = [TimexSpan(t[0], t[1], DateValue(*t[4:]), t[2], t[3]) for t in timexes]
    return (doc, Analysis(spans, [[Mention._make(m) for m in ms] for ms in mentions],
                          [[Unknown._make(u) for u in us] for us in unknowns], [Alias._make(x) for x in said],
                          flagged, words), doc_terms)


_DATE_FIELDS = ("text", "value", "start", "end", "precision", "mod", "how", "type", "anchor")


# what is left of a line that only dates a document once its dates are taken out: a dateline's
# place ("Tihwa, November 16, 1947—6 p.m."), a routing word ("[Received November 17—4:02 p.m.]")
# (possessive quantifiers: no backtracking, so a sentence of digit soup costs its length)
_DATELINE = re.compile(r"[\W\d]*+(?:(?:Received|Sent|Dated|Filed|Repeated)\b|[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}\s*,)?"
                       r"(?:\((?:(?:[A-Z]\.?){2,5}|Reuters?|Tass|Exchange|Special|Associated Press|United Press)\)|[\W\d]|\b[ap]\.\s?m\b|\bnoon\b|\bmidnight\b)*+")  # a news agency: "(A.A.P.)"
HEADING_LINE = re.compile(r"(?:\d{1,4}\.\s+)?[A-Z][^\W\d][^.!?:;|\t\n]{0,60}")  # "418. Concerning Xinjiang": no sentence
# a record's credit on its line, no sentence: "Authenticated by: V. Popova", "Translated by: ..."
# (not a headline's "Sinkiang: Where It Could Begin")
LABEL_LINE = re.compile(r"[A-Z][^\W\d]*(?: [^\W\d]+){0,2} by:(?:[ \t]+[A-Z][\w'’-]*\.?){1,5}")
WORDS = re.compile(r"[^\W\d]{3,}")  # a sentence of words, not a file number alone ("(793.94/17089)")


def _dateline(rest: str) -> bool:
    """Whether a sentence whose dates leave `rest` is a dateline or a routing line, not a statement."""
    # "of 7 February 1936" on a line of its own under a resolution's heading (not "... the trade
    # agreement / of 7 February 1936." that a hard-wrapped page broke off its sentence)
    return not re.search(r"[^\W\d]{2,}", rest) or _DATELINE.fullmatch(rest) is not None or rest.strip() == "of"


def _to_day(date: dict[str, Any]) -> dict[str, Any]:
    """An event's date to the day: the hour a telegram was sent ("June 11, 11 a.m.") or a part of
    a day ("this afternoon") is when it was told, not a finer date of what it tells."""
    if "T" not in date["value"]:
        return date
    return {**date, "value": _TIME_OF_DAY.sub("", date["value"]), "type": "DATE", "precision": "day"}


_TIME_OF_DAY = re.compile(r"T[^/]*")


def _without(text: str, offset: int, spans: list[TimexSpan]) -> str:
    for t in sorted(spans, key=lambda t: -t.start):
        text = text[: t.start - offset] + text[t.end - offset :]
    return text


def _entry(i: int, entries: list[Entry], extra: list[Entry]) -> Entry:
    """The entity at index i: the registry's, then those found in added documents (as Identities.entry)."""
    return entries[i] if i < len(entries) else extra[i - len(entries)]


def _ename(i: int, entries: list[Entry], extra: list[Entry]) -> str:
    return _entry(i, entries, extra).name


def _etype(i: int | None, entries: list[Entry], extra: list[Entry]) -> str:
    return "" if i is None else _entry(i, entries, extra).type


def _eid(i: int, entries: list[Entry], extra: list[Entry]) -> str:
    return _entry(i, entries, extra).id


def _implied(t: TimexSpan) -> dict[str, Any] | None:
    """'17 November 1944, five days after the ETR was founded' also says: founded 12 November."""
    d = t.date
    if d.how != "derived" or d.precision != "day":
        return None
    m = re.match(r"(\w+)[\s-]+(day|week)s?\s+after\b", d.text)
    if not m:
        return None

    n = number(m.group(1)) if m.group(1).lower() not in ("a", "an") else 1
    p = parse_value(d.value)
    if n is None or p is None:
        return None
    q = add_days(p, -n * (7 if m.group(2) == "week" else 1))
    bd = bounds(q.value())
    assert bd is not None
    return {
        "text": d.text, "value": q.value(), "start": bd[0], "end": bd[1], "precision": "day",
        "mod": None, "how": "derived", "type": "DATE",
        "anchor": f"{d.anchor} minus {m.group(1)} {m.group(2)}{'s' if n != 1 else ''}",
    }


def _written(out: list[dict[str, Any]], spec: SourceSpec, doc: Document, s: Any, t: TimexSpan,
             ids: list[int], via: dict[int, str], writer: int | None, entries: list[Entry],
             extra: list[Entry]) -> tuple[list[str], int]:
    """The event a document's own date line states ("Washington, July 10, 1942." in its head,
    etr.ingest.assemble._date_line): the document written there that day, by the writer its
    header names; or a day alone by the document's title (an article's "Powder Keg of Central
    Asia / July 01, 1964"): the piece of that day, cited by its title and date line together; or
    a span of days under a reference page's title (_titled_range), its subject's span. With where
    the cited words end. A full day or span only: not a masthead ("The Times, 6 January 1945": the issue, not the piece), a day
    alone over the text or under no title, a month, nor a later date line of the file (an
    enclosure's, a message it quotes, an itinerary's stops: whose, its header does not say)."""
    line_start = doc.text.rfind("\n", 0, t.start) + 1
    before = doc.text[line_start : t.start].replace("[", "").replace("]", "")  # the editor's "[Chungking,]"
    if t.date.precision not in ("day", "range") or MASTHEAD.search(before):
        return [], -1
    if not DISPATCH.fullmatch(before) or t.date.precision == "range":
        # a day alone under the document's title ("Powder Keg of Central Asia / July 01, 1964"):
        # the piece of that day, stated by its title and its date line together
        span = _titled_span(doc.text, t)
        if span is None:
            return [], -1
        s = _Span(span[0], span[1], doc.text[span[0] : span[1]])
    named, why = list(ids), dict(via)
    if writer is not None and writer not in named and t.date.precision == "day":
        named.append(writer)
        why[writer] = "the writer (the document's date line)"
    return [_event(out, spec, doc, s, t, t.date.to_dict(), named, why, entries, extra)], s.end


def _titled_range(text: str, timexes: list[TimexSpan]) -> TimexSpan | None:
    """The span of days a page gives its subject under its title, the first date of its head
    ("Xinjiang Wars / 20 Feb 1931 - 30 Oct 1937", as a reference page heads a war or a life)."""
    t = _first_dated(timexes)
    if t is None or t.start >= archival.HEAD_CHARS or t.date.precision != "range" or t.date.how != "explicit":
        return None
    return t if _titled_span(text, t) is not None else None


class _Span(NamedTuple):
    """A stretch of a document's text that states an event and is no one sentence (a title and
    the date line under it)."""

    start: int
    end: int
    text: str


def _titled_span(text: str, t: TimexSpan) -> tuple[int, int] | None:
    """The title and the date line of a day (or a span of days) alone on its line, taken
    together, if a title stands right above the line ("Powder Keg of Central Asia" over "July 01,
    1964"; "Xinjiang Wars" over "20 Feb 1931 - 30 Oct 1937") or right under it ("Monday, Jul. 27,
    1942" over "Ma's Roadwork"): a few capitalised words, no sentence, a blank line between at
    most. The date line holds the date alone, with its clock time at most."""
    a = text.rfind("\n", 0, t.start) + 1
    b = text.find("\n", t.end)
    b = len(text) if b < 0 else b
    after = text[t.end : b].lstrip(" ,")
    if not LONE_BEFORE.fullmatch(text[a : t.start]) or WALL_CLOCK.sub("", after, count=1).strip(" \t.,"):
        return None
    above = text[:a].rstrip()
    start = above.rfind("\n") + 1
    title = above[start:].strip()
    if title and _a_title(title) and "\n\n\n" not in text[start:a] and text[:start].count("\n\n") < LONE_LINES:
        return start + above[start:].index(title), b
    # under it, a line of its own: not a hard-wrapped paragraph's first, going on in small letters
    below = re.match(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*([^\n]+)(?!\n[ \t]*[a-z])", text[b:])
    if below is not None:
        title = below.group(1).rstrip()
        if _a_title(title):
            return a, b + below.start(1) + len(title)
    return None


# no title of a document: a salutation, a byline, a classification, a numbered or a chapter's
# heading, a volume's line, a work of many days ("Dear Sir", "By John Smith", "Top Secret", "No.
# 45", "Chapter IV", "I. Arrival at Hami", "Vol. XL", "Diary of a Journey to Kashgar")
_NO_TITLE = re.compile(r"(?:My\s+)?[Dd]ear\b|Sir\b|Madam\b|In\s+office\b|By\s|(?:Diary|Journal|Chronology|Timeline)\b"
                       r"|(?:Top\s+|Most\s+)?(?:Secret|Confidential|Restricted|Urgent|Personal|Immediate|Priority)\b"
                       r"|(?:No|Vol|Chapter|Part|Section|Book|Appendix)\.?\s*(?:[IVXLC]+\b|\d)|[IVXLC]+\.\s")


def _a_title(line: str) -> bool:
    """Whether a line next to a date line is the document's title: a few capitalised words, no
    sentence (_titled), two words at least, not a figure with a word, no field's label ("Born",
    "Preceded by ...", "Key dates:"), masthead ("The North-China Herald") or _NO_TITLE's line."""
    labels = rules.load("names")["peoples"]["labels"]
    return (_titled(line) and len(line.split()) >= 2 and not re.fullmatch(r"[\W\d]*\w+[\W\d]+", line)
            and not line.endswith((":", ",", ";")) and not LABEL_LINE.fullmatch(line)
            and not MASTHEAD.search(line) and not _NO_TITLE.match(line)
            and line.split(":")[0].strip() not in labels and line.split()[0] not in labels)


def _event(out: list[dict[str, Any]], spec: SourceSpec, doc: Document, s: Any, t: TimexSpan,
           date: dict[str, Any], ids: list[int], via: dict[int, str],
           entries: list[Entry], extra: list[Entry]) -> str:
    date = _to_day(date)
    eid = f"e-{spec.id}-{_hash(spec.id, s.start, t.start, date['value'])}"
    cit = _citation(spec, doc, s.start, s.end)
    out.append({
        "id": eid, "source": spec.id, "date": date, "date_span": [t.start, t.end],
        "text": s.text,
        "entities": [_eid(i, entries, extra) for i in ids],
        "via": {_eid(i, entries, extra): v for i, v in via.items()},
        "citations": [cit.to_dict()],
    })
    return eid


def _entity(i: int, e: Entry, all_entries: list[Entry], docs: Mapping[str, tuple[SourceSpec, Document]],
            texts: Mapping[str, str], ent_sentences: dict[int, list[str]], ent_events: dict[int, list[str]],
            ent_forms: dict[int, Counter[str]], ent_spellings: dict[int, Counter[str]],
            related: dict[int, Counter[int]]) -> dict[str, Any]:
    statements = []
    if e.quote:
        source = e.source
        if source not in docs and not e.curated:  # a user's entry: its quote in any document
            source = next((sid for sid in docs if e.quote in texts[sid]), source)
        if source not in docs:
            raise BuildFailed(f"entry {e.id!r}: unknown source {e.source!r}" if e.curated else
                              f"your names file: the quote of {e.id!r} is in no document: {e.quote[:60]!r}")
        spec, doc = docs[source]
        at = texts[source].find(e.quote)
        if at < 0:
            raise BuildFailed(f"registry entry {e.id!r}: quote not found in {spec.path.name}: {e.quote[:60]!r}")
        statements.append(_citation(spec, doc, at, at + len(e.quote)).to_dict())
    dates = []
    for value, quote in zip(e.dates, e.date_quotes, strict=True):
        spec, doc = docs[e.source] if e.source in docs else next(iter(docs.values()))
        found = next(((sid, at) for sid in docs if (at := texts[sid].find(quote)) >= 0), None)
        if found is None:
            raise BuildFailed(f"registry entry {e.id!r}: date quote not found: {quote[:60]!r}")
        sid, at = found
        spec, doc = docs[sid]
        dates.append({"value": value, "citation": _citation(spec, doc, at, at + len(quote)).to_dict()})
    top = [(k, c) for k, c in related[i].items() if k != i]
    top.sort(key=lambda kv: (-kv[1], all_entries[kv[0]].id))
    used = ent_spellings.get(i, Counter())
    if not e.curated and e.type == "person" and (surname := _surname_of_initialled(e.name)):
        used = Counter({**used, surname: used.get(surname, 0)})  # after the spellings the documents write
    aliases, variants = _spellings(e, used)
    if not e.curated and e.type != "person" and (said := in_english(e.name)) is not None:
        variants.append(said)  # "Doğu Türkistan Göçmenler Cemiyeti" found as "East Turkestan Emigrants Association"
    return {
        "id": e.id, "type": e.type, "name": e.name, "aliases": aliases,
        "short_forms": list(e.short_forms), "variants": variants,
        "description": e.description, "roles": list(e.roles), "curated": e.curated,
        "participants": list(e.participants), "members": list(e.members),
        "statements": statements, "dates": dates,
        "sentences": list(dict.fromkeys(ent_sentences.get(i, []))),
        "events": list(dict.fromkeys(ent_events.get(i, []))),
        "forms": dict(sorted(ent_forms.get(i, Counter()).items())),
        "related": [{"id": all_entries[k].id, "count": c} for k, c in top[:12]],
    }


def _spellings(e: Entry, used: Counter[str]) -> tuple[list[str], list[str]]:
    """An entity's aliases (the spellings documents use: the registry's and any other a document
    wrote it in, "Tihwa" for Dihua) and variants (well-known spellings none of them uses)."""
    seen = {_spelled(e.name)} | {_spelled(a) for a in e.aliases}
    aliases = list(e.aliases)
    learnt: set[str] = set()
    for form, _n in sorted(used.items(), key=lambda kv: (-kv[1], kv[0])):
        form = " ".join(POSSESSIVE_END.sub("", form).split())  # "Mr. Clubb’s": "Mr. Clubb"
        if form.count("(") != form.count(")") or form.count("[") != form.count("]"):
            continue  # a name cut inside its brackets ("Xinjiang War (1937"): no spelling
        if _spelled(form) in seen or (form.isupper() and any(fold(f) == fold(form) for f in used if not f.isupper())):
            continue  # known already; or a telegram's capitals of a spelling also written ordinarily
        seen.add(_spelled(form))
        learnt.add(fold(form))
        aliases.append(display(form))
    variants = [v for v in e.variants if fold(v) not in learnt]
    return aliases, variants


KIN = "the surname of one named in full in the document"


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")  # "Governor Shicai Sheng", "General Sheng": said of whom it says


def _kin_named(text: str, per_sentence: list[list[Mention]], unknown: list[list[Unknown]], entries: list[Entry]) -> None:
    """A Chinese surname alone that the registry gives one man as an alias ("Sheng" of Sheng Shicai),
    in a document that names another man of that surname in full and never him ("SHENG SHIQI was
    brought to the hospital ... the fatal injuries suffered Sheng"): no mention of the registered
    man but a name to place, as a surname is placed (the one of that name in the document); not
    one after a capitalised word, a title's or a given name's ("Governor Shicai Sheng"). In place,
    in the lists of one document's analysis."""
    kin = set()
    for found_here in unknown:
        for u in found_here:
            words = fold(u.text).replace("-", " ").split()
            if (u.type in ("person", "unknown") and len(words) >= 2 and chinese_syllables(words[0]) == 1
                    and all(chinese_syllables(w) for w in words)):
                kin.add(words[0])
    if not kin:
        return
    # named otherwise anywhere in the document ("the Generalissimo", "the Tupan", in full): he is meant
    in_full = {m.entity for found in per_sentence for m in found if m.entity is not None and fold(m.text) not in kin}
    for k, found in enumerate(per_sentence):
        moved = [m for m in found if m.entity is not None and m.kind == "alias" and " " not in m.text
                 and fold(m.text) in kin and entries[m.entity].type == "person" and m.entity not in in_full
                 and not _CAPITALISED_BEFORE.search(text, max(0, m.start - 40), m.start)]
        if moved:
            found[:] = [m for m in found if m not in moved]
            unknown[k] = sorted([*unknown[k], *(Unknown(m.start, m.end, m.text, "person", "", KIN) for m in moved)])


def _surname_of_initialled(name: str) -> str:
    """The surname of a man the documents name by initials and it ("P. Braude", "E. Lepine", "A.
    Shibayev"): how a reader calls him, among his profile's names; "" for any other name (a Chinese
    surname of one syllable, "Ma", is many men's; a given name says too little of whose: "Percy
    Sykes" and "Ella Sykes" are two, and "John Bull" no man)."""
    words = name.split()
    if len(words) < 2:
        return ""
    last = words[-1]
    if (len(last) < 4 or not last[:1].isupper() or last.isupper() or fold(last) in _not_surnames()
            or chinese_syllables(last) == 1):
        return ""
    return last if all(AN_INITIAL.fullmatch(w) for w in words[:-1]) else ""


def _own_surname(form: str, e: Entry) -> bool:
    """Whether a person's surname, which a document names him by alone, is one of the spellings his
    profile shows: his name's last word ("Svanidze" of Alexander Svanidze, "Fleming" of Peter
    Fleming; "Osman" of Osman Batur, whose "Batur" is a part of names, not his surname), written so,
    in a document the user added; not a Chinese surname of one syllable, which many men share
    ("Ma", "Sheng"), nor a first name ("Peter"), a title ("Tore", "Shah"), or a word that only
    sounds like his name ("Pack" for "Beg")."""
    if e.type != "person" or " " in form or len(form) < 4 or not form[:1].isupper() or form.isupper():
        return False
    words = [w for w in fold(e.name).split() if w not in _not_surnames()]
    return bool(words) and fold(form) == words[-1] and len(words) > 1 and chinese_syllables(form) != 1


@cache
def _not_surnames() -> frozenset[str]:
    """Words that end men's names and are no surname: parts of names ("Batur", "Beg", "Khoja"),
    titles after a name, and rules/names.toml [aliases] not_surnames, folded."""
    names = rules.load("names")
    return frozenset(fold(w) for w in (*names["titles"]["person_parts"], *names["titles"]["after"],
                                       *names["aliases"]["not_surnames"]))


def _spells_a_name(form: str, e: Entry) -> bool:
    """Whether `form` is one of a registered entity's names spelt another way ("Polinoff" for its
    alias "Polinov"), not a part of one."""
    return romanised_key(form) in _name_keys(e.name, e.aliases)


@lru_cache(maxsize=4096)
def _name_keys(name: str, others: tuple[str, ...]) -> frozenset[str]:
    return frozenset(romanised_key(x) for x in (name, *others))


POSSESSIVE_END = re.compile(r"(?<=\w)['’]s$")


def _spelled(form: str) -> str:
    """A spelling up to case and accents: "Alma Ata" and "Alma-Ata", "Shih-ts’ai" and
    "Shih-tsai" are two spellings a reader may copy, "TIHWA" and "Tihwa" one."""
    return unaccented(" ".join(form.split())).casefold()
