"""Flip-flop formatting (CSL 1.0.2 Appendix VI, rich text; "Formatting"): italics inside italics
are set upright, bold inside bold normal, small caps inside small caps normal, so that nested
emphasis stays visible. Applied to HTML output: an inner opening tag of a style already open
becomes a ``<span style="…:normal;">`` and its closing tag ``</span>``."""

from __future__ import annotations

import re

_TAG = re.compile(r"<(/?)(i|b|span|sup|sub)((?:\s[^>]*)?)>")
# marker spans of ``normal_formatting``: the style they undo, and what they become when it is in
# effect (the kind "sup" stands for superscript and subscript alike)
_UNDOING = {
    "csl-normal-i": ("i", '<span style="font-style:normal;">'),
    "csl-normal-b": ("b", '<span style="font-weight:normal;">'),
    "csl-normal-sc": ("sc", '<span style="font-variant:normal;">'),
    "csl-baseline": ("sup", '<span style="baseline">'),
}
_MARKER = re.compile(r'\sclass="(csl-[a-z-]+)"')
_NORMAL = {
    "i": '<span style="font-style:normal;">',
    "b": '<span style="font-weight:normal;">',
    "sc": '<span style="font-variant:normal;">',
}


def _kind(name: str, attributes: str) -> str:
    if name == "span":
        return "sc" if "small-caps" in attributes else "span"
    return "sup" if name == "sub" else name


def _in_effect(stack: list[tuple[str, bool]], kind: str) -> bool:
    """Whether the style ``kind`` applies at the top of ``stack`` (an odd number of openings)."""
    return sum(1 for k, _ in stack if k == kind) % 2 == 1


def flip_flopped(html: str) -> str:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (kind, flipped)
    closers: list[str] = []  # the closing tag each stack entry answers
    position = 0
    for match in _TAG.finditer(html):
        out.append(html[position : match.start()])
        position = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if closing:
            for index in range(len(stack) - 1, -1, -1):
                kind, flipped = stack[index]
                if closers[index] == name:
                    stack.pop(index)
                    closers.pop(index)
                    out.append("" if kind == "drop" else "</span>" if flipped else match.group(0))
                    break
            else:
                out.append(match.group(0))
            continue
        marker = _MARKER.match(attributes) if name == "span" else None
        if marker and marker.group(1) in _UNDOING:
            undone, replacement = _UNDOING[marker.group(1)]
            if _in_effect(stack, undone):
                stack.append((undone, True))
                out.append(replacement)
            elif undone == "sup":  # citeproc-js writes a baseline span wherever the style asks
                stack.append(("baseline", True))
                out.append(replacement)
            else:
                stack.append(("drop", False))
            closers.append("span")
            continue
        kind = _kind(name, attributes)
        open_kinds = [k for k, flipped in stack if not flipped]
        depth = sum(1 for k, _ in stack if k == kind)
        closers.append(name)
        if kind in _NORMAL and kind in open_kinds and depth % 2 == 1:
            stack.append((kind, True))
            out.append(_NORMAL[kind])
        else:
            stack.append((kind, False))
            out.append(match.group(0))
    out.append(html[position:])
    return "".join(out)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "decorations_Baseline",
    "decorations_NoNormalWithoutDecoration",
    "decorations_SimpleFlipFlop",
    "flipflop_BoldfaceNodeLevelMarkup",
    "flipflop_ItalicsFlipped",
    "flipflop_ItalicsSimple",
    "flipflop_SmallCaps",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_formatting.py::test_baseline_inside_superscript",
    "tests/csl/test_rules_formatting.py::test_normal_inside_italic_is_set_upright",
    "tests/csl/test_rules_value_rich_text.py::test_tags_in_a_value_are_markup",
)
