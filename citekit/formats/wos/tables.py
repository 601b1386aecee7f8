"""The Web of Science field tags citekit reads (Clarivate's "Web of Science Core Collection field
tags"), as data."""

from __future__ import annotations

# Tag -> CSL variable for one-value tags (the first counts); continuation lines wrap the value.
TEXT_TAGS: dict[str, str] = {
    "TI": "title",
    "SO": "container-title",
    "JI": "container-title-short",
    "SE": "collection-title",
    "VL": "volume",
    "IS": "issue",
    "AR": "number",
    "PG": "number-of-pages",
    "PU": "publisher",
    "PI": "publisher-place",
    "DI": "DOI",
    "PM": "PMID",
    "LA": "language",
    "AB": "abstract",
    "CT": "event-title",
    "CL": "event-place",
    "BN": "ISBN",
}
# Tags with one value a line (authors, addresses, cited references): continuation lines are values.
LINE_LISTS = frozenset({"AU", "AF", "BA", "BF", "ED", "CA", "GP", "CR", "C1", "C3", "RI", "OI", "EM"})
# Name tags, full forms first: AF (else AU) the authors, BF (else BA) a book's authors, ED editors.
NAME_TAGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("author", ("AF", "AU")),
    ("editor", ("ED",)),
    ("container-author", ("BF", "BA")),
)
GROUP_AUTHOR_TAGS = ("CA", "GP")
# Keyword tags, in the order they are joined: the authors' keywords (DE), then Keywords Plus (ID).
KEYWORD_TAGS = ("DE", "ID")
# Serial tags: the ISSN (SN) and the electronic ISSN (EI).
ISSN_TAGS = ("SN", "EI")
# Publication type (PT) -> CSL type; a document type (DT) holding "Proceedings Paper" makes a
# book or series a conference paper, "Book Chapter" a book a chapter.
TYPES: dict[str, str] = {"J": "article-journal", "B": "book", "S": "book", "P": "patent"}
DOCUMENT_TYPES: dict[tuple[str, str], str] = {
    ("B", "proceedings paper"): "paper-conference",
    ("S", "proceedings paper"): "paper-conference",
    ("B", "book chapter"): "chapter",
    ("S", "book chapter"): "chapter",
    ("S", "article"): "chapter",
}
# Tags that frame the file or a record.
FRAME_TAGS = frozenset({"FN", "VR", "PT", "ER", "EF"})
