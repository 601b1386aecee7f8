"""Reading BibTeX and BibLaTeX: macros, inheritance, LaTeX accents, names, dates and broken entries."""

from __future__ import annotations

from pathlib import Path

import citekit
from citekit import Date, Name
from citekit.formats.bibtex.read import read

FIXTURE = Path(__file__).parents[1] / "fixtures" / "mixed.bib"


def one(text: str) -> citekit.Record:
    result = read(text, "t.bib")
    assert not [p for p in result.problems if p.is_error], result.problems
    [record] = result.records
    return record


def test_string_macros_concatenation_and_month_macros() -> None:
    """@string macros resolve, # joins pieces, and month = mar gives the month of the issued date."""
    record = one(
        '@string{j = "Journal of"}\n@string{jj = j # " Things"}\n'
        '@article{k, journal = jj # {, Series } # "B", year = 1999, month = mar, title = "T"}'
    )
    assert record.get("container-title") == "Journal of Things, Series B"
    assert record.dates["issued"] == Date(parts=((1999, 3),))


def test_comments_and_preambles_are_not_records() -> None:
    """@comment and @preamble blocks are read past without becoming records."""
    result = read('@comment{x}\n@preamble{"\\newcommand{\\x}{}"}\n@book{b, title={B}}\n', "t.bib")
    assert [r.id for r in result.records] == ["b"]
    assert not result.problems


def test_every_accent_form_becomes_unicode() -> None:
    """{\\'e}, \\'{e}, \\'e, {\\"u}, \\ss{}, {\\o}, \\c{c} (and logos) read as Unicode letters."""
    record = one(
        r"""@misc{k, title = {{\'e}\'{e}\'e {\"u}\ss{}{\o}\c{c} {\AE}sop \v{S}koda {\L}\'od\'z \TeX}}"""
    )
    assert record.get("title") == "ééé üßøç Æsop Škoda Łódź TeX"


def test_latex_specials_and_braces_are_text() -> None:
    """Escaped specials read as the characters, protective braces become a nocase span, -- is an en dash."""
    record = one(r"@misc{k, title = {50\% of R\&D \$5 a\_b \{x\} The {NumPy} way 1990--2000}}")
    assert record.get("title") == '50% of R&D $5 a_b {x} The <span class="nocase">NumPy</span> way 1990–2000'


def test_braced_corporate_name_is_one_literal_name() -> None:
    """{World Health Organization} stays one institution, not a family name 'Organization'."""
    record = one("@misc{k, author = {{World Health Organization} and Smith, Jo}}")
    assert record.names["author"] == (
        Name(literal="World Health Organization"),
        Name(family="Smith", given="Jo"),
    )


def test_particles_suffixes_and_others() -> None:
    """'de la Cruz, Jr., Juan' and 'Piet van der Berg' split into parts; 'and others' marks et al."""
    record = one("@misc{k, author = {de la Cruz, Jr., Juan and Piet van der Berg and others}}")
    assert record.names["author"] == (
        Name(family="Cruz", given="Juan", non_dropping_particle="de la", suffix="Jr."),
        Name(family="Berg", given="Piet", non_dropping_particle="van der"),
    )
    assert record.et_al


def test_name_list_keeps_accent_commands_after_and() -> None:
    """A name starting with an accent command (\\O{}sterg{\\aa}rd) after 'and' keeps its first letter."""
    record = one(r"@misc{k, author = {Smith, Jo and \O{}sterg{\aa}rd, Bj{\o}rn}}")
    assert record.names["author"][1] == Name(family="Østergård", given="Bjørn")


def test_crossref_child_inherits_from_its_book() -> None:
    """A crossref child takes the parent's title as its booktitle, and its editors, publisher, year."""
    text = (
        "@inproceedings{child, author = {A, B}, title = {Paper}, crossref = {parent}}\n"
        "@proceedings{parent, title = {Proceedings}, editor = {Ed, Ita}, publisher = {P}, year = 2001}\n"
    )
    result = read(text, "t.bib")
    child = result.records[0]
    assert child.get("container-title") == "Proceedings"
    assert child.get("title") == "Paper"
    assert child.get("publisher") == "P"
    assert child.names["editor"] == (Name(family="Ed", given="Ita"),)
    assert child.dates["issued"] == Date(parts=((2001,),))
    assert [r.id for r in result.records] == ["child", "parent"]


def test_xdata_fields_are_inherited_and_xdata_is_not_a_record() -> None:
    """Fields of an @xdata entry named in xdata = {...} fill the entry; the @xdata is not exported."""
    result = read(
        "@xdata{pub, publisher = {ACM}, location = {NY}}\n@book{b, title = {B}, xdata = {pub}}", "t"
    )
    [record] = result.records
    assert (record.get("publisher"), record.get("publisher-place")) == ("ACM", "NY")


def test_biblatex_dates_ranges_seasons_and_circa() -> None:
    """BibLaTeX date fields: full dates, ranges, season codes (21-24) and ~ for circa."""
    assert one("@misc{k, date = {2020-09-16}}").dates["issued"] == Date(parts=((2020, 9, 16),))
    assert one("@misc{k, date = {1999/2001-02}}").dates["issued"] == Date(parts=((1999,), (2001, 2)))
    assert one("@misc{k, date = {1988-22}}").dates["issued"] == Date(parts=((1988,),), season=2)
    assert one("@misc{k, date = {1850~}}").dates["issued"] == Date(parts=((1850,),), circa=True)
    assert one("@misc{k, urldate = {2020-06-01}}").dates["accessed"] == Date(parts=((2020, 6, 1),))


def test_bibtex_years_and_months_in_their_many_forms() -> None:
    """Year ranges, months as names, numbers, with a day, or a season; text years stay literal."""
    assert one("@misc{k, year = {1999--2000}}").dates["issued"] == Date(parts=((1999,), (2000,)))
    assert one('@misc{k, year = 2017, month = jun # "~12"}').dates["issued"] == Date(parts=((2017, 6, 12),))
    assert one("@misc{k, year = 2017, month = {9}}").dates["issued"] == Date(parts=((2017, 9),))
    assert one("@misc{k, year = 1988, month = {Summer}}").dates["issued"] == Date(parts=((1988,),), season=2)
    assert one("@misc{k, year = {in press}}").dates["issued"] == Date(literal="in press")


def test_identifiers_pages_language_and_thesis_genres() -> None:
    """DOIs lose their resolver address, URLs their escapes, pages -- becomes -, babel names codes."""
    record = one(
        r"@phdthesis{k, doi = {https://doi.org/10.1000/X_Y}, url = {http://a.org/b\_c},"
        " pages = {22--30}, language = {german}, school = {MIT}}"
    )
    assert record.get("DOI") == "10.1000/X_Y"
    assert record.get("URL") == "http://a.org/b_c"
    assert record.get("page") == "22-30"
    assert record.get("language") == "de"
    assert (record.type, record.get("genre"), record.get("publisher")) == ("thesis", "PhD thesis", "MIT")


def test_urls_parted_by_a_line_break_alone_stay_apart() -> None:
    """A URL broken over lines is joined again, but two URLs parted by nothing but a line break are
    not glued into one (typeset.bib: ``…/UnixTextProcessing.pdf`` then ``http://…`` on the next line)."""
    record = one("@book{k, url = {http://a.org/long\n  part.pdf\n  http://b.org/c;\n  http://d.org/e}}")
    assert record.get("URL") == "http://a.org/longpart.pdf http://b.org/c;http://d.org/e"


def test_entry_types_map_to_csl_types() -> None:
    """BibTeX and BibLaTeX entry types (and BibLaTeX entrysubtype) map to CSL types."""
    cases = {
        "@article{k,}": "article-journal",
        "@article{k, entrysubtype = {newspaper}}": "article-newspaper",
        "@incollection{k,}": "chapter",
        "@inproceedings{k,}": "paper-conference",
        "@techreport{k,}": "report",
        "@online{k,}": "webpage",
        "@unpublished{k,}": "manuscript",
        "@dataset{k,}": "dataset",
        "@strange{k,}": "document",
    }
    for text, csl_type in cases.items():
        assert one(text).type == csl_type, text


def test_broken_entry_in_the_middle_is_reported_with_its_line_and_the_rest_is_read() -> None:
    """An unclosed entry is an error naming its line; the entries before and after are still read."""
    text = "@article{a, title = {A}}\n\n@article{b,\n  title = {broken\n@book{c, title = {C}}\n"
    result = read(text, "t.bib")
    assert [r.id for r in result.records] == ["a", "c"]
    [problem] = result.problems
    assert problem.is_error and str(problem.location) == "t.bib:3"


def test_duplicate_keys_and_fields_are_warnings_and_both_entries_are_kept() -> None:
    """A repeated key or field is a warning; load gives the second entry a fresh key."""
    text = "@misc{a, title = {One}}\n@misc{a, title = {Two}, title = {Again}}\n"
    result = citekit.loads(text, "bibtex")
    assert [r.get("title") for r in result.records] == ["One", "Two"]
    assert len({r.id for r in result.records}) == 2
    assert result.problems and not any(p.is_error for p in result.problems)


def test_fixture_reads_without_problems() -> None:
    """The committed fixture (macros, crossref, xdata, accents, every common type) reads cleanly."""
    result = citekit.load(str(FIXTURE))
    assert not result.problems
    assert len(result.records) == 16
    accents = next(r for r in result.records if r.id == "accents")
    assert accents.get("title") == "Études à la façon de Æsop: Škoda, Dvořák, Łódź, 50% & $5"


class _Recording(dict[str, str]):
    """A field dict that notes every name looked up in it."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.asked: set[str] = set()

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


def test_the_reader_resolves_every_field_it_reads() -> None:
    """Fields outside bibtex_tables.READ_FIELDS are dropped unresolved, so every field the mapping
    looks at, for any entry type, must be in that list."""
    from citekit.formats.bibtex import tables as T
    from citekit.formats.bibtex.read import entry_to_record
    from citekit.model import Location

    asked: set[str] = set()
    for entry_type, _subtype in T.READ_TYPES:
        raw = _Recording({name: "2020" for name in T.READ_FIELDS | {"note", "howpublished"}})
        entry_to_record(entry_type, "k", raw, Location("t.bib", 1))
        asked |= raw.asked
    assert asked and asked <= T.READ_FIELDS, sorted(asked - T.READ_FIELDS)
