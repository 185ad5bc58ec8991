"""Reader tools in the built site: kits, scorecards, levels, tags, glossary and exports."""

from __future__ import annotations

import csv
import html as htmllib
import io
import json
import os
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml

from helpers import FIXTURES, ROOT, build_site
from macros.loader import load_bank, load_glossary, load_kits


@pytest.fixture(scope="module")
def kits(real_bank):
    return load_kits(ROOT / "data" / "kits.yaml", real_bank)


INLINE = re.compile(r"</?(?:abbr|a|em|strong|code|span)\b[^>]*>")


def text_of(page) -> str:
    """The page's text: inline tags vanish (a glossary tooltip must not split a sentence)."""
    html = INLINE.sub("", page.read_text())
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", html))


def test_kit_pages_show_signals_but_no_answers(real_site, real_bank, kits):
    for kit in kits.kits:
        page = real_site / "kits" / kit.id / "index.html"
        html = page.read_text()
        assert "Strong answer" not in html and 'class="admonition success' not in html
        for qid in kit.questions:
            q = real_bank.by_id[qid]
            assert f'id="{qid}"' in html
            text = " ".join(text_of(page).split())
            assert " ".join(q.red_flags[0].split()) in text
            assert " ".join(q.listen_for[0].split()) in text
            assert " ".join(q.follow_ups[0].ask.split()) in text
            # not even the first sentence of the strong answer
            assert " ".join(q.answer.split())[:80] not in text


def test_kit_plan_is_minute_by_minute(real_site, kits):
    kit = next(k for k in kits.kits if k.id == "technical-60-mid")
    html = (real_site / "kits" / kit.id / "index.html").read_text()
    assert "0:00–0:03" in html and "0:53–1:00" in html


def test_every_kit_has_a_scorecard_with_anchored_ratings(real_site, real_bank, kits):
    for kit in kits.kits:
        page = real_site / "kits" / kit.id / "scorecard" / "index.html"
        text = " ".join(text_of(page).split())
        for rating in ("Poor", "Mixed", "Good", "Excellent"):
            assert f"☐ {rating}" in text
        assert "Overall recommendation" in text and "☐ Strong yes" in text
        for qid in kit.questions:
            q = real_bank.by_id[qid]
            assert " ".join(q.red_flags[-1].split()) in text  # Poor is anchored on red flags
            assert " ".join(q.listen_for[-1].split()) in text  # signals to tick
        assert page.read_text().count('class="qb-notes"') == len(kit.questions) + 1


def test_levels_page_lists_every_question(real_site, real_bank):
    html = (real_site / "levels" / "index.html").read_text()
    for q in real_bank.questions:
        assert f'href="../q/{q.id}/"' in html, q.id


def test_tags_page_lists_every_declared_tag_in_use(real_site, real_bank):
    html = (real_site / "tags" / "index.html").read_text()
    used = {t for q in real_bank.questions for t in q.tags}
    for slug in used:
        label = real_bank.tags[slug]
        assert f">{htmllib.escape(label, quote=False)}<" in html or f">{label}<" in html, label


def test_undeclared_tag_on_a_page_fails_the_build(tmp_path):
    page = "---\ntags:\n  - Kubernets\n---\n\n# Typo\n"
    build = build_site(tmp_path, (FIXTURES / "valid" / "minimal.yaml").read_text(), {"typo.md": page})
    assert build.returncode != 0
    assert "Kubernets" in build.output


def test_glossary_terms_show_as_tooltips(real_site):
    glossary = load_glossary(ROOT / "data" / "glossary.yaml")
    html = (real_site / "q" / "data-drift-experience" / "index.html").read_text()
    assert re.search(r'<abbr title="Population stability index[^"]*">PSI</abbr>', html)
    page = (real_site / "glossary" / "index.html").read_text()
    for term in glossary.terms:
        assert htmllib.escape(term.definition.split(".")[0][:40], quote=False) in page


def test_api_lists_every_question_and_validates_against_its_schema(real_site, real_bank):
    doc = json.loads((real_site / "api" / "questions.json").read_text())
    schema = json.loads((real_site / "schemas" / "api-questions.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["count"] == len(real_bank.questions) == len(doc["questions"])
    first = doc["questions"][0]
    q = real_bank.by_id[first["id"]]
    assert first["url"].endswith(f"/q/{q.id}/") and first["url"].startswith("http")
    assert first["question"] == q.question and first["answer"] == q.answer
    assert first["topic"] == q.topic and first["level"] == q.level and first["kind"] == q.kind


def test_exported_answers_are_the_question_pages_answers_without_tooltips(real_site, real_bank):
    doc = json.loads((real_site / "api" / "questions.json").read_text())
    lines = (real_site / "downloads" / "mlops-handbook-flashcards.tsv").read_text().splitlines()
    cards = list(csv.reader(io.StringIO("\n".join(l for l in lines if not l.startswith("#"))), delimiter="\t"))
    for item, (_, back, _) in zip(doc["questions"], cards, strict=True):
        page = (real_site / "q" / item["id"] / "index.html").read_text()
        shown = page.split('<summary>Strong answer</summary>\n', 1)[1].split("\n</details>", 1)[0]
        assert item["answer_html"] == re.sub(r"</?abbr\b[^>]*>", "", shown), item["id"]
        fragment = json.loads((real_site / "api" / "answers" / f"{item['id']}.json").read_text())
        assert (fragment["id"], fragment["answer_html"]) == (item["id"], item["answer_html"])
        assert len(fragment["listen_for"]) == len(item["listen_for"])  # what the candidate ticks
        assert back == item["answer_html"].replace("\n", " ")
    assert any("<abbr" in (real_site / "q" / q.id / "index.html").read_text().split("Strong answer")[1]
               for q in real_bank.questions)  # so the tooltips were there to leave out


def test_api_schema_rejects_a_broken_document(real_site):
    doc = json.loads((real_site / "api" / "questions.json").read_text())
    schema = json.loads((real_site / "schemas" / "api-questions.schema.json").read_text())
    del doc["questions"][0]["url"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def test_bank_validates_against_the_committed_schema():
    """The schema editors use agrees with the bank (dates as the YAML language server sees them)."""
    schema = json.loads((ROOT / "schemas" / "questions.schema.json").read_text())
    data = yaml.safe_load((ROOT / "data" / "questions.yaml").read_text())
    for q in data["questions"]:
        q["reviewed"] = q["reviewed"].isoformat()
    jsonschema.validate(data, schema)
    data["questions"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_committed_schemas_are_generated_from_the_model():
    result = subprocess.run([sys.executable, "-m", "macros", "schemas", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_editor_settings_point_at_existing_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    for schema, target in settings["yaml.schemas"].items():
        assert (ROOT / schema).exists() and (ROOT / target).exists()


def test_flashcard_deck_has_one_card_per_question(real_site, real_bank):
    text = (real_site / "downloads" / "mlops-handbook-flashcards.tsv").read_text()
    lines = text.splitlines()
    assert lines[:2] == ["#separator:tab", "#html:true"]
    rows = list(csv.reader(io.StringIO("\n".join(l for l in lines if not l.startswith("#"))), delimiter="\t"))
    assert len(rows) == len(real_bank.questions)
    q = real_bank.questions[0]
    front, back, tags = rows[0]
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", front)) == q.question
    assert " ".join(q.answer.split())[:60] in " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", back)).split())
    assert q.topic in tags and f"level-{q.level}" in tags


def test_practice_page_links_the_flashcard_deck(real_site):
    html = (real_site / "practice" / "index.html").read_text()
    assert 'href="../downloads/mlops-handbook-flashcards.tsv"' in html


def test_the_scheduler_is_served_from_the_site_as_npm_installed_it(real_site):
    """ts-fsrs from node_modules (package-lock.json), with its licence; never a CDN."""
    from macros.vendor import vendored_files
    copied = vendored_files(ROOT)
    assert {path for _, path in copied} >= {"assets/vendor/ts-fsrs/index.mjs", "assets/vendor/ts-fsrs/LICENSE"}
    for src, path in copied:
        assert (real_site / path).read_bytes() == src.read_bytes(), path
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert re.fullmatch(r"\d+\.\d+\.\d+", json.loads((ROOT / "package.json").read_text())["dependencies"]["ts-fsrs"])
    assert lock["packages"]["node_modules/ts-fsrs"]["version"] == json.loads((ROOT / "package.json").read_text())["dependencies"]["ts-fsrs"]
    scheduler = (real_site / "assets" / "schedule.js").read_text()
    assert 'import("./vendor/ts-fsrs/index.mjs")' in scheduler and "http" not in scheduler


def test_the_practice_index_carries_the_former_ids(real_site, real_bank):
    doc = json.loads((real_site / "api" / "practice.json").read_text())
    assert doc["aliases"] == dict(sorted(real_bank.aliases.items()))


def test_a_build_without_node_modules_fails_naming_npm_ci(tmp_path):
    from quality.project_copy import copy_project
    project = copy_project(tmp_path / "project")
    (project / "node_modules").unlink(missing_ok=True)  # the copy links the project's packages
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "node_modules/ts-fsrs/dist/index.mjs" in output and "`npm ci`" in output
    assert not (tmp_path / "site" / "assets" / "vendor").exists()
