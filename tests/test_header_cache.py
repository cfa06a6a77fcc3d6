"""Material's header rendered once for the pages that print it alike (carnet.engine.header_cache):
the same site, byte for byte, as Material's header rendered on every page, on the project, on
corpora and on a configuration with a logo, a home page of its own and pages titled both ways;
Material's rendering kept wherever the header could differ in more than the title."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from carnet.engine import theme
from carnet.engine.header_cache import HEADER_PARTIALS, header_for, header_key_for, header_parts
from carnet.engine.theme import MATERIAL_TEMPLATES
from conftest import ROOT, assert_same_site, build_in_process, build_patched, copy_project, mkdocs_build

# Material's header on every page: the shortcut switched off where overrides/ reads it.
MATERIALS_HEADER = "import carnet.engine.theme as T\nT.header_key_for = lambda *args: None"


def test_the_site_is_the_one_materials_header_makes(site: Path, tmp_path: Path):
    build_patched(ROOT, tmp_path / "material", MATERIALS_HEADER)
    assert_same_site(site, tmp_path / "material", at_least=20)


@pytest.mark.parametrize("shape", ["dense", "outside"])
def test_a_corpus_is_the_one_materials_header_makes(shape: str, tmp_path: Path):
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import SHAPES, write_corpus

    (project,) = write_corpus(tmp_path / "corpus", 12, 12, shape=SHAPES[shape], variants=("carnet",))
    mkdocs_build(project, tmp_path / "ours")
    build_patched(project, tmp_path / "material", MATERIALS_HEADER)
    assert_same_site(tmp_path / "ours", tmp_path / "material", at_least=24)


def test_a_logo_a_home_page_and_titles_of_both_kinds(tmp_path: Path):
    """A logo and a home page of the configuration's own (URLs made relative to each page), a
    page titled by its front matter and one by its first heading, a title to escape."""
    project = copy_project(tmp_path / "project")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  font: false\n" in text and "\nnot_in_nav: |\n" in text
    text = (text.replace("\n  font: false\n", "\n  font: false\n  logo: assets/logo.svg\n")
            .replace("\nnot_in_nav: |\n", "\nextra:\n  homepage: articles/\nnot_in_nav: |\n  /essais/*.md\n"))
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    (project / "docs" / "assets").mkdir(exist_ok=True)
    (project / "docs" / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (project / "docs" / "essais" / "sous").mkdir(parents=True)
    (project / "docs" / "essais" / "un.md").write_text("---\ntitle: Essai <un> & « deux »\n---\n\nDu texte.\n", encoding="utf-8")
    (project / "docs" / "essais" / "sous" / "deux.md").write_text("# Essai deux\n\nDu texte.\n", encoding="utf-8")
    mkdocs_build(project, tmp_path / "ours")
    build_patched(project, tmp_path / "material", MATERIALS_HEADER)
    assert_same_site(tmp_path / "ours", tmp_path / "material", at_least=20)
    page = (tmp_path / "ours" / "essais" / "sous" / "deux" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../../assets/logo.svg"' in page and 'href="../../../articles/"' in page
    assert "Essai deux" in page.split('data-md-component="header-topic"')[1][:200]


def test_one_rendering_serves_many_pages(tmp_path: Path, monkeypatch):
    """On the project as it is, Material's header is rendered for a few keys, not every page
    (without this, the tests above compare a build with itself)."""
    cut = []
    monkeypatch.setattr(theme, "header_parts", lambda rendered, page: cut.append(page.url) or header_parts(rendered, page))
    pages = build_in_process(ROOT, tmp_path / "site")
    assert pages >= 20 and 1 <= len(cut) <= pages / 2, (len(cut), pages)


def _env(overrides: dict[str, str] | None = None) -> Environment:
    from mkdocs.theme import Theme
    env = Theme(name="material").get_env()
    if overrides:
        from jinja2 import ChoiceLoader
        env.loader = ChoiceLoader([DictLoader(overrides), env.loader])
    return env


def test_the_header_is_shared_only_where_material_prints_it_alike():
    assert header_key_for(_env(), [], {}, MATERIAL_TEMPLATES) is not None
    assert header_key_for(_env(), ["navigation.tabs.sticky", "navigation.tabs"], {}, MATERIAL_TEMPLATES) is None
    assert header_key_for(_env(), [], {"alternate": [{"name": "English", "link": "/en/"}]}, MATERIAL_TEMPLATES) is None
    for name in HEADER_PARTIALS:   # a project's own version of any of them
        assert header_key_for(_env({name: "{{ page.url }}"}), [], {}, MATERIAL_TEMPLATES) is None, name


class _Page:
    def __init__(self, title, meta=None, url="a/"):
        self.title, self.meta, self.url = title, meta or {}, url


RENDERED = ('<header class="md-header"><div class="md-header__topic"><span class="md-ellipsis">\n  Carnet\n</span></div>'
            '<div class="md-header__topic" data-md-component="header-topic">\n<span class="md-ellipsis">\n'
            '            {title}\n          </span></div></header>')


def test_the_title_is_cut_out_and_put_in():
    parts = header_parts(RENDERED.format(title="Un &amp; deux"), _Page("Un &amp; deux"))
    assert parts is not None
    assert header_for(parts, _Page("Autre", {"title": "Titre"})) == RENDERED.format(title="Titre")
    assert header_for(parts, _Page("Autre")) == RENDERED.format(title="Autre")
    # Not cut: the title not found alone where Material prints it.
    assert header_parts(RENDERED.format(title="Un deux"), _Page("Un")) is None
    assert header_parts(RENDERED.format(title="Un"), _Page("")) is None
    assert header_parts("<header></header>", _Page("Un")) is None
