"""Search latency in Debian's Chromium, driven by Playwright, on a fresh page each time.

For every query: a new browser context (empty cache) opens the home page and waits until
Material says "Type to start searching" (its worker has fetched the index and built it);
that wait is reported too. The query minus its last character goes into the box without
a key event, so Material searches nothing yet; then the last key is pressed. The time runs
from that key's keyup (Material searches on keyup) to the first result item in the list,
both read from the page's own clock.
"""

from __future__ import annotations

import os
import shutil
import statistics
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

from quality.serve import serving as served  # the site as its static host serves it (gzip)

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
READY = "Type to start searching"
TIMEOUT_MS = 60_000

_WATCH = """() => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const meta = document.querySelector(".md-search-result__meta");
  const bench = window.__bench = {key: null, first: null, none: false};
  input.addEventListener("keyup", e => { bench.key = e.timeStamp; }, true);
  new MutationObserver(() => {
    if (bench.key === null || bench.first !== null) return;
    if (list.querySelector(".md-search-result__item")) bench.first = performance.now();
  }).observe(list, {childList: true, subtree: true});
  new MutationObserver(() => {
    if (bench.key !== null && bench.first === null && meta.textContent.includes("No matching")) bench.none = true;
  }).observe(meta, {childList: true, subtree: true, characterData: true});
}"""


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise SystemExit("Chromium is missing: `make bench` installs Debian's chromium package as root")
    return path


@dataclass
class SearchTimes:
    latencies_ms: list[float] = field(default_factory=list)
    ready_ms: list[float] = field(default_factory=list)
    no_results: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def worst_ms(self) -> float:
        return max(self.latencies_ms)

    @property
    def ready_median_ms(self) -> float:
        return statistics.median(self.ready_ms)


class Browser:
    def __enter__(self):
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        self.version = self.browser.version
        return self

    def __exit__(self, *exc):
        self.browser.close()
        self._pw.stop()

    @contextmanager
    def fresh_page(self):
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            yield context.new_page()
        finally:
            context.close()

    def time_query(self, url: str, query: str) -> tuple[float, float | None]:
        """(ms until search was ready, ms from last keyup to first result or None)."""
        with self.fresh_page() as page:
            page.goto(url)
            ready = page.wait_for_function(
                f"() => document.querySelector('.md-search-result__meta')?.textContent.includes({READY!r})"
                " && performance.now()", polling="raf", timeout=TIMEOUT_MS).json_value()
            page.evaluate(_WATCH)
            page.locator("label.md-search__icon, .md-search__input").first.click()
            page.wait_for_timeout(250)  # Material searches once on focus; let that pass
            box = page.locator("input.md-search__input")
            box.fill(query[:-1])  # no key event: no search yet
            page.wait_for_timeout(100)
            if page.locator(".md-search-result__item").count():
                raise RuntimeError(f"results showed before the last key of {query!r}")
            box.press(query[-1])
            page.wait_for_function("() => window.__bench.first !== null || window.__bench.none",
                                   polling="raf", timeout=TIMEOUT_MS)
            bench = page.evaluate("window.__bench")
            if bench["first"] is None:
                return ready, None
            return ready, bench["first"] - bench["key"]

    def first_visit_requests(self, url: str) -> list[str]:
        """Site paths of every request a first visit makes, once search is ready."""
        seen: list[str] = []
        with self.fresh_page() as page:
            page.on("request", lambda r: seen.append(r.url))
            page.goto(url)
            page.wait_for_function(
                f"() => document.querySelector('.md-search-result__meta')?.textContent.includes({READY!r})",
                timeout=TIMEOUT_MS)
            page.wait_for_load_state("networkidle")
        root = urlparse(url)
        base = f"{root.scheme}://{root.netloc}"
        return [u[len(base):].lstrip("/") if u.startswith(base) else u for u in seen]


@dataclass
class Paired:
    """Two sites searched query by query, alternating which goes first."""
    a: SearchTimes
    b: SearchTimes
    a_faster: int = 0
    pairs: int = 0


def measure_pair(browser: Browser, site_a: Path, site_b: Path, queries: list[str], rounds: int,
                 progress=print) -> Paired:
    paired = Paired(SearchTimes(), SearchTimes())
    with served(site_a) as url_a, served(site_b) as url_b:
        for r in range(rounds):
            for query in queries:
                order = [(url_a, paired.a), (url_b, paired.b)]
                latency = {}
                for url, times in (order if r % 2 == 0 else order[::-1]):
                    ready, latency[id(times)] = browser.time_query(url, query)
                    times.ready_ms.append(ready)
                    if latency[id(times)] is None:
                        times.no_results.append(query)
                    else:
                        times.latencies_ms.append(latency[id(times)])
                a, b = latency[id(paired.a)], latency[id(paired.b)]
                if a is not None and b is not None:
                    paired.pairs += 1
                    paired.a_faster += a < b
    for name, times in (("first", paired.a), ("second", paired.b)):
        progress(f"  {name}: {len(times.latencies_ms)} searches, median {times.median_ms:.1f} ms, "
                 f"slowest {times.worst_ms:.1f} ms; index ready after {times.ready_median_ms:.0f} ms")
    progress(f"  the first was faster in {paired.a_faster} of {paired.pairs} pairs")
    return paired


def measure(browser: Browser, site: Path, queries: list[str], rounds: int, progress=print) -> SearchTimes:
    times = SearchTimes()
    with served(site) as url:
        for r in range(rounds):
            for query in queries:
                ready, latency = browser.time_query(url, query)
                times.ready_ms.append(ready)
                if latency is None:
                    times.no_results.append(query)
                else:
                    times.latencies_ms.append(latency)
        progress(f"  {len(times.latencies_ms)} searches: median {times.median_ms:.1f} ms, "
                 f"slowest {times.worst_ms:.1f} ms; index ready after {times.ready_median_ms:.0f} ms")
    return times
