"""Names a user types, resolved: output formats and styles, input formats, locales, markups and
other option values, with the nearest names suggested for a typo.

Every option value is read without regard to case (``-f APA``, ``check -f JSON``, ``--locale
en-gb``). A data format's names and aliases (``bib``, ``json``, ``csl-json``) are formats before
they are anything else: ``-f bib`` writes BibTeX even where a folder called ``bib`` exists. When
``-f`` is not given, the output file's suffix names the format (``-o refs.ris`` writes RIS); a
suffix that names another data format than ``-f`` does is a usage error, not a file citekit
cannot read back.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from citekit.errors import CitekitError, UnknownFormatError, UnknownStyleError
from citekit.formats import DEFAULT_OUTPUT, FORMATS, PROGRAMS, Format


def nearest(word: str, names: Iterable[str], most: int = 3) -> list[str]:
    """The names closest to ``word`` (a typo's likely targets), best first, compared without case."""
    by_lower: dict[str, str] = {}
    for name in names:
        by_lower.setdefault(name.lower(), name)
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=most, cutoff=0.6)
    # A name that starts with the word ("harv" → harvard) is a likely target even when short.
    starts = [n for n in sorted(by_lower, key=len) if n.startswith(word.lower()) and n not in found]
    return [by_lower[n] for n in (found + starts)[:most]]


def did_you_mean(word: str, names: Iterable[str]) -> str:
    """``"; did you mean a, b or c?"`` for the nearest names, or "" when none is near."""
    found = nearest(word, names)
    if not found:
        return ""
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " or " + found[-1]
    return f"; did you mean {listed}?"


def value(option: str, given: str, allowed: Sequence[str]) -> str:
    """An option's value from a fixed list (``--markup``, ``check -f``), whatever its case."""
    lowered = given.lower()
    if lowered in allowed:
        return lowered
    hint = did_you_mean(given, allowed) or f"; use {' or '.join(allowed)}"
    raise CitekitError(f"unknown {option} {given!r}{hint}")


# --- formats and styles -----------------------------------------------------------------------


def data_format(name: str, writable: bool = True) -> Format | None:
    """The data format called ``name`` (its name or an alias, any case), or None."""
    lowered = name.lower()
    for fmt in FORMATS.values():
        if lowered == fmt.name or lowered in fmt.aliases:
            return fmt if fmt.writable or not writable else None
    return None


def format_names(writable: bool = True) -> list[str]:
    """Every name and alias of the formats citekit writes (``writable``) or reads."""
    return [
        name
        for fmt in FORMATS.values()
        if (fmt.writable if writable else fmt.readable)
        for name in (fmt.name, *fmt.aliases)
    ]


def style_names() -> list[str]:
    """Short style names and every style id: what a typo of a style is compared with."""
    from citekit.csl.style import find as styles
    from citekit.csl.style import index as style_index

    return [*styles.aliases(), *(info.id for info in style_index.index())]


def style(name: str) -> str:
    """``name`` if it is a style citekit can render (a short name, an id, a .csl file), else a
    usage error suggesting the nearest format and style names."""
    from citekit.csl.style.find import find

    try:
        find(name)
    except UnknownStyleError:
        raise UnknownStyleError(_unknown_output(name)) from None
    return name


def _unknown_output(name: str) -> str:
    program = PROGRAMS.get(name.lower())
    if program is not None:
        return f"citekit does not write {name} files; {name} imports {program}: use -f {program}"
    hint = did_you_mean(name, [*format_names(), *style_names()])
    if not hint:
        hint = _title_hint(name)
    return f"unknown format or style {name!r}{hint}; `citekit formats` and `citekit styles` list them"


def _title_hint(name: str) -> str:
    """For a name close to no id, a word of the style titles it is close to (``citekit styles WORD``)."""
    from citekit.csl.style import index as style_index

    words = {word.lower().strip("(),.") for info in style_index.index() for word in info.title.split()}
    found = nearest(name, (w for w in words if len(w) > 3), 1)
    return f"; try `citekit styles {found[0]}`" if found else ""


def output(name: str | None, output: Path | None) -> tuple[Format | None, str]:
    """The data format (None for a CSL style) and the format or style name an export writes.

    With no ``name``, the format ``output``'s suffix names, else BibTeX. A suffix that names a data
    format the chosen one is not read back as (``-f bibtex -o refs.ris``, ``-f apa -o refs.bib``) is
    a usage error.
    """
    by_suffix = _suffix_format(output)
    if name is None:
        chosen = by_suffix or FORMATS[DEFAULT_OUTPUT]
        return chosen, chosen.name
    fmt = data_format(name)
    if fmt is None:
        style(name)
    if by_suffix is not None and output is not None and (fmt is None or not _reads_back(by_suffix, fmt)):
        if fmt is None:
            what, fix = f"{name} references", "use a .txt, .html or .md name"
        else:
            what, fix = fmt.title, f"name the file {output.with_suffix(fmt.suffixes[0]).name}"
        raise CitekitError(
            f"-o {output} names a {by_suffix.title} file, but -f {name} writes {what}; {fix}, or drop -f"
        )
    return fmt, name if fmt is None else fmt.name


def _suffix_format(output: Path | None) -> Format | None:
    """The data format citekit writes that ``output``'s suffix names (not .txt: any text has it)."""
    if output is None:
        return None
    suffix = output.suffix.lower()
    for fmt in FORMATS.values():
        if fmt.writable and suffix in fmt.suffixes:
            return fmt
    return None


def _reads_back(by_suffix: Format, fmt: Format) -> bool:
    """Whether a file with ``by_suffix``'s suffix holding ``fmt``'s output is read back as it was:
    the format itself, or one read by the same reader (BibLaTeX in a ``.bib`` file)."""
    return fmt is by_suffix or type(fmt).read is type(by_suffix).read


def input_format(name: str | None) -> str | None:
    """``--from``'s value checked (a readable format's name or alias, any case), or None."""
    if name is None:
        return None
    fmt = data_format(name, writable=False)
    if fmt is None:
        hint = did_you_mean(name, format_names(writable=False))
        raise UnknownFormatError(f"unknown input format {name!r}{hint}; `citekit formats` lists them")
    return fmt.name


def locale(code: str | None) -> str | None:
    """A CSL locale code in its usual case (``en-gb`` → ``en-GB``), checked; None stays None."""
    if code is None:
        return None
    from citekit.csl.style import locales

    known = locales.available()
    by_lower = {c.lower(): c for c in known}
    found = by_lower.get(code.lower().replace("_", "-"))
    if found is not None:
        return found
    language, _, region = code.replace("_", "-").partition("-")
    if not region:
        # A bare language (``de``) renders in its primary dialect; a region citekit has no locale
        # for (``en-UK``) is refused rather than silently rendered in another one.
        try:
            locales.check(language.lower())
            return language.lower()
        except CitekitError:
            pass
    hint = did_you_mean(code, known)
    raise CitekitError(f"unknown locale {code!r}{hint}; `citekit styles --locales` lists them")
