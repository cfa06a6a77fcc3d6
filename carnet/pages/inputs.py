"""What each page reads: the inputs an edit can change, page by page.

Every page Carnet builds is a function of inputs it declares here, so that a build can tell
which pages an edit touches (the incremental rebuild stands on it; a test edits every note
and the article and checks that no page changed without declaring what changed):

  note:<id>   a note's file: its name, aliases, summary, facts, relations, sources
  page:<src>  a Markdown page's file: an article's words and front matter, a page written by hand
  order       every Markdown page's front matter and title: where each article falls among the
              others, and how its neighbours name it (it changes only with a page's file)
  names       the names and aliases of every note: they decide which words become links, so
              every page that links mentions reads them (a note added or deleted changes them)
  notes       the set of notes (a note added or deleted: the indexes and the graph)
  articles    the set of articles (one added or deleted: the lists, and how fiches name them)

The configuration and the theme are read by every page and are not listed: a change to
either rebuilds everything.
"""

from __future__ import annotations

from collections import defaultdict

from ..model.note import Note
from ..model.paths import GRAPH_PATH, ORDER_INPUT, note_input, page_input
from .mention_index import Mentions
from .note_html import Attribution
from .site import Rendered, Site

NAMES, NOTES, ARTICLES = "names", "notes", "articles"


def page_inputs(site: Site, mentions: Mentions, pages: Rendered,
                attribution: Attribution | None = None) -> dict[str, frozenset[str]]:
    """docs path -> the inputs of the page (its content and its head); ``attribution``: where
    each quote was found (without it, a quote that names no article reads every article)."""
    article_inputs = {a.slug: page_input(src) for src, a in site.articles.items()}
    named_on: dict[str, set[str]] = defaultdict(set)   # page -> the notes its sentences name (notes' texts too)
    for note_id, by_page in mentions.by_note.items():
        for src in by_page:
            named_on[src].add(note_id)
    articles = [src for src in pages if site.is_article(src)]
    # The lists of articles show the notes each names by name, kind and address only: ``names``
    # and ``notes``, never a note's file (an edit to a summary leaves every list as it was).
    every_article = {ARTICLES, *map(page_input, articles)}
    every_note = {NOTES, NAMES, *(note_input(n.id) for n in site.catalog)}
    # An index page shows its own notes' summaries; the others', by name in its navigation.
    listed = {page.path: {NOTES, NAMES, *(note_input(n.id) for n in page.items)}
              for index in site.note_indexes for page in index.pages}
    fiches = {note.page_path: _fiche_inputs(site, mentions, note, named_on, article_inputs, attribution)
              for note in site.catalog}
    for note_id, plan in mentions.plans.items():
        fiches.update({page.path: fiches[site.catalog.notes[note_id].page_path] for page in plan})
    # The articles' lists, and the graph, whose relations' references quote the articles (their
    # titles, words and paragraphs' numbers).
    reads_articles = {GRAPH_PATH, *(page.path for page in site.article_pages.pages)}
    out = {}
    for src, page in pages.items():
        if src in fiches:
            out[src] = fiches[src]
            continue
        if src in site.listing_pages:
            found = listed[src] if src in listed else every_note if src == GRAPH_PATH else {NOTES, NAMES}
            found = found | (every_article if src in reads_articles else set())
        else:   # an article, or a page written by hand (the home page lists the latest articles)
            # Of the notes it names (links, "Les fiches de cet article", JSON-LD's about and
            # mentions) it shows their names, kinds and addresses only: ``names`` and ``notes``.
            found = {page_input(src), NAMES, NOTES, ARTICLES}
            if site.is_article(src):   # its end names the articles before and after it: all dates decide which
                found.add(ORDER_INPUT)
            if src == "index.md":
                found |= every_article
        out[src] = frozenset(found)
    return out


def _fiche_inputs(site: Site, mentions: Mentions, note: Note, named_on: dict[str, set[str]],
                  article_inputs: dict[str, str], attribution: Attribution | None) -> frozenset[str]:
    """A fiche reads its note, the notes it relates to (both ways: their names, and the
    relations they declare), the notes its texts name, every page naming it (sentences,
    title, dates, paragraph numbers), and the articles its citations quote.  A « quote » that
    names no article is looked for in the articles naming the note or cited by it, and in
    every article only when none of those holds it (carnet.citations.resolve): it reads every
    article only then."""
    related = [note_input(link.other.id) for link in site.catalog.links(note.id)]
    named = map(note_input, named_on.get(note.page_path, ()))
    naming = mentions.by_note.get(note.id, {})
    naming_notes = [note_input(site.note_by_page[src].id) for src in naming if src in site.note_by_page]
    slugs = {c.article for c in note.citations}
    cited = [article_inputs[s] for s in slugs if s in article_inputs]
    if None in slugs:
        own = slugs | {site.articles[src].slug for src in naming if src in site.articles}
        found = [attribution.citations.get(c) if attribution else None for c in note.citations if c.article is None]
        if any(f is None or f.passage.article not in own for f in found):
            cited = list(article_inputs.values())
    return frozenset({note_input(note.id), NAMES, ARTICLES, *related, *named, *map(page_input, naming),
                      *naming_notes, *cited})


def touched_pages(inputs: dict[str, frozenset[str]], changed: set[str]) -> frozenset[str]:
    """The pages that read any of the ``changed`` inputs."""
    return frozenset(src for src, read in inputs.items() if not read.isdisjoint(changed))
