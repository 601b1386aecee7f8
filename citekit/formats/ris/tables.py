"""How CSL types and variables map to RIS reference types and tags, as data (writer and reader)."""

from __future__ import annotations

# CSL type -> RIS reference type (TY).
RIS_TYPES: dict[str, str] = {
    "article-journal": "JOUR",
    "review": "JOUR",
    "review-book": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "article": "UNPB",
    "manuscript": "MANSCPT",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "dataset": "DATA",
    "software": "COMP",
    "patent": "PAT",
    "legal_case": "CASE",
    "legislation": "STAT",
    "bill": "BILL",
    "map": "MAP",
    "motion_picture": "MPCT",
    "personal_communication": "PCOMM",
    "song": "SOUND",
    "standard": "STAND",
    "pamphlet": "PAMP",
    "musical_score": "MUSIC",
    "hearing": "HEAR",
    "graphic": "ART",
    "periodical": "JFULL",
    "document": "GEN",
}
# RIS reference type -> CSL type: the inverse of RIS_TYPES plus the other types of the RIS
# specification and of EndNote, Zotero, PubMed and Pure exports.
READ_TYPES: dict[str, str] = {ris: csl for csl, ris in reversed(RIS_TYPES.items())} | {
    "JOUR": "article-journal",
    "EJOUR": "article-journal",
    "ABST": "article-journal",
    "INPR": "article-journal",
    "EDBOOK": "book",
    "EBOOK": "book",
    "SER": "book",
    "ANCIENT": "book",
    "CLSWK": "book",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "GOVDOC": "report",
    "ICOMM": "webpage",
    "WEB": "webpage",
    "DBASE": "dataset",
    "AGGR": "dataset",
    "VIDEO": "motion_picture",
    "ADVS": "motion_picture",
    "CHART": "graphic",
    "FIGURE": "figure",
    "SLIDE": "speech",
    "CTLG": "book",
    "MULTI": "document",
    "UNBILL": "bill",
    "GRANT": "document",
    "LEGAL": "legislation",
    "EQUA": "document",
}
# Types whose editors are written ED (the editors of the work itself); elsewhere editors are A2.
OWN_EDITOR_TYPES = frozenset({"BOOK", "EDBOOK", "RPRT", "JFULL"})
# Name variables: CSL -> RIS tag (editors: see OWN_EDITOR_TYPES).
NAME_TAGS: tuple[tuple[str, str], ...] = (
    ("author", "AU"),
    ("editor", "A2"),
    ("collection-editor", "A3"),
    ("translator", "A4"),
)
# CSL variable -> RIS tag for one-value tags, in the order they are written.
TEXT_TAGS: tuple[tuple[str, str], ...] = (
    ("title", "TI"),
    ("title-short", "ST"),
    ("container-title", "T2"),
    ("container-title-short", "J2"),
    ("collection-title", "T3"),
    ("event-title", "C3"),
    ("volume", "VL"),
    ("issue", "IS"),
    ("number", "C7"),
    ("edition", "ET"),
    ("publisher", "PB"),
    ("publisher-place", "CY"),
    ("genre", "M3"),
    ("DOI", "DO"),
    ("URL", "UR"),
    ("ISBN", "SN"),
    ("ISSN", "SN"),
    ("language", "LA"),
    ("abstract", "AB"),
    ("note", "N1"),
)
# --- reading -------------------------------------------------------------------------------------
# Name tags -> CSL name variable, whatever the type (EDBOOK's authors: see TYPE_TAGS).
READ_NAME_TAGS: dict[str, str] = {"AU": "author", "A1": "author", "A2": "editor", "ED": "editor"} | {
    "A3": "collection-editor",
    "A4": "translator",
}
# What a text tag means in the RIS specification's general table and in most exporters: tag ->
# the CSL variables it may fill, tried in turn (JO is the journal, or its abbreviation when T2/JF
# already gave the journal). Variables are filled in the order of this table, so for each variable
# its tags are listed from the most to the least specific (TI before T1 before CT).
GENERIC_TAGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("TI", ("title",)),
    ("T1", ("title",)),
    ("CT", ("title",)),
    ("ST", ("title-short",)),
    ("T2", ("container-title",)),
    ("JF", ("container-title",)),
    ("BT", ("container-title",)),
    ("J2", ("container-title-short",)),
    ("JA", ("container-title-short",)),
    ("J1", ("container-title-short",)),
    ("JO", ("container-title", "container-title-short")),
    ("T3", ("collection-title",)),
    ("C3", ("event-title",)),
    # M3 before VL: a thesis's genre (M3) comes before its degree (VL, see TYPE_TAGS).
    ("M3", ("genre",)),
    ("VL", ("volume",)),
    ("IS", ("issue",)),
    ("NV", ("number-of-volumes",)),
    ("SE", ("section",)),
    ("C7", ("number",)),
    ("M1", ("number",)),
    ("ET", ("edition",)),
    ("PB", ("publisher",)),
    ("CY", ("publisher-place",)),
    ("PP", ("publisher-place",)),
    ("DO", ("DOI",)),
    ("UR", ("URL",)),
    ("LA", ("language",)),
    ("AB", ("abstract",)),
    ("N2", ("abstract",)),
    ("DP", ("source",)),
)
# Per reference type, the tags whose meaning there is not the general one (the RIS specification's
# per-type tables, as EndNote writes them; Pure and Citavi agree where they use the tag). "" means
# the tag has no CSL variable in that type: its value is kept in the record's remarks as unused.
_BOOK: dict[str, tuple[str, ...]] = {"T2": ("collection-title",), "BT": ("title",)}
TYPE_TAGS: dict[str, dict[str, tuple[str, ...]]] = {
    # A whole book: T2 is the series title; BT the book's own title.
    "BOOK": _BOOK,
    "EBOOK": _BOOK,
    # An edited book: its AU are the editors.
    "EDBOOK": _BOOK | {"AU": ("editor",), "A1": ("editor",)},
    "UNPB": {"BT": ("title",)},
    # A chapter: SE is the chapter number.
    "CHAP": {"SE": ("chapter-number",)},
    "ECHAP": {"SE": ("chapter-number",)},
    # Conference proceedings: T2 is the conference's name (the proceedings are named after it,
    # see FALLBACKS); CY the conference's place.
    "CONF": {"CY": ("event-place",)},
    # A thesis: T2 is the academic department, VL the degree.
    "THES": {"T2": ("",), "VL": ("genre",)},
    # A report: T2 is the series, VL (Pure, the specification) the report number.
    "RPRT": {"T2": ("collection-title",), "VL": ("number",)},
    # Pure's conference contribution (TY GEN + M3 "Conference contribution", see SUBTYPES): BT is
    # the proceedings, T2 the conference's name, Y2 its dates.
    "PURE-CONF": {"BT": ("container-title",), "T2": ("event-title",)},
    # Pure's working paper (TY UNPB + M3 "Working paper"): VL is the paper's number.
    "PURE-WP": {"VL": ("number",)},
}
# Reference types made precise by their M3 (Pure writes GEN + "Conference contribution"):
# (TY, M3 lower-cased) -> (the row of TYPE_TAGS to read with, CSL type).
SUBTYPES: dict[tuple[str, str], tuple[str, str]] = {
    ("GEN", "conference contribution"): ("PURE-CONF", "paper-conference"),
    ("UNPB", "working paper"): ("PURE-WP", "report"),
}
# Reference types that say a genre of their CSL type, for a record with no M3 saying one.
TYPE_GENRES: dict[str, str] = {"GOVDOC": "Government document", "GRANT": "Grant", "STAND": "Standard"}
# A variable left empty takes the value of another: (rows it applies to, variable, from variable).
FALLBACKS: tuple[tuple[frozenset[str], str, str], ...] = (
    (frozenset({"*"}), "container-title", "container-title-short"),
    (frozenset({"CONF"}), "event-title", "container-title"),
)
# Rows whose period dates (a range of days in DA or Y2) are the conference's (event-date); Pure's
# conference contribution gives its conference dates in Y2 even for a single day.
EVENT_ROWS = frozenset({"CONF", "CPAPER", "PURE-CONF"})
EVENT_Y2_ROWS = frozenset({"PURE-CONF"})
# SN values that are neither ISBN nor ISSN: the report number of a report (EndNote), else kept as ISBN.
OTHER_SERIAL: dict[str, str] = {"RPRT": "number"}
# M3 values that only repeat the reference type (Scopus "Article", PubMed's "Journal Article", Pure's
# "Book"): no genre.
TYPE_WORDS = frozenset(
    {
        "article",
        "journal article",
        "book",
        "chapter",
        "book chapter",
        "conference contribution",
        "conference paper",
    }
)
# Tags whose untagged continuation lines are further values (EndNote writes one keyword, ISSN or
# note a line after a single tag); other tags' continuation lines go on with the value.
LIST_TAGS = frozenset(
    {"KW", "SN", "N1", "AD", "UR", "DB", "L1", "L2", "L4", "AU", "A1", "A2", "A3", "A4", "ED"}
)
# Every tag of the RIS specification and of the exporters above: a line with one of these written
# in lower case or with other spacing around the dash ("ty  - JOUR", "TY  -JOUR") is still a tag.
KNOWN_TAGS = frozenset(
    {tag for tag, _ in GENERIC_TAGS}
    | set(READ_NAME_TAGS)
    | {"TY", "ER", "ID", "PY", "Y1", "Y2", "DA", "SP", "EP", "SN", "KW", "N1", "AN", "U1", "U2", "U3"}
    | {"U4", "U5", "AD", "DB", "L1", "L2", "L3", "L4", "LK", "CN", "CA", "RN", "RP", "AV", "C1", "C2"}
    | {"C4", "C5", "C6", "C8", "M2", "Y3", "TT", "TA", "OP", "RI", "SV"}
)
# Tags that frame a record rather than say something of it: never reported as unused.
FRAME_TAGS = frozenset({"TY", "ER", "ID"})
