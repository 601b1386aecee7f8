"""Shared fixtures: paths to the sample records, the golden files and the shared seed."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "records"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_5a736b872aaafea9.txt"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not present")
    return SEED
