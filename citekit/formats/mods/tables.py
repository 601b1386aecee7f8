"""How MODS (and Dublin Core type words) map to CSL, as data: genres, roles, identifiers, parts.

Reading looks terms up lower-cased; writing uses the vocabularies bibutils reads (MARC genre terms
and bibutils' own), so that other MODS readers recognise citekit's output.
"""

from __future__ import annotations

MODS_NAMESPACE = "http://www.loc.gov/mods/v3"
# The authority citekit writes the exact CSL type under, read back before any other genre.
CSL_AUTHORITY = "csl"
# The genre ``type`` that carries CSL's own ``genre`` variable ("PhD thesis", "Working paper").
CSL_GENRE_TYPE = "csl-genre"

# A genre or type term (lower case) -> CSL type; None: a term that says nothing about the type
# (peer review, versions). Keys with a prefix come from URIs (see ``genre_key``):
#   eu-repo:  info:eu-repo/semantics/...      (OpenAIRE, SURF; Pure and DSpace in Europe)
#   coar:     http://purl.org/coar/resource_type/c_...   (COAR resource types)
#   pure:     /dk/atira/pure/researchoutput/researchoutputtypes/...  (Elsevier Pure)
GENRES: dict[str, str | None] = {
    # MARC genre terms (marcgt) and bibutils' terms (bibutilsgt)
    "journal article": "article-journal",
    "academic journal": "article-journal",
    "periodical": "article-journal",
    "article": "article-journal",
    "journal": "article-journal",
    "magazine article": "article-magazine",
    "magazine": "article-magazine",
    "newspaper article": "article-newspaper",
    "newspaper": "article-newspaper",
    "book": "book",
    "monograph": "book",
    "edited book": "book",
    "collection": "book",
    "instruction": "book",
    "book chapter": "chapter",
    "book section": "chapter",
    "book part": "chapter",
    "chapter": "chapter",
    "chapter in book": "chapter",
    "conference publication": "paper-conference",
    "conference paper": "paper-conference",
    "conference proceeding": "paper-conference",
    "conference proceedings": "paper-conference",
    "conference or workshop item": "paper-conference",
    "conference contribution": "paper-conference",
    "conference object": "paper-conference",
    "proceedings": "paper-conference",
    "technical report": "report",
    "report": "report",
    "research report": "report",
    "working paper": "report",
    "thesis": "thesis",
    "ph.d. thesis": "thesis",
    "phd thesis": "thesis",
    "doctoral thesis": "thesis",
    "masters thesis": "thesis",
    "master thesis": "thesis",
    "master's thesis": "thesis",
    "bachelor thesis": "thesis",
    "dissertation": "thesis",
    "unpublished": "manuscript",
    "manuscript": "manuscript",
    "preprint": "article",
    "web page": "webpage",
    "web site": "webpage",
    "webpage": "webpage",
    "database": "dataset",
    "dataset": "dataset",
    "data set": "dataset",
    "research data": "dataset",
    "computer program": "software",
    "software": "software",
    "patent": "patent",
    "review": "review",
    "book review": "review-book",
    "encyclopedia": "entry-encyclopedia",
    "dictionary": "entry-dictionary",
    "map": "map",
    "picture": "graphic",
    "image": "graphic",
    "video": "motion_picture",
    "motion picture": "motion_picture",
    "sound": "song",
    "audio": "song",
    "speech": "speech",
    "lecture": "speech",
    "presentation": "speech",
    "letter": "letter",
    "interview": "interview",
    "legal case and case notes": "legal_case",
    "law report or digest": "legal_case",
    "legislation": "legislation",
    "standard": "standard",
    "miscellaneous": "document",
    "other": "document",
    "peerreviewed": None,
    "nonpeerreviewed": None,
    "text": None,
    # EPrints and DSpace type names not above
    "journal article (paginated)": "article-journal",
    "journal article (unpaginated)": "article-journal",
    "review article": "article-journal",
    "conference paper / talk": "paper-conference",
    "conference poster": "paper-conference",
    "artefact": "document",
    "exhibition": "document",
    "composition": "musical_score",
    "performance": "performance",
    "teaching resource": "document",
    # Zotero item types (its MODS export writes them as local genres)
    "journalarticle": "article-journal",
    "magazinearticle": "article-magazine",
    "newspaperarticle": "article-newspaper",
    "booksection": "chapter",
    "conferencepaper": "paper-conference",
    "encyclopediaarticle": "entry-encyclopedia",
    "dictionaryentry": "entry-dictionary",
    # info:eu-repo/semantics/
    "eu-repo:article": "article-journal",
    "eu-repo:contributiontoperiodical": "article-magazine",
    "eu-repo:book": "book",
    "eu-repo:bookpart": "chapter",
    "eu-repo:conferenceobject": "paper-conference",
    "eu-repo:conferencepaper": "paper-conference",
    "eu-repo:conferenceposter": "paper-conference",
    "eu-repo:conferenceproceedings": "book",
    "eu-repo:doctoralthesis": "thesis",
    "eu-repo:masterthesis": "thesis",
    "eu-repo:bachelorthesis": "thesis",
    "eu-repo:report": "report",
    "eu-repo:workingpaper": "report",
    "eu-repo:preprint": "article",
    "eu-repo:review": "review",
    "eu-repo:lecture": "speech",
    "eu-repo:annotation": "document",
    "eu-repo:patent": "patent",
    "eu-repo:other": "document",
    "eu-repo:publishedversion": None,
    "eu-repo:acceptedversion": None,
    "eu-repo:submittedversion": None,
    "eu-repo:draft": None,
    "eu-repo:updatedversion": None,
    # COAR resource types
    "coar:c_6501": "article-journal",
    "coar:c_2df8fbb1": "article-journal",
    "coar:c_dcae04bc": "article-journal",
    "coar:c_3e5a": "article-journal",
    "coar:c_545b": "letter",
    "coar:c_b239": "article-journal",
    "coar:c_998f": "article-newspaper",
    "coar:c_efa0": "review",
    "coar:c_ba08": "review-book",
    "coar:c_2f33": "book",
    "coar:c_3248": "chapter",
    "coar:c_5794": "paper-conference",
    "coar:c_c94f": "paper-conference",
    "coar:c_6670": "paper-conference",
    "coar:c_f744": "book",
    "coar:c_46ec": "thesis",
    "coar:c_db06": "thesis",
    "coar:c_bdcc": "thesis",
    "coar:c_7a1f": "thesis",
    "coar:c_93fc": "report",
    "coar:c_8042": "report",
    "coar:c_816b": "article",
    "coar:c_ddb1": "dataset",
    "coar:c_5ce6": "software",
    "coar:c_15cd": "patent",
    "coar:c_1843": "document",
    # Elsevier Pure research-output types (the path after .../researchoutputtypes/)
    "pure:contributiontojournal/article": "article-journal",
    "pure:contributiontojournal/review": "review",
    "pure:contributiontojournal/systematicreview": "article-journal",
    "pure:contributiontojournal/letter": "letter",
    "pure:contributiontojournal/editorial": "article-journal",
    "pure:contributiontojournal/editorialnote": "article-journal",
    "pure:contributiontojournal/shortsurvey": "article-journal",
    "pure:contributiontojournal/comment": "article-journal",
    "pure:contributiontojournal/conferencearticle": "paper-conference",
    "pure:contributiontojournal/bookfilmarticlereview": "review-book",
    "pure:contributiontospecialistpublication/article": "article-magazine",
    "pure:contributiontospecialistpublication/review": "review",
    "pure:contributiontoconference/paper": "paper-conference",
    "pure:contributiontoconference/poster": "paper-conference",
    "pure:contributiontoconference/abstract": "paper-conference",
    "pure:contributiontoconference/other": "paper-conference",
    "pure:contributiontobookanthology/chapter": "chapter",
    "pure:contributiontobookanthology/conference": "paper-conference",
    "pure:contributiontobookanthology/foreword": "chapter",
    "pure:contributiontobookanthology/entry": "entry-encyclopedia",
    "pure:contributiontobookanthology/other": "chapter",
    "pure:bookanthology/book": "book",
    "pure:bookanthology/anthology": "book",
    "pure:bookanthology/commissioned_report": "report",
    "pure:bookanthology/commissioned": "report",
    "pure:bookanthology/report": "report",
    "pure:bookanthology/scholarlyedition": "book",
    "pure:workingpaper/workingpaper": "report",
    "pure:workingpaper/preprint": "article",
    "pure:thesis/doc": "thesis",
    "pure:thesis/doctoral": "thesis",
    "pure:thesis/master": "thesis",
    "pure:thesis/bachelor": "thesis",
    "pure:thesis/other": "thesis",
    "pure:nontextual/digitalorvisualproducts": "graphic",
    "pure:nontextual/database": "dataset",
    "pure:nontextual/software": "software",
    "pure:other/other": "document",
    "pure:other/report": "report",
    "pure:patent/patent": "patent",
    "pure:memorandum/academicmemorandum": "report",
}

# typeOfResource -> CSL type, when no genre says more.
RESOURCE_TYPES: dict[str, str] = {
    "text": "document",
    "software, multimedia": "software",
    "cartographic": "map",
    "still image": "graphic",
    "moving image": "motion_picture",
    "sound recording": "song",
    "sound recording-musical": "song",
    "sound recording-nonmusical": "song",
    "notated music": "musical_score",
    "three dimensional object": "document",
    "mixed material": "document",
}

# Writing: CSL type -> (the item's genres as (authority, term), the host's genres, typeOfResource).
# The terms are bibutils' and MARC's, which xml2bib and library systems read.
_JOURNAL_HOST = (("marcgt", "periodical"), ("bibutilsgt", "academic journal"))
WRITE_GENRES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], str]] = {
    "article-journal": ((("bibutilsgt", "journal article"),), _JOURNAL_HOST, "text"),
    "review": ((("marcgt", "review"),), _JOURNAL_HOST, "text"),
    "review-book": ((("marcgt", "review"),), _JOURNAL_HOST, "text"),
    "article-magazine": (
        (("bibutilsgt", "magazine article"),),
        (("marcgt", "periodical"), ("bibutilsgt", "magazine")),
        "text",
    ),
    "article-newspaper": ((("bibutilsgt", "newspaper article"),), (("marcgt", "newspaper"),), "text"),
    "book": ((("marcgt", "book"),), (), "text"),
    "chapter": ((("bibutilsgt", "book chapter"),), (("marcgt", "book"),), "text"),
    "paper-conference": ((), (("marcgt", "conference publication"),), "text"),
    "report": ((("marcgt", "technical report"),), (), "text"),
    "thesis": ((("marcgt", "thesis"),), (), "text"),
    "manuscript": ((("bibutilsgt", "unpublished"),), (), "text"),
    "article": ((("bibutilsgt", "unpublished"),), (), "text"),
    "webpage": ((("bibutilsgt", "web page"),), (), "text"),
    "dataset": ((("marcgt", "database"),), (), "software, multimedia"),
    "software": ((("marcgt", "computer program"),), (), "software, multimedia"),
    "patent": ((("marcgt", "patent"),), (), "text"),
    "entry-encyclopedia": ((), (("marcgt", "encyclopedia"),), "text"),
    "entry-dictionary": ((), (("marcgt", "dictionary"),), "text"),
    "map": ((("marcgt", "map"),), (), "cartographic"),
    "graphic": ((("marcgt", "picture"),), (), "still image"),
    "motion_picture": ((("marcgt", "motion picture"),), (), "moving image"),
    "song": ((), (), "sound recording"),
    "musical_score": ((), (), "notated music"),
    "speech": ((("marcgt", "speech"),), (), "text"),
}
# Types whose container is a host relatedItem (journal, book, proceedings, encyclopedia).
HOSTED_TYPES = frozenset(
    {
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "review",
        "review-book",
        "chapter",
        "paper-conference",
        "entry",
        "entry-encyclopedia",
        "entry-dictionary",
        "post",
        "post-weblog",
    }
)
# Types where an "issue" is the issue of a periodical: a part detail of type "number" is its issue.
PERIODICAL_TYPES = frozenset(
    {"article-journal", "article-magazine", "article-newspaper", "review", "review-book", "periodical"}
)
# Types whose editors are the editors of the host (the book a chapter is in), not of the work.
HOST_EDITOR_TYPES = frozenset(
    {"chapter", "paper-conference", "entry", "entry-encyclopedia", "entry-dictionary"}
)
# Types whose ISBN is the host's (the book a chapter is in).
HOST_ISBN_TYPES = HOST_EDITOR_TYPES

# A role (MARC relator term or code, lower case) -> CSL name variable; None: a role CSL has no
# variable for (reported, not kept). "degree grantor" and "publisher" are institutions, read as
# the publisher.
ROLES: dict[str, str | None] = {
    "author": "author",
    "aut": "author",
    "creator": "author",
    "cre": "author",
    "editor": "editor",
    "edt": "editor",
    "editor of compilation": "editor",
    "edc": "editor",
    "translator": "translator",
    "trl": "translator",
    "compiler": "compiler",
    "com": "compiler",
    "contributor": "contributor",
    "ctb": "contributor",
    "illustrator": "illustrator",
    "ill": "illustrator",
    "interviewer": "interviewer",
    "ivr": "interviewer",
    "addressee": "recipient",
    "recipient": "recipient",
    "rcp": "recipient",
    "composer": "composer",
    "cmp": "composer",
    "director": "director",
    "drt": "director",
    "film director": "director",
    "fmd": "director",
    "curator": "curator",
    "cur": "curator",
    "producer": "producer",
    "pro": "producer",
    "narrator": "narrator",
    "nrt": "narrator",
    "performer": "performer",
    "prf": "performer",
    "organizer": "organizer",
    "organizer of meeting": "organizer",
    "orm": "organizer",
    "host": "host",
    "hst": "host",
    "degree grantor": "publisher",
    "degree granting institution": "publisher",
    "dgg": "publisher",
    "publisher": "publisher",
    "pbl": "publisher",
    "thesis advisor": None,
    "ths": None,
    "degree supervisor": None,
    "dgs": None,
    "opponent": None,
    "opn": None,
    "funder": None,
    "fnd": None,
    "sponsor": None,
    "spn": None,
}
# Writing: CSL name variable -> the MARC relator term written for it.
WRITE_ROLES: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "compiler": "compiler",
    "contributor": "contributor",
    "illustrator": "illustrator",
    "interviewer": "interviewer",
    "recipient": "addressee",
    "composer": "composer",
    "director": "director",
    "curator": "curator",
    "producer": "producer",
    "narrator": "narrator",
    "performer": "performer",
    "organizer": "organizer",
    "host": "host",
}

# An identifier's type (lower case) -> CSL variable. DOIs and URLs are kept in full elsewhere.
IDENTIFIERS: dict[str, str] = {
    "isbn": "ISBN",
    "eisbn": "ISBN",
    "pisbn": "ISBN",
    "issn": "ISSN",
    "eissn": "ISSN",
    "pissn": "ISSN",
    "issn-l": "ISSN",
    "pmid": "PMID",
    "pubmed": "PMID",
    "pmcid": "PMCID",
    "pmc": "PMCID",
    "report-number": "number",
    "report number": "number",
}
DOI_TYPES = frozenset({"doi"})
URL_TYPES = frozenset({"uri", "url"})
HANDLE_TYPES = frozenset({"hdl", "handle"})
# A record's own key: bibutils writes it as identifier type="citekey".
KEY_TYPES = frozenset({"citekey"})
# Identifiers that hold a whole citation (DSpace's dc.identifier.citation): parsed for the container.
CITATION_TYPES = frozenset({"citation"})

# part/detail type (lower case) -> CSL variable ("number" is the issue of a periodical).
DETAILS: dict[str, str] = {
    "volume": "volume",
    "issue": "issue",
    "number": "number",
    "chapter": "chapter-number",
    "part": "part-number",
    "page": "page",  # bibutils writes a single page this way
}

# A termsOfAddress that is a generational suffix, not an honorific ("prof", "Sir").
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd", "jnr", "snr"})

# ISO 639-2 codes (the ones MODS uses, authority iso639-2b) -> the two-letter codes CSL uses.
LANGUAGE_CODES: dict[str, str] = {
    "eng": "en",
    "ger": "de",
    "deu": "de",
    "fre": "fr",
    "fra": "fr",
    "spa": "es",
    "ita": "it",
    "dut": "nl",
    "nld": "nl",
    "dan": "da",
    "swe": "sv",
    "nor": "no",
    "nob": "nb",
    "fin": "fi",
    "por": "pt",
    "pol": "pl",
    "rus": "ru",
    "wel": "cy",
    "cym": "cy",
    "chi": "zh",
    "zho": "zh",
    "jpn": "ja",
    "kor": "ko",
    "lat": "la",
    "gre": "el",
    "ell": "el",
    "cze": "cs",
    "ces": "cs",
    "hun": "hu",
    "tur": "tr",
    "ara": "ar",
    "heb": "he",
    "gle": "ga",
    "ice": "is",
    "isl": "is",
    "est": "et",
    "lit": "lt",
    "lav": "lv",
    "slv": "sl",
    "slo": "sk",
    "slk": "sk",
    "hrv": "hr",
    "srp": "sr",
    "rum": "ro",
    "ron": "ro",
    "bul": "bg",
    "ukr": "uk",
    "cat": "ca",
    "baq": "eu",
    "eus": "eu",
    "glg": "gl",
}

_PREFIXES = (
    ("info:eu-repo/semantics/", "eu-repo:"),
    ("http://purl.org/coar/resource_type/", "coar:"),
    ("https://purl.org/coar/resource_type/", "coar:"),
    ("/dk/atira/pure/researchoutput/researchoutputtypes/", "pure:"),
)


def genre_key(term: str) -> str:
    """A genre term as GENRES holds it: lower case, one space, URIs as ``prefix:tail``."""
    key = " ".join(term.split()).lower()
    for uri, prefix in _PREFIXES:
        at = key.find(uri.lower())
        if at >= 0:
            return prefix + key[at + len(uri) :].strip("/")
    return key


def genre_type(term: str) -> str | None:
    """The CSL type a genre or type term names, or None."""
    return GENRES.get(genre_key(term))


def known_genre(term: str) -> bool:
    """True when GENRES holds the term (even as saying nothing about the type)."""
    return genre_key(term) in GENRES


# Genres of a host relatedItem (lower case) -> the CSL type of the work inside it.
HOST_GENRES: dict[str, str] = {
    "periodical": "article-journal",
    "academic journal": "article-journal",
    "journal": "article-journal",
    "magazine": "article-magazine",
    "newspaper": "article-newspaper",
    "book": "chapter",
    "collection": "chapter",
    "conference publication": "paper-conference",
    "proceedings": "paper-conference",
    "encyclopedia": "entry-encyclopedia",
    "dictionary": "entry-dictionary",
}
# A host relatedItem that is the event, not a publication (displayLabel or genre, lower case).
EVENT_WORDS = frozenset({"conference", "event", "meeting"})

# CSL 1.0.2 item types: a genre under the "csl" authority is read as the type only if it is one.
CSL_TYPES = frozenset(
    {
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    }
)
