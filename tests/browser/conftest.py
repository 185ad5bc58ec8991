"""Serve a built site on loopback and drive Debian's Chromium through Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from helpers import FIXTURES, build_site
from quality.pages import AUDITED_PAGES, resolve
from quality.serve import serving

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package as root")
    return path


@pytest.fixture(scope="session")
def site_url(real_site: Path):
    # Served as the static host serves it (gzip, index.html, 404.html).
    with serving(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site of the fixture bank, which has an alias (the real bank renamed nothing yet)."""
    build = build_site(tmp_path_factory.mktemp("fixture"), (FIXTURES / "valid" / "minimal.yaml").read_text())
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site: Path):
    with serving(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def audited_pages(real_site: Path) -> dict[str, str]:
    """quality.pages.AUDITED_PAGES as URL paths of the real site: name -> path."""
    return resolve(real_site)


@pytest.fixture(scope="session")
def audited_urls(real_site, site_url, fixture_site, fixture_site_url) -> dict[str, str]:
    """Every page of quality.pages.AUDITED_PAGES, one of each kind, as a URL: name -> URL."""
    urls = {name: site_url + path for name, path in resolve(real_site).items()}
    urls.update({name: fixture_site_url + path for name, path in resolve(fixture_site, kind="fixture").items()})
    assert set(urls) == {p.name for p in AUDITED_PAGES if p.required}, "an audited kind of page is missing"
    return urls


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
