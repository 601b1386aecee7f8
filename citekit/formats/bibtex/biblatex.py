"""BibLaTeX output: the BibTeX writer in its BibLaTeX dialect (ISO dates, journaltitle, location …)."""

from __future__ import annotations

from collections.abc import Sequence

from citekit.formats.bibtex import write as bibtex
from citekit.formats.bibtex.tables import BIBLATEX
from citekit.model import Record


def write(records: Sequence[Record], ascii: bool = False) -> str:
    """BibLaTeX text; Unicode stays UTF-8 unless ``ascii`` asks for LaTeX accent commands."""
    return bibtex.write(records, ascii=ascii, dialect=BIBLATEX)


def carry(record: Record) -> Record:
    """The record as BibLaTeX carries it: what reading ``write([record])`` gives back."""
    return bibtex.carry(record, dialect=BIBLATEX)
