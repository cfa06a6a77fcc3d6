"""The real site in headless Chromium: search as French readers type, links, no outside requests."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

P1, P2, P3 = ("#p-le-maghreb-avec-ses-etendues-desertiques", "#p-mercredi-le-siege-du-groupe-algerien",
              "#p-l-accent-a-ete-mis-sur")

# query -> the page that must be among the first three results
SEARCHES = [
    ("algerie", "lieux/algerie/"),                  # accents folded
    ("Algérie", "lieux/algerie/"),
    ("ALGÉRIE", "lieux/algerie/"),
    ("l’Algérie", "lieux/algerie/"),                # elision, typographic apostrophe
    ("d'Algérie", "lieux/algerie/"),                # elision, straight apostrophe
    ("societe", "entreprises/vesna/"),              # société without accents
    ("société", "entreprises/vesna/"),
    ("phosphates", "minerais/phosphate/"),          # plural
    ("cuivr", "minerais/cuivre/"),                  # prefix while typing
    ("Cuivre", "minerais/cuivre/"),
    ("fer", "minerais/fer/"),
    ("Khomenko", "personnes/stanislav-khomenko/"),  # alias / part of a name
    ("stanislav khomenko", "personnes/stanislav-khomenko/"),
    ("Belkacem", "personnes/belkacem-soltani/"),
    ("soltani", "personnes/belkacem-soltani/"),
    ("Sonarem", "entreprises/sonarem/"),
    ("SONAREM", "entreprises/sonarem/"),
    ("VESNA", "entreprises/vesna/"),
    ("gazprom", "entreprises/gazprom/"),
    ("maghreb", "lieux/maghreb/"),
    ("russie", "lieux/russie/"),
    ("vesna gazprom", "articles/sonarem-vesna/"),    # multi-word: the page with both
    ("coopération minière", "articles/sonarem-vesna/"),
    ("cooperation miniere", "articles/sonarem-vesna/"),
    ("minière", "articles/sonarem-vesna/"),          # inflection: « ressources minières », the article's own
    ("minier", "articles/sonarem-vesna/"),           # « l’essor minier »: the article, then the fiche quoting it
    ("visioconference", "articles/sonarem-vesna/"),  # singular finds the plural
    ("gaz naturel", "entreprises/gazprom/"),
    ("filiale gazprom", "articles/sonarem-vesna/"),  # multi-word: the article's words, before fiches citing them
    ("Moscou", "lieux/russie/"),                     # a fact shown in an infobox
    ("Alger", "lieux/algerie/"),
    ("engrais", "minerais/phosphate/"),
    ("Tunisie", "lieux/maghreb/"),
    ("Khomeko", "personnes/stanislav-khomenko/"),    # one letter missing
    ("Gazprm", "entreprises/gazprom/"),
    ("Sonarm", "entreprises/sonarem/"),
    ("Soltanni", "personnes/belkacem-soltani/"),     # one letter too many
    ("Maghrib", "lieux/maghreb/"),                   # one letter wrong
    ("phosphatte", "minerais/phosphate/"),
    ("Khomenko VESNA", "personnes/stanislav-khomenko/"),
]


def search(page, base: str, query: str) -> list[str]:
    from search_worker import hook, type_and_wait
    if not page.url.startswith(base) or not page.evaluate("() => !!window.__carnetHooked"):
        hook(page)
        page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    type_and_wait(page, query, delay=15)
    hrefs = page.eval_on_selector_all(".md-search-result__list > li > a", "els => els.map(e => e.href)")
    return [urlparse(h).path.lstrip("/") for h in hrefs]


@pytest.mark.parametrize("query, expected", SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_the_page_in_the_first_three_results(page, served, query, expected):
    results = search(page, served, query)
    assert expected in results[:3], results[:5]


def test_search_has_at_least_twenty_queries():
    assert len(SEARCHES) >= 20


def test_entity_page_ranks_first_for_its_name(page, served):
    for query, expected in [("Sonarem", "entreprises/sonarem/"), ("Khomenko", "personnes/stanislav-khomenko/"),
                            ("phosphates", "minerais/phosphate/"), ("algerie", "lieux/algerie/")]:
        assert search(page, served, query)[0] == expected


def test_results_keep_accents_and_highlight_matches(page, served):
    search(page, served, "algerie")
    first = page.locator(".md-search-result__list > li").first
    assert "Algérie" in first.locator("h1").inner_text()
    marks = first.locator("mark").all_inner_texts()
    assert any(m.startswith("Alg") for m in marks), marks


def test_following_an_entity_link_from_the_article(page, served):
    page.goto(served + "articles/sonarem-vesna/")
    link = page.locator(f"{P2} a.carnet-mention", has_text="VESNA")
    link.click()
    page.wait_for_url("**/entreprises/vesna/")
    assert page.locator("article h1").inner_text().startswith("VESNA")
    page.locator("#dans-larticle ~ ul .carnet-passage").first.click()
    page.wait_for_url("**/articles/sonarem-vesna/" + P2)
    assert "VESNA" in page.locator(P2).inner_text()


def test_a_citation_opens_the_paragraph_that_holds_its_words(page, served):
    """The number after a claim leads to its reference, which opens the paragraph holding the
    words its tip shows; the reference leads back to the claim."""
    page.goto(served + "entreprises/sonarem/")   # its infobox's "Secteur", quoted from § 3
    number = page.locator(".carnet-infobox sup.carnet-ref > a").first
    words = page.locator("#" + number.get_attribute("aria-describedby")).locator(".carnet-support").text_content()
    assert number.is_visible() and words  # the supporting words: on focus of the reference number
    place = number.get_attribute("id")
    number.click()
    assert page.evaluate("() => location.hash") == number.get_attribute("href")
    reference = page.locator(number.get_attribute("href"))
    assert reference.is_visible() and words in reference.inner_text()
    reference.locator(f"a.carnet-backref[href='#{place}']").click()
    assert page.evaluate("() => location.hash") == "#" + place
    page.goto(served + "entreprises/sonarem/" + number.get_attribute("href"))
    page.locator(number.get_attribute("href") + " a.carnet-ref-passage").click()
    page.wait_for_url("**/articles/sonarem-vesna/*")
    anchor = page.evaluate("() => location.hash")
    assert anchor == P3  # the text directive is not part of the anchor
    target = page.locator(anchor)
    assert words in target.inner_text()
    assert target.evaluate("el => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 }")


def all_pages(site) -> list[str]:
    """Every HTML page the build wrote, as a path under the site's root."""
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                  for p in site.rglob("*.html") if p.name == "index.html")


@pytest.fixture(scope="module")
def served_elsewhere(site):
    """The site built for its production address, served at another one: a preview, a mirror."""
    from browser import StaticServer
    with StaticServer(site) as server:
        yield server.url


@pytest.mark.parametrize("where", ["served", "served_elsewhere"])
def test_no_request_leaves_the_site_and_no_console_error(browser, site, where, request):
    base = request.getfixturevalue(where)
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    outside, errors = [], []
    host = urlparse(base).netloc
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).netloc not in (host, "") else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    pages = all_pages(site)
    assert len(pages) >= 20
    for path in pages:
        page.goto(base + path, wait_until="networkidle")
    search(page, base, "sonarem")
    context.close()
    assert outside == []
    assert errors == []


def test_hovering_or_focusing_an_entity_link_shows_a_preview(page, served):
    page.goto(served + "articles/sonarem-vesna/", wait_until="networkidle")
    page.locator(f"{P2} a.carnet-mention", has_text="VESNA").hover()
    card = page.locator(".md-tooltip2--active")
    card.wait_for(state="visible", timeout=5000)
    assert "VESNA" in card.inner_text() and "présente comme russe" in card.inner_text()
    page.mouse.move(0, 0)
    page.locator(f"{P3} a.carnet-mention", has_text="Belkacem Soltani").focus()  # keyboard users too
    page.wait_for_function("() => [...document.querySelectorAll('.md-tooltip2--active')]"
                           ".some(e => e.innerText.includes('Belkacem Soltani'))", timeout=5000)


AXE = __import__("pathlib").Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violation_on_any_page(browser, site, served, scheme):
    assert AXE.exists(), "run 'npm install' (make test does) to get axe-core"
    context = browser.new_context(locale="fr-FR", color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in all_pages(site):
        page.goto(served + path, wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations"
                                   ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
        if violations:
            found[path] = violations
    context.close()
    assert found == {}


def test_article_prints_its_words_as_received_with_addresses_at_the_end(browser, served):
    page = browser.new_page()   # its own: print media stays with it
    page.goto(served + "articles/sonarem-vesna/", wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate("() => ['.md-header', '.md-sidebar--primary', '.md-footer']"
                           ".map(s => getComputedStyle(document.querySelector(s)).display)")
    assert hidden == ["none", "none", "none"]
    # No address inside the article's verbatim paragraphs; links printed black.
    inside = page.eval_on_selector_all(".carnet-article-text a", "els => els.map(a => "
                                       "[getComputedStyle(a, '::after').content, getComputedStyle(a).color])")
    assert inside and all(after in ("none", "normal") and color == "rgb(0, 0, 0)" for after, color in inside), inside
    # The fiches it names, at its end, with their full addresses from site_url.
    listed = page.eval_on_selector_all(".carnet-article-fiches a", "els => els.map(a => "
                                       "[a.href, a.dataset.printHref, getComputedStyle(a, '::after').content])")
    mentioned = set(page.eval_on_selector_all("a.carnet-mention", "els => els.map(a => a.href)"))
    assert {href for href, _, _ in listed} == mentioned and len(mentioned) == 11
    assert all(printed == href and printed.startswith(served) and "attr(data-print-href)" in after
               or printed in after for href, printed, after in listed)
    # The page's own address, at its end.
    own = page.evaluate("() => { const el = document.querySelector('.md-content__inner');"
                        " return [el.dataset.printUrl, getComputedStyle(el, '::after').content] }")
    assert own[0] == served + "articles/sonarem-vesna/" and "Adresse de cette page" in own[1]
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
    page.close()


def test_drawer_and_table_of_contents_still_work_on_a_phone(browser, served):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served + "entreprises/vesna/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Lieux").click()
    page.wait_for_url("**/lieux/")
    page.goto(served)  # a listed page (the home page): its table of contents sits in the drawer
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.locator('label.md-nav__link[for="__toc"]').click()
    page.wait_for_function("() => document.getElementById('__toc').checked")
    context.close()


def test_an_unlisted_page_keeps_its_table_of_contents_title_and_links(page, served):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(served + "entreprises/vesna/")
    title = page.locator(".md-sidebar--secondary .md-nav__title")
    assert title.is_visible() and "Table des matières" in title.inner_text()
    page.locator(".md-sidebar--secondary").get_by_role("link", name="Sources").click()
    page.wait_for_url("**/entreprises/vesna/#sources")


def test_relation_graphs_on_a_phone_are_legible_or_replaced_by_their_text(browser, served):
    from carnet.load.notes_dir import load_notes
    from conftest import ROOT
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in [note.id + "/" for note in catalog] + ["graphe/"]:
        page.goto(served + path)
        sizes = page.eval_on_selector_all(
            "figure.carnet-graph svg text",
            "els => els.filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().height)")
        assert all(h >= 12 for h in sizes), (path, min(sizes))  # drawn labels: 12 px at least...
        if not sizes:  # ...or no drawing, its caption and key gone with it, and the text says the same
            assert not page.locator("figure.carnet-graph").first.is_visible(), path
            text = page.locator(".carnet-graph-relations" if path == "graphe/" else ".carnet-relations")
            assert text.is_visible() and "—" in text.inner_text() or ":" in text.inner_text(), path
    context.close()


def fold(text: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_every_name_and_alias_puts_its_own_page_first(page, served):
    from carnet.load.notes_dir import load_notes
    from conftest import ROOT
    catalog, _ = load_notes(ROOT / "notes", ROOT)
    tried, wrong = 0, {}
    for note in catalog:
        for form in note.names:
            for query in dict.fromkeys([form, form.lower(), form.upper(), fold(form)]):
                results = search(page, served, query)
                tried += 1
                if not results or results[0] != note.id + "/":
                    wrong[query] = results[:3]
    assert wrong == {}
    assert tried >= 40


def test_lunr_syntax_is_kept(page, served):
    results = search(page, served, "+vesna -gazprom")
    assert results and "entreprises/sonarem/" in results
    assert not {"entreprises/gazprom/", "entreprises/vesna/", "articles/sonarem-vesna/"} & set(results)
    both = search(page, served, "+sonarem +khomenko")  # must hold both
    assert set(both) == {"articles/sonarem-vesna/", "entreprises/vesna/"}


def test_a_fiche_result_reads_as_its_summary_and_facts_as_label_and_value(page, served):
    search(page, served, "Sonarem")  # its name: the result shows its summary
    text = page.locator(".md-search-result__list > li").first.inner_text()
    assert "Groupe que l’article dit algérien" in text and "Nom" not in text and "toutes les fiches" not in text
    search(page, served, "Moscou")   # a fact: the result shows it as label and value
    text = page.locator(".md-search-result__list > li").first.inner_text()
    assert "Capitale\u00a0: Moscou" in text and "CapitaleMoscou" not in text
