"""Libraries from npm that the site serves to readers, copied by the build from node_modules
(pinned in package-lock.json), never from a CDN and never committed. Pure: no MkDocs."""

from __future__ import annotations

from pathlib import Path

NODE_MODULES = "node_modules"
VENDOR_DIR = "assets/vendor"
# (package, file in the package): each lands at assets/vendor/<package>/<file's name>. The
# source map sits beside the module it names; the licence travels with the copy (MIT).
VENDORED = (
    ("ts-fsrs", "dist/index.mjs"),
    ("ts-fsrs", "dist/index.mjs.map"),
    ("ts-fsrs", "LICENSE"),
)


class MissingPackages(LookupError):
    pass


def vendor_path(package: str, file: str) -> str:
    """Where the site serves a vendored file, relative to the site root."""
    return f"{VENDOR_DIR}/{package}/{Path(file).name}"


def vendored_files(project: Path) -> list[tuple[Path, str]]:
    """(source in node_modules, site path) for every vendored file; MissingPackages names
    the command that installs them when any is absent."""
    found, missing = [], []
    for package, file in VENDORED:
        src = project / NODE_MODULES / package / file
        if src.is_file():
            found.append((src, vendor_path(package, file)))
        else:
            missing.append(f"{NODE_MODULES}/{package}/{file}")
    if missing:
        raise MissingPackages(
            "The site serves npm packages the build copies from node_modules, and these are "
            f"missing: {', '.join(missing)}. Run `npm ci` in the project folder (it installs "
            "package-lock.json), then build again.")
    return found
