"""The site as every page builder reads it: the loaded project, its settings, and the plan
of the pages Carnet generates; and each rendered page as the engine describes it.

``Site`` is made once per build from what the load stage returns, and is not changed
after: the stages that follow (carnet.pipeline) read it and return values of their own.
"""

from __future__ import annotations

import posixpath
from html import escape
from typing import Callable

from ..addresses.record import Addresses, Record, address_of, redirect_html, with_former_anchors
from ..citations.passages import Passage
from ..datatypes import datatype
from ..load.article_meta import Article, ArticleMeta
from ..markdown.matcher import MentionMatcher
from ..markdown.mentions import MentionSentence
from ..markdown.scan import PageScan
from ..model.catalog import Catalog
from ..model.paths import GRAPH_PATH
from ..text.source_text import canonical
from ..text.typography import french_spacing
from .feeds import JSON_PATH, RSS_PATH
from .generated import Index, articles_index, note_indexes
from .slots import slot
from .urls import urls_from


@datatype(frozen=True)
class SiteSettings:
    articles_dir: str = "articles"
    docs_dir: str = "docs"              # relative to the project, for messages
    link_policy: str = "first"
    site_url: str = ""
    site_description: str = ""
    permalink: str | None = None        # the toc extension's permalink symbol, HTML
    permalink_title: str = "Permanent link"

    @classmethod
    def from_toc(cls, toc: dict, **settings) -> "SiteSettings":
        """Settings whose permalinks match what the toc extension (``toc`` options) writes."""
        permalink = toc.get("permalink", False)
        symbol = "&para;" if permalink is True else (escape(str(permalink)) if permalink else None)
        return cls(permalink=symbol, permalink_title=toc.get("permalink_title", "Permanent link"), **settings)


def typeset_meta(meta: dict) -> dict:
    """A page's metadata with its title and description as readers see them: French spacing
    (the same words; the theme prints both in the page's head and its search results)."""
    return {**meta, **{key: french_spacing(canonical(meta[key])) for key in ("title", "description")
                       if isinstance(meta.get(key), str)}}


@datatype(frozen=True)
class RenderedPage:
    """One rendered page, as the engine describes it."""
    src: str                            # docs path: "entreprises/vesna.md"
    url: str                            # site-relative URL: "entreprises/vesna/"
    title: str                          # plain text (the engine escapes what the theme prints)
    description: str                    # likewise
    title_id: str | None = None         # id of the page's first heading
    sentences: tuple[MentionSentence, ...] = ()  # sentences naming entities, found by the linker
    passages: tuple[Passage, ...] = ()  # articles: the paragraphs one can cite
    headings: tuple[str, ...] = ()      # ids of the headings under the title, in order
    words: int = 0                      # words of its Markdown (an article's reading time)

    @property  # asked for by the citation check, the feeds and the head: made once
    def named(self) -> frozenset[str]:
        """The notes its sentences name."""
        named = self.__dict__.get("_named")
        if named is None:
            named = self.__dict__["_named"] = frozenset(n for s in self.sentences for n in s.note_ids())
        return named


Rendered = dict[str, RenderedPage]   # docs path -> the page as rendered


class Site:
    """The loaded project and the plan of the pages Carnet generates (read-only)."""

    def __init__(self, catalog: Catalog, matcher: MentionMatcher, settings: SiteSettings,
                 articles: list[Article] | None = None, addresses: Addresses | None = None):
        self.catalog, self.matcher, self.settings = catalog, matcher, settings
        self.addresses = addresses or Addresses(Record(), {})   # what the site has published
        self.articles = {a.src: a for a in articles or []}
        self.note_by_page = {note.page_path: note for note in catalog}
        self.note_indexes: list[Index] = note_indexes(catalog)
        self.article_pages: Index = articles_index(settings.articles_dir, len(self.articles))
        # Lists of every note: their items already link to the notes, they mention nothing.
        self.listing_pages = frozenset({GRAPH_PATH, *(page.path for index in [*self.note_indexes, self.article_pages]
                                                      for page in index.pages)})

    def is_article(self, src: str) -> bool:
        return src.startswith(self.settings.articles_dir + "/") and src not in self.listing_pages

    def meta(self, src: str) -> ArticleMeta:
        article = self.articles.get(src)
        return article.meta if article else ArticleMeta()

    def scan_for(self, src: str, url_of: Callable[[str], str]) -> PageScan | None:
        """What the Markdown extensions are to do on the page at ``src`` (None: leave it
        alone); ``url_of(docs_path)``: a page's site-relative URL, as the engine gives it."""
        if src in self.listing_pages:
            # Linking the names inside every summary of a list would only add noise (and cost, at scale).
            return None
        notes, note = self.catalog.notes, self.note_by_page.get(src)
        to = urls_from(url_of(src))
        return PageScan(src_uri=src, href=lambda note_id: to(url_of(notes[note_id].page_path)),
                        self_note=note.id if note else None,
                        article=posixpath.splitext(posixpath.basename(src))[0] if self.is_article(src) else None)

    def frame_article(self, src: str, content: str) -> str:
        """A rendered page's HTML; an article's in a frame: its former anchors beside their
        paragraphs, a slot under its title for the dateline and source box, its own words in
        a block of their own (set for reading: measure, size, serif), its fiches after them."""
        if not self.is_article(src):
            return content
        content = with_former_anchors(content, self.addresses.aliases_for(address_of(src)))
        content = (content.replace("</h1>", "</h1>" + slot("source-box") + '<div class="carnet-article-text">', 1)
                   if "</h1>" in content else slot("source-box") + '<div class="carnet-article-text">' + content)
        return content + "</div>" + slot("article-fiches")

    def redirect_pages(self) -> dict[str, str]:
        """A static page at each former address, by the path of its file."""
        return {r.source + "index.html": redirect_html(r.source, r.target, self.settings.site_url)
                for r in self.addresses.redirects}

    def feed_paths(self) -> tuple[str, ...]:
        """The feeds' paths: none without a site URL (a feed's links are absolute)."""
        return (RSS_PATH, JSON_PATH) if self.settings.site_url else ()
