"""The OAI-PMH 2.0 protocol, as much of it as harvesting needs: ListMetadataFormats and ListRecords
with resumption tokens, deleted records and the protocol's errors.

A small client of our own on citekit's HTTP client (retries, Retry-After, cache, the injectable
clock), rather than Sickle or oaipmh-scythe: Sickle fetches with requests and oaipmh-scythe with
its own httpx2 client and its own retry loop that sleeps on the real clock, so neither could use
citekit's client without replacing the part that does the fetching, which is most of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from citekit.errors import CitekitError
from citekit.formats import xmlsafe
from citekit.model import Location
from citekit.net.client import HttpClient

OAI_NAMESPACE = "http://www.openarchives.org/OAI/2.0/"
_OAI = f"{{{OAI_NAMESPACE}}}"
MODS_NAMESPACE = "http://www.loc.gov/mods/v3"

# What to tell a user for each OAI-PMH error code.
ADVICE = {
    "noRecordsMatch": "no records match; check --set, --from and --until",
    "badResumptionToken": "the server no longer knows where the harvest stopped; harvest again without --resume",
    "cannotDisseminateFormat": "the repository does not offer this metadata format; see its formats with --metadata list",
    "badArgument": "the repository refused the request's arguments; check --set, --from and --until (YYYY-MM-DD)",
    "noSetHierarchy": "the repository has no sets; leave out --set",
    "badVerb": "this is not an OAI-PMH address; give the repository's OAI-PMH base URL (…/ws/oai, …/cgi/oai2, …/oai/request)",
}


class OaiError(CitekitError):
    """An error the repository answered with (``<error code="…">``), or an answer that is not OAI-PMH."""

    def __init__(self, code: str, message: str, location: Location | None = None) -> None:
        advice = ADVICE.get(code, "")
        said = f" ({message})" if message and message.lower() not in advice.lower() else ""
        super().__init__(f"OAI-PMH {code}{said}" + (f"; {advice}" if advice else ""), location)
        self.code = code


@dataclass
class Page:
    """One ListRecords answer: its records (header, metadata element), the deleted ones, and how
    to ask for the next page."""

    records: list[tuple[str, Any]] = field(default_factory=list)
    deleted: int = 0
    token: str = ""
    complete_size: int | None = None


def _answer(client: HttpClient, base: str, params: dict[str, str]) -> Any:
    """The OAI-PMH root of the answer to a request; an OaiError for an ``<error>`` answer."""
    answer = client.get(base, params)
    try:
        root, problems = xmlsafe.parse(answer.content, base)
    except CitekitError as exc:
        raise OaiError("badAnswer", f"the answer is not XML: {exc.message}", Location(base)) from None
    if problems or xmlsafe.local(root) != "OAI-PMH":
        found = problems[0].message if problems else f"the answer is <{xmlsafe.local(root)}>, not OAI-PMH"
        raise OaiError("badAnswer", found, Location(base))
    error = root.find(_OAI + "error")
    if error is not None:
        raise OaiError(error.get("code") or "error", xmlsafe.text(error), Location(base))
    return root


def metadata_formats(client: HttpClient, base: str) -> dict[str, str]:
    """The repository's metadata formats: prefix -> namespace."""
    root = _answer(client, base, {"verb": "ListMetadataFormats"})
    out = {}
    for item in root.iter(_OAI + "metadataFormat"):
        prefix = item.findtext(_OAI + "metadataPrefix") or ""
        out[prefix.strip()] = (item.findtext(_OAI + "metadataNamespace") or "").strip()
    return out


def choose_format(formats: dict[str, str]) -> str:
    """MODS when the repository offers it (by prefix or namespace), else ``oai_dc``."""
    for prefix, namespace in formats.items():
        if prefix.lower() == "mods" or namespace.rstrip("/") == MODS_NAMESPACE:
            return prefix
    return "oai_dc"


def list_records(client: HttpClient, base: str, params: dict[str, str], token: str = "") -> Iterator[Page]:
    """Every page of ListRecords, following resumption tokens to the end; starts at ``token`` if given."""
    while True:
        request = (
            {"verb": "ListRecords", "resumptionToken": token} if token else {"verb": "ListRecords", **params}
        )
        root = _answer(client, base, request)
        page = Page()
        listing = root.find(_OAI + "ListRecords")
        for record in listing.iter(_OAI + "record") if listing is not None else ():
            header = record.find(_OAI + "header")
            if header is not None and header.get("status") == "deleted":
                page.deleted += 1
                continue
            identifier = (header.findtext(_OAI + "identifier") if header is not None else "") or base
            metadata = record.find(_OAI + "metadata")
            page.records.append((identifier.strip(), metadata))
        resumption = listing.find(_OAI + "resumptionToken") if listing is not None else None
        if resumption is not None:
            page.token = (resumption.text or "").strip()
            size = resumption.get("completeListSize")
            page.complete_size = int(size) if size and size.isdigit() else None
        yield page
        if not page.token:
            return
        token = page.token
