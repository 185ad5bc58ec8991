"""MkDocs hook: index the built site for search with Pagefind, after every build.

Pagefind (the pinned `pagefind[bin]` package; its binary ships in the wheel) reads the
question pages (`q/*/index.html`: one result per question) and writes a chunked index to
`pagefind/` in the site, with the search script and its WebAssembly. The browser fetches
none of it until a reader starts to search, and then only the chunks a query needs
(docs/assets/search.js).

What is indexed, and how much each part counts, is set in the pages themselves by
macros/render.py: `data-pagefind-weight` on the question, summary, listen-for and answer,
`data-pagefind-ignore` on what only describes an entry, and a hidden block with the tags
and other spellings of its terms. The result's title is the question (the page's `h1`).

Runs in `mkdocs serve` too, so search works after every rebuild. It needs no MkDocs API but
the site directory, so the benchmark's plain-Markdown floor uses it as it is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

OUTPUT = "pagefind"
PAGES = "q/*/index.html"
# The permalink sign after each heading, and Material's tag chips above the question.
EXCLUDE = ".headerlink, .md-tags, .md-source-file"
# What Pagefind writes that the site does not use: its ready-made interfaces (the site shows
# results in Material's dialog), its highlighting script (search.js marks the terms) and the
# engine for pages of no language (every page is in English).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind")


def index_site(site: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", OUTPUT,
               "--glob", PAGES, "--root-selector", "article", "--exclude-selectors", EXCLUDE,
               "--force-language", "en", "--quiet"]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0 or not (site / OUTPUT / "pagefind.js").is_file():
        raise Abort(f"Pagefind could not index the site:\n{run.stdout}{run.stderr}")
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)


def on_post_build(config) -> None:
    index_site(Path(config.site_dir))
