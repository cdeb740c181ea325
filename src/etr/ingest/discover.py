"""Names nobody registered: capitalised phrases in a sentence that no registry name covers,
with a first guess at their type (person after a title, place after "at"/"in", organisation by
its last word). What the build does with them (one entity per name in a document, a surname
alone as the person named in full before) is in etr.ingest.assemble. Imports etr.ingest.link.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from etr.ingest.link import Mention

_CAPWORD = r"(?:[A-Z][\w'’\-]*[a-z][\w'’\-]*|[A-Z]{2,})"
_CONNECT = r"(?:\s+(?:of(?:\s+the)?|the|de|al|el|ul|bin|ibn|von|van)\s+|\s+|-)"
_PHRASE = re.compile(rf"(?<![\w'’-]){_CAPWORD}(?:{_CONNECT}{_CAPWORD})*")
_COMMON_STARTS = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or",
    "As", "After", "Before", "During", "Following", "However", "This", "That", "These", "Those",
    "It", "Its", "He", "His", "She", "Her", "They", "Their", "We", "Our", "You", "Your", "I",
    "When", "While", "Where", "Which", "Who", "What", "Why", "How", "Many", "Some", "Most", "All",
    "Several", "Thousands", "Only", "Over", "Under", "Despite", "Although", "Since", "Until",
    "Ironically", "Later", "Earlier", "First", "Second", "Third", "Then", "Once", "Soon",
    "Among", "According", "Certainly", "Other", "Another", "Each", "Every", "Both", "Much",
    "Records", "Food", "Without", "With", "So", "If", "Also", "Again", "Here", "There",
    "Non", "Anti", "Pro", "General", "Additional", "Situation", "City", "Government",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Spring", "Summer", "Autumn", "Winter", "Reliable", "Reports",
}
_TYPE_HINTS: list[tuple[str, str]] = [
    (r"\b(?:General|Gen\.?|Colonel|Col\.?|Major|Captain|Mr\.?|Mrs\.?|Dr\.?|Consul|Governor|"
     r"Marshal|Commander|Premier|Minister|Ambassador|President|Chairman|Mullah|Imam|Sheikh|"
     r"Bey|Beg|Khan|Khoja|Batur|Bator)\s*$", "person"),
]
_SUFFIX_TYPES = [
    (r"\b(?:River|Lake|Mountains?|Pass|Valley|Basin|Desert|County|District|Province|Region|"
     r"Prefecture|City|Oasis|Airport|Airfield|Gorge|Sea|Steppe|Plateau)$", "place"),
    (r"\b(?:Army|Division|Regiment|Brigade|Corps|Battalion|Cavalry|Guard|Front|Militia)$", "military"),
    (r"\b(?:Party|Government|Committee|Council|Commission|Ministry|Bureau|Office|League|Union|"
     r"Association|Society|Company|Bank|Consulate|Legation|Embassy|Assembly|Congress|Clique)$",
     "organisation"),
    (r"\b(?:Treaty|Pact|Agreement|Convention|Accord|Protocol)$", "treaty"),
    (r"\b(?:Declaration|Resolution|Decree|Telegram|Manifesto|Memorandum|Report)$", "document"),
    (r"\b(?:Rebellion|Revolution|War|Uprising|Incident|Revolt|Massacre|Battle|Campaign|"
     r"Conference|Offensive|Crisis)$", "event"),
]


# Capitalised words that are adjectives, peoples or titles, not names of anything to look up
_NOT_NAMES = {
    "Soviet", "Soviets", "German", "Germans", "Japanese", "Russian", "Russians", "Chinese", "American",
    "Americans", "British", "French", "English", "Turkic", "Islamic", "Muslim", "Muslims", "Christian",
    "Communist", "Communists", "Nationalist", "Nationalists", "Western", "Eastern", "Northern",
    "Southern", "Central", "West", "East", "North", "South", "Indian", "Afghan", "Iranian", "Persian",
    "Mongolian", "Tibetan", "Red", "White", "Allah", "God", "Sources", "Methods", "Peace", "Alliance",
    "Vice", "Chairman", "Provincial", "President", "Governor", "General", "Generals", "Colonel", "Consul",
    "Minister", "Commander", "Secretary", "Ambassador", "Deputy", "Director", "Chief", "Head", "Premier",
    "Marshal", "Envoy", "Army", "Government", "Party", "Province", "District", "County", "Republic",
    "Moslem", "Moslems", "Northwest", "Northeast", "Southwest", "Southeast", "Outer", "Inner", "Upper", "Lower",
    "Commissioner", "Customs", "Consulate", "Embassy", "Legation", "Consul-General", "Commander-in-Chief",
    "Generalissimo", "Mayor", "Inspector", "Garrison", "Vice-Chairman", "Acting", "Foreign", "Sino", "Sino-Soviet",
    "Well-informed", "Reliable", "Informed", "Officials", "Official", "Authorities", "Delegation", "Delegates",
    "Sir", "Servant", "Excellency", "Honour", "Honor", "Majesty",
}
_TITLES = {"General", "Generals", "Colonel", "Consul", "Governor", "Minister", "Commander", "Secretary",
           "Ambassador", "Chairman", "President", "Marshal", "Premier", "Envoy", "Chief", "Deputy",
           "Commissioner", "Consul-General", "Commander-in-Chief", "Generalissimo", "Mayor", "Inspector",
           "Vice-Chairman"}
# words of telegrams and headlines that are not names, even in capitals
_CAPS_WORDS = set("""
    THE A AN OF IN ON AT TO FOR FROM BY WITH AND OR BUT IS WAS WERE BE BEEN ARE HAS HAVE HAD IT ITS THIS THAT
    AS INTO ABOUT OVER UNDER AFTER BEFORE NOT NO ALL NEW NOW HERE THERE STOP QUOTE UNQUOTE END PARA REFERENCE
    REPEATED RPTD SENT INFO CONFIDENTIAL SECRET RESTRICTED URGENT PRIORITY NIACT PLAIN GRAY TRIPLE PRIORITY
    SECRETARY STATE SECSTATE DEPARTMENT DEPT EMBASSY AMEMBASSY CONSULATE AMCONSUL CONSUL GENERAL OFFICE
    TELEGRAM MESSAGE RECEIVED DATED SIGNED REBELS REBEL INSURGENTS TROOPS FORCES ARMY GOVERNMENT PROVINCIAL
    PROVINCE CITY TOWN RIVER CAPITAL REPORTS REPORT NEWS PEACE WAR ATTACK ATTACKING AGREEMENT TALKS LEADERS
    CHIEFS KILLED DIED DEAD CRASH AIR PLANE SIGN SIGNS SIGNED REACHES ACCORD WITH AFTER SAYS SAID ARE TIMES
    YORK NEW MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY AP UP INS REUTERS TASS
""".split())
_MONTHS_AND_DAYS = {w for x in ("January February March April May June July August September October November "
                                "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
                    for w in (x, x.upper())}
_TELEGRAM_JARGON = re.compile(r"^(?:Dep|My|Ur|Emb|Con|Reur|Re)tels?$", re.I)
_ADJECTIVE_HYPHEN = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$")  # Soviet-backed, Soviet-style


class Unknown(NamedTuple):
    start: int
    end: int
    text: str
    type: str


_POSSESSIVE = re.compile(r"['’]s$")
_PEOPLE_ADJECTIVE = re.compile(r"(?:ese|ian|ish|ic)$")
_PLACE_BEFORE = re.compile(r"\b(?:at|in|near|from|to the|outside|reached|captured|took)\s+$")
# one search for the type a name's last word gives (each pattern is anchored on the last word,
# so at most one of them matches)
_SUFFIX = re.compile("|".join(f"(?P<{t}>{p})" for p, t in _SUFFIX_TYPES))
_HINTS = [(re.compile(p), re.compile(p.replace(r"\s*$", "")), t) for p, t in _TYPE_HINTS]


def unknown_names(text: str, start: int, end: int, known: list[Mention]) -> list[Unknown]:
    """Capitalised names in text[start:end] that overlap no registry mention."""
    taken = [(m.start, m.end) for m in known]
    out = []
    for m in _PHRASE.finditer(text, start, end):
        s, e = m.start(), m.end()
        words = m.group(0).split()
        titled = False
        while words and (words[0] in _COMMON_STARTS or words[0][:1].islower()):
            titled = titled or words[0] in _TITLES  # "General Tao"
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        while len(words) > 1 and words[-1] in _MONTHS_AND_DAYS:  # "bombed WUSU September 5"
            words = words[:-1]
            e = text.rindex(words[-1], s, e) + len(words[-1])
        if not words:
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        phrase = text[s:e]
        # at the start of a sentence, or of a chronology's entry ("1933, Apr. 12 — Coup d'état at ...")
        at_sentence_start = s == start or (s - start < 4 and text[start:s].strip() in ("", '"', "“")) or \
            text[max(start, s - 3) : s].rstrip().endswith(("—", "–", ":"))
        if len(words) == 1 and (at_sentence_start or len(phrase) < 4) and not (titled and len(phrase) >= 2):
            continue
        if all(w.strip("'’") in _NOT_NAMES or _POSSESSIVE.sub("", w) in _NOT_NAMES for w in words):
            continue
        if any(_TELEGRAM_JARGON.match(w) for w in words):  # "Deptel 212", "mytel 248"
            continue
        while len(words) > 1 and (words[0] in _NOT_NAMES or words[0].capitalize() in _NOT_NAMES):
            # "Soviet Consul General Yevseev" -> "Yevseev"; "Commander-in-Chief CHU TEH" -> "CHU TEH"
            titled = titled or words[0] in _TITLES or words[0].capitalize() in _TITLES
            s = text.index(words[1], s + len(words[0]))
            words = words[1:]
        phrase = text[s:e]
        if phrase.isupper():
            # in capitals: a telegram's way of writing names ("TAO SHIH-YUEH", "Consul PAXTON"), but
            # also its headers and common words: kept when titled, or several words none of them common
            parts = re.split(r"[\s-]+", phrase)
            if any(w.strip("'’.,") in _CAPS_WORDS or len(w) < 2 for w in parts):
                continue
            if not titled and len(parts) < 2:
                continue
        if len(words) == 1 and (_ADJECTIVE_HYPHEN.match(phrase) or _PEOPLE_ADJECTIVE.search(phrase)):
            continue
        if _PEOPLE_ADJECTIVE.search(words[-1]) and all(w in _NOT_NAMES or _PEOPLE_ADJECTIVE.search(w) for w in words):
            continue  # "Outer Mongolian"
        if any(w.split("-")[0] in _COMMON_STARTS and "-" in w for w in words):  # "March-April"
            continue
        phrase = _POSSESSIVE.sub("", phrase)
        e = s + len(phrase)
        suffix = _SUFFIX.search(phrase)
        kind = suffix.lastgroup or "unknown" if suffix else "unknown"
        if kind == "unknown" and titled:
            kind = "person"
        if kind == "unknown" and _PLACE_BEFORE.search(text[max(start, s - 12) : s]):
            kind = "place"
        if kind == "unknown":
            for before, inside, t in _HINTS:
                if before.search(text[max(start, s - 20) : s]) or inside.search(phrase):
                    kind = t
                    break
        out.append(Unknown(s, e, phrase, kind))
    return out
