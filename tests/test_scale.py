"""Pages that stay readable at any size: graphs of at most 150 legible nodes, indexes in
letter groups and pages, mention lists capped with every mention one click away.

The core's plans and drawings are checked on catalogs of many sizes and shapes; one
real build of a 1,000-note corpus (bench/corpus.py, a note named in every article)
checks the pages themselves: weight, jump links, pagers, every note reachable."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from carnet.pages.backlinks import LIST_ALL, MAX_ARTICLES, MAX_PAGES
from carnet.model.catalog import Catalog, sort_key
from carnet.pages.graph import CHAR_WIDTH, EDGE_FONT, FONT, LABEL_CHARS, MAX_NEIGHBOURS, MAX_NODES, dossier_graph, note_graph
from carnet.text.typography import plural
from carnet.pages.index_plan import PER_PAGE, initial, plan_index
from carnet.model.note import Note, Relation
from carnet.model.vocabulary import KINDS, RELATION_TYPES
from conftest import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT / "bench"))
from corpus import SHAPES, write_corpus  # noqa: E402

MAX_PAGE_BYTES = 300_000


def make_catalog(n: int, kinds=tuple(KINDS), relations_per_note: int = 1, seed: int = 0,
                 long_names: bool = False, hub: bool = False) -> Catalog:
    rng = random.Random(seed)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉ0"
    notes = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        stem = rng.choice(letters) + "".join(rng.choice("aeioubcdfglmnprst") for _ in range(rng.randint(3, 9)))
        name = (stem + " " + "Internationale des Mines et Métaux") if long_names else stem
        notes.append((kind, f"n{i}", f"{name} {i}"))
    ids = [f"{k}/{s}" for k, s, _ in notes]
    types = list(RELATION_TYPES)
    out = []
    for i, (kind, slug, name) in enumerate(notes):
        targets = {ids[0]} if hub and i else set()
        targets |= {rng.choice(ids) for _ in range(relations_per_note)}
        rels = tuple(Relation(rng.choice(types), t, None) for t in sorted(targets - {ids[i]}))
        out.append(Note(id=ids[i], kind=kind, slug=slug, path=f"notes/{ids[i]}.yml", name=name,
                        summary="Résumé.", relations=rels))
    return Catalog(out)


CATALOGS = {
    "one": dict(n=1),
    "real-size": dict(n=11),
    "150": dict(n=150),
    "151": dict(n=151),
    "1000 all kinds": dict(n=1000),
    "1000 one kind": dict(n=1000, kinds=("entreprises",)),
    "1000 no relations": dict(n=1000, relations_per_note=0),
    "1000 dense": dict(n=1000, relations_per_note=6),
    "1000 long names": dict(n=1000, long_names=True),
    "600 hub": dict(n=600, hub=True),
}


def labels(svg) -> list[tuple[float, float, float, float, str]]:
    """Every text of a drawing as a box (x0, y0, x1, y1) from its position, anchor and length."""
    boxes = []
    for text in svg.find_all("text"):
        size = EDGE_FONT if "carnet-edge-label" in (text.get("class") or []) else FONT
        width = len(text.get_text()) * CHAR_WIDTH * size
        x, y = float(text["x"]), float(text["y"])
        x0 = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor", "start")]
        boxes.append((x0, y - size * 0.8, x0 + width, y + size * 0.25, text.get_text()))
    return boxes


def overlaps(boxes) -> list[tuple[str, str]]:
    found = []
    ordered = sorted(boxes, key=lambda b: b[1])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[1] >= a[3]:
                break
            if a[0] < b[2] and b[0] < a[2]:
                found.append((a[4], b[4]))
    return found


def path_points(d: str, step: float = 2.0) -> list[tuple[float, float]]:
    """Points along an SVG path of M, L, H, V, Q and C commands (absolute), ``step`` apart or so."""
    tokens = re.findall(r"[MLHVQC]|-?\d+(?:\.\d+)?", d)
    points, at, command, i = [], (0.0, 0.0), "M", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
        take = {"M": 2, "L": 2, "H": 1, "V": 1, "Q": 4, "C": 6}[command]
        v = [float(t) for t in tokens[i:i + take]]
        i += take
        ends = {"M": (v[:2],), "L": (v[:2],), "H": ([v[0], at[1]],), "V": ([at[0], v[0]],)}.get(command)
        controls = [at] + [tuple(v[k:k + 2]) for k in range(0, take, 2)] if command in "QC" else None
        if command == "M":
            at = tuple(v)
            points.append(at)
            continue
        n = 40 if controls else max(1, int(max(abs(ends[0][0] - at[0]), abs(ends[0][1] - at[1])) // step))
        for k in range(1, n + 1):
            t = k / n
            if controls:   # Bézier, by de Casteljau
                c = controls
                while len(c) > 1:
                    c = [((1 - t) * a[0] + t * b[0], (1 - t) * a[1] + t * b[1]) for a, b in zip(c, c[1:])]
                points.append(c[0])
            else:
                points.append((at[0] + (ends[0][0] - at[0]) * t, at[1] + (ends[0][1] - at[1]) * t))
        at = points[-1]
    return points


def lines_through_names(svg) -> list[tuple[str, float, float]]:
    """Where a line of the drawing runs through a fiche's name (its box, 1 px in)."""
    names = [b for b, text in zip(labels(svg), svg.find_all("text"))
             if "carnet-edge-label" not in (text.get("class") or [])]
    rows: dict[int, list] = {}
    for box in names:
        for r in range(int(box[1] // 16), int(box[3] // 16) + 1):
            rows.setdefault(r, []).append(box)
    hits = []
    for edge in svg.select(".carnet-edge"):
        for x, y in path_points(edge["d"]):
            box = next((b for b in rows.get(int(y // 16), ()) if b[0] + 1 < x < b[2] - 1 and b[1] + 1 < y < b[3] - 1), None)
            if box:
                hits.append((box[4], round(x), round(y)))
                break
    return hits


def check_drawing(html: str, max_nodes: int) -> BeautifulSoup:
    svg = BeautifulSoup(html, "html.parser").find("svg")
    nodes = svg.select(".carnet-node")   # a shape a kind: circle or polygon
    assert 0 < len(nodes) <= max_nodes
    for node in nodes:  # every node has its label, at most LABEL_CHARS long
        text = node.find_next_sibling("text")
        assert text is not None and text.get_text().strip()
        assert len(text.get_text()) <= LABEL_CHARS
    assert overlaps(labels(svg)) == []
    assert lines_through_names(svg) == []
    return svg


SAID_BY = lambda cite, declaring, source=None: f"selon la fiche {declaring.name}"  # noqa: E731


def cites():
    """The graph page's references, as the build makes them, with no citation resolved (these
    notes cite nothing: each relation rests on its note's sources)."""
    from carnet.citations.resolve import Citations
    from carnet.pages.note_html import Attribution, PageReferences
    return PageReferences("graphe", lambda path: path, Attribution(Citations([], None), {}), "articles")


@pytest.mark.parametrize("shape", list(CATALOGS))
def test_dossier_graph_is_an_overview_of_legible_labels_with_every_note_reachable(shape):
    catalog = make_catalog(**CATALOGS[shape])
    html = dossier_graph(catalog, lambda nid: nid + "/", lambda kind: f"{kind}/index/", cites())
    svg = check_drawing(html, MAX_NODES)
    drawn = {a["xlink:href"].rstrip("/") for a in svg.find_all("a")}
    assert len(drawn) == min(len(catalog), MAX_NODES)
    # Drawn at its own size: a label is never scaled below its font size; no wider than a
    # desktop's text column (688 px).
    assert svg.get("width") == svg["viewbox"].split()[2] and int(svg["width"]) <= 688
    # Each relation drawn is named on its line, or the caption counts it among those unnamed.
    edges, named = len(svg.select(".carnet-edge")), len(svg.select(".carnet-edge-label"))
    caption = BeautifulSoup(html, "html.parser").select_one("figure figcaption").get_text()
    if named < edges:
        assert f"Faute de place, {plural(edges - named, 'relation')} n’y" in caption, caption
    else:
        assert "Faute de place" not in caption
    # In words: each kind's index (which lists every note of the kind, see below) and its count.
    page = BeautifulSoup(html, "html.parser")
    for kind in KINDS:
        count = len(catalog.by_kind(kind))
        link = page.select_one(f'ul.carnet-graph-kinds a[href="{kind}/index/"]')
        if count:
            assert link is not None and plural(count, "fiche") in link.parent.get_text()
        else:
            assert link is None


@pytest.mark.parametrize("shape", list(CATALOGS))
def test_every_note_graph_is_bounded_and_legible(shape):
    catalog = make_catalog(**CATALOGS[shape])
    for note in catalog:
        html = note_graph(note, catalog, lambda nid: nid + "/", SAID_BY)
        if not catalog.links(note.id):
            assert "<svg" not in html
            continue
        svg = check_drawing(html, MAX_NEIGHBOURS + 1)
        assert int(svg["width"]) <= 688, (note.id, svg["width"])   # a desktop's text column


@pytest.mark.parametrize("n", [0, 1, 29, 30, 249, 250, 251, 1000, 5000])
@pytest.mark.parametrize("letters", ["spread", "one letter", "two letters"])
def test_index_plan_lists_every_note_once_in_order_in_light_pages(n, letters):
    rng = random.Random(n)
    alphabet = {"spread": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "one letter": "K", "two letters": "KL"}[letters]
    names = sorted((rng.choice(alphabet) + f"{rng.random():.8f}" for _ in range(n)), key=sort_key)
    pages = plan_index("index-a-z.md", names, lambda s: s)
    assert [item for page in pages for item in page.items] == names
    assert pages[0].path == "index-a-z.md" and len({p.path for p in pages}) == len(pages)
    assert all(len(page.items) <= PER_PAGE for page in pages)
    assert all(p.of == len(pages) and p.number == i + 1 for i, p in enumerate(pages))
    for page in pages:
        for group in page.groups:
            assert group.items and {initial(name) for name in group.items} == {group.letter}
    # A letter continues on the next page only when it does not fit on one page by itself.
    starts = [g.letter for p in pages for g in p.groups if not g.continued]
    assert len(starts) == len(set(starts))
    for page in pages[1:]:
        if page.groups[0].continued:
            assert sum(1 for name in names if initial(name) == page.groups[0].letter) > PER_PAGE or \
                   page.groups[0].letter == pages[page.number - 2].groups[-1].letter


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """1,000 notes of four kinds, 300 articles, one note named in every article."""
    tmp = tmp_path_factory.mktemp("scale")
    (project,) = write_corpus(tmp / "corpus", 300, 1000, shape=SHAPES["hub"], variants=("carnet",))
    site = tmp / "site"
    result = mkdocs_build(project, site, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, site


def html_pages(site: Path):
    for path in site.rglob("*.html"):
        yield path, path.relative_to(site).as_posix()


def test_no_page_of_a_1000_note_site_weighs_over_300_kb(big_site):
    _, site = big_site
    sizes = {rel: path.stat().st_size for path, rel in html_pages(site)}
    assert len(sizes) > 1300
    assert {rel: size for rel, size in sizes.items() if size > MAX_PAGE_BYTES} == {}


def load(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def follow(site: Path, url: str, href: str) -> tuple[str, str]:
    """The site-relative URL and fragment a link on page ``url`` leads to."""
    target = urlparse(urljoin(f"http://x/{url}", href))
    return target.path.lstrip("/"), target.fragment


def crawl_index(site: Path, first: str) -> list[str]:
    """Every page of an index from its first one, by its pager; checks jump links on the way."""
    seen, todo = [], [first]
    while todo:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.append(url)
        page = load(site, url)
        for a in page.select("nav.carnet-letters a, nav.carnet-pager a"):
            target, fragment = follow(site, url, a["href"])
            assert (site / target / "index.html").is_file(), (url, a["href"])
            if fragment:
                assert load(site, target).find(id=fragment) is not None, (url, a["href"])
            if a.find_parent("nav", class_="carnet-pager"):
                todo.append(target)
    return seen


def test_indexes_reach_every_note_once_through_letters_and_pages(big_site):
    project, site = big_site
    notes = {p.parent.name + "/" + p.stem for p in (project / "notes").rglob("*.yml")}
    for first, expected in [("index-a-z/", notes)] + [(f"{k}/", {n for n in notes if n.startswith(k + "/")})
                                                      for k in KINDS]:
        listed = []
        pages = crawl_index(site, first)
        assert len(pages) >= 1 + len(expected) // 251
        for url in pages:
            page = load(site, url)
            items = page.select("ul.carnet-index > li > a")
            assert len(items) <= PER_PAGE
            listed += [follow(site, url, a["href"])[0].rstrip("/") for a in items]
        assert sorted(listed) == sorted(expected), first


def test_an_entity_named_everywhere_shows_the_newest_and_links_to_every_mention(big_site):
    project, site = big_site
    hub = next(p for p in (project / "notes" / "entreprises").glob("*-0.yml"))
    url = f"entreprises/{hub.stem}/"
    page = load(site, url)
    section = page.find(id="dans-larticle").find_next_siblings()
    quoted_articles = page.select("p.carnet-source")
    assert len(quoted_articles) == MAX_ARTICLES
    see_all = page.select_one("p.carnet-see-all a")
    assert see_all is not None and re.search(r"En tout, 300\u00a0articles la nomment", see_all.parent.get_text())
    assert len(page.select("ul.carnet-mentioned-in > li")) <= MAX_PAGES
    assert section
    # One click away: every article naming the hub, on the pages of all mentions.
    first, _ = follow(site, url, see_all["href"])
    listed = set()
    for list_url in crawl_index(site, first):
        for a in load(site, list_url).select("ul.carnet-all-mentions > li > a:first-child"):
            listed.add(follow(site, list_url, a["href"])[0])
    articles = {f"articles/{p.stem}/" for p in (project / "docs" / "articles").glob("article-*.md")}
    assert articles <= listed


def test_every_note_page_shows_all_its_articles_or_the_newest_with_a_link_to_all(big_site):
    project, site = big_site
    capped = 0
    for path in (project / "notes").rglob("*.yml"):
        page = load(site, f"{path.parent.name}/{path.stem}/")
        blocks = len(page.select("p.carnet-source"))
        if page.select_one("p.carnet-see-all a"):
            capped += 1
            assert blocks == MAX_ARTICLES or len(page.select("ul.carnet-mentioned-in > li")) == MAX_PAGES
        else:
            assert blocks <= MAX_ARTICLES and len(page.select("ul.carnet-mentioned-in > li")) <= LIST_ALL
    assert capped >= 1


def test_graph_page_of_a_1000_note_site_draws_at_most_150_labelled_nodes(big_site):
    _, site = big_site
    svg = load(site, "graphe/").select_one("figure.carnet-graph svg")
    assert 0 < len(svg.find_all("a")) <= MAX_NODES
    assert all(a.find("text").get_text().strip() for a in svg.find_all("a"))
