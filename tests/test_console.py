"""In a real pseudo-terminal: colour and progress on a terminal, never in a pipe; record text shown literally."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RECORDS

pexpect = pytest.importorskip("pexpect")

ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CITEKIT = [sys.executable, "-m", "citekit"]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", **extra)
    return env


def in_terminal(args: list[str], timeout: float = 120, **env: str) -> tuple[str, int]:
    """Run a shell command line in a pseudo-terminal; return everything it showed, and its exit status.

    stdout and stderr share the terminal, so tests comparing data pass -q to keep warnings out."""
    child = pexpect.spawn(
        "/bin/sh", ["-c", " ".join(args)], env=environment(**env), dimensions=(50, 120), encoding="utf-8"
    )
    child.expect(pexpect.EOF, timeout=timeout)
    child.close()
    return child.before.replace("\r\n", "\n"), child.exitstatus


def citekit(*args: str) -> list[str]:
    return [*CITEKIT, *(f"'{a}'" for a in args)]


def data(*args: str) -> str:
    """What the command writes when stdout is not a terminal: the data itself."""
    return subprocess.run([*CITEKIT, *args], capture_output=True, check=True).stdout.decode("utf-8")


def test_bibtex_is_highlighted_on_a_terminal_and_the_text_is_the_data() -> None:
    """On a terminal BibTeX is coloured; with the colour removed it is exactly the data."""
    shown, status = in_terminal(citekit("export", str(RECORDS), "-f", "bibtex", "-q"))
    assert status == 0
    assert ESCAPE.search(shown)
    assert ESCAPE.sub("", shown) == data("export", str(RECORDS), "-f", "bibtex")


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csljson", "apa"])
def test_no_colour_into_a_pipe_even_with_a_terminal_on_stderr(fmt: str) -> None:
    """Piped into another program, stdout has no escape codes and is byte for byte what -o writes."""
    shown, status = in_terminal([*citekit("export", str(RECORDS), "-f", fmt, "-q"), "| cat"])
    assert status == 0
    assert "\x1b" not in shown
    assert shown == data("export", str(RECORDS), "-f", fmt)


@pytest.mark.parametrize("fmt", ["ris", "csljson"])
def test_ris_and_json_are_highlighted(fmt: str) -> None:
    """RIS and CSL-JSON are coloured on a terminal too, with the data unchanged under the colour."""
    shown, _ = in_terminal(citekit("export", str(RECORDS), "-f", fmt, "-q"))
    assert ESCAPE.search(shown)
    assert ESCAPE.sub("", shown) == data("export", str(RECORDS), "-f", fmt)


def test_no_color_turns_colour_off() -> None:
    """With NO_COLOR set, a terminal gets the data with no escape codes at all."""
    shown, status = in_terminal(citekit("export", str(RECORDS), "-f", "bibtex", "-q"), NO_COLOR="1")
    assert status == 0
    assert "\x1b" not in shown
    assert shown == data("export", str(RECORDS), "-f", "bibtex")


def test_styled_references_are_paragraphs_without_hard_line_breaks() -> None:
    """On a terminal each reference is one line (the terminal wraps it, so a copy has no line breaks
    inside a reference) with a blank line between references, and the text is exactly the pipe's."""
    shown, _ = in_terminal(citekit("export", str(RECORDS), "-f", "apa", "-q"), NO_COLOR="1")
    paragraphs = shown.strip("\n").split("\n\n")
    assert len(paragraphs) == len(list(RECORDS.iterdir()))
    assert all("\n" not in paragraph for paragraph in paragraphs)
    assert any(len(paragraph) > 120 for paragraph in paragraphs)  # longer than the terminal is wide
    assert paragraphs == data("export", str(RECORDS), "-f", "apa").splitlines()


def test_styled_references_show_the_styles_italics_and_bold_on_a_terminal() -> None:
    """APA's journal title and volume are italic, Nature's volume bold, on a terminal; a pipe gets plain text."""
    page = str(RECORDS / "03_vanderwalt_cise_lines.txt")
    apa, _ = in_terminal(citekit("export", page, "-f", "apa", "-q"))
    assert "\x1b[3mComputing in Science & Engineering\x1b[0m" in apa
    assert "\x1b[3m13\x1b[0m(2)" in apa
    nature, _ = in_terminal(citekit("export", page, "-f", "nature", "-q"))
    assert "\x1b[1m13\x1b[0m" in nature
    assert ESCAPE.sub("", nature).strip() == data("export", page, "-f", "nature").strip()
    piped, _ = in_terminal([*citekit("export", page, "-f", "apa", "-q"), "| cat"])
    assert "\x1b" not in piped


def in_terminal_of(width: int, args: list[str]) -> str:
    """What a command shows on a terminal ``width`` columns wide, colour and escapes removed."""
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", " ".join(args)],
        env=environment(NO_COLOR="1"),
        dimensions=(50, width),
        encoding="utf-8",
    )
    child.expect(pexpect.EOF, timeout=120)
    child.close()
    return ESCAPE.sub("", child.before.replace("\r\n", "\n"))


TITLES = [
    "Array programming with NumPy",
    "Thematic analysis",
    "Attention is all you need",
    "The NumPy array: a structure for efficient numerical computation",
]


@pytest.mark.parametrize("width", [80, 120, 200])
def test_show_stays_readable_at_any_terminal_width(width: int) -> None:
    """show's list of many records cuts nothing at 80, 120 or 200 columns: every key and every title
    is there whole (wrapped, not cut with an ellipsis), and no line is wider than the terminal."""
    shown = in_terminal_of(width, citekit("show", str(RECORDS), "-q"))
    assert "…" not in shown
    assert all(len(line) <= width for line in shown.splitlines())
    words = " ".join(shown.split())
    for path in sorted(RECORDS.iterdir()):
        key = data("show", str(path)).split()[1]
        assert key in words, key
    titles = words if width < 100 else _title_column(shown)  # cards below 100 columns, else a table
    for title in TITLES:
        assert title in titles, title


def _title_column(shown: str) -> str:
    """The text of a wrapped table's title column, its lines read in order and joined."""
    lines = shown.splitlines()
    header = next(line for line in lines if line.startswith("key") or line.startswith("source"))
    start, end = header.index("title"), header.index("problems")
    return " ".join(" ".join(line[start:end].strip() for line in lines[lines.index(header) + 2 :]).split())


def test_show_in_a_pipe_is_tab_separated_and_whole() -> None:
    """Piped, show's list is a header and one tab-separated line per record, nothing cut."""
    rows = [line.split("\t") for line in data("show", str(RECORDS)).splitlines()]
    assert rows[0] == ["source", "key", "type", "year", "first author", "title", "problems"]
    assert len(rows) == len(list(RECORDS.iterdir())) + 1
    assert all(len(row) == 7 for row in rows)
    titles = {row[5] for row in rows}
    assert "The NumPy array: a structure for efficient numerical computation" in titles
    assert str(RECORDS / "01_numpy_nature_glued.txt") + ":1" in {row[0] for row in rows}


def test_record_markup_and_escapes_show_as_text_on_a_terminal(tmp_path: Path) -> None:
    """A title holding [bold]…[/bold] and an ANSI escape is shown as those characters, never obeyed."""
    text = (RECORDS / "04_braun_clarke_2006_colon.txt").read_text(encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(
        text.replace("Using thematic analysis in psychology", "[bold]Thematic[/bold] \x1b[31mred"),
        encoding="utf-8",
    )
    for fmt in ("bibtex", "apa"):
        shown, _ = in_terminal(citekit("export", str(page), "-f", fmt, "-q"))
        plain = ESCAPE.sub("", shown)
        assert "[bold]Thematic[/bold]" in plain
        assert "\\x1b[31mred" in plain
        assert "\x1b[31mred" not in shown


def test_bidirectional_controls_show_as_escapes_on_a_terminal_and_stay_in_the_data(tmp_path: Path) -> None:
    """A right-to-left override in a title cannot reorder what the terminal shows; a pipe gets it as is."""
    bib = tmp_path / "bidi.bib"
    bib.write_text("@misc{k, title = {abc \u202edcba\u202c end}, year = 2020}\n", encoding="utf-8")
    shown, _ = in_terminal(citekit("export", str(bib), "-f", "ris", "-q"))
    plain = ESCAPE.sub("", shown)
    assert "abc \\u202edcba\\u202c end" in plain
    assert "\u202e" not in shown
    assert "abc \u202edcba\u202c end" in data("export", str(bib), "-f", "ris", "-q")


def test_check_colours_levels_on_a_terminal_only(tmp_path: Path) -> None:
    """check marks errors in colour on a terminal; piped, its lines are plain."""
    text = (RECORDS / "03_vanderwalt_cise_lines.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text.replace("\n22-30\n", "\n30-22\n"), encoding="utf-8")
    shown, status = in_terminal(citekit("check", str(tmp_path)))
    assert status == 1
    assert "\x1b[1;31merror" in shown
    piped, _ = in_terminal([*citekit("check", str(tmp_path), "-q"), "| cat"])
    assert "\x1b" not in piped and ": error: " in piped


@pytest.fixture(scope="module")
def many_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough records that formatting them in Vancouver takes well over a second (a numeric style:
    no disambiguation among the many copies, so the time grows only linearly)."""
    folder = tmp_path_factory.mktemp("many")
    for n in range(40):
        for page in RECORDS.iterdir():
            shutil.copy(page, folder / f"{n:02d}_{page.name}")
    return folder


def test_progress_shows_on_a_terminal_for_a_long_run(many_records: Path, tmp_path: Path) -> None:
    """An export running past the progress delay, with stderr on a terminal, shows a progress bar there.

    The delay is set to zero, so the test does not depend on how fast the machine is."""
    out = tmp_path / "refs.txt"
    shown, status = in_terminal(
        citekit("export", str(many_records), "-f", "vancouver", "-o", str(out)), CITEKIT_PROGRESS_DELAY="0"
    )
    assert status == 0
    assert "formatting 440 references" in shown
    assert "━" in shown
    assert len(out.read_text(encoding="utf-8").splitlines()) == 440


def test_no_progress_when_stderr_is_not_a_terminal(many_records: Path, tmp_path: Path) -> None:
    """The same long export with stderr going to a pipe prints no progress on stderr, only messages."""
    out = tmp_path / "refs.txt"
    proc = subprocess.run(
        [*CITEKIT, "export", str(many_records), "-f", "vancouver", "-o", str(out)],
        capture_output=True,
        env=environment(),
        check=False,
    )
    assert proc.returncode == 0
    # The records are copies of a few, so each copy is named as a duplicate; nothing else is said.
    lines = proc.stderr.decode("utf-8").splitlines()
    assert lines and all(line.startswith("citekit: warning: ") and "duplicate of" in line for line in lines)


def test_no_progress_for_a_short_run_or_with_quiet(many_records: Path, tmp_path: Path) -> None:
    """A run shorter than the progress delay shows no bar on a terminal, and --quiet shows none even
    when the delay is zero."""
    shown, _ = in_terminal(
        citekit("export", str(RECORDS), "-f", "apa", "-o", str(tmp_path / "a.txt")),
        CITEKIT_PROGRESS_DELAY="60",
    )
    assert shown == ""
    shown, _ = in_terminal(
        citekit("export", str(many_records), "-f", "vancouver", "-q", "-o", str(tmp_path / "b.txt")),
        CITEKIT_PROGRESS_DELAY="0",
    )
    assert shown == ""


def test_a_closed_pipe_is_not_an_error(many_records: Path) -> None:
    """`citekit export … | head -1` prints one line and no complaint when head stops reading."""
    line = " ".join([*CITEKIT, "export", f"'{many_records}'", "-f", "bibtex", "-q", "| head -1"])
    proc = subprocess.run(["/bin/sh", "-c", line], capture_output=True, env=environment(), check=False)
    assert proc.stdout.decode("utf-8").startswith("@") and proc.stdout.count(b"\n") == 1
    assert proc.stderr == b""


def test_no_color_also_plain_messages_on_stderr(tmp_path: Path) -> None:
    """With NO_COLOR, warnings on a terminal carry no escape codes; without it they are coloured."""
    page = tmp_path / "undated.txt"
    page.write_text("A study of things\nResearch output: Contribution to journal › Article\nJane Doe\n")
    args = citekit("export", str(page), "-f", "bibtex", "-o", str(tmp_path / "out.bib"))
    coloured, _ = in_terminal(args)
    plain, _ = in_terminal(args, NO_COLOR="1")
    assert "\x1b[33mcitekit: warning: " in coloured
    assert "citekit: warning: " in plain and "\x1b" not in plain
