"""citekit.Document: citations rendered in document order with the bibliography (issue 16)."""

from __future__ import annotations

import pytest

import citekit
from citekit.errors import CitekitError

ITEMS = """[
 {"id": "harris2020", "type": "article-journal", "title": "Array programming with NumPy",
  "author": [{"family": "Harris", "given": "Charles R."}], "container-title": "Nature",
  "volume": "585", "page": "357-362", "issued": {"date-parts": [[2020]]}},
 {"id": "sandve2013", "type": "article-journal", "title": "Ten simple rules for reproducible computational research",
  "author": [{"family": "Sandve", "given": "Geir Kjetil"}], "container-title": "PLoS Computational Biology",
  "volume": "9", "issue": "10", "page": "e1003285", "issued": {"date-parts": [[2013]]}}
]"""


@pytest.fixture(scope="module")
def records() -> list[citekit.Record]:
    return citekit.loads(ITEMS, "csljson").records


def test_numeric_style_numbers_in_order_of_first_citation(records: list[citekit.Record]) -> None:
    """The second record cited first is 1, and a later cluster of both cites 1 and 2; one-off
    cite() calls would each print 1 (every call a document of its own)."""
    doc = citekit.Document(records, "vancouver")
    doc.cite("sandve2013")
    doc.cite(["harris2020", "sandve2013"])
    assert doc.citations() == ["(1)", "(1,2)"]
    assert citekit.cite(records, "harris2020", "vancouver") == "(1)"
    bibliography = doc.bibliography()
    assert bibliography[0].startswith("1. Sandve GK.") and bibliography[1].startswith("2. Harris CR.")


def test_note_style_shortens_a_repeated_cite_as_citeproc_js_does(records: list[citekit.Record]) -> None:
    """Chicago 17th (notes): the first cite is a full note, the same record cited again next is
    the author alone, a later one the short form (citeproc-js's output for this document); a
    locator takes the place of the page range."""
    doc = citekit.Document(records, "chicago-notes-bibliography-17th-edition")
    for keys in (["harris2020"], ["harris2020"], ["sandve2013", "harris2020"]):
        doc.cite(keys)
    assert doc.citations() == [
        "Charles R. Harris, “Array Programming with NumPy,” Nature 585 (2020): 357–62.",
        "Harris.",
        "Geir Kjetil Sandve, “Ten Simple Rules for Reproducible Computational Research,” PLoS Computational"
        " Biology 9, no. 10 (2013): e1003285; Harris, “Array Programming with NumPy.”",
    ]
    located = citekit.Document(records, "chicago-notes-bibliography-17th-edition")
    located.cite("sandve2013", locator="4")
    assert located.citations()[0].endswith("(2013): 4.")  # the cited page in place of the range


def test_unknown_key_and_empty_cluster_are_clear_errors(records: list[citekit.Record]) -> None:
    """A key no record has names the keys read; an empty cluster is refused."""
    doc = citekit.Document(records)
    with pytest.raises(CitekitError, match="no record with key 'nobody'"):
        doc.cite("nobody")
    with pytest.raises(CitekitError, match="at least one"):
        doc.cite([])
    assert doc.citations() == []
