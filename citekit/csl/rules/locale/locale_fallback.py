"""CSL 1.0.2 "Locale Fallback": in-style locales (dialect, language, unspecified), then the
locale files (dialect, the language's primary dialect), ending with en-US; all parsed safely."""

from __future__ import annotations

from citekit.csl.style import locales
from citekit.csl.style.element import Element


class LocaleFallback(Element):
    def set_locale_list(self, output_locale: str, validate: bool = True) -> None:
        self.output_locale = output_locale
        self.locales = locales.fallback_chain(self, output_locale)
        for locale in self.locales:
            locale.style = self


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_AllCapsLeakage",
    "bugreports_BadCitationUpdate",
    "bugreports_ByBy",
    "bugreports_ChineseCharactersFamilyOnlyPluralLabel",
    "bugreports_ContextualPluralWithMainItemFields",
    "bugreports_GreekStyleProblems",
    "bugreports_GreekStyleTwoEditors",
    "bugreports_IeeePunctuation",
    "bugreports_LabelsOutOfPlace",
    "bugreports_MovePunctuationInsideQuotesForLocator",
    "bugreports_UndefinedBeforeVal",
    "bugreports_YearSuffixLingers",
    "bugreports_disambigHang",
    "collapse_CitationNumberRangesWithAffixesGroupedLocator",
    "condition_SingletonIfMatchNone",
    "date_LopsidedDataYearSuffixCollapse",
    "date_SeasonRange2",
    "date_SeasonRange3",
    "disambiguate_ImplicitYearSuffixOnceOnly",
    "disambiguate_LastOnlyFailWithByCite",
    "disambiguate_YearSuffixMixedDates",
    "disambiguate_YearSuffixWithMixedCreatorTypes",
    "display_SecondFieldAlignMigratePunctuation",
    "integration_IbidOnInsert",
    "integration_IbidWithDifferentLocators",
    "integration_SimpleIbid",
    "label_CollapsedPageNumberPluralDetection",
    "label_CompactNamesAfterFullNames",
    "label_EditorTranslator1",
    "label_ImplicitForm",
    "label_NameLabelThroughSubstitute",
    "label_PluralNumberOfVolumes",
    "label_PluralPagesWithAlphaPrefix",
    "label_PluralWithAmpersand",
    "label_PluralWithAnd",
    "label_PluralWithCommaAnd",
    "label_PluralWithCommaLocalizedAnd",
    "label_PluralWithLocalizedAmpersand",
    "label_PluralWithLocalizedAnd",
    "locale_NonExistentLocaleDef",
    "locator_SimpleLocators",
    "locator_SingularEmbeddedLabelAfterPlural",
    "locator_TermSelection",
    "locator_WorkaroundTestForSubVerbo",
    "magic_ImplicitYearSuffixDelimiter",
    "name_CiteGroupDelimiterWithYearSuffixCollapse",
    "name_CollapseRoleLabels",
    "name_EditorTranslatorBoth",
    "name_EditorTranslatorSameEmptyTerm",
    "name_EditorTranslatorSameWithTerm",
    "name_EditorTranslatorWithTranslatorOnlyBib",
    "name_EtAlWithCombined",
    "name_LabelAfterPlural",
    "name_LabelAfterPluralDecorations",
    "name_LabelFormatBug",
    "name_SubsequentAuthorSubstituteMultipleNames",
    "name_SubstituteInheritLabel",
    "name_TwoRolesSameRenderingSeparateRoleLabels",
    "number_PlainHyphenOrEnDashAlwaysPlural",
    "number_PreserveDelimiter",
    "number_SeparateOrdinalNamespaces",
    "plural_LabelForced",
    "plural_NameLabelAlways",
    "plural_NameLabelContextualPlural",
    "plural_NameLabelContextualSingular",
    "plural_NameLabelDefaultPlural",
    "plural_NameLabelDefaultSingular",
    "plural_NameLabelNever",
    "position_FirstTrueOnlyOnce",
    "position_IbidSeparateCiteSameNote",
    "position_IbidWithLocator",
    "punctuation_DelimiterWithStripPeriodsAndSubstitute1",
    "punctuation_DelimiterWithStripPeriodsAndSubstitute2",
    "punctuation_DelimiterWithStripPeriodsAndSubstitute3",
    "simplespace_case1",
    "sort_DropNameLabelInSort",
    "sort_SeparateAuthorsAndOthers",
    "substitute_SuppressOrdinaryVariable",
    "textcase_NoSpaceBeforeApostrophe",
    "variables_ContainerTitleShort",
    "variables_ContainerTitleShort2",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules.py::test_label_title_case",
    "tests/csl/test_rules.py::test_number_of_pages_label",
    "tests/csl/test_rules_agreement.py::test_label_of_an_empty_volume_is_rendered_as_citeproc_js_does",
    "tests/csl/test_rules_agreement.py::test_number_element_reads_hyphenated_variables",
    "tests/csl/test_rules_agreement.py::test_page_label_in_a_style",
    "tests/csl/test_rules_bibliography.py::test_substitute_replaces_names_not_their_label",
    "tests/csl/test_rules_locale_terms.py::test_style_locale_of_a_language_without_locale_file",
    "tests/csl/test_rules_locale_terms.py::test_substituted_names_are_not_repeated_within_the_substitute",
    "tests/csl/test_rules_locator_label.py::test_plain_locator_keeps_its_label",
    "tests/csl/test_rules_locators.py::test_ampersand_in_locator_is_escaped",
    "tests/csl/test_rules_locators.py::test_ampersand_in_locator_takes_the_locale_symbol",
    "tests/csl/test_rules_locators.py::test_sub_verbo_label_and_quoted_locator",
    "tests/csl/test_rules_page_ranges.py::test_escaped_hyphen_in_locator_is_no_range",
    "tests/csl/test_rules_page_ranges.py::test_page_locator_follows_page_range_format",
    "tests/csl/test_rules_variables.py::test_reviewed_author_is_a_name_with_a_verb_label",
)


ELEMENTS = {"style": LocaleFallback}
