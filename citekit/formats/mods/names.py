"""MODS titles and names: titleInfo parts, typed or untyped nameParts, roles by relator term or code."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from citekit.formats import xmlsafe
from citekit.formats.mods import tables as T
from citekit.formats.mods.tree import Reading, kid_text, kids
from citekit.model import Name

# Title types that are not the work's main title.
_OTHER_TITLES = frozenset({"alternative", "translated", "uniform"})


def title_text(info: Any) -> str:
    """nonSort + title, then ``: subTitle``, then part number and name."""
    non_sort, title = kid_text(info, "nonSort"), kid_text(info, "title")
    if non_sort and title:
        joined = non_sort + title if non_sort.endswith(("'", "’", "-")) else f"{non_sort} {title}"
    else:
        joined = non_sort or title
    for extra, joiner in (("subTitle", ": "), ("partNumber", ". "), ("partName", ". ")):
        value = kid_text(info, extra)
        if value:
            joined = f"{joined}{joiner}{value}" if joined else value
    return joined


def titles(element: Any) -> tuple[str, str]:
    """(main title, abbreviated title) of a record or related item.

    An alternative, translated or uniform title stands in only when there is no main title: a host
    given by its uniform title alone (library catalogues name collections so) is still the container.
    """
    main = short = other = ""
    for info in kids(element, "titleInfo"):
        kind = info.get("type") or ""
        if kind == "abbreviated":
            short = short or title_text(info)
        elif kind in _OTHER_TITLES:
            other = other or title_text(info)
        else:
            main = main or title_text(info)
    return main or other, short


def name_of(element: Any) -> Name | None:
    """A ``<name>`` as a CSL name: typed nameParts, one ``Family, Given`` part, or an institution."""
    parts: dict[str, list[str]] = {}
    for part in kids(element, "namePart"):
        value = xmlsafe.text(part)
        if value:
            parts.setdefault(part.get("type") or "", []).append(value)
    given, family = " ".join(parts.get("given", [])), " ".join(parts.get("family", []))
    untyped = " ".join(parts.get("", []))
    kind = element.get("type")
    if kind == "corporate" or (not given and not family and kind != "personal" and "," not in untyped):
        return Name(literal=untyped or family or given) if (untyped or family or given) else None
    if not given and not family:
        if not untyped:
            return None
        if "," in untyped:
            family, _, given = untyped.partition(",")
            given, _, suffix = given.partition(",")
            return person(family, given, [suffix])
        from citekit.normalize.names import parse_name

        return parse_name(untyped)
    return person(family or untyped, given, parts.get("termsOfAddress", []))


def person(family: str, given: str, terms: Iterable[str]) -> Name:
    """Leading lower-case words of a family name are its particle (``van der Walt``)."""
    words = family.split()
    cut = 0
    while cut < len(words) - 1 and words[cut][:1].islower():
        cut += 1
    suffix = next((t.strip() for t in terms if t.strip().lower() in T.NAME_SUFFIXES), "")
    return Name(
        family=" ".join(words[cut:]),
        given=" ".join(given.split()),
        non_dropping_particle=" ".join(words[:cut]),
        suffix=suffix,
    )


def role_of(element: Any, default: str) -> tuple[str | None, str]:
    """(CSL variable, role term) of a name's first role the tables know. No role: ``default``;
    a role the tables do not know: ``contributor``; a role CSL has no variable for: None."""
    terms = [xmlsafe.text(t) for role in kids(element, "role") for t in kids(role, "roleTerm")]
    terms = [t for t in terms if t]
    for term in terms:
        key = term.lower().rstrip(".")
        if key in T.ROLES:
            return T.ROLES[key], term
    return (default if not terms else "contributor"), (terms[0] if terms else "")


def read_names(element: Any, default: str, reading: Reading, kind: str, host: bool = False) -> None:
    for item in kids(element, "name"):
        if item.get("type") == "conference":
            continue
        var, role = role_of(item, default)
        if host and var == "author":
            var = "container-author"
        if var is None:
            reading.warnings.append(f"a name with the role {role!r} has no CSL variable; left out")
            continue
        if kids(item, "etal"):
            reading.et_al = reading.et_al or var == "author"
            if not kids(item, "namePart"):
                continue
        name = name_of(item)
        if name is None:
            continue
        if var == "publisher":
            reading.set("publisher", name.literal or " ".join(p for p in (name.given, name.family) if p))
        else:
            reading.names.setdefault(var, []).append(name)
