"""Identifier checks, and the clean-up steps run after reading (switched off by raw)."""

from __future__ import annotations

import citekit
from citekit.normalize.identifiers import find_dois, isbn_is_valid, issn_is_valid
from citekit.normalize.steps import STEPS, clean

PAGE = """Research portal
A symbolic analysis of relay and swit\u00adching circuits
Research output: Contribution to journal › Article
Claude E. SHANNON
Journal\tTRANSACTIONS OF THE AMERICAN INSTITUTE OF ELECTRICAL ENGINEERS
Volume\t57
Publication status\tPublished - Dec 1938
Abstract
Relay cir-cuits are de-scribed with Boolean algebra.
"""


def test_isbn_and_issn_check_digits() -> None:
    """ISBN-10, ISBN-13 and ISSN check digits are verified; a changed digit fails."""
    assert isbn_is_valid("978-0-262-03384-8") and not isbn_is_valid("978-0-262-03384-9")
    assert isbn_is_valid("0-201-89683-4") and not isbn_is_valid("0-201-89683-5")
    assert issn_is_valid("0017-8969") and not issn_is_valid("0017-8968")


def test_dois_found_bare_and_as_links_each_once() -> None:
    """DOIs are found bare or in doi.org links, in order, without repeats or a trailing period."""
    text = "https://doi.org/10.1136/bmj.n71\n10.1371/journal.pmed.1003583. 10.1136/bmj.n71"
    assert find_dois(text) == ("10.1136/bmj.n71", "10.1371/journal.pmed.1003583")


def test_reading_cleans_and_raw_keeps_the_page_text() -> None:
    """By default capitals, hyphens and soft hyphens are cleaned; with raw the page's text is kept."""
    record = citekit.loads(PAGE).records[0]
    assert record.get("title") == "A symbolic analysis of relay and switching circuits"
    assert record.get("container-title") == "Transactions of the American Institute of Electrical Engineers"
    assert record.names["author"][0].family == "Shannon"
    assert record.get("abstract") == "Relay circuits are described with Boolean algebra."
    raw = citekit.loads(PAGE, raw=True).records[0]
    assert raw.get("container-title") == "TRANSACTIONS OF THE AMERICAN INSTITUTE OF ELECTRICAL ENGINEERS"
    assert raw.names["author"][0].family == "SHANNON"
    assert "\u00ad" in raw.get("title") and "cir-cuits" in raw.get("abstract")


def test_each_step_can_be_skipped_by_name() -> None:
    """clean(record, skip=...) leaves out exactly the named steps."""
    raw = citekit.loads(PAGE, raw=True).records[0]
    assert set(STEPS) == {"whitespace", "name-case", "title-case", "dehyphenate"}
    partly = clean(raw, skip={"title-case"})
    assert partly.get("container-title").isupper()
    assert partly.names["author"][0].family == "Shannon"
