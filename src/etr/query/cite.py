"""The sources as bibliographic records (CSL-JSON, the shape Zotero, Pandoc and citeproc read),
and which sources an answer cites (etr.query.core.cited_sources).

A record says only what the fact base knows: the seeds' title, author and publisher from
seeds/sources.toml; an added document's title and author as the build named it, and its date
when the title gives one (a telegram's header date, a cutting's masthead date). Nothing is
invented: no URL or date the documents do not state. Imports etr.query.core.
"""

from __future__ import annotations

import re

from etr.query.core import FactBase

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

# the kinds of source etr knows, as CSL item types (docs/exports.md)
CSL_TYPES = {"encyclopedia article": "entry-encyclopedia", "blog post": "post-weblog",
             "newspaper article": "article-newspaper", "book": "book", "book chapter": "chapter",
             "telegram": "document", "user document": "document"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]+)\.?,?\s+(1[89]\d\d|20\d\d)\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Z][a-z]+)\.?\s+(\d{1,2}),\s+(1[89]\d\d|20\d\d)\b")
# words that make an author a body, not a person ("Wikipedia contributors", "Reuters staff")
CORPORATE = {"contributors", "staff", "editors", "office", "department", "consulate", "embassy", "agency",
             "committee", "government", "ministry", "bureau", "press", "service", "center", "centre",
             "unknown", "correspondent"}


def month_of(word: str) -> int | None:
    w = word.lower()
    for i, m in enumerate(MONTHS, 1):
        if w == m or (len(w) >= 3 and m.startswith(w)):
            return i
    return None


def date_in_title(title: str) -> list[int] | None:
    """[year, month, day] of the first whole date a title states ("..., 16 November 1947 (893.00
    ...)"), else None."""
    for m in (_DAY_MONTH_YEAR.search(title), _MONTH_DAY_YEAR.search(title)):
        if m is None:
            continue
        if m.re is _DAY_MONTH_YEAR:
            day, month, year = m.group(1), month_of(m.group(2)), m.group(3)
        else:
            month, day, year = month_of(m.group(1)), m.group(2), m.group(3)
        if month is not None and 1 <= int(day) <= 31:
            return [int(year), month, int(day)]
    return None


def author_names(author: str) -> list[dict[str, str]]:
    """CSL names: a person's family and given names ("Charles Kraus"), a body or an office
    ("Wikipedia contributors", "Paxton (Consul at Tihwa)") as one literal name; none when unknown."""
    a = " ".join(author.split())
    if not a or a.lower() in ("unknown", "anonymous"):
        return []
    words = a.split()
    personal = (2 <= len(words) <= 4 and not re.search(r"[()\d,;&]", a)
                and all(w[:1].isupper() for w in words) and not CORPORATE & {w.lower() for w in words})
    if personal:
        return [{"family": words[-1], "given": " ".join(words[:-1])}]
    return [{"literal": a}]


def record(src: dict[str, Any]) -> dict[str, Any]:
    """One source as a CSL-JSON item."""
    kind = src.get("kind", "")
    out: dict[str, Any] = {"id": src["id"], "type": CSL_TYPES.get(kind, "document"), "title": src["title"]}
    names = author_names(src.get("author", ""))
    if names:
        out["author"] = names
    if src.get("publisher"):  # a website or a paper is where the item appears; a body publishes the rest
        key = "container-title" if out["type"] in ("entry-encyclopedia", "post-weblog", "article-newspaper") else "publisher"
        out[key] = src["publisher"]
    issued = src.get("issued") or (None if src.get("curated", True) else date_in_title(src["title"]))
    if issued:
        out["issued"] = {"date-parts": [issued]}
    if src.get("url"):
        out["URL"] = src["url"]
    if src.get("language"):
        out["language"] = src["language"]
    if kind:
        out["genre"] = kind
    note = f"etr source {src['id']!r}"
    if src.get("file"):
        note += f"; file {src['file']}"
    if src.get("sha256"):
        note += f"; sha256 {src['sha256']}"
    out["note"] = note
    return out


def records(fb: FactBase, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """CSL-JSON items of these sources (default: all), in the fact base's order."""
    wanted = None if ids is None else set(ids)
    return [record(s) for s in fb.source_by_id.values() if wanted is None or s["id"] in wanted]
