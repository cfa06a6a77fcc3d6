"""A fiche's page: its lead (summary and infobox) and the sections of its body, and the pages
listing all the mentions of an entity named on many pages.

Reads: the note, the notes it relates to (both ways), the checked citations (who says what),
and the pages naming it (their sentences, titles, paragraph numbers, dates).

A fiche's body sections are listed once, in ``FICHE_SECTIONS``: name (its anchor), heading,
and the function that writes its HTML.  The table of contents follows from the list; adding
a section is one line here and its function.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Callable

from ..datatypes import datatype
from ..model.catalog import sort_key
from ..model.note import Note
from .article_html import dateline
from .backlinks import PageRef, all_mention_lines, in_article_html, mentioned_in_html, quoted
from .checked import Checked
from .graph import note_graph
from .index_html import index_nav_html
from .index_plan import IndexPage
from .mention_index import Mentions, lists_mention
from .note_html import NoteSections, body_html, heading_html, lead_html, searched_lead_html, sources_html
from .parts import Parts, href_from
from .site import Rendered, Site
from .urls import relative_url

Refs = list[tuple[str, PageRef, list]]   # (docs path, the page as a reference, its sentences naming the note)


@datatype(frozen=True)
class Fiche:
    """What a fiche's sections read."""
    note: Note
    site: Site
    sections: NoteSections
    href: Callable[[str], str]           # docs path -> URL relative to the fiche
    in_articles: Refs
    elsewhere: Refs
    all_url: str | None                  # the first page of all its mentions, when it has them


@datatype(frozen=True)
class FicheSection:
    name: str                            # and anchor: the ids earlier versions got from Markdown headings
    heading: str | Callable[[Fiche], str]   # or made for the fiche ("Dans les articles")
    html: Callable[[Fiche], str]

    def heading_for(self, fiche: Fiche) -> str:
        return self.heading if isinstance(self.heading, str) else self.heading(fiche)


def _relations(f: Fiche) -> str:
    notes = f.site.catalog.notes
    # The graph's text alternative says who says each relation in words, and the number of the
    # reference the list above gives it ("selon l’article, réf. 2"): written after the list.
    listed = f.sections.relations()
    return listed + note_graph(f.note, f.site.catalog, lambda nid: f.href(notes[nid].page_path), f.sections.said_by)


# The body filled in once search has read the page: relations, quotes, graphs and sources are
# not searched (a name should find its own page, not every page that repeats it), and writing
# them as HTML rather than Markdown spares the engine most of a fiche's rendering.
FICHE_SECTIONS = (
    FicheSection("relations", "Relations", _relations),
    FicheSection("dans-larticle", lambda f: "Dans les articles" if sum(1 for *_, s in f.in_articles if s) > 1
                 else "Dans l’article",
                 lambda f: in_article_html(f.note.id, [(r, s) for _, r, s in f.in_articles], f.all_url)),
    # Index pages repeat every summary: they list entities rather than mention them.
    # "Ailleurs sur le Carnet": no participle to agree with the fiche (une société, un groupe).
    FicheSection("mentionne-dans", "Ailleurs sur le Carnet",
                 lambda f: mentioned_in_html(f.note.id, [(r, s) for _, r, s in f.elsewhere], f.all_url,
                                           lambda s, html: f.sections.quotes_cited(s.text, html, f.site.note_by_page.get(s.page)))),
    FicheSection("sources", "Sources", lambda f: sources_html(f.sections, _quoted_paragraphs(f))),
)


def _quoted_paragraphs(f: Fiche) -> dict[str, tuple[PageRef, set[int]]]:
    """Article slug -> the article (as a reference) and the paragraphs "Dans l’article" quotes:
    the sources say so too."""
    out: dict[str, tuple[PageRef, set[int]]] = {}
    for (src, ref), sentences, _ in quoted([((src, ref), s) for src, ref, s in f.in_articles if s]):
        out[f.site.articles[src].slug] = (ref, {ref.numbers[s.anchor] for s in sentences if s.anchor in ref.numbers})
    return out


def section_anchors(taken: set[str]) -> list[tuple[FicheSection, str]]:
    """Each body section and its id, made unique against ``taken``."""
    return [(section, unique_id(section.name, taken)) for section in FICHE_SECTIONS]


def unique_id(name: str, taken: set) -> str:
    """``name``, or ``name_1``, ``name_2``… as Python-Markdown makes ids unique."""
    unique, n = name, 0
    while unique in taken:
        n += 1
        unique = f"{name}_{n}"
    return unique


class _PageFacts:
    """What each page naming a note brings to its fiche, made once per page rather than once
    per note it names: its place in the order, title, paragraph numbers, dateline."""

    def __init__(self, site: Site, pages: Rendered):
        self.site, self.pages, self.seen, self.refs = site, pages, {}, {}

    def __call__(self, src: str) -> tuple:
        if src not in self.seen:
            article, title = self.site.is_article(src), self.pages[src].title or src
            # Articles newest first; then the fiches, by name; then the other pages, by title.
            order = ((0, -self.site.meta(src).sort_date().toordinal(), "", src) if article else
                     (1 if src in self.site.note_by_page else 2, 0, sort_key(title), src))
            self.seen[src] = (order, title,
                              {p.id: p.number for p in self.pages[src].passages},
                              dateline(self.site.meta(src), capital=False) if article else "")
        return self.seen[src]

    def ref(self, src: str, url: str) -> PageRef:
        """The page as a reference from a fiche: the same for every fiche that reaches it by
        the same URL (fiches stand at one depth: most do), so made once."""
        found = self.refs.get((src, url))
        if found is None:
            _, title, numbers, date = self(src)
            found = self.refs[(src, url)] = PageRef(title, url, numbers, date)
        return found


def fiche_parts(site: Site, checked: Checked, mentions: Mentions, pages: Rendered, parts: Parts) -> None:
    """Every fiche's lead, body and table of contents, and the pages of all mentions."""
    facts = _PageFacts(site, pages)
    for note in site.catalog:
        plan = mentions.plans.get(note.id)
        if note.page_path not in parts and not any(p.path in parts for p in plan or ()):
            continue   # a rebuild under serve: parts only for the pages an edit touched
        page = pages[note.page_path]
        href = href_from(pages, page)
        sections = NoteSections(note, site.catalog, site.matcher, href, checked.attribution,
                                site.settings.articles_dir, site.settings.link_policy)
        found = mentions.by_note.get(note.id, {})
        refs = []
        for src in sorted(found, key=lambda s: facts(s)[0]):   # articles first, newest first; then the rest
            refs.append((src, facts.ref(src, href(src)), found[src]))
        in_articles = [ref for ref in refs if site.is_article(ref[0])]
        elsewhere = [ref for ref in refs if lists_mention(site, ref[0], note)]
        all_url = href(plan[0].path) if plan and plan[0].path in pages else None
        if all_url:
            _all_mentions(site, note, plan, pages, parts, in_articles, elsewhere)
        if note.page_path not in parts:
            continue
        out = parts[note.page_path]
        # The lead as the page shows it (links, citations, infobox) and as search reads it:
        # the same words in a few tags (a tag costs search more than the words it wraps).
        out.late["lead"], out.search["lead"] = lead_html(sections), searched_lead_html(sections)
        fiche = Fiche(note, site, sections, href, in_articles, elsewhere, all_url)
        anchors = section_anchors({page.title_id} if page.title_id else set())
        references = unique_id("references", {page.title_id, *(anchor for _, anchor in anchors)})
        sections.references_heading = heading_html(3, references, "Références", site.settings.permalink,
                                                   site.settings.permalink_title)
        headings = [s.heading_for(fiche) for s, _ in anchors]
        out.late["body"] = body_html([(anchor, heading, s.html(fiche)) for (s, anchor), heading in zip(anchors, headings)],
                                     site.settings.permalink, site.settings.permalink_title)
        # The table of contents lists the body's headings, as if Markdown had written them:
        # the references under the sources, when there are any.
        out.toc = [(heading, anchor) for (_, anchor), heading in zip(anchors, headings)]
        if sections.has_references:
            out.toc_children = {anchor: [("Références", references)] for s, anchor in anchors if s.name == "sources"}


def _all_mentions(site: Site, note: Note, plan: list[IndexPage], pages: Rendered, parts: Parts,
                  in_articles: Refs, elsewhere: Refs) -> None:
    first = pages[plan[0].path]
    # Every page of the list sits in the same folder: links written once serve them all.
    to = href_from(pages, first)
    lines = all_mention_lines(note.id, [(replace(r, url=to(src)), s) for src, r, s in in_articles],
                              [(replace(r, url=to(src)), s) for src, r, s in elsewhere if not site.is_article(src)])
    note_url = relative_url(pages[note.page_path].url, first.url)
    for page in plan:
        if page.path not in pages or page.path not in parts:
            continue
        href = href_from(pages, pages[page.path])
        late = parts[page.path].late
        late["index-nav"] = index_nav_html(tuple(plan), page, href, lambda path: [])
        start = page.items[0] if page.items else 0
        late["group-0"] = (f'<p><a href="{escape(note_url)}">Retour à la fiche {escape(note.name)}</a></p>'
                           f'<ul class="carnet-all-mentions">{"".join(lines[start:start + len(page.items)])}</ul>')
