"""MkDocs hook: validate the data before anything is built, then add the pages and files
that come from it (macros/site_files.py lists them). The exports that carry answers are
written once the pages are built, from the answers' HTML on the question pages."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from material.plugins.tags.structure.tag import Tag
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

# MkDocs loads hooks by file path; make the project root importable so the hook and the
# macros share one `macros` package (and one loaded copy of the data).
_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import render  # noqa: E402
from macros.cache import site_data  # noqa: E402
from macros.first_mention import FirstMentionExtension  # noqa: E402
from macros.problems import BankError  # noqa: E402
from macros.page_html import strong_answer  # noqa: E402
from macros.plain_site import write_files  # noqa: E402
from macros.site_files import answer_export_paths, answer_exports, generated_pages, repository  # noqa: E402


def _data(config):
    try:
        return site_data(Path(config.config_file_path).parent)
    except BankError as exc:
        # Abort exits non-zero before a single page is written.
        raise Abort(f"The data files have {len(exc.problems)} problem(s):\n{exc}") from None


_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def freeze_long_lived() -> None:
    """Everything alive once the data is loaded (modules, the configuration, the validated
    data) lives until the build ends. Frozen, Python's cyclic collector stops re-scanning it
    in every full collection and at exit: at 60 questions that was 4% of a build. Not when
    serving: each rebuild would freeze the garbage of the one before for good."""
    if not _serving:
        gc.freeze()


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
    freeze_long_lived()
    return config


def on_files(files: Files, config) -> Files:
    data = _data(config)
    missing = [t.id for t in data.bank.topics if files.get_file_from_path(render.topic_path(t.id)) is None]
    if missing:
        raise Abort("Topics without a page: " + ", ".join(
            f"docs/{render.topic_path(t)}" for t in missing) + " (add one calling topic_page)")
    _answers.clear()
    for path, content in generated_pages(data, config.site_url or "", repository(config.extra)):
        files.append(File.generated(config, path, content=content))
    for path in answer_export_paths(data):
        files.append(_WrittenAfterPages.generated(config, path, content=""))
    return files


class _WrittenAfterPages(File):
    """A file on_post_build writes: listed now so that links to it check out, never copied."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


# question id -> its strong answer as this build's page shows it, for the exports
_answers: dict[str, str] = {}


def on_page_content(html: str, page, config, files) -> str:
    qid = render.question_id(page.file.src_uri)
    if qid is not None:
        answer = strong_answer(html)
        if answer is None:
            raise Abort(f"The page of question '{qid}' has no strong-answer block: page_html.py "
                        "and render.entry_body no longer agree")
        _answers[qid] = answer
    return html


def on_post_build(config) -> None:
    data = _data(config)
    site = Path(config.site_dir)
    write_files(site, answer_exports(data, config.site_url or "", _answers))
