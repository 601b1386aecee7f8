"""The built wheel is complete: installed in a fresh virtual environment and run from another folder,
citekit exports its bundled sample records, lists styles and runs the CSL suite runner, with every data
file it needs (styles, aliases, the suite's skip list, the sample records, py.typed, the licence)."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A fixture in the CSL suite's own format, written for this test: one item, one citation.
FIXTURE = """>>===== MODE =====>>
citation
<<===== MODE =====<<

>>===== RESULT =====>>
(Doe 2000)
<<===== RESULT =====<<

>>===== CSL =====>>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="(" suffix=")"><names variable="author"><name form="short"/></names>
  <date variable="issued" prefix=" "><date-part name="year"/></date></layout></citation>
</style>
<<===== CSL =====<<

>>===== INPUT =====>>
[{"id": "a", "type": "book", "author": [{"family": "Doe", "given": "J."}],
  "issued": {"date-parts": [[2000]]}}]
<<===== INPUT =====<<
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel built from this checkout installed in it."""
    where = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(where / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    env_dir = where / "venv"
    venv.create(env_dir, with_pip=True)
    [wheel] = (where / "dist").glob("citekit-*.whl")
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    return env_dir


def _run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env, check=False)


def test_wheel_holds_licence_types_marker_and_data() -> None:
    """The wheel carries LICENSE, py.typed, the style table, the suite skip list and the sample records."""
    dist = ROOT / "build" / "test-wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = sorted(dist.glob("citekit-*.whl"))[-1:]
    names = zipfile.ZipFile(wheel).namelist()
    for wanted in ("citekit/py.typed", "citekit/styles/aliases.json", "citekit/csl/suite_skips.txt"):
        assert any(n.endswith(wanted) for n in names), wanted
    assert any(n.endswith("licenses/LICENSE") for n in names)
    records = {Path(n).name for n in names if "/records/" in n}
    assert records == {p.name for p in (ROOT / "records").iterdir() if p.is_file()}


def test_installed_wheel_exports_its_sample_records(installed: Path, tmp_path: Path) -> None:
    """From a folder outside the checkout, the installed citekit prints the APA list of its samples."""
    python = str(installed / "bin" / "python")
    where = _run(
        installed,
        python,
        "-c",
        "from citekit import samples; print(samples.folder())",
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    done = _run(
        installed,
        str(installed / "bin" / "citekit"),
        "export",
        where.stdout.strip(),
        "-f",
        "apa",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(list((ROOT / "records").iterdir()))
    assert any(line.startswith("Shannon, C. E. (1940).") for line in lines)


def test_installed_wheel_lists_styles(installed: Path, tmp_path: Path) -> None:
    """`citekit styles apa` works from an installed wheel (the style index and aliases are packaged)."""
    done = _run(installed, str(installed / "bin" / "citekit"), "styles", "apa", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert any(line.split()[0] == "apa" for line in done.stdout.splitlines() if line.strip())


def test_installed_wheel_runs_the_suite_runner(installed: Path, tmp_path: Path) -> None:
    """`python -m citekit.csl.suite DIR` works from an installed wheel (its skip list is packaged)."""
    fixtures = tmp_path / "humans"
    fixtures.mkdir()
    (fixtures / "packaging_OneCitation.txt").write_text(FIXTURE, encoding="utf-8")
    done = _run(
        installed, str(installed / "bin" / "python"), "-m", "citekit.csl.suite", str(fixtures), cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed, 0 failed" in done.stdout


def test_installed_wheel_runs_the_readme_main_command_with_example(installed: Path, tmp_path: Path) -> None:
    """`citekit export --example -f apa`, the README's main command once installed, works from any
    folder: it reads the sample records inside the package; `citekit --version` answers too."""
    citekit = str(installed / "bin" / "citekit")
    done = _run(installed, citekit, "export", "--example", "-f", "apa", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(list((ROOT / "records").iterdir()))
    assert any(line.startswith("Shannon, C. E. (1940).") for line in lines)
    version = _run(installed, citekit, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("citekit ")
