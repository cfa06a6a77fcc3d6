"""The copy desk's rules (#34), over every page Carnet writes, on the project and on a
synthetic corpus of many articles and notes:

- every line of a fiche's infobox and relations says who says so, by its numbered reference:
  the article (its words, a paragraph) or a named source, linked to it; a line of the infobox
  the article backs says so in words too;
- a summary resting on a source says so ("Résumé d’après Wikipédia");
- counts in the house style: words below ten and at a sentence's start;
- no database words ("entité", "nature" for a kind) in what Carnet writes;
- common nouns (mineral names) in lower case within a list;
- the feeds give the article's words in « », as its own.

What Carnet writes is the page minus the article's own text and the « quotations »."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from carnet.model.vocabulary import KINDS
from conftest import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT / "bench"))
from corpus import SHAPES, write_corpus  # noqa: E402

COUNTED = r"(fiche|phrase|article|page|relation|autre|problème|résultat|mention)s?"
SMALL_DIGIT_COUNT = re.compile(r"(?<![\d§\u00a0\u202f,.])(?<!§\u00a0)\b[0-9][\u00a0 ]" + COUNTED + r"\b")
DIGIT_AT_START = re.compile(r"(?:^|[.!?]\s)\d")
DATABASE_WORDS = re.compile(r"\b(entités?|nature|slug|null|None)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    """Forty articles and forty notes of the reference shape: facts and relations cited."""
    tmp = tmp_path_factory.mktemp("copydesk")
    (project,) = write_corpus(tmp / "corpus", 40, 40, shape=SHAPES["reference"], variants=("carnet",))
    site = tmp / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def pages_of(site: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(site.rglob("*.html"))
            if "carnet-staging" not in p.as_posix() and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:600]}


def carnet_text(dom: BeautifulSoup) -> list[tuple[str, str]]:
    """The texts Carnet writes on a page: its <article> without the article's paragraphs,
    the quotations of it, code and the search index; (tag, text) per block."""
    article = dom.select_one("article")
    if article is None:
        return []
    article = BeautifulSoup(str(article), "html.parser")
    for tag in article.select("script, style, svg, code, .carnet-quote, .carnet-verbatim, sup.carnet-ref, "
                              ".carnet-excerpt, .carnet-support, [data-carnet-article] > p, .carnet-article-body p"):
        tag.decompose()
    blocks = []   # (a reference's number is no count: gone with its tip)
    for tag in article.find_all(["p", "li", "h1", "h2", "h3", "dt", "dd", "figcaption", "summary"]):
        text = tag.get_text(" ", strip=True)
        blocks.append((tag.name, re.sub(r"«[^«»]*»", "« »", text)))   # quotations are the article's words
    return blocks


def is_article_page(path: str, dom: BeautifulSoup) -> bool:
    return dom.select_one(".carnet-source-box") is not None


@pytest.mark.parametrize("which", ["project", "corpus"])
def test_counts_words_and_capitals_follow_the_house_style(site, corpus_site, which):
    built = site if which == "project" else corpus_site
    checked = 0
    for path, dom in pages_of(built).items():
        texts = carnet_text(dom)
        if is_article_page(path, dom):   # an article's paragraphs are the source's, not ours
            texts = [(tag, t) for tag, t in texts if "Ce texte" in t or "Média" in t or "fiches de cet article" in t]
        for tag, text in texts:
            assert not SMALL_DIGIT_COUNT.search(text), (path, text)
            if tag != "dd":   # a value ("29") is no sentence
                assert not DIGIT_AT_START.match(text), (path, text)
            assert not DATABASE_WORDS.search(text), (path, text)
            checked += 1
        # Mineral names within a list: "Ressources minérales : cuivre, fer et phosphate".
        for item in dom.select(".carnet-article-entities, .carnet-article-fiches li, .carnet-relations li, "
                               ".carnet-graph-fiches li"):
            for link in item.select("a[data-preview], a[href]:not(.carnet-graph-kind)"):   # a category is no name
                if any(f"/{kind}/" in "/" + link.get("href", "") and KINDS[kind].common_nouns for kind in KINDS):
                    name = link.get_text()
                    if name[1:].islower():
                        assert name[0].islower(), (path, name)
    assert checked > (50 if which == "project" else 500)


def says_who(dom: BeautifulSoup, line, sources: set[str]) -> bool:
    """A line's own reference (its last number) says who says so and links to where: the
    article, its words and a paragraph; or a source, its address or a fiche's list of sources."""
    numbers = line.select("sup.carnet-ref > a")
    if not numbers:
        return False
    entry = dom.find(id=numbers[-1]["href"].removeprefix("#"))
    text = entry.get_text()
    if entry.select_one("a.carnet-ref-passage") is not None:
        return re.search(r"» — selon l’article( «.*»)?, §\u00a0\d+$", text) is not None
    link = entry.select("a:not(.carnet-backref)")[0]["href"]
    local = link.startswith("#")
    return "Selon " in text and (link.startswith("http") or (link.lstrip("#") in sources if local else "#source-" in link))


@pytest.mark.parametrize("which", ["project", "corpus"])
def test_every_line_of_a_fiche_says_who_says_so(site, corpus_site, which):
    built = site if which == "project" else corpus_site
    fiches = 0
    for path, dom in pages_of(built).items():
        box = dom.select_one(".carnet-infobox")
        relations = dom.select_one(".carnet-relations")
        if box is None and relations is None:
            continue
        fiches += 1
        sources = {li["id"] for li in dom.select(".carnet-sources li[id]")}
        for dt, dd in zip(box.select("dt") if box else [], box.select("dd") if box else []):
            assert says_who(dom, dd, sources), (path, dd.get_text())
            # A line the article backs says so in words too, under the box: a number alone does not.
            entry = dom.find(id=dd.select("sup.carnet-ref > a")[-1]["href"].removeprefix("#"))
            if entry.select_one("a.carnet-ref-passage") is not None:
                note = box.select_one(".carnet-infobox-note").get_text()
                label = dt.get_text().replace("\u00a0:", "")
                assert re.search(r"(?i:s)elon l’article[^;]*" + re.escape(label[1:]), note), (path, label, note)
        for li in (relations.select("li") if relations else []):
            assert says_who(dom, li, sources), (path, li.get_text())
        summary = dom.select_one(".carnet-summary")
        if summary is not None and dom.select(".carnet-sources li[id]"):
            # A fiche listing sources says what its summary's own words rest on.
            assert "Résumé d’après" in summary.get_text(), path
    assert fiches == (11 if which == "project" else 40)


@pytest.mark.parametrize("which", ["project", "corpus"])
def test_every_relation_on_the_dossier_graph_s_page_says_who_says_so_as_a_fiche_does(site, corpus_site, which):
    """The graph's page cites as fiches do: each relation under the drawing ends with its
    raised number, whose reference, at the page's end, says who says so and links to where,
    and links back to every relation citing it."""
    built = site if which == "project" else corpus_site
    dom = BeautifulSoup((built / "graphe" / "index.html").read_text(encoding="utf-8"), "html.parser")
    lines = dom.select(".carnet-graph-relations li")
    assert len(lines) >= (11 if which == "project" else 20)
    for line in lines:
        assert says_who(dom, line, set()), line.get_text()
        number = line.select_one("sup.carnet-ref > a")
        entry = dom.find(id=number["href"].removeprefix("#"))
        assert f'#{number["id"]}' in [a["href"] for a in entry.select("a.carnet-backref")], line.get_text()
    assert dom.select_one("h2#references") is not None and dom.select("ol.carnet-references > li")


def test_the_project_s_notes_show_every_source_they_name():
    """Each source a note lists backs something shown: a fact, a relation or the summary."""
    from carnet.load.notes_dir import load_notes
    catalog, problems = load_notes(ROOT / "notes", ROOT)
    assert not problems
    for note in catalog:
        named = {f.source for f in note.facts} | {r.source for r in note.relations} | {note.summary_source} \
            | {o.source for o in note.other_names}
        assert {s.name for s in note.sources} <= named, note.id


def test_the_feeds_give_the_article_s_words_as_its_own(site):
    channel = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8")).find("channel")
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    first = "Le Maghreb, avec ses étendues désertiques et ses montagnes aux sols riches, demeure un trésor pour " \
            "les ressources minières."
    for text in [item.findtext("description") for item in channel.findall("item")] + \
            [item["content_text"] for item in feed["items"]]:
        assert text.startswith(f"Première phrase, telle que reçue\u00a0: «\u202f{first}\u202f» — "), text
        assert "ajouté au Carnet le 29\u00a0novembre 2026" in text
    assert [i["date_published"] for i in feed["items"]] == ["2026-11-29T00:00:00Z"]
    assert [i.findtext("pubDate") for i in channel.findall("item")] == ["Sun, 29 Nov 2026 00:00:00 +0000"]
