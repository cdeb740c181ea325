"""The build's records as JSON, byte for byte what `json.dumps(..., ensure_ascii=False)` writes
(sorted keys for the fact base, the build's own order for what queries print), several times
faster: strings through json's C escaper, the shapes the build makes spelled out. A record of any
other shape goes to json.dumps itself. Writing the JSON of a thousand documents' events and
sentences with json.dumps took a tenth of a build (bench/README.md). Standard library only.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _s

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SENTENCE_KEYS = ("end", "entities", "events", "id", "paragraph", "section", "source", "start", "text")
EVENT_KEYS = ("citations", "date", "date_span", "entities", "id", "source", "text", "via")
DATE_KEYS = ("anchor", "end", "how", "mod", "precision", "start", "text", "type", "value")
CITATION_KEYS = ("source", "title", "section", "start", "end", "quote")  # Citation.to_dict's order
SHOWN_DATE = ("text", "value", "start", "end", "precision", "mod", "how")  # index.shape_event's


def sorted_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _opt(v: Any) -> str:
    """A string or None."""
    return "null" if v is None else _s(v)


def _strs(xs: list[str]) -> str:
    return "[" + ", ".join(map(_s, xs)) + "]"


def _str_dict(d: dict[str, str], keys: Any) -> str:
    return "{" + ", ".join(f"{_s(k)}: {_s(d[k])}" for k in keys) + "}"


def _is_citation(c: Any) -> bool:
    return (c.__class__ is dict and len(c) == 6 and all(k in c for k in CITATION_KEYS)
            and c["start"].__class__ is int and c["end"].__class__ is int)


def _citation_sorted(c: dict[str, Any]) -> str:
    return (f'{{"end": {c["end"]}, "quote": {_s(c["quote"])}, "section": {_s(c["section"])}, '
            f'"source": {_s(c["source"])}, "start": {c["start"]}, "title": {_s(c["title"])}}}')


def _citation_made(c: dict[str, Any]) -> str:
    return (f'{{"source": {_s(c["source"])}, "title": {_s(c["title"])}, "section": {_s(c["section"])}, '
            f'"start": {c["start"]}, "end": {c["end"]}, "quote": {_s(c["quote"])}}}')


def sentence(rec: dict[str, Any]) -> str:
    """A sentence record as the JSON fact base writes it."""
    if len(rec) != 9 or any(k not in rec for k in SENTENCE_KEYS):
        return sorted_json(rec)
    return sentence_from(rec["id"], rec["source"], rec["section"], rec["paragraph"], rec["start"], rec["end"],
                         rec["text"], rec["entities"], rec["events"])


def sentence_from(ident: str, source: str, section: str, paragraph: int, start: int, end: int, text: str,
                  entities: list[str], events: list[str]) -> str:
    return (f'{{"end": {end}, "entities": {_strs(entities)}, "events": {_strs(events)}, "id": {_s(ident)}, '
            f'"paragraph": {paragraph}, "section": {_s(section)}, "source": {_s(source)}, "start": {start}, '
            f'"text": {_s(text)}}}')


def _plain_date(d: Any) -> bool:
    return (d.__class__ is dict and len(d) == 9 and all(k in d for k in DATE_KEYS)
            and all(v is None or v.__class__ is str for v in d.values()))


def event(ev: dict[str, Any]) -> str:
    """An event record as the JSON fact base writes it (sorted keys)."""
    d, via, span = ev.get("date"), ev.get("via"), ev.get("date_span")
    if (len(ev) != 8 or any(k not in ev for k in EVENT_KEYS) or not _plain_date(d) or via.__class__ is not dict
            or not all(_is_citation(c) for c in ev["citations"]) or span.__class__ is not list or len(span) != 2):
        return sorted_json(ev)
    assert isinstance(d, dict) and isinstance(via, dict) and isinstance(span, list)
    date = (f'{{"anchor": {_opt(d["anchor"])}, "end": {_opt(d["end"])}, "how": {_opt(d["how"])}, '
            f'"mod": {_opt(d["mod"])}, "precision": {_opt(d["precision"])}, "start": {_opt(d["start"])}, '
            f'"text": {_opt(d["text"])}, "type": {_opt(d["type"])}, "value": {_opt(d["value"])}}}')
    return (f'{{"citations": [{", ".join(map(_citation_sorted, ev["citations"]))}], "date": {date}, '
            f'"date_span": [{span[0]}, {span[1]}], "entities": {_strs(ev["entities"])}, "id": {_s(ev["id"])}, '
            f'"source": {_s(ev["source"])}, "text": {_s(ev["text"])}, "via": {_str_dict(via, sorted(via))}}}')


def ref(e: dict[str, str]) -> str:
    """An entity as an event shows it: {"id", "name", "type"}."""
    return f'{{"id": {_s(e["id"])}, "name": {_s(e["name"])}, "type": {_s(e["type"])}}}'


def shown_event(ev: dict[str, Any], refs: dict[str, dict[str, str]]) -> str:
    """json.dumps(index.shape_event(ev, refs)): an event as queries print it ("" for a record of
    another shape: the caller uses json.dumps then)."""
    d, via = ev.get("date"), ev.get("via")
    if (not _plain_date(d) or not all(_is_citation(c) and tuple(c) == CITATION_KEYS for c in ev["citations"])
            or (via and via.__class__ is not dict)):
        return ""
    assert isinstance(d, dict)
    date = ", ".join(f"{_s(k)}: {_opt(d[k])}" for k in SHOWN_DATE)
    if d.get("anchor"):
        date += f', "anchor": {_s(d["anchor"])}'
    ents = ", ".join(ref(refs.get(x) or {"id": x, "name": x, "type": "unknown"}) for x in ev["entities"])
    out = (f'{{"id": {_s(ev["id"])}, "date": {{{date}}}, "text": {_s(ev["text"])}, "entities": [{ents}], '
           f'"citations": [{", ".join(map(_citation_made, ev["citations"]))}]')
    if via:
        assert isinstance(via, dict)
        out += f', "via": {_str_dict(via, via)}'
    return out + "}"
