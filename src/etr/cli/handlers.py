"""One handler per command: its options in, one call into etr.query or etr.ingest, and an
`Answer` out that says what to print in each output form. No printing here and no error
handling: `execute` (etr.cli.main) owns both. Heavy modules are imported inside the handlers,
so that a query loads only what it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

Options = dict[str, Any]


class Answer(NamedTuple):
    interpreted: dict[str, Any]
    results: Any  # a list of result dicts, or etr.store.index.RawList
    table: Callable[[], Any] | None  # the Rich renderable for a terminal (None: nothing on stdout)
    plain: Callable[[], str] | None  # tab-separated rows for a pipe
    document: dict[str, Any] | None = None  # under --json, this instead of the envelope
    notes: tuple[str, ...] = ()  # lines for stderr, after the output
    code: int = 0  # the exit code when all went well (`build --check` that differs: 1)


def _names(fb: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Short names and titles of the sources, for citations in tables."""
    names = fb.source_names
    return ({i: short for i, (_o, short, _t) in names.items()}, {i: title for i, (_o, _s, title) in names.items()})


def lookup(command: str, o: Options) -> Answer:
    """who / where / what."""
    from etr.query.core import ask
    from etr.query.lookup import LOOKUP_TYPES, lookup
    from etr.render import tables, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: lookup(fb, o["name"], LOOKUP_TYPES[command], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda: tables.profiles(results, interpreted, o["name"], shorts, titles),
                  lambda: tsv.entity_tsv(results))


def when(command: str, o: Options) -> Answer:
    from etr.query.core import ask
    from etr.query.when import when
    from etr.render import tables, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: when(fb, o["query"], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda: tables.events_with_legend(results, shorts, titles, interpreted),
                  lambda: tsv.events(results))


def search(command: str, o: Options) -> Answer:
    from etr.query.core import ask
    from etr.query.search import search
    from etr.render import tables, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: search(fb, o["text"], o["limit"] or 10))
    shorts, _titles = _names(fb)
    return Answer(interpreted, results, lambda: tables.search_table(results, shorts), lambda: tsv.search(results))


def show(command: str, o: Options) -> Answer:
    from etr.query.browse import show
    from etr.query.core import ask
    from etr.render import tables, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: show(fb, o["ident"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda: tables.shown(results[0], shorts, titles), lambda: tsv.shown(results[0]))


def timeline(command: str, o: Options) -> Answer:
    from etr.query.browse import timeline
    from etr.query.core import ask
    from etr.render import tables, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: timeline(fb, o["from_"], o["to"], o["about"] or [], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda: tables.events_with_legend(results, shorts, titles, {}),
                  lambda: tsv.events(results))


def sources(command: str, o: Options) -> Answer:
    from etr.query.browse import sources
    from etr.query.core import ask
    from etr.render import tables, tsv

    _fb, results = ask(o["db"], sources)
    return Answer({}, results, lambda: tables.sources_table(results), lambda: tsv.sources(results))


EXTRACT_FORMS = ("timeml",)


def extract(command: str, o: Options) -> Answer:
    from etr.errors import BadQuery
    from etr.ingest.pipeline import extract_text
    from etr.render import tables, tsv

    form = o.get("format")
    if form is not None and form.lower() not in EXTRACT_FORMS:
        raise BadQuery(f"--format {form!r}: etr extract writes {', '.join(EXTRACT_FORMS)}")
    text, results = extract_text(o["file"])
    if form is not None:
        from etr.render import timeml

        written = timeml.document(text, [r for r in results if r["kind"] == "date"], o["file"].name)
        return Answer({}, [], lambda: written, lambda: written)
    return Answer({}, results, lambda: tables.extract_table(results), lambda: tsv.extract(results))


def build(command: str, o: Options) -> Answer:
    """`etr build`: rebuild, check, or add documents; what was written is said on stderr."""
    from etr.ingest import pipeline

    if o["check"]:
        ok, message = pipeline.check(o["db"] or o["out"])
        return Answer({}, [], None, None, {"command": "build", "check": ok, "message": message}, (message,), 0 if ok else 1)
    files = list(dict.fromkeys([*(o["add"] or []), *(o["files"] or [])]))  # a file named twice is added once
    built = pipeline.run_build(files, o["out"], o["db"], o["progress"])
    counts = built.report.counts
    notes = [f"wrote {built.target}: {counts['sources']} sources, {counts['sentences']} sentences, "
             f"{counts['events']} events, {counts['entities']} entities ({counts['auto_entities']} auto-discovered), "
             f"{counts['citations']} citations verified"]
    if built.became_default:
        notes.append("queries now read this fact base; delete it to go back to the packaged one")
    if o["report"]:
        report = pipeline.dumps_report(built.report) + "\n"
        return Answer({}, [], lambda: report, lambda: report, None, tuple(notes))
    return Answer({}, [], None, None, {"command": "build", "written": str(built.target), "counts": counts}, tuple(notes))


HANDLERS: dict[str, Callable[[str, Options], Answer]] = {
    "lookup": lookup, "when": when, "search": search, "show": show, "timeline": timeline,
    "sources": sources, "extract": extract, "build": build,
}
