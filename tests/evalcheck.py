"""The evaluation's checks (shared/eval/README.md, 'Queries'), as functions over `--json` output.

Used by tests/test_eval_queries.py and bench/eval_queries.py.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

COMMAND = {"who": "who", "where": "where", "what": "what", "search": "search",
           "when-date": "when", "when-event": "when"}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _ends(value: str) -> set[str]:
    return {value, *value.split("/")}


def check(case: dict[str, Any], out: dict[str, Any]) -> list[str]:
    """What is wrong with `out` for `case` (empty when it passes)."""
    kind, exp = case["kind"], case["expect"]
    res = out.get("results") or []
    problems: list[str] = []
    if kind in ("who", "where", "what"):
        if not res:
            return ["no results"]
        ent = res[0]
        names = {norm(ent["name"]), *(norm(a) for a in ent.get("aliases", []))}
        if norm(exp["name"]) not in names:
            problems.append(f"results[0] is {ent['name']!r}, expected {exp['name']!r}")
        values = set()
        for ev in ent.get("events", []):
            values |= _ends(ev["date"]["value"])
        for d in exp.get("dates_all", []):
            if d not in values:
                problems.append(f"missing date {d}")
        facts = exp.get("facts_any") or []
        blob = json.dumps(ent, ensure_ascii=False)
        # a quote holding '"' is in the JSON text as '\"'
        if facts and not any(f in blob or json.dumps(f, ensure_ascii=False)[1:-1] in blob for f in facts):
            problems.append(f"none of {facts} in the profile")
    elif kind == "when-date":
        for item in exp["events_all"]:
            if not any(item["date"] in _ends(r["date"]["value"]) and all(w in r["text"] for w in item["words"]) for r in res):
                problems.append(f"no event {item['date']} with {item['words']}")
    elif kind == "when-event":
        top = {r["date"]["value"] for r in res[:3]}
        if not top & set(exp["dates_any"]):
            problems.append(f"top-3 dates {sorted(top)}, expected one of {exp['dates_any']}")
    elif kind == "search":
        blob = json.dumps(res[:5], ensure_ascii=False)
        if not any(json.dumps(q, ensure_ascii=False)[1:-1] in blob for q in exp["quotes_any"]):
            problems.append("no expected quote in the top 5")
    return problems
