"""`python -m macros check`: validate the data files exactly as the build does.

With file arguments it checks those files as banks (for fixtures and pre-commit)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import export
from .cache import load_site_data
from .loader import load_bank
from .problems import BankError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the question bank, kits and glossary")
    check.add_argument("banks", nargs="*", help="bank files to check on their own")
    schemas = sub.add_parser("schemas", help="write (or with --check, verify) schemas/*.json")
    schemas.add_argument("--check", action="store_true", help="exit 1 if a committed schema is stale")
    args = parser.parse_args(argv)
    if args.command == "schemas":
        return write_schemas(Path.cwd() / "schemas", check=args.check)

    try:
        if args.banks:
            for name in args.banks:
                load_bank(name, display_path=name)
            print(f"ok: {', '.join(args.banks)}")
        else:
            data = load_site_data(Path.cwd())
            print(f"ok: {len(data.bank.questions)} questions in {len(data.bank.topics)} topics, "
                  f"{len(data.kits.kits)} kits, {len(data.glossary.terms)} glossary terms")
    except BankError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


def write_schemas(folder: Path, check: bool) -> int:
    """The committed schemas are generated from the model; --check fails when they are stale."""
    stale = []
    for name, text in export.schemas().items():
        path = folder / name
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            folder.mkdir(exist_ok=True)
            path.write_text(text)
    if stale:
        print("stale schemas (run `python -m macros schemas`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
