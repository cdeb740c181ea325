"""The fact base's vocabulary as frozen dataclasses, with to_dict/from_dict. Standard library only.

Everything the build produces and the query layer reads is one of these; `data/facts.json` is
their `to_dict` form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Citation:
    """Exact words in a source: text_of(source)[start:end] == quote."""

    source: str
    title: str
    section: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Citation:
        return cls(d["source"], d["title"], d["section"], d["start"], d["end"], d["quote"])


@dataclass(frozen=True)
class DateValue:
    """A normalised temporal expression.

    `value` uses the evaluation notation (1944-11-15, 1944-11, 1945-SU, 194X, 1944/1946, P3D,
    PRESENT_REF); `start`/`end` are the earliest and latest ISO day it can mean (None for
    durations and references to the present).
    """

    text: str
    value: str
    start: str | None
    end: str | None
    precision: str
    mod: str | None = None
    how: str = "explicit"
    type: str = "DATE"
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "mod": self.mod,
            "how": self.how,
            "type": self.type,
            "anchor": self.anchor,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateValue:
        return cls(
            d["text"],
            d["value"],
            d.get("start"),
            d.get("end"),
            d["precision"],
            d.get("mod"),
            d.get("how", "explicit"),
            d.get("type", "DATE"),
            d.get("anchor"),
        )


@dataclass(frozen=True)
class TimexSpan:
    """A date found in a text, with its character offsets. An `aside` is a date the text names
    beside its story rather than the date of what it states ("... to join the future state,
    supposedly in 1951"): the story's clock does not move to it, and no statement is dated by it.
    A `referred` date is that of another document the text names by its number ("mytel 150 April
    18", "my despatch no. 10 of July 12"): it dates its own sentence, not the ones after it."""

    start: int
    end: int
    date: DateValue
    aside: bool = False
    referred: bool = False


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of content (never page furniture), with offsets into its source's text."""

    source: str
    section: str
    paragraph: int
    start: int
    end: int
    text: str
