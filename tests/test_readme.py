"""The README's examples and every `--help` example, run against the real citekit.

A README example is a fenced block whose first line starts with ``$ ``: each ``$ `` line is a shell
command, and the lines up to the next one are what it prints (stdout and stderr together, as a
terminal shows them). Each block runs in a fresh folder holding a copy of ``records/`` and
``examples/`` (the files the examples use), one shell for the whole block, so a block may make a
file and read it later, and ``echo $?`` gives the exit code of the command before it. Nothing is
normalised but trailing spaces; the temporary folder's path is written ``.``. A line ``...`` in
an expected output stands for any number of lines (a measurement's progress, say). A block
preceded by ``<!-- not run: REASON -->`` is skipped with that reason (an example that needs a
server or the full repository); say in the README where its output comes from.

When citekit's output changes on purpose, regenerate the README's expected outputs in place with

    UPDATE_README=1 python -m pytest tests/test_readme.py

and read the diff (`git diff README.md`) before committing it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer

from citekit.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# What a block's folder holds: the files the examples read.
FOLDERS = ("records", "examples")
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)
NOT_RUN = re.compile(r"<!-- not run: (.+?) -->\s*\Z")
# Separates the output of one command of a block from the next's (a character no output holds).
MARK = "\x1e"
UPDATING = os.environ.get("UPDATE_README") == "1"


@dataclass(frozen=True)
class Step:
    command: str
    expected: str  # its output, lines joined with "\n" (no final newline, no trailing spaces)
    gap: bool = False  # the README leaves a blank line after it (kept when rewriting)


@dataclass(frozen=True)
class Block:
    index: int
    line: int  # where the block's first command is in README.md
    start: int  # the block's text in README.md: [start, end)
    end: int
    steps: tuple[Step, ...]
    skip: str = ""  # why the block is not run ("" when it is)

    def __str__(self) -> str:
        return f"README.md:{self.line} {self.steps[0].command[:60]}"


def blocks(text: str) -> list[Block]:
    """Every example block of the README, in order."""
    found = []
    for match in FENCE.finditer(text):
        body = match.group(1)
        if not body.startswith("$ "):
            continue
        steps: list[tuple[str, list[str]]] = []
        for line in body.rstrip("\n").split("\n"):
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        line_number = text.count("\n", 0, match.start(1)) + 1
        not_run = NOT_RUN.search(text, max(0, match.start() - 300), match.start())
        found.append(
            Block(
                len(found),
                line_number,
                match.start(1),
                match.end(1),
                tuple(_step(command, out) for command, out in steps),
                not_run.group(1) if not_run else "",
            )
        )
    return found


def _step(command: str, out: list[str]) -> Step:
    text = "\n".join(line.rstrip() for line in out)
    return Step(command, text.rstrip("\n"), gap=bool(out) and not out[-1].strip())


def matches(output: str, expected: str) -> bool:
    """Whether ``output`` is ``expected``, a line ``...`` in it standing for any lines."""
    if "\n...\n" not in f"\n{expected}\n":
        return output == expected
    parts = [re.escape(part) for part in f"\n{expected}\n".split("\n...\n")]
    return re.fullmatch("(?:\n.*)*?\n".join(parts), f"\n{output}\n", re.DOTALL) is not None


def environment() -> dict[str, str]:
    """The shell of a block: the citekit of this Python first on PATH, no colour, a wide terminal."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CITEKIT_PROGRESS_DELAY")
    }
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}")
    env.update(NO_COLOR="1", COLUMNS="200", TERM="dumb", LC_ALL="C.UTF-8")
    return env


def workspace(tmp_path: Path) -> Path:
    for name in FOLDERS:
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def run_block(block: Block, folder: Path) -> list[str]:
    """Each command's output, run one after another in one shell in ``folder``."""
    script = []
    for step in block.steps:
        # The mark goes out before the command, keeping $? for a following `echo $?`.
        script.append(f"__status=$?; printf '{MARK}'; (exit $__status)")
        script.append(f"{{ {step.command}\n}} 2>&1")
    proc = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=folder,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.stderr == "", proc.stderr
    outputs = proc.stdout.split(MARK)[1:]
    return [normalised(output, folder) for output in outputs]


def normalised(output: str, folder: Path) -> str:
    output = output.replace(str(folder.resolve()), ".").replace(str(folder), ".")
    return "\n".join(line.rstrip() for line in output.rstrip("\n").split("\n")) if output.strip() else ""


def rewrite(block: Block, outputs: list[str]) -> None:
    """Put ``outputs`` in place of the block's expected outputs in README.md (UPDATE_README=1)."""
    text = README.read_text(encoding="utf-8")
    current = blocks(text)[block.index]
    body = "".join(
        f"$ {step.command}\n" + (output + "\n" if output else "") + ("\n" if step.gap else "")
        for step, output in zip(current.steps, outputs, strict=True)
    )
    README.write_text(text[: current.start] + body + text[current.end :], encoding="utf-8")


README_BLOCKS = blocks(README.read_text(encoding="utf-8"))
needs_jq = pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")


def test_the_readme_has_examples_and_their_files_are_in_the_repository() -> None:
    """The README's examples are found, and every path they name under examples/ exists."""
    assert len(README_BLOCKS) >= 8
    named = {
        word.rstrip("/")
        for block in README_BLOCKS
        for step in block.steps
        for word in shlex.split(step.command, comments=True)
        if word.startswith("examples/")
    }
    assert named
    assert all((ROOT / path).exists() for path in named), named


@pytest.mark.parametrize("block", README_BLOCKS, ids=str)
def test_readme_example_prints_what_the_readme_says(block: Block, tmp_path: Path) -> None:
    """Each README example block, run as written, prints exactly the output the README shows."""
    if block.skip:
        pytest.skip(block.skip)
    if "jq " in " ".join(step.command for step in block.steps) and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    outputs = run_block(block, workspace(tmp_path))
    if UPDATING:
        rewrite(block, outputs)
        return
    for step, output in zip(block.steps, outputs, strict=True):
        assert matches(output, step.expected), (
            f"README.md block at line {block.line}: `$ {step.command}` printed\n{output}\n"
            f"--- instead of\n{step.expected}\n"
            "(if the change is meant: UPDATE_README=1 python -m pytest tests/test_readme.py)"
        )


def help_examples() -> list[tuple[str, str]]:
    """(command, example line) for every example of every command's --help, and of `citekit --help`."""
    from typer.testing import CliRunner

    runner = CliRunner()
    group = typer.main.get_command(app)
    names = ["", *sorted(group.commands)]  # type: ignore[attr-defined]
    found = []
    for name in names:
        shown = runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "200"}).stdout
        section = shown.split("Example:", 1)[1].split("\n\n", 1)[0] if "Example:" in shown else ""
        found += [(name or "citekit", line.strip()) for line in section.splitlines() if line.strip()]
    return found


HELP_EXAMPLES = help_examples()


def test_every_command_shows_help_examples() -> None:
    """Every command's --help has at least one example, and each starts with `citekit`."""
    commands = {command for command, _ in HELP_EXAMPLES}
    assert commands == {"citekit", *typer.main.get_command(app).commands}  # type: ignore[attr-defined]
    assert all(example.startswith("citekit ") for _, example in HELP_EXAMPLES)


@pytest.mark.parametrize(("command", "example"), HELP_EXAMPLES, ids=[e for _, e in HELP_EXAMPLES])
def test_help_example_runs_as_written(command: str, example: str, tmp_path: Path) -> None:
    """Each --help example, typed at a terminal in a checkout, succeeds (exit 0, or 1 for `check`
    finding problems) and prints or writes something, with no error line."""
    pexpect = pytest.importorskip("pexpect")
    if "| jq" in example and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    if "://" in example:
        pytest.skip("the example reads a web address, and tests never use the network")
    folder = workspace(tmp_path)
    before = set(folder.rglob("*"))
    child = pexpect.spawn(
        "bash", ["-o", "pipefail", "-c", example], cwd=str(folder), env=environment(), encoding="utf-8"
    )
    child.expect(pexpect.EOF, timeout=300)
    child.close()
    shown = child.before
    allowed = (0, 1) if command == "check" else (0,)
    assert child.exitstatus in allowed, shown
    assert "citekit: error:" not in shown, shown
    assert shown.strip() or set(folder.rglob("*")) != before, "the example printed and wrote nothing"
