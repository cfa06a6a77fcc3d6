"""Markdown of the generated pages: one per note, one per kind, the A–Z index, the graph.

A note's page is a small skeleton: its title and two empty slots that the plugin
fills with HTML once every page is rendered (note_html, backlinks, graph): the
lead, which search indexes, and the body (relations, quotes, sources), which it
does not.  Index pages likewise hold their headings and a slot for each list.
Titles and descriptions travel beside the Markdown, not as YAML front matter
that MkDocs would parse again for every page.  The one piece of note text
written as Markdown, a note's name in its title, is escaped with md_text.
"""

from __future__ import annotations

from ..datatypes import datatype
from ..model.catalog import Catalog, sort_key
from ..model.note import Note
from ..model.paths import A_TO_Z_PATH, GRAPH_PATH, articles_index_path, kind_index_path
from ..model.vocabulary import KINDS
from ..text.markdown_text import md_text
from ..text.typography import NBSP, french_spacing, join, plural
from .graph import MAX_NODES
from .index_plan import (ARTICLES_PER_PAGE, GROUP_FROM, IndexPage, page_title, plan_index,
                          plan_pages)
from .slots import slot

# A page that lists other pages ranks below them in search: Material's `search.boost`
# (carnet.search.documents weighs its words by it).
LISTING_BOOST = 0.25
@datatype(frozen=True)
class GeneratedPage:
    markdown: str
    title: str         # plain text
    description: str   # plain text
    listing: bool = False  # an index of other pages
    own_contents: bool = False  # carries its own table of contents (the A–Z's bar of letters)

    def meta(self) -> dict:
        # Plain text: the engine escapes what it hands the theme (carnet.engine.theme_text).
        meta = {"title": self.title, "description": self.description}
        if self.own_contents:   # Material's front matter: no second table of contents beside it
            meta["hide"] = ["toc"]
        return {**meta, "search": {"boost": LISTING_BOOST}} if self.listing else meta


def note_page(note: Note) -> GeneratedPage:
    return GeneratedPage(f"# {md_text(note.name)}\n\n{slot('lead')}\n\n{slot('body')}\n",
                         note.name, french_spacing(note.summary))


@datatype(frozen=True)
class Index:
    """One index (A–Z, a kind, the articles) and the pages it is spread over."""
    title: str
    pages: tuple[IndexPage, ...]
    show_kind: bool = False


def note_indexes(catalog: Catalog) -> list[Index]:
    """The A–Z index and one index per kind, planned (see index_plan)."""
    name = lambda note: note.filed_name  # noqa: E731   people by surname
    indexes = [Index("Index A–Z", tuple(plan_index(A_TO_Z_PATH, sorted(catalog, key=lambda n: sort_key(name(n))), name)),
                     show_kind=True)]
    for kind in KINDS:
        notes = sorted(catalog.by_kind(kind), key=lambda n: sort_key(name(n)))
        indexes.append(Index(KINDS[kind].plural, tuple(plan_index(kind_index_path(kind), notes, name,
                                                                   grouped=len(notes) >= GROUP_FROM))))
    return indexes


def articles_index(articles_dir: str, count: int) -> Index:
    """The articles index, newest first: its items are positions in that order."""
    return Index("Articles", tuple(plan_pages(articles_index_path(articles_dir), list(range(count)), ARTICLES_PER_PAGE)))


def _index_markdown(index: Index, page: IndexPage, intro: str) -> str:
    parts = [f"# {page_title(index.title, page)}", intro, slot("index-nav")]
    for i, group in enumerate(page.groups):
        if group.heading:
            parts.append(f"## {group.heading}")
        parts.append(slot(f"group-{i}"))
    return "\n\n".join(parts) + "\n"


def kind_index_pages(kind_slug: str, index: Index) -> dict[str, GeneratedPage]:
    kind = KINDS[kind_slug]
    count = sum(len(p.items) for p in index.pages)
    intro = (f"{plural(count, 'fiche', start=True)}, par ordre alphabétique. Toutes les fiches{NBSP}: "
             f"[index A–Z](../{A_TO_Z_PATH}), [graphe du dossier](../{GRAPH_PATH}).")
    return {page.path: GeneratedPage(_index_markdown(index, page, intro), page_title(kind.plural, page),
                                     f"{plural(count, 'fiche', start=True)} {kind.of_plural} du Carnet minier, "
                                     "par ordre alphabétique." + page_suffix(page), listing=True)
            for page in index.pages}


def page_suffix(page: IndexPage) -> str:
    return "" if page.of == 1 else f" Page {page.number} sur {page.of}."


def a_to_z_pages(index: Index) -> dict[str, GeneratedPage]:
    count = sum(len(p.items) for p in index.pages)
    intro = f"{plural(count, 'fiche', start=True)}{NBSP}: " + join([kind.plural.lower() for kind in KINDS.values()]) + "."
    return {page.path: GeneratedPage(_index_markdown(index, page, intro), page_title(index.title, page),
                                     f"Toutes les fiches du Carnet minier de A à Z{NBSP}: {plural(count, 'fiche')}."
                                     + page_suffix(page), listing=True, own_contents=True)
            for page in index.pages}


def graph_page(catalog: Catalog) -> GeneratedPage:

    # Said of the fiches, not of the drawing: on a phone the drawing (and what its caption
    # says of it) gives way to the same relations written one a line.
    what = ("Les fiches du dossier" if len(catalog) <= MAX_NODES else
            f"Les {MAX_NODES} fiches les plus reliées du dossier")
    return GeneratedPage("\n\n".join([
        "# Graphe du dossier",
        f"{what} ({_kinds()}) et les relations entre elles, chacune écrite en toutes lettres, "
        "avec l’index de chaque catégorie, qui les liste toutes.",
        slot("dossier-graph"),
    ]) + "\n", "Graphe du dossier", f"Les fiches du Carnet minier ({plural(len(catalog), 'fiche')}) et leurs relations, en un graphe.",
        listing=True)


def articles_pages(index: Index, count: int) -> dict[str, GeneratedPage]:
    what = (f"sa source, et la liste des {_kinds()} qu’il nomme" if count < 2 else
            f"leur source, et la liste des {_kinds()} qu’ils nomment")
    intro = (f"{plural(count, 'article', start=True)}, avec ce que l’on sait de {what}." if count < 2 else
             f"{plural(count, 'article', start=True)}, du plus récent au plus ancien, avec ce que l’on sait de {what}.")
    return {page.path: GeneratedPage(_index_markdown(index, page, intro), page_title("Articles", page),
                                     f"{plural(count, 'article', start=True)}, avec ce que l’on sait de "
                                     f"{what}." + page_suffix(page), listing=True)
            for page in index.pages}


def _kinds() -> str:
    """"entreprises, personnes, ressources minérales et lieux": what the fiches are of."""
    return join([kind.plural.lower() for kind in KINDS.values()])


def mentions_pages(note: Note, plan: list[IndexPage], articles: int, others: int) -> dict[str, GeneratedPage]:
    """The pages listing every mention of a note (see backlinks)."""
    title = f"Toutes les mentions de {note.name}"
    counts = (f"{plural(articles, 'article', start=True)} et {plural(others, 'autre page', 'autres pages')} "
              f"nomment {note.name}")
    return {page.path: GeneratedPage("\n\n".join([f"# {md_text(page_title(title, page))}", md_text(counts) + ".",
                                                    slot("index-nav"), slot("group-0")]) + "\n",
                                     page_title(title, page), counts + "." + page_suffix(page))
            for page in plan}


def generated_pages(catalog: Catalog, articles_dir: str = "articles", articles: int = 0) -> dict[str, GeneratedPage]:
    """Every page Carnet writes, by docs path: one per note, one per kind, A–Z, the graph,
    the articles index."""
    pages = {note.page_path: note_page(note) for note in catalog}
    a_to_z, *kinds = note_indexes(catalog)
    for kind, index in zip(KINDS, kinds):
        pages.update(kind_index_pages(kind, index))
    pages.update(a_to_z_pages(a_to_z))
    pages[GRAPH_PATH] = graph_page(catalog)
    pages.update(articles_pages(articles_index(articles_dir, articles), articles))
    return pages
