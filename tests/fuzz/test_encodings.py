"""Decoding inputs: every encoding people's tools save in is read (with a warning when guessed),
line ends never shift line numbers, and binary files are refused with a message that names them."""

from __future__ import annotations

import codecs

import pytest

from citekit.errors import CitekitError
from citekit.inputs import decode

TEXT = "TY  - JOUR\nTI  - Café “quoted” – naïve\nER  - \n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
)
def test_unicode_encodings_with_or_without_bom_read_silently(data: bytes) -> None:
    """UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM give the text and no warning."""
    assert decode(data, "f") == (TEXT, [])


@pytest.mark.parametrize(("encoding", "name"), [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")])
def test_utf16_without_bom_is_recognised_with_a_warning(encoding: str, name: str) -> None:
    """ASCII-heavy text saved as UTF-16 without a BOM is read, with a warning saying how."""
    text, problems = decode(TEXT.encode(encoding), "f")
    assert text == TEXT and [p.message for p in problems] == [f"no byte-order mark; read as {name}"]


def test_cp1252_is_read_with_a_warning_naming_the_first_bad_line() -> None:
    """Windows-1252 (curly quotes, en dash) is read as such; the warning names the first line that is
    not UTF-8."""
    text, problems = decode(TEXT.encode("cp1252"), "f")
    assert text == TEXT
    assert [str(p) for p in problems] == ["f:2: not valid UTF-8; read as Windows-1252 (Latin-1)"]


def test_latin1_control_range_bytes_are_kept_not_replaced() -> None:
    """The five bytes cp1252 leaves undefined are read as Latin-1 does: no character is lost to U+FFFD."""
    text, _ = decode(b"a\x81b\x8dc\x8fd\x90e\x9df\xe9", "f")
    assert text == "a\x81b\x8dc\x8fd\x90e\x9dfé"


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_become_lf(ending: str) -> None:
    """Windows and old Mac line ends are read as line feeds, so every reader counts lines alike."""
    assert decode(TEXT.replace("\n", ending).encode(), "f")[0] == TEXT


def test_stray_nul_bytes_are_removed_with_a_warning() -> None:
    """A few NUL bytes in text (a damaged copy) are dropped, and the warning says how many and where."""
    text, problems = decode(b"TY  - JOUR\nTI  - A\x00B\x00\nER  - \n", "f")
    assert text == "TY  - JOUR\nTI  - AB\nER  - \n"
    assert [str(p) for p in problems] == ["f:2: 2 NUL byte(s) removed (the first on this line)"]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.5\n...", "a PDF document"),
        (b"PK\x03\x04rest", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\x1f\x8b\x08\x00", "a gzip-compressed file"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (bytes(range(256)) * 4, "a binary file"),
        (TEXT.encode("utf-32-le"), "a binary file"),
    ],
)
def test_binary_files_are_refused_naming_what_they_are(data: bytes, kind: str) -> None:
    """Binary input is an error saying what the file seems to be and what to give instead."""
    with pytest.raises(CitekitError, match=f"this is {kind}") as caught:
        decode(data, "f")
    assert caught.value.location is not None and caught.value.location.source == "f"
    assert "give a text, BibTeX, RIS or JSON file" in caught.value.message


def test_broken_utf16_is_a_clean_error() -> None:
    """A UTF-16 BOM followed by an odd number of bytes is a located error, not a UnicodeDecodeError."""
    with pytest.raises(CitekitError, match="not valid UTF-16"):
        decode(codecs.BOM_UTF16_LE + b"a\x00b", "f")
