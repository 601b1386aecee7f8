"""The one record shape every reader produces and every writer consumes.

It follows CSL-JSON (the interchange format of Zotero, pandoc, citation-js and every
CSL processor): variable names such as ``container-title``, ``issued``, ``DOI``.
Names and dates are typed so that writers never re-parse strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

# CSL name variables (CSL 1.0.2 appendix IV), in the order writers emit them.
NAME_VARIABLES = (
    "author",
    "editor",
    "translator",
    "editor-translator",
    "container-author",
    "collection-editor",
    "composer",
    "director",
    "editorial-director",
    "illustrator",
    "interviewer",
    "original-author",
    "recipient",
    "reviewed-author",
    "chair",
    "compiler",
    "contributor",
    "curator",
    "executive-producer",
    "guest",
    "host",
    "narrator",
    "organizer",
    "performer",
    "producer",
    "script-writer",
    "series-creator",
)

# CSL date variables.
DATE_VARIABLES = (
    "issued",
    "available-date",
    "event-date",
    "accessed",
    "original-date",
    "submitted",
)

# Stable order of the ordinary variables in CSL-JSON output; others follow alphabetically.
TEXT_VARIABLE_ORDER = (
    "title",
    "title-short",
    "container-title",
    "container-title-short",
    "collection-title",
    "collection-number",
    "volume",
    "issue",
    "page",
    "number",
    "number-of-pages",
    "edition",
    "publisher",
    "publisher-place",
    "event-title",
    "event-place",
    "genre",
    "status",
    "DOI",
    "ISBN",
    "ISSN",
    "URL",
    "language",
    "keyword",
    "abstract",
    "note",
)


@dataclass(frozen=True)
class Name:
    """A personal name split into CSL parts, or an institution as ``literal``."""

    family: str = ""
    given: str = ""
    dropping_particle: str = ""
    non_dropping_particle: str = ""
    suffix: str = ""
    literal: str = ""

    def to_csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        out: dict[str, str] = {}
        for key, value in (
            ("family", self.family),
            ("given", self.given),
            ("dropping-particle", self.dropping_particle),
            ("non-dropping-particle", self.non_dropping_particle),
            ("suffix", self.suffix),
        ):
            if value:
                out[key] = value
        return out

    @classmethod
    def from_csl(cls, data: dict[str, Any]) -> Name:
        if data.get("literal"):
            return cls(literal=str(data["literal"]))
        return cls(
            family=str(data.get("family", "")),
            given=str(data.get("given", "")),
            dropping_particle=str(data.get("dropping-particle", "")),
            non_dropping_particle=str(data.get("non-dropping-particle", "")),
            suffix=str(data.get("suffix", "")),
        )

    @property
    def full_family(self) -> str:
        """The family name with its non-dropping particle, as it is sorted and cited."""
        return " ".join(p for p in (self.non_dropping_particle, self.family) if p)


DatePart = tuple[int, ...]  # (year,), (year, month) or (year, month, day)


@dataclass(frozen=True)
class Date:
    """A CSL date: one or two (a range) partial dates, a season, or literal text."""

    parts: tuple[DatePart, ...] = ()
    season: int | None = None
    circa: bool = False
    literal: str = ""

    @property
    def year(self) -> int | None:
        return self.parts[0][0] if self.parts else None

    def to_csl(self) -> dict[str, Any]:
        if self.literal and not self.parts:
            return {"literal": self.literal}
        out: dict[str, Any] = {"date-parts": [list(p) for p in self.parts]}
        if self.season:
            out["season"] = self.season
        if self.circa:
            out["circa"] = True
        return out

    def iso(self) -> str:
        """The first date as ``YYYY[-MM[-DD]]``, or the literal text."""
        if not self.parts:
            return self.literal
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(self.parts[0]))


@dataclass(frozen=True)
class Location:
    """Where a record came from, for messages that name the file and line."""

    source: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass(frozen=True)
class Record:
    """One bibliographic item, shaped like a CSL-JSON object."""

    id: str
    type: str
    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[Name, ...]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    # Every DOI the source listed; ``fields["DOI"]`` holds the first.
    dois: tuple[str, ...] = ()
    # True when the source cut the author list short ("et al.").
    et_al: bool = False
    location: Location | None = None
    # What the source said that CSL has no variable for, kept for writers of the source's own
    # family (BibTeX's entry type and ``key`` field, a BibLaTeX ``issue`` beside its ``number``);
    # CSL-JSON's ``custom`` object holds such data. ``to_csl`` leaves it out.
    custom: dict[str, str] = field(default_factory=dict)

    def get(self, variable: str, default: str = "") -> str:
        return self.fields.get(variable, default)

    def with_id(self, new_id: str) -> Record:
        return self if new_id == self.id else replace(self, id=new_id)

    def to_csl(self) -> dict[str, Any]:
        """The record as a CSL-JSON object with a stable key order."""
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        for var in NAME_VARIABLES:
            if self.names.get(var):
                out[var] = [n.to_csl() for n in self.names[var]]
        for var in DATE_VARIABLES:
            if var in self.dates:
                out[var] = self.dates[var].to_csl()
        ordered = [v for v in TEXT_VARIABLE_ORDER if v in self.fields]
        ordered += sorted(v for v in self.fields if v not in TEXT_VARIABLE_ORDER)
        for var in ordered:
            if self.fields[var]:
                out[var] = self.fields[var]
        return out
