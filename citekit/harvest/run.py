"""Harvesting a repository into records: OAI-PMH pages read into the spool, resumable.

``harvest`` is the library function the ``citekit harvest`` command calls; writing the output is
left to the command (the same writers and output options as ``export``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citekit.errors import CitekitError, Problem
from citekit.formats import xmlsafe
from citekit.harvest import oai
from citekit.harvest.spool import Spool, State, remove, resume_state, state_folder
from citekit.model import Location, Record
from citekit.net.client import HttpClient

_DC = "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"


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


def to_record(identifier: str, metadata: Any) -> tuple[Record | None, list[Problem]]:
    """One OAI-PMH record's metadata (MODS anywhere inside it, or oai_dc) as a Record."""
    location = Location(identifier)
    if metadata is not None:
        mods = next(iter(metadata.iter("{*}mods", "mods")), None)
        if mods is not None:
            from citekit.formats.mods.read import to_record as mods_record

            record, warnings = mods_record(mods, location)
            return record, [Problem(location, w) for w in warnings]
        dc = next(iter(metadata.iter(_DC)), None)
        if dc is not None:
            from citekit.formats.dc.read import to_record as dc_record

            record, warnings = dc_record(dc, location)
            return record, [Problem(location, w) for w in warnings]
    inside = next((xmlsafe.local(e) for e in metadata), "nothing") if metadata is not None else "nothing"
    message = f"the metadata is <{inside}>, which citekit cannot read; harvest with --metadata mods or oai_dc"
    return None, [Problem(location, message, "error")]


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
        for page in oai.list_records(client, request.base, request.params(), state.token):
            records: list[Record] = []
            problems: list[Problem] = []
            for identifier, metadata in page.records:
                record, found = to_record(identifier, metadata)
                problems += found
                if record is not None:
                    records.append(record)
            state.spool_bytes = spool.append(records, problems)
            state.token = page.token
            state.pages += 1
            state.records += len(records)
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
