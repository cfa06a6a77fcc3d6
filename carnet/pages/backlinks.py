"""HTML for the sections known only after every page is rendered.

"Dans l’article" quotes the sentences of the newest ``MAX_ARTICLES`` articles
that name the entity (``MAX_SENTENCES`` each), the mention highlighted, linked to its
paragraph, and lists older ones by title; "Mentionné dans" lists the other pages that
name it.  Past ``LIST_ALL`` articles (pages), both show the newest (first) ones and the
count, with a link to every mention, listed on pages of their own (``all_mention_lines``).
All text is escaped here.  The sentences each function receives are those naming the
note (the assembly groups them so): no function filters them again.
"""

from __future__ import annotations

from dataclasses import field
from functools import lru_cache
from html import escape
from typing import Any, Callable

from ..datatypes import datatype
from ..markdown.mentions import MentionSentence
from ..text.typography import NBSP, NNBSP, plural

LIST_ALL = 25        # up to this many articles (pages), a note's page shows them all;
MAX_ARTICLES = 10    # beyond, the newest articles it quotes,
MAX_PAGES = 10       # and the first pages "Mentionné dans" lists, with a link to all
MAX_SENTENCES = 2    # sentences quoted from one article (the link to it shows the rest)
ALL_PER_PAGE = 400   # entries on a page of all mentions


@lru_cache(maxsize=4096)  # titles and anchors come back on every page quoting them
def _escaped(text: str) -> str:
    return escape(text)


@datatype(frozen=True)
class PageRef:
    title: str
    url: str          # relative URL from the page being filled
    numbers: dict[str, int] = field(default_factory=dict, compare=False)  # articles: passage id -> § number
    dateline: str = ""   # articles: outlet and dates as known (HTML)
    # Escaped once: a page's title and URL go into every quote taken from it.
    title_html: str = field(init=False, compare=False, repr=False)
    url_html: str = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "title_html", _escaped(self.title))
        object.__setattr__(self, "url_html", escape(self.url))


def _quote(sentence: MentionSentence, note_id: str) -> str:
    return "".join([f"<mark>{text}</mark>" if nid == note_id else text for text, nid in sentence.html_parts()])




def _see_all(what: str, all_url: str | None) -> str:
    """"En tout, 312 articles la nomment : les 10 plus récents ci-dessus. Toutes les mentions"."""
    link = f' <a href="{escape(all_url)}">Toutes les mentions</a>' if all_url else ""
    return f'<p class="carnet-see-all">{what}{link}</p>'


def quoted(articles: list[tuple[Any, list[MentionSentence]]]) -> list[tuple[Any, list[MentionSentence], int]]:
    """The articles "Dans l’article" quotes, newest first (each as given: a PageRef, or
    what the caller keys it by), with the sentences it shows and how many more name the
    note (the fiche's sources list the paragraphs of the first)."""
    named = [(ref, quotes) for ref, quotes in articles if quotes]
    return [(ref, quotes[:MAX_SENTENCES], len(quotes) - MAX_SENTENCES) for ref, quotes in named[:MAX_ARTICLES]]


def in_article_html(note_id: str, articles: list[tuple[PageRef, list[MentionSentence]]],
                    all_url: str | None = None) -> str:
    """The sentences naming the note in the newest ``MAX_ARTICLES`` articles; the older
    ones, up to ``LIST_ALL``, by title; past that, ``all_url``: the page of all its mentions."""
    blocks = []
    named = [(ref, quotes) for ref, quotes in articles if quotes]
    for ref, quotes, more in quoted(named):
        items = "".join([
            f'<li><blockquote class="carnet-quote"><p>{_quote(s, note_id)}</p></blockquote>'
            f'<a class="carnet-passage" href="{ref.url_html}#{_escaped(s.anchor or "")}">'
            f"Lire le passage (§{NBSP}{ref.numbers.get(s.anchor or '', '?')})</a></li>"
            for s in quotes])
        # The source as far as it is known, a line of its own under the quotes (a credit
        # line), not in brackets between the title and its quotes.
        date = (f'<p class="carnet-article-dateline">{ref.dateline[:1].upper()}{ref.dateline[1:]}.</p>'
                if ref.dateline else "")
        count = len(quotes) + max(0, more)
        blocks.append(f'<p class="carnet-source">{plural(count, "phrase", start=True)} de l’article «{NNBSP}'
                      f'<a href="{ref.url_html}">{ref.title_html}</a>{NNBSP}»{NBSP}:</p>'
                      f'<ul class="carnet-quotes">{items}</ul>'
                      + (f'<p class="carnet-more">Et {plural(more, "autre phrase", "autres phrases")} dans '
                         f'<a href="{ref.url_html}">cet article</a>.</p>' if more > 0 else "") + date)
    if MAX_ARTICLES < len(named) <= LIST_ALL:
        older = ", ".join(f'<a href="{ref.url_html}">{ref.title_html}</a> ({plural(len(quotes), "phrase")})'
                          for ref, quotes in named[MAX_ARTICLES:])
        blocks.append(f'<p class="carnet-older">Aussi dans{NBSP}: {older}.</p>')
    elif len(named) > LIST_ALL:
        blocks.append(_see_all(f"En tout, {plural(len(named), 'article')} la nomment{NBSP}: "
                               f"les {MAX_ARTICLES} plus récents ci-dessus.", all_url))
    return "".join(blocks) or "<p>Aucun article n’en parle.</p>"


def mentioned_in_html(note_id: str, pages: list[tuple[PageRef, list[MentionSentence]]],
                      all_url: str | None = None, cited: Callable[[MentionSentence, str], str] | None = None) -> str:
    """Every page naming the note: an article by its title (its sentences are quoted above),
    another page with the sentence that names it; ``cited(sentence, html)`` gives that
    sentence its references, as the fiche cites (none: as it is)."""
    items = []
    for ref, sentences in pages:
        if not sentences:
            continue
        first = sentences[0]
        # An article's sentences are quoted under "Dans l'article" already: here, its title.
        shown = "" if ref.numbers else _quote(first, note_id)
        if shown and cited is not None:
            shown = cited(first, shown)
        quote = f' — <span class="carnet-excerpt">{shown}</span>' if shown else ""
        items.append(f'<li><a href="{ref.url_html}">{ref.title_html}</a>{quote}</li>')
    if not items:
        # The articles (quoted above) and the relations (listed above) name it too: not this section's.
        return "<p>Hors articles et relations, aucune autre page du Carnet ne cite ce nom.</p>"
    more = ""
    if len(items) > LIST_ALL:
        more = _see_all(f"En tout, {plural(len(items), 'page')} la nomment{NBSP}: "
                        f"les {MAX_PAGES} premières ci-dessus.", all_url)
        items = items[:MAX_PAGES]
    return f'<ul class="carnet-mentioned-in">{"".join(items)}</ul>{more}'


def all_mention_lines(note_id: str, articles: list[tuple[PageRef, list[MentionSentence]]],
                      pages: list[tuple[PageRef, list[MentionSentence]]]) -> list[str]:
    """Every article and page naming the note, one list item each (pages of all mentions)."""
    lines = []
    for ref, quotes in articles:
        if quotes:
            first = quotes[0]
            date = f" ({ref.dateline})" if ref.dateline else ""
            lines.append(f'<li><a href="{ref.url_html}">{ref.title_html}</a>{date} — '
                         f'{plural(len(quotes), "phrase")}, la première au '
                         f'<a href="{ref.url_html}#{escape(first.anchor or "")}">'
                         f"§{NBSP}{ref.numbers.get(first.anchor or '', '?')}</a></li>")
    for ref, sentences in pages:
        if sentences:
            lines.append(f'<li><a href="{ref.url_html}">{ref.title_html}</a></li>')
    return lines
