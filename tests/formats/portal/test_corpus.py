"""The portal corpus: pages written by us in every layout and type, each with its expected CSL-JSON.

Every file under ``tests/portal_corpus/`` is read and compared with ``NAME.expected.json`` field by
field (each top-level CSL variable is one field; ``_dois`` lists every DOI when a page gave
several, ``_et_al`` marks a cut author list, ``_warnings`` are texts some warning must contain).
At least 99% of the fields must be right; the misses are printed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import citekit
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "portal_corpus"
PAGES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _actual(record: citekit.Record) -> dict[str, Any]:
    out = record.to_csl()
    out.pop("id")
    if len(record.dois) > 1:
        out["_dois"] = list(record.dois)
    if record.et_al:
        out["_et_al"] = True
    return out


def _compare(page: Path) -> tuple[int, list[str]]:
    """(fields compared, misses) for one corpus file."""
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    result = citekit.load(str(page))
    messages = [p.message for p in result.problems]
    misses: list[str] = []
    total = 0
    if len(result.records) != len(expected):
        misses.append(f"{page.name}: {len(result.records)} records, expected {len(expected)}")
    for k, (want, record) in enumerate(zip(expected, result.records, strict=False)):
        got = _actual(record)
        want = dict(want)
        warnings = want.pop("_warnings", [])
        if "_dois" in want and len(want["_dois"]) == 1:
            want.pop("_dois")  # one DOI, however often the page repeated it
        for key in sorted(set(want) | set(got)):
            total += 1
            if want.get(key) != got.get(key):
                misses.append(f"{page.name}[{k}] {key}: expected {want.get(key)!r}, got {got.get(key)!r}")
        for text in warnings:
            total += 1
            if not any(text in m for m in messages):
                misses.append(f"{page.name}[{k}] warning {text!r} not given (got {messages!r})")
    return total, misses


def test_corpus_is_large_and_varied() -> None:
    """The corpus holds at least 40 pages, in every layout and suffix the reader takes."""
    pages = sum(len(json.loads(p.with_suffix(".expected.json").read_text())) for p in PAGES)
    assert pages >= 40
    assert {p.suffix for p in PAGES} == {".txt", ".md", ".html"}


def test_corpus_fields_are_at_least_99_percent_right(capsys: pytest.CaptureFixture[str]) -> None:
    """Reading every corpus page gets at least 99% of the expected fields right (misses printed)."""
    total = 0
    misses: list[str] = []
    for page in PAGES:
        n, page_misses = _compare(page)
        total += n
        misses += page_misses
    right = total - len(misses)
    with capsys.disabled():
        print(
            f"\nportal corpus: {right}/{total} fields right ({100 * right / total:.2f}%), {len(PAGES)} files"
        )
        for miss in misses:
            print("  miss:", miss)
    assert right / total >= 0.99, "\n".join(misses)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_corpus_page_reads_without_errors(page: Path) -> None:
    """Each corpus page gives records and no error (warnings are allowed)."""
    result = citekit.load(str(page))
    assert result.records
    assert not [p for p in result.problems if p.is_error]
