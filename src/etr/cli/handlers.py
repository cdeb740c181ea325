"""One handler per command: its options in, one call into etr.query or etr.ingest, and an
`Answer` out that says what to print in each output form. No printing here and no error
handling: `execute` (etr.cli.main) owns both. Heavy modules are imported inside the handlers,
so that a query loads only what it uses.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

    Options = dict[str, Any]

    from etr.render.terminal import Screen



class Answer:
    """What a command found, and how to show it in each output form."""

    __slots__ = ("interpreted", "results", "table", "plain", "document", "notes", "code")

    def __init__(self, interpreted: dict[str, Any], results: Any, table: Callable[[Screen], str] | None,
                 plain: Callable[[], str] | None, document: dict[str, Any] | None = None,
                 notes: tuple[str, ...] = (), code: int = 0) -> None:
        self.interpreted = interpreted
        self.results = results  # a list of result dicts, or etr.store.index.RawList
        self.table = table  # the layout for a terminal (None: nothing on stdout)
        self.plain = plain  # tab-separated rows for a pipe
        self.document = document  # under --json, this instead of the envelope
        self.notes = notes  # lines for stderr, after the output
        self.code = code  # the exit code when all went well (`build --check` that differs: 1)


def _names(fb: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Short names and titles of the sources, for citations in tables."""
    names = fb.source_names
    return ({i: short for i, (_o, short, _t) in names.items()}, {i: title for i, (_o, _s, title) in names.items()})


def lookup(command: str, o: Options) -> Answer:
    """who / where / what."""
    from etr.query.core import ask
    from etr.query.lookup import LOOKUP_TYPES, lookup
    from etr.render import terminal, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: lookup(fb, o["name"], LOOKUP_TYPES[command], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: terminal.profiles(screen, results, interpreted, o["name"], shorts, titles),
                  lambda: tsv.entity_tsv(results))


def when(command: str, o: Options) -> Answer:
    from etr.query.core import ask
    from etr.query.when import when
    from etr.render import terminal, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: when(fb, o["query"], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: terminal.events(screen, results, shorts, titles, interpreted),
                  lambda: tsv.events(results))


def search(command: str, o: Options) -> Answer:
    from etr.query.core import ask
    from etr.query.search import search
    from etr.render import terminal, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: search(fb, o["text"], o["limit"] or 10))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: terminal.search(screen, results, shorts, titles), lambda: tsv.search(results))


def show(command: str, o: Options) -> Answer:
    from etr.query.browse import show
    from etr.query.core import ask
    from etr.render import terminal, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: show(fb, o["ident"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: terminal.shown(screen, results[0], shorts, titles), lambda: tsv.shown(results[0]))


def timeline(command: str, o: Options) -> Answer:
    from etr.query.browse import timeline
    from etr.query.core import ask
    from etr.render import terminal, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: timeline(fb, o["from_"], o["to"], o["about"] or [], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: terminal.events(screen, results, shorts, titles, {}),
                  lambda: tsv.events(results))


def sources(command: str, o: Options) -> Answer:
    from etr.query.browse import sources
    from etr.query.core import ask
    from etr.render import terminal, tsv

    _fb, results = ask(o["db"], sources)
    return Answer({}, results, lambda screen: terminal.sources(screen, results), lambda: tsv.sources(results))


EXTRACT_FORMS = ("timeml",)


def extract(command: str, o: Options) -> Answer:
    from etr.errors import BadQuery
    from etr.ingest.pipeline import extract_text
    from etr.render import terminal, tsv

    form = o.get("format")
    if form is not None and form.lower() not in EXTRACT_FORMS:
        raise BadQuery(f"--format {form!r}: etr extract writes {', '.join(EXTRACT_FORMS)}")
    text, results = extract_text(o["file"])
    if form is not None:
        from etr.render import timeml

        written = timeml.document(text, [r for r in results if r["kind"] == "date"], o["file"].name)
        return Answer({}, [], lambda screen: written, lambda: written)
    return Answer({}, results, lambda screen: terminal.extracted(screen, results), lambda: tsv.extract(results))


def build(command: str, o: Options) -> Answer:
    """`etr build`: rebuild, check, or add documents; what was written is said on stderr."""
    from etr.ingest import pipeline

    if o["check"]:
        ok, message = pipeline.check(o["db"] or o["out"])
        return Answer({}, [], None, None, {"command": "build", "check": ok, "message": message}, (message,), 0 if ok else 1)
    files = list(dict.fromkeys([*(o["add"] or []), *(o["files"] or [])]))  # a file named twice is added once
    built = pipeline.run_build(files, o["out"], o["db"], o["progress"], o["names"])
    counts = built.report.counts
    notes = [f"wrote {built.target}: {counts['sources']} sources, {counts['sentences']} sentences, "
             f"{counts['events']} events, {counts['entities']} entities ({counts['auto_entities']} auto-discovered), "
             f"{counts['citations']} citations verified"]
    added = counts["sources"] - counts.get("seeds", counts["sources"])
    notes += pipeline.summary(built.report, added)
    if built.became_default:
        notes.append("queries now read this fact base; delete it to go back to the packaged one")
    if o["report"]:
        report = pipeline.dumps_report(built.report) + "\n"
        return Answer({}, [], lambda _screen: report, lambda: report, None, tuple(notes))
    learnt = {k: v for k, v in pipeline.report_dict(built.report).items() if k in ("learnt", "dates_set_aside")}
    return Answer({}, [], None, None, {"command": "build", "written": str(built.target), "counts": counts, **learnt},
                  tuple(notes))


HANDLERS: dict[str, Callable[[str, Options], Answer]] = {
    "lookup": lookup, "when": when, "search": search, "show": show, "timeline": timeline,
    "sources": sources, "extract": extract, "build": build,
}
