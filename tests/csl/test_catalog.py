"""citekit/csl/RULES.md is the catalogue the rule modules make, and its evidence names real things."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from citekit.csl import catalog
from citekit.csl.rules import RULE_MODULES

ROOT = Path(__file__).resolve().parents[2]
PASSING = Path(__file__).resolve().parent / "suite_passing.txt"


def _evidence_modules() -> list[str]:
    return [f"citekit.csl.rules.{name}" for name in RULE_MODULES] + [
        f"citekit.csl.finish.{name}" for name in catalog._FINISH_STEPS
    ]


def test_rules_md_is_current() -> None:
    """RULES.md is exactly what `python -m citekit.csl.catalog --write` writes from the modules."""
    assert catalog.RULES_MD.read_text(encoding="utf-8") == catalog.markdown(), (
        "citekit/csl/RULES.md is out of date: run python -m citekit.csl.catalog --write"
    )


def test_recorded_fixtures_are_passing_suite_fixtures() -> None:
    """Each fixture a rule records as evidence is one the suite floor holds as passing."""
    passing = set(PASSING.read_text(encoding="utf-8").split())
    for name in _evidence_modules():
        unknown = set(getattr(importlib.import_module(name), "FIXTURES", ())) - passing
        assert not unknown, f"{name}: {sorted(unknown)}"


def test_recorded_tests_exist() -> None:
    """Each test a rule records as evidence is a test function of the file it names."""
    for name in _evidence_modules():
        for node in getattr(importlib.import_module(name), "TESTS", ()):
            path, _, test = node.partition("::")
            function = re.sub(r"\[.*\]$", "", test)
            source = (ROOT / path).read_text(encoding="utf-8")
            assert re.search(rf"^def {re.escape(function)}\(", source, re.M), f"{name}: {node}"
