"""One Markdown instance for every page (carnet.engine.markdown_reuse): the same site, byte for
byte, as the engine's one instance per page, on the real project, on corpora of several shapes
and on pages using every extension Python-Markdown ships; and the engine's own render whenever
an extension is not known to allow reuse."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import markdown
import pytest

from carnet.engine.markdown_reuse import reusable, reusing_render
from conftest import ROOT, assert_same_site, build_in_process, build_patched, copy_project, mkdocs_build

# The engine's own render: the plugin's reuse switched off.
ENGINE_RENDER = ("import carnet.engine.markdown_reuse as R\n"
                 "R.ReusedMarkdown.on_pre_page = lambda self, page, config, files: page")


def build_with_engine_render(project: Path, site: Path) -> None:
    build_patched(project, site, ENGINE_RENDER)


def test_the_site_is_the_one_the_engines_render_makes(site: Path, tmp_path: Path):
    build_with_engine_render(ROOT, tmp_path / "engine")
    assert_same_site(site, tmp_path / "engine", at_least=20)


@pytest.mark.parametrize("shape", ["dense", "long", "hub", "outside"])
def test_a_corpus_is_the_one_the_engines_render_makes(shape: str, tmp_path: Path):
    """Many mentions, long articles, a note named everywhere (its pages of all mentions are
    rendered late), articles outside docs/articles/."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import SHAPES, write_corpus

    (project,) = write_corpus(tmp_path / "corpus", 12, 12, shape=SHAPES[shape], variants=("carnet",))
    mkdocs_build(project, tmp_path / "ours")
    build_with_engine_render(project, tmp_path / "engine")
    assert_same_site(tmp_path / "ours", tmp_path / "engine", at_least=24)


# Pages that leave state behind in an instance that is not reset: abbreviations, footnotes
# with the same labels, references, the table of contents' ids, meta-data, admonitions.
BUNDLED_PAGES = {
    "un.md": """\
        title: Page un

        # Essais

        Le HTML et le CSS[^1], voir [la note][n] et {==rien==}.

        *[HTML]: Hyper Text Markup Language

        [^1]: Une note de bas de page.
        [n]: deux.md "Deux"

        !!! note "Une remarque"
            Dans une admonition.

        Terme
        :   Définition

        | a | b |
        |---|---|
        | 1 | 2 |

        ```python
        print("bonjour")
        ```

        <div markdown="1">**gras**</div>

        [[deux]] -- "guillemets" ... et un saut
        de ligne.
        """,
    "deux.md": """\
        # Essais

        Le HTML encore, sans abréviation définie ici[^1], et [la note][n] sans référence.

        [^1]: Même étiquette, autre page.

        1. un
        * deux

        ## Essais
        """,
    "trois.md": "   \n",   # a page with no words: the engine returns early
}
BUNDLED = ["abbr", "admonition", "attr_list", "codehilite", "def_list", "fenced_code", "footnotes",
           "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables",
           "toc", "wikilinks", "markdown.extensions.extra"]


def test_pages_using_every_bundled_extension_are_rendered_as_the_engine_renders_them(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - tables\n" in text and "\nnot_in_nav: |\n" in text and "\n    not_found: warn\n" in text
    added = "".join(f"  - {name}\n" for name in BUNDLED if f"\n  - {name}" not in text and name != "wikilinks")
    added += "  - wikilinks:\n      base_url: ''\n      end_url: .md\n"   # [[deux]]: deux.md, a page of the site
    text = (text.replace("\n  - tables\n", "\n  - tables\n" + added)
            .replace("\nnot_in_nav: |\n", "\nnot_in_nav: |\n  /essais/*.md\n")
            .replace("\n    not_found: warn\n", "\n    not_found: ignore\n"))
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    for name, text in BUNDLED_PAGES.items():
        (project / "docs" / "essais").mkdir(exist_ok=True)
        (project / "docs" / "essais" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    mkdocs_build(project, tmp_path / "ours")
    build_with_engine_render(project, tmp_path / "engine")
    assert_same_site(tmp_path / "ours", tmp_path / "engine", at_least=20)
    first = (tmp_path / "ours" / "essais" / "un" / "index.html").read_text(encoding="utf-8")
    for made in ('<abbr title="Hyper Text Markup Language">', 'id="fn:1"', 'class="admonition note"', "<dl>",
                 "<table>", 'class="codehilite"', 'href="../deux/"', "&ldquo;", "<br />"):
        assert made in first, made   # the extensions did their work
    page = (tmp_path / "ours" / "essais" / "deux" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in page and 'id="fn:1"' in page   # nothing carried over from the page before


def test_one_instance_renders_every_page(tmp_path: Path, monkeypatch):
    """The reuse applies on the project as it is: one instance for every page, beside the one
    MkDocs makes once to check the configuration (without this the tests above compare a
    build with itself)."""
    made = []
    original = markdown.Markdown.__init__
    monkeypatch.setattr(markdown.Markdown, "__init__", lambda self, *a, **k: (made.append(k.get("extensions")), original(self, *a, **k))[1])
    pages = build_in_process(ROOT, tmp_path / "site")
    assert pages >= 20
    assert [bool(extensions) for extensions in made] == [False, True]


@pytest.mark.parametrize("extensions, settings", [
    (["toc", "pymdownx.caret"], {}),                      # an extension not known to reset
    (["toc", markdown.extensions.Extension()], {}),       # an instance of another module
    (["footnotes"], {"footnotes": {"UNIQUE_IDS": True}}),  # footnotes numbering documents
    (["extra"], {"extra": {"footnotes": {"UNIQUE_IDS": True}}}),
])
def test_the_engines_render_is_kept_when_reuse_is_not_known_to_be_safe(extensions, settings):
    from mkdocs.structure.pages import Page

    assert reusing_render(Page, extensions, settings) is None
    assert reusing_render(Page, ["toc", "markdown.extensions.tables", "abbr"], {"toc": {"permalink": True}}) is not None


def test_reusable_names():
    assert all(reusable(name) for name in BUNDLED)
    assert reusable("markdown.extensions.toc:TocExtension")
    assert not any(reusable(name) for name in ("pymdownx.superfences", "markdown.extensions", "tocx", "carnet.markdown"))
