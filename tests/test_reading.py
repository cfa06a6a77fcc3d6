"""What a reader gets beyond the text: graphs, structured data, metadata, working links."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

from carnet.load.notes_dir import load_notes
from conftest import ROOT, copy_project, mkdocs_build, soup

CATALOG, _ = load_notes(ROOT / "notes", ROOT)
SITE_URL = "https://carnet-minier.example.org/"
SCHEMA = {"entreprises": "Organization", "personnes": "Person", "minerais": "Thing", "lieux": "Place"}


def pages(site):
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        yield ("" if rel == "." else rel + "/"), soup(site, "" if rel == "." else rel)


def jsonld(page) -> dict:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_every_internal_link_and_anchor_resolves(site):
    ids = {url: {el["id"] for el in page.select("[id]")} for url, page in pages(site)}
    checked = 0
    for url, page in pages(site):
        for a in page.select("article a[href], article a[xlink\\:href]"):
            href = a.get("href") or a.get("xlink:href")
            if re.match(r"^[a-z]+:", href):
                continue
            target = urlparse(urljoin("http://x/" + url, href))
            path = target.path.lstrip("/")
            assert (site / path / "index.html").exists() or (site / path).is_file(), (url, href)
            fragment = target.fragment.split(":~:")[0]  # a text directive is not part of the anchor
            if fragment and path in ids:
                assert fragment in ids[path], (url, href)
            checked += 1
    assert checked > 200


def test_every_entity_page_has_a_relation_graph_with_a_text_alternative(site):
    for note in CATALOG:
        svg = soup(site, note.id).select_one("figure.carnet-graph svg")
        assert svg is not None and svg["role"] == "group"
        assert svg.find("title").get_text() == f"Relations de la fiche {note.name}"
        assert note.name in svg.find("desc").get_text()
        targets = {urlparse(urljoin(f"http://x/{note.id}/", a["xlink:href"])).path.strip("/")
                   for a in svg.find_all("a")}
        assert targets == {link.other.id for link in CATALOG.links(note.id)}


def test_dossier_graph_shows_every_note(site):
    svg = soup(site, "graphe").select_one("figure.carnet-graph svg")
    assert len(svg.find_all("a")) == len(CATALOG)
    assert len(svg.select(".carnet-edge")) == sum(len(n.relations) for n in CATALOG)


def _drawn_shape(node) -> tuple:
    """A point as drawn: ("circle", 1.0), or ("polygon", width / height, its corners as
    percentages of its box).  No point is smaller than the circle of radius 8 all were (a
    link's area did not shrink), nor reaches further than the layout keeps clear (DOT)."""
    from carnet.pages.graph_layout import DOT
    if node.name == "circle":
        assert 8 <= float(node["r"]) <= DOT
        return ("circle", 1.0)
    corners = [tuple(map(float, pair.split(","))) for pair in node["points"].split()]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    area = abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1]))) / 2
    assert area >= 3.1416 * 8 ** 2 and max(w, h) <= 2 * DOT + 0.2, (node, area)
    return ("polygon", round(w / h, 2),
            frozenset((round(100 * (x - min(xs)) / w), round(100 * (y - min(ys)) / h)) for x, y in corners))


def _key_shape(css: str, kind: str) -> tuple:
    """A kind's mark in the key, as carnet.css draws it: a box of its width and height, rounded
    into a circle or cut by a clip-path polygon."""
    rules: dict[str, str] = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if selector.strip() in (".md-typeset .carnet-key-dot", f".md-typeset .carnet-key-dot--{kind}"):
            rules.update(re.findall(r"([a-z-]+)\s*:\s*([^;]+?)\s*(?:;|$)", body))
    width, height = (float(rules[side].removesuffix("rem")) for side in ("width", "height"))
    if rules.get("border-radius") == "50%":
        return ("circle", round(width / height, 2))
    clip = re.fullmatch(r"polygon\((.*)\)", rules.get("clip-path", "polygon(0 0, 100% 0, 100% 100%, 0 100%)"))
    corners = [tuple(float(v.removesuffix("%") or 0) for v in corner.split()) for corner in clip.group(1).split(",")]
    return ("polygon", round(width / height, 2), frozenset((round(x), round(y)) for x, y in corners))


def test_each_kind_is_drawn_in_a_shape_of_its_own_and_the_key_shows_that_shape(site):
    """Kinds told apart by shape, not colour alone: on every graph (the dossier's and each
    fiche's) each kind is drawn in one shape, no two kinds in the same; each figure's key
    lists the kinds it draws, and its mark for a kind is the drawing's shape (carnet.css)."""
    from carnet.model.vocabulary import KINDS
    css = (ROOT / "overrides" / "carnet.css").read_text(encoding="utf-8")
    shapes: dict[str, set] = {}
    for path in ["graphe"] + [note.id for note in CATALOG]:
        figure = soup(site, path).select_one("figure.carnet-graph")
        drawn = set()
        for node in figure.select("svg .carnet-node"):
            (kind,) = [c.removeprefix("carnet-node--") for c in node["class"]
                       if c.startswith("carnet-node--") and c != "carnet-node--self"]
            shapes.setdefault(kind, set()).add(_drawn_shape(node))
            drawn.add(kind)
        keyed = [c.removeprefix("carnet-key-dot--") for mark in figure.select("figcaption .carnet-key-dot")
                 for c in mark["class"] if c.startswith("carnet-key-dot--")]
        assert sorted(keyed) == sorted(drawn), path
    assert set(shapes) == set(KINDS) and all(len(s) == 1 for s in shapes.values()), shapes
    assert len({next(iter(s)) for s in shapes.values()}) == len(KINDS)   # no two kinds alike
    for kind, (shape,) in shapes.items():
        assert _key_shape(css, kind) == shape, kind


def test_article_carries_news_article_json_ld(site):
    data = jsonld(soup(site, "articles/sonarem-vesna"))
    assert data["@type"] == "NewsArticle" and data["inLanguage"] == "fr"
    assert data["headline"] == "Sonarem a accueilli VESNA, présentée comme filiale de Gazprom (titre de la rédaction)"
    assert {e["name"] for e in data["about"]} == {"Sonarem", "VESNA", "Gazprom"}
    mentioned = {e["name"]: e["@type"] for e in data["mentions"]}
    assert mentioned == {n.name: SCHEMA[n.kind] for n in CATALOG}
    assert not {"author", "datePublished", "publisher"} & set(data)  # unknown: not claimed


def test_entity_pages_carry_their_own_node(site):
    for note in CATALOG:
        data = jsonld(soup(site, note.id))
        assert data["@type"] == SCHEMA[note.kind] and data["name"] == note.name
        assert data["url"] == SITE_URL + note.id + "/"


def test_every_page_has_description_open_graph_canonical_and_is_in_the_sitemap(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for url, page in pages(site):
        if url.startswith("404"):
            continue
        assert page.find("html")["lang"] == "fr"
        assert page.select_one('meta[name="description"]')["content"].strip()
        assert page.select_one('meta[property="og:locale"]')["content"] == "fr_FR"
        assert page.select_one('meta[property="og:title"]')["content"].strip()
        assert page.select_one('meta[property="og:type"]')["content"] in ("article", "website")
        assert page.select_one('link[rel="canonical"]')["href"] == SITE_URL + url
        assert f"<loc>{SITE_URL}{url}</loc>" in sitemap


def test_article_shows_reading_time(site):
    articles = [p for p in sorted((site / "articles").glob("*/index.html"))]
    assert articles
    for path in articles:
        page = soup(site, path.parent.relative_to(site).as_posix())
        text = page.select_one(".carnet-reading-time").get_text()
        minutes = int(re.fullmatch(r"(\d+)\u00a0min de lecture", text).group(1))
        body = page.select_one("article")
        for extra in body.select(".carnet-dateline, .carnet-source-box, .carnet-article-fiches, .headerlink"):
            extra.decompose()
        words = len(body.get_text(" ").split())
        # At 230 words a minute, rounded; the count may differ from the text's by 5 %.
        assert abs(minutes - max(1, words / 230)) <= 0.5 + 0.05 * words / 230, (path, minutes, words)


SECTIONS = ["Relations", "Dans l’article", "Ailleurs sur le Carnet", "Sources"]


def toc_targets(page, nested: bool = False) -> list[str]:
    """Headings the page's table of contents points to, in order (its first level, or all)."""
    links = page.select("nav.md-nav--secondary a.md-nav__link" if nested else
                        "nav.md-nav--secondary > ul > li > a.md-nav__link")
    return [page.find(id=a["href"].removeprefix("#")).get_text().replace("¶", "").strip() for a in links]


def test_note_pages_list_their_sections_in_the_table_of_contents_with_unique_ids(site):
    for note in CATALOG:
        page = soup(site, note.id)
        ids = [el["id"] for el in page.select("[id]")]
        assert len(ids) == len(set(ids)), note.id
        assert toc_targets(page) == SECTIONS, note.id
        # "Références" under "Sources" when the fiche numbers references.
        expected = SECTIONS + (["Références"] if page.select("ol.carnet-references") else [])
        assert toc_targets(page, nested=True) == expected, note.id
        for heading in page.select("article h2"):
            assert heading.select_one("a.headerlink")["href"] == "#" + heading["id"]


def test_a_note_named_like_a_section_keeps_every_anchor_unique(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "notes" / "lieux" / "sources.yml").write_text("name: Sources\nsummary: Un lieu d’essai.\n"
                                                             "sources: [{title: Essai}]\nsummary_source: Essai\n",
                                                             encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    page = soup(site, "lieux/sources")
    assert page.find("h1")["id"] == "sources"
    ids = [el["id"] for el in page.select("[id]")]
    assert len(ids) == len(set(ids))
    assert toc_targets(page) == SECTIONS
    assert page.select("nav.md-nav--secondary > ul > li > a.md-nav__link")[-1]["href"] == "#sources_1"
    # Its summary's source, with no address, is referenced to its line under the sources.
    assert page.select_one("ol.carnet-references a:not(.carnet-backref)")["href"] == "#source-1"


def test_navigation_links_resolve_from_every_page(site):
    # The navigation is rendered once per folder for the pages it does not list:
    # its relative links must still lead to the eight pages from every page.
    listed = ["", "articles/", "entreprises/", "personnes/", "minerais/", "lieux/", "index-a-z/", "graphe/"]
    for url, page in pages(site):
        nav = page.select_one("nav.md-nav--primary")
        links = [a for a in nav.select("a.md-nav__link[href]") if "#" not in a["href"]]
        targets = [urlparse(urljoin("http://x/" + url, a["href"])).path.lstrip("/") for a in links]
        assert targets == listed, url
        active = nav.select(".md-nav__link--active")
        assert bool(active) == (url in listed), url  # only a listed page is highlighted


def test_each_article_leads_to_the_one_before_and_after_it_in_the_list(tmp_path):
    """On a corpus of several articles: the end of each names its neighbours in the order of
    the articles' list (newest first), and the list itself."""
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import SHAPES, write_corpus
    (project,) = write_corpus(tmp_path / "corpus", 5, 10, shape=SHAPES["reference"], variants=("carnet",))
    site = tmp_path / "site"
    mkdocs_build(project, site)
    listed = [urljoin("articles/", a["href"]) for a in soup(site, "articles/").select("ul.carnet-articles .carnet-article-title a")]
    assert len(listed) == 5
    for i, url in enumerate(listed):
        nav = soup(site, url).select_one("nav.carnet-article-more")
        links = {li.get_text().split("\u00a0:")[0]: urljoin(url, li.a["href"]) for li in nav.select("li")}
        # One build published them all: the same day, so their place in the list, not "plus récent".
        expected = {}
        if i > 0:
            expected["Précédent dans la liste"] = listed[i - 1]
        if i + 1 < len(listed):
            expected["Suivant dans la liste"] = listed[i + 1]
        assert links == expected, (url, links)
        assert urljoin(url, nav.select("p a")[-1]["href"]) == "articles/"


def _outline(node) -> list[tuple[float, float]]:
    """A fiche's symbol as drawn, as a polygon (a circle by 32 sides)."""
    import math
    if node.name == "circle":
        x, y, r = float(node["cx"]), float(node["cy"]), float(node["r"])
        return [(x + r * math.cos(k * math.pi / 16), y + r * math.sin(k * math.pi / 16)) for k in range(32)]
    return [tuple(map(float, pair.split(","))) for pair in node["points"].split()]


def _apart(p: list, q: list, gap: float = 1.0) -> bool:
    """Two convex polygons at least ``gap`` apart: a side of one separates them by that much."""
    import math
    for poly in (p, q):
        for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
            length = math.hypot(x1 - x0, y1 - y0)
            nx, ny = (y0 - y1) / length, (x1 - x0) / length
            a, b = [nx * x + ny * y for x, y in p], [nx * x + ny * y for x, y in q]
            if max(a) + gap <= min(b) or max(b) + gap <= min(a):
                return True
    return False


def _to_outline(x: float, y: float, poly: list) -> tuple[float, bool]:
    """How far (x, y) is from the polygon's outline, and whether it is inside."""
    import math
    inside, far = False, math.inf
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
        dx, dy = x1 - x0, y1 - y0
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
        far = min(far, math.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return far, inside


def arrival_faults(svg) -> list:
    """Each line's end just outside its target's symbol (0.5 to 3.5 px from its outline, its
    size plus about 2 px), not on its name; each arrowhead (the marker: 9 px long, 7.2 wide)
    clear of the symbol it points at and 1 px clear of every other arrowhead at that symbol."""
    import math
    from test_scale import path_points
    symbols = [_outline(node) for node in svg.select(".carnet-node")]
    centres = [(sum(x for x, _ in p) / len(p), sum(y for _, y in p) / len(p)) for p in symbols]
    faults, heads = [], {}
    for edge in svg.select(".carnet-edge"):
        *_, (px, py), (x, y) = path_points(edge["d"], 1.0)
        target = min(range(len(symbols)), key=lambda i: math.hypot(x - centres[i][0], y - centres[i][1]))
        far, inside = _to_outline(x, y, symbols[target])
        if inside or not 0.5 <= far <= 3.5:
            faults.append(("end", edge["d"], round(far, 1), inside))
        if edge.get("marker-end"):
            length = math.hypot(x - px, y - py)
            ux, uy = (x - px) / length, (y - py) / length
            bx, by = x - 9 * ux, y - 9 * uy
            head = [(x, y), (bx - 3.6 * uy, by + 3.6 * ux), (bx + 3.6 * uy, by - 3.6 * ux)]
            if not _apart(head, symbols[target], 0.0):
                faults.append(("head on its symbol", edge["d"]))
            for other, d in heads.get(target, []):
                if not _apart(head, other):
                    faults.append(("heads overlap", d, edge["d"]))
            heads.setdefault(target, []).append((head, edge["d"]))
    return faults


def test_every_line_ends_at_its_target_s_symbol_and_no_two_arrowheads_overlap(site):
    """The design lead's report (/graphe/): three arrows ended under the word "Maghreb", their
    heads one dark wedge; two heads made a "W" above Russie.  On the project's dossier graph and
    on small random catalogs, each line ends at its target's outline and arrowheads stand apart;
    no line runs through a name."""
    from test_scale import check_drawing, cites, make_catalog
    from carnet.pages.graph import dossier_graph
    svg = soup(site, "graphe").select_one("figure.carnet-graph svg")
    assert len(svg.select(".carnet-edge")) == 11 and arrival_faults(svg) == []
    for seed in range(12):
        catalog = make_catalog(4 + seed, relations_per_note=1 + seed % 3, seed=seed)
        html = dossier_graph(catalog, lambda nid: nid + "/", lambda kind: f"{kind}/index/", cites())
        svg = check_drawing(html, 20)
        assert arrival_faults(svg) == [], seed
