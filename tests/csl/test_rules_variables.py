"""CSL 1.0.2 variables: name variables citeproc-py lacks, variables carried in the note, term forms."""

from __future__ import annotations

from citekit.csl.items.note_fields import with_note_variables
from tests.csl.minimal import citations

REVIEWED = '<names variable="reviewed-author"><label form="verb-short" suffix=" "/><name/></names>'


def test_reviewed_author_is_a_name_with_a_verb_label() -> None:
    """reviewed-author renders as names, and the missing verb-short label falls back to the verb "by"."""
    item = {"id": "a", "type": "review", "reviewed-author": [{"family": "Burtle", "given": "Beaver"}]}
    assert citations([item], [[{"id": "a"}]], citation_layout=REVIEWED) == ["by Beaver Burtle"]


def test_note_lines_become_variables() -> None:
    """``name: value`` lines of a note set text, name and date variables and leave the note."""
    item = {
        "id": "a",
        "note": "container-title: Lives\nreviewed-author: Hall || W.C.\nevent-date: 2004-10-01/2004-10-14\nkept",
    }
    out = with_note_variables(item)
    assert out["container-title"] == "Lives"
    assert out["reviewed-author"] == [{"family": "Hall", "given": "W.C."}]
    assert out["event-date"] == {"date-parts": [[2004, 10, 1], [2004, 10, 14]]}
    assert out["note"] == "kept"


def test_item_value_wins_over_note_line() -> None:
    """A variable the item already has is not replaced by a note line, which stays in the note."""
    item = {"id": "a", "title": "Own", "note": "title: Other"}
    assert with_note_variables(item) == item


def test_note_variables_render() -> None:
    """A container title given only in the note is rendered."""
    item = {"id": "a", "type": "chapter", "note": "container-title: Lives"}
    layout = '<text variable="container-title"/>'
    assert citations([item], [[{"id": "a"}]], citation_layout=layout) == ["Lives"]
