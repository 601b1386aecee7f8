"""Style lookups made once per style instead of once per rendered element.

citeproc-py finds a macro, an element's layout and a locale term with an XPath query each time
one is rendered (and dates, names and substitutions query their ancestors the same way):
for a bibliography of a thousand items that is hundreds of thousands of queries
over the same unchanging tree, a quarter of the rendering time. The answers depend only on the
tree (and, for terms and localized date formats, on the style's locale list), so they are kept on
the element asked: the style root for macros, terms and date formats, the element itself for its
layout. A new locale list (the same parsed style set up for another locale) starts fresh tables.
"""

from __future__ import annotations

from typing import Any

from citeproc.model import Formatted

from citekit.csl.style.element import Element

_MISSING = object()
_FONT_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


def _plain_format(element: Any) -> bool:
    """Whether ``element.format`` changes nothing on this element: it has no font attributes, and
    every ``format`` it would run is citeproc-py's or a rule's that says (``PLAIN_TEXT_AS_IS``)
    it leaves text without font attributes as it is."""
    after = type(element).__mro__
    following = after[after.index(CachedLookups) + 1 :]
    formats = [k for k in following if "format" in k.__dict__]
    return all(
        k.__dict__["format"] is Formatted.format or k.__dict__.get("PLAIN_TEXT_AS_IS") for k in formats
    ) and not any(a in element.attrib for a in _FONT_ATTRIBUTES)


def _keep_alive(element: Any) -> None:
    """Hold every element of the element's tree, so that lxml hands out the same Python object
    (and the answers kept on it) each time the tree is walked, rather than a fresh one."""
    root = element.getroottree().getroot()
    if "_citekit_elements" not in root.__dict__:
        root._citekit_elements = list(root.iter())


class CachedLookups(Element):
    """Mixed into every CSL element class citekit parses into (``citekit.csl.style.xml``)."""

    # the answers kept on the element
    _citekit_plain: bool
    _citekit_root: Any
    _citekit_xpath: dict[str, list[Any]]
    _citekit_layout: Any

    def format(self, string: Any) -> Any:
        # An element with no font or alignment attributes gives its text back as it is; citeproc-py
        # asks the formatter five times to find that out. Only citeproc-py's own ``format`` is
        # short-cut: a rule that formats otherwise is always asked.
        plain = self.__dict__.get("_citekit_plain")
        if plain is None:
            plain = self._citekit_plain = _plain_format(self)
            _keep_alive(self)
        if plain:
            return str(string) if isinstance(string, int | float) else string
        return super().format(string)

    def get_root(self) -> Any:
        found = self.__dict__.get("_citekit_root")
        if found is None:
            found = self._citekit_root = super().get_root()
            _keep_alive(found)
        return found

    def xpath_search(self, expression: str) -> list[Any]:
        # Styles and locales are never changed once loaded, so a query's answer is too.
        found: dict[str, list[Any]] | None = self.__dict__.get("_citekit_xpath")
        if found is None:
            found = self._citekit_xpath = {}
            _keep_alive(self)
        result = found.get(expression)
        if result is None:
            result = found[expression] = super().xpath_search(expression)
        return list(result)

    def get_macro(self, name: str) -> Any:
        root = self.get_root()
        macros = root.__dict__.setdefault("_citekit_macros", {})
        found = macros.get(name)
        if found is None:
            found = macros[name] = super().get_macro(name)
        return found

    def get_layout(self) -> Any:
        found = self.__dict__.get("_citekit_layout")
        if found is None:
            _keep_alive(self)
            found = self._citekit_layout = super().get_layout()
        return found

    def get_term(
        self: Any, name: str, form: Any = None, fallback_locale: bool = True, zero_padded: bool = False
    ) -> Any:
        root = self.get_root()
        chain = getattr(root, "locales", None)
        if not isinstance(chain, list):  # a locale's own element: no table to key on
            return super().get_term(name, form, fallback_locale, zero_padded)
        table = root.__dict__.get("_citekit_terms")
        if table is None or table[0] is not chain:
            table = root._citekit_terms = (chain, {})
        key = (name, form, fallback_locale, zero_padded)
        found = table[1].get(key, _MISSING)
        if found is _MISSING:
            found = table[1][key] = super().get_term(name, form, fallback_locale, zero_padded)
        return found

    def get_date(self, form: str) -> Any:
        # A localized date format (cs:date form="text"/"numeric") is searched for in every locale
        # of the chain with an XPath query, for each date rendered: kept like the terms.
        root = self.get_root()
        chain = getattr(root, "locales", None)
        if not isinstance(chain, list):
            return super().get_date(form)
        table = root.__dict__.get("_citekit_dates")
        if table is None or table[0] is not chain:
            table = root._citekit_dates = (chain, {})
        found = table[1].get(form, _MISSING)
        if found is _MISSING:
            found = table[1][form] = super().get_date(form)
        return found


class KeptTermForms(Element):
    """For cs:term: its singular and plural text, made once per output formatter. citeproc-py
    searches the term's children and escapes its text each time a term is printed (every
    "et al.", "In:", "p."); the term and the formatter are all the text depends on."""

    _citekit_forms: tuple[Any, dict[str, Any]]  # the formatter, and the forms made for it

    def _kept_form(self, form: str) -> Any:
        formatter = self.get_formatter()
        kept: tuple[Any, dict[str, Any]] | None = self.__dict__.get("_citekit_forms")
        if kept is None or kept[0] is not formatter:
            kept = self._citekit_forms = (formatter, {})
        if form not in kept[1]:
            kept[1][form] = getattr(super(), form)
        return kept[1][form]

    @property
    def single(self) -> Any:
        return self._kept_form("single")

    @property
    def multiple(self) -> Any:
        return self._kept_form("multiple")
