"""A web page's text: what a reader sees of it, as paragraphs, with its headings as sections.

The page is read with the standard library's HTML parser (imported only when a page is read);
scripts, styles, navigation, forms and the page's own header and footer are left out (the
elements are data: rules/formats.toml). Headings become `= Title =` / `== Heading ==` lines, which
etr.ingest.sentences reads as sections, so a citation names the heading it falls under; every
other block becomes a paragraph. The fact base keeps this text, and citations index it.
Imports etr.rules.
"""

from __future__ import annotations

import re
from functools import cache

from etr import rules

_SPACE = re.compile(r"\s+")


@cache
def _rules() -> tuple[frozenset[str], ...]:
    r = rules.load("formats")["html"]
    return tuple(frozenset(r[k]) for k in ("skip", "page_furniture", "skip_roles", "skip_class_words",
                                            "blocks", "void"))


def _words(value: str | None) -> set[str]:
    return set(re.split(r"[\s_-]+", value.lower())) if value else set()


def page_text(html: str) -> str:
    """The text of the page `html`, its headings as section lines."""
    from html.parser import HTMLParser

    skip, furniture, roles, class_words, blocks, void = _rules()

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.stack: list[tuple[str, bool]] = []  # open elements, and whether each hides its content
            self.hidden = 0  # how many open elements hide their content
            self.out: list[str] = []  # paragraphs and heading lines
            self.buf: list[str] = []
            self.heading = 0  # the level of the heading being read, 0 outside one
            self.pre = 0
            self.title: list[str] = []
            self.in_title = False

        def flush(self) -> None:
            raw = "".join(self.buf)
            self.buf = []
            if self.pre:
                lines = [line.rstrip() for line in raw.split("\n")]
            else:
                lines = [_SPACE.sub(" ", part).strip() for part in raw.split("\n")]
            text = "\n".join(line for line in lines if line.strip())
            if not text:
                return
            if self.heading:
                text = _SPACE.sub(" ", text).strip()
                bar = "=" * self.heading
                self.out.append(f"{bar} {text} {bar}")
            else:
                self.out.append(text)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if tag == "title" and not self.hidden_outside_head():
                self.in_title = True
                return
            if tag in void:
                if tag == "br" and not self.hidden:
                    self.buf.append("\n")
                elif tag == "hr" and not self.hidden:
                    self.flush()
                return
            hides = (tag in skip
                     or (tag in furniture and not any(t in ("article", "main") for t, _h in self.stack))
                     or (a.get("role") or "").lower() in roles
                     or "hidden" in a or (a.get("aria-hidden") or "").lower() == "true"
                     or bool((_words(a.get("class")) | _words(a.get("id"))) & class_words))
            self.stack.append((tag, hides))
            self.hidden += hides
            if self.hidden:
                return
            level = _level(tag)
            if level or tag in blocks or tag in ("td", "th"):
                if tag in ("td", "th"):
                    self.buf.append(" ")
                else:
                    self.flush()
            if level:
                self.heading = level
            if tag == "pre":
                self.pre += 1

        def hidden_outside_head(self) -> bool:
            return any(h for t, h in self.stack if t != "head")

        def handle_endtag(self, tag: str) -> None:
            if tag == "title":
                self.in_title = False
                return
            if tag in void or not any(t == tag for t, _h in self.stack):
                return  # a stray end tag
            while self.stack:
                t, hides = self.stack.pop()
                self.hidden -= hides
                if not self.hidden and hides:
                    self.buf = []
                self.end_element(t)
                if t == tag:
                    break

        def end_element(self, tag: str) -> None:
            if self.hidden:
                return
            level = _level(tag)
            if level or tag in blocks:
                self.flush()
            if level:
                self.heading = 0
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

        def handle_data(self, data: str) -> None:
            if self.in_title:
                self.title.append(data)
            elif not self.hidden:
                self.buf.append(data if self.pre else _SPACE.sub(" ", data))  # a line break is <br>'s

    reader = Reader()
    reader.feed(html)
    reader.close()
    while reader.stack:
        t, hides = reader.stack.pop()
        reader.hidden -= hides
        reader.end_element(t)
    reader.flush()
    out = reader.out
    title = _SPACE.sub(" ", "".join(reader.title)).strip()
    if title and not (out and out[0].startswith("= ")):  # the page's <title>, unless an <h1> opens it
        out.insert(0, f"= {title} =")
    return "\n\n".join(out) + ("\n" if out else "")


def _level(tag: str) -> int:
    return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" else 0


def declared_charset(head: bytes) -> str | None:
    """The encoding a page declares in its first bytes (`<meta charset=...>`), if any."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", head, re.I)
    return m.group(1).decode("ascii").lower() if m else None


def looks_like_html(text: str) -> bool:
    """Whether a text is a web page, whatever its file is called: a doctype or <html> first, or
    the page's <head>/<body> among its first tags."""
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith("<?xml") and "<html" in head:
        return True
    return head.startswith("<") and re.search(r"<(?:head|body)[\s>]", head) is not None

