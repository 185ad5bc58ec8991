"""Temporary copies of the handbook to build: the real pipeline, the plain-Markdown floor,
and the real pipeline with Material's default search configuration."""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml
from mkdocs.utils import meta as front_matter
from mkdocs.utils.yaml import yaml_load

from macros import define_env, render
from macros.loader import parse_bank
from macros.problems import BankError

ROOT = Path(__file__).resolve().parents[1]
# What a site needs besides its bank (the same list the build tests copy).
SITE_PARTS = ("mkdocs.yml", "docs", "overrides", "macros")
# The hook that turns the bank into pages. Other hooks, if any, shape every page alike and
# stay in the floor.
GENERATOR_HOOK = "overrides/hooks/question_pages.py"


def pipeline_project(dest: Path, bank_text: str) -> Path:
    """The project as it is, with bank_text as its bank: mkdocs build runs macros and hook."""
    dest.mkdir(parents=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    (dest / "data").mkdir()
    (dest / "data" / "questions.yaml").write_text(bank_text, encoding="utf-8")
    return dest


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

    def __init__(self, project: Path):
        self.conf = {"config_file_path": str(project / "mkdocs.yml")}
        self.page = None
        self.functions: dict = {}

    def macro(self, fn):
        self.functions[fn.__name__] = fn
        return fn


class _Page:
    def __init__(self, src_uri: str):
        self.file = type("File", (), {"src_uri": src_uri})()


def floor_project(dest: Path, bank_text: str) -> Path:
    """The same site written out as plain Markdown: every macro page expanded, a page per
    question and a redirect per alias already on disk, no macros plugin and no hook."""
    bank, problems = parse_bank(bank_text, "data/questions.yaml")
    if problems:
        raise BankError(problems)
    pipeline_project(dest, bank_text)  # the bank stays only so the macros can expand pages here
    (dest / GENERATOR_HOOK).unlink()

    env = _MacroEnv(dest)
    define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    docs = dest / "docs"
    for path in sorted(docs.rglob("*.md")):
        body, meta = _split(path)
        if meta.pop("render_macros", False):
            env.page = _Page(path.relative_to(docs).as_posix())
            body = jinja.from_string(body).render(**env.functions)
            path.write_text(_join(body, meta), encoding="utf-8")
    for q in bank.questions:
        page = docs / render.question_path(q.id)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render.question_page(q, bank), encoding="utf-8")
    for alias, target in bank.aliases.items():
        page = docs / "q" / alias / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render.redirect_page(f"../{target}/", bank.by_id[target].question), encoding="utf-8")
    shutil.rmtree(dest / "macros")
    shutil.rmtree(dest / "data")

    config = _config()
    hooks = [h for h in config.pop("hooks", []) if h != GENERATOR_HOOK]
    if hooks:
        config["hooks"] = hooks
    config.pop("watch", None)
    plugins = []
    for entry in config["plugins"]:
        name = _plugin_name(entry)
        if name == "macros":
            continue
        if name == "tags":  # the allow list the hook fills in, written out
            entry = {"tags": {**entry["tags"], "tags_allowed": sorted(bank.tags.values())}}
        plugins.append(entry)
    config["plugins"] = plugins
    _write_config(dest, config)
    return dest


def default_search_project(dest: Path, bank_text: str) -> Path:
    """The real pipeline with Material's search left at its defaults: no plugin options and
    no page kept out of the index."""
    pipeline_project(dest, bank_text)
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
    differing_html: list[str] = field(default_factory=list)
    html_pages: int = 0


def compare_sites(a: Path, b: Path) -> Comparison:
    """Which files two built sites do not share, and which HTML pages differ."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    both = sorted(f for f in files_a & files_b if f.endswith(".html"))
    differing = [f for f in both if not filecmp.cmp(a / f, b / f, shallow=False)]
    return Comparison(sorted(files_a - files_b), sorted(files_b - files_a), differing, len(both))
