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
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
QUOTES = set("'’‘\"“”`«»")
NUMBER_LABEL = re.compile(r"^[\[(]?\d+[\].)]?\s*")


@lru_cache(maxsize=200_000)
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
    if not kind.startswith("bibliography") and all(
        re.fullmatch(r"[\d,–\- ]*", a + b) for a, b in fragments(js, ck)
    ):
        return ["citation number differs (an item missing or ordered differently before it)"]
    label = NUMBER_LABEL.match(js), NUMBER_LABEL.match(ck)
    if (
        NUMBER_LABEL.sub("", js) == NUMBER_LABEL.sub("", ck)
        and all(label)
        and label[0].group().strip() != label[1].group().strip()
    ):  # type: ignore[union-attr]
        return ["citation number differs (an item missing or ordered differently before it)"]
    return sorted({fragment_class(a, b) for a, b in fragments(js, ck)})


def _sole_fragments(js: str, ck: str, test: Any) -> bool:
    parts = fragments(js, ck)
    return bool(parts) and all(test(a, b) for a, b in parts)


def _case_after(js: str, ck: str, marks: str) -> bool:
    matcher = SequenceMatcher(None, js, ck, autojunk=False)
    changed = [(i1, i2, j1, j2) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
    return bool(changed) and all(
        js[i1:i2].lower() == ck[j1:j2].lower() and i1 > 0 and js[i1 - 1] in marks
        for i1, i2, j1, j2 in changed
    )


def _parts(line: str) -> list[str]:
    return sorted(re.split(r"; |, (?=\[)", line.strip("()[]")))


# Named causes, most specific first: the first that fits a miss takes it.
def _moved_text(js: str, ck: str) -> bool:
    parts = fragments(js, ck)
    gone = {a.strip(",:;. ") for a, _ in parts if len(a.strip(",:;. ")) > 3}
    came = {b.strip(",:;. ") for _, b in parts if len(b.strip(",:;. ")) > 3}
    return bool(gone & came)


RULES: list[tuple[str, Any]] = [
    (
        "HTML: a space left at the end of csl-right-inline (a suffix or delimiter) that citeproc-js trims",
        lambda js, ck: ck.replace(" </div>", "</div>") == js.replace(" </div>", "</div>") and " </div>" in ck,
    ),
    (
        "subsequent-author-substitute (———) loses the period after it",
        lambda js, ck: (
            bool(re.match(r"(\d+\.\s*)?(<[^>]+>)*[—–-]{2,}\.", NUMBER_LABEL.sub("", js)))
            and not re.match(r"(<[^>]+>)*[—–-]{2,}\.", NUMBER_LABEL.sub("", ck))
        ),
    ),
    (
        "hyphenated given names initialised with or without the hyphen (J.-D. / J. D.)",
        lambda js, ck: _sole_fragments(js, ck, lambda a, b: {a, b} == {" ", "-"} or {a, b} == {"", "-"}),
    ),
    (
        "punctuation next to a closing quote or ! ? dropped, doubled or moved (‘Jeopardy!’: / “baby”?)",
        lambda js, ck: _sole_fragments(
            js, ck, lambda a, b: not any(c.isalnum() for c in a + b) and bool(set(a + b) & set("?!:"))
        ),
    ),
    (
        "a substitute for a missing author (editor, translator) inside cs:choose in cs:substitute loses the author's name form and label",
        lambda js, ck: (
            (
                bool(re.search(r"(, |\()(eds?|trans|comp)\.", js))
                and not re.search(r"(, |\()(eds?|trans|comp)\.", ck)
            )
            or any(not a and re.fullmatch(r"\s*([A-Z]\.[ -]?)+\s*", b) for a, b in fragments(js, ck))
        ),
    ),
    (
        "a given name written as a short form of several letters (Elis., Hans-W.): citeproc-js keeps the letters, citekit keeps one",
        lambda js, ck: any(
            (a in ("lis", ".") and b in ("", "erner)")) or (a.isalpha() and a.islower() and b == ".")
            for a, b in fragments(js, ck)
        ),
    ),
    (
        "year-suffix letters in another order (items that sort alike)",
        lambda js, ck: (
            _sole_fragments(js, ck, lambda a, b: len(a) == len(b) == 1 and a.isalpha() and b.isalpha())
            and bool(re.search(r"\d{4}[a-z]", js))
        ),
    ),
    (
        "a different number of names before et al.",
        lambda js, ck: (
            "et al" in js + ck
            and _sole_fragments(js, ck, lambda a, b: not b.strip() or not a.strip() or "et al" in a + b)
        ),
    ),
    (
        "the same text in another place (a cs:choose branch taken differently: a type list without match, a condition)",
        _moved_text,
    ),
    (
        "a line break inside a value (pandoc keeps the source's): citeproc-js drops it, citekit keeps it",
        lambda js, ck: "\n" in ck and "\n" not in js,
    ),
    (
        "non-breaking space: citeproc-js writes U+00A0 where citekit writes a space or nothing",
        lambda js, ck: (
            _sole_fragments(
                js, ck, lambda a, b: "\xa0" in a or "\xa0" in b or (not a.strip() and not b.strip())
            )
            and "\xa0" in js
        ),
    ),
    (
        'quotes inside quotes: a quoted text inside quotes (quotes="true" twice, or typed inner quotes) keeps double marks in citeproc-js, citekit alternates to single',
        lambda js, ck: _sole_fragments(
            js, ck, lambda a, b: set(a + b) <= set("“”‘’\"'") and bool(set(a + b) & set("“”‘"))
        ),
    ),
    (
        "straight apostrophe kept by citeproc-js (inside a nocase span), curled by citekit",
        lambda js, ck: _sole_fragments(js, ck, lambda a, b: a == "'" and b == "’"),
    ),
    (
        "white space inside a value (doubled or at its edges) kept by citeproc-js",
        lambda js, ck: _sole_fragments(js, ck, lambda a, b: not (a + b).strip()) and "  " in js,
    ),
    (
        "the first word of an entry capitalised by citeproc-js (N.d., No date, In)",
        lambda js, ck: (
            _sole_fragments(js, ck, lambda a, b: a.lower() == b.lower())
            and re.sub(r"<[^>]+>", "", NUMBER_LABEL.sub("", js)).lstrip('([“"').lower()[:1]
            == re.sub(r"<[^>]+>", "", NUMBER_LABEL.sub("", ck)).lstrip('([“"')[:1]
        ),
    ),
    (
        "title case after a period, hyphen or slash (CitationStyles.Org, Spring-Verlag)",
        lambda js, ck: _case_after(js, ck, ".-/"),
    ),
    ("other letter case", lambda js, ck: _sole_fragments(js, ck, lambda a, b: a.lower() == b.lower())),
    (
        "an empty csl-right-inline div in citekit's HTML",
        lambda js, ck: '<div class="csl-right-inline"></div>' in ck and "csl-right-inline" not in js,
    ),
    (
        "the same cites in another order in a cluster (cite sorting)",
        lambda js, ck: js != ck and _parts(js) == _parts(ck),
    ),
    (
        "comma before the last name's 'and'/'&' (delimiter-precedes-last)",
        lambda js, ck: _sole_fragments(js, ck, lambda a, b: {a, b} == {"", ","}),
    ),
    (
        "number or plural label (No./Nos., pp./p.)",
        lambda js, ck: _sole_fragments(js, ck, lambda a, b: {a, b} <= {"", "s", "p.", "p", "os"}),
    ),
    (
        "other punctuation",
        lambda js, ck: _sole_fragments(js, ck, lambda a, b: not any(c.isalnum() for c in a + b)),
    ),
]


def named(miss: dict[str, Any], classes: list[str]) -> str:
    if len(classes) == 1 and classes[0] not in (
        "white space",
        "quotes",
        "letter case",
        "punctuation",
        "digits",
        "HTML markup",
        "other text",
    ):
        return classes[0]
    js, ck = miss["js"], miss["ck"]
    for name, test in RULES:
        if test(js, ck):
            return name
    return "unnamed: " + " + ".join(classes)


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
    causes: Counter[str] = Counter()
    cause_styles: dict[str, set[str]] = defaultdict(set)
    cause_example: dict[str, str] = {}
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
            cause = named(m, classes)
            causes[cause] += 1
            cause_styles[cause].add(r["style"])
            if m["ck"] is not None:
                cause_example.setdefault(
                    cause, f"{r['style']} [{m['set']} {m['kind']}]\n  - {m['js'][:220]}\n  + {m['ck'][:220]}"
                )
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
    lines += ["", "## Named causes (each miss counted once, under the first rule that fits it)", ""]
    lines += ["| cause | misses | styles |", "|---|---|---|"]
    lines += [f"| {c} | {n} | {len(cause_styles[c])} |" for c, n in causes.most_common()]
    lines += ["", "### An example of each", ""]
    for c, _ in causes.most_common():
        if c in cause_example:
            lines += [f"- {c}: {cause_example[c]}"]
    lines += ["", "## Most frequent differing fragments (citeproc-js → citekit)", ""]
    for (c, a, b), n in exact.most_common(60):
        lines.append(f"- {n} × {c}: `{a!r}` → `{b!r}` e.g. {example[(c, a, b)]}")
    text = "\n".join(lines) + "\n"
    (args.out / "causes-data.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
