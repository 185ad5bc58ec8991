"""The pages every browser audit visits: one page of each kind the site has.

AUDITED_PAGES is the one list to extend when a new kind of page lands. A pattern with `*`
stands for a family of pages and audits the first one the site has, in sorted order. A
pattern ending in ".html" is a file (the 404 page); any other pattern is a folder whose
index.html is the page. A page that is not `required` is audited once the site has it, so
a family can be listed before its first page lands. Pages whose `site` is "fixture" exist
only in the fixture bank's site (the real bank has renamed no question yet, so its alias
redirects are audited there).

LIGHTHOUSE_PAGES are the representative pages Lighthouse audits: every kind is covered by
axe and the same-origin check, and Lighthouse adds budgets for weight and layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AuditedPage:
    name: str
    pattern: str  # site-relative URL path ending in "/" (or ".html"), or "" for the home page
    required: bool = True
    site: str = "real"  # "real": the handbook as built; "fixture": the fixture bank's site


AUDITED_PAGES: tuple[AuditedPage, ...] = (
    AuditedPage("home", ""),
    # The largest topic page: the worst case for weight and layout.
    AuditedPage("topic", "topics/deployment-serving/"),
    AuditedPage("question", "q/canary-deployment/"),
    AuditedPage("alias redirect", "q/canary-release/", site="fixture"),
    AuditedPage("kits index", "kits/"),
    AuditedPage("kit", "kits/technical-60-mid/"),
    AuditedPage("scorecard", "kits/technical-60-mid/scorecard/"),
    # The kit builder and its scorecard, as a first visit sees them (no kit yet);
    # tests/browser/test_kit_builder.py audits them again holding a kit.
    AuditedPage("my kit", "kits/my-kit/"),
    AuditedPage("my kit scorecard", "kits/my-kit/scorecard/"),
    AuditedPage("practice", "practice/"),
    AuditedPage("levels", "levels/"),
    AuditedPage("senior track", "senior/"),
    AuditedPage("tags", "tags/"),
    AuditedPage("glossary", "glossary/"),
    AuditedPage("hiring", "hiring/"),
    AuditedPage("how fast", "how-fast/"),
    AuditedPage("about: contributing", "about/contributing/"),
    AuditedPage("about: changelog", "about/changelog/"),
    AuditedPage("about: licence", "about/licence/"),
    AuditedPage("404", "404.html"),
)

LIGHTHOUSE_PAGES: tuple[str, ...] = ("home", "topic", "question", "kit", "scorecard", "practice")


class MissingPage(LookupError):
    pass


def resolve(site: Path, pages: tuple[AuditedPage, ...] = AUDITED_PAGES, kind: str = "real") -> dict[str, str]:
    """Map each page of the `kind` site to the URL path it has in the built site at `site`."""
    found: dict[str, str] = {}
    for page in pages:
        if page.site != kind:
            continue
        if page.pattern.endswith(".html"):
            matches = sorted(site.glob(page.pattern))
        else:
            matches = [m.parent for m in sorted(site.glob(page.pattern + "index.html"))]
        if matches:
            path = matches[0].relative_to(site).as_posix()
            found[page.name] = "" if path == "." else path if path.endswith(".html") else path + "/"
        elif page.required:
            raise MissingPage(f"the {kind} site has no {page.name} page at {page.pattern or '/'}")
    return found
