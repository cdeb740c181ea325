"""What `etr build` and `etr extract` do, end to end: the entry points the CLI calls.

Imports etr.store, etr.errors and the build modules.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from etr.errors import BadDocument, BadQuery, EtrError
from etr.ingest import archival
from etr.ingest.assemble import (
    Report,
    SourceSpec,
    analyse,
    assemble,
    read_signed,
    seed_sources,
    user_source,
)
from etr.ingest.cache import Analyses
from etr.ingest.documents import Read, check_encoding, read, shown, text_of
from etr.ingest.folders import collect
from etr.ingest.link import Linker
from etr.ingest.registry import load_registry
from etr.ingest.sentences import MAX_SENTENCE
from etr.store import facts as store
from etr.store import index
from etr.store.writer import Store

Progress = Callable[[str], None]


def _root() -> Path:
    return store.project_root()


def build_seeds(progress: Progress | None = None) -> tuple[dict[str, Any], Report]:
    """The seeds' fact base, held whole."""
    st, report = seeds_store(progress)
    return _whole(st), report


def seeds_store(progress: Progress | None = None, dest: Path | None = None) -> tuple[Store, Report]:
    """The seeds' fact base, in a store written to `dest` (in memory if None), not yet committed."""
    root = _root()
    return assemble(seed_sources(root / "seeds"), root / "data" / "registry", dest, progress)


def _whole(st: Store) -> dict[str, Any]:
    try:
        return json.loads("".join(st.json_chunks()))  # type: ignore[no-any-return]
    finally:
        st.abandon()


class Base(NamedTuple):
    """What a fact base already holds: the documents users added (without their texts when its
    store holds them), the user's names, each source's digest, and its store if current."""

    sources: list[SourceSpec]
    user_names: str | None
    digests: dict[str, str]
    store: Store | None


def read_base(base: Path | None) -> Base:
    """The documents added to the fact base at `base` before, from its store when that is
    current (the texts stay there until needed), else from its JSON. A fact base that cannot be
    read holds nothing to keep."""
    if base is None or not base.is_file():
        return Base([], None, {}, None)
    prior = Store.existing(index.index_path(base)) if index.is_current(base) else None
    records: list[dict[str, Any]]
    if prior is not None:
        records, user_names = prior.sources(), prior.top().get("user_names")
    else:
        try:
            old = store.load(base, fast=True)
        except EtrError:
            return Base([], None, {}, None)
        records, user_names = old["sources"], old.get("user_names")
    kept = [SourceSpec(s["id"], Path(s["file"]), s["title"], s["short"], s["author"], s["publisher"], s["kind"],
                       s["language"], None, False, s.get("text"), _read_as(s))
            for s in records if not s.get("curated", True)]
    return Base(kept, user_names, {s["id"]: s.get("sha256", "") for s in records}, prior)


def _read_as(s: dict[str, Any]) -> tuple[str, str, str]:
    """How a document added before was read (its format and codec), as its record says."""
    how = s.get("read_as") or {}
    return how.get("format", "text"), how.get("encoding", "utf-8"), how.get("basis", "utf-8")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_with_added(files: list[Path], base: Path | None, progress: Progress | None = None,
                     names: Path | None = None, encoding: str | None = None, keep_going: bool = False,
                     globs: tuple[str, ...] = (), removes: list[str] | None = None) -> tuple[dict[str, Any], Report]:
    """Seeds, the documents already added to `base` (if any) but those `removes` names, and the
    documents `files` name: the fact base held whole (see `added_store`)."""
    st, report = added_store(files, base, progress, names, encoding, keep_going, globs, removes)
    return _whole(st), report


def added_store(files: list[Path], base: Path | None, progress: Progress | None = None,
                names: Path | None = None, encoding: str | None = None, keep_going: bool = False,
                globs: tuple[str, ...] = (), removes: list[str] | None = None,
                dest: Path | None = None, cache: Analyses | None = None) -> tuple[Store, Report]:
    """Seeds, the documents already added to `base` (if any) but those `removes` names, and the
    documents `files` name (files, and folders walked for the documents in them); the user's own
    names (`names`, or those `base` kept from an earlier --names). A file that cannot be read
    stops the build, or, with `keep_going`, is left out and listed in the report. The store goes
    to `dest` (in memory if None), not yet committed; `cache`: the analyses kept."""
    root = _root()
    encoding = check_encoding(encoding)
    found = collect(files, globs)
    skipped: list[dict[str, str]] = []

    def bad(e: BadDocument, path: str) -> None:
        if not keep_going:
            raise e
        skipped.append({"file": path, "why": e.message})

    for folder, problem in found.problems:
        bad(problem, str(folder))
    if not found.files and not skipped and files:
        raise BadDocument(f"{shown(files[0])}: no documents in it (.txt, .md, .html, .pdf; --glob PATTERN takes others)")
    sources = seed_sources(root / "seeds")
    old = read_base(base)
    kept = _without(old, removes or [], {s.id for s in sources}, base)
    held = {_digest(text_of(spec.path)) for spec in sources} | {old.digests[s.id] for s in kept}
    sources += kept
    user_names = old.user_names
    taken = {s.id for s in sources}
    labels = {spec.short for spec in sources}
    notes: list[str] = []
    added = 0
    for f in found.files:
        try:
            got: Read = read(f, encoding)
        except BadDocument as e:
            bad(e, str(f))
            continue
        if got.note:
            notes.append(got.note)
        spec = user_source(f, taken, got)
        label, n = spec.short, 2
        while label in labels:  # two telegrams of one writer on one day: "Hurley 1945-05-10 (2)"
            label, n = f"{spec.short} ({n})", n + 1
        spec = replace(spec, short=label)
        assert spec.text is not None
        if _digest(spec.text) in held:  # the same text again, under this name or another
            if progress:
                progress(f"{shown(f)}: the same text is in the fact base already; not added twice")
            continue
        held.add(_digest(spec.text))
        taken.add(spec.id)
        labels.add(spec.short)
        sources.append(spec)
        added += 1
    if skipped and not added and len(skipped) == len(found.files) + len(found.problems):
        raise BadDocument(f"none of the {len(skipped)} files could be read, so nothing was added; "
                          f"the first: {skipped[0]['why']}")
    if names is not None:
        try:
            user_names = names.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise BadDocument(f"{names}: cannot read your names file ({getattr(e, 'strerror', None) or e})") from None
    st, report = assemble(sources, root / "data" / "registry", dest, progress, discover=True, user_names=user_names,
                          prior=old.store, cache=cache)
    report.skipped = skipped
    report.notes = notes + found.notes()
    return st, report


def _without(old: Base, removes: list[str], seeds: set[str], base: Path | None) -> list[SourceSpec]:
    """The documents a fact base keeps when the user removes these: each named by its source id,
    its file name, or the path of a file whose text it holds."""
    out = list(old.sources)
    for name in removes:
        found = [s for s in out if name in (s.id, s.path.name)]
        path = Path(name)
        if not found and path.is_file():
            digest = _digest(read(path).text)
            found = [s for s in out if old.digests.get(s.id) == digest or s.path.name == path.name]
        if not found:
            if name in seeds:
                raise BadQuery(f"--remove {name}: that is a seed document, which every fact base holds")
            listed = ", ".join(s.id for s in out[:6]) + (", ..." if len(out) > 6 else "")
            holds = f"its added documents: {listed}" if out else "it holds only the seed documents"
            raise BadQuery(f"--remove {shown(path)}: no such document in {base or 'the fact base'} ({holds})")
        out = [s for s in out if s not in found]
    return out


class Built(NamedTuple):
    target: Path
    report: Report
    became_default: bool  # the user's fact base, which queries now read


def run_build(files: list[Path], out: Path | None, db: Path | None, progress: Progress | None = None,
              names: Path | None = None, encoding: str | None = None, keep_going: bool = False,
              globs: tuple[str, ...] = (), removes: list[str] | None = None) -> Built:
    """`etr build`: the seeds and the documents the fact base holds, with the documents `files`
    name added and `removes` removed, built and written atomically to `out`, `db`, or - the
    packaged fact base, or the user's when adding. A build starts from the fact base it writes
    (or `db`): no document leaves a fact base unless the user removes it, and a second build of
    the same file waits for the first. The documents read before are not analysed again (their
    analyses are kept beside the fact base, etr.ingest.cache), and a build that only adds
    documents carries on from where the last one stopped (etr.ingest.assemble)."""
    # a build makes millions of small objects and keeps nearly all of them to the end: the cyclic
    # garbage collector, scanning them again and again, took ~15 % of a 1,000-document build
    gc.disable()
    changing = bool(files or names is not None or removes)
    target = out or db or (store.user_db() if changing else store.packaged_db())
    _writable(target)
    with store.locked(target, progress):
        base = db or target
        st: Store
        dest = index.index_path(target)
        if changing or _holds_added(base):
            cache = Analyses(index.side_path(target, ".analyses.sqlite"))
            try:
                st, rep = added_store(files, base, progress, names, encoding, keep_going, globs, removes, dest, cache)
            finally:
                cache.close()
        else:
            st, rep = seeds_store(progress, dest)
        if progress is not None and hasattr(progress, "step"):
            progress.step(rep.counts["sources"], rep.counts["sources"], f"writing {target.name}")
        try:
            try:
                store.write_atomic(target, st.json_chunks())
            except OSError as e:
                raise BadQuery(f"cannot write {target} ({e.strerror or e}); the previous file is untouched") from None
            try:
                st.commit(index.key_of(target))
            except (OSError, sqlite3.Error):
                pass  # the index is made again by the next query: a folder we cannot write to only costs speed
        finally:
            st.abandon()
    became_default = bool(files or names) and target == store.user_db() and not os.environ.get("ETR_DB")
    return Built(target, rep, became_default)


def _holds_added(base: Path) -> bool:
    """Whether the fact base at `base` holds documents a user added (a rebuild keeps them)."""
    return bool(read_base(base).sources) if base.is_file() else False


def _writable(target: Path) -> None:
    """Refuse, before the work, a target that cannot be a file: a directory, or under a file."""
    if target.is_dir():
        raise BadQuery(f"{target}: is a directory; give the fact base's file name (e.g. {target}/facts.json)")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise BadQuery(f"{target}: {parent} is a file, not a folder")
            break


def check(path: Path | None = None) -> tuple[bool, str]:
    """Whether the fact base at `path` (the packaged one) is byte-identical to a fresh build of the seeds."""
    path = path or store.packaged_db()
    st, rep = seeds_store()
    fresh = "".join(st.json_chunks())
    try:
        current = path.read_text(encoding="utf-8")
    except OSError as e:
        return False, f"{path}: cannot read ({e.strerror or e})"
    if current == fresh:
        return True, f"{path} is what `etr build` produces ({rep.counts['events']} events, every citation verified)"
    return False, f"{path} differs from what `etr build` produces; run `etr build` and commit the result"


def extract(path: Path) -> list[dict[str, Any]]:
    """Dates and names in any text file, with offsets into its text: what the build reads in it."""
    return extract_text(path)[1]


def extract_text(path: Path, encoding: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """A document's text (as the build reads it: a page's or a PDF's text), and the dates and
    names in it with offsets into that text."""
    text = read(path, check_encoding(encoding)).text
    doc = read_signed("x", text)
    if not doc.paragraphs:
        raise BadDocument(f"{path}: no readable text in it")
    entries = load_registry(_root() / "data" / "registry")
    found = analyse(doc, Linker(entries), archival.named_date(path.name))
    timexes, per_sentence, unknowns = found.timexes, found.mentions, found.unknowns
    out: list[dict[str, Any]] = []
    for t in timexes:
        d = t.date
        out.append({"kind": "date", "start": t.start, "end": t.end, "text": text[t.start : t.end],
                    "value": d.value, "type": d.type, "mod": d.mod, "how": d.how, "anchor": d.anchor,
                    "range": [d.start, d.end]})
    for ms, us in zip(per_sentence, unknowns, strict=True):
        for m in ms:
            if m.entity is None:
                continue
            e = entries[m.entity]
            out.append({"kind": "entity", "start": m.start, "end": m.end, "text": m.text, "id": e.id,
                        "name": e.name, "type": e.type, "matched_as": m.kind, "curated": True})
        for u in us:
            if u.weak:
                continue  # one word opening a sentence: a name only if other documents say so
            out.append({"kind": "entity", "start": u.start, "end": u.end, "text": u.text, "id": None,
                        "name": u.text, "type": u.type, "matched_as": "discovered", "curated": False})
    out.sort(key=lambda r: (r["start"], r["end"], r["kind"]))
    return text, out


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "counts": report.counts,
        "per_source": report.per_source,
        "learnt": report.learnt,
        "dates_set_aside": report.flagged,
        "skipped": report.skipped,
        "split_sentences": report.split,
        "control_characters": report.controls,
        "unknown_names": [{"text": t, "type": k, "count": c} for (t, k), c in report.unknown.most_common()],
        "unresolved_short_forms": [{"text": t, "count": c} for t, c in report.unresolved.most_common()],
    }


def summary(report: Report, added: int) -> list[str]:
    """What a build of added documents learnt, in a few lines for stderr."""
    learnt = report.learnt
    out = []
    if learnt.get("entities"):
        kinds = ", ".join(f"{n} {KIND_WORDS.get(k, k)}" for k, n in learnt["by_kind"].items())
        out.append(f"learnt from {added} added document{'s' if added != 1 else ''}: "
                   f"{len(learnt['entities'])} new entities ({kinds})")
    merges = list(dict.fromkeys((m["form"], m["reason"]) for m in learnt.get("merges", [])))
    if merges:
        shown = "; ".join(f"{form!r}: {reason}" for form, reason in merges[:3])
        out.append(f"{len(merges)} names taken for known entities, e.g. {shown}")
    if report.flagged:
        shown = "; ".join(f"{f['text']!r} in {f['source']}: {f['why']}" for f in report.flagged[:2])
        out.append(f"{len(report.flagged)} dates set aside, e.g. {shown}")
    if report.split:
        first = report.split[0]
        out.append(f"{len(report.split)} sentence{'s' if len(report.split) != 1 else ''} too long to be one "
                   f"(no full stop in {first['end'] - first['start']:,} characters of {first['source']}) read in parts "
                   f"of at most {MAX_SENTENCE:,} characters")
    if report.controls:
        n = sum(c["count"] for c in report.controls)
        what = ", ".join(sorted({k for c in report.controls for k in c["kinds"]}))
        docs = len(report.controls)
        out.append(f"{n} control character{'s' if n != 1 else ''} ({what}) in {docs} "
                   f"document{'s' if docs != 1 else ''}, e.g. {report.controls[0]['source']}: kept in the text, "
                   "shown escaped")
    if out:
        out.append("(etr build --report prints all of it as JSON)")
    return out


KIND_WORDS = {"person": "people", "place": "places", "organisation": "organisations", "military": "military units",
              "event": "events", "treaty": "treaties", "document": "documents", "newspaper": "newspapers",
              "group": "groups", "unknown": "of unknown kind"}


def dumps_report(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=1)
