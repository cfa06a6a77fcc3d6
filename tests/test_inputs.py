"""Every page declares what it reads (carnet.pages.inputs): an edit changes no page that did
not declare the input edited.  Built with the core's own pipeline (carnet.pipeline), which a
test in test_core.py holds to MkDocs' build; every note is edited in turn, and the article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from carnet.pages.inputs import NAMES, note_input, page_input
from carnet.pipeline import build_pages
from conftest import ROOT, copy_project


def edit_note(project: Path, note_id: str, change) -> tuple[set[str], dict, dict]:
    """The pages an edit of a note changed, and the inputs declared before and after it."""
    before, inputs = snapshot(project)
    path = project / "notes" / f"{note_id}.yml"
    original = path.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    try:
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        after, inputs_after = snapshot(project)
    finally:
        path.write_text(original, encoding="utf-8")
    return changed(before, after), inputs, inputs_after


def undeclared(touched: set[str], input_name: str, *declared: dict) -> set[str]:
    """Pages that changed without declaring ``input_name`` before or after the edit (a rebuild
    takes both: an edit can add a dependency, as a new relation does)."""
    return {src for src in touched if not any(input_name in d.get(src, ()) for d in declared)}


def snapshot(project: Path):
    built = build_pages(project, "https://carnet-minier.example.org/")
    assert built.problems == [], [p.format() for p in built.problems]
    return ({src: html + built.assembly.parts[src].head for src, html in built.pages.items()},
            built.assembly.inputs())


def changed(before: dict, after: dict) -> set[str]:
    return {src for src in before.keys() | after.keys() if before.get(src) != after.get(src)}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("inputs") / "project")


NOTES = sorted(p.relative_to(ROOT / "notes").with_suffix("").as_posix() for p in (ROOT / "notes").rglob("*.yml"))


def _summary(data):
    data["summary"] += " Une phrase ajoutée pour l’essai."


def _fact(data):
    # A general fact, backed by the note's source (one added, if it has none).
    if not data.get("sources"):
        data["sources"] = [{"title": "Source d’essai", "url": "https://example.org/essai"}]
        data["summary_source"] = "article"
    source = data["sources"][0].get("short") or data["sources"][0]["title"]
    data.setdefault("facts", {})["Essai"] = {"value": "une valeur d’essai", "source": source}


def _relation(data):
    # Cited from the article, so that the note needs no source for it.
    data.setdefault("relations", []).append({"type": "talks_with", "target": "lieux/maghreb" if data["name"] != "Maghreb"
                                             else "lieux/russie", "cite": {"article": "sonarem-vesna",
                                                                          "quote": "Le Maghreb, avec ses étendues désertiques"}})


EDITS = {"summary": _summary, "fact": _fact, "relation": _relation}


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("note_id", NOTES)
def test_a_note_edit_changes_only_the_pages_that_read_it(project, note_id, edit):
    touched, before, after = edit_note(project, note_id, EDITS[edit])
    assert touched, "the edit changed nothing: the test would prove nothing"
    assert undeclared(touched, note_input(note_id), before, after) == set()


def test_a_note_s_file_is_read_by_its_pages_not_by_every_list(project):
    """The lists of articles name the notes (``names``); an index page reads the notes it lists.
    A summary edited renders again the pages that show it, not every list (incremental rebuilds)."""
    _, inputs = snapshot(project)
    lists = [src for src in inputs if src.startswith("articles/index") or src == "index.md"]
    assert lists
    for note_id in NOTES:
        assert [src for src in lists if note_input(note_id) in inputs[src]] == [], note_id
        indexes = [src for src in inputs if src.startswith("index-a-z") and note_input(note_id) in inputs[src]]
        assert len(indexes) == 1, (note_id, indexes)


def test_an_alias_changes_only_the_pages_that_read_names(project):
    before, inputs = snapshot(project)
    path = project / "notes" / "lieux" / "maghreb.yml"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("name: Maghreb", "name: Maghreb\naliases: [région]\ncase_sensitive: false"),
                        encoding="utf-8")
        after, _ = snapshot(project)
    finally:
        path.write_text(original, encoding="utf-8")
    touched = changed(before, after)
    assert touched
    assert {src for src in touched if NAMES not in inputs[src]} == set()


def test_an_article_edit_changes_only_the_pages_that_read_it(project):
    before, inputs = snapshot(project)
    path = project / "docs" / "articles" / "sonarem-vesna.md"
    original = path.read_text(encoding="utf-8")
    title_end = original.index("\n", original.index("\n# ") + 1) + 1
    try:   # a made-up first paragraph, in a copy (fixtures may hold words no source wrote): every § moves
        path.write_text(original[:title_end] + "\nSonarem et Gazprom restent à suivre, dit ce paragraphe d’essai.\n"
                        + original[title_end:], encoding="utf-8")
        after, _ = snapshot(project)
    finally:
        path.write_text(original, encoding="utf-8")
    touched = changed(before, after)
    assert "articles/sonarem-vesna.md" in touched and "entreprises/gazprom.md" in touched
    assert {src for src in touched if page_input("articles/sonarem-vesna.md") not in inputs[src]} == set()
    # Not everything: pages that do not read the article were left as they were.
    assert set(before) - touched
