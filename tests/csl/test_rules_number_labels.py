"""cs:number values holding a locator label (``7, p. 3-8``), written as citeproc-js writes them."""

from __future__ import annotations

from tests.csl.minimal import bibliography


def edition(value: str) -> str:
    [out] = bibliography(
        [{"id": "a", "type": "book", "edition": value}],
        bibliography_layout='<number variable="edition" form="ordinal"/>',
        markup="text",
    )
    return out


def test_label_in_a_number_is_pluralised_and_its_numbers_left_plain() -> None:
    """The plain number takes its ordinal; the label before a range turns plural, the range an en dash."""
    assert edition("7, p. 3-8") == "7th, pp. 3–8"


def test_label_before_one_number_stays_singular() -> None:
    """A label before a single number keeps its singular form."""
    assert edition("2, p. 5") == "2nd, p. 5"
