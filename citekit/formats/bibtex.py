"""BibTeX output through bibtexparser 2, mapped from CSL types and variables by tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat

from citekit.formats.latex import escape, protect_title
from citekit.model import Name, Record
from citekit.normalize.keys import assign_keys
from citekit.normalize.languages import babel_name

# CSL type -> BibTeX entry type.
ENTRY_TYPES: dict[str, str] = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "review": "article",
    "review-book": "article",
    "book": "book",
    "chapter": "incollection",
    "entry-encyclopedia": "incollection",
    "entry-dictionary": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
    "article": "misc",
    "webpage": "misc",
}
# Where the container title goes, per BibTeX entry type.
CONTAINER_FIELD = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}
# Where the publisher goes, per BibTeX entry type.
PUBLISHER_FIELD = {"phdthesis": "school", "mastersthesis": "school", "techreport": "institution"}
# CSL variable -> BibTeX field, for values copied as they are (escaped).
PLAIN_FIELDS: tuple[tuple[str, str], ...] = (
    ("volume", "volume"),
    ("edition", "edition"),
    ("publisher-place", "address"),
    ("collection-title", "series"),
    ("ISBN", "isbn"),
    ("ISSN", "issn"),
    ("keyword", "keywords"),
    ("abstract", "abstract"),
    ("note", "note"),
)
# Values written without LaTeX escaping: they are identifiers that LaTeX packages take verbatim.
VERBATIM_FIELDS: tuple[tuple[str, str], ...] = (("DOI", "doi"), ("URL", "url"))
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_name(name: Name) -> str:
    """``von Last, Jr, First``; an institution is braced so it stays one name."""
    if name.literal:
        return "{" + escape(name.literal) + "}"
    family = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle, name.family) if p)
    parts = [escape(family)]
    if name.suffix:
        parts.append(escape(name.suffix))
    if name.given:
        parts.append(escape(name.given))
    return ", ".join(parts)


def _entry_type(record: Record) -> str:
    entry_type = ENTRY_TYPES.get(record.type, "misc")
    if entry_type == "phdthesis" and "master" in record.get("genre").lower():
        return "mastersthesis"
    return entry_type


def _braced(value: str) -> str:
    return "{" + value + "}"


def _verbatim(value: str) -> str:
    """A DOI or URL as written, percent-encoding the three characters that could end its braces."""
    return _braced(value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D"))


def entry_fields(record: Record, entry_type: str) -> list[tuple[str, str]]:
    """The (field, written value) pairs of one record, in a conventional order."""
    out: list[tuple[str, str]] = []

    def add(key: str, value: str, wrap: Callable[[str], str] = _braced) -> None:
        if value:
            out.append((key, wrap(value)))

    for var in ("author", "editor"):
        add(var, " and ".join(bibtex_name(n) for n in record.names.get(var, ())))
        if var == "author" and record.et_al and record.names.get(var):
            out[-1] = (var, out[-1][1][:-1] + " and others}")
    add("title", protect_title(record.get("title")))
    add(CONTAINER_FIELD.get(entry_type, "journal"), escape(record.get("container-title")))
    issued = record.dates.get("issued")
    if issued and issued.parts:
        first = issued.parts[0]
        add("year", str(first[0]))
        if len(first) > 1:
            add("month", MONTH_MACROS[first[1] - 1], wrap=str)
    elif issued and issued.literal:
        add("year", escape(issued.literal))
    for var, key in PLAIN_FIELDS[:1]:
        add(key, escape(record.get(var)))
    add("number", escape(record.get("issue") or (record.get("number") if entry_type != "article" else "")))
    if entry_type == "article":
        add("eid", escape(record.get("number")))
    add("pages", escape(record.get("page").replace("-", "--")))
    add(PUBLISHER_FIELD.get(entry_type, "publisher"), escape(record.get("publisher")))
    for var, key in PLAIN_FIELDS[1:]:
        add(key, escape(record.get(var)))
    add("language", escape(babel_name(record.get("language"))) if record.get("language") else "")
    if entry_type in ("techreport", "phdthesis", "mastersthesis", "misc") and record.get("genre"):
        add("type", escape(record.get("genre")))
    for var, key in VERBATIM_FIELDS:
        add(key, record.get(var), wrap=_verbatim)
    return out


def write(records: Sequence[Record]) -> str:
    library = Library()
    for record in assign_keys(records):
        entry_type = _entry_type(record)
        fields = [Field(k, v) for k, v in entry_fields(record, entry_type)]
        library.add(Entry(entry_type, record.id, fields))
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]
    fmt.indent = "  "
    fmt.block_separator = "\n"
    # Values are braced and escaped here; bibtexparser must not add its own enclosing.
    return str(write_string(library, unparse_stack=[], bibtex_format=fmt))
