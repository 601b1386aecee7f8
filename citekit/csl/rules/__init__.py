"""The CSL 1.0.2 rules citekit adds to citeproc-py: element mixins, one module per rule, grouped
in packages by the section of the specification they implement.

Each rule module names its rule in its docstring and exports ``ELEMENTS``: CSL element name -> a
mixin class whose methods override citeproc-py's for that element. ``citekit.csl.style.elements``
stacks the mixins of every rule on top of citeproc-py's element classes, in the order of
``RULE_MODULES``: for one element, the mixin of an earlier module comes first in the class's
method resolution order, so where two rules override the same method, the earlier one runs
first and sees what the later one returns ("wraps" it). ``ORDER`` lists every such pair and
says why the order matters, or why it does not; ``tests/csl/test_rule_order.py`` checks that
no pair is missing and that ``RULE_MODULES`` keeps each order that matters.

A mixin that concerns only some elements of its kind says which with a static
``applies_to(element) -> bool``, read from the element's attributes once per parsed style: the
others render without it (``elements.specialize``). A section package may also hold helper
modules of its rules (``names/initials.py``), which have no ``ELEMENTS``.

How to add a rule: ``citekit/csl/CONTRIBUTING-csl.md``; what each rule covers, which suite
fixtures and which tests show it: ``citekit/csl/RULES.md``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

# The sections, in the order their rules stack. Within a section, its modules in order. The
# sections come in this order because of the pairs of ``ORDER`` that matter: the counting of
# variables for group suppression (groups) sees everything, sort keys (sorting) see values before
# any substitution or formatting, substitution (names) decides before a missing variable (text),
# what a cite's names are (citations) is read inside the formatting of the names (formatting).
SECTIONS: dict[str, tuple[str, ...]] = {
    "locale": ("locale_fallback", "term_form_fallback"),
    "groups": ("group_suppression", "macro_output_counts", "position", "conditions"),
    "sorting": ("sort_collation", "sorting"),
    "names": ("name_formatting", "substitute_suppression", "default_name"),
    "text": ("note_start_capital", "missing_variables", "value_rich_text"),
    "labels": ("page_label_plural", "label_plural", "label_text_case", "locator_label"),
    "numbers": ("page_ranges", "number_variables", "ordinal_gender", "locator_ampersand"),
    "dates": ("date_part_overrides", "localized_date_delimiter", "literal_dates", "date_ranges"),
    "citations": ("year_suffix", "cite_grouping"),
    "bibliography": ("second_field_align",),
    "formatting": ("quotes", "text_case", "normal_formatting", "affix_escaping", "display", "strip_periods"),
}

RULE_MODULES: tuple[str, ...] = tuple(
    f"{section}.{module}" for section, modules in SECTIONS.items() for module in modules
)


@dataclass(frozen=True)
class Order:
    """Two rules overriding the same method of an element: ``outer`` must come before ``inner``
    in ``RULE_MODULES`` when ``matters``; ``why`` says why, or why either order renders alike."""

    outer: str
    inner: str
    where: str  # element.method, as "text.render"; several joined by ", "
    matters: bool
    why: str


ORDER: tuple[Order, ...] = (
    # -- group suppression counts what every other layer let through
    Order("groups.group_suppression", "groups.macro_output_counts", "text.render", False,
          "one counts variable= texts, the other macro= texts: never both on one element"),
    Order("groups.group_suppression", "sorting.sort_collation", "date.render", True,
          "a date in a sort key is its value, and counts as a variable that rendered"),
    Order("groups.group_suppression", "names.substitute_suppression",
          "text.render, number.render, date.render, names.render", True,
          "a variable a substitute already rendered counts as called and empty"),
    Order("groups.group_suppression", "text.missing_variables", "text.render", True,
          "a missing variable (the VariableError raised early) counts as called and empty"),
    Order("groups.group_suppression", "names.default_name", "names.render", False,
          "the bare cs:name is in place only while the names render; the count sees their output"),
    Order("groups.group_suppression", "citations.cite_grouping", "names.render", True,
          "names a collapsed cite leaves out count as called and empty, as any empty names"),
    Order("groups.group_suppression", "formatting.display", "text.render, number.render, date.render, "
          "names.render", False, "a display block is added only around output, which counts the same"),
    Order("groups.macro_output_counts", "names.substitute_suppression", "text.render", False,
          "macro= texts against variable= texts: never both on one element"),
    Order("groups.macro_output_counts", "text.missing_variables", "text.render", False,
          "macro= texts against variable= texts: never both on one element"),
    Order("groups.macro_output_counts", "formatting.display", "text.render", False,
          "a display block is added only around output, which counts the same"),
    # -- sort keys read values, before substitution and formatting
    Order("sorting.sort_collation", "sorting.sorting", "key.sort_key", True,
          "collation folds the value the key gives, and marks the rendering as a sort key for it"),
    Order("sorting.sort_collation", "names.substitute_suppression", "date.render", True,
          "a date in a sort key gives its value even where a substitute took the variable"),
    Order("sorting.sort_collation", "formatting.display", "date.render", True,
          "a date in a sort key is a bare value, without a display block"),
    Order("sorting.sort_collation", "formatting.display", "label.render", False,
          "a names label renders nothing in a sort key, so no display block either way"),
    Order("sorting.sort_collation", "citations.cite_grouping", "name.render", False,
          "particles are demoted only in sort keys, where no cite's names are recorded"),
    # -- substitution decides what renders at all
    Order("names.substitute_suppression", "text.missing_variables", "text.render", False,
          "a substituted and a missing variable both render nothing, to every caller alike"),
    Order("names.substitute_suppression", "names.default_name", "names.render", False,
          "the bare cs:name matters only to names that render"),
    Order("names.substitute_suppression", "citations.cite_grouping", "names.render", True,
          "names a substitute already took are not the cite's names, nor take a collapse's "
          "leaving out of the names, which then falls on the next cs:names"),
    Order("names.substitute_suppression", "formatting.display", "text.render, number.render, "
          "date.render, names.render", False, "nothing rendered gets no display block either way"),
    Order("names.default_name", "citations.cite_grouping", "names.render", False,
          "the bare cs:name is in place only while the names render, whatever records them"),
    Order("names.default_name", "formatting.display", "names.render", False,
          "the bare cs:name is in place only while the names render, whatever wraps them"),
    Order("text.missing_variables", "formatting.display", "text.render", False,
          "a missing variable renders nothing, so no display block either way"),
    Order("text.note_start_capital", "text.value_rich_text", "text.process", False,
          "one reads term= texts, the other value= texts: never both on one element"),
    # -- labels, numbers, dates
    Order("labels.page_label_plural", "labels.label_plural", "label._is_plural", False,
          "page and locator labels against number-of-* labels: each passes the others on"),
    Order("numbers.page_ranges", "numbers.locator_ampersand", "text._variable", True,
          "a page locator's range is formatted around the 'and' symbol the ampersand became"),
    Order("numbers.page_ranges", "numbers.number_variables", "number._process", True,
          "page values are formatted as ranges, never read for locator labels"),
    Order("dates.date_part_overrides", "citations.year_suffix", "date-part.render", True,
          "the letter is formatted with the style's overrides, put back only after it"),
    # -- a cite's names are recorded inside the formatting
    Order("citations.cite_grouping", "formatting.display", "names.render", True,
          "the names a cite is grouped and substituted by are without a display block"),
)  # fmt: skip


def mixins() -> dict[str, list[type[Any]]]:
    """Element name -> the rule mixins for it, in ``RULE_MODULES`` order (earlier ones wrap)."""
    table: dict[str, list[type[Any]]] = {}
    for name in RULE_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for element, mixin in module.ELEMENTS.items():
            table.setdefault(element, []).append(mixin)
    return table
