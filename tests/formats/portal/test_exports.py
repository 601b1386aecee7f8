"""The exports stage: the portal's BibTeX and RIS pasted into a page, read by citekit's readers as Pure writes them."""

from __future__ import annotations

import citekit
from citekit.formats.portal.exports import find_exports
from citekit.formats.portal.unwrap import unwrap

BIBTEX = """@inproceedings{2b1f0ce9401c4eb8bf72194fdd06b8bf,
title = "Faster Register Allocation",
author = "Xuran CAI and Goharshady, \\\\Amir Kafshdar\\\\",
note = "Publisher Copyright: {\\textcopyright} 2025 ACM.; 30th ACM Conference, ASPLOS 2025 ; Conference date: 30-03-2025 Through 03-04-2025",
year = "2025",
url = "https://www.asplos-conference.org/",
booktitle = "ASPLOS 2025 Proceedings",
}
"""

RIS = """TY - GEN
T1 - Flagger
T2 - 51st Annual Symposium on Computer Architecture, ISCA 2024
AU - Pan, Xiurui
N1 - Publisher Copyright: © 2024 IEEE.
PY - 2024
M3 - Conference contribution
BT - Proceeding - 2024 ACM/IEEE 51st Annual Symposium
Y2 - 29 June 2024 through 3 July 2024
ER -
"""


def test_bibtex_export_is_read_with_its_escaped_braces_and_pure_note() -> None:
    """A converter's ``\\\\Given\\\\`` is read as ``{Given}``; the conference comes out of ``note``,
    which (with ``url``) is reported unused, not kept as a note."""
    [export] = find_exports(unwrap("Some page text\n" + BIBTEX).lines, "page.md")
    record = export.record
    assert export.kind == "bibtex" and record.type == "paper-conference"
    assert [(n.family, n.given) for n in record.names["author"]] == [
        ("CAI", "Xuran"),
        ("Goharshady", "Amir Kafshdar"),
    ]
    assert record.get("event-title") == "30th ACM Conference, ASPLOS 2025"
    assert record.dates["event-date"].parts == ((2025, 3, 30), (2025, 4, 3))
    assert "note" not in record.fields and "URL" not in record.fields
    assert any(text.startswith("note: Publisher Copyright") for text, _ in export.unused)


def test_ris_export_is_read_in_pures_dialect() -> None:
    """Pure's RIS: ``M3`` gives the type, ``BT`` the host, ``T2`` the conference, ``Y2`` its dates; ``N1`` is not a note."""
    [export] = find_exports(unwrap(RIS).lines, "page.md")
    record = export.record
    assert record.type == "paper-conference"
    assert record.get("container-title") == "Proceeding - 2024 ACM/IEEE 51st Annual Symposium"
    assert record.get("event-title") == "51st Annual Symposium on Computer Architecture, ISCA 2024"
    assert record.dates["event-date"].parts == ((2024, 6, 29), (2024, 7, 3))
    assert "accessed" not in record.dates and "note" not in record.fields


def test_the_tail_of_a_ris_export_is_still_read() -> None:
    """A capture that kept only the end of the RIS record (no ``TY``) still gives its fields."""
    tail = "> KW - Attention\n> DO - 10.1109/ACCESS.2023.1\n> VL - 11\n> SP - 5\n> EP - 9\n> JO - IEEE Access\n> ER -\n"
    [export] = find_exports(unwrap(tail).lines, "log.md")
    assert export.cut and export.record.get("container-title") == "IEEE Access"
    assert export.record.get("page") == "5-9" and export.record.get("DOI") == "10.1109/ACCESS.2023.1"


def test_two_tag_like_lines_are_no_export() -> None:
    """Fewer than three RIS tag lines are text, not an export."""
    assert find_exports(unwrap("AB - one\nCD - two\n").lines, "x") == []


def test_a_text_holding_an_export_is_a_page_and_a_bibtex_file_is_bibtex() -> None:
    """Text before an export makes the input a page holding it (read by the portal reader, in Pure's
    dialect); a file that starts with its entry (or a % comment) is BibTeX."""
    readme = "# A tool\nCite the conference paper:\n\n" + BIBTEX
    [record] = citekit.loads(readme).records
    assert record.get("event-title") == "30th ACM Conference, ASPLOS 2025" and not record.get("note")
    [plain] = citekit.loads("% refs\n" + BIBTEX.replace("\\\\", "")).records
    assert plain.get("note").startswith("Publisher Copyright")  # the BibTeX reader keeps a file's note


def test_a_ris_file_saved_as_text_is_ris() -> None:
    """A RIS file is read by the RIS reader, whatever its suffix."""
    [record] = citekit.loads("TY  - JOUR\nTI  - A title\nAU  - Lee, Ann\nPY  - 2020\nER  - \n").records
    assert record.get("title") == "A title" and record.type == "article-journal"
