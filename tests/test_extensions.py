"""At home among the Markdown extensions Material sites use: never a link where a click means
something else (a tab's label, a summary, a button) or in a heading-like title."""

from __future__ import annotations

import re
import textwrap
from urllib.parse import urlparse

import pytest
import yaml

from carnet.load.config import ConfigLoader
from conftest import copy_project, mkdocs_build, soup

EXTENSIONS = ["footnotes", "abbr", "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight",
              {"pymdownx.tabbed": {"alternate_style": True}}]

# A made-up article: test fixtures may hold one, the site never does.
ARTICLE = '''---
title: Essai des extensions
---

# Essai des extensions

!!! note "Sonarem reçoit"

    Un encadré dont le titre nomme Sonarem.

??? info "Gazprom, en détail"

    Le contenu repliable nomme Gazprom.

=== "Algérie"

    L’onglet nomme l’Algérie.

=== "Russie"

    Le second onglet nomme la Russie.

<button type="button">VESNA</button> et <a href="#">la Russie</a>

<label>Le Maghreb</label>

Le groupe VESNA travaille au Maghreb[^1]. Le *fer* et le `cuivre` et le cuivre.

*[Maghreb]: Région du nord-ouest de l’Afrique

[^1]: Une note de bas de page.

```python
phosphate = "Stanislav Khomenko"
```

Stanislav Khomenko et le phosphate.
'''
# Entity -> the words of the first place where it may be linked.
FIRST_ELIGIBLE = {"Sonarem": "Un encadré dont le titre nomme Sonarem.",
                  "Gazprom": "Le contenu repliable nomme Gazprom.",
                  "Algérie": "L’onglet nomme l’Algérie.", "Russie": "Le second onglet nomme la Russie.",
                  "VESNA": "Le groupe VESNA travaille au Maghreb", "Maghreb": "Le groupe VESNA travaille au Maghreb",
                  "fer": "Le fer et le cuivre et le cuivre.", "cuivre": "Le fer et le cuivre et le cuivre.",
                  "Stanislav Khomenko": "Stanislav Khomenko et le phosphate.",
                  "phosphate": "Stanislav Khomenko et le phosphate."}
NEVER_INSIDE = "label, summary, button, .admonition-title, .tabbed-labels, code, pre, h1, h2, a:not(.carnet-mention)"


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("extensions") / "project")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    text = text.replace("markdown_extensions:\n", "markdown_extensions:\n" + textwrap.indent(yaml.safe_dump(EXTENSIONS), "  "), 1)
    config_file.write_text(text, encoding="utf-8")
    assert len(yaml.load(text, Loader=ConfigLoader)["markdown_extensions"]) == 6 + len(EXTENSIONS)
    (project / "docs" / "articles" / "essai-extensions.md").write_text(ARTICLE, encoding="utf-8")
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_no_entity_link_sits_where_a_click_means_something_else(extended):
    page = soup(extended, "articles/essai-extensions")
    content = page.select_one("article.md-content__inner")
    guarded = content.select(NEVER_INSIDE)
    names = [n for n in FIRST_ELIGIBLE if any(n in el.get_text() for el in guarded)]
    assert len(names) >= 7  # the guarded places do name entities...
    for el in guarded:
        assert el.select("a.carnet-mention") == [], el  # ...and none is linked there


def test_the_first_mention_moves_to_the_next_eligible_place(extended):
    content = soup(extended, "articles/essai-extensions").select_one("article.md-content__inner")
    links = content.select("a.carnet-mention")
    assert sorted(a.get_text().replace("l’", "") for a in links) == sorted(FIRST_ELIGIBLE)
    for a in links:
        name = a.get_text()
        block = a.find_parent(["p", "li", "dd"])
        assert FIRST_ELIGIBLE[name] in block.get_text(), (name, block.get_text())


@pytest.mark.browser
def test_tabs_switch_and_blocks_open_when_clicked(extended, browser):
    from browser import StaticServer
    with StaticServer(extended) as server:
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        page.goto(server.url + "articles/essai-extensions/")
        second = page.locator(".tabbed-labels label", has_text="Russie")
        second.click()
        assert urlparse(page.url).path.endswith("/articles/essai-extensions/")  # the click stayed on the page...
        assert page.locator(".tabbed-block").nth(1).is_visible()  # ...and switched the tab
        assert not page.locator(".tabbed-block").nth(0).is_visible()
        summary = page.locator("details summary", has_text="Gazprom")
        summary.click()
        page.wait_for_function("() => document.querySelector('.carnet-article-text details').open")
        assert urlparse(page.url).path.endswith("/articles/essai-extensions/")
        assert page.get_by_text("Le contenu repliable nomme").is_visible()
        context.close()


# -- each of Carnet's three extensions alone ----------------------------------------------------

def _alone(extension, text: str) -> str:
    import markdown
    return markdown.Markdown(extensions=[extension, "attr_list"]).convert(text)


# Spaces before : ; ? as French writes them, which an English page keeps as they are.
ENGLISH = "Sonarem met Gazprom : a talk about phosphate ; who knows ?\n\nSecond paragraph : here."


def test_each_extension_works_alone_and_does_only_its_own_job():
    from carnet.markdown.french_spacing import FrenchSpacingExtension
    from carnet.markdown.mention_links import MentionExtension
    from carnet.markdown.paragraph_anchors import ParagraphAnchorExtension
    from carnet.markdown.scan import PageScan
    from helpers import note
    from carnet.markdown.matcher import MentionMatcher

    plain = _alone("attr_list", ENGLISH)
    matcher = MentionMatcher([note("entreprises/gazprom", "Gazprom")])
    scan = PageScan("page.md", href=lambda nid: f"/{nid}/", article="page")
    linked = _alone(MentionExtension(lambda: matcher, lambda: scan, lambda: "first"), ENGLISH)
    # Links and nothing else: the text around them, its spaces and its paragraphs, as without it.
    assert '<a class="carnet-mention" data-preview="" href="/entreprises/gazprom/">Gazprom</a>' in linked
    assert linked.replace('<a class="carnet-mention" data-preview="" href="/entreprises/gazprom/">Gazprom</a>',
                          "Gazprom") == plain
    assert scan.passages == []

    scan = PageScan("page.md", href=lambda nid: "", article="page")
    anchored = _alone(ParagraphAnchorExtension(lambda: scan), ENGLISH)
    assert [p.id for p in scan.passages] == ["p-sonarem-met-gazprom-a-talk-about", "p-second-paragraph-here"]
    assert " :" in anchored and "\u00a0" not in anchored   # anchors only: no French spacing
    assert anchored.replace(' id="p-sonarem-met-gazprom-a-talk-about"', "").replace(
        ' id="p-second-paragraph-here"', "") == plain

    assert " :" in linked and "\u00a0" not in linked and "\u202f" not in linked   # links only
    spaced = _alone(FrenchSpacingExtension(), ENGLISH)
    assert spaced != plain
    assert spaced == plain.replace(" :", "\u00a0:").replace(" ;", "\u202f;").replace(" ?", "\u202f?") \
        and "<a" not in spaced and "id=" not in spaced
    assert _alone(FrenchSpacingExtension(), "Il dit : « oui » ?") == "<p>Il dit\u00a0: «\u202foui\u202f»\u202f?</p>"


def test_each_extension_lists_its_processors_and_priorities():
    """As Python-Markdown's own extensions do: the module's docstring names every processor
    the extension registers, with its priority."""
    import importlib
    import markdown
    from carnet.markdown import OURS, site_extensions

    for extension in site_extensions(lambda: None, lambda: None, lambda: "first"):
        md = markdown.Markdown(extensions=[extension])
        registered = [(name, md.treeprocessors._priority[md.treeprocessors.get_index_for_name(name)].priority)
                      for name in md.treeprocessors._data if name.startswith("carnet_")]
        doc = importlib.import_module(type(extension).__module__).__doc__
        assert len(registered) == 1, registered
        for name, priority in registered:
            assert re.search(rf"^\s+{name} \({priority:g}\)", doc, re.M), (type(extension).__name__, name, priority)
    assert len(OURS) == 3
