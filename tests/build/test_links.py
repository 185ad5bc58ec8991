"""Links and anchors: MkDocs validates the Markdown (every kind at warn under --strict, so a
broken link fails the build), and LinkChecker checks the HTML the build wrote."""

from __future__ import annotations

import yaml

from helpers import ROOT
from quality.links import check


def test_mkdocs_validation_fails_the_build_on_any_broken_link():
    config = yaml.load((ROOT / "mkdocs.yml").read_text().replace("!ENV", ""), Loader=yaml.SafeLoader)
    assert config["strict"] is True
    levels = {f"{group}.{kind}": level for group, kinds in config["validation"].items()
              for kind, level in kinds.items()}
    assert set(levels) == {"nav.omitted_files", "nav.not_found", "nav.absolute_links", "links.not_found",
                           "links.anchors", "links.absolute_links", "links.unrecognized_links"}
    assert set(levels.values()) == {"warn"}, levels


def test_built_site_has_no_broken_link_or_anchor(real_site, real_bank):
    report = check(real_site)
    assert report.ok, report.output[-6000:]
    # It crawled the site: every question page, plus the anchors that point into topic pages.
    assert report.checked > 2 * len(real_bank.questions), report.output[-2000:]


def test_link_check_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>Home</title></head><body>'
        '<a href="a/">fine</a> <a href="a/#here">fine anchor</a> '
        '<a href="a/#gone">missing anchor</a> <a href="nowhere/">missing page</a></body></html>')
    (tmp_path / "a" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>A</title></head><body><p id="here">A</p></body></html>')
    report = check(tmp_path)
    assert not report.ok
    assert report.missing_anchors == ["index.html: a/#gone"]
    assert "nowhere/" in report.output and "404 Not Found" in report.output
    assert "0 warnings found. 1 error found." in report.output
