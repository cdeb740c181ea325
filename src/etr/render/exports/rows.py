"""Timeline rows as CSV and as JSON.

CSV: RFC 4180 (a header line, fields quoted only where they hold a comma, a quote or a line
break, quotes doubled, CRLF line ends), UTF-8 with a byte-order mark, so that Excel reads the
names' diacritics and Chinese characters right and pandas, R and LibreOffice need no dialect
or encoding guess (Python's csv module: open it with encoding="utf-8-sig"). JSON: the same rows
as an array of objects (`pandas.read_json`). Standard library only.
"""

from __future__ import annotations

import csv
import io
import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

BOM = "\ufeff"


def to_csv(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, dialect="excel", lineterminator="\r\n")  # excel: comma, '"', minimal quoting
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r[c] is None else r[c] for c in columns])
    return BOM + buf.getvalue()


def to_json(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    return json.dumps([{c: r[c] for c in columns} for r in rows], ensure_ascii=False, indent=1) + "\n"
