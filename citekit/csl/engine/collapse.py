"""CSL 1.0.2 "Citation-specific options", cite grouping and collapsing.

Cites with the same names are grouped (in the order their names first appear) when the citation
collapses by year or sets ``cite-group-delimiter``. ``collapse="year"`` then writes the names once
(``Smith 1900, 2000``); ``year-suffix`` also writes a repeated year once (``2000a, b``);
``year-suffix-ranged`` makes runs of three or more suffixes a range (``a–c``).
``collapse="citation-number"`` makes runs of three or more consecutive numbers a range (``1–3``).
Delimiters: ``cite-group-delimiter`` (default ", ", the layout's delimiter in note styles) within a
group, ``year-suffix-delimiter`` between suffixes and ``after-collapse-delimiter`` after a collapsed
group (both default to the layout's delimiter); an explicit after-collapse-delimiter of a year
collapse also follows every group and every cite with a locator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem

EN_DASH = "–"
_PUNCTUATION = ",.;:"
YEAR_COLLAPSES = ("year", "year-suffix", "year-suffix-ranged")


@dataclass
class RenderedCite:
    item: CitationItem
    text: str
    names: str | None
    affixed: bool


def _number(cite: RenderedCite) -> int | None:
    if cite.affixed or "locator" in cite.item:
        return None
    try:
        return int(cite.item.number)
    except (AttributeError, ValueError, TypeError):
        return None


def _number_runs(cites: list[RenderedCite], delimiter: str) -> str:
    pieces: list[str] = []
    run: list[RenderedCite] = []

    def flush() -> None:
        if len(run) >= 3:
            pieces.append(run[0].text + EN_DASH + run[-1].text)
        else:
            pieces.extend(c.text for c in run)
        run.clear()

    for cite in cites:
        number = _number(cite)
        if number is None:
            flush()
            pieces.append(cite.text)
            continue
        previous = _number(run[-1]) if run else None
        if previous is not None and number != previous + 1:
            flush()
        run.append(cite)
    flush()
    return delimiter.join(pieces)


def _suffix_run(letters: list[str], ranged: bool, delimiter: str) -> str:
    if not ranged:
        return delimiter.join(letters)
    out: list[str] = []
    start = 0
    for end in range(1, len(letters) + 1):
        if (
            end == len(letters)
            or ord(letters[end][-1]) != ord(letters[end - 1][-1]) + 1
            or len(letters[end]) > 1
        ):
            chunk = letters[start:end]
            out.append(chunk[0] + EN_DASH + chunk[-1] if len(chunk) >= 3 else delimiter.join(chunk))
            start = end
    return delimiter.join(out)


def _group_text(
    group: list[RenderedCite],
    mode: str | None,
    cite_delimiter: str,
    suffix_delimiter: str,
    short: Callable[[CitationItem], str],
    after_collapse: str = "",
    after_locator: str = "",
) -> str:
    if mode not in YEAR_COLLAPSES or len(group) == 1:
        return _cites_joined(group, cite_delimiter, after_locator)
    pieces: list[str] = []
    collapsed: set[int] = set()  # pieces that took several suffixes: after-collapse-delimiter follows
    located: set[int] = set()  # pieces of cites with a locator: ``after_locator`` follows
    letters: list[str] = []
    current: str | None = None  # the short form, less its suffix, that later suffixes may join

    def flush() -> None:
        if letters:
            pieces[-1] += _suffix_run(letters, mode == "year-suffix-ranged", suffix_delimiter)
            if len(letters) > 1:
                collapsed.add(len(pieces) - 1)
            letters.clear()

    for index, cite in enumerate(group):
        text = cite.text if index == 0 else short(cite.item)
        if not text:
            continue  # a cite with nothing besides its names (no date) adds nothing
        suffix = str(cite.item.reference.get("year_suffix") or "")
        if mode != "year" and suffix and text.endswith(suffix):
            compared = short(cite.item)[: -len(suffix)]
            if letters and compared == current:
                letters.append(suffix)
                continue
            flush()
            pieces.append(text[: -len(suffix)])
            letters.append(suffix)
            current = compared
        else:
            flush()
            pieces.append(text)
            current = None
            if after_locator and "locator" in cite.item:
                located.add(len(pieces) - 1)
    flush()
    out = pieces[0] if pieces else ""
    for index in range(1, len(pieces)):
        if index - 1 in located:
            out += after_locator + pieces[index]
            continue
        out += (after_collapse if index - 1 in collapsed else cite_delimiter) + pieces[index]
    return out


def _cites_joined(group: list[RenderedCite], delimiter: str, after_locator: str) -> str:
    """A group's cites joined by ``delimiter``, except after a cite with a locator, where
    ``after_locator`` (the explicit after-collapse-delimiter, as in citeproc-js) stands:
    ``Wong 1999, 328; 2000, 475``."""
    out = ""
    for index, cite in enumerate(group):
        if index:
            out += after_locator if after_locator and "locator" in group[index - 1].item else delimiter
        out += cite.text
    return out


def _author_key(item: CitationItem) -> str:
    """A grouping key from the item's names when the cite rendered none (an author-less layout)."""
    reference = item.reference
    for variable in ("author", "editor"):
        names = reference.get(variable)
        if names:
            return "|".join(str(sorted(n.items())) for n in names)
    return ""


def _key_of(group: list[RenderedCite]) -> str:
    return group[0].names or _author_key(group[0].item)


def _plain_join(cites: list[RenderedCite], delimiter: str) -> str:
    """Cites joined by the layout delimiter, except before a cite whose prefix starts with
    punctuation (``Book A, cited in Book B``), which takes the delimiter's place."""
    out = ""
    for index, cite in enumerate(cites):
        if index and cite.text.lstrip()[:1] not in tuple(_PUNCTUATION):
            # after a cite whose suffix ends in punctuation, the delimiter's own is dropped
            suffix = str(cites[index - 1].item.get("suffix", "")).rstrip()
            out += delimiter.lstrip(_PUNCTUATION) if suffix[-1:] in tuple(",;:") else delimiter
        out += cite.text
    return out


def join(citation: Any, cites: list[RenderedCite], short: Callable[[CitationItem], str]) -> str:
    """The cites of one citation joined, grouped and collapsed as ``citation`` says; ``short``
    renders a cite without its names."""
    layout_delimiter = str(citation.layout.get("delimiter", ""))
    mode = citation.get("collapse")
    if mode == "citation-number":
        return _number_runs(cites, layout_delimiter)
    grouping = mode in YEAR_COLLAPSES or citation.get("cite-group-delimiter") is not None
    if not grouping:
        return _plain_join(cites, layout_delimiter)
    reorder = citation.sort is not None  # cites only move next to their group when sorted
    groups: list[list[RenderedCite]] = []
    by_names: dict[str, list[RenderedCite]] = {}
    for cite in cites:
        key = cite.names or _author_key(cite.item)
        target = (
            by_names.get(key)
            if reorder
            else (groups[-1] if groups and key and _key_of(groups[-1]) == key else None)
        )
        if key and target is not None and not cite.affixed:
            target.append(cite)
            continue
        group = [cite]
        groups.append(group)
        if key:
            by_names.setdefault(key, group)
    # the spec's default ", " holds for in-text styles; note styles keep the layout's delimiter
    # (citeproc-js; the suite's note-style fixtures expect ``Smith 2000a; 2000b``)
    in_text = citation.getparent().get("class") != "note"
    cite_delimiter = citation.get("cite-group-delimiter", ", " if in_text else layout_delimiter)
    suffix_delimiter = citation.get(
        "year-suffix-delimiter", citation.get("cite-group-delimiter", layout_delimiter)
    )
    explicit_after = citation.get("after-collapse-delimiter") if mode == "year" else None
    after_collapse = citation.get("after-collapse-delimiter", layout_delimiter)
    out = ""
    for number, group in enumerate(groups):
        if number:
            # an explicit after-collapse-delimiter of a year collapse follows every group
            collapsed = len(groups[number - 1]) > 1 or explicit_after is not None
            out += after_collapse if collapsed else layout_delimiter
        out += _group_text(
            group, mode, cite_delimiter, suffix_delimiter, short, after_collapse, explicit_after or ""
        )
    return out
