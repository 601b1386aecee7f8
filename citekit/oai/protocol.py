"""The OAI-PMH 2.0 protocol, as much of it as harvesting needs: ListMetadataFormats and ListRecords
with resumption tokens, deleted records and the protocol's errors.

A small client of our own on citekit's HTTP client (retries, Retry-After, cache, the injectable
clock), rather than Sickle or oaipmh-scythe: Sickle fetches with requests and oaipmh-scythe with
its own httpx2 client and its own retry loop that sleeps on the real clock, so neither could use
citekit's client without replacing the part that does the fetching, which is most of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from citekit.errors import CitekitError
from citekit.formats import xmlsafe
from citekit.model import Location
from citekit.net.client import HttpClient, Response

OAI_NAMESPACE = "http://www.openarchives.org/OAI/2.0/"
_OAI = f"{{{OAI_NAMESPACE}}}"

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
    """One ListRecords answer: the answer itself (its records are read as a saved page would be),
    how many records it holds and how many of them are deleted, and how to ask for the next page."""

    source: str  # the address that answered
    content: bytes
    records: int = 0
    deleted: int = 0
    token: str = ""
    complete_size: int | None = None


def _answer(client: HttpClient, base: str, params: dict[str, str]) -> tuple[Response, Any]:
    """The answer to a request and its OAI-PMH root; an OaiError for an ``<error>`` answer."""
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
    return answer, root


def metadata_formats(client: HttpClient, base: str) -> dict[str, str]:
    """The repository's metadata formats: prefix -> namespace."""
    root = _answer(client, base, {"verb": "ListMetadataFormats"})[1]
    out = {}
    for item in root.iter(_OAI + "metadataFormat"):
        prefix = item.findtext(_OAI + "metadataPrefix") or ""
        out[prefix.strip()] = (item.findtext(_OAI + "metadataNamespace") or "").strip()
    return out


def choose_format(offered: dict[str, str]) -> str:
    """The prefix of the first format of the registry (MODS before Dublin Core) that the repository
    offers, known by its namespace; a CitekitError when citekit reads none of them."""
    from citekit import formats

    by_namespace = {namespace.rstrip("/"): prefix for prefix, namespace in offered.items()}
    for fmt in formats.FORMATS.values():
        prefix = by_namespace.get(fmt.namespace.rstrip("/")) if fmt.readable and fmt.namespace else None
        if prefix is not None:
            return prefix
    listed = ", ".join(sorted(offered)) or "none"
    raise CitekitError(f"the repository offers no metadata format citekit reads (it offers: {listed})")


def list_records(client: HttpClient, base: str, params: dict[str, str], token: str = "") -> Iterator[Page]:
    """Every page of ListRecords, following resumption tokens to the end; starts at ``token`` if given."""
    while True:
        request = (
            {"verb": "ListRecords", "resumptionToken": token} if token else {"verb": "ListRecords", **params}
        )
        answer, root = _answer(client, base, request)
        page = Page(answer.url, answer.content)
        listing = root.find(_OAI + "ListRecords")
        for header in listing.iter(_OAI + "header") if listing is not None else ():
            page.records += 1
            page.deleted += header.get("status") == "deleted"
        resumption = listing.find(_OAI + "resumptionToken") if listing is not None else None
        if resumption is not None:
            page.token = (resumption.text or "").strip()
            size = resumption.get("completeListSize")
            page.complete_size = int(size) if size and size.isdecimal() else None
        yield page
        if not page.token:
            return
        token = page.token
