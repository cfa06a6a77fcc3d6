"""Search finds an article for its own words, before the pages that quote it, and shows the
passage that matched: asked of the site's own search worker in Chromium, over every sentence
of every article, on the project and on synthetic corpora of other shapes."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build
from search_worker import ask, content_words, hook, type_and_wait

pytestmark = pytest.mark.browser
sys.path.insert(0, str(ROOT / "bench"))

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def article_sentences(site: Path) -> dict[str, list[str]]:
    """Every sentence of every article page the build wrote (its numbered paragraphs), by URL."""
    out = {}
    for path in sorted((site / "articles").glob("*/index.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        text = [p.get_text(" ", strip=True) for p in page.select("article p[id^='p-']")]
        out[path.parent.relative_to(site).as_posix() + "/"] = [s for t in text for s in SENTENCE_END.split(t)
                                                               if len(content_words(s)) >= 2]
    assert out and all(out.values()), out
    return out


def windows(words: list[str], sizes=(2, 3, 4)) -> list[str]:
    """Every run of 2, 3 and 4 consecutive words."""
    return sorted({" ".join(words[i:i + k]) for k in sizes for i in range(max(1, len(words) - k + 1))})


def quotations(site: Path, articles: set[str]) -> list[tuple[str, str]]:
    """(page, quoted words) for every « quotation » a page other than an article shows in search."""
    found = []
    for record in (site / "search" / "pages").glob("*.json"):
        page = json.loads(record.read_text(encoding="utf-8"))
        if page["l"] in articles:
            continue
        for entry in page["e"]:
            text = re.sub(r"<[^>]*>", " ", entry[2])
            found += [(page["l"], quote) for quote in re.findall(r"«\s*(.*?)\s*»", text) if len(content_words(quote)) >= 2]
    return found


def source_of(quote: str, by_article: dict[str, list[str]]) -> str | None:
    """The article whose sentences hold the quotation's words, in order."""
    words = " ".join(content_words(quote))
    return next((url for url, sentences in by_article.items()
                 if words in " ".join(w for s in sentences for w in content_words(s))), None)


def quoted_before_source(quoted, queries, results, by_article) -> list:
    """Quotations whose article is not found, or comes after the page quoting it."""
    wrong = []
    for (page, quote), query, got in zip(quoted, queries, results):
        ranked = [location for location, _ in got]
        source = source_of(quote, by_article)
        if source is None or source not in ranked or (page in ranked and ranked.index(page) < ranked.index(source)):
            wrong.append((query, page, source, ranked[:5]))
    return wrong


def misses(results, queries, expected) -> list[tuple[str, list[str]]]:
    return [(q, [page for page, _ in got[:5]]) for q, got, want in zip(queries, results, expected)
            if want not in [page for page, _ in got[:3]]]


@pytest.fixture(scope="module")
def asked(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield lambda base, queries: ask(page, base, queries)
    context.close()


def test_every_sentence_of_every_article_finds_its_article_in_the_first_three(asked, site, served):
    queries, expected = [], []
    for url, sentences in article_sentences(site).items():
        for sentence in sentences:
            for query in windows(content_words(sentence)):
                queries.append(query)
                expected.append(url)
    assert len(queries) > 300
    results = asked(served, queries)
    assert misses(results, queries, expected) == []


def test_the_article_outranks_every_page_that_quotes_it(asked, site, served):
    by_article = article_sentences(site)
    quoted = quotations(site, set(by_article))
    assert len(quoted) >= 10, quoted
    queries = [" ".join(content_words(quote)[:4]) for _, quote in quoted]
    assert quoted_before_source(quoted, queries, asked(served, queries), by_article) == []


def test_a_fact_cited_from_the_article_weighs_as_the_articles_words(asked, site, served):
    """Russie's « Ce qu'elle cherche » states, without « », what the article says: its words
    find the article first; the marks that say so reach no file of the site."""
    value = "investir formation recherche innovation technologique"
    assert [page for page, _ in asked(served, [value])[0]][0] == "articles/sonarem-vesna/"
    marked = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml")
              and "\u2063" in p.read_text(encoding="utf-8")]
    assert marked == []


@pytest.mark.parametrize("query, expected", [("ressources minieres", "articles/sonarem-vesna/"),
                                             ("minerais strategiques", "articles/sonarem-vesna/"),
                                             ("phosphate fer cuivre", "articles/sonarem-vesna/")])
def test_the_issues_examples_find_the_article_first(asked, served, query, expected):
    assert [page for page, _ in asked(served, [query])[0]][0] == expected


@pytest.mark.parametrize("shape", ["reference", "long"])
def test_synthetic_articles_are_found_by_their_own_words(asked, browser, tmp_path, shape):
    """On corpora the project has not seen: every sentence of every article, by four different
    words of it in a row (its words are drawn from a vocabulary of sixty, so two or three of
    them in a row, or a word twice, also hold in other articles), and every fiche's
    « quotation », whose article comes before the fiche."""
    from browser import StaticServer
    from corpus import SHAPES, write_corpus
    (project,) = write_corpus(tmp_path / "corpus", 24 if shape != "long" else 6, 24, shape=SHAPES[shape],
                              variants=("carnet",))
    site = tmp_path / "site"
    with StaticServer(site) as server:
        mkdocs_build(project, site, env={"CARNET_SITE_URL": server.url})
        by_article = article_sentences(site)
        queries, expected = [], []
        for url, sentences in by_article.items():
            for number, sentence in enumerate(sentences):
                words = content_words(sentence)
                runs = [words[i:i + 4] for i in range(len(words) - 3) if len(set(words[i:i + 4])) == 4]
                if runs:
                    queries.append(" ".join(runs[number % len(runs)]))
                    expected.append(url)
        # In articles of 30 paragraphs drawn from sixty words, four words of a sentence also
        # lie within a dozen words of each other in other articles: the quotations only.
        if shape != "long":
            assert len(queries) >= 100
            results = asked(server.url, queries)
            assert misses(results, queries, expected) == []
        quoted = quotations(site, set(by_article))
        assert len(quoted) >= 24
        queries = [" ".join(content_words(quote)[:4]) for _, quote in quoted]
        assert quoted_before_source(quoted, queries, asked(server.url, queries), by_article) == []


def test_results_show_the_passage_that_matched_with_its_words_marked(asked, site, served):
    """A query matching the article's later paragraphs shows those words in the article's
    result, not its first paragraph; at most EXCERPT words, with … where the text is cut."""
    engine = (ROOT / "overrides/assets/javascripts/workers/carnet-search-engine.js").read_text(encoding="utf-8")
    most = int(re.search(r"var EXCERPT = (\d+)", engine).group(1))
    sentences = article_sentences(site)["articles/sonarem-vesna/"]
    queries = [" ".join(content_words(s)[-3:]) for s in sentences[4:]]
    for query, got in zip(queries, asked(served, queries)):
        page, text = next((page, text) for page, text in got if page == "articles/sonarem-vesna/")
        plain = re.sub(r"<[^>]*>", "", text)
        marked = [re.sub(r"<[^>]*>", "", m) for m in re.findall(r"<mark>(.*?)</mark>", text)]
        assert len(marked) >= 2, (query, text)
        assert len(plain.replace("…", " ").split()) <= most, (query, plain)


def test_an_excerpt_takes_three_lines_at_most_on_a_phone(browser, served):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    hook(page)
    page.goto(served)
    page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
    for query in ["partenariats mutuellement benefiques", "sessions techniques", "alger"]:
        box = page.locator("input.md-search__input")
        box.fill("")
        type_and_wait(page, query)
        lines = page.eval_on_selector_all(
            ".md-search-result__list > li .md-search-result__article > :not(h1):not(.md-search-result__icon)",
            "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height / "
            "parseFloat(getComputedStyle(e).lineHeight))")
        assert lines and max(lines) <= 3.05, (query, lines)
        assert page.locator(".md-search-result__list > li mark").count() >= 1
    context.close()
