"""CSL-JSON: the model's own shape, written as a JSON array with a stable key order."""

from __future__ import annotations

import json
from collections.abc import Sequence

from citekit.model import Record


def write(records: Sequence[Record]) -> str:
    return json.dumps([r.to_csl() for r in records], indent=2, ensure_ascii=False) + "\n"
