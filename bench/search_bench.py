"""`python -m bench --only search`: the site's search (Pagefind) against Material's search as
the site had it (index fetched on every page load), Material's default configuration, and
Material's index loaded on first use, at the real bank and at synthetic banks of 600 and
6,000 questions. In Debian's Chromium on loopback, on a fresh page (new browser context,
empty cache) for every query, the site served as its static host serves it (gzip).

For each query:
- first visit: the bytes the browser transferred (gzipped bodies) for the home page until the
  network was idle;
- first search: the reader focuses the box, the query minus its last key goes in and the last
  key is pressed. The time runs from the focus (which starts any loading) to the results of
  the whole query on screen; the bytes are those fetched meanwhile;
- further keystroke: the last key is deleted and typed again; the time runs from that key's
  keydown to its results on screen.

*Material, index on first use* is the build of *Material, as before* with the index request
held back until the reader focuses the box: what Material would cost if it loaded the index
lazily. The times are the page's own clock (performance.now and event time stamps).
"""

from __future__ import annotations

import shutil
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from macros import loader
from quality.pages import AUDITED_PAGES

from . import findability
from .builds import build
from .projects import material_search_project, pipeline_project
from .search_time import TIMEOUT_MS, Browser, served
from .synthetic import REAL_BANK, synthetic_data

PAGEFIND, BEFORE, LAZY, DEFAULT = ("Pagefind (this site)", "Material, as before",
                                   "Material, index on first use", "Material default")

_WATCH = """kind => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const b = window.__bench = {focus: null, key: null, done: null, target: null};
  input.addEventListener("focus", e => { if (b.focus === null) b.focus = e.timeStamp; }, true);
  input.addEventListener("keydown", e => { b.key = e.timeStamp; b.done = null; }, true);
  const shown = kind === "pagefind"
    ? () => list.dataset.query === b.target
    : () => input.value === b.target && list.querySelector(".md-search-result__item") !== null;
  new MutationObserver(() => {
    if (b.key !== null && b.done === null && shown()) b.done = performance.now();
  }).observe(list, {childList: true, subtree: true, attributes: true});
}"""


@dataclass
class Run:
    timed_out: int = 0  # searches with no results within TIMEOUT_MS
    first_visit_bytes: list[int] = field(default_factory=list)
    first_search_bytes: list[int] = field(default_factory=list)
    first_ms: list[float] = field(default_factory=list)
    keystroke_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict:
        def med(xs):
            return statistics.median(xs) if xs else None
        return {"first_visit_bytes": med(self.first_visit_bytes), "first_search_bytes": med(self.first_search_bytes),
                "first_ms": med(self.first_ms), "first_worst_ms": max(self.first_ms, default=None),
                "keystroke_ms": med(self.keystroke_ms), "keystroke_worst_ms": max(self.keystroke_ms, default=None),
                "searches": len(self.first_ms), "timed_out": self.timed_out, "all": asdict(self)}


def _transferred(requests) -> int:
    total = 0
    for r in requests:
        try:
            total += r.sizes()["responseBodySize"]
        except Exception:  # a request that never completed (held back, aborted)
            pass
    return total


def time_search(browser: Browser, url: str, query: str, kind: str, hold_index: bool) -> tuple[int, int, float, float]:
    context = browser.browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        requests: list = []
        page.on("requestfinished", lambda r: requests.append(r))
        held: list = []
        if hold_index:
            page.route("**/search/search_index.json", lambda route: held.append(route))
        page.goto(url, wait_until="load")
        if hold_index:
            page.wait_for_timeout(1000)  # what the page does without the index, it has done
        else:
            page.wait_for_load_state("networkidle")
        first_visit = _transferred(requests)
        visited = len(requests)
        page.evaluate(_WATCH, kind)
        page.evaluate("t => { window.__bench.target = t; }", query)
        box = page.locator("input.md-search__input")
        box.click()
        for route in held:
            route.continue_()
        box.fill(query[:-1])
        box.press(query[-1])
        page.wait_for_function("() => window.__bench.done !== null", polling="raf", timeout=TIMEOUT_MS)
        b = page.evaluate("window.__bench")
        first_ms = b["done"] - b["focus"]
        page.wait_for_load_state("networkidle")
        first_search = _transferred(requests[visited:])
        box.press("Backspace")
        page.wait_for_timeout(300)
        box.press(query[-1])
        page.wait_for_function("() => window.__bench.done !== null", polling="raf", timeout=TIMEOUT_MS)
        b = page.evaluate("window.__bench")
        return first_visit, first_search, first_ms, b["done"] - b["key"]
    finally:
        context.close()


def measure_site(browser: Browser, site: Path, queries: list[str], kind: str, hold_index: bool = False) -> Run:
    run = Run()
    with served(site) as url:
        for query in queries:
            try:
                visit, search, first, key = time_search(browser, url, query, kind, hold_index)
            except PlaywrightTimeout:
                run.timed_out += 1
                continue
            run.first_visit_bytes.append(visit)
            run.first_search_bytes.append(search)
            run.first_ms.append(first)
            run.keystroke_ms.append(key)
    return run


def first_visits(browser: Browser, site: Path) -> dict[str, int]:
    """Bytes (gzipped bodies) a first visit to one page of each kind transfers, until the
    network is idle: the page kinds the browser audits visit (quality/pages.py)."""
    out = {}
    with served(site) as url:
        for audited in AUDITED_PAGES:
            if audited.site != "real" or "*" in audited.pattern:
                continue
            context = browser.browser.new_context(viewport={"width": 1280, "height": 900})
            try:
                page = context.new_page()
                requests: list = []
                page.on("requestfinished", lambda r: requests.append(r))
                page.goto(url + audited.pattern, wait_until="load", timeout=TIMEOUT_MS)
                page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
                out[audited.name] = _transferred(requests)
            finally:
                context.close()
    return out


# Material at 6,000 questions fetches and builds a 10 MB index on every fresh page: fewer
# queries there keep the run within minutes.
MATERIAL_QUERIES_AT = {6000: 2}


def search_bench(tmp: Path, sizes: list[int], queries: list[str], logs: Path, progress=print,
                 done=lambda rows: None) -> list[dict]:
    """done(rows) is called after each bank size, with the rows so far."""
    rows = []
    real_n = len(loader.load_bank(REAL_BANK).questions)
    with Browser() as browser:
        for n in sizes:
            data = {} if n <= real_n else synthetic_data(n)
            questions = real_n if n <= real_n else n
            label = "handbook as published" if not data else f"synthetic bank of {n:,}"
            base = tmp / f"search-{n}"
            builds = [(PAGEFIND, pipeline_project(base / "pagefind", data), "pagefind"),
                      (BEFORE, material_search_project(base / "material", data, default=False), "material"),
                      (DEFAULT, material_search_project(base / "default", data, default=True), "material")]
            for name, project, kind in builds:
                site = base / f"{kind}-{name.split()[-1]}-site"
                progress(f"Search, {label}: building {name}")
                build(project, site, logs / f"search-{n}-{kind}-{name.split()[-1]}.log")
                asked = queries if kind == "pagefind" else queries[:MATERIAL_QUERIES_AT.get(n, len(queries))]
                variants = [(name, False)] + ([(LAZY, True)] if name == BEFORE else [])
                for variant, hold in variants:
                    progress(f"  measuring {variant}: {len(asked)} queries")
                    run = measure_site(browser, site, asked, kind, hold)
                    row = {"questions": questions, "site": label, "variant": variant, **run.summary()}
                    if kind == "pagefind":
                        progress("  first visit to each kind of page")
                        row["pages"] = first_visits(browser, site)
                        if not data:
                            progress("  findability on the readers' samples")
                            row["findability"] = findability.measure(browser, site)
                    if row["first_ms"] is None:
                        progress(f"    every search took over {TIMEOUT_MS / 1000:.0f} s")
                        rows.append(row)
                        continue
                    progress(f"    first visit {row['first_visit_bytes'] / 1000:.1f} kB, first search "
                             f"{row['first_search_bytes'] / 1000:.1f} kB in {row['first_ms']:.0f} ms "
                             f"(slowest {row['first_worst_ms']:.0f}), next keystroke {row['keystroke_ms']:.1f} ms "
                             f"(slowest {row['keystroke_worst_ms']:.1f})")
                    rows.append(row)
                shutil.rmtree(site)
                shutil.rmtree(project)
            done(rows)
    return rows
