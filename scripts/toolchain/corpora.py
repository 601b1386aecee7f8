"""The real bibliographies the toolchain check compiles, none of them written by us.

They come with Debian's TeX Live: ``xampl.bib`` (BibTeX's own examples, texlive-base),
``biblatex-examples.bib`` (biblatex's, texlive-bibtex-extra) and three of Nelson Beebe's
bibliographies (texlive-bibtex-extra): ``typeset.bib``, ``printing-history.bib`` and a sample of
1,000 entries of ``tugboat.bib``. Each is found with ``kpsewhich``, or under the unpacked package
of ``scripts/agreement/fetch_texlive.sh``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_UNPACKED = "usr/share/texlive/texmf-dist/bibtex/bib"


@dataclass(frozen=True)
class Corpus:
    """One bibliography: its name in reports, the file's name and, for a sample, how many entries."""

    name: str
    file: str
    sample: int = 0


CORPORA = (
    Corpus("xampl", "xampl.bib"),
    Corpus("biblatex-examples", "biblatex-examples.bib"),
    Corpus("typeset", "typeset.bib"),
    Corpus("printing-history", "printing-history.bib"),
    Corpus("tugboat-1000", "tugboat.bib", sample=1000),
)
BY_NAME = {c.name: c for c in CORPORA}


def find(file: str) -> Path | None:
    """The path of a bibliography of TeX Live, or None when it is not installed or unpacked."""
    if shutil.which("kpsewhich"):
        done = subprocess.run(["kpsewhich", file], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return Path(done.stdout.strip())
    for tree in (os.environ.get("CITEKIT_TEXLIVE"), ROOT.parent / "texlive"):
        if tree:
            hits = sorted((Path(tree) / _UNPACKED).rglob(file))
            if hits:
                return hits[0]
    return None


# Beebe's files (and most others) start every block at the beginning of a line.
_BLOCK_START = re.compile(r"^@", re.M)
_ENTRY_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)")
_CROSSREF = re.compile(r"\bcrossref\s*=\s*[{\"]\s*([^}\"\s]+)", re.I)
_NOT_ENTRIES = frozenset({"string", "preamble", "comment"})


def sample(text: str, count: int) -> str:
    """``count`` entries spread evenly over a bibliography, with every @string, @preamble and
    @comment and the crossref parents of the chosen entries, all in the file's order."""
    starts = [m.start() for m in _BLOCK_START.finditer(text)]
    blocks = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    entries = [i for i, b in enumerate(blocks) if _kind(b) not in _NOT_ENTRIES]
    step = len(entries) / count if len(entries) > count else 1
    chosen = {entries[int(i * step)] for i in range(min(count, len(entries)))}
    keys = {_key(blocks[i]).lower(): i for i in entries}
    for i in list(chosen):
        for parent in _CROSSREF.findall(blocks[i]):
            if parent.lower() in keys:
                chosen.add(keys[parent.lower()])
    kept = [b for i, b in enumerate(blocks) if i in chosen or _kind(b) in _NOT_ENTRIES]
    return text[: starts[0] if starts else len(text)] + "".join(kept)


def _kind(block: str) -> str:
    match = _ENTRY_HEAD.match(block)
    return match.group(1).lower() if match else "comment"


def _key(block: str) -> str:
    match = _ENTRY_HEAD.match(block)
    return match.group(2) if match else ""


def materialise(corpus: Corpus, folder: Path) -> Path | None:
    """The corpus as a file in ``folder`` (a sample is cut there); None when the file is absent."""
    source = find(corpus.file)
    if source is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{corpus.name}.bib"
    text = source.read_text(encoding="utf-8", errors="surrogateescape")
    if corpus.sample:
        text = sample(text, corpus.sample)
    target.write_text(text, encoding="utf-8", errors="surrogateescape")
    return target
