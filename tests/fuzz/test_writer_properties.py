"""Whatever a record holds, the writers cannot be made to do more than write it: no LaTeX command
or brace break-out in BibTeX, no new tag or record in RIS, valid JSON, and on the terminal no markup,
escape sequence or control character that acts."""

from __future__ import annotations

import io
import json
import re

import bibtexparser
from hypothesis import given
from hypothesis import strategies as st

import citekit
from citekit import console
from citekit.formats.bibtex.latex.escape import to_utf8
from citekit.formats.bibtex.write import plan
from citekit.model import Record
from citekit.sanitise import sanitise
from tests.fuzz.strategies import FUZZ, hostile_text, records

# What acts on a terminal instead of showing: C0 but tab and line feed, DEL, C1, and the
# bidirectional controls (long hypothesis run: U+202E is escaped, as it should be).
_ACTING = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"

# The only commands citekit's BibTeX escaping writes (without --ascii).
ESCAPE_COMMANDS = {"textbackslash", "textasciitilde", "textasciicircum"}
# What UTF-8 BibTeX output also writes on purpose, so that pdflatex can set it (``to_utf8``): a
# Greek letter standing alone as math (\ensuremath{\alpha}), and an accent no precomposed letter
# has as an accent command ({\=P}, {\v{\v{s}}}). Long hypothesis run: "α" alone in a title.
SETTABLE_COMMANDS = {"ensuremath", *"cvuHkrdbt"} | {
    name for c in range(0x391, 0x3D6) for name in re.findall(r"\\([A-Za-z]+)", to_utf8(chr(c)))
}
# Commands that read or write files, run programs or redefine things: never in our output.
DANGEROUS = {"input", "include", "write", "immediate", "openin", "openout", "read", "def", "gdef", "edef"}
DANGEROUS |= {"xdef", "let", "csname", "catcode", "usepackage", "special", "newcommand", "renewcommand"}
DANGEROUS |= {"makeatletter", "begin", "end", "jobname", "endinput", "directlua", "ShellEscape"}
_COMMAND = re.compile(r"\\([A-Za-z@]+)")
_RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def _entries(text: str) -> list[object]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return list(library.entries)


@FUZZ
@given(st.lists(records, min_size=1, max_size=3), st.sampled_from(["bibtex", "biblatex"]))
def test_bibtex_output_has_no_command_and_no_break_out(batch: list[Record], dialect: str) -> None:
    """Any text in any field (and key) stays inside its braces and shows as text: the file has one
    entry per record with exactly the planned fields, and only citekit's escape commands."""
    text = citekit.dump(batch, dialect)
    entries = _entries(text)
    assert len(entries) == len(batch)
    for entry, record in zip(entries, batch, strict=True):
        # the plan of the record as written: a field holding only control characters is empty after
        # the sanitiser and is not written (long hypothesis run: a title of one backspace)
        planned = [name for name, _, _ in plan(sanitise(record)[0], dialect).fields]
        assert [f.key for f in entry.fields] == planned  # type: ignore[attr-defined]
    assert set(_COMMAND.findall(text)) <= ESCAPE_COMMANDS | SETTABLE_COMMANDS, text


@FUZZ
@given(st.lists(records, min_size=1, max_size=3))
def test_ascii_bibtex_output_has_no_dangerous_command(batch: list[Record]) -> None:
    """With --ascii, accents become LaTeX commands, but never one that reads, writes or defines."""
    text = citekit.dump(batch, "bibtex", ascii=True)
    assert len(_entries(text)) == len(batch)
    assert not set(_COMMAND.findall(text)) & DANGEROUS, text


def test_bibtex_escapes_the_known_attacks() -> None:
    """\\input, \\write18 and a closing brace in a title are written as text, not as LaTeX."""
    record = Record("k", "book", {"title": r"x}, note={\input{/etc/passwd}} \write18{rm -rf ~}"})
    text = citekit.dump([record], "bibtex")
    assert r"\input" not in text and r"\write18" not in text
    assert r"\textbackslash{}input" in text and r"\}" in text
    (entry,) = _entries(text)
    assert [f.key for f in entry.fields] == ["title"]  # type: ignore[attr-defined]


def test_bibtex_key_cannot_open_another_entry() -> None:
    """A key from CSL-JSON or RIS holding braces, commas or spaces cannot end its entry early."""
    record = Record("x,title={\\input{/etc/passwd}}}, @misc{evil", "book", {"title": "T"})
    text = citekit.dump([record], "bibtex")
    (entry,) = _entries(text)
    assert [f.key for f in entry.fields] == ["title"]  # type: ignore[attr-defined]
    assert "\\input" not in text and "@misc" not in text


@FUZZ
@given(st.lists(records, min_size=1, max_size=3))
def test_ris_output_has_one_tag_per_line_and_one_record_per_record(batch: list[Record]) -> None:
    """No value can start a line of its own: every line is a tag line, and there are exactly as many
    TY and ER lines as records, in order."""
    text = citekit.dump(batch, "ris")
    lines = [line for line in text.split("\n") if line]
    assert all(_RIS_LINE.match(line) for line in lines), text
    tags = [line[:2] for line in lines]
    assert tags.count("TY") == tags.count("ER") == len(batch)
    assert [t for t in tags if t in ("TY", "ER")] == ["TY", "ER"] * len(batch)
    for breaker in ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"):
        assert breaker not in text  # str.splitlines() would break a line at each of these


@FUZZ
@given(st.lists(records, min_size=1, max_size=3))
def test_csljson_output_is_json_with_one_item_per_record(batch: list[Record]) -> None:
    """CSL-JSON output is valid JSON whatever the text, one item per record, the titles unchanged
    but for what the output sanitiser removes (control characters; separators read as spaces)."""
    from citekit.sanitise import clean_text

    items = json.loads(citekit.dump(batch, "csljson"))
    assert len(items) == len(batch)
    assert [i.get("title", "") for i in items] == [clean_text(r.get("title")) for r in batch]


def _terminal() -> tuple[io.StringIO, object]:
    from rich.console import Console

    buffer = io.StringIO()
    return buffer, Console(file=buffer, force_terminal=True, color_system="truecolor", width=200)


@FUZZ
@given(hostile_text)
def test_terminal_messages_show_record_text_literally(text: str) -> None:
    """A message quoting record text prints its markup as text and no control character raw."""
    buffer, fake = _terminal()
    console.stderr.cache_clear()
    original = console.stderr
    console.stderr = lambda: fake  # type: ignore[assignment]
    try:
        console.error(f"entry {text}")
    finally:
        console.stderr = original  # type: ignore[assignment]
    shown = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue())  # our own colour codes only
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown), repr(shown)
    assert shown.count("\n") == 1  # one message, one line
    expected = console.printable(f"entry {text}").replace("\n", "\\n")
    assert " ".join(expected.split()) in " ".join(shown.split())  # rich expands tabs


@FUZZ
@given(hostile_text)
def test_printable_leaves_no_control_character(text: str) -> None:
    """printable() shows every control character (ESC, CSI, NUL, DEL) and bidirectional control
    (U+202E reverses what follows on a terminal) as an escape, keeping the rest."""
    shown = console.printable(text)
    assert not re.search(_ACTING, shown)
    if not re.search(_ACTING, text):
        assert shown == text
