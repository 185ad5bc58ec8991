"""Run Lighthouse (the pinned npm package) once per audited page and print the scores.

    python -m quality.lighthouse [SITE_DIR] [--json FILE]

Serves the built site like a static host (gzip), drives Debian's Chromium headless with
Lighthouse's default mobile settings, and exits non-zero when a score misses its budget.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .pages import resolve
from .serve import serving

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def chromium() -> str:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise SystemExit("Chromium is missing: `make test` installs Debian's chromium package as root")
    return path


def audit(url: str) -> dict:
    """Lighthouse's JSON report (LHR) for one URL."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make node_modules` (or `make test`)")
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


def failing_audits(lhr: dict, category: str) -> list[str]:
    """Audits that cost the category points, to say why a budget was missed."""
    refs = lhr["categories"][category]["auditRefs"]
    out = []
    for ref in refs:
        result = lhr["audits"][ref["id"]]
        if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
            out.append(f"{ref['id']} ({result['score']:.2f}): {result.get('displayValue', '')}".rstrip(": "))
    return out


def misses(page_scores: dict[str, int]) -> list[str]:
    return [f"{c} {s} < {BUDGETS[c]}" for c, s in page_scores.items() if s < BUDGETS[c]]


# Lighthouse's Performance score moves by a few points between runs of the same page (its
# docs on variability advise the median of several runs), so each page is audited RUNS
# times and the run with the median Performance score is the page's report.
RUNS = 5


def median_report(lhrs: list[dict]) -> dict:
    ranked = sorted(lhrs, key=lambda lhr: lhr["categories"]["performance"]["score"])
    return ranked[len(ranked) // 2]


def run(site: Path, runs: int = RUNS) -> dict[str, dict]:
    """Name -> LHR (the median run) for every audited page of the built site at `site`."""
    reports = {}
    with serving(site) as base:
        for name, path in resolve(site).items():
            reports[name] = median_report([audit(base + path) for _ in range(runs)])
    return reports


def table(reports: dict[str, dict]) -> str:
    lines = [f"{'page':<10} " + " ".join(f"{c:>14}" for c in CATEGORIES)]
    for name, lhr in reports.items():
        s = scores(lhr)
        lines.append(f"{name:<10} " + " ".join(f"{s[c]:>14}" for c in CATEGORIES))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="built site (default: site)")
    parser.add_argument("--json", type=Path, help="also write every report to this file")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} holds no built site: run `make build` first")
    reports = run(args.site)
    print(table(reports))
    if args.json:
        args.json.write_text(json.dumps(reports))
    failed = False
    for name, lhr in reports.items():
        for miss in misses(scores(lhr)):
            failed = True
            category = miss.split()[0]
            print(f"{name}: {miss}; " + "; ".join(failing_audits(lhr, category)), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
