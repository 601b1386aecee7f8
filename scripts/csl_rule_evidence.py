"""Which CSL suite fixtures and which tests fail when one CSL rule is left out: the evidence each
rule module records in its ``FIXTURES`` and ``TESTS`` (``citekit/csl/RULES.md`` lists them).

    python scripts/csl_rule_evidence.py                       # every rule, printed
    python scripts/csl_rule_evidence.py names.name_formatting # one rule
    python scripts/csl_rule_evidence.py --write [RULE …]      # and written into the modules

Each rule runs in a process of its own, with the rule left out of the element classes (a rule
module of ``citekit.csl.rules``) or out of the finishing steps (a module of
``citekit.csl.finish``); the suite runs from ../shared/csl-test-suite/humans and the tests are
the rule tests of tests/csl/ (``RULE_TESTS``). Only fixtures that pass, and tests that pass, with
every rule in place count. About a minute a rule.

    python scripts/csl_rule_evidence.py --json evidence.json  # the findings kept in a file
    python scripts/csl_rule_evidence.py --apply evidence.json # and written into the modules later
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HUMANS = ROOT.parent / "shared" / "csl-test-suite" / "humans"
# finish modules and the steps (citekit.csl.finish.STEPS) or functions they stand for
FINISH = {
    "superscripts": ("superscripts",),
    "flip_flop": ("flip-flop",),
    "punctuation": ("duplicate punctuation",),
    "punctuation_in_quote": ("punctuation in quote",),
    "author_substitute": (),
}
# The tests of the rules on minimal styles; the suite floor, the agreement sets, style lookup and
# thread safety take a minute or more each and test no rule of their own.
RULE_TESTS = (
    "tests/csl/test_rules*.py",
    "tests/csl/test_default_name.py",
    "tests/csl/test_missing_variables.py",
)


def _leave_out(rule: str) -> None:
    """Take ``rule`` out before anything renders (this process only)."""
    if rule.startswith("finish."):
        name = rule.removeprefix("finish.")
        from citekit.csl import finish
        from citekit.csl.engine import bibliography

        finish.STEPS = tuple(step for step in finish.STEPS if step[0] not in FINISH[name])
        if name == "author_substitute":
            bibliography.substituted = lambda text, *_: text  # type: ignore[assignment]
        return
    from citekit.csl import rules

    rules.RULE_MODULES = tuple(m for m in rules.RULE_MODULES if m != rule)


class _Failures:
    def __init__(self) -> None:
        self.failed: list[str] = []

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed:
            self.failed.append(report.nodeid)


def _run(rule: str | None) -> dict[str, list[str]]:
    """In this process: the fixtures that pass and the tests that fail, ``rule`` left out."""
    import pytest

    if rule:
        _leave_out(rule)
    from citekit.csl import suite

    passed = suite.run(HUMANS).passed
    failures = _Failures()
    args = [
        "-q",
        "-p",
        "no:cacheprovider",
        *(str(p.relative_to(ROOT)) for g in RULE_TESTS for p in sorted(ROOT.glob(g))),
    ]
    pytest.main(args, plugins=[failures])
    return {"passed": passed, "failed_tests": failures.failed}


def _in_subprocess(rule: str | None) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", rule or ""],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    line = done.stdout.strip().splitlines()[-1]
    result: dict[str, list[str]] = json.loads(line)
    return result


def every_rule() -> list[str]:
    from citekit.csl.rules import RULE_MODULES

    return [*RULE_MODULES, *(f"finish.{m}" for m in FINISH)]


def _module_path(rule: str) -> Path:
    package = "finish" if rule.startswith("finish.") else "rules"
    name = rule.removeprefix("finish.")
    return ROOT / "citekit" / "csl" / package / (name.replace(".", "/") + ".py")


def _tuple(name: str, values: list[str]) -> str:
    if not values:
        return f"{name}: tuple[str, ...] = ()\n"
    body = "".join(f'    "{v}",\n' for v in values)
    return f"{name}: tuple[str, ...] = (\n{body})\n"


def write(rule: str, fixtures: list[str], tests: list[str]) -> None:
    """Record the evidence in the rule's module, replacing what it recorded before."""
    path = _module_path(rule)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n# Evidence: .*?(?=\nELEMENTS|\Z)", "\n", text, flags=re.S).rstrip("\n") + "\n"
    block = (
        "\n# Evidence: what fails when this rule is left out (scripts/csl_rule_evidence.py).\n"
        + _tuple("FIXTURES", fixtures)
        + _tuple("TESTS", tests)
    )
    if "\nELEMENTS" in text:
        head, _, tail = text.rpartition("\nELEMENTS")
        text = head.rstrip("\n") + "\n" + block + "\n\nELEMENTS" + tail
    else:
        text = text + block
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("rules", nargs="*", help="rules as in RULE_MODULES, or finish.<module>")
    parser.add_argument("--write", action="store_true", help="record the evidence in the modules")
    parser.add_argument("--json", type=Path, help="keep the findings in this file")
    parser.add_argument("--apply", type=Path, help="record the findings of this file in the modules")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(_run(args.child or None)))
        return 0
    if args.apply:
        for rule, found in json.loads(args.apply.read_text(encoding="utf-8")).items():
            write(rule, found["fixtures"], found["tests"])
        return 0
    if not HUMANS.is_dir():
        print(f"{HUMANS}: the CSL test suite is not there", file=sys.stderr)
        return 2
    baseline = _in_subprocess(None)
    passing = set(baseline["passed"])
    failing_before = set(baseline["failed_tests"])
    findings = {}
    for rule in args.rules or every_rule():
        found = _in_subprocess(rule)
        fixtures = sorted(passing - set(found["passed"]))
        tests = sorted(set(found["failed_tests"]) - failing_before)
        print(f"{rule}: {len(fixtures)} fixtures, {len(tests)} tests", flush=True)
        findings[rule] = {"fixtures": fixtures, "tests": tests}
        if args.write:
            write(rule, fixtures, tests)
        if args.json:
            args.json.write_text(json.dumps(findings, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
