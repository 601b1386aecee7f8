"""``citekit/csl/RULES.md``, the catalogue of the CSL rules, made from the rule modules themselves.

    python -m citekit.csl.catalog           # print it
    python -m citekit.csl.catalog --write   # write citekit/csl/RULES.md

For each rule: the rule (its module's first sentence), the module, the elements it is a mixin
of, the rules it must wrap or sit inside (``rules.ORDER``), and its evidence, the suite fixtures
and the tests that fail when it is left out (``FIXTURES`` and ``TESTS`` of the module, found by
``scripts/csl_rule_evidence.py``). The finishing steps (``citekit.csl.finish``) follow.
``tests/csl/test_catalog.py`` checks that the file is what this module makes.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
RULES_MD = HERE / "RULES.md"
# finishing modules and the STEPS they are (author_substitute runs in the bibliography driver)
_FINISH_STEPS = {
    "superscripts": "superscripts",
    "flip_flop": "flip-flop",
    "punctuation": "duplicate punctuation",
    "punctuation_in_quote": "punctuation in quote",
    "author_substitute": "(bibliography driver, before the steps)",
}


def _first_sentence(module: ModuleType) -> str:
    """The module docstring's first sentence: the rule it implements."""
    text = " ".join((module.__doc__ or "").split("\n\n")[0].split())
    match = re.match(r"(.+?\.)(\s|$)", text)
    return match.group(1) if match else text


def _evidence(module: ModuleType) -> tuple[tuple[str, ...], tuple[str, ...]]:
    fixtures: tuple[str, ...] = getattr(module, "FIXTURES", ())
    tests: tuple[str, ...] = getattr(module, "TESTS", ())
    return fixtures, tests


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(f"`{value}`" for value in values) if values else "none"


def _rule_section(name: str) -> list[str]:
    from citekit.csl.rules import ORDER

    module = importlib.import_module(f"citekit.csl.rules.{name}")
    fixtures, tests = _evidence(module)
    lines = [f"#### `rules/{name.replace('.', '/')}.py`", "", _first_sentence(module), ""]
    lines.append(f"- Elements: {_listed(tuple(module.ELEMENTS))}")
    for order in ORDER:
        if order.matters and name in (order.outer, order.inner):
            other, verb = (order.inner, "wraps") if order.outer == name else (order.outer, "sits inside")
            lines.append(f"- {verb.capitalize()} `{other}` ({order.where}): {order.why}")
    lines.append(f"- Suite fixtures that fail without it ({len(fixtures)}): {_listed(fixtures)}")
    lines.append(f"- Tests that fail without it ({len(tests)}): {_listed(tests)}")
    return [*lines, ""]


def _finish_section(name: str) -> list[str]:
    module = importlib.import_module(f"citekit.csl.finish.{name}")
    fixtures, tests = _evidence(module)
    return [
        f"#### `finish/{name}.py`",
        "",
        _first_sentence(module),
        "",
        f"- Step: {_FINISH_STEPS[name]}",
        f"- Suite fixtures that fail without it ({len(fixtures)}): {_listed(fixtures)}",
        f"- Tests that fail without it ({len(tests)}): {_listed(tests)}",
        "",
    ]


def markdown() -> str:
    """The text of RULES.md."""
    from citekit.csl.finish import STEPS
    from citekit.csl.rules import RULE_MODULES, SECTIONS

    lines = [
        "# The CSL rules citekit adds to citeproc-py",
        "",
        "Made by `python -m citekit.csl.catalog --write` from the rule modules (do not edit by hand;",
        "`tests/csl/test_catalog.py` checks it). A rule's evidence is what fails when it is left out",
        "(`scripts/csl_rule_evidence.py`): the CSL test suite's fixtures that pass with every rule and",
        "fail without it, and the rule tests of `tests/csl/` (`test_rules*.py` and the like). A rule",
        "with no evidence is one no fixture or test tells apart, such as a rule that only makes",
        "rendering faster. How to add a rule: `CONTRIBUTING-csl.md`.",
        "",
        "## Element mixins (`rules/`), in the order they stack",
        "",
        "| Section | Module | Elements | Fixtures | Tests |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for name in RULE_MODULES:
        module = importlib.import_module(f"citekit.csl.rules.{name}")
        fixtures, tests = _evidence(module)
        section, _, short = name.partition(".")
        elements = ", ".join(module.ELEMENTS)
        lines.append(f"| {section} | `{short}` | {elements} | {len(fixtures)} | {len(tests)} |")
    lines += ["", "## Finishing steps (`finish/`), in order", ""]
    lines += [f"{number}. {step[0]}" for number, step in enumerate(STEPS, 1)]
    lines += ["", "## The rules one by one", ""]
    for section, modules in SECTIONS.items():
        lines += [f"### Section `{section}`", ""]
        for module_name in modules:
            lines += _rule_section(f"{section}.{module_name}")
    lines += ["### Finishing modules", ""]
    for name in _FINISH_STEPS:
        lines += _finish_section(name)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = markdown()
    if args == ["--write"]:
        RULES_MD.write_text(text, encoding="utf-8")
    elif not args:
        sys.stdout.write(text)
    else:
        print("usage: python -m citekit.csl.catalog [--write]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
