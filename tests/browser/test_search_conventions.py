"""The search box keeps Material's conventions with Pagefind behind it: in the header, with
the `/`, `s` and `f` shortcuts, suggestions, highlighting on the page opened, a shareable
address, one result per question showing its question, markup a screen reader follows, both
colour schemes, no other origin, and nothing of the index fetched before the reader
searches."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from helpers import ROOT
from searchbox import BOX, RESULTS, open_search, result_paths, search_results, shown_for

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def index_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if "/pagefind/" in u or "search_index.json" in u or "/workers/search" in u]


# Files that grow with the bank. A first visit that fetched one of them would pass 100 kB
# gzipped at 6,000 questions: the sitemap (which Material's instant navigation fetches on
# every first visit, hence the feature is off) and the ids behind the progress counts.
GROWING = ("/sitemap.xml", "/api/topic-ids.json", "/api/questions.json")


@pytest.fixture
def recorded(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    urls: list[str] = []
    context.on("request", lambda r: urls.append(r.url))
    yield context.new_page(), urls
    context.close()


def test_nothing_of_the_index_is_fetched_before_the_first_search(recorded, site_url, audited_pages):
    page, urls = recorded
    for path in audited_pages.values():
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        page.mouse.wheel(0, 2000)  # reading, scrolling: still no search
        page.wait_for_timeout(200)
    assert len(urls) > 10 and not index_requests(urls), index_requests(urls)
    growing = [u for u in urls if urlsplit(u).path.endswith(GROWING)]
    assert not growing, f"a first visit fetched files that grow with the bank: {growing}"
    page.locator(BOX).focus()  # the reader starts to search
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("/pagefind/pagefind.js") for u in urls), index_requests(urls)


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_keyboard_shortcut_opens_the_search_box(page, site_url, key):
    page.goto(site_url + "q/canary-deployment/")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press(key)
    expect(page.locator(BOX)).to_be_focused()
    assert page.locator("#__search").is_checked()
    assert page.locator(BOX).input_value() == ""  # the key opened search; it typed nothing
    page.keyboard.type("canary")
    shown_for(page, "canary")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_the_search_box_is_in_the_header(page, site_url):
    page.goto(site_url)
    expect(page.locator("header.md-header .md-search input.md-search__input")).to_be_visible()


def test_one_result_per_question_showing_its_question(page, site_url, real_bank):
    paths = search_results(page, site_url, "deployment")
    assert len(paths) == len(set(paths)) >= 5
    assert all(p.startswith("/q/") for p in paths), paths
    questions = {f"/q/{q.id}/": " ".join(q.question.split()) for q in real_bank.questions}
    titles = page.locator(RESULTS + " h1").all_inner_texts()
    assert [" ".join(t.split()) for t in titles] == [questions[p] for p in paths]


def test_suggestion_completes_the_last_word(page, site_url):
    page.goto(site_url)
    open_search(page)
    box = page.locator(BOX)
    box.press_sequentially("kubern", delay=20)
    suggest = page.locator(".md-search__suggest")
    expect(suggest).to_have_text("kubernetes")
    box.press("Tab")
    expect(box).to_have_value("kubernetes")
    shown_for(page, "kubernetes")


def test_the_page_opened_highlights_the_searched_terms(page, site_url):
    search_results(page, site_url, "canary")
    page.locator(RESULTS).first.click()
    page.wait_for_url("**/q/canary-deployment/?h=canary")
    marks = page.locator("article mark[data-qb-highlight]")
    expect(marks.first).to_be_visible()
    marked = {t.lower() for t in marks.all_text_contents()}  # some are in collapsed blocks
    assert marked and all(t.startswith("canar") for t in marked), marked
    assert not page.locator("#__search").is_checked()  # opening a result closed the dialog


def test_query_address_is_shareable(page, site_url):
    search_results(page, site_url, "drift")
    share = page.locator(".qb-search-share")
    expect(share).to_be_visible()
    address = share.get_attribute("data-clipboard-text")
    assert urlsplit(address).query == "q=drift", address
    page.goto(address)
    expect(page.locator(BOX)).to_have_value("drift")
    shown_for(page, "drift")
    assert result_paths(page, site_url)


def test_results_filter_by_topic_and_level(page, site_url, real_bank):
    by_path = {f"/q/{q.id}/": q for q in real_bank.questions}
    unfiltered = search_results(page, site_url, "deployment")
    filters = page.locator(".qb-search-filters")
    expect(filters).to_be_visible()
    topic, level = filters.get_by_label("Topic"), filters.get_by_label("Level")
    titles = sorted(t.title for t in real_bank.topics)
    assert topic.locator("option").all_inner_texts() == ["All topics", *titles]
    assert level.locator("option").all_inner_texts() == ["Every level", "Junior", "Mid", "Senior"]

    level.select_option("Senior")
    shown_for(page, "deployment")
    senior = result_paths(page, site_url)
    assert senior and all(by_path[p].level == "senior" for p in senior), senior
    assert set(senior) != set(unfiltered)

    level.select_option("")
    deployment = real_bank.topic("deployment-serving").title
    topic.select_option(deployment)
    shown_for(page, "deployment")
    in_topic = result_paths(page, site_url)
    assert in_topic and all(by_path[p].topic == "deployment-serving" for p in in_topic), in_topic

    # The shared address keeps the filter, and opens with it applied.
    address = page.locator(".qb-search-share").get_attribute("data-clipboard-text")
    assert parse_qs(urlsplit(address).query) == {"q": ["deployment"], "topic": [deployment]}, address
    page.goto(address)
    shown_for(page, "deployment")
    expect(page.locator(".qb-search-filters").get_by_label("Topic")).to_have_value(deployment)
    assert result_paths(page, site_url) == in_topic


def test_results_are_announced_to_screen_readers(page, site_url):
    page.goto(site_url)
    status = page.locator(".md-search-result__meta")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    box = page.locator(BOX)
    assert box.get_attribute("aria-label") == "Search"
    assert box.get_attribute("aria-controls") == page.locator(".md-search-result__list").get_attribute("id")
    assert box.get_attribute("aria-describedby") == status.get_attribute("id")
    search_results(page, site_url, "canary")
    expect(status).to_have_text(re.compile(r"^\d+ matching documents$"))
    # every result is a link whose accessible name holds its question
    expect(page.locator(RESULTS).first).to_have_accessible_name(re.compile("canary deployment"))
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULTS).first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULTS).nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_results_pass_axe_in_both_colour_schemes(browser, site_url, scheme):
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it with npm ci")
    # axe is injected as an inline script, which the site's own policy rightly refuses.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        search_results(page, site_url, "canary")
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", {"light": "default", "dark": "slate"}[scheme])
        page.add_script_tag(content=AXE.read_text())
        result = page.evaluate("() => axe.run(document.querySelector('.md-search'), {resultTypes: ['violations']})")
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert not violations, violations
    finally:
        context.close()


def test_search_works_with_no_network_but_the_site(browser, site_url):
    """Offline: everything search needs is in the site, none of it from any other origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    site = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    blocked: list[str] = []

    def only_the_site(route):
        if route.request.url.startswith(site + "/"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_the_site)
    page = context.new_page()
    try:
        assert search_results(page, site_url, "feature store")[0] == "/q/feature-store/"
        assert not [u for u in blocked if not u.startswith(("data:", "blob:"))], blocked
    finally:
        context.close()
