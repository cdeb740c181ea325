"""Tag every seed document and write predictions as JSONL for bench/score_timex.py.

usage: python bench/tag_seeds.py > /tmp/pred.jsonl
       python bench/score_timex.py tests/data/timex_all_gold.jsonl /tmp/pred.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from etr.ingest.documents import text_of
from etr.ingest.sentences import read_document
from etr.ingest.timex import tag

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = text_of(path)
        doc = read_document(path.stem, text)
        for t in tag(text, [(p.start, p.end) for p in doc.paragraphs]):
            row = {"doc": path.name, "start": t.start, "end": t.end, "text": text[t.start : t.end],
                   "value": t.date.value, "type": t.date.type, "mod": t.date.mod, "how": t.date.how}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
