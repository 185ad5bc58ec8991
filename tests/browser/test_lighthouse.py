"""Lighthouse's default mobile audit, once per representative page, against the site served
with gzip as its static host serves it. Budgets: quality.lighthouse (scores that depend on
the page, and bytes, requests, layout shift, DOM size and script bytes). Performance and
its timings are measured too, but a timing never decides pass or fail: they are printed
here and reported by `make lighthouse` and `make bench`."""

from __future__ import annotations

import copy

import pytest

from quality import lighthouse
from quality.pages import LIGHTHOUSE_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.lighthouse]


@pytest.fixture(scope="module")
def reports(real_site) -> dict[str, dict]:
    if not lighthouse.LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is missing: `make test` installs it with npm ci")
    reports = lighthouse.run(real_site, runs=1)
    print("\n" + lighthouse.table(reports))  # shown with -s, and in the log of a failure
    return {name: lhrs[0] for name, lhrs in reports.items()}


def test_every_representative_page_was_audited_with_default_mobile_settings(reports):
    assert set(reports) == set(LIGHTHOUSE_PAGES)
    for lhr in reports.values():
        settings = lhr["configSettings"]
        assert settings["formFactor"] == "mobile" and settings["throttlingMethod"] == "simulate"
        assert settings["screenEmulation"]["mobile"] is True
        assert not lhr.get("runtimeError"), lhr.get("runtimeError")


@pytest.mark.parametrize("name", LIGHTHOUSE_PAGES)
def test_page_meets_every_budget(reports, name):
    assert not lighthouse.misses(reports[name], lighthouse.BUDGETS[name])


def test_budgets_bite(reports):
    """A page one byte over a budget, or with a layout shift, or an audit failed, misses it."""
    lhr = reports["question"]
    measured = lighthouse.measures(lhr)
    tight = lighthouse.Budget(total_kb=measured["total_kb"] - 0.001)
    assert any(m.startswith("total_kb") for m in lighthouse.misses(lhr, tight))
    shifted = copy.deepcopy(lhr)
    shifted["audits"]["cumulative-layout-shift"]["numericValue"] = 0.01
    assert any(m.startswith("layout_shift") for m in lighthouse.misses(shifted, lighthouse.BUDGETS["question"]))
    failing = copy.deepcopy(lhr)
    failing["categories"]["accessibility"]["score"] = 0.95
    assert any(m.startswith("accessibility 95") for m in lighthouse.misses(failing, lighthouse.BUDGETS["question"]))


def test_performance_is_measured_and_reported_not_judged(reports):
    summary = lighthouse.summary({name: [lhr] for name, lhr in reports.items()})
    for row in summary.values():
        assert 0 <= row["performance"] <= 100
        assert row["lcp_ms"] > 0 and row["benchmark_index"] > 0
    assert "performance" not in lighthouse.SCORE_BUDGETS
