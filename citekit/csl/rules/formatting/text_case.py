"""CSL 1.0.2 "Text-case": lowercase, uppercase, capitalize-first, capitalize-all, sentence, title.

Applied segment by segment so that nocase spans and rich-text markup keep their case. Title case
(English only) capitalizes lowercase words, and each part of hyphenated, dashed or slashed words,
except stop words that are neither first, last, nor after a colon; words with capitals are kept.
Sentence case capitalizes the first word and lowercases the rest only when all is in capitals.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from citeproc.string import MixedString, NoCase, String

from citekit.csl.marks import CLOSE_MARK, OPEN_MARK, TYPED
from citekit.csl.style.element import Element

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "across",
        "afore",
        "after",
        "against",
        "along",
        "alongside",
        "amid",
        "amidst",
        "among",
        "amongst",
        "an",
        "and",
        "anenst",
        "apropos",
        "apud",
        "around",
        "as",
        "aside",
        "astride",
        "at",
        "athwart",
        "atop",
        "barring",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "but",
        "by",
        "circa",
        "despite",
        "down",
        "during",
        "except",
        "for",
        "forenenst",
        "from",
        "given",
        "in",
        "inside",
        "into",
        "lest",
        "like",
        "modulo",
        "near",
        "next",
        "nor",
        "notwithstanding",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "out",
        "over",
        "per",
        "plus",
        "pro",
        "qua",
        "sans",
        "since",
        "so",
        "than",
        "the",
        "through",
        "thru",
        "throughout",
        "thruout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "until",
        "unto",
        "up",
        "upon",
        "versus",
        "vs.",
        "v.",
        "vis-à-vis",
        "with",
        "within",
        "without",
        "worth",
    ]
)
# Name particles, kept lowercase inside titles as citeproc-js keeps them ("John von Doe"); its list
# has only these (``des``, ``la``, ``der`` are capitalized: "Recensement Annuel Des Manufactures").
NAME_PARTICLES = frozenset(["d’", "de", "van", "von"])
# Further words citeproc-js keeps lowercase in titles ("The Al-Qaeda et Al", "Via the yet c").
CITEPROC_JS_SKIP_WORDS = frozenset(["al", "c", "ca", "et", "v", "via", "vs", "yet"])
_KEPT_LOWER = STOP_WORDS | NAME_PARTICLES | CITEPROC_JS_SKIP_WORDS
_WORD = re.compile(r"[^\s\u2013\u2014/-]+")
# A period (``Proc. the First``) ends no sentence for title case, as citeproc-js reads it.
_SENTENCE_END = (":", "?", "!")
_AROUND_WORDS = "()[]{}\"'“”‘’.,;:!?" + OPEN_MARK + CLOSE_MARK + TYPED


def _segments(text: Any) -> list[Any]:
    return list(text) if isinstance(text, MixedString) else [text]


def _kept(segment: Any) -> bool:
    return isinstance(segment, NoCase)


def _rebuild(pieces: list[Any]) -> Any:
    out: Any = String("")
    for piece in pieces:
        out = out + piece
    return out


def _cap(word: str) -> str:
    """First letter capitalized when it is a Latin letter (a Greek symbol such as β is kept)."""
    first = word[:1]
    if first.isalpha() and not unicodedata.name(first, "").startswith("LATIN"):
        return word
    return first.upper() + word[1:]


def _words(segments: list[Any]) -> list[tuple[int, re.Match[str]]]:
    return [(n, m) for n, seg in enumerate(segments) for m in _WORD.finditer(str(seg))]


def _title(segments: list[Any]) -> list[Any]:
    words = _words(segments)
    out = [str(s) for s in segments]
    replacements: dict[int, list[tuple[int, int, str]]] = {}
    previous = ""
    for index, (seg, match) in enumerate(words):
        word = match.group(0)
        if not _kept(segments[seg]):
            core = word
            bare = re.sub(r"^[^\w]+|[^\w.]+$", "", core)
            first_part = match.start() == 0 or str(segments[seg])[match.start() - 1] not in "-/"
            # a single letter keeps its case but first in the title or after ":" "?" "!" (citeproc-js:
            # "Part b of c", "07-x", "3-Dx")
            single = len(core.strip(_AROUND_WORDS)) == 1  # a backslash counts: "Orig\-I\-Na"
            opening = index == 0 or previous.endswith(_SENTENCE_END)
            if single and (not first_part or not opening):
                replacements.setdefault(seg, []).append((match.start(), match.end(), core))
                previous = word
                continue
            stop = bare.lower() in _KEPT_LOWER and index not in (0, len(words) - 1)
            stop = stop and not previous.endswith(_SENTENCE_END)
            text = str(segments[seg])
            opens_compound = text[match.end() : match.end() + 1] == "-" and first_part
            if bare.islower() and (
                opens_compound or not (stop and (first_part or bare.lower() in _KEPT_LOWER))
            ):
                lead = len(core) - len(core.lstrip("“‘\"'([" + OPEN_MARK + TYPED))
                core = core[:lead] + _cap(core[lead:])
            replacements.setdefault(seg, []).append((match.start(), match.end(), core))
        previous = word
    for seg, changes in replacements.items():
        text = out[seg]
        for start, end, new in reversed(changes):
            text = text[:start] + new + text[end:]
        out[seg] = text
    return [segments[n] if _kept(segments[n]) else type(segments[n])(out[n]) for n in range(len(segments))]


def _first_letter(segments: list[Any], every_word: bool) -> list[Any]:
    out = []
    done = False
    for segment in segments:
        if _kept(segment) or (done and not every_word):
            out.append(segment)
            if str(segment).strip():
                done = True
            continue
        text = str(segment)
        if every_word:
            text = _WORD.sub(lambda m: _cap(m.group(0)) if m.group(0).islower() else m.group(0), text)
        else:
            match = _WORD.search(text)
            if match and match.group(0).islower():
                text = text[: match.start()] + _cap(match.group(0)) + text[match.end() :]
        done = done or bool(text.strip())
        out.append(type(segment)(text))
    return out


def _sentence_word(word: str, shouting: bool) -> str:
    """Words in capitals (acronyms) keep them unless the whole text is in capitals."""
    return word.lower() if shouting or word != word.upper() else word


# Languages whose dotted and dotless i are two letters (Turkish, Azerbaijani): Unicode's default
# case mapping would turn "i" into "I" and lose the dot, so these letters are mapped first.
_LOCALE_CASE = {
    ("uppercase", "tr"): str.maketrans({"i": "İ"}),
    ("uppercase", "az"): str.maketrans({"i": "İ"}),
    ("lowercase", "tr"): str.maketrans({"I": "ı", "İ": "i"}),
    ("lowercase", "az"): str.maketrans({"I": "ı", "İ": "i"}),
}


def _changed_case(text: str, case: str, language: str | None) -> str:
    table = _LOCALE_CASE.get((case, (language or "")[:2].lower()))
    if table is not None:
        text = text.translate(table)
    return text.lower() if case == "lowercase" else text.upper()


def apply_case(text: Any, case: str | None, language: str | None) -> Any:
    if not case or text is None:
        return text
    segments = _segments(text)
    if case in ("lowercase", "uppercase"):
        return _rebuild([s if _kept(s) else type(s)(_changed_case(str(s), case, language)) for s in segments])
    if case == "capitalize-first":
        return _rebuild(_first_letter(segments, False))
    if case == "capitalize-all":
        return _rebuild(_first_letter(segments, True))
    if case == "sentence":
        editable = "".join(str(s) for s in segments if not _kept(s))
        shouting = editable == editable.upper()
        segments = [
            s if _kept(s) else type(s)(_WORD.sub(lambda m: _sentence_word(m.group(0), shouting), str(s)))
            for s in segments
        ]
        return _rebuild(_first_letter(segments, False))
    if case == "title":
        if language and not _english(language):
            return text
        return _rebuild(_title(segments))
    return text


def _english(language: str) -> bool:
    """Whether an item in ``language`` is English to title case: its first two letters, in any
    case and whatever follows them, are "en" ("en-GB", "English", "eng"), as citeproc-js reads the
    field (anything not starting with two letters is some other language)."""
    return re.match(r"[a-zA-Z]{2}", language) is not None and language[:2].lower() == "en"


class TextCase(Element):
    @staticmethod
    def applies_to(element: Element) -> bool:
        # a locale's cs:date-part takes the attributes of the style's while it renders (citeproc-py
        # copies them over), so it may gain a text-case later
        return element.get("text-case") is not None or str(element.tag).endswith("}date-part")

    def case(self, text: Any, language: Any = None) -> Any:
        if self.get("macro") is not None:
            # citeproc-js applies text-case only where a string is written (a variable, a term, a
            # value, a number, a date part, a name part), never to the group a macro call makes:
            # ``<text macro="title" text-case="title"/>`` leaves the macro's output as it is
            # (CSL schema issue #417 records this reading of the specification)
            return text
        if self.get("term") is not None and self.get("text-case") == "title":
            language = "en"  # a term is title-cased whatever the locale (citeproc-js)
        if language is None:
            language = str(self.get_root().get("default-locale", "en"))[:2]
        return apply_case(text, self.get("text-case"), language)


# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).
FIXTURES: tuple[str, ...] = (
    "bugreports_TitleCase",
    "flipflop_Apostrophes",
    "textcase_AfterQuote",
    "textcase_ImplicitNocase",
    "textcase_InQuotes",
    "textcase_LocaleUnicode",
    "textcase_Lowercase",
    "textcase_NonEnglishChars",
    "textcase_SkipNameParticlesInTitleCase",
    "textcase_StopWordBeforeHyphen",
    "textcase_TitleCapitalization2",
    "textcase_TitleCaseWithFinalNocase",
    "textcase_TitleCaseWithHyphens",
    "textcase_TitleCaseWithNonBreakSpace",
    "textcase_TitleWithEmDash",
    "textcase_TitleWithEnDash",
    "textcase_Uppercase",
)
TESTS: tuple[str, ...] = (
    "tests/csl/test_rules_richtext.py::test_text_case_leaves_nocase_spans_alone",
    "tests/csl/test_rules_text_case.py::test_text_case_on_a_macro_call_is_not_applied",
    "tests/csl/test_rules_text_case.py::test_title_case_reads_the_language_field_by_its_first_two_letters",
    "tests/csl/test_rules_text_case.py::test_terms_are_title_cased_whatever_the_locale",
    "tests/csl/test_rules_text_case.py::test_a_labels_title_case_capitalizes_its_last_word",
    "tests/csl/test_rules_text_case.py::test_turkish_lowercase_writes_dotless_i",
    "tests/csl/test_rules_text_case.py::test_turkish_uppercase_keeps_the_dot_on_i",
)


ELEMENTS = {
    "text": TextCase,
    "date-part": TextCase,
    "number": TextCase,
    "name-part": TextCase,
    "label": TextCase,  # citeproc-py's own title case lowercased a last stop word ("Edited by")
}
