"""MkDocs hook: serve the npm libraries macros/vendor.py lists from assets/vendor/, copied
from node_modules at build time (and by `mkdocs serve`). A missing package fails the build
with the command that installs it."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros.vendor import MissingPackages, vendored_files  # noqa: E402


def on_files(files: Files, config) -> Files:
    try:
        vendored = vendored_files(Path(config.config_file_path).parent)
    except MissingPackages as exc:
        raise Abort(str(exc)) from None
    for src, dest in vendored:
        files.append(File.generated(config, dest, abs_src_path=str(src)))
    return files
