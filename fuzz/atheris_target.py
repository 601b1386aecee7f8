"""One atheris (libFuzzer) target per reader: ``python fuzz/atheris_target.py READER [libFuzzer flags]``.

READER is the name of a format citekit reads (``citekit formats``). See fuzz/README.md for the commands
and fuzz/run_atheris.sh for a run with the seed corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Readers and writers are imported lazily by citekit; import them here so that they are instrumented.
with atheris.instrument_imports(include=["citekit", "bibtexparser", "fuzz"]):
    import bibtexparser.entrypoint
    import bibtexparser.splitter  # noqa: F401

    import citekit.formats.bibtex.read
    import citekit.formats.bibtex.write
    import citekit.formats.csljson
    import citekit.formats.dc.read
    import citekit.formats.endnote_xml.read
    import citekit.formats.medline.read
    import citekit.formats.mods.read
    import citekit.formats.mods.write
    import citekit.formats.portal.build
    import citekit.formats.portal.html
    import citekit.formats.portal.read
    import citekit.formats.portal.scan
    import citekit.formats.portal.unwrap
    import citekit.formats.ris.read
    import citekit.formats.ris.write
    import citekit.formats.wos.read
    import citekit.normalize.steps  # noqa: F401
    from fuzz.harness import READERS, check_bytes


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in READERS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(READERS)}}} [libFuzzer flags] [corpus dirs]")
    reader = sys.argv.pop(1)
    # Warm the lazy imports (lxml, bibtexparser, pylatexenc) before fuzzing starts.
    check_bytes(reader, b"")

    def test_one_input(data: bytes) -> None:
        check_bytes(reader, data)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
