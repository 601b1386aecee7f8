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

# Rich text of the items (``citekit.csl.items.richtext``) reaches the output as HTML tags; text output
# drops them (as citeproc-js does) and Markdown writes its own emphasis.
_RICH_TAG = re.compile(
    r"</?(?:i|b|sup|sub)>|<span style=\"font-variant:small-caps;\">|<span style=\"font-style:normal;\">|</span>"
)
_MARKDOWN_TAGS = {"<i>": "*", "</i>": "*", "<b>": "**", "</b>": "**"}


def finish_rich_text(text: str, markup: str) -> str:
    """Rendered text with the items' rich-text tags in the form ``markup`` writes them."""
    if markup == "html":
        return text
    if markup == "markdown":
        return _RICH_TAG.sub(
            lambda m: _MARKDOWN_TAGS.get(m.group(0), m.group(0) if "su" in m.group(0) else ""), text
        )
    return _RICH_TAG.sub("", text)


MARKUPS: dict[str, Markup] = {
    "text": Markup("text", citeproc_plain, None),
    "html": Markup("html", _HTML_FORMATTER, escape_html),
    "markdown": Markup("markdown", _MARKDOWN_FORMATTER, escape_markdown),
}
