"""Run Lighthouse (the pinned npm package) on the representative pages and check budgets.

    python -m quality.lighthouse [SITE_DIR] [--runs N] [--json FILE]

Serves the built site like a static host (gzip), drives Debian's Chromium headless with
Lighthouse's default mobile settings, prints every score with the timings behind
Performance, and exits non-zero when a page misses a budget.

Only what the page itself decides is a budget: Accessibility, Best Practices and SEO, and
the bytes, requests, layout shift, DOM size and script bytes below. Performance, LCP and
TBT are timings: they differ between machines of the same kind and between runs on one, so
they are printed and reported on the How fast page (`make bench`), never a pass or fail.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .pages import LIGHTHOUSE_PAGES, resolve
from .serve import serving

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Scores that are budgets: they depend on the page, not on the machine's speed.
SCORE_BUDGETS = {"accessibility": 100, "best-practices": 100, "seo": 100}
# Timings behind the Performance score: reported, never budgets.
TIMINGS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time", "fcp_ms": "first-contentful-paint"}


@dataclass(frozen=True)
class Budget:
    """What one page may cost. Bytes are as transferred (gzipped), by Lighthouse's
    resource types; script bytes are uncompressed, the work a browser parses and runs."""

    total_kb: float = 105       # a first visit; the search index loads only on a search
    document_kb: float = 45
    script_kb: float = 56       # Material's bundle (~37), the reader tools' modules and search.js
    stylesheet_kb: float = 30
    other_kb: float = 10        # JSON a page's tools fetch; no sitemap (instant navigation is off), no search index
    font_kb: float = 0          # no web fonts
    image_kb: float = 5
    # 11 for the page, the theme and search; the rest are the reader tools' ES modules (one
    # per tool, no bundler: docs/assets/main.js and what it imports), fetched in parallel once
    # main.js is parsed, after the first paint.
    requests: int = 20
    dom_elements: int = 1500
    own_script_kb: float = 45   # the handbook's own scripts, uncompressed (not the theme's); search.js is 13
    layout_shift: float = 0.0


BUDGETS: dict[str, Budget] = {name: Budget() for name in LIGHTHOUSE_PAGES}
# A topic page holds a dozen entries, and a scorecard a form for every question of its kit.
BUDGETS["topic"] = Budget(document_kb=60, total_kb=135, dom_elements=2600)
BUDGETS["scorecard"] = Budget(document_kb=45, dom_elements=1800)
# The practice page deals, rates and keeps the practice history (dealing, the rating
# controls, the history panel and its import checks: ~44 kB of modules, 3 more requests);
# the FSRS library (ts-fsrs, 61 kB) loads only once an answer is shown, never on load.
BUDGETS["practice"] = Budget(total_kb=115, script_kb=62, other_kb=16, requests=24, own_script_kb=61)

THEME_SCRIPTS = "assets/javascripts/"  # Material's bundle and its search worker


def chromium() -> str:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise SystemExit("Chromium is missing: `make test` installs Debian's chromium package as root")
    return path


def audit(url: str) -> dict:
    """Lighthouse's JSON report (LHR) for one URL."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: `make test` (or `make lighthouse`) installs it with npm ci")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=" + ",".join(CATEGORIES),
             "--chrome-flags=--headless --no-sandbox"],
            env={**os.environ, "CHROME_PATH": chromium()},
            capture_output=True, text=True, timeout=300,
        )
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-4000:]}")
        return json.loads(report.read_text())


def scores(lhr: dict) -> dict[str, int]:
    return {c: round(lhr["categories"][c]["score"] * 100) for c in CATEGORIES}


def timings(lhr: dict) -> dict[str, float]:
    out = {key: round(lhr["audits"][audit_id]["numericValue"]) for key, audit_id in TIMINGS.items()}
    out["benchmark_index"] = round(lhr["environment"]["benchmarkIndex"])
    return out


def failing_audits(lhr: dict, category: str) -> list[str]:
    """Audits that cost the category points, to say why a budget was missed."""
    out = []
    for ref in lhr["categories"][category]["auditRefs"]:
        result = lhr["audits"][ref["id"]]
        if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
            out.append(f"{ref['id']} ({result['score']:.2f}): {result.get('displayValue', '')}".rstrip(": "))
    return out


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def measures(lhr: dict) -> dict[str, float]:
    """What the page costs, from the report's network records and DOM: no clock involved."""
    by_type = {item["resourceType"]: item for item in lhr["audits"]["resource-summary"]["details"]["items"]}
    requests = lhr["audits"]["network-requests"]["details"]["items"]
    site = _origin(lhr["finalDisplayedUrl"])
    own_scripts = [r for r in requests if r["resourceType"] == "Script" and _origin(r["url"]) == site
                   and THEME_SCRIPTS not in r["url"]]
    blocking = lhr["audits"]["render-blocking-resources"].get("details", {}).get("items", [])
    return {
        **{f"{kind}_kb": by_type[kind]["transferSize"] / 1000
           for kind in ("total", "document", "script", "stylesheet", "other", "font", "image")},
        "requests": by_type["total"]["requestCount"],
        "other_origin_requests": sum(_origin(r["url"]) != site for r in requests
                                     if not r["url"].startswith(("data:", "blob:"))),
        "other_origin_render_blocking": sum(_origin(b["url"]) != site for b in blocking),
        "dom_elements": lhr["audits"]["dom-size"]["numericValue"],
        "own_script_kb": sum(r["resourceSize"] for r in own_scripts) / 1000,
        "layout_shift": lhr["audits"]["cumulative-layout-shift"]["numericValue"],
    }


def misses(lhr: dict, budget: Budget) -> list[str]:
    """Every budget the page misses, each with what it measured."""
    out = [f"{c} {s} < {SCORE_BUDGETS[c]}: " + "; ".join(failing_audits(lhr, c))
           for c, s in scores(lhr).items() if c in SCORE_BUDGETS and s < SCORE_BUDGETS[c]]
    measured = measures(lhr)
    for key, limit in vars(budget).items():
        if measured[key] > limit:
            out.append(f"{key} {measured[key]:g} > {limit:g}")
    for key in ("other_origin_requests", "other_origin_render_blocking"):
        if measured[key]:
            out.append(f"{key}: {measured[key]:g}")
    if lhr.get("runtimeError"):
        out.append(f"Lighthouse runtime error: {lhr['runtimeError']}")
    return out


def run(site: Path, runs: int = 1, pages: tuple[str, ...] = LIGHTHOUSE_PAGES) -> dict[str, list[dict]]:
    """Name -> one LHR per run, for each representative page of the built site at `site`."""
    paths = resolve(site)
    reports: dict[str, list[dict]] = {}
    with serving(site) as base:
        for name in pages:
            reports[name] = [audit(base + paths[name]) for _ in range(runs)]
    return reports


def summary(reports: dict[str, list[dict]]) -> dict[str, dict]:
    """Per page: the median of each score and timing over its runs, and the runs' range."""
    out = {}
    for name, lhrs in reports.items():
        rows = [{**scores(lhr), **timings(lhr)} for lhr in lhrs]
        out[name] = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
        out[name]["performance_range"] = [min(r["performance"] for r in rows), max(r["performance"] for r in rows)]
        out[name]["runs"] = len(rows)
    return out


def table(reports: dict[str, list[dict]]) -> str:
    head = ["page", *CATEGORIES, "LCP ms", "TBT ms", "benchmarkIndex"]
    lines = ["  ".join(f"{h:>14}" for h in head)]
    for name, row in summary(reports).items():
        cells = [name, *(row[c] for c in CATEGORIES), row["lcp_ms"], row["tbt_ms"], row["benchmark_index"]]
        lines.append("  ".join(f"{c:>14}" if isinstance(c, str) else f"{c:>14g}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="built site (default: site)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the table shows medians (default 3)")
    parser.add_argument("--json", type=Path, help="also write every report to this file")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} holds no built site: run `make build` first")
    reports = run(args.site, args.runs)
    print(table(reports))
    print("\nPerformance, LCP and TBT are timings: they vary with the machine (benchmarkIndex) and "
          "are reported, not budgets.")
    if args.json:
        args.json.write_text(json.dumps(reports))
    failed = False
    for name, lhrs in reports.items():
        for miss in misses(lhrs[0], BUDGETS[name]):
            failed = True
            print(f"{name}: {miss}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
