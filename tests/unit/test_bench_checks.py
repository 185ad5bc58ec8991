"""The benchmark's own checks: the floor must be the same site as the pipeline's, and the
report must call a missed target missed. (The benchmark runs only with `make bench`.)"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench import report
from bench.projects import compare_sites

POLICY = '\n      <meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;">'
PAGE = '<!doctype html><html><head><meta charset="utf-8">{policy}<title>T</title></head><body>{body}</body></html>'


def _sitemap(urls: list[str]) -> str:
    return "<urlset>" + "".join(f"<url><loc>{u}</loc></url>" for u in urls) + "</urlset>"


def _site(root: Path, policy: bool, urls: list[str], body: str = "x", extra: dict | None = None) -> Path:
    files = {
        "index.html": PAGE.format(policy=POLICY if policy else "", body=body),
        "sitemap.xml": _sitemap(urls),
        "search/search_index.json": json.dumps({"config": {"lang": ["en"]},
                                                "docs": [{"location": u, "text": u} for u in urls]}),
        "tags.json": json.dumps({"mappings": [{"item": {"url": u}, "tags": []} for u in urls]}),
        "api/a.json": "{}",
        **(extra or {}),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (root / "sitemap.xml.gz").write_bytes(gzip.compress(_sitemap(urls).encode()))
    return root


def test_sites_differing_only_by_the_policy_and_listing_order_are_the_same(tmp_path):
    pipeline = _site(tmp_path / "p", True, ["a/", "b/", "q/x/"])
    floor = _site(tmp_path / "f", False, ["q/x/", "a/", "b/"])
    same = compare_sites(pipeline, floor)
    assert (same.only_in_a, same.only_in_b, same.differing) == ([], [], [])
    assert same.html_pages == 1


def test_a_changed_page_a_changed_listing_and_a_missing_file_are_all_found(tmp_path):
    pipeline = _site(tmp_path / "p", True, ["a/", "b/"], body="x", extra={"only.json": "1"})
    floor = _site(tmp_path / "f", False, ["a/", "c/"], body="y")
    same = compare_sites(pipeline, floor)
    assert same.only_in_a == ["only.json"] and same.only_in_b == []
    assert set(same.differing) == {"index.html", "sitemap.xml", "sitemap.xml.gz",
                                   "search/search_index.json", "tags.json"}


def test_a_floor_page_with_a_policy_differs_unless_both_were_built_with_the_hook(tmp_path):
    pipeline = _site(tmp_path / "p", True, ["a/"])
    also_hooked = _site(tmp_path / "h", True, ["a/"])
    assert compare_sites(pipeline, also_hooked).differing == ["index.html"]
    assert compare_sites(pipeline, also_hooked, policy_in_b=True).differing == []


def _results(cpu_ratio: float) -> dict:
    summary = {"cpu_seconds": 1.0, "seconds": 1.0}
    return {"build": [{"questions": 73, "cpu_ratio": cpu_ratio, "ratio": cpu_ratio,
                       "pipeline": summary, "floor": summary}]}


def test_build_targets_are_met_or_missed_by_the_measured_figures():
    assert [ok for _, _, ok in report.targets(_results(1.15))] == [True]
    missed = report.targets(_results(1.151))
    assert [ok for _, _, ok in missed] == [False]
    assert "1.151x at 73" in missed[0][1]


def _search_row(n: int, home: int, pages: dict, first_worst: float, key_worst: float) -> dict:
    return {"questions": n, "variant": "Pagefind (this site)", "first_visit_bytes": home, "pages": pages,
            "first_ms": first_worst / 2, "first_worst_ms": first_worst,
            "keystroke_ms": key_worst / 2, "keystroke_worst_ms": key_worst}


def test_search_targets_are_met_or_missed_by_the_measured_figures():
    within = {"home": 80_000, "topic": 100_000}
    met = report.search_targets([_search_row(73, 80_000, within, 300, 50),
                                 _search_row(6000, 100_000, within, 300, 50)])
    assert [ok for _, _, ok in met] == [True, True, True, True]
    over = {"home": 80_000, "topic": 100_001}
    missed = report.search_targets([_search_row(73, 100_001, within, 200, 20),
                                    _search_row(6000, 80_000, over, 300.5, 50.5)])
    assert [ok for _, _, ok in missed] == [False, False, False, False]
    assert "1 of 2 kinds of page within at every size; over: topic 100.0 kB at 6,000" in missed[1][1]


def test_the_report_lists_each_kind_of_pages_first_visit_by_size():
    rows = [_search_row(73, 80_000, {"home": 80_000, "topic": 120_400}, 300, 50),
            _search_row(600, 81_000, {"home": 81_000, "topic": 300_000}, 300, 50)]
    table = report._pages_table(rows)
    assert "| Page | 73 questions (kB) | 600 questions (kB) |" in table
    assert "| topic | 120.4 | 300.0 |" in table


def test_the_report_shows_lighthouse_timings_with_the_machines_speed():
    from bench import report
    row = {"performance": 93, "performance_range": [88, 97], "lcp_ms": 2400, "tbt_ms": 180,
           "benchmark_index": 1420, "accessibility": 100, "best-practices": 100, "seo": 100, "runs": 3}
    section = report._lighthouse({"lighthouse": {"runs": 3, "version": "12.2.3", "pages": {"home": row}}})
    assert "| home | 93 | 88–97 | 2,400 | 180 | 1,420 | 100 | 100 | 100 |" in section
    assert report._lighthouse({}) == ""


def test_findability_targets_follow_the_counts():
    row = _search_row(73, 80_000, {"home": 80_000}, 300, 50)
    row["findability"] = {"shared sample": {"queries": 10, "first": 9, "top3": 10, "several": 0, "several_top5": 0},
                          "wider sample": {"queries": 40, "first": 36, "top3": 39, "several": 4, "several_top5": 4}}
    met = report.search_targets([row])[:3]
    assert [ok for _, _, ok in met] == [True, True, True]
    assert met[0][1] == "shared sample: 9 of 10 (90%); wider sample: 36 of 40 (90%)"
    row["findability"]["wider sample"].update(first=35, top3=38, several_top5=3)
    assert [ok for _, _, ok in report.search_targets([row])[:3]] == [False, False, False]


def test_findability_cases_come_from_both_samples_by_id():
    from bench import findability
    from macros.loader import load_bank
    ids = {q.id for q in load_bank(findability.REAL_BANK).questions}
    cases = findability.cases()
    assert set(cases) == {"shared sample", "wider sample"}
    assert all(c[1] and set(c[1]) <= ids for rows in cases.values() for c in rows)
    assert any(c[2] for c in cases["wider sample"])  # the multi-entry queries are marked
