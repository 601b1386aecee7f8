"""A generated OAI-PMH repository for tests and the benchmark (data we wrote, in Pure's MODS shape).

``Repository(n, page_size)`` answers ListRecords over ``n`` generated MODS records, ``page_size`` a
page, with resumption tokens ``page:K`` and ``completeListSize``; it can be told to fail a page
(``fail_page``: 503 once, or with an OAI error). ``page_records`` gives the same records as a MODS
collection per page, the files a harvest must agree with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from tests.net.server import Answer

OAI_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    "<responseDate>2026-01-01T00:00:00Z</responseDate>\n"
)
MODS_NS = 'xmlns:mods="http://www.loc.gov/mods/v3"'
_TYPES = (
    ("contributiontojournal/article", "Journal of Generated Results"),
    ("contributiontoconference/paper", "Proceedings of the Generated Conference"),
    ("contributiontobookanthology/chapter", "The Book of Generated Chapters"),
)
_FAMILIES = ("Smith", "van der Berg", "García", "Øster", "Nakamura", "O'Neill")


def mods_record(number: int) -> str:
    """Record ``number`` as Pure writes MODS (mods: prefix, role codes, genre as a type URI)."""
    kind, host = _TYPES[number % len(_TYPES)]
    family = _FAMILIES[number % len(_FAMILIES)]
    year = 1990 + number % 35
    names = "".join(
        f'<mods:name type="personal"><mods:namePart type="family">{escape(f)}</mods:namePart>'
        f'<mods:namePart type="given">{g}</mods:namePart><mods:role>'
        f'<mods:roleTerm authority="marcrelator" type="code">aut</mods:roleTerm></mods:role></mods:name>'
        for f, g in ((family, f"Ann {number % 7}"), (_FAMILIES[(number + 1) % 6], "Bo"))
    )
    return (
        f'<mods:mods {MODS_NS} version="3.5">'
        f"<mods:titleInfo><mods:title>Generated finding {number}</mods:title>"
        f"<mods:subTitle>a study of case {number % 97}</mods:subTitle></mods:titleInfo>"
        f"{names}<mods:typeOfResource>text</mods:typeOfResource>"
        f"<mods:genre>/dk/atira/pure/researchoutput/researchoutputtypes/{kind}</mods:genre>"
        f'<mods:originInfo><mods:dateIssued encoding="w3cdtf">{year}-{1 + number % 12:02d}</mods:dateIssued>'
        "</mods:originInfo>"
        '<mods:language><mods:languageTerm type="code" authority="iso639-2b">eng</mods:languageTerm></mods:language>'
        f"<mods:abstract>Finding {number} is described in one sentence.</mods:abstract>"
        f"<mods:subject><mods:topic>topic {number % 11}</mods:topic></mods:subject>"
        f'<mods:relatedItem type="host"><mods:titleInfo><mods:title>{host}</mods:title></mods:titleInfo>'
        '<mods:identifier type="issn">0028-0836</mods:identifier>'
        f'<mods:part><mods:detail type="volume"><mods:number>{number % 50 + 1}</mods:number></mods:detail>'
        f'<mods:extent unit="page"><mods:start>{number % 300 + 1}</mods:start>'
        f"<mods:end>{number % 300 + 12}</mods:end></mods:extent></mods:part></mods:relatedItem>"
        f'<mods:identifier type="doi">10.5555/generated.{number}</mods:identifier>'
        f"<mods:location><mods:url>https://research.example.ac.uk/en/publications/{number}</mods:url>"
        "</mods:location></mods:mods>"
    )


def oai_error(code: str, message: str) -> bytes:
    return (
        OAI_HEAD
        + f'<request verb="ListRecords"/>\n<error code="{code}">{escape(message)}</error>\n</OAI-PMH>\n'
    ).encode()


@dataclass
class Repository:
    """ListRecords over ``count`` generated records; one page may be made to fail."""

    count: int
    page_size: int = 100
    deleted_every: int = 0
    fail_page: int = 0
    failure: Answer | None = None
    failures_left: int = 0
    requests: list[dict[str, str]] = field(default_factory=list)

    def pages(self) -> int:
        return -(-self.count // self.page_size)

    def page_numbers(self, page: int) -> range:
        return range(page * self.page_size, min(self.count, (page + 1) * self.page_size))

    def page_records(self, page: int) -> str:
        """The records of a page as a MODS collection file (deleted ones left out)."""
        body = "\n".join(mods_record(n) for n in self.page_numbers(page) if not self._deleted(n))
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<mods:modsCollection {MODS_NS}>\n{body}\n</mods:modsCollection>\n'

    def _deleted(self, number: int) -> bool:
        return bool(self.deleted_every) and number % self.deleted_every == self.deleted_every - 1

    def list_records(self, page: int) -> bytes:
        parts = [
            OAI_HEAD,
            '<request verb="ListRecords" metadataPrefix="mods">https://example/ws/oai</request>\n<ListRecords>\n',
        ]
        for number in self.page_numbers(page):
            identifier = f"oai:research.example.ac.uk:publications/{number:08d}"
            if self._deleted(number):
                parts.append(
                    f'<record><header status="deleted"><identifier>{identifier}</identifier>'
                    "<datestamp>2025-06-01T00:00:00Z</datestamp></header></record>\n"
                )
                continue
            parts.append(
                f"<record><header><identifier>{identifier}</identifier><datestamp>2025-06-01T00:00:00Z</datestamp>"
                f"<setSpec>publications:all</setSpec></header><metadata>{mods_record(number)}</metadata></record>\n"
            )
        token = f"page:{page + 1}" if page + 1 < self.pages() else ""
        cursor = page * self.page_size
        parts.append(
            f'<resumptionToken completeListSize="{self.count}" cursor="{cursor}">{token}</resumptionToken>\n'
        )
        parts.append("</ListRecords>\n</OAI-PMH>\n")
        return "".join(parts).encode()

    def __call__(self, path: str, query: dict[str, str]) -> Answer | None:
        self.requests.append(query)
        verb = query.get("verb")
        if verb == "ListMetadataFormats":
            return Answer(200, LIST_METADATA_FORMATS)
        if verb != "ListRecords":
            return Answer(200, oai_error("badVerb", "Illegal verb"))
        token = query.get("resumptionToken", "")
        if token and not token.startswith("page:"):
            return Answer(200, oai_error("badResumptionToken", "The token is unknown or expired"))
        page = int(token.split(":")[1]) if token else 0
        if self.fail_page and page == self.fail_page - 1 and self.failures_left and self.failure:
            self.failures_left -= 1
            return self.failure
        return Answer(200, self.list_records(page))


LIST_METADATA_FORMATS = (
    OAI_HEAD
    + '<request verb="ListMetadataFormats">https://research.example.ac.uk/ws/oai</request>\n<ListMetadataFormats>\n'
    + "".join(
        f"<metadataFormat><metadataPrefix>{p}</metadataPrefix><schema>{s}</schema>"
        f"<metadataNamespace>{n}</metadataNamespace></metadataFormat>\n"
        for p, s, n in (
            (
                "oai_dc",
                "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                "http://www.openarchives.org/OAI/2.0/oai_dc/",
            ),
            ("mods", "http://www.loc.gov/standards/mods/v3/mods-3-5.xsd", "http://www.loc.gov/mods/v3"),
            (
                "oai_cerif_openaire",
                "https://www.openaire.eu/schema/cris/1.2/openaire-cerif-profile.xsd",
                "https://www.openaire.eu/cerif-profile/1.2/",
            ),
        )
    )
    + "</ListMetadataFormats>\n</OAI-PMH>\n"
).encode()
