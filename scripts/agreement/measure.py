"""Do independent readers understand citekit's BibTeX and RIS the way citekit does?

    scripts/agreement/fetch_texlive.sh               # once: Debian's texlive-bibtex-extra under /work
    /work/venv/bin/pip install pypandoc-binary       # pandoc 3
    NODE_PATH=/work/reftools/node_modules /work/venv/bin/python scripts/agreement/measure.py [FILE.bib]

citekit reads a large real bibliography (default: Beebe's tugboat.bib, about 4,800 entries),
writes it as BibTeX, BibLaTeX and RIS, and then pandoc (pypandoc-binary) and citation-js (npm
@citation-js/core with plugin-bibtex and plugin-ris) read each file. For every record, the
titles, names, issued dates, container titles, volumes, issues, pages and DOIs they produce are
compared with citekit's own CSL-JSON of the record as that format carries it (``carry``: what
citekit reads back from the same file; fields the format cannot carry are in the loss report).

Each comparison counts one field: a title, one name, a date. Values are compared after Unicode
NFC, white space runs as one space, and page ranges with any dash as a hyphen; names as given
name plus family name with its particles, whichever part a reader files a particle under.

It prints a table and writes scripts/agreement/summary.txt (committed with the figures).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import citekit  # noqa: E402
from citekit import formats  # noqa: E402
from citekit.formats import case_protection  # noqa: E402

TEXLIVE = Path(os.environ.get("CITEKIT_TEXLIVE", ROOT.parent / "texlive"))
DEFAULT = TEXLIVE / "usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib"
TEXT_FIELDS = ("title", "container-title", "volume", "issue", "page", "DOI")
NAME_FIELDS = ("author", "editor")
NODE_PATH = os.environ.get("NODE_PATH", str(ROOT.parent / "reftools" / "node_modules"))


# What the disagreements are, as seen in the examples the script prints.
NOTES = """
Notes on the disagreements:
- Case protection: a braced title in the source ({Editor's Comments}) is read as a nocase span
  and written braced again, so pandoc keeps its case. The titles pandoc still changes are the
  ones the source left unbraced: by BibTeX's rules their capitals are the style's to change, and
  pandoc sentence-cases them ("Questions & answers"); it also typesets ' as a curly apostrophe.
  The second figure compares titles case-insensitively with straight and curly quotes alike.
- pandoc's RIS reader takes the date from PY alone and ignores DA. RIS puts the year in PY
  (the RIS specification, and the core issue's `PY 2019`) and the full date in DA, so every
  issued-date disagreement in pandoc's RIS column is a month or day pandoc does not read;
  citation-js, which reads DA, agrees on all of them.
- The few name disagreements are source names with a comma inside the family name
  ({Bell, II}), which RIS cannot write unambiguously (the loss report names them), and
  apostrophes pandoc turns into curly ones.
- "reading the source beside citekit's bibtex" runs each reader on the original file as well:
  pandoc joins the source's number and issue fields ("1, 1"), keeps DOIs as URLs, and drops
  the LaTeX macros it does not know (\\AmSTeX, \\MF) or misreads accents on \\i, none of which
  is in citekit's output. citation-js stops at the source's first entry it cannot parse.
"""


def norm(value: Any) -> str:
    """A value's words: NFC, white space runs as one space, case-protection markup left out (the
    readers keep the protected case but write no nocase spans of their own)."""
    text = unicodedata.normalize("NFC", case_protection.strip(str(value)))
    return " ".join(text.split())


def page(value: Any) -> str:
    return re.sub(r"\s*[-\u2010-\u2015]+\s*", "-", norm(value))


def name(data: dict[str, Any]) -> str:
    if data.get("literal"):
        return norm(data["literal"])
    family = " ".join(
        str(data[k]) for k in ("dropping-particle", "non-dropping-particle", "family") if data.get(k)
    )
    return norm(" ".join(p for p in (str(data.get("given", "")), family, str(data.get("suffix", ""))) if p))


def date(data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    parts = data.get("date-parts") or []
    if parts and parts[0]:
        return "-".join(str(int(p)) for p in parts[0] if str(p).strip())
    return norm(data.get("literal") or data.get("raw") or "")


def bibtex_title(value: Any) -> str:
    """A title as BibTeX defines it: the case of unbraced letters is the style's to change, and
    TeX typesets ' and ` as curly quotes (pandoc applies both when it reads BibTeX)."""
    text = norm(value).casefold()
    return text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))


def facts(item: dict[str, Any], lenient: bool = False) -> dict[str, str]:
    """The compared fields of one CSL-JSON item (``lenient``: titles as BibTeX defines them)."""
    out: dict[str, str] = {}
    for var in TEXT_FIELDS:
        if item.get(var) not in (None, ""):
            out[var] = page(item[var]) if var == "page" else norm(item[var])
            if lenient and var in ("title", "container-title"):
                out[var] = bibtex_title(item[var])
    for var in NAME_FIELDS:
        for i, person in enumerate(item.get(var) or []):
            out[f"{var}[{i}]"] = name(person)
    if item.get("issued"):
        out["issued"] = date(item["issued"])
    return out


def pandoc(path: Path, fmt: str) -> list[dict[str, Any]]:
    import pypandoc

    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", fmt, "-t", "csljson", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(result.stdout))


def citation_js(path: Path) -> list[dict[str, Any]]:
    result = subprocess.run(
        ["node", str(HERE / "citationjs.js"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NODE_PATH": NODE_PATH},
    )
    return list(json.loads(result.stdout))


def compare(
    expected: list[dict[str, Any]],
    actual: list[dict[str, Any]],
    by_id: bool,
    lenient: bool = False,
    names: tuple[str, str] = ("citekit", "reader"),
) -> tuple[int, Counter[str], list[str]]:
    """Fields compared, disagreements by variable, and a few examples."""
    index = {str(item.get("id")): item for item in actual}
    total, differing, examples = 0, Counter[str](), []
    for position, want in enumerate(expected):
        got = index.get(str(want["id"])) if by_id else None
        if got is None and position < len(actual):
            got = actual[position]
        got_facts = facts(got or {}, lenient)
        for key, value in facts(want, lenient).items():
            total += 1
            if got_facts.get(key) != value:
                differing[key.split("[")[0]] += 1
                if sum(1 for e in examples if f" {key.split('[')[0]}" in e) < 3:
                    examples.append(
                        f"{want['id']} {key}: {names[0]} {value!r}, {names[1]} {got_facts.get(key)!r}"
                    )
    return total, differing, examples


def _control(source: Path, written: Path) -> list[str]:
    """Each reader on the source file itself beside the same reader on citekit's BibTeX of it: where
    they agree, a disagreement above is the reader's reading of BibTeX, not something citekit wrote."""
    lines = []
    for reader, read in (("pandoc", lambda p: pandoc(p, "bibtex")), ("citation-js", citation_js)):
        try:
            original = read(source)
        except subprocess.CalledProcessError as failure:
            why = (failure.stderr or "").strip().splitlines()[:1] or ["no message"]
            lines.append(f"{reader:12} cannot read the source file itself: {why[0][:120]}")
            continue
        total, differing, examples = compare(original, read(written), True, names=("source", "citekit's"))
        agree = total - sum(differing.values())
        lines.append(
            f"{reader:12} reading the source beside citekit's bibtex: {total} fields; "
            f"identical {agree} ({agree / total:.2%})"
        )
        lines.append("    differing: " + ", ".join(f"{k} {n}" for k, n in differing.most_common()))
        lines += [f"    e.g. {e}" for e in examples]
    return lines


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not source.exists():
        sys.exit(f"{source} is missing: run scripts/agreement/fetch_texlive.sh first")
    records = citekit.load(str(source)).records
    lines = [f"source: {source.name}, {len(records)} records read by citekit", ""]
    overall = Counter[str]()
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, suffix, pandoc_fmt in (
            ("bibtex", ".bib", "bibtex"),
            ("biblatex", ".bib", "biblatex"),
            ("ris", ".ris", "ris"),
        ):
            path = Path(tmp) / f"citekit-{fmt}{suffix}"
            path.write_text(citekit.dump(records, fmt), encoding="utf-8")
            carry = formats.get(fmt).carry
            expected = [carry(r).to_csl() for r in records]
            for reader, read in (
                ("pandoc", lambda p, f=pandoc_fmt: pandoc(p, f)),
                ("citation-js", citation_js),
            ):
                items = read(path)
                total, differing, examples = compare(expected, items, by_id=fmt != "ris")
                _, lenient_differing, _ = compare(expected, items, fmt != "ris", lenient=True)
                agree = total - sum(differing.values())
                lenient_agree = total - sum(lenient_differing.values())
                overall.update(total=total, exact=agree, lenient=lenient_agree)
                lines.append(
                    f"{reader:12} reading citekit's {fmt:8}: {len(items)} items, {total} fields; "
                    f"identical {agree} ({agree / total:.2%}); "
                    f"titles compared as BibTeX defines them {lenient_agree} ({lenient_agree / total:.2%})"
                )
                if differing:
                    lines.append(
                        "    differing: " + ", ".join(f"{k} {n}" for k, n in differing.most_common())
                    )
                lines += [f"    e.g. {e}" for e in examples]
            if fmt == "bibtex":
                lines += _control(source, path)
    total = overall["total"]
    lines += [
        "",
        f"all readers: {total} fields; identical {overall['exact']} ({overall['exact'] / total:.2%}); "
        f"titles compared as BibTeX defines them {overall['lenient']} ({overall['lenient'] / total:.2%})",
    ]
    text = "\n".join(lines) + "\n" + NOTES
    print(text, end="")
    (HERE / "summary.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
