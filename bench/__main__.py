"""`make bench`: what the handbook costs to build, to load and to search.

Builds run one after another (the machine has two cores; a parallel build would measure
contention). Results go to bench/out/results.json, a table to the terminal and the report
to docs/how-fast.md, which the site shows as "How fast".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import date
from importlib.metadata import version
from pathlib import Path

import yaml

from macros import loader, render
from quality import lighthouse

from . import report
from .builds import build, compare
from .engine import time_engine
from .projects import (ROOT, compare_sites, floor_project, no_macros_plugin_project,
                       pipeline_project)
from .search_bench import MATERIAL_QUERIES_AT, search_bench
from .search_time import Browser
from .synthetic import REAL_BANK, synthetic_data
from .weight import size_of

OUT = ROOT / "bench" / "out"
QUERIES = ROOT / "tests" / "search-queries.yaml"  # what readers type, from the search tests


def _say(*parts) -> None:
    print(*parts, flush=True)


def _versions(browser_version: str) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"date": date.today().isoformat(), "cpu": cpu, "cores": os.cpu_count(),
            "python": platform.python_version(), "mkdocs": version("mkdocs"),
            "material": version("mkdocs-material"), "macros": version("mkdocs-macros-plugin"),
            "pyyaml": version("PyYAML"), "chromium": browser_version}


# Small banks build in about a second, where the machine's noise weighs most: more runs.
DEFAULT_RUNS = {100: 15, 600: 9}  # runs for banks up to this size
MIN_RUNS = 5


def _check_same_site(pipeline_site: Path, floor_site: Path, what: str, policy_in_b: bool = False):
    same = compare_sites(pipeline_site, floor_site, policy_in_b)
    if same.only_in_a or same.only_in_b or same.differing:
        raise SystemExit(f"The floor is not the same site for {what}: only in the pipeline "
                         f"{same.only_in_a[:5]}, only in the floor {same.only_in_b[:5]}, "
                         f"differing files {same.differing[:5]}")
    return same


def build_cost(tmp: Path, sizes: list[int], runs: int | None, logs: Path) -> tuple[list[dict], dict[int, Path]]:
    rows, sites = [], {}
    for n in sizes:
        n_runs = runs or next((r for size, r in DEFAULT_RUNS.items() if n <= size), MIN_RUNS)
        _say(f"Bank of {n} questions: generating, writing the floor")
        data = synthetic_data(n)
        text = data["questions.yaml"]
        base = tmp / str(n)
        (logs / str(n)).mkdir(parents=True, exist_ok=True)
        pipeline, pipe_site, floor_site = pipeline_project(base / "pipeline", data), base / "pipeline-site", base / "floor-site"
        build(pipeline, pipe_site, logs / str(n) / "pipeline-first.log")  # the floor takes its exports
        floor = floor_project(base / "floor", data, pipe_site)
        projects = [(pipeline, pipe_site), (floor, floor_site)]
        if n == min(sizes):  # where the fixed cost weighs most: what the macros plugin's share is
            plain = no_macros_plugin_project(base / "no-macros-plugin", data)
            projects.append((plain, base / "no-macros-plugin-site"))
        p, f, *rest = compare(*projects, runs=n_runs, logs=logs / str(n), progress=_say)
        same = _check_same_site(pipe_site, floor_site, f"{n} questions")
        bank_file = base / "bank.yaml"
        bank_file.write_text(text, encoding="utf-8")
        load, rendering = time_engine(loader, render, bank_file, 3 if n < 6000 else 2)
        rows.append({
            "questions": n, "bank_bytes": len(text.encode()),
            "pipeline": asdict(p), "floor": asdict(f), "ratio": p.seconds / f.seconds,
            "cpu_ratio": p.cpu_seconds / f.cpu_seconds,
            "no_macros_plugin": asdict(rest[0]) if rest else None,
            "engine_load": load, "engine_render": rendering,
            "identical_html_pages": same.html_pages,
            "search_index": asdict(_index_size(pipe_site)),
            "index_docs": len(list((pipe_site / "pagefind" / "fragment").glob("*.pf_fragment"))),
        })
        _say(f"  medians: pipeline {p.seconds:.2f} s ({p.cpu_seconds:.2f} s CPU), floor {f.seconds:.2f} s "
             f"({f.cpu_seconds:.2f} s CPU): {p.cpu_seconds / f.cpu_seconds:.3f}x in CPU time, "
             f"{p.seconds / f.seconds:.3f}x in wall time")
        if rest:
            _check_same_site(pipe_site, projects[2][1], f"{n} questions without the macros plugin", True)
        for path in [floor_site, floor, *(x for pair in projects[2:] for x in pair)]:
            shutil.rmtree(path)
        if n <= 600:
            sites[n] = pipe_site
        else:
            shutil.rmtree(pipe_site)  # hundreds of megabytes; not searched
    return rows, sites


def _index_size(site: Path):
    """Every file of the Pagefind index and engine, added up (a search fetches a few)."""
    total = size_of(site / "pagefind" / "pagefind.js")
    for path in (site / "pagefind").rglob("*"):
        if path.is_file() and path.name != "pagefind.js":
            total = total + size_of(path)
    return total


def _lighthouse(site: Path, runs: int) -> dict:
    reports = lighthouse.run(site, runs)
    version = next(iter(reports.values()))[0]["lighthouseVersion"]
    return {"runs": runs, "version": version, "pages": lighthouse.summary(reports)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+",
                        help="bank sizes (default: the real bank's size, 600 and 6,000; none below the real bank's)")
    parser.add_argument("--runs", type=int, help="timed builds per size and site (default: "
                        f"{', '.join(f'{r} up to {n}' for n, r in DEFAULT_RUNS.items())}, else {MIN_RUNS})")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--report", default="docs/how-fast.md", help="where to write the page ('-': nowhere)")
    parser.add_argument("--rewrite-report", action="store_true",
                        help="measure nothing: write the page again from bench/out/results.json")
    parser.add_argument("--only", choices=["search", "lighthouse"],
                        help="search: only the search comparison (Pagefind against Material's search, "
                             "at --sizes, default the real bank, 600 and 6,000); rewrites only the "
                             "search section of the page. lighthouse: only Lighthouse on the "
                             "handbook as it is; rewrites only the Lighthouse section")
    parser.add_argument("--keep-other-sizes", action="store_true",
                        help="with --only search: keep the rows of bench/out/search.json for the sizes not measured now")
    args = parser.parse_args(argv)
    real_n = len(loader.load_bank(REAL_BANK).questions)
    args.sizes = args.sizes or [real_n, 600, 6000]
    if min(args.sizes) < real_n:
        # A synthetic bank keeps every real id, so that the kits and the pages linking a
        # question by id build against it.
        parser.error(f"--sizes: {min(args.sizes)} is below the real bank's {real_n} questions")
    if args.only == "search":
        return _search_only(args)
    if args.only == "lighthouse":
        return _lighthouse_only(args)
    if args.rewrite_report:
        _write_report(json.loads((OUT / "results.json").read_text()), args.report)
        return 0
    queries = [q["query"] for q in yaml.safe_load(QUERIES.read_text())["queries"]]
    started = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    logs = OUT / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir()

    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp_name:
        tmp = Path(tmp_name)
        _say("The handbook as it is: one build (also warms the disk cache and imports)")
        real = pipeline_project(tmp / "real" / "pipeline", {})
        real_site = tmp / "real" / "site"
        build(real, real_site, logs / "real.log")
        real_floor_site = tmp / "real" / "floor-site"
        build(floor_project(tmp / "real" / "floor", {}, real_site), real_floor_site, logs / "real-floor.log")
        _check_same_site(real_site, real_floor_site, "the handbook as it is")

        rows, sites = build_cost(tmp, args.sizes, args.runs, logs)

        with Browser() as browser:
            env = _versions(browser.version)
        search = {"env": {**env, "pagefind": version("pagefind")}, "queries": queries,
                  "material_queries_at_6000": MATERIAL_QUERIES_AT[6000], "seconds": 0.0}
        search_started = time.perf_counter()
        search["rows"] = search_bench(tmp, args.sizes, queries, logs, progress=_say)
        search["seconds"] = time.perf_counter() - search_started

        _say("Lighthouse on the representative pages of the handbook as published")
        lighthouse_results = _lighthouse(real_site, args.lighthouse_runs)

    results = {"env": env, "sizes": args.sizes, "queries": queries, "lighthouse": lighthouse_results,
               "build": rows,
               "search_v2": search, "seconds": time.perf_counter() - started}
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    _write_report(results, args.report)
    _say(f"Benchmark took {results['seconds'] / 60:.1f} minutes")
    return 0


def _lighthouse_only(args) -> int:
    with tempfile.TemporaryDirectory(prefix="handbook-bench-lighthouse-") as tmp:
        site = Path(tmp) / "site"
        OUT.mkdir(parents=True, exist_ok=True)
        build(pipeline_project(Path(tmp) / "project", {}), site, OUT / "lighthouse-build.log")
        with Browser() as browser:
            env = _versions(browser.version)
        _say(f"Lighthouse, {args.lighthouse_runs} runs per page")
        results = {"lighthouse": {**_lighthouse(site, args.lighthouse_runs), "env": env}}
    return _write_section(report._lighthouse(results), report.with_lighthouse_section, "Lighthouse", args.report)


def _search_only(args) -> int:
    from .search_bench import MATERIAL_QUERIES_AT, search_bench
    queries = [q["query"] for q in yaml.safe_load(QUERIES.read_text())["queries"]]
    started = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    logs = OUT / "logs"
    logs.mkdir(exist_ok=True)
    partial = OUT / "search-partial.json"  # the rows so far, should the run be stopped

    def save(rows):
        partial.write_text(json.dumps(rows, indent=2) + "\n")

    with tempfile.TemporaryDirectory(prefix="handbook-bench-search-") as tmp:
        rows = search_bench(Path(tmp), args.sizes, queries, logs, progress=_say, done=save)
    if args.keep_other_sizes and (OUT / "search.json").exists():
        measured = {r["questions"] for r in rows}
        kept = [r for r in json.loads((OUT / "search.json").read_text())["rows"] if r["questions"] not in measured]
        rows = sorted(kept + rows, key=lambda r: r["questions"])
    with Browser() as browser:
        env = _versions(browser.version)
    env["pagefind"] = version("pagefind")
    search = {"env": env, "queries": queries, "material_queries_at_6000": MATERIAL_QUERIES_AT[6000],
              "rows": rows, "seconds": time.perf_counter() - started}
    (OUT / "search.json").write_text(json.dumps(search, indent=2) + "\n")
    return _write_section(report.search_section(search), report.with_search_section, "Search", args.report)


def _write_section(section: str, replace, name: str, where: str) -> int:
    """Show one section of the How fast page and put it in place, leaving the rest alone."""
    _say(section)
    if where != "-":
        path = ROOT / where
        path.write_text(replace(path.read_text(encoding="utf-8"), section), encoding="utf-8")
        _say(f"\n{name} section written to {path.relative_to(ROOT)}")
    return 0


def _write_report(results: dict, where: str) -> None:
    _say("")
    _say(report.table(results))
    if where != "-":
        path = ROOT / where
        path.write_text(report.markdown(results), encoding="utf-8")
        _say(f"\nReport written to {where}")


if __name__ == "__main__":
    sys.exit(main())
