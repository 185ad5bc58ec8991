"""Search, permanent pages and the colour scheme, in a real Chromium."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from searchbox import search_results

pytestmark = pytest.mark.browser


def test_typing_canary_shows_the_canary_question_first(page, site_url):
    results = search_results(page, site_url, "canary", type_it=True)
    assert results[0] == "/q/canary-deployment/"


def test_question_page_answer_starts_collapsed_and_opens_on_click(page, site_url):
    page.goto(site_url + "q/canary-deployment/")
    expect(page.locator("h1")).to_contain_text("canary deployment")
    details = page.locator("details.success")
    expect(details).to_have_count(1)
    assert details.get_attribute("open") is None
    answer = details.locator("p").first
    expect(answer).to_be_hidden()
    details.locator("summary").click()
    expect(answer).to_be_visible()
    assert details.get_attribute("open") is not None


def test_search_result_opens_the_question_page(page, site_url):
    search_results(page, site_url, "canary")
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_url(lambda url: urlparse(url).path.endswith("/q/canary-deployment/"))
    expect(page.locator("h1")).to_contain_text("canary deployment")


def test_dark_scheme_toggle(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    start = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", start)
    other = body.get_attribute("data-md-color-scheme")
    assert {start, other} == {"default", "slate"}
    page.reload()  # the choice persists
    expect(body).to_have_attribute("data-md-color-scheme", other)


def test_alias_redirects_in_the_browser(page, fixture_site_url):
    # the fixture bank renames canary-release to canary-deployment
    page.goto(fixture_site_url + "q/canary-release/")
    page.wait_for_url("**/q/canary-deployment/")
    expect(page.locator("h1")).to_contain_text("canary deployment")
