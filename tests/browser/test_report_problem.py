"""Reporting a problem from a question page, in Chromium: the link opens the corrections form
with the question's fields filled in. GitHub is never reached: the test answers for it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from helpers import ROOT

pytestmark = pytest.mark.browser

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text().replace("!ENV", ""), Loader=yaml.SafeLoader)
SITE_URL, REPOSITORY = CONFIG["site_url"][1], CONFIG["extra"]["repository"]
FORM = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text())


def test_report_a_problem_opens_the_form_with_id_and_link_filled_in(page, site_url):
    opened = []

    def github(route):
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html",
                      body="<!doctype html><title>New issue</title><h1>New issue</h1>")

    page.route(f"{REPOSITORY}/**", github)
    page.goto(site_url + "q/dark-launching/")
    link = page.get_by_role("link", name="Report a problem with this entry")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_title("New issue")
    (url,) = opened
    query = parse_qs(urlsplit(url).query)
    assert query["template"] == ["correction.yml"]
    assert query["id"] == ["dark-launching"] and query["link"] == [f"{SITE_URL}q/dark-launching/"]
    field_ids = {item["id"] for item in FORM["body"] if "id" in item}
    assert {"id", "link"} <= field_ids
