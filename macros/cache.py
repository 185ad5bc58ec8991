"""Load the site's data files once per change, for the hook, the macros and the check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loader import load_bank, load_glossary, load_kits
from .model import Bank, Glossary, KitFile
from .problems import BankError
from .search_terms import SYNONYMS_FILE, Synonyms, load_synonyms

BANK_FILE = Path("data") / "questions.yaml"
KITS_FILE = Path("data") / "kits.yaml"
GLOSSARY_FILE = Path("data") / "glossary.yaml"
DATA_FILES = (BANK_FILE, KITS_FILE, GLOSSARY_FILE)


@dataclass(frozen=True)
class SiteData:
    bank: Bank
    kits: KitFile
    glossary: Glossary
    synonyms: Synonyms = Synonyms()  # data/search-synonyms.yaml, for the search index


_cache: dict[Path, tuple[tuple, SiteData]] = {}


def _stamp(project: Path) -> tuple:
    files = [p for p in (*DATA_FILES, SYNONYMS_FILE) if p in DATA_FILES or (project / p).exists()]
    return tuple((p, (project / p).stat().st_mtime_ns, (project / p).stat().st_size) for p in files)


def load_site_data(project_dir: str | Path) -> SiteData:
    """Validate every data file, reporting all their problems together."""
    project = Path(project_dir)
    problems = []
    bank = kits = glossary = None
    try:
        bank = load_bank(project / BANK_FILE, BANK_FILE.as_posix())
    except BankError as exc:
        problems += exc.problems
    if bank is not None:
        try:
            kits = load_kits(project / KITS_FILE, bank, KITS_FILE.as_posix())
        except BankError as exc:
            problems += exc.problems
    try:
        glossary = load_glossary(project / GLOSSARY_FILE, GLOSSARY_FILE.as_posix())
    except BankError as exc:
        problems += exc.problems
    if problems:
        raise BankError(problems)
    return SiteData(bank, kits, glossary, load_synonyms(project))


def site_data(project_dir: str | Path) -> SiteData:
    """The validated data of a project, parsed once and again only when a file changes
    (so `mkdocs serve` picks up edits)."""
    project = Path(project_dir).resolve()
    key = _stamp(project)
    cached = _cache.get(project)
    if cached and cached[0] == key:
        return cached[1]
    data = load_site_data(project)
    _cache[project] = (key, data)
    return data
