"""What a first visit to a page transfers: the page, every script, style sheet, image and
font it references, and the search worker and index that Material's bundle fetches on load.

Sizes are of the built files, raw and gzipped at level 6 (the default of most servers that
compress on the fly). Files are counted once per page even when referenced twice.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

GZIP_LEVEL = 6
SEARCH_INDEX = "search/search_index.json"
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
MATERIAL_SEARCH_FORM = re.compile(r'<form class="md-search__form" name="search"')
_LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


@dataclass(frozen=True)
class Size:
    raw: int
    gz: int

    def __add__(self, other: "Size") -> "Size":
        return Size(self.raw + other.raw, self.gz + other.gz)


ZERO = Size(0, 0)


def size_of(path: Path) -> Size:
    data = path.read_bytes()
    return Size(len(data), gzipped(data))


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.config: dict = {}
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = set((a.get("rel") or "").lower().split())
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href") and rel & _LOADED_LINKS:
            self.urls.append(a["href"])
        elif tag in ("img", "source", "video", "audio", "embed") and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "script" and a.get("id") == "__config":
            self._in_config = True

    def handle_data(self, data):
        if self._in_config:
            self.config = json.loads(data)
            self._in_config = False


@dataclass
class PageWeight:
    page: str
    html: Size
    assets: dict[str, Size] = field(default_factory=dict)  # site path -> size
    scripted: dict[str, Size] = field(default_factory=dict)  # what Material's JS fetches

    @property
    def assets_total(self) -> Size:
        return sum(self.assets.values(), ZERO)

    @property
    def scripted_total(self) -> Size:
        return sum(self.scripted.values(), ZERO)

    @property
    def search_index(self) -> Size:
        return self.scripted.get(SEARCH_INDEX, ZERO)

    @property
    def first_visit(self) -> Size:
        return self.html + self.assets_total + self.scripted_total

    def files(self) -> set[str]:
        return {self.page, *self.assets, *self.scripted}


def _local(site: Path, page_url: str, ref: str) -> str | None:
    """The site path a reference resolves to, or None for data: URIs and other origins."""
    if ref.startswith("data:"):
        return None
    url = urlparse(urljoin("http://site/" + page_url, ref))
    if url.netloc != "site":
        raise ValueError(f"{page_url} loads {ref} from another origin")
    path = posixpath.normpath(url.path).lstrip("/")
    if not path or url.path.endswith("/"):
        path = posixpath.join(path, "index.html")
    if not (site / path).is_file():
        raise FileNotFoundError(f"{page_url} references {ref}, which the site does not hold")
    return path


def page_weight(site: Path, page: str) -> PageWeight:
    """page: the built file's site path, e.g. 'q/some-id/index.html'."""
    page_url = page[: -len("index.html")] if page.endswith("index.html") else page
    html_path = site / page
    parser = _References()
    parser.feed(html_path.read_text(encoding="utf-8"))
    weight = PageWeight(page, size_of(html_path))

    queue = [_local(site, page_url, ref) for ref in parser.urls]
    while queue:
        path = queue.pop()
        if path is None or path in weight.assets:
            continue
        weight.assets[path] = size_of(site / path)
        if path.endswith(".css"):  # fonts and images a style sheet pulls in
            css = (site / path).read_text(encoding="utf-8")
            queue += [_local(site, path, ref) for ref in _CSS_URL.findall(css)]

    # Material's bundle starts the search worker on every page, the worker fetches the
    # index at once, and instant navigation fetches the sitemap to learn the site's pages.
    # The HTML names these only in its __config block.
    base = parser.config.get("base", ".").rstrip("/")
    scripted = []
    # Material's bundle fetches its index only where its search form is on the page; the
    # site's own search (Pagefind) fetches nothing until the reader searches.
    if parser.config.get("search") and MATERIAL_SEARCH_FORM.search(html_path.read_text(encoding="utf-8")):
        scripted += [parser.config["search"], f"{base}/{SEARCH_INDEX}"]
    if "navigation.instant" in parser.config.get("features", []):
        scripted.append(f"{base}/sitemap.xml")
    for ref in scripted:
        path = _local(site, page_url, ref)
        weight.scripted[path] = size_of(site / path)
    return weight


def heaviest(site: Path, pattern: str) -> str:
    """The largest built page matching a glob, as a site path."""
    pages = sorted(site.glob(pattern), key=lambda p: (p.stat().st_size, p.as_posix()))
    if not pages:
        raise FileNotFoundError(f"no page matches {pattern}")
    return pages[-1].relative_to(site).as_posix()
