"""A custom .csl file is parsed safely, and a bad one gives a one-line error naming file and line."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

import citekit
from citekit.cli import app
from citekit.errors import StyleError
from tests.conftest import RECORDS

runner = CliRunner()
RECORD = citekit.Record(id="r", type="book", fields={"title": "A title"})
GOOD_BODY = '<text variable="title"/>'


def style_text(body: str = GOOD_BODY, head: str = "", extra: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{head}\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n'
        "<info><title>t</title><id>t</id></info>\n"
        f'{extra}<citation><layout><text variable="title"/></layout></citation>\n'
        f"<bibliography><layout>{body}</layout></bibliography>\n</style>\n"
    )


def write(tmp_path: Path, text: str, name: str = "custom.csl") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_good_custom_style_renders(tmp_path: Path) -> None:
    """The minimal style used below is itself fine: failures below come from what each test adds."""
    assert citekit.render([RECORD], write(tmp_path, style_text())) == ["A title"]


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    """A billion-laughs style is refused (DOCTYPE with entities), not expanded."""
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    text = style_text(body="<text value='&a9;'/>", head=f"<!DOCTYPE style [{entities}]>")
    with pytest.raises(StyleError, match="may not declare a DOCTYPE"):
        citekit.render([RECORD], write(tmp_path, text))


def test_external_file_entity_is_not_read(tmp_path: Path) -> None:
    """An external entity naming a local file is refused and the file's text never appears."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    head = f'<!DOCTYPE style [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    with pytest.raises(StyleError) as caught:
        citekit.render([RECORD], write(tmp_path, style_text(body="<text value='&x;'/>", head=head)))
    assert "TOP-SECRET" not in str(caught.value)


@pytest.mark.parametrize(
    "head",
    [
        '<!DOCTYPE style SYSTEM "http://127.0.0.1:{port}/style.dtd">',
        '<!DOCTYPE style [<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/x.dtd"> %remote;]>',
        '<!DOCTYPE style [<!ENTITY x SYSTEM "http://127.0.0.1:{port}/x.txt">]>',
    ],
)
def test_network_dtds_and_entities_are_never_fetched(tmp_path: Path, head: str) -> None:
    """A style pointing at a DTD or entity on the network is refused without any connection being made."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.setblocking(False)
        port = server.getsockname()[1]
        text = style_text(
            head=head.format(port=port), body="<text value='&x;'/>" if "x.txt" in head else GOOD_BODY
        )
        with pytest.raises(StyleError):
            citekit.render([RECORD], write(tmp_path, text))
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody knocked


@pytest.mark.parametrize(
    ("body", "extra", "message"),
    [
        ('<text macro="missing"/>', "", r"custom\.csl:5: macro 'missing' is not defined"),
        ("<frobnicate/>", "", r"custom\.csl:5: unknown CSL element <frobnicate>"),
        (
            '<date variable="issued" form="long"/>',
            "",
            r"custom\.csl:5: date form 'long' is not numeric or text",
        ),
        ("<text variable='title'>", "", r"custom\.csl:\d+: not a valid CSL style"),
        (GOOD_BODY, "<bibliography/>", r"custom\.csl:4: <bibliography> has no <layout>"),
    ],
)
def test_broken_style_is_one_line_with_file_and_line(
    tmp_path: Path, body: str, extra: str, message: str
) -> None:
    """Mistakes citeproc-py would crash on deep in rendering are one StyleError naming file and line."""
    with pytest.raises(StyleError, match=message):
        citekit.render([RECORD], write(tmp_path, style_text(body=body, extra=extra)))


def test_not_a_style_at_all(tmp_path: Path) -> None:
    """An XML file that is not a CSL style says so."""
    with pytest.raises(StyleError, match="not a CSL style"):
        citekit.render([RECORD], write(tmp_path, "<html><body/></html>"))


def test_cli_reports_a_bad_style_in_one_line(tmp_path: Path) -> None:
    """`citekit export --format bad.csl` prints one error line, nothing on stdout, and exits 2."""
    path = write(tmp_path, style_text(body='<text macro="missing"/>'))
    result = runner.invoke(app, ["export", str(RECORDS), "--format", path])
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "macro 'missing' is not defined" in line and "custom.csl:5" in line
