"""Load the bank once per change of the file, for the hook and the macros alike."""

from __future__ import annotations

from pathlib import Path

from .loader import load_bank
from .model import Bank

BANK_FILE = Path("data") / "questions.yaml"

_cache: dict[Path, tuple[tuple[int, int], Bank]] = {}


def bank_for(project_dir: str | Path) -> Bank:
    """The validated bank of a project. Raises BankError; reloads when the file changes
    (so `mkdocs serve` picks up edits) and otherwise parses it only once."""
    path = Path(project_dir) / BANK_FILE
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == key:
        return cached[1]
    bank = load_bank(path, display_path=BANK_FILE.as_posix())
    _cache[path] = (key, bank)
    return bank
