"""Bibliographic records (CSL-JSON items, etr.query.cite) as CSL-JSON, BibTeX and RIS, and as the
short reference list `--cite` puts under a terminal answer. Standard library only.

CSL-JSON is what Zotero, Pandoc and citeproc read as it is. BibTeX: one @misc entry per source
(the type every style knows), its key the source's id, UTF-8, braces around a corporate author
so that BibTeX does not take "contributors" for a surname, `date` beside `year` for biblatex.
RIS: the tags Zotero and EndNote read (TY, TI, AU, PB, DA, PY, UR, LA, N1, ID, ER).
"""

from __future__ import annotations

import json
import re

from etr.text.safe import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

RIS_TYPES = {"entry-encyclopedia": "ENCYC", "post-weblog": "BLOG", "article-newspaper": "NEWS", "book": "BOOK",
             "chapter": "CHAP", "document": "GEN"}
BIB_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def csl_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def _date(rec: dict[str, Any]) -> list[int]:
    parts: list[int] = rec.get("issued", {}).get("date-parts", [[]])[0]
    return parts


def _name(n: dict[str, str], bibtex: bool = False) -> str:
    if "literal" in n:
        return "{" + _bib(n["literal"]) + "}" if bibtex else n["literal"]
    return f"{n['family']}, {n['given']}" if n.get("given") else n["family"]


def _bib(text: str) -> str:
    def esc(m: re.Match[str]) -> str:
        ch = m.group(1)
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(ch, "\\" + ch)

    return BIB_SPECIAL.sub(esc, clean(text))


def _key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:-]", "_", text) or "source"


def bibtex(records: list[dict[str, Any]]) -> str:
    out = []
    for r in records:
        fields: list[tuple[str, str]] = [("title", "{" + _bib(r["title"]) + "}")]  # inner braces keep its capitals
        if r.get("author"):
            fields.append(("author", " and ".join(_name(n, True) for n in r["author"])))
        if r.get("container-title"):
            fields.append(("howpublished", _bib(r["container-title"])))
        if r.get("publisher"):
            fields.append(("publisher", _bib(r["publisher"])))
        date = _date(r)
        if date:
            fields.append(("year", str(date[0])))
            if len(date) > 1:
                fields.append(("month", str(date[1])))
            fields.append(("date", "-".join(f"{x:02d}" if i else str(x) for i, x in enumerate(date))))
        if r.get("URL"):
            fields.append(("url", r["URL"]))
        if r.get("genre"):
            fields.append(("type", _bib(r["genre"])))
        if r.get("language"):
            fields.append(("language", _bib(r["language"])))
        fields.append(("note", _bib(r["note"])))
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
        out.append(f"@misc{{{_key(r['id'])},\n{body}\n}}\n")
    return "\n".join(out)


def ris(records: list[dict[str, Any]]) -> str:
    out = []
    for r in records:
        lines = [("TY", RIS_TYPES.get(r["type"], "GEN")), ("ID", r["id"]), ("TI", r["title"])]
        lines += [("AU", _name(n)) for n in r.get("author", [])]
        if r.get("container-title"):
            lines.append(("T2", r["container-title"]))
        if r.get("publisher"):
            lines.append(("PB", r["publisher"]))
        date = _date(r)
        if date:
            lines.append(("PY", str(date[0])))
            lines.append(("DA", "/".join([str(date[0]), *(f"{x:02d}" for x in date[1:])]) + "/" * (3 - len(date))))
        if r.get("URL"):
            lines.append(("UR", r["URL"]))
        if r.get("language"):
            lines.append(("LA", r["language"]))
        if r.get("genre"):
            lines.append(("M3", r["genre"]))
        lines.append(("N1", r["note"]))
        lines.append(("ER", ""))
        out.append("\n".join(f"{tag}  - {clean(value)}".rstrip() for tag, value in lines) + "\n")
    return "\n".join(out)


def reference(r: dict[str, Any]) -> str:
    """One record as a line a reader can cite: author, title, publisher, date, URL."""
    parts = []
    if r.get("author"):
        parts.append("; ".join(n.get("literal") or f"{n.get('given', '')} {n['family']}".strip() for n in r["author"]))
    parts.append(f"“{r['title']}”")
    if r.get("container-title") or r.get("publisher"):
        parts.append(r.get("container-title") or r["publisher"])
    date = _date(r)
    if date:
        parts.append("-".join(f"{x:02d}" if i else str(x) for i, x in enumerate(date)))
    else:
        parts.append("n.d.")
    if r.get("URL"):
        parts.append(r["URL"])
    return clean(" ".join(x if x.endswith(".") else x + "." for x in parts) + f" [etr source {r['id']}]")
