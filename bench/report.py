"""The benchmark's results as a terminal table and as the site's "How fast" page."""

from __future__ import annotations

KB = 1000  # sizes in kB of 1,000 bytes: the stricter reading of "200 KB"


def _kb(n: int) -> str:
    return f"{n / KB:,.1f}"


def _row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(head: list[str], rows: list[list], align: str | None = None) -> str:
    rule = _row([("---:" if a == "r" else "---") for a in (align or "l" + "r" * (len(head) - 1))])
    return "\n".join([_row(head), rule, *(_row(r) for r in rows)])


def targets(results: dict) -> list[tuple[str, str, bool]]:
    """(target, what was measured, met) for each of the issue's targets that was measured.
    Build targets use CPU time; wall time is given beside it (see the page for why)."""
    out = []
    build = results["build"]
    if build:
        out.append(("Real pipeline at most 1.15x the plain-Markdown floor, at every size",
                    "; ".join(f"{r['cpu_ratio']:.3f}x at {r['questions']:,} (wall time {r['ratio']:.3f}x)"
                              for r in build),
                    all(r["cpu_ratio"] <= 1.15 for r in build)))
        by_n = {r["questions"]: r for r in build}
        if 600 in by_n and 6000 in by_n:
            def growth(site: str, key: str) -> float:
                return by_n[6000][site][key] / by_n[600][site][key]
            out.append(("6,000 questions take at most 11x as long as 600",
                        f"{growth('pipeline', 'cpu_seconds'):.2f}x (wall time "
                        f"{growth('pipeline', 'seconds'):.2f}x; the floor: {growth('floor', 'cpu_seconds'):.2f}x)",
                        growth("pipeline", "cpu_seconds") <= 11))
    return out


def round_ratios(r: dict) -> list[float]:
    """Pipeline over floor CPU time in each round, the two builds of a round run back to back."""
    return [a / b for a, b in zip(r["pipeline"]["all_cpu_seconds"], r["floor"]["all_cpu_seconds"])]


def _build_rows(results: dict) -> list[list]:
    rows = []
    for r in results["build"]:
        p, f = r["pipeline"], r["floor"]
        rounds = round_ratios(r)
        rows.append([f"{r['questions']:,}", p["runs"],
                     f"{p['cpu_seconds']:.2f}", f"{f['cpu_seconds']:.2f}", f"**{r['cpu_ratio']:.3f}**",
                     f"{min(rounds):.2f} to {max(rounds):.2f}",
                     f"{p['seconds']:.2f}", f"{f['seconds']:.2f}", f"{r['ratio']:.3f}",
                     f"{p['peak_mib']:.0f}", f"{f['peak_mib']:.0f}", f"{p['load']:.1f}",
                     f"{r['engine_load']:.2f}", f"{r['engine_render']:.2f}"])
    return rows


_BUILD_HEAD = ["Questions", "Runs", "Pipeline CPU (s)", "Floor CPU (s)", "CPU ratio", "Ratio by round",
               "Pipeline wall (s)", "Floor wall (s)", "Wall ratio",
               "Pipeline peak (MiB)", "Floor peak (MiB)", "Load average",
               "Bank load (s)", "Rendering (s)"]


def _fixed_cost(results: dict) -> str:
    """What the pipeline costs at the smallest bank, and the macros plugin's share of it."""
    row = next((r for r in results["build"] if r.get("no_macros_plugin")), None)
    if row is None:
        return ""
    p, f, plain = row["pipeline"], row["floor"], row["no_macros_plugin"]
    extra_ms = (p["cpu_seconds"] - f["cpu_seconds"]) * 1000
    plugin_ms = (p["cpu_seconds"] - plain["cpu_seconds"]) * 1000
    hooks_ms = (plain["cpu_seconds"] - f["cpu_seconds"]) * 1000
    return (
        f"At {row['questions']:,} questions a build is short, and the pipeline's fixed cost weighs most: "
        f"it takes {extra_ms:.0f} ms of CPU time more than the floor. Built once more without "
        f"mkdocs-macros-plugin (its pages written out beforehand, the hooks kept), the same site takes "
        f"{plain['cpu_seconds']:.2f} s, {plain['cpu_seconds'] / f['cpu_seconds']:.3f}x the floor: the "
        f"plugin accounts for {plugin_ms:.0f} ms. Most of that is paid once per build, whatever the size "
        "of the bank: importing the plugin (it imports `requests`, `hjson` and `super_collections`) and "
        "the twelve `git` commands it runs at start-up to fill its `git` variables, which the handbook "
        "does not use; the rest is a copy of every page for its page variables. The hooks' work "
        "(importing pydantic and building the model's validators, loading and validating the data, "
        "generating the pages and exports, the policy) comes to "
        f"{hooks_ms:+.0f} ms net of what freezing the long-lived objects saves (see below).")


def _index_rows(results: dict) -> list[list]:
    return [[f"{r['questions']:,}", f"{r['index_docs']:,}", _kb(r["search_index"]["raw"]),
             _kb(r["search_index"]["gz"])]
            for r in results["build"]]


_INDEX_HEAD = ["Questions", "Indexed pages", "Index and engine, all files, raw (kB)", "Gzipped (kB)"]


def table(results: dict) -> str:
    """The run's figures as the terminal shows them at the end."""
    search_rows = (results.get("search_v2") or {}).get("rows", [])
    parts = ["Build cost (medians)", _table(_BUILD_HEAD, _build_rows(results)),
             "", "Search index by bank size", _table(_INDEX_HEAD, _index_rows(results)),
             "", "Targets"]
    parts += [f"  [{'met' if ok else 'MISSED'}] {name}: {measured}"
              for name, measured, ok in [*targets(results), *search_targets(search_rows)]]
    return "\n".join(parts)


_LIGHTHOUSE_HEAD = ["Page", "Performance (median)", "Performance (range)", "LCP (ms)", "TBT (ms)",
                    "benchmarkIndex", "Accessibility", "Best Practices", "SEO"]


def _lighthouse_rows(results: dict) -> list[list]:
    return [[name, f"{r['performance']:g}", f"{r['performance_range'][0]}–{r['performance_range'][1]}",
             f"{r['lcp_ms']:,.0f}", f"{r['tbt_ms']:,.0f}", f"{r['benchmark_index']:,.0f}",
             f"{r['accessibility']:g}", f"{r['best-practices']:g}", f"{r['seo']:g}"]
            for name, r in results["lighthouse"]["pages"].items()]


LIGHTHOUSE_START, LIGHTHOUSE_END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"


def _lighthouse(results: dict) -> str:
    if "lighthouse" not in results:
        return ""
    runs = results["lighthouse"]["runs"]
    env = results["lighthouse"].get("env") or results.get("env", {})
    measured = (f"Measured on {env['date']} ({env['cpu']}, {env['cores']} cores, Chromium {env['chromium']}). "
                if env else "")
    return f"""{LIGHTHOUSE_START}
## Lighthouse

{measured}
Lighthouse {results['lighthouse']['version']} with its default mobile settings (simulated
throttling), {runs} runs per page on the handbook as published, served on loopback with gzip;
medians, with the range of the Performance score. Performance, LCP and TBT are timings: they
move with the machine, whose speed Lighthouse reports as benchmarkIndex (higher is faster),
so they are measured here and never decide a test. `make test` holds each page instead to
budgets the page itself decides: Accessibility, Best Practices and SEO at 100, bytes by
resource type, requests, layout shift 0, DOM size and the bytes of the handbook's own
scripts (`quality/lighthouse.py`).

{_table(_LIGHTHOUSE_HEAD, _lighthouse_rows(results), "lrrrrrrrr")}
{LIGHTHOUSE_END}

"""


def with_lighthouse_section(page: str, section: str) -> str:
    """The How fast page with its Lighthouse section replaced (or put before "Run it")."""
    if LIGHTHOUSE_START in page:
        before, rest = page.split(LIGHTHOUSE_START, 1)
        return before + section.rstrip("\n") + rest.split(LIGHTHOUSE_END, 1)[1]
    return page.replace("## Run it", section + "## Run it", 1)


def markdown(results: dict) -> str:
    env = results["env"]
    target_rows = [[name, measured, "met" if ok else "**missed**"] for name, measured, ok in targets(results)]
    return f"""---
search:
  exclude: true
---

<!-- Written by `make bench` (bench/report.py). Edit the script, not this page. -->

# How fast

What the handbook costs to build, to load and to search, measured by `make bench` on
{env['date']}: {env['cpu']}, {env['cores']} cores, Python {env['python']}, MkDocs {env['mkdocs']},
Material for MkDocs {env['material']}, mkdocs-macros-plugin {env['macros']}, Chromium {env['chromium']}.

## Targets

{_table(["Target", "Measured", "Verdict"], target_rows, "lll")}

## Build cost

The handbook is built by a pipeline: mkdocs-macros-plugin fills the home, topic, level,
senior, kit-index and glossary pages from the bank; a hook validates the data files once
per build, adds one page per question, the kit pages and scorecards, redirects for renamed
ids, the practice index and the JSON Schemas, and, once the pages are built, writes the JSON
API, the answer files and the flashcard deck with each answer's HTML taken from its
question page; a second hook gives every page its Content-Security-Policy. Its floor is the
same site written out beforehand as plain Markdown and data files (the answer exports copied
from a pipeline build), built with neither the macros plugin nor any hook: the glossary goes
into the configuration, and its first-mention filter is loaded as a plain Markdown
extension. The benchmark checks that the two sites hold the same files and that every page
is identical byte for byte, apart from the policy `<meta>` the floor lacks; the sitemap,
search index and tag list must hold the same entries, which MkDocs writes in the order it
met the pages.

The banks are synthetic, made to pass the real validation: question *i* has the shape and
tags of the handbook's question *i* modulo the real bank's size (answer length, list lengths,
related questions) and words drawn from that question's own text, so a bank of 600 reads like
eight rewordings of each real question. The first ones keep the real ids, so the real kits and the pages that
link a question by id build too. Each build is `mkdocs build --strict` in a fresh process,
with Python's bytecode cache in use as on any machine that builds twice; the projects take
turns, after one untimed build each. The figures are medians over the runs, and the highest
peak memory (resident set) of a build process.

A build runs on one core. Its CPU time (user and system, of the build and anything it
starts) is the time the build itself takes; its wall time also holds the waits for a core
that other work on the machine causes (the load average at the start of the runs is in the
table). The targets are judged on the ratio of the median CPU times; on an idle machine CPU
and wall time agree. The machine is a virtual one whose speed drifts by 10 to 20% over
minutes, which is why the builds alternate: "Ratio by round" is the lowest and highest
ratio of two builds run back to back.

{_table(_BUILD_HEAD, _build_rows(results))}

{_fixed_cost(results)}

What keeps the pipeline near the floor: the bank is parsed by libyaml and validated once per
build, with Python's cyclic garbage collector paused while the parse makes its many
short-lived objects; what is alive once the data is loaded is then frozen, so the collector
does not scan it again on every full collection; each page is rendered once, and the
exports reuse the answers' HTML from the built pages instead of converting every answer
again; the policy hook hashes each page's inline code while the page is still in memory.

The last two columns time the bank engine alone, in the benchmark's own process
(`python -m bench.engine` does the same): loading and validating the bank with PyYAML's
C loader and pydantic, and rendering every question and topic page. The build does each
once.

## Page weight

What a first visit to each kind of page transfers, at every bank size, is in the Search
section below: nothing of the search index is fetched before the reader searches. The
index itself (Pagefind's files: its script and WebAssembly, the page list, the word chunks,
one fragment per question and the filters), all of it, by bank size; a search fetches a
few of these files.

{_table(_INDEX_HEAD, _index_rows(results))}

{search_section(results['search_v2']) if results.get('search_v2') else ''}

{_lighthouse(results)}## Run it

```sh
make bench
```

It builds every bank several times with each site, one build at a time, then drives Chromium;
the whole run takes about {results['seconds'] / 60:.0f} minutes. The raw figures go to
`bench/out/results.json`.
"""


# The search section, written by `python -m bench --only search` (or the whole bench) between
# these markers, so that a search-only run rewrites it and leaves the rest of the page alone.
SEARCH_START, SEARCH_END = "<!-- search:start -->", "<!-- search:end -->"

_SEARCH_V2_HEAD = ["Questions", "Search", "First visit gz (kB)", "First search fetches gz (kB)",
                   "First keystroke to results (ms, median)", "Slowest (ms)",
                   "Further keystroke (ms, median)", "Slowest (ms)", "Searches"]


def _ms(x) -> str:
    return "over 60 s" if x is None else f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def search_targets(rows: list[dict]) -> list[tuple[str, str, bool]]:
    ours = [r for r in rows if r["variant"].startswith("Pagefind")]
    if not ours:
        return []
    big = max(ours, key=lambda r: r["questions"])
    paged = [r for r in ours if r.get("pages")]
    over = {}  # kind of page: its heaviest first visit over the limit, and at which size
    for r in paged:
        for kind, size in r["pages"].items():
            if size > 100 * KB and size > over.get(kind, (0, 0))[0]:
                over[kind] = (size, r["questions"])
    kinds = len(paged[0]["pages"]) if paged else 0
    pages_target = [] if not paged else [
        ("A first visit to any page at most 100 kB gzipped, at every size",
         "every kind of page within" if not over else
         f"{kinds - len(over)} of {kinds} kinds of page within at every size; over: "
         + "; ".join(f"{kind} {_kb(size)} kB at {n:,}" for kind, (size, n) in sorted(over.items())),
         not over)]
    found = next((r["findability"] for r in ours if r.get("findability")), None)
    find_targets = []
    if found:
        def rate(key: str, of: str = "queries") -> str:
            return "; ".join(f"{name}: {c[key]} of {c[of]} ({c[key] / c[of]:.0%})" for name, c in found.items() if c[of])
        def share(key: str, of: str = "queries") -> float:
            return sum(c[key] for c in found.values()) / max(1, sum(c[of] for c in found.values()))
        find_targets = [
            ("Expected question first for at least 90% of queries", rate("first"), share("first") >= 0.9),
            ("At least one expected question in the top 3 for at least 98% of queries", rate("top3"),
             share("top3") >= 0.98),
            ("Every entry in the top 5 when several treat the concept", rate("several_top5", "several"),
             share("several_top5", "several") == 1),
        ]
    return [
        *find_targets,
        ("Home page's first visit at most 100 kB gzipped, nothing of the index fetched before a search",
         "; ".join(f"{_kb(r['first_visit_bytes'])} kB at {r['questions']:,}" for r in ours),
         all(r["first_visit_bytes"] <= 100 * KB for r in ours)),
        *pages_target,
        (f"First keystroke to first results at most 300 ms at {big['questions']:,} questions, loading included",
         f"median {_ms(big['first_ms'])} ms, slowest {_ms(big['first_worst_ms'])} ms",
         big["first_worst_ms"] <= 300),
        ("Each further keystroke at most 50 ms",
         "; ".join(f"median {_ms(r['keystroke_ms'])} ms, slowest {_ms(r['keystroke_worst_ms'])} ms at {r['questions']:,}"
                   for r in ours),
         all(r["keystroke_worst_ms"] <= 50 for r in ours)),
    ]


def search_section(search: dict) -> str:
    rows = search["rows"]
    def kb(x):
        return "–" if x is None else _kb(x)
    table_rows = [[f"{r['questions']:,}", r["variant"], kb(r["first_visit_bytes"]), kb(r["first_search_bytes"]),
                   _ms(r["first_ms"]), _ms(r["first_worst_ms"]), _ms(r["keystroke_ms"]), _ms(r["keystroke_worst_ms"]),
                   r["searches"] + r.get("timed_out", 0)] for r in rows]
    target_rows = [[name, measured, "met" if ok else "**missed**"] for name, measured, ok in search_targets(rows)]
    env = search["env"]
    return f"""{SEARCH_START}
## Search

Measured by `python -m bench --only search` on {env['date']} ({env['cpu']}, {env['cores']} cores,
Chromium {env['chromium']}, Pagefind {env['pagefind']}), in {search['seconds'] / 60:.1f} minutes.

{_table(["Target", "Measured", "Verdict"], target_rows, "lll")}

The site's search is Pagefind: a hook indexes the question pages after every build, and the
browser fetches nothing of it until the reader starts to search (focus in the box, a key, a
shortcut or a `?q=` address); then it loads Pagefind's script and WebAssembly, the index
chunks the query's words need and one small fragment per result shown. Beside it, the same
site built with Material's search plugin: *as before* (the site's configuration until now:
English, the entries' metadata kept out of the index), *Material default* (the plugin at its
defaults), and *index on first use*, the *as before* build with the index request held back
until the reader focuses the box, which is what Material would cost if it loaded its index
lazily: the whole index is fetched and built before the first result.

In Chromium on loopback, each query on a fresh page (new browser context, empty cache), the
site served gzipped as its host serves it. *First visit*: what the home page transferred
until the network was idle (every kind of page: the second table). *First keystroke to results*: from the focus of the box (which
starts any loading) through the query typed to its results on screen. *Further keystroke*:
the last key deleted and typed again, from its keydown to its results. The queries are the
readers' sample from the search tests ({', '.join(search['queries'])}); for Material at
6,000 questions only the first {search['material_queries_at_6000']}, as each fresh page
fetches and builds its whole index. A search with no results after 60 s is stopped and
shows as "over 60 s".

{_table(_SEARCH_V2_HEAD, table_rows)}
{_pages_table(rows)}
{SEARCH_END}"""


def _pages_table(rows: list[dict]) -> str:
    ours = [r for r in rows if r["variant"].startswith("Pagefind") and r.get("pages")]
    if not ours:
        return ""
    kinds = list(ours[0]["pages"])
    body = [[kind, *(_kb(r["pages"][kind]) if kind in r["pages"] else "–" for r in ours)] for kind in kinds]
    return f"""
A first visit to one page of each kind (the kinds the browser tests audit), on this site:
what it transferred, gzipped, until the network was idle. Pages that show one question, a
kit or a fixed text weigh the same at any size; the pages that list every question of a
topic, a tag or a level grow with the bank, and so does the practice page (its list of every
question, `api/practice.json`). The kit pages fetch a file per question they show
(`api/kit/<id>.json`), so an empty kit's first visit stays small.

{_table(["Page", *(f"{r['questions']:,} questions (kB)" for r in ours)], body, "l" + "r" * len(ours))}
"""


def with_search_section(page: str, section: str) -> str:
    """The How fast page with its search section replaced (or put before "Run it")."""
    if SEARCH_START in page:
        before, rest = page.split(SEARCH_START, 1)
        return before + section + rest.split(SEARCH_END, 1)[1]
    start = page.index("## Search time") if "## Search time" in page else page.index("## Run it")
    return page[:start] + section + "\n\n" + page[page.index("## Run it"):]
