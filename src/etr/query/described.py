"""`what` for a thing the documents describe in their own words rather than name: "the 11-point
agreement", "the mutual aid agreement", "Supplement II", "the Hami-Alma Ata airline agreement".

Such a thing is no entity (nothing capitalised names it, and nobody registered it), but a
historian asking `etr what "11-point agreement"` expects what the documents say of it. When no
entity matches, the longest run of the question's words that the documents write together
(hyphens and spaces alike, any case; of runs as long, the one of rarest words: "airline
agreement", not "Sino-Soviet", of "Sino-Soviet airline agreement") is looked for in every
sentence holding its words; the
sentences that write it make a profile like an entity's: its name as the documents write it
most often, the other ways they write it, its events (the dated statements, each cited), its
undated statements, and what those sentences name. Its type is "thing" and its id begins with
"described:": it is read from the text at query time, and `etr show` does not know it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from etr.query.core import FactBase
from etr.text.fold import fold
from etr.text.terms import STOP, terms

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

MIN_WORDS = 2  # a run of one word is a word, not a description ...
ONE_WORD_LETTERS = 5  # ... unless the question is that one word, of this many letters at least,
ONE_WORD_SENTENCES = 40  # which no more sentences than these write: a term ("padishah"), not
# a verb's or an abstract noun's English ending ("happened", "importance", "bravely")
_ENGLISH_ENDING = re.compile(r"(?:ed|ing|ly|ness|ment|ance|ence|tion|sion|ity|ous|ful|less|able|ible|ive|ship)$")
MOST_SENTENCES = 60
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# "... agreement between the U. S. S. R. and the Mongolian People's Republic": its parties, named
_NAMES = r"(?:the\s+)?(?:(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\w.'’-]*\s*)+"
_PARTIES = re.compile(rf"\s+between\s+{_NAMES}and\s+{_NAMES}")
_GAP = r"[\s\-\u2010-\u2015]*"  # "11-point" and "11 point", "Hami-Alma Ata" and "Hami–Alma-Ata"


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
          "XVII", "XVIII", "XIX", "XX"]


def _numeral(word: str) -> str | None:
    """The same number in the other numerals: "II" -> "2", "4" -> "IV" (1 to 20; not "I", a word)."""
    if word.isascii() and word.isdigit() and 2 <= int(word) <= len(_ROMAN):  # not "²", a digit to isdigit
        return _ROMAN[int(word) - 1]
    if word in _ROMAN[1:]:
        return str(_ROMAN.index(word) + 1)
    return None


@cache
def _number_words() -> tuple[dict[str, int], dict[str, int], re.Pattern[str]]:
    """The number words of rules/dates.toml [numbers] (not "a", "dozen", "couple", no numerals), and
    "zero" and "thousand", which the date grammar does not read: (units, tens, their pattern)."""
    from etr import rules

    nums = {w: n for w, n in rules.load("dates")["numbers"].items()
            if isinstance(n, int) and w not in ("a", "an", "dozen", "couple")}
    units = {"zero": 0, **{w: n for w, n in nums.items() if n < 20}}
    tens = {w: n for w, n in nums.items() if 20 <= n < 100}
    words = [*units, *tens, "hundred", "thousand"]
    return units, tens, re.compile(r"(?<![\w-])(?:(?:" + "|".join(words) + r")(?:[\s-]+(?:and[\s-]+)?)?)+(?!\w)", re.I)


def in_figures(query: str) -> str:
    """The query with numbers written in words written in figures ("two thousand tons": "2000
    tons", "eleven-point": "11-point"), as documents write them as often; the query itself when it
    has none."""
    units, tens, pattern = _number_words()

    def figure(m: re.Match[str]) -> str:
        words = [w for w in re.split(r"[\s-]+", m.group(0).strip().lower()) if w and w != "and"]
        total = current = 0
        last = ""
        for w in words:
            kind = "unit" if w in units else "ten" if w in tens else w
            if kind == last or (last == "unit" and kind == "ten"):
                return m.group(0)  # "fifty-fifty", "one two": no number
            last = kind
            if w in units:
                current += units[w]
            elif w in tens:
                current += tens[w]
            elif w == "hundred":
                current = max(current, 1) * 100
            else:  # thousand
                total += max(current, 1) * 1000
                current = 0
        tail = m.group(0)[len(m.group(0).rstrip(" -")) :]
        return f"{total + current}{'-' if tail.startswith('-') else tail}"

    return pattern.sub(figure, query)


def _runs(words: list[str]) -> list[list[str]]:
    """The runs of consecutive words of the question, longest first, that begin and end with a
    word that carries weight ("mutual aid agreement" of "Soviet-Mongolian mutual aid agreement")."""
    out = []
    n = len(words)
    for size in range(n, MIN_WORDS - 1, -1):
        for i in range(n - size + 1):
            run = words[i : i + size]
            if fold(run[0]) not in STOP and fold(run[-1]) not in STOP:
                out.append(run)
    return out


def described(fb: FactBase, query: str) -> dict[str, Any] | None:
    """The profile of the thing `query` describes, from the sentences that write it; None when no
    sentence does."""
    words = _WORD.findall(query)
    best: tuple[float, list[tuple[dict[str, Any], str, str]]] | None = None
    size = 0
    others = {w: fb.other_words(w) for w in words if len(w) >= 3 and fold(w) not in STOP}
    for w in words:  # "Supplement II" is written "supplement 2" too, "Article 4" "Article IV"
        if (other := _numeral(w)) is not None:
            others[w] = [*others.get(w, []), other]
    runs = _runs(words)
    if (not runs and len(words) == 1 and len(words[0]) >= ONE_WORD_LETTERS and fold(words[0]) not in STOP
            and not _ENGLISH_ENDING.search(fold(words[0]))):
        # one word no name holds, a term the documents use ("padishah", "meshrep"): what the few
        # sentences writing it say; not a word so common it says nothing of one thing
        post = fb.ix.postings(terms(words[0]))
        if post and all(df <= ONE_WORD_SENTENCES for df, _r in post.values()):
            runs = [words]
    for run in runs:
        if best is not None and len(run) < size:
            break  # the longest runs the documents write, and of those the one of rarest words
        # a word of the run or another name the documents give what it names ("Dungan army":
        # the "Tungan army")
        spellings = [[w, *others.get(w, [])] for w in run]
        sets: list[set[int]] = []
        rarity = 0.0
        for alts in spellings:
            weighed = [weighty for alt in alts if (weighty := terms(alt))]
            if not weighed:
                continue  # a small word ("of")
            here: set[int] = set()
            rare = 0.0
            for weighty in weighed:
                post = fb.ix.postings(weighty)
                if len(post) == len(set(weighty)):  # every word of it in some sentence
                    here |= set.intersection(*(set(r) for _df, r in post.values()))
                    rare = max(rare, sum(fb.ix.idf_of(df) for df, _r in post.values()))
            sets.append(here)
            rarity += rare
        rids = set.intersection(*sets) if sets else set()
        if not rids:
            continue
        # a footnote's number may be glued to the last word ("the recent Anglo-Soviet treaty35")
        pattern = re.compile(r"(?<![^\W_])(?P<name>" + _GAP.join(
            "(?:" + "|".join(re.escape(a) for a in alts) + ")" for alts in spellings) + ")"
                             + (r"(?:(?<=[^\W\d_])(?P<mark>\d{1,3}))?" if not run[-1][-1:].isdigit() else "") + r"(?![^\W_])", re.I)
        sents = fb.ix.sentences_by_rid(sorted(rids))
        hits: list[tuple[dict[str, Any], str, str]] = []
        for rid in sorted(rids):
            s = sents[rid]
            m = pattern.search(s["text"])
            if m is not None:
                parties = _PARTIES.match(s["text"], m.end())
                whole = _whole(s["text"], m.start("name"), m.end("name"), *_around(words, run))
                hits.append((s, whole + (parties.group(0).rstrip() if parties else ""), m.group("name")))
                if m.groupdict().get("mark"):
                    note = _footnote(fb, s, int(m.group("mark")))
                    if note is not None:  # "the recent Anglo-Soviet treaty35" / "Footnote 35: Signed at London ..."
                        hits.append((note, m.group("name"), m.group("name")))
        if hits:
            # "Sino-Soviet airline agreement": "airline agreement" says more than "Sino-Soviet"
            if best is None or rarity > best[0]:
                best, size = (rarity, hits), len(run)
    if best is not None:
        return _profile(fb, query, best[1][:MOST_SENTENCES], words)
    return None


# the small words that may join the rest of a question's words to the run the documents write
# ("Mongol Branch" + "of the" + "China Relief Mission")
_JOINS = r"(?:\s+(?:of|the|and|for|in|at|on)\b)*\s+"


def _around(words: list[str], run: list[str]) -> tuple[list[str], list[str]]:
    """The question's words before and after the run it was found by."""
    for i in range(len(words) - len(run) + 1):
        if words[i : i + len(run)] == run:
            return words[:i], words[i + len(run) :]
    return [], []


def _whole(text: str, a: int, b: int, rest: list[str], after: list[str] | tuple[str, ...] = ()) -> str:
    """The run text[a:b] a sentence writes, with the question's words before the run where the
    sentence writes them just before it ("Mongol Branch of the China Relief Mission", asked "Mongol Branch
    China Relief Mission"); the run alone when they are not all there. And the name of a place the
    question writes next where the sentence names it just after the run, "in" or "at" it ("the
    Indian Consulate in Kashgar", asked "Indian consulate Kashgar closed")."""
    place: list[str] = []  # the question's capitalised words after the run, one place's name
    for w in after:
        if not w[:1].isupper():
            break
        place.append(w)
    for k in range(len(place), 0, -1):  # the longest the sentence writes, whole ("South Asia", not "South")
        at = re.match(r"\s+(?:in|at)\s+" + r"\s+".join(map(re.escape, place[:k])) + r"(?![^\W_])(?!\s+[A-Z])", text[b:])
        if at is not None:
            b += at.end()
            break
    weighty = [w for w in rest if fold(w) not in STOP]
    if not weighty:
        # a title's article, capitalised inside a sentence as the question writes it ("wrote his
        # novel The Bloody Mountain", asked "The Bloody Mountain novel")
        article = rest[-1] if rest and rest[-1][:1].isupper() else ""
        if article and a > len(article) and text[a - len(article) - 1 : a] == article + " " \
                and text[a - len(article) - 2 : a - len(article) - 1] == " ":
            return text[a - len(article) - 1 : b]
        return text[a:b]
    before = re.search(r"(?<![^\W_])" + r"\s+".join(map(re.escape, weighty)) + _JOINS + r"$", text[max(0, a - 80) : a], re.I)
    return text[a - len(before.group(0)) : b] if before is not None else text[a:b]


_NOTE = r"(?:Footnote {n}:|{n}\.)\s"  # how a document's footnote opens: "Footnote 35: Signed at London", "35. Signed ..."


def _footnote(fb: FactBase, s: dict[str, Any], n: int) -> dict[str, Any] | None:
    """The footnote numbered `n` of the document of sentence `s`, after it: its first sentence."""
    opens = re.compile(_NOTE.format(n=n))
    return next((x for x in fb.ix.sentences_at(s["source"], s["end"], 1 << 40) if opens.match(x["text"])), None)


def _profile(fb: FactBase, query: str, hits: list[tuple[dict[str, Any], str, str]], words: list[str]) -> dict[str, Any]:
    # the sentences that hold more of the question's other words first
    wanted = {fold(w) for w in words} - STOP
    hits.sort(key=lambda h: -len(wanted & set(fold(h[0]["text"]).split())))
    written = Counter(form for _s, form, _short in hits)
    short = Counter(form for _s, _full, form in hits)
    name = written.most_common(1)[0][0]
    events: list[tuple[str, dict[str, Any]]] = []
    statements = []
    related: Counter[str] = Counter()
    for s, _form, _short in hits:
        related.update(s["entities"])
        evs = fb.ix.events_of_sentence(s["source"], s["start"])
        if evs:
            events += [(value, out) for _id, value, out in evs]
        else:
            statements.append(fb.citation_of_sentence(s))
    events.sort(key=lambda x: x[1]["date"]["start"] or "")
    refs = []
    for eid, n in related.most_common(8):
        ref = fb.entity_ref(eid)
        ref["count"] = n
        refs.append(ref)
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return {
        "id": f"described:{slug}", "type": "thing", "name": name,
        "aliases": list(dict.fromkeys(f for f, _n in [*written.most_common(), *short.most_common()] if f != name)),
        "variants": [],
        "matched": name, "match_kind": "described", "score": 100.0,
        "description": f"Not a named entity: what {len(hits)} sentence{'s' if len(hits) != 1 else ''} of the "
                       f"documents say of “{name}”.",
        "roles": [], "curated": False, "events": [out for _v, out in events], "statements": statements,
        "related": refs, "merges": [], "possibly": [],
    }
