"""Lighthouse's default mobile audit, once per audited page, against the site served with
gzip as its static host serves it. Budgets: quality.lighthouse.BUDGETS."""

from __future__ import annotations

import pytest

from quality import lighthouse

pytestmark = [pytest.mark.browser, pytest.mark.lighthouse]


@pytest.fixture(scope="module")
def reports(real_site):
    if not lighthouse.LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is missing: `make test` installs it with npm ci")
    reports = lighthouse.run(real_site)
    print("\n" + lighthouse.table(reports))  # shown with -s, and in the log of a failure
    return reports


@pytest.mark.parametrize("category", lighthouse.CATEGORIES)
def test_every_audited_page_meets_its_budget(reports, category):
    assert set(reports) >= {"home", "topic", "question"}
    budget = lighthouse.BUDGETS[category]
    misses = {}
    for name, lhr in reports.items():
        score = lighthouse.scores(lhr)[category]
        if score < budget:
            misses[name] = (score, lighthouse.failing_audits(lhr, category))
    # benchmarkIndex is Lighthouse's measure of the machine's speed during the run: a low one
    # means a busy machine, whose slow main thread costs Performance points.
    speed = {name: round(lhr["environment"]["benchmarkIndex"]) for name, lhr in reports.items()}
    assert not misses, f"{category} below {budget}: {misses}; benchmarkIndex {speed}"


def test_lighthouse_used_default_mobile_settings(reports):
    for lhr in reports.values():
        settings = lhr["configSettings"]
        assert settings["formFactor"] == "mobile" and settings["throttlingMethod"] == "simulate"
        assert settings["screenEmulation"]["mobile"] is True
        assert not lhr.get("runtimeError"), lhr.get("runtimeError")
