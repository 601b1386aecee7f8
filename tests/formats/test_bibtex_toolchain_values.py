"""What the BibTeX and BibLaTeX writers give LaTeX (issue 17): entry types the target has, values
valid for their field, commands nobody defined read for their text, --ascii that is ASCII, math kept
as math. Entries written by us, in the forms found in Debian's texlive bibliographies."""

from __future__ import annotations

import json
from dataclasses import replace

import citekit
from citekit.formats.bibtex.latex.escape import to_ascii, to_utf8
from citekit.formats.bibtex.write import carry


def _read(text: str) -> citekit.ReadResult:
    return citekit.loads(text, "bibtex")


def _one(text: str, fmt: str = "bibtex", ascii: bool = False) -> str:
    return citekit.dump(_read(text).records, fmt, ascii=ascii)


def test_entry_types_the_target_has_are_kept() -> None:
    """@manual, @proceedings and @inbook stay themselves in both dialects; BibLaTeX keeps @mvbook,
    which BibTeX writes as @book."""
    text = (
        "@manual{m, title = {Manual}, organization = {Chips}, year = 1986}\n"
        "@proceedings{p, editor = {Ed, A.}, title = {Proc}, year = 1990, publisher = {ACM}}\n"
        "@inbook{i, author = {Knuth, D.}, title = {Algorithms}, chapter = {1.2}, publisher = {AW}, year = 1973}\n"
        "@mvbook{v, author = {Au, A.}, title = {Works}, date = {1990}, publisher = {P}}\n"
    )
    bibtex, biblatex = _one(text), _one(text, "biblatex")
    for kind in ("@manual{m", "@proceedings{p", "@inbook{i"):
        assert kind in bibtex and kind in biblatex
    assert "@book{v" in bibtex and "@mvbook{v" in biblatex
    assert "chapter = {1.2}" in bibtex and "organization = {Chips}" in bibtex


def test_a_techreport_stays_a_technical_report_in_biblatex() -> None:
    """A BibTeX @techreport is a BibLaTeX @report whose type says so (printed "Tech. rep.")."""
    written = _one("@techreport{t, author = {A, B}, title = {T}, institution = {I}, year = 1990}", "biblatex")
    assert "@report{t," in written and "type = {techreport}" in written


def test_key_field_is_carried_in_bibtex() -> None:
    """BibTeX's key field (what styles sort an entry without an author by) is written back."""
    text = "@misc{m, title = {Missilany}, key = {Missilany}, note = {N}}"
    assert "key = {Missilany}" in _one(text)
    assert "key =" not in _one(text, "biblatex")  # BibLaTeX has no key field


def test_a_bibtex_chapter_with_a_container_is_an_incollection() -> None:
    """An @inbook that inherited a booktitle (a crossref) is written as BibTeX's @incollection,
    the type that has a field for it, with the book's author as its author."""
    text = (
        "@inbook{c, crossref = {set}, title = {Fundamental Algorithms}, chapter = {1.2}, year = 1973}\n"
        "@book{set, author = {Knuth, Donald E.}, title = {The Art}, publisher = {AW}, year = 1968}\n"
    )
    written = _one(text)
    assert "@incollection{c," in written and "booktitle = {The Art}" in written
    assert "author = {Knuth, Donald E.}" in written.split("@book")[0]


def test_a_type_bibtex_lacks_is_misc_when_the_record_cannot_fill_its_mapping() -> None:
    """A BibLaTeX @mvcollection with no publisher is a BibTeX @misc (a @book would want one), and
    an @mvbook with an author does not also write the editor a BibTeX @book refuses."""
    text = (
        "@mvcollection{j, editor = {Jaff{\\'e}, Philipp}, title = {Regesta}, date = {1885/1888}}\n"
        "@mvbook{a, author = {Aristotle}, editor = {Cope, E. M.}, title = {Rhetoric}, date = 1877, publisher = {CUP}}\n"
    )
    written = _one(text)
    assert "@misc{j," in written and "@book{a," in written
    assert "editor = {Cope" not in written


def test_year_ranges_and_literal_years_are_valid_for_their_field() -> None:
    """A year range is 1885--1888 in BibTeX (an en dash, not two hyphens) and 1885/1888 in
    BibLaTeX's date; a year BibLaTeX cannot read is kept in the note, and the loss is announced."""
    text = "@book{r, title = {T}, year = {1885--1888}}\n@book{q, title = {Q}, year = {19??}, note = {N}}\n"
    bibtex, biblatex = _one(text), _one(text, "biblatex")
    assert "year = {1885--1888}" in bibtex and "year = {19??}" in bibtex
    assert "date = {1885/1888}" in biblatex
    assert "year =" not in biblatex and "note = {N; 19??}" in biblatex
    records = _read(text).records
    assert [loss.record_id for loss in citekit.losses(records, "biblatex")] == ["q"]


def test_a_year_of_unknown_macros_no_longer_hangs_biblatex() -> None:
    """xampl's {\\noopsort{1973a}}{\\switchargs{--90}{1968}} gives BibLaTeX no year field (which
    made pdflatex loop), and the reader names the command it does not know."""
    result = _read("@book{w, title = {T}, year = {{\\noopsort{1973a}}{\\switchargs{--90}{1968}}}}")
    written = citekit.dump(result.records, "biblatex")
    assert "year =" not in written and "date =" not in written and "note = {" in written
    assert any("\\switchargs" in p.message for p in result.problems)


def test_seasons_and_months_that_are_more_than_a_month_are_kept() -> None:
    """BibTeX keeps a season (Fall), a quarter and a day (September 4) as the month field gave
    them; BibLaTeX writes a season in its date; two months of one year are a range."""
    text = (
        "@article{s, title = {T}, journal = {J}, year = 1980, month = {Fall}}\n"
        "@article{q, title = {T}, journal = {J}, year = 1995, month = {3rd Quarter}}\n"
        '@article{d, title = {T}, journal = {J}, year = 1992, month = sep # " 4"}\n'
        '@article{r, title = {T}, journal = {J}, year = 1987, month = jul # "--" # aug}\n'
    )
    bibtex, biblatex = _one(text), _one(text, "biblatex")
    assert "month = {Fall}" in bibtex and "month = {3rd Quarter}" in bibtex
    assert "month = {September 4}" in bibtex and 'month = jul # "--" # aug' in bibtex
    assert "date = {1980-23}" in biblatex and "date = {1987-07/1987-08}" in biblatex
    for record in _read(text).records:
        back = _read(citekit.dump([record], "bibtex")).records[0]
        assert (carry(record).dates, carry(record).custom) == (back.dates, back.custom)


def test_commands_nobody_defined_keep_their_text_and_are_named() -> None:
    """Logos become text, \\slash a slash, \\texttt and unknown commands keep their argument, a
    capitalised command without one its name, \\cite its keys; each unknown command is named once."""
    text = (
        "@misc{a, title = {Font development at the {\\AMS}: {\\AMSTeX} and \\LaTeXe}}\n"
        "@misc{b, title = {matter\\slash drukwerk in \\texttt{manual} on \\acro{CTAN} and \\VAX{} files}}\n"
        "@misc{c, title = {T}, note = {see \\cite{knuth:1984} and \\acro{TUG}}}\n"
    )
    result = _read(text)
    titles = [r.get("title") for r in result.records]
    assert titles[0] == "Font development at the AMS: AMS-TeX and LaTeX 2ε"
    assert titles[1] == "matter/drukwerk in manual on CTAN and VAX files"
    assert result.records[2].get("note") == "see knuth:1984 and TUG"
    messages = [p.message for p in result.problems]
    assert len(messages) == 3
    assert any("\\acro in title and 1 more entry; kept its argument's text" in m for m in messages)
    assert any("\\VAX in title; read it as its name" in m for m in messages)
    assert any("\\cite in note; kept the cited keys" in m for m in messages)


def test_verbatim_and_spacing_commands_keep_only_their_text() -> None:
    """\\verb|...| is its text as written; a kern's dimension is not text."""
    result = _read("@misc{v, title = {The \\verb=\\footnote= command and V\\kern-2.7ptO}}")
    assert result.records[0].get("title") == "The \\footnote command and VO"


def test_ascii_output_has_no_character_beyond_ascii() -> None:
    """--ascii braces every accented letter as one special character ({\\'E}douard abbreviates to
    É.), writes accents no letter has precomposed as commands, and nothing beyond ASCII."""
    text = (
        "@book{e, author = {Manet, \\'Edouard and Pot, Paul {\\={P}}}, title = {Ṭūsī and Łódź}, year = 1990}"
    )
    written = _one(text, ascii=True)
    assert written.isascii()
    assert "Manet, {\\'E}douard" in written and "{\\=P}" in written
    assert "{\\d{T}}{\\=u}s{\\=i} and {\\L}{\\'o}d{\\'z}" in written
    assert to_ascii("日") == "U+65E5"  # no LaTeX command: its code point, visibly


def test_utf8_output_writes_what_pdflatex_cannot_set_as_commands() -> None:
    """UTF-8 output writes an accent with no precomposed letter as a command, and a lone Greek
    letter in Latin text as math; Greek words and accented letters stay UTF-8."""
    assert to_utf8("Paul P\u0304ot, β-decay, Müller, Ελληνικά") == (
        "Paul {\\=P}ot, \\ensuremath{\\beta}-decay, Müller, Ελληνικά"
    )


def test_math_is_kept_as_math() -> None:
    """Math is read as TeX in a nocase span and written back as math, braced so that no style
    changes its case; a literal dollar stays escaped, and math with other commands is text."""
    text = (
        "@article{m, title = {Sorting in $O(n \\log n)$ time}, journal = {J}, year = 1990,"
        " note = {costs \\$5, see $x^{2}$ and $\\input{x}$}}"
    )
    result = _read(text)
    record = result.records[0]
    assert record.get("title") == 'Sorting in <span class="nocase">$O(n \\log n)$</span> time'
    written = citekit.dump([record], "bibtex")
    assert "title = {Sorting in {$O(n \\log n)$} time}" in written
    assert "note = {costs \\$5, see {$x^{2}$} and {{\\$\\textbackslash{}input\\{x\\}\\$}}}" in written
    assert carry(record).fields == _read(written).records[0].fields


def test_case_protection_is_kept_in_the_type_field() -> None:
    """A braced {Ph.D.} in a thesis's type keeps its capitals (styles change the type's case)."""
    written = _one(
        "@phdthesis{p, author = {A, B}, title = {T}, school = {S}, year = 1990, type = {{Ph.D.} thesis}}"
    )
    assert "type = {{Ph.D.} thesis}" in written


def test_an_issue_beside_a_number_is_kept_in_biblatex() -> None:
    """TUGboat's number (the issue of the volume) and issue (the running issue) both reach BibLaTeX."""
    written = _one(
        "@article{t, title = {T}, journal = {TUGboat}, volume = 24, number = 1, issue = 76, year = 2003}",
        "biblatex",
    )
    assert "number = {1}" in written and "issue = {76}" in written


def test_biblatex_prints_the_language_and_misc_publishers() -> None:
    """BibLaTeX gets language beside langid (it prints the one, hyphenates by the other), and a
    @misc's publisher as howpublished, which its @misc prints."""
    written = _one("@misc{w, title = {Web}, howpublished = {Web site}, language = {German}}", "biblatex")
    assert "langid = {german}" in written and "language = {german}" in written
    assert "howpublished = {Web site}" in written


def test_math_from_other_formats_cannot_act() -> None:
    """Math in a CSL-JSON nocase span is written as math only when it holds formula commands alone:
    anything else, \\input or a bare %, is escaped text."""
    span = '<span class="nocase">'
    items = [
        {"id": "a", "type": "book", "title": f"Area {span}$x^2 + \\alpha$</span>"},
        {"id": "b", "type": "book", "title": f"{span}$\\input{{/etc/passwd}}$</span> and {span}$5%$</span>"},
    ]
    records = citekit.loads(json.dumps(items), "csljson").records
    written = citekit.dump(records, "bibtex")
    assert "title = {Area {$x^2 + \\alpha$}}" in written
    assert "\\input" not in written and "$5%$" not in written


def test_a_note_cites_its_citations_again() -> None:
    """A note's ``\\cite`` (typeset.bib: "See \\cite{Morris:1975:CDT}.") is read as the cited keys,
    which other formats show as text, and is written as a citation again in BibTeX and BibLaTeX,
    so that the style prints the cited entry; an edited note that lost the keys is written as text."""
    text = (
        "@misc{a, title = {A}, year = 1980, note = {See \\cite{b_1} and \\citet{c,d}, also b_1.}}\n"
        "@misc{b_1, title = {B}, year = 1981}\n"
    )
    read = _read(text).records
    assert read[0].get("note") == "See b_1 and c,d, also b_1."
    for fmt in ("bibtex", "biblatex"):
        for ascii in (False, True):
            written = citekit.dump(read, fmt, ascii=ascii)
            assert "note = {See \\cite{b_1} and \\citet{c,d}, also b\\_1.}" in written
            again = citekit.loads(written, "bibtex").records[0]
            assert (again.get("note"), again.custom) == (read[0].get("note"), read[0].custom)
    assert "citations" not in json.dumps(json.loads(citekit.dump(read, "csl-json")))
    edited = replace(read[0], fields={**read[0].fields, "note": "See the other one."})
    assert "note = {See the other one.}" in citekit.dump([edited], "biblatex")
    assert carry(edited).custom.get("citations") is None
    assert carry(read[0]).custom["citations"] == "cite{b_1} citet{c,d}"
