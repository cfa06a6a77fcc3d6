"""The site's assembly once every page is rendered: what each page gets besides its Markdown.

Engine-free: it takes the catalog and, for each rendered page, what the engine
knows of it (``RenderedPage``: URL, title, what the linker found there) and
returns, for each page, the HTML of its slots, the headings its table of
contents lists and the tags of its head (``PageParts``).  The MkDocs plugin only
translates: it builds the ``RenderedPage`` values from its pages and applies the
``PageParts`` it gets back.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable
from html import escape, unescape

from ..addresses.record import Addresses, Record, address_of, passage_anchor_problems, redirect_html, with_former_anchors
from ..citations.passages import Passage, PassageIndex
from ..citations.resolve import Citations, anchor_problems, resolve_citations
from ..load.article_meta import Article, ArticleMeta
from ..markdown.matcher import MentionMatcher
from ..markdown.mention_links import for_search
from ..markdown.mentions import MentionSentence
from ..markdown.scan import PageScan
from ..model.catalog import Catalog
from ..model.problems import Problem
from ..text.sentences import sentence_spans
from ..text.source_text import canonical
from ..text.typography import french_spacing
from .article_html import (ArticleEntry, article_dateline_html, article_fiches_html, articles_list_html, dateline,
                           listed_title, newest_first, source_box_html)
from .backlinks import (ALL_PER_PAGE, LIST_ALL, PageRef, all_mention_lines, in_article_html,
                        mentioned_in_html)
from .feeds import JSON_PATH, RSS_PATH, json_feed, rss
from .generated import (GRAPH_PATH, GeneratedPage, articles_index, mentions_pages, note_indexes,
                    section_anchors, slot)
from .graph import dossier_graph, note_graph
from .head import article_jsonld, entity_jsonld, entity_ref, feed_links, head_html
from .index_html import index_nav_html
from .index_plan import IndexPage, plan_pages
from .note_html import (Attribution, NoteSections, article_path, body_html, index_list_html, kind_index_path,
                        note_sentences)

WORDS_PER_MINUTE = 230
LATEST = 5   # articles on the home page
FEEDS = (("application/rss+xml", RSS_PATH), ("application/feed+json", JSON_PATH))


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class RenderedPage:
    """One rendered page, as the engine describes it."""
    src: str                            # docs path: "entreprises/vesna.md"
    url: str                            # site-relative URL: "entreprises/vesna/"
    title: str                          # as the theme prints it (may be HTML-escaped)
    description: str                    # likewise
    title_id: str | None = None         # id of the page's first heading
    sentences: tuple[MentionSentence, ...] = ()  # sentences naming entities, found by the linker
    passages: tuple[Passage, ...] = ()  # articles: the paragraphs one can cite
    headings: tuple[str, ...] = ()      # ids of the headings under the title, in order

    @property  # asked for by the citation check, the feeds and the head: made once
    def named(self) -> frozenset[str]:
        """The notes its sentences name."""
        named = self.__dict__.get("_named")
        if named is None:
            named = self.__dict__["_named"] = frozenset(n for s in self.sentences for n in s.note_ids())
        return named


@dataclass
class PageParts:
    """What the assembly adds to one page."""
    search: dict[str, str] = field(default_factory=dict)  # slot -> HTML filled into what search reads only
    late: dict[str, str] = field(default_factory=dict)    # slot -> HTML, once search has read the page
    toc: list[tuple[str, str]] = field(default_factory=list)  # (heading, id) under the page title
    head: str = ""                      # Open Graph tags and JSON-LD


_SLOT_OPEN, _SLOT_CLOSE = "<!-- carnet-slot:", " -->"


def fill(content: str, sections: dict[str, str]) -> str:
    """``content`` with each slot replaced by its section's HTML, slots inside sections
    too; other slots are left for a later fill.  One pass over the page, by string
    search (a page is tens of kilobytes; a regular expression would step through it)."""
    if not sections:
        return content
    at = content.find(_SLOT_OPEN)
    if at < 0:
        return content
    out, done = [], 0
    while at >= 0:
        start = at + len(_SLOT_OPEN)
        end = content.find(_SLOT_CLOSE, start)
        if end < 0:
            break
        name = content[start:end]
        html = sections.get(name) if " " not in name else None
        if html is not None:
            out += [content[done:at], fill(html, sections) if _SLOT_OPEN in html else html]
            done = end + len(_SLOT_CLOSE)
        at = content.find(_SLOT_OPEN, start)
    out.append(content[done:])
    return "".join(out)


def relative_url(url: str, from_url: str) -> str:
    """``url`` relative to the page at ``from_url`` (both site-relative), as MkDocs writes it."""
    return urls_from(from_url)(url)


@lru_cache(maxsize=4096)
def urls_from(from_url: str) -> Callable[[str], str]:
    """URLs relative to the page at ``from_url``, as MkDocs writes them (``relative_url``).

    Made once per page: a page links to many others, and most share no folder with it,
    so their relative URL is the way up to the root and then the URL itself."""
    folder, _, name = from_url.rpartition("/")
    start = _norm_parts(folder if "." in name else from_url)
    up = "../" * len(start)

    def to(url: str) -> str:
        head = url.partition("/")[0]
        if start and head and head != start[0] and head[0] != "." and "/." not in url and "//" not in url:
            return up + url
        # The rest (same folder, the root, odd paths): MkDocs' own steps.
        parts = _norm_parts(url)
        common = 0
        for a, b in zip(start, parts):
            if a != b:
                break
            common += 1
        relative = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
        return relative + "/" if url.endswith("/") else relative
    return to


def _norm_parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []


class SiteAssembly:
    def __init__(self, catalog: Catalog, matcher: MentionMatcher, settings: SiteSettings,
                 articles: list[Article] | None = None, addresses: Addresses | None = None):
        self.catalog, self.matcher, self.settings = catalog, matcher, settings
        self.addresses = addresses or Addresses(Record(), {})   # what the site has published
        self.articles = {a.src: a for a in articles or []}
        self.citations = Citations([], PassageIndex([]))  # set by check_citations
        self.attribution = Attribution(self.citations, {})  # likewise
        self.entries: list[ArticleEntry] = []              # set by assemble, for the feeds
        self.urls: dict[str, str] = {}                     # docs path -> URL, set by assemble
        self.late: dict[str, dict[str, str]] = {}          # docs path -> slots search does not read
        self.searched: dict[str, dict[str, str]] = {}      # docs path -> slots of what search reads
        self.note_by_page = {note.page_path: note for note in catalog}
        self.note_indexes = note_indexes(catalog)
        self.article_pages = articles_index(settings.articles_dir, len(self.articles))
        self.index_pages = {GRAPH_PATH, *(page.path for index in [*self.note_indexes, self.article_pages]
                                          for page in index.pages)}
        self.mention_pages: dict[str, list[IndexPage]] = {}  # note id -> its pages of all mentions
        self._by_note: dict[str, dict[str, list[MentionSentence]]] | None = None
        self.heads_up: dict[str, str] = {}                 # article -> reading time and source box

    def is_article(self, src: str) -> bool:
        return src.startswith(self.settings.articles_dir + "/") and src not in self.index_pages

    def meta(self, src: str) -> ArticleMeta:
        article = self.articles.get(src)
        return article.meta if article else ArticleMeta()

    def scan_for(self, src: str, url_of: Callable[[str], str]) -> PageScan | None:
        """What the mention linker is to do on the page at ``src`` (None: leave it alone);
        ``url_of(docs_path)``: a page's site-relative URL, as the engine gives it."""
        if src in self.index_pages:
            # Lists of every note: each item already links to its note; linking the
            # names inside every summary would only add noise (and cost, at scale).
            return None
        notes, note = self.catalog.notes, self.note_by_page.get(src)
        to = urls_from(url_of(src))
        return PageScan(src_uri=src, href=lambda note_id: to(url_of(notes[note_id].page_path)),
                        self_note=note.id if note else None,
                        article=posixpath.splitext(posixpath.basename(src))[0] if self.is_article(src) else None)

    def page_content(self, src: str, content: str, markdown: str) -> str:
        """A rendered page's HTML; under an article's title, its reading time (from the
        words of its Markdown, which is shorter to count than its HTML) and what is known
        of its source."""
        if not self.is_article(src):
            return content
        content = with_former_anchors(content, self.addresses.aliases_for(address_of(src)))
        words = len(markdown.split())
        minutes = max(1, round(words / WORDS_PER_MINUTE))
        # Filled in once search has read the page: the same box under every article is not worth searching.
        self.heads_up[src] = article_dateline_html(self.meta(src), minutes) + source_box_html(self.meta(src))
        # The article's own words in a block of their own: set for reading (measure, size, serif).
        content = (content.replace("</h1>", "</h1>" + slot("source-box") + '<div class="carnet-article-text">', 1)
                   if "</h1>" in content else slot("source-box") + '<div class="carnet-article-text">' + content)
        return content + "</div>" + slot("article-fiches")

    def check_citations(self, pages: dict[str, RenderedPage]) -> list[Problem]:
        """Resolve every citation against the rendered articles; the problems stop the build."""
        index = PassageIndex([p for page in pages.values() for p in page.passages])
        naming: dict[str, set[str]] = defaultdict(set)   # note id -> articles that name it
        for page in pages.values():
            if page.passages:
                for note_id in page.named:
                    naming[note_id].add(page.passages[0].article)
        self.citations = resolve_citations(self.catalog, index, naming)
        self.attribution = Attribution(self.citations, {
            a.slug: unescape(pages[src].title or a.slug) for src, a in self.articles.items() if src in pages})
        return anchor_problems(index, lambda slug: f"{self.settings.docs_dir}/{article_path(self.settings.articles_dir, slug)}") \
            + self.citations.problems() + passage_anchor_problems(
                self.addresses.record, self.addresses.resolve, index.passages, self.settings.articles_dir)

    def extra_pages(self, pages: dict[str, RenderedPage]) -> dict[str, GeneratedPage]:
        """Pages known only once every page is rendered: all the mentions of a note named
        on more pages than its own page shows.  The engine renders them and adds them to
        ``pages`` before ``assemble``."""
        self._by_note = self._sentences_by_note(pages)
        self.mention_pages, out = {}, {}
        for note in self.catalog:
            found = self._by_note.get(note.id, {})
            articles = sum(1 for src in found if self.is_article(src))
            listed = sum(1 for src in found if self._lists_mention(src, note))
            if articles > LIST_ALL or listed > LIST_ALL:
                others = listed - articles
                plan = plan_pages(f"{note.kind}/{note.slug}/mentions.md", list(range(articles + others)),
                                  ALL_PER_PAGE)
                self.mention_pages[note.id] = plan
                out.update(mentions_pages(note, plan, articles, others))
        self.index_pages.update(out)
        return out

    def _lists_mention(self, src: str, note) -> bool:
        """Whether "Mentionné dans" lists page ``src`` for ``note``: any page but its own
        and the indexes (which list entities rather than mention them)."""
        return src != note.page_path and src not in self.index_pages

    def assemble(self, pages: dict[str, RenderedPage]) -> dict[str, PageParts]:
        parts = {src: PageParts() for src in pages}
        self.entries = self._article_entries(pages)
        self.urls = {src: page.url for src, page in pages.items()}   # the engine's own URLs
        self._note_pages(pages, parts)
        self._index_pages(pages, parts)
        self._heads(pages, parts)
        for src, html in self.heads_up.items():
            if src in parts:
                parts[src].late["source-box"] = html
                href = self._href_from(pages, pages[src])
                parts[src].late["article-fiches"] = article_fiches_html(
                    [self.catalog.notes[n] for n in pages[src].named], href)
        self.late = {src: p.late for src, p in parts.items() if p.late}
        self.searched = {src: p.search for src, p in parts.items() if p.search}
        return parts

    @staticmethod
    def _href_from(pages: dict[str, RenderedPage], page: RenderedPage):
        """docs path -> URL relative to ``page``."""
        to = urls_from(page.url)
        return lambda path: to(pages[path].url)

    def _note_pages(self, pages: dict[str, RenderedPage], parts: dict[str, PageParts]) -> None:
        by_note = self._by_note if self._by_note is not None else self._sentences_by_note(pages)
        settings = self.settings
        # What each page naming a note brings to it, computed once per page rather than once
        # per note it names: its place in the order, title, paragraph numbers, dateline.
        seen: dict[str, tuple] = {}

        def about(src: str) -> tuple:
            if src not in seen:
                article = self.is_article(src)
                meta = self.meta(src)
                seen[src] = ((not article, -meta.sort_date().toordinal(), src), unescape(pages[src].title or src),
                             {p.id: p.number for p in pages[src].passages}, dateline(meta) if article else "")
            return seen[src]
        for note in self.catalog:
            page = pages[note.page_path]
            href = self._href_from(pages, page)
            sections = NoteSections(note, self.catalog, self.matcher, href, self.attribution,
                                    settings.articles_dir, settings.link_policy)
            found = by_note.get(note.id, {})
            refs = []
            # Articles first, newest first; then the other pages.
            for src in sorted(found, key=lambda s: about(s)[0]):
                _, title, numbers, date = about(src)
                refs.append((src, PageRef(title, href(src), numbers, date), found[src]))
            in_articles = [(src, r, s) for src, r, s in refs if self.is_article(src)]
            elsewhere = [(src, r, s) for src, r, s in refs if self._lists_mention(src, note)]
            plan = self.mention_pages.get(note.id)
            all_url = href(plan[0].path) if plan and plan[0].path in pages else None
            if all_url:
                self._fill_mention_pages(note, plan, pages, parts, in_articles, elsewhere)
            in_articles = [(r, s) for _, r, s in in_articles]
            elsewhere = [(r, s) for _, r, s in elsewhere]
            out = parts[note.page_path]
            # The lead as the page shows it (links, citations, infobox) and as search reads it:
            # the same words in a few tags (a tag costs search more than the words it wraps).
            out.late["lead"], out.search["lead"] = sections.lead(), sections.searched_lead()
            # The body is filled in once search has read the page:
            # relations, quotes, graphs and sources are not searched (a name should find
            # its own page, not every page that repeats it), and writing them as HTML
            # rather than Markdown spares the engine most of a note page's rendering.
            contents = {
                "relations": sections.relations() + note_graph(
                    note, self.catalog, lambda nid: href(self.catalog.notes[nid].page_path), self.attribution.said_by),
                "dans-larticle": in_article_html(note.id, in_articles, all_url),
                # Index pages repeat every summary: they list entities rather than mention them.
                "mentionne-dans": mentioned_in_html(note.id, elsewhere, all_url),
                "sources": sections.sources(),
            }
            anchors = section_anchors({page.title_id} if page.title_id else set())
            out.late["body"] = body_html([(anchor, heading, contents[section]) for section, anchor, heading in anchors],
                                         settings.permalink, settings.permalink_title)
            # The table of contents lists the body's headings, as if Markdown had written them.
            out.toc = [(heading, anchor) for _, anchor, heading in anchors]

    def _fill_mention_pages(self, note, plan: list[IndexPage], pages: dict[str, RenderedPage],
                            parts: dict[str, PageParts], in_articles, elsewhere) -> None:
        first = pages[plan[0].path]
        # Every page of the list sits in the same folder: links written once serve them all.
        to = self._href_from(pages, first)
        lines = all_mention_lines(note.id, [(replace(r, url=to(src)), s) for src, r, s in in_articles],
                                  [(replace(r, url=to(src)), s) for src, r, s in elsewhere
                                   if not self.is_article(src)])
        note_url = relative_url(pages[note.page_path].url, first.url)
        for page in plan:
            if page.path not in pages:
                continue
            href = self._href_from(pages, pages[page.path])
            late = parts[page.path].late
            late["index-nav"] = index_nav_html(tuple(plan), page, href, lambda path: [])
            start = page.items[0] if page.items else 0
            late["group-0"] = (f'<p><a href="{escape(note_url)}">Retour à la fiche {escape(note.name)}</a></p>'
                               f'<ul class="carnet-all-mentions">{"".join(lines[start:start + len(page.items)])}</ul>')

    def search_view(self, src: str, content: str) -> str:
        """What search reads of a rendered page: its slots for search filled, its mention
        links unwrapped; ``content`` itself when nothing changes, and for a page with
        data-search-* attributes (Material's search drops them from the page it reads,
        and publishes that page)."""
        if "data-search-" in content:
            return content
        return for_search(fill(content, self.searched.get(src, {})))

    def page_view(self, src: str, content: str) -> str:
        """What the theme renders of a page, once search has read its own view: the
        sections kept out of search filled in."""
        return fill(content, self.late.pop(src, {}))

    def final_page(self, src: str, output: str) -> str:
        """A page's final HTML, for a page the theme got without ``page_view``."""
        return fill(output, self.late.pop(src, {}))

    def names_by_url(self) -> dict[str, list[str]]:
        """Every name form of each note, by its page's URL, for the boosted search field."""
        return {self.urls[note.page_path]: list(note.names) for note in self.catalog}

    def redirect_pages(self) -> dict[str, str]:
        """A static page at each former address, by the path of its file."""
        return {r.source + "index.html": redirect_html(r.source, r.target, self.settings.site_url)
                for r in self.addresses.redirects}

    def feed_paths(self) -> tuple[str, ...]:
        """The feeds' paths: none without a site URL (a feed's links are absolute)."""
        return (RSS_PATH, JSON_PATH) if self.settings.site_url else ()

    def feeds(self) -> dict[str, str]:
        """The feeds' files by path (``feed_paths``), from the entries of the last assembly."""
        base, description = self.settings.site_url, self.settings.site_description
        if not base:
            return {}
        url_of = lambda entry: self.urls[entry.src]  # noqa: E731
        return {RSS_PATH: rss(self.entries, base, description, url_of),
                JSON_PATH: json_feed(self.entries, base, description, url_of)}

    def _article_entries(self, pages: dict[str, RenderedPage]) -> list[ArticleEntry]:
        entries = []
        for src, page in pages.items():
            if not self.is_article(src):
                continue
            first = page.passages[0].text if page.passages else ""
            sentence = next(iter(first[s:e] for s, e in sentence_spans(first)), "")
            entries.append(ArticleEntry(src, unescape(page.title or src), self.meta(src), sentence,
                                        tuple(self.catalog.notes[n] for n in sorted(page.named))))
        return entries

    def _index_pages(self, pages: dict[str, RenderedPage], parts: dict[str, PageParts]) -> None:
        entries = newest_first(self.entries)
        heading_ids = lambda path: list(pages[path].headings) if path in pages else []  # noqa: E731
        for page in self.article_pages.pages:
            if page.path in pages:
                href = self._href_from(pages, pages[page.path])
                late = parts[page.path].late
                late["index-nav"] = index_nav_html(self.article_pages.pages, page, href, heading_ids)
                # The plan counted the articles' files; the entries are what rendered.
                start = page.items[0] if page.items else len(entries)
                end = len(entries) if page.number == page.of else start + len(page.items)
                late["group-0"] = articles_list_html(entries[start:end], href)
        if "index.md" in pages:  # the home page's latest articles, where it asks for them
            parts["index.md"].late["latest-articles"] = articles_list_html(
                entries[:LATEST], self._href_from(pages, pages["index.md"]), False)
        to_graph = self._href_from(pages, pages[GRAPH_PATH])
        parts[GRAPH_PATH].late["dossier-graph"] = dossier_graph(
            self.catalog, lambda nid: to_graph(self.catalog.notes[nid].page_path),
            lambda kind: to_graph(kind_index_path(kind)), self.attribution.said_by)
        name_of = lambda note: note.name  # noqa: E731
        for index in self.note_indexes:
            for page in index.pages:
                href = self._href_from(pages, pages[page.path])
                late = parts[page.path].late
                late["index-nav"] = index_nav_html(index.pages, page, href, heading_ids, name_of)
                late.update({f"group-{i}": index_list_html(list(group.items), href, index.show_kind)
                             for i, group in enumerate(page.groups)})

    def _sentences_by_note(self, pages: dict[str, RenderedPage]) -> dict[str, dict[str, list[MentionSentence]]]:
        """note id -> page -> sentences naming it, from rendered pages and notes' own texts."""
        by_note: dict[str, dict[str, list[MentionSentence]]] = defaultdict(lambda: defaultdict(list))
        sentences = [s for page in pages.values() for s in page.sentences]
        sentences += [s for note in self.catalog for s in note_sentences(note, self.matcher, self.attribution)]
        for sentence in sentences:
            for note_id in sentence.note_ids():
                by_note[note_id][sentence.page].append(sentence)
        return by_note

    def _heads(self, pages: dict[str, RenderedPage], parts: dict[str, PageParts]) -> None:
        base = self.settings.site_url or ""
        nodes = {note.id: entity_ref(note, base + pages[note.page_path].url) for note in self.catalog}
        feeds = feed_links([(kind, base + path) for kind, path in FEEDS] if base else [])
        for src, page in pages.items():
            url = base + page.url
            title, description = page.title or "", page.description or self.settings.site_description
            note = self.note_by_page.get(src)
            jsonld, og_type = None, "website"
            if note is not None:
                jsonld = entity_jsonld(note, url)
            elif self.is_article(src):
                mentioned = sorted(page.named)
                about = sorted({m.note_id for m in self.matcher.find(unescape(title))})
                title = listed_title(unescape(title), self.meta(src))   # a headline we wrote says so
                jsonld = article_jsonld(title, unescape(description), url,
                                        [nodes[n] for n in about], [nodes[n] for n in mentioned], self.meta(src))
                og_type = "article"
            parts[src].head = head_html(title, description, url, og_type, jsonld, feeds)
