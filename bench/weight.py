"""Sizes of built files, raw and gzipped at level 6 (the default of most servers that
compress on the fly). What a first visit transfers is measured in Chromium instead
(search_bench.first_visits)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

GZIP_LEVEL = 6


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


@dataclass(frozen=True)
class Size:
    raw: int
    gz: int

    def __add__(self, other: "Size") -> "Size":
        return Size(self.raw + other.raw, self.gz + other.gz)


ZERO = Size(0, 0)


def size_of(path: Path) -> Size:
    data = path.read_bytes()
    return Size(len(data), gzipped(data))
