"""Paths, fixture banks, and sites built the way `make build` does, for every test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# What a site needs besides its bank; copied so a build test never touches the real tree.
SITE_PARTS = ("mkdocs.yml", "docs", "overrides", "macros")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def build_site(tmp: Path, bank_text: str | None = None, extra_docs: dict[str, str] | None = None,
               kits_text: str | None = None) -> Build:
    """Copy the project into tmp, optionally swap the bank, and run `mkdocs build --strict`.
    A swapped bank gets the fixture kits, which refer to the fixture bank's questions."""
    project = tmp / "project"
    project.mkdir(parents=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, project / part)
    shutil.copytree(ROOT / "data", project / "data")
    if bank_text is not None:
        (project / "data" / "questions.yaml").write_text(bank_text)
        kits_text = kits_text if kits_text is not None else (FIXTURES / "valid" / "kits.yaml").read_text()
    if kits_text is not None:
        (project / "data" / "kits.yaml").write_text(kits_text)
    for name, text in (extra_docs or {}).items():
        (project / "docs" / name).write_text(text)
    site = tmp / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


