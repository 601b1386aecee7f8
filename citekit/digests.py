"""Sets and maps over millions of strings in little memory: each string held as an 8-byte digest.

A Python set of a million keys takes over 100 MB, a dict of a million tuples several hundred: a
stream of any length must not keep them. Here a string is its ``blake2b`` digest of 8 bytes, and
the digests sit in 4,096 sorted arrays (16 bytes an entry with a value, 8 without). Two different
strings share a digest about once in 10^7 runs over a million strings; the callers say what that
would cost (a key given a letter it did not need, a duplicate warning too many).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from hashlib import blake2b

_SHARDS = 1 << 12


def digest(text: str) -> int:
    """The 8-byte digest of ``text``."""
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class DigestMap:
    """Digests to integers (``values=False``: a set of digests)."""

    def __init__(self, values: bool = True) -> None:
        self._digests = [array("Q") for _ in range(_SHARDS)]
        self._values: list[array[int]] | None = [array("q") for _ in range(_SHARDS)] if values else None

    def get(self, key: int, default: int = -1) -> int:
        shard = self._digests[key % _SHARDS]
        at = bisect_left(shard, key)
        if at == len(shard) or shard[at] != key:
            return default
        return self._values[key % _SHARDS][at] if self._values is not None else 0

    def __contains__(self, key: int) -> bool:
        shard = self._digests[key % _SHARDS]
        at = bisect_left(shard, key)
        return at < len(shard) and shard[at] == key

    def set(self, key: int, value: int = 0) -> None:
        index = key % _SHARDS
        shard = self._digests[index]
        at = bisect_left(shard, key)
        if at == len(shard) or shard[at] != key:
            shard.insert(at, key)  # a shard holds 1/4096 of the entries: a short move
            if self._values is not None:
                self._values[index].insert(at, value)
        elif self._values is not None:
            self._values[index][at] = value
