"""How well search finds what readers mean, by the issue's three measures, on the readers'
samples the search tests use (tests/search-queries.yaml, by source number, and
tests/search-more.yaml, by id): the expected question first; at least one expected question
in the top three; and, where a concept has several entries (`all`), every one in the top
five. The tests hold the samples to their pass marks; this reports the three rates."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

from macros import loader

from .search_time import Browser, served
from .synthetic import REAL_BANK

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = {"shared sample": ROOT / "tests" / "search-queries.yaml",
           "wider sample": ROOT / "tests" / "search-more.yaml"}

_RESULTS = """q => {
  const list = document.querySelector(".md-search-result__list");
  return list.dataset.shown === q
    ? [...list.querySelectorAll(".md-search-result__link")].map(a => new URL(a.href).pathname) : null;
}"""


def cases() -> dict[str, list[tuple[str, list[str], bool]]]:
    """(query, expected ids, several entries treat it) for each sample."""
    by_source = {q.source: q.id for q in loader.load_bank(REAL_BANK).questions if q.source}
    out = {}
    for name, path in SAMPLES.items():
        rows = []
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]:
            if "expect" in case and all(isinstance(e, int) for e in case["expect"]):
                rows.append((case["query"], [by_source[e] for e in case["expect"]], False))
            else:
                ids = case.get("all") or case.get("expect") or case.get("any")
                rows.append((case["query"], ids, "all" in case))
        out[name] = rows
    return out


def measure(browser: Browser, site: Path) -> dict:
    counts = {}
    with served(site) as url:
        base = urlsplit(url).path
        context = browser.browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url)
        box = page.locator("input.md-search__input")
        for name, rows in cases().items():
            first = top3 = several = several_ok = 0
            for query, ids, many in rows:
                box.click()
                box.fill(query)
                handle = page.wait_for_function(_RESULTS, arg=query.strip(), timeout=30_000)
                paths = handle.json_value()
                expected = {f"{base}q/{i}/" for i in ids}
                got = list(paths)
                first += bool(got) and got[0] in expected
                top3 += any(p in expected for p in got[:3])
                if many:
                    several += 1
                    several_ok += expected <= set(got[:5])
            counts[name] = {"queries": len(rows), "first": first, "top3": top3,
                            "several": several, "several_top5": several_ok}
        context.close()
    return counts
