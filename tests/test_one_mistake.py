"""One mistake, one error (#32): a note or an article's front matter with one field wrong gives
exactly one error, naming that file, in `make build` and in `carnet check`; the note still
holds its address, its relations and its id (nothing else is reported about it)."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
import yaml

from carnet.commands.cli import main as carnet_main
from conftest import copy_project, mkdocs_build

NOTE = "notes/entreprises/vesna.yml"   # related both ways, quoted, mentioned: the most connected note
ARTICLE = "docs/articles/sonarem-vesna.md"

NOTE_MISTAKES = {   # every field of the note schema, one mistake each
    "name": lambda d: d.pop("name"),
    "aliases": lambda d: d.update(aliases="VESNA SA"),
    "summary": lambda d: d.update(summary=""),
    "case_sensitive": lambda d: d.update(case_sensitive="oui"),
    "facts": lambda d: d.update(facts=["Pays: Russie"]),
    "relations": lambda d: d["relations"][1].update(type="led_byy"),
    "sources": lambda d: d.update(sources=[{"title": "Source", "url": "ftp://example.org/"}], summary_source="article"),
    "former_ids": lambda d: d.update(former_ids=["Entreprises/Vesna"]),
    "index_name": lambda d: d.update(index_name=["VESNA"]),
    "unknown field": lambda d: d.update(sumary="x"),
    "yaml": None,
}
ARTICLE_MISTAKES = {   # every field of an article's front matter that Carnet reads (Material's own aside)
    "title": 12, "title_by": "nous", "description": ["x"], "outlet": 3, "author": True,
    "date": "mercredi", "date_as_written": 5, "url": "www.example.org", "added": "hier",
    "changes": {"a": 1}, "former_slugs": ["Ancien Nom"], "unknown field": None,
}


def errors_of_build(project) -> list[str]:
    result = mkdocs_build(project, project.parent / "site", expect_failure=True)
    return [line for line in (result.stdout + result.stderr).splitlines() if re.search(r": error: ", line)]


def errors_of_check(project) -> list[str]:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = carnet_main(["check", "--project", str(project)])
    assert code == 1, printed.getvalue()
    return [line for line in printed.getvalue().splitlines() if ": error: " in line]


def spoil_note(project, field: str) -> None:
    """One mistake in ``field`` of the note ``NOTE``."""
    path = project / NOTE
    if NOTE_MISTAKES[field] is None:
        path.write_text(path.read_text(encoding="utf-8").replace("name: VESNA", "name: [VESNA"), encoding="utf-8")
    else:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        NOTE_MISTAKES[field](data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def spoil_article(project, field: str) -> None:
    """One mistake in ``field`` of the article's front matter."""
    path = project / ARTICLE
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(head)
    meta["tittle" if field == "unknown field" else field] = ARTICLE_MISTAKES[field] or "x"
    if field == "date":
        meta.pop("date_as_written")
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


# Every single mistake: (the file it is in, how to make it, the field).
MISTAKES = ([(NOTE, spoil_note, field) for field in NOTE_MISTAKES]
            + [(ARTICLE, spoil_article, field) for field in ARTICLE_MISTAKES])


@pytest.mark.parametrize("path, spoil, field", MISTAKES, ids=[f"{p.split('/')[0]}-{f}" for p, _, f in MISTAKES])
def test_one_mistake_is_one_error(tmp_path, path, spoil, field):
    project = copy_project(tmp_path / "project")
    spoil(project, field)
    for errors in (errors_of_build(project), errors_of_check(project)):
        assert len(errors) == 1 and errors[0].lstrip().startswith(path), errors
