"""`citekit harvest` over a local OAI-PMH server: pages in order, resume, deleted records, the
protocol's errors, the metadata format chosen, and Retry-After counted on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from citekit.cli import app
from citekit.net.client import HttpClient, Settings
from citekit.oai.run import Request, harvest
from tests.net.oai import LIST_METADATA_FORMATS, OAI_HEAD, Repository, oai_error
from tests.net.server import Answer, Served, serving
from tests.net.test_client import FakeClock

MODS_FIXTURES = Path(__file__).parents[1] / "formats" / "fixtures" / "mods"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test harvests into an empty cache of its own (never the user's)."""
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path / "cache"))


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def files_export(tmp_path: Path, repository: Repository, fmt: str) -> str:
    """The same records read from MODS files, a page to a file, and exported."""
    paths = []
    for page in range(repository.pages()):
        path = tmp_path / f"page{page}.xml"
        path.write_text(repository.page_records(page), encoding="utf-8")
        paths.append(str(path))
    target = tmp_path / f"files.{fmt}"
    code, output = cli("export", *paths, "-f", fmt, "-o", str(target))
    assert code == 0, output
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csljson", "mods"])
def test_three_pages_give_the_records_the_files_give(tmp_path: Path, fmt: str) -> None:
    """300 records over 3 resumption pages: all 300, in order, identical to exporting the same MODS
    records read from files."""
    repository = Repository(300, 100)
    with serving(Served(dynamic=repository)) as served:
        out = tmp_path / f"harvest.{fmt}"
        code, output = cli("harvest", served.base + "/ws/oai", "-f", fmt, "-o", str(out))
    assert code == 0, output
    assert [q.get("resumptionToken", "") for q in repository.requests if q.get("verb") == "ListRecords"] == [
        "",
        "page:1",
        "page:2",
    ]
    assert out.read_text(encoding="utf-8") == files_export(tmp_path, repository, fmt)
    if fmt == "ris":
        assert out.read_text(encoding="utf-8").count("TY  - ") == 300


def test_interrupted_harvest_resumes_to_the_same_records(tmp_path: Path) -> None:
    """The server fails on page 2: the harvest stops (exit 2, nothing written, told to --resume);
    --resume fetches pages 2 and 3 only and ends with the same 300 records."""
    failing = Repository(300, 100, fail_page=2, failure=Answer(503, b"down"), failures_left=1)
    out = tmp_path / "all.bib"
    with serving(Served(dynamic=failing)) as served:
        base = served.base + "/ws/oai"
        code, output = cli("harvest", base, "-f", "bibtex", "-o", str(out), "--retries", "0")
        assert code == 2
        assert "HTTP 503" in output and "100 record(s) in 1 page(s)" in output and "--resume" in output
        assert len(output.strip().splitlines()) == 1
        assert not out.exists()
        code, output = cli("harvest", base, "-f", "bibtex", "-o", str(out), "--resume")
        assert code == 0, output
    tokens = [q.get("resumptionToken", "") for q in failing.requests if q.get("verb") == "ListRecords"]
    assert tokens == ["", "page:1", "page:1", "page:2"]
    assert out.read_text(encoding="utf-8") == files_export(tmp_path, Repository(300, 100), "bibtex")


def test_resume_with_nothing_to_resume_is_a_usage_error(tmp_path: Path) -> None:
    """--resume when no harvest of this request was interrupted: one line, exit 2."""
    with serving(Served(dynamic=Repository(10))) as served:
        code, output = cli(
            "harvest",
            served.base + "/ws/oai",
            "--metadata",
            "mods",
            "--resume",
            "-o",
            str(tmp_path / "x.bib"),
        )
    assert code == 2
    assert "nothing to resume" in output


def test_deleted_records_are_skipped_and_counted(tmp_path: Path) -> None:
    """Records marked deleted are not written; their number is said."""
    repository = Repository(200, 100, deleted_every=10)
    with serving(Served(dynamic=repository)) as served:
        code, output = cli("harvest", served.base + "/ws/oai", "-f", "ris", "-v")
    assert code == 0
    assert output.count("TY  - ") == 180
    assert "skipped 20 deleted record(s)" in output


def test_rerun_fetches_nothing(tmp_path: Path) -> None:
    """A second identical harvest is served from the cache: no request reaches the server."""
    with serving(Served(dynamic=Repository(250, 100))) as served:
        first = cli("harvest", served.base + "/ws/oai", "-f", "ris")
        asked = len(served.log)
        second = cli("harvest", served.base + "/ws/oai", "-f", "ris")
    assert first == second and first[0] == 0
    assert len(served.log) == asked == 4


@pytest.mark.parametrize(
    ("code", "args", "says"),
    [
        ("noRecordsMatch", ["--set", "none"], "OAI-PMH noRecordsMatch"),
        ("cannotDisseminateFormat", ["--metadata", "marc21"], "does not offer this metadata format"),
        ("badArgument", ["--from", "2024-01-01"], "refused the request's arguments"),
        ("badResumptionToken", ["--metadata", "mods"], "harvest again without --resume"),
    ],
)
def test_protocol_errors_are_one_line_and_exit_2(code: str, args: list[str], says: str) -> None:
    """noRecordsMatch, cannotDisseminateFormat, badArgument, badResumptionToken: one line each, exit 2."""
    served = Served(dynamic=lambda path, query: Answer(200, oai_error(code, "as the server words it")))
    served.add("/ws/oai?verb=ListMetadataFormats", Answer(200, LIST_METADATA_FORMATS))
    with serving(served):
        status, output = cli("harvest", served.base + "/ws/oai", *args)
    assert status == 2
    errors = [line for line in output.splitlines() if line.startswith("citekit: error:")]
    assert len(errors) == 1 and says in errors[0], output


def test_not_an_oai_endpoint_is_one_line() -> None:
    """An address that answers HTML instead of OAI-PMH: one line saying so."""
    served = Served(dynamic=lambda path, query: Answer(200, b"<html><body>Hello</body></html>"))
    with serving(served):
        status, output = cli("harvest", served.base + "/", "--metadata", "mods")
    assert status == 2
    assert "not OAI-PMH" in output


def test_mods_is_chosen_when_offered_else_oai_dc() -> None:
    """ListMetadataFormats decides: MODS when the repository offers it, else oai_dc (EPrints' dc here)."""
    dc_only = OAI_HEAD + (
        "<ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix>"
        "<metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat>"
        "</ListMetadataFormats></OAI-PMH>"
    )
    served = Served()
    served.add("/cgi/oai2?verb=ListMetadataFormats", Answer(200, dc_only.encode()))
    served.add(
        "/cgi/oai2?verb=ListRecords&metadataPrefix=oai_dc",
        Answer(200, (MODS_FIXTURES / "oai_dc.xml").read_bytes()),
    )
    with serving(served):
        status, output = cli("harvest", served.base + "/cgi/oai2", "-f", "csljson", "-v")
    assert status == 0, output
    assert "metadata format: oai_dc" in output
    assert '"DOI": "10.1186/1478-7547-5-5"' in output


def test_records_in_a_format_citekit_cannot_read_are_one_error_naming_it() -> None:
    """A page of MARC records (asked for with --metadata): one error naming the element and the
    formats citekit reads; nothing is written, exit 2."""
    marc = OAI_HEAD + (
        '<request verb="ListRecords"/><ListRecords><record><header><identifier>oai:x:1</identifier>'
        '</header><metadata><marc:record xmlns:marc="http://www.loc.gov/MARC21/slim">'
        "<marc:leader>00000nam</marc:leader></marc:record></metadata></record></ListRecords></OAI-PMH>"
    )
    served = Served(dynamic=lambda path, query: Answer(200, marc.encode()))
    with serving(served):
        status, output = cli("harvest", served.base + "/ws/oai", "--metadata", "marc21")
    assert status == 2
    assert "the records are <marc:record>, a metadata format citekit cannot read" in output
    assert "(mods, oai_dc; see --metadata list)" in output
    assert "the repository gave no records to write" in output


def test_no_metadata_format_citekit_reads_is_one_line() -> None:
    """A repository offering only formats citekit does not read: one line listing what it offers."""
    offered = OAI_HEAD + (
        "<ListMetadataFormats><metadataFormat><metadataPrefix>marc21</metadataPrefix>"
        "<metadataNamespace>http://www.loc.gov/MARC21/slim</metadataNamespace></metadataFormat>"
        "</ListMetadataFormats></OAI-PMH>"
    )
    served = Served()
    served.add("/ws/oai?verb=ListMetadataFormats", Answer(200, offered.encode()))
    with serving(served):
        status, output = cli("harvest", served.base + "/ws/oai")
    assert status == 2
    assert "offers no metadata format citekit reads (it offers: marc21)" in output


def test_pure_response_harvests_as_the_saved_response_exports(tmp_path: Path) -> None:
    """Pure's MODS page served by OAI-PMH and the same page saved as a file: the same output."""
    served = Served()
    served.add("/ws/oai?verb=ListMetadataFormats", Answer(200, LIST_METADATA_FORMATS))
    served.add(
        "/ws/oai?verb=ListRecords&metadataPrefix=mods&set=publications%3Aall",
        Answer(200, (MODS_FIXTURES / "pure.xml").read_bytes()),
    )
    with serving(served):
        status, harvested = cli(
            "harvest", served.base + "/ws/oai", "--set", "publications:all", "-f", "ris", "-q"
        )
    assert status == 0, harvested
    status, exported = cli("export", str(MODS_FIXTURES / "pure.xml"), "-f", "ris", "-q")
    assert harvested == exported and harvested.count("TY  - ") == 3


def test_retry_after_during_a_harvest_is_waited_on_the_clock(tmp_path: Path) -> None:
    """Page 2 answers 429 then 503 with Retry-After: the harvest waits 5 s and 11 s (a fake clock)
    and ends with every record."""
    repository = Repository(
        200, 100, fail_page=2, failures_left=2, failure=Answer(429, b"", (("Retry-After", "5"),))
    )
    clock = FakeClock()
    with serving(Served(dynamic=repository)) as served:
        answers = iter(
            [Answer(429, b"", (("Retry-After", "5"),)), Answer(503, b"", (("Retry-After", "11"),))]
        )
        repository.failure = None
        original = repository.__call__

        def flaky(path: str, query: dict[str, str]) -> Answer | None:
            if query.get("resumptionToken") == "page:1":
                found = next(answers, None)
                if found is not None:
                    return found
            return original(path, query)

        served.dynamic = flaky
        with HttpClient(Settings(cache=False), clock) as client:
            spool, state = harvest(Request(served.base + "/ws/oai", "mods"), client, tmp_path / "cache")
    assert clock.sleeps == [5.0, 11.0]
    assert (state.records, state.pages, len(spool)) == (200, 2, 200)


def test_output_options_work_as_in_export(tmp_path: Path) -> None:
    """--output-dir, a style with --locale and --markup, --ascii, --report and --jobs write what
    export writes; --until and --mailto reach the server; --refresh fetches again."""
    repository = Repository(120, 100)
    with serving(Served(dynamic=repository)) as served:
        base = served.base + "/ws/oai"
        code, output = cli(
            "harvest",
            base,
            "--until",
            "2026-01-01",
            "--mailto",
            "me@example.ac.uk",
            "-d",
            str(tmp_path / "each"),
        )
        assert code == 0, output
        assert len(list((tmp_path / "each").glob("*.bib"))) == 120
        assert repository.requests[1]["until"] == "2026-01-01"
        assert served.user_agents[0] == "citekit/0.1.0 (mailto:me@example.ac.uk)"
        code, html = cli(
            "harvest", base, "--until", "2026-01-01", "-f", "apa", "--locale", "de-DE", "--markup", "html"
        )
        assert code == 0 and html.count('<div class="csl-entry">') == 120
        asked = len(served.log)
        code, ascii_bib = cli("harvest", base, "--until", "2026-01-01", "--ascii", "--jobs", "2", "--refresh")
        assert code == 0 and "García" not in ascii_bib and "Garc{\\'i}a" in ascii_bib
        assert len(served.log) == asked + 3  # the formats and both pages again
        code, report = cli(
            "harvest",
            base,
            "--until",
            "2026-01-01",
            "-f",
            "bibtex",
            "--report",
            "-o",
            str(tmp_path / "a.bib"),
        )
        # The generated records have nothing BibTeX cannot carry: the report is empty.
        assert code == 0 and "cannot carry" not in report
        assert (tmp_path / "a.bib").read_text(encoding="utf-8").count("\n@") == 119


def test_debug_lets_the_error_through() -> None:
    """--debug shows the traceback of an OAI-PMH error instead of one line."""
    served = Served(dynamic=lambda path, query: Answer(200, oai_error("noRecordsMatch", "none")))
    with serving(served):
        result = CliRunner().invoke(
            app, ["harvest", served.base + "/ws/oai", "--metadata", "mods", "--debug"]
        )
    assert result.exit_code != 0 and result.exception is not None
