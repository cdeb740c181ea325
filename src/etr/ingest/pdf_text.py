"""A PDF's text layer, page by page: each page a section named by its page label ("p. 12"), so
that a citation says the page it quotes.

pypdf (imported only when a PDF is read) gives each page's text as laid-out lines; the lines of a
paragraph are joined into one (a line that ends a sentence well short of the page's width ends a
paragraph), so that a sentence broken across lines stays one sentence. A PDF whose pages carry
no text (a scan) is refused with the advice to run OCR. Imports etr.errors.
"""

from __future__ import annotations

import re

from etr.errors import BadDocument

_ENDS_PARAGRAPH = re.compile(r"[.!?:;\"”’)\]]$")


def pdf_text(data: bytes, name: str) -> tuple[str, int]:
    """The text of the PDF `data` with a `== p. N ==` line opening each page, and its page count."""
    import io
    import logging
    import warnings

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # recoverable damage is pypdf's business
    parts: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise BadDocument(f"{name}: an encrypted PDF that needs a password; save an unlocked copy first")
            pages = reader.pages
            try:
                labels = list(reader.page_labels)
            except Exception:  # noqa: BLE001 - a damaged label tree: number the pages instead
                labels = []
            meta = reader.metadata
            title = (meta.title if meta is not None else None) or ""
            n = len(pages)
            for i, page in enumerate(pages):
                text = page.extract_text() or ""
                paragraphs = _paragraphs(text)
                if not paragraphs:
                    continue
                label = labels[i] if i < len(labels) and str(labels[i]).strip() else str(i + 1)
                parts.append(f"== p. {_one_line(str(label))} ==")
                parts.extend(paragraphs)
    except BadDocument:
        raise
    except FileNotDecryptedError:
        raise BadDocument(f"{name}: an encrypted PDF that needs a password; save an unlocked copy first") from None
    except DependencyError as e:
        raise BadDocument(f"{name}: a PDF pypdf cannot open here ({_one_line(str(e))})") from None
    except Exception as e:  # noqa: BLE001 - a damaged PDF can raise anything inside pypdf
        raise BadDocument(f"{name}: a damaged PDF pypdf cannot read ({type(e).__name__}: {_one_line(str(e))})") from None
    if not parts:
        raise BadDocument(
            f"{name}: a PDF with no text layer ({n} page{'s' if n != 1 else ''} of images, as a scan gives); "
            "etr reads text: run OCR on it first (e.g. ocrmypdf in.pdf out.pdf)")
    title = _one_line(str(title))
    head = [f"= {title} ="] if title and not re.fullmatch(r"(?i)untitled|.*\.(?:docx?|pdf|tex)", title) else []
    return "\n\n".join(head + parts) + "\n", n


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()[:200]


def _paragraphs(page: str) -> list[str]:
    """The page's lines joined into paragraphs: a blank line ends one, and so does a line that
    ends a sentence well short of the page's longest lines."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in page.splitlines()]
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return []
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 3 else widths[-1]
    out: list[str] = []
    cur = ""
    for line in lines:
        if not line:
            if cur:
                out.append(cur)
            cur = ""
            continue
        if not cur:
            cur = line
        elif cur.endswith("-") and line[:1].islower():
            cur += line  # a word broken at the line's end ("Tse-" "ming"): the hyphen is kept
        else:
            cur += " " + line
        if _ENDS_PARAGRAPH.search(line) and len(line) < 0.8 * full:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out
