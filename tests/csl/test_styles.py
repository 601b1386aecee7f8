"""Style lookup (short names, ids, dependent styles, files), locales, and `citekit styles`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import citekit
from citekit.cli import app
from citekit.csl.style import find as styles
from citekit.csl.style import index as style_index
from citekit.csl.style.load import load_style
from citekit.errors import StyleError

runner = CliRunner()

EDITED = citekit.Record(
    id="e",
    type="book",
    fields={"title": "Ein Sammelband", "publisher": "Verlag", "publisher-place": "Berlin", "page": "977-987"},
    names={"editor": (citekit.Name(family="Doe", given="Jane"),)},
    dates={"issued": citekit.Date(parts=((2019, 12, 1),))},
)


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own style-index cache, never the user's."""
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path / "cache"))
    style_index.index.cache_clear()


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("apa", "apa.csl"),
        ("vancouver", "nlm-citation-sequence.csl"),
        ("harvard", "harvard-cite-them-right.csl"),
        ("Vancouver", "nlm-citation-sequence.csl"),
        ("nlm-citation-sequence", "nlm-citation-sequence.csl"),
        ("ieee", "ieee.csl"),
        ("mla", "modern-language-association.csl"),
        ("author", "pure-author.csl"),
        ("pure-standard", "pure-standard.csl"),
    ],
)
def test_short_names_and_ids_find_their_style_file(name: str, file: str) -> None:
    """A short name from styles/aliases.json or a style id finds the style file it stands for."""
    assert styles.find(name).path.name == file


def test_every_short_name_resolves() -> None:
    """Every entry of the alias table points at a style that exists."""
    for alias in styles.aliases():
        assert styles.find(alias).path.is_file(), alias


def test_dependent_style_renders_with_its_parent_and_its_own_locale() -> None:
    """A dependent style (erwerbs-obstbau: German, child of the English springer-basic-author-date)
    renders with the parent's layout in the dependent's default locale."""
    ref = styles.find("erwerbs-obstbau")
    assert ref.path.name == "springer-basic-author-date.csl"
    assert ref.dependent is not None and ref.dependent.name == "erwerbs-obstbau.csl"
    assert load_style("erwerbs-obstbau").locale == "de-DE"
    assert citekit.render([EDITED], "erwerbs-obstbau") == [
        "Doe J (Hrsg) (2019) Ein Sammelband. Verlag, Berlin"
    ]
    assert citekit.render([EDITED], "springer-basic-author-date") == [
        "Doe J (ed) (2019) Ein Sammelband. Verlag, Berlin"
    ]


def test_dependent_style_options_apply_to_the_parent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Global options on a dependent style's cs:style (page-range-format, default-locale) apply to
    the parent: fr-FR joins the minimal range with its non-breaking hyphen."""
    parent = tmp_path / "parent.csl"
    parent.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>p</title><id>parent</id></info>"
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography><layout><text variable="page"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    child = tmp_path / "child.csl"
    child.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" page-range-format="minimal"'
        ' default-locale="fr-FR"><info><title>c</title><id>child</id>'
        '<link href="parent.csl" rel="independent-parent"/></info></style>',
        encoding="utf-8",
    )
    # A parent given by id is looked up among the known styles: make this one known.
    monkeypatch.setattr(styles, "find_by_id", lambda style_id, wanted_by: parent)
    assert citekit.render([EDITED], str(child)) == ["977\u201187"]
    assert load_style(str(child)).locale == "fr-FR"


def test_locale_option_changes_terms() -> None:
    """--locale picks the CSL locale: an editor is (Ed.) in APA English and (Hrsg.) in German."""
    assert "(Ed.)" in citekit.render([EDITED], "apa")[0]
    assert "(Hrsg.)" in citekit.render([EDITED], "apa", locale="de-DE")[0]


def test_unknown_locale_is_a_clear_error() -> None:
    """An unknown locale code is a one-line StyleError."""
    with pytest.raises(StyleError, match="unknown locale 'xx-XX'"):
        citekit.render([EDITED], "apa", locale="xx-XX")


def test_style_file_path_is_used_as_is(tmp_path: Path) -> None:
    """A path to a .csl file renders with that file."""
    path = tmp_path / "mine.csl"
    path.write_text(styles.find("apa").path.read_text(encoding="utf-8"), encoding="utf-8")
    assert citekit.render([EDITED], str(path)) == citekit.render([EDITED], "apa")


def test_missing_style_file_is_a_clear_error(tmp_path: Path) -> None:
    """A .csl path that does not exist is reported as such."""
    with pytest.raises(StyleError, match="does not exist"):
        styles.find(str(tmp_path / "nothing.csl"))


def test_index_lists_titles_and_parents() -> None:
    """The style index holds every style with its title, and a dependent style's parent."""
    by_id = {info.id: info for info in style_index.index()}
    assert len(by_id) > 10_000
    assert by_id["apa"].title.startswith("APA")
    assert by_id["abi-technik"].parent == "chicago-notes-classic"
    assert by_id["pure-author"].title == 'Research portal (Pure) "Author" format'


def test_index_is_cached_and_rebuilt_when_stale(tmp_path: Path) -> None:
    """The index is written to the cache dir, read from it, and rebuilt when its stamp is stale."""
    first = style_index.index()
    cache_file = tmp_path / "cache" / "styles-index.json"
    payload = json.loads(cache_file.read_text(encoding="utf-8"))
    payload["styles"] = payload["styles"][:3]
    cache_file.write_text(json.dumps(payload), encoding="utf-8")
    style_index.index.cache_clear()
    assert len(style_index.index()) == 3  # read from the cache
    payload["stamp"] = "stale"
    cache_file.write_text(json.dumps(payload), encoding="utf-8")
    style_index.index.cache_clear()
    assert len(style_index.index()) == len(first)


def test_search_matches_every_word_and_short_names() -> None:
    """Search finds styles whose id or title holds every word; a short name finds its style."""
    found = [info.id for info in style_index.search("cite them right")]
    assert "harvard-cite-them-right" in found
    assert all(
        "cite them right" in f"{i.id} {i.title}".lower() for i in style_index.search("cite them right")
    )
    assert "nlm-citation-sequence" in [info.id for info in style_index.search("vancouver")]


def test_styles_command_lists_matches_with_titles() -> None:
    """`citekit styles harvard` prints id and title lines, marking short names and parents."""
    result = runner.invoke(app, ["styles", "cite", "them", "right"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("harvard-cite-them-right ") and "(short name: harvard)" in line for line in lines
    )
    assert any("dependent on harvard-cite-them-right" in line for line in lines)


def test_styles_command_lists_locales() -> None:
    """`citekit styles --locales de` lists the German locales."""
    result = runner.invoke(app, ["styles", "--locales", "de"])
    assert result.exit_code == 0
    assert "de-DE" in result.stdout.split()


def test_styles_command_with_no_match_says_so() -> None:
    """A search with no match prints one line on stderr and exits non-zero."""
    result = runner.invoke(app, ["styles", "no-such-style-anywhere"])
    assert result.exit_code != 0
    assert "no style matches" in result.stderr


def test_html_inline_block_has_no_trailing_space(tmp_path: Path) -> None:
    """A second-field-align style's csl-right-inline block ends with its text, as citeproc-js
    writes it (the layout's last suffix space is trimmed); the text output is unchanged."""
    style = tmp_path / "numbered.csl"
    style.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id>n</id><title>n</title><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text variable="citation-number"/></layout></citation>'
        '<bibliography second-field-align="flush"><layout suffix=" ">'
        '<text variable="citation-number" suffix=". "/><text variable="title"/></layout></bibliography>'
        "</style>",
        encoding="utf-8",
    )
    record = citekit.loads('[{"id": "a", "type": "book", "title": "T"}]', "csljson").records
    [html] = citekit.render(record, str(style), markup="html")
    assert html.endswith('<div class="csl-right-inline">T</div></div>'), html
