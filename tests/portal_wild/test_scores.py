"""The portal reader on real captures we did not write: the tuned and held-out totals never fall
below their recorded floors (``floors.json``; raise them by hand after a fix, with the figures
``python scripts/portal_wild.py --held-out`` prints), and no page gets page furniture as a title,
author, container-title or DOI. The held-out pages were measured once the reader was built."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent
FLOORS: dict[str, dict[str, int]] = json.loads((CORPUS / "floors.json").read_text(encoding="utf-8"))


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location(
        "portal_wild", CORPUS.parents[1] / "scripts" / "portal_wild.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tallies() -> dict[str, Any]:
    scorer = _scorer()
    manifest = scorer.load_manifest()
    out = {split: scorer.Tally() for split in scorer.SPLITS}
    for page in scorer.pages():
        scorer.score_page(page, out[manifest[page.name]["split"]])
    return out


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_fields_right_stay_at_or_above_the_floor(tallies: dict[str, Any], split: str) -> None:
    """As many expected fields are right as when the floor was recorded, out of the same fields."""
    tally = tallies[split]
    right, total = sum(tally.right.values()), sum(tally.total.values())
    floor = FLOORS[split]
    assert right >= floor["right"], (
        f"{split}: {right}/{total} right, the floor is {floor['right']}: " + "; ".join(tally.misses[:10])
    )
    assert right / total >= floor["right"] / floor["total"]


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_no_page_gets_furniture_in_a_key_field(tallies: dict[str, Any], split: str) -> None:
    """No title, author, container-title or DOI is page furniture (a counter, menu text, …)."""
    assert tallies[split].furniture_pages == []
