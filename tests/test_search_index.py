"""What Carnet adds to Material's search index, and what it costs."""

from __future__ import annotations

import json


from conftest import copy_project, mkdocs_build


def test_alias_fields_are_filled(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    # Pagefind's documents weigh the aliases (carnet.search.documents); Material's own index,
    # which no page loads, declares no boost for them.
    assert "aliases" not in index["config"]["fields"]
    assert "’" in index["config"]["separator"] and "'" in index["config"]["separator"]
    by_location = {d["location"]: d for d in index["docs"]}
    assert by_location["entreprises/sonarem/"]["aliases"] == "Sonarem SONAREM"
    assert by_location["personnes/stanislav-khomenko/"]["aliases"] == "Stanislav Khomenko Khomenko"


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


def test_no_two_words_are_glued_anywhere_in_the_index(site):
    """Every word of the index is a word a reader sees on its page (glued ones are not)."""
    import re
    from html import unescape
    from conftest import soup
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    pages: dict[str, set[str]] = {}
    checked = 0
    for doc in index["docs"]:
        path = doc["location"].split("#")[0]
        if path not in pages:
            page = soup(site, path.rstrip("/") if path else "")
            pages[path] = set(separator.split(page.get_text(" ").lower()))
        for field in ("title", "text"):
            text = unescape(re.sub(r"<[^>]+>", " ", doc.get(field, ""))).lower()
            for word in filter(None, separator.split(text)):
                assert word in pages[path], (doc["location"], field, word)
                checked += 1
    assert checked > 1000


def test_a_fiche_entry_opens_with_its_summary_and_keeps_labels_apart(site):
    from carnet.load.notes_dir import load_notes
    from conftest import ROOT
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    docs = {d["location"]: d for d in json.loads((site / "search" / "search_index.json")
                                                  .read_text(encoding="utf-8"))["docs"]}
    for note in catalog:
        text = docs[note.id + "/"]["text"]
        assert text.startswith('<p>'), note.id
        assert "Nom" not in text and "Nature" not in text  # the summary first, not the name's row
        for fact in note.facts:
            assert fact.label.replace(" :", "\u00a0:") in text, (note.id, fact.label)
