"""CSL 1.0.2 bibliography option ``subsequent-author-substitute``: when an entry's names (the
first cs:names it renders, substitutes included) equal those of the entry before it, they are
replaced by the option's text (``———``). citeproc-py has no such option; the bibliography driver
renders entries one by one and calls ``substituted`` on each, with the names the entry before
rendered, before the steps every entry goes through. The ``-rule`` variants are treated as
``complete-all``."""

from __future__ import annotations


def substituted(text: str, names: str | None, previous: str | None, substitute: str | None) -> str:
    if substitute is None or not names or names != previous:
        return text
    return text.replace(names, substitute, 1)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "magic_SubsequentAuthorSubstitute",
    "magic_SubsequentAuthorSubstituteOfTitleField",
    "name_EtAlWithCombined",
    "name_SubsequentAuthorSubstituteMultipleNames",
    "name_SubsequentAuthorSubstituteSingleField",
    "name_SubstitutePartialEach",
    "sort_ChicagoYearSuffix1",
    "sort_ChicagoYearSuffix2",
    "sort_DropNameLabelInSort",
    "sort_SeparateAuthorsAndOthers",
    "substitute_SharedMacro",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_bibliography.py::test_repeated_names_are_substituted",
    "tests/csl/test_rules_bibliography.py::test_substitute_keeps_the_names_affixes",
    "tests/csl/test_rules_bibliography.py::test_substitute_replaces_names_not_their_label",
)
