"""Hypothesis strategies for hostile input: random and mutated BibTeX, RIS, CSL-JSON, portal text
and HTML, and records whose every text holds the characters each format gives a meaning to.

``FUZZ`` is the settings every fuzz property uses: a short, repeatable pass by default (CI runs it
on every build) and a long one with ``CITEKIT_FUZZ_EXAMPLES=5000`` (then also randomised).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from citekit.formats.portal.labels import ALL_LABELS
from citekit.model import DATE_VARIABLES, NAME_VARIABLES, Date, Name, Record

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("CITEKIT_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 100,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# Pieces that mean something to some format, the terminal or a shell.
HOSTILE_PIECES = [
    "{",
    "}",
    "\\",
    "@",
    "%",
    "#",
    "&",
    "$",
    "_",
    "~",
    "^",
    '"',
    ",",
    "=",
    "(",
    ")",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\x00",
    "\x0b",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x9b",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\u00a0",
    "[bold red]",
    "[/]",
    "[link=https://example.org]",
    "TY  - ",
    "ER  - ",
    "\nER  - \nTY  - JOUR\n",
    "\\input{/etc/passwd}",
    "\\write18{rm -rf ~}",
    "}, title = {",
    "@misc{x,",
    "\n@ages (from-to): ",
    "\\'e",
    "{\\'e}",
    "\\ss{}",
    "--",
    "``",
    " and ",
    " others",
    "é",
    "中文",
    "<",
    ">",
    "&amp;",
    "<br>",
    "|",
    "../",
    "..\\",
    "/etc/passwd",
    "con",
    "$(reboot)",
    "`id`",
]

hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=6)), max_size=10).map(
    "".join
)
plain_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-", min_size=1, max_size=10)


def _seed_texts(folders: tuple[str, ...], suffixes: tuple[str, ...]) -> list[str]:
    out = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in suffixes and path.is_file() and path.stat().st_size < 20_000:
                out.append(path.read_text(encoding="utf-8", errors="replace"))
    return out


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str]) -> str:
    """One of ``seeds`` with a few random edits: pieces inserted, spans cut, doubled or truncated."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "cut", "double", "truncate", "swap-line"]))
        if kind == "insert":
            text = text[:at] + draw(hostile_text) + text[at:]
        elif kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "double":
            text = text[:at] + text[at : at + 60] + text[at:]
        elif kind == "truncate":
            text = text[:at]
        else:
            lines = text.splitlines(keepends=True)
            if len(lines) > 1:
                i = draw(st.integers(0, len(lines) - 1))
                j = draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
                text = "".join(lines)
    return text


# --- format-shaped text --------------------------------------------------------------------------

BIBTEX_TYPES = ["article", "book", "inproceedings", "misc", "string", "preamble", "comment", "xdata", "set"]
BIBTEX_FIELDS = [
    "title",
    "author",
    "editor",
    "year",
    "date",
    "month",
    "pages",
    "journal",
    "journaltitle",
    "booktitle",
    "crossref",
    "xdata",
    "doi",
    "url",
    "langid",
    "entrysubtype",
    "type",
    "number",
    "urldate",
]
bibtex_value = st.one_of(
    hostile_text.map(lambda t: "{" + t + "}"),
    hostile_text.map(lambda t: '"' + t + '"'),
    plain_word,
    st.lists(st.one_of(plain_word, hostile_text.map(lambda t: '"' + t + '"')), min_size=2, max_size=4).map(
        " # ".join
    ),
)


@st.composite
def bibtex_documents(draw: st.DrawFn) -> str:
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.one_of(st.sampled_from(BIBTEX_TYPES), plain_word))
        key = draw(st.one_of(plain_word, hostile_text))
        fields = draw(
            st.lists(
                st.tuples(st.one_of(st.sampled_from(BIBTEX_FIELDS), plain_word), bibtex_value), max_size=6
            )
        )
        body = draw(st.sampled_from([",\n  ", ", ", ","])).join(f"{k} = {v}" for k, v in fields)
        open_, close = draw(st.sampled_from([("{", "}"), ("(", ")"), ("{", ""), ("{", "}}")]))
        entries.append(f"@{kind}{open_}{key}, {body}{close}")
    separators = st.sampled_from(["\n", "\n\n", "\r\n", " junk text % comment\n", "\r"])
    return "".join(e + draw(separators) for e in entries)


RIS_TAGS = ["TY", "ER", "AU", "A1", "TI", "T1", "T2", "JO", "PY", "DA", "Y1", "SP", "EP", "VL", "IS"]
RIS_TAGS += ["DO", "UR", "SN", "KW", "LA", "ID", "AB", "PB", "CY", "ED", "A2", "BT", "Y2", "N1"]


@st.composite
def ris_documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.one_of(st.sampled_from(RIS_TAGS), st.text(min_size=2, max_size=2)))
        sep = draw(st.sampled_from(["  - ", " - ", "  -", "- ", "  -  "]))
        value = draw(
            st.one_of(hostile_text, st.sampled_from(["JOUR", "BOOK", "CHAP", "XXXX", "2020/13/45/"]))
        )
        lines.append(draw(st.sampled_from(["", "", " ", "continued "])) + tag + sep + value)
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


MEDLINE_TAGS = ["PMID", "TI", "AB", "AU", "FAU", "CN", "DP", "DEP", "VI", "IP", "PG", "LID", "AID", "TA"]
MEDLINE_TAGS += ["JT", "IS", "LA", "PT", "OT", "MH", "PMC", "ED", "FED", "BTI", "ISBN"]
WOS_TAGS = ["FN", "VR", "PT", "AU", "AF", "TI", "SO", "JI", "VL", "IS", "BP", "EP", "AR", "PY", "PD", "DI"]
WOS_TAGS += ["SN", "EI", "BN", "CT", "CY", "CL", "DE", "ID", "UT", "PM", "DT", "ER", "EF", "CA", "PS"]
ENDNOTE_ELEMENTS = ["ref-type", "contributors/authors/author", "titles/title", "titles/secondary-title"]
ENDNOTE_ELEMENTS += [
    "periodical/full-title",
    "pages",
    "volume",
    "number",
    "dates/year",
    "dates/pub-dates/date",
]
ENDNOTE_ELEMENTS += ["isbn", "electronic-resource-num", "urls/related-urls/url", "keywords/keyword", "notes"]


@st.composite
def tagged_documents(draw: st.DrawFn, tags: list[str], separators: list[str]) -> str:
    """MEDLINE or Web of Science text: known and random tags, odd separators, continuation lines."""
    lines = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.one_of(st.sampled_from(tags), st.text(min_size=2, max_size=4)))
        value = draw(st.one_of(hostile_text, st.sampled_from(["J", "2020 Sep", "JUN 14-19, 2015", "eng"])))
        lines.append(
            draw(st.sampled_from(["", "", "      ", "   "])) + tag + draw(st.sampled_from(separators)) + value
        )
    return draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"])).join(lines)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def endnote_xml_documents(draw: st.DrawFn) -> str:
    """EndNote XML records with hostile values (escaped, or sometimes not) and random cuts."""
    records = []
    for _ in range(draw(st.integers(0, 4))):
        parts = []
        for path in draw(st.lists(st.sampled_from(ENDNOTE_ELEMENTS), max_size=8)):
            value = draw(hostile_text)
            value = _xml_text(value) if draw(st.integers(0, 4)) else value
            opening = "".join(f"<{name}>" for name in path.split("/"))
            closing = "".join(f"</{name}>" for name in reversed(path.split("/")))
            parts.append(f"{opening}<style face='normal'>{value}</style>{closing}")
        records.append("<record>" + "".join(parts) + "</record>")
    text = "<?xml version='1.0'?><xml><records>" + "\n".join(records) + "</records></xml>"
    if draw(st.integers(0, 3)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)
CSL_KEYS = ["id", "type", "title", "container-title", "page", "DOI", "volume", "issue", "URL"]
CSL_KEYS += list(NAME_VARIABLES[:4]) + list(DATE_VARIABLES[:3])
csl_name = st.dictionaries(
    st.sampled_from(["family", "given", "literal", "suffix", "non-dropping-particle", "x"]), json_values
)
csl_date = st.one_of(
    st.fixed_dictionaries(
        {"date-parts": st.lists(st.lists(st.one_of(st.integers(), hostile_text, json_values), max_size=4))}
    ),
    st.dictionaries(st.sampled_from(["raw", "literal", "season", "circa", "date-parts"]), json_values),
    hostile_text,
    st.integers(),
)
csl_item = st.dictionaries(
    st.sampled_from(CSL_KEYS),
    st.one_of(json_values, st.lists(csl_name, max_size=3), csl_date),
    max_size=8,
)


@st.composite
def csljson_documents(draw: st.DrawFn) -> str:
    items = draw(st.lists(st.one_of(csl_item, json_values), max_size=4))
    text = json.dumps(items, indent=draw(st.sampled_from([None, 2])), ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):  # break it somewhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["", ",", "}", "{", '"', "\n{", "]", "\\u"])) + text[at:]
    return text


BREADCRUMBS = [
    "Research output: Contribution to journal › Article › peer-review",
    "Research output: Chapter in Book/Report/Conference proceeding › Chapter",
    "Contribution to journalArticle",
    "Research output: Thesis › Doctoral Thesis",
    "Research output: Book/Report › Book",
]
portal_line = st.one_of(
    st.sampled_from(BREADCRUMBS),
    st.tuples(
        st.sampled_from(sorted(ALL_LABELS)), st.sampled_from(["\t", ": ", "", "\n", " | "]), hostile_text
    ).map("".join),
    st.tuples(st.sampled_from(sorted(ALL_LABELS)), hostile_text).map(lambda p: f"| {p[0]} | {p[1]} |"),
    st.sampled_from(["| --- | --- |", "Abstract", "Cite this", "Overview", "Fingerprint", "# Title"]),
    hostile_text,
)
portal_documents = st.lists(portal_line, max_size=25).map("\n".join)
HTML_TAGS = [
    "div",
    "p",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "span",
    "li",
    "ul",
    "h1",
    "script",
    "nav",
]


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(["<!DOCTYPE html><html><body>", "<html>", "<?xml version='1.0'?><html>"]))]
    for line in draw(st.lists(portal_line, max_size=15)):
        tag = draw(st.sampled_from(HTML_TAGS))
        close = draw(st.sampled_from([f"</{tag}>", "", "<br>", "</html><html>"]))
        parts.append(f"<{tag}>{line}{close}")
    return "".join(parts) + draw(st.sampled_from(["</body></html>", "", "</html>\n<html><p>x"]))


# --- records --------------------------------------------------------------------------------------

names = st.one_of(
    st.builds(Name, literal=hostile_text.filter(str.strip)),
    st.builds(
        Name,
        family=hostile_text,
        given=hostile_text,
        non_dropping_particle=st.sampled_from(["", "van der", "de", "Van"]),
        suffix=st.sampled_from(["", "Jr.", "III"]),
    ),
)
dates = st.one_of(
    st.builds(
        Date,
        parts=st.tuples(
            st.tuples(st.integers(1000, 2100), st.integers(1, 12), st.integers(1, 28)).map(
                lambda p: p[: 1 + p[2] % 3]
            )
        ),
    ),
    st.builds(Date, literal=hostile_text.filter(str.strip)),
)
TEXT_VARIABLES = ["title", "container-title", "publisher", "volume", "issue", "page", "DOI", "URL", "note"]
TEXT_VARIABLES += ["abstract", "keyword", "ISBN", "ISSN", "edition", "genre", "publisher-place", "number"]
records = st.builds(
    Record,
    id=st.one_of(plain_word, hostile_text),
    type=st.sampled_from(["article-journal", "book", "chapter", "paper-conference", "thesis", "report"]),
    fields=st.dictionaries(st.sampled_from(TEXT_VARIABLES), hostile_text, max_size=8),
    names=st.dictionaries(
        st.sampled_from(["author", "editor", "translator"]),
        st.lists(names, min_size=1, max_size=3).map(tuple),
    ),
    dates=st.dictionaries(st.sampled_from(["issued", "accessed"]), dates, max_size=2),
)
