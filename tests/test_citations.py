"""Citations that cannot lie or drift: every quote is the article's, every link lands on its words."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings, strategies as st

from carnet.load.article_passages import article_passages
from carnet.citations.resolve import resolve_citations
from carnet.commands.cli import main as carnet_main
from carnet.load.notes_dir import load_notes
from carnet.citations.passages import PassageIndex
from conftest import ROOT, copy_project, mkdocs_build, soup, source_blocks

CATALOG, _ = load_notes(ROOT / "notes", ROOT)
ARTICLE_MD = Path("docs") / "articles" / "sonarem-vesna.md"
EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def flat(text: str) -> str:
    """The comparison the house rule allows: whitespace and the two apostrophes only."""
    return " ".join(text.replace("'", "’").split())


def parts(quote: str) -> list[str]:
    return [flat(p) for p in re.split(r"\[(?:…|\.\.\.)\]", quote) if p.strip()]


def test_every_quote_in_every_note_is_in_the_article_as_received():
    paragraphs = [flat(b) for b in source_blocks()]
    checked = 0
    for note in CATALOG:
        for cite in note.citations:
            holding = [p for p in paragraphs if all(part in p for part in parts(cite.quote))]
            assert len(holding) == 1, (note.path, cite.where, cite.quote)
            checked += 1
    assert checked == sum(len(n.citations) for n in CATALOG) and checked >= 25   # 27 quotes (session 13)
    # Every cited fact and relation of every note carries its words; so does every « » quote.
    for note in CATALOG:
        for fact in note.facts:
            assert fact.cite is None or fact.cite.quote.strip()
        assert len(note.quotes) == note.summary.count("«") + sum(f.value.count("«") for f in note.facts)


def citation_links(site: Path, note_id: str):
    """(link, words it claims) for each place on a note's page that cites an article: its
    raised number leads to its reference, whose § link opens the passage.  The words: a
    « quote » of a text followed by its number, else the words the number's tip shows."""
    page = soup(site, note_id)
    shown = {}   # id of a number following a « quote » of a text -> the quote as the text shows it
    for block in page.select(".carnet-summary, .carnet-infobox dd, .carnet-mentioned-in .carnet-excerpt"):
        block = BeautifulSoup(str(block), "html.parser")
        for sup in block.select("sup.carnet-ref"):
            sup.replace_with(f"⟦{sup.a['id']}⟧")
        for m in re.finditer(r"«\s*([^«»]*?)\s*»\s*⟦([^⟧]+)⟧", block.get_text()):
            shown[m.group(2)] = m.group(1)
    for sup in page.select("sup.carnet-ref"):
        reference = page.find(id=sup.a["href"].removeprefix("#"))
        link = reference.select_one("a.carnet-ref-passage")
        if link is None:   # a named source ("Selon Wikipédia"): no passage
            assert sup.select_one(".carnet-support") is None and sup.a["id"] not in shown
            continue
        words = sup.select_one(".carnet-support").get_text()
        # The tip and the reference give the same words: the article's, as received; after a
        # « quote », the words of that quote.
        assert f"«\u202f{words}\u202f»" in reference.get_text(), (note_id, words)
        if sup.a["id"] in shown:
            assert parts(shown[sup.a["id"]]) == parts(words), (note_id, shown[sup.a["id"]], words)
        yield link, shown.get(sup.a["id"], words), sup.find_parent(class_="carnet-mentioned-in") is not None


def check_links_land_on_their_words(site: Path) -> int:
    """Every citation link on every note page opens a paragraph that holds its words; counted,
    those citing the note's own claims (not those of the other fiches quoted under "Ailleurs")."""
    articles: dict[str, BeautifulSoup] = {}
    checked = 0
    for note in CATALOG:
        for link, words, elsewhere in citation_links(site, note.id):
            target = urlparse(urljoin(f"http://x/{note.id}/", link["href"]))
            anchor, _, directive = target.fragment.partition(":~:text=")
            path = target.path.strip("/")
            article = articles.setdefault(path, soup(site, path))
            paragraph = article.find(id=anchor)
            assert paragraph is not None and paragraph.name == "p", (note.id, link["href"])
            text = flat(paragraph.get_text())
            for part in parts(words):
                assert part in text, (note.id, words, anchor)
            # The text directive highlights the same words (first and last part).
            pieces = [flat(unquote(p)) for p in directive.split(",")]
            assert pieces[0] == parts(words)[0] and pieces[-1] == parts(words)[-1]
            assert re.fullmatch(r"§\u00a0\d+", link.get_text()), link.get_text()
            checked += not elsewhere
    return checked


def expected_link_count() -> int:
    facts = sum(1 for n in CATALOG for f in n.facts if f.cite)
    # Relations are shown on both pages; notes listed under one label whose relations all
    # quote the same words share one citation, given once after them.
    relations = 0
    for note in CATALOG:
        for _, links in CATALOG.grouped_links(note.id):
            cites = [(l.relation.cite.article, l.relation.cite.quote) if l.relation.cite else None for l in links]
            shared = len(links) > 1 and None not in cites and len(set(cites)) == 1
            relations += 1 if shared else sum(c is not None for c in cites)
    return facts + relations + sum(len(n.quotes) for n in CATALOG)


def test_every_citation_link_on_every_note_lands_on_a_paragraph_holding_its_words(site):
    assert check_links_land_on_their_words(site) == expected_link_count()


def test_every_fiche_cites_in_one_style_numbered_references_linked_both_ways(site):
    """Wikipedia's way, on every fiche: each citation (summary quote, infobox value, relation,
    fact from a named source) is a raised number glued to the word before it, linking to its
    entry under "Références"; no other style of citation is left; each entry says who says
    so and where, and links back to every place citing it."""
    checked = elsewhere = 0
    for note in CATALOG:
        page = soup(site, note.id)
        body = page.select_one("article")
        entries = body.select("ol.carnet-references > li")
        assert [e["id"] for e in entries] == [f"ref-{note.slug}-{n}" for n in range(1, len(entries) + 1)]
        places = body.select("sup.carnet-ref")
        assert places or not entries, note.id
        for sup in places:
            link = sup.find("a", recursive=False)
            number = link.get_text()
            assert re.fullmatch(r"\d+", number) and link["href"] == f"#ref-{note.slug}-{number}", (note.id, str(sup))
            assert body.find(id=link["href"][1:]) in entries
            # Its spoken name opens with what it shows, and says who says so.
            assert link["aria-label"].startswith(f"{number}\u00a0: référence, selon "), link["aria-label"]
            tip = body.find(id=link["aria-describedby"])
            assert tip is not None and tip.parent is sup and tip.get_text().strip()
            # Glued: a word joiner, no space before it.
            assert sup.get_text().startswith("\u2060") and not re.search(r"\s$", str(sup.previous_sibling)), str(sup)
            checked += 1
        # Every entry: who says so and where, in words, linked; links back to each place citing it.
        cited = {sup.a["id"] for sup in places}
        backs = set()
        for entry in entries:
            text = entry.get_text()
            passage = entry.select_one("a.carnet-ref-passage")
            if passage is not None:
                # The article named as every page names it: by its title when the site has several.
                assert re.search(r"\u202f» — selon l’article( «\u202f.+\u202f»)?, §\u00a0\d+$", text), text
            else:
                assert re.search(r"(^|\s)Selon \S", text) and entry.select("a:not(.carnet-backref)"), text
            links = entry.select("a.carnet-backref")
            assert links, text
            for back in links:
                place = body.find(id=back["href"].removeprefix("#"))
                assert place is not None and place["href"] == "#" + entry["id"] and place.parent.name == "sup"
                backs.add(place["id"])
        assert backs == cited, note.id
        # The same words, or the same source, cited twice share one number.
        said = [re.sub(r"^↑(\s[a-z])*\s", "", e.get_text()) for e in entries]
        assert len(said) == len(set(said)), said
        # Another fiche's words quoted under "Ailleurs sur le Carnet" cite as this fiche does:
        # each of their « quotes » followed by its number here; a sentence of a summary that
        # names its source ("d’après Wikipédia"), that source's number at its end.
        for excerpt in body.select(".carnet-mentioned-in .carnet-excerpt"):
            numbers = excerpt.select("sup.carnet-ref")
            words = BeautifulSoup(str(excerpt), "html.parser")
            for sup in words.select("sup"):
                sup.decompose()
            quoted = [sup for sup in numbers if str(sup.previous_sibling).endswith("»")]
            assert len(quoted) == words.get_text().count("»"), (note.id, excerpt.get_text())
            named = [sup for sup in numbers if sup not in quoted]
            assert len(named) <= 1 and all(sup.select_one(".carnet-ref-tip").get_text().startswith("Selon ")
                                           and sup.next_sibling in (None, ".") for sup in named), excerpt.get_text()
            elsewhere += len(numbers)
            for sup in numbers:
                assert sup.a["href"].startswith(f"#ref-{note.slug}-")
        # No other style of citation is left: no "(selon l’article, § 2)", no raised "§ 2", no link
        # to a passage or a source but from "Références" (and "Lire le passage" under "Dans l’article").
        rest = BeautifulSoup(str(body), "html.parser")
        for tag in rest.select("ol.carnet-references, .carnet-excerpt"):   # an excerpt quotes another page
            tag.decompose()
        assert "(selon l’article, §" not in rest.get_text() and "(selon " + "l’article « " not in rest.get_text()
        assert not rest.select("small.carnet-cite, sup.carnet-quote-ref"), note.id
        for a in rest.select(".carnet-attribution a, a[href^='#ref-']"):   # "Résumé d’après Wikipédia¹"
            assert a.parent.name == "sup" and "carnet-ref" in a.parent["class"], (note.id, str(a))
        for a in rest.select("a[href*='#p-'], a[href*='#source-']"):
            assert "carnet-passage" in a.get("class", []), (note.id, str(a))
    assert checked >= 40 and elsewhere >= 6


# --- the article edited: citations follow the words ------------------------------------------

def article_layout(project: Path) -> tuple[str, list[str]]:
    """The article's head (front matter, title, box) and its blocks (paragraphs and headings)."""
    text = (project / ARTICLE_MD).read_text(encoding="utf-8")
    first = text.index("\nLe Maghreb")
    return text[:first], [b for b in text[first:].split("\n\n") if b.strip()]


def cited_blocks(project: Path) -> set[str]:
    index = PassageIndex(article_passages(project / ARTICLE_MD, EXTENSIONS, {}))
    citations = resolve_citations(CATALOG, index)
    cited = {citations.get(c.citation).passage.text for c in citations.checks}
    return {b.strip() for b in article_layout(project)[1] if b.strip() in cited}


def anchors(site: Path) -> dict[str, str]:
    """Paragraph text -> anchor on the built article page."""
    page = soup(site, "articles/sonarem-vesna")
    return {p.get_text(): p["id"] for p in page.select("article.md-content__inner > p[id^='p-']")}


INSERTED = st.lists(st.sampled_from(["rédaction", "correction", "précision", "lecteurs", "version",
                                     "ajoutée", "erratum", "complément"]), min_size=3, max_size=12)


@st.composite
def edits(draw, blocks: list[str], cited: set[str]):
    """The article's blocks reordered, uncited ones dropped, editors' notes inserted."""
    kept = [b for b in blocks if b.strip() in cited or not draw(st.booleans())]
    kept = draw(st.permutations(kept))
    for i in range(draw(st.integers(0, 3))):
        note = f"Note de la rédaction {i + 1} : " + " ".join(draw(INSERTED)) + "."
        kept.insert(draw(st.integers(0, len(kept))), note)
    return kept


@pytest.fixture(scope="module")
def baseline(site):
    return anchors(site)


LAYOUT = article_layout(ROOT)
CITED = cited_blocks(ROOT)


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits(LAYOUT[1], CITED))
@example(["Note de la rédaction : un paragraphe ajouté en tête de l’article."] + LAYOUT[1])  # the reported case
def test_editing_the_article_elsewhere_moves_no_citation(tmp_path_factory, baseline, blocks):
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    (project / ARTICLE_MD).write_text(LAYOUT[0] + "\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    # An uncited paragraph removed or reworded drops its anchor: the editor says so on purpose.
    assert carnet_main(["publish-record", "--project", str(project)]) == 0
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert check_links_land_on_their_words(site) == expected_link_count()
    # A paragraph keeps its anchor wherever it now stands: links readers shared still work.
    now = anchors(site)
    assert all(now[text] == anchor for text, anchor in baseline.items() if text in now)


@pytest.mark.parametrize("deleted", sorted(CITED), ids=lambda b: b[:30])
def test_deleting_a_cited_passage_stops_the_build_naming_each_note_that_cites_it(tmp_path, deleted):
    project = copy_project(tmp_path / "project")
    (project / ARTICLE_MD).write_text(
        LAYOUT[0] + "\n" + "\n\n".join(b for b in LAYOUT[1] if b.strip() != deleted) + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", expect_failure=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    citing = {n.path for n in CATALOG for c in n.citations if all(p in flat(deleted) for p in parts(c.quote))}
    assert citing
    for path in citing:
        assert re.search(rf"^{re.escape(path)}:\d+:\d+: error: the .* quotes « .* », which is (not in|in no article)", result.stderr, re.M)


# --- the same property, many more times, on the core alone ------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits(LAYOUT[1], CITED))
def test_citations_resolve_to_the_same_words_whatever_the_edit(tmp_path_factory, blocks):
    original = {p.text: p.id for p in article_passages(ROOT / ARTICLE_MD, EXTENSIONS, {})}
    folder = tmp_path_factory.mktemp("core")
    path = folder / "sonarem-vesna.md"
    path.write_text(LAYOUT[0] + "\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    citations = resolve_citations(CATALOG, PassageIndex(article_passages(path, EXTENSIONS, {})))
    assert citations.problems() == []
    for check in citations.checks:
        passage = check.found[0].passage
        assert all(part in flat(passage.text) for part in parts(check.citation.quote))
        assert passage.id == original[passage.text]


# --- the quote finder itself, on random text ------------------------------------------------

WORDS = st.sampled_from(["Le", "groupe", "algérien", "l’Algérie", "d'Alger", "VESNA,", "filiale", "de",
                         "Gazprom.", "fer", "enfer", "100", "%", "«", "»", "société", "russe"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40), st.data())
def test_any_run_of_whole_words_is_found_whatever_its_spaces_and_apostrophes(words, data):
    from carnet.citations.passages import Passage, passage_id
    text = " ".join(words)
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    quote = " ".join(words[start:end])
    spaced = data.draw(st.sampled_from([" ", "  ", "\n", "\u00a0"])).join(quote.split(" "))
    swapped = spaced.replace("’", "'") if data.draw(st.booleans()) else spaced.replace("'", "’")
    index = PassageIndex([Passage("a", passage_id(text) or "p-x", 1, text)])
    for form in (quote, spaced, swapped):
        found = index.find(form, ["a"]) + index.find(form)
        assert len(found) == 2  # in its article, and among all articles
        assert all(flat(f.words[0]) == flat(quote) for f in found)
    # A word cut short is not the word.
    longest = max(words[start:end], key=len)
    if len(longest) > 3 and longest.isalpha() and longest[:-1] not in words:
        assert index.find(longest[:-1]) == []
