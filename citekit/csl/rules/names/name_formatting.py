"""CSL 1.0.2 "Name" (cs:name): name order and particles, initials, et-al abbreviation, delimiters.

Covers the attributes of cs:name as the spec defines them: ``and``, ``delimiter-precedes-et-al``
and ``delimiter-precedes-last`` (contextual, always, never, after-inverted-name), ``et-al-min`` /
``et-al-use-first`` (and their ``-subsequent-`` forms for cites past the first), ``et-al-use-last``,
``form`` (long, short, count), ``initialize`` / ``initialize-with``, ``name-as-sort-order``,
``sort-separator``, the style's ``demote-non-dropping-particle`` and ``initialize-with-hyphen``,
and ``cs:name-part`` formatting. Names in scripts written without spaces (Chinese, Japanese,
Korean) are written family name first with no space.

Disambiguation (``citekit.csl.engine.disambiguation``) widens a cite's names: ``add_names`` (names
shown beyond ``et-al-use-first``) and ``givens`` (given-name expansion per name) reach this rule
in the rendering's state (``citekit.csl.engine.state``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from citeproc.string import String

from citekit.csl.rules.names.initials import initialized_with_markup
from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem
    from citekit.csl.engine.state import RenderState

_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# An "and" or "et al." term in a script written without spaces (Chinese 等) is joined to the names
# with no space around it; so is the Hebrew conjunction ו, a letter written onto the word, as
# citeproc-js (and the CSL test suite) joins it. A term with letters of a spaced script (Latin,
# Greek, Cyrillic, Armenian, other Hebrew letters, Arabic) keeps its spaces.
_TIGHT_TERM = re.compile(r"[\u05d5\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SPACED_TERM = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u058f\u05d0-\u05d4\u05d6-\u05ea\u0600-\u06ff]")
Option = Callable[[str], Any]
"""A name option (``et-al-min``, ``delimiter`` …) as it applies to the name being rendered."""

_CONTAINER = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
_INHERITED_AS = {"form": "name-form", "delimiter": "name-delimiter"}
_DEFAULTS = {
    "and": None,
    "delimiter": ", ",
    "delimiter-precedes-et-al": "contextual",
    "delimiter-precedes-last": "contextual",
    "et-al-min": None,
    "et-al-use-first": None,
    "et-al-subsequent-min": None,
    "et-al-subsequent-use-first": None,
    "et-al-use-last": "false",
    "form": "long",
    "initialize": "true",
    "initialize-with": None,
    "name-as-sort-order": None,
    "sort-separator": ", ",
}


def no_space_script(*parts: Any) -> bool:
    text = "".join(str(p) for p in parts if p)
    return bool(_NO_SPACE_SCRIPT.search(text)) and not _LATIN.search(text)


def _term_space(term: Any) -> str:
    """The space written between a name and an "and" or "et al." term."""
    text = str(term)
    return "" if _TIGHT_TERM.search(text) and not _SPACED_TERM.search(text) else " "


def _with_particle(particle: Any, family: Any, spaced: bool) -> Any:
    """A family name after its non-dropping particle; ``spaced``: a space even after an apostrophe."""
    return particle + " " + family if spaced and particle and family else _join(particle, family)


def _join(*parts: Any, sep: str = " ") -> Any:
    present = [p for p in parts if p]
    if not present:
        return ""
    out = present[0]
    for part in present[1:]:
        # no space after an apostrophe or hyphen, nor after a part whose affix ends in a space of
        # its own (``<name-part name="given" suffix="&#160;"/>``: ``John\u00a0Doe``)
        glue = "" if sep == " " and str(out).endswith(("’", "'", "-", "\u00a0")) else sep
        out = out + glue + part
    return out


class NameFormatting(Element):
    def _name_option(self, name: str, context: Element | None, sort_options: Any) -> Any:
        if sort_options and name in sort_options:
            return sort_options[name]
        # The answer depends only on attributes of the style, which never change once loaded: kept
        # on the element, as a name is formatted a dozen options at a time.
        kept: dict[tuple[str, Any], Any] | None = self.__dict__.get("_citekit_options")
        if kept is None:
            kept = {}
            self._citekit_options = kept
        key = (name, context)
        if key not in kept:
            kept[key] = self._style_option(name, context)
        return kept[key]

    def _style_option(self, name: str, context: Element | None) -> Any:
        if name in self.attrib:
            return self.get(name)
        found = (context if context is not None else self).xpath_search(_CONTAINER)
        inherited = _INHERITED_AS.get(name, name)
        for element in (*found, self.get_root()):
            if inherited in element.attrib:
                return element.get(inherited)
        return _DEFAULTS.get(name)

    def process(
        self,
        item: CitationItem,
        variable: str,
        context: Element | None = None,
        sort_options: Any = None,
        **kwargs: Any,
    ) -> Any:
        def option(name: str) -> Any:
            return self._name_option(name, context, sort_options)

        names = list(item.reference.get(variable.replace("-", "_"), []) or [])
        in_key = sort_options is not None  # a sort key: names only, no "and" nor "et al."
        cut = _abbreviation(item.state, names, option, in_key)
        if cut.truncated and cut.shown <= 0:
            return None  # et-al-use-first="0": no names at all
        shown = names[: cut.shown] if cut.truncated else names
        if option("form") == "count":
            return len(shown)
        givens = {} if in_key else item.state.disambiguation.givens
        texts = [self._one_name(item, name, i, variable, option, givens) for i, name in enumerate(shown)]
        if not in_key and item.state.names_depth >= 1 and item.state.name_texts is None:
            # each name as written, for subsequent-author-substitute's partial and -each rules
            item.state.name_texts = [str(text) for text in texts]
        # an institution (a literal name) is never written inverted
        inverted = [self._inverted(i, option) and "literal" not in name for i, name in enumerate(shown)]
        delimiter = option("delimiter")
        self._citekit_each = not in_key
        if not in_key:
            texts = self._each_affixed(texts, delimiter, final=not cut.truncated and len(texts) > 1)
        if cut.last:
            last = self._each_affixed(
                [self._one_name(item, names[-1], len(names) - 1, variable, option, givens)], delimiter, True
            )[0]
            return _join(*self._joined(texts, delimiter), sep="") + delimiter + "… " + last
        if cut.truncated:
            # in a sort key only the names shown count, not the "et al." after them (citeproc-js)
            return self._with_et_al(texts, inverted, option, None if in_key else self.et_al())
        # in a sort key only the names count, not the "and" between them
        institution_last = len(shown) == 2 and "literal" in shown[-1]
        return self._with_and(texts, inverted, option, None if in_key else option("and"), institution_last)

    def _with_et_al(self, texts: list[Any], inverted: list[bool], option: Option, et_al: Any) -> Any:
        """The names shown, then the "et al." term (cs:et-al), if there is one."""
        delimiter = option("delimiter")
        if not et_al:
            return self._join_with_delimiter(texts, delimiter)
        rule = option("delimiter-precedes-et-al")
        use = _precedes(rule, len(texts), inverted[-1] if inverted else False)
        glue = delimiter if use else _term_space(et_al)
        return self._join_with_delimiter(texts, delimiter) + glue + et_al

    def _with_and(
        self,
        texts: list[Any],
        inverted: list[bool],
        option: Option,
        and_: Any,
        institution_last: bool = False,
    ) -> Any:
        """The names joined, the last after "and" (the term, or ``&`` for ``and="symbol"``). Two
        names of which the second is an institution (a literal name) are joined by "and" alone,
        whatever ``delimiter-precedes-last`` says: citeproc-js joins its run of persons and its
        institutions so (``Abbott, B. P. & LIGO Collaboration``, but ``Org, & Abbott, B. P.``)."""
        delimiter = option("delimiter")
        if not and_ or len(texts) < 2:
            return self._join_with_delimiter(texts, delimiter)
        term = self.get_single_term("and") if and_ == "text" else self.preformat("&")
        rule = option("delimiter-precedes-last")
        use = _precedes(rule, len(texts) - 1, inverted[-2]) and not institution_last
        head = self._join_with_delimiter(texts[:-1], delimiter)
        space = _term_space(term)
        return head + (delimiter if use else space) + term + space + texts[-1]

    def markup(self, text: Any) -> Any:
        if isinstance(text, int):  # form="count": cs:names adds the counts of its variables
            return text
        if self.__dict__.get("_citekit_each"):
            with self._affixes("", self.get("suffix", "")):
                return self.wrap(text)  # the suffix once, after the list (the suite's plural_Name*)
        return super().markup(text)

    def _each_affixed(self, texts: list[Any], delimiter: str, final: bool) -> list[Any]:
        """Each name with cs:name's formatting and prefix, as citeproc-js writes them (``<b>Oaho
        AV</b>, <b>Ullman JD</b>``). A prefix's space after a delimiter's is dropped, but before the
        last name of a list that ends in one (frontiers: ``Lawrie DH,  Sameh AH``)."""
        prefix = self.get("prefix", "")
        collapse = prefix.startswith(" ") and delimiter.endswith(" ")
        out = []
        for index, text in enumerate(texts):
            dropped = collapse and index > 0 and not (final and index == len(texts) - 1)
            with self._affixes(prefix[1:] if dropped else prefix, ""):
                out.append(self.wrap(self.format(text)))
        return out

    @contextmanager
    def _affixes(self, prefix: str, suffix: str) -> Iterator[None]:
        """The element's affixes set to these while inside (wrap reads them from the element)."""
        kept = {name: self.get(name) for name in ("prefix", "suffix")}
        for name, value in (("prefix", prefix), ("suffix", suffix)):
            if value:
                self.set(name, value)
            elif name in self.attrib:
                del self.attrib[name]
        try:
            yield
        finally:
            for name, value in kept.items():
                if value is not None:
                    self.set(name, value)
                elif name in self.attrib:
                    del self.attrib[name]

    def _joined(self, texts: list[Any], delimiter: str) -> list[Any]:
        out: list[Any] = []
        for text in texts:
            out += [text, delimiter]
        return out[:-1]

    def _join_with_delimiter(self, texts: list[Any], delimiter: str) -> Any:
        if not texts:
            return String("")
        out = texts[0]
        for text in texts[1:]:
            out = out + delimiter + text
        return out

    def _inverted(self, index: int, option: Option) -> bool:
        order = option("name-as-sort-order")
        return option("form") != "short" and (order == "all" or (order == "first" and index == 0))

    def _name_part(self, which: str) -> Any:
        for part in self.iterfind("{http://purl.org/net/xbiblio/csl}name-part"):
            if part.get("name") == which:
                return part
        return None

    def _part(self, which: str, text: Any) -> Any:
        """``text`` with the formatting and affixes of this name's cs:name-part for ``which``."""
        part = self._name_part(which)
        if not text or part is None:
            return text
        return part.wrap(part.format(part.case(String(str(text)))))

    def _styled(self, which: str, text: Any) -> Any:
        """``text`` with the font and case (not the affixes) of the cs:name-part ``which``: each
        piece of a name (particle, family name) is styled on its own."""
        part = self._name_part(which)
        if not text or part is None:
            return text
        return part.format(part.case(String(str(text))))

    def _affixed(self, which: str, text: Any) -> Any:
        part = self._name_part(which)
        return part.wrap(text) if text and part is not None else text

    def _one_name(
        self, item: CitationItem, name: Any, index: int, variable: str, option: Option, givens: Any
    ) -> Any:
        if "literal" in name:
            return self._part("family", String(str(name["literal"])))
        given, family, dropping, non_dropping, suffix = name.parts()
        level = givens.get((variable, index), givens.get("*", 0)) if givens else 0
        form = option("form")
        init_with = option("initialize-with")
        if level:
            # level 1 shows the initials (a short name gains them; a long name initialized by
            # the style already shows them), level 2 the full given name (citeproc-js: ``J. Roe``
            # and ``K. Roe`` stay initials, ``John Doe`` and ``Jane Doe`` need the whole name)
            if form == "short":
                form = "long"
            if level > 1:
                init_with = None
        if given and not family:
            family, given = given, None
        if given and init_with is not None:
            hyphen = str(self.get_root().get("initialize-with-hyphen", "true")).lower() == "true"
            full_words = str(option("initialize")).lower() == "false"
            given = initialized_with_markup(str(given), init_with, hyphen, full_words)
        if no_space_script(family, given):
            family_text = self._part("family", family)
            if form == "short" or not given:
                return family_text
            return family_text + self._part("given", given)
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        spaced = bool(name.get("spaced-particle") or name.get("spaced_particle"))
        if form == "short":
            return self._part("family", _with_particle(non_dropping, family, spaced))
        given_text, family_text = self._styled("given", given), self._styled("family", family)
        dropping_text = self._styled("given", dropping)
        non_dropping_text = self._styled("family", non_dropping)
        if self._inverted(index, option):
            sort_separator = option("sort-separator")
            if demote == "display-and-sort":
                family_block = self._affixed("family", family_text)
                given_block = self._affixed("given", _join(given_text, dropping_text, non_dropping_text))
            else:
                family_block = self._affixed("family", _with_particle(non_dropping_text, family_text, spaced))
                given_block = self._affixed("given", _join(given_text, dropping_text))
            return _join(family_block, given_block, suffix, sep=sort_separator)
        comma_suffix = name.get("comma-suffix") or name.get("comma_suffix")
        family_block = _join(dropping_text, _with_particle(non_dropping_text, family_text, spaced))
        if suffix:
            family_block = family_block + (", " if comma_suffix else " ") + suffix
        return _join(self._affixed("given", given_text), self._affixed("family", family_block))


@dataclass(frozen=True)
class _Abbreviation:
    """How a list of names is cut short (CSL 1.0.2 "et-al" options)."""

    shown: int  # names shown before "et al." (et-al-use-first, and the names disambiguation adds)
    truncated: bool  # the list is cut (et-al-min reached, and names left over)
    last: bool  # et-al-use-last: the last name follows an ellipsis instead of "et al."


def _abbreviation(state: RenderState, names: list[Any], option: Option, in_key: bool) -> _Abbreviation:
    minimum, use_first = option("et-al-min"), option("et-al-use-first")
    position = state.position
    subsequent = (position is not None and not position.first) or state.etal_subsequent
    if subsequent and not in_key:
        minimum = option("et-al-subsequent-min") or minimum
        use_first = option("et-al-subsequent-use-first") or use_first
    # et-al abbreviation needs both attributes (citeproc-js: et-al-min alone abbreviates nothing)
    minimum = int(minimum) if minimum and use_first is not None else 0
    shown = int(use_first) if use_first is not None else len(names)
    shown += 0 if in_key else state.disambiguation.add_names
    truncated = bool(minimum) and len(names) >= minimum and shown < len(names)
    last = str(option("et-al-use-last")).lower() == "true" and truncated and len(names) - shown >= 2
    return _Abbreviation(shown, truncated, last)


def _precedes(rule: str, count: int, after_inverted: bool) -> bool:
    """Whether the delimiter goes before "and"/"et al.": ``count`` names precede it."""
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return after_inverted
    return count >= 2


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_ApostropheOnParticle",
    "bugreports_EtAlSubsequent",
    "bugreports_FourAndFour",
    "bugreports_ProcessorHang1",
    "decorations_AndTermUnaffectedByNameDecorations",
    "disambiguate_AddNamesSuccess",
    "disambiguate_AllNamesBaseNameCountOnFailureIfYearSuffixAvailable",
    "disambiguate_AllNamesGenerally",
    "disambiguate_AllNamesSimpleSequence",
    "disambiguate_AllNamesWithInitialsGenerally",
    "disambiguate_AndreaEg1a",
    "disambiguate_AndreaEg1b",
    "disambiguate_AndreaEg2",
    "disambiguate_AndreaEg3",
    "disambiguate_AndreaEg4",
    "disambiguate_AndreaEg5",
    "disambiguate_BasedOnEtAlSubsequent",
    "disambiguate_ByCiteBaseNameCountOnFailureIfYearSuffixAvailable",
    "disambiguate_ByCiteGivennameExpandCrossNestedNames",
    "disambiguate_ByCiteGivennameNoShortFormInitializeWith",
    "disambiguate_ByCiteGivennameShortFormInitializeWith",
    "disambiguate_ByCiteGivennameShortFormNoInitializeWith",
    "disambiguate_ByCiteIncremental1",
    "disambiguate_ByCiteIncremental2",
    "disambiguate_ByCiteMinimalGivennameExpandMinimalNames",
    "disambiguate_ByCiteRetainNamesOnFailureIfYearSuffixNotAvailable",
    "disambiguate_PrimaryNameGenerally",
    "disambiguate_PrimaryNameWithInitialsLimitedToPrimary",
    "disambiguate_SetsOfNames",
    "disambiguate_ToInitialOnly",
    "disambiguate_YearSuffixAtTwoLevels",
    "disambiguate_YearSuffixMacroSameYearExplicit",
    "disambiguate_YearSuffixMacroSameYearImplicit",
    "etal_UseZeroFirst",
    "fullstyles_ABdNT",
    "magic_NameSuffixWithComma",
    "name_AfterInvertedName",
    "name_ArabicShortForms",
    "name_ArticularWithComma",
    "name_AsianGlyphs",
    "name_AuthorCountWithMultipleVariables",
    "name_AuthorCountWithSameVarContentAndCombinedTermFail",
    "name_AuthorEditorCount",
    "name_DelimiterAfterInverted",
    "name_EtAlWithCombined",
    "name_FirstInitialFullForm",
    "name_FormattingOfParticles",
    "name_HebrewAnd",
    "name_HyphenatedNonDroppingParticle2",
    "name_InTextMarkupInitialize",
    "name_InTextMarkupNormalizeInitials",
    "name_InitialsInitializeFalse",
    "name_InitialsInitializeFalseEmpty",
    "name_InitialsInitializeFalsePeriod",
    "name_InitialsInitializeFalsePeriodSpace",
    "name_InitialsInitializeTrue",
    "name_InitialsInitializeTrueEmpty",
    "name_InitialsInitializeTruePeriod",
    "name_InitialsInitializeTruePeriodSpace",
    "name_InstitutionDecoration",
    "name_LongAbbreviation",
    "name_LowercaseSurnameSuffix",
    "name_OnlyGivenname",
    "name_ParsedCommaDelimitedDroppingParticleSortOrderingWithoutAffixes",
    "name_ParsedDroppingParticleWithApostrophe",
    "name_ParsedNonDroppingParticleWithApostrophe",
    "name_ParticleFormatting",
    "name_ParticlesDemoteNonDroppingNever",
    "name_WithNonBreakingSpace",
    "name_namepartAffixes",
    "nameattr_EtAlUseFirstOnCitationInBibliography",
    "sort_AguStyleReverseGroups",
    "sort_LeadingApostropheOnNameParticle",
    "sort_WithAndInOneEntry",
    "textcase_Uppercase",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_names.py::test_cs_name_formatting_and_prefix_go_on_each_name",
    "tests/csl/test_rules_names.py::test_two_names_ending_in_an_institution_are_joined_by_and_alone",
    "tests/csl/test_rules_bibliography_numbers.py::test_et_al_does_not_count_in_a_name_sort_key",
    "tests/csl/test_rules_disambiguation.py::test_added_names_tell_cites_apart",
    "tests/csl/test_rules_disambiguation.py::test_all_names_rule_expands_names_shared_by_different_people",
    "tests/csl/test_rules_disambiguation.py::test_ambiguity_is_judged_on_the_subsequent_et_al_form",
    "tests/csl/test_rules_disambiguation.py::test_each_cite_gets_only_the_names_it_needs",
    "tests/csl/test_rules_disambiguation.py::test_given_names_tell_authors_apart",
    "tests/csl/test_rules_locale_terms.py::test_name_part_ending_in_a_non_breaking_space_takes_no_other_space",
    "tests/csl/test_rules_names.py::test_count_form_adds_up_the_variables",
    "tests/csl/test_rules_names.py::test_dropping_particle_ending_in_an_apostrophe_is_parsed",
    "tests/csl/test_rules_names.py::test_et_al_min_alone_abbreviates_nothing",
    "tests/csl/test_rules_names.py::test_et_al_term_without_spaces_is_joined_tight",
    "tests/csl/test_rules_names.py::test_hebrew_and_term_is_joined_tight",
    "tests/csl/test_rules_names.py::test_name_part_formatting_styles_each_piece",
    "tests/csl/test_rules_names.py::test_names_without_spaces_are_family_first",
    "tests/csl/test_rules_names.py::test_space_after_an_apostrophe_particle_is_kept",
    "tests/csl/test_rules_names.py::test_suffix_written_after_a_comma_in_the_given_name",
    "tests/csl/test_rules_names_markup.py::test_tagged_given_name_is_initialized_inside_its_tags",
    "tests/csl/test_rules_sorting.py::test_and_between_names_does_not_sort",
)


ELEMENTS = {"name": NameFormatting}
