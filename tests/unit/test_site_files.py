"""The list of generated files, and the shared Markdown converter behind the exports."""

from __future__ import annotations

import json

import markdown

from helpers import ROOT
from macros.cache import load_site_data
from macros.site_files import MarkdownToHtml, answer_export_paths, answer_exports, generated_pages
from macros.text import escape_markdown

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


def test_generated_pages_cover_every_question_and_kit_once():
    data = load_site_data(ROOT)
    pages = list(generated_pages(data, "https://example.org/h/"))
    paths = [p for p, _ in pages]
    assert len(paths) == len(set(paths))
    assert {f"q/{q.id}.md" for q in data.bank.questions} <= set(paths)
    assert {f"kits/{k.id}.md" for k in data.kits.kits} | {f"kits/{k.id}/scorecard.md" for k in data.kits.kits} <= set(paths)
    assert not set(paths) & set(answer_export_paths(data))


def test_answer_exports_use_the_pages_answers_and_convert_the_rest():
    data = load_site_data(ROOT)
    first, second = data.bank.questions[:2]
    files = dict(answer_exports(data, "https://example.org/h/", {first.id: "<p>from the page</p>"}))
    assert list(files) == answer_export_paths(data)
    api = {q["id"]: q for q in json.loads(files["api/questions.json"])["questions"]}
    assert api[first.id]["answer_html"] == "<p>from the page</p>"
    assert api[first.id]["url"] == f"https://example.org/h/q/{first.id}/"
    assert api[second.id]["answer_html"] == MarkdownToHtml()(escape_markdown(second.answer))
    assert json.loads(files[f"api/answers/{second.id}.json"])["answer_html"] == api[second.id]["answer_html"]
    assert "<p>from the page</p>" in files["downloads/mlops-handbook-flashcards.tsv"]


def test_kit_builder_data_has_the_aliases_and_kits_and_each_question_its_interviewers_view_without_answers():
    from macros.export import kit_builder_data, kit_question
    from macros.loader import load_bank, load_kits
    bank = load_bank(ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml")
    kits = load_kits(ROOT / "tests" / "fixtures" / "valid" / "kits.yaml", bank)
    doc = json.loads(kit_builder_data(bank, kits))
    assert doc["aliases"] == {"canary-release": "canary-deployment"}
    assert doc["questions"] == "kit/"  # the folder, beside this file, of one file per question
    q = json.loads(kit_question(bank.by_id["canary-deployment"], bank))
    assert set(q) == {"id", "topic_title", "level", "kind", "question", "summary", "listen_for", "red_flags",
                      "follow_ups", "rating"}
    source = bank.by_id["canary-deployment"]
    assert q["question"] == source.question
    assert len(q["listen_for"]) == len(source.listen_for) and len(q["follow_ups"]) == len(source.follow_ups)
    assert [r["label"] for r in q["rating"]] == ["Poor", "Mixed", "Good", "Excellent"]
    assert q["rating"][1]["text"] == source.rating.mixed
    text = json.dumps(doc) + "".join(kit_question(question, bank) for question in bank.questions)
    for question in bank.questions:
        assert question.answer.strip()[:80] not in text, "a kit never shows the strong answer"
    assert doc["kits"][0]["plan"][0] == {"minutes": 2, "activity": "Introductions."}
    assert doc["kits"][0]["plan"][1] == {"minutes": 9, "question": "canary-deployment"}


def test_rich_text_keeps_code_and_emphasis_as_elements_and_markup_as_text():
    from macros.export import rich_text
    assert rich_text("plain & <b>bold</b> {{ x }}") == "plain & <b>bold</b> {{ x }}"
    assert rich_text("run `kubectl <rollout>` *now*, **then** wait") == [
        "run ", ["code", "kubectl <rollout>"], " ", ["em", "now"], ", ", ["strong", "then"], " wait"]
    assert rich_text("<script>alert(1)</script>") == "<script>alert(1)</script>"


def test_the_kit_builder_data_is_generated_with_the_pages():
    data = load_site_data(ROOT)
    files = dict(generated_pages(data, "https://example.org/h/"))
    doc = json.loads(files["api/kit-builder.json"])
    assert [k["id"] for k in doc["kits"]] == [k.id for k in data.kits.kits]
    views = {name for name in files if name.startswith("api/" + doc["questions"])}
    assert views == {f"api/kit/{q.id}.json" for q in data.bank.questions}
