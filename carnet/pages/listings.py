"""The pages that list others: the articles index and the home page's latest articles (from
every article's entry), the indexes of the fiches, the dossier's graph.

Reads: every article's title, metadata, first sentence and the notes it names
(``article_entries``); every note's name, kind and summary; the catalog's relations.
"""

from __future__ import annotations


from ..model.paths import GRAPH_PATH, kind_index_path
from ..text.sentences import sentence_spans
from .article_html import ArticleEntry, articles_list_html, newest_first
from .checked import Checked
from .graph import dossier_graph
from .index_html import index_nav_html
from .note_html import PageReferences, heading_html, index_list_html
from .parts import Parts, href_from
from .site import Rendered, Site

LATEST = 5   # articles on the home page


def article_entries(site: Site, pages: Rendered) -> list[ArticleEntry]:
    """Every rendered article as lists and feeds show it."""
    entries = []
    for src, page in pages.items():
        if not site.is_article(src):
            continue
        first = page.passages[0].text if page.passages else ""
        sentence = next(iter(first[s:e] for s, e in sentence_spans(first)), "")
        entries.append(ArticleEntry(src, page.title or src, site.meta(src), sentence,
                                    tuple(site.catalog.notes[n] for n in sorted(page.named))))
    return entries


def listing_parts(site: Site, checked: Checked, entries: list[ArticleEntry], pages: Rendered, parts: Parts) -> None:
    entries = newest_first(entries)
    heading_ids = lambda path: list(pages[path].headings) if path in pages else []  # noqa: E731
    for page in site.article_pages.pages:
        if page.path in parts:
            href = href_from(pages, pages[page.path])
            late = parts[page.path].late
            late["index-nav"] = index_nav_html(site.article_pages.pages, page, href, heading_ids)
            # The plan counted the articles' files; the entries are what rendered.
            start = page.items[0] if page.items else len(entries)
            end = len(entries) if page.number == page.of else start + len(page.items)
            late["group-0"] = articles_list_html(entries[start:end], href)
    if "index.md" in parts:  # the home page's latest articles, where it asks for them
        parts["index.md"].late["latest-articles"] = articles_list_html(
            entries[:LATEST], href_from(pages, pages["index.md"]), False)
    if GRAPH_PATH in parts:
        to_graph, notes = href_from(pages, pages[GRAPH_PATH]), site.catalog.notes
        # Its relations cite as a fiche's do: raised numbers, the references at the page's end.
        cites = PageReferences("graphe", to_graph, checked.attribution, site.settings.articles_dir)
        cites.references_heading = heading_html(2, "references", "Références", site.settings.permalink,
                                                site.settings.permalink_title)
        parts[GRAPH_PATH].late["dossier-graph"] = dossier_graph(
            site.catalog, lambda nid: to_graph(notes[nid].page_path), lambda kind: to_graph(kind_index_path(kind)), cites)
    name_of = lambda note: note.name  # noqa: E731
    for index in site.note_indexes:
        for page in index.pages:
            if page.path not in parts:   # a rebuild under serve that leaves it as it was
                continue
            href = href_from(pages, pages[page.path])
            late = parts[page.path].late
            late["index-nav"] = index_nav_html(index.pages, page, href, heading_ids, name_of)
            late.update({f"group-{i}": index_list_html(list(group.items), href, index.show_kind)
                         for i, group in enumerate(page.groups)})
