"""Adding documents to a fact base: one rule (a document leaves only when the user removes it),
and a fact base built a few documents at a time is the one built from all of them at once, byte
for byte, though each build reads only the documents it adds (nothing a later document says
changes how an earlier one reads).

The real documents of tests/data/real/ are added in steps and compared with a build of all of
them; small made-up documents take the paths that are rare there: a merge of two found names
that a later document undoes, a weak name a later document names in full, removals."""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

import pytest

from conftest import DATA, cli
from etr.ingest.pipeline import run_build
from etr.store import index

REAL = DATA / "real"


def real_documents() -> list[Path]:
    manifest = tomllib.loads((REAL / "manifest.toml").read_text(encoding="utf-8"))["document"]
    return [REAL / d["file"] for d in manifest]


class Heard:
    """The messages a build gives (etr.ingest.assemble says "read FILE: ..." of each document it reads)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, message: str) -> None:
        self.messages.append(message)

    def read(self) -> int:
        n = sum(1 for m in self.messages if m.startswith("read "))
        self.messages.clear()
        return n


def build(files: list[Path], out: Path, removes: list[str] | None = None) -> int:
    """Build into `out` (starting from what it holds); how many documents the build read."""
    heard = Heard()
    run_build(files, out, None, heard, removes=removes)
    return heard.read()


def sources_of(facts: Path) -> list[str]:
    import json

    return [s["id"] for s in json.loads(facts.read_text(encoding="utf-8"))["sources"]]


def tables(facts: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a fact base's index, row by row (but what a build hands the next, and the
    key, which names the JSON file's times)."""
    con = sqlite3.connect(index.index_path(facts))
    out = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'event_spans_%'"):
        if name in ("carried", "mentions", "unmerged"):
            continue
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({name})")]
        rows = con.execute(f"SELECT * FROM {name} ORDER BY {', '.join(cols)}").fetchall()
        out[name] = [r for r in rows if name != "meta" or r[0] != "key"]
    con.close()
    return out


def test_real_documents_added_in_steps_make_the_fact_base_all_of_them_make(tmp_path: Path) -> None:
    docs = real_documents()
    whole = tmp_path / "whole.json"
    build(docs, whole)
    steps = tmp_path / "steps.json"
    read = [build(docs[:80], steps)]
    for chunk in (docs[80:81], docs[81:82], docs[82:90], docs[90:91], docs[91:]):
        read.append(build(chunk, steps))
    assert steps.read_bytes() == whole.read_bytes()
    assert tables(steps) == tables(whole)
    # each build read the documents it added (and the seeds the first time), nothing else: every
    # source of the fact base was read once (two files of the same text are one source)
    assert read[1:5] == [1, 1, 8, 1] and read[5] <= len(docs) - 91, read
    assert sum(read) == len(sources_of(whole)), read


WARD = {
    "b.txt": "Consul Ward left Tihwa on March 2, 1945. Vice Consul Mackiernan stayed.\n",
    "a.txt": "Robert S. Ward, Consul at Tihwa, reported the rising in Ining on November 7, 1944.\n",
    "c.txt": "Douglas S. Mackiernan crossed the Tarim in 1950.\n",
    "d.txt": "John Ward, Consul at Kashgar, reported on the caravans in May 1946.\n",
    "e.txt": "Ward arrived on November 25, 1946. He met Burhan Shahidi in Tihwa.\n",
}


@pytest.mark.parametrize("order", [["b", "a", "c", "d", "e"], ["e", "d", "c", "a", "b"]])
def test_merges_made_and_undone_by_later_documents_are_what_a_whole_build_makes(tmp_path: Path, order: list[str]) -> None:
    """'Consul Ward' is Robert S. Ward (the same surname and role) until a second Consul Ward is
    named in full; 'Ward arrived' opens a sentence (a weak name) until another document names a
    Ward: each step is the build of all the documents so far."""
    paths = []
    for name, text in WARD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    steps = tmp_path / "steps" / "facts.json"
    for n, name in enumerate(order, 1):
        paths.append(tmp_path / f"{name}.txt")
        build([paths[-1]], steps)
        whole = tmp_path / f"whole{n}" / "facts.json"
        build(paths, whole)
        assert steps.read_bytes() == whole.read_bytes(), f"after adding {order[:n]}"
        assert tables(steps) == tables(whole)


def test_removing_documents_is_the_build_without_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from etr.ingest import assemble

    paths = []
    for name, text in WARD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    facts = tmp_path / "facts.json"
    build(paths, facts)
    analysed: list[str] = []
    analyse = assemble.analyse
    monkeypatch.setattr(assemble, "analyse", lambda doc, linker, named=None: analysed.append(doc.text) or analyse(doc, linker, named))
    build([], facts, removes=["a"])  # by source id
    build([], facts, removes=["c.txt", str(tmp_path / "e.txt")])  # by file name, by the file
    assert analysed == []  # the documents left were not analysed again: their analyses are kept
    whole = tmp_path / "whole.json"
    build([tmp_path / "b.txt", tmp_path / "d.txt"], whole)
    assert facts.read_bytes() == whole.read_bytes()
    assert tables(facts) == tables(whole)


@pytest.mark.parametrize("args,message", [
    (["--remove", "nowhere"], "--remove nowhere: no such document in"),
    (["--remove", "etr"], "--remove etr: that is a seed document, which every fact base holds"),
])
def test_removing_what_is_not_there_says_so_and_changes_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "a.txt").write_text(WARD["a.txt"], encoding="utf-8")
    facts = tmp_path / "facts.json"
    build([tmp_path / "a.txt"], facts)
    before = facts.read_bytes()
    ran = cli("build", "--out", str(facts), *args)
    assert ran.exit_code == 2
    assert ran.stderr.strip().startswith(f"etr: {message}") and len(ran.stderr.strip().splitlines()) == 1
    assert "(its added documents: a)" in ran.stderr or "seed" in ran.stderr
    assert facts.read_bytes() == before


def test_a_document_leaves_a_fact_base_only_when_removed(tmp_path: Path) -> None:
    """--out F accumulates as the user's fact base does, and rebuilding F keeps what it holds."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(WARD[name], encoding="utf-8")
    facts = tmp_path / "mine.json"
    assert cli("build", "--add", str(tmp_path / "a.txt"), "--out", str(facts)).exit_code == 0
    assert cli("build", "--add", str(tmp_path / "b.txt"), "--out", str(facts)).exit_code == 0
    both = facts.read_bytes()
    assert b'"id": "a"' in both and b'"id": "b"' in both
    assert cli("build", "--out", str(facts)).exit_code == 0  # a rebuild: the same documents
    assert facts.read_bytes() == both
    index.index_path(facts).unlink()  # without its index (copied elsewhere): read from the JSON
    assert cli("build", "--out", str(facts)).exit_code == 0
    assert facts.read_bytes() == both


def test_new_names_read_every_document_again(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WARD["a.txt"], encoding="utf-8")
    (tmp_path / "names.toml").write_text(
        '[[entity]]\nid = "robert-ward"\ntype = "person"\nname = "Robert S. Ward"\naliases = ["Consul Ward"]\n',
        encoding="utf-8")
    facts = tmp_path / "facts.json"
    build([tmp_path / "a.txt"], facts)
    heard = Heard()
    run_build([], facts, None, heard, names=tmp_path / "names.toml")
    assert heard.read() == 4  # the seeds and a.txt: every document reads differently with new names
    whole = tmp_path / "whole.json"
    run_build([tmp_path / "a.txt"], whole, None, names=tmp_path / "names.toml")
    assert facts.read_bytes() == whole.read_bytes()
