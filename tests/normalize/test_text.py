"""Text clean-up: whitespace and invisible characters, and line-break hyphens decided by word frequencies."""

from __future__ import annotations

import pytest

from citekit.normalize.text import clean_line, clean_whitespace, dehyphenate


@pytest.mark.parametrize(
    ("broken", "whole"),
    [
        ("Tran-scripts were analysed", "Transcripts were analysed"),
        ("themes de-rived from", "themes derived from"),
        ("healthcare profession-als", "healthcare professionals"),
        ("partici-pants", "participants"),
        ("neural net-works", "neural networks"),
        ("co-pro-duction", "co-production"),
    ],
)
def test_line_break_hyphens_are_undone(broken: str, whole: str) -> None:
    """A hyphen that split one word (as PDF text keeps it) is removed."""
    assert dehyphenate(broken) == whole


@pytest.mark.parametrize(
    "compound",
    [
        "co-production",
        "semi-structured",
        "single-site",
        "high-speed",
        "well-being",
        "follow-up",
        "non-linear",
    ],
)
def test_real_hyphens_stay(compound: str) -> None:
    """A hyphen that joins two words of a real compound is kept."""
    assert dehyphenate(f"a {compound} study") == f"a {compound} study"


def test_hyphen_at_a_line_end_joins_the_lines() -> None:
    """``work-`` at the end of a line and ``shops`` on the next become one word; a real compound
    broken at its hyphen keeps the hyphen."""
    assert dehyphenate("their work-\nshops ran") == "their workshops ran"
    assert dehyphenate("about co-\nproduction") == "about co-production"


def test_numbers_and_capitals_in_compounds_are_left_alone() -> None:
    """Only letter-only pieces are considered: COVID-19 and X-ray stay."""
    assert dehyphenate("COVID-19 and X-ray") == "COVID-19 and X-ray"


def test_whitespace_clean_up() -> None:
    """Soft hyphens and zero-width spaces vanish, no-break spaces become spaces, runs collapse,
    and paragraph breaks of running text stay."""
    assert (
        clean_whitespace("swit\u00adching\u200b  circuits\u00a0of\n\n  relays ")
        == "switching circuits of\nrelays"
    )
    assert clean_line(" Health\u00a0Education \n Journal ") == "Health Education Journal"
