"""The fast BibTeX splitter gives exactly bibtexparser's blocks, or declines the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citekit.formats.bibtex.read import bibtexparser_blocks
from citekit.formats.bibtex.split import Blocks, fast_split
from tests.conftest import ROOT

TEXLIVE = Path(os.environ.get("CITEKIT_TEXLIVE", ROOT.parent / "texlive"))
HOSTILE = ROOT / "tests" / "hostile" / "inputs"


def _parts(blocks: Blocks) -> tuple[object, ...]:
    return blocks.strings, blocks.entries, blocks.problems


def _agrees(text: str) -> bool:
    """Whether the fast path read ``text`` (it must then agree with bibtexparser to the last field)."""
    fast = fast_split(text, "f.bib")
    if fast is None:
        return False
    assert _parts(fast) == _parts(bibtexparser_blocks(text, "f.bib"))
    return True


WELL_FORMED = """% a comment line before anything
@string{tb = "TUGboat"}
@preamble{ "\\newcommand{\\noopsort}[1]{}" }
@Article{Knuth:1984,
  author =       "Donald E. Knuth and {Barbara} Beeton",
  title =        "{Literate} Programming, {\\"u}ber {\\TeX}",
  journal =      tb # " and more",
  volume =       27,  number = {3},
  pages =        "97--111",
  month =        jan,
  Note = {a = b, c "quoted" inside braces},
  bibsource =    "one",
  bibsource =    "two",
}
@comment{ anything {nested} here }
@misc{lonely}
@book{lonely, title = {A second entry with the same key},}
Some text between entries, an email@example.org and a stray } brace.
@InProceedings { spaced ,
  title = {Over
two lines}
}
"""


def test_well_formed_file_is_read_fast_and_the_same():
    """A file with macros, comments, a preamble, repeated fields and keys is read by the fast path,
    with bibtexparser's exact blocks and problems (a key given twice is found by the reader, across
    the whole input: test_stream.py)."""
    assert _agrees(WELL_FORMED)
    fast = fast_split(WELL_FORMED, "f.bib")
    assert fast is not None
    assert [e[1] for e in fast.entries] == ["Knuth:1984", "lonely", "lonely", "spaced"]
    assert [e[2] for e in fast.entries] == [4, 16, 17, 19]
    assert fast.entries[0][3]["note"] == '{a = b, c "quoted" inside braces}'
    assert [p.message.split(";")[0] for p in fast.problems] == [
        "entry Knuth:1984: field(s) bibsource given twice",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "@article(key, title = {T})\n",  # parenthesised blocks are bibtexparser's
        "@article{key, title = {T}\n@book{other, title = {U}}\n",  # unclosed entry
        '@article{key, title = "T}\n',  # unterminated quote
        "@article{key title = {T}}\n",  # no comma after the key
        '@article{key, title = "a {"} b"}\n',  # bibtexparser's {"} rule
        "@article{key, title = " + "{" * 20 + "x" + "}" * 20 + "}\n",  # deeper than the fast path goes
    ],
)
def test_files_the_fast_path_declines(text):
    """Anything broken or unusual is left to bibtexparser, so its problems are worded as before."""
    assert fast_split(text, "f.bib") is None


def test_escaped_newline_counts_as_a_line():
    """A newline right after a backslash is a line of the file (bibtexparser's count skips it; both
    paths give the editor's line)."""
    text = "@misc{a, note = {x\\\ny}}\n\n@misc{b, title = {T}}\n"
    assert _agrees(text)
    fast = fast_split(text, "f.bib")
    assert fast is not None and [e[2] for e in fast.entries] == [1, 4]


def test_real_bibliographies_agree():
    """Every .bib file of Debian's texlive-bibtex-extra is read alike; nearly all by the fast path."""
    files = sorted(TEXLIVE.rglob("*.bib")) if TEXLIVE.is_dir() else []
    if not files:
        pytest.skip("texlive-bibtex-extra is not unpacked (scripts/agreement/fetch_texlive.sh)")
    fast = [_agrees(p.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")) for p in files]
    assert sum(fast) >= 0.9 * len(files)


def test_hostile_inputs_agree():
    """The hostile corpus's BibTeX files are read alike (most are declined: they are broken on purpose)."""
    files = sorted(HOSTILE.glob("*.bib"))
    assert files
    for path in files:
        _agrees(path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff"))


_TOKENS = st.sampled_from(
    [
        "@article{",
        "@string{",
        "@comment{",
        "@preamble{",
        "@misc(",
        "\n@book{",
        "\n  @misc {",
        "key",
        "title",
        "Title",
        " = ",
        "=",
        ",",
        ", ",
        "{",
        "}",
        '"',
        "\\",
        "\\{",
        "\\}",
        '\\"',
        "\n",
        "\\\n",
        " ",
        "\t",
        "a",
        "#",
        "@",
        "x@y",
        "é",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, max_size=40).map("".join))
def test_generated_text_agrees(text):
    """On any text made of BibTeX's delimiters, the fast path declines or gives bibtexparser's blocks."""
    _agrees(text)


_FIELD_VALUES = st.sampled_from(
    ["{plain}", '"quoted"', "{a {nested} value}", '"a {b} c"', "27", "jan", 'x # "y"']
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["article", "Book", "misc"]),
            st.text("abc:1", min_size=1, max_size=4),
            st.lists(
                st.tuples(st.sampled_from(["title", "Title", "note", "year"]), _FIELD_VALUES), max_size=4
            ),
            st.sampled_from(["\n", ",\n", " ,"]),
        ),
        max_size=6,
    )
)
def test_generated_entries_are_read_fast_and_the_same(entries):
    """Well-formed generated entries (repeated keys and fields included) are read by the fast path, alike."""
    text = "".join(
        f"@{kind}{{{key},\n" + ",\n".join(f"  {name} = {value}" for name, value in fields) + f"{end}}}\n"
        for kind, key, fields, end in entries
    )
    if any(not fields and end != "\n" for _, _, fields, end in entries):
        return  # `@misc{key,\n,}` is an empty field name: broken, not well formed
    assert _agrees(text)
