"""Output markups for citeproc-py: plain text, HTML escaped as citeproc-js escapes it, Markdown.

A citeproc-py formatter is a namespace with ``preformat`` (applied to style text such as terms
and affixes) and wrapper classes (Italic, Bold …). Record text is escaped separately, when the
source is built (``escape_data``), because citeproc-py never passes it through ``preformat``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from citeproc.formatter import html as citeproc_html
from citeproc.formatter import plain as citeproc_plain

_HTML_ESCAPES = {"&": "&#38;", "<": "&#60;", ">": "&#62;"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|])")


def escape_html(text: str) -> str:
    """HTML-escape the way citeproc-js does (numeric references for & < >)."""
    return re.sub(r"[&<>]", lambda m: _HTML_ESCAPES[m.group(0)], text)


def escape_markdown(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _wrapper(template: str) -> type[str]:
    class Wrapped(str):
        def __new__(cls, text: str) -> Wrapped:
            return super().__new__(cls, template.format(text))

    return Wrapped


@dataclass(frozen=True)
class Markup:
    name: str
    formatter: Any
    escape_data: Any  # Callable[[str], str] | None


_MARKDOWN_FORMATTER = SimpleNamespace(
    preformat=escape_markdown,
    Italic=_wrapper("*{}*"),
    Oblique=_wrapper("*{}*"),
    Bold=_wrapper("**{}**"),
    Light=str,
    Underline=str,
    Superscript=_wrapper("<sup>{}</sup>"),
    Subscript=_wrapper("<sub>{}</sub>"),
    SmallCaps=str,
)
_HTML_FORMATTER = SimpleNamespace(
    **{name: getattr(citeproc_html, name) for name in dir(citeproc_html) if name[0].isupper()}
)
_HTML_FORMATTER.preformat = escape_html

MARKUPS: dict[str, Markup] = {
    "text": Markup("text", citeproc_plain, None),
    "html": Markup("html", _HTML_FORMATTER, escape_html),
    "markdown": Markup("markdown", _MARKDOWN_FORMATTER, escape_markdown),
}
