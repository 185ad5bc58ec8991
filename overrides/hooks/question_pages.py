"""MkDocs hook: validate the data before anything is built, then generate the pages and
files that come from it: one page per question at q/<id>/, a redirect page for every
former id, kit pages and scorecards, the JSON API, JSON Schemas and the flashcard deck."""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
from material.plugins.tags.structure.tag import Tag
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

# MkDocs loads hooks by file path; make the project root importable so the hook and the
# macros share one `macros` package (and one loaded copy of the data).
_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import export, render, render_kits  # noqa: E402
from macros.cache import site_data  # noqa: E402
from macros.first_mention import FirstMentionExtension  # noqa: E402
from macros.problems import BankError  # noqa: E402


def _data(config):
    try:
        return site_data(Path(config.config_file_path).parent)
    except BankError as exc:
        # Abort exits non-zero before a single page is written.
        raise Abort(f"The data files have {len(exc.problems)} problem(s):\n{exc}") from None


def on_config(config):
    data = _data(config)
    # The bank's declared tags are the tags plugin's allow list, so a tag typed on any page
    # that is not declared fails the build. Hooks run after plugins, so the plugin already
    # holds this set; it is filled in place.
    tags_plugin = config.plugins.get("material/tags")
    if tags_plugin is not None:
        tags_plugin.config.tags_allowed.update(Tag(label) for label in data.bank.tags.values())
    # Glossary terms become abbreviations, which Material shows as tooltips, on the first
    # mention of each term in a page.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = data.glossary.tooltips()
    if not any(isinstance(e, FirstMentionExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(FirstMentionExtension())
    return config


def _to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "fenced_code"])


def _add(files: Files, config, path: str, content: str) -> None:
    files.append(File.generated(config, path, content=content))


def on_files(files: Files, config) -> Files:
    data = _data(config)
    bank, site_url = data.bank, config.site_url or ""
    missing = [t.id for t in bank.topics if files.get_file_from_path(render.topic_path(t.id)) is None]
    if missing:
        raise Abort("Topics without a page: " + ", ".join(
            f"docs/{render.topic_path(t)}" for t in missing) + " (add one calling topic_page)")
    for q in bank.questions:
        _add(files, config, render.question_path(q.id), render.question_page(q, bank, site_url))
    for alias, target in bank.aliases.items():
        _add(files, config, f"q/{alias}/index.html",
             render.redirect_page(f"../{target}/", bank.by_id[target].question))
    for kit in data.kits.kits:
        _add(files, config, render_kits.kit_path(kit.id), render_kits.kit_page(kit, bank))
        _add(files, config, render_kits.scorecard_path(kit.id), render_kits.scorecard_page(kit, bank))
    _add(files, config, "api/questions.json", export.api_document(bank, site_url, _to_html))
    _add(files, config, "api/practice.json", export.practice_index(bank))
    for q in bank.questions:
        _add(files, config, f"api/answers/{q.id}.json", export.answer_fragment(q, _to_html))
    for name, text in export.schemas().items():
        _add(files, config, f"schemas/{name}", text)
    _add(files, config, "downloads/mlops-handbook-flashcards.tsv", export.flashcards_tsv(bank, _to_html))
    return files
