"""Serve a built site on loopback and drive Debian's Chromium through Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from helpers import FIXTURES, build_site
from quality.pages import resolve
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
def fixture_site_url(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("fixture"), (FIXTURES / "valid" / "minimal.yaml").read_text())
    assert build.returncode == 0, build.output
    with serving(build.site) as url:
        yield url


@pytest.fixture(scope="session")
def audited_pages(real_site: Path) -> dict[str, str]:
    """quality.pages.AUDITED_PAGES as URL paths of the real site: name -> path."""
    return resolve(real_site)


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
