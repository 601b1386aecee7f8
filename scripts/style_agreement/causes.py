"""Group the misses of a run by what differs, to rank the causes for causes.md.

    python scripts/style_agreement/causes.py [--out /tmp/style-agreement] [--group top]

Reads OUT/results/*.json (written by run.py). Each miss (citeproc-js's line, citekit's line) is cut
into the fragments that differ (a character diff), and each fragment is classed: white space,
quotes, letter case, punctuation, digits, other text. A miss whose fragments are all of one class
is fixed by fixing that class alone ("sole"); a miss with several classes counts under each
("involved"). Misses without a citekit line are classed by why: the set's rendering raised (with
the exception), an item citekit's CSL-JSON reader skipped, or the public cite() (citations it
gets wrong that the internal session, given the document, gets right). The most frequent exact
fragments (``js → citekit``) are listed with an example each: they name the causes. Prints
Markdown (OUT/causes-data.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
QUOTES = set("'’‘\"“”`«»")
NUMBER_LABEL = re.compile(r"^[\[(]?\d+[\].)]?\s*")


def fragments(js: str, ck: str) -> list[tuple[str, str]]:
    matcher = SequenceMatcher(None, js, ck, autojunk=False)
    return [(js[i1:i2], ck[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def fragment_class(a: str, b: str) -> str:
    both = a + b
    if not both.strip():
        return "white space"
    if set(both) <= QUOTES | {" "}:
        return "quotes"
    if a.lower() == b.lower():
        return "letter case"
    if not any(ch.isalnum() for ch in both):
        return "punctuation"
    if any(ch.isdigit() for ch in both) and not any(ch.isalpha() for ch in both):
        return "digits"
    if re.fullmatch(r"</?[a-z]+[^>]*>", a.strip()) or re.fullmatch(r"</?[a-z]+[^>]*>", b.strip()):
        return "HTML markup"
    return "other text"


def classify(miss: dict[str, Any], row: dict[str, Any], doc_missed: set[tuple[str, str, int]]) -> list[str]:
    js, ck = miss["js"], miss["ck"]
    kind = miss["kind"]
    if miss.get("moved"):
        return ["order (same line elsewhere)"]
    if kind.startswith("citations") and (miss["style"], miss["set"], miss["index"]) not in doc_missed:
        return ["public cite() has no document (the session gets it right)"]
    if ck is None:
        errors = [
            e for e in row["errors"] if e.startswith(kind.split("/")[0].replace("citations", "citations"))
        ]
        errors = [e for e in row["errors"] if e.split(":")[0].startswith(kind.split("/")[0])] or errors
        if errors:
            return [
                "raises: "
                + errors[0].split(": ", 1)[1].split(" at ")[0][:60]
                + " at "
                + errors[0].rsplit(" at ", 1)[-1]
            ]
        if row.get("unread") and kind.startswith("bibliography"):
            return ["item skipped by citekit's CSL-JSON reader: " + row["unread"][0].split(": ", 1)[-1][:70]]
        return ["no citekit line"]
    if NUMBER_LABEL.sub("", js) == NUMBER_LABEL.sub("", ck) and js != ck:
        return ["citation number differs (an item missing or ordered differently before it)"]
    return sorted({fragment_class(a, b) for a, b in fragments(js, ck)})


def load(out: Path, group: str) -> list[dict[str, Any]]:
    styles = {
        line.split("\t")[0]: line.split("\t")[1]
        for line in (HERE / "styles.txt").read_text(encoding="utf-8").splitlines()
        if line
    }
    results = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "results").glob("*.json"))]
    return [r for r in results if group == "all" or styles.get(r["style"]) == group]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/style-agreement"))
    parser.add_argument("--group", default="top", choices=("top", "sample", "all"))
    args = parser.parse_args(argv)
    results = load(args.out, args.group)
    sole: Counter[str] = Counter()
    involved: Counter[str] = Counter()
    styles_of: dict[str, set[str]] = defaultdict(set)
    exact: Counter[tuple[str, str, str]] = Counter()
    example: dict[tuple[str, str, str], str] = {}
    total = 0
    for r in results:
        doc_missed = {
            (r["style"], m["set"], m["index"]) for m in r["misses"] if m["kind"].startswith("document")
        }
        for m in r["misses"]:
            m = {**m, "style": r["style"]}
            total += 1
            row = r["sets"][m["set"]]
            classes = classify(m, row, doc_missed)
            for c in classes:
                involved[c] += 1
                styles_of[c].add(r["style"])
            if len(classes) == 1:
                sole[classes[0]] += 1
            if m["ck"] is not None and not m.get("moved"):
                for a, b in fragments(m["js"], m["ck"]):
                    key = (fragment_class(a, b), a, b)
                    exact[key] += 1
                    example.setdefault(key, f"{r['style']} [{m['set']} {m['kind']}]: {m['js'][:160]}")
    lines = [
        f"# Misses of {len(results)} styles ({args.group}) by class: {total} misses",
        "",
        "| class | lines it alone would fix | lines it is in | styles |",
        "|---|---|---|---|",
    ]
    for c, n in involved.most_common():
        lines.append(f"| {c} | {sole[c]} | {n} | {len(styles_of[c])} |")
    lines += ["", "## Most frequent differing fragments (citeproc-js → citekit)", ""]
    for (c, a, b), n in exact.most_common(60):
        lines.append(f"- {n} × {c}: `{a!r}` → `{b!r}` e.g. {example[(c, a, b)]}")
    text = "\n".join(lines) + "\n"
    (args.out / "causes-data.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
