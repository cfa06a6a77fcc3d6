"""Who names whom: for each note, the pages whose sentences name it, and, for a note named on
more pages than its fiche shows, the pages that list all its mentions.

Reads every rendered page's sentences and the notes' own texts (a summary naming another
entity is a mention of it).  The pages of all mentions are known only once every page is
rendered: the engine renders them before the assembly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import field

from ..datatypes import datatype
from ..markdown.mentions import MentionSentence
from ..model.note import Note
from .backlinks import ALL_PER_PAGE, LIST_ALL
from .generated import GeneratedPage, mentions_pages
from .index_plan import IndexPage, plan_pages
from .note_html import Attribution, note_sentences
from .site import Rendered, Site

ByNote = dict[str, dict[str, list[MentionSentence]]]   # note id -> page -> sentences naming it


@datatype(frozen=True)
class Mentions:
    by_note: ByNote
    plans: dict[str, list[IndexPage]] = field(default_factory=dict)   # note id -> its pages of all mentions
    pages: dict[str, GeneratedPage] = field(default_factory=dict)     # those pages, by docs path


HOME_PAGE = "index.md"


def lists_mention(site: Site, src: str, note: Note) -> bool:
    """Whether "Ailleurs sur le Carnet" lists page ``src`` for ``note``: any page but its own,
    the articles (quoted under "Dans l’article" just above), the indexes (which list entities
    rather than mention them) and the home page (whose words present the site: a reader on a
    fiche learns nothing there)."""
    return (src != note.page_path and src not in site.listing_pages and src != HOME_PAGE
            and not site.is_article(src))


def index_mentions(site: Site, attribution: Attribution, pages: Rendered) -> Mentions:
    by_note = sentences_by_note(site, attribution, pages)
    plans, out = {}, {}
    for note in site.catalog:
        found = by_note.get(note.id, {})
        articles = sum(1 for src in found if site.is_article(src))
        others = sum(1 for src in found if lists_mention(site, src, note))
        if articles > LIST_ALL or others > LIST_ALL:
            plan = plan_pages(f"{note.kind}/{note.slug}/mentions.md", list(range(articles + others)), ALL_PER_PAGE)
            plans[note.id] = plan
            out.update(mentions_pages(note, plan, articles, others))
    return Mentions(by_note, plans, out)


def sentences_by_note(site: Site, attribution: Attribution, pages: Rendered) -> ByNote:
    """note id -> page -> sentences naming it, from rendered pages and notes' own texts."""
    by_note: ByNote = defaultdict(lambda: defaultdict(list))
    sentences = [s for page in pages.values() for s in page.sentences]
    sentences += [s for note in site.catalog for s in note_sentences(note, site.matcher, attribution)]
    for sentence in sentences:
        for note_id in sentence.note_ids():
            by_note[note_id][sentence.page].append(sentence)
    return by_note
