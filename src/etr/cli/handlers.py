"""One handler per command: its options in, one call into etr.query or etr.ingest, and an
`Answer` out that says what to print in each output form. No printing here and no error
handling: `execute` (etr.cli.main) owns both. Heavy modules are imported inside the handlers,
so that a query loads only what it uses.
"""

from __future__ import annotations

from collections.abc import Callable

from etr.cli.output import Answer

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

    Options = dict[str, Any]



def _names(fb: Any) -> tuple[Any, Any]:
    """Short names and titles of the sources, for citations in tables: views of the fact base's
    source names, read as a table asks for them."""
    from etr.query.core import NamesColumn

    return NamesColumn(fb.source_names, 1), NamesColumn(fb.source_names, 2)


def _cite(fb: Any, results: Any, o: Options) -> list[dict[str, Any]] | None:
    """--cite: the bibliographic records of the sources `results` quote."""
    if not o.get("cite"):
        return None
    from etr.query.cite import records
    from etr.query.core import cited_sources

    return records(fb, cited_sources(results))


def _at_most(o: Options) -> int | None:
    """How many rows of a list a terminal shows: all that --limit let through, or a screenful."""
    from etr.render.terminal import AT_MOST

    return None if o.get("limit") else AT_MOST


def _terminal() -> Any:
    """etr.render.terminal, imported only to draw a table (--json and piped output never do)."""
    from etr.render import terminal

    return terminal


def _tsv() -> Any:
    """etr.render.tsv, imported only for piped output."""
    from etr.render import tsv

    return tsv


def _generator(fb: Any) -> str:
    from etr import __version__

    return f"etr {__version__}"


def lookup(command: str, o: Options) -> Answer:
    """who / where / what."""
    from etr.query.core import ask
    from etr.query.lookup import LOOKUP_TYPES, lookup

    fb, (results, interpreted) = ask(o["db"], lambda fb: lookup(fb, o["name"], LOOKUP_TYPES[command], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: _terminal().profiles(screen, results, interpreted, o["name"], shorts, titles, _at_most(o)),
                  lambda: _tsv().entity_tsv(results), cite=_cite(fb, results, o))


def when(command: str, o: Options) -> Answer:
    from etr.query.core import ask
    from etr.query.when import when

    fb, (results, interpreted) = ask(o["db"], lambda fb: when(fb, o["query"], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: _terminal().events(screen, results, shorts, titles, interpreted, _at_most(o)),
                  lambda: _tsv().events(results), cite=_cite(fb, results, o))


def search(command: str, o: Options) -> Answer:
    from etr.query.core import ask
    from etr.query.search import search

    fb, (results, interpreted) = ask(o["db"], lambda fb: search(fb, o["text"], o["limit"] or 10))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: _terminal().search(screen, results, shorts, titles), lambda: _tsv().search(results),
                  cite=_cite(fb, results, o))


def show(command: str, o: Options) -> Answer:
    from etr.query.browse import show
    from etr.query.core import ask

    fb, (results, interpreted) = ask(o["db"], lambda fb: show(fb, o["ident"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: _terminal().shown(screen, results[0], shorts, titles), lambda: _tsv().shown(results[0]),
                  cite=_cite(fb, results, o))


def timeline(command: str, o: Options) -> Answer:
    from etr.query.core import ask
    from etr.render import terminal, tsv

    fmt = o["format"]
    if fmt in ("csv", "json"):
        from etr.query.chronology import COLUMNS, rows
        from etr.render.exports import rows as out

        fb, (found, interpreted) = ask(o["db"], lambda fb: rows(fb, o["from_"], o["to"], o["about"] or [], o["limit"]))
        text = (out.to_csv if fmt == "csv" else out.to_json)(COLUMNS, found)
        return Answer(interpreted, found, None, None, export=lambda: text)
    if fmt in ("html", "svg"):
        from etr.query.chronology import chronology

        fb, (chron, interpreted) = ask(o["db"], lambda fb: chronology(fb, o["from_"], o["to"], o["about"] or [], o["limit"]))
        shorts, titles = _names(fb)
        if fmt == "html":
            from etr.render.exports.html import page

            text = page(chron, interpreted, shorts, titles, _generator(fb))
        else:
            from etr.render.exports.svg import chart

            text = chart(chron, interpreted, shorts, titles, _generator(fb))
        return Answer(interpreted, [], None, None, export=lambda: text)
    from etr.query.browse import timeline

    fb, (results, interpreted) = ask(o["db"], lambda fb: timeline(fb, o["from_"], o["to"], o["about"] or [], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: terminal.events(screen, results, shorts, titles, {}, _at_most(o)),
                  lambda: tsv.events(results), cite=_cite(fb, results, o))


def on(command: str, o: Options) -> Answer:
    """on MM-DD: the events dated to that day of the year, across the years."""
    from etr.query.core import ask
    from etr.query.onday import on_day
    from etr.render import terminal, tsv

    fb, (results, interpreted) = ask(o["db"], lambda fb: on_day(fb, o["day"], o["limit"]))
    shorts, titles = _names(fb)
    return Answer(interpreted, results, lambda screen: terminal.on_day(screen, results, shorts, titles, interpreted, _at_most(o)),
                  lambda: tsv.events(results), cite=_cite(fb, results, o))


def graph(command: str, o: Options) -> Answer:
    """graph [NAME]: the links the sentences state, as a table, JSON, or a graph file."""
    from etr.query.core import ask
    from etr.query.graph import graph
    from etr.render import terminal, tsv

    fb, (g, interpreted) = ask(o["db"], lambda fb: graph(fb, o["name"], o["depth"], o["limit"]))
    fmt = o["format"]
    if fmt is not None:
        from etr.render.exports import graph as formats

        def text() -> str:
            if fmt == "json":
                return formats.node_link(g, interpreted)
            return str(getattr(formats, fmt)(g))

        return Answer(interpreted, [], None, None, export=text)
    shorts, titles = _names(fb)
    refs = {n["id"]: {"id": n["id"], "name": n["name"], "type": n["type"]} for n in g["nodes"]}
    results = [{**e, "source": refs[e["source"]], "target": refs[e["target"]]} for e in g["edges"]]
    return Answer(interpreted, results, lambda screen: terminal.links(screen, results, shorts, titles, _at_most(o)),
                  lambda: tsv.links(results), extra={"nodes": g["nodes"]}, cite=_cite(fb, results, o))


def sources(command: str, o: Options) -> Answer:
    from etr.query.browse import sources
    from etr.query.core import ask
    from etr.render import terminal, tsv

    fb, results = ask(o["db"], sources)
    if o["limit"]:
        results = results[: o["limit"]]
    fmt = o["format"]
    if fmt is not None:
        from etr.query.cite import records
        from etr.render.exports import bib

        recs = records(fb)
        text = {"bibtex": bib.bibtex, "csl-json": bib.csl_json, "ris": bib.ris}[fmt](recs)
        return Answer({}, recs, None, None, export=lambda: text)
    return Answer({}, results, lambda screen: terminal.sources(screen, results, _at_most(o)), lambda: tsv.sources(results))


EXTRACT_FORMS = ("timeml",)


def export(command: str, o: Options) -> Answer:
    """export sqlite FILE: the whole fact base as a database."""
    from etr import __version__
    from etr.query.core import ask
    from etr.query.tables import rows
    from etr.render.exports import sqlite
    from etr.store import facts

    path = o["file"]
    if path.is_dir():
        from etr.errors import BadQuery

        raise BadQuery(f"{path}: is a directory; give the database's file name (e.g. {path}/etr.db)")
    db = o["db"] or facts.default_db()
    _fb, counts = ask(db, lambda fb: sqlite.write(path, rows(fb), {"generator": f"etr {__version__}",
                                                                   "fact_base": str(db)}))
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    note = f"wrote {path}: {summary}; open it with `datasette {path}`"
    return Answer({}, [], None, None, {"command": "export", "written": str(path), "format": o["what"],
                                       "counts": counts}, (note,))


def extract(command: str, o: Options) -> Answer:
    from etr.errors import BadQuery
    from etr.ingest.pipeline import extract_text
    from etr.render import terminal, tsv

    form = o.get("format")
    if form is not None and form.lower() not in EXTRACT_FORMS:
        raise BadQuery(f"--format {form!r}: etr extract writes {', '.join(EXTRACT_FORMS)}")
    text, results = extract_text(o["file"], o.get("encoding"))
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
    from etr.cli.output import BuildProgress

    with BuildProgress() as bar:
        built = pipeline.run_build(files, o["out"], o["db"], bar, o["names"], o["encoding"], bool(o["keep_going"]),
                                   tuple(o["glob"] or ()), list(o["remove"] or ()))
    counts = built.report.counts
    notes = [f"wrote {built.target}: {counts['sources']} sources, {counts['sentences']} sentences, "
             f"{counts['events']} events, {counts['entities']} entities ({counts['auto_entities']} auto-discovered), "
             f"{counts['citations']} citations verified"]
    added = counts["sources"] - counts.get("seeds", counts["sources"])
    notes[:0] = built.report.notes  # how files were read (an encoding guessed), before what was written
    notes += pipeline.summary(built.report, added)
    skipped = built.report.skipped
    notes += [f"left out: {s['why']}" for s in skipped]
    if skipped:
        notes.append(f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} left out (listed above); "
                     "the fact base holds the rest")
    code = 2 if skipped else 0
    if built.became_default:
        notes.append("queries now read this fact base; delete it to go back to the packaged one")
    if o["report"]:
        report = pipeline.dumps_report(built.report) + "\n"
        return Answer({}, [], lambda _screen: report, lambda: report, None, tuple(notes), code)
    learnt = {k: v for k, v in pipeline.report_dict(built.report).items()
              if k in ("learnt", "dates_set_aside", "skipped", "split_sentences", "control_characters")}
    return Answer({}, [], None, None, {"command": "build", "written": str(built.target), "counts": counts, **learnt},
                  tuple(notes), code)


HANDLERS: dict[str, Callable[[str, Options], Answer]] = {
    "lookup": lookup, "when": when, "search": search, "show": show, "timeline": timeline, "on": on,
    "graph": graph, "sources": sources, "extract": extract, "build": build, "export": export,
}
