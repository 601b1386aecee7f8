"""citekit: research-portal pages, BibTeX, RIS and CSL-JSON in; every format and CSL style out.

The public API::

    import citekit
    result = citekit.load(["records/"])            # files, folders, or "-" for stdin
    print(citekit.dump(result.records, "bibtex"))  # bibtex, ris, csljson
    for line in citekit.render(result.records, "apa"):
        print(line)

Heavy modules (citeproc-py, lxml, bibtexparser) are imported on first use, not here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from citekit.errors import CitekitError, ExitStatus, Problem
from citekit.formats.base import ReadResult
from citekit.formats.losses import Loss
from citekit.model import Date, Location, Name, Record

__version__ = "0.1.0"

__all__ = [
    "CitekitError",
    "Date",
    "ExitStatus",
    "Location",
    "Loss",
    "Name",
    "Problem",
    "ReadResult",
    "Record",
    "__version__",
    "cite",
    "dump",
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

    items = [inputs] if isinstance(inputs, str) else inputs
    if raw:
        from citekit.normalize.raw import raw_text

        with raw_text():
            return _inputs.load(items, from_format)
    return _inputs.load(items, from_format)


def loads(text: str, format: str = "portal", source: str = "<string>", raw: bool = False) -> ReadResult:
    """Read records from a string in ``format``; raises CitekitError if it holds none.

    ``raw`` keeps portal text exactly as given (no clean-up steps)."""
    from citekit import formats
    from citekit.normalize.keys import assign_keys

    if raw:
        from citekit.normalize.raw import raw_text

        with raw_text():
            result = formats.get(format).reader()(text, source)
    else:
        result = formats.get(format).reader()(text, source)
    result.records = assign_keys(result.records)
    return result


def dump(records: Sequence[Record], format: str, ascii: bool = False) -> str:
    """Write records as ``bibtex``, ``biblatex``, ``ris`` or ``csljson`` text.

    Fields the format cannot carry are left out; ``losses`` says which. ``ascii`` writes
    BibTeX/BibLaTeX accents as LaTeX commands (and CSL-JSON with ``\\uXXXX`` escapes).
    """
    from citekit import formats

    fmt = formats.get(format)
    if not fmt.writable:
        raise CitekitError(f"citekit cannot write {fmt.title}")
    return fmt.writer()(records, ascii=ascii)


def losses(records: Sequence[Record], format: str) -> list[Loss]:
    """The fields of each record that ``dump(records, format)`` drops or writes only in part."""
    from citekit.formats.losses import find_losses

    return find_losses(records, format)


def render(
    records: Sequence[Record], style: str = "apa", locale: str | None = None, markup: str = "text"
) -> list[str]:
    """Format records as a bibliography in a CSL style (a short name such as ``apa`` or
    ``vancouver``, a CSL repository id, or a ``.csl`` path), sorted as the style sorts them."""
    from citekit.csl.render import bibliography

    return bibliography(records, style, locale, markup)


def cite(
    records: Sequence[Record],
    keys: str | Sequence[str],
    style: str = "apa",
    locale: str | None = None,
    markup: str = "text",
) -> str:
    """One in-text citation of the records with ``keys`` (their ids), cited together:
    ``cite(records, ["dalgarno2019crucible"], "apa")`` -> ``(Dalgarno & Oates, 2019)``."""
    from citekit.csl.cite import citation

    return citation(records, [keys] if isinstance(keys, str) else list(keys), style, locale, markup)
