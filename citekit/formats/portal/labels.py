"""The vocabulary of research-portal (Elsevier Pure) pages, as data.

Which labels exist and what they mean, which breadcrumbs name which CSL type, and which
lines are page furniture. ``scan.py`` and ``build.py`` hold the parsing; this module holds no logic.
"""

from __future__ import annotations

import re

# Label as printed on the page -> the slot it fills. Slots are CSL variables where one fits;
# the others are resolved by the reader (dates, status, name lists, identifiers).
LABELS: dict[str, str] = {
    "Original language": "language",
    "Publication status": "status",
    "DOIs": "DOI",
    "DOI": "DOI",
    "Digital Object Identifiers (DOIs)": "DOI",
    "Keywords": "keyword",
    "Bibliographical note": "note",
    "Externally published": "externally-published",
    "Number of pages": "number-of-pages",
    "Journal": "container-title",
    "Volume": "volume",
    "Issue number": "issue",
    "Issue": "issue",
    "Pages (from-to)": "page",
    "Pages": "page",
    "Article number": "number",
    "Early online date": "available-date",
    "ISSN": "ISSN",
    "Accepted/In press": "accepted-date",
    "E-pub ahead of print": "available-date",
    "Published": "issued",
    "Title of host publication": "container-title",
    "Subtitle of host publication": "container-subtitle",
    "Editors": "editor",
    "Publisher": "publisher",
    "Place of Publication": "publisher-place",
    "Place of publication": "publisher-place",
    "ISBN (Print)": "ISBN",
    "ISBN (Electronic)": "ISBN-electronic",
    "ISBN": "ISBN",
    "Edition": "edition",
    "Qualification": "genre",
    "Awarding Institution": "publisher",
    "Supervisors/Advisors": "supervisor",
    "Award date": "issued",
    "Date of Award": "issued",
    "Publication series": "block:series",
    "Conference": "block:conference",
}

# Labels that take a meaning of their own inside a block (after "Publication series" or
# "Conference"); the block ends at the first label it does not know.
BLOCK_LABELS: dict[str, dict[str, str]] = {
    "series": {
        "Name": "collection-title",
        "Volume": "collection-number",
        "ISSN (Print)": "series-ISSN",
        "ISSN (Electronic)": "series-ISSN",
        "Publisher": "series-publisher",
    },
    "conference": {
        "Conference": "event-title",
        "Abbreviated title": "event-short",
        "Country/Territory": "event-country",
        "Country": "event-country",
        "City": "event-city",
        "Period": "event-date",
        "Duration": "event-date",
        "Dates": "event-date",
        "Internet address": "event-url",
    },
}

# Every label text, longest first, so that "Pages (from-to)" wins over "Pages" and
# "Publication status" over "Published".
ALL_LABELS: tuple[str, ...] = tuple(
    sorted(
        set(LABELS) | {label for block in BLOCK_LABELS.values() for label in block},
        key=len,
        reverse=True,
    )
)

# Type breadcrumbs. Compared with letters and digits only, lower-cased, so that
# "Contribution to journal › Article" and the glued "Contribution to journalArticle" agree.
OUTPUT_TYPES: dict[str, str] = {
    "contributiontojournal": "article-journal",
    "chapterinbookreportconferenceproceeding": "chapter",
    "conferencepaperpublishedinabook": "paper-conference",
    "bookanthologydissertationreport": "book",
    "bookreport": "book",
    "contributiontoconference": "paper-conference",
    "workingpaper": "report",
    "thesis": "thesis",
    "otherreport": "report",
}

# Subtype -> (CSL type, genre). The subtype decides where it is known.
OUTPUT_SUBTYPES: dict[str, tuple[str, str]] = {
    "article": ("article-journal", ""),
    "reviewarticle": ("article-journal", ""),
    "letter": ("article-journal", ""),
    "editorial": ("article-journal", ""),
    "commentdebate": ("article-journal", ""),
    "bookfilmarticlereview": ("review", ""),
    "conferencearticle": ("article-journal", ""),
    "meetingabstract": ("article-journal", ""),
    "specialissue": ("article-journal", ""),
    "chapter": ("chapter", ""),
    "conferencecontribution": ("paper-conference", ""),
    "entryforencyclopediadictionary": ("entry-encyclopedia", ""),
    "forewordpostscript": ("chapter", ""),
    "book": ("book", ""),
    "anthology": ("book", ""),
    "report": ("report", ""),
    "commissionedreport": ("report", "Commissioned report"),
    "paper": ("paper-conference", ""),
    "poster": ("paper-conference", "Poster"),
    "abstract": ("paper-conference", "Abstract"),
    "workingpaper": ("report", "Working paper"),
    "discussionpaper": ("report", "Discussion paper"),
    "preprint": ("article", "Preprint"),
    "doctoralthesis": ("thesis", "Doctoral thesis"),
    "mastersthesis": ("thesis", "Master's thesis"),
}
# Words that may follow the subtype in a breadcrumb and say nothing about the type.
BREADCRUMB_TAILS = ("research", "academic", "peerreview", "nonpeerreview", "scientific", "professional")

# Publication-status values; only these statuses become a CSL ``status``.
STATUS_TERMS: dict[str, str] = {
    "accepted/in press": "in press",
    "in preparation": "in preparation",
    "submitted": "submitted",
}

# Publication-status values whose date is a date of the record -> its CSL date variable.
STATUS_DATES: dict[str, str] = {
    "published": "issued",
    "e-pub ahead of print": "available-date",
    "accepted/in press": "accepted-date",
}

# Fields a record of a type usually has, beyond title, authors and date: (CSL variable, what
# the warning calls it when the page does not give it).
MISSING_BY_TYPE: dict[str, tuple[tuple[str, str], ...]] = {
    "article-journal": (("container-title", "journal"),),
    "chapter": (("container-title", "host publication"),),
    "thesis": (("publisher", "awarding institution"),),
    "book": (("publisher", "publisher"),),
}

# Whole lines that are page furniture (compared lower-cased).
FURNITURE_LINES = frozenset(
    """research portal
research explorer
skip to main content
skip to search
home
profiles
research output
research units
research units and groups
organisations
projects
activities
prizes
press/media
datasets
impacts
equipment
student theses
search by expertise, name or affiliation
cite this
apa
author
bibtex
harvard
standard
ris
vancouver
overview
fingerprint
documents
download statistics
no data available
view graph of relations
access to document
links
other files and links
sustainable development goals
powered by pure, scopus & elsevier fingerprint engine™
accept cookies
cookie settings
log in to pure
contact us
report vulnerability
accessibility
privacy
about web accessibility
research output per year
unavailable
final published version
accepted author manuscript
licence: cc by
licence: cc by-nc
link to publication in scopus
link to the citations in scopus
abstract""".splitlines()
)

FURNITURE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\d+\s+(?:scopus\s+|web of science\s+)?citations?\b",
        r"^\d+\s+downloads?\b",
        r"^\d+(?:\.\d+)?\s*%$",
        r"©|\bcopyright\b",
        r"\bcookies?\b",
        r"^tel\b|\btel\s*\+",
        r"^sdg\s*\d",
        r"^dive into the research topics",
        r"^[\w'’ .-]+ authors$",
        r"^research output:\s*$",
        r"^(?:prev|next|previous|back to top)$",
        r"^pdf\b.*\b(?:kb|mb)\b",
    )
)

# Headings whose following lines are page furniture until the next label or heading.
FURNITURE_SECTIONS = frozenset(
    {
        "fingerprint",
        "documents",
        "download statistics",
        "cite this",
        "sustainable development goals",
        "access to document",
        "links",
        "other files and links",
    }
)
