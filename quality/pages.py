"""The pages every browser audit (axe, Lighthouse, same-origin requests) visits.

AUDITED_PAGES is the one list to extend. A pattern with `*` stands for a family of pages
and audits the first one the site has, in sorted order. A page that is not `required` is
audited once the site has it, so a family can be listed before its first page lands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AuditedPage:
    name: str
    pattern: str  # site-relative URL path ending in "/", or "" for the home page
    required: bool = True


AUDITED_PAGES: tuple[AuditedPage, ...] = (
    AuditedPage("home", ""),
    # The largest topic page: the worst case for weight and layout.
    AuditedPage("topic", "topics/deployment-serving/"),
    AuditedPage("question", "q/canary-deployment/"),
    AuditedPage("kit", "kits/technical-60-mid/"),
    AuditedPage("practice", "practice/"),
)


class MissingPage(LookupError):
    pass


def resolve(site: Path, pages: tuple[AuditedPage, ...] = AUDITED_PAGES) -> dict[str, str]:
    """Map each page's name to the URL path it has in the built site at `site`."""
    found: dict[str, str] = {}
    for page in pages:
        matches = sorted(site.glob(page.pattern + "index.html"))
        if matches:
            folder = matches[0].parent.relative_to(site).as_posix()
            found[page.name] = "" if folder == "." else folder + "/"
        elif page.required:
            raise MissingPage(f"the site has no {page.name} page at {page.pattern or '/'}")
    return found
