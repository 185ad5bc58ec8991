"""How an address resolves: a page, a redirect page to a page, or nothing."""

from __future__ import annotations

from quality.addresses import resolve, sitemap_paths, unresolved


def page(root, path, body="<p>page</p>"):
    target = root / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>')


def redirect(root, path, to):
    target = root / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'<html><head><meta http-equiv="refresh" content="0; url={to}"></head></html>')


def test_pages_redirects_and_missing_addresses(tmp_path):
    page(tmp_path, "")
    page(tmp_path, "q/new")
    redirect(tmp_path, "q/old", "../new/")
    redirect(tmp_path, "q/older", "../old/")     # a chain of renames
    redirect(tmp_path, "q/broken", "../gone/")
    redirect(tmp_path, "q/loop", "../loop/")
    assert resolve(tmp_path, "") == ""
    assert resolve(tmp_path, "q/new/") == "q/new/"
    assert resolve(tmp_path, "q/old/") == "q/new/"
    assert resolve(tmp_path, "q/older/") == "q/new/"
    assert unresolved(tmp_path, ["q/new/", "q/old/", "q/broken/", "q/loop/", "q/never/"]) == [
        "q/broken/", "q/loop/", "q/never/"]


def test_sitemap_paths_are_relative_to_the_home_page():
    sitemap = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/handbook/</loc></url>
  <url><loc>https://example.org/handbook/q/a/</loc></url>
  <url><loc>https://example.org/handbook/topics/t/</loc></url>
</urlset>"""
    assert sitemap_paths(sitemap) == ["", "q/a/", "topics/t/"]
