"""Everything a page asks for comes from the site itself, and the site's policy holds."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Reports every policy violation, including ones the page itself causes after loading.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.add_init_script(RECORD_VIOLATIONS)
    yield context.new_page(), requested
    context.close()


def test_every_request_goes_to_the_site_itself(watched, site_url, audited_urls):
    page, requested = watched
    violations = {}
    for name, url in audited_urls.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations[name] = page.evaluate("() => window.__cspViolations")
    # A reader's session: search, open a result, switch the scheme.
    page.goto(site_url)
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("drift", delay=20)
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_url("**/q/**")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_load_state("networkidle")
    violations["after search and navigation"] = page.evaluate("() => window.__cspViolations")

    fetched = [u for u in requested if not u.startswith(("data:", "blob:"))]
    assert len(fetched) > 10, fetched
    elsewhere = sorted({u for u in fetched if origin(u) not in {origin(v) for v in audited_urls.values()}})
    assert not elsewhere, elsewhere
    assert not any(violations.values()), violations


def test_the_policy_blocks_code_the_site_did_not_ship(watched, site_url):
    """The check bites: an inline script nobody hashed is refused, and reported."""
    page, _ = watched
    page.goto(site_url)
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__injected = true'; document.body.append(s); }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.__injected") is None
    assert page.evaluate("() => window.__cspViolations")[0].startswith("script-src")
