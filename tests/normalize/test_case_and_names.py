"""Capitals: journal titles to title case keeping acronyms; names to normal case; name splitting."""

from __future__ import annotations

import pytest

from citekit.model import Name
from citekit.normalize.case import title_case_shouting
from citekit.normalize.names import fix_name_case, guessed_split, parse_name_list


@pytest.mark.parametrize(
    ("shouting", "title"),
    [
        ("HEALTH EDUCATION JOURNAL", "Health Education Journal"),
        ("JOURNAL OF THE ACM", "Journal of the ACM"),
        (
            "IEEE TRANSACTIONS ON PATTERN ANALYSIS AND MACHINE INTELLIGENCE",
            "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        ),
        ("ACM SIGPLAN NOTICES", "ACM SIGPLAN Notices"),
        ("PLOS ONE", "PLOS ONE"),
        ("ONE EARTH", "One Earth"),
        ("NHS CONFEDERATION REPORT", "NHS Confederation Report"),
        ("PROCEEDINGS OF CVPR", "Proceedings of CVPR"),
        ("BMJ", "BMJ"),
        ("JAMA NETWORK OPEN", "JAMA Network Open"),
    ],
)
def test_titles_in_capitals_become_title_case_with_acronyms_kept(shouting: str, title: str) -> None:
    """All-capitals titles are title-cased; known and non-word acronyms stay in capitals."""
    assert title_case_shouting(shouting) == title


def test_mixed_case_titles_are_left_alone() -> None:
    """A title that is not all capitals is never changed."""
    assert title_case_shouting("Journal of the ACM") == "Journal of the ACM"


def _split(text: str) -> list[dict[str, str]]:
    names, _ = parse_name_list(text)
    return [fix_name_case(n).to_csl() for n in names]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Xuran CAI, Ann McDONALD", [("Cai", "Xuran"), ("McDonald", "Ann")]),
        ("Dalgarno, Mark; Oates, Jennifer", [("Dalgarno", "Mark"), ("Oates", "Jennifer")]),
        ("Dalgarno, Mark, Oates, Jennifer", [("Dalgarno", "Mark"), ("Oates", "Jennifer")]),
        ("Smith, J. A., Jones, B.", [("Smith", "J. A."), ("Jones", "B.")]),
        ("Mark Dalgarno & Jennifer Oates", [("Dalgarno", "Mark"), ("Oates", "Jennifer")]),
        ("Mark Dalgarno and Jennifer Oates", [("Dalgarno", "Mark"), ("Oates", "Jennifer")]),
        ("Mark Dalgarno , Jennifer Oates", [("Dalgarno", "Mark"), ("Oates", "Jennifer")]),
    ],
)
def test_name_lists_in_every_shape(text: str, names: list[tuple[str, str]]) -> None:
    """Given-Family and Family-Given lists with , ; & and `and` split into the right names, in normal case."""
    assert [(n["family"], n["given"]) for n in _split(text)] == names


def test_particles_and_suffixes() -> None:
    """Particles go to non-dropping-particle; generational suffixes to suffix, in both orders."""
    assert _split("Ludwig von der Leyen; A. de la Cruz; Frederick P. Brooks Jr.; van Kooten, Kees") == [
        {"family": "Leyen", "given": "Ludwig", "non-dropping-particle": "von der"},
        {"family": "Cruz", "given": "A.", "non-dropping-particle": "de la"},
        {"family": "Brooks", "given": "Frederick P.", "suffix": "Jr."},
        {"family": "Kooten", "given": "Kees", "non-dropping-particle": "van"},
    ]


def test_et_al_is_a_flag_not_an_author() -> None:
    """`et al.` ends the list without becoming a name."""
    names, et_al = parse_name_list("Pauli Virtanen, Ralf Gommers, et al.")
    assert et_al and [n.family for n in names] == ["Virtanen", "Gommers"]


def test_guessed_splits_are_recognised() -> None:
    """A name of several full given words is a guess; initials or a particle make it sure."""
    assert guessed_split(Name(family="Huang", given="Fa Peng"))
    assert not guessed_split(Name(family="Oliphant", given="Travis E."))
    assert not guessed_split(Name(family="Walt", given="Stéfan", non_dropping_particle="van der"))


def test_organisations_stay_whole() -> None:
    """An author that is an organisation becomes one literal name, not a given/family split."""
    names, _ = parse_name_list("David Moher, Douglas G. Altman, The PRISMA Group")
    assert names[-1] == Name(literal="The PRISMA Group")
    assert names[1].family == "Altman"
