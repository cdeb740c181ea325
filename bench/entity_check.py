"""How many of the entities etr discovers in documents it has never seen are real names: the
precision of discovery, on a sample read by hand.

    .venv/bin/python bench/entity_check.py                  # precision on the checked sample
    .venv/bin/python bench/entity_check.py --sample 100     # write a new sample to check (stdout, JSONL)
    .venv/bin/python bench/entity_check.py --db F           # use a fact base already built

It builds a fact base from tests/data/real/ (as bench/eval_real.py does) and takes the entities
found there that the registry does not hold ("auto-..." ids). --sample draws a seeded random
sample of them, each with the sentences it was found in, for a person to judge. The judgements
live in tests/data/real/entity_check.jsonl, one line per entity:

    {"name": "Sung Hsi-lien", "type": "person", "source": "<first source id>",
     "verdict": "name" | "part" | "junk", "kind_ok": true | false, "note": "..."}

- "name": a name of one person, place, body, event, treaty or document, whole;
- "part": a real name cut short or run on ("Defence Commission" for "Border Defence Commission",
  "Petrovsky of the Soviet" for "Petrovsky");
- "junk": no name at all (a headline's capitals, a common word, a month, a label).
`kind_ok` says whether the type etr gave it is right ("unknown" counts as right: etr did not
claim a kind).

Printed: precision (verdict "name" / judged), the kind's precision among the names, and which
judged entities this build no longer finds (their names changed or they are gone: the sample then
needs checking again). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import eval_real  # noqa: E402  (same folder: the corpus's files and its build)

CHECKED = eval_real.REAL / "entity_check.jsonl"


def discovered(db: dict) -> list[dict]:
    return [e for e in db["entities"] if not e.get("curated", True)]


def contexts(db: dict, e: dict, most: int = 3) -> list[str]:
    text = {s["id"]: s["text"] for s in db["sentences"]}
    return [text[s] for s in e.get("sentences", [])[:most] if s in text]


def first_source(db: dict, e: dict) -> str:
    of = {s["id"]: s["source"] for s in db["sentences"]}
    return next((of[s] for s in e.get("sentences", []) if s in of), "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="a fact base already built from tests/data/real/")
    ap.add_argument("--sample", type=int, help="print a seeded sample of this many discovered entities to judge")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db
        if path is None:
            path = Path(tmp) / "facts.json"
            manifest = eval_real.tomllib.loads((eval_real.REAL / "manifest.toml").read_text(encoding="utf-8"))["document"]
            eval_real.build([eval_real.REAL / d["file"] for d in manifest], path)
        db = json.loads(path.read_text(encoding="utf-8"))
    found = discovered(db)
    if args.sample:
        rng = random.Random(args.seed)
        for e in sorted(rng.sample(found, min(args.sample, len(found))), key=lambda e: e["name"]):
            print(json.dumps({"name": e["name"], "type": e["type"], "source": first_source(db, e),
                              "aliases": e.get("aliases", []), "roles": e.get("roles", []),
                              "contexts": contexts(db, e)}, ensure_ascii=False))
        return
    judged = [json.loads(x) for x in CHECKED.read_text(encoding="utf-8").splitlines() if x.strip()]
    now = {(e["name"], e["type"]) for e in found} | {(e["name"], "") for e in found}
    names = {e["name"] for e in found}
    verdicts = Counter(j["verdict"] for j in judged)
    n = len(judged)
    good = verdicts["name"]
    kind_ok = sum(1 for j in judged if j["verdict"] == "name" and j["kind_ok"])
    print(f"discovered entities in this build: {len(found)}; judged by hand: {n} (tests/data/real/entity_check.jsonl)")
    print(f"precision (a whole, real name): {good}/{n} = {good / n:.2f}")
    print(f"  part of a name: {verdicts['part']}, no name: {verdicts['junk']}")
    print(f"kind right (or left unknown) among the names: {kind_ok}/{good} = {kind_ok / max(good, 1):.2f}")
    kept = [j for j in judged if j["name"] in names]
    kept_good = sum(1 for j in kept if j["verdict"] == "name")
    print(f"on this build: {len(kept)} of the judged still found, {kept_good} of them names = "
          f"{kept_good / max(len(kept), 1):.2f} (an estimate: new entities in the build are not judged)")
    gone = [j["name"] for j in judged if j["name"] not in names]
    if gone:
        print(f"judged but not found by this build ({len(gone)}): {', '.join(gone[:20])}")
    changed = [j["name"] for j in judged if j["name"] in names and (j["name"], j["type"]) not in now]
    if changed:
        print(f"found with another kind now ({len(changed)}): {', '.join(changed[:20])}")


if __name__ == "__main__":
    main()
