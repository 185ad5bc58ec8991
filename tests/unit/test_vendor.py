"""The npm files the site serves: found in node_modules, or a build that names `npm ci`."""

from __future__ import annotations

import pytest

from macros.vendor import VENDORED, MissingPackages, vendored_files


def test_every_vendored_file_is_found_where_npm_puts_it(tmp_path):
    for package, file in VENDORED:
        (tmp_path / "node_modules" / package / file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "node_modules" / package / file).write_text("x")
    found = vendored_files(tmp_path)
    assert [path for _, path in found] == [f"assets/vendor/{p}/{f.rsplit('/', 1)[-1]}" for p, f in VENDORED]
    assert all(src.is_file() for src, _ in found)


def test_without_node_modules_the_message_names_npm_ci_and_the_missing_files(tmp_path):
    with pytest.raises(MissingPackages) as caught:
        vendored_files(tmp_path)
    message = str(caught.value)
    assert "`npm ci`" in message
    assert "node_modules/ts-fsrs/dist/index.mjs" in message
