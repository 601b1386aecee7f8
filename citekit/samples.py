"""The sample portal records shipped inside the package (the repository's records/ folder), so that
`citekit export --example` and `citekit cite` work from any folder after `pip install citekit`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def folder() -> Path:
    """The folder of the bundled sample records (a real folder: the package is installed unzipped)."""
    # records/ has no __init__.py (it is an input folder, and a .py file in it would be read as one),
    # so it is reached through the citekit package rather than as a package of its own. A wheel puts
    # it inside the package; a checkout (an editable install) has it beside the package.
    installed = Path(str(resources.files("citekit") / "records"))
    return installed if installed.is_dir() else Path(__file__).resolve().parents[1] / "records"
