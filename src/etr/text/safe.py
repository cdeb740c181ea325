"""Text from documents and users made safe to show: valid Unicode, no escape sequences, no
control characters. Every line etr prints passes through `clean` (document text is untrusted:
a document may hold ANSI escapes, terminal titles or bidi overrides). Pure; standard library.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

# control characters, zero-width and direction marks (Arabic's U+061C among them), line and
# paragraph separators, the byte-order mark
_CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")


def valid_text(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes in argv) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


_UNSAFE = re.compile(f"[\\n{_CONTROLS}\\ud800-\\udfff]")  # what clean changes: those, line breaks, lone surrogates


def is_clean(line: str) -> bool:
    """Whether `clean` would leave each tab-separated field of `line` as it is (a quick test for
    the many rows that need nothing done)."""
    return _UNSAFE.search(line) is None


def clean(text: Any) -> str:
    """Text safe for a terminal: escape sequences and control characters removed, lines joined."""
    s = _ANSI.sub("", valid_text(str(text)))
    s = s.replace("\r\n", " ").replace("\n", " ").replace("\t", " ").replace("\u2028", " ").replace("\u2029", " ")
    return _CONTROL.sub("", s)
