"""Parsing CSL styles and locales safely, into citeproc-py's element classes or our fixed ones."""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import model as citeproc_model
from lxml import etree

from citekit.csl.style import elements
from citekit.errors import StyleError

CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"


def _element_classes() -> dict[str, type[Any]]:
    """Tag name -> element class: citeproc-py's, replaced by ours where we fix a rule."""
    classes: dict[str, type[Any]] = {
        cls.__name__.replace("_", "-").lower(): cls
        for cls in citeproc_model.CitationStylesElement.__subclasses__()
    }
    classes.update(elements.FIXED_ELEMENTS)
    return {name: _with_cached_lookups(name, cls) for name, cls in classes.items()}


def _with_cached_lookups(name: str, cls: type[Any]) -> type[Any]:
    """The class with macro, layout and term lookups kept once found (``citekit.csl.style.lookups``);
    a locale root keeps citeproc-py's own term lookup, which takes other arguments."""
    from citekit.csl.style.lookups import CachedLookups, KeptTermForms

    if name == "locale":
        return cls
    kept = (KeptTermForms,) if name == "term" else ()
    return type(cls.__name__, (CachedLookups, *kept, cls), {"__module__": cls.__module__})


def element_class(name: str) -> type[Any]:
    """The class an element of that name is parsed into, with every rule's mixin (before
    ``elements.specialize`` leaves out those that do not apply to it)."""
    return _class_table()[name]


def element_names() -> set[str]:
    """The CSL element names citekit can render."""
    return set(_class_table())


_PARSERS = threading.local()  # lxml parsers are not to be shared between threads


@cache
def _class_table() -> dict[str, type[Any]]:
    """The element classes, made once: every parser of every thread hands out the same ones."""
    return _element_classes()


def parser() -> etree.XMLParser:
    """The parser for every style and locale (one per thread): no DTDs, no entities, no network,
    no huge trees."""
    found: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if found is None:
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(CSL_NAMESPACE)
        namespace[None] = citeproc_model.CitationStylesElement
        namespace.update(_class_table())
        found = etree.XMLParser(
            remove_comments=True,
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
        )
        found.set_element_class_lookup(lookup)
        _PARSERS.parser = found
    return found


def parse_csl(path: Path | str, what: str = "style") -> Any:
    """The root element of a CSL style or locale file; a StyleError names the file if it is unusable."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise StyleError(f"cannot read {what} file {path}: {exc.strerror or exc}") from None
    _refuse_doctype(data, str(path), what)
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser(), base_url=str(path)))
    except etree.XMLSyntaxError as exc:
        raise StyleError(f"{path}:{exc.lineno}: not a valid CSL {what}: {exc.msg}") from None
    return _checked_root(tree, str(path), what)


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _refuse_doctype(data: bytes, origin: str, what: str) -> None:
    """Refuse a DOCTYPE before the XML parser sees it: nothing declared there is ever expanded or
    fetched, whatever the libxml2 version's own limits are."""
    found = _DOCTYPE.search(data)
    if found:
        line = data.count(b"\n", 0, found.start()) + 1
        raise StyleError(f"{origin}:{line}: CSL {what} files may not declare a DOCTYPE or entities")


def parse_csl_text(text: str, what: str = "style", origin: str = "<string>") -> Any:
    """The root element of a CSL style or locale given as text, parsed by the same safe parser."""
    data = text.encode("utf-8")
    _refuse_doctype(data, origin, what)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise StyleError(f"{origin}:{exc.lineno}: not a valid CSL {what}: {exc.msg}") from None
    return _checked_root(root.getroottree(), origin, what)


def _checked_root(tree: Any, path: str, what: str) -> Any:
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise StyleError(f"{path}: CSL {what} files may not declare a DOCTYPE or entities")
    root = tree.getroot()
    expected = "style" if what == "style" else "locale"
    if root.tag != f"{{{CSL_NAMESPACE}}}{expected}":
        raise StyleError(f"{path}: not a CSL {what} (root element is {etree.QName(root).localname!r})")
    _blank_terms_empty(root)
    elements.specialize(root)
    return root


def _blank_terms_empty(root: Any) -> None:
    """A term written as only white space (a line break and indentation) is an empty term, as
    citeproc-js reads it, not a line break in the output."""
    for term in root.iter(f"{{{CSL_NAMESPACE}}}term"):
        if term.text is not None and not term.text.strip(" \t\r\n") and not len(term):
            term.text = ""
