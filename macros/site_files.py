"""Every file the site generates from its data, as (path, content) pairs, from one list:
the hook adds them to the build, and the benchmark's plain-Markdown floor writes them out.

Pages come first (`generated_pages`). The exports that carry answers as HTML
(`answer_exports`) come after the pages are built, because they reuse each answer's HTML
from its question page (see page_html.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import markdown

from . import export, render, render_kits
from .cache import SiteData
from .model import Question
from .search_terms import Spellings, index_terms
from .text import escape_markdown


class MarkdownToHtml:
    """Bank Markdown as HTML, outside pages: one converter, each text converted once
    (setting up a converter costs more than converting a short text)."""

    def __init__(self):
        self._md = markdown.Markdown(extensions=["tables", "fenced_code"])
        self._done: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        html = self._done.get(text)
        if html is None:
            html = self._done[text] = self._md.reset().convert(text)
        return html


KIT_BUILDER_FILE = "api/kit-builder.json"


def repository(extra: Mapping | None) -> str:
    """The project's repository, for the corrections form: mkdocs.yml's `extra.repository`.
    Not `repo_url`, with which Material's header fetches the repository's stars from GitHub's
    API on every page, a request to another origin that the site's policy blocks."""
    return str((extra or {}).get("repository") or "")


def generated_pages(data: SiteData, site_url: str, repository: str = "") -> Iterator[tuple[str, str]]:
    """One page per question at q/<id>/, a redirect page for every former id, kit pages
    and scorecards, the practice index, the kit builder's data and the JSON Schemas."""
    bank = data.bank
    spellings = Spellings(data.glossary, data.synonyms)
    for q in bank.questions:
        yield render.question_path(q.id), render.question_page(q, bank, site_url, repository,
                                                               index_terms(q, bank, spellings))
    for alias, target in bank.aliases.items():
        yield f"q/{alias}/index.html", render.redirect_page(f"../{target}/", bank.by_id[target].question)
    for kit in data.kits.kits:
        yield render_kits.kit_path(kit.id), render_kits.kit_page(kit, bank)
        yield render_kits.scorecard_path(kit.id), render_kits.scorecard_page(kit, bank)
    yield "api/practice.json", export.practice_index(bank)
    yield render.TOPIC_IDS_FILE, export.topic_ids(bank)
    yield KIT_BUILDER_FILE, export.kit_builder_data(bank, data.kits)
    for q in bank.questions:
        yield f"api/{export.KIT_QUESTIONS_DIR}{q.id}.json", export.kit_question(q, bank)
    for name, text in export.schemas().items():
        yield f"schemas/{name}", text


class AnswersFromPages:
    """Each question's strong answer as HTML: as its built page shows it where that page was
    built in this run, else converted here (a dirty `mkdocs serve` rebuild skips pages)."""

    def __init__(self, from_pages: Mapping[str, str], to_html: MarkdownToHtml):
        self.from_pages, self.to_html = from_pages, to_html

    def __call__(self, q: Question) -> str:
        html = self.from_pages.get(q.id)
        return html if html is not None else self.to_html(escape_markdown(q.answer))


API_FILE = "api/questions.json"
DECK_FILE = "downloads/mlops-handbook-flashcards.tsv"
ANKI_FILE = "downloads/mlops-handbook.apkg"


def answer_file(qid: str) -> str:
    return f"api/answers/{qid}.json"


def answer_export_paths(data: SiteData) -> list[str]:
    return [API_FILE, *(answer_file(q.id) for q in data.bank.questions), DECK_FILE, ANKI_FILE]


def answer_exports(data: SiteData, site_url: str, answers_from_pages: Mapping[str, str]
                   ) -> Iterator[tuple[str, str | bytes]]:
    """The JSON API, one answer file per question (for the practice page), the tab-separated
    flashcards and the Anki package (bytes). answers_from_pages maps question ids to the
    answer HTML of their built pages."""
    bank, to_html = data.bank, MarkdownToHtml()
    answer_html = AnswersFromPages(answers_from_pages, to_html)
    yield API_FILE, export.api_document(bank, site_url, answer_html)
    for q in bank.questions:
        yield answer_file(q.id), export.answer_fragment(q, answer_html)
    yield DECK_FILE, export.flashcards_tsv(bank, answer_html, to_html)
    yield ANKI_FILE, export.anki_deck(bank, site_url, answer_html, to_html)
