"""Superscript characters in HTML output (locale ordinal suffixes such as French ``1ʳᵉ``, or ``ª``
in data) are written as ``<sup>`` elements, one per character, as citeproc-js writes them; CSL
1.0.2 leaves output markup to the processor. Applied to HTML output only."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Characters that are superscripts by typographic convention without a <super> decomposition.
_EXTRA = {"ª": "a", "º": "o", "ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"}


@cache
def _table() -> dict[str, str]:
    table = dict(_EXTRA)
    for code in range(0x00A0, 0x10000):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition.startswith("<super>"):
            table[char] = "".join(chr(int(code, 16)) for code in decomposition.split()[1:])
    return table


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in _table()) + "]")


def superscripts_as_tags(html: str) -> str:
    return _pattern().sub(lambda m: f"<sup>{_table()[m.group(0)]}</sup>", html)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_NumberAffixEscape",
    "magic_SuperscriptChars",
    "number_LimitOrdinalsToDayOne",
    "number_NewOrdinalsEdition",
    "number_NewOrdinalsWithGenderChange",
    "number_SeparateOrdinalNamespaces",
)
TESTS: tuple[str, ...] = ()
