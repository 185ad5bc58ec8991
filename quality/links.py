"""Check the built site's links and anchors with LinkChecker, against the site served on
loopback as its host serves it.

    python -m quality.links [SITE_DIR] [--external]

Internal links and anchors only by default: that needs no network. `--external` also
checks links to other sites, on demand, never in CI.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .serve import serving

CONFIG = Path(__file__).with_name("linkcheckerrc")
# LinkChecker lifts its per-host rate limit for a server that answers with this header.
UNTHROTTLED = {"LinkChecker": "local test server"}


@dataclass
class Report:
    returncode: int
    output: str
    missing_anchors: list[str] = field(default_factory=list)

    @property
    def checked(self) -> int:
        match = re.search(r"(\d+) links? in (\d+) URLs? checked", self.output)
        return int(match.group(2)) if match else 0

    @property
    def ok(self) -> bool:
        return (self.returncode == 0 and "0 warnings found. 0 errors found." in self.output
                and not self.missing_anchors)


class _Page(HTMLParser):
    """The ids a page defines and the links it holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name == "href" and value and tag in ("a", "area", "link"):
                self.links.append(value)


def missing_anchors(site: Path, base: str = "/") -> list[str]:
    """Every link from a page of the built site to `page#id` where that page has no such id,
    as "from-page: link". Each page is parsed once."""
    pages: dict[str, _Page] = {}
    for html in sorted(site.rglob("*.html")):
        parsed = _Page()
        parsed.feed(html.read_text(encoding="utf-8", errors="replace"))
        pages["/" + html.relative_to(site).as_posix()] = parsed

    def target(path: str) -> _Page | None:
        return pages.get(path) or pages.get(path.rstrip("/") + "/index.html")

    missing = []
    for path, page in pages.items():
        for link in page.links:
            url = urlsplit(urljoin("http://site" + path, link))
            if url.netloc != "site" or not url.fragment:
                continue
            to = target(url.path)
            fragment = unquote(url.fragment)
            if to is not None and fragment not in to.ids and not fragment.startswith((":~:", "__")):
                missing.append(f"{path.removeprefix('/')}: {link}")
    return missing


def check(site: Path, external: bool = False) -> Report:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    with serving(site, UNTHROTTLED) as base:
        args = [str(linkchecker), "--config", str(CONFIG), "--no-status", "--no-robots", base]
        if external:
            args.insert(1, "--check-extern")
        result = subprocess.run(args, capture_output=True, text=True, timeout=1200)
    anchors = missing_anchors(site)
    output = result.stdout + result.stderr
    if anchors:
        output += "\nMissing anchors (link: page has no element with that id):\n" + "\n".join(anchors) + "\n"
    return Report(result.returncode, output, anchors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="built site (default: site)")
    parser.add_argument("--external", action="store_true", help="also check links to other sites")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} holds no built site: run `make build` first")
    report = check(args.site, args.external)
    print(report.output)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
