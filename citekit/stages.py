"""The stages every record goes through, each a function with its parameters::

    read → clean → key → write (or render)

``read_input`` turns one input into records as their source wrote them; ``clean`` runs the clean-up
steps their format asks for (none when ``raw``); ``key`` gives every record a unique citation key
(the one place keys are made); ``write`` writes records in a data format, each with the key that
format can carry; ``render`` formats them in a CSL style. ``citekit.load``, ``dump``, ``export`` and
``inspect`` are these stages put together, and ``citekit.pipeline`` runs them on several processes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citekit import inputs
from citekit.errors import Problem
from citekit.formats import Format, ReadResult
from citekit.model import Location, Record


def read_input(item: str, from_format: str | None = None) -> tuple[ReadResult, Format | None]:
    """One input (a file, or ``-`` for stdin) decoded, its format found (``from_format`` forces one)
    and read: records as the source wrote them, with the decoding warnings first among the problems.
    Any failure to read it is an error problem naming the input, and no format."""
    source = inputs.source_name(item)
    try:
        text, fmt, problems = inputs.read_text(item, from_format)
        result = fmt.read(text, source)
    except inputs.READ_ERRORS as exc:
        return ReadResult(problems=[inputs.file_problem(exc, source)]), None
    result.problems[:0] = problems
    if not result.records and not result.problems:
        # An empty input is named: "no records to export" alone would not say which file was empty.
        result.problems.append(Problem(Location(source), f"no {fmt.title} records found in it"))
    return result, fmt


def clean(records: Sequence[Record], fmt: Format, raw: bool = False) -> list[Record]:
    """The records after the clean-up steps (``citekit.normalize.steps``) if their format asks for
    them (text copied from web pages) and ``raw`` (keep the text exactly as given) is not set."""
    if raw or not fmt.cleaned:
        return list(records)
    from citekit.normalize.steps import clean as clean_record

    return [clean_record(record) for record in records]


def read(item: str, from_format: str | None = None, raw: bool = False) -> ReadResult:
    """One input read (``read_input``) and cleaned (``clean``); its records have no keys yet."""
    result, fmt = read_input(item, from_format)
    if fmt is not None:
        result.records = clean(result.records, fmt, raw)
    return result


def read_text(text: str, fmt: Format, source: str = "<string>", raw: bool = False) -> ReadResult:
    """``read`` for text already in hand, in a known format."""
    result = fmt.read(text, source)
    result.records = clean(result.records, fmt, raw)
    return result


def key(records: Sequence[Record], fmt: Format | None = None) -> list[Record]:
    """Every record with a unique citation key: the one it came with when no earlier record has it,
    else one made from its first author, year and first title word (``normalize.keys.base_key``),
    with ``a``, ``b``… where two would clash. With ``fmt``: the keys that format writes (``key_ids``)."""
    from citekit.normalize.keys import base_key

    items = list(records)
    keys = key_ids([r.id for r in items], lambda index: base_key(items[index]), fmt)
    return [r if r.id == k else r.with_id(k) for r, k in zip(items, keys, strict=True)]


def key_ids(ids: Sequence[str], base: Callable[[int], str], fmt: Format | None = None) -> list[str]:
    """``key`` on the ids alone: ``base(index)`` is the base key of the record at ``index``, asked
    only of records that need a new key (large exports keep no records). With ``fmt``, each id is
    first put in the form the format can carry (``Format.key_form``), or kept as it is when the
    format does not need keys to be unique."""
    from citekit.normalize.keys import unique_keys

    if fmt is None:
        return unique_keys(ids, base)
    if not fmt.unique_keys:
        return list(ids)
    return unique_keys([fmt.key_form(given) for given in ids], base)


def write(records: Sequence[Record], fmt: Format, ascii: bool = False) -> str:
    """The records as ``fmt`` text, each with the key that format writes for it (``key``)."""
    return fmt.write(key(records, fmt), ascii)


def render(
    records: Sequence[Record], style: str, locale: str | None = None, markup: str = "text"
) -> list[str]:
    """The records as a bibliography in a CSL style, one entry a line, sorted as the style sorts."""
    from citekit.csl.render import bibliography

    return bibliography(records, style, locale, markup)
