"""Debian's Chromium, driven by Playwright, for the benchmark's browser measurements, and
the site served as its static host serves it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

from quality.serve import serving as served  # the site as its static host serves it (gzip)

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 60_000


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise SystemExit("Chromium is missing: `make bench` installs Debian's chromium package as root")
    return path


class Browser:
    def __enter__(self):
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        self.version = self.browser.version
        return self

    def __exit__(self, *exc):
        self.browser.close()
        self._pw.stop()
