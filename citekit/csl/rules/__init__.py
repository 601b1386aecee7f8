"""The CSL 1.0.2 rules citekit adds to citeproc-py, one module per rule.

Each module names its rule and exports ``ELEMENTS``: CSL element name -> a mixin class
whose methods override citeproc-py's for that element. ``citekit.csl.elements`` stacks the
mixins of every rule on top of citeproc-py's element classes. To add a fix: write a module
here, list it in ``RULE_MODULES``, and test it in tests/csl/. A mixin that concerns only some
elements of its kind says which with a static ``applies_to(element) -> bool``, read from the
element's attributes once per parsed style: the others render without it (``elements.specialize``).
"""

from __future__ import annotations

import importlib
from typing import Any

RULE_MODULES = (
    "locale_fallback",
    "term_form_fallback",
    "localized_date_delimiter",
    "second_field_align",
    "group_suppression",
    "page_label_plural",
    "label_plural",
    "label_text_case",
    "sort_collation",
    "sorting",
    "position",
    "note_start_capital",
    "name_formatting",
    "substitute_suppression",
    "missing_variables",
    "page_ranges",
    "macro_output_counts",
    "number_variables",
    "ordinal_gender",
    "conditions",
    "year_suffix",
    "cite_grouping",
    "quotes",
    "text_case",
    "normal_formatting",
    "affix_escaping",
    "value_rich_text",
    "display",
    "literal_dates",
    "date_ranges",
    "locator_label",
    "locator_ampersand",
    "default_name",
)


def mixins() -> dict[str, list[type[Any]]]:
    """Element name -> the rule mixins for it, in ``RULE_MODULES`` order (earlier ones win)."""
    table: dict[str, list[type[Any]]] = {}
    for name in RULE_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for element, mixin in module.ELEMENTS.items():
            table.setdefault(element, []).append(mixin)
    return table
