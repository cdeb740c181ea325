"""Reading a document's file: its text, or a clear refusal.

A file is recognised by what it holds as well as by its name: a PDF (its text layer, page by
page: etr.ingest.pdf_text), a web page (what a reader sees of it: etr.ingest.html_text), or text
in UTF-8 (with or without a byte-order mark), UTF-16 (with a byte-order mark) or a legacy 8-bit
encoding that charset-normalizer recognises (the guess is said, and `--encoding` overrides it).
Binary files (images, archives, office files, NUL bytes), empty files and files too large are
refused with a one-line reason; so is a file that changes while it is read.

The text etr keeps is what it read: every citation's offsets index it (`read(path).text[start:end]
== quote`), with no newline translation. Imports etr.errors and etr.rules.
"""

from __future__ import annotations

import codecs
import os
import re
import stat as stat_
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from etr import rules
from etr.errors import BadDocument, BadQuery

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
#: the largest file etr reads (a PDF or a web page holds much less text than its size)
MAX_FILE_BYTES = 256 * 1024 * 1024
#: the most text etr builds from one document: a build holds some 40 bytes per character of it
MAX_TEXT_CHARS = 64 * 1024 * 1024
MAX_DOCUMENT_BYTES = MAX_FILE_BYTES  # the name earlier versions used


@dataclass(frozen=True)
class Read:
    """A document as etr read it."""

    text: str
    format: str  # "text", "html" or "pdf"
    encoding: str  # the codec the bytes were decoded with ("utf-8", "cp1252", ...; "" for a PDF)
    basis: str  # how the encoding was known: "utf-8", "byte-order mark", "declared", "guessed", "given", "pdf"
    note: str | None = None  # one line for stderr: what a person should know about the reading


def text_of(path: Path, encoding: str | None = None) -> str:
    """The document's text exactly as citations index it, or BadDocument saying why not."""
    return read(path, encoding).text


def check_encoding(name: str | None) -> str | None:
    """The codec `--encoding NAME` names, or BadQuery saying it is none."""
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise BadQuery(f"--encoding {name!r}: not an encoding etr knows (e.g. utf-8, cp1252, latin-1, "
                       "utf-16, koi8-r)") from None


def read(path: Path, encoding: str | None = None) -> Read:
    """The document at `path`, read as what its bytes are (`encoding` forces the text's codec)."""
    data = _bytes(path)
    return interpret(data, shown(path), path.suffix.lower(), encoding)


def shown(path: Path | str) -> str:
    """A file's name as messages show it: control characters (a newline, ESC) and undecodable
    bytes written as escapes, so that the name stays on one line and says what it is."""
    name = str(path)
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _bytes(path: Path) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise BadDocument(f"{shown(path)}: a symbolic link to nothing (its target is gone)") from None
        raise BadDocument(f"{shown(path)}: no such file") from None
    except OSError as e:
        raise BadDocument(f"{shown(path)}: cannot read ({_why(e)})") from None
    if stat_.S_ISDIR(st.st_mode):
        raise BadDocument(f"{shown(path)}: is a directory, not a text file")
    if not stat_.S_ISREG(st.st_mode):
        raise BadDocument(f"{shown(path)}: not a regular file (a device or a pipe); save the text to a file first")
    too_big = BadDocument(
        f"{shown(path)}: larger than the {MAX_FILE_BYTES // 2**20} MiB a document may have; split it into smaller files")
    if st.st_size > MAX_FILE_BYTES:
        raise too_big
    try:
        with open(path, "rb") as f:
            before = os.fstat(f.fileno())
            data = f.read(MAX_FILE_BYTES + 1)
            after = os.fstat(f.fileno())
    except OSError as e:
        raise BadDocument(f"{shown(path)}: cannot read ({_why(e)})") from None
    if len(data) > MAX_FILE_BYTES:
        raise too_big
    if (len(data) != before.st_size or after.st_size != before.st_size
            or after.st_mtime_ns != before.st_mtime_ns):
        raise BadDocument(f"{shown(path)}: changed while etr read it; add it again once it is finished")
    return data


def _why(e: OSError) -> str:
    import errno

    if e.errno == errno.ELOOP:
        return "a symbolic-link loop: too many levels of links"
    return e.strerror or type(e).__name__


def interpret(data: bytes, name: str, suffix: str = "", encoding: str | None = None) -> Read:
    """What the bytes `data` of the file `name` hold, read as text; BadDocument if they cannot be."""
    if not data or data.isspace():  # not data.strip(): no copy of a large file
        raise BadDocument(f"{name}: the file is empty")
    if data[:1024].lstrip().startswith(b"%PDF-"):
        from etr.ingest.pdf_text import pdf_text

        text, pages = pdf_text(data, name)
        note = f"{name}: a PDF, read as one ({pages} pages)" if suffix != ".pdf" else None
        return _checked(Read(text, "pdf", "", "pdf", note), name)
    if suffix == ".pdf":
        raise BadDocument(f"{name}: named .pdf but not a PDF (no %PDF header); it may be damaged or incomplete")
    for magic, what, fix in _binary_kinds():
        if data.startswith(magic):
            raise BadDocument(f"{name}: {what} (binary), not text; {fix}")
    text, enc, basis = _decode(data, name, suffix, encoding)
    from etr.ingest.html_text import looks_like_html

    notes = []
    if basis in ("guessed", "zero bytes"):
        notes.append(f"read as {enc} (guessed from its bytes; give --encoding NAME if that is wrong)")
    if suffix in _names()["html"] or looks_like_html(text):
        from etr.ingest.html_text import page_text

        if suffix not in _names()["html"]:
            notes.append("a web page, read as one")
        text = page_text(text)
        if not text.strip():
            raise BadDocument(f"{name}: a web page with no text outside its scripts, styles and navigation")
        return _checked(Read(text, "html", enc, basis, _note(name, notes)), name)
    return _checked(Read(text, "text", enc, basis, _note(name, notes)), name)


def _note(name: str, notes: list[str]) -> str | None:
    return f"{name}: {'; '.join(notes)}" if notes else None


def _checked(r: Read, name: str) -> Read:
    if len(r.text) > MAX_TEXT_CHARS:
        raise BadDocument(f"{name}: its text is {len(r.text):,} characters, more than the {MAX_TEXT_CHARS // 2**20} Mi "
                          "etr builds from one document (a build holds ~40 bytes a character); split it into smaller files")
    return r


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a document's bytes, refusing empty, binary and unreadable input clearly."""
    if not data.strip():
        raise BadDocument(f"{name}: the file is empty")
    return _decode(data, name, "", encoding)[0]


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_LATIN1_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}


def _decode(data: bytes, name: str, suffix: str, encoding: str | None) -> tuple[str, str, str]:
    """The text, the codec and how it was known."""
    if encoding is not None:
        codec = check_encoding(encoding) or "utf-8"
        return _controlled(_strict(data, codec, name, given=True), name), codec, "given"
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _controlled(_strict(data, codec, name), name), codec, "byte-order mark"
    head = data[1:4096:2], data[0:4096:2]
    if len(data) > 3 and head[0].count(0) > 0.9 * len(head[0]) and not head[1].count(0):
        return _controlled(_strict(data, "utf-16-le", name), name), "utf-16-le", "zero bytes"
    if len(data) > 3 and head[1].count(0) > 0.9 * len(head[1]) and not head[0].count(0):
        return _controlled(_strict(data, "utf-16-be", name), name), "utf-16-be", "zero bytes"
    if b"\x00" in data:
        raise BadDocument(f"{name}: contains NUL bytes; it looks binary, not plain text")
    sample = data[:100_000]
    if len(_CONTROL_BYTES.findall(sample)) > max(8, len(sample) // 100):
        raise BadDocument(f"{name}: mostly control characters; it looks binary, not plain text")
    try:
        return _controlled(data.decode("utf-8"), name), "utf-8", "utf-8"
    except UnicodeDecodeError as e:
        bad_at = e.start
    if suffix in _names()["html"] or data[:4096].lstrip().startswith(b"<"):
        from etr.ingest.html_text import declared_charset

        declared = declared_charset(data[:4096])
        if declared:
            codec = "cp1252" if declared in _LATIN1_ALIASES else declared  # as browsers read them
            try:
                codec = codecs.lookup(codec).name
                return _controlled(data.decode(codec), name), codec, "declared"
            except (LookupError, UnicodeDecodeError):
                pass
    guess = _guess(data)
    if guess is None:
        raise BadDocument(
            f"{name}: not valid UTF-8 (byte {bad_at} breaks it) and no 8-bit encoding fits it; give the encoding "
            f"with --encoding NAME (e.g. --encoding cp1252) or convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8")
    return _controlled(data.decode(guess), name), guess, "guessed"


def _guess(data: bytes) -> str | None:
    """charset-normalizer's reading of legacy 8-bit text (imported only for such a file); where
    windows-1252 reads the bytes to the same text, that more common name."""
    import logging

    from charset_normalizer import from_bytes

    logging.getLogger("charset_normalizer").setLevel(logging.CRITICAL)
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1:  # more mess than real text in any encoding shows
        return None
    codec = codecs.lookup(best.encoding).name
    if codec != "cp1252":
        try:
            if data.decode("cp1252") == data.decode(codec):
                return "cp1252"
        except UnicodeDecodeError:
            pass
    return codec


def _strict(data: bytes, codec: str, name: str, given: bool = False) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        hint = ("give another --encoding" if given else
                "give the encoding with --encoding NAME or convert it first, e.g. iconv -f UTF-16 -t UTF-8")
        raise BadDocument(f"{name}: not valid {codec} (byte {e.start} breaks it); {hint}") from None
    except LookupError:
        raise BadDocument(f"{name}: {codec} is not an encoding etr knows") from None


def _controlled(text: str, name: str) -> str:
    controls = len(_CONTROLS.findall(text, 0, 100_000))
    if controls > max(8, len(text[:100_000]) // 100):
        raise BadDocument(f"{name}: mostly control characters; it looks binary, not plain text")
    if not text or text.isspace() or not text.lstrip("\ufeff").strip():
        raise BadDocument(f"{name}: the file is empty")
    return text


@cache
def _binary_kinds() -> tuple[tuple[bytes, str, str], ...]:
    """(first bytes, what the file is, what to do instead) of the binary files etr names."""
    return tuple((k["magic"].encode("latin-1"), k["what"], k["fix"]) for k in rules.load("formats")["binary"])


@cache
def _names() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in rules.load("formats")["names"].items()}


def readable_names() -> tuple[str, ...]:
    """The file name endings etr reads when it walks a folder."""
    return tuple(s for v in _names().values() for s in v)
