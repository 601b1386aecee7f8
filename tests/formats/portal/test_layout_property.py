"""Property: one record written in any table layout (or as saved HTML) reads back to the same record."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

import citekit
from citekit.formats.portal.labels import ALL_LABELS

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
CAP_WORD = WORD.map(str.capitalize)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _not_glued_looking(words: list[str]) -> bool:
    """A journal whose name is a label with letters after it ("Issuea") cannot be told, in the
    two-line layout, from that label glued to a value after an empty label, which real pages have
    ("DOIs", then "Published1905"); a name that is exactly a label ("Issue") can, and is generated."""
    first = words[0]
    return not any(first.startswith(label) and first != label for label in ALL_LABELS)


@st.composite
def records(draw: st.DrawFn) -> tuple[str, str, list[tuple[str, str]]]:
    title = " ".join([draw(CAP_WORD), *draw(st.lists(WORD, min_size=1, max_size=6))])
    authors = ", ".join(f"{draw(CAP_WORD)} {draw(CAP_WORD)}" for _ in range(draw(st.integers(1, 4))))
    first = draw(st.integers(1, 900))
    rows = [
        ("Original language", "English"),
        ("Pages (from-to)", f"{first}-{first + draw(st.integers(1, 40))}"),
        ("Journal", " ".join(draw(st.lists(CAP_WORD, min_size=1, max_size=4).filter(_not_glued_looking)))),
        ("Volume", str(draw(st.integers(1, 300)))),
        ("Issue number", str(draw(st.integers(1, 12)))),
        (
            "DOIs",
            f"https://doi.org/10.{draw(st.integers(1000, 99999))}/{draw(WORD)}.{draw(st.integers(1, 999))}",
        ),
        (
            "Publication status",
            f"Published - {draw(st.integers(1, 28))} {draw(st.sampled_from(MONTHS))} {draw(st.integers(1950, 2025))}",
        ),
    ]
    return title, authors, rows


def _text(title: str, authors: str, rows: list[str]) -> str:
    head = ["Research portal", title, "Research output: Contribution to journal › Article", authors]
    return "\n".join([*head, *rows, "Cite this", "View graph of relations"]) + "\n"


def _html(title: str, authors: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    return (
        f"<html><body><nav>Home</nav><h1>{html.escape(title)}</h1>"
        "<div>Research output: Contribution to journal › Article</div>"
        f"<p>{html.escape(authors)}</p><table>{cells}</table></body></html>"
    )


@settings(max_examples=40, deadline=None)
@given(records())
def test_every_layout_reads_to_the_same_record(record: tuple[str, str, list[tuple[str, str]]]) -> None:
    """Glued, tab, two-line, colon, Markdown and HTML forms of one record give identical CSL-JSON."""
    title, authors, rows = record
    layouts = {
        "glued": [k + v for k, v in rows],
        "tabs": [f"{k}\t{v}" for k, v in rows],
        "lines": [line for pair in rows for line in pair],
        "colon": [f"{k}: {v}" for k, v in rows],
        "markdown": ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows],
    }
    results = {name: citekit.loads(_text(title, authors, lines)).records for name, lines in layouts.items()}
    results["html"] = citekit.loads(_html(title, authors, rows), "portal-html").records
    expected = results["tabs"][0].to_csl()
    assert expected["title"] == title
    assert len(expected["author"]) == authors.count(",") + 1
    for name, got in results.items():
        assert len(got) == 1, name
        assert got[0].to_csl() == expected, name
