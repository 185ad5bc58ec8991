"""The handbook's macros for mkdocs-macros-plugin: thin wrappers over render.py."""

from __future__ import annotations

from pathlib import Path


def define_env(env) -> None:
    # Imported here so that `python -m macros check` and the tests need no MkDocs.
    from . import render
    from .cache import bank_for

    project_dir = Path(env.conf["config_file_path"]).parent

    def current_page() -> str:
        return env.page.file.src_uri

    @env.macro
    def topic_page(topic_id: str) -> str:
        bank = bank_for(project_dir)
        return render.topic_page(bank.topic(topic_id), bank, current_page())

    @env.macro
    def topics_table() -> str:
        return render.topics_table(bank_for(project_dir), current_page())

    @env.macro
    def question_count() -> int:
        return len(bank_for(project_dir).questions)
