"""Addresses the site has published keep working: every page and anchor of the record,
renamed, moved or reworded, either still leads where it did or stops the build."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from carnet.addresses.record import RECORD_FILE, load_record
from carnet.commands.cli import main as carnet
from carnet.citations.passages import passage_id
from carnet.load.article_meta import ArticleMeta
from carnet.pages.article_html import dateline, french_date
from conftest import BUILD_DAY, ROOT, copy_project, mkdocs_build, soup

RECORD, _ = load_record(ROOT / RECORD_FILE, RECORD_FILE)
NOTE_PAGES = [p for p in RECORD.pages if (ROOT / "notes" / (p.rstrip("/") + ".yml")).is_file()]
ANCHORS = [(page, anchor) for page, anchors in RECORD.anchors.items() for anchor in anchors]
ARTICLE = "docs/articles/sonarem-vesna.md"


def rename_note(project: Path, page: str, new_slug: str) -> Path:
    """notes/<kind>/<slug>.yml renamed, and every relation that targets it updated."""
    old_id = page.rstrip("/")
    kind = old_id.split("/")[0]
    new = project / "notes" / kind / f"{new_slug}.yml"
    (project / "notes" / f"{old_id}.yml").rename(new)
    for path in (project / "notes").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"target: {old_id}\n", f"target: {kind}/{new_slug}\n"), encoding="utf-8")
    return new


def test_the_committed_record_holds_every_address_the_site_publishes(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    assert carnet(["publish-record", "--project", str(project)]) == 0
    assert (project / RECORD_FILE).read_text(encoding="utf-8") == (ROOT / RECORD_FILE).read_text(encoding="utf-8")
    assert len(NOTE_PAGES) == len(list((ROOT / "notes").rglob("*.yml")))
    assert {f"p{i}" for i in range(1, 7)} <= set(RECORD.aliases["articles/sonarem-vesna/"])


@pytest.mark.parametrize("page", NOTE_PAGES)
def test_a_published_fiche_renamed_stops_the_build_until_its_old_address_redirects(tmp_path, page):
    project = copy_project(tmp_path / "project")
    new = rename_note(project, page, "nouveau-nom")
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert re.search(rf"^addresses\.yml:\d+:\d+: error: the address '{re.escape(page)}' was published", err, re.M), err
    assert f"former_ids: [{page.rstrip('/')}]" in err and "Was it renamed to" in err
    # Declared, it builds, and the old address leads to the new fiche.
    text = new.read_text(encoding="utf-8")
    new.write_text(text + f"former_ids:\n  - {page.rstrip('/')}\n", encoding="utf-8")
    site = tmp_path / "site"
    mkdocs_build(project, site)
    kind = page.split("/")[0]
    redirect = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert redirect.select_one('meta[name="robots"]')["content"] == "noindex"
    assert redirect.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../nouveau-nom/"
    assert redirect.select_one('link[rel="canonical"]')["href"].endswith(f"/{kind}/nouveau-nom/")
    assert redirect.a["href"] == "../nouveau-nom/"
    assert '+ location.hash' in redirect.script.string   # the fragment kept
    assert (site / kind / "nouveau-nom" / "index.html").is_file()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{page}<" not in sitemap and f"/{kind}/nouveau-nom/<" in sitemap
    assert f"/{page}" not in (site / "feed.xml").read_text(encoding="utf-8")


def test_a_note_never_published_is_renamed_freely(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "notes" / "lieux" / "tamanrasset.yml"
    path.write_text("name: Tamanrasset\nsummary: Ville d’Algérie.\nsources: [{title: T}]\nsummary_source: T\n", encoding="utf-8")
    mkdocs_build(project, tmp_path / "site")
    path.rename(path.with_name("tamanrasset-ville.yml"))
    mkdocs_build(project, tmp_path / "site")


@pytest.mark.parametrize("page, anchor", ANCHORS, ids=[a for _, a in ANCHORS])
def test_a_published_anchor_reworded_stops_the_build_until_the_paragraph_keeps_it(tmp_path, page, anchor):
    project = copy_project(tmp_path / "project")
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8")
    paragraph = next(b.strip() for b in text.split("\n\n") if passage_id(b.strip()) == anchor)
    path.write_text(text.replace(paragraph, "Ainsi, " + paragraph[0].lower() + paragraph[1:]), encoding="utf-8")
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert re.search(rf"^addresses\.yml:\d+:\d+: error: the anchor '{re.escape(page)}#{anchor}' was published", err, re.M), err
    assert f"'{{ #{anchor} }}'" in err
    text = path.read_text(encoding="utf-8")
    reworded = "Ainsi, " + paragraph[0].lower() + paragraph[1:]
    path.write_text(text.replace(reworded, reworded + f"\n{{ #{anchor} }}"), encoding="utf-8")
    mkdocs_build(project, tmp_path / "site")
    html = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
    assert f'<p id="{anchor}">' in html


def move_article(project: Path) -> Path:
    """The article renamed sonarem-et-vesna, and the notes' citations of it updated."""
    old = project / ARTICLE
    new = old.with_name("sonarem-et-vesna.md")
    old.rename(new)
    for path in (project / "notes").rglob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("article: sonarem-vesna\n", "article: sonarem-et-vesna\n"),
                        encoding="utf-8")
    return new


def declare_former_slug(article: Path) -> None:
    article.write_text(article.read_text(encoding="utf-8").replace("---\n", "---\nformer_slugs: [sonarem-vesna]\n", 1),
                       encoding="utf-8")


def test_a_moved_article_redirects_from_its_old_address_with_its_anchors(tmp_path):
    project = copy_project(tmp_path / "project")
    new = move_article(project)
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert "the address 'articles/sonarem-vesna/' was published" in err and "former_slugs" in err
    declare_former_slug(new)
    site = tmp_path / "site"
    mkdocs_build(project, site)
    assert "url=../sonarem-et-vesna/" in (site / "articles/sonarem-vesna/index.html").read_text(encoding="utf-8")
    moved = (site / "articles/sonarem-et-vesna/index.html").read_text(encoding="utf-8")
    for _, anchor in ANCHORS:
        assert f'id="{anchor}"' in moved
    for alias in RECORD.aliases["articles/sonarem-vesna/"]:
        assert f'id="{alias}"' in moved


def test_a_renamed_article_keeps_the_day_it_came_and_the_record_learns_its_new_address(tmp_path):
    project = copy_project(tmp_path / "project")
    declare_former_slug(move_article(project))
    site = tmp_path / "site"
    mkdocs_build(project, site)
    box = soup(site, "articles/sonarem-et-vesna").select_one(".carnet-source-box").get_text()
    assert "Ajouté au Carnet\u00a0: le 29\u00a0novembre 2026." in box
    assert recorded_days(project) == {"articles/sonarem-vesna/": "2026-11-29", "articles/sonarem-et-vesna/": "2026-11-29"}


NEW_ARTICLE = "# Essai d’un nouvel article\n\nUn texte d’essai qui nomme VESNA.\n"


def test_an_article_published_before_the_record_kept_days_stays_undated_and_says_so(tmp_path):
    """Only an article the record has not published yet is dated by the build that publishes it:
    one published before the record kept days would get a false date."""
    project = copy_project(tmp_path / "project")
    record = project / RECORD_FILE
    record.write_text(record.read_text(encoding="utf-8").split("\nadded:")[0] + "\n", encoding="utf-8")
    (project / "docs" / "articles" / "essai-nouveau.md").write_text(NEW_ARTICLE, encoding="utf-8")
    site, site_url = tmp_path / "site", "https://carnet-minier.example.org/"
    for _ in range(2):   # and the next build leaves it so
        mkdocs_build(project, site, env={"CARNET_SITE_URL": site_url})
        assert recorded_days(project) == {"articles/essai-nouveau/": BUILD_DAY.isoformat()}
    lines = {a.select_one(".carnet-article-title a")["href"]: a.select_one(".carnet-article-dateline").get_text()
             for a in soup(site, "articles").select("li.carnet-article")}
    assert lines == {"sonarem-vesna/": "Titre de la rédaction · média et auteur inconnus · seule date\u00a0: "
                                       "«\u202fMercredi\u202f» · ajouté au Carnet à une date inconnue",
                     "essai-nouveau/": f"Média, auteur et date inconnus · ajouté au Carnet le {french_date(BUILD_DAY)}"}
    article = soup(site, "articles/sonarem-vesna")
    assert "Ajouté au Carnet" not in article.select_one(".carnet-source-box").get_text()
    assert "dateCreated" not in json.loads(article.select_one('script[type="application/ld+json"]').string)
    # The feeds give it no date, and do not say they date it by the day it came.
    item = next(i for i in ET.parse(site / "feed.xml").getroot().iter("item") if "sonarem" in i.findtext("link"))
    assert item.find("pubDate") is None
    assert "ajouté au Carnet à une date inconnue." in item.findtext("description")
    assert "Faute de date" not in item.findtext("description")
    entry = next(i for i in json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"] if "sonarem" in i["url"])
    assert "date_published" not in entry and entry["_carnet"]["added"] is None


def test_only_a_preview_of_an_article_no_build_has_published_says_it_is_not_published_yet():
    undated = ArticleMeta(outlet="Le Journal")
    assert dateline(undated).endswith("· pas encore publié sur le Carnet")
    assert dateline(replace(undated, on_site=True)).endswith("· ajouté au Carnet à une date inconnue")
    assert dateline(replace(undated, added=dt.date(2026, 11, 29), on_site=True)).endswith(
        "· ajouté au Carnet le 29\u00a0novembre 2026")


def recorded_days(project: Path) -> dict[str, str]:
    record, problems = load_record(project / RECORD_FILE, RECORD_FILE)
    assert problems == []
    return record.added


def test_a_former_address_that_is_a_live_page_names_both_files(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "notes" / "entreprises" / "vesna.yml"
    path.write_text(path.read_text(encoding="utf-8") + "former_ids: [entreprises/gazprom]\n", encoding="utf-8")
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert ("notes/entreprises/vesna.yml: error: the former address 'entreprises/gazprom/' is a live page, "
            "made by notes/entreprises/gazprom.yml") in err


def test_former_ids_are_validated_like_every_field(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "notes" / "entreprises" / "vesna.yml"
    path.write_text(path.read_text(encoding="utf-8") + "former_ids: [Vesna Russie, entreprises/vesna]\n", encoding="utf-8")
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert "former id #1 must be 'kind/slug'" in err and "former id 'entreprises/vesna' is the note's own id" in err


def test_publish_record_drops_an_address_only_when_asked(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    (project / "notes" / "minerais" / "fer.yml").unlink()
    for path in (project / "notes").rglob("*.yml"):   # nothing else points to it
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"  - type: \w+\n    target: minerais/fer\n(    .*\n|      .*\n)*", "", text), encoding="utf-8")
    assert carnet(["check", "--project", str(project)]) == 1
    assert "the address 'minerais/fer/' was published" in capsys.readouterr().out
    assert carnet(["publish-record", "--project", str(project)]) == 0
    assert "Addresses no longer guarded: /minerais/fer/" in capsys.readouterr().out
    mkdocs_build(project, tmp_path / "site")
    shutil.rmtree(tmp_path / "site")


# --- in Chromium -----------------------------------------------------------------------------------

ALIASES = [(page, alias, anchor) for page, names in RECORD.aliases.items() for alias, anchor in names.items()]


@pytest.mark.browser
def test_every_older_anchor_lands_on_its_paragraph_in_chromium(browser, served):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    assert ALIASES
    for address, alias, anchor in ALIASES:
        page.goto("about:blank")   # a fresh load each time, as a shared link opens
        page.goto(f"{served}{address}#{alias}", wait_until="networkidle")
        target = page.locator(f"#{alias}")
        assert target.evaluate("el => el.closest('p').id") == anchor
        assert page.locator(f"#{anchor}").evaluate(
            "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight }"), alias
    page.close()


@pytest.mark.browser
def test_a_renamed_fiche_s_old_address_leads_to_it_fragment_kept_in_chromium(browser, tmp_path):
    from browser import StaticServer
    project = copy_project(tmp_path / "project")
    new = rename_note(project, "entreprises/vesna/", "vesna-russie")
    new.write_text(new.read_text(encoding="utf-8") + "former_ids: [entreprises/vesna]\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    with StaticServer(site) as server:
        mkdocs_build(project, site, env={"CARNET_SITE_URL": server.url})
        page = browser.new_page()
        page.goto(server.url + "entreprises/vesna/#relations", wait_until="networkidle")
        assert page.url == server.url + "entreprises/vesna-russie/#relations"
        assert page.locator("h1").inner_text().startswith("VESNA")
        page.close()


def test_the_record_of_a_large_site_is_read(tmp_path):
    """5,000 articles of 6 paragraphs and 5,000 fiches: far over a note's 64 KiB."""
    from carnet.addresses.record import Record, dump_record
    pages = [f"articles/article-{i:04d}/" for i in range(5000)] + [f"lieux/lieu-{i:04d}/" for i in range(5000)]
    anchors = {f"articles/article-{i:04d}/": [f"p-le-paragraphe-numero-{j}-de-cet-article" for j in range(6)]
               for i in range(5000)}
    text = dump_record(Record(pages, anchors, {}))
    assert len(text.encode("utf-8")) > 1_000_000
    (tmp_path / RECORD_FILE).write_text(text, encoding="utf-8")
    record, problems = load_record(tmp_path / RECORD_FILE, RECORD_FILE)
    assert problems == [] and len(record.pages) == 10_000 and len(record.anchors) == 5000
