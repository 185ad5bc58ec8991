"""`python -m bench.engine [--root DIR]`: the bank engine alone, without MkDocs.

CPU time to load and validate a synthetic bank, and to render every question page and topic
page from it, median of a few runs. --root points at another checkout's `macros` package
(e.g. one extracted with `git archive COMMIT macros | tar -x -C DIR`) to compare versions on
the same banks.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .synthetic import synthetic_bank


def time_engine(loader, render, path: Path, runs: int) -> tuple[float, float]:
    """Median CPU seconds to load and validate the bank at path, and to render all its pages."""
    loads, renders = [], []
    for _ in range(runs):
        start = time.process_time()
        bank = loader.load_bank(path)
        loads.append(time.process_time() - start)
        start = time.process_time()
        for q in bank.questions:
            render.question_page(q, bank)
        for t in bank.topics:
            render.topic_page(t, bank, render.topic_path(t.id))
        renders.append(time.process_time() - start)
        del bank
    return statistics.median(loads), statistics.median(renders)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.engine", description=__doc__)
    parser.add_argument("--root", type=Path, help="directory holding the macros package to time")
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 600, 6000])
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="handbook-engine-") as tmp:
        banks = {}
        for n in args.sizes:  # generated with this checkout's engine, before any swap
            banks[n] = Path(tmp) / f"bank-{n}.yaml"
            banks[n].write_text(synthetic_bank(n), encoding="utf-8")
        if args.root:
            for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
                del sys.modules[name]
            sys.path.insert(0, str(args.root.resolve()))
        loader = importlib.import_module("macros.loader")
        render = importlib.import_module("macros.render")
        print(f"engine: {Path(loader.__file__).parent}")
        for n, path in banks.items():
            load, rendering = time_engine(loader, render, path, 3 if n < 6000 else 2)
            print(f"{n:>6,} questions: load and validate {load:6.3f} s, "
                  f"render all pages {rendering:6.3f} s (CPU time, median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
