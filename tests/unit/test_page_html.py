"""Taking a strong answer's HTML out of a built question page, for the exports."""

from __future__ import annotations

import markdown

from helpers import ROOT
from macros import render
from macros.loader import load_bank
from macros.page_html import ANSWER_OPENING, strong_answer
from macros.text import escape_markdown

# The block extensions of mkdocs.yml that shape an answer on its page.
SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "pymdownx.details",
                   "pymdownx.superfences"]


def _page(body: str) -> str:
    return markdown.markdown(body, extensions=SITE_EXTENSIONS)


def test_the_answer_on_a_rendered_entry_is_the_answer_rendered_alone():
    bank = load_bank(ROOT / "data" / "questions.yaml")
    for q in bank.questions:
        html = _page(render.entry_body(q, render.Links(render.question_path(q.id), bank, to_sections=False)))
        alone = markdown.markdown(escape_markdown(q.answer.strip()), extensions=SITE_EXTENSIONS)
        assert strong_answer(html) == alone, q.id


def test_a_details_block_inside_the_answer_is_kept_whole():
    page = (ANSWER_OPENING + "<p>a</p>\n<details class=\"note\">\n<summary>n</summary>\n<p>b</p>\n"
            "</details>\n<p>c</p>\n</details>\n<details class=\"danger\">\n<summary>Red flags</summary>\n</details>")
    assert strong_answer(page) == "<p>a</p>\n<details class=\"note\">\n<summary>n</summary>\n<p>b</p>\n</details>\n<p>c</p>"


def test_glossary_tooltips_are_left_out_and_their_text_kept():
    page = ANSWER_OPENING + '<p>Watch <abbr title="Population stability index">PSI</abbr> weekly.</p>\n</details>'
    assert strong_answer(page) == "<p>Watch PSI weekly.</p>"


def test_a_page_without_the_block_or_with_it_unclosed_gives_nothing():
    assert strong_answer("<p>no answer here</p>") is None
    assert strong_answer(ANSWER_OPENING + "<p>a</p>") is None
