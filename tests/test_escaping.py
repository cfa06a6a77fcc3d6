"""Text from outside reaches every page as text (#36).

MkDocs' Jinja has no autoescape and Material prints a page's title, description and author,
navigation titles and the site's name as it gets them.  Every field an editor writes, of an
article's front matter, of a hand-written page, of a note and of the configuration, is tried
here with a value that closes an attribute, closes an element and opens a script, and with
plain text holding ``"``, ``<`` and ``&``: the site is built as `make build` builds it, every
page is parsed, and no script or event attribute comes from the value, while the reader sees
the text as written.  A field that refuses such a value says so, naming the file and the field.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build

ARTICLE = Path("docs/articles/sonarem-vesna.md")
HOME = Path("docs/index.md")


def attack(field: str) -> str:
    """Closes an attribute, closes an element, opens a script and an element with an event."""
    return f'"><script>alert("{field}")</script><img src=x onerror=alert("{field}")>'


def plain(field: str) -> str:
    """Text a reader must see as written, quotes, angle brackets, ampersand and an entity's
    spelling included (``&amp;`` as five characters)."""
    return f'Jean "JJ" Dupont & 3 < 5 &amp; ({field})'


def set_front_matter(path: Path, fields: dict) -> None:
    """The page's front matter with ``fields`` set (YAML written by PyYAML: any text survives)."""
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    meta = {**yaml.safe_load(head), **fields}
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {f.relative_to(site).as_posix(): BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
            for f in sorted(site.rglob("*.html"))}


def injected(site: Path) -> list[str]:
    """Every script, event attribute or element that came from a value rather than from the site."""
    found = []
    for path, dom in pages(site).items():
        for script in dom.find_all("script"):
            runs = script.get("type") in (None, "", "text/javascript", "module")
            if runs and "alert(" in script.get_text():
                found.append(f"{path}: script {script.get_text()[:60]!r}")
        for element in dom.find_all(True):
            found += [f"{path}: <{element.name} {name}=…>" for name in element.attrs if name.lower().startswith("on")]
        found += [f"{path}: <img src=x>" for _ in dom.find_all("img", src="x")]
    # The feeds are read by other programs: they must parse, and hold the text, not markup.
    for feed in ("feed.xml",):
        if (site / feed).exists():
            ET.fromstring((site / feed).read_text(encoding="utf-8"))
    if (site / "feed.json").exists():
        json.loads((site / "feed.json").read_text(encoding="utf-8"))
    return found


def texts(dom: BeautifulSoup) -> str:
    return " ".join(dom.get_text(" ").split())


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "project")


def build(project: Path) -> Path:
    site = project.parent / "site"
    mkdocs_build(project, site)
    return site


# -- an article's front matter ---------------------------------------------------------------

ARTICLE_TEXT = ("title", "description", "outlet", "author", "date_as_written", "changes", "subtitle", "status")


def list_article_in_nav(project: Path) -> None:
    """The article in the navigation without a title of its own: the theme prints its
    metadata (title, subtitle, status) on every page, including pages built before it."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - Articles: articles/index.md\n",
                                   "  - Articles: articles/index.md\n  - articles/sonarem-vesna.md\n"), encoding="utf-8")
    assert "  - articles/sonarem-vesna.md" in config.read_text(encoding="utf-8")


def test_article_front_matter_runs_no_script(project):
    fields = {field: attack(field) for field in ARTICLE_TEXT} | {"tags": [attack("tags")]}
    set_front_matter(project / ARTICLE, fields)
    list_article_in_nav(project)
    site = build(project)
    assert injected(site) == []
    # The navigation of the first page built (the home page) names the article as written.
    assert attack("title") in texts(pages(site)["index.html"].select_one("nav.md-nav--primary"))
    # Not merely dropped: the words are on the page, as text.
    article = pages(site)["articles/sonarem-vesna/index.html"]
    for field in ("title", "outlet", "author", "changes"):
        assert attack(field) in texts(article), field


def test_article_front_matter_is_shown_as_written(project):
    fields = {field: plain(field) for field in ("title", "description", "outlet", "author", "changes")}
    fields["date_as_written"] = plain("date")
    set_front_matter(project / ARTICLE, fields)
    site = build(project)
    assert injected(site) == []
    dom = pages(site)["articles/sonarem-vesna/index.html"]
    assert dom.find("meta", attrs={"name": "author"})["content"] == plain("author")
    assert dom.find("meta", attrs={"name": "description"})["content"] == plain("description")
    assert dom.find("meta", property="og:description")["content"] == plain("description")
    assert dom.title.get_text().startswith(plain("title"))
    assert plain("title") in dom.select_one(".md-header__topic[data-md-component=header-topic]").get_text()
    shown = texts(dom)
    for field in ("outlet", "author", "changes", "date"):
        assert plain(field) in shown, field
    ld = json.loads(dom.select_one('script[type="application/ld+json"]').string)
    assert ld["author"]["name"] == plain("author") and ld["publisher"]["name"] == plain("outlet")
    # Lists and feeds that name the article give its headline as written too.
    assert plain("title") in texts(pages(site)["articles/index.html"])
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert any(plain("title") in item["title"] for item in feed["items"])
    rss = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8"))
    assert any(plain("title") in (item.findtext("title") or "") for item in rss.iter("item"))


REFUSED = {   # article fields whose value has a form: an attack is refused, naming the field
    "url": "'url'", "title_by": "'title_by'", "date": "'date'", "added": "'added'",
    "former_slugs": "'former_slugs'", "template": "'template'", "icon": "'icon'",
}


@pytest.mark.parametrize("field", REFUSED)
def test_article_fields_with_a_form_refuse_markup(project, field):
    value = [attack(field)] if field == "former_slugs" else (
        "https://example.org/" + attack(field) if field == "url" else attack(field))
    set_front_matter(project / ARTICLE, {field: value})
    result = mkdocs_build(project, project.parent / "site", expect_failure=True)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line]
    assert len(errors) == 1, errors
    assert errors[0].startswith(ARTICLE.as_posix()) and REFUSED[field] in errors[0], errors[0]
    assert not (project.parent / "site").exists(), "nothing is published from a refused build"


# -- a hand-written page and the configuration -----------------------------------------------

CONFIG_TEXT = ("site_name", "site_description", "site_author", "copyright")


def set_config(project: Path, value) -> None:
    """mkdocs.yml with each of its texts an editor writes set to ``value(field)``."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    for field in CONFIG_TEXT:
        line = f"{field}: {json.dumps(value(field), ensure_ascii=False)}"
        text, n = re.subn(rf"^{field}:.*$", lambda _: line, text, count=1, flags=re.M)
        if not n:
            text = line + "\n" + text
    text = text.replace("  - Graphe du dossier: graphe.md", f"  - {json.dumps(value('nav'))}: graphe.md")
    text = text.replace("name: Passer au thème sombre", f"name: {json.dumps(value('toggle'))}")
    path.write_text(text, encoding="utf-8")


def test_page_and_configuration_run_no_script(project):
    set_front_matter(project / HOME, {field: attack(field) for field in ("title", "description", "author")})
    set_config(project, attack)
    site = build(project)
    assert injected(site) == []
    home = pages(site)["index.html"]
    assert home.find("meta", attrs={"name": "author"})["content"] == attack("author")
    assert attack("site_name") in texts(home) and attack("copyright") in texts(home)


def test_page_and_configuration_are_shown_as_written(project):
    set_front_matter(project / HOME, {field: plain(field) for field in ("title", "description", "author")})
    set_config(project, plain)
    site = build(project)
    assert injected(site) == []
    every = pages(site)
    home, graph = every["index.html"], every["graphe/index.html"]
    assert home.title.get_text() == f"{plain('title')} – {plain('site_name')}"
    assert home.find("meta", attrs={"name": "description"})["content"] == plain("description")
    assert home.find("meta", attrs={"name": "author"})["content"] == plain("author")
    assert graph.find("meta", attrs={"name": "author"})["content"] == plain("site_author")
    assert plain("site_name") in home.select_one(".md-header__topic").get_text()
    assert home.select_one(".md-header__button.md-logo")["aria-label"] == plain("site_name")
    assert plain("copyright") in home.select_one(".md-copyright__highlight").get_text()
    assert any(a.get_text(" ", strip=True) == plain("nav") for a in home.select(".md-nav__link"))
    assert home.select_one("label[for=__palette_1]")["title"] == plain("toggle")
    assert every["404.html"].title.get_text().endswith(plain("site_name"))


# -- a note ------------------------------------------------------------------------------------

def note_text(value) -> dict:
    short = "Court " + value("short")   # how facts name their source, shown beside each
    return {"name": "Essai " + value("name"), "aliases": [{"form": "Variante " + value("alias"), "source": short},
                                                          "Recherche " + value("searched")],
            "summary": "Résumé " + value("summary"),
            "facts": {"Étiquette " + value("label"): {"value": "Valeur " + value("value"), "source": short}},
            "sources": [{"title": "Source " + value("source"), "url": "https://example.org/essai", "short": short}],
            "summary_source": short}


def write_note(project: Path, data: dict) -> None:
    (project / "notes" / "entreprises" / "essai.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_note_fields_run_no_script(project):
    write_note(project, note_text(attack))
    site = build(project)
    assert injected(site) == []
    fiche = texts(pages(site)["entreprises/essai/index.html"])
    for field in ("name", "alias", "summary", "label", "value", "source", "short"):
        assert attack(field) in fiche, field


def test_note_fields_are_shown_as_written(project):
    write_note(project, note_text(plain))
    site = build(project)
    assert injected(site) == []
    dom = pages(site)["entreprises/essai/index.html"]
    name = "Essai " + plain("name")
    assert dom.title.get_text().startswith(name)
    assert dom.h1.get_text(" ", strip=True).startswith(name)
    assert dom.find("meta", property="og:title")["content"].startswith(name)
    shown = texts(dom)
    for field in ("alias", "summary", "label", "value", "source", "short"):
        assert plain(field) in shown, field
    assert plain("searched") not in shown   # a plain alias is for search: not shown
    assert json.loads(dom.select_one('script[type="application/ld+json"]').string)["name"] == name
    assert name in texts(pages(site)["index-a-z/index.html"])


NOTE_REFUSED = {   # note fields whose value has a form
    "url": ({"sources": [{"title": "Source", "url": "https://example.org/" + attack("url")}]}, "URL"),
    "former_ids": ({"former_ids": [attack("former_ids")]}, "former_ids"),
    "relation type": ({"relations": [{"type": attack("type"), "target": "entreprises/vesna",
                                      "cite": {"article": "sonarem-vesna", "quote": "VESNA"}}]}, "type"),
    "relation target": ({"relations": [{"type": "talks_with", "target": attack("target"),
                                        "cite": {"article": "sonarem-vesna", "quote": "VESNA"}}]}, "target"),
    "cite article": ({"facts": {"Pays": {"value": "Russie", "cite": {"article": attack("article"),
                                                                     "quote": "VESNA"}}}}, "article"),
    "cite quote": ({"facts": {"Pays": {"value": "Russie", "cite": {"article": "sonarem-vesna",
                                                                   "quote": attack("quote")}}}}, "quote"),
}


@pytest.mark.parametrize("case", NOTE_REFUSED)
def test_note_fields_with_a_form_refuse_markup(project, case):
    fields, named = NOTE_REFUSED[case]
    write_note(project, {"name": "Essai", "summary": "Résumé.",
                         "sources": [{"title": "Source", "url": "https://example.org/essai"}]} | fields)
    result = mkdocs_build(project, project.parent / "site", expect_failure=True)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line]
    assert errors and all(line.startswith("notes/entreprises/essai.yml") for line in errors), errors
    assert any(named in line for line in errors), errors
