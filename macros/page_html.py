"""The strong answer as a built question page shows it, for the exports (JSON API, answer
files, flashcards): the site has already turned it into HTML once, and converting every
answer again cost as much as a tenth of a build. Pure: HTML text in, HTML text out."""

from __future__ import annotations

import re

# What pymdownx.details makes of render.entry_body's `??? success "Strong answer"` block.
ANSWER_OPENING = '<details class="success">\n<summary>Strong answer</summary>\n'
_DETAILS_TAG = re.compile(r"</?details\b[^>]*>")
# Glossary tooltips mark only a page's first mention of a term, so they say more about
# the page than the answer; the exports carry the text without them.
_ABBR_TAG = re.compile(r"</?abbr\b[^>]*>")


def strong_answer(page_html: str) -> str | None:
    """The HTML inside the page's strong-answer block, or None if it has none."""
    start = page_html.find(ANSWER_OPENING)
    if start < 0:
        return None
    body = start + len(ANSWER_OPENING)
    depth = 1
    for tag in _DETAILS_TAG.finditer(page_html, body):
        depth += -1 if tag.group(0).startswith("</") else 1
        if depth == 0:
            return _ABBR_TAG.sub("", page_html[body:tag.start()]).strip("\n")
    return None
