"""Reading a document's file: its exact text, or a clear refusal (binary, empty, too large,
an encoding etr cannot read).

The text is the file decoded as UTF-8 with no newline translation: every citation's offsets
index it (`text_of(path)[start:end] == quote`). Imports etr.errors.
"""

from __future__ import annotations

import re
from pathlib import Path

from etr.errors import BadDocument

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


def text_of(path: Path) -> str:
    """The document's text exactly as citations index it, or BadDocument saying why not."""
    if not path.exists():
        raise BadDocument(f"{path}: no such file")
    if path.is_dir():
        raise BadDocument(f"{path}: is a directory, not a text file")
    if not path.is_file():
        raise BadDocument(f"{path}: not a regular file (a device or a pipe); save the text to a file first")
    too_big = BadDocument(
        f"{path}: larger than the {MAX_DOCUMENT_BYTES // 2**20} MiB a document may have; split it into smaller files")
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise too_big
        with open(path, "rb") as f:
            data = f.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise too_big
    except OSError as e:
        raise BadDocument(f"{path}: cannot read ({e.strerror or e})") from None
    return decode(data, str(path))


def decode(data: bytes, name: str) -> str:
    """Decode a document's bytes as UTF-8, refusing empty, binary and non-UTF-8 input clearly."""
    if not data.strip():
        raise BadDocument(f"{name}: the file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 3 and data[1:40:2].count(0) > 15):
        raise BadDocument(
            f"{name}: UTF-16 text, and etr reads UTF-8; convert it first, e.g. iconv -f UTF-16 -t UTF-8 {name} > copy.txt")
    if b"\x00" in data:
        raise BadDocument(f"{name}: contains NUL bytes; it looks binary, not plain text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadDocument(
            f"{name}: not valid UTF-8 (the encoding etr reads; byte {e.start} breaks it); convert it first, "
            "e.g. iconv -f WINDOWS-1252 -t UTF-8"
        ) from None
    controls = len(_CONTROLS.findall(text, 0, 100_000))
    if controls > max(8, len(text[:100_000]) // 100):
        raise BadDocument(f"{name}: mostly control characters; it looks binary, not plain text")
    return text
