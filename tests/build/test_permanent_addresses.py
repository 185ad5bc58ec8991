"""Every address ever published keeps working: question ids, and the previous release's
sitemap. The lists are data/published-ids.txt and data/previous-release-sitemap.xml."""

from __future__ import annotations

from quality import addresses


def test_every_published_question_id_still_resolves(real_site):
    ids = addresses.read_ids()
    assert len(ids) >= 60
    missing = addresses.unresolved(real_site, addresses.question_paths(ids))
    assert not missing, f"published questions that no longer resolve: {missing}"


def test_every_id_and_alias_in_the_bank_is_recorded_as_published(real_bank):
    published = set(addresses.read_ids())
    current = {q.id for q in real_bank.questions} | set(real_bank.aliases)
    assert not current - published, (
        f"add to data/published-ids.txt (or run `make release-addresses`): {sorted(current - published)}")


def test_every_url_of_the_previous_release_still_resolves(real_site):
    paths = addresses.sitemap_paths(addresses.PREVIOUS_SITEMAP.read_text())
    assert "" in paths and any(p.startswith("q/") for p in paths)
    missing = addresses.unresolved(real_site, paths)
    assert not missing, f"addresses of the previous release that no longer resolve: {missing}"
