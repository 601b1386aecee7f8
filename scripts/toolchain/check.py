"""One cell of the toolchain check: a corpus, a style and one of citekit's outputs, compiled side by
side with the original file; what citekit's output adds, and the words its entries lose."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.toolchain import compare, runs
from scripts.toolchain.corpora import Corpus, materialise


@dataclass(frozen=True)
class Target:
    """How citekit's output is made and compiled: a style, a citekit format and ``--ascii`` or not."""

    style: str
    ascii: bool = False

    @property
    def format(self) -> str:
        return "biblatex" if self.style == runs.BIBLATEX else "bibtex"

    @property
    def label(self) -> str:
        return f"{self.style}{' --ascii' if self.ascii else ''}"


@dataclass
class Cell:
    """The outcome of one corpus in one target."""

    corpus: str
    target: Target
    original: runs.Compiled
    ours: runs.Compiled
    new: list[runs.Finding] = field(default_factory=list)
    lost: dict[str, list[str]] = field(default_factory=dict)
    entries: int = 0  # entries the original's PDF shows
    citekit_stderr: str = ""


def original_run(corpus: Corpus, style: str, work: Path, timeout: float) -> tuple[Path, runs.Compiled] | None:
    """The corpus file and the original compiled in ``style`` (None when the file is absent)."""
    source = materialise(corpus, work / "sources")
    if source is None:
        return None
    return source, runs.compile_bibliography(source, style, work / corpus.name / style / "original", timeout)


def run_cell(
    corpus: Corpus,
    target: Target,
    work: Path,
    original: tuple[Path, runs.Compiled],
    timeout: float = runs.DEFAULT_TIMEOUT,
) -> Cell:
    """Export the corpus with citekit for ``target``, compile it, and compare with the original."""
    source, compiled = original
    folder = work / corpus.name / target.style / ("ascii" if target.ascii else "utf8")
    folder.mkdir(parents=True, exist_ok=True)
    written = folder / "citekit.bib"
    stderr = compare.export(source, written, target.format, target.ascii)
    ours = runs.compile_bibliography(written, target.style, folder / "build", timeout)
    keys = compare.key_map(source, written)
    cell = Cell(corpus.name, target, compiled, ours, citekit_stderr=stderr)
    cell.new = compare.new_findings(compiled.findings, ours.findings, keys)
    if compiled.pdf is not None:
        original_texts = runs.entry_texts(compiled.pdf)
        cell.entries = len(original_texts)
        ours_texts = runs.entry_texts(ours.pdf) if ours.pdf is not None else {}
        broken = frozenset(f.entry.lower() for f in compiled.findings if f.tool == "pdflatex" and f.entry)
        bib_text = source.read_text(encoding="utf-8", errors="replace")
        crossrefs = compare.crossref_keys(bib_text)
        misread = compare.misread_months(bib_text) if target.style == runs.BIBLATEX else {}
        cell.lost = compare.words_lost(original_texts, ours_texts, keys, broken, crossrefs, misread)
    return cell
