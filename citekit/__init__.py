"""citekit: research-portal pages, BibTeX, RIS and CSL-JSON in; every format and CSL style out.

The public API::

    import citekit
    result = citekit.load(["records/"])            # files, folders, or "-" for stdin
    print(citekit.dump(result.records, "bibtex"))  # bibtex, ris, csljson
    for line in citekit.render(result.records, "apa"):
        print(line)
    citekit.export(["refs.bib"], "ris", output="refs.ris")  # what `citekit export` does
    citekit.inspect(["page.txt"]).records[0].remarks          # what `citekit show` says
    citekit.harvest("https://research.example.ac.uk/ws/oai", "ris", output="all.ris")  # `citekit harvest`

Each is the pipeline's stages put together (``citekit.stages``: read → clean → key → write or
render). Heavy modules (citeproc-py, lxml, bibtexparser) are imported on first use, not here.
"""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing (and collections.abc) would double what `citekit
# --version` costs. Type checkers read this block; Python skips it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from citekit.csl.document import Document
    from citekit.errors import CitekitError, ExitStatus, Problem
    from citekit.exporting import ExportResult, export
    from citekit.formats.base import ReadResult
    from citekit.formats.losses import Loss
    from citekit.harvesting import HarvestResult, harvest
    from citekit.inspection import Inspected, Inspection, inspect
    from citekit.model import Date, Location, Name, Record

__version__ = "0.1.0"

# The public names defined in other modules, imported when first used: `citekit --version` imports
# this package and nothing else, and a script using one function pays only for that one.
_LAZY = {
    "Document": "citekit.csl.document",
    "CitekitError": "citekit.errors",
    "ExitStatus": "citekit.errors",
    "Problem": "citekit.errors",
    "ExportResult": "citekit.exporting",
    "export": "citekit.exporting",
    "ReadResult": "citekit.formats.base",
    "Loss": "citekit.formats.losses",
    "HarvestResult": "citekit.harvesting",
    "harvest": "citekit.harvesting",
    "Inspected": "citekit.inspection",
    "Inspection": "citekit.inspection",
    "inspect": "citekit.inspection",
    "Date": "citekit.model",
    "Location": "citekit.model",
    "Name": "citekit.model",
    "Record": "citekit.model",
}


def __getattr__(name: str) -> Any:
    import importlib

    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'citekit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CitekitError",
    "Date",
    "Document",
    "ExitStatus",
    "ExportResult",
    "HarvestResult",
    "Inspected",
    "Inspection",
    "Location",
    "Loss",
    "Name",
    "Problem",
    "ReadResult",
    "Record",
    "__version__",
    "cite",
    "dump",
    "export",
    "harvest",
    "inspect",
    "load",
    "loads",
    "losses",
    "render",
]


def load(inputs: str | Iterable[str], from_format: str | None = None, raw: bool = False) -> ReadResult:
    """Read records from files, folders (recursively) or ``"-"`` (stdin).

    Nothing is raised for a bad file or record: it is reported in ``result.problems``
    (``problem.is_error``) and every good record is still returned, each with a unique id.
    ``raw`` keeps portal text exactly as given (no clean-up steps), like ``--raw``.
    """
    from citekit import inputs as _inputs
    from citekit import pipeline

    files = list(_inputs.expand([inputs] if isinstance(inputs, str) else inputs))
    return pipeline.load(files, from_format, raw)


def loads(text: str, format: str | None = None, source: str = "<string>", raw: bool = False) -> ReadResult:
    """Read records from a string in ``format`` (None: the one its content shows, as for stdin);
    raises CitekitError if it holds none. ``raw`` keeps portal text exactly as given (no clean-up steps)."""
    from citekit import formats, stages

    fmt = formats.get(format) if format else formats.sniff(text)
    result = stages.read_text(text, fmt, source, raw)
    result.records = stages.key(result.records)
    return result


def dump(records: Sequence[Record], format: str, ascii: bool = False) -> str:
    """Write records as ``bibtex``, ``biblatex``, ``ris`` or ``csljson`` text.

    Fields the format cannot carry are left out; ``losses`` says which. ``ascii`` writes
    BibTeX/BibLaTeX accents as LaTeX commands (and CSL-JSON with ``\\uXXXX`` escapes).
    """
    from citekit import formats, stages

    fmt = formats.get(format)
    if not fmt.writable:
        raise CitekitError(f"citekit cannot write {fmt.title}")
    return stages.write(records, fmt, ascii)


def losses(records: Sequence[Record], format: str) -> list[Loss]:
    """The fields of each record that ``dump(records, format)`` drops or writes only in part."""
    from citekit import formats
    from citekit.formats.losses import find_losses

    return find_losses(records, formats.get(format))


def render(
    records: Sequence[Record], style: str = "apa", locale: str | None = None, markup: str = "text"
) -> list[str]:
    """Format records as a bibliography in a CSL style (a short name such as ``apa`` or
    ``vancouver``, a CSL repository id, or a ``.csl`` path), sorted as the style sorts them."""
    from citekit import stages

    return stages.render(records, style, locale, markup)


def cite(
    records: Sequence[Record],
    keys: str | Sequence[str],
    style: str = "apa",
    locale: str | None = None,
    markup: str = "text",
) -> str:
    """One in-text citation of the records with ``keys`` (their ids), cited together:
    ``cite(records, ["dalgarno2019crucible"], "apa")`` -> ``(Dalgarno & Oates, 2019)``. Each call
    is a document of its own: for several citations in order (numbers, "Ibid.", positions) use
    ``Document``."""
    from citekit.csl.cite import citation

    return citation(records, [keys] if isinstance(keys, str) else list(keys), style, locale, markup)
