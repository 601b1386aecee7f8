"""CSL 1.0.2 "Affixes" are text of the style, written in the output format like any other text:
``prefix="&lt;"`` around a URL is ``&#60;`` in HTML. citeproc-py added affixes unescaped, so the
URL printed as a tag-like ``<http://…>``."""

from __future__ import annotations

from typing import Any

from citeproc.string import normalize_seam

from citekit.csl.formatters import escape_html
from citekit.csl.style.element import Element

_SPECIAL = ("<", ">", "&")


class AffixEscaping(Element):
    """For elements with affixes: affixes holding ``<``, ``>`` or ``&`` escaped in HTML."""

    @staticmethod
    def applies_to(element: Element) -> bool:
        affixes = element.get("prefix", "") + element.get("suffix", "")
        return any(c in affixes for c in _SPECIAL)

    def wrap(self, string: Any) -> Any:
        # styles never change once loaded: whether the affixes need escaping is kept on the element
        special = self.__dict__.get("_citekit_special_affixes")
        if special is None:
            affixes = self.get("prefix", "") + self.get("suffix", "")
            special = self._citekit_special_affixes = any(c in affixes for c in _SPECIAL)
        if string is None or not special:
            return super().wrap(string)
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        if getattr(self.get_formatter(), "preformat", None) is not escape_html:
            return super().wrap(string)
        prefix, suffix = escape_html(prefix), escape_html(suffix)
        text = prefix + normalize_seam(prefix, string)
        return text + normalize_seam(text, suffix)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = ()
TESTS: tuple[str, ...] = ("tests/csl/test_rules_affixes.py::test_angle_brackets_in_affixes_are_escaped",)


ELEMENTS = dict.fromkeys(("text", "group", "names", "date", "number", "label"), AffixEscaping)
