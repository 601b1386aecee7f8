"""``citekit.harvest``: a whole repository (or a set of it) over OAI-PMH, written as ``citekit.export``
writes: to any data format or CSL style, on stdout, in a file or one file per record in a folder.

The harvest reads every page into a spool on disk (``citekit.oai``: bounded memory, resumable);
keys are then made over all records at once (``stages.key_ids``) and the records are written
through the export's writing path (``exporting.Output``), so a harvest writes what exporting the
same pages saved as files writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from citekit.errors import CitekitError, Problem
from citekit.exporting import Output, Progress, no_progress
from citekit.formats.losses import Loss

if TYPE_CHECKING:
    from citekit.net.client import HttpClient
    from citekit.oai.spool import Spool

# OAI-PMH dates: a day, or a moment in UTC.
_OAI_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$")


class PageUpdate(Protocol):
    def __call__(self, records: int, pages: int, total: int | None) -> None: ...


# ``pages(label)``: a context in which the harvest tells, after each page, the records and pages so
# far and the repository's announced total (``citekit.console.harvest_progress``).
PageProgress = Callable[[str], AbstractContextManager[PageUpdate]]


@contextmanager
def no_page_progress(label: str) -> Iterator[PageUpdate]:
    """Page progress that shows nothing: the default."""
    yield lambda records, pages, total: None


@dataclass
class HarvestResult:
    """What a harvest read and wrote."""

    records: int  # harvested (deleted ones left out), and written
    pages: int
    deleted: int
    metadata: str  # the metadata format harvested (its OAI-PMH prefix)
    problems: list[Problem] = field(default_factory=list)
    # What the output format could not carry of each record (data formats only).
    losses: list[Loss] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> bool:
        """Whether some record could not be read: the rest was still written."""
        return any(p.is_error for p in self.problems)


def harvest(
    base_url: str,
    format: str | None = None,
    *,
    set: str | None = None,
    start: str | None = None,
    until: str | None = None,
    metadata: str | None = None,
    output: str | Path | None = None,
    output_dir: str | Path | None = None,
    locale: str | None = None,
    markup: str = "text",
    ascii: bool = False,
    jobs: int = 1,
    losses: bool = True,
    resume: bool = False,
    retries: int = 5,
    mailto: str | None = None,
    refresh: bool = False,
    progress: Progress = no_progress,
    pages: PageProgress = no_page_progress,
    on_read: Callable[[HarvestResult], object] | None = None,
) -> HarvestResult:
    """Harvest the repository at ``base_url`` (its OAI-PMH address) and write its records.

    ``set``, ``start`` and ``until`` (``YYYY-MM-DD``) select records; ``metadata`` is the metadata
    format's prefix (default: the first the repository offers that citekit reads, MODS before Dublin
    Core). Resumption tokens are followed to the end and deleted records skipped. Pages are fetched
    through the cache (``refresh`` fetches again), ``retries`` times again when one fails, with
    ``mailto`` as the contact servers are given. An interrupted harvest raises CitekitError and keeps
    what it read: the same call with ``resume`` goes on from there.

    ``format``, ``output``, ``output_dir``, ``locale``, ``markup``, ``ascii``, ``jobs``, ``losses``
    and ``progress`` are ``citekit.export``'s. ``pages(label)`` counts the pages as they come;
    ``on_read`` is called with the result once everything is harvested, before anything is written.
    """
    from dataclasses import replace

    from citekit.net.cache import cache_dir
    from citekit.net.client import HttpClient, Settings
    from citekit.oai import protocol, run

    for name, value in (("--from", start), ("--until", until)):
        if value and not _OAI_DATE.match(value):
            raise CitekitError(f"{name} {value!r} is not a date; give YYYY-MM-DD (or YYYY-MM-DDThh:mm:ssZ)")
    out = Output.checked(format, output, output_dir, locale, markup, ascii, jobs, progress)
    cache = cache_dir()
    target = out.output or out.folder
    request = run.Request(
        base_url, "", set or "", start or "", until or "", str(target.resolve()) if target else "-"
    )
    with HttpClient(Settings.given(mailto, refresh, retries)) as client:
        prefix = metadata or (run.resumed_metadata(request, cache) if resume else "")
        if not prefix:
            prefix = protocol.choose_format(protocol.metadata_formats(client, base_url))
        request = replace(request, metadata=prefix)
        with pages("harvesting") as update:
            try:
                spool, state = run.harvest(
                    request, client, cache, resume, lambda p: update(p.records, p.pages, p.complete_size)
                )
            except protocol.OaiError as exc:
                if exc.code != "cannotDisseminateFormat":
                    raise
                raise _not_offered(exc, prefix, client, base_url) from None
    result = HarvestResult(len(spool), state.pages, state.deleted, prefix, spool.problems)
    if on_read is not None:
        on_read(result)
    if result.records:
        result.written, result.losses = _write(out, spool, losses)
        run.finish(request, cache)
    return result


def _not_offered(error: CitekitError, prefix: str, client: HttpClient, base_url: str) -> CitekitError:
    """A metadata format the repository does not offer: its formats listed, the nearest suggested
    (prefixes are the repository's names, matched exactly as OAI-PMH says: ``MODS`` is not ``mods``).
    ``error``, the repository's own answer, when it will not list its formats either."""
    from citekit.choosing import did_you_mean
    from citekit.oai import protocol

    try:
        offered = sorted(protocol.metadata_formats(client, base_url))
    except CitekitError:
        return error
    return CitekitError(
        f"the repository does not offer this metadata format, {prefix!r}; it offers "
        + (", ".join(offered) or "none")
        + did_you_mean(prefix, offered),
        error.location,
    )


def _write(out: Output, spool: Spool, losses: bool) -> tuple[list[Path], list[Loss]]:
    """The harvested records written as the export writes records read from files: keys unique over
    all of them, data streamed a page at a time, styles and one file per record loaded."""
    from citekit import stages
    from citekit.formats.losses import find_losses

    keys = stages.key_ids(spool.ids, spool.base)
    fmt = out.fmt if losses else None
    if out.streams:
        written = out.write_packed(spool, keys)
        found = [loss for batch in spool.records(keys) for loss in find_losses(batch, fmt)] if fmt else []
        return written, found
    records = [record for batch in spool.records(keys) for record in batch]
    return out.write_records(records), find_losses(records, fmt) if fmt else []


def metadata_formats(
    base_url: str, retries: int = 5, mailto: str | None = None, refresh: bool = False
) -> dict[str, str]:
    """The metadata formats the repository at ``base_url`` offers: OAI-PMH prefix -> namespace."""
    from citekit.net.client import HttpClient, Settings
    from citekit.oai import protocol

    with HttpClient(Settings.given(mailto, refresh, retries)) as client:
        return protocol.metadata_formats(client, base_url)
