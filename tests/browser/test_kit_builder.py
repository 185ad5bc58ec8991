"""The kit builder in real Chromium: add questions from their pages, reorder by drag and by
keyboard, time and name the kit, share it as a link that opens the same kit in a fresh
browser, links that name former or unknown ids, malformed links, the custom scorecard on
paper, and Customise this kit."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from browser_conftest_helpers import A4_PAGES_MAX, pdf_pages
from test_accessibility import AXE, SCHEMES, axe_violations

pytestmark = pytest.mark.browser

MY_KIT = "kits/my-kit/"


def kit_ids(page) -> list[str]:
    return page.locator(".qb-kit-item").evaluate_all("rows => rows.map(r => r.dataset.qid)")


def add_to_kit(page, url: str, qid: str) -> None:
    page.goto(url)
    button = page.locator(f".qb-tools[data-qid={qid}] .qb-kit-add")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_text("In my kit ✓")


def test_build_reorder_time_and_share_a_kit_then_open_the_link_in_a_fresh_browser(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    add_to_kit(page, site_url + "q/canary-deployment/", "canary-deployment")
    add_to_kit(page, site_url + "topics/release-cicd/", "blue-green-deployment")
    add_to_kit(page, site_url + "q/data-vs-concept-drift/", "data-vs-concept-drift")
    page.locator(".qb-tools[data-qid=data-vs-concept-drift]").get_by_role("link", name="Open my kit").click()
    page.wait_for_url(re.compile(r".*/kits/my-kit/\?kit=1&.*"))
    expect(page.locator(".qb-kit-item")).to_have_count(3)
    assert kit_ids(page) == ["canary-deployment", "blue-green-deployment", "data-vs-concept-drift"]

    # drag the last question onto the first
    page.locator(".qb-kit-item").nth(2).drag_to(page.locator(".qb-kit-item").nth(0))
    expect(page.locator(".qb-kit-item").first).to_have_attribute("data-qid", "data-vs-concept-drift")
    assert kit_ids(page) == ["data-vs-concept-drift", "canary-deployment", "blue-green-deployment"]

    # the keyboard: Move down on the first question, with Enter; focus stays with the question
    first_down = page.locator(".qb-kit-item").first.get_by_role("button", name="Move down")
    first_down.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".qb-kit-item").nth(1)).to_have_attribute("data-qid", "data-vs-concept-drift")
    expect(page.locator(".qb-sr-only[aria-live]")).to_have_text(re.compile(r"^Moved “How do you handle data drift.*” to position 2 of 3\.$"))
    assert page.evaluate("document.activeElement.closest('.qb-kit-item').dataset.qid") == "data-vs-concept-drift"
    page.keyboard.press("Enter")  # focus stayed on Move down: once more to the end
    assert kit_ids(page) == ["canary-deployment", "blue-green-deployment", "data-vs-concept-drift"]
    expect(page.locator(".qb-kit-item").first.get_by_role("button", name="Move up")).to_be_disabled()

    # minutes, title, length, levels, opening
    page.locator(".qb-kit-item").first.get_by_label("Minutes").fill("12")
    page.locator(".qb-kit-item").first.get_by_label("Minutes").press("Tab")
    page.get_by_label("Title").fill("Platform panel <b>round 2</b>")
    page.get_by_label("Target length in minutes").fill("40")
    page.get_by_label("Target length in minutes").press("Tab")
    page.get_by_label("Senior").check()
    page.locator(".qb-kit-step").first.get_by_label("What you do (leave empty for none)").fill("Hello & the format")
    total = page.locator(".qb-kit-total")
    # 5 (opening) + 12 + 8 + 8 + 5 (closing) = 38 of 40
    expect(total).to_have_text("38 of 40 minutes planned: 2 minutes to spare")
    page.locator(".qb-kit-item").nth(1).get_by_label("Minutes").fill("11")
    page.locator(".qb-kit-item").nth(1).get_by_label("Minutes").press("Tab")
    expect(total).to_have_text("41 of 40 minutes planned: 1 minute over")

    # the kit as a kit page: plan in order with times, the reader's title as text
    view = page.locator(".qb-kit-view")
    expect(view.locator("h2.qb-kit-title")).to_have_text("Platform panel <b>round 2</b>")
    expect(view.locator("b")).to_have_count(0)
    expect(view.locator("table").first.locator("tbody tr")).to_have_count(5)
    expect(view.locator("table").first.locator("tbody tr").nth(1)).to_contain_text("0:05–0:17")
    expect(view).to_contain_text("Listen for")
    expect(view).not_to_contain_text("Strong answer")

    page.get_by_role("button", name="Copy link to this kit").click()
    expect(page.get_by_role("button", name="Link copied")).to_be_visible()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url == page.get_by_label("Link to this kit").input_value()
    query = parse_qs(urlparse(link).query)
    assert query["questions"] == ["canary-deployment:12,blue-green-deployment:11,data-vs-concept-drift:8"]
    assert query["title"] == ["Platform panel <b>round 2</b>"]
    context.close()

    fresh = browser.new_context()  # another machine: nothing in its storage
    other = fresh.new_page()
    other.goto(link)
    expect(other.locator(".qb-kit-item")).to_have_count(3)
    assert kit_ids(other) == ["canary-deployment", "blue-green-deployment", "data-vs-concept-drift"]
    assert other.locator(".qb-kit-item input[type=number]").evaluate_all("xs => xs.map(x => x.value)") == ["12", "11", "8"]
    expect(other.get_by_label("Title")).to_have_value("Platform panel <b>round 2</b>")
    expect(other.get_by_label("Target length in minutes")).to_have_value("40")
    expect(other.get_by_label("Senior")).to_be_checked()
    expect(other.locator(".qb-kit-total")).to_have_text("41 of 40 minutes planned: 1 minute over")
    expect(other.locator(".qb-kit-view h2.qb-kit-title")).to_have_text("Platform panel <b>round 2</b>")
    assert other.url == link
    fresh.close()


def test_remove_a_question_and_clear_the_kit_then_restore_it(page, site_url):
    page.goto(site_url + MY_KIT + "?kit=1&questions=canary-deployment:8,mlops-concept:6,blue-green-deployment:6")
    expect(page.locator(".qb-kit-item")).to_have_count(3)
    page.locator(".qb-kit-item[data-qid=mlops-concept]").get_by_role("button", name="Remove").click()
    assert kit_ids(page) == ["canary-deployment", "blue-green-deployment"]
    expect(page.locator(".qb-sr-only[aria-live]")).to_contain_text("Removed")
    page.get_by_role("button", name="Clear the kit").click()
    expect(page.locator(".qb-kit-item")).to_have_count(0)
    expect(page.locator(".qb-kit-empty")).to_be_visible()
    page.reload()
    expect(page.locator(".qb-kit-empty")).to_be_visible()  # the address and the store agree
    page.get_by_role("button", name="Restore the previous kit").click()
    expect(page.locator(".qb-kit-item")).to_have_count(2)
    assert kit_ids(page) == ["canary-deployment", "blue-green-deployment"]


def test_a_link_naming_an_unknown_id_says_which_and_keeps_the_rest(page, site_url):
    page.goto(site_url + MY_KIT + "?kit=1&title=Screen&questions=no-such-question:5,canary-deployment:9")
    expect(page.locator(".qb-kit-item")).to_have_count(1)
    assert kit_ids(page) == ["canary-deployment"]
    message = page.locator(".qb-kit-messages")
    expect(message).to_contain_text("no-such-question")
    expect(message).to_contain_text("The rest of the kit is here.")
    assert "no-such-question" not in page.url  # the address now holds the kit as it is
    expect(page.get_by_label("Title")).to_have_value("Screen")


def with_alias(page, alias: str, current: str) -> None:
    """The real bank has renamed no question yet, so its published alias map is empty: give
    the page the map a rename would publish (tests/unit/test_site_files.py checks that the
    build writes a bank's aliases into this file)."""
    def add_alias(route):
        response = route.fetch()
        doc = response.json()
        doc["aliases"][alias] = current
        route.fulfill(response=response, json=doc)
    page.route("**/api/kit-builder.json", add_alias)


def test_a_link_naming_a_former_id_opens_the_question_under_its_current_id(page, site_url):
    with_alias(page, "canary-release", "canary-deployment")
    page.goto(site_url + MY_KIT + "?kit=1&questions=canary-release:9,mlops-concept:7")
    expect(page.locator(".qb-kit-item")).to_have_count(2)
    assert kit_ids(page) == ["canary-deployment", "mlops-concept"]
    expect(page.locator(".qb-kit-messages")).to_contain_text("canary-release has a new id, canary-deployment")
    assert "questions=canary-deployment:9,mlops-concept:7" in page.url
    page.goto(site_url + MY_KIT + "scorecard/?kit=1&questions=canary-release:9")
    expect(page.locator(".qb-score h2").first).to_contain_text("canary deployment")


def test_a_malformed_link_says_so_shows_its_text_as_text_and_keeps_the_saved_kit(page, site_url):
    page.goto(site_url + MY_KIT + "?kit=1&questions=canary-deployment:8")
    expect(page.locator(".qb-kit-item")).to_have_count(1)
    markup = "<img src=x onerror=window.pwned=1>"
    page.goto(site_url + MY_KIT + "?kit=1&questions=" + markup.replace(" ", "%20"))
    warning = page.locator(".qb-kit-messages .admonition")
    expect(warning).to_contain_text("This kit link is malformed, so it was not opened")
    expect(warning).to_contain_text(markup)
    expect(page.locator(".qb-kit-messages img, article img")).to_have_count(0)
    assert page.evaluate("window.pwned") is None
    assert kit_ids(page) == ["canary-deployment"], "the saved kit is kept"

    page.goto(site_url + MY_KIT + "?kit=1&title=" + "x" * 5000)
    expect(page.locator(".qb-kit-messages")).to_contain_text("This kit link is too long")
    assert kit_ids(page) == ["canary-deployment"]


def test_customise_this_kit_copies_a_ready_made_kit_into_the_builder(page, site_url):
    page.goto(site_url + "kits/technical-60-mid/")
    ready = page.locator("article table").first.locator("a").evaluate_all("as => as.map(a => a.hash.slice(1))")
    page.get_by_role("link", name="Customise this kit").click()
    page.wait_for_url(re.compile(r".*/kits/my-kit/\?kit=1&.*"))
    expect(page.locator(".qb-kit-item")).to_have_count(len(ready))
    assert kit_ids(page) == ready
    expect(page.get_by_label("Title")).to_have_value("60-minute technical interview at mid level")
    expect(page.locator(".qb-kit-total")).to_have_text("60 of 60 minutes planned: exactly the target length")
    expect(page.locator(".qb-kit-messages")).to_contain_text("A copy of the ready-made kit")
    times = page.locator(".qb-kit-view table").first.locator("tbody td:first-child").all_inner_texts()
    page.goto(site_url + "kits/technical-60-mid/")
    assert page.locator("article table").first.locator("tbody td:first-child").all_inner_texts() == times


def test_the_custom_scorecard_prints_like_a_ready_made_one(page, site_url):
    page.goto(site_url + "kits/technical-60-mid/scorecard/")
    page.emulate_media(media="print")
    ready_pages = pdf_pages(page.pdf(format="A4"))
    page.emulate_media(media="screen")

    page.goto(site_url + "kits/my-kit/?from=technical-60-mid")
    expect(page.locator(".qb-kit-item")).to_have_count(6)
    page.locator(".qb-kit-edit").get_by_role("link", name="Printable scorecard").click()
    page.wait_for_url(re.compile(r".*/kits/my-kit/scorecard/\?kit=1&.*"))
    expect(page.locator("h1")).to_have_text("Scorecard: 60-minute technical interview at mid level")
    expect(page.locator(".qb-score")).to_have_count(7)  # six questions and the overall recommendation
    expect(page.locator(".qb-score").first.locator("input[type=checkbox]").first).to_be_visible()
    expect(page.locator(".qb-score").first).not_to_contain_text("Strong answer")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".qb-print-hint"):
        assert not page.locator(selector).first.is_visible(), selector
    pages = pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= A4_PAGES_MAX
    assert pages == ready_pages


def test_the_my_kit_page_prints_the_kit_and_not_the_editor(page, site_url):
    page.goto(site_url + "kits/my-kit/?from=technical-60-mid")
    expect(page.locator(".qb-kit-item")).to_have_count(6)
    page.emulate_media(media="print")
    assert not page.locator(".qb-kit-edit").is_visible()
    expect(page.locator(".qb-kit-view h2.qb-kit-title")).to_be_visible()


def test_my_kit_works_when_reached_from_the_navigation(page, site_url):
    page.goto(site_url + "q/canary-deployment/")
    page.locator(".qb-tools .qb-kit-add").click()
    page.locator("a.md-nav__link", has_text="My kit").first.click()
    page.wait_for_url(re.compile(r".*/kits/my-kit/\?kit=1&.*"))
    expect(page.locator(".qb-kit-item")).to_have_count(1)
    page.locator("a.md-nav__link", has_text="Interview kits").first.click()
    page.wait_for_url(re.compile(r".*/kits/$"))
    page.locator("article a", has_text="30-minute screen").click()
    page.get_by_role("link", name="Customise this kit").click()
    page.wait_for_url(re.compile(r".*/kits/my-kit/\?kit=1&.*"))
    expect(page.locator(".qb-kit-item")).to_have_count(4)


def test_without_javascript_my_kit_says_what_to_use_instead(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + MY_KIT)
    expect(page.get_by_text("The kit builder needs JavaScript")).to_be_visible()
    page.goto(site_url + "kits/technical-60-mid/")
    expect(page.get_by_role("link", name="Customise this kit")).to_be_hidden()
    page.goto(site_url + "q/canary-deployment/")
    expect(page.get_by_role("button", name="Add to my kit")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_axe_violations_on_my_kit_holding_a_kit(browser, site_url, scheme):
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it with npm ci")
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for path in (MY_KIT + "?from=senior-staff-loop", MY_KIT + "scorecard/?from=senior-staff-loop"):
        page.goto(site_url + path)
        expect(page.locator(".qb-kit-view h2.qb-kit-title, .qb-score").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        found[path] = axe_violations(page, AXE.read_text())
    assert not any(found.values()), found
    context.close()
