"""Every file the site generates from its data, as (path, content) pairs: the hook adds them
to the build and the benchmark's plain-Markdown floor writes them to disk, from one list."""

from __future__ import annotations

from collections.abc import Iterator

import markdown

from . import export, render, render_kits
from .cache import SiteData


class MarkdownToHtml:
    """Bank Markdown as HTML for the JSON API and the flashcards (not for pages). One
    converter for a whole build, and each text converted once: the API, the answer files
    and the deck all carry the same answers, and setting up a converter costs more than
    converting a short text."""

    def __init__(self):
        self._md = markdown.Markdown(extensions=["tables", "fenced_code"])
        self._done: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        html = self._done.get(text)
        if html is None:
            html = self._done[text] = self._md.reset().convert(text)
        return html


def generated_files(data: SiteData, site_url: str) -> Iterator[tuple[str, str]]:
    """One page per question at q/<id>/, a redirect page for every former id, kit pages
    and scorecards, the JSON API, JSON Schemas and the flashcard deck."""
    bank, to_html = data.bank, MarkdownToHtml()
    for q in bank.questions:
        yield render.question_path(q.id), render.question_page(q, bank, site_url)
    for alias, target in bank.aliases.items():
        yield f"q/{alias}/index.html", render.redirect_page(f"../{target}/", bank.by_id[target].question)
    for kit in data.kits.kits:
        yield render_kits.kit_path(kit.id), render_kits.kit_page(kit, bank)
        yield render_kits.scorecard_path(kit.id), render_kits.scorecard_page(kit, bank)
    yield "api/questions.json", export.api_document(bank, site_url, to_html)
    yield "api/practice.json", export.practice_index(bank)
    for q in bank.questions:
        yield f"api/answers/{q.id}.json", export.answer_fragment(q, to_html)
    for name, text in export.schemas().items():
        yield f"schemas/{name}", text
    yield "downloads/mlops-handbook-flashcards.tsv", export.flashcards_tsv(bank, to_html)
