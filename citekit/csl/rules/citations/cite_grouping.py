"""CSL 1.0.2 cite grouping and collapsing (``collapse``, ``cite-group-delimiter``) need a cite's
names: the first top-level cs:names of a cite records what it rendered (``first_names`` of the
rendering's state, ``citekit.csl.engine.state``), and a cite rendered with ``suppress_names`` renders
without them (``Smith 1900, 2000``: the second cite of the group is rendered without its
names). The names recorded are those of the first cs:name list, without the label, else what
cs:names rendered inside its own affixes, so that a bibliography's substitute keeps the
affixes. ``citekit.csl.engine.collapse`` does the grouping."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class GroupableNames(Element):
    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("sort_options") is not None:
            return super().render(item, *args, **kwargs)
        state = item.state
        top = state.names_depth == 0
        if top and state.suppress_names:
            state.suppress_names = False
            return None
        if top:
            state.name_list = None
            state.name_texts = None
            state.names_content = None
        state.names_depth += 1
        try:
            output = super().render(item, *args, **kwargs)
        finally:
            state.names_depth -= 1
        if top and state.first_names is None and output:
            content = state.names_content
            names = state.name_list
            if names and names in str(output):
                state.first_names = names  # the names without their label ("Doe, John" of "Doe, John ed.")
                state.first_name_texts = list(state.name_texts or [])
            elif content and str(content) in str(output):
                state.first_names = str(content)
            else:
                state.first_names = str(output)
        return output

    def process(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        # what the top cs:names rendered, before its own affixes and formatting
        content = super().process(item, *args, **kwargs)
        if item.state.names_depth == 1:
            item.state.names_content = content
        return content


class RecordsNameList(Element):
    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        output = super().render(item, *args, **kwargs)
        state = item.state
        if state.names_depth >= 1 and state.name_list is None and output and not isinstance(output, int):
            state.name_list = str(output)
        return output


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_CitationSortsWithEtAl",
    "bugreports_CollapseFailure",
    "bugreports_DisambiguationAddNames",
    "bugreports_SortSecondaryKey",
    "bugreports_disambigHang",
    "collapse_AuthorCollapse",
    "collapse_AuthorCollapseNoDate",
    "collapse_AuthorCollapseNoDateSorted",
    "collapse_ChicagoAfterCollapse",
    "collapse_TrailingDelimiter",
    "collapse_YearSuffixCollapse",
    "collapse_YearSuffixCollapseNoRange",
    "collapse_YearSuffixCollapseNoYearSuffixDelimiter",
    "collapse_YearSuffixImplicitCollapseNoYearSuffixDelimiter",
    "date_YearSuffixDelimiter",
    "disambiguate_YearCollapseWithInstitution",
    "disambiguate_YearSuffixWithEtAlSubsequent",
    "fullstyles_ChicagoAuthorDateSimple",
    "magic_SubsequentAuthorSubstitute",
    "magic_SubsequentAuthorSubstituteOfTitleField",
    "name_CiteGroupDelimiterWithYearCollapse",
    "name_EtAlWithCombined",
    "name_SubsequentAuthorSubstituteMultipleNames",
    "name_SubsequentAuthorSubstituteSingleField",
    "name_SubstitutePartialEach",
    "sort_AuthorDateWithYearSuffix",
    "sort_ChicagoYearSuffix1",
    "sort_ChicagoYearSuffix2",
    "sort_DropNameLabelInSort",
    "sort_GroupedByAuthorstring",
    "sort_SeparateAuthorsAndOthers",
    "sort_WithAndInOneEntry",
    "substitute_SharedMacro",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_bibliography.py::test_partial_substitute_keeps_the_period_a_last_initial_stood_for",
    "tests/csl/test_rules_bibliography.py::test_repeated_names_are_substituted",
    "tests/csl/test_rules_bibliography.py::test_subsequent_author_substitute_rules_replace_names_one_by_one",
    "tests/csl/test_rules_bibliography.py::test_substitute_keeps_the_names_affixes",
    "tests/csl/test_rules_bibliography.py::test_substitute_keeps_the_period_a_name_initial_stood_for",
    "tests/csl/test_rules_bibliography.py::test_substitute_replaces_names_not_their_label",
    "tests/csl/test_rules_collapse.py::test_after_collapsed_suffixes_the_layout_delimiter_follows",
    "tests/csl/test_rules_collapse.py::test_collapse_by_year_groups_cites_of_one_author",
    "tests/csl/test_rules_collapse.py::test_collapse_by_year_suffix_ranged",
    "tests/csl/test_rules_collapse.py::test_unsorted_citation_groups_only_neighbours",
    "tests/csl/test_rules_collapse_delimiters.py::test_explicit_after_collapse_delimiter_follows_locators_and_groups",
    "tests/csl/test_rules_collapse_delimiters.py::test_note_style_groups_by_the_layout_delimiter",
)


ELEMENTS = {"names": GroupableNames, "name": RecordsNameList}
