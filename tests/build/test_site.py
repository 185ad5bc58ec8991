"""Build the site with `mkdocs build --strict` and read the HTML it wrote."""

from __future__ import annotations

import html as htmllib
import gzip
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from helpers import FIXTURES, ROOT, build_site, expected_line

SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text().replace("!ENV", ""), Loader=yaml.SafeLoader)["site_url"][1]


def head(page: Path) -> str:
    return re.search(r"<head>.*?</head>", page.read_text(), re.S).group(0)


def meta(head_html: str, attr: str, name: str) -> str:
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', head_html)
    assert match, f"no <meta {attr}={name}>"
    return htmllib.unescape(match.group(1))


def test_every_question_has_its_anchor_on_its_topic_page(real_site, real_bank):
    for q in real_bank.questions:
        page = (real_site / "topics" / q.topic / "index.html").read_text()
        assert f'id="{q.id}"' in page, q.id


def test_every_question_has_a_permanent_page_with_preview_tags(real_site, real_bank):
    for q in real_bank.questions:
        page = real_site / "q" / q.id / "index.html"
        h = head(page)
        url = f"{SITE_URL}q/{q.id}/"
        title = htmllib.unescape(re.search(r"<title>(.*?)</title>", h, re.S).group(1))
        assert title == f"{' '.join(q.question.split())} - MLOps Interview Handbook"
        assert meta(h, "name", "description") == " ".join(q.summary.split())
        assert f'<link rel="canonical" href="{url}">' in h
        assert meta(h, "property", "og:title") == " ".join(q.question.split())
        assert meta(h, "property", "og:description") == " ".join(q.summary.split())
        assert meta(h, "property", "og:url") == url
        body = page.read_text()
        assert f'href="../../topics/{q.topic}/#{q.id}"' in body


def test_aliases_redirect_to_the_current_page(real_site, real_bank):
    for alias, target in real_bank.aliases.items():
        page = (real_site / "q" / alias / "index.html").read_text()
        assert f'url=../{target}/"' in page


def pagefind_records(site) -> dict[str, dict]:
    """Each indexed page's record in the Pagefind index, by its address."""
    records = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        records[record["url"]] = record
    return records


def test_each_question_is_indexed_once_with_its_question_as_title(real_site, real_bank):
    records = pagefind_records(real_site)
    assert set(records) == {f"/q/{q.id}/" for q in real_bank.questions}, "only question pages, once each"
    for q in real_bank.questions:
        record = records[f"/q/{q.id}/"]
        assert record["meta"]["title"] == " ".join(q.question.split()), q.id
        assert record["meta"]["summary"] == " ".join(q.summary.split()), q.id
        assert record["filters"]["level"] and record["filters"]["topic"], q.id


def test_index_holds_entries_not_their_metadata(real_site, real_bank):
    """Level, topic, related questions, dates, references and rating anchors stay out of the
    search index, so a query matches the questions that are about it; the question, tags,
    summary, listen-for, answer, red flags and follow-ups are all indexed."""
    records = pagefind_records(real_site)
    for q in real_bank.questions:
        text = records[f"/q/{q.id}/"]["content"]
        for metadata in ("Level:", "From the topic", "Related:", "Reviewed", "Permanent link", "References"):
            assert metadata not in text, (q.id, metadata)
        for part in (q.summary, q.listen_for[0], q.red_flags[0], q.follow_ups[0].ask, real_bank.tags[q.tags[0]]):
            words = " ".join(part.split()[:4]).strip("*`")
            assert words.split()[0] in text, (q.id, words)


def test_index_weights_each_part_of_an_entry(real_site, real_bank):
    """Question and tags count most, then the summary and listen-for, then the answer."""
    q = real_bank.questions[0]
    page = (real_site / "q" / q.id / "index.html").read_text()
    assert '<div data-pagefind-weight="4">' in page and '<div data-pagefind-weight="2">' in page
    assert '<p data-pagefind-weight="7">' in page  # the tags, in the block only search reads
    assert re.search(r'<div class="qb-search-only" hidden>', page)


def test_sitemap_lists_every_question_page(real_site, real_bank):
    sitemap = (real_site / "sitemap.xml").read_text()
    for q in real_bank.questions:
        assert f"<loc>{SITE_URL}q/{q.id}/</loc>" in sitemap


def test_pages_load_nothing_from_elsewhere(real_site):
    """No web fonts, scripts, styles or images from another origin: the site needs no network."""
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)="([^"]+)"', re.I)
    offenders = set()
    for page in real_site.rglob("*.html"):
        text = page.read_text()
        for tag in re.finditer(r"<(?:script|img|iframe|source)\b[^>]*>|<link\b[^>]*>", text, re.I):
            if re.search(r'rel="(canonical|alternate)"', tag.group(0)):
                continue
            for url in pattern.findall(tag.group(0)):
                if urlparse(url).netloc:
                    offenders.add((page.relative_to(real_site).as_posix(), url))
    for css in real_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text()):
            if urlparse(url.strip("'\"")).netloc:
                offenders.add((css.name, url))
    assert not offenders, sorted(offenders)[:10]


def test_no_macro_error_is_printed_into_any_page(real_site):
    for page in real_site.rglob("*.html"):
        text = page.read_text()
        assert "Macro Syntax Error" not in text and "Macro Rendering Error" not in text, page


def test_bank_text_is_shown_literally(tmp_path):
    """The fixture answer holds template syntax and HTML; the page shows them as text."""
    build = build_site(tmp_path, (FIXTURES / "valid" / "minimal.yaml").read_text())
    assert build.returncode == 0, build.output
    for page in (build.site / "q" / "canary-deployment" / "index.html",
                 build.site / "topics" / "release-cicd" / "index.html"):
        text = page.read_text()
        assert "<script>alert(1)</script>" not in text
        answer = text.split('<summary>Strong answer</summary>')[1].split("</details>")[0]
        assert ("{{ .Values.image.tag }}, ${{ secrets.TOKEN }}, {% raw %} and <script>alert(1)</script>"
                in htmllib.unescape(answer).replace("\n", " "))
    # the exports carry the same answer HTML, escaped the same way
    api = json.loads((build.site / "api" / "questions.json").read_text())
    fragment = json.loads((build.site / "api" / "answers" / "canary-deployment.json").read_text())
    exported = next(q["answer_html"] for q in api["questions"] if q["id"] == "canary-deployment")
    assert exported == fragment["answer_html"]
    assert "<script>" not in exported
    assert ("{{ .Values.image.tag }}, ${{ secrets.TOKEN }}, {% raw %} and <script>alert(1)</script>"
            in htmllib.unescape(exported).replace("\n", " "))


def test_bad_bank_fails_before_writing_any_page(tmp_path):
    bad = (FIXTURES / "invalid" / "QB014-bad-level.yaml").read_text()
    build = build_site(tmp_path, bad)
    assert build.returncode != 0
    line = expected_line(FIXTURES / "invalid" / "QB014-bad-level.yaml")
    assert f"data/questions.yaml:{line}: QB014 level 'expert' is not allowed" in build.output
    assert not build.site.exists() or not any(build.site.rglob("*.html"))


def test_several_problems_are_all_reported(tmp_path):
    text = (FIXTURES / "valid" / "minimal.yaml").read_text()
    text = text.replace("    level: mid\n", "    level: no\n").replace("tags: [drift]", "tags: [drfit]")
    build = build_site(tmp_path, text)
    assert build.returncode != 0
    assert "QB008" in build.output and "QB024" in build.output


def test_macro_error_fails_the_build(tmp_path):
    page = "---\nrender_macros: true\n---\n\n# Broken\n\n{{ no_such_macro() }}\n"
    build = build_site(tmp_path, (FIXTURES / "valid" / "minimal.yaml").read_text(), {"broken.md": page})
    assert build.returncode != 0
    assert not (build.site / "broken" / "index.html").exists() or \
        "no_such_macro" not in (build.site / "broken" / "index.html").read_text()


def test_unknown_topic_in_macro_fails_the_build(tmp_path):
    page = '---\nrender_macros: true\n---\n\n{{ topic_page("no-such-topic") }}\n'
    build = build_site(tmp_path, (FIXTURES / "valid" / "minimal.yaml").read_text(), {"odd.md": page})
    assert build.returncode != 0


def test_senior_track_lists_every_senior_scenario_question(real_site, real_bank):
    html = (real_site / "senior" / "index.html").read_text()
    scenarios = [q for q in real_bank.questions if q.source is None and q.level == "senior"]
    assert len(scenarios) >= 11  # the 10 the source list promised, the training one, the LLM ones
    for q in scenarios:
        assert f'href="../q/{q.id}/"' in html, q.id
