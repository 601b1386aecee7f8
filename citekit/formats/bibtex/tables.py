"""How CSL types and variables map to BibTeX and BibLaTeX entry types and fields, as data.

The reader and both writers use these tables, so what is written is exactly what is read back.
"""

from __future__ import annotations

BIBTEX = "bibtex"
BIBLATEX = "biblatex"

# CSL type -> (BibTeX entry type, BibLaTeX entry type, BibLaTeX entrysubtype).
ENTRY_TYPES: dict[str, tuple[str, str, str]] = {
    "article-journal": ("article", "article", ""),
    "article-magazine": ("article", "article", "magazine"),
    "article-newspaper": ("article", "article", "newspaper"),
    "review": ("article", "article", ""),
    "review-book": ("article", "article", ""),
    "book": ("book", "book", ""),
    "chapter": ("incollection", "incollection", ""),
    "entry-encyclopedia": ("incollection", "inreference", ""),
    "entry-dictionary": ("incollection", "inreference", ""),
    "paper-conference": ("inproceedings", "inproceedings", ""),
    "report": ("techreport", "report", ""),
    "thesis": ("phdthesis", "thesis", ""),
    "manuscript": ("unpublished", "unpublished", ""),
    "article": ("misc", "misc", ""),
    "webpage": ("misc", "online", ""),
    "post-weblog": ("misc", "online", ""),
    "post": ("misc", "online", ""),
    "dataset": ("misc", "dataset", ""),
    "software": ("misc", "software", ""),
    "patent": ("misc", "patent", ""),
    "pamphlet": ("booklet", "booklet", ""),
    "periodical": ("misc", "periodical", ""),
}
# (BibTeX or BibLaTeX entry type, entrysubtype) -> CSL type, for reading; "" subtype matches any.
READ_TYPES: dict[tuple[str, str], str] = {
    ("article", "magazine"): "article-magazine",
    ("article", "newspaper"): "article-newspaper",
    ("article", ""): "article-journal",
    ("book", ""): "book",
    ("mvbook", ""): "book",
    ("collection", ""): "book",
    ("mvcollection", ""): "book",
    ("proceedings", ""): "book",
    ("mvproceedings", ""): "book",
    ("reference", ""): "book",
    ("mvreference", ""): "book",
    ("inbook", ""): "chapter",
    ("bookinbook", ""): "chapter",
    ("suppbook", ""): "chapter",
    ("incollection", ""): "chapter",
    ("suppcollection", ""): "chapter",
    ("inreference", ""): "entry-encyclopedia",
    ("inproceedings", ""): "paper-conference",
    ("conference", ""): "paper-conference",
    ("techreport", ""): "report",
    ("report", ""): "report",
    ("manual", ""): "report",
    ("phdthesis", ""): "thesis",
    ("mastersthesis", ""): "thesis",
    ("thesis", ""): "thesis",
    ("unpublished", ""): "manuscript",
    ("misc", ""): "article",
    ("online", ""): "webpage",
    ("electronic", ""): "webpage",
    ("www", ""): "webpage",
    ("dataset", ""): "dataset",
    ("software", ""): "software",
    ("patent", ""): "patent",
    ("booklet", ""): "pamphlet",
    ("periodical", ""): "periodical",
}
# The entry types each dialect defines. A record read from BibTeX keeps its entry type
# (``Record.custom[SOURCE_TYPE]``), and a writer keeps it where the dialect has that type and it
# still says what the record's CSL type says: a @manual stays a @manual, BibLaTeX keeps @mvbook
# and @inbook, and only a type the dialect lacks is mapped (BibLaTeX's @mvproceedings is
# BibTeX's @proceedings; the others through their CSL type, by ENTRY_TYPES).
DIALECT_TYPES: dict[str, dict[str, str]] = {
    BIBTEX: {
        t: t
        for t in [
            "article",
            "book",
            "booklet",
            "conference",
            "inbook",
            "incollection",
            "inproceedings",
            "manual",
            "mastersthesis",
            "misc",
            "phdthesis",
            "proceedings",
            "techreport",
            "unpublished",
        ]
    }
    | {"mvproceedings": "proceedings"},
    BIBLATEX: {
        t: t
        for t in [
            "article",
            "book",
            "mvbook",
            "inbook",
            "bookinbook",
            "suppbook",
            "booklet",
            "collection",
            "mvcollection",
            "incollection",
            "suppcollection",
            "dataset",
            "manual",
            "misc",
            "online",
            "patent",
            "periodical",
            "suppperiodical",
            "proceedings",
            "mvproceedings",
            "inproceedings",
            "reference",
            "mvreference",
            "inreference",
            "report",
            "software",
            "thesis",
            "unpublished",
        ]
    },
}
# The fields each BibTeX entry type requires (the standard styles warn without them), as CSL
# variables, "a|b" for either. A source's entry type BibTeX lacks (a BibLaTeX @mvcollection) is
# written as the type its CSL type maps to when the record fills that type, else as @misc, as
# BibTeX itself reads a type its style does not define.
BIBTEX_REQUIRED: dict[str, tuple[str, ...]] = {
    "article": ("author", "title", "container-title", "issued"),
    "book": ("author|editor", "title", "publisher", "issued"),
    "inbook": ("author|editor", "title", "chapter-number|page", "publisher", "issued"),
    "incollection": ("author", "title", "container-title", "publisher", "issued"),
    "inproceedings": ("author", "title", "container-title", "issued"),
    "mastersthesis": ("author", "title", "publisher", "issued"),
    "phdthesis": ("author", "title", "publisher", "issued"),
    "proceedings": ("title", "issued"),
    "techreport": ("author", "title", "publisher", "issued"),
    "unpublished": ("author", "title", "note"),
}

# Record.custom keys: the source's entry type, and BibTeX/BibLaTeX fields CSL has no variable
# for, or whose variable another field took (an ``issue`` beside a ``number``, an
# ``organization`` beside a ``publisher``): field -> the dialects that write it.
SOURCE_TYPE = "bibtex-type"
CUSTOM_MONTH = "month"  # a month field that names no month (Summer, 3rd Quarter), as written
# The citations of a note field (``See \cite{Condon:1980:EML}``), as ``cite{a,b} citet{c}``: the
# note keeps the cited keys as text (what other formats show); BibTeX and BibLaTeX output cites
# them again, so that the style prints the cited entry as the source's did.
CUSTOM_CITATIONS = "citations"
CUSTOM_FIELDS: dict[str, tuple[str, ...]] = {
    "key": (BIBTEX,),  # BibLaTeX has no key field (its sortkey sorts before the author)
    "issue": (BIBLATEX,),
    "organization": (BIBTEX, BIBLATEX),
    # Written as it is outside GENRE_TYPES (what a chapter is called: "Section"); in them the
    # genre is written, and the type as written only says the genre was the source's own.
    "type": (BIBTEX, BIBLATEX),
}
# BibLaTeX's fields for the other people of a work (their roles: editoratype = {redactor}) and for
# titles and data no CSL variable holds: kept for BibLaTeX output, which prints them ("with a
# commentary by", "Translated from the French"). The name lists are kept as BibTeX writes names.
BIBLATEX_NAME_ROLES = (
    "commentator",
    "annotator",
    "introduction",
    "foreword",
    "afterword",
    "editora",
    "editorb",
    "editorc",
)
BIBLATEX_TEXT_EXTRAS = (
    *("editortype", "editoratype", "editorbtype", "editorctype", "origlanguage", "origtitle"),
    *("maintitle", "mainsubtitle", "maintitleaddon", "booksubtitle", "booktitleaddon", "titleaddon"),
    *("part", "issuetitle", "issuesubtitle", "origlocation", "origpublisher", "addendum"),
    *("eprint", "eprinttype", "eprintclass"),
)
CUSTOM_FIELDS |= dict.fromkeys((*BIBLATEX_NAME_ROLES, *BIBLATEX_TEXT_EXTRAS), (BIBLATEX,))
# BibLaTeX's type keys (printed in the document's language) and the text they stand for. A
# BibTeX @techreport becomes a BibLaTeX @report of type ``techreport``.
TYPE_KEYS = {
    "techreport": "Technical report",
    "resreport": "Research report",
    "phdthesis": "PhD thesis",
    "mathesis": "Master's thesis",
}
IMPLIED_TYPE_KEYS = {"techreport": "techreport"}

# The type field a thesis written without one implies.
THESIS_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}

# Entry type -> (container-title field, the CSL variable its ``number`` field holds).
# A CSL variable with no field in an entry type is not written there (and is reported lost).
CONTAINER_FIELD: dict[str, tuple[str, str]] = {
    "article": ("journal", "journaltitle"),
    "incollection": ("booktitle", "booktitle"),
    "inproceedings": ("booktitle", "booktitle"),
    "conference": ("booktitle", "booktitle"),
    "inreference": ("booktitle", "booktitle"),
    "inbook": ("", "booktitle"),  # BibTeX's @inbook is a chapter of the book its title names
    "bookinbook": ("", "booktitle"),
    "suppbook": ("", "booktitle"),
    "suppcollection": ("", "booktitle"),
}
NUMBER_VARIABLE: dict[str, str] = {
    "article": "issue",
    "book": "collection-number",
    "mvbook": "collection-number",
    "inbook": "collection-number",
    "bookinbook": "collection-number",
    "suppbook": "collection-number",
    "collection": "collection-number",
    "mvcollection": "collection-number",
    "suppcollection": "collection-number",
    "proceedings": "collection-number",
    "mvproceedings": "collection-number",
    "reference": "collection-number",
    "mvreference": "collection-number",
    "incollection": "collection-number",
    "inproceedings": "collection-number",
    "conference": "collection-number",
    "manual": "number",
    "inreference": "collection-number",
    "booklet": "number",
    "techreport": "number",
    "report": "number",
    "thesis": "number",
    "misc": "number",
    "unpublished": "number",
    "patent": "number",
    "dataset": "number",
    "software": "number",
    "online": "number",
    "periodical": "issue",
}
# Entry type -> the field holding the CSL publisher.
PUBLISHER_FIELD: dict[tuple[str, str], str] = {
    (BIBTEX, "phdthesis"): "school",
    (BIBTEX, "mastersthesis"): "school",
    (BIBTEX, "techreport"): "institution",
    (BIBTEX, "misc"): "howpublished",
    (BIBTEX, "booklet"): "howpublished",
    (BIBTEX, "unpublished"): "",
    (BIBTEX, "manual"): "organization",
    (BIBLATEX, "thesis"): "institution",
    (BIBLATEX, "report"): "institution",
    (BIBLATEX, "online"): "",
    (BIBLATEX, "misc"): "howpublished",  # BibLaTeX prints no publisher in these two
    (BIBLATEX, "booklet"): "howpublished",
    (BIBLATEX, "unpublished"): "",
    (BIBLATEX, "patent"): "holder",
}
# Entry types whose ``type`` field holds the CSL genre.
GENRE_TYPES = frozenset({"techreport", "report", "phdthesis", "mastersthesis", "thesis", "misc", "patent"})

# CSL variable -> (BibTeX field, BibLaTeX field) for values written as escaped text, in output order.
# An empty field name means that dialect has no place for the variable.
TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title-short", "shorttitle", "shorttitle"),
    ("container-title-short", "", "shortjournal"),
    ("event-title", "", "eventtitle"),
    ("event-place", "", "venue"),
    ("volume", "volume", "volume"),
    ("number-of-volumes", "", "volumes"),
    ("number-of-pages", "pagetotal", "pagetotal"),
    ("chapter-number", "chapter", "chapter"),
    ("edition", "edition", "edition"),
    ("publisher-place", "address", "location"),
    ("collection-title", "series", "series"),
    ("version", "", "version"),
    ("status", "", "pubstate"),
    ("ISBN", "isbn", "isbn"),
    ("ISSN", "issn", "issn"),
    ("keyword", "keywords", "keywords"),
    ("abstract", "abstract", "abstract"),
    ("note", "note", "note"),
    ("annote", "annote", "annotation"),
    ("archive", "", "library"),
)
# Identifiers written verbatim (LaTeX packages take them as they are).
VERBATIM_FIELDS: tuple[tuple[str, str], ...] = (("DOI", "doi"), ("URL", "url"))
# Name variables: CSL -> (BibTeX field, BibLaTeX field).
NAME_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("author", "author", "author"),
    ("editor", "editor", "editor"),
    ("translator", "", "translator"),
    ("container-author", "", "bookauthor"),
)
# Date variables BibLaTeX writes as ISO 8601 fields (BibTeX has only year and month).
DATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("issued", "date"),
    ("accessed", "urldate"),
    ("event-date", "eventdate"),
    ("original-date", "origdate"),
)

# Reading: field -> CSL variable for the plain text fields of either dialect.
READ_TEXT: dict[str, str] = {field: var for var, bib, blx in TEXT_FIELDS for field in (bib, blx) if field} | {
    "location": "publisher-place",
    "address": "publisher-place",
    "annotation": "annote",
    # Fields real exporters add (ACM, PubMed tools, library catalogues).
    "numpages": "number-of-pages",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "lccn": "call-number",
}
READ_NAMES: dict[str, str] = {field: var for var, bib, blx in NAME_FIELDS for field in (bib, blx) if field}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Fields a crossref or xdata child never inherits (BibLaTeX's defaults).
NOT_INHERITED = frozenset(
    {"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "label", "options", "shorthand"}
    | {"sortkey", "sortname", "sorttitle", "sortyear", "presort", "related"}
)
# Parent field -> child field when a crossref child is part of the parent (a chapter of a book).
INHERIT_AS: dict[str, str] = {"title": "booktitle", "subtitle": "booksubtitle", "author": "bookauthor"}
PART_TYPES = frozenset(
    {"inbook", "incollection", "inproceedings", "inreference", "bookinbook", "suppbook", "suppcollection"}
)
# Every field the reader looks at (tests/formats/bibtex/test_read.py checks the list): the
# others, such as bibdate or CODEN, are dropped without resolving their macros and LaTeX.
READ_FIELDS = (
    frozenset(READ_TEXT)
    | frozenset(READ_NAMES)
    | {field for _, field in VERBATIM_FIELDS}
    | {field for _, field in DATE_FIELDS}
    | {"title", "subtitle", "journaltitle", "journal", "booktitle", "number", "issue", "eid", "pages"}
    | {"publisher", "school", "institution", "holder", "howpublished", "organization"}
    | {"langid", "language", "type", "entrysubtype", "year", "month", "day", "crossref", "xdata"}
    # Read by formats/bibtex/dialects.py.
    | {"fjournal", "eprint", "archiveprefix", "eprinttype", "reportnumber", "collaboration", "added-at"}
    # Kept in Record.custom for the BibTeX writers.
    | set(CUSTOM_FIELDS)
)
