"""The renderer's Markdown, checked without MkDocs."""

from __future__ import annotations

from pathlib import Path

import html as htmllib
import json

import markdown
import pytest
import yaml

from macros import export, render
from macros.loader import load_bank
from macros.text import escape_attribute, escape_inline_title, escape_markdown

FIXTURE = Path(__file__).parents[1] / "fixtures" / "valid" / "minimal.yaml"
EXTENSIONS = ["attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences"]


@pytest.fixture(scope="module")
def bank():
    return load_bank(FIXTURE)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def shown(html: str) -> str:
    """The text a browser shows for a fragment with no tags but <p>."""
    assert html.startswith("<p>") and html.endswith("</p>"), html
    inner = html[3:-4]
    assert "<" not in inner, f"markup leaked into the page: {inner}"
    return htmllib.unescape(inner)


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>",
    "{{ .Values.image.tag }}",
    "${{ secrets.TOKEN }}",
    "{% raw %} {% endraw %} {# c #}",
    "AT&T &amp; co &#123;",
    "ends with {: .cls }",
    "<!-- hidden --> <img src=x onerror=alert(1)>",
])
def test_prose_shows_exactly_as_written(raw):
    assert shown(to_html(escape_markdown(raw))) == raw


def test_code_spans_and_fences_keep_their_syntax():
    text = "Use `{{ .Values.x }}` and `<b>` here.\n\n```yaml\nimage: \"{{ .Values.image.tag }}\"\n<b>\n```\n"
    escaped = escape_markdown(text)
    assert "`{{ .Values.x }}`" in escaped and "`<b>`" in escaped
    assert 'image: "{{ .Values.image.tag }}"\n<b>\n```' in escaped
    html = to_html(escaped)
    assert "<code>{{ .Values.x }}</code>" in html and "<code>&lt;b&gt;</code>" in html
    assert "&lt;b&gt;" in html.split("<pre>")[1]


def test_title_escapes_brackets_and_trailing_hashes():
    assert escape_inline_title("Use [x] in C#") == "Use \\[x\\] in C\\#"
    assert escape_inline_title("`a[0]` <b>") == "`a[0]` &lt;b>"


def test_attribute_escape_for_unescaped_templates():
    assert escape_attribute('Say "hi" <now>\n  & go') == "Say &quot;hi&quot; &lt;now&gt; &amp; go"


def test_topic_page_has_one_heading_per_question_with_id_anchors(bank):
    md = render.topic_page(bank.topic("release-cicd"), bank, "topics/release-cicd.md")
    assert md.startswith("# Release strategies and CI/CD\n")
    assert md.count("\n## ") == 1
    assert '## Can you explain the concept of "canary deployment" and how it can be used in MLOps? {#canary-deployment}' in md
    html = to_html(md)
    assert 'id="canary-deployment"' in html
    # related questions on a topic page point at their section on the other topic page
    assert 'href="monitoring-drift.md#data-drift"' in html


def test_entry_body_sections_in_reading_order(bank):
    q = bank.by_id["canary-deployment"]
    body = render.entry_body(q, render.Links("topics/release-cicd.md", bank, to_sections=True))
    order = ["**Level:** Mid", 'class="qb-tools"', "**What it probes.**", "**Listen for**",
             '??? success "Strong answer"', '??? danger "Red flags"', '??? question "Follow-ups"',
             '??? abstract "Rating anchors"', "**Related:**", "**References**", "Reviewed 2026-11-26"]
    positions = [body.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "*A good response:* Error rate, p99 latency" in body
    assert "[Permanent link](../q/canary-deployment.md)" in body


def test_answer_renders_collapsed_with_literal_template_text(bank):
    q = bank.by_id["canary-deployment"]
    html = to_html(render.entry_body(q, render.Links("q/canary-deployment.md", bank, to_sections=False)))
    assert html.count("<details") == 4, "answer, red flags, follow-ups and rating anchors start collapsed"
    assert " open" not in html
    details = html.split("<details")[1].split("</details>")[0]
    assert "{{ .Values.image.tag }}, ${{ secrets.TOKEN }}, {% raw %} and <script>alert(1)</script>" \
        in htmllib.unescape(details)
    assert "<script>" not in html


def test_question_page_front_matter_is_escaped_for_material(bank):
    page = render.question_page(bank.by_id["canary-deployment"], bank)
    front, body = page.split("---\n")[1], page.split("---\n", 2)[2]
    meta = yaml.safe_load(front)
    assert meta["title"] == "Can you explain the concept of &quot;canary deployment&quot; and how it can be used in MLOps?"
    assert meta["description"].startswith("Whether the candidate can release a model")
    assert meta["question_id"] == "canary-deployment"
    assert "[Release strategies and CI/CD](../topics/release-cicd.md#canary-deployment)" in body
    assert "[How do you handle data drift and concept drift in an MLOps pipeline?](data-drift.md)" in body


def test_topics_table_counts_by_level(bank):
    table = render.topics_table(bank, "index.md")
    assert "| [Release strategies and CI/CD](topics/release-cicd.md) | 1 | 0 | 1 | 0 |" in table
    assert "| [Monitoring, drift and performance](topics/monitoring-drift.md) | 1 | 0 | 0 | 1 |" in table
    assert "| **All topics** | **2** | **0** | **1** | **1** |" in table
    # Counts and where the ids are, never the ids: the page weighs the same at any bank size.
    assert 'data-topic="" data-count="2" data-src="api/topic-ids.json"' in table
    assert 'data-topic="release-cicd" data-count="1"' in table
    assert "canary-deployment" not in table


def test_topic_ids_file_lists_each_topics_questions(bank):
    doc = json.loads(export.topic_ids(bank))
    assert doc["topics"] == {t.id: [q.id for q in bank.in_topic(t.id)] for t in bank.topics}
    assert sorted(sum(doc["topics"].values(), [])) == sorted(q.id for q in bank.questions)


def test_levels_page_lists_every_question_under_its_level(bank):
    md = render.levels_page(bank, "levels.md")
    assert md.index("## Junior (0) {#junior}") < md.index("## Mid (1) {#mid}") < md.index("## Senior (1) {#senior}")
    mid = md.split("{#mid}")[1].split("{#senior}")[0]
    assert "(q/canary-deployment.md)" in mid and "data-drift" not in mid


def test_tools_bar_carries_the_absolute_permanent_address(bank):
    q = bank.by_id["canary-deployment"]
    bar = render.tools_bar(q, render.Links("topics/release-cicd.md", bank, True, "https://example.org/hb/"))
    assert 'data-permalink="https://example.org/hb/q/canary-deployment/"' in bar
    assert bar.startswith('<div class="qb-tools"') and " hidden>" in bar


def test_redirect_page_points_to_the_current_address():
    html = render.redirect_page("../canary-deployment/", 'A "quoted" <title>')
    assert '<meta http-equiv="refresh" content="0; url=../canary-deployment/">' in html
    assert '<link rel="canonical" href="../canary-deployment/">' in html
    assert "A &quot;quoted&quot; &lt;title&gt;" in html


@pytest.mark.parametrize("target, base", [
    ("q/a.md", "q"), ("q/a.md", "topics"), ("topics/t.md", "topics"), ("topics/t.md", ""),
    ("q/a.md", ""), ("index.md", "topics"), ("q/a.md", "q/old"), ("a/b/c.md", "a/x/y"),
])
def test_relative_path_agrees_with_posixpath(target, base):
    import posixpath
    assert render.relative_path(target, base) == posixpath.relpath(target, base or ".")


def test_glossary_tooltip_only_on_the_first_mention():
    from macros.first_mention import FirstMentionExtension
    html = markdown.markdown(
        "PSI moved. Then PSI again, and the population stability index once more.\n\n- PSI in a list",
        extensions=["abbr", FirstMentionExtension()],
        extension_configs={"abbr": {"glossary": {"PSI": "Population stability index",
                                                  "population stability index": "Population stability index"}}})
    assert html.count("<abbr") == 1
    assert '<abbr title="Population stability index">PSI</abbr> moved. Then PSI again, and the ' \
           "population stability index once more." in html
    assert "<li>PSI in a list</li>" in html


def test_rating_anchors_are_the_questions_own_and_print_on_the_scorecard(bank):
    q = bank.by_id["canary-deployment"]
    body = render.entry_body(q, render.Links("q/canary-deployment.md", bank, to_sections=False))
    assert "**Mixed:** Sends a percentage of traffic but names no baseline or rollback rule." in body
    from macros import render_kits
    from macros.model import Kit
    kit = Kit.model_validate({"id": "k", "title": "K", "minutes": 10, "levels": ["mid"], "summary": "s",
                              "plan": [{"minutes": 10, "question": "canary-deployment"},
                                       {"minutes": 5, "activity": "Questions from the candidate"}]})
    card = render_kits.scorecard_page(kit, bank)
    assert "| ☐ Mixed | Sends a percentage of traffic but names no baseline or rollback rule. |" in card
    assert "Fewer than half the signals" not in card


def test_tools_bar_offers_add_to_my_kit_and_links_my_kit_from_its_page(bank):
    q = bank.by_id["canary-deployment"]
    for page in ("topics/release-cicd.md", "q/canary-deployment.md"):
        bar = render.tools_bar(q, render.Links(page, bank, page.startswith("topics/")))
        assert '<button type="button" class="md-button qb-kit-add" aria-pressed="false">Add to my kit</button>' in bar
        assert '<a class="qb-kit-open" href="../../kits/my-kit/" hidden>Open my kit</a>' in bar


def test_site_url_from_page_counts_the_page_as_a_directory(bank):
    assert render.Links("index.md", bank, False).site_url_from_page("kits/my-kit/") == "kits/my-kit/"
    assert render.Links("kits/index.md", bank, False).site_url_from_page("kits/my-kit/") == "../kits/my-kit/"
    assert render.Links("kits/screen-30.md", bank, False).site_url_from_page("kits/my-kit/") == "../../kits/my-kit/"


def test_kit_page_offers_to_customise_the_kit_in_the_builder(bank):
    from macros import render_kits
    from macros.model import Kit
    kit = Kit.model_validate({"id": "short-screen", "title": "K", "minutes": 10, "levels": ["mid"], "summary": "s",
                              "plan": [{"minutes": 2, "activity": "Hello"}, {"minutes": 8, "question": "data-drift"}]})
    page = render_kits.kit_page(kit, bank)
    assert ('<p class="qb-kit-actions" hidden><a class="md-button" href="../../kits/my-kit/?from=short-screen">'
            "Customise this kit</a></p>") in page
    assert page.index("Printable scorecard") < page.index("Customise this kit") < page.index("## Plan")


def test_glossary_tooltip_stays_out_of_headings_and_goes_to_the_first_mention_below():
    from macros.first_mention import FirstMentionExtension
    html = markdown.markdown(
        "# What is PSI?\n\nPSI compares two distributions. PSI again.\n\n## More on *PSI*\n\nNothing.",
        extensions=["abbr", "toc", FirstMentionExtension()],
        extension_configs={"abbr": {"glossary": {"PSI": "Population stability index"}}})
    assert '<h1 id="what-is-psi">What is PSI?</h1>' in html
    assert "<h2 id=\"more-on-psi\">More on <em>PSI</em></h2>" in html
    assert html.count("<abbr") == 1
    assert '<p><abbr title="Population stability index">PSI</abbr> compares' in html


@pytest.mark.parametrize("repository", ["https://github.com/o/r", "https://github.com/o/r/"])
def test_report_link_opens_the_corrections_form_with_the_question_filled_in(bank, repository):
    from urllib.parse import parse_qs, urlsplit
    q = bank.by_id["canary-deployment"]
    url = urlsplit(render.report_problem_url(repository, q, "https://example.org/a b/q/canary-deployment/?x=1&y=2"))
    assert (url.netloc, url.path) == ("github.com", "/o/r/issues/new")
    assert parse_qs(url.query) == {"template": [render.CORRECTION_FORM], "title": ["Correction: canary-deployment"],
                                   "id": ["canary-deployment"],
                                   "link": ["https://example.org/a b/q/canary-deployment/?x=1&y=2"]}


def test_question_page_has_no_reveal_bar_no_tag_line_and_a_report_link(bank):
    q = bank.by_id["canary-deployment"]
    page = render.question_page(q, bank, "https://example.org/h/", "https://github.com/o/r")
    assert "qb-reveal" not in page and "Tags:" not in page
    assert page.count("Report a problem with this entry") == 1
    assert "link=https%3A%2F%2Fexample.org%2Fh%2Fq%2Fcanary-deployment%2F" in page
    assert "Report a problem" not in render.question_page(q, bank, "https://example.org/h/")
    topic = render.topic_page(bank.topic(q.topic), bank, "topics/release-cicd.md")
    assert "qb-reveal" in topic and "Tags: " in topic and "Report a problem" not in topic
