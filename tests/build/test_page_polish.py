"""What a reader sees once: tags, study-mode controls and glossary tooltips, and the About
section that keeps maintainers' pages out of the readers' navigation."""

from __future__ import annotations

import html as htmllib
import re

QUESTION_FOOT = re.compile(r'<p class="qb-reviewed"[^>]*>(.*?)</p>', re.S)
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)


def test_question_pages_show_their_tags_once_as_chips(real_site, real_bank):
    for q in real_bank.questions:
        html = (real_site / "q" / q.id / "index.html").read_text()
        chips = [htmllib.unescape(c).strip() for c in re.findall(r'class="md-tag">([^<]*)<', html)]
        assert sorted(chips) == sorted(real_bank.tags[t] for t in q.tags), q.id
        (foot,) = QUESTION_FOOT.findall(html)
        assert "Tags:" not in foot and "Reviewed" in foot and "Permanent link" in foot, q.id


def test_topic_pages_have_no_chips_and_keep_each_entrys_tag_line(real_site, real_bank):
    for topic in real_bank.topics:
        html = (real_site / "topics" / topic.id / "index.html").read_text()
        assert 'class="md-tag' not in html
        feet = QUESTION_FOOT.findall(html)
        assert len(feet) == len(real_bank.in_topic(topic.id))
        assert all(foot.startswith("Tags: ") for foot in feet), topic.id


def test_only_pages_with_several_answers_offer_reveal_all(real_site, real_bank):
    for q in real_bank.questions:
        html = (real_site / "q" / q.id / "index.html").read_text()
        assert "qb-reveal" not in html and "Reveal all answers" not in html, q.id
    for topic in real_bank.topics:
        html = (real_site / "topics" / topic.id / "index.html").read_text()
        assert html.count("Reveal all answers") == 1, topic.id


def test_no_glossary_tooltip_in_any_heading(real_site):
    pages = sorted(real_site.rglob("*.html"))
    headings = [(p, h) for p in pages for _, h in HEADING.findall(p.read_text())]
    assert len(headings) > 500
    assert not [(p, h) for p, h in headings if "<abbr" in h]


def test_the_term_in_a_title_gets_its_tooltip_below_it(real_site):
    html = (real_site / "q" / "canary-deployment" / "index.html").read_text()
    h1 = HEADING.search(html)
    assert h1.group(1) == "1" and "canary deployment" in h1.group(2)
    # the glossary's definition of the term the title names, on its first mention below
    assert html.count('<abbr title="Releasing a new version to a small share of live traffic') == 1
    assert html.index("<abbr title=\"Releasing a new version") > h1.end()


def nav_section(html: str, label: str) -> str:
    """The sidebar's section with this label, as HTML."""
    match = re.search(r'<label class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*'
                      + re.escape(label) + r"\s*</span>.*?</nav>", html, re.S)
    assert match, f"no navigation section {label!r}"
    return match.group(0)


def test_about_holds_the_maintainers_pages_and_how_fast_keeps_its_address(real_site):
    html = (real_site / "index.html").read_text()
    about = nav_section(html, "About")
    for href in ("about/contributing/", "about/changelog/", "about/licence/", "how-fast/"):
        assert f'href="{href}"' in about, href
    before_about = html[:html.index(about)]
    assert 'href="how-fast/"' not in before_about  # not among the readers' sections any more
    assert (real_site / "how-fast" / "index.html").exists()


def test_changelog_records_this_rounds_corrections_with_working_links(real_site, real_bank):
    page = real_site / "about" / "changelog" / "index.html"
    html = page.read_text()
    linked = set(re.findall(r'href="\.\./\.\./q/([a-z0-9-]+)/"', html))
    assert len(linked) >= 10 and linked <= set(real_bank.by_id)
    # written as HTML (see the page's front matter), so MkDocs does not check them: here
    article = html[html.index("<article"):html.index("</article>")]
    for href in re.findall(r'href="(\.\./\.\./[^"#]*)"', article):
        assert (page.parent / href / "index.html").resolve().is_file(), href
    assert 'href="../../topics/llm-operations/"' in html
