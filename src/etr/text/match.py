"""Ranking the entities whose names best match what a user typed.

`NameIndex` holds every name form of a set of entities (already folded, see etr.text.fold) and
ranks them with rapidfuzz's bulk `process.extract`. Scorers (tests/test_names.py holds the table
that chose them):
- exact alias hit (after folding)             100
- the same name in another romanisation       97   ("Sheng Shih-tsai", "盛世才", "Касимов")
- the query is a whole word of a name         92   ("qasimi", "Bughra", "Polinov")
- the query is several whole words of a name  90   ("Economic Commission")
- each word a word of one entity's names      90   ("Kini Maillart": Ella Maillart, also "Kini")
- fuzz.ratio on the whole string              typos ("Shen Shicai", "Gulja", "Osman Batyr")
- fuzz.token_sort_ratio                       reordered names ("Qasimi Ehmetjan")
- fuzz.ratio of the query against each word   partial typos ("Kasimi")
WRatio is not used: its partial fall-back ranks a short query such as "Ma" inside every name.
Imports etr.text.fold, rapidfuzz (when a query needs fuzzy matching) and the standard library.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable, Iterable, Sequence

from etr.text.fold import fold

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import NamedTuple


if TYPE_CHECKING:
    class NameEntry(NamedTuple):
        """One form of one entity's name, as the matcher sees it."""

        entity: int  # index into the caller's entity list
        form: str  # as written
        folded: str
        kind: str  # name | alias | variant | short
        key: str  # its romanisation key (etr.text.romanise)

    class Match(NamedTuple):
        entity: int
        score: float
        form: str
        kind: str
else:  # the same named tuples without importing typing (a query makes a thousand NameEntry)
    NameEntry = namedtuple("NameEntry", "entity form folded kind key")
    Match = namedtuple("Match", "entity score form kind")


WORDS_OF_NAMES = 90.0  # each word of the query a word of one entity's names, not of one name
SAME_KEY = 97.0  # a name form that spells the query in another romanisation or script
TRANSLITERATED = 99.5  # ... letter for letter in another script ("Dekanozov": "Деканозов"), short of the name as written
JOINED = 97.0  # a name form of the query's letters, its words run together or set apart
MIDDLE_LEFT_OUT = 97.0  # a name of three words or more, its first and last the query's two
KEY_TYPO = 90.0  # a name of several words whose key is this close to the query's: a misspelling in another romanisation
KEY_TYPO_SHARE = 0.94  # ... scored at this share of the keys' likeness: below 90 even for keys 95% alike
KEY_TYPO_LEAST = 8  # letters of the query's key, at least, for so loose a match
KIND_BONUS = {"name": 0.5, "alias": 0.3, "variant": 0.2, "short": -8.0}


_JOINS = re.compile(r"[\s'’‘`-]+")  # what sets a name's words apart, or its syllables


def joined(folded: str) -> str:
    """A folded name with its words and syllables run together ("chini bagh": "chinibagh")."""
    return _JOINS.sub("", folded)


_POSSESSIVE_END = re.compile(r"(?<=\w)['’][sS]$|(?<=[sS])['’]$")  # "Litvinov's", "Ross'"


class NameIndex:
    """All name forms of a set of entities, ready for ranking a query against them."""

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        self.entries: list[NameEntry] = [e for e in entries if e.folded]
        self.by_form: dict[str, list[NameEntry]] = {}
        self.by_word: dict[str, list[NameEntry]] = {}
        self.by_key: dict[str, list[NameEntry]] = {}
        for e in self.entries:
            self.by_form.setdefault(e.folded, []).append(e)
            if e.key:
                self.by_key.setdefault(e.key, []).append(e)
            for w in e.folded.split():
                if len(w) >= 3:
                    self.by_word.setdefault(w, []).append(e)
        self.forms: list[str] = [e.folded for e in self.entries]
        self.words: list[str] = sorted(self.by_word)
        self._word_keys: dict[str, list[NameEntry]] | None = None
        self._joined: dict[str, list[NameEntry]] | None = None
        self._parts: dict[str, set[tuple[int, str]]] | None = None
        self._keys: list[str] | None = None

    def _key_typos(self, query: str, offer: Callable[[NameEntry, float], None]) -> None:
        """A name of several words misspelt in another romanisation: "Guo Bingjia" for "Kuo
        Pin-chia" (guobinjia), nearly all of its key agreeing; offered below the cut (90) at which
        another kind's name or a `when` question takes a match as meant."""
        from rapidfuzz import fuzz, process

        from etr.text.romanise import key

        qk, words = key(query), query.split()
        if len(qk) < KEY_TYPO_LEAST or any(len(w.strip(".")) < 2 for w in words):  # no initial ("Q. Harland")
            return
        keys = self._keys_list()
        for _k, score, i in process.extract(qk, keys, scorer=fuzz.ratio, limit=10, score_cutoff=KEY_TYPO):
            for e in self.by_key[keys[i]]:
                if len(e.form.split()) == len(words):  # a name of as many words ("Pin-chia" one)
                    offer(e, float(score) * KEY_TYPO_SHARE)

    def _keys_list(self) -> list[str]:
        if self._keys is None:
            self._keys = list(self.by_key)
        return self._keys

    def by_word_key(self, word: str) -> list[NameEntry]:
        """The name forms one of whose words is `word` in another romanisation ("Kolokolov":
        "Sergei Alexandrovitch Kolokoloff"); the table is made on first use."""
        from etr.text.romanise import word_key

        if self._word_keys is None:
            self._word_keys = {}
            for w, es in self.by_word.items():
                self._word_keys.setdefault(word_key(w), []).extend(es)
        return self._word_keys.get(word_key(word), [])

    def holders(self, word: str, endings: frozenset[str] = frozenset()) -> set[int]:
        """The entities one of whose names has `word` (folded) as a whole word, or as the word
        before a hyphen and one of `endings` ("Qum" of "Qum-darya" with the ending "darya"; not
        "Alma" of "Alma-Ata"); the table of such parts is made on first use."""
        if self._parts is None:
            self._parts = {}
            for e in self.entries:
                for w in e.folded.split():
                    head, _, rest = w.partition("-")
                    if rest and len(head) >= 3:
                        self._parts.setdefault(head, set()).add((e.entity, rest))
        return {e.entity for e in self.by_word.get(word, [])} | {
            i for i, rest in self._parts.get(word, set()) if rest in endings}

    def by_joined(self, folded: str) -> list[NameEntry]:
        """The name forms that are `folded` with its words run together or set apart ("Chinibagh":
        "Chini Bagh", "Tien Shan": "Tienshan", "Kara-shahr": "Karashahr"); made on first use."""
        if self._joined is None:
            self._joined = {}
            for e in self.entries:
                self._joined.setdefault(joined(e.folded), []).append(e)
        return self._joined.get(joined(folded), [])

    def match(self, query: str, limit: int = 10, allowed: Sequence[bool] | None = None,
              exact_wins: bool = False) -> list[Match]:
        """Entities ranked for `query`, best first, one Match per entity. With `exact_wins`, a name
        form that is exactly the query ends the search: near misses cannot outrank it, and the
        fuzzy passes (and importing rapidfuzz) are skipped."""
        q = fold(query)
        if not q:
            return []
        if _POSSESSIVE_END.search(query) and q not in self.by_form:
            # "Litvinov's": Litvinov, as surely as "Litvinov" (a name ending so is found as written)
            return self.match(_POSSESSIVE_END.sub("", query), limit, allowed, exact_wins)
        best: dict[int, Match] = {}

        def offer(e: NameEntry, score: float) -> None:
            if allowed is not None and not allowed[e.entity]:
                return
            score = min(100.0, score + KIND_BONUS[e.kind]) if score >= 100 else score + KIND_BONUS[e.kind]
            cur = best.get(e.entity)
            if cur is None or score > cur.score:
                best[e.entity] = Match(e.entity, round(score, 2), e.form, e.kind)

        for e in self.by_form.get(q, []):
            offer(e, 100.0)
        exact = bool(best)
        if not exact and len(q) >= 5:
            for e in self.by_joined(q):
                offer(e, JOINED)
        if not exact:  # the same name in another romanisation or script: "Liu Zerong", "盛世才"
            from etr.text.romanise import dropped_apostrophes, key, latin

            # and with an apostrophe the query may have dropped: "Sheng Shih-chi" is Shiji or Shiqi
            for k in dict.fromkeys([key(query), *(key(v) for v in dropped_apostrophes(query))]):
                for e in self.by_key.get(k, []):
                    # (letter for letter the name in another script is the name as written:
                    # "Dekanozov" of a Russian text's "Деканозов")
                    offer(e, TRANSLITERATED if not e.form.isascii() and fold(latin(e.form)) == q else SAME_KEY)
        if len(q) >= 3 and " " not in q:
            for e in self.by_word.get(q, []):
                offer(e, 92.0)
        elif " " in q:  # several whole words of a longer name: "Economic Commission"
            padded = f" {q} "
            first, _, last = q.partition(" ")
            two = " " not in last and len(first) >= 3 and len(last) >= 2  # "Chaucer Wu": Chaucer H. Wu
            for e in self.entries:
                if padded in f" {e.folded} ":
                    offer(e, 90.0)
                elif two and e.folded.startswith(first + " ") and e.folded.endswith(" " + last) and e.folded.count(" ") >= 2:
                    # a man's first and last names, his middle ones or initials left out ("John
                    # Davies": John P. Davies, "Douglas Mackiernan": Douglas Seymour Mackiernan)
                    offer(e, MIDDLE_LEFT_OUT)
        if " " in q and not best:
            # each word a whole word of one entity's names, from different ones: "Kini Maillart"
            # is Ella Maillart, whom the documents also call Kini
            words = q.split()
            if all(len(w) >= 3 for w in words):
                sets = [{e.entity for e in self.by_word.get(w, [])} for w in words]
                for ent in set.intersection(*sets):
                    e = next(x for x in self.by_word[words[-1]] if x.entity == ent)
                    offer(e, WORDS_OF_NAMES)
        if exact_wins and any(m.score >= 100 for m in best.values()):
            return sorted(best.values(), key=lambda m: (-m.score, m.entity))[:limit]
        if len(q) >= 4:
            from rapidfuzz import fuzz, process

            cutoff = 70.0
            for _form, score, i in process.extract(q, self.forms, scorer=fuzz.ratio, limit=40, score_cutoff=cutoff):
                offer(self.entries[i], float(score))
            if " " in q:
                for _form, score, i in process.extract(
                    q, self.forms, scorer=fuzz.token_sort_ratio, limit=20, score_cutoff=cutoff
                ):
                    offer(self.entries[i], float(score) - 1.0)
                if not any(m.score >= SAME_KEY for m in best.values()):
                    self._key_typos(query, offer)
            else:
                # a short word is only a typo of a name's word when nearly all of it agrees ("Ward" is not "War")
                cutoff = 88.0 if len(q) <= 5 else 80.0
                for word, score, _ in process.extract(q, self.words, scorer=fuzz.ratio, limit=10, score_cutoff=cutoff):
                    for e in self.by_word[word]:
                        offer(e, float(score) * 0.95)
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.entity))
        return ranked[:limit]
