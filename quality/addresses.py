"""Permanent addresses: every question id ever published, and every URL in the previous
release's sitemap, must still resolve in the built site, as a page or through a redirect.

    python -m quality.addresses check [SITE_DIR]
    python -m quality.addresses refresh [SITE_DIR]    # at release time, after `make build`

`refresh` adds the bank's ids and aliases to data/published-ids.txt (it never removes one)
and makes the built site's sitemap the previous release's.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED_IDS = ROOT / "data" / "published-ids.txt"
PREVIOUS_SITEMAP = ROOT / "data" / "previous-release-sitemap.xml"
_SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
_REFRESH = re.compile(r"""<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)\"""", re.I)
_HEADER = """\
# Every question id ever published at /q/<id>/, one a line. Never remove a line: the
# tests fail when any of these no longer resolves, as a page or through an alias.
# `make release-addresses` adds the bank's ids and aliases.
"""


def read_ids(path: Path = PUBLISHED_IDS) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def sitemap_paths(sitemap: str) -> list[str]:
    """Site-relative paths of a sitemap's URLs; the home page's URL is the site's base."""
    locs = [loc.text.strip() for loc in ET.fromstring(sitemap).iterfind("sm:url/sm:loc", _SITEMAP_NS)]
    base = min(locs, key=len)
    if not all(loc.startswith(base) for loc in locs):
        raise ValueError(f"the sitemap's URLs do not share the home page's address {base}")
    return [loc[len(base):] for loc in locs]


def resolve(site: Path, path: str, hops: int = 5) -> str | None:
    """The site-relative path `path` ends up at, following redirect pages; None if missing."""
    for _ in range(hops + 1):
        target = site / path
        page = target / "index.html" if path == "" or path.endswith("/") else target
        if not page.is_file():
            return None
        match = _REFRESH.search(page.read_text(encoding="utf-8", errors="replace")) if page.suffix == ".html" else None
        if match is None:
            return path
        base = PurePosixPath(path) if path.endswith("/") else PurePosixPath(path).parent
        hop = (base / match.group(1)).as_posix()
        path = _normalise(hop) + ("/" if match.group(1).endswith("/") else "")
    return None  # a redirect loop


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def unresolved(site: Path, paths: list[str]) -> list[str]:
    return [p for p in paths if resolve(site, p) is None]


def question_paths(ids: list[str]) -> list[str]:
    return [f"q/{qid}/" for qid in ids]


def check(site: Path) -> list[str]:
    problems = [f"published question {p} no longer resolves"
                for p in unresolved(site, question_paths(read_ids()))]
    problems += [f"{p or '/'} from the previous release's sitemap no longer resolves"
                 for p in unresolved(site, sitemap_paths(PREVIOUS_SITEMAP.read_text(encoding="utf-8")))]
    return problems


def refresh(site: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from macros.loader import load_bank

    bank = load_bank(ROOT / "data" / "questions.yaml")
    known = set(read_ids()) if PUBLISHED_IDS.exists() else set()
    ids = known | {q.id for q in bank.questions} | set(bank.aliases)
    PUBLISHED_IDS.write_text(_HEADER + "".join(f"{i}\n" for i in sorted(ids)), encoding="utf-8")
    shutil.copyfile(site / "sitemap.xml", PREVIOUS_SITEMAP)
    print(f"{PUBLISHED_IDS.relative_to(ROOT)}: {len(ids)} ids ({len(ids - known)} new); "
          f"{PREVIOUS_SITEMAP.relative_to(ROOT)}: {len(sitemap_paths(PREVIOUS_SITEMAP.read_text()))} URLs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("check", "refresh"))
    parser.add_argument("site", nargs="?", default="site", type=Path, help="built site (default: site)")
    args = parser.parse_args(argv)
    if not (args.site / "sitemap.xml").exists():
        parser.error(f"{args.site} holds no built site: run `make build` first")
    if args.command == "refresh":
        refresh(args.site)
        return 0
    problems = check(args.site)
    print("\n".join(problems) or "every published address resolves")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
