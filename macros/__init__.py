"""The handbook's macros for mkdocs-macros-plugin: thin wrappers over the renderers."""

from __future__ import annotations

from pathlib import Path


def define_env(env) -> None:
    # Imported here so that `python -m macros check` and the tests need no MkDocs.
    from . import render, render_kits
    from .cache import site_data

    project_dir = Path(env.conf["config_file_path"]).parent
    site_url = env.conf.get("site_url") or ""

    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def topic_page(topic_id: str) -> str:
        bank = site_data(project_dir).bank
        return render.topic_page(bank.topic(topic_id), bank, page(), site_url)

    @env.macro
    def topics_table() -> str:
        return render.topics_table(site_data(project_dir).bank, page())

    @env.macro
    def due_today() -> str:
        return render.due_today(site_data(project_dir).bank, page())

    @env.macro
    def levels_page() -> str:
        return render.levels_page(site_data(project_dir).bank, page())

    @env.macro
    def senior_track() -> str:
        return render.senior_track(site_data(project_dir).bank, page())

    @env.macro
    def glossary_page() -> str:
        return render.glossary_page(site_data(project_dir).glossary)

    @env.macro
    def kits_index() -> str:
        data = site_data(project_dir)
        return render_kits.kits_index(data.kits, data.bank, page())

    @env.macro
    def question_count() -> int:
        return len(site_data(project_dir).bank.questions)
