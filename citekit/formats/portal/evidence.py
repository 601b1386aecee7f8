"""Last stage before the record: every independent source of evidence on a page, weighed field by field.

The sources are the page itself (its field table and header, ``build.py``), the portal's exports
pasted into it (``exports.py``), its Cite-this renderings (``renderings.py``), the meta data its
saving kept (HTML ``citation_*`` tags; a converter's front matter, weaker), and its doi.org links.
For each field the first source in ``ORDER`` that has a value gives it: the page's own structured
exports before the page's text where they are the better witness, the page before the exports where
the portal's exports have a known fault (RIS cuts a title at its colon, BibTeX's ``address`` is a
country). A value that is page furniture is refused (``furniture.py``) and the next source is asked.
Where two strong sources disagree, the choice is reported; a field only weak evidence gave is
marked weak (``citekit show`` says so); a missing title or author list is reported, never made up.
An OpenURL link's query string is no source of its own: it says what a library resolver was asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citekit.errors import Problem
from citekit.formats.portal import furniture, renderings
from citekit.formats.portal.build import Built
from citekit.formats.portal.exports import Export
from citekit.formats.portal.labels import MISSING_BY_TYPE
from citekit.formats.portal.renderings import Rendering
from citekit.model import Date, Location, Name, Record
from citekit.normalize.identifiers import find_dois
from citekit.normalize.names import parse_name_list

# Sources, strongest first where nothing else is said; "page" is the page's table and header.
DEFAULT_ORDER = ("ris", "bibtex", "page", "listing", "meta", "frontmatter", "rendering", "links")
ORDER: dict[str, tuple[str, ...]] = {
    "title": ("bibtex", "page", "listing", "meta", "frontmatter", "ris", "fingerprint", "rendering", "links"),
    "event-title": ("page", "listing", "ris", "bibtex", "rendering"),
    "event-place": ("page", "listing", "rendering"),
    "publisher-place": ("page", "listing", "ris", "rendering", "bibtex"),
    "note": ("page",),
    "status": ("page", "listing"),
    "abstract": ("page", "listing", "bibtex", "ris", "meta"),
    "keyword": ("page", "listing", "bibtex", "ris", "meta"),
    "language": ("page", "listing", "bibtex", "ris", "meta"),
    "genre": ("page", "listing", "ris", "bibtex"),
    "number": ("page", "listing", "ris", "bibtex"),
    "number-of-pages": ("page", "listing", "ris", "bibtex"),
    "ISSN": ("page", "listing", "bibtex", "ris", "meta"),
    "ISBN": ("page", "listing", "bibtex", "ris", "meta"),
    "collection-title": ("page", "listing", "ris", "bibtex"),
    "collection-number": ("page", "listing", "ris", "bibtex"),
    "author": ("ris", "bibtex", "page", "listing", "meta", "rendering"),
    "editor": ("page", "listing", "bibtex", "ris", "meta"),
    "DOI": ("page", "listing", "ris", "bibtex", "meta", "links"),
    "issued": ("ris", "bibtex", "page", "listing", "meta", "rendering"),
    "event-date": ("ris", "bibtex", "page", "listing"),
    "available-date": ("page",),
}
# Sources whose word alone makes a field weak.
WEAK_SOURCES = {
    "rendering": "a Cite-this rendering",
    "frontmatter": "the front matter",
    "fingerprint": "the Fingerprint section's sentence",
    "links": "a link",
}
# Sources whose disagreement with the chosen value is worth a problem.
STRONG_SOURCES = ("ris", "bibtex", "page", "listing", "meta")
COMPARED_FIELDS = ("title", "container-title", "volume", "issue", "page", "publisher")
_SOURCE_NAMES = {
    "ris": "the RIS export",
    "bibtex": "the BibTeX export",
    "page": "the page",
    "listing": "the list entry",
    "meta": "the meta tags",
}
_OUTPUT_PAGE = re.compile(r"/publications?/[^/?#]+", re.IGNORECASE)
# A site's name after a page title in a link to it (``Title - CEU Research Pure Portal``).
_SITE_SUFFIX = re.compile(
    r"\s+[-–—|]\s+[^-–—|]*\b(?:Research|Portal|Pure|Explorer|Database|Repository|Orbit|Experts?|Scholars?|"
    r"University|Universit\w*)\b[^-–—|]*$",
    re.IGNORECASE,
)
_DOI_LINK = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$", re.IGNORECASE)


@dataclass
class Evidence:
    """What one page offers: its own record and everything else found on it."""

    page: Built | None
    # A list rendering's record, for a page that is a list entry rather than an output's own page.
    listing: Record | None = None
    exports: list[Export] = field(default_factory=list)
    renderings: list[Rendering] = field(default_factory=list)
    # (text, target) of the page's links.
    links: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    # The title the Fingerprint section quotes ("Dive into the research topics of '…'").
    fingerprint: str = ""


@dataclass
class Outcome:
    """The record, the problems met, what was read but not used, and which fields are weak."""

    record: Record
    problems: list[Problem] = field(default_factory=list)
    unused: list[tuple[str, int]] = field(default_factory=list)
    weak: list[tuple[str, str]] = field(default_factory=list)


def claims(evidence: Evidence) -> dict[str, Record]:
    """Each source's record, by source name (a source with nothing to say is left out)."""
    out: dict[str, Record] = {}
    if evidence.page is not None:
        out["page"] = evidence.page.record
    if evidence.listing is not None:
        out["listing"] = evidence.listing
    for export in evidence.exports:
        out.setdefault(export.kind, export.record)
    if meta := _meta_record(evidence.meta, "citation_"):
        out["meta"] = meta
    if title := _SITE_SUFFIX.sub("", evidence.meta.get("title", "")):
        out["frontmatter"] = Record("", "", {"title": title})
    if evidence.fingerprint:
        out["fingerprint"] = Record("", "", {"title": evidence.fingerprint})
    if linked := _linked_record(evidence.links):
        out["links"] = linked
    if not any(source in ("ris", "bibtex") for source in out) or any(
        record.names.get("author") for source, record in out.items() if source == "page"
    ):  # the APA rendering is read only with no export beside it, or to split the page's names
        rendered = _rendering_record(evidence.renderings)
        if rendered.fields or rendered.names:
            out["rendering"] = rendered
    return out


def _linked_record(links: list[tuple[str, str]]) -> Record | None:
    """What the page's links say: the DOIs of its doi.org links, and a title in the text of a link
    to the output's own page (a search result's, its site's name cut off)."""
    dois = tuple(dict.fromkeys(m.group(1).rstrip(".") for _, t in links if (m := _DOI_LINK.match(t))))
    fields = {"DOI": dois[0]} if dois else {}
    for text, target in links:
        title = _SITE_SUFFIX.sub("", " ".join(text.split()))
        if _OUTPUT_PAGE.search(target) and len(title) > 10 and not furniture.reason("title", title):
            fields["title"] = title
            break
    return Record("", "", fields, dois=dois) if fields else None


def _meta_record(meta: dict[str, str], prefix: str) -> Record | None:
    """The record HTML ``citation_*`` meta tags give."""
    if not any(key.startswith(prefix) for key in meta):
        return None
    get = {key.removeprefix(prefix): value for key, value in meta.items() if key.startswith(prefix)}
    fields = {
        var: get[key].split("\n")[0]
        for key, var in (
            ("title", "title"),
            ("journal_title", "container-title"),
            ("inbook_title", "container-title"),
            ("conference_title", "event-title"),
            ("volume", "volume"),
            ("issue", "issue"),
            ("publisher", "publisher"),
            ("issn", "ISSN"),
            ("isbn", "ISBN"),
            ("language", "language"),
            ("abstract", "abstract"),
        )
        if get.get(key)
    }
    if first := get.get("firstpage"):
        fields["page"] = "-".join(p for p in (first, get.get("lastpage", "")) if p)
    dois = find_dois(get.get("doi", ""))
    names = {
        "author": tuple(parse_name_list(a)[0][0] for a in get.get("author", "").split("\n") if a.strip())
    }
    dates = {}
    if date_text := get.get("publication_date") or get.get("date"):
        from citekit.normalize.dates import parse_date

        if date := parse_date(date_text.replace("/", "-")):
            dates["issued"] = date
    return Record("", "", fields, {k: v for k, v in names.items() if v}, dates, dois)


def _rendering_record(found: list[Rendering]) -> Record:
    """What the APA rendering says: the authors (cut to initials), the host or journal, its
    volume, issue and pages, the publisher."""
    for rendering in found:
        if rendering.style == "apa":
            names, year = renderings.apa_parts(rendering.text)
            fields = renderings.apa_fields(rendering.raw or rendering.text)
            dates = {"issued": Date(parts=((int(year),),))} if year else {}
            if names or fields:
                return Record("", "", fields, {"author": tuple(names)} if names else {}, dates)
    return Record("", "")


def weigh(evidence: Evidence, location: Location) -> Outcome:
    """The record from all of a page's evidence, with what was refused, doubted or weak."""
    sources = claims(evidence)
    out = Outcome(Record("", ""))
    page = evidence.page
    if page is not None:
        out.problems += page.problems
        out.unused += [(f"{e.label}: {e.value}", e.line) for e in page.ignored]
    for export in evidence.exports:
        out.unused += export.unused
    abstract = _first(sources, "abstract", ORDER["abstract"])[1]
    fields: dict[str, str] = {}
    for var in sorted({v for record in sources.values() for v in record.fields}):
        source, value = _choose(sources, var, abstract, out, location)
        if value:
            fields[var] = value
            if source in WEAK_SOURCES and not _corroborated(sources, var, source, value):
                _note_weak(out, var, source)
    _places(evidence, fields, out)
    names, et_al = _people(sources, page, evidence, out, location)
    dates = _dates(sources, out, location)
    dois = _dois(sources, out, location)
    if dois:
        fields["DOI"] = dois[0]
    csl_type = _type(sources, page, fields, out, location)
    for var in COMPARED_FIELDS:
        _report_disagreement(sources, var, fields.get(var, ""), out, location)
    _warn_missing(csl_type, fields, names, dates, out.problems, location)
    out.record = Record("", csl_type, fields, names, dates, dois, et_al, location)
    return out


def _first(sources: dict[str, Record], var: str, order: tuple[str, ...]) -> tuple[str, str]:
    for source in order:
        value = sources[source].fields.get(var, "") if source in sources else ""
        if value:
            return source, value
    return "", ""


def _choose(
    sources: dict[str, Record], var: str, abstract: str, out: Outcome, location: Location
) -> tuple[str, str]:
    """(source, value) of a text field: the first source in its order with an acceptable value.
    A title cut at its colon (RIS) gives way to the same title in full from a weaker source."""
    order = ORDER.get(var, DEFAULT_ORDER)
    for source in order:
        value = sources[source].fields.get(var, "") if source in sources else ""
        if not value:
            continue
        if var in ("title", "container-title", "event-title") and (
            why := furniture.reason(var, value, abstract)
        ):
            out.problems.append(
                Problem(location, f"{var} {_short(value)} from {_name(source)} refused: {why}")
            )
            continue
        return source, value
    return "", ""


def _corroborated(sources: dict[str, Record], var: str, source: str, value: str) -> bool:
    """Whether another source says the same as a weak one (the front matter's title and the
    Fingerprint's sentence quoting it): two independent witnesses make it no longer weak."""
    return any(
        other != source and _same(record.fields.get(var, ""), value, "") for other, record in sources.items()
    )


def _note_weak(out: Outcome, var: str, source: str) -> None:
    if source in WEAK_SOURCES:
        out.weak.append((var, f"only {WEAK_SOURCES[source]} gives it"))


def _places(evidence: Evidence, fields: dict[str, str], out: Outcome) -> None:
    """The conference's place and the publisher's place from the Harvard and Standard renderings,
    where the page's fields and the exports do not give them."""
    for rendering in evidence.renderings:
        if rendering.style == "harvard" and "event-place" not in fields and fields.get("event-title"):
            place, _ = renderings.harvard_event(rendering.text, fields["event-title"])
            if place:
                fields["event-place"] = place
                _note_weak(out, "event-place", "rendering")
    if "publisher-place" not in fields and fields.get("publisher"):
        for style in ("standard", "harvard"):
            for rendering in (r for r in evidence.renderings if r.style == style):
                if place := renderings.standard_place(rendering.text, fields["publisher"]):
                    fields["publisher-place"] = place
                    _note_weak(out, "publisher-place", "rendering")
                    return


def _people(
    sources: dict[str, Record], page: Built | None, evidence: Evidence, out: Outcome, location: Location
) -> tuple[dict[str, tuple[Name, ...]], bool]:
    """Authors and editors: from the first source whose list holds no furniture once refused
    names are taken out; the page's own names split as a rendering's family names say."""
    names: dict[str, tuple[Name, ...]] = {}
    et_al = False
    for var in ("author", "editor"):
        for source in ORDER[var]:
            people = sources[source].names.get(var, ()) if source in sources else ()
            kept = []
            for person in people:
                text = person.literal or " ".join(p for p in (person.given, person.family) if p)
                if why := furniture.reason("author", text):
                    out.problems.append(
                        Problem(location, f"{var} {_short(text)} from {_name(source)} refused: {why}")
                    )
                else:
                    kept.append(person)
            if kept:
                if source == "page" and var == "author" and "rendering" in sources:
                    kept = refine_splits(kept, sources["rendering"].names.get("author", ()))
                names[var] = tuple(kept)
                et_al = et_al or (var == "author" and sources[source].et_al)
                _note_weak(out, var, source)
                break
    return names, et_al


def refine_splits(people: list[Name], witnesses: tuple[Name, ...]) -> list[Name]:
    """Names split again where a rendering at the same place names the family otherwise
    (``Fa Peng Huang`` with ``Huang, F. P.``; ``Omidreza Amrollahinasab Mahdiabad`` with
    ``Amrollahinasab Mahdiabad, O.``)."""
    out = []
    for k, person in enumerate(people):
        witness = witnesses[k] if k < len(witnesses) else None
        words = " ".join(p for p in (person.given, person.non_dropping_particle, person.family) if p).split()
        family = witness.family.split() if witness else []
        if (
            family
            and not person.literal
            and [w.lower() for w in words[-len(family) :]] == [w.lower() for w in family]
            and len(family) < len(words)
        ):
            person = Name(family=" ".join(words[-len(family) :]), given=" ".join(words[: -len(family)]))
        out.append(person)
    return out


def _dates(sources: dict[str, Record], out: Outcome, location: Location) -> dict[str, Date]:
    """Each date from the first source that has it; an ``issued`` that a later source gives more
    fully (the same year and month, and a day) is taken from that one."""
    dates: dict[str, Date] = {}
    for var in sorted({v for record in sources.values() for v in record.dates}):
        order = ORDER.get(var, ("page",))
        found = [(s, sources[s].dates[var]) for s in order if s in sources and var in sources[s].dates]
        if not found:
            continue
        source, date = found[0]
        for other, later in found[1:]:
            if later == date:
                continue
            if _extends(later, date):
                date = later
            elif not _extends(date, later) and other in STRONG_SOURCES and var == "issued":
                out.problems.append(
                    Problem(
                        location,
                        f"{var}: {_name(source)} says {date.iso()}, {_name(other)} {later.iso()}; kept {date.iso()}",
                    )
                )
        dates[var] = date
        _note_weak(out, var, source)
    return dates


def _extends(longer: Date, shorter: Date) -> bool:
    """Whether ``longer`` says all ``shorter`` says, and more."""
    if len(longer.parts) != len(shorter.parts) or not longer.parts:
        return False
    return all(
        a[: len(b)] == b and len(a) >= len(b) for a, b in zip(longer.parts, shorter.parts, strict=True)
    ) and (longer != shorter)


def _dois(sources: dict[str, Record], out: Outcome, location: Location) -> tuple[str, ...]:
    """Every DOI of the first source that has any (the page's own list keeps all of them)."""
    for source in ORDER["DOI"]:
        record = sources.get(source)
        if record is None:
            continue
        dois = record.dois or ((record.fields["DOI"],) if record.fields.get("DOI") else ())
        dois = tuple(d for d in dois if not furniture.reason("DOI", d))
        if dois:
            _note_weak(out, "DOI", source)
            return dois
    return ()


def _type(
    sources: dict[str, Record], page: Built | None, fields: dict[str, str], out: Outcome, location: Location
) -> str:
    """The CSL type: the breadcrumb's, else an export's, else a guess from the fields (reported)."""
    if page is not None and page.type_given:
        return page.record.type
    for source in ("ris", "bibtex", "listing"):
        if source in sources and sources[source].type:
            return sources[source].type
    if page is not None and page.family_type:
        return page.family_type  # the breadcrumb's output type, its subtype unknown
    guess = page.record.type if page is not None else _guess(fields)
    out.problems.append(Problem(location, f"no output type given; read as {guess}"))
    return guess


def _guess(fields: dict[str, str]) -> str:
    if fields.get("event-title"):
        return "paper-conference"
    return "article-journal" if fields.get("container-title") else "article"


def _report_disagreement(
    sources: dict[str, Record], var: str, kept: str, out: Outcome, location: Location
) -> None:
    """A problem when a strong source gives ``var`` otherwise than the value kept (a RIS title cut
    at its colon and differences of case, space and punctuation are no disagreement)."""
    if not kept:
        return
    for source in STRONG_SOURCES:
        other = sources[source].fields.get(var, "") if source in sources else ""
        if other and not _same(other, kept, var):
            out.problems.append(
                Problem(location, f"{var}: {_name(source)} has {_short(other)}; kept {_short(kept)}")
            )


def _same(a: str, b: str, var: str) -> bool:
    def key(text: str) -> str:
        return re.sub(r"[\W_]+", "", text.casefold())

    ka, kb = key(a), key(b)
    if ka == kb:
        return True
    return var == "title" and (kb.startswith(key(a.split(":")[0])) or ka.startswith(key(b.split(":")[0])))


def _warn_missing(
    csl_type: str,
    fields: dict[str, str],
    names: dict[str, tuple[Name, ...]],
    dates: dict[str, Date],
    problems: list[Problem],
    location: Location,
) -> None:
    """One warning naming every usual field the page did not give."""
    missing = [] if fields.get("title") else ["title"]
    if not names.get("author") and not names.get("editor"):  # an anthology has editors only
        missing.append("authors")
    if "issued" not in dates and not fields.get("status"):
        missing.append("publication date")
    missing += [label for var, label in MISSING_BY_TYPE.get(csl_type, ()) if not fields.get(var)]
    if missing:
        problems.append(Problem(location, f"no {', '.join(missing)} on the page; exported without"))


def _name(source: str) -> str:
    return _SOURCE_NAMES.get(source, WEAK_SOURCES.get(source, source))


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")
