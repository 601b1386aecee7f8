"""CSL-JSON: the model's own shape, written as a JSON array with a stable key order, and read back.

The whole format is this module: reading, writing, what it carries, and its ``Format`` (at the end).

Reading takes a list or a single object; dates as ``date-parts`` (numbers or numeric strings),
``raw`` or ``literal`` text, seasons, circa and ranges; names with parts or as ``literal``.
An item that is not valid CSL-JSON is reported with its line and the other items are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING, Any

from citekit.errors import Problem
from citekit.formats.base import Format, ReadResult, Unit
from citekit.model import DATE_VARIABLES, NAME_VARIABLES, Date, Location, Name, Record
from citekit.normalize.dates import SEASONS

if TYPE_CHECKING:  # json is imported when used: this module is on the path of `citekit --help`
    import json

# The standard and number variables of CSL 1.0.2 (csl-variables.rnc); name and date
# variables are in the model. Other keys are not CSL-JSON and are not written.
_TEXT_VARIABLE_NAMES = (
    "abstract annote archive archive_collection archive_location archive-place authority call-number "
    "chapter-number citation-key citation-label collection-number collection-title container-title "
    "container-title-short dimensions division DOI edition event event-title event-place genre ISBN ISSN "
    "issue jurisdiction keyword language license medium note number number-of-pages number-of-volumes "
    "original-publisher original-publisher-place original-title page page-first part-number part-title "
    "PMCID PMID printing-number publisher publisher-place references reviewed-genre reviewed-title scale "
    "section source status supplement-number title title-short URL version volume volume-title "
    "volume-title-short year-suffix"
)
TEXT_VARIABLES = frozenset(_TEXT_VARIABLE_NAMES.split())
_NAME_KEYS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")


class ItemError(Exception):
    """An item that is not valid CSL-JSON."""


# How ``write`` opens and closes its array (json.dumps with an indent, and a final line break).
_OPEN, _SEPARATOR, _CLOSE, _EMPTY = "[\n", ",\n", "\n]\n", "[]\n"


def write(records: Sequence[Record], ascii: bool = False) -> str:
    """A JSON array of CSL-JSON items (``ascii`` escapes non-ASCII characters as ``\\uXXXX``)."""
    import json

    items = [_valid_item(r) for r in records]
    try:
        return pretty(items, ascii) + "\n"
    except _Unusual:
        return json.dumps(items, indent=2, ensure_ascii=ascii) + "\n"


class _Unusual(Exception):
    """A value ``pretty`` leaves to ``json.dumps`` (a float, a key that is not a string)."""


def pretty(value: Any, ascii: bool = False) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=ascii)`` for strings, integers, booleans, None,
    lists and string-keyed objects, three times as fast: json's indenting encoder is its pure
    Python one, and writing CSL-JSON spent more time there than in everything else it does.
    Anything else raises ``_Unusual``."""
    from json.encoder import encode_basestring, encode_basestring_ascii

    string = encode_basestring_ascii if ascii else encode_basestring
    parts: list[str] = []
    add = parts.append

    def emit(value: Any, indent: str) -> None:
        kind = type(value)
        if kind is str:
            add(string(value))
        elif kind is dict:
            if not value:
                add("{}")
                return
            inner = indent + "  "
            opening = "{\n" + inner
            for key, member in value.items():
                if type(key) is not str:
                    raise _Unusual
                add(opening + string(key) + ": ")
                emit(member, inner)
                opening = ",\n" + inner
            add("\n" + indent + "}")
        elif kind is list or kind is tuple:
            if not value:
                add("[]")
                return
            inner = indent + "  "
            opening = "[\n" + inner
            for member in value:
                add(opening)
                emit(member, inner)
                opening = ",\n" + inner
            add("\n" + indent + "]")
        elif kind is int:
            add(int.__repr__(value))
        elif value is None or kind is bool:
            add(_CONSTANTS[value])
        else:
            raise _Unusual

    emit(value, "")
    return "".join(parts)


_CONSTANTS = {None: "null", True: "true", False: "false"}


def join(texts: Iterable[str]) -> Iterator[str]:
    """One array from the arrays ``write`` gave: the items of each, comma-separated, in one pair of brackets."""
    started = False
    for text in texts:
        if text == _EMPTY:
            continue
        yield (_SEPARATOR if started else _OPEN) + text[len(_OPEN) : -len(_CLOSE)]
        started = True
    yield _CLOSE if started else _EMPTY


def _valid_item(record: Record) -> dict[str, Any]:
    """The record's CSL-JSON without the fields CSL-JSON has no variable for."""
    from citekit.formats.formulas import record_as_text

    item = record_as_text(record).to_csl()  # CSL-JSON has no math: a formula as the text it shows
    return {k: v for k, v in item.items() if k in ("id", "type") or _known(k)}


def _known(key: str) -> bool:
    return key in TEXT_VARIABLES or key in NAME_VARIABLES or key in DATE_VARIABLES


def carry(record: Record) -> Record:
    """The record as CSL-JSON carries it: everything but non-CSL fields and extra DOIs (formulas
    as the text they show)."""
    from citekit.formats.formulas import record_as_text

    record = record_as_text(record)
    return replace(
        record,
        fields={k: v for k, v in record.fields.items() if k in TEXT_VARIABLES and v},
        names={k: v for k, v in record.names.items() if k in NAME_VARIABLES and v},
        dates={k: v for k, v in record.dates.items() if k in DATE_VARIABLES},
        dois=record.dois[:1],
        et_al=False,
    )


def _name(data: Any) -> Name:
    if not isinstance(data, dict):
        import json

        raise ItemError(f"a name must be an object, not {json.dumps(data)[:40]}")
    return Name.from_csl({k: str(data[k]) for k in _NAME_KEYS if data.get(k) not in (None, "")})


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise ItemError("a date part must be a number")
    try:
        return int(str(value).strip())
    except ValueError:
        raise ItemError(f"a date part must be a number, not {value!r}") from None


def _season(value: Any) -> int | None:
    text = str(value).strip().lower()
    if text.isdecimal() and 1 <= int(text) <= 4:
        return int(text)
    return SEASONS.get(text)


def _raw_date(text: str) -> Date:
    """A ``raw`` date string: ISO 8601 (ranges with ``/``) or RIS-like text; else kept as literal."""
    from citekit.formats.bibtex.values import iso_date
    from citekit.formats.ris.read import parse_date

    text = text.strip()
    date = iso_date(text)
    if date is None and re.fullmatch(r"\d{4}(?:[/-]\d{1,2}){0,2}/?", text):
        date = parse_date(text)
    return date or Date(literal=text)


def _date(data: Any) -> Date:
    if isinstance(data, str | int):
        return _raw_date(str(data))
    if not isinstance(data, dict):
        raise ItemError("a date must be an object with date-parts, raw or literal")
    parts = data.get("date-parts")
    if parts:
        if not isinstance(parts, list) or not all(isinstance(p, list) and p for p in parts) or len(parts) > 2:
            raise ItemError("date-parts must be one or two lists of year, month, day")
        date = Date(parts=tuple(tuple(_int(n) for n in p[:3]) for p in parts))
    elif data.get("raw"):
        date = _raw_date(str(data["raw"]))
    elif data.get("literal"):
        date = Date(literal=str(data["literal"]))
    else:
        raise ItemError("a date needs date-parts, raw or literal")
    season = _season(data["season"]) if data.get("season") not in (None, "") else None
    circa = bool(data.get("circa")) and str(data.get("circa")).lower() not in ("false", "0")
    return replace(date, season=season or date.season, circa=circa or date.circa)


def item_to_record(item: Any, location: Location, warnings: list[str] | None = None) -> Record:
    """One CSL-JSON item as a Record; ItemError when nothing of it can be read (it is not an object,
    or it holds a value that is not JSON). A bad date or name list is dropped, the rest kept, and
    said in ``warnings``."""
    if not isinstance(item, dict):
        raise ItemError("an item must be a JSON object")
    if _has_constant(item):
        raise ItemError("NaN and Infinity are not JSON numbers")
    said = warnings if warnings is not None else []
    kind = item.get("type") or "document"  # null is as good as no type
    if not isinstance(kind, str):
        said.append("type must be a string; read as document")
        kind = "document"
    names: dict[str, tuple[Name, ...]] = {}
    dates: dict[str, Date] = {}
    fields: dict[str, str] = {}
    for key, value in item.items():
        if key in ("id", "type") or value in (None, "", []):
            continue
        try:
            if key in NAME_VARIABLES:
                if not isinstance(value, list):
                    raise ItemError(f"{key} must be a list of names")
                names[key] = tuple(_name(n) for n in value)
            elif key in DATE_VARIABLES:
                dates[key] = _date(value)
            elif isinstance(value, str | int | float) and not isinstance(value, bool):
                fields[key] = str(value)
        except ItemError as exc:
            said.append(f"{key}: {exc}; {key} was dropped, the rest of the item kept")
    given = item.get("id")
    if given is not None and not (isinstance(given, str | int | float) and not isinstance(given, bool)):
        said.append("id must be a string or a number; the item is read under a new key")
        given = None  # str() of an object or a list is no key (and may differ from one reading to the next)
    return Record(
        id="" if given is None else str(given),
        type=kind,
        fields=fields,
        names=names,
        dates=dates,
        location=location,
    )


class _Constant:
    """``NaN``, ``Infinity`` or ``-Infinity`` where a number should be: Python's JSON reader takes
    them, but they are not JSON, and an item holding one is not read."""

    def __init__(self, name: str) -> None:
        self.name = name


def _has_constant(value: Any, depth: int = 0) -> bool:
    if isinstance(value, _Constant):
        return True
    if depth > 4:
        return False
    if isinstance(value, dict):
        return any(_has_constant(v, depth + 1) for v in value.values())
    if isinstance(value, list):
        return any(_has_constant(v, depth + 1) for v in value)
    return False


def _decode(decoder: json.JSONDecoder, text: str, pos: int) -> tuple[Any, int]:
    """One JSON value; nesting deeper than Python's recursion limit is a JSONDecodeError too."""
    import json

    try:
        return decoder.raw_decode(text, pos)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply (over 1000 levels)", text, pos) from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # a number of over 4300 digits
        raise json.JSONDecodeError(str(exc).split(";")[0], text, pos) from None


def _items(text: str, inside: bool = False) -> Iterator[tuple[int, Any | json.JSONDecodeError]]:
    """(line, item) for each item of a JSON array or a single object, resuming after a broken item
    (``inside``: ``text`` is a run of an array's items, its opening bracket before it)."""
    import json

    decoder = json.JSONDecoder(parse_constant=_Constant)
    pos = 0
    if not inside:
        text = text.lstrip("\ufeff")
        pos = len(text) - len(text.lstrip())
        if text[pos : pos + 1] != "[":
            try:
                yield text.count("\n", 0, pos) + 1, _decode(decoder, text, pos)[0]
            except json.JSONDecodeError as exc:
                yield exc.lineno, exc
            return
        pos += 1
    # Lines are counted on from the last item, not from the start: counting from the start for
    # each item made a file of many items quadratic.
    line, counted = 1, 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return
        line, counted = line + text.count("\n", counted, pos), pos
        try:
            item, pos = _decode(decoder, text, pos)
        except json.JSONDecodeError as exc:
            yield exc.lineno, exc
            # Resume at the next item starting on a line of its own.
            resume = _RESUME.search(text, exc.pos)
            if resume is None:
                return
            pos = resume.end() - 1
            continue
        yield line, item


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone_surrogates(value: Any, depth: int = 0) -> tuple[Any, bool]:
    """``value`` with every lone surrogate (``"\\ud800"`` is valid JSON but no character, and
    cannot be written as UTF-8) replaced by U+FFFD; and whether there was one. Only the levels
    an item is read from are visited (a date's parts are four deep): deeper data is ignored."""
    if isinstance(value, str):
        fixed = _LONE_SURROGATE.sub("\ufffd", value)
        return fixed, fixed != value
    if depth > 4:
        return value, False
    if isinstance(value, list):
        items = [_replace_lone_surrogates(v, depth + 1) for v in value]
        return [v for v, _ in items], any(r for _, r in items)
    if isinstance(value, dict):
        members = {
            _replace_lone_surrogates(k)[0]: _replace_lone_surrogates(v, depth + 1) for k, v in value.items()
        }
        changed = any(r for _, r in members.values()) or any(_LONE_SURROGATE.search(k) for k in value)
        return {k: v for k, (v, _) in members.items()}, changed
    return value, False


def read(text: str, source: str, inside: bool = False) -> ReadResult:
    """Every item of a CSL-JSON file (``inside``: of a run of an array's items, as ``units`` cuts
    them); a broken item is an error problem, the rest is read."""
    import json

    result = ReadResult()
    for line, item in _items(text, inside):
        location = Location(source, line)
        if isinstance(item, json.JSONDecodeError):
            result.problems.append(
                Problem(location, f"not valid JSON: {item.msg}; skipped to the next item", "error")
            )
            continue
        item, replaced = _replace_lone_surrogates(item)
        if replaced:
            message = "a \\u escape names half a character (a lone surrogate); replaced by \ufffd"
            result.problems.append(Problem(location, message))
        warnings: list[str] = []
        try:
            record = item_to_record(item, location, warnings)
        except ItemError as exc:
            result.problems.append(Problem(location, f"skipped an item: {exc}", "error"))
            continue
        result.problems.extend(
            Problem(location, f"item {record.id}: {w}" if record.id else w) for w in warnings
        )
        dates = {
            var: replace(d, parts=tuple(_in_range(p) for p in d.parts)) for var, d in record.dates.items()
        }
        if dates != record.dates:
            message = f"item {record.id}: a month or day out of range was dropped from a date"
            result.problems.append(Problem(location, message))
            record = replace(record, dates=dates)
        result.records.append(record)
    return result


def _in_range(parts: tuple[int, ...]) -> tuple[int, ...]:
    """A date's year, month (1-12) and day (1-31), cut before the first part out of range."""
    out = parts[:1]
    for value, top in zip(parts[1:], (12, 31), strict=False):
        if not 1 <= value <= top:
            break
        out += (value,)
    return out


_JSON_START = re.compile(r"^\s*[\[{]")
_CSL_KEY = re.compile(r'"(type|title|id)"\s*:')


def units(chunks: Iterable[str]) -> Iterator[Unit]:
    """A top-level array cut between its items, into pieces of about ``units.TARGET`` characters
    (``read_units`` reads each as an array of its own); any other JSON is one piece. An item is
    found as the reader finds it (a broken one ends where the reader would go on)."""
    from citekit.inputs import MAX_UNIT
    from citekit.units import TARGET

    pieces = iter(chunks)
    buffer = ""
    for chunk in pieces:
        buffer += chunk
        if buffer.lstrip("\ufeff \t\r\n"):
            break
    start = len(buffer) - len(buffer.lstrip("\ufeff \t\r\n"))
    if buffer[start : start + 1] != "[":
        yield from Format.units(CSLJSON, chain([buffer], pieces), "")
        return
    yield from _array_units(pieces, buffer, start + 1, MAX_UNIT, TARGET)


def _array_units(pieces: Iterator[str], buffer: str, pos: int, limit: int, target: int) -> Iterator[Unit]:
    import json

    decoder = json.JSONDecoder(parse_constant=_Constant)
    line = 1 + buffer.count("\n", 0, pos)
    first = pos  # where the piece being gathered starts
    reach = pos  # how far a failed item's decoding may have read: no piece ends before it
    more = True
    while True:
        while pos < len(buffer) and buffer[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(buffer) and more:
            next_chunk = next(pieces, None)
            more = next_chunk is not None
            buffer += next_chunk or ""
            continue
        if pos >= len(buffer) or buffer[pos] == "]":
            break
        try:
            end = _decode(decoder, buffer, pos)[1]
            if (
                more and len(buffer) - first <= limit and _MAY_GO_ON.match(buffer, end)
            ):  # "-1.35" or "-1.35e" of "-1.35e+16": more to read
                next_chunk = next(pieces, None)
                more = next_chunk is not None
                buffer += next_chunk or ""
                continue
        except json.JSONDecodeError as exc:
            # More text may mend an item cut short: an error at the end, an unterminated string
            # (told where it starts), or one with no place of its own (nesting, a huge number).
            mendable = (
                exc.pos >= len(buffer) - 64 or exc.msg.startswith("Unterminated string") or exc.pos == pos
            )
            if more and mendable and len(buffer) - first <= limit:
                next_chunk = next(pieces, None)
                more = next_chunk is not None
                buffer += next_chunk or ""
                continue
            resume = _RESUME.search(buffer, exc.pos)
            while resume is None and more and len(buffer) - first <= limit:
                next_chunk = next(pieces, None)
                more = next_chunk is not None
                buffer += next_chunk or ""
                resume = _RESUME.search(buffer, max(exc.pos, len(buffer) - len(next_chunk or "") - 64))
            end = resume.end() - 1 if resume else len(buffer)
            reach = max(reach, _failure_reach(buffer, pos, exc))
        pos = end
        if pos >= reach and (pos - first >= target or not more):
            yield Unit(buffer[first:pos], line, context=_ARRAY)
            line += buffer.count("\n", first, pos)
            buffer, pos, first, reach = buffer[pos:], 0, 0, 0
    if pos > first:
        yield Unit(buffer[first:pos], line, context=_ARRAY)


def _failure_reach(buffer: str, start: int, exc: json.JSONDecodeError) -> int:
    """How far the decoding of the item at ``start`` may have read before it failed with ``exc``.
    A piece ending sooner would fail otherwise (an item running into a deeper nesting, say,
    found cut short): a piece must hold what the whole reading's decoder saw."""
    if exc.msg.startswith("Unterminated string"):
        return len(buffer)  # the string was looked for to the end
    if exc.pos != start:
        return exc.pos + _PEEK  # a value's first characters were tried as "-Infinity", a number
    # Nesting too deep or a number too long has no place of its own: the decoder may have read
    # up to the end of the item, found by its brackets (strings skipped), or of the text.
    depth = 0
    for token in _BRACKET_OR_STRING.finditer(buffer, start):
        depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(token.group(), 0)
        if depth <= 0:
            return token.end()
    return len(buffer)


# The most characters the decoder looks at past the place of an error it reports.
_PEEK = 16
_BRACKET_OR_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
# What may follow an item at the end of the text read so far when the item is a number whose
# digits go on in the next chunk.
_MAY_GO_ON = re.compile(r"[\s0-9eE.+\-]*\Z")
# How the reader goes on after a broken item: at the next item starting a line.
_RESUME = re.compile(r"\n\s*\{")
# A piece of a top-level array (read as an array of its own).
_ARRAY = "array"


def read_units(units: Sequence[Unit], source: str) -> ReadResult:
    """The records of consecutive pieces, with the lines of the whole input."""
    from citekit.formats.base import shifted

    result = ReadResult()
    for unit in units:
        result.extend(shifted(read(unit.text, source, inside=unit.context == _ARRAY), unit.line - 1))
    return result


class CslJson(Format):
    name = "csljson"
    title = "CSL-JSON"
    suffixes = (".json", ".csljson", ".csl-json")
    aliases = ("csl-json", "json")
    readable = writable = True
    # Items keep the ids they have: CSL-JSON does not ask for them to be unique.
    unique_keys = False
    lexer = "json"

    def sniff(self, head: str) -> int | None:
        """A JSON array or object holding a key every CSL-JSON item has: JSON from its first character."""
        return 0 if _JSON_START.match(head) and _CSL_KEY.search(head) else None

    def read(self, text: str, source: str) -> ReadResult:
        return read(text, source)

    def units(
        self, chunks: Iterable[str], source: str, again: Callable[[], Iterable[str]] | None = None
    ) -> Iterator[Unit]:
        return units(chunks)

    def read_units(self, units: Sequence[Unit], source: str) -> ReadResult:
        return read_units(units, source)

    def write(self, records: Sequence[Record], ascii: bool = False) -> str:
        return write(records, ascii)

    def carry(self, record: Record) -> Record:
        return carry(record)

    def join(self, texts: Iterable[str]) -> Iterator[str]:
        return join(texts)


CSLJSON = CslJson()
FORMATS = (CSLJSON,)
