"""A throwaway copy of the project with some data files swapped, for build tests and the
benchmark alike, so neither touches the real tree."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What a site needs to build, besides docs/ extras a test may add.
SITE_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data")


def copy_project(dest: Path, data: dict[str, str] | None = None) -> Path:
    """Copy the project into dest (which must not exist) and overwrite data/<name> with the
    given texts, e.g. {"questions.yaml": bank_text}."""
    dest.mkdir(parents=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    # The npm packages the site serves (macros/vendor.py) are linked, not copied: node_modules
    # also holds Lighthouse, hundreds of MB.
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for name, text in (data or {}).items():
        (dest / "data" / name).write_text(text, encoding="utf-8")
    return dest
