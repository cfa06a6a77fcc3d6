"""Carnet's copies of Material's partials (overrides/partials/) print what Material's print: they
change what a build costs (bench/README.md), not one byte of a page."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.config import load_config

import material
from conftest import ROOT

MATERIAL = str(ROOT.joinpath(material.__file__).parent / "templates")


@pytest.fixture(scope="module")
def envs():
    """The theme as a build has it (overrides/ over Material), and Material alone."""
    ours = load_config(str(ROOT / "mkdocs.yml")).theme.get_env()
    theirs = jinja2.Environment(loader=jinja2.FileSystemLoader([MATERIAL]), auto_reload=False)
    theirs.filters.update(ours.filters)
    return ours, theirs


def _page(meta, **more):
    return SimpleNamespace(meta=meta, edit_url=None, title="Titre", content="<h1>Titre</h1><p>Texte</p>", **more)


PAGES = [_page({}), _page({"title": "Titre"}), _page({"hide": ["toc"]}), _page({"hide": ["feedback", "tags"]}),
         _page({"git_revision_date_localized": "3 décembre 2026"}), _page({"revision_date": "2026-12-03"}),
         _page({"git_creation_date_localized": "1 décembre 2026"}), _page(None)]
PAGES.append(SimpleNamespace(meta={}, edit_url="https://example.org/edit/main/docs/x.md", title="Titre",
                             content="<p>Sans titre</p>"))   # an edit action; no heading of its own
CONTEXTS = [{}, {"tags": [SimpleNamespace(name="mines", url=None, hidden=False)]},
            {"git_info": {"x": 1}}, {"committers": []},
            {"features": ["content.action.edit", "content.action.view"]}]


@pytest.mark.parametrize("page", PAGES, ids=range(len(PAGES)))
@pytest.mark.parametrize("more", CONTEXTS, ids=range(len(CONTEXTS)))
@pytest.mark.parametrize("analytics", [None, {"feedback": {"title": "Utile ?", "ratings": []}}])
def test_the_content_partial_prints_what_materials_prints(envs, page, more, analytics):
    ours, theirs = envs
    config = {"site_name": "Carnet", "plugins": {}, "extra": {"analytics": analytics} if analytics else {}, "theme": {}}
    lang = SimpleNamespace(t=lambda key: key)
    context = {"page": page, "config": config, "lang": lang, "features": [], **more}
    assert _rendered(ours, context) == _rendered(theirs, context)


def _rendered(env, context) -> str:
    """The page's content as the partial prints it, or the error it stops on (a context too
    thin for a partial that prints more: the same partial, on both sides, stops the same way)."""
    try:
        return env.get_template("partials/content.html").render(context)
    except Exception as error:   # noqa: BLE001
        return f"{type(error).__name__}: {error}"


def test_the_french_strings_are_materials_but_for_carnets_own(envs):
    """Every key Material's French or English file gives, looked up as base.html does: the
    French string where Material has one (but for the copy desk's), else the English one."""
    from carnet.engine.theme import strings_lookup
    ours, theirs = envs
    config = load_config(str(ROOT / "mkdocs.yml"))
    # Material's search plugin reads strings through a theme of its own, without Carnet's
    # globals: the macros' way, which must say the same.
    macros_t = ours.get_template("partials/language.html").make_module({"config": config}).t
    ours.globals["carnet_strings"] = strings_lookup(ours)
    t = ours.get_template("partials/language.html").make_module({"config": config}).t
    material_t = theirs.get_template("partials/language.html").make_module({"config": config}).t
    source = (ROOT.joinpath(MATERIAL) / "partials/languages/en.html").read_text(encoding="utf-8")
    keys = [line.split('"')[1] for line in source.splitlines() if line.startswith('  "')]
    carnets_own = {"clipboard.copy", "clipboard.copied", "search.result.placeholder", "search.result.none",
                   "search.result.one", "search.result.other", "search.result.more.one",
                   "search.result.more.other", "search.result.term.missing"}   # the copy desk's (#34)
    assert len(keys) > 50
    for key in keys + ["no.such.key"]:
        if key not in carnets_own:
            assert t(key) == macros_t(key) == material_t(key), key
    assert t("direction") == "ltr"
