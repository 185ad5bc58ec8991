"""MkDocs hook: validate the bank before anything is built, then add one page per
question at q/<id>/ and a redirect page for every former id."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from material.plugins.tags.structure.tag import Tag
from mkdocs.structure.files import File, Files

# MkDocs loads hooks by file path; make the project root importable so the hook and the
# macros share one `macros` package (and one loaded bank).
_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import render  # noqa: E402
from macros.cache import bank_for  # noqa: E402
from macros.problems import BankError  # noqa: E402


def _project_dir(config) -> Path:
    return Path(config.config_file_path).parent


def _bank(config):
    try:
        return bank_for(_project_dir(config))
    except BankError as exc:
        # Abort exits non-zero before a single page is written.
        raise Abort(f"The question bank has {len(exc.problems)} problem(s):\n{exc}") from None


def on_config(config):
    bank = _bank(config)
    # The bank's declared tags are the tags plugin's allow list, so a tag typed on any page
    # that is not declared fails the build. Hooks run after plugins, so the plugin already
    # holds this set; it is filled in place.
    tags_plugin = config.plugins.get("material/tags")
    if tags_plugin is not None:
        tags_plugin.config.tags_allowed.update(Tag(label) for label in bank.tags.values())
    return config


def on_files(files: Files, config) -> Files:
    bank = _bank(config)
    missing = [t.id for t in bank.topics if files.get_file_from_path(render.topic_path(t.id)) is None]
    if missing:
        raise Abort("Topics without a page: " + ", ".join(
            f"docs/{render.topic_path(t)}" for t in missing) + " (add one calling topic_page)")
    for q in bank.questions:
        files.append(File.generated(config, render.question_path(q.id), content=render.question_page(q, bank)))
    for alias, target in bank.aliases.items():
        files.append(File.generated(
            config, f"q/{alias}/index.html",
            content=render.redirect_page(f"../{target}/", bank.by_id[target].question)))
    return files
