"""Drive the site's search box the way a reader does, and read the settled results."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import expect

BOX = "input.md-search__input"
RESULTS = ".md-search-result__item > .md-search-result__link"


def open_search(page) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()


def shown_for(page, query: str, timeout: int = 15_000) -> None:
    """Wait until the list shows the first page of this query's results (search.js marks it)."""
    page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.shown === q",
                           arg=query.strip(), timeout=timeout)


def result_paths(page, site_url: str) -> list[str]:
    """Result addresses as paths from the site's root (`/q/<id>/`), without `?h=`."""
    root = urlparse(site_url).path.rstrip("/")
    paths = [urlparse(h).path for h in page.locator(RESULTS).evaluate_all("els => els.map(e => e.href)")]
    return [p[len(root):] if p.startswith(root + "/") else p for p in paths]


def search_results(page, site_url: str, query: str, type_it: bool = False) -> list[str]:
    """Paths of the result pages, in order, once the list shows this query's results."""
    page.goto(site_url)
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    open_search(page)
    box = page.locator(BOX)
    if type_it:
        box.press_sequentially(query, delay=30)
    else:
        box.fill(query)
    shown_for(page, query)
    return result_paths(page, site_url)
