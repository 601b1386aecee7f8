"""Line-by-line comparison of citeproc-js's output with citekit's, and the misses it leaves."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from typing import Any

# Citations of a document (see run.document) by what they test.
FIRST, CLUSTER, REPEAT = "first", "cluster", "repeat"


def bibliography(js: list[str], ck: list[str] | None) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Counts (lines, identical lines wherever they stand, identical lines in citeproc-js's order)
    and the misses: each citeproc-js line citekit did not write, paired with citekit's line in its
    place (None when citekit wrote nothing there); ``moved`` marks a line citekit wrote elsewhere."""
    if ck is None:
        return {"n": len(js), "same": 0, "ordered": 0}, [{"js": line, "ck": None} for line in js]
    same = sum((Counter(js) & Counter(ck)).values())
    matcher = SequenceMatcher(None, js, ck, autojunk=False)
    ordered = 0
    misses: list[dict[str, Any]] = []
    extra = Counter(ck) - Counter(js)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            ordered += i2 - i1
            continue
        theirs = [line for line in ck[j1:j2] if extra[line] > 0]
        for line in js[i1:i2]:
            if line in ck:
                misses.append({"js": line, "ck": line, "moved": True})
                continue
            misses.append({"js": line, "ck": theirs.pop(0) if theirs else None})
    return {"n": len(js), "same": same, "ordered": ordered}, misses


def category(index: int, singles: int, clusters: int) -> str:
    if index < singles:
        return FIRST
    return CLUSTER if index < singles + clusters else REPEAT


def citations(
    js: list[str], ck: list[str | None] | None, kept: list[int], singles: int, clusters: int
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Counts per category (``first``, ``cluster``, ``repeat``: lines and identical lines, the
    same citation of the document compared) and the misses. ``kept``: the index in the full
    document of each citation rendered (citations of items citeproc-js cannot render are left out)."""
    counts: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for position, line in enumerate(js):
        index = kept[position]
        kind = category(index, singles, clusters)
        theirs = ck[position] if ck is not None and position < len(ck) else None
        counts["n"] += 1
        counts[f"n_{kind}"] += 1
        if theirs == line:
            counts["same"] += 1
            counts[f"same_{kind}"] += 1
        else:
            misses.append({"js": line, "ck": theirs, "index": index, "category": kind})
    return dict(counts), misses
