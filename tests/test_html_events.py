"""carnet.search.html_events reads HTML as html.parser.HTMLParser does, event for event, or
declines; and carnet.engine.search_sections cuts HTML into the sections Material's search
parser cuts it into, on random fragments and on every page of the real site."""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st
from material.plugins.search.plugin import Parser

from carnet.engine.material_search import SEARCH_READ
from carnet.engine.search_sections import sections
from carnet.search.html_events import COMMENT, DATA, END, START, STARTEND, events
from conftest import ROOT, copy_project, mkdocs_build


class Recorder(HTMLParser):
    """The events HTMLParser hands its handlers (convert_charrefs: its default, and Material's)."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((START, tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.seen.append((STARTEND, tag, attrs))

    def handle_endtag(self, tag):
        self.seen.append((END, tag))

    def handle_data(self, data):
        self.seen.append((DATA, data))

    def handle_comment(self, data):
        self.seen.append((COMMENT, data))


def parsed(html: str) -> list[tuple]:
    recorder = Recorder()
    recorder.feed(html)
    recorder.close()
    return recorder.seen


# Pieces of HTML as Python-Markdown and Carnet write it: tags with double-quoted attributes or
# none, entities, text in any script.
REGULAR = ["<p>", "</p>", '<h2 id="a-b">', "</h2>", '<a href="x?a=1&amp;b=2" class="headerlink" title="L&#39;a">',
           "</a>", "<br />", "<br/>", "<br>", "<li>", "</li>", "<ul>", "</ul>", "<code>", "</code>", "<pre>",
           "</pre>", '<span data-preview="">', "<span data-search-exclude>", "</span>", "<P>", "</P>",
           '<div class="linenodiv">', "</div>", '<td colspan="2">', '<img src="a.png" alt="A &quot;B&quot;">',
           "<input disabled>", '<A HREF="x" Class="y">', "<Br/>", "</A>", "<sup>", "</sup>", "<h1>", "</h1>", "<em>", "</em>", '<p id="p-le-groupe">',
           "&amp;", "&eacute;", "&#233;", "&#x27;", "&amp", "&lt;p&gt;", "&;", "&", ">", " ", "\n", "\t",
           "<!-- carnet-slot:source-box -->", "<!---->", "<!-- a-b c/d.e_f -->", "Algérie", "l’État", "x", "é", '"', "'", "=", "/"]
# And what it does not write, which the reading must decline or read as HTMLParser does:
# comments, declarations, raw text elements, other quotes, stray angle brackets, odd spacing.
IRREGULAR = ["<script>a<b</script>", "<style>p{}</style>", "<!-- c -->", "<!-->", "<!--->", "<!-- a -- b -->",
             "<!-- a --!>", "<!-- a <b> -->", "<!-- x -- >", "--", "-->", "!--", "<!DOCTYPE html>", "<?x?>",
             "<a href='x'>", "<a href=x>", '<a  href="x">', '<a href="x" >', "<a:b>", "< p>", "<", "</P >",
             "a < b", "<textarea>", "<title>", "</title>"]
PIECES = REGULAR + IRREGULAR


@st.composite
def fragments(draw, regular=REGULAR):
    """Regular pieces, and at most one that is not (random characters or an irregular piece)
    somewhere among them: a fragment with more would nearly always be declined whole."""
    pieces = draw(st.lists(st.sampled_from(regular), max_size=30))
    odd = draw(st.none() | st.sampled_from(IRREGULAR) | st.text(alphabet="<>/=\"' &;#apé-!\n", max_size=6))
    if odd is not None:
        pieces.insert(draw(st.integers(0, len(pieces))), odd)
    return "".join(pieces)


@settings(max_examples=3000, deadline=None)
@given(fragments())
@example("<p>a&amp</p>")
@example('<h2 id="x">Titre<a class="headerlink" href="#x">¶</a></h2>')
def test_events_are_html_parsers_or_none(html):
    found = events(html)
    if found is not None:
        assert found == parsed(html)


@given(st.lists(st.sampled_from(REGULAR), max_size=30))
@settings(max_examples=500, deadline=None)
def test_regular_html_is_always_read(pieces):
    """What Carnet and Python-Markdown write is read, not declined (else nothing is spared)."""
    html = "".join(pieces)
    assert events(html) is not None, html


# Pieces that move Material's parser between sections, in and out of what it skips and keeps.
SECTIONING = ['<h1 id="t">', '<h2 id="s">', '<h3 id="u" data-search-exclude>', "<h4>", "</h1>", "</h2>", "</h3>",
              "</h4>", '<a class="headerlink" href="#s">', "¶", '<div data-search-exclude="">', '<table class="linenodiv">',
              "</table>", "<object>", "</object>", "<pre>", "</pre>", "\n  \n", "  ", "<hx>", "</hx>"]


def _cut(html: str):
    """Sections as Material's parser cuts them, or the error it stops with."""
    try:
        found = sections(html)
    except ValueError as error:   # Material's parser, too, fails on a kept tag closed elsewhere
        return ("error", type(error))
    return [(repr(s), s.title, s.text, s.depth, s.el.tag, s.el.attrs, s.is_excluded()) for s in found]


def _materials_cut(html: str):
    parser = Parser()
    try:
        parser.feed(html)
        parser.close()
    except ValueError as error:
        return ("error", type(error))
    return [(repr(s), s.title, s.text, s.depth, s.el.tag, s.el.attrs, s.is_excluded()) for s in parser.data]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(REGULAR + SECTIONING), max_size=40))
@example(['<h2 id="x">', "Titre", '<a class="headerlink" href="#x">', "¶", "</a>", "</h2>", "<p>", "texte", "</p>"])
@example(["<div>", '<h2 id="x">', "T", "</h2>", "</div>", "<p>", "suite", "</p>", "<p>", "</p>"])
@example(["<pre>", "a\n", "<em>", "  ", "</em>", "\n  \n", "</pre>", " ", "<em>", " ", "</em>"])
@example(["<object>", "</object>", "<object>", "x", "</object>"])
def test_sections_are_materials(pieces):
    """Every fragment here is read (none left to Material's parser): the port itself is tested."""
    html = "".join(pieces)
    assert events(html) is not None
    assert _cut(html) == _materials_cut(html)


def _article_contents(site: Path) -> dict[str, str]:
    """Each page's content as the theme placed it: what Material's search reads of a page,
    in the same markup (Carnet's search view drops some sections, never adds markup)."""
    out = {}
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        start = text.find('<article class="md-content__inner md-typeset">')
        if start < 0:
            continue
        start = text.index(">", start) + 1
        out[str(path.relative_to(site))] = text[start:text.rindex("</article>")]
    return out


def test_every_page_of_the_site_is_cut_into_materials_sections(site: Path):
    _every_page_cut_as_material_cuts_it(_article_contents(site), at_least=15)   # articles, fiches, indexes, graph


@pytest.mark.parametrize("shape", ["dense", "aliases", "long", "outside"])
def test_every_page_of_a_corpus_is_cut_into_materials_sections(shape, tmp_path: Path):
    """The same on synthetic corpora of other shapes (bench/corpus.py): many mentions, many
    aliases, long articles, articles outside docs/articles/."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import SHAPES, write_corpus

    (project,) = write_corpus(tmp_path / "corpus", 12, 12, shape=SHAPES[shape], variants=("carnet",))
    mkdocs_build(project, tmp_path / "site")
    _every_page_cut_as_material_cuts_it(_article_contents(tmp_path / "site"), at_least=24)


def _every_page_cut_as_material_cuts_it(contents: dict[str, str], at_least: int) -> None:
    assert len(contents) >= at_least
    read = 0
    for name, html in contents.items():
        # Material's own sections, cut by its parser, against Carnet's of the same page.
        assert _cut(html) == _materials_cut(html), name
        if events(html) is not None:
            assert events(html) == parsed(html), name
            read += 1
    # The fast reading applies: Carnet's own pages (all but those whose HTML an editor wrote) are read.
    assert read >= 0.9 * len(contents), f"{read} of {len(contents)} pages read without HTMLParser"


def test_a_page_the_events_decline_is_cut_by_materials_parser():
    html = '<h2 id="a">Titre</h2><p>Un <!-- note --> texte</p><script>var a = "<p>";</script>'
    assert events(html) is None
    assert _cut(html) == _materials_cut(html)
    assert any("texte" in "".join(s.text) for s in sections(html))


def test_material_still_drops_data_search_attributes_and_pages_are_published_whole(tmp_path: Path):
    """A page with a data-search-* attribute: Material's plugin drops the attribute from the page
    and leaves the block out of search, as it always did; every other page is published whole
    (the few characters search was given to read in its place appear nowhere)."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "a-propos.md").write_text(
        "# À propos\n\nUn mot visible : zanzibarite.\n\n"
        '<div data-search-exclude markdown>\nUn mot caché : quetzalite.\n</div>\n', encoding="utf-8")
    site = tmp_path / "site"
    mkdocs_build(project, site)
    page = (site / "a-propos" / "index.html").read_text(encoding="utf-8")
    assert "quetzalite" in page and "zanzibarite" in page
    assert "data-search-exclude" not in page
    entries = [e for e in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
               if e["location"].startswith("a-propos/")]
    assert entries and any("zanzibarite" in e["text"] for e in entries)
    assert not any("quetzalite" in e["text"] for e in entries)
    for path in site.rglob("*.html"):
        assert SEARCH_READ not in path.read_text(encoding="utf-8"), path
