"""Small helpers shared by browser tests."""

from __future__ import annotations

import re

# A 60-minute kit's scorecard must print on at most this many A4 pages.
A4_PAGES_MAX = 3


def pdf_pages(pdf: bytes) -> int:
    """Page objects in a PDF (Chromium writes one `/Type /Page` per page)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
