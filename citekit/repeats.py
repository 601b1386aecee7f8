"""Records that repeat an earlier one, found as they come, in memory that stays small.

An export of millions of records keeps none of them, but to say that the 2,000,001st repeats the
17th it must remember something of every record. What it keeps here is a few bytes a record:
digests of DOIs and works (``citekit.digests``), a record's place (volume, issue, first page) as
three 32-bit checksums, a link to the next record of the same work, and where its key and location
sit in a temporary file (read back only for the records a warning names). A 1 GB bibliography of
2.6 million entries costs about 100 MB here, where tuples and lists of the same cost over 1 GB.
"""

from __future__ import annotations

import tempfile
import zlib
from array import array
from typing import TYPE_CHECKING

from citekit.digests import DigestMap, digest
from citekit.model import Location

if TYPE_CHECKING:
    from citekit.lint import Identity

SAME_DOI = "the same DOI"
SAME_WORK = "the same title, year and first author"


class Repeats:
    """Records numbered 0, 1, 2… in the order given: ``add`` tells whether one repeats an earlier
    one, by DOI (any of its DOIs) or by title, year and first author where volume, issue and first
    page do not differ (a journal's "Editorial" in every issue is not one work)."""

    def __init__(self) -> None:
        self._by_doi = DigestMap()  # DOI -> the first record with it
        self._first = DigestMap()  # work -> the first record of it
        self._last = DigestMap()  # work -> the last record of it
        self._next = array("q")  # record -> the next record of its work, or -1
        self._places = array("L")  # record -> volume, issue and first page (0: not given)
        # key and location of each record, one after another (closed by close())
        self._told = tempfile.TemporaryFile()  # noqa: SIM115
        self._offsets = array("Q", [0])  # record -> where its key starts in _told

    def __len__(self) -> int:
        return len(self._next)

    def add(self, found: Identity, key: str) -> tuple[int, str] | None:
        """(the earlier record's number, how it is the same) when ``found`` repeats one, else None."""
        number = len(self._next)
        earlier, how = -1, ""
        for doi in found.dois:
            first = self._by_doi.get(digest(doi))
            if first < 0:
                self._by_doi.set(digest(doi), number)
            elif earlier < 0:
                earlier, how = first, SAME_DOI
        place = [
            zlib.crc32(part.encode("utf-8", "surrogatepass")) or 1 if part else 0 for part in found.place
        ]
        self._next.append(-1)
        self._places.extend(place)
        if found.work is not None:
            work = digest("\0".join((found.work[0], str(found.work[1]), found.work[2])))
            other = self._first.get(work)
            if other < 0:
                self._first.set(work, number)
            else:
                while earlier < 0 and other >= 0:
                    if self._same_place(other, place):
                        earlier, how = other, SAME_WORK
                    other = self._next[other]
                self._next[self._last.get(work)] = number
            self._last.set(work, number)
        location = found.location or Location("")
        self._told.seek(0, 2)
        self._told.write(
            "\0".join((key, location.source, str(location.line))).encode("utf-8", "surrogatepass")
        )
        self._offsets.append(self._told.tell())
        return (earlier, how) if earlier >= 0 else None

    def _same_place(self, number: int, place: list[int]) -> bool:
        mine = self._places[3 * number : 3 * number + 3]
        return all(not a or not b or a == b for a, b in zip(mine, place, strict=True))

    def named(self, number: int) -> tuple[str, Location | None]:
        """The key and location record ``number`` was added with."""
        self._told.seek(self._offsets[number])
        told = self._told.read(self._offsets[number + 1] - self._offsets[number]).decode(
            "utf-8", "surrogatepass"
        )
        key, source, line = told.rsplit("\0", 2)
        return key, Location(source, int(line)) if source else None

    def close(self) -> None:
        self._told.close()
