"""The Content-Security-Policy <meta> the hook writes into every page of the built site."""

from __future__ import annotations

import html as htmllib
import importlib.util
import re

from helpers import ROOT

_spec = importlib.util.spec_from_file_location("csp_hook", ROOT / "overrides" / "hooks" / "content_security_policy.py")
csp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(csp)

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# The only sources the policy may name: the site itself, nothing at all, data: images, and
# hashes of the inline code the build wrote.
ALLOWED = re.compile(r"^(?:'self'|'none'|'unsafe-hashes'|'wasm-unsafe-eval'|data:|'sha256-[A-Za-z0-9+/]+={0,2}')$")


def directives(policy: str) -> dict[str, list[str]]:
    parts = (d.split() for d in policy.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


def test_every_page_has_one_policy_before_anything_it_governs(real_site):
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        text = page.read_text()
        metas = META.findall(text)
        assert len(metas) == 1, page
        before = text[:text.index('http-equiv="Content-Security-Policy"')]
        assert not re.search(r"<(script|link|style|img)\b", before, re.I), page


def test_the_policy_allows_no_other_origin_and_no_unsafe_inline(real_site):
    policies = {htmllib.unescape(m) for p in real_site.rglob("*.html") for m in META.findall(p.read_text())}
    assert len(policies) == 1, "every page must carry the same policy (instant navigation keeps the first)"
    rules = directives(policies.pop())
    assert rules["default-src"] == ["'self'"]
    assert rules["object-src"] == ["'none'"]
    for name, sources in rules.items():
        for source in sources:
            assert ALLOWED.match(source), f"{name} allows {source}"
    assert "'unsafe-inline'" not in str(rules) and "'unsafe-eval'" not in str(rules)
    # Pagefind's engine is WebAssembly: scripts may compile it, and do nothing else unsafe.
    assert [n for n, sources in rules.items() if "'wasm-unsafe-eval'" in sources] == ["script-src"]


def test_the_policy_hashes_exactly_the_inline_code_of_the_site(real_site):
    texts = [p.read_text() for p in real_site.rglob("*.html")]
    rules = directives(htmllib.unescape(META.search(texts[0]).group(1)))
    scripts = {csp.sha256(s) for t in texts for s in csp.inline_scripts(t)}
    styles = {csp.sha256(s) for t in texts for s in csp.inline_styles(t)}
    assert scripts and set(rules["script-src"]) == {"'self'", "'wasm-unsafe-eval'", *scripts}
    assert set(rules["style-src"]) == {"'self'", "'unsafe-hashes'", *styles}


def test_inline_code_is_found_the_way_browsers_hash_it():
    page = ('<head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
            '<script id="__config" type="application/json">{}</script></head>'
            '<body><td style="text-align: right;">1</td><p style=\'color: red\'>x</p></body>')
    assert csp.inline_scripts(page) == ["a()"]
    assert csp.inline_styles(page) == ["text-align: right;", "color: red"]
    # sha256 of "a()" as CSP spells it (printf 'a()' | openssl dgst -sha256 -binary | base64)
    assert csp.sha256("a()") == "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"
    tagged = csp.with_policy(page, "default-src 'self'")
    assert tagged.index("Content-Security-Policy") < tagged.index("<script>")
    assert tagged.index("<meta charset") < tagged.index("Content-Security-Policy")
