"""User CSL styles and the locales inside them are parsed with entities, DTDs, XInclude and the
network off: a locale cannot read a file or expand a bomb, and a pathological style is a one-line
StyleError. (tests/csl/test_styles_safety.py covers whole styles; this covers locales and the rest.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import citekit
from citekit.csl.style.xml import parse_csl, parse_csl_text
from citekit.errors import StyleError

RECORD = citekit.Record(id="r", type="book", fields={"title": "A title"})
LOCALE = '<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US">{body}</locale>'
BOMB = (
    '<!DOCTYPE locale [<!ENTITY a0 "lol">'
    + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def _style(extra: str = "", head: str = "") -> str:
    return (
        f'<?xml version="1.0"?>{head}<style xmlns="http://purl.org/net/xbiblio/csl" '
        'xmlns:xi="http://www.w3.org/2001/XInclude" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id></info>"
        f"{extra}<citation><layout><text variable='title'/></layout></citation>"
        "<bibliography><layout><text term='edition'/><text variable='title'/></layout></bibliography></style>"
    )


def test_locale_entity_bomb_is_refused() -> None:
    """A billion-laughs locale is refused before any entity is expanded."""
    text = BOMB + LOCALE.format(body="<terms><term name='edition'>&a9;</term></terms>")
    with pytest.raises(StyleError, match="may not declare a DOCTYPE or entities"):
        parse_csl_text(text, what="locale")


def test_locale_external_entity_is_refused(tmp_path: Path) -> None:
    """A locale whose entity names a local file is refused; the file's text never appears."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    head = f'<!DOCTYPE locale [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    path = tmp_path / "locales-xx.xml"
    path.write_text(head + LOCALE.format(body="<terms><term name='edition'>&x;</term></terms>"), "utf-8")
    with pytest.raises(StyleError) as caught:
        parse_csl(path, what="locale")
    assert "TOP-SECRET" not in str(caught.value)


def test_xinclude_in_a_style_is_never_followed(tmp_path: Path) -> None:
    """An XInclude element in a style (or its locale) is not processed: the named file is not read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    include = f'<xi:include href="{secret.as_uri()}" parse="text"/>'
    locale = f"<locale><terms><term name='edition'>{include}</term></terms></locale>"
    style = tmp_path / "x.csl"
    style.write_text(_style(extra=locale), encoding="utf-8")
    try:
        lines = citekit.render([RECORD], str(style))
    except StyleError as exc:
        assert "TOP-SECRET" not in str(exc)
    else:
        assert not any("TOP-SECRET" in line for line in lines)


def test_a_style_nested_ten_thousand_deep_is_a_clean_error(tmp_path: Path) -> None:
    """10,000 nested groups are beyond the parser's depth limit: a StyleError naming the file."""
    style = tmp_path / "deep.csl"
    style.write_text(_style(extra="<macro name='m'>" + "<group>" * 10_000 + "</group>" * 10_000 + "</macro>"))
    with pytest.raises(StyleError, match=r"deep\.csl"):
        citekit.render([RECORD], str(style))


def test_a_parameter_entity_reaching_the_network_is_refused(tmp_path: Path) -> None:
    """A parameter entity pointing at a URL (the classic out-of-band XXE) is refused unparsed."""
    head = '<!DOCTYPE style [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>'
    style = tmp_path / "oob.csl"
    style.write_text(_style(head=head), encoding="utf-8")
    with pytest.raises(StyleError, match="may not declare a DOCTYPE"):
        citekit.render([RECORD], str(style))
