"""Drive Material's search box the way a reader does, and read the settled results."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import expect


def search_results(page, site_url: str, query: str, type_it: bool = False) -> list[str]:
    """Paths of the result pages from the site's root ("/q/<id>/"), in order, once the list
    has stopped changing."""
    base = urlparse(site_url).path.rstrip("/")
    page.goto(site_url)
    # A query typed before the search worker has loaded its index is lost; Material says
    # "Type to start searching" once it is ready.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    if type_it:
        box.press_sequentially(query, delay=30)
    else:
        box.fill(query)
        box.press("End")  # Material reacts to key events; fill() alone sends none
    links = page.locator(".md-search-result__item > .md-search-result__link")
    expect(links.first).to_be_visible(timeout=15_000)
    previous: list[str] | None = None
    for _ in range(30):  # results re-render as the worker answers; wait until stable
        current = [urlparse(h).path.removeprefix(base) for h in links.evaluate_all("els => els.map(e => e.href)")]
        if current == previous:
            return current
        previous = current
        page.wait_for_timeout(150)
    return previous or []
