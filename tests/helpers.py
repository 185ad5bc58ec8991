"""Paths, fixture banks, and sites built the way `make build` does, for every test."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from quality.project_copy import copy_project

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def build_site(tmp: Path, bank_text: str | None = None, extra_docs: dict[str, str] | None = None,
               kits_text: str | None = None) -> Build:
    """Copy the project into tmp, optionally swap the bank, and run `mkdocs build --strict`.
    A swapped bank gets the fixture kits, which refer to the fixture bank's questions."""
    data = {}
    if bank_text is not None:
        data["questions.yaml"] = bank_text
        kits_text = kits_text if kits_text is not None else (FIXTURES / "valid" / "kits.yaml").read_text()
    if kits_text is not None:
        data["kits.yaml"] = kits_text
    project = copy_project(tmp / "project", data)
    for name, text in (extra_docs or {}).items():
        (project / "docs" / name).write_text(text)
    site = tmp / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)




def expected_line(fixture: Path) -> int:
    """The line an invalid fixture's header says its problem is reported at
    (`# expect: CODE LINE: message`, written by tests/fixtures/make_invalid.py)."""
    for line in fixture.read_text().splitlines():
        if line.startswith("# expect:"):
            return int(line.split()[3].rstrip(":"))
    raise ValueError(f"{fixture} has no '# expect:' header")
