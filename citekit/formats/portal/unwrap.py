"""First stage of the portal reader: a page's text as numbered lines, undoing how it was copied.

Odd spaces become plain, ``<br>`` a line break; the links, bold, bullets and headings that
HTML-to-Markdown converters add are dropped; a Markdown table cell spilled over several lines is
joined again. Empty lines go. What each line *is* is decided by ``scan.py``.
"""

from __future__ import annotations

import re

# A Markdown link, its text kept: "[10.1038/x](https://doi.org/10.1038/x)", "[Ann Lee](/persons/ann)".
# The target may hold one level of parentheses, as DOIs do ("10.1016/S0022-2836(05)80360-2").
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
# How many lines a spilled Markdown cell may run over before the row is taken as unclosed.
_MAX_SPILL = 12
# Spaces that are spaces to the parser; values keep every other character as given, for the
# normalize steps (or --raw) to decide.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f\u3000", " "))


def clean_line_for_parsing(line: str) -> str:
    """A line with odd spaces made plain, ``<br>`` as a line break and no Markdown heading marks."""
    line = line.translate(_SPACES).strip().replace("<br>", "\n").replace("<br/>", "\n")
    line = _MD_LINK.sub(r"\1", line).replace("**", "")  # what HTML-to-Markdown converters add
    line = re.sub(r"^[*+]\s+", "", line)  # Markdown list bullets
    return re.sub(r"^#{1,6}\s+", "", line)  # Markdown headings


def _join_spilled_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A Markdown row whose cell spills over several lines (``| DOIs | 10.1/a``, ``10.1/b |``)
    becomes one row again, the spilled lines joined by newlines inside the cell. A row that
    never closes (a table written without closing pipes) is left as it was."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(lines):
        no, text = lines[k]
        k += 1
        if not (text.startswith("|") and not text.endswith("|") and text.count("|") >= 2):
            out.append((no, text))
            continue
        spill: list[str] = []
        for _, more in lines[k : k + _MAX_SPILL]:
            if more.startswith("|"):
                break
            spill.append(more)
            if more.endswith("|"):
                out.append((no, "\n".join([text, *spill])))
                k += len(spill)
                break
        else:
            out.append((no, text))
            continue
        if not spill or not spill[-1].endswith("|"):
            out.append((no, text))
    return out


def text_lines(text: str) -> list[tuple[int, str]]:
    """The numbered, cleaned, non-empty lines of a page's text, spilled Markdown cells joined."""
    lines = [(no, clean_line_for_parsing(t)) for no, t in enumerate(text.splitlines(), start=1)]
    return _join_spilled_rows([(no, t) for no, t in lines if t])
