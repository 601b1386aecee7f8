"""EndNote XML's elements and reference types as CSL variables and types, as data."""

from __future__ import annotations

# ref-type name -> CSL type; the number stands in when the name is missing (EndNote's numbering).
TYPES: dict[str, str] = {
    "journal article": "article-journal",
    "electronic article": "article-journal",
    "magazine article": "article-magazine",
    "newspaper article": "article-newspaper",
    "book": "book",
    "edited book": "book",
    "electronic book": "book",
    "book section": "chapter",
    "electronic book section": "chapter",
    "conference proceedings": "paper-conference",
    "conference paper": "paper-conference",
    "report": "report",
    "government document": "report",
    "thesis": "thesis",
    "web page": "webpage",
    "dataset": "dataset",
    "computer program": "software",
    "patent": "patent",
    "manuscript": "manuscript",
    "unpublished work": "manuscript",
    "encyclopedia": "entry-encyclopedia",
    "dictionary": "entry-dictionary",
    "map": "map",
    "film or broadcast": "motion_picture",
    "personal communication": "personal_communication",
    "case": "legal_case",
    "statute": "legislation",
    "bill": "bill",
    "hearing": "hearing",
    "standard": "standard",
    "generic": "document",
}
TYPE_NUMBERS: dict[str, str] = {
    "17": "journal article",
    "6": "book",
    "28": "edited book",
    "5": "book section",
    "10": "conference proceedings",
    "47": "conference paper",
    "27": "report",
    "32": "thesis",
    "12": "web page",
    "13": "generic",
    "25": "patent",
    "9": "computer program",
}
# Types whose secondary title is a series (a book's, a report's), not a container.
SERIES_TYPES = frozenset({"book", "edited book", "electronic book", "report", "government document"})
# Types whose secondary title is an academic department: no CSL variable.
DEPARTMENT_TYPES = frozenset({"thesis"})
# Types whose authors are editors.
EDITED_TYPES = frozenset({"edited book"})
# contributors/<list>/<name> -> CSL name variable.
CONTRIBUTORS: dict[str, str] = {
    "authors": "author",
    "secondary-authors": "editor",
    "tertiary-authors": "collection-editor",
    "subsidiary-authors": "translator",
    "translated-authors": "translator",
}
# Element path (below <record>) -> CSL variable; the first found for a variable counts.
TEXT_PATHS: tuple[tuple[str, str], ...] = (
    ("titles/title", "title"),
    ("titles/short-title", "title-short"),
    ("titles/secondary-title", "container-title"),
    ("periodical/full-title", "container-title"),
    ("titles/tertiary-title", "collection-title"),
    ("periodical/abbr-1", "container-title-short"),
    ("titles/alt-title", "container-title-short"),
    ("pages", "page"),
    ("volume", "volume"),
    ("number", "issue"),
    ("edition", "edition"),
    ("section", "section"),
    ("num-vols", "number-of-volumes"),
    ("publisher", "publisher"),
    ("pub-location", "publisher-place"),
    ("work-type", "genre"),
    ("electronic-resource-num", "DOI"),
    ("language", "language"),
    ("abstract", "abstract"),
    ("urls/related-urls/url", "URL"),
    ("urls/web-urls/url", "URL"),
)
# Types whose <number> is the report's or the work's number, not an issue.
NUMBER_TYPES = frozenset({"report", "government document", "patent", "generic", "thesis"})
# Elements that only describe the EndNote library, not the work: never reported as unused.
HOUSEKEEPING = frozenset({"database", "source-app", "rec-number", "foreign-keys", "key", "ref-type", "style"})
