"""What Carnet adds to Material's search index, and what it costs."""

from __future__ import annotations

import json


from conftest import copy_project, mkdocs_build


def test_alias_fields_are_declared_and_filled(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    assert "aliases" in index["config"]["fields"]
    assert "’" in index["config"]["separator"] and "'" in index["config"]["separator"]
    by_location = {d["location"]: d for d in index["docs"]}
    assert by_location["entreprises/sonarem/"]["aliases"] == "SONAREM"
    assert by_location["personnes/stanislav-khomenko/"]["aliases"] == "Khomenko"


def test_index_stays_under_one_and_a_half_times_materials_own(site, tmp_path):
    project = copy_project(tmp_path / "project")
    config_path = project / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    config_path.write_text(config.replace("link_policy: first", "link_policy: first\n      search_aliases: false"),
                           encoding="utf-8")
    assert "search_aliases: false" in config_path.read_text(encoding="utf-8")
    plain = tmp_path / "plain"
    assert mkdocs_build(project, plain).returncode == 0
    ours = (site / "search" / "search_index.json").stat().st_size
    materials = (plain / "search" / "search_index.json").stat().st_size
    # Re-serialised as UTF-8 rather than \u escapes, ours is even smaller than Material's.
    assert ours < 1.5 * materials
