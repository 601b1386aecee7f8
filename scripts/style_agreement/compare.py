"""Line-by-line comparison of citeproc-js's output with citekit's, and the misses it leaves."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Any

NUMBER_LABEL = re.compile(r"^(<div class=\"csl-entry\"><div class=\"csl-left-margin\">)?[\[(]?\d+[\].)]?\s*")

# Citations of a document (see run.document) by what they test.
FIRST, CLUSTER, REPEAT = "first", "cluster", "repeat"


def _label_free(line: str) -> str:
    return NUMBER_LABEL.sub("", line)


def _pair(lost: list[str], extra: list[str]) -> list[tuple[str, str | None]]:
    """Each citeproc-js line citekit did not write, with the most similar line citekit wrote
    instead (None when no line is at least half the same), each citekit line used once."""
    pairs: list[tuple[str, str | None]] = []
    free = list(extra)
    for line in lost:
        best, score = None, 0.5
        for candidate in free:
            matcher = SequenceMatcher(None, _label_free(line), _label_free(candidate), autojunk=False)
            if (
                matcher.real_quick_ratio() > score
                and matcher.quick_ratio() > score
                and matcher.ratio() > score
            ):
                best, score = candidate, matcher.ratio()
        if best is not None:
            free.remove(best)
        pairs.append((line, best))
    return pairs


def bibliography(js: list[str], ck: list[str] | None) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Counts (lines, identical lines wherever they stand, identical lines in citeproc-js's order)
    and the misses: each citeproc-js line citekit did not write, paired with the most similar line
    citekit wrote instead (None when there is none)."""
    if ck is None:
        return {"n": len(js), "same": 0, "ordered": 0}, [{"js": line, "ck": None} for line in js]
    common = Counter(js) & Counter(ck)
    same = sum(common.values())
    ordered = sum(block.size for block in SequenceMatcher(None, js, ck, autojunk=False).get_matching_blocks())
    lost = list((Counter(js) - common).elements())
    extra = list((Counter(ck) - common).elements())
    if len(lost) * len(extra) > 40_000:  # too many to pair: left unpaired
        return {"n": len(js), "same": same, "ordered": ordered}, [{"js": line, "ck": None} for line in lost]
    misses = [{"js": line, "ck": theirs} for line, theirs in _pair(lost, extra)]
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
