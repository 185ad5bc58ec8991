"""`python -m quality.zensical_build [SITE_DIR]`: build the handbook with Zensical, the
second generator (`make build-zensical`). MkDocs stays the primary build.

Zensical runs no MkDocs hooks, so the data is validated first, by the loader `python -m
macros check` uses, with the same `file:line: CODE` messages; then macros/plain_site.py writes
the project out as plain files (macro pages expanded, every generated page and file in docs/)
into a temporary folder, Zensical builds it there, the answer exports are made from the built
question pages, and only then does the site replace SITE_DIR. A failed build leaves nothing."""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros import plain_site, site_files
from macros.cache import SiteData, load_site_data
from macros.problems import BankError
from macros.vendor import MissingPackages, vendored_files

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = "site-zensical"
# What the plain project takes from the project: the rest (macros/, data/) is written out.
THEME_DIR = "overrides"
HOOKS_DIR = "hooks"
# The site's search dialog (Pagefind's results in Material's markup) and the header copied to
# hold it without Material's search plugin: Zensical has its own search partial and header,
# and no hook writes a Pagefind index there.
MATERIAL_ONLY_TEMPLATES = ("partials/search.html", "partials/header.html")
# Zensical's look closest to Material's; its default ("modern") is a new design.
THEME_VARIANT = "classic"


def plain_project(project: Path, dest: Path) -> tuple[SiteData, str]:
    """project written out into dest (which must not exist) as a plain project; its data
    and site_url. Raises BankError when the data files have problems."""
    data = load_site_data(project)
    config = plain_site.load_config(project / "mkdocs.yml")
    site_url = config.get("site_url") or ""
    dest.mkdir(parents=True)
    shutil.copytree(project / "docs", dest / "docs")
    for src, path in vendored_files(project):  # what overrides/hooks/vendor_files.py adds
        (dest / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / "docs" / path)
    shutil.copytree(project / THEME_DIR, dest / THEME_DIR,
                    ignore=shutil.ignore_patterns(HOOKS_DIR, "__pycache__"))
    for template in MATERIAL_ONLY_TEMPLATES:
        (dest / THEME_DIR / template).unlink()
    plain_site.expand_macro_pages(project, dest / "docs", site_url)
    plain_site.write_generated_pages(dest / "docs", data, site_url, site_files.repository(config.get("extra")))
    shutil.copy2(project / "macros" / f"{plain_site.FIRST_MENTION}.py", dest)
    config = plain_site.plain_config(config, data)
    config["theme"].setdefault("variant", THEME_VARIANT)
    config["site_dir"] = "site"  # inside the temporary folder, moved into place when built
    plain_site.write_config(dest / "mkdocs.yml", config)
    return data, site_url


def gzip_sitemap(site: Path) -> None:
    """sitemap.xml.gz beside sitemap.xml, as MkDocs writes it: Zensical writes only the XML."""
    sitemap = site / "sitemap.xml"
    if sitemap.exists() and not (site / "sitemap.xml.gz").exists():
        (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))


def build(project: Path, site_dir: Path) -> int:
    """Build project's site into site_dir; on any failure print why, return non-zero and
    leave site_dir as it was."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".zensical-", dir=site_dir.parent) as tmp:
        work = Path(tmp) / "project"
        try:
            data, site_url = plain_project(project, work)
        except BankError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{len(exc.problems)} problem(s): nothing built", file=sys.stderr)
            return 1
        except MissingPackages as exc:
            print(f"{exc} Nothing built.", file=sys.stderr)
            return 1
        # `python -m` puts the plain project first on the path, for its Markdown extension.
        result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "--strict"],
                                cwd=work, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        built = work / "site"
        if result.returncode != 0 or not built.is_dir():
            print(f"zensical build failed (exit {result.returncode}): nothing built", file=sys.stderr)
            return result.returncode or 1
        plain_site.write_answer_exports(built, data, site_url)
        gzip_sitemap(built)
        old = Path(tmp) / "old"
        if site_dir.exists():
            site_dir.rename(old)
        built.rename(site_dir)
    print(f"Zensical site built in {site_dir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quality.zensical_build", description=__doc__)
    parser.add_argument("site_dir", nargs="?", default=DEFAULT_SITE,
                        help=f"where the site goes (default: {DEFAULT_SITE})")
    parser.add_argument("--project", default=str(Path.cwd()), help="the project to build (default: .)")
    args = parser.parse_args(argv)
    return build(Path(args.project), Path(args.site_dir))


if __name__ == "__main__":
    sys.exit(main())
