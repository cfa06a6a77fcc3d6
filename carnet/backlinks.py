"""HTML for the sections known only after every page is rendered.

"Dans l’article" quotes each sentence of an article that names the entity,
the mention highlighted, linked to its paragraph; "Mentionné dans" lists every
other page that names it.  All text is escaped here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from .mentions import MentionSentence
from .typography import NBSP, NNBSP, plural


@dataclass(frozen=True)
class PageRef:
    title: str
    url: str          # relative URL from the page being filled
    numbers: dict[str, int] = field(default_factory=dict, compare=False)  # articles: passage id -> § number
    dateline: str = ""   # articles: outlet and dates as known (HTML)


def _quote(sentence: MentionSentence, note_id: str) -> str:
    return "".join(f"<mark>{escape(text)}</mark>" if nid == note_id else escape(text)
                    for text, nid in sentence.parts)


def in_article_html(note_id: str, articles: list[tuple[PageRef, list[MentionSentence]]]) -> str:
    blocks = []
    for ref, sentences in articles:
        quotes = [s for s in sentences if note_id in s.note_ids()]
        if not quotes:
            continue
        items = "".join(
            f'<li><blockquote class="carnet-quote"><p>{_quote(s, note_id)}</p></blockquote>'
            f'<a class="carnet-passage" href="{escape(ref.url)}#{escape(s.anchor or "")}">'
            f"Lire le passage (§{NBSP}{ref.numbers.get(s.anchor or '', '?')}) dans "
            f"«{NNBSP}{escape(ref.title)}{NNBSP}»</a></li>"
            for s in quotes)
        date = f' <span class="carnet-article-dateline">({ref.dateline})</span>' if ref.dateline else ""
        blocks.append(f'<p class="carnet-source">{plural(len(quotes), "phrase")} de l’article '
                      f'<a href="{escape(ref.url)}">{escape(ref.title)}</a>{date}{NBSP}:</p>'
                      f'<ul class="carnet-quotes">{items}</ul>')
    return "".join(blocks) or "<p>Aucun article ne nomme cette entité.</p>"


def mentioned_in_html(note_id: str, pages: list[tuple[PageRef, list[MentionSentence]]]) -> str:
    items = []
    for ref, sentences in pages:
        first = next((s for s in sentences if note_id in s.note_ids()), None)
        if first is None:
            continue
        items.append(f'<li><a href="{escape(ref.url)}">{escape(ref.title)}</a> — '
                     f'<q>{_quote(first, note_id)}</q></li>')
    if not items:
        return "<p>Aucune autre page ne nomme cette entité.</p>"
    return f'<ul class="carnet-mentioned-in">{"".join(items)}</ul>'
