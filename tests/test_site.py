"""The built site: article text, one page per note, relations, quotes, mention links."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

from carnet.load.notes_dir import load_notes
from conftest import ROOT, source_blocks, soup

CATALOG, PROBLEMS = load_notes(ROOT / "notes", ROOT)
ARTICLE = "articles/sonarem-vesna/"
EXPECTED_ENTITIES = {
    "entreprises/sonarem": "Sonarem", "entreprises/vesna": "VESNA", "entreprises/gazprom": "Gazprom",
    "personnes/belkacem-soltani": "Belkacem Soltani", "personnes/stanislav-khomenko": "Stanislav Khomenko",
    "minerais/phosphate": "phosphate", "minerais/fer": "fer", "minerais/cuivre": "cuivre",
    "lieux/maghreb": "Maghreb", "lieux/algerie": "Algérie", "lieux/russie": "Russie",
}


def article_blocks(site):
    page = soup(site, ARTICLE)
    content = page.select_one("article.md-content__inner")
    text = content.select_one(".carnet-article-text")   # the article's own words, set for reading
    return content, [el for el in text.find_all(["p", "h2"], recursive=False)
                     if el.name == "h2" or el.get("id", "").startswith("p-")]


def resolve(page_url: str, href: str) -> str:
    """Site-relative path a link points to, without fragment."""
    return urlparse(urljoin("http://x/" + page_url, href)).path.lstrip("/")


def test_the_notes_are_valid():
    assert [p.format() for p in PROBLEMS] == []
    assert set(EXPECTED_ENTITIES) <= set(CATALOG.notes)


def test_article_text_equals_the_source_block_by_block(site):
    _, blocks = article_blocks(site)
    rendered = [b.get_text().replace("¶", "").strip() for b in blocks]
    assert rendered == source_blocks()
    assert [b.name for b in blocks].count("h2") == 2


def test_article_says_what_the_source_does_not_tell(site):
    content, _ = article_blocks(site)
    box = content.select_one(".carnet-source-box")
    text = box.get_text(" ")
    for word in ("Média", "Auteur", "Date", "Mercredi", "rédaction", "Publicité"):
        assert word in text
    assert content.find("h1").get_text().strip().rstrip("¶")


def test_every_note_gives_a_page_and_every_entity_page_a_note(site):
    pages = {str(p.parent.relative_to(site)) for kind in ("entreprises", "personnes", "minerais", "lieux")
             for p in (site / kind).glob("*/index.html")}
    assert pages == set(CATALOG.notes)
    for note in CATALOG:
        h1 = soup(site, note.id).find("h1").get_text().replace("¶", "").strip()
        assert h1 == note.name


def test_kind_indexes_and_a_to_z_list_every_note(site):
    a_to_z = soup(site, "index-a-z/")
    linked = {resolve("index-a-z/", a["href"]).rstrip("/") for a in a_to_z.select("article a[href]")}
    assert set(CATALOG.notes) <= linked
    for kind in ("entreprises", "personnes", "minerais", "lieux"):
        page = soup(site, kind + "/")
        linked = {resolve(kind + "/", li.a["href"]).rstrip("/") for li in page.select("article li")}
        assert linked == {n.id for n in CATALOG if n.kind == kind}


def test_navigation_does_not_list_entity_pages(site):
    for url in ("", "entreprises/vesna/"):
        nav = soup(url=url, site=site).select_one("nav.md-nav--primary")
        items = [li.find(["a", "label"]).get_text(" ", strip=True) for li in nav.select(":scope > ul > li")]
        assert items == ["Accueil", "Articles", "Entreprises", "Personnes", "Ressources minérales", "Lieux",
                     "Index A–Z", "Graphe du dossier"]
        hrefs = [a["href"] for a in nav.select("a[href]")]
        assert not any(re.search(r"(entreprises|personnes|minerais|lieux)/[a-z]", h) for h in hrefs)


def test_every_relation_resolves_and_shows_on_both_pages(site):
    count = 0
    for note in CATALOG:
        for rel in note.relations:
            count += 1
            assert rel.target in CATALOG.notes
            for here, there in ((note.id, rel.target), (rel.target, note.id)):
                section = soup(site, here).find(id="relations").find_next("ul")
                targets = {resolve(here + "/", a["href"]).rstrip("/") for a in section.select("a[href]")}
                assert there in targets, (here, there)
    assert count >= 10


def test_dans_l_article_quotes_verbatim_sentences_linked_to_existing_paragraphs(site):
    content, blocks = article_blocks(site)
    paragraphs = {b["id"]: b.get_text() for b in blocks if b.name == "p"}
    quotes_seen = 0
    for note in CATALOG:
        page = soup(site, note.id)
        section = page.find(id="dans-larticle")
        assert section is not None, note.id
        for item in section.find_next("ul", class_="carnet-quotes").find_all("li"):
            quote = item.select_one("blockquote").get_text()
            marks = [m.get_text() for m in item.select("mark")]
            link = item.select_one("a.carnet-passage")["href"]
            assert resolve(note.id + "/", link) == ARTICLE
            anchor = link.split("#")[1]
            assert anchor in paragraphs
            number = list(paragraphs).index(anchor) + 1  # "§ N": the paragraph's place in the article
            assert f"(§\u00a0{number})" in item.select_one("a.carnet-passage").get_text()
            assert quote in paragraphs[anchor]
            assert quote[-1] in ".!?…" and quote[0].isupper()
            assert marks and all(m in note.names or m.lower() in map(str.lower, note.names) for m in marks)
            quotes_seen += 1
    assert quotes_seen >= 11


def test_first_mention_of_each_entity_links_to_its_page_and_nothing_else_is_linked(site):
    _, blocks = article_blocks(site)
    links = [(a.get_text(), resolve(ARTICLE, a["href"]).rstrip("/"))
             for b in blocks for a in b.find_all("a") if "headerlink" not in a.get("class", [])]
    assert len(links) == len(EXPECTED_ENTITIES)  # each entity linked once, nothing else
    assert {target: text for text, target in links} == EXPECTED_ENTITIES
    # ...and at its first whole-word occurrence in the article's text
    text, link_offsets = "", {}
    for block in blocks:
        for node in block.descendants:
            if isinstance(node, str):
                parent = node.parent
                if parent.name == "a" and "carnet-mention" in parent.get("class", []):
                    link_offsets[resolve(ARTICLE, parent["href"]).rstrip("/")] = len(text)
                text += node
        text += "\n"
    for target, name in EXPECTED_ENTITIES.items():
        first = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        assert link_offsets[target] == first.start(), target


def test_entity_pages_list_pages_that_mention_them(site):
    page = soup(site, "lieux/maghreb")
    items = page.find(id="mentionne-dans").find_next("ul").find_all("li")
    targets = {resolve("lieux/maghreb/", li.a["href"]).rstrip("/") for li in items}
    assert {"lieux/algerie", "minerais/fer"} <= targets
    # Other pages, each with the sentence that names it (marked); not the article, whose
    # sentences are quoted under "Dans l'article" just above, nor the home page.
    assert ARTICLE.rstrip("/") not in targets and "" not in targets and "." not in targets
    for li in items:
        assert li.find("mark") is not None, li


def test_notes_link_mentions_of_other_entities_but_never_themselves(site):
    page = soup(site, "entreprises/vesna")
    content = page.select_one("article.md-content__inner")
    targets = {resolve("entreprises/vesna/", a["href"]).rstrip("/") for a in content.select("a.carnet-mention")}
    assert "entreprises/gazprom" in targets
    assert "entreprises/vesna" not in targets


def test_site_config_is_french_offline_and_watches_notes():
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.theme["language"] == "fr" and config.theme["font"] is False
    assert config.site_url.startswith("https://")
    assert str(ROOT / "notes") in config.watch


def test_no_page_loads_anything_from_another_host(site):
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for m in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*?(?:src|href)="([^"]+)"', text):
            # A canonical or feed link names an address; the browser loads nothing from it.
            assert not re.match(r"(https?:)?//", m.group(1)) or re.search(r'rel="(canonical|alternate feed)"', m.group(0)), \
                (html, m.group(0))


def test_every_page_title_names_the_site_after_a_dash(site):
    """« Sonarem – Carnet minier »: a dash, as French typography and the 404 page write it,
    never a hyphen; on every page the build writes."""
    titles = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue   # a redirect page
        titles[path.relative_to(site).as_posix()] = re.search(r"<title>([^<]*)</title>", html).group(1)
    assert len(titles) >= 20
    wrong = {path: title for path, title in titles.items()
             if not (title.endswith(" – Carnet minier") or title == "Carnet minier") or " - " in title}
    assert wrong == {}
