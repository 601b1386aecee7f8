"""Styled output agrees with citeproc-js, the reference CSL processor, line for line.

The golden files were made by scripts/reference/make_goldens.py: citeproc-js rendering
citekit's own CSL-JSON (tests/golden/records.json) with the same style and locale files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import citekit
from citekit.formats.csljson import write
from tests.conftest import GOLDEN, RECORDS

# APA and Vancouver, and the portal's own Author and Standard formats (styles/ written by us).
STYLES = ("apa", "vancouver", "pure-author", "pure-standard")
CASES = [(style, markup) for style in STYLES for markup in ("txt", "html")]


@pytest.mark.parametrize(("style", "suffix"), CASES)
def test_records_render_as_citeproc_js_renders_them(style: str, suffix: str) -> None:
    """Each style's bibliography of records/ equals citeproc-js's, in text and HTML, in its order."""
    records = citekit.load(str(RECORDS)).records
    markup = "text" if suffix == "txt" else "html"
    expected = (GOLDEN / f"records.{style}.{suffix}").read_text(encoding="utf-8").splitlines()
    assert citekit.render(records, style, markup=markup) == expected


def test_golden_items_are_what_citekit_writes_today() -> None:
    """The CSL-JSON the goldens were made from is still citekit's output (else regenerate them)."""
    records = citekit.load(str(RECORDS)).records
    assert json.loads(write(records)) == json.loads((GOLDEN / "records.json").read_text(encoding="utf-8"))


def test_seed_in_apa_and_vancouver(seed_path: Path) -> None:
    """The seed renders exactly as citeproc-js renders it (space after '1.', '2019 Dec 1')."""
    records = citekit.load(str(seed_path)).records
    title = (
        "The crucible of co-production: case study interviews with Recovery College practitioner trainers."
    )
    assert citekit.render(records, "apa") == [
        f"Dalgarno, M., & Oates, J. (2019). {title} Health Education Journal, 78(8), 977–987."
    ]
    assert citekit.render(records, "vancouver") == [
        f"1. Dalgarno M, Oates J. {title} Health Education Journal. 2019 Dec 1;78(8):977–87."
    ]
