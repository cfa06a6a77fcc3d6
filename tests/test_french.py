"""French a newsroom would sign, on every page of the real site and of a synthetic corpus.

In everything Carnet writes (not the articles' own words): no-break spaces before ; : ! ?
and inside « », no "(s)", no "1" before a plural, no label said twice in one list, and no
relation or fact that the article backs shown without saying so.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment

from conftest import ROOT, copy_project, mkdocs_build

sys.path.insert(0, str(ROOT / "bench"))

# Words ending in s that are singular all the same: "1 pays", "1 fois".
INVARIABLE = {"pays", "fois", "cas", "corps", "temps", "mois", "prix", "avis", "succès", "accès",
              "procès", "progrès", "repas", "bras", "dos", "poids", "choix", "os", "gaz", "plus"}
# A space a French page must not hold: before ; : ! ? », after «.
BAD_SPACE = re.compile(r" [;:!?»]|« ")
PLURAL_AFTER_ONE = re.compile(r"(?<![\d,.\u202f])\b1[ \u00a0\u202f]+([^\W\d]+s)\b")
QUOTE = re.compile(r"«[^«»]*»")
SKIPPED = {"script", "style", "code", "pre", "svg"}   # the SVG's text is checked through its <desc>


def _verbatim(el) -> bool:
    """The articles' own words: an article's paragraphs and headings, quoted sentences."""
    classes = el.get("class") or []
    if "carnet-verbatim" in classes or "carnet-quote" in classes or "carnet-support" in classes:
        return True
    return False


def carnet_texts(html: str, article_page: bool) -> list[str]:
    """Every text of a page that Carnet (or an editor) wrote: text nodes outside the articles'
    verbatim words, the head's descriptions and titles, the graphs' text alternatives."""
    soup = BeautifulSoup(html, "html.parser")
    texts = []
    for meta in soup.select('meta[name="description"], meta[property^="og:"]'):
        texts.append(meta.get("content", ""))
    texts += [t.get_text() for t in soup.select("title, desc")]
    texts += [el["aria-label"] for el in soup.select("[aria-label]")]
    for script in soup.select('script[type="application/ld+json"]'):
        texts += [v for v in _strings(json.loads(script.string))]
    content = soup.select_one("article") or soup
    if article_page:  # the article's own paragraphs and section headings are its words
        for el in content.select('p[id^="p-"], h2, h3, h4, h5, h6'):
            el.decompose()
    for el in list(content.find_all(True)):
        if el.parent is not None and (el.name in SKIPPED or _verbatim(el)):
            el.decompose()
    for node in content.find_all(string=True):
        if not isinstance(node, Comment):
            texts.append(str(node))
    # Text nodes are checked joined by element (a mark may close in another node).
    texts += [el.get_text() for el in content.select("p, li, dd, dt, h1, h2, figcaption, td, th")]
    return texts


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def typography_faults(text: str) -> list[str]:
    """What a French editor would correct in ``text``; « quotes » checked at their edges
    only, their inside being the article's words."""
    faults = []
    outside = QUOTE.sub(lambda m: m.group()[:2] + "…" + m.group()[-2:], text)
    for m in BAD_SPACE.finditer(outside):
        faults.append(f"ordinary space in {outside[max(0, m.start() - 30):m.end() + 30]!r}")
    if "(s)" in outside:
        faults.append(f"'(s)' in {outside[:120]!r}")
    for m in PLURAL_AFTER_ONE.finditer(outside):
        if m.group(1).casefold() not in INVARIABLE:
            faults.append(f"'1' before a plural in {outside[max(0, m.start() - 30):m.end() + 30]!r}")
    return faults


def list_faults(html: str) -> list[str]:
    """A label said twice in one list: "Entités liées à ce lieu : A ; Entités liées à ce lieu : B"."""
    soup = BeautifulSoup(html, "html.parser")
    faults = []
    groups = [[li.get_text() for li in ul.find_all("li", recursive=False)] for ul in soup.select("ul, ol")]
    groups += [re.split(r"[ \u202f\u00a0];", el.get_text()) for el in soup.select("desc, figcaption")]
    for items in groups:
        labels, subject = [], ""
        for item in items:
            if "\u00a0:" not in item:
                continue
            head = item.split("\u00a0:")[0]
            if "—" in head:   # "VESNA — filiale de": a list of sentences about several subjects
                subject, head = head.rsplit("—", 1)
            labels.append((subject.strip(), head.strip().casefold()))
        repeated = {label for label in labels if labels.count(label) > 1}
        if repeated:
            faults.append(f"label repeated in one list: {sorted(repeated)}")
    return faults


def site_faults(site: Path, articles_dir: str = "articles") -> dict[str, list[str]]:
    found = {}
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    for path in pages:
        name = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        article_page = name.startswith(f"{articles_dir}/") and name != f"{articles_dir}/index.html" \
            and not re.match(rf"{articles_dir}/index-\d+/", name)
        faults = [f for t in carnet_texts(html, article_page) for f in typography_faults(t)] + list_faults(html)
        if faults:
            found[name] = sorted(set(faults))[:5]
    for feed in ("feed.xml", "feed.json"):
        text = (site / feed).read_text(encoding="utf-8")
        if feed.endswith(".json"):
            items = json.loads(text)["items"]
            texts = [i["title"] for i in items]   # content_text holds the article's first sentence
        else:
            texts = re.findall(r"<title>([^<]*)</title>", text)
        faults = [f for t in texts for f in typography_faults(t)]
        if faults:
            found[feed] = faults[:5]
    return found


def test_the_checks_catch_what_they_look_for():
    assert typography_faults("Filiale de : Gazprom")
    assert typography_faults("« la société")
    assert typography_faults("1 phrases de l’article")
    assert typography_faults("3 phrase(s)")
    assert not typography_faults("Filiale de\u00a0: Gazprom ; « clair : transformer »".replace(" ;", "\u202f;")
                                 .replace("« ", "«\u202f").replace(" »", "\u202f»"))
    assert not typography_faults("1 pays, 21 articles, § 1 et 2")
    assert list_faults("<ul><li>Entités\u00a0: A</li><li>Entités\u00a0: B</li></ul>")
    assert not list_faults("<ul><li>Entités\u00a0: A et B</li></ul>")


def test_every_page_of_the_site_writes_french_typography(site):
    assert site_faults(site) == {}


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """A synthetic corpus, with what editors type: ordinary spaces before : ; ! ? and in « »."""
    from corpus import SHAPES, write_corpus
    tmp = tmp_path_factory.mktemp("french")
    (project,) = write_corpus(tmp / "corpus", 12, 40, shape=SHAPES["reference"], variants=("carnet",))
    (project / "docs" / "a-propos.md").write_text(
        "# À propos : le corpus\n\nUne page écrite à la main ; avec « des guillemets » et une question ?\n",
        encoding="utf-8")
    first = next((project / "docs" / "articles").glob("article-*.md"))
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("---\ntitle: Article numéro 0", "---\ntitle_by: carnet\ntitle: Article numéro 0 : essai", 1)
                     .replace("# Article numéro 0\n", "# Article numéro 0 : essai\n", 1), encoding="utf-8")
    site = tmp / "site"
    mkdocs_build(project, site)
    return site


def test_every_page_of_a_synthetic_corpus_writes_french_typography(corpus_site):
    assert site_faults(corpus_site) == {}


def test_a_headline_we_wrote_says_so_wherever_it_is_listed(site):
    title = "Sonarem a accueilli VESNA, présentée comme filiale de Gazprom"
    for page in ("index.html", "articles/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert title in html and "Titre de la rédaction" in html, page
    assert f"{title} (titre de la rédaction)" in (site / "feed.xml").read_text(encoding="utf-8")
    assert json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"][0]["title"] == f"{title} (titre de la rédaction)"
    head = BeautifulSoup((site / "articles/sonarem-vesna/index.html").read_text(encoding="utf-8"), "html.parser")
    assert head.select_one('meta[property="og:title"]')["content"] == f"{title} (titre de la rédaction)"
    ld = json.loads(head.select_one('script[type="application/ld+json"]').string)
    assert ld["headline"] == f"{title} (titre de la rédaction)"
    box = head.select_one(".carnet-source-box").get_text()
    assert "le texte reçu n’en porte pas" in box and "la source n’a pas de titre" not in box


def test_every_relation_says_who_says_so_in_lists_and_graphs(site):
    """Each relation, on both of its pages: in the list, by its numbered reference ("selon
    l’article « … », § N" when the article backs it, else the source the declaring note names,
    "Selon Wikipédia"), and in words in the graph's text alternative, with the same number
    ("selon l’article, réf. N"); names as they stand in a sentence ("cuivre")."""
    from carnet.load.notes_dir import load_notes
    from carnet.model.vocabulary import RELATION_TYPES, running_name
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    checked = mixes = 0
    for note in catalog:
        page = BeautifulSoup((site / note.kind / note.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        relations = page.select_one(".carnet-relations")
        desc = page.select_one(".carnet-graph desc")
        for link in catalog.links(note.id):
            declaring = note if link.declared_here else link.other
            assert link.relation.cite or declaring.source_index(link.relation.source) is not None
            said = "selon l’article" if link.relation.cite else f"selon {link.relation.source}"
            referenced = (r"» — selon l’article( «.*»)?, §\u00a0\d+$" if link.relation.cite
                          else "^Selon " + re.escape(link.relation.source) + r"(, source de la fiche .*)?$")
            other = running_name(link.other.name, link.other.kind)
            name = next(a for a in relations.select("li > a[data-preview]") if a.get_text() == other)
            number = name.find_next("sup", class_="carnet-ref").a   # after the name, or the last sharing its source
            assert number.find_parent("li") is name.find_parent("li")
            reference = page.find(id=number["href"].removeprefix("#"))
            assert re.search(referenced, re.sub(r"^↑(\s[a-z])*\s", "", reference.get_text())), (note.id, link.other.id)
            pattern = re.escape(other) + r"[^;]*\(" + re.escape(f"{said}, réf.\u00a0{number.get_text()})")
            assert re.search(pattern, desc.get_text()), (note.id, desc.get_text())
            checked += 1
        # In the drawing, when it mixes both, a star on the edges the article states, none on
        # the others, and the key says so; when all say alike, no star and no key to them.
        labels = [t.get_text() for t in page.select(".carnet-graph text.carnet-edge-label")]
        cited = sum(1 for link in catalog.links(note.id) if link.relation.cite)
        mixed = 0 < cited < len(catalog.links(note.id))
        assert sum(label.endswith("*") for label in labels) == (cited if mixed else 0), (note.id, labels)
        caption = page.select_one(".carnet-graph figcaption").get_text()
        assert ("* selon l’article" in caption) == mixed, (note.id, caption)
        mixes += mixed
    assert checked >= 2 * sum(len(n.relations) for n in catalog)
    assert 0 < mixes < len(catalog)   # the project has fiches of both sorts
    # The dossier graph: one line a relation under the drawing, both fiches linked, cited as
    # a fiche cites (a raised number, its reference at the page's end), and in the drawing's
    # text alternative in words with the same number (the drawing names each relation only
    # where its name fits); each read along its arrow, subject — phrase : object ("Belkacem
    # Soltani — dirige : Sonarem").
    dossier = BeautifulSoup((site / "graphe" / "index.html").read_text(encoding="utf-8"), "html.parser")
    desc = dossier.select_one(".carnet-graph desc").get_text()
    lines = dossier.select(".carnet-graph-relations li")
    assert len(lines) == sum(len(n.relations) for n in catalog)
    for note in catalog:
        for rel in note.relations:
            said = "selon l’article" if rel.cite else f"selon {rel.source}"
            target, rtype = catalog.notes[rel.target], RELATION_TYPES[rel.type]
            subject, object_ = (target, note) if rtype.graph_reversed else (note, target)
            phrase = (f"{subject.name} — {rtype.graph_label(rel.cite is not None)}\u00a0: "
                      f"{running_name(object_.name, object_.kind)}")
            (line,) = [li for li in lines if li.get_text().startswith(phrase + "\u2060")]   # the number glued
            assert [a["href"].strip("./").rstrip("/").split("/")[-1] for a in line.find_all("a", recursive=False)] \
                == [subject.slug, object_.slug]
            number = line.select_one("sup.carnet-ref > a")
            reference = dossier.find(id=number["href"].removeprefix("#"))
            referenced = (r"» — selon l’article( «.*»)?, §\u00a0\d+$" if rel.cite
                          else "^Selon " + re.escape(rel.source) + r", source de la fiche " + re.escape(note.name) + "$")
            assert re.search(referenced, re.sub(r"^↑(\s[a-z])*\s", "", reference.get_text())), (note.id, rel.target)
            # Within the description's one sentence, names run as in a sentence ("cuivre").
            spoken = f"{running_name(subject.name, subject.kind)}{phrase[len(subject.name):]}"
            assert f"{spoken} ({said}, réf.\u00a0{number.get_text()})" in desc[:1].lower() + desc[1:], (phrase, desc)
    assert "Belkacem Soltani — dirige\u00a0: Sonarem" in desc
    # One style of citation on the page: no "(selon l’article, § 1)" after a relation.
    for hidden in dossier.select("article svg"):
        hidden.decompose()
    assert "(selon" not in dossier.select_one("article").get_text()


def test_every_relation_type_has_a_phrase_read_along_the_dossier_graph_s_arrow():
    """The dossier graph reads "subject — phrase : object": every type has its phrase, in lower
    case (it follows a name), hedged when an article states it if the fiche's label is."""
    from carnet.model.vocabulary import RELATION_TYPES
    for rtype in RELATION_TYPES.values():
        assert rtype.graph_phrase and rtype.graph_phrase == rtype.graph_phrase.lower(), rtype.slug
        assert bool(rtype.graph_reported) == bool(rtype.reported[0]), rtype.slug
        assert not (rtype.symmetric and rtype.graph_reversed), rtype.slug
    assert RELATION_TYPES["led_by"].graph_reversed and RELATION_TYPES["led_by"].graph_label() == "dirige"


def test_summaries_attribute_the_articles_words_to_the_article(site):
    """No « quote » of the article is put in a person's mouth ("selon lui")."""
    for path in (ROOT / "notes").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"selon (lui|elle|eux)\b", text), path


def test_paragraph_references_and_kind_links_read_as_french(site):
    russie = (site / "lieux/russie/index.html").read_text(encoding="utf-8")
    assert "§\u00a02, 4 et 6" in russie
    for kind, words in (("entreprises", "d’entreprises"), ("minerais", "de ressources minérales")):
        page = next((site / kind).glob("*/index.html")).read_text(encoding="utf-8")
        assert f"toutes les fiches {words}" in page
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "de ce carnet" not in html and "fiches «" not in html, page
        assert not re.search(r"»\s*\(§", html) and "»)</a>)" not in html, page   # no brackets in brackets


def test_a_fiche_s_sources_name_every_paragraph_it_quotes(site):
    from carnet.load.notes_dir import load_notes
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    for note in catalog:
        page = BeautifulSoup((site / note.kind / note.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        # Every paragraph the page quotes: its citations, and the sentences "Dans l’article" shows.
        quoted = {int(m) for a in page.select("a.carnet-ref-passage, a.carnet-passage")
                  for m in re.findall(r"§\u00a0(\d+)", a.get_text())}
        listed = page.select_one(".carnet-sources li")
        if not quoted:
            assert listed is None or "cité ci-dessus" not in listed.get_text()
            continue
        numbers = re.search(r"\((§\u00a0[^)]*)\)\.", listed.get_text()).group(1)
        assert {int(n) for n in re.findall(r"\d+", numbers)} == quoted, note.id


def test_an_index_cuts_a_long_summary_between_sentences_never_inside_a_quote():
    from carnet.pages.note_html import INDEX_SUMMARY, index_summary
    quote = "« " + "des mots de l’article " * 12 + "pour finir. Puis d’autres " + "mots encore " * 20 + "»"
    summary = f"Une société minière. Selon l’article, {quote}, dit-il. Une dernière phrase."
    assert summary.index("pour finir.") < INDEX_SUMMARY < summary.index("»") and len(summary) > INDEX_SUMMARY
    assert index_summary(summary) == "Une société minière."
    assert index_summary("Court. « Cité. »") == "Court. « Cité. »"


def test_a_source_listed_without_a_numbered_paragraph_gives_no_empty_reference(tmp_path):
    """A fiche named by an article only in a list item: the sources name the article, and no
    « (§ ) » with no number in it."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "articles" / "essai-liste.md").write_text(
        "# Essai de liste\n\nUn texte d’essai.\n\n- La société VESNA, en bref.\n- Rien d’autre.\n", encoding="utf-8")
    mkdocs_build(project, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site/entreprises/vesna/index.html").read_text(encoding="utf-8"), "html.parser")
    sources = {li.a.get_text(): li.get_text() for li in page.select(".carnet-sources li") if li.a}
    assert sources["Essai de liste"].endswith("», reproduit sur le Carnet tel que reçu et cité ci-dessus.")
    assert re.search(r"cité ci-dessus \(§\u00a0\d", sources["Sonarem a accueilli VESNA, présentée comme filiale de Gazprom"])
