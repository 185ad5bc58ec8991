"""Check the built site's links and anchors with LinkChecker, against the site served on
loopback as its host serves it.

    python -m quality.links [SITE_DIR] [--external]

Internal links and anchors only by default: that needs no network. `--external` also
checks links to other sites, on demand, never in CI.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .serve import serving

CONFIG = Path(__file__).with_name("linkcheckerrc")
# LinkChecker lifts its per-host rate limit for a server that answers with this header.
UNTHROTTLED = {"LinkChecker": "local test server"}


@dataclass
class Report:
    returncode: int
    output: str

    @property
    def checked(self) -> int:
        match = re.search(r"(\d+) links? in (\d+) URLs? checked", self.output)
        return int(match.group(2)) if match else 0

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and "0 warnings found. 0 errors found." in self.output


def check(site: Path, external: bool = False) -> Report:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    with serving(site, UNTHROTTLED) as base:
        args = [str(linkchecker), "--config", str(CONFIG), "--no-status", "--no-robots", base]
        if external:
            args.insert(1, "--check-extern")
        result = subprocess.run(args, capture_output=True, text=True, timeout=1200)
    return Report(result.returncode, result.stdout + result.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="built site (default: site)")
    parser.add_argument("--external", action="store_true", help="also check links to other sites")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} holds no built site: run `make build` first")
    report = check(args.site, args.external)
    print(report.output)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
