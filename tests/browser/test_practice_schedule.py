"""Practice on a schedule in real Chromium: rate three cards and see their next reviews,
due counts on the home and topic pages, export and re-import the history, a corrupt file,
clearing, the old practised marks moving in, moving between pages, no request elsewhere and
no policy violation, no layout shift, and axe with the rating controls shown."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from test_accessibility import AXE, SCHEMES, axe_violations
from test_same_origin import RECORD_VIOLATIONS

pytestmark = pytest.mark.browser

PRACTICE = "practice/"
RATINGS = ("again", "hard", "good", "easy")
HISTORY_KEY = "mlops-handbook.history"
MARKS_KEY = "mlops-handbook.practised"


def stored_history(page) -> dict:
    text = page.evaluate(f"() => localStorage.getItem('{HISTORY_KEY}')")
    return json.loads(text) if text else {}


def deal(page, topic: str, level: str = "") -> str:
    """Filter to one topic (and level) of new questions; the id of the question dealt."""
    page.select_option("select[name=queue]", "new")
    page.select_option("select[name=topic]", topic)
    page.select_option("select[name=level]", level)
    card = page.locator(".qb-practice-card")
    expect(card).to_have_attribute("data-qid", re.compile(".+"))
    return card.get_attribute("data-qid")


def rate_current(page, rating: str, ticks: int, keyboard: bool = False) -> str:
    card = page.locator(".qb-practice-card")
    qid = card.get_attribute("data-qid")
    card.get_by_role("button", name="Show answer").click()
    signals = card.locator(".qb-practice-signals input[type=checkbox]")
    expect(signals.first).to_be_visible()
    assert signals.count() >= 3  # every question has 3 to 6 listen-for signals
    button = card.locator(f".qb-practice-rate button[data-rating={rating}]")
    if keyboard:  # the signals and the ratings are native controls, reached with Tab
        signals.first.focus()
        for i in range(ticks):
            page.keyboard.press("Space")
            page.keyboard.press("Tab")
        for _ in range(len(RATINGS) + 6):  # the other signals, then the rating buttons
            if button.evaluate("b => b === document.activeElement"):
                break
            page.keyboard.press("Tab")
        expect(button).to_be_focused()
        page.keyboard.press("Enter")
    else:
        for i in range(ticks):
            signals.nth(i).check()
        button.click()
    expect(card.locator(".qb-practice-result")).to_contain_text(f"Rated {rating.capitalize()}, with {ticks} of")
    return qid


def test_practise_three_cards_with_different_ratings_and_see_their_due_dates(page, site_url):
    page.goto(site_url + PRACTICE)
    rated = {}
    for rating, ticks in (("again", 0), ("good", 2), ("easy", 3)):
        deal(page, "monitoring-drift")
        # the rating buttons preview when each rating brings the question back
        expect(page.locator(".qb-practice-rate button[data-rating=good]")).not_to_be_visible()
        rated[rate_current(page, rating, ticks, keyboard=rating == "good")] = (rating, ticks)
        expect(page.locator(".qb-practice-rate button[data-rating=again]")).to_be_disabled()
    assert len(rated) == 3

    history = stored_history(page)
    assert history["format"] == "mlops-handbook.practice-history" and history["version"] == 1
    today = date.today()
    due = {}
    for qid, (rating, ticks) in rated.items():
        entry = history["questions"][qid]
        assert [r["rating"] for r in entry["log"]] == [rating]
        assert len(entry["log"][0]["signals"]) == ticks
        due[rating] = date.fromisoformat(entry["card"]["due"][:10])
    assert today < due["again"] < due["good"] < due["easy"], due

    rows = page.locator(".qb-history-table tbody tr")
    expect(rows).to_have_count(3)
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.qid)") == sorted(rated, key=lambda q: due[rated[q][0]])
    for qid, (rating, _) in rated.items():
        expect(page.locator(f".qb-history-table tr[data-qid={qid}] td").last).to_have_text(due[rating].isoformat())
    expect(page.locator(".qb-history-summary")).to_have_text("3 reviews of 3 questions in this browser.")

    # Nothing is due today; once the Again question's day comes, it is the one dealt as due.
    page.select_option("select[name=queue]", "due")
    expect(page.locator(".qb-practice-question")).to_have_text("Nothing is due today for these filters.")
    again_id = next(q for q, (r, _) in rated.items() if r == "again")
    page.clock.install(time=f"{due['again'].isoformat()}T08:00:00")
    page.reload()
    page.select_option("select[name=topic]", "monitoring-drift")
    page.select_option("select[name=queue]", "due")
    expect(page.locator(".qb-practice-card")).to_have_attribute("data-qid", again_id)
    expect(page.locator("select[name=queue] option[value=due]")).to_have_text("Due today (1)")


def seed(page, site_url, ratings: dict[str, str]) -> None:
    """A history made through the page: rate each question on the practice page."""
    page.goto(site_url + PRACTICE)
    for qid, rating in ratings.items():
        page.goto(site_url + PRACTICE + f"?topic={topic_of(qid)}&queue=new")
        card = page.locator(".qb-practice-card")
        # Questions are dealt at random: deal until this one comes up, waiting for each new
        # card (two hundred deals miss one of a topic's questions with odds below 1e-11).
        for _ in range(200):
            current = card.get_attribute("data-qid")
            if current == qid:
                break
            card.get_by_role("button", name="Next question").click()
            page.wait_for_function("prev => document.querySelector('.qb-practice-card').dataset.qid !== prev",
                                   arg=current)
        assert card.get_attribute("data-qid") == qid
        rate_current(page, rating, 1)


TOPICS = {"canary-deployment": "release-cicd", "blue-green-deployment": "release-cicd", "feature-store": "data-features-training"}


def topic_of(qid: str) -> str:
    return TOPICS[qid]


def test_due_counts_on_the_home_and_topic_pages(page, site_url):
    seed(page, site_url, {"canary-deployment": "again", "blue-green-deployment": "good", "feature-store": "again"})
    page.goto(site_url + "topics/release-cicd/")
    line = page.locator(".qb-due")
    expect(line).to_have_text(re.compile(r"Due for review today: 0 of 7"))
    tomorrow = date.today() + timedelta(days=1)
    page.clock.install(time=f"{tomorrow.isoformat()}T09:00:00")
    page.reload()
    expect(line).to_have_text(re.compile(r"Due for review today: 1 of 7"))
    expect(page.locator(".qb-progress")).to_contain_text("Practised 2 of 7")
    page.goto(site_url)
    expect(page.locator(".qb-due")).to_have_text(re.compile(r"Due for review today: 2 of 73"))
    page.locator(".qb-due a").click()
    page.wait_for_url(re.compile(r".*/practice/\?queue=due$"))
    expect(page.locator("select[name=queue]")).to_have_value("due")
    expect(page.locator(".qb-practice-card")).to_have_attribute("data-qid", re.compile("^(canary-deployment|feature-store)$"))


def test_export_then_reimport_the_history_in_a_fresh_browser(browser, site_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    seed(page, site_url, {"canary-deployment": "hard", "feature-store": "easy"})
    with page.expect_download() as info:
        page.get_by_role("button", name="Export history").click()
    download = info.value
    assert re.fullmatch(r"mlops-handbook-practice-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    exported = json.loads(path.read_text())
    assert exported["questions"] == stored_history(page)["questions"]
    context.close()

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    page = fresh.new_page()
    seed(page, site_url, {"blue-green-deployment": "good"})
    page.locator(".qb-history-file").set_input_files(str(path))
    expect(page.locator(".qb-history-message")).to_have_text(
        "Imported the history of 2 questions: 2 new in this browser, 0 merged with the reviews already here.")
    history = stored_history(page)["questions"]
    assert set(history) == {"canary-deployment", "feature-store", "blue-green-deployment"}
    assert history["canary-deployment"] == exported["questions"]["canary-deployment"]
    expect(page.locator(".qb-history-table tbody tr")).to_have_count(3)
    # the same file again changes nothing: the same reviews count once
    page.locator(".qb-history-file").set_input_files(str(path))
    expect(page.locator(".qb-history-message")).to_contain_text("0 new in this browser, 2 merged")
    assert stored_history(page)["questions"] == history
    fresh.close()


def test_a_corrupt_or_foreign_file_gets_a_message_and_the_history_is_kept(page, site_url, tmp_path):
    seed(page, site_url, {"canary-deployment": "good"})
    before = page.evaluate(f"() => localStorage.getItem('{HISTORY_KEY}')")
    files = {
        "broken.json": ('{"format": "mlops-handbook.practice-history", "version": 1, "questions": {', "is not valid JSON"),
        "kit.json": (json.dumps({"title": "My kit", "ids": ["canary-deployment"]}), "is not a practice history"),
        "future.json": (json.dumps({"format": "mlops-handbook.practice-history", "version": 9, "questions": {}}), "newer version"),
        "<b>bold<b>.json": (json.dumps({"format": "mlops-handbook.practice-history", "version": 1,
                                         "questions": {"canary-deployment": {"log": [], "card": {}}}}), "damaged"),
    }
    for name, (text, why) in files.items():
        path = tmp_path / name
        path.write_text(text)
        page.locator(".qb-history-file").set_input_files(str(path))
        message = page.locator(".qb-history-message")
        expect(message).to_contain_text(why)
        expect(message).to_contain_text("Your history in this browser is unchanged.")
        expect(message).to_contain_text(f"“{name}” was not imported.")  # the name shows as text
        assert page.locator(".qb-history-message b").count() == 0
        assert page.evaluate(f"() => localStorage.getItem('{HISTORY_KEY}')") == before
    expect(page.locator(".qb-history-table tbody tr")).to_have_count(1)


def test_an_import_keeps_and_reports_unknown_ids_and_files_a_former_id_under_its_current_one(page, site_url, tmp_path):
    seed(page, site_url, {"canary-deployment": "good"})
    doc = stored_history(page)
    entry = doc["questions"].pop("canary-deployment")
    doc["questions"]["retired-question"] = entry
    doc["questions"]["canary-release"] = entry

    def add_alias(route):
        data = route.fetch().json()
        data["aliases"] = {"canary-release": "canary-deployment"}
        route.fulfill(json=data)
    page.route("**/api/practice.json", add_alias)  # the real bank has renamed nothing yet
    page.evaluate(f"() => localStorage.removeItem('{HISTORY_KEY}')")
    page.reload()
    expect(page.locator(".qb-history")).not_to_have_class(re.compile("qb-pending"))  # questions loaded
    path = tmp_path / "history.json"
    path.write_text(json.dumps(doc))
    page.locator(".qb-history-file").set_input_files(str(path))
    message = page.locator(".qb-history-message")
    expect(message).to_contain_text("“canary-release” is now “canary-deployment”; its reviews were filed there.")
    expect(message).to_contain_text("this site does not have (perhaps removed, or from a newer version): “retired-question”.")
    assert set(stored_history(page)["questions"]) == {"canary-deployment", "retired-question"}
    expect(page.locator(".qb-history-table")).to_contain_text("retired-question (not on this site)")


def test_clearing_the_history_asks_first(page, site_url):
    seed(page, site_url, {"canary-deployment": "good", "feature-store": "hard"})
    page.get_by_role("button", name="Clear history").click()
    expect(page.locator(".qb-history-confirm")).to_contain_text("Delete 2 reviews of 2 questions from this browser?")
    page.get_by_role("button", name="Keep it").click()
    assert len(stored_history(page)["questions"]) == 2
    page.get_by_role("button", name="Clear history").click()
    page.get_by_role("button", name="Yes, clear my history").click()
    expect(page.locator(".qb-history-message")).to_have_text("Your practice history is cleared.")
    assert stored_history(page)["questions"] == {}
    expect(page.locator(".qb-history-table")).to_be_hidden()


def test_practised_marks_of_the_earlier_version_move_into_the_history(page, site_url):
    first, second = (str(date.today() - timedelta(days=n)) for n in (30, 28))
    page.goto(site_url)
    page.evaluate("([key, marks]) => localStorage.setItem(key, JSON.stringify(marks))",
                  [MARKS_KEY, {"canary-deployment": first, "feature-store": second}])
    page.goto(site_url + "topics/release-cicd/")
    expect(page.locator(".qb-tools[data-qid=canary-deployment] .qb-practised")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".qb-progress")).to_contain_text("Practised 1 of 7")
    page.wait_for_function(f"() => localStorage.getItem('{MARKS_KEY}') === null")
    entry = stored_history(page)["questions"]["canary-deployment"]
    assert entry["log"] == [{"at": f"{first}T12:00:00.000Z", "rating": "good", "signals": [], "via": "practised mark"}]
    # long past its first interval: due today, on the topic page and the practice page
    expect(page.locator(".qb-due")).to_have_text(re.compile(r"Due for review today: 1 of 7"))
    page.goto(site_url + PRACTICE + "?queue=due")
    expect(page.locator("select[name=queue] option[value=due]")).to_have_text("Due today (2)")


def test_mark_as_practised_is_a_good_review_and_pressing_again_takes_it_back(page, site_url):
    page.goto(site_url + "q/canary-deployment/")
    button = page.locator(".qb-tools .qb-practised")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    log = stored_history(page)["questions"]["canary-deployment"]["log"]
    assert [(r["rating"], r["via"]) for r in log] == [("good", "mark")]
    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    assert stored_history(page)["questions"] == {}


def test_rating_shows_on_the_topic_page_reached_next(page, site_url):
    page.goto(site_url + "topics/release-cicd/")
    page.locator(".md-nav__link", has_text="Practice").first.click()
    page.wait_for_url(re.compile(r".*/practice/$"))
    deal(page, "llm-operations")
    qid = rate_current(page, "good", 1)
    assert stored_history(page)["questions"][qid]["log"][0]["rating"] == "good"
    page.locator(".md-nav__link", has_text="Monitoring").first.click()
    page.wait_for_url(re.compile(r".*/topics/monitoring-drift/$"))
    expect(page.locator(".qb-due")).to_have_text(re.compile(r"Due for review today: 0 of \d+"))


def test_rating_and_importing_ask_nothing_of_another_origin_and_break_no_policy(browser, site_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    site = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    # Offline but for the test server: anything else would fail, and is recorded.
    context.route(re.compile(r"^(?!" + re.escape(site) + ").*"), lambda route: route.abort())
    context.on("request", lambda request: requested.append(request.url))
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(site_url + PRACTICE)
    deal(page, "release-cicd")
    rate_current(page, "hard", 2)
    path = tmp_path / "history.json"
    path.write_text(json.dumps(stored_history(page)))
    page.locator(".qb-history-file").set_input_files(str(path))
    expect(page.locator(".qb-history-message")).to_contain_text("merged")
    page.wait_for_load_state("networkidle")
    assert any("/assets/vendor/ts-fsrs/index.mjs" in u for u in requested), "the scheduler comes from the site"
    elsewhere = [u for u in requested if not u.startswith(("data:", "blob:")) and not u.startswith(site)]
    assert not elsewhere, elsewhere
    assert page.evaluate("() => window.__cspViolations") == []
    context.close()


@pytest.mark.parametrize("viewport", [{"width": 412, "height": 823}, {"width": 1280, "height": 900}])
def test_the_practice_page_does_not_shift_while_it_deals_the_first_question(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    context.add_init_script("""window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) window.__shift += e.value; }))
          .observe({type: 'layout-shift', buffered: true});""")
    page = context.new_page()
    page.goto(site_url + PRACTICE)
    expect(page.locator(".qb-practice-question")).not_to_have_class(re.compile("qb-pending-text"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)  # let the observer deliver the last entries
    assert page.evaluate("() => window.__shift") == 0
    context.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_axe_violations_with_the_rating_controls_and_history_shown(browser, site_url, scheme):
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it with npm ci")
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + PRACTICE)
    deal(page, "foundations")
    rate_current(page, "good", 1)
    page.get_by_role("button", name="Clear history").click()
    expect(page.get_by_role("button", name="Keep it")).to_be_focused()
    page.wait_for_load_state("networkidle")
    found = axe_violations(page, AXE.read_text())
    assert not found, found
    context.close()
