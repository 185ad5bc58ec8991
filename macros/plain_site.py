"""The handbook written out as a plain project that any Material-compatible generator builds
without MkDocs hooks or the macros plugin: every macro page expanded, every page and file of
site_files.py written into docs/, and what the hook adds to the configuration (the tags allow
list, the glossary tooltips) written into it. The benchmark's plain-Markdown floor and the
Zensical build (quality/zensical_build.py) both use it. Imports nothing from MkDocs.

The exports that carry answers are made from the built question pages, as the hook makes
them: write_answer_exports runs after the build, on the built site."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import jinja2
import yaml

from . import define_env, render
from .cache import SiteData
from .page_html import strong_answer
from .site_files import answer_exports, generated_pages

FIRST_MENTION = "first_mention"  # the glossary's Markdown extension, a module beside the config

# The same front matter as MkDocs reads (mkdocs.utils.meta): YAML between two --- lines.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def split_front_matter(text: str) -> tuple[str, dict]:
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            return text, {}
        if isinstance(meta, dict):
            return text[match.end():].lstrip("\n"), meta
    return text, {}


def join_front_matter(body: str, meta: dict) -> str:
    if not meta:
        return body
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body


class _EnvTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as MkDocs does."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_EnvTagLoader.add_constructor("!ENV", _env_tag)


def load_config(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_EnvTagLoader)  # noqa: S506 (a SafeLoader with one tag)


def write_config(path: Path, config: dict) -> None:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def without_macros_plugin(config: dict) -> dict:
    config["plugins"] = [e for e in config["plugins"] if plugin_name(e) != "macros"]
    return config


class _MacroEnv:
    """Just enough of mkdocs-macros' env for macros.define_env, so the plain pages hold
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


def expand_macro_pages(project: Path, docs: Path, site_url: str) -> None:
    """Write every page of docs/ that calls macros out as the Markdown the macros make of
    it, from the data of project."""
    env = _MacroEnv(project, site_url)
    define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    for path in sorted(docs.rglob("*.md")):
        body, meta = split_front_matter(path.read_text(encoding="utf-8"))
        if meta.get("render_macros"):  # kept: templates see the same page.meta
            env.page = _Page(path.relative_to(docs).as_posix())
            body = jinja.from_string(body).render(**env.functions)
            path.write_text(join_front_matter(body, meta), encoding="utf-8")


def write_files(folder: Path, files: Iterable[tuple[str, str | bytes]]) -> None:
    for name, content in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def write_generated_pages(docs: Path, data: SiteData, site_url: str, repository: str = "") -> None:
    """The question, redirect, kit and scorecard pages, the practice index and the schemas."""
    write_files(docs, generated_pages(data, site_url, repository))


def plain_config(config: dict, data: SiteData) -> dict:
    """The configuration with no hook and no macros plugin, holding what the hook's
    on_config adds: the bank's tags as the tags plugin's allow list, and the glossary as
    abbreviations shown on first mention (the FIRST_MENTION module beside the config)."""
    config.pop("hooks", None)
    config.pop("watch", None)
    plugins = []
    for entry in without_macros_plugin(config)["plugins"]:
        if plugin_name(entry) == "tags":
            options = entry["tags"] if isinstance(entry, dict) else {}
            entry = {"tags": {**(options or {}), "tags_allowed": sorted(data.bank.tags.values())}}
        plugins.append(entry)
    config["plugins"] = plugins
    extensions = [e for e in config["markdown_extensions"] if plugin_name(e) != "abbr"]
    config["markdown_extensions"] = [{"abbr": {"glossary": data.glossary.tooltips()}},
                                     *extensions, FIRST_MENTION]
    return config


def answers_from_built_pages(site: Path, data: SiteData) -> dict[str, str]:
    """Each question's strong answer as its built page at q/<id>/ shows it."""
    answers = {}
    for q in data.bank.questions:
        page = site / render.question_path(q.id).removesuffix(".md") / "index.html"
        if page.exists():
            answer = strong_answer(page.read_text(encoding="utf-8"))
            if answer is not None:
                answers[q.id] = answer
    return answers


def write_answer_exports(site: Path, data: SiteData, site_url: str) -> None:
    """The JSON API, the answer files and the deck, from the built question pages."""
    write_files(site, answer_exports(data, site_url, answers_from_built_pages(site, data)))
