"""The reading experience, measured in Chromium over every page of its kind, at phone and
desktop sizes and in both palettes: headline, article text, fiches, graphs, previews,
navigation, search results, tap targets, and axe-core with the WCAG 2.2 A and AA rules."""

from __future__ import annotations

import posixpath

import pytest

from carnet.load.notes_dir import load_notes
from carnet.model.vocabulary import RELATION_TYPES, running_name
from conftest import ROOT

pytestmark = pytest.mark.browser

CATALOG, _ = load_notes(ROOT / "notes", ROOT)
FICHES = [f"{n.kind}/{n.slug}/" for n in CATALOG]
ARTICLES = sorted(f"articles/{p.stem}/" for p in (ROOT / "docs" / "articles").glob("*.md"))
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
SCHEMES = ("light", "dark")

CONTRAST = """el => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number)
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b }
  let bg = null, node = el
  while (node && !bg) { const c = getComputedStyle(node).backgroundColor; if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') bg = c; node = node.parentElement }
  const fgc = getComputedStyle(el).color, alpha = (fgc.match(/[\\d.]+/g)[3] ?? 1) * 1
  const b = rgb(bg || 'rgb(255,255,255)'), f = rgb(fgc).map((v, i) => v * alpha + b[i] * (1 - alpha))
  const [hi, lo] = [lum(f), lum(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}"""

LINE_LENGTHS = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), lines = new Map(), range = document.createRange()
  let node
  while ((node = walker.nextNode())) for (let i = 0; i < node.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1)
    const r = range.getClientRects()[0]; if (!r) continue
    const top = Math.round(r.top); lines.set(top, (lines.get(top) || 0) + 1)
  }
  return [...lines.values()]
}"""


def site_pages(site) -> list[str]:
    """Every page the build wrote, as a path under the site's root."""
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))


def open_search(page, served: str, size: str) -> None:
    """A page of the site with its search box open, its worker's answers watched."""
    from search_worker import hook
    hook(page)
    page.goto(served, wait_until="networkidle")
    if size == "phone":
        page.locator("label.md-header__button[for='__search']").click()


@pytest.fixture(scope="module", params=[(s, c) for s in SIZES for c in SCHEMES], ids=lambda p: f"{p[0]}-{p[1]}")
def view(request, browser):
    size, scheme = request.param
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme, locale="fr-FR")
    page = context.new_page()
    yield size, scheme, page
    context.close()


def test_article_headline_leads_and_the_text_starts_on_the_first_screen(view, served):
    size, scheme, page = view
    for path in ARTICLES:
        page.goto(served + path, wait_until="networkidle")
        h1 = page.locator("article h1")
        assert int(h1.evaluate("el => getComputedStyle(el).fontWeight")) >= 600
        assert h1.evaluate(CONTRAST) >= 7, (path, scheme)
        # The dateline: outlet, date and reading time on one line (on a desktop).
        dateline = page.locator(".carnet-dateline")
        assert "min de lecture" in dateline.inner_text()
        if size == "desktop":
            assert len(dateline.evaluate(LINE_LENGTHS)) == 1
        first = page.locator(".carnet-article-text > p").first
        assert first.evaluate("el => el.getBoundingClientRect().top") < 0.6 * SIZES[size]["height"], path


def test_article_text_reads_at_a_newspaper_s_size_and_measure(view, served):
    size, scheme, page = view
    for path in ARTICLES:
        page.goto(served + path, wait_until="networkidle")
        paragraphs = page.locator(".carnet-article-text > p")
        for i in range(paragraphs.count()):
            p = paragraphs.nth(i)
            assert float(p.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 17
            if size == "desktop":
                lines = p.evaluate(LINE_LENGTHS)
                assert max(lines) <= 75, (path, i, lines)


def test_every_article_ends_on_the_fiches_it_names(page, served):
    for path in ARTICLES:
        page.goto(served + path, wait_until="networkidle")
        named = set(page.eval_on_selector_all(".carnet-article-text a.carnet-mention", "els => els.map(a => a.href)"))
        listed = page.eval_on_selector_all(".carnet-article-fiches a", "els => els.map(a => a.href)")
        assert named and set(listed) == named and len(listed) == len(named)
        kinds = page.eval_on_selector_all(".carnet-article-fiches li strong", "els => els.map(e => e.textContent)")
        assert kinds == [k for k in ("Entreprises", "Personnes", "Ressources minérales", "Lieux") if k in kinds]


def test_every_fiche_has_a_wikipedia_like_infobox_and_numbered_references(view, served):
    size, scheme, page = view
    for path in FICHES:
        page.goto(served + path, wait_until="networkidle")
        terms = page.eval_on_selector_all(".carnet-infobox dt", "els => els.map(e => e.textContent)")
        assert "Nom" not in terms and "Nature" not in terms
        if page.locator(".carnet-infobox").count():
            band = page.locator(".carnet-infobox-title")
            assert band.is_visible() and band.evaluate(CONTRAST) >= 4.5
            if size == "desktop":
                # Beside the summary, on its right; after it in the page's order.
                box = page.locator(".carnet-infobox").bounding_box()
                column = page.locator(".carnet-lead").bounding_box()
                summary = page.locator(".carnet-lead > .carnet-summary").bounding_box()
                assert box["width"] <= 0.45 * column["width"] and box["x"] >= summary["x"] + summary["width"]
                assert abs(box["x"] + box["width"] - column["x"] - column["width"]) <= 1 and box["y"] <= summary["y"] + 5
            assert page.eval_on_selector(".carnet-lead", "el => el.firstElementChild.className") == "carnet-summary"
        # The quoted words are shown once: in the list at the foot, not after every claim.
        visible_quotes = page.eval_on_selector_all(
            ".carnet-relations .carnet-support, .carnet-infobox .carnet-support",
            "els => els.filter(e => e.offsetParent !== null).length")
        assert visible_quotes == 0
        # Each reference number leads to who says so at the foot (the article's words and its
        # paragraph, or a named source), and shows what backs the claim on focus.
        refs = page.locator("sup.carnet-ref > a")
        for i in range(refs.count()):
            ref = refs.nth(i)
            target = ref.get_attribute("href")
            said = page.locator(target).inner_text()
            assert page.locator(target).count() == 1 and ("» — selon l’article" in said or "Selon " in said), said
            tip = page.locator("#" + ref.get_attribute("aria-describedby"))
            assert not tip.is_visible()
            ref.focus()
            assert tip.is_visible() and tip.inner_text().strip("«»\u202f ") in said


GLUED = """a => {
  // The last character before the number, on the same line as the number.
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT)
  let node, before = null
  while ((node = walker.nextNode()) && !(a.parentElement.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING
                                          || a.parentElement.contains(node)))
    if (node.textContent.replace(/[\\s\u2060]/g, '') && !node.parentElement.closest('.carnet-ref-tip')) before = node
  const text = before.textContent.replace(/[\\s\u2060]+$/, ''), range = document.createRange()
  range.setStart(before, text.length - 1); range.setEnd(before, text.length)
  const c = range.getBoundingClientRect(), n = a.getBoundingClientRect()
  return { same: n.top < c.bottom && n.bottom > c.top && n.left >= c.left, char: text.slice(-1), c: [c.top, c.bottom], n: [n.top, n.bottom] }
}"""


def test_a_reference_number_never_leaves_the_word_before_it(view, served):
    """No line break between a claim and its number ("§ 2¹" or a number alone on a line): on
    every fiche, at both sizes, the number stands on the line of the character before it."""
    size, scheme, page = view
    checked = 0
    for path in FICHES:
        page.goto(served + path, wait_until="networkidle")
        for ref in page.locator("sup.carnet-ref > a").all():
            place = ref.evaluate(GLUED)
            assert place["same"], (path, size, ref.get_attribute("id"), place)
            checked += 1
    assert checked >= 40


TIP_PLACE = """tip => {
  const r = tip.getBoundingClientRect(), cut = []
  for (let el = tip.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    const s = getComputedStyle(el)
    if (s.position === 'fixed' && el !== tip) break
    if ((s.overflowX !== 'visible' || s.overflowY !== 'visible') && getComputedStyle(tip).position !== 'fixed') {
      const b = el.getBoundingClientRect()
      if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) cut.push(el.className)
    }
  }
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight,
           scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, cut: cut }
}"""


def test_an_article_s_column_is_one_measure_in_the_page_s_greys(view, served):
    """Dateline, source box and the list of fiches end where the paragraphs do (a desktop);
    the source box's frame and icons are greys of the palette, not Material's cyan."""
    size, scheme, page = view
    for path in ARTICLES:
        page.goto(served + path, wait_until="networkidle")
        right = max(page.eval_on_selector_all(".carnet-article-text > p", "els => els.map(e => e.getBoundingClientRect().right)"))
        for selector in (".carnet-dateline", "details.carnet-source-box", ".carnet-article-fiches"):
            edge = page.locator(selector).evaluate("el => el.getBoundingClientRect().right")
            if size == "desktop":
                assert abs(edge - right) <= 24, (path, selector, edge, right)
            else:
                assert edge <= SIZES[size]["width"], (path, selector, edge)
        colours = page.locator("details.carnet-source-box").evaluate(
            "el => [getComputedStyle(el).borderLeftColor, getComputedStyle(el.querySelector('summary'), '::before').backgroundColor,"
            " getComputedStyle(el.querySelector('summary'), '::after').backgroundColor]")
        for colour in colours:
            rgb = [float(v) for v in colour[colour.index("(") + 1:].rstrip(")").split(",")[:3]]
            assert max(rgb) - min(rgb) <= 16, (path, scheme, colours)


def test_the_a_to_z_index_gives_a_line_to_each_name_and_keeps_its_letters_in_view(view, served):
    size, scheme, page = view
    page.goto(served + "index-a-z/", wait_until="networkidle")
    lines = page.eval_on_selector_all(
        "ul.carnet-index > li", "els => els.map(e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))")
    assert len(lines) == len(FICHES) and max(lines) <= 1.2, lines
    # Its bar of letters is its table of contents: no second one beside it.
    assert not page.locator(".md-sidebar--secondary").is_visible()
    # The footer's line is not a link: not underlined as one.
    assert page.locator(".md-copyright__highlight").evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    # Flush with the text, as a list of names: no bullets, no indent.
    left = page.locator("article p").first.bounding_box()["x"]
    assert all(abs(x - left) <= 1 for x in page.eval_on_selector_all(
        "ul.carnet-index > li", "els => els.map(e => e.getBoundingClientRect().left)")), left
    for letter in page.locator(".carnet-letters a").all()[::-1]:
        letter.click()
        page.wait_for_timeout(100)
        bar = page.locator(".carnet-letters").bounding_box()
        heading = page.locator(letter.get_attribute("href")).bounding_box()
        assert 0 <= bar["y"] < 150 and heading["y"] >= bar["y"] + bar["height"] - 1, (size, letter.inner_text(), bar, heading)


def test_home_and_articles_list_an_article_as_a_front_page_does(view, served):
    """A headline (bold, larger than the text), small metadata, no bullet."""
    size, scheme, page = view
    for path in ["", "articles/"]:
        page.goto(served + path, wait_until="networkidle")
        body = float(page.locator("article p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        items = page.locator("ul.carnet-articles > li").all()
        assert items, path
        for item in items:
            title = item.locator(".carnet-article-title")
            size_, weight = title.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), +getComputedStyle(e).fontWeight]")
            assert size_ >= 1.2 * body and weight >= 600, (path, size_, weight, body)
            small = item.locator(".carnet-article-dateline").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            assert small < body, (path, small, body)
            assert item.evaluate("e => getComputedStyle(e).listStyleType") == "none"
            assert title.evaluate(CONTRAST) >= 7


def test_every_article_ends_with_a_way_to_the_other_articles(page, served):
    for path in ARTICLES:
        page.goto(served + path, wait_until="networkidle")
        more = page.locator("nav.carnet-article-more")
        others = len(ARTICLES) > 1
        assert (more.locator("h2").count() == 1) == others
        if others:
            assert more.locator("h2").inner_text() == "Autres articles"
        assert "Tous les articles" in more.inner_text()
        links = more.locator("a").all()
        assert links
        for link in links:   # each leads to an article or to the list of them
            link.click()
            page.wait_for_load_state("networkidle")
            assert page.locator("ul.carnet-articles, .carnet-article-text").count() >= 1, page.url
            page.go_back()


def test_each_kind_s_index_lists_a_name_over_its_summary(view, served):
    size, scheme, page = view
    for kind in ["entreprises/", "personnes/", "minerais/", "lieux/"]:
        page.goto(served + kind, wait_until="networkidle")
        items = page.locator("ul.carnet-index > li").all()
        assert items, kind
        for item in items:
            name, summary = item.locator("a").first, item.locator(".carnet-index-summary")
            assert item.evaluate("e => getComputedStyle(e).listStyleType") == "none"
            assert int(name.evaluate("e => getComputedStyle(e).fontWeight")) >= 600
            assert summary.bounding_box()["y"] >= name.bounding_box()["y"] + name.bounding_box()["height"] - 1
            assert summary.evaluate(CONTRAST) >= 4.5, (kind, scheme)


def test_an_article_prints_what_the_source_does_not_say(browser, served):
    page = browser.new_page()
    for path in ARTICLES:
        page.goto(served + path, wait_until="networkidle")
        page.emulate_media(media="print")
        box = page.locator("details.carnet-source-box")
        assert box.evaluate("el => !el.open")
        for item in box.locator("li").all():
            assert item.is_visible() and item.bounding_box()["height"] > 0, (path, item.inner_text())
        dateline = page.locator(".carnet-dateline").inner_text().strip()
        assert not dateline.endswith("·") and "min de lecture" not in dateline, dateline
        page.emulate_media(media="screen")
    page.close()


def test_every_reference_tip_opens_wholly_on_screen_and_cut_by_nothing(view, served):
    """Every tip of every fiche, opened by focus (as by a tap or a key), at both sizes: within
    the screen, clipped by no box, and the page does not scroll sideways while it is open."""
    size, scheme, page = view
    opened = 0
    for path in FICHES:
        page.goto(served + path, wait_until="networkidle")
        refs = page.locator("sup.carnet-ref > a")
        for i in range(refs.count()):
            ref = refs.nth(i)
            ref.evaluate("el => el.scrollIntoView({block: 'center'})")
            ref.focus()
            tip = page.locator("#" + ref.get_attribute("aria-describedby"))
            assert tip.is_visible()
            box = tip.evaluate(TIP_PLACE)
            assert 0 <= box["left"] and box["right"] <= box["width"], (path, size, i, box)
            assert 0 <= box["top"] and box["bottom"] <= box["height"], (path, size, i, box)
            assert box["cut"] == [] and box["scroll"] <= box["client"], (path, size, i, box)
            opened += 1
    assert opened >= 20


def test_on_a_phone_a_first_tap_on_a_number_opens_its_sheet_and_a_second_goes_to_the_reference(view, served):
    """A tap on a reference number opens its sheet and leaves the reader where they read (the
    page does not jump to the foot); a second tap on the same number goes to the reference.
    On a desktop a click goes to the reference at once (the tip shows on hover)."""
    size, scheme, page = view
    tried = 0
    for path in FICHES:
        page.goto(served + path, wait_until="networkidle")
        refs = page.locator("sup.carnet-ref > a")
        for i in range(min(refs.count(), 3)):
            page.evaluate("history.replaceState(null, '', location.pathname)")
            ref = refs.nth(i)
            # The first at the foot of the screen, where its sheet opens: never under it.
            ref.evaluate(f"el => el.scrollIntoView({{block: '{'end' if i == 0 else 'center'}'}})")
            target = ref.get_attribute("href")
            tip = page.locator("#" + ref.get_attribute("aria-describedby"))
            ref.click()
            if size == "phone":
                number = ref.bounding_box()
                assert page.evaluate("location.hash") == "" and tip.is_visible(), (path, i)
                assert 0 <= number["y"] and number["y"] + number["height"] <= tip.bounding_box()["y"], (path, i)
                ref.click()
            assert page.evaluate("location.hash") == target, (path, size, i)
            tried += 1
    assert tried >= 10


def test_no_page_and_no_block_on_a_desktop_scrolls_sideways(view, served, site):
    """Every page at both sizes: the page never wider than the screen; on a desktop, no
    block of content (a graph, a table, code) wider than the column it stands in."""
    size, scheme, page = view
    pages = site_pages(site)
    for path in pages:
        page.goto(served + path, wait_until="networkidle")
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (path, size)
        if size == "desktop":
            wide = page.eval_on_selector_all(
                "article.md-content__inner *", "els => els.filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)"
                " && e.scrollWidth > e.clientWidth + 1).map(e => e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)")
            assert wide == [], (path, wide)


def test_no_heading_takes_a_line_for_its_hidden_permalink(view, served, site):
    """A heading is as tall as its words: its ¶ permalink, hidden until hovered, never
    wraps onto a line of its own (a 52 px gap on a phone after a long heading)."""
    size, scheme, page = view
    pages = site_pages(site)
    for path in pages:
        page.goto(served + path, wait_until="networkidle")
        extra = page.eval_on_selector_all("article.md-content__inner :is(h1, h2, h3)", """els => els.map(h => {
          const range = document.createRange(); range.selectNodeContents(h)
          const link = h.querySelector('.headerlink'); if (link) range.setEndBefore(link)
          const words = range.getBoundingClientRect(), all = h.getBoundingClientRect()
          return [h.textContent, all.height - words.height, 0.6 * parseFloat(getComputedStyle(h).lineHeight)]
        }).filter(([, gap, line]) => gap > line)""")
        assert extra == [], (path, size, extra)


def test_infobox_values_get_most_of_the_box(view, served):
    size, scheme, page = view
    rows = 0
    for path in FICHES:
        page.goto(served + path, wait_until="networkidle")
        if not page.locator(".carnet-infobox").count():
            continue
        box = page.locator(".carnet-infobox").bounding_box()
        for width in page.eval_on_selector_all(".carnet-infobox dd", "els => els.map(e => e.getBoundingClientRect().width)"):
            assert width >= 0.55 * box["width"], (path, size, width, box["width"])
            rows += 1
    assert rows >= len(FICHES)


def test_section_headings_are_bold_on_every_page(view, served, site):
    size, scheme, page = view
    pages = site_pages(site)
    seen = 0
    for path in pages:
        page.goto(served + path, wait_until="networkidle")
        weights = page.eval_on_selector_all("article.md-content__inner h2, article.md-content__inner h3",
                                            "els => els.map(e => [e.textContent, +getComputedStyle(e).fontWeight])")
        assert all(weight >= 600 for _, weight in weights), (path, weights)
        seen += len(weights)
    assert seen >= 20


def test_search_highlights_read_at_4_5_to_1(view, served):
    from search_worker import type_and_wait
    size, scheme, page = view
    open_search(page, served, size)
    for query in ("algerie", "cooperation miniere", "Khomenko"):
        box = page.locator("input.md-search__input")
        box.fill("")
        box.click()
        type_and_wait(page, query)
        ratios = [mark.evaluate(CONTRAST) for mark in page.locator(".md-search-result__list mark").all()[:12]]
        assert ratios and min(ratios) >= 4.5, (query, size, scheme, ratios)


def test_references_are_a_heading_of_the_contents_and_lead_back_to_each_citation(page, served):
    """Wikipedia's way: "Références" a heading under "Sources", in the table of contents; each
    reference links back to every place citing it, and each of those places to it."""
    checked = 0
    for path in FICHES:
        page.goto(served + path, wait_until="networkidle")
        refs = page.locator("ol.carnet-references > li")
        if not refs.count():
            continue
        heading = page.locator("h3", has_text="Références")
        assert heading.count() == 1, path
        anchor = heading.get_attribute("id")
        toc = page.eval_on_selector_all(".md-nav--secondary a", "els => els.map(a => a.getAttribute('href'))")
        assert f"#{anchor}" in toc, (path, toc)
        for ref in refs.all():
            backs = ref.locator("a.carnet-backref").all()
            assert backs, (path, ref.inner_text())
            for back in backs:
                target = page.locator(back.get_attribute("href"))
                assert target.count() == 1 and target.get_attribute("href") == "#" + ref.get_attribute("id"), path
                checked += 1
        places = page.eval_on_selector_all("sup.carnet-ref > a", "els => els.map(a => [a.id, a.getAttribute('href')])")
        for place, ref in places:   # every citing place is linked back from its reference
            assert page.locator(f"{ref} a.carnet-backref[href='#{place}']").count() == 1, (path, place)
    assert checked >= 20


# The size a text of a drawing is drawn at: its font size times the drawing's scale.
DRAWN_SIZES = """svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
  return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale)
}"""


def test_graph_labels_are_legible_or_replaced_by_their_text(view, served):
    """Drawn, no text of a graph below 11 px; on a phone, no drawing and its text stands alone:
    a fiche's list of relations, the dossier's relations one a line."""
    size, scheme, page = view
    for path in FICHES + ["graphe/"]:
        page.goto(served + path, wait_until="networkidle")
        text = page.locator(".carnet-graph-relations" if path == "graphe/" else ".carnet-relations")
        assert text.is_visible(), (path, size)
        for figure in page.locator("figure.carnet-graph").all():
            if size == "phone":
                assert not figure.is_visible(), path
                continue
            sizes = figure.locator("svg").evaluate(DRAWN_SIZES)
            assert sizes and min(sizes) >= 11, (path, size, min(sizes))


def test_the_dossier_graph_has_a_key_and_every_fiche_one_tap_away_on_a_phone(view, served):
    """The key on a desktop, beside the drawing; on a phone, where the drawing is not shown,
    neither its key nor a word about it, and every fiche one tap away."""
    size, scheme, page = view
    page.goto(served + "graphe/", wait_until="networkidle")
    key = page.locator("ul.carnet-graph-key-list")
    assert key.is_visible() == (size == "desktop")
    assert page.locator("figure.carnet-graph figcaption").is_visible() == (size == "desktop")
    if size == "phone":   # no visible sentence speaks of points, lines, colours or arrows
        said = page.eval_on_selector_all("article.md-content__inner :is(p, li)",
                                         "els => els.filter(e => e.offsetParent !== null).map(e => e.innerText)")
        assert [t for t in said if any(w in t for w in ("point", "trait", "couleur", "flèche", "clic"))] == []
    links = {a.rsplit("/", 2)[-2] for a in page.eval_on_selector_all(
        ".carnet-graph-fiches a:not(.carnet-graph-kind)", "els => els.filter(e => e.offsetParent !== null).map(a => a.href)")}
    assert links == {n.slug for n in CATALOG}


def gives_way(page, url):
    """On a phone: no figure of a graph is shown, its text is."""
    page.goto(url, wait_until="networkidle")
    figures = page.locator("figure.carnet-graph")
    assert figures.count() >= 1 and all(figures.nth(i).is_hidden() for i in range(figures.count()))
    assert page.locator(".carnet-graph-relations, .carnet-relations, #relations").first.is_visible()


def test_a_fiche_s_graph_caption_says_what_it_is_not_the_relations_again(view, served):
    """The relations are said in the list and in the drawing's description (for screen
    readers): the caption says what the drawing is and gives its key, a dot a kind drawn."""
    size, scheme, page = view
    if size == "phone":   # the figure gives way to the list of relations: nothing to read there
        return gives_way(page, served + "entreprises/sonarem/")
    for note in CATALOG:
        page.goto(served + f"{note.kind}/{note.slug}/", wait_until="networkidle")
        figure = page.locator("figure.carnet-graph")
        caption = figure.locator("figcaption").inner_text()
        desc = figure.locator("desc").text_content()
        assert note.name in desc and all(running_name(link.other.name, link.other.kind) in desc
                                         for link in CATALOG.links(note.id))
        assert desc not in caption and "selon l’article, §" not in caption, note.id
        for link in CATALOG.links(note.id):   # no relation said again, nor a related fiche named
            assert f"{link.label.lower()}\u00a0:" not in caption and link.other.name not in caption, (note.id, caption)
        drawn = {note.kind} | {link.other.kind for link in CATALOG.links(note.id)}
        dots = figure.locator("figcaption .carnet-key-dot")
        assert dots.count() == len(drawn) and all(dot.is_visible() for dot in dots.all()), note.id


def test_entity_links_have_one_underline(view, served):
    size, scheme, page = view
    page.goto(served + ARTICLES[0], wait_until="networkidle")
    styles = page.eval_on_selector_all("a.carnet-mention", "els => els.map(a => { const s = getComputedStyle(a);"
                                       " return [s.textDecorationLine, s.borderBottomStyle] })")
    assert styles and all(line == "underline" and border == "none" for line, border in styles)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_preview_cards_use_their_width_and_have_a_border(browser, served, scheme):
    # Previews open on hover and focus: a desktop's.
    context = browser.new_context(viewport=SIZES["desktop"], color_scheme=scheme, locale="fr-FR")
    page = context.new_page()
    page.goto(served + ARTICLES[0], wait_until="networkidle")
    page.locator("a.carnet-mention").first.hover()
    card = page.locator(".md-tooltip2").first
    card.locator(".carnet-summary").wait_for(state="visible", timeout=5000)
    summary = card.locator(".carnet-summary").bounding_box()
    inner = card.locator(".md-tooltip2__inner").bounding_box()
    assert summary["width"] >= 0.8 * inner["width"]
    # The card is framed, not Material's wrapper across the screen.
    assert float(card.locator(".md-tooltip2__inner").evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)")) >= 1
    assert float(card.evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)")) == 0
    context.close()


def test_every_link_with_a_preview_opens_its_page_s_card_on_every_page(browser, site, served):
    """Material's previews learn which links lead into the site from a sitemap that carnet.js
    answers in the page (the published sitemap.xml grows with the archive): every link with a
    preview, on every page, opens a card that shows the page it leads to."""
    from conftest import soup
    context = browser.new_context(viewport=SIZES["desktop"], locale="fr-FR")
    page = context.new_page()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    pages = site_pages(site)
    hovered = 0
    for path in pages:
        page.goto(served + path, wait_until="networkidle")
        targets = page.eval_on_selector_all(
            "article a[data-preview]", "els => [...new Set(els.filter(a => a instanceof HTMLAnchorElement && a.offsetParent !== null)"
            ".map(a => a.getAttribute('href')))]")
        for href in targets:
            target = posixpath.normpath(posixpath.join(path, href.split("#")[0]))
            h1 = soup(site, target).select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
            page.mouse.move(0, 0)   # the card before closes first: it could cover the next link
            page.wait_for_function("() => !document.querySelector('.md-tooltip2')")
            page.locator(f'article a[data-preview][href="{href}"]').first.hover()
            card = page.locator(".md-tooltip2", has_text=h1)
            card.first.wait_for(state="visible", timeout=5000)
            hovered += 1
    context.close()
    assert hovered >= 40
    assert not any(url.endswith("/sitemap.xml") for url in seen)   # answered in the page


def test_the_a_to_z_index_and_the_graph_are_in_the_navigation(view, served):
    size, scheme, page = view
    page.goto(served, wait_until="networkidle")
    if size == "phone":
        page.locator('label.md-header__button[for="__drawer"]').click()
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        page.wait_for_timeout(300)
    nav = page.locator("nav.md-nav--primary")
    for label, path in (("Index A–Z", "index-a-z/"), ("Graphe du dossier", "graphe/")):
        link = nav.get_by_role("link", name=label)
        assert link.is_visible() and link.get_attribute("href").rstrip("/").endswith(path.rstrip("/"))


def test_tap_targets_in_index_bars_are_at_least_24_px(view, served):
    size, scheme, page = view
    checked = 0
    for path in ["index-a-z/", "articles/", "entreprises/", "personnes/", "minerais/", "lieux/"]:
        page.goto(served + path, wait_until="networkidle")
        for box in page.eval_on_selector_all(".carnet-letters a, .carnet-pager a",
                                             "els => els.map(a => a.getBoundingClientRect()).map(r => [r.width, r.height])"):
            assert box[0] >= 24 and box[1] >= 24, (path, box)
            checked += 1
    assert checked >= 5


def test_search_results_say_what_they_are(view, served):
    from search_worker import type_and_wait
    size, scheme, page = view
    open_search(page, served, size)
    box = page.locator("input.md-search__input")
    box.fill("")
    box.click()
    type_and_wait(page, "VESNA", delay=15)
    labels = page.eval_on_selector_all(
        ".md-search-result__list > li > a", "els => els.map(a => [a.href, getComputedStyle(a.querySelector('h1'), '::before').content])")
    assert labels
    for href, label in labels:
        if "/entreprises/" in href and not href.endswith("/entreprises/"):
            assert label == '"Fiche · Entreprise — "'
        if "/articles/" in href and not href.endswith("/articles/"):
            assert label == '"Article — "'
    if size == "phone":
        heights = page.eval_on_selector_all(
            ".md-search-result__article > p", "els => els.map(p => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))")
        assert heights and max(heights) <= 3.05


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG22 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_axe_finds_no_wcag_2_2_violation_on_any_page(view, served, site):
    size, scheme, page = view
    assert AXE.exists(), "run 'npm install' (make test does) to get axe-core"
    pages = site_pages(site)
    found = {}
    for path in pages:
        page.goto(served + path, wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
                                   ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))",
                                   WCAG22)
        if violations:
            found[path] = violations
    assert found == {}


# Every line of a drawing against every text: a fiche's name is never crossed; a relation's
# name only by its own line, or by a line that says the same (three "pays" into one country).
NO_LINE_THROUGH_LABELS = """svg => {
  const texts = [...svg.querySelectorAll('text')].map(t => [t, t.getBBox()])
  const hits = []
  for (const edge of svg.querySelectorAll('.carnet-edge')) {
    const own = edge.parentNode.querySelector('.carnet-edge-label')
    const says = own ? own.textContent : null
    const length = edge.getTotalLength()
    for (let at = 0; at <= length; at += 2) {
      const p = edge.getPointAtLength(at)
      const hit = texts.find(([t, b]) => t !== own && !(says && t.classList.contains('carnet-edge-label') && t.textContent === says)
        && p.x > b.x + 1 && p.x < b.x + b.width - 1 && p.y > b.y + 1 && p.y < b.y + b.height - 1)
      if (hit) { hits.push([hit[0].textContent, Math.round(p.x), Math.round(p.y)]); break }
    }
  }
  return hits
}"""

# Every two texts of a drawing (names of fiches and of relations), as drawn: none overlaps another.
OVERLAPPING_TEXTS = """svg => {
  const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBBox()])
  const found = []
  boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
    if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) found.push([a, b])
  }))
  return [boxes.length, found]
}"""


def graph_pages() -> list[str]:
    return ["graphe/"] + FICHES


def test_no_line_of_any_graph_runs_through_a_label(page, served):
    page.set_viewport_size(SIZES["desktop"])
    edges = 0
    for path in graph_pages():
        page.goto(served + path, wait_until="networkidle")
        svg = page.locator("figure.carnet-graph svg")
        edges += svg.locator(".carnet-edge").count()
        assert svg.evaluate(NO_LINE_THROUGH_LABELS) == [], path
    assert edges >= 10 + 2 * 11


def test_no_two_labels_of_any_graph_overlap(page, served):
    """getBBox of every name drawn, fiches' and relations', compared pair by pair."""
    page.set_viewport_size(SIZES["desktop"])
    for path in graph_pages():
        page.goto(served + path, wait_until="networkidle")
        count, found = page.locator("figure.carnet-graph svg").evaluate(OVERLAPPING_TEXTS)
        assert count >= 2 and found == [], (path, found)


# For each relation drawn: its name, whether it has an arrowhead (drawn: the marker's shape has
# a size), and the fiches nearest the two ends of its line, by their links' names.
DRAWN_RELATIONS = """svg => {
  const points = [...svg.querySelectorAll('a')].map(a => {
    const c = a.querySelector('.carnet-node').getBBox(), t = a.querySelector('text').getBBox()
    return [a.getAttribute('aria-label').replace(/ \\([^)]*\\)$/, ''), c.x + c.width / 2, c.y + c.height / 2, t]
  })
  const nearest = p => points.map(([name, x, y, t]) => {
    const dx = Math.max(t.x - p.x, 0, p.x - t.x - t.width), dy = Math.max(t.y - p.y, 0, p.y - t.y - t.height)
    return [Math.min(Math.hypot(p.x - x, p.y - y), Math.hypot(dx, dy)), name]
  }).sort((a, b) => a[0] - b[0])[0]
  return [...svg.querySelectorAll('.carnet-relation')].map(g => {
    const edge = g.querySelector('.carnet-edge'), length = edge.getTotalLength()
    const marker = edge.getAttribute('marker-end'), shape = marker && svg.querySelector(marker.slice(4, -1) + ' path')
    const label = g.querySelector('.carnet-edge-label')
    return {label: label && label.textContent, arrow: !!(shape && shape.getBBox().width > 0),
            from: nearest(edge.getPointAtLength(0)), to: nearest(edge.getPointAtLength(length))}
  })
}"""


def test_the_dossier_graph_names_each_relation_and_points_the_way_it_reads(page, served):
    """On the project: a line for each relation, its name on it (11), a phrase read along the
    line ("a pour pays"); an arrowhead on each relation read one way, from its subject to its
    object (from the fiche that states it, or, for "dirige", from the person to the
    organisation whose fiche names its head), its ends at both."""
    page.set_viewport_size(SIZES["desktop"])
    page.goto(served + "graphe/", wait_until="networkidle")
    drawn = page.locator("figure.carnet-graph svg").evaluate(DRAWN_RELATIONS)
    expected = []
    for note in CATALOG:
        for rel in note.relations:
            target, rtype = CATALOG.notes[rel.target], RELATION_TYPES[rel.type]
            subject, object_ = (target, note) if rtype.graph_reversed else (note, target)
            expected.append((rtype.graph_label(rel.cite is not None), not rtype.symmetric, subject.name, object_.name))
    assert len(drawn) == len(expected) == 11
    assert all(d["from"][0] <= 16 and d["to"][0] <= 16 for d in drawn), drawn   # its ends at its fiches
    got = sorted((d["label"], d["arrow"], d["from"][1], d["to"][1]) for d in drawn)
    readable = sorted(e if e[1] or (e[2], e[3]) in {(d["from"][1], d["to"][1]) for d in drawn} else (e[0], e[1], e[3], e[2])
                      for e in expected)
    assert got == readable
    assert sum(d["arrow"] for d in drawn) == sum(e[1] for e in expected) >= 10
    assert ("dirige", True, "Belkacem Soltani", "Sonarem") in got   # the person leads: the arrow from them


def test_the_dossier_graph_uses_the_column_and_never_overflows_it(view, served):
    """A desktop: the drawing at its own size (labels never scaled down), at least 680 px wide,
    within its column (no sideways scroll)."""
    size, scheme, page = view
    if size == "phone":   # the drawing gives way to its text
        return gives_way(page, served + "graphe/")
    page.goto(served + "graphe/", wait_until="networkidle")
    fit = page.locator("figure.carnet-graph").evaluate("""f => { const s = f.querySelector('svg')
      return [s.getBoundingClientRect().width, s.viewBox.baseVal.width, f.clientWidth, f.scrollWidth,
              f.closest('article').clientWidth] }""")
    drawn, natural, figure, scrolled, column = fit
    assert abs(drawn - natural) < 0.5 and 680 <= drawn <= column, fit
    assert scrolled <= figure <= column, fit


# The contrast of a graphic's fill (or a key dot's background) with the page behind it.
FILL_CONTRAST = """(el, prop) => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number)
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b }
  let bg = null, node = el
  while (node && !bg) { const c = node instanceof Element ? getComputedStyle(node).backgroundColor : null
    if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent' && !(node === el && prop === 'backgroundColor')) bg = c
    node = node.parentElement }
  const [hi, lo] = [lum(rgb(getComputedStyle(el)[prop])), lum(rgb(bg || 'rgb(255,255,255)'))].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}"""


def test_graph_points_lines_and_key_stand_out_at_3_to_1_in_both_palettes(view, served):
    """WCAG 1.4.11: each point's colour (its kind), each key dot, the lines and arrowheads,
    against the page's background, light and dark."""
    size, scheme, page = view
    if size == "phone":   # the drawing gives way to its text
        return gives_way(page, served + "graphe/")
    kinds = set()
    for path in graph_pages():
        page.goto(served + path, wait_until="networkidle")
        for selector, prop in ((".carnet-node", "fill"), (".carnet-key-dot", "backgroundColor"),
                               (".carnet-edge", "stroke"), (".carnet-arrow", "fill")):
            for el in page.locator(f"figure.carnet-graph {selector}").all():
                ratio = el.evaluate(FILL_CONTRAST, prop)
                assert ratio >= 3, (path, scheme, selector, el.get_attribute("class"), round(ratio, 2))
        kinds |= set(page.eval_on_selector_all(".carnet-node", "els => els.map(e => e.classList[1])"))
    assert len(kinds) == 4
