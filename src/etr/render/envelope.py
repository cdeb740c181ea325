"""Results as JSON: the envelope every query command prints under --json, and JSON lines.

The envelope is `{"command", "query", "interpreted", "results"}` (plus `error` when the command
failed), the contract docs/json.md describes. Never prints. Standard library only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any


def envelope(command: str, query: Any, interpreted: dict[str, Any], results: list[dict[str, Any]]) -> dict[str, Any]:
    return {"command": command, "query": query, "interpreted": interpreted, "results": results}


def to_json(env: dict[str, Any]) -> str:
    """One JSON document; lists of results that are JSON already (etr.index.RawList) go in as
    they are, through a placeholder no document text can contain."""
    return "".join(json_pieces(env))


def json_pieces(env: dict[str, Any]) -> list[str]:
    """`to_json(env)` in pieces, to be written one after the other: a list of results from the
    index (8,000 events, 14 MB, at 10,000 documents) is joined once, not copied into the
    document again and again."""
    raws: list[Any] = []
    nonce = os.urandom(6).hex()

    def hold(obj: Any) -> str:
        if not hasattr(obj, "items") or not hasattr(obj, "json"):
            raise TypeError(f"cannot write {type(obj).__name__} as JSON")
        raws.append(obj)
        return f"\x00{nonce}:{len(raws) - 1}\x00"

    text = json.dumps(env, ensure_ascii=False, default=hold)
    out: list[str] = []
    for i, raw in enumerate(raws):
        before, _, text = text.partition(f'"\\u0000{nonce}:{i}\\u0000"')
        out += [before, "[", ", ".join(raw.items), "]"]
    return [*out, text, "\n"]


def to_jsonl(results: Iterable[dict[str, Any]]) -> str:
    if hasattr(results, "json") and hasattr(results, "items"):  # RawList: one JSON text per item
        return "".join(x + "\n" for x in results.items)
    return "".join(to_json(r) for r in results)
