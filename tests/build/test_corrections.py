"""Every question page links the corrections issue form, prefilled through the address with
fields the form really has."""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import parse_qs, urlsplit

import yaml

from helpers import ROOT
from macros.render import CORRECTION_FORM, CORRECTION_PREFILLED

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text().replace("!ENV", ""), Loader=yaml.SafeLoader)
SITE_URL, REPOSITORY = CONFIG["site_url"][1], CONFIG["extra"]["repository"]
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / CORRECTION_FORM
REPORT = re.compile(r'<a href="([^"]*)">Report a problem with this entry</a>')


def form_fields() -> dict[str, dict]:
    return {item["id"]: item for item in yaml.safe_load(FORM.read_text())["body"] if "id" in item}


# GitHub's own query parameters for a new issue; every other one must be a field of the form
GITHUB_PARAMETERS = {"template", "title"}


def test_every_question_page_links_the_prefilled_corrections_form(real_site, real_bank):
    fields = form_fields()
    for q in real_bank.questions:
        links = REPORT.findall((real_site / "q" / q.id / "index.html").read_text())
        assert len(links) == 1, q.id
        url = urlsplit(htmllib.unescape(links[0]))
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPOSITORY}/issues/new"
        # parse_qs undoes the encoding: a value that was not encoded would come back cut
        # at its "/" or "&", or with "+" for spaces left in
        query = parse_qs(url.query, strict_parsing=True)
        assert query == {"template": [CORRECTION_FORM], "title": [f"Correction: {q.id}"],
                         "id": [q.id], "link": [f"{SITE_URL}q/{q.id}/"]}, q.id
        assert "/" not in url.query and ":" not in url.query and " " not in url.query
        assert set(query) - GITHUB_PARAMETERS == set(CORRECTION_PREFILLED) <= set(fields)


def test_topic_pages_leave_reports_to_the_question_pages(real_site, real_bank):
    for topic in real_bank.topics:
        assert not REPORT.search((real_site / "topics" / topic.id / "index.html").read_text()), topic.id


def test_the_prefilled_query_names_text_fields_of_the_form():
    fields = form_fields()
    for field_id in CORRECTION_PREFILLED:
        # GitHub fills only text fields from the address, by their id
        assert fields[field_id]["type"] in {"input", "textarea"}, field_id
    # and the reader's own part of the report is asked for
    for field_id in ("problem", "source"):
        assert fields[field_id]["type"] == "textarea" and fields[field_id]["validations"]["required"]


def test_the_form_is_named_in_contributing_with_its_triage():
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    section = guide.split("## Corrections", 1)[1].split("\n## ", 1)[0]
    assert f".github/ISSUE_TEMPLATE/{CORRECTION_FORM}" in section
    assert "`reviewed`" in section and "docs/about/changelog.md" in section
    assert "days" in section
