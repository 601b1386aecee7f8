"""The stages every record goes through, each a function with its parameters::

    read → clean → sanitise → key → write (or render)

``read_input`` turns one input into records as their source wrote them, a piece at a time
(``open_input``, ``pieces``, ``read_pieces``: an input of any size is read in bounded memory);
``clean`` runs the clean-up steps their format asks for (none when ``raw``); ``sanitise`` takes out
what no output may hold (``citekit.sanitise``: control characters, lone surrogates); ``key`` gives
every record a unique citation key (the one place keys are made); ``write`` writes records in a
data format, each with the key that format can carry; ``render`` formats them in a CSL style. ``citekit.load``, ``dump``, ``export`` and
``inspect`` are these stages put together, and ``citekit.pipeline`` runs them on several processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from citekit import inputs
from citekit.errors import Problem
from citekit.formats import Format, ReadResult
from citekit.formats.base import Unit, checked
from citekit.model import Location, Record

# Characters of text read in one go (by one process): enough to dwarf handing them over.
BATCH = 1 << 20


def open_input(item: str, from_format: str | None = None) -> inputs.Opened:
    """One input (a file, or ``-`` for stdin) opened, its encoding and format found (``from_format``
    forces one). Raises what ``inputs.READ_ERRORS`` names."""
    opened = inputs.Opened(item, from_format)
    if item == inputs.STDIN and opened.format.reads_again:
        opened.keep_copy()
    return opened


def pieces(opened: inputs.Opened) -> Iterator[list[Unit]]:
    """The input's pieces (``Format.units``), a batch of about ``BATCH`` characters at a time (a
    stream's pieces as they arrive), in input order."""
    batch: list[Unit] = []
    size = 0
    for unit in opened.format.units(opened.chunks(), opened.source, opened.again_text):
        batch.append(unit)
        size += len(unit.text)
        if size >= BATCH or opened.trickling:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def read_pieces(fmt: Format, units: Sequence[Unit], source: str, raw: bool = False) -> ReadResult:
    """The records of consecutive pieces of one input, cleaned (``clean``); a piece too long to
    read is an error problem naming its line."""
    result = ReadResult()
    for unit in units:
        if unit.skipped:
            what = f"a record of over {unit.skipped // 2**20:,} MB (no end found)"
            error = inputs.too_large(what, source, unit.line)
            result.problems.append(
                Problem(error.location or Location(source), error.message + "; skipped", "error")
            )
    try:
        result.extend(fmt.read_units([u for u in units if not u.skipped], source))
    except inputs.READ_ERRORS as exc:  # pieces that are not of their format at all (a portal page)
        result.problems.append(inputs.file_problem(exc, source))
    result.records = clean(result.records, fmt, raw)
    return result


def read_input(item: str, from_format: str | None = None) -> tuple[ReadResult, Format | None]:
    """One input decoded, its format found and read (``open_input``, ``pieces``, ``read_pieces``,
    the format's ``checker``): records as the source wrote them (not cleaned), with the
    decoding warnings among the problems. A failure to open it is an error problem naming the
    input, and no format; one met later keeps what was read before it."""
    source = inputs.source_name(item)
    try:
        opened = open_input(item, from_format)
    except inputs.READ_ERRORS as exc:
        return ReadResult(problems=[inputs.file_problem(exc, source)]), None
    result = ReadResult()
    check = opened.format.checker(source)
    try:
        for units in pieces(opened):
            piece = checked(read_pieces(opened.format, units, source, raw=True), check)
            result.problems += opened.take_problems()
            result.extend(piece)
    except inputs.READ_ERRORS as exc:
        result.problems.append(inputs.file_problem(exc, source))
    finally:
        opened.close()
    result.problems += opened.take_problems()
    if not result.records and not result.problems:
        # An empty input is named: "no records to export" alone would not say which file was empty.
        result.problems.append(Problem(Location(source), f"no {opened.format.title} records found in it"))
    return result, opened.format


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


def sanitise(records: Sequence[Record]) -> tuple[list[Record], list[Problem]]:
    """The records with nothing no output may hold (``citekit.sanitise``), and a warning for each
    record changed."""
    from citekit.sanitise import sanitised

    return sanitised(list(records))


def write(records: Sequence[Record], fmt: Format, ascii: bool = False) -> str:
    """The records as ``fmt`` text (sanitised), each with the key that format writes for it (``key``)."""
    return fmt.write(key(sanitise(records)[0], fmt), ascii)


def render(
    records: Sequence[Record], style: str, locale: str | None = None, markup: str = "text"
) -> list[str]:
    """The records (sanitised) as a bibliography in a CSL style, one entry a line, sorted as the
    style sorts."""
    from citekit.csl.render import bibliography

    return bibliography(sanitise(records)[0], style, locale, markup)
