"""The README's `export URL` and `harvest` examples, run against a local server (nothing leaves the
machine): a Pure-style publication page with its Cite-this RIS, and a Pure-style OAI-PMH endpoint
serving tests/formats/fixtures/mods/pure.xml (pages and records written by us with real
publications' facts; see the README files beside them).

    python scripts/harvest_demo.py        # prints each command and its output
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.net.oai import LIST_METADATA_FORMATS  # noqa: E402
from tests.net.server import Answer, Served, serving  # noqa: E402

PAGE = ROOT / "tests/net/fixtures/pure_page_cite_ris.html"
OAI_PAGE = ROOT / "tests/formats/fixtures/mods/pure.xml"


def main() -> None:
    served = Served()
    served.add(
        "/en/publications/using-thematic-analysis",
        Answer(200, PAGE.read_bytes(), (("Content-Type", "text/html"),)),
    )
    served.add("/ws/oai?verb=ListMetadataFormats", Answer(200, LIST_METADATA_FORMATS))
    served.add(
        "/ws/oai?verb=ListRecords&metadataPrefix=mods&set=publications%3Aall",
        Answer(200, OAI_PAGE.read_bytes()),
    )
    with tempfile.TemporaryDirectory() as cache, serving(served):
        env = {**os.environ, "CITEKIT_CACHE_DIR": cache, "NO_COLOR": "1"}
        base = served.base.replace("http://", "http://")
        for args in (
            ["export", f"{base}/en/publications/using-thematic-analysis", "-f", "apa"],
            ["harvest", f"{base}/ws/oai", "--set", "publications:all", "-f", "vancouver", "-v"],
            ["harvest", f"{base}/ws/oai", "--set", "publications:all", "-f", "ris", "-q"],
        ):
            print("$ citekit " + " ".join(args))
            done = subprocess.run(
                [sys.executable, "-m", "citekit", *args], env=env, capture_output=True, text=True
            )
            print(done.stderr + done.stdout, end="")
            print()


if __name__ == "__main__":
    main()
