"""Minimal reproductions of the causes in causes.md: a tiny style and an item or two, rendered by
citeproc-js and by citekit's public API, side by side.

    NODE_PATH=/work/reftools/node_modules python scripts/style_agreement/repro.py [NAME ...]

Each reproduction is data (REPROS): the layout of a style (its citation and bibliography), the
items, and what to render. The printed output is what causes.md quotes.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0" {options}>
  <info><title>repro</title><id>repro</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation {citation_options}>{citation_sort}<layout {citation_layout}>{citation}</layout></citation>
  <bibliography {bibliography_options}><layout {bibliography_layout}>{bibliography}</layout></bibliography>
</style>
"""
AUTHOR = '<names variable="author"><name/></names>'

REPROS: dict[str, dict[str, Any]] = {
    "date-range-variable-condition": {
        "bibliography": '<choose><if variable="event-date"><text value="event: "/></if></choose><text variable="title"/>',
        "items": [
            {
                "id": "a",
                "type": "book",
                "title": "T",
                "event-date": {"date-parts": [[2014, 12, 31], [2015, 1, 1]]},
            }
        ],
    },
    "apostrophe-in-nocase-span": {
        "bibliography": '<text variable="title"/>',
        "items": [
            {"id": "a", "type": "book", "title": '<span class="nocase">Doceng \'05</span>: proceedings'}
        ],
    },
    "space-at-edge-of-value": {
        "bibliography": '<text variable="title" suffix=". "/><text variable="container-title"/>',
        "items": [{"id": "a", "type": "article-journal", "title": "T", "container-title": " Journal"}],
    },
    "first-term-capitalised": {
        "bibliography": '<text term="no date" form="short" prefix="(" suffix=")."/>',
        "items": [{"id": "a", "type": "book"}],
    },
    "empty-date-parts": {
        "bibliography": '<text variable="title"/><date variable="issued" prefix=" (" suffix=")"><date-part name="year"/></date>',
        "items": [{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": []}}],
    },
    "empty-type": {
        "bibliography": '<choose><if type="book"><text value="book: "/></if><else><text value="other: "/></else></choose><text variable="title"/>',
        "items": [{"id": "a", "type": "", "title": "T"}],
    },
    "literal-last-name-delimiter-precedes-last": {
        "bibliography": '<names variable="author"><name and="symbol" delimiter-precedes-last="always" initialize-with=". " name-as-sort-order="all"/></names>',
        "items": [
            {
                "id": "a",
                "type": "book",
                "author": [
                    {"family": "Abbott", "given": "B. P."},
                    {"literal": "LIGO Scientific Collaboration"},
                ],
            }
        ],
    },
    "title-case-after-period": {
        "bibliography": '<text variable="container-title" text-case="title"/>',
        "items": [{"id": "a", "type": "webpage", "container-title": "CitationStyles.org", "language": "en"}],
    },
    "number-with-text-plural": {
        "bibliography": '<group delimiter=" "><label variable="number" form="short"/><text variable="number"/></group>',
        "items": [{"id": "a", "type": "legislation", "number": "Pub. L. No. 88-352"}],
    },
    "type-list-without-match": {
        "bibliography": '<choose><if type="thesis manuscript"><group delimiter=", "><text variable="publisher"/>'
        '<text variable="publisher-place"/></group></if><else><group delimiter=": "><text variable="publisher-place"/>'
        '<text variable="publisher"/></group></else></choose>',
        "items": [
            {
                "id": "a",
                "type": "thesis",
                "publisher": "Stanford University",
                "publisher-place": "Stanford, CA",
            }
        ],
    },
    "substitute-names-inside-choose": {
        "bibliography": '<names variable="author"><name name-as-sort-order="first" and="text"/><label form="short" prefix=", "/>'
        '<substitute><choose><if match="none" type="standard"><names variable="editor"/></if></choose></substitute></names>',
        "items": [{"id": "a", "type": "book", "editor": [{"family": "King", "given": "Peter R."}]}],
    },
    "quotes-inside-quotes": {
        "macros": '<macro name="t"><text variable="title" quotes="true"/></macro>',
        "bibliography": '<text macro="t" quotes="true"/>',
        "items": [{"id": "a", "type": "manuscript", "title": "Using Metafont for font design"}],
    },
    "line-break-inside-value-html": {
        "markup": "html",
        "bibliography": '<text variable="genre"/>',
        "items": [{"id": "a", "type": "thesis", "genre": "Thesis (Ph.\n                 D.)"}],
    },
    "empty-entry-body-html": {
        "markup": "html",
        "bibliography_options": 'second-field-align="flush"',
        "bibliography": '<text variable="citation-number" suffix=". "/><text variable="title"/>',
        "items": [{"id": "a", "type": "book"}],
    },
    "numeric-citation-one-per-call": {
        "citation": '<text variable="citation-number"/>',
        "citation_layout": 'prefix="[" suffix="]"',
        "bibliography": '<text variable="citation-number" suffix=". "/><text variable="title"/>',
        "items": [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}],
        "cites": "b;a",
    },
}


def style_text(spec: dict[str, Any]) -> str:
    return STYLE.format(
        cls=spec.get("class", "in-text"),
        options=spec.get("options", ""),
        macros=spec.get("macros", "")
        + (
            '<macro name="sort-name"><names variable="author"><name name-as-sort-order="all"/></names></macro>'
            if spec.get("citation_sort")
            else ""
        ),
        citation_options=spec.get("citation_options", ""),
        citation_layout=spec.get("citation_layout", ""),
        citation_sort='<sort><key macro="sort-name"/></sort>' if spec.get("citation_sort") else "",
        citation=spec.get("citation", AUTHOR),
        bibliography_options=spec.get("bibliography_options", ""),
        bibliography_layout=spec.get("bibliography_layout", ""),
        bibliography=spec["bibliography"],
    )


def citeproc_js(style: Path, items: list[dict[str, Any]], markup: str, cites: str) -> str:
    """citeproc-js through the run's driver: the bibliography, or the citations ``a,b;c`` as one
    document (citation by citation, as a word processor plug-in sends them)."""
    sys.path.insert(0, str(HERE))
    import renderers

    document = [keys.split(",") for keys in cites.split(";")] if cites else []
    result = renderers.citeproc_js(style, "en-US", {"repro": (items, document)})["repro"]
    if "fatal" in result:
        return "error: " + result["fatal"]
    lines = result["citations" if cites else "bibliography"][markup]
    return "\n".join(lines)


def citekit_output(style: Path, items: list[dict[str, Any]], markup: str, cites: str) -> str:
    import citekit

    result = citekit.loads(json.dumps(items), "csljson")
    notes = [f"reader: {p}" for p in result.problems]
    try:
        if cites:
            lines = [
                citekit.cite(result.records, keys.split(","), str(style), markup=markup)
                for keys in cites.split(";")
            ]
        else:
            lines = citekit.render(result.records, str(style), markup=markup)
    except Exception as error:
        lines = [f"raises {type(error).__name__}: {error}"]
    return "\n".join(notes + lines)


def main(argv: list[str]) -> int:
    for name in argv or REPROS:
        spec = REPROS[name]
        markup = spec.get("markup", "text")
        with tempfile.TemporaryDirectory() as folder:
            style = Path(folder) / "repro.csl"
            style.write_text(style_text(spec), encoding="utf-8")
            ours = citekit_output(style, spec["items"], markup, spec.get("cites", ""))
            theirs = citeproc_js(style, spec["items"], markup, spec.get("cites", ""))
        print(f"## {name}\nitems: {json.dumps(spec['items'], ensure_ascii=False)}")
        print(f"citeproc-js: {theirs!r}\ncitekit:     {ours!r}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
