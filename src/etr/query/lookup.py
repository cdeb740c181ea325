"""who / where / what: the profiles of the entities a name matches, close candidates included."""

from __future__ import annotations

import re
from functools import cache

from etr.errors import NotFound
from etr.query.context import in_context
from etr.query.core import RELATIVE, FactBase, clean_query
from etr.text.fold import CYRILLIC, fold
from etr.text.match import SAME_KEY, Match, joined
from etr.text.terms import STOP, terms, with_synonyms

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

WHO_TYPES = {"person", "group"}


WHERE_TYPES = {"place"}


WHAT_TYPES = {"organisation", "state", "military", "newspaper", "event", "treaty", "document", "unknown"}


LOOKUP_TYPES = {"who": WHO_TYPES, "where": WHERE_TYPES, "what": WHAT_TYPES}


ACCEPT = 75.0  # below this a name match is no match
ONE_WORD_ACCEPT = 80.0  # the same, for a question of one word
EXACT = 100.0  # a name match of the name as written, or of its key


OTHER_KIND = 90.0  # `who X` shows a place or a treaty only for a name or a whole word of one


CLOSE = 3.0  # candidates this close to the best are shown too
A_WORD_OF_IT = 90.0  # a match this good is the query as a whole word of the name ("Osman": Osman Batur)


SPELLED = 95.0  # a name this close is the query's spelling in another romanisation ("Toksun", "Toqsun")


GENERIC = {"area", "region", "city", "town", "village", "district", "districts", "province", "county",
           "the", "of", "river", "lake", "general", "gen", "mr", "colonel", "governor", "marshal"}
# a place's feature, as a question adds it ("Toutunhe airfield", "Kumul oasis"): left off only
# when nothing is named with it (a name that holds it, "Altay Prefecture", "Dihua airport", wins)
FEATURES = {"airfield", "airport", "aerodrome", "oasis", "valley", "basin", "prefecture", "oblast"}


_RELATED = re.compile(r"^(?:the\s+)?(?:[A-Z][a-z]+\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:of|in|at)\s|['’]s\s+[a-z]")  # etr.query.apposed's shapes
# etr.query.related's shapes: a question of who did what to someone named, or a successor's
_ASKS_RELATION = re.compile(r"^(?:who|whom|which)\s|['’]s\s+(?:successor|predecessor)\b"
                            r"|^(?:the\s+)?(?:successor|predecessor)\s+(?:of|to)\s", re.I)
_OF = re.compile(r"^(?:the\s+)?(?P<kind>[^\W\d_]+)\s+of\s+(?:the\s+)?(?P<name>[^\W\d_][\w'’-]*)$", re.I)


def _respelled(fb: FactBase, q: str) -> list[str]:
    """A name asked in other words than the documents': "the khanate of Hami" as "Hami khanate",
    and a word of it by another name the documents give the one thing it names ("Kumul
    Khanate", "Tungan army" of "Dungan army")."""
    m = _OF.match(q.strip())
    base = f"{m.group('name')} {m.group('kind')}" if m else q
    out = [base] if m else []
    words = base.split()
    for i, w in enumerate(words):
        for other in fb.other_words(w) if len(w) >= 3 and fold(w) not in GENERIC else []:
            out.append(" ".join([*words[:i], other, *words[i + 1:]]))
    return out


def _rewrites(q: str) -> list[str]:
    """Other readings of a name that found nothing: as copied with its gloss ("Ghulja (Yining)",
    "Alma-Ata, Kazakhstan", "Nilka 尼勒克镇") each part alone, synonyms, generic words dropped."""
    out = []
    latin, han = "A-Za-z\u00c0-\u024f", "\u3400-\u9fff"
    parts = [x.strip() for x in re.split(rf"[(),;/]|(?<=[{latin}])\s*(?=[{han}])|(?<=[{han}])\s*(?=[{latin}])", q)]
    out += [x for x in parts if x and x != q and len(parts) > 1]
    syn = with_synonyms(q)
    if syn != fold(q):
        out.append(syn)
    bare = _bare(q)  # as typed: shown as read_as
    if bare and bare != q:
        out.append(bare)
    return out


def _other_names(q: str) -> list[str]:
    """A place's other names (rules/gazetteer.toml): "Hetian" asked, the documents' Khotan; each
    found only as the documents write it, never as a near miss."""
    if len(q.split()) > 3:
        return []
    from etr.text.gazetteer import other_names

    return list(other_names(_bare(q) or q))


def _bare(q: str) -> str:
    """The query without its generic words and a place's feature words ("Kumul oasis": Kumul)."""
    return " ".join(w for w in q.split() if fold(w) not in GENERIC and fold(w) not in FEATURES)


def _covers(q: str, form: str) -> bool:
    """Whether each word of the query that carries weight is a word of the name, up to a slip
    of the keyboard ("Pei-ta-shan Incident": "Peitashan Incident"; not "Anglo-" for "Sino-") or
    another romanisation ("Xinhua Agency": "Hsin Hua Agency")."""
    from rapidfuzz import fuzz

    from etr.text.romanise import word_key

    words = fold(form).split()
    joined = "".join(words)
    # the keys of its words, alone and run together ("hsin hua": xinhua), never a piece of one
    # ("yining" is no part of "training")
    keys = [word_key(w) for w in words]
    keyed = {"".join(keys[i:j]) for i in range(len(keys)) for j in range(i + 1, min(i + 3, len(keys)) + 1)}
    for w in fold(q).split():
        if w in GENERIC or w in _SMALL or len(w) < 3 or w in joined or word_key(w) in keyed:
            continue
        if not any(fuzz.ratio(w, x) >= COVERS for x in words):
            return False
    return True


COVERS = 75.0  # a query word this close to a word of a name is that word
_SMALL = {"and", "the", "for", "with", "from", "into", "upon"}


WITHIN = 99.0  # a name found inside a longer query must be written as the documents write it ...
SAME_WORD = 91.0  # ... or be a word of it in another romanisation ("Russian consul Kolokolov": Kolokoloff)
_HEAD = re.compile(r",|\s(?:in|of|at|near|from|during|for|under|with)\s", re.I)  # where a name's context begins
_CONTEXT = re.compile(r"^(?:\d+(?:st|nd|rd|th|s)?|in|at|from|of|on|the|a|an|and|to|by)$")


def _within(fb: FactBase, q: str, allowed: list[bool], whole_tried: bool = True, whole: str = "") -> tuple[list[Match], str]:
    """The name a query says with words of context around it ("Consul Smith Tihwa 1944": Smith,
    the consul at Tihwa in 1944): its longest run of words that names something of the asked
    kind well, years and small words left out; ([], "") when none does. `whole`: the question
    `q` is the head of, when it is."""
    kept = [(k, w) for k, w in enumerate(q.split()) if not _CONTEXT.match(fold(w))]
    words = [w for _k, w in kept]
    if len(words) > 8:
        return [], ""
    # where a run of the kept words leaves out a word of the query between two of its own
    gaps = frozenset(k for k in range(1, len(kept)) if kept[k][0] != kept[k - 1][0] + 1)
    labels = _labels()
    # (only where the question says in words what it asks for besides: "Xinjiang Provincial Mint
    # in the provincial capital"; "Kashgar Mint 1933", "Ili Rebellion 1944" ask for Kashgar, Ili)
    inside = _in_other_names(fb, words, allowed, gaps) if _lower_words(whole or q) >= 2 else frozenset()
    for skip_labels in (True, False):  # "Colonel Pappengut White Russian unit": Pappengut; "Kazaks in Ili": the Kazaks
        got = _within_runs(fb, q, words, allowed, labels if skip_labels else frozenset(), whole_tried, gaps, inside)
        if got[0]:
            return got
    return [], ""


def _within_runs(fb: FactBase, q: str, words: list[str], allowed: list[bool], labels: frozenset[str],
                 whole_tried: bool, gaps: frozenset[int] = frozenset(), inside: frozenset[int] = frozenset()
                 ) -> tuple[list[Match], str]:
    """_within's search: the longest run of words that names something, runs of `labels` alone
    passed over; not the whole query when the caller tried it as a name already. A run across a
    word of the query left out (`gaps`: "city of the Old") names nothing by its words reordered
    ("Old City")."""
    fallback: tuple[list[Match], str] = ([], "")
    # a run of words the question writes in lower case after a capitalised name it opens with
    # names something only when that name does not ("Shihezi new city in the Gobi": Shihezi, not
    # the "New City" of Kashgar); opening in lower case, it is what is asked ("kash river near
    # Nilka", "the old city in Kashgar")
    capitalised = bool(words) and words[0][:1].isupper() and q.split()[0] == words[0]
    lowered: tuple[list[Match], str] = ([], "")
    for n in range(len(words) - 1 if whole_tried and len(words) == len(q.split()) else len(words), 0, -1):
        best: tuple[list[Match], str] = ([], "")
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            if all(fold(w) in GENERIC or len(w) < 3 for w in words[i : i + n]):
                continue
            lower_run = capitalised and n > 1 and part.islower()
            if lower_run and lowered[0]:
                continue  # (the longest such run is kept already)
            if all(fold(w) in labels for w in words[i : i + n]):
                continue  # "White Russian", "Kazak leader": who he is, not his name
            if inside.intersection(range(i, i + n)):
                continue  # "Xinjiang" of the "Xinjiang Provincial Mint": a word of another kind's name
            # the name as written, or of several words in another romanisation ("Song Xilian": Sung
            # Hsi-lien; one word so, "khan" as "Han", is too often an ordinary word)
            # (or one word that is a name of several run together: "Chinibagh", the Chini Bagh)
            got = [m for m in fb.names.match(part, allowed=allowed) if m.score >= (SAME_KEY - 0.5 if n > 1 else WITHIN)
                   or (n == 1 and len(part) >= 5 and joined(fold(m.form)) == fold(part))]
            if any(i < k < i + n for k in gaps):
                got = [m for m in got if not _reordered(fold(part).split(), fold(m.form).split())]
            if not got and n == 1 and len(part) >= 4 and fold(part) not in fb.names.by_word:
                # a word of a name in another romanisation; not a word names share ("Russian")
                got = [Match(e.entity, SAME_WORD, e.form, e.kind) for e in fb.names.by_word_key(part)
                       if allowed[e.entity]][:1]
            if not got and n == 1:
                got = _one_holder(fb, part, allowed, words[i - 1] if i else "",
                                  words[i + 1] if i + 1 < len(words) else "")  # "Sengtsen Torgut commander"
            if got and lower_run:
                lowered = (got, part)
                continue
            if got and (not best[0] or got[0].score > best[0][0].score + CLOSE):
                # of runs as long that name something well, the first: what the query opens with is
                # asked about, the rest is its context ("Chinibagh Yarkand aksakal": the Chini Bagh,
                # in Yarkand), unless a later one names far better
                best = (got, part)
        if best[0] and (best[0][0].score >= WITHIN or n <= 2):
            return fallback if fallback[0] and (best[0][0].score < WITHIN or n == 1) else best
        if best[0] and not fallback[0]:
            # a near match of many words ("Wu Special Comissioner": "Special Commissioner Wu")
            # unless a run of two words or more names something exactly ("Chaucer Wu")
            fallback = best
    return fallback if fallback[0] else lowered


def _in_other_names(fb: FactBase, words: list[str], allowed: list[bool], gaps: frozenset[int]) -> frozenset[int]:
    """The indexes of the query's words that make, capitalised and run together, the name of
    something of another kind than the asked: one the documents give exactly, or one whose last
    word says its kind ("Xinjiang Provincial Mint": a body, not Xinjiang; rules/names.toml [kinds])."""
    out: set[int] = set()
    asked = {e["type"] for a, e in zip(allowed, fb.entities, strict=True) if a}
    for i in range(len(words)):
        if i in out or not words[i][:1].isupper():
            continue
        for j in range(len(words), i + 1, -1):
            run = words[i:j]
            if not all(w[:1].isupper() for w in run) or any(i < k < j for k in gaps):
                continue  # (not across a word left out: "Ma Chung-ying 36th Division")
            kind = _kinds().get(fold(run[-1]))
            if (kind is not None and kind not in asked) or any(
                    not allowed[e.entity] for e in fb.names.by_form.get(fold(" ".join(run)), [])):
                out.update(range(i, j))
                break
    return frozenset(out)


_CONTEXT_BEFORE = re.compile(r"(?:^|\s)(?:in|at|near|from|to|on|by|of|via|into|outside|beyond|towards?)\s+(?:the\s+)?$",
                             re.I)


_ASKING_WORD = re.compile(r"(?:where|who|what|when|which|how|why)\b", re.I)


def _happened(fb: FactBase, q: str) -> bool:
    """Whether a `where` question names people and says what they did, and names no place: a
    capitalised word, a word in small letters, no question word, no "X's" or "X of", no place
    ("Shipton Tilman meeting August 1947"; not "where did Yang Zengxin die", "Keriya oasis amban
    1934", "Sheng Shicai's younger sister")."""
    from etr.query.rank import query_entities

    if (_lower_words(q) < 1 or _described(q) or _RELATED.search(q) or _ASKING_WORD.match(q)
            or not any(w[:1].isupper() for w in q.split())):
        return False
    named, _covered = query_entities(fb, q)
    if any(fb.entities[fb.entity_index[x]]["type"] == "place" for x in named if x in fb.entity_index):
        return False
    asked = {fold(w) for w in q.split() if w[:1].isupper()}
    return not any(asked & set(fold(form).split()) for e in fb.entities if e["type"] == "place"
                   for form in (e["name"], *e["aliases"]))  # (nor a word of a place's name: "Keriya oasis")


def _names_said(q: str, quote: str) -> bool:
    """Whether a sentence writes half the capitalised words of a question at least, one at
    least (months aside): "Shipton Tilman meeting August 1947" by "... he and Bill Tilman met at
    Tashkurghan"; not "Foobar Quux meeting" by "I came with Shaozhou to meet him"."""
    from etr.query.cite import MONTHS

    names = [fold(w) for w in re.findall(r"[^\W\d_][\w'’-]*", q) if w[:1].isupper() and fold(w) not in MONTHS]
    said = set(fold(quote).replace("-", " ").split())
    held = sum(1 for w in names if w in said)
    return held >= 1 and 2 * held >= len(names)


def _said_as_asked(q: str, quote: str) -> bool:
    """Whether a sentence says a role of a named one as a question of that shape asks it: its
    words, then the one named soon after ("Senior Instructor of the Medical Department (A. Lepin,
    seal)" for "senior instructor of the Medical Department Urumqi 1942"; not "Consul Ward at
    Tihwa reports that the Tihwa-Kashgar highway ..." for "consul in Kashgar")."""
    from etr.query.apposed import asked

    shape = asked(q)
    if shape is None:
        return False
    said = fold(quote)
    role, named = fold(shape.role), fold(shape.name).split()
    at = said.find(role)
    return at >= 0 and bool(named) and named[0] in said[at + len(role) : at + len(role) + SAID_WITH]


SAID_WITH = 40  # characters after a role in which the one it is of is named


def _of_its_context(q: str, name: str) -> bool:
    """Whether the name a question writes after what it asks for in small letters is of its
    context, after a preposition ("city of the Old Torgut khan on the Juldus north of Karashahr"),
    not the name of what it asks for ("oasis town Turfan where ...", "ancient walled city of
    Kashgar besieged in 1934")."""
    at = fold(q).find(fold(name))
    if at <= 0:
        return False
    before = q[:at]
    named = re.search(r"(?:^|\s)(\w+)\s+of\s+(?:the\s+)?$", before)
    return _CONTEXT_BEFORE.search(before) is not None and not (named and fold(named.group(1)) in GENERIC)


def _reordered(run: list[str], name: list[str]) -> bool:
    """Whether the name holds every word of the run, but not in its order."""
    if not set(run) <= set(name):
        return False
    at = [name.index(w) for w in run]
    return at != sorted(at)


def _one_holder(fb: FactBase, word: str, allowed: list[bool], before: str = "", after: str = "") -> list[Match]:
    """A capitalised word of the query that is a word of the names of one entity only, of the
    asked kind ("Sengtsen" of Sengtsen Gegen, "Qum" of the Qum-darya), as a word of its name;
    [] for a word names share, a generic word, a people's word, a title or a given name, a word
    before a hyphen and anything but a word for a river, a range ... ("Alma" of Alma-Ata, "Bostan"
    of Bostan-Terek), or a word in small letters."""
    folded = fold(word)
    if (not word[:1].isupper() or len(folded) < 3 or folded in GENERIC or folded in _labels()
            or folded in _titles()  # "Tao-t'ai of Aksu": an office, not a word of "Daotai"
            or folded in _given()):  # "Peter Skrine": a given name many share, not Peter Fleming's
        return []
    held = fb.names.holders(folded, _hyphen_endings())
    if len(held) != 1:
        return []
    (i,) = held
    if not allowed[i]:
        return []
    e = fb.entities[i]
    split = [(f, re.split(r"[\s-]+", fold(f))) for f in [e["name"], *e["forms"]]]
    form = next((f for f, ws in split if folded in ws), e["name"])
    own = {w for _f, ws in split for w in ws}
    for beside in (before, after):
        # a capitalised word beside it that no name of it holds names another ("Eleanor Lattimore",
        # "Jin Shuxin", "Abdullah Bughra": his wife, his brother), unless a people's or a title's
        if (beside[:1].isupper() and fold(beside) not in own and fold(beside) not in _labels()
                and fold(beside) not in _titles() and fold(beside) not in GENERIC):
            return []
    if e["type"] == "place":
        if after and (fold(after) in GENERIC or fold(after) in FEATURES) and fold(after) not in own:
            return []  # "Keriya oasis": the town, not the Keriya River
        # a place by the word its name's word for a river, a range ... follows ("Qum" of the
        # Qum-darya, "Manas" of the Manas River); not the first word of a town's ("Alma" of Alma Ata)
        words = re.split(r"[\s-]+", fold(form))
        rest = words[words.index(folded) + 1 :] if folded in words else []
        if not rest or not all(w in _hyphen_endings() or _kinds().get(w) == "place" for w in rest):
            return []
    return [Match(i, A_WORD_OF_IT, form, "name")]


@cache
def _hyphen_endings() -> frozenset[str]:
    """The words for a river, a lake, a range ... that end a place's name after a hyphen
    (rules/names.toml [places] hyphen_endings: "Qum-darya", "Quruq-tagh"), folded."""
    from etr.rules import load

    return frozenset(fold(w) for w in load("names")["places"]["hyphen_endings"])


def _named_words(q: str) -> list[str]:
    """The query's words less small words of context and years ("1950", "1930s")."""
    return [w for w in q.split() if not _CONTEXT.match(fold(w)) and not re.fullmatch(r"\d{3,4}s?", w)]


MISTYPED = 88.0  # a word of a longer query this close to a name (its first letter the same) is that name mistyped ...
MISTYPED_NAME = 90.0  # (a run of its words this close to the one name of as many words: that name, mistyped)


def _mistyped_in_context(fb: FactBase, q: str, allowed: list[bool]) -> tuple[list[Match], str]:
    """... where the sentences naming it hold every word of the rest of the query ("Kunmin OSS
    paratrooper": Kunming, where "Bessac was sent by the OSS to Kunming, China, as a paratrooper");
    ([], "") when no word is so near a name, or the documents never say the rest of it there
    ("Karimov Ili government" is no mistyped Kasimov)."""
    from etr.text.terms import terms

    words = _named_words(q)
    if not 2 <= len(words) <= 8:
        return [], ""
    # a name of two or three capitalised words first ("Eric Shipten returning to Kashgar ...":
    # Eric Shipton), then one word
    # (a whole run of capitalised words, not part of a longer one: "Xinjiang Provincial" of the
    # "Xinjiang Provincial Mint" is no mistyped "Xinjiang Province")
    runs = [" ".join(words[i : i + n]) for n in (3, 2) for i in range(len(words) - n + 1)
            if all(w[:1].isupper() for w in words[i : i + n])
            and not (i and words[i - 1][:1].isupper()) and not (i + n < len(words) and words[i + n][:1].isupper())]
    for w in [*runs, *sorted(words, key=len, reverse=True)]:
        if len(w) < 5 or fold(w) in GENERIC or fold(w) in _labels():
            continue
        near = [m for m in fb.names.match(w, allowed=allowed)
                if MISTYPED <= m.score < WITHIN and (" " not in m.form) == (" " not in w)
                and fold(m.form)[:1] == fold(w)[:1]]
        # (a name as written is no mistyping: _within took it, or passed it over as a word of
        # another's name, "Xinjiang" of the "Xinjiang Provincial Mint")
        if not near:
            continue
        if " " in w and len(near) == 1 and near[0].score >= MISTYPED_NAME:
            # a name of several words so near one name, and no other, is it mistyped, whatever its
            # sentences say ("Eric Shipten ...": the book's "I was returning to Kashgar ...")
            return near, w
        rest = terms(" ".join(x for x in words if x not in w.split()))
        post = fb.ix.postings(rest)
        said = [(hits, size, m) for m in near for hits, size in [_said_with(fb, m, post)] if rest and hits == len(set(rest))]
        if said:  # the most said of it
            return [max(said, key=lambda x: x[:2])[2]], w
        return [], ""
    return [], ""


def _said_with(fb: FactBase, m: Match, post: dict[str, tuple[int, Any]]) -> tuple[int, int]:
    """(how many terms of these postings a sentence naming m's entity holds, how many sentences
    name it)."""
    there = set(fb.ix.entity_rids(fb.entity_index[fb.entities[m.entity]["id"]]))
    return sum(1 for _df, rids in post.values() if there.intersection(rids)), len(there)


# where someone named in the question was born ("where was Ma Fuxing born", "Ma Fuxing birthplace"):
# only that, whose sentences say it plainly ("born in Yunnan"); where a thing happened or a man died
# is not read off the nearest place (a reviewer's "where did Yang Zengxin die": not Nanjing)
_ASKS = re.compile(r"\b(?:birthplace|born)\b", re.I)


def _asks(q: str) -> bool:
    """Whether a `where` query asks where someone it names was born."""
    return _ASKS.search(q) is not None and len(q.split()) >= 2


def _words_of(q: str, name: str) -> int:
    """How many words of the query a name holds."""
    held = set(fold(name).replace("-", " ").split())
    return sum(1 for w in fold(q).replace("-", " ").split() if w in held)


def _named_in_context(fb: FactBase, q: str, allowed: list[bool]) -> tuple[list[Match], str]:
    """The thing a query names by some of its words, the rest words the documents say with it
    ("Communist-dominated Tibetan provisional government 1950": the "Tibetan People's Provisional
    Government", which a sentence calls "Communist - dominated"); ([], "") when none."""
    from etr.text.terms import terms

    words = _named_words(q)
    if not 2 <= len(words) <= 8:
        return [], ""
    for n in range(len(words), 1, -1):
        for i in range(len(words) - n + 1):
            run = " ".join(words[i : i + n])
            got = [m for m in fb.names.match(run, allowed=allowed) if m.score >= ACCEPT and _covers(run, m.form)]
            rest = terms(" ".join(words[:i] + words[i + n :]))
            post = fb.ix.postings(rest) if rest and got else {}
            said = [m for m in got if not rest or _said_with(fb, m, post)[0] == len(set(rest))]
            if said:
                return said[:1], run
    return [], ""


# small words that may join the capitalised words of a name (_NAME_WORD); the words before a
# name of the question's context, not what it asks for ("agreement of the Three
# Districts", "banknotes backed by the Soviet State Bank")
_JOINS_NAMES = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})
_CONTEXT_WORDS = frozenset({"of", "by", "with", "between", "in", "at", "from", "to", "for", "against", "on", "across",
                             "under", "over", "into", "through", "near", "about", "after", "before", "during", "and"})
_OWNER = re.compile(r"['’]s?$")  # "Mannerheim's": whose it is, then what


def _written_name(fb: FactBase, q: str, allowed: list[bool]) -> tuple[list[Match], str]:
    """The thing a question names among its words, written as the documents write its name, in
    capitals ("Mannerheim's Preliminary Report on his ride across Chinese Turkestan": the
    "Preliminary Report"; "Owen Lattimore, Pivot of Asia: Sinkiang and ..."): a whole run of two
    or more capitalised words (small words may join them; a possessive before it is its owner)
    that is a name of the asked kind, not one after a preposition (context: "agreement of the
    Three Districts") nor a part of a longer run ("June 1946 Peace Agreement" is no "Peace
    Agreement"). ([], "") when none; the longest when several."""
    words = re.findall(r"[\w'’.&-]+|[,;:()]", q)
    found: list[tuple[int, list[Match], str]] = []
    i = 0
    while i < len(words):
        if not _NAME_WORD.fullmatch(words[i]):
            i += 1
            continue
        j = i + 1
        while j < len(words) and not _OWNER.search(words[j - 1]) and (
                _NAME_WORD.fullmatch(words[j])
                or (words[j] in _JOINS_NAMES and j + 1 < len(words) and _NAME_WORD.fullmatch(words[j + 1]))):
            j += 1
        k = i - 1 - (i >= 2 and words[i - 1].lower() == "the")
        run = words[i:j]
        if run and run[0] == "The":
            run = run[1:]
        if k >= 0 and words[k].lower() in _CONTEXT_WORDS or len(run) < 2 or _OWNER.search(run[-1]):
            i = j
            continue
        part = " ".join(run)
        got = [m for m in fb.names.match(part, allowed=allowed, exact_wins=True)
               if m.score >= 99.5 and fold(m.form) == fold(part)]
        if got:
            found.append((len(run), got[:1], part))
        i = j
    if not found:
        return [], ""
    _n, got, part = max(found, key=lambda x: x[0])
    return got, part


def _by_its_word(fb: FactBase, q: str, allowed: list[bool]) -> list[Match]:
    """The thing a query names by one of its words that only its names hold ("Eurasia airline":
    the "Eurasia Aviation Corporation", written also "Eurasia Aviation Co"), when the rest of the
    query describes it in other words; [] when no word is that telling, or two words point to
    different things."""
    kinds, titles = _kinds(), _titles()
    picked: set[int] | None = None
    forms: dict[int, str] = {}
    words = fold(q).split()
    if any(w in titles for w in words):
        return []  # "Michigan professor": a person, not the university
    said_kinds = {kinds[w] for w in words if w in kinds}  # "Kurdish army": a military body, or nothing
    for w in words:
        if len(w) < 4 or w in GENERIC or w in _SMALL or w in kinds:
            continue
        named = {e.entity for e in fb.names.by_word.get(w, [])}
        if not named or len(named) > BY_WORD or not all(allowed[i] for i in named):
            continue
        if picked is not None and not picked & named:
            return []  # two words, two things: the query says which by neither
        picked = named if picked is None else picked & named
        for e in fb.names.by_word[w]:
            forms.setdefault(e.entity, e.form)
    return [Match(i, ACCEPT, forms[i], "name") for i in sorted(picked or ())
            if not said_kinds or fb.entities[i]["type"] in said_kinds]


BY_WORD = 3  # a word of at most this many things' names is telling enough to name them


def _untitled(q: str) -> str:
    """The query without the people, the office and the title or rank it opens with ("Consul
    General Josselyn": "Josselyn"; "Kazak chieftain Osman": "Osman"), or "" when it opens with
    none (the words are data: rules/names.toml [titles], [peoples], [roles])."""
    words = q.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return ""
    titles, labels = _titles(), _labels()
    start = 0
    while start < len(words) - 1 and fold(words[start]) in labels:
        start += 1  # "Kazak chieftain", "Soviet consul"
    for begin in dict.fromkeys((0, start)):  # a title of a label's word first ("Doctor Surgeon Braude")
        for n in range(len(words) - 1, begin, -1):
            if fold(" ".join(words[begin:n])) in titles:
                return " ".join(words[n:])
    # what is left is a name: "Dungan army" is no army called "army"
    return " ".join(words[start:]) if start and words[start][:1].isupper() else ""


@cache
def _titles() -> frozenset[str]:
    """The titles and ranks a name may open with, folded (rules/names.toml [titles])."""
    from etr.rules import load

    return frozenset(fold(t) for t in load("names")["titles"]["before"])


@cache
def _labels() -> frozenset[str]:
    """Words a name may follow that say who he is, folded: peoples ("Kazak") and offices in lower
    case ("chieftain", "merchant"; rules/names.toml [peoples] and [roles])."""
    from etr.rules import load

    r = load("names")
    return frozenset(fold(w) for w in [*r["peoples"]["words"], *r["roles"]["person"]])


@cache
def _kinds() -> dict[str, str]:
    """A name's last word, folded -> the kind it says ("army": military; rules/names.toml [kinds])."""
    from etr.rules import load

    return {fold(w): k for k, words in load("names")["kinds"].items() for w in words}


@cache
def _given() -> frozenset[str]:
    """Given names (rules/names.toml [given]), folded."""
    from etr import rules

    return frozenset(fold(n) for n in rules.load("names")["given"]["names"])


_INITIALLED = re.compile(r"^(?P<initials>(?:[A-Z]\.\s*)+)(?P<names>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)(?:\s+\S.*)?$")


def _initialled(fb: FactBase, q: str, allowed: list[bool]) -> list[Match]:
    """A name asked by initials and surname ("E. Shipton", "A. D. Barnett"), perhaps with words
    of context after it ("T. V. Soong Stalin Moscow 1945"): the people of that surname whose name
    in some document has given names of those initials ("Eric Shipton"), found as persons or as
    names of no known kind (initials and a surname name a person); failing those, the one so
    called by the surname alone (a telegram's "Soong"); [] when the query is not so written."""
    m = _INITIALLED.match(q)
    if m is None:
        return []
    initials = [c.lower() for c in re.findall(r"[A-Z]", m.group("initials"))]
    people = [a or e["type"] == "unknown" for a, e in zip(allowed, fb.entities, strict=True)]
    names = m.group("names").split()
    # the surname is the last capitalised word after the initials or an earlier one ("J. Hall
    # Paxton consul": Paxton, the given name Hall; "T. V. Soong Stalin Moscow": Soong)
    for k in range(len(names) - 1, -1, -1):
        surname = fold(names[k])
        out, bare = [], []
        for got in fb.names.match(names[k], allowed=people):
            if got.score < ACCEPT:
                continue
            forms = [fold(f).split() for f in [fb.entities[got.entity]["name"], *fb.entities[got.entity]["forms"]]]
            for words in forms:
                given = [w for w in words[:-1] if w[:1].isalpha()]
                if (len(words) >= 2 and words[-1] == surname and len(given) >= len(initials)
                        and all(w[0] == c for w, c in zip(given[: len(initials)], initials, strict=True))):
                    out.append(Match(got.entity, got.score, " ".join(words), got.kind))
                    break
            else:
                if k == 0 and [surname] in forms and not any(len(ws) >= 2 and ws[-1] == surname for ws in forms):
                    # (only one no document gives a given name: "Z. Mackiernan" is no Douglas Mackiernan)
                    bare.append(Match(got.entity, got.score, surname, got.kind))
        if out:
            return out
    return bare if len(bare) == 1 else []


def lookup(fb: FactBase, query: str, types: set[str] | None, limit: int | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Profiles of the entities best matching `query` (close candidates included)."""
    q = clean_query(query)
    allowed = [types is None or e["type"] in types for e in fb.entities]
    interpreted: dict[str, Any] = {"types": sorted(types) if types else "all"}
    if CYRILLIC.search(q):  # "Осман", "Касымов": asked as the documents' Latin letters write them
        from etr.text.romanise import latin, palladius

        # a Chinese name in the Russian transcription, where a name is so spelt: "Чжан Чжичжун"
        # is Zhang Zhizhong (not "Chzhan Chzhichzhun")
        chinese = palladius(q)
        if chinese is not None and any(m.score >= EXACT for m in fb.names.match(chinese, exact_wins=True)):
            q = interpreted["read_as"] = chinese
        else:
            q = interpreted["read_as"] = latin(q)
    matches = _initialled(fb, q, allowed)
    if matches:
        interpreted["read_as"] = matches[0].form
    else:
        # a one-word question takes no name far from it ("Hetian" is not the "Tian Shan", nor
        # "Xingxingxia" "Ningxia"): "did you mean" says what is near
        accept = ACCEPT if len(q.split()) > 1 else ONE_WORD_ACCEPT
        matches = [m for m in fb.names.match(q, allowed=allowed, exact_wins=True) if m.score >= accept]
    said_so: dict[int, list[dict[str, Any]]] = {}
    if types == {"place"} and _asks(q):
        # "where was Ma Fuxing born", "Ma Fuxing birthplace": the place a sentence naming him says
        # he was born in ("... was a Hui born in Yunnan")
        from etr.query.answered import answered

        got, how, answering = answered(fb, q, allowed, born=True)
        if got:
            matches, said_so = got, answering
            interpreted["note"] = how
    if types is not None and "person" in types and _ASKS_RELATION.search(q):
        # "who succeeded Ma Fuxing", "who commanded the 36th Division", "Ma Shaowu's predecessor":
        # the one a sentence (or an infobox) links to the one named, by the relation asked
        from etr.query.related import related as by_relation

        got, how, answering = by_relation(fb, q, allowed)
        if got:
            matches, said_so = got, answering
            interpreted["note"] = how
    if ((not matches or matches[0].score < 99.5) and types is not None and not types >= WHAT_TYPES
            and not said_so and _RELATED.search(q)):
        from etr.query.apposed import apposed

        related, note, said_so = apposed(fb, q, allowed, "person" in types)  # "capital of Sinkiang Province", "Sheng Shicai's younger sister"
        if related:
            matches = related
            interpreted["note"] = note
    if not matches or matches[0].score < WITHIN:
        # "Consul General Josselyn", "Jing county": what the documents call Josselyn, Jing, not a
        # near miss of another "Consul General ..." or "... County"
        # (a name after a title is asked as a name: it may be a whole word of one, "Kazak
        # chieftain Osman" is Osman Batur; a query less a generic word must name something exactly)
        for bare, enough in ((_untitled(q), A_WORD_OF_IT), (" ".join(w for w in q.split() if fold(w) not in GENERIC), WITHIN)):
            if not bare or bare == q:
                continue
            named = [m for m in fb.names.match(bare, allowed=allowed, exact_wins=True) if m.score >= ACCEPT]
            if named and named[0].score >= enough and (not matches or named[0].score > matches[0].score):
                matches = named
                interpreted["read_as"] = bare
                break
    if types is not None and types >= WHAT_TYPES:
        # a thing is asked for by its words: a name that leaves one of them out is another thing
        # ("Anglo-Soviet treaty" is not the "Sino-Soviet Treaty"); the documents' words then say it
        matches = [m for m in matches if fold(m.form) == fold(q) or _covers(q, m.form)]
    if not matches:
        plain = _rewrites(q)
        retries = [*plain, *(_respelled(fb, q) if len(q.split()) >= 2 else []), *_other_names(q)]
        # a reading in the documents' words must be a name they write, not a guess near one; and
        # a name some reading finds as written beats a near miss of another ("khanate of Hami":
        # the documents' "Kumul Khanate", not the "Chagatai Khanate" near "khanate Hami")
        tried: dict[str, list[Match]] = {}
        for retry, least in [*((r, WITHIN) for r in retries), *((r, ACCEPT) for r in plain)]:
            if retry not in tried:
                tried[retry] = fb.names.match(retry, allowed=allowed)
            matches = [m for m in tried[retry] if m.score >= least]
            if matches:
                interpreted["read_as"] = retry
                break
    if not matches and types is not None and not types >= WHAT_TYPES:
        # a person or a place among words of context; a thing's words are read as a description below
        # the name first, its context after a comma or a preposition ("Jinghe town in Ili
        # District 1945", "Maqsud Shah prince of Hami"): the head is what is asked about
        head = _HEAD.split(q, maxsplit=1)[0].strip()
        matches, read_as = _within(fb, q, allowed)
        if head and head != q and any(w[:1].isupper() for w in head.split()):
            first, said = _within(fb, head, allowed, whole_tried=False, whole=q)  # as good a name as any in the query, and capitalised
            if not first and types == WHERE_TYPES and len(head.split()) <= 3:
                # a place the question opens with that the documents name without saying what it
                # is ("Ganzhou in Gansu where George Hunter died": "got no farther than Kanchow
                # (Zhangye)", a name of no known kind), before a place of its context
                or_unknown = [a or e["type"] == "unknown" for a, e in zip(allowed, fb.entities, strict=True)]
                first, said = _within(fb, head, or_unknown, whole_tried=False)
                if first and (fb.entities[first[0].entity]["type"] != "unknown" or first[0].score >= WITHIN):
                    first, said = [], ""  # (as written, it is what the documents call it: "Eurasia airfield")
            # (the head's name even as a word of it, "Qum new course of the lower Tarim": the
            # Qum-darya, not the Tarim its context names whole)
            if first and any(w[:1].isupper() for w in said.split()) and (
                    not matches or first[0].score >= matches[0].score
                    or (first[0].score >= A_WORD_OF_IT and fold(said) not in _titles())):
                matches, read_as = first, said
        if not matches:
            matches, read_as = _mistyped_in_context(fb, q, allowed)  # "Kunmin OSS paratrooper": Kunming
        rel = RELATIVE.match(q)
        happened = not matches and types == WHERE_TYPES and _happened(fb, q)
        if (not matches or (" " not in read_as and read_as[:1].islower())
                or (rel is not None and fold(read_as) not in fold(rel.group("head")))
                or (q[:1].islower() and _of_its_context(q, read_as) and _described(q))) and (
                    _described(q) or (_RELATED.search(q) and "person" in types) or happened):
            # "town in eastern Xinjiang where the Soviet trade mission was enlarged to five officials
            # in 1936": named by the sentence that answers it (not a word of the question in small
            # letters that is a name too, "defense"; "Almaty airport where Wallace landed" is Almaty;
            # nor one named in a relative clause, "Vice-Premier who met Fu Bingchang at Tashkent
            # airport", whom the question asks about, not for; and a role in relation to a named one
            # that no sentence sets a name beside, "senior instructor of the Medical Department
            # Urumqi 1942": "Senior Instructor of the Medical Department (A. Lepin, seal)."; nor a
            # name of its context after what it asks for in small letters, "city of the Old Torgut
            # khan on the Juldus north of Karashahr": Öreget, "the city built by the khan of ...");
            # and where what the question names is no place, a word of what happened ("Shipton
            # Tilman meeting August 1947": "... he and Bill Tilman met at Tashkurghan")
            from etr.query.answered import answered

            got, how, answering = answered(fb, q, allowed)
            if got and happened and not _names_said(q, answering[got[0].entity][0]["quote"]):
                got = []  # "Lincoln born": no sentence of Algiers that names no Lincoln
            if got and not _described(q) and not happened and not _said_as_asked(q, answering[got[0].entity][0]["quote"]):
                got = []  # "consul in Kashgar": not Ward of "Consul Ward at Tihwa ... the Tihwa-Kashgar highway"
            if got:
                matches, read_as, said_so = got, "", answering
                interpreted["note"] = how
        if matches and read_as:
            interpreted["read_as"] = read_as
    if not matches and types is not None and "place" in types and len(q.split()) > 1:
        # a place among words of context, in another transcription ("Haude allowed one month at
        # Piqan": Pichan), before a name of another kind the query also holds
        for word in q.split():
            word = word.strip(",.;:?!")
            if word[:1].isupper() and fold(word) not in GENERIC and (got := _transcribed(fb, word, allowed)):
                matches = got
                interpreted["read_as"] = got[0].form
                interpreted["note"] = f"{word!r} read as {_transcription(got[0].form)}"
                break
    if types is not None and (not matches or matches[0].score < 99.5 or "read_as" in interpreted):
        # (a part of the query read as a name is no match of it whole: "where Moscow Sun Yat-sen
        # University" is the university, not Moscow)
        # another kind, but only by a name, not by a guess; and an exact name of another kind
        # ("what USSR": the Soviet Union, a place) beats a loose match of the asked kind
        # ... or a name of no known kind spelled as the query is, far closer than what matched
        # ("where Toksun": the "Toqsun" a memoir drove to, not the telegrams' "Tokosun")
        best = matches[0].score if matches else 0.0
        others = [m for m in fb.names.match(q) if m.score >= (OTHER_KIND if not matches else 99.5)
                  or (fb.entities[m.entity]["type"] == "unknown" and m.score >= max(SPELLED, best + CLOSE))]
        if best >= 99.5:
            others = [m for m in others if not allowed[m.entity]]  # a part read as a name: only another kind's whole name
        if others:
            if matches and not CYRILLIC.search(query):
                interpreted.pop("read_as", None)  # the query whole is the name
            interpreted["types"] = "all"
            interpreted["note"] = ("nothing of the asked type matched; showing other kinds" if not matches
                                   else "the name is of another kind; showing it")
            matches = others
    if not matches and types is not None and not types >= WHAT_TYPES and len(q.split()) > 1:
        # a name of no known kind the query opens with, its context after it ("Shah Khwaja Kumul
        # successor": the documents name him, "the designated successor Shah Khwaja", but say not
        # what he is), written as the documents write it
        or_unknown = [a or e["type"] == "unknown" for a, e in zip(allowed, fb.entities, strict=True)]
        got, said = _within(fb, q, or_unknown)
        if (got and fb.entities[got[0].entity]["type"] == "unknown" and got[0].score >= WITHIN
                and said[:1].isupper() and q.startswith(said)
                and (len(said.split()) >= 2 or (len(said) >= ONE_NAME_LETTERS and not _OF_A_PLACE.match(q, len(said))
                                                 and _told_with(fb, got[0].entity, q, said)))
                and fold(said.split()[0]) not in _titles()):  # (not "Viceroy" of "Viceroy of India in 1935")
            # (one word, where a document naming it writes a word of the rest: "Safdarali Pakistani
            # official Kashgar 1953", a telegram's signature "... twothousand Safdarali." under
            # "May 5, 1953", its foot "A Pakistani in Xinjiang describes ...")
            matches = got
            interpreted["read_as"] = said
            interpreted["types"] = "all"
            interpreted["note"] = "the name the question opens with, of a kind the documents do not make plain; the words after it are its context"
    if not matches:
        # "East Turkestan Republic financed by Moscow", "Surghak gold mines": the thing named, then context
        head = _named_head(q)
        if head:
            matches = [m for m in fb.names.match(head, allowed=allowed, exact_wins=True) if m.score >= 99.5]
            kindless = False
            if not matches and allowed is not None:  # a name of no kind the asked one ("Surghak": unknown)
                matches = [m for m in fb.names.match(head, exact_wins=True) if m.score >= 99.5
                           and fb.entities[m.entity]["type"] == "unknown"]
                kindless = bool(matches)
            if matches:
                interpreted["read_as"] = head
                interpreted["note"] = ("the name the question opens with, of a kind the documents do not make plain"
                                       if kindless else "the name the question opens with") \
                    + "; the words after it are its context"
    if not matches and types is not None and types >= WHAT_TYPES:
        from etr.query.described import described, in_figures

        thing = described(fb, q)  # "11-point agreement": a thing the documents describe, not name
        if (figured := in_figures(q)) != q:
            # "two thousand tons agreement": the "2000 tons agreement", more of the question's words
            # than the "thousand tons" its words find
            other = described(fb, figured)
            if other is not None and (thing is None or len(other["name"].split()) > len(thing["name"].split())):
                thing = other
        # or a name of more of the query's words than the description, the rest said with it
        # ("Communist-dominated Tibetan provisional government 1950": the "Tibetan People's
        # Provisional Government", not the phrase "Communist - dominated")
        named, read_as = _named_in_context(fb, q, allowed)
        written, as_written = _written_name(fb, q, allowed)
        if written and (thing is None or fold(as_written) not in fold(thing["name"])) and (
                not named or len(as_written.split()) >= len(read_as.split())):
            # (a name the question writes as the documents do, in capitals, is what it asks for,
            # not a phrase of the documents its other words find: "Mannerheim's Preliminary Report
            # on his ride across Chinese Turkestan" is the report, not "Across Chinese Turkestan")
            named, read_as, thing, how = written, as_written, None, "the name the question writes; its other words are context"
        else:
            how = "named by some of the query's words; the documents say the rest with it"
        if named and (thing is None or len(read_as.split()) > _words_of(q, thing["name"])):
            matches = named
            interpreted["read_as"] = read_as
            interpreted["note"] = how
        elif thing is not None and (beside := _named_beside(fb, thing)) is not None:
            # "Soviet state organization in charge of trade with Sinkiang": "Sovsintorg, the State
            # Organization in Charge of Trade with Sinkiang" - the thing described has a name
            matches, said_so = [beside[0]], {beside[0].entity: [beside[1]]}
            interpreted["read_as"] = beside[0].form
            interpreted["note"] = "the name a document sets beside what the question describes"
        elif thing is not None:
            if limit is not None:
                thing["events"], thing["statements"] = thing["events"][:limit], thing["statements"][:limit]
            interpreted["note"] = "no entity of that name; what the documents say of it in their own words"
            interpreted["ambiguous"] = False
            return [thing], interpreted
        else:
            matches = _by_its_word(fb, q, allowed)  # "Eurasia airline": the one thing named "Eurasia ..."
            if matches:
                interpreted["read_as"] = matches[0].form
                interpreted["note"] = "no name of those words; what is named with a word of the query no other name holds"
    if not matches and types is not None and "place" in types:
        matches = _transcribed(fb, q, allowed)  # "Kuerle", "Piqan": Korla, Pichan
        if matches:
            interpreted["read_as"] = matches[0].form
            interpreted["note"] = f"no name is spelled so; read as {_transcription(matches[0].form)}"
    if (asked := _INITIALLED.match(q)) is not None and asked.end("names") == len(q) and " " not in asked.group("names"):
        # no man of that surname has a given name of those initials (else _initialled had found
        # him): not one whose name says another ("Q. Harland" is not Walter Harland)
        initial, surname = asked.group("initials")[0].lower(), fold(asked.group("names"))

        def against(m: Match) -> bool:
            """Whether every full name of it opens with a given name of another initial: one known
            as a given name, not a familiar form ("Bob" is Robert) or a name a man chose for
            himself ("Wellington Koo" is V. K. Koo)."""
            names = [ws for f in (fb.entities[m.entity]["name"], *fb.entities[m.entity]["forms"])
                     if len(ws := fold(f).split()) >= 2 and ws[-1] == surname]
            return bool(names) and all(ws[0] in _given() and ws[0][:1] != initial for ws in names)

        matches = [m for m in matches if not against(m)]
    if (not matches and types == WHERE_TYPES and not _described(q) and not _RELATED.search(q)
            and any(w[:1].isupper() and _kinds().get(fold(w)) in ("organisation", "military") for w in q.split()[1:])
            and _lower_words(q) >= 1):
        # (asked in words, "in the provincial capital"; "36th Division 1934" is no question where)
        # where something of another kind is ("Xinjiang Provincial Mint in the provincial capital"):
        # the place the sentence that best answers it names nearest its words ("minted by the
        # Xinjiang Provincial Mint in the provincial capital, Dihua": a body, by its name's last
        # word); not someone by a relation, "Sheng Shicai's younger sister", whom no place is, nor
        # where a man did something ("where did Yang Zengxin die": the nearest place is no answer)
        from etr.query.answered import answered

        got, how, said_so = answered(fb, q, allowed)
        if got:
            matches = got
            interpreted["note"] = how
    if not matches:
        if _described(q):  # "town still under Chinese control but constantly attacked in June 1945"
            raise NotFound(f"no name in {q!r}: it reads as a description; `etr search` finds the sentences "
                           "that answer it")
        raise NotFound(f"no match for {q!r}" + suggest(fb, q))
    # among equals, the entity the documents most often call by the typed form comes first
    # ("Mao" is Mao Zedong far more often than Mao Zemin)
    def usage(m: Match) -> tuple[float, bool, int, int]:
        e = fb.entities[m.entity]
        prefix = fold(e["name"]).startswith(fold(q))  # "Sino-Soviet Treaty of Friendship, ..."
        return (-m.score, not prefix, -e["forms"].get(m.form, 0), -e["n_sentences"])

    top = matches[0].score
    chosen = [m for m in matches if m.score >= top - CLOSE] if top < 100 or matches[0].kind == "short" else [matches[0]]
    if top >= 100:
        exact = [m for m in matches if m.score >= top - 0.01]
        chosen = exact if matches[0].kind == "short" else [min(exact, key=usage)]
        if matches[0].kind != "short":
            # the name the documents give exactly this form most often, when that is another
            # than the one it is a listed name of: "Osman" is Osman Batur, so called 27 times,
            # not "Accuses Osman", a name found once, glued to the word opening its sentence
            said = fold(str(interpreted.get("read_as", q)))

            def called(m: Match) -> int:
                return sum(n for form, n in fb.entities[m.entity]["forms"].items() if fold(form) == said)

            most = max((m for m in matches if m.score >= A_WORD_OF_IT), key=called)
            if called(most) > 2 * called(chosen[0]):
                chosen = [most]
    chosen.sort(key=usage)
    interpreted["ambiguous"] = len(chosen) > 1
    out = [fb.entity_out(fb.entity_full(m.entity), m, limit) for m in chosen]
    for m, o in zip(chosen, out, strict=True):
        if m.entity in said_so:
            o["said_so"] = said_so[m.entity]  # the sentences that call it what the question asked
        elif context := in_context(fb, q, m):
            o["in_context"] = context  # "Maqsud Shah, last khan of Hami": what is said of him so
    return out, interpreted


_NAME_RUN = r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*){0,4})"


def _named_beside(fb: FactBase, thing: dict[str, Any]) -> tuple[Match, dict[str, Any]] | None:
    """The entity a sentence names as what a described thing is, in apposition ("Sovsintorg, the
    State Organization in Charge of Trade with Sinkiang"; "the ... (Sovsintorg)", "Sovsintorg
    (the ...)"), and that sentence's citation; None when no sentence does or the name is none
    the documents know exactly."""
    cited = [*thing["statements"], *(c for ev in thing["events"] for c in ev.get("citations", [])[:1])]
    for phrase in (thing["name"], *thing["aliases"]):
        said = re.escape(phrase).replace(r"\ ", r"\s+")
        # (a body's name may be taken for a place's by the build: "Sovsin'torg"; a place is the
        # answer only where the words say what body it is, "State Organization ...")
        body = any(_kinds().get(fold(w)) == "organisation" for w in phrase.split())
        shapes = ((rf"{_NAME_RUN}\s*,\s*(?:the|an?)\s+{said}(?![\w-])", body),
                  (rf"{_NAME_RUN}\s*\((?:the\s+|an?\s+)?{said}\)", body),
                  (rf"(?<![\w-]){said}\s*\({_NAME_RUN}\)", False))  # "The silver dollar (Sinkiang)": where
        for c in cited:
            quote = c.get("quote", "")
            for shape, places in shapes:
                m = re.search(shape, quote)
                if m is None:
                    continue
                words = m.group("name").split()
                before = quote[: m.start("name")].split()
                for k in range(len(words)):  # "The Sovsintorg, the ...": the name, not the word before it
                    prev = words[k - 1] if k else (before[-1] if before else "")
                    if prev[:1].isupper() and prev.lower() in _PREPOSITIONS:
                        break  # "At Kashgar, the Soviet trade agency bought ...": where, no name of it
                    got = [x for x in fb.names.match(" ".join(words[k:]), exact_wins=True) if x.score >= 99.5]
                    if len(got) == 1 and (places or fb.entities[got[0].entity]["type"] != "place"):
                        return got[0], c
    return None


_PREPOSITIONS = frozenset({"at", "in", "on", "from", "to", "by", "for", "with", "near", "after", "before",
                           "during", "under", "of", "across", "through", "into", "outside"})


def _transcription(form: str) -> str:
    """How a note says a place was read by its consonants."""
    return f"{form}, the place named with the same consonants (another transcription of its name)"


TRANSCRIBED = 70.0  # a place with the query's consonants must also be this close in its letters ...
TRANSCRIBED_LEAD = 10.0  # ... and this much closer than any other place with them


def _transcribed(fb: FactBase, q: str, allowed: list[bool]) -> list[Match]:
    """A place asked by another transcription of its Turkic or Mongol name (pinyin "Kuerle",
    Uyghur Latin "Piqan", Mongol "Khovd") than the documents' (Korla, Pichan, Kobdo): the place
    whose one-word name has the query's consonants (rules/romanise.toml [consonants]) and is far
    the closest of those in its letters; [] when the query says too little, is a word the
    documents write ("Mosque", "Gorge": no other spelling of a place), when two places are near
    ("Kuitun": Qotien or Khotan), or when both names are Chinese (the romanisation keys would
    have met them: "Yanghang" is not Ningkiang)."""
    from rapidfuzz import fuzz

    from etr.text.romanise import (
        chinese_word,
        consonant_rules,
        consonants,
        consonants_of_key,
        word_key,
    )

    word = q.strip()
    if not re.fullmatch(r"[^\W\d_][\w'’-]*", word) or fb.ix.idf(terms(word)):
        return []
    want = consonants(word)
    if len(want) < consonant_rules()["least"]:
        return []
    qk = word_key(word)
    chinese = chinese_word(word)
    best: dict[int, tuple[float, str, str, bool]] = {}  # entity -> (score, form, its key, both names Chinese)
    for e in fb.names.entries:
        ent = fb.entities[e.entity]
        if not allowed[e.entity] or ent["type"] != "place" or " " in e.folded or not e.key:
            continue
        if consonants_of_key(e.key) != want:
            continue
        both = chinese and (chinese_word(e.folded) or chinese_word(ent["name"].replace(" ", "")))
        score = fuzz.ratio(qk, e.key)
        if score > best.get(e.entity, (-1.0, "", "", False))[0]:
            best[e.entity] = (score, e.form, e.key, both)
    ranked = sorted(best.items(), key=lambda x: -x[1][0])
    if not ranked:
        return []
    entity, (score, form, form_key, both) = ranked[0]
    # another place as near is a rival, unless it is a spelling of this one the documents keep
    # apart ("Charklik" and "Charkhliq", "Khotan" and "Hotien")
    rivals = [f for _i, (sc, f, k, _b) in ranked[1:] if sc > score - TRANSCRIBED_LEAD
              and fuzz.ratio(k, form_key) < TRANSCRIBED]
    if both or score < TRANSCRIBED or rivals:
        return []
    return [Match(entity, WITHIN, form, "name")]


_NAME_WORD = re.compile(r"[A-Z\d][\w'’.-]*")


def _named_head(q: str) -> str:
    """The name a question opens with, when words in lower case follow it ("East Turkestan Republic
    financed by Moscow", "36th Division peace talks"): its capitalised words (a figure may open one,
    "of" and "the" may join them); "" when the question opens otherwise or is a name throughout."""
    words = q.split()
    n = 0  # the head ends at its last capitalised word ("Committee of the Coalition Government")
    for k, w in enumerate(words):
        if _NAME_WORD.fullmatch(w):
            n = k + 1
        elif _NAME_WORD.fullmatch(w.rstrip(",;:")):
            n = k + 1  # "Owen Lattimore, Pivot of Asia": the name ends at its comma, whole
            break
        elif not (k and w in ("of", "the", "and")):
            break
    rest = words[n:]
    if not n or not rest or not any(w[:1].islower() and fold(w) not in _SMALL for w in rest):
        return ""
    return " ".join(words[:n])


DESCRIBED_WORDS = 3  # lower-case words (not small ones) that make a query a description, not a name


ONE_NAME_LETTERS = 5  # a name of one word the question opens with, of no known kind, has this many letters at least
_OF_A_PLACE = re.compile(r"\s+(?:of|in|at|for)\s", re.I)  # "Prefect of Khotan 1934": an office's word, no name
COMMON_TERM = 500  # a word more sentences than this write says nothing of where a name is


def _told_with(fb: FactBase, entity: int, q: str, said: str) -> bool:
    """Whether a document that names the entity writes a word of the question beyond `said`."""
    ix = fb.ix
    own = set(terms(said))
    context = {t for t in terms(q) if t not in STOP and t not in own}
    if not context:
        return False
    sources = set(ix.sentence_spans(list(ix.entity_rids(entity)))[1].values())
    for df, rids in ix.postings(context).values():
        if df <= COMMON_TERM and sources & set(ix.sentence_spans(sorted(set(rids)))[1].values()):
            return True
    return False


def _lower_words(q: str) -> int:
    """How many ordinary words in lower case a query has (of four letters or more, not "with")."""
    return sum(1 for w in q.split() if w[:1].islower() and len(w) > 3 and fold(w) not in _SMALL)


def _described(q: str) -> bool:
    """Whether a query describes rather than names: several ordinary words in lower case, or a
    relative clause after what it asks for ("Vice-Premier who met Fu Bingchang at Tashkent
    airport", "friend who called Ziya Samedi ...")."""
    return _lower_words(q) >= DESCRIBED_WORDS or RELATIVE.match(q) is not None


SUGGEST_WHOLE = 60.0  # a name this close to the whole query is worth suggesting ...
SUGGEST_WORD = 75.0  # ... or one of whose words is this close to a word of it ("Qasimov": Qasimi)


def suggest(fb: FactBase, q: str) -> str:
    """"; did you mean: X?" for names close to what found nothing; "" when nothing is close (a
    far guess, "Zzyzx Qwerty": Nazi Germany, misleads more than it helps)."""
    from rapidfuzz import fuzz, process

    names = fb.names
    folded = fold(q)
    picked: dict[int, float] = {}
    for _f, score, i in process.extract(folded, names.forms, scorer=fuzz.ratio, limit=10, score_cutoff=SUGGEST_WHOLE):
        e = names.entries[i].entity
        picked[e] = max(picked.get(e, 0.0), score)
    for word in folded.split():
        if len(word) < 4:
            continue
        for w, score, _i in process.extract(word, names.words, scorer=fuzz.ratio, limit=5, score_cutoff=SUGGEST_WORD):
            for entry in names.by_word[w]:
                picked[entry.entity] = max(picked.get(entry.entity, 0.0), score * 0.95)
    best = sorted(picked, key=lambda e: (-picked[e], e))[:3]
    if not best:
        return ""
    return "; did you mean: " + ", ".join(fb.entities[e]["name"] for e in best) + "?"
