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

import jinja2
import yaml
from mkdocs.utils import meta as front_matter
from mkdocs.utils.yaml import yaml_load

from macros import define_env
from macros.cache import load_site_data
from macros.site_files import answer_export_paths, generated_pages
from quality.project_copy import ROOT, copy_project

# The hooks. The floor has none: the Content-Security-Policy hook's <meta> is taken out of
# the pipeline's pages before the two sites are compared (see compare_sites).
HOOKS_DIR = "overrides/hooks"
CSP_META = re.compile(r'\n\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
FIRST_MENTION = "first_mention"  # the glossary's Markdown extension, a module in the floor


def pipeline_project(dest: Path, data: dict[str, str]) -> Path:
    """The project as it is, with the given data files: mkdocs build runs macros and hooks."""
    return copy_project(dest, data)


def _config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)


def _write_config(dest: Path, config: dict) -> None:
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                     encoding="utf-8")


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _split(path: Path) -> tuple[str, dict]:
    return front_matter.get_data(path.read_text(encoding="utf-8"))


def _join(body: str, meta: dict) -> str:
    if not meta:
        return body
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body


class _MacroEnv:
    """Just enough of mkdocs-macros' env for macros.define_env, so the floor's pages hold
    exactly what the macros write into the real ones."""

    def __init__(self, project: Path, site_url: str):
        self.conf = {"config_file_path": str(project / "mkdocs.yml"), "site_url": site_url}
        self.page = None
        self.functions: dict = {}

    def macro(self, fn):
        self.functions[fn.__name__] = fn
        return fn


class _Page:
    def __init__(self, src_uri: str):
        self.file = type("File", (), {"src_uri": src_uri})()


def _expand_macro_pages(dest: Path, site_url: str) -> None:
    """Write every page that calls macros out as the Markdown the macros make of it."""
    env = _MacroEnv(dest, site_url)
    define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    docs = dest / "docs"
    for path in sorted(docs.rglob("*.md")):
        body, meta = _split(path)
        if meta.get("render_macros"):  # kept: templates see the same page.meta
            env.page = _Page(path.relative_to(docs).as_posix())
            body = jinja.from_string(body).render(**env.functions)
            path.write_text(_join(body, meta), encoding="utf-8")


def _without_macros_plugin(config: dict) -> dict:
    config["plugins"] = [e for e in config["plugins"] if _plugin_name(e) != "macros"]
    return config


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
    for name, content in generated_pages(site_data, site_url):
        page = docs / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(content, encoding="utf-8")
    for name in answer_export_paths(site_data):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pipeline_site / name, docs / name)
    shutil.copy2(dest / "macros" / f"{FIRST_MENTION}.py", dest / f"{FIRST_MENTION}.py")
    shutil.rmtree(dest / "macros")
    shutil.rmtree(dest / "data")
    shutil.rmtree(dest / HOOKS_DIR)

    config = _config()
    config.pop("hooks", None)
    config.pop("watch", None)
    plugins = []
    for entry in _without_macros_plugin(config)["plugins"]:
        if _plugin_name(entry) == "tags":  # the allow list the hook fills in, written out
            entry = {"tags": {**entry["tags"], "tags_allowed": sorted(site_data.bank.tags.values())}}
        plugins.append(entry)
    config["plugins"] = plugins
    # what the hook's on_config adds: the glossary as abbreviations, shown on first mention
    extensions = [e for e in config["markdown_extensions"] if _plugin_name(e) != "abbr"]
    config["markdown_extensions"] = [{"abbr": {"glossary": site_data.glossary.tooltips()}},
                                     *extensions, FIRST_MENTION]
    _write_config(dest, config)
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
    if name.endswith(".html"):
        return _same_page(pipeline / name, floor / name, policy_in_b)
    if name in _LISTINGS:
        entries = _LISTINGS[name]
        return entries((pipeline / name).read_bytes()) == entries((floor / name).read_bytes())
    return filecmp.cmp(pipeline / name, floor / name, shallow=False)


def compare_sites(pipeline: Path, floor: Path, policy_in_b: bool = False) -> Comparison:
    """Which files two built sites do not share, and which pages or files differ. The
    second site has no policy <meta> unless policy_in_b (it was built with the hooks)."""
    files_a = {p.relative_to(pipeline).as_posix() for p in pipeline.rglob("*") if p.is_file()}
    files_b = {p.relative_to(floor).as_posix() for p in floor.rglob("*") if p.is_file()}
    both = sorted(files_a & files_b)
    differing = [f for f in both if not _same_file(pipeline, floor, f, policy_in_b)]
    return Comparison(sorted(files_a - files_b), sorted(files_b - files_a), differing,
                      sum(f.endswith(".html") for f in both))
