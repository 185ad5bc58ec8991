"""The list of generated files, and the shared Markdown converter behind the exports."""

from __future__ import annotations

import json

import markdown

from helpers import ROOT
from macros.cache import load_site_data
from macros.site_files import MarkdownToHtml, generated_files

SAMPLES = [
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "```yaml\nkey: {{ .Values.x }}\n```\n",
    "*[HTML]: Hyper Text\n\nHTML here\n",
    "Plain text with `code` and a [link](https://example.org).\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",  # again: served from the memo
]


def test_one_shared_converter_gives_what_a_fresh_one_gives_every_time():
    convert = MarkdownToHtml()
    for text in SAMPLES:
        assert convert(text) == markdown.markdown(text, extensions=["tables", "fenced_code"])


def test_generated_files_cover_every_question_kit_and_export_once():
    data = load_site_data(ROOT)
    files = dict(generated_files(data, "https://example.org/h/"))
    ids = [q.id for q in data.bank.questions]
    assert {f"q/{qid}.md" for qid in ids} <= files.keys()
    assert {f"api/answers/{qid}.json" for qid in ids} <= files.keys()
    assert {f"kits/{k.id}.md" for k in data.kits.kits} | {f"kits/{k.id}/scorecard.md" for k in data.kits.kits} <= files.keys()
    assert len(files) == len(list(generated_files(data, "https://example.org/h/")))  # no path twice
    api = json.loads(files["api/questions.json"])
    assert [q["id"] for q in api["questions"]] == ids
    assert api["questions"][0]["url"] == f"https://example.org/h/q/{ids[0]}/"
    answer = json.loads(files[f"api/answers/{ids[0]}.json"])["answer_html"]
    assert answer == api["questions"][0]["answer_html"] and answer.startswith("<")
