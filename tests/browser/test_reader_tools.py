"""Reader tools in real Chromium: study mode, practised marks, copy link, practice page,
tooltips, printing, pages reached by links, a phone-sized screen and JavaScript turned off."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from browser_conftest_helpers import A4_PAGES_MAX, pdf_pages

pytestmark = pytest.mark.browser

Q = "q/canary-deployment/"


def test_study_mode_hides_answers_until_revealed_one_at_a_time(page, site_url):
    page.goto(site_url + Q)
    details = page.locator("article details")
    expect(details).to_have_count(4)  # answer, red flags, follow-ups, rating anchors
    for i in range(4):
        expect(details.nth(i)).not_to_have_attribute("open", re.compile(".*"))
    # one question, one answer: no page-wide "Reveal all" here, only on topic pages
    expect(page.get_by_role("button", name="Reveal all answers")).to_have_count(0)
    page.get_by_text("Strong answer", exact=True).click()
    expect(details.nth(0)).to_have_attribute("open", "")
    expect(details.nth(0).locator("p").first).to_be_visible()
    expect(details.nth(1)).not_to_have_attribute("open", re.compile(".*"))


def test_reveal_all_on_a_topic_page_opens_every_entry(page, site_url):
    page.goto(site_url + "topics/release-cicd/")
    count = page.locator("article details").count()
    assert count >= 4 * 7
    page.get_by_role("button", name="Reveal all answers").click()
    assert page.locator("article details[open]").count() == count


def test_practised_marks_survive_reload_show_progress_and_clear(page, site_url):
    # a mark is a review in the practice history, cleared on the practice page
    page.goto(site_url + Q)
    button = page.locator(".qb-tools .qb-practised")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(page.locator(".qb-tools .qb-practised")).to_have_attribute("aria-pressed", "true")

    page.goto(site_url + "topics/release-cicd/")
    expect(page.locator(".qb-progress")).to_contain_text("Practised 1 of 7")
    expect(page.locator("#canary-deployment ~ .qb-tools .qb-practised").first).to_have_attribute("aria-pressed", "true")

    page.goto(site_url)
    row = page.locator("tr", has=page.locator("a", has_text="Release strategies and CI/CD"))
    expect(row.locator(".qb-progress-cell")).to_have_text("1 / 7")
    page.goto(site_url + "practice/")
    page.get_by_role("button", name="Clear history").click()
    page.get_by_role("button", name="Yes, clear my history").click()
    page.goto(site_url)
    expect(row.locator(".qb-progress-cell")).to_have_text("0 / 7")
    page.goto(site_url + Q)
    expect(page.locator(".qb-tools .qb-practised")).to_have_attribute("aria-pressed", "false")


def test_copy_link_copies_the_permanent_address(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "topics/release-cicd/")
    bar = page.locator(".qb-tools[data-qid=canary-deployment]")
    bar.get_by_role("button", name="Copy link").click()
    expect(bar.get_by_role("button", name="Link copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("http") and urlparse(copied).path.endswith("/q/canary-deployment/")
    assert copied == bar.get_attribute("data-permalink")
    context.close()


def test_practice_page_deals_filtered_questions_and_shows_answers_on_demand(page, site_url, real_bank):
    page.goto(site_url + "practice/")
    card = page.locator(".qb-practice-card")
    expect(card.locator(".qb-practice-question")).not_to_be_empty()
    expect(card).not_to_contain_text("needs JavaScript")
    page.select_option("select[name=topic]", "monitoring-drift")
    page.select_option("select[name=level]", "senior")
    allowed = {q.question for q in real_bank.questions if q.topic == "monitoring-drift" and q.level == "senior"}
    seen = set()
    for _ in range(6):
        text = card.locator(".qb-practice-question").inner_text()
        assert text in allowed
        seen.add(text)
        answer = card.locator(".qb-practice-answer")
        expect(answer).to_be_hidden()
        card.get_by_role("button", name="Show answer").click()
        expect(answer).to_be_visible()
        expect(answer).not_to_be_empty()
        card.get_by_role("button", name="Next question").click()
    assert len(seen) > 1, "next must move on to another question"
    card.get_by_role("button", name="Show answer").click()
    card.get_by_role("button", name=re.compile("^Good")).click()
    qid = card.get_attribute("data-qid")
    page.goto(site_url + f"q/{qid}/")
    expect(page.locator(".qb-tools .qb-practised")).to_have_attribute("aria-pressed", "true")


def test_glossary_term_shows_a_tooltip(page, site_url):
    page.goto(site_url + "q/data-drift-experience/")
    term = page.locator("article abbr", has_text="PSI").first
    term.hover()
    expect(page.locator(".md-tooltip2, .md-tooltip").filter(has_text="Population stability index").first).to_be_visible()


def test_scorecard_prints_without_chrome_on_at_most_three_a4_pages(page, site_url):
    page.goto(site_url + "kits/technical-60-mid/scorecard/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    expect(page.locator("h1")).to_be_visible()
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= A4_PAGES_MAX


def test_tools_work_on_a_page_reached_by_a_link(page, site_url):
    page.goto(site_url)
    page.locator("article a", has_text="Release strategies and CI/CD").first.click()
    page.wait_for_url(re.compile(r".*/topics/release-cicd/$"))
    button = page.locator(".qb-tools[data-qid=canary-deployment] .qb-practised")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".qb-progress")).to_contain_text("Practised 1 of 7")


@pytest.mark.parametrize("path", [Q, "topics/release-cicd/", "practice/", "kits/technical-60-mid/", ""])
def test_phone_sized_screen_has_no_sideways_scroll(browser, site_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_timeout(300)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path or 'home'} is {width}px wide"
    if path == Q:
        button = page.locator(".qb-tools .qb-practised")
        expect(button).to_be_visible()
        button.tap()
        expect(button).to_have_attribute("aria-pressed", "true")
    context.close()


def test_content_is_readable_with_javascript_off(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + Q)
    expect(page.locator("h1")).to_contain_text("canary deployment")
    expect(page.get_by_text("Listen for")).to_be_visible()
    page.locator("summary", has_text="Strong answer").click()  # native <details>, no script needed
    expect(page.locator("details").first.locator("p").first).to_be_visible()
    expect(page.locator(".qb-tools")).to_be_hidden()  # no dead buttons
    page.goto(site_url + "practice/")
    expect(page.get_by_text("Practice needs JavaScript")).to_be_visible()
    page.goto(site_url + "kits/technical-60-mid/")
    expect(page.get_by_text("Red flags").first).to_be_visible()
    context.close()


def test_practice_page_works_when_reached_from_the_navigation(page, site_url):
    page.goto(site_url + "topics/release-cicd/")
    page.locator(".md-nav__link", has_text="Practice").first.click()
    page.wait_for_url(re.compile(r".*/practice/$"))
    expect(page.locator(".qb-practice-question")).not_to_be_empty()


def test_interviewer_path_from_kits_to_a_printable_scorecard(page, site_url):
    page.goto(site_url + "kits/")
    page.locator("article a", has_text="60-minute technical interview at mid level").click()
    page.wait_for_url(re.compile(r".*/kits/technical-60-mid/$"))
    expect(page.locator("table").first).to_contain_text("0:00–0:03")
    expect(page.locator("details")).to_have_count(0)  # nothing to reveal: no answers here
    page.locator("article a", has_text="Printable scorecard").click()
    page.wait_for_url(re.compile(r".*/kits/technical-60-mid/scorecard/$"))
    expect(page.locator("h1")).to_contain_text("Scorecard")


def test_tag_chip_leads_to_the_tag_listing(page, site_url):
    page.goto(site_url + "q/model-serving-tools/")
    page.locator(".md-tag", has_text="KServe").first.click()
    page.wait_for_url(re.compile(r".*/tags/#tag:kserve$"))
    listing = page.locator("[id='tag:kserve']").locator("xpath=following-sibling::ul[1]")
    expect(listing).to_contain_text("Have you worked with any tools or platforms for model deployment and serving")


def test_levels_page_and_downloads(page, site_url, real_bank):
    page.goto(site_url + "levels/")
    expect(page.locator("article li a")).to_have_count(len(real_bank.questions))
    response = page.request.get(site_url + "downloads/mlops-handbook-flashcards.tsv")
    assert response.ok and response.text().startswith("#separator:tab")
    api = page.request.get(site_url + "api/questions.json").json()
    assert api["count"] == len(real_bank.questions)
