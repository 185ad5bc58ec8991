"""Code under MIT, content under CC BY 4.0: in the licence files and every page's footer."""

from __future__ import annotations

import re

from helpers import ROOT


def test_licence_files_name_their_licences():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "Creative Commons Attribution 4.0 International" in " ".join((ROOT / "LICENSE-CONTENT").read_text().split())
    readme = (ROOT / "README.md").read_text()
    assert "MIT" in readme and "CC BY 4.0" in readme


def test_every_page_footer_states_both_licences(real_site):
    pages = [p for p in real_site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text()]
    assert len(pages) > 60
    for page in pages:
        footer = re.search(r'<footer class="md-footer">.*?</footer>', page.read_text(), re.S)
        assert footer, page
        text = footer.group(0)
        assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in text, page
        assert 'href="https://opensource.org/license/mit" rel="license">MIT</a>' in text, page
