"""CSL 1.0.2 gender-specific ordinals and the ordinal term set a style's locale replaces."""

from __future__ import annotations

from tests.csl.minimal import bibliography

# A style locale with its own ordinal terms: feminine and masculine "ordinal-01", a masculine-only
# "ordinal-02", and a neuter "ordinal"; edition is feminine, issue masculine.
LOCALE = """<locale><terms>
  <term name="ordinal">N</term>
  <term name="ordinal-01" gender-form="masculine">M1</term>
  <term name="ordinal-01" gender-form="feminine">F1</term>
  <term name="ordinal-02" gender-form="masculine">M2</term>
  <term name="edition" gender="feminine">edition</term>
  <term name="issue" gender="masculine">issue</term>
</terms></locale>"""
LAYOUT = (
    '<group delimiter=" "><number variable="edition" form="ordinal"/>'
    '<number variable="issue" form="ordinal"/></group>'
)


def ordinals(number: str) -> str:
    [out] = bibliography(
        [{"id": "a", "type": "book", "edition": number, "issue": number}],
        bibliography_layout=LAYOUT,
        macros=LOCALE,
    )
    return out


def test_ordinal_suffix_agrees_with_the_gender_of_the_variable_term() -> None:
    """A feminine variable takes the feminine ordinal-01, a masculine one the masculine."""
    assert ordinals("1") == "1F1 1M1"


def test_ordinal_without_the_gender_falls_back_to_ordinal() -> None:
    """An ordinal-02 only in the masculine leaves the feminine edition to the neuter ordinal term."""
    assert ordinals("2") == "2N 2M2"


def test_style_ordinal_terms_replace_the_locale_files_set() -> None:
    """A style defining ordinal terms replaces all of the locale file's (no English 3rd)."""
    assert ordinals("3") == "3N 3N"


def test_day_ordinal_agrees_with_the_month_gender() -> None:
    """A day in ordinal form takes the suffix of the month term's gender (French 1er octobre)."""
    [out] = bibliography(
        [{"id": "a", "type": "book", "issued": {"date-parts": [[2004, 10, 1]]}}],
        bibliography_layout=(
            '<date variable="issued" delimiter=" "><date-part name="day" form="ordinal"/>'
            '<date-part name="month"/></date>'
        ),
        options='default-locale="fr-FR"',
        markup="text",
    )
    assert out == "1ᵉʳ octobre"
