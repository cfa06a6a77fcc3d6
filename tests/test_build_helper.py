"""The suite's build helper fails a test on any warning, as `make build` (--strict, no -q) does."""

from __future__ import annotations

import pytest

from conftest import BuildFailed, copy_project, mkdocs_build


def test_a_page_with_a_broken_link_fails_the_helper(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "autre.md").write_text("# Autre\n\nUn [lien cassé](absent.md).\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"WARNING .*absent\.md"):
        mkdocs_build(project, tmp_path / "site")
    # Not strict, the build exits 0, and its warning still fails the test that ran it.
    with pytest.raises(BuildFailed, match=r"WARNING .*absent\.md"):
        mkdocs_build(project, tmp_path / "site", strict=False)
    # A test that expects the warning says so, and gets the output to check.
    result = mkdocs_build(project, tmp_path / "site", strict=False, allow_warnings=True)
    assert "absent.md" in result.stderr


def test_the_link_to_the_feed_on_the_home_page_is_a_file_of_the_site(site):
    # index.md links feed.xml: MkDocs validates that link only when the feeds are files it knows.
    assert (site / "feed.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert (site / "feed.json").is_file()
