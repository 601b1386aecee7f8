"""The MEDLINE tags citekit reads, after NLM's "MEDLINE/PubMed Data Element (Field) Descriptions", as data."""

from __future__ import annotations

# Tag -> CSL variable for one-value tags; the first value of a tag counts.
TEXT_TAGS: dict[str, str] = {
    "PMID": "PMID",
    "PMC": "PMCID",
    "TI": "title",
    "BTI": "container-title",  # the book a chapter is in (PubMed Bookshelf)
    "VTI": "volume-title",
    "CTI": "collection-title",
    "AB": "abstract",
    "JT": "container-title",
    "TA": "container-title-short",
    "VI": "volume",
    "IP": "issue",
    "PG": "page",
    "EN": "edition",
    "PB": "publisher",
    "LA": "language",
    "GN": "note",
}
# Name tags: the full form (FAU) and the short one (AU) of the same person follow each other;
# CN is a group author.
FULL_NAMES: dict[str, str] = {"FAU": "author", "FED": "editor"}
SHORT_NAMES: dict[str, str] = {"AU": "author", "ED": "editor"}
GROUP_NAMES: dict[str, str] = {"CN": "author"}
# Tags whose values are lists: keywords (OT) and ISSNs (IS).
LIST_TAGS: dict[str, str] = {"OT": "keyword", "IS": "ISSN", "ISBN": "ISBN"}
# Identifier tags holding "value [kind]": the kind that is the DOI.
ID_TAGS = ("LID", "AID")
# Date tags: DP the publication date, DEP the electronic publication date (YYYYMMDD).
DATE_TAGS: dict[str, str] = {"DP": "issued", "DEP": "available-date"}
# Tags that only frame the record.
FRAME_TAGS = frozenset({"PMID"})
