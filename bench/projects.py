"""Temporary copies of the handbook to build: the real pipeline, the plain-Markdown floor,
and the real pipeline with Material's default search configuration."""

from __future__ import annotations

import filecmp
import gzip
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from macros import plain_site
from macros.cache import load_site_data
from macros.site_files import answer_export_paths, repository
from macros.vendor import vendored_files
from quality.project_copy import ROOT, copy_project

# The hooks. The floor has none: the Content-Security-Policy hook's <meta> is taken out of
# the pipeline's pages before the two sites are compared (see compare_sites).
HOOKS_DIR = "overrides/hooks"
CSP_META = re.compile(r'\n\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
FIRST_MENTION = plain_site.FIRST_MENTION  # the glossary's Markdown extension, a module in the floor


def pipeline_project(dest: Path, data: dict[str, str]) -> Path:
    """The project as it is, with the given data files: mkdocs build runs macros and hooks."""
    return copy_project(dest, data)


def _config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)


def _write_config(dest: Path, config: dict) -> None:
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                     encoding="utf-8")


_plugin_name = plain_site.plugin_name
_join = plain_site.join_front_matter
_without_macros_plugin = plain_site.without_macros_plugin


def _split(path: Path) -> tuple[str, dict]:
    return plain_site.split_front_matter(path.read_text(encoding="utf-8"))


def _expand_macro_pages(dest: Path, site_url: str) -> None:
    """Write every page that calls macros out as the Markdown the macros make of it."""
    plain_site.expand_macro_pages(dest, dest / "docs", site_url)


def no_macros_plugin_project(dest: Path, data: dict[str, str]) -> Path:
    """The real pipeline with its macro pages written out beforehand and mkdocs-macros-plugin
    left out; the hooks stay. Not a site anyone ships: it measures what the plugin costs."""
    copy_project(dest, data)
    _expand_macro_pages(dest, _config().get("site_url") or "")
    _write_config(dest, _without_macros_plugin(_config()))
    return dest


def floor_project(dest: Path, data: dict[str, str], pipeline_site: Path) -> Path:
    """The same site written out as plain Markdown: every macro page expanded, a page per
    question, kit pages, redirects and data files already on disk, the glossary in the
    config; no macros plugin and no hook. The exports that carry answers are taken from
    pipeline_site, the pipeline's build of the same data, where they are made from the
    built pages."""
    copy_project(dest, data)
    site_data = load_site_data(dest)
    site_url = _config().get("site_url") or ""
    _expand_macro_pages(dest, site_url)
    docs = dest / "docs"
    plain_site.write_generated_pages(docs, site_data, site_url, repository(_config().get("extra")))
    for src, name in vendored_files(ROOT):  # what the vendor hook copies from node_modules
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, docs / name)
    for name in answer_export_paths(site_data):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pipeline_site / name, docs / name)
    shutil.copy2(dest / "macros" / f"{FIRST_MENTION}.py", dest / f"{FIRST_MENTION}.py")
    shutil.rmtree(dest / "macros")
    shutil.rmtree(dest / "data")
    search_hook = (dest / SEARCH_HOOK).read_text(encoding="utf-8")
    shutil.rmtree(dest / HOOKS_DIR)
    # The search index is the site's search engine's output, as Material's search plugin
    # was in both builds: the floor runs the same hook, which needs nothing but the site.
    (dest / SEARCH_HOOK).parent.mkdir(parents=True)
    (dest / SEARCH_HOOK).write_text(search_hook, encoding="utf-8")

    # what the hook's on_config adds (the tags allow list, the glossary), written out
    config = plain_site.plain_config(_config(), site_data)
    config["hooks"] = [SEARCH_HOOK]
    _write_config(dest, config)
    return dest


SEARCH_HOOK = f"{HOOKS_DIR}/search_index.py"
SEARCH_TEMPLATES = ("overrides/partials/header.html", "overrides/partials/search.html")


def material_search_project(dest: Path, data: dict[str, str], default: bool) -> Path:
    """The real pipeline with Material's search plugin in place of Pagefind: the index hook,
    search.js and the header and dialog overrides taken out. default=False: the plugin as
    the site configured it before (English, the pages' metadata blocks kept out of the
    index); default=True: the plugin at its defaults, no page or block kept out."""
    pipeline_project(dest, data)
    config = _config()
    config["plugins"] = ["search" if default else {"search": {"lang": "en"}}, *config["plugins"]]
    config["hooks"] = [h for h in config["hooks"] if h != SEARCH_HOOK]
    config["extra_javascript"] = [j for j in config["extra_javascript"]
                                  if not (isinstance(j, dict) and j.get("path") == "assets/search.js")]
    _write_config(dest, config)
    for name in SEARCH_TEMPLATES:
        (dest / name).unlink()
    if default:
        for path in (dest / "docs").rglob("*.md"):
            body, meta = _split(path)
            if meta.pop("search", None) is not None:
                path.write_text(_join(body, meta), encoding="utf-8")
        (dest / "macros" / "render.py").write_text(
            (dest / "macros" / "render.py").read_text(encoding="utf-8").replace(
                """NOT_INDEXED = 'data-pagefind-ignore data-search-exclude="true"'""",
                """NOT_INDEXED = 'data-pagefind-ignore'"""), encoding="utf-8")
    return dest


def default_search_project(dest: Path, data: dict[str, str]) -> Path:
    """The real pipeline with Material's search left at its defaults: no plugin options and
    no page kept out of the index."""
    pipeline_project(dest, data)
    config = _config()
    config["plugins"] = ["search" if _plugin_name(e) == "search" else e for e in config["plugins"]]
    _write_config(dest, config)
    for path in (dest / "docs").rglob("*.md"):
        body, meta = _split(path)
        if meta.pop("search", None) is not None:
            path.write_text(_join(body, meta), encoding="utf-8")
    return dest


@dataclass
class Comparison:
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)
    html_pages: int = 0


def _same_page(pipeline_page: Path, floor_page: Path, policy_in_b: bool) -> bool:
    """Byte for byte, once the pipeline's policy <meta> (which the floor lacks) is taken out."""
    a, b = pipeline_page.read_text(encoding="utf-8"), floor_page.read_text(encoding="utf-8")
    return a == b if policy_in_b else CSP_META.sub("", a, count=1) == b


_SITEMAP_URL = re.compile(r"<url>.*?</url>", re.S)


def _sitemap_urls(data: bytes) -> list[str]:
    return sorted(_SITEMAP_URL.findall(data.decode("utf-8")))


# Files that list every page in the order MkDocs met them. The hook adds its pages after the
# ones on disk, so the order differs from the floor's; the entries must be the same.
_LISTINGS = {
    "sitemap.xml": _sitemap_urls,
    "sitemap.xml.gz": lambda data: _sitemap_urls(gzip.decompress(data)),
    "search/search_index.json": lambda data: (
        (index := json.loads(data))["config"],
        sorted(json.dumps(doc, sort_keys=True) for doc in index["docs"])),
    "tags.json": lambda data: sorted(json.dumps(m, sort_keys=True) for m in json.loads(data)["mappings"]),
}


def _same_file(pipeline: Path, floor: Path, name: str, policy_in_b: bool) -> bool:
    if name == "pagefind/":
        return True
    if name.endswith(".html"):
        return _same_page(pipeline / name, floor / name, policy_in_b)
    if name in _LISTINGS:
        entries = _LISTINGS[name]
        return entries((pipeline / name).read_bytes()) == entries((floor / name).read_bytes())
    return filecmp.cmp(pipeline / name, floor / name, shallow=False)


def compare_sites(pipeline: Path, floor: Path, policy_in_b: bool = False) -> Comparison:
    """Which files two built sites do not share, and which pages or files differ. The
    second site has no policy <meta> unless policy_in_b (it was built with the hooks)."""
    # Pagefind's files are named by hashes of what they hold, and the floor's pages lack the
    # policy <meta>: an index must be in both sites or neither; its files are not compared.
    def listed(site: Path) -> set[str]:
        names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
        return {n for n in names if not n.startswith("pagefind/")} | (
            {"pagefind/"} if "pagefind/pagefind.js" in names else set())
    files_a, files_b = listed(pipeline), listed(floor)
    both = sorted(files_a & files_b)
    differing = [f for f in both if not _same_file(pipeline, floor, f, policy_in_b)]
    return Comparison(sorted(files_a - files_b), sorted(files_b - files_a), differing,
                      sum(f.endswith(".html") for f in both))
