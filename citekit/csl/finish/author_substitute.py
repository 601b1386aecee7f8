"""CSL 1.0.2 bibliography option ``subsequent-author-substitute``: when an entry's names (the
first cs:names it renders, substitutes included) equal those of the entry before it, they are
replaced by the option's text (``———``). citeproc-py has no such option; the bibliography driver
renders entries one by one and calls ``substituted`` on each, with the names the entry before
rendered, before the steps every entry goes through. ``subsequent-author-substitute-rule``:
``complete-all`` replaces the whole list when every name matches, ``complete-each`` each name
then; ``partial-each`` each name from the first that matches the entry before's at its place,
``partial-first`` the first name alone; the delimiters and "and" stay (citeproc-js writes
MHRA's "——, Tomasz Hołdys, and Marek Ryćko")."""

from __future__ import annotations

from collections.abc import Sequence


def substituted(
    text: str,
    names: str | None,
    previous: str | None,
    substitute: str | None,
    rule: str = "complete-all",
    each: Sequence[str] = (),
    previous_each: Sequence[str] = (),
) -> str:
    """``text`` with its names (``names``, the names one by one ``each``) substituted as ``rule``
    says, against the entry before's (``previous``, ``previous_each``)."""
    if substitute is None or not names:
        return text
    if rule != "complete-all" and each and previous_each:
        return _each_substituted(text, names, substitute, rule, each, previous_each)
    if names != previous:
        return text
    at = text.find(names)
    if at < 0:
        return text
    end = at + len(names)
    replacement = substitute
    if names.endswith(".") and not substitute.endswith(".") and text[end : end + 1] == " ":
        # the names' last period also stood for the suffix after them ("Knuth, Donald E." then
        # "."): the substitute keeps that suffix, as citeproc-js writes "———. “Second Paper.”"
        replacement += "."
    return text[:at] + replacement + text[end:]


def _each_substituted(
    text: str, names: str, substitute: str, rule: str, each: Sequence[str], previous_each: Sequence[str]
) -> str:
    matching = 0
    for mine, theirs in zip(each, previous_each, strict=False):
        if mine != theirs:
            break
        matching += 1
    complete = matching == len(each) == len(previous_each)
    if rule.startswith("complete"):
        count = len(each) if complete else 0
    else:
        count = min(matching, 1) if rule == "partial-first" else matching
    at = text.find(names)
    if not count or at < 0:
        return text
    listed, cursor = names, 0
    for name in each[:count]:
        found = listed.find(name, cursor)
        if found < 0:
            return text
        listed = listed[:found] + substitute + listed[found + len(name) :]
        cursor = found + len(substitute)
    end = at + len(names)
    if names.endswith(".") and not listed.endswith(".") and text[end : end + 1] == " ":
        listed += "."  # the last name's period stood for the suffix after it, as above
    return text[:at] + listed + text[end:]


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
