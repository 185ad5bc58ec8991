"""MkDocs hook: give every built HTML page the same Content-Security-Policy <meta>.

Everything the site loads is its own: no origin but 'self' is allowed. Material ships small
inline scripts (its storage helpers, the saved colour scheme) and Markdown writes table
alignment as style attributes; rather than allow every inline script with 'unsafe-inline',
the hook hashes the inline code the build actually wrote and allows exactly that. One
policy, the union over all pages, goes on every page: were Material's instant navigation on,
the policy of the first page loaded would stay in force while the reader moves on.

`mkdocs serve` gets no policy, because its live reload injects an inline script of its own.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(?P<body>.*?)</style\s*>", re.S | re.I)
_STYLE_ATTR = re.compile(r"""<[a-zA-Z][^>]*?\sstyle=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
# A script with one of these types is data, which a policy does not govern.
_DATA_TYPES = re.compile(r"""\btype=["']?(?:application/(?:ld\+)?json|text/template)""", re.I)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
META_NAME = 'http-equiv="Content-Security-Policy"'

_serving = False


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_scripts(page: str) -> list[str]:
    return [m["body"] for m in _SCRIPT.finditer(page)
            if "src=" not in m["attrs"] and not _DATA_TYPES.search(m["attrs"])]


def inline_styles(page: str) -> list[str]:
    if "style=" not in page:  # most pages: skip scanning every tag
        return []
    attrs = [html.unescape(m["dq"] if m["dq"] is not None else m["sq"]) for m in _STYLE_ATTR.finditer(page)]
    return attrs + [m["body"] for m in _STYLE.finditer(page)]


def policy(script_hashes: set[str], style_hashes: set[str]) -> str:
    # 'wasm-unsafe-eval': the search (Pagefind, docs/assets/search.js) runs its engine as
    # WebAssembly, compiled from the site's own pagefind/*.pagefind file; without it the
    # browser refuses to compile any WebAssembly. It allows nothing else: no eval(), no
    # inline script, no other origin.
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(script_hashes)])
    # 'unsafe-hashes' lets the listed hashes match style attributes, and nothing else.
    style_src = " ".join(["'self'", *(["'unsafe-hashes'", *sorted(style_hashes)] if style_hashes else [])])
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        f"style-src {style_src}",
        "img-src 'self' data:",  # Material draws its icons as data: SVG masks
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(page: str, content: str) -> str:
    """The page with the policy's <meta> as early in <head> as it may go: after the charset,
    which must come first, and before anything the policy governs."""
    tag = f'<meta {META_NAME} content="{html.escape(content, quote=False)}">'
    match = _CHARSET.search(page)
    if match:
        return page[:match.end()] + "\n      " + tag + page[match.end():]
    return re.sub(r"<head\b[^>]*>", lambda m: m.group(0) + tag, page, count=1, flags=re.I)


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


# What the pages built so far hold inline, gathered while their HTML is in memory.
_scripts: set[str] = set()
_styles: set[str] = set()
_hashed: set[Path] = set()


def _gather(text: str) -> None:
    _scripts.update(sha256(s) for s in inline_scripts(text))
    _styles.update(sha256(s) for s in inline_styles(text))


def on_pre_build(config):
    _scripts.clear()
    _styles.clear()
    _hashed.clear()


def on_post_page(output: str, page, config) -> str:
    if not _serving:
        _gather(output)
        _hashed.add(Path(page.file.abs_dest_path))
    return output


def on_post_build(config):
    if _serving:
        return
    paths = list(Path(config.site_dir).rglob("*.html"))
    for path in paths:  # pages MkDocs did not render as pages: 404, redirects, static HTML
        if path not in _hashed:
            _gather(path.read_text(encoding="utf-8"))
    content = policy(_scripts, _styles)
    # one page at a time: holding every page at once took hundreds of MB at 6,000 questions
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if META_NAME not in text:  # a dirty build keeps pages it did not rewrite
            path.write_text(with_policy(text, content), encoding="utf-8")
