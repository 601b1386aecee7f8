"""CSL 1.0.2 Appendix VI "Rich Text Markup" in given names that are initialized: a tagged word
(``<b>John</b> Quiggly``) is initialized inside its tags (``<b>J.</b> Q.``) rather than kept whole
as a word that does not start with a letter."""

from __future__ import annotations

import re

from citekit.csl.rules.name_initials import initialized

# a run of text wrapped in one output tag (names are escaped, so any other "<" is an escape)
_TAGGED = re.compile(r"(<(b|i|sup|sub|span)\b[^>]*>)([^<]*)(</\2>)")
_CLOSING = re.compile(r"(</\w+>)+$")


def initialized_with_markup(given: str, mark: str, hyphen: bool, full_words: bool = False) -> str:
    """``initialized`` for a given name that may hold rich-text tags."""
    if "<" not in given:
        return initialized(given, mark, hyphen, full_words)
    segments: list[tuple[str, str, str]] = []
    end = 0
    for match in _TAGGED.finditer(given):
        if given[end : match.start()].strip():
            segments.append(("", given[end : match.start()], ""))
        segments.append((match.group(1), match.group(3), match.group(4)))
        end = match.end()
    if given[end:].strip():
        segments.append(("", given[end:], ""))
    initial_mark = mark.rstrip()
    out = ""
    for opening, text, closing in segments:
        core = text.strip()
        hyphenated = core.startswith("-")
        core = core.lstrip("-")
        if not core:
            continue
        piece = opening + initialized(core, mark, hyphen, full_words) + closing
        if out:
            if hyphenated:
                out += "-" if hyphen else ""
            elif initial_mark and _CLOSING.sub("", out).endswith(initial_mark):
                out += mark[len(initial_mark) :]
            else:
                out += " "
        out += piece
    return out
