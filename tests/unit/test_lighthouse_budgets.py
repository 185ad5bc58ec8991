"""The Lighthouse gate's logic on made-up reports: budgets come from the page (bytes,
requests, layout shift, DOM size, script bytes, scores that are not timings); the timings
are summarised as medians and never judged."""

from __future__ import annotations

from quality import lighthouse


def lhr(performance=0.9, accessibility=1.0, total=100_000, cls=0.0, dom=500, lcp=2000.0,
        requests=None) -> dict:
    site = "http://127.0.0.1:8000"
    requests = requests if requests is not None else [
        {"url": f"{site}/handbook/", "resourceType": "Document", "resourceSize": 40_000},
        {"url": f"{site}/handbook/assets/javascripts/bundle.js", "resourceType": "Script", "resourceSize": 120_000},
        {"url": f"{site}/handbook/assets/main.js", "resourceType": "Script", "resourceSize": 9_000},
    ]
    kinds = {"total": total, "document": 9_000, "script": 38_000, "stylesheet": 27_000, "other": 3_000,
             "font": 0, "image": 0}
    return {
        "finalDisplayedUrl": f"{site}/handbook/",
        "categories": {
            "performance": {"score": performance, "auditRefs": []},
            "accessibility": {"score": accessibility, "auditRefs": [{"id": "label", "weight": 10}]},
            "best-practices": {"score": 1.0, "auditRefs": []},
            "seo": {"score": 1.0, "auditRefs": []},
        },
        "audits": {
            "label": {"score": accessibility, "displayValue": ""},
            "resource-summary": {"details": {"items": [
                {"resourceType": k, "transferSize": v, "requestCount": len(requests) if k == "total" else 1}
                for k, v in kinds.items()]}},
            "network-requests": {"details": {"items": requests}},
            "render-blocking-resources": {"details": {"items": []}},
            "dom-size": {"numericValue": dom},
            "cumulative-layout-shift": {"numericValue": cls},
            "largest-contentful-paint": {"numericValue": lcp},
            "total-blocking-time": {"numericValue": 120.0},
            "first-contentful-paint": {"numericValue": 900.0},
        },
        "environment": {"benchmarkIndex": 1400.0},
    }


def test_a_page_within_budget_misses_nothing_whatever_its_performance_score():
    assert lighthouse.misses(lhr(performance=0.41), lighthouse.Budget()) == []


def test_bytes_dom_and_layout_shift_are_budgets():
    misses = lighthouse.misses(lhr(total=300_000, dom=5_000, cls=0.02), lighthouse.Budget())
    assert [m.split()[0] for m in misses] == ["total_kb", "dom_elements", "layout_shift"]


def test_an_accessibility_score_below_100_is_a_miss_that_names_the_audit():
    (miss,) = lighthouse.misses(lhr(accessibility=0.95), lighthouse.Budget())
    assert miss.startswith("accessibility 95 < 100") and "label (0.95)" in miss


def test_own_scripts_exclude_the_theme_and_requests_elsewhere_are_misses():
    measured = lighthouse.measures(lhr())
    assert measured["own_script_kb"] == 9.0
    elsewhere = lhr(requests=[{"url": "https://cdn.example.org/x.js", "resourceType": "Script", "resourceSize": 1}])
    assert "other_origin_requests: 1" in lighthouse.misses(elsewhere, lighthouse.Budget())


def test_summary_reports_median_timings_and_the_performance_range():
    runs = [lhr(performance=p, lcp=t) for p, t in ((0.97, 2100.0), (0.88, 2900.0), (0.93, 2400.0))]
    row = lighthouse.summary({"home": runs})["home"]
    assert row["performance"] == 93 and row["lcp_ms"] == 2400 and row["benchmark_index"] == 1400
    assert row["performance_range"] == [88, 97] and row["runs"] == 3
