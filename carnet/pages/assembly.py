"""The assembly stage: once every page is rendered, what each page gets besides its Markdown.

Engine-free: it takes the site, the checked citations, the mention index and, for each
rendered page, what the engine knows of it (``RenderedPage``), and returns an ``Assembly``:
for each page the HTML of its slots, the headings of its table of contents and the tags of
its head (``PageParts``), and the two views the engine hands on: what search reads of a page
(``search_view``) and what the theme renders (``page_view``).  Each kind of page has its
builder: fiches (``fiche``), lists (``listings``), articles (here), heads (``head``); what
each page reads is declared in ``inputs``.
"""

from __future__ import annotations

from ..datatypes import datatype
from ..markdown.mention_links import for_search
from .article_html import (ArticleEntry, article_dateline_html, article_fiches_html, newest_first,
                           other_articles_html, source_box_html)
from .checked import Checked
from .feeds import JSON_PATH, RSS_PATH, json_feed, rss
from .fiche import fiche_parts
from .head import head_parts
from .inputs import page_inputs
from .listings import article_entries, listing_parts
from .mention_index import Mentions
from .parts import PageParts, Parts, href_from
from .site import Rendered, Site
from .slots import fill

WORDS_PER_MINUTE = 230


@datatype
class Assembly:
    site: Site
    parts: Parts
    entries: list[ArticleEntry]          # for the feeds
    urls: dict[str, str]                 # docs path -> the engine's own URL
    mentions: Mentions
    rendered: Rendered
    checked: Checked

    def search_view(self, src: str, content: str) -> str:
        """What search reads of a rendered page: its slots for search filled, its mention
        links unwrapped; ``content`` itself when nothing changes, and for a page with
        data-search-* attributes (Material's search drops them from the page it reads,
        and publishes that page)."""
        if "data-search-" in content:
            return content
        parts = self.parts.get(src)
        return for_search(fill(content, parts.search if parts else {}))

    def page_view(self, src: str, content: str) -> str:
        """What the theme renders of a page, once search has read its own view: the
        sections kept out of search filled in (once: a page the theme got without this
        view is filled by ``final_page``)."""
        parts = self.parts.get(src)
        if parts is None or not parts.late:
            return content
        late, parts.late = parts.late, {}
        return fill(content, late)

    final_page = page_view

    def inputs(self) -> dict[str, frozenset[str]]:
        """docs path -> what the page reads (carnet.pages.inputs); made when asked, once: a
        full build does not need it."""
        if "_inputs" not in self.__dict__:
            self.__dict__["_inputs"] = page_inputs(self.site, self.mentions, self.rendered, self.checked.attribution)
        return self.__dict__["_inputs"]

    def names_by_url(self) -> dict[str, list[str]]:
        """Every name form of each note, by its page's URL, for the boosted search field."""
        return {self.urls[note.page_path]: list(note.names) for note in self.site.catalog}

    def article_urls(self) -> frozenset[str]:
        """The articles' URLs: the pages whose « quotes » are their own words (search)."""
        return frozenset(self.urls[src] for src in self.site.articles)

    def feeds(self) -> dict[str, str]:
        """The feeds' files by path (``Site.feed_paths``)."""
        base, description = self.site.settings.site_url, self.site.settings.site_description
        if not base:
            return {}
        url_of = lambda entry: self.urls[entry.src]  # noqa: E731
        return {RSS_PATH: rss(self.entries, base, description, url_of),
                JSON_PATH: json_feed(self.entries, base, description, url_of)}


def assemble(site: Site, checked: Checked, mentions: Mentions, pages: Rendered,
             only: frozenset[str] | None = None) -> Assembly:
    """Every page's parts; with ``only``, those pages' alone (a rebuild under serve: the
    other pages read nothing that changed, and ``pages`` still describes every page, since
    a page's parts link to and quote the others)."""
    parts = {src: PageParts() for src in pages if only is None or src in only}
    entries = article_entries(site, pages)
    fiche_parts(site, checked, mentions, pages, parts)
    listing_parts(site, checked, entries, pages, parts)
    head_parts(site, pages, parts)
    article_parts(site, pages, parts, newest_first(entries))
    return Assembly(site, parts, entries, {src: page.url for src, page in pages.items()}, mentions, pages, checked)


def article_parts(site: Site, pages: Rendered, parts: Parts, in_order: list[ArticleEntry]) -> None:
    """Under an article's title, its dateline with its reading time (from the words of its
    Markdown, shorter to count than its HTML) and what is known of its source; after its
    text, its fiches, then the articles before and after it (``in_order``: newest first).
    Filled in once search has read the page: the same box under every article is not worth
    searching."""
    position = {entry.src: i for i, entry in enumerate(in_order)}
    for src, page in pages.items():
        if not site.is_article(src) or src not in parts:
            continue
        meta, minutes = site.meta(src), max(1, round(page.words / WORDS_PER_MINUTE))
        href, i = href_from(pages, page), position[src]
        parts[src].late["source-box"] = article_dateline_html(meta, minutes) + source_box_html(meta)
        parts[src].late["article-fiches"] = article_fiches_html(
            [site.catalog.notes[n] for n in page.named], href) + other_articles_html(
            in_order[i - 1] if i > 0 else None, in_order[i + 1] if i + 1 < len(in_order) else None,
            href(site.article_pages.pages[0].path), href, meta.sort_date())
