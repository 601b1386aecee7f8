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
    # Older layouts and other renderings of the same table.
    "State": "status",
    "Language": "language",
    "Supervisor": "supervisor",
    "Supervisors": "supervisor",
    "Keywords / Materials (for Non-textual outputs)": "keyword",
}

# The same labels in the other languages Pure portals are shown in (Danish, Dutch, German, Swedish,
# Finnish, Norwegian): label -> the English label it stands for. Taken from the portals'
# localisations; no captured page in these languages was at hand to check them against.
TRANSLATED_LABELS: dict[str, str] = {
    # Danish
    "Originalsprog": "Original language",
    "Sider (fra-til)": "Pages (from-to)",
    "Sider": "Pages",
    "Antal sider": "Number of pages",
    "Tidsskrift": "Journal",
    "Bind": "Volume",
    "Udgave": "Edition",
    "Artikelnummer": "Article number",
    "Udgivelsesstatus": "Publication status",
    "Tidlig onlinedato": "Early online date",
    "Titel på værtspublikation": "Title of host publication",
    "Undertitel på værtspublikation": "Subtitle of host publication",
    "Redaktører": "Editors",
    "Forlag": "Publisher",
    "Udgivelsessted": "Place of Publication",
    "ISBN (Trykt)": "ISBN (Print)",
    "ISBN (Elektronisk)": "ISBN (Electronic)",
    "Emneord": "Keywords",
    "Bibliografisk note": "Bibliographical note",
    "Serie": "Publication series",
    "Konference": "Conference",
    # Dutch
    "Oorspronkelijke taal": "Original language",
    "Originele taal-2": "Original language",
    "Pagina's (van-tot)": "Pages (from-to)",
    "Pagina's": "Pages",
    "Aantal pagina's": "Number of pages",
    "Tijdschrift": "Journal",
    "Nummer": "Issue number",
    "Artikelnummer (van)": "Article number",
    "Vroegere onlinedatum": "Early online date",
    "Titel gastpublicatie": "Title of host publication",
    "Subtitel gastpublicatie": "Subtitle of host publication",
    "Redacteuren": "Editors",
    "Uitgeverij": "Publisher",
    "Plaats van productie": "Place of Publication",
    "Trefwoorden": "Keywords",
    "Bibliografische notitie": "Bibliographical note",
    "Publicatiereeks": "Publication series",
    "Congres": "Conference",
    # German
    "Originalsprache": "Original language",
    "Seiten (von - bis)": "Pages (from-to)",
    "Seiten (von-bis)": "Pages (from-to)",
    "Seiten": "Pages",
    "Seitenumfang": "Number of pages",
    "Fachzeitschrift": "Journal",
    "Zeitschrift": "Journal",
    "Jahrgang": "Volume",
    "Band": "Volume",
    "Ausgabenummer": "Issue number",
    "Publikationsstatus": "Publication status",
    "Frühes Online-Datum": "Early online date",
    "Titel des Sammelwerks": "Title of host publication",
    "Untertitel des Sammelwerks": "Subtitle of host publication",
    "Herausgeber (Verlag)": "Publisher",
    "Verlag": "Publisher",
    "Herausgeber*innen": "Editors",
    "Erscheinungsort": "Place of Publication",
    "Auflage": "Edition",
    "Schlagwörter": "Keywords",
    "Schriftenreihe": "Publication series",
    "Veranstaltung": "Conference",
    # Swedish
    "Originalspråk": "Original language",
    "Sidor (från-till)": "Pages (from-to)",
    "Sidor": "Pages",
    "Antal sidor": "Number of pages",
    "Tidskrift": "Journal",
    "Volym": "Volume",
    "Status": "Publication status",
    "Värdpublikationens titel": "Title of host publication",
    "Redaktörer": "Editors",
    "Förlag": "Publisher",
    "Utgivningsort": "Place of Publication",
    "Nyckelord": "Keywords",
    "Konferens": "Conference",
    # Finnish
    "Alkuperäiskieli": "Original language",
    "Sivut": "Pages",
    "Sivumäärä": "Number of pages",
    "Lehti": "Journal",
    "Vuosikerta": "Volume",
    "Numero": "Issue number",
    "Artikkelinumero": "Article number",
    "Tila": "Publication status",
    "Emojulkaisun otsikko": "Title of host publication",
    "Toimittajat": "Editors",
    "Kustantaja": "Publisher",
    "Julkaisupaikka": "Place of Publication",
    "Avainsanat": "Keywords",
    "Konferenssi": "Conference",
    # Norwegian
    "Sider (fra–til)": "Pages (from-to)",
    "Antall sider": "Number of pages",
    "Tidsskrift/serie": "Journal",
    "Volum": "Volume",
    "Redaktører (bok)": "Editors",
    "Utgiver": "Publisher",
    "Emneord (nb)": "Keywords",
}
LABELS |= {foreign: LABELS[english] for foreign, english in TRANSLATED_LABELS.items()}

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
# Block labels in the other languages: label -> the English label.
TRANSLATED_BLOCK_LABELS: dict[str, dict[str, str]] = {
    "series": {
        "Navn": "Name",
        "Naam": "Name",
        "Namn": "Name",
        "Nimi": "Name",
        "Bind": "Volume",
        "Band": "Volume",
    },
    "conference": {
        "Konference": "Conference",
        "Congres": "Conference",
        "Konferenz": "Conference",
        "Konferens": "Conference",
        "Konferenssi": "Conference",
        "Land": "Country/Territory",
        "Land/Område": "Country/Territory",
        "Land/Gebied": "Country/Territory",
        "Land/Gebiet": "Country/Territory",
        "Maa/Alue": "Country/Territory",
        "By": "City",
        "Stad": "City",
        "Stadt": "City",
        "Kaupunki": "City",
        "Periode": "Period",
        "Zeitraum": "Period",
        "Period": "Period",
        "Ajanjakso": "Period",
    },
}
for _block, _names in TRANSLATED_BLOCK_LABELS.items():
    BLOCK_LABELS[_block] |= {foreign: BLOCK_LABELS[_block][english] for foreign, english in _names.items()}

# Every label text, longest first, so that "Pages (from-to)" wins over "Pages" and
# "Publication status" over "Published".
ALL_LABELS: tuple[str, ...] = tuple(
    sorted(
        set(LABELS) | {label for block in BLOCK_LABELS.values() for label in block},
        key=len,
        reverse=True,
    )
)

# What a type breadcrumb starts with, in English and the other languages (lower case, no colon).
BREADCRUMB_HEADS = (
    "research output",
    "student thesis",
    "forskningsoutput",
    "forskningsresultat",
    "onderzoeksoutput",
    "forschungsoutput",
    "tutkimustuotos",
    "studenteropgave",
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
    "chapterinbookconferenceproceedingreport": "chapter",
    "chapterinbookconferenceproceeding": "chapter",
    "chaptersconferencepaperscreativeandliteraryworks": "chapter",
    "publicationsinrefereedjournal": "article-journal",
    "contributiontospecialistpublication": "article-magazine",
    "contributiontonewspaper": "article-newspaper",
    "chaptersandconferencepaperswithproceedings": "paper-conference",
    "chapterorsectioninabookreportconferenceproceeding": "chapter",
    "doctoralthesis": "thesis",
    "mastersthesis": "thesis",
    # Danish, Dutch, German, Swedish, Finnish
    "bidragtiltidsskrift": "article-journal",
    "bidragtilbogantologirapportproceeding": "chapter",
    "bidragtilbogantologirapportkonferenceproceeding": "chapter",
    "bogantologiafhandlingrapport": "book",
    "bijdrageaantijdschrift": "article-journal",
    "hoofdstukinboekrapportcongresprocedure": "chapter",
    "boekrapport": "book",
    "beitraginfachzeitschrift": "article-journal",
    "beitraginbuchsammelwerkkonferenzband": "chapter",
    "buchsammelwerkgutachten": "book",
    "bidragtilltidskrift": "article-journal",
    "kapitelibokrapportkonferenshandling": "chapter",
    "artikkeli": "article-journal",
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
    "chapterorsection": ("chapter", ""),
    "conferencearticlepublishedinproceedingorbook": ("paper-conference", ""),
    "conferencepaperpublishedinproceeding": ("paper-conference", ""),
    "rgc32refereedconferencepaperwithhostpublication": ("paper-conference", ""),
    "rgc21publicationinrefereedjournal": ("article-journal", ""),
    "journalarticle": ("article-journal", ""),
    "conferencepaper": ("paper-conference", ""),
    "conferencepaperpublishedinabook": ("paper-conference", ""),
    "conferencepaperpublishedinconferenceproceedings": ("paper-conference", ""),
    "conferencepaperpublishedinproceedings": ("paper-conference", ""),
    "phd": ("thesis", "Doctoral thesis"),
    "doctoralthesisphd": ("thesis", "Doctoral thesis"),
    # Danish, Dutch, German, Swedish, Finnish
    "tidsskriftartikel": ("article-journal", ""),
    "konferenceartikelitidsskrift": ("article-journal", ""),
    "konferenceartikelinproceedings": ("paper-conference", ""),
    "bidragtilbogantologi": ("chapter", ""),
    "artikel": ("article-journal", ""),
    "hoofdstuk": ("chapter", ""),
    "congresbijdrage": ("paper-conference", ""),
    "artikelivetenskapligtidskrift": ("article-journal", ""),
    "aufsatzinkonferenzband": ("paper-conference", ""),
    "beitraginsammelwerk": ("chapter", ""),
    "tieteellinen": ("article-journal", ""),
}
# Subtypes printed after the type family alone (``Student thesis: Doctoral Thesis › PhD``) that say
# the type and genre by themselves.
THESIS_TYPES: dict[str, tuple[str, str]] = {
    "doctoralthesis": ("thesis", "Doctoral thesis"),
    "mastersthesis": ("thesis", "Master's thesis"),
    "masterthesis": ("thesis", "Master's thesis"),
}
# Words that may follow the subtype in a breadcrumb and say nothing about the type.
BREADCRUMB_TAILS = (
    "research",
    "academic",
    "academicresearch",
    "peerreview",
    "nonpeerreview",
    "scientific",
    "professional",
    "forskning",
    "fagfællebedømt",
    "fagfaellebedomt",
    "wetenschappelijk",
    "begutachtung",
    "vertaisarvioitu",
)

# Publication-status words in the other languages -> the English status (lower case).
TRANSLATED_STATUSES: dict[str, str] = {
    "udgivet": "published",
    "gepubliceerd": "published",
    "veröffentlicht": "published",
    "publicerad": "published",
    "julkaistu": "published",
    "publisert": "published",
    "e-pub forud for trykning": "e-pub ahead of print",
    "e-pub ahead of print": "e-pub ahead of print",
    "accepteret/in press": "accepted/in press",
    "geaccepteerd/in press": "accepted/in press",
    "angenommen/im druck": "accepted/in press",
}

# Month words of the other languages -> the English abbreviation (dates such as ``3 jun. 2019``,
# ``März 2020``, ``1 mei 2021``, ``lokakuu 2019``).
MONTH_WORDS: dict[str, str] = {
    "januar": "jan",
    "januari": "jan",
    "janvier": "jan",
    "tammikuu": "jan",
    "februar": "feb",
    "februari": "feb",
    "helmikuu": "feb",
    "marts": "mar",
    "maart": "mar",
    "märz": "mar",
    "mars": "mar",
    "mrt": "mar",
    "maaliskuu": "mar",
    "huhtikuu": "apr",
    "mai": "may",
    "mei": "may",
    "maj": "may",
    "toukokuu": "may",
    "juni": "jun",
    "kesäkuu": "jun",
    "juli": "jul",
    "heinäkuu": "jul",
    "augusti": "aug",
    "elokuu": "aug",
    "syyskuu": "sep",
    "oktober": "oct",
    "okt": "oct",
    "lokakuu": "oct",
    "marraskuu": "nov",
    "dezember": "dec",
    "desember": "dec",
    "dez": "dec",
    "joulukuu": "dec",
}

# Headings that open the abstract.
ABSTRACT_HEADINGS = frozenset(
    {
        "abstract",
        "abstract (may include machine translation)",
        "resumé",
        "samenvatting",
        "zusammenfassung",
        "sammanfattning",
        "tiivistelmä",
        "sammendrag",
    }
)

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
abstract
outputs
research infrastructure
skip to main navigation
online availability
library availability
related links
asjc scopus subject areas
un sdgs
projects
view full fingerprint
keyphrases
citations (scopus)
open access
plum print visual indicator of research metrics
see details
related content
projects per year
project: research
active
authors
persons""".splitlines()
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
        r"^\d+\s+citations?\s*\((?:scopus|web of science|scival|crossref)\)",
        r"^citations?\s*\(",
        r"^link to (?:publication|the citations) in\b",
        r"^(?:skip to|search content at)\b",
        r"^projects?\s*\(\d+\)$",
        r"^\d+\s+(?:captures|readers|mentions)\b",
        r"^this output contributes to\b",
        r"^(?:file|type|licen[cs]e):",
        r"\bcorresponding author\b",
        r"^view (?:full )?fingerprint",
        r"^(?:check out this research output|discover\b.*\bfull text)",
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
        "online availability",
        "library availability",
        "related links",
        "asjc scopus subject areas",
        "un sdgs",
        "projects",
        "research output per year",
        "related content",
        "activities",
        "press/media",
        "datasets",
        "prizes",
        "impacts",
        "student theses",
        "keyphrases",
    }
)

# Words that make a header line an organisation unit (a department under the authors), never a person.
ORGANISATION_WORDS = re.compile(
    r"\b(?:department|dept\.|school|faculty|institute|institut|instituut|university|universit(?:y|ät|eit|et|at|à)|"
    r"college|centre|center|laboratory|laboratories|division|chair of|hospital|academy|"
    r"graduate program|research group|research unit)\b",
    re.IGNORECASE,
)

# Keys of the front matter that saving tools write; a line ``key: value`` of these is never a title or a name.
FRONT_MATTER_KEYS = frozenset(
    [
        "title",
        "date",
        "url",
        "extractor",
        "author",
        "authors",
        "description",
        "resource",
        "tags",
        "type",
        "source",
        "fetched_at",
        "content_hash",
        "lang",
        "language",
        "sitename",
        "hostname",
        "categories",
        "license",
        "id",
        "fingerprint",
        "filedate",
        "image",
        "pagetype",
        "published",
        "modified",
    ]
)
