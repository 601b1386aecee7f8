"""The toolchain harness reads logs and compares findings as it says (log lines written by us, in
the forms bibtex, biber and pdflatex print them); no TeX installation is needed."""

from __future__ import annotations

from scripts.toolchain import compare, corpora, runs

ENTRIES = [(3, "alpha"), (10, "beta:2"), (20, "gamma")]


def test_bibtex_warnings_name_their_entry_and_kind() -> None:
    """A BibTeX warning gives its entry's key, and its kind has the key and numbers taken out."""
    blg = "\n".join(
        [
            "Warning--empty journal in beta:2",
            'Warning--entry type for "gamma" isn\'t style-file defined',
            "Warning--I'm ignoring alpha's extra \"title\" field",
            "--line 5 of file refs.bib",
            "Warning--there's a number but no volume in alpha",
        ]
    )
    found = runs.bibtex_findings(blg, ENTRIES)
    assert [(f.entry, f.kind) for f in found] == [
        ("beta:2", "empty journal in <key>"),
        ("gamma", 'entry type for "<key>" isn\'t style-file defined'),
        ("alpha", "I'm ignoring <key>'s extra \"title\" field"),
        ("alpha", "there's a number but no volume in <key>"),
    ]


def test_bibtex_errors_are_placed_by_their_line() -> None:
    """A BibTeX error names a line of the .bib file; the entry holding that line is the one blamed."""
    blg = "I was expecting a `,' or a `}'---line 12 of file refs.bib\n : }\nI'm skipping whatever remains"
    (found,) = runs.bibtex_findings(blg, ENTRIES)
    assert found.entry == "beta:2"
    assert found.kind == "error: I was expecting a `,' or a `}'"


def test_biber_warnings_lose_values_but_keep_field_names() -> None:
    """A biber warning's kind keeps field names and drops values, so that two files' warnings compare."""
    blg = "\n".join(
        [
            "[577] Biber.pm:130> WARN - legacy year field '–901968' in entry 'whole-set' is not an "
            "integer - this will probably not sort properly.",
            "[600] Biber.pm:132> INFO - WARNINGS: 1",
            "[12] Utils.pm:411> WARN - BibTeX subsystem: /tmp/x/refs.bib_123.utf8, line 21, warning: "
            "1 characters of junk seen at toplevel",
        ]
    )
    found = runs.biber_findings(blg, ENTRIES)
    assert [(f.entry, f.kind) for f in found] == [
        (
            "whole-set",
            "warn: legacy year field <value> in entry <key> is not an integer - this will probably "
            "not sort properly.",
        ),
        ("gamma", "warn: BibTeX subsystem: <file>, line N, warning: N characters of junk seen at toplevel"),
    ]


def test_latex_errors_in_the_bbl_name_their_entry() -> None:
    """A pdflatex error while reading a BibTeX .bbl is blamed on the entry at that .bbl line, and
    an undefined command is part of the kind."""
    bbl = "\\begin{thebibliography}{1}\n\n\\bibitem{alpha}\nA.\n\n\\bibitem[Beta, 1990]{beta:2}\nB \\emdash C.\n"
    log = "\n".join(
        [
            "(./doc.bbl",
            "! Undefined control sequence.",
            "l.7 B \\emdash",
            "               C.",
            "Missing character: There is no ^^cc in font ec-lmr10!",
        ]
    )
    found = runs.latex_findings(log, bbl)
    assert [(f.entry, f.kind) for f in found] == [
        ("beta:2", "error: Undefined control sequence. \\emdash"),
        ("", "missing character ^^cc"),
    ]


def test_new_findings_compare_multisets_per_entry() -> None:
    """Only what the original's same entry (through the key map) did not have as often is new."""
    original = [runs.Finding("bibtex", "empty year in <key>", "A:1"), runs.Finding("bibtex", "x", "B")]
    ours = [
        runs.Finding("bibtex", "empty year in <key>", "a-1"),
        runs.Finding("bibtex", "empty year in <key>", "a-1"),
        runs.Finding("bibtex", "x", "C"),
    ]
    new = compare.new_findings(original, ours, {"a-1": "A:1", "C": "C"})
    assert [(f.kind, f.entry) for f in new] == [("empty year in <key>", "a-1"), ("x", "C")]


def test_words_lost_are_case_folded_and_normalised() -> None:
    """A word counts as kept whatever its case or ligature form; one missing is reported."""
    original = {"k": "The ﬁrst TeX Users Group, 1979."}
    ours = {"k2": "the first tex users, 1979"}
    assert compare.words_lost(original, ours, {"k2": "k"}) == {"k": ["group"]}


def test_a_sample_keeps_strings_and_crossref_parents() -> None:
    """A sample of a bibliography keeps every @string and the crossref parents of its entries."""
    text = (
        '% header\n@String{j = "J"}\n'
        + "".join(f"@Article{{a{i},\n  crossref = {{p}},\n}}\n" for i in range(6))
        + "@Book{p,\n  title = {P},\n}\n"
    )
    cut = corpora.sample(text, 3)
    assert cut.startswith("% header\n@String{j")
    assert cut.count("@Article") == 3
    assert cut.endswith("@Book{p,\n  title = {P},\n}\n")


def test_words_glued_by_the_original_are_kept_when_ours_has_the_parts() -> None:
    """A word the original printed glued (an undefined \\emdash) is not lost when citekit's entry
    has its parts in a row; a word truly missing still is."""
    original = {"k": "Software-Practice EP92Proceedings Typesetting"}
    ours = {"k": "Software—Practice EP92—Proceedings of"}
    assert compare.words_lost(original, ours, {}) == {"k": ["typesetting"]}


def test_entries_the_original_broke_and_crossref_labels_are_judged_leniently() -> None:
    """In an entry the original typeset with an error, a word inside one of ours counts as kept;
    in a crossref child, the words of the label BibTeX cites the parent by are no loss."""
    original = {"a": "The book", "b": "In Nievergelt et al. [?], pages 1-2"}
    ours = {"a": "The METAFONTbook", "b": "In J. Nievergelt and G. Coray, editors, pages 1-2"}
    assert compare.words_lost(original, ours, {}) == {"a": ["book"], "b": ["al", "et"]}
    assert compare.words_lost(original, ours, {}, frozenset({"a"}), frozenset({"b"})) == {}


def test_a_dotless_i_with_an_accent_is_the_accented_letter() -> None:
    """LaTeX's \\'\\i (ı and a combining acute) compares equal to í."""
    assert compare.words("Jiřı\u0301") == compare.words("Jiří") == ["jiří"]


def test_crossref_children_are_found() -> None:
    """The entries with a crossref field are found by key, case folded."""
    text = "@InProceedings{Child:1,\n  title = {T},\n  crossref = {Parent},\n}\n@Book{Other,\n  title = {B},\n}\n"
    assert compare.crossref_keys(text) == {"child:1"}


def test_latex_errors_in_a_biblatex_bibliography_name_the_entry_printed() -> None:
    """biblatex's errors name no .bbl line: an error or a missing character belongs to the entry
    the document last named in the log (runs.LOG_ENTRY, written as each entry starts)."""
    log = "\n".join(
        [
            "(./doc.bbl)",
            f"{runs.LOG_ENTRY}Knuth:1986:MB",
            "! Undefined control sequence.",
            "<argument> The {\\METAFONT ",
            "                          }book",
            "l.14 \\end",
            f"{runs.LOG_ENTRY}Rose:1992:HTP",
            "Missing character: There is no ^^cc in font ec-lmr10!",
        ]
    )
    found = runs.latex_findings(log, "\\entry{Knuth:1986:MB}{book}{}\n")
    assert [(f.entry, f.kind) for f in found] == [
        ("Knuth:1986:MB", "error: Undefined control sequence. \\METAFONT"),
        ("Rose:1992:HTP", "missing character ^^cc"),
    ]
    assert "clearlang=false" in runs._BIBLATEX_DOCUMENT  # a language prints from either spelling


def test_an_accent_the_original_could_not_set_is_no_lost_word() -> None:
    """In an entry the original typeset with an error (pdflatex could not set biber's combining
    accent: Jiřı), the word is kept when citekit's shows it with its accents; elsewhere it is not."""
    original = {"a": "Ed. by Jiřı Zlatuška"}
    ours = {"a": "Ed. by Jiří Zlatuška"}
    assert compare.words_lost(original, ours, {}) == {"a": ["jiřı"]}
    assert compare.words_lost(original, ours, {}, frozenset({"a"})) == {}


def test_a_url_broken_after_an_underscore_is_one_word() -> None:
    """A URL broken at a line's end after an underscore is the same word as one broken elsewhere;
    two URLs glued into one (no space between) still lose a word."""
    original = {"k": "url: http://www3.oup.co.uk/computer_\njournal/Volume_\n12/a.pdf%20http://b.org/"}
    ours = {"k": "url: http://www3.oup.co.uk/computer_journal/\nVolume_12/a.pdf http://b.org/"}
    assert compare.words_lost(original, ours, {}) == {}
    assert compare.words_lost(original, {"k": ours["k"].replace(" http", "http")}, {}) == {"k": ["pdf"]}


def test_fall_before_a_year_is_the_season_biblatex_calls_autumn() -> None:
    """The date printed "Fall 1980" from a month field and "Autumn 1980" (BibLaTeX's name of season
    23) are the same; a fall that is no season before a year is a word like any."""
    assert compare.words_lost({"k": "(Fall 1980)"}, {"k": "(Autumn 1980)"}, {}) == {}
    assert compare.words_lost({"k": "The Fall of Rome"}, {"k": "The Autumn of Rome"}, {}) == {"k": ["fall"]}


def test_a_month_that_is_an_ordinal_of_no_month_is_misread_by_biblatex() -> None:
    """biber keeps month = "3rd Quarter" and biblatex prints March, which the source does not say:
    that word is no loss; other month fields (a name, a number, "7\\slash 9") give nothing."""
    text = (
        '@Article{Anonymous:1995:RSP,\n  month =        "3rd Quarter",\n  year = "1995",\n}\n'
        "@Article{B,\n  month = {4th quarter}, year = 1985}\n"
        '@Article{C,\n  month = "7\\slash 9"}\n@Article{D, month = jul}\n@Article{E, month = {10}}\n'
    )
    misread = compare.misread_months(text)
    assert misread == {"anonymous:1995:rsp": {"march"}, "b": {"april"}}
    original = {"Anonymous:1995:RSP": "Anonymous (March 1995). In: Bulletin 41."}
    ours = {"Anonymous:1995:RSP": "Anonymous (1995). In: Bulletin 41. 3rd Quarter."}
    assert compare.words_lost(original, ours, {}) == {"Anonymous:1995:RSP": ["march"]}
    assert compare.words_lost(original, ours, {}, misread=misread) == {}
