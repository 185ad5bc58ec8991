"""Serve a built site on loopback the way a static host does: at the path it was built for
(the path of its site_url, as GitHub Pages serves a project site), index.html for a folder,
gzip for text when the client accepts it, 404.html for a missing page."""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

COMPRESSIBLE = {
    "text/html", "text/css", "text/javascript", "application/javascript", "application/json",
    "application/xml", "text/xml", "image/svg+xml", "text/plain",
}


@functools.lru_cache(maxsize=1024)
def _gzipped(path: str, mtime: float) -> bytes:  # mtime in the key: a rebuilt file is re-read
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def base_path(site: Path) -> str:
    """The path the site was built to be served at ("/handbook/"), from its sitemap. The 404
    page links its assets absolutely, so a site served elsewhere shows a broken 404."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return "/"
    loc = ElementTree.parse(sitemap).getroot().find("{*}url/{*}loc")
    path = urlsplit(loc.text.strip()).path if loc is not None and loc.text else "/"
    return path if path.endswith("/") else path + "/"


class StaticHostHandler(SimpleHTTPRequestHandler):
    # Keep-alive, as every static host offers; HTTP/1.0 would open a connection per file.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: with Nagle's algorithm the body waits for the
    # client's delayed ACK of the headers, about 40 ms a response on loopback, which no
    # static host adds.
    disable_nagle_algorithm = True
    extra_headers: dict[str, str] = {}
    base = "/"

    def translate_path(self, path: str) -> str:
        # Outside the site's path nothing exists: such a request gets the 404 page.
        if not path.startswith(self.base):
            return os.path.join(self.directory, ".not-under-the-site-path")
        return super().translate_path("/" + path[len(self.base):])

    def log_message(self, *args):  # keeps test and script output readable
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        # What GitHub Pages sends; browsers revalidate after ten minutes.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            if os.path.isdir(path):
                return super().send_head()  # redirects a folder to its trailing-slash address
            return self._not_found()
        ctype = self.guess_type(path)
        if ctype not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = _gzipped(path, os.path.getmtime(path))
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that stops reading (a cancelled prefetch, a closed page) is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(directory: Path, extra_headers: dict[str, str] | None = None):
    """Serve `directory` on a free loopback port for the duration, at the path it was built
    for; yields the site's base URL (ending in "/")."""
    base = base_path(Path(directory))
    handler_class = type("Handler", (StaticHostHandler,), {"extra_headers": dict(extra_headers or {}),
                                                           "base": base})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base}"
    finally:
        server.shutdown()
        server.server_close()
