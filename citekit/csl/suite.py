"""Run the CSL processor test suite through citekit's CSL layer.

``python -m citekit.csl.suite DIR [--filter SUBSTRING] [--verbose]`` runs every fixture
(``DIR/*.txt``, the format of the suite's README.rst) and ends with ``N passed, M failed, K skipped``.
Fixtures listed in ``suite_skips.txt`` (beside this module) test citeproc-js behaviour rather than
CSL and are skipped. Each fixture runs under a time limit; any exception is a failure.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import signal
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citekit.csl.engine.cites import Cite
from citekit.csl.engine.session import Session
from citekit.csl.marks import FIELD_BREAK
from citekit.csl.style.load import Style
from citekit.csl.style.xml import parse_csl_text

SECTION = re.compile(r"^>>=+\s*([A-Z-]+)\s*=+>>[ \t]*\n(.*?)^<<=+\s*\1\s*=+<<", re.M | re.S)
SKIPS_FILE = Path(__file__).with_name("suite_skips.txt")
TIME_LIMIT = 5.0


@dataclass
class Fixture:
    name: str
    sections: dict[str, str]

    @classmethod
    def read(cls, path: Path) -> Fixture:
        text = path.read_text(encoding="utf-8-sig")
        sections = {m.group(1): m.group(2).rstrip("\n") for m in SECTION.finditer(text)}
        return cls(path.stem, sections)

    def json(self, section: str) -> Any:
        return json.loads(self.sections[section]) if section in self.sections else None

    @property
    def mode(self) -> str:
        return self.sections.get("MODE", "").strip()

    @property
    def expected(self) -> str:
        return self.sections.get("RESULT", "")


def skipped() -> dict[str, str]:
    """Fixture name -> why it is skipped, from suite_skips.txt (``name  reason`` per line)."""
    table: dict[str, str] = {}
    for line in SKIPS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            table[name] = reason.strip()
    return table


def _bib_body(entries: list[str]) -> str:
    lines = ['<div class="csl-bib-body">']
    for entry in entries:
        margin, broken, body = entry.partition(FIELD_BREAK)
        if broken:
            lines += [
                '  <div class="csl-entry">',
                f'    <div class="csl-left-margin">{margin}</div><div class="csl-right-inline">{body.rstrip()}</div>',
                "  </div>",
            ]
        else:
            lines.append(f'  <div class="csl-entry">{entry}</div>')
    lines.append("</div>")
    return "\n".join(lines)


def _document(fixture: Fixture, session: Session) -> str:
    """Output of a CITATIONS fixture: every citation after the last call, ``>>`` marking those the
    last call changed (as citeproc-js's processCitationCluster reports them), ``..`` the others."""
    calls = fixture.json("CITATIONS")
    order: list[str] = []
    cites: dict[str, list[Cite]] = {}
    notes: dict[str, int] = {}
    before: dict[str, str] = {}
    rendered: dict[str, str] = {}
    for number, (citation, pre, post) in enumerate(calls):
        cid = citation["citationID"]
        cites[cid] = citation["citationItems"]
        notes[cid] = int(citation.get("properties", {}).get("noteIndex", 0) or 0)
        order = [c[0] for c in pre] + [cid] + [c[0] for c in post]
        for other, note in (*pre, *post):  # the call may renumber the notes of the others
            notes[other] = int(note or 0)
        if number == len(calls) - 1:
            before = dict(rendered)
        texts = session.citations([cites[c] for c in order], [notes[c] for c in order])
        rendered = dict(zip(order, texts, strict=True))
    last = calls[-1][0]["citationID"]
    lines = []
    for index, cid in enumerate(order):
        changed = cid == last or before.get(cid) != rendered[cid]
        lines.append(f"{'>>' if changed else '..'}[{index}] {rendered[cid]}")
    return "\n".join(lines)


def _id(number: int, item: dict[str, Any]) -> str:
    """An item's id; items without one are numbered as the processing session numbers them."""
    return str(item.get("id", f"item-{number + 1}"))


def _ids(items: list[dict[str, Any]]) -> list[str]:
    """The items' ids, each once: an id given twice names one item, whose last data stand."""
    return list(dict.fromkeys(_id(n, item) for n, item in enumerate(items)))


def run_fixture(fixture: Fixture) -> str:
    """What citekit renders for a fixture, in the form of its RESULT section."""
    style = Style(parse_csl_text(fixture.sections["CSL"].strip(), origin=fixture.name))
    items = fixture.json("INPUT") or []
    session = Session(style, items, markup="html")
    citation_items = fixture.json("CITATION-ITEMS")
    if fixture.mode == "citation":
        if "CITATIONS" in fixture.sections:
            return _document(fixture, session)
        clusters = citation_items or [[{"id": i} for i in _ids(items)]]
        return "\n".join(session.citations(clusters))
    if "BIBENTRIES" in fixture.sections:
        ids = [str(i) for i in fixture.json("BIBENTRIES")[-1]]
        return _bib_body(session.bibliography(ids))
    if "CITATIONS" in fixture.sections:
        calls = fixture.json("CITATIONS")
        return _bib_body(session.bibliography([], [c[0]["citationItems"] for c in calls]))
    if citation_items:
        return _bib_body(session.bibliography([], citation_items))
    return _bib_body(session.bibliography(_ids(items)))


class FixtureTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt a runaway fixture (only possible in the main thread, where signals arrive)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise FixtureTimeout(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _normalized(text: str) -> str:
    """Trailing spaces and line breaks between tags (layout of citeproc-js's HTML, not content)
    do not count."""
    text = re.sub(r">[ \t]*\n\s*<", "><", text.strip())
    return "\n".join(line.rstrip() for line in text.splitlines())


@dataclass
class Outcome:
    name: str
    passed: bool
    report: str = ""


@dataclass
class SuiteResult:
    passed: list[str] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = f"{len(self.passed)} passed, {len(self.failed)} failed"
        return line + (f", {len(self.skipped)} skipped" if self.skipped else "")


def check(fixture: Fixture) -> Outcome:
    """Run one fixture and compare with its RESULT; exceptions and timeouts are failures."""
    try:
        with warnings.catch_warnings(), _time_limit(TIME_LIMIT):
            warnings.simplefilter("ignore")
            actual = run_fixture(fixture)
    except Exception as exc:  # any crash is one failed fixture, never the end of the run
        return Outcome(fixture.name, False, f"  {type(exc).__name__}: {exc}")
    expected = _normalized(fixture.expected)
    got = _normalized(actual)
    if got == expected:
        return Outcome(fixture.name, True)
    raw_expected, raw_got = fixture.expected.strip().splitlines(), actual.strip().splitlines()
    diff = difflib.unified_diff(raw_expected, raw_got, "expected", "got", lineterm="", n=0)
    return Outcome(fixture.name, False, "\n".join("  " + line for line in list(diff)[2:14]))


def fixtures(directory: Path, pattern: str | None = None) -> list[Path]:
    return [p for p in sorted(directory.glob("*.txt")) if pattern is None or pattern in p.stem]


def run(directory: Path, pattern: str | None = None) -> SuiteResult:
    result = SuiteResult()
    skips = skipped()
    for path in fixtures(directory, pattern):
        if path.stem in skips:
            result.skipped.append(path.stem)
            continue
        outcome = check(Fixture.read(path))
        if outcome.passed:
            result.passed.append(outcome.name)
        else:
            result.failed.append(outcome)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m citekit.csl.suite", description=__doc__)
    parser.add_argument("directory", type=Path, help="the suite's humans/ folder")
    parser.add_argument("--filter", help="only fixtures whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="name passing fixtures too")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        print(f"{args.directory}: not a folder", file=sys.stderr)
        return 2
    result = run(args.directory, args.filter)
    for outcome in result.failed:
        print(f"FAIL {outcome.name}\n{outcome.report}")
    if args.verbose:
        for name in result.passed:
            print(f"ok   {name}")
    print(result.summary())
    return 0 if not result.failed else 1


if __name__ == "__main__":
    sys.exit(main())
