"""`python -m macros check [FILE]`: validate the bank exactly as the build does."""

from __future__ import annotations

import argparse
import sys

from .cache import BANK_FILE
from .loader import load_bank
from .problems import BankError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the question bank")
    check.add_argument("files", nargs="*", default=[str(BANK_FILE)])
    args = parser.parse_args(argv)

    failed = False
    for name in args.files:
        try:
            bank = load_bank(name, display_path=name)
        except BankError as exc:
            failed = True
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{name}: {len(exc.problems)} problem(s)", file=sys.stderr)
        else:
            print(f"{name}: ok, {len(bank.questions)} questions in {len(bank.topics)} topics")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
