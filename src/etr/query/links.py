"""Typed links: what the words between two names of one sentence say of them ("X, the leader of
Y", "Y was led by X", "X met Y", "X signed Y", "Y succeeded X"), by the patterns of
rules/relations.toml. Read by etr.query.graph (the relation graph) and etr.query.related (`who`
asked by a relation, strictly: only the names right beside the words). No I/O. Imports etr.rules.
"""

from __future__ import annotations

import re
from functools import cache

from etr.rules import load

TYPE_CHECKING = False  # typing costs a query start-up ~3 ms: imported for the type checker only
if TYPE_CHECKING:
    from typing import Any

    Name = tuple[int, int, dict[str, Any]]  # a name in a sentence: start, end, its entity


class Relation:
    __slots__ = ("name", "noun", "verb", "passive", "subject", "object", "symmetric", "object_not_before",
                 "heads", "asked_inverse", "fields")

    def __init__(self, spec: dict[str, Any]) -> None:
        self.name = spec["name"]
        self.subject, self.object = set(spec["subject"]), set(spec["object"])
        self.symmetric = bool(spec.get("symmetric", False))
        after = "".join(rf"(?!\s+{re.escape(w)}\b)" for w in spec.get("not_before", []))
        self.noun = _words(spec.get("noun", []), after)
        self.verb = _words(spec.get("verb", []), after)
        self.passive = _words(spec.get("passive", []), "")
        self.object_not_before = tuple(spec.get("object_not_before", []))
        # what etr.query.related asks by: the nouns less "of"/"to" ("leader", "chairman"), the words
        # that ask for the other end ("preceded"), an infobox's fields after and before its subject
        self.heads = frozenset(re.sub(r"\s+(?:of|to)$", "", n).lower() for n in spec.get("noun", []))
        self.asked_inverse = tuple(spec.get("asked_inverse", []))
        field_after, field_before = spec.get("field_after"), spec.get("field_before")
        self.fields = (field_after, field_before) if field_after and field_before else None


def _words(words: list[str], after: str) -> re.Pattern[str] | None:
    if not words:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-]){after}", re.I)


@cache
def relations() -> tuple[Relation, ...]:
    return tuple(Relation(r) for r in load("relations")["relation"])


SUBJECT_REACH = 120  # characters between a subject's name and the words that link it
OBJECT_REACH = 80
CLAUSE_END = re.compile(r"[;:]|\.\s")
POSSESSIVE = re.compile(r"['’]s?(?!\w)")
# between a name and a noun of a relation: an apposition or a copula ("X, the leader of", "X (the
# chairman of", "X, who later became leader of", "X ... and became a member of")
APPOSITION = re.compile(
    r"^[\"'”’)\]]?(?:\s*,\s*|\s*\(\s*|\s+)"
    r"(?:(?:[^;:()]{0,80}?\s+)?and\s+(?=(?:later\s+|then\s+|also\s+)?(?:became|was|is|were|served)\b))?"
    r"(?:(?:who\s+)?(?:later\s+|then\s+|also\s+|soon\s+)?(?:was|is|were|are|became|becomes|become|"
    r"had\s+been|has\s+been|served\s+as|was\s+appointed(?:\s+as)?|was\s+named(?:\s+as)?|as)\s+)?"
    r"(?:(?:the|a|an|its|their|his|her|then|first|former|interim|provincial|acting|deputy|new|newly|"
    r"appointed|de\s+facto)\s+)*$", re.I)
AUXILIARY = re.compile(r"(?:\s+(?:was|were|is|are|had|has|been|being|then|later|also))*\s*$", re.I)


def _whole_words(text: str, form: str) -> list[int]:
    r"""Where `form` stands in `text` as whole words (no word character before or after it), as
    `re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)")` finds them, without compiling a pattern for
    each form (a famous man's sentences name thousands of forms: the regex cache overflowed)."""
    out = []
    n, at = len(form), text.find(form)
    while at >= 0:
        end = at + n
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            out.append(at)
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)
    return out


def mentions(text: str, ents: list[dict[str, Any]]) -> list[Name]:
    """(start, end, entity) of the names of `ents` in `text`, longest first where two overlap."""
    found: list[Name] = []
    for e in ents:
        forms = {e["name"], *e.get("aliases", []), *e.get("forms", {})}
        for form in forms:
            if len(form) < 2:
                continue
            found += [(a, a + len(form), e) for a in _whole_words(text, form)]
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[Name] = []
    for a, b, e in found:
        if kept and a < kept[-1][1]:
            continue
        kept.append((a, b, e))
    return [(a, b, e) for a, b, e in kept if not POSSESSIVE.match(text, b)]


PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
# strictly (an answer to a question, etr.query.related): the name after the words right after them
# ("led the 36th Division", not "led the KMT government", "headed by ... Shayidov", "succeeded where
# X had failed"), and the one before right before them ("Jin was succeeded by", "Jin, who ..., was")
# "by the intolerant Jin Shuren", "by a Manchu, Sheng Shicai"
STRICT_AFTER = re.compile(r"\s*(?:(?:the|a|an|his|her|its|their)\s+(?:[a-z][\w-]*\s+|[A-Z][\w-]*,\s+)?)?$")
STRICT_END = re.compile(r"(?:\s+(?!(?:and|or|in|at|on|of|to|from|for|as|after|before|during|until|when|who|which|"
                        r"that|but|against|with|by|under|over|into|through|since)\b)[a-z][\w-]*)", re.I)
STRICT_BEFORE = re.compile(r"^\s*(?:,[^,;:]{0,120},\s*|\([^()]{0,120}\)\s*)?(?:(?:who|which|that)\s+)?(?:(?:was|were|is|are|had\s+been|"
                           r"has\s+been|have\s+been|been|would\s+be|will\s+be|to\s+be|be)\s+)?"
                           r"(?:(?:then|later|in\s+turn|soon|finally|eventually|also)\s+)?$"
                           # "When Yang Zengxin was assassinated in 1928, he was replaced by", "Jin was
                           # deposed by mutineers in 1933 and was succeeded by"
                           r"|^[^;:.]{0,100},\s+(?:he|she)\s+(?:was|had\s+been)\s+(?:then\s+|later\s+)?$"
                           r"|^\s+(?:was|had\s+been)\s+[^,;:.]{0,80}\s+and\s+(?:was\s+)?(?:then\s+|later\s+)?$", re.I)


def typed_links(text: str, ents: list[dict[str, Any]], strict: bool = False, only: str | None = None
                ) -> list[tuple[str, str, str]]:
    """(subject id, relation, object id) that the words of one sentence state between the names of
    `ents` (each a dict with id, type, name, aliases, forms). A verb right after "was" or right
    before "by" is a passive's, and the words at a line's start an infobox's field: neither is read
    as a verb. With `strict`, only the names right beside the words (STRICT_AFTER, STRICT_BEFORE);
    with `only`, the links of that relation alone."""
    names = mentions(text, ents)
    out: list[tuple[str, str, str]] = []
    for rel in relations():
        if only is not None and rel.name != only:
            continue
        last: tuple[dict[str, Any], int] | None = None  # "the vice-chairman of X and the leader of Y"
        for kind in ("noun", "verb", "passive"):
            pattern = getattr(rel, kind)
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                line = text.rfind("\n", 0, m.start()) + 1
                if kind != "noun" and not text[line:m.start()].strip():
                    continue  # "Succeeded by Liu Wen-lung" under "Preceded by Yang Zengxin": fields
                if kind == "verb" and (PASSIVE_BEFORE.search(text, max(0, m.start() - 40), m.start())
                                       or re.match(r"\s+by\b", text[m.end():])):
                    continue  # "would be replaced as Governor ... by", "Hui Chinese led by"
                passive = kind == "passive"
                first, second = (rel.object, rel.subject) if passive else (rel.subject, rel.object)
                after = _first_after(text, names, m.end(), second)
                if strict and after is not None and not _right_after(text, names, m.end(), after, rel):
                    continue
                if kind == "noun" and last is not None and re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?",
                                                                         text[last[1]:m.start()]):
                    before: dict[str, Any] | None = last[0]
                else:
                    before = _nearest_before(text, names, m.start(), first, noun=kind == "noun")
                if before is None or after is None or before["id"] == after["id"]:
                    continue
                if strict and kind != "noun" and not _right_before(text, names, m.start(), before):
                    continue
                subj, obj = (after, before) if passive else (before, after)
                if kind == "noun":
                    end = next(b for a, b, e in names if e is after and a >= m.end())
                    last = (subj, end)
                link = (subj["id"], rel.name, obj["id"])
                if rel.symmetric and subj["id"] > obj["id"]:
                    link = (obj["id"], rel.name, subj["id"])
                if link not in out:
                    out.append(link)
    return out


def _right_after(text: str, names: list[Name], at: int, e: dict[str, Any], rel: Relation) -> bool:
    """Whether `e` is named right after a relation's words ending at `at` and ends its phrase there
    (no noun after it, nor a word the relation says cannot follow: "replaced Sheng Shicai with ...")."""
    for a, b, x in names:
        if x is e and a >= at:
            if not STRICT_AFTER.fullmatch(text, at, a) or STRICT_END.match(text, b):
                return False
            return not any(re.match(rf"\s+{re.escape(w)}\b", text[b:], re.I) for w in rel.object_not_before)
    return False


def _right_before(text: str, names: list[Name], at: int, e: dict[str, Any]) -> bool:
    """Whether `e` is named right before the relation's words at `at` (a clause set off by commas,
    an auxiliary and an adverb between: "Jin, who ..., was in turn succeeded by")."""
    ends = [b for a, b, x in names if x is e and b <= at]
    return bool(ends) and STRICT_BEFORE.match(text[max(ends):at]) is not None


def _nearest_before(text: str, names: list[Name], at: int, types: set[str], noun: bool) -> dict[str, Any] | None:
    """The name a relation's words at `at` are said of: for a noun, the name the apposition or
    copula joins to it; for a verb, the nearest name before, passing over a clause set off by
    commas right before the verb ("X, another officer and nephew of Y, commanded ...")."""
    skip_from = skip_to = -1
    if not noun:
        head = AUXILIARY.sub("", text[:at])
        if head.endswith(","):
            skip_to = len(head) - 1
            skip_from = text.rfind(",", 0, skip_to)
    for a, b, e in reversed(names):
        if b > at:
            continue
        if skip_from <= a < skip_to:
            continue
        if at - b > SUBJECT_REACH or CLAUSE_END.search(text, b, at):
            return None
        if e["type"] not in types:
            continue
        if noun and not APPOSITION.match(text[b:at]):
            return None
        return e
    return None


def _first_after(text: str, names: list[Name], at: int, types: set[str]) -> dict[str, Any] | None:
    """The first name of one of `types` after `at`; a name right after it wins ("the Kyrgyz Ishaq Beg")."""
    for k, (a, b, e) in enumerate(names):
        if a < at:
            continue
        if a - at > OBJECT_REACH or CLAUSE_END.search(text, at, a):
            return None
        if e["type"] not in types:
            continue
        if k + 1 < len(names) and names[k + 1][0] - b <= 1 and names[k + 1][2]["type"] in types:
            return names[k + 1][2]
        return e
    return None
