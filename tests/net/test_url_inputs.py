"""URLs as inputs: a page fetched from a (local) portal reads exactly as the same page saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import citekit
from citekit.cli import app
from tests.net.server import Answer, serving

HERE = Path(__file__).parent
CITE_RIS_PAGE = HERE / "fixtures" / "pure_page_cite_ris.html"
PLAIN_PAGE = HERE.parent / "portal_corpus" / "31_lecun_deep_learning_html.html"
HTML = (("Content-Type", "text/html; charset=utf-8"),)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets an empty cache of its own (never the user's)."""
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path / "cache"))


def _csl(records: list[citekit.Record]) -> list[dict[str, object]]:
    return [r.to_csl() for r in records]


@pytest.mark.parametrize("page", [CITE_RIS_PAGE, PLAIN_PAGE], ids=["cite-ris", "plain"])
def test_url_gives_the_record_the_saved_page_gives(page: Path) -> None:
    """The same page, by URL from a local server and as a saved file: the same records, field by field."""
    with serving() as served:
        served.add("/en/publications/x", Answer(200, page.read_bytes(), HTML))
        by_url = citekit.load([served.base + "/en/publications/x"])
    from_file = citekit.load([str(page)])
    assert not [p for p in by_url.problems if p.is_error]
    assert _csl(by_url.records) == _csl(from_file.records) != []


def test_embedded_cite_ris_is_preferred() -> None:
    """A page with its own Cite-this RIS is read from that RIS: pages, DOI and ISSN the table lacks."""
    record = citekit.load([str(CITE_RIS_PAGE)]).records[0]
    assert (record.type, record.fields["page"], record.fields["DOI"]) == (
        "article-journal",
        "77-101",
        "10.1191/1478088706qp063oa",
    )
    assert record.fields["container-title"] == "Qualitative Research in Psychology"
    assert [n.family for n in record.names["author"]] == ["Braun", "Clarke"]


def test_export_urls_files_and_a_url_list(tmp_path: Path) -> None:
    """`export URL FILE --urls LIST -f apa`: every input read, each page fetched once, order kept."""
    with serving() as served:
        served.add("/a", Answer(200, CITE_RIS_PAGE.read_bytes(), HTML))
        served.add("/b", Answer(200, PLAIN_PAGE.read_bytes(), HTML))
        listing = tmp_path / "urls.txt"
        listing.write_text(f"# portal pages\n{served.base}/b\n\n", encoding="utf-8")
        result = CliRunner().invoke(
            app,
            [
                "export",
                served.base + "/a",
                "records/03_vanderwalt_cise_lines.txt",
                "--urls",
                str(listing),
                "-f",
                "apa",
            ],
        )
        assert result.exit_code == 0, result.output
        assert sorted(served.log) == ["/a", "/b"]
    lines = result.output.splitlines()
    assert [line.split(",")[0] for line in lines] == ["Braun", "LeCun", "van der Walt"]


def test_a_failing_url_is_one_line_and_the_rest_is_exported() -> None:
    """A 404 is one error line naming the URL; the other inputs are exported; exit 1."""
    with serving() as served:
        result = CliRunner().invoke(app, ["export", served.base + "/gone", str(PLAIN_PAGE), "-f", "ris"])
    assert result.exit_code == 1
    assert f"citekit: error: {served.base}/gone: HTTP 404 Not Found; check the address" in result.output
    assert result.output.count("TY  - ") == 1


def test_bad_url_list_line_is_a_usage_error(tmp_path: Path) -> None:
    """A line of a --urls file that is not an http(s) address is named with its line number."""
    listing = tmp_path / "urls.txt"
    listing.write_text("https://example.org/a\nftp://example.org/b\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["export", "--urls", str(listing)])
    assert result.exit_code == 2
    assert f"{listing}:2: 'ftp://example.org/b' is not an http(s) address" in result.output


def test_rerun_is_served_from_the_cache_and_refresh_fetches_again() -> None:
    """A second export of the same URL fetches nothing; --refresh fetches it again."""
    with serving() as served:
        served.add("/p", Answer(200, PLAIN_PAGE.read_bytes(), HTML))
        for args in ([], [], ["--refresh"]):
            result = CliRunner().invoke(
                app, ["export", served.base + "/p", "-f", "ris", "--mailto", "a@b.org", *args]
            )
            assert result.exit_code == 0, result.output
    assert served.log == ["/p", "/p"]
    assert served.user_agents == ["citekit/0.1.0 (mailto:a@b.org)"] * 2
