"""The portal's own "Author" and "Standard" formats, as CSL styles in styles/ written by us."""

from __future__ import annotations

from pathlib import Path

import citekit

# Their output for records/ against citeproc-js is checked in test_reference_agreement.py.


def test_seed_in_the_author_format(seed_path: Path) -> None:
    """Author: title, "Family, I." authors joined by "&", the full date, "In: Journal. vol, issue, p. pages"."""
    records = citekit.load(str(seed_path)).records
    assert citekit.render(records, "author") == [
        "The crucible of co-production: case study interviews with Recovery College practitioner trainers. "
        "Dalgarno, M. & Oates, J., 1 Dec 2019, In: Health Education Journal. 78, 8, p. 977-987. 11 p."
    ]


def test_seed_in_the_standard_format(seed_path: Path) -> None:
    """Standard: "Title. / Family, Given; …. In: Journal, Vol. 78, No. 8, 01.12.2019, p. 977-987."."""
    records = citekit.load(str(seed_path)).records
    assert citekit.render(records, "standard") == [
        "The crucible of co-production: case study interviews with Recovery College practitioner trainers. "
        "/ Dalgarno, Mark; Oates, Jennifer. In: Health Education Journal, Vol. 78, No. 8, 01.12.2019, p. 977-987."
    ]


def test_house_style_dates_keep_only_known_parts() -> None:
    """A month-only date is "Sep 2020" (Author) and "09.2020" (Standard); a year alone stays a year."""
    record = citekit.Record(
        id="m",
        type="article-journal",
        fields={"title": "T", "container-title": "J"},
        names={"author": (citekit.Name(family="Roe", given="Ann"),)},
        dates={"issued": citekit.Date(parts=((2020, 9),))},
    )
    assert citekit.render([record], "pure-author") == ["T. Roe, A., Sep 2020, In: J."]
    assert citekit.render([record], "pure-standard") == ["T. / Roe, Ann. In: J, 09.2020."]


def test_house_styles_are_listed_with_their_short_names() -> None:
    """`author`, `standard`, `pure-author` and `pure-standard` are short names for the two styles."""
    from citekit.csl.style.find import aliases, find

    assert find("author").path == find("pure-author").path
    assert find("standard").path.name == "pure-standard.csl"
    assert {"pure-author", "pure-standard"} <= set(aliases())
