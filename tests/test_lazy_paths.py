"""Conversions between data formats load only what they use."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import citekit
result = citekit.loads("@book{k, author={van der Berg, Jan}, title={Sheep}, year=2001}", "bibtex")
text = citekit.dump(result.records, "ris")
assert "AU  - van der Berg, Jan" in text, text
from citekit.commands import export  # the export command's own imports, as on the command line
from citekit.normalize import steps
print(",".join(m for m in ("nameparser", "citeproc", "rich") if m in sys.modules))
"""


def test_bibtex_to_ris_loads_no_name_parser_or_csl() -> None:
    """BibTeX to RIS never imports nameparser (names are split by the BibTeX rules), citeproc or rich."""
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_portal_names_still_use_nameparser_particles() -> None:
    """Name particles from nameparser's table are still found once asked for (read on first use)."""
    from citekit.normalize.names import parse_name

    name = parse_name("Ludwig van Beethoven")
    assert (name.given, name.non_dropping_particle or name.dropping_particle, name.family) == (
        "Ludwig",
        "van",
        "Beethoven",
    )
