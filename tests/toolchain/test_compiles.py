"""citekit's BibTeX and BibLaTeX output compiles as the original bibliography did (issue 17).

Real bibliographies we did not write (scripts/toolchain/corpora.py: xampl, biblatex-examples,
typeset, printing-history and 1,000 TUGboat entries) are compiled as they are and as citekit
writes them, with pdflatex and bibtex (styles plain and unsrt from citekit's UTF-8 output, apalike
from its --ascii output, as the README advises) and with biber and biblatex's authoryear. citekit's
output may have no bibtex or biber warning or error, and no pdflatex error or missing character,
that the original's same entry did not have; and no entry of the typeset bibliography (a BibTeX
database) may lose a word the original's PDF shows, in any BibTeX style or in BibLaTeX.
pdflatex runs under a timeout. The tests skip, saying why, where pdflatex, bibtex, biber,
pdftotext, the LaTeX packages biblatex loads or the bibliographies are absent (.ci/run installs
them).
The whole matrix, with counts, is scripts/toolchain/summary.md (python -m scripts.toolchain.measure).
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from scripts.toolchain import runs
from scripts.toolchain.check import Cell, Target, original_run, run_cell
from scripts.toolchain.corpora import CORPORA, Corpus, find

TARGETS = (Target("plain"), Target("unsrt"), Target("apalike", ascii=True), Target(runs.BIBLATEX))
TIMEOUT = 90.0
WORDS_CORPUS = "typeset"


def _skip_reason(corpus: Corpus) -> str:
    missing = runs.missing_tools()
    if missing:
        return f"{', '.join(missing)} not installed (Debian: texlive-latex-base texlive-bibtex-extra biber poppler-utils)"
    if find(corpus.file) is None:
        return f"{corpus.file} not found (Debian's texlive-bibtex-extra / texlive-base)"
    return ""


@pytest.fixture(scope="module")
def cells(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Cell]:
    """Every corpus compiled in every target, two at a time (pdflatex and biber take one core each)."""
    work = tmp_path_factory.mktemp("toolchain")
    present = [c for c in CORPORA if not _skip_reason(c)]
    styles = sorted({t.style for t in TARGETS})
    with ThreadPoolExecutor(max_workers=2) as pool:
        originals = {
            (c.name, s): pool.submit(original_run, c, s, work, TIMEOUT) for c in present for s in styles
        }
        futures = {}
        for corpus in present:
            for target in TARGETS:
                original = originals[corpus.name, target.style].result()
                assert original is not None
                futures[corpus.name, target.label] = pool.submit(
                    run_cell, corpus, target, Path(work), original, TIMEOUT
                )
        return {key: future.result() for key, future in futures.items()}


# A file a document loads that is not installed (LaTeX's "File `x' not found", plain TeX's "I
# can't find file `x'"): the original compiles no more than ours, and comparing the two would find
# nothing (biblatex needs etoolbox, Debian's texlive-latex-recommended; Beebe's @preamble inputs
# path.sty, texlive-plain-generic).
_NOT_FOUND = re.compile(r"File `([^']+)' not found|I can't find file `([^']+)'")


def _skip_uncompiled(cell: Cell) -> None:
    found = (_NOT_FOUND.search(f.kind) for f in cell.original.findings)
    missing = sorted({m.group(1) or m.group(2) for m in found if m})
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not installed (Debian: texlive-latex-recommended, texlive-plain-generic)"
        )


def _describe(findings: list[runs.Finding]) -> str:
    return "\n".join(f"  [{f.entry}] {f.text}" for f in findings[:25])


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.label)
@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
def test_no_warning_or_error_the_original_lacks(
    corpus: Corpus, target: Target, cells: dict[tuple[str, str], Cell]
) -> None:
    """citekit's output of a real bibliography gives no bibtex/biber warning or error and no
    pdflatex error that the original's same entry did not give, and pdflatex finishes."""
    if reason := _skip_reason(corpus):
        pytest.skip(reason)
    cell = cells[corpus.name, target.label]
    _skip_uncompiled(cell)
    assert not cell.ours.timed_out, f"{cell.ours.timed_out} ran out of time on citekit's output"
    assert not cell.new, f"{len(cell.new)} new finding(s):\n{_describe(cell.new)}"


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.label)
def test_typeset_entries_lose_no_word(target: Target, cells: dict[tuple[str, str], Cell]) -> None:
    """No entry of typeset.bib shows fewer words in the PDF of citekit's output than in the original's."""
    corpus = next(c for c in CORPORA if c.name == WORDS_CORPUS)
    if reason := _skip_reason(corpus):
        pytest.skip(reason)
    cell = cells[corpus.name, target.label]
    _skip_uncompiled(cell)
    assert cell.entries > 800, "the original's PDF shows too few entries: the key markers are not found"
    lost = "\n".join(f"  {key}: {' '.join(words)}" for key, words in list(cell.lost.items())[:30])
    assert not cell.lost, f"{len(cell.lost)} entries lose words:\n{lost}"
