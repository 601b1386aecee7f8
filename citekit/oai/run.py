"""Harvesting a repository into records: OAI-PMH pages read into the spool, resumable.

Each page is read as the same page saved to a file would be (``read_page``): the format its
content shows reads it. Writing the records is ``citekit.harvest``'s (``citekit/harvesting.py``),
through the export's writing path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from citekit.errors import CitekitError, Problem
from citekit.formats import ReadResult
from citekit.model import Location
from citekit.net.client import HttpClient
from citekit.oai import protocol
from citekit.oai.protocol import Page
from citekit.oai.spool import Spool, State, remove, resume_state, state_folder

# The element a record's metadata opens with (``<metadata><mods:mods …>``): named when unreadable.
_METADATA = re.compile(r"<(?:[\w.-]+:)?metadata>\s*<([\w.:-]+)")


@dataclass(frozen=True)
class Request:
    """What to harvest: the repository, the metadata format and the selection."""

    base: str
    metadata: str
    set: str = ""
    start: str = ""  # OAI-PMH "from"
    until: str = ""
    output: str = ""  # the output the harvest is for: its state is kept apart from other outputs'

    def params(self) -> dict[str, str]:
        found = {"metadataPrefix": self.metadata, "set": self.set, "from": self.start, "until": self.until}
        return {k: v for k, v in found.items() if v}

    def key(self) -> dict[str, str]:
        return {"base": self.base, **self.params(), "output": self.output}

    def folder_key(self) -> dict[str, str]:
        """What names the state folder: the request less its metadata format, so that --resume
        finds it without asking the repository which formats it offers."""
        return {k: v for k, v in self.key().items() if k != "metadataPrefix"}


def resumed_metadata(request: Request, cache: Path) -> str:
    """The metadata format an interrupted harvest of this request used ("" when there is none)."""
    state = State.load(state_folder(cache, request.folder_key()) / "state.json")
    return state.request.get("metadataPrefix", "") if state else ""


class Interrupted(CitekitError):
    """A harvest that stopped part-way; what it read is kept for ``--resume``."""


def read_page(page: Page) -> ReadResult:
    """The records of one ListRecords page, read as the same page saved as a file is: by the format
    its content shows (MODS, Dublin Core: an XML format with a namespace); deleted records have none."""
    from citekit import formats, inputs, stages

    if page.records == page.deleted:
        return ReadResult()
    text, problems = inputs.decode(page.content, page.source)
    fmt = formats.sniff(text)
    if not fmt.namespace:
        found = _METADATA.search(text)
        readable = ", ".join(f.name for f in formats.FORMATS.values() if f.readable and f.namespace)
        message = (
            f"the records are <{found.group(1) if found else '?'}>, a metadata format citekit cannot "
            f"read; harvest with --metadata naming one it reads ({readable}; see --metadata list)"
        )
        return ReadResult(problems=[*problems, Problem(Location(page.source), message, "error")])
    result = stages.read_text(text, fmt, page.source)
    result.problems[:0] = problems
    return result


@dataclass
class Progress:
    records: int
    pages: int
    complete_size: int | None


def harvest(
    request: Request,
    client: HttpClient,
    cache: Path,
    resume: bool = False,
    on_page: Callable[[Progress], object] | None = None,
) -> tuple[Spool, State]:
    """Harvest every page into a spool (resuming an interrupted harvest when ``resume``).

    Raises ``Interrupted`` when a page fails after others were read (the state is kept), and the
    error itself when the first page fails."""
    folder = state_folder(cache, request.folder_key())
    state_path = folder / "state.json"
    if resume:
        state = resume_state(folder, request.key())
    else:
        remove(folder)
        state = State(request=request.key())
    spool = Spool(path=folder / "spool.pickle")
    spool.open(state.spool_bytes)
    if state.done:  # read whole before; only the output was not written
        return spool, state
    try:
        for page in protocol.list_records(client, request.base, request.params(), state.token):
            read = read_page(page)
            state.spool_bytes = spool.append(read.records, read.problems)
            state.token = page.token
            state.pages += 1
            state.records += len(read.records)
            state.deleted += page.deleted
            state.complete_size = page.complete_size or state.complete_size
            state.save(state_path)
            if on_page is not None:
                on_page(Progress(state.records, state.pages, state.complete_size))
    except CitekitError as exc:
        if state.pages == 0:
            remove(folder)
            raise
        raise Interrupted(
            f"{exc}; stopped after {state.records} record(s) in {state.pages} page(s), which are kept: "
            "run the same command with --resume to go on"
        ) from exc
    state.done = True
    state.save(state_path)
    return spool, state


def finish(request: Request, cache: Path) -> None:
    """Forget a harvest whose output was written."""
    remove(state_folder(cache, request.folder_key()))
