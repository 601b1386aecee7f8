"""Agreement with citeproc-js on 415 real bibliography entries, line for line, in APA, Vancouver
and Harvard.

The items (tests/golden/agreement/items.json) are entries of Debian's texlive-bibtex-extra
bibliographies converted to CSL-JSON by citation-js; the expected lines are citeproc-js's
bibliography of them with the same style and locale files. Both were made by
scripts/reference/agreement.py. A line counts when it is identical and at the same position.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from citekit.csl.render import bibliography_of_items
from tests.conftest import GOLDEN

AGREEMENT = GOLDEN / "agreement"
STYLES = ("apa", "vancouver", "harvard")
TARGET = 0.99
# Identical lines today; raise these as rules are fixed (never lower them).
FLOOR = {"apa": 415, "vancouver": 415, "harvard": 415}
# Styles below the target (their 99% check is marked xfail); none today.
BELOW_TARGET: set[str] = set()


@cache
def compared(style: str) -> tuple[int, int, list[str]]:
    items = json.loads((AGREEMENT / "items.json").read_text(encoding="utf-8"))
    expected = (AGREEMENT / f"{style}.txt").read_text(encoding="utf-8").splitlines()
    got = bibliography_of_items(items, style)
    misses = [
        f"line {n + 1}:\n  citeproc-js: {e}\n  citekit:     {g}"
        for n, (e, g) in enumerate(zip(expected, got, strict=False))
        if e != g
    ]
    same = sum(e == g for e, g in zip(expected, got, strict=False))
    return same, len(expected), misses


def test_every_item_is_rendered() -> None:
    """citekit renders one entry per item, as many as citeproc-js does."""
    items = json.loads((AGREEMENT / "items.json").read_text(encoding="utf-8"))
    assert len(items) >= 300
    for style in STYLES:
        assert len(bibliography_of_items(items, style)) == len(items)


@pytest.mark.parametrize("style", STYLES)
def test_agreement_never_drops_below_its_floor(style: str) -> None:
    """The number of lines identical to citeproc-js's never falls below the recorded floor."""
    same, total, misses = compared(style)
    assert same >= FLOOR[style], f"{style}: {same}/{total} identical\n" + "\n".join(misses)


@pytest.mark.parametrize(
    "style",
    [
        pytest.param(s, marks=pytest.mark.xfail(reason="below target, see the misses", strict=False))
        if s in BELOW_TARGET
        else s
        for s in STYLES
    ],
)
def test_agreement_reaches_the_target(style: str) -> None:
    """At least 99% of the lines are identical to citeproc-js's, in the same order."""
    same, total, misses = compared(style)
    assert same >= TARGET * total, f"{style}: {same}/{total} identical\n" + "\n".join(misses)
