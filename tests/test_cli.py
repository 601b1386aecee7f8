"""The app as a whole: help and an example for every command, --version, completion, usage errors,
formats, and a start-up path that imports nothing heavy (speed itself is measured by bench/startup.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from citekit import __version__, formats
from citekit.cli import app

runner = CliRunner()
# The installed script: completion is keyed to the program name, so `python -m citekit` will not do.
SCRIPT = Path(sys.executable).parent / "citekit"
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="the citekit script is not installed")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_registry_has_the_commands_this_issue_builds() -> None:
    """export, check and formats are registered (other commands may join them)."""
    assert {"export", "check", "formats"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_text_and_an_example(name: str) -> None:
    """`citekit NAME --help` describes the command and shows an example invocation of it."""
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert f"Usage: citekit {name}" in text
    description = text.split("\n\n")[1].strip()
    assert len(description.split()) >= 4, f"{name} has no help text"
    example = text.split("Example", 1)[1] if "Example" in text else ""
    assert f"citekit {name}" in example, f"{name} --help shows no example"


def test_top_level_help_lists_every_command_and_the_exit_codes() -> None:
    """`citekit --help` lists every command, documents the exit codes and shows an example."""
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout
    words = " ".join(result.stdout.split())
    assert "0 success" in words and "2 usage error" in words
    assert "Example" in result.stdout


def test_no_arguments_shows_help() -> None:
    """`citekit` alone prints the help (to stderr, as a usage problem) and exits 2."""
    result = runner.invoke(app, [])
    assert result.exit_code == 2
    assert "Commands" in result.output


def test_version() -> None:
    """--version prints the name and version and exits 0."""
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"citekit {__version__}\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "--frmat", "apa"], "No such option: --frmat"),
        (["nosuchcommand"], "No such command 'nosuchcommand'"),
        (["export", "-o"], "Option '-o' requires an argument"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(args: list[str], expected: str) -> None:
    """A command-line mistake is one line on stderr pointing to --help, with exit code 2."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("citekit: error: ") and expected in lines[0]
    assert "--help`" in lines[0]


@needs_script
def test_shell_completion_script() -> None:
    """--show-completion prints a completion script for the named shell."""
    proc = subprocess.run(
        [str(SCRIPT), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "_CITEKIT_COMPLETE=complete_bash" in proc.stdout
    assert "complete -o default -F _citekit_completion citekit" in proc.stdout


@needs_script
def test_format_values_complete() -> None:
    """Completing `citekit export --format v` offers vancouver; `--format b` offers bibtex."""
    env = {"_CITEKIT_COMPLETE": "complete_bash", "COMP_WORDS": "citekit export --format v", "COMP_CWORD": "3"}
    proc = subprocess.run([str(SCRIPT)], capture_output=True, text=True, check=False, env=env)
    assert "vancouver" in proc.stdout.split()
    env["COMP_WORDS"] = "citekit export --format b"
    proc = subprocess.run([str(SCRIPT)], capture_output=True, text=True, check=False, env=env)
    assert "bibtex" in proc.stdout.split()


def test_formats_lists_the_registry() -> None:
    """`citekit formats` has one row per registered format, saying whether it is read and written."""
    result = runner.invoke(app, ["formats"])
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:] if line.strip()}
    for fmt in formats.FORMATS.values():
        row = rows[fmt.name]
        assert row[1] == ("yes" if fmt.readable else "no")
        assert row[2] == ("yes" if fmt.writable else "no")
    assert "\x1b" not in result.stdout


def test_formats_json() -> None:
    """`citekit formats --format json` is the registry as a JSON list, for scripts."""
    result = runner.invoke(app, ["formats", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [row["name"] for row in data] == list(formats.FORMATS)
    assert all(set(row) == {"name", "title", "read", "write", "suffixes"} for row in data)
    bad = runner.invoke(app, ["formats", "--format", "yaml"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_of_every_command_is_exercised_by_a_test(name: str) -> None:
    """Each option of each command is passed (as a quoted "--option" or "-o") in at least one test."""
    tests = "\n".join(path.read_text(encoding="utf-8") for path in Path(__file__).parent.rglob("*.py"))
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    untested = [
        param.opts[0]
        for param in command.params
        if param.opts[0].startswith("-")
        and param.name != "help"
        and not any(f'"{opt}"' in tests for opt in (*param.opts, *param.secondary_opts))
    ]
    assert untested == []


# What `citekit --help` and `--version` must not import: each costs tens of milliseconds.
HEAVY = ("rich", "pygments", "citeproc", "lxml", "bibtexparser", "pydantic", "httpx", "httpcore", "hishel")


def imported_modules(*args: str) -> set[str]:
    """The modules Python imports to run `citekit ARGS`, from `python -X importtime`."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "citekit", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in proc.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_help_and_version_import_nothing_heavy(args: list[str]) -> None:
    """Neither rich, pygments, citeproc-py, lxml, bibtexparser, pydantic nor httpx/hishel is imported
    by --help/--version."""
    modules = imported_modules(*args)
    assert "citekit.launch" in modules  # the measurement works
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == []


def test_version_is_answered_before_the_command_line_is_built() -> None:
    """`citekit --version` imports neither typer nor the commands nor the format registry: only the
    package's own __init__ (its public names are imported when first used)."""
    modules = imported_modules("--version")
    assert not any(m.split(".")[0] == "typer" for m in modules)
    assert sorted(m for m in modules if m.startswith("citekit")) == ["citekit", "citekit.launch"]


def test_top_level_help_gives_each_command_a_whole_sentence() -> None:
    """`citekit --help` at 80 columns lists every command with a whole sentence, never cut with '...'."""
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "80"})
    commands = result.stdout.split("Commands:", 1)[1]
    assert "..." not in commands
    for name in COMMANDS:
        line = next(line for line in commands.splitlines() if line.strip().startswith(name + " "))
        assert line.rstrip().endswith("."), line


@pytest.mark.parametrize("name", COMMANDS)
def test_placeholders_are_written_one_way(name: str) -> None:
    """Usage lines and options write placeholders in capitals (INPUT, KEY, FILE) or as a|b choices:
    never typer's {keys}, <str> or lower-case [search]."""
    text = runner.invoke(app, [name, "--help"], env={"COLUMNS": "120"}).stdout
    assert "<str>" not in text and "{" not in text.split("\n", 1)[0]
    usage = text.splitlines()[0]
    for word in usage.split()[3:]:
        assert word in ("[OPTIONS]", "[INPUT]...", "KEY...", "[SEARCH]...", "BASE_URL"), usage


def test_a_search_with_no_style_is_exit_2() -> None:
    """`citekit styles zzzz` finds nothing: one error line, exit 2 (nothing to show), as the README says."""
    result = runner.invoke(app, ["styles", "zzzz"])
    assert result.exit_code == 2
    assert result.stderr.startswith("citekit: error: no style matches 'zzzz'")
