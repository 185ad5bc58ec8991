"""Every sample query readers type finds the questions it expects among the first three
results, in the site's own search box."""

from __future__ import annotations

from pathlib import Path
import pytest
import yaml
from helpers import ROOT
from searchbox import search_results

pytestmark = pytest.mark.browser

# The shared sample is the source of truth; the copy in tests/ keeps a lone clone testable.
SHARED = ROOT.parent / "shared" / "search-queries.yaml"
SAMPLE = SHARED if SHARED.exists() else Path(__file__).parents[1] / "search-queries.yaml"
QUERIES = yaml.safe_load(SAMPLE.read_text())["queries"]


MORE = yaml.safe_load((Path(__file__).parents[1] / "search-more.yaml").read_text())["queries"]
# The wider sample is a quality budget, not a list of promises: a few reasonable queries may
# land just outside the top three (issue 14 asks for 95% or better).
MORE_MIN_HIT_RATE = 0.95


def top_results(page, site_url: str, query: str, n: int = 3) -> list[str]:
    return search_results(page, site_url, query)[:n]


def hit(case: dict, results: list[str]) -> bool:
    """Does this query find what search-more.yaml says it should (see its header)?"""
    def paths(ids):
        return [f"/q/{qid}/" for qid in ids]
    if "all" in case:
        return all(p in results[:5] for p in paths(case["all"]))
    if "any" in case:
        return any(p in results[:3] for p in paths(case["any"]))
    return all(p in results[:3] for p in paths(case["expect"]))


@pytest.mark.parametrize("case", QUERIES, ids=lambda c: c["query"])
def test_query_finds_expected_questions_in_top_three(page, site_url, real_bank, case):
    by_source = {q.source: q.id for q in real_bank.questions if q.source}
    expected = [f"/q/{by_source[n]}/" for n in case["expect"]]
    top = top_results(page, site_url, case["query"])
    missing = [e for e in expected if e not in top]
    assert not missing, f"{case['query']!r}: top three were {top}, missing {missing}"


def test_wider_sample_of_queries_meets_the_hit_rate(page, site_url):
    misses = []
    for case in MORE:
        results = search_results(page, site_url, case["query"])
        if not hit(case, results):
            misses.append((case["query"], results[:5]))
    rate = 1 - len(misses) / len(MORE)
    print(f"wider sample: {len(MORE) - len(misses)} of {len(MORE)} ({rate:.1%}); misses: {misses}")
    assert rate >= MORE_MIN_HIT_RATE, f"hit rate {rate:.0%}; misses: {misses}"


def test_the_copy_of_the_sample_is_current():
    if SHARED.exists():
        assert (Path(__file__).parents[1] / "search-queries.yaml").read_text() == SHARED.read_text()
    else:
        assert QUERIES, "the in-repo sample must hold queries"
