"""Write the seed corpus of each fuzz target into a folder (not committed: made from our own files).

``python fuzz/make_seeds.py OUT`` fills ``OUT/<reader>/`` with the sample records, the test
fixtures and the hostile corpus (tests/hostile), each seed given to the reader whose format it is.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("records", "tests/formats/fixtures", "tests/portal_corpus", "tests/hostile/inputs", "tests/golden")


def seeds() -> list[tuple[str, bytes]]:
    from citekit import formats

    out = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            reader = formats.for_suffix(path.suffix)
            if reader and path.is_file() and path.stat().st_size < 200_000:
                out.append((reader.name, path.read_bytes()))
    return out


def written_seeds() -> list[tuple[str, bytes]]:
    """The sample records written by each writer: seeds for the reader of what it writes."""
    import citekit
    from citekit import formats

    records = citekit.load([str(ROOT / "records"), str(ROOT / "tests" / "portal_corpus")]).records
    out = []
    for fmt in (f for f in formats.FORMATS.values() if f.writable):
        reader = formats.sniff(citekit.dump(records[:1], fmt.name)).name
        for record in records:
            out.append((reader, citekit.dump([record], fmt.name).encode("utf-8")))
        out.append((reader, citekit.dump(records[:5], fmt.name).encode("utf-8")))
    return out


def main(out: Path) -> None:
    for reader, data in seeds() + written_seeds():
        folder = out / reader
        folder.mkdir(parents=True, exist_ok=True)
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
