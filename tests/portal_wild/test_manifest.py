"""The real-capture corpus is well formed: pages, expectations and manifest agree, and the split is blind.

This module checks the corpus only; it never reads a page through citekit (the scores are printed by
``scripts/portal_wild.py`` and held at their floors by ``test_scores.py``).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent
SCORER = CORPUS.parents[1] / "scripts" / "portal_wild.py"
PAGES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name[:2].isdigit())
EXPECTED = sorted(CORPUS.glob("*.expected.json"))
MANIFEST: list[dict[str, Any]] = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
ENTRY = {entry["file"]: entry for entry in MANIFEST}

# What the corpus reached when it was last extended; it may grow, never shrink.
AT_LEAST_PAGES = 46
AT_LEAST_PORTALS = 22
MANIFEST_KEYS = {
    "file",
    "portal",
    "portal_key",
    "found",
    "form",
    "tool",
    "tool_version",
    "family",
    "type",
    "language",
    "split",
}
NAME = re.compile(r"^\d{2}_[a-z]+_[a-z0-9_]+\.(txt|md|html)$")
CSL_KEY = re.compile(r"^(_dois|_et_al|_warnings|[A-Za-z][A-Za-z-]*)$")


def test_every_page_has_an_expectation_and_a_manifest_entry() -> None:
    """Each page form has NAME.expected.json and one manifest entry, and nothing is left over."""
    assert {p.with_suffix(".expected.json").name for p in PAGES} == {p.name for p in EXPECTED}
    assert sorted(ENTRY) == [p.name for p in PAGES]
    assert len(ENTRY) == len(MANIFEST)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_name_and_expectation_are_well_formed(page: Path) -> None:
    """The page is named NN_portal_shortname_form.ext and its expectation is a list of CSL-JSON records."""
    assert NAME.match(page.name), page.name
    records = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert isinstance(records, list) and records
    for record in records:
        assert isinstance(record, dict) and "type" in record
        assert all(CSL_KEY.match(key) for key in record), sorted(record)


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["file"] for e in MANIFEST])
def test_manifest_entry_says_where_and_how(entry: dict[str, Any]) -> None:
    """Each manifest entry names the portal, where it was found, the saving form and tool, type, language and split."""
    assert set(entry) == MANIFEST_KEYS
    assert all(entry[key] for key in MANIFEST_KEYS - {"tool_version"})
    assert entry["split"] in ("tuned", "held-out")
    assert entry["family"] in ("converter", "export", "extract", "tool-run")
    assert entry["portal_key"] in entry["file"] or entry["portal_key"] in entry["portal"]


def test_split_is_by_whole_portal_and_about_a_third() -> None:
    """All pages of one portal are in the same part, and about a third of pages and portals are held out."""
    parts: dict[str, set[str]] = defaultdict(set)
    for entry in MANIFEST:
        parts[entry["portal_key"]].add(entry["split"])
    assert all(len(p) == 1 for p in parts.values()), {k: p for k, p in parts.items() if len(p) > 1}
    pages = Counter(entry["split"] for entry in MANIFEST)
    portals = Counter(next(iter(p)) for p in parts.values())
    assert 0.25 <= pages["held-out"] / len(MANIFEST) <= 0.42
    assert 0.25 <= portals["held-out"] / len(parts) <= 0.42


def test_split_is_the_seeded_draw() -> None:
    """Each portal's part in the manifest is the one the scorer's seeded draw gives, so nobody chose it by hand."""
    spec = importlib.util.spec_from_file_location("portal_wild_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = scorer  # its dataclasses look their module up there
    spec.loader.exec_module(scorer)
    assert scorer.draw_split(MANIFEST) == {entry["portal_key"]: entry["split"] for entry in MANIFEST}


def test_both_parts_are_varied() -> None:
    """Both parts hold more than one capture family and more than one output type."""
    for part in ("tuned", "held-out"):
        entries = [e for e in MANIFEST if e["split"] == part]
        assert len({e["family"] for e in entries}) >= 2
        assert len({e["type"] for e in entries}) >= 2


def test_corpus_keeps_the_size_it_reached() -> None:
    """The corpus holds at least the pages and portals it reached when it was built."""
    assert len(PAGES) >= AT_LEAST_PAGES
    assert len({e["portal_key"] for e in MANIFEST}) >= AT_LEAST_PORTALS
