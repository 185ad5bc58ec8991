"""axe-core (the pinned npm package) on one page of every kind, in both colour schemes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from helpers import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The reader's system preference, and the Material scheme the site then shows.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it with npm ci")
    return AXE.read_text()


def axe_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [{"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


@pytest.fixture
def scheme_page(browser, request):
    # axe is injected as an inline script, which the site's own policy rightly refuses.
    context = browser.new_context(color_scheme=request.param, bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    yield request.param, context.new_page()
    context.close()


REFRESH = re.compile(r"<meta http-equiv=\"refresh\"[^>]*>", re.I)


def open_for_audit(page, url: str) -> None:
    """Open `url` and stay there: a redirect page's refresh is taken out, so that axe audits
    the redirect page itself (the navigation tests check that it redirects)."""
    def without_refresh(route):
        response = route.fetch()
        route.fulfill(response=response, body=REFRESH.sub("", response.text()))
    page.route(url, without_refresh)
    page.goto(url)
    page.unroute(url)


@pytest.mark.parametrize("scheme_page", list(SCHEMES), indirect=True)
def test_no_axe_violations_on_any_kind_of_page(scheme_page, audited_urls, axe_source):
    preference, page = scheme_page
    found = {}
    for name, url in audited_urls.items():
        open_for_audit(page, url)
        if page.locator("body[data-md-color-scheme]").count():  # Material's pages, not a bare redirect
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[preference])
        page.wait_for_load_state("networkidle")
        found[name] = axe_violations(page, axe_source)
    assert not any(found.values()), {name: v for name, v in found.items() if v}


def test_the_audit_stays_on_a_redirect_page(browser, audited_urls):
    """The redirect page is audited as itself, not as the page it sends readers to."""
    context = browser.new_context()
    page = context.new_page()
    open_for_audit(page, audited_urls["alias redirect"])
    page.wait_for_load_state("networkidle")
    assert page.url == audited_urls["alias redirect"]
    assert "new address" in page.locator("body").inner_text()
    context.close()


@pytest.mark.parametrize("scheme_page", ["light"], indirect=True)
def test_axe_reports_the_search_dialog_without_its_name(scheme_page, site_url, axe_source):
    """The check bites: undo the override's fix in the page and axe finds Material's bug."""
    _, page = scheme_page
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Search"
    page.evaluate("() => document.querySelector('.md-search').removeAttribute('aria-label')")
    assert "aria-dialog-name" in {v["rule"] for v in axe_violations(page, axe_source)}
