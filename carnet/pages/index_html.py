"""HTML of what helps a reader through a long index: a bar of letters and the list of pages.

``href(docs_path)`` gives a page's URL relative to the page being filled;
``heading_ids(docs_path)`` the ids of that page's letter headings, as the engine
wrote them (so jump links land where the engine's own table of contents does).
"""

from __future__ import annotations

from html import escape
from typing import Callable

from .index_plan import IndexPage, letters, page_range

Href = Callable[[str], str]


def index_nav_html(pages: tuple[IndexPage, ...], page: IndexPage, href: Href,
                   heading_ids: Callable[[str], list[str]], name_of=None) -> str:
    out = []
    starts = letters(pages)
    if len(starts) > 1:
        links = []
        for letter, where, group in starts:
            ids = heading_ids(where.path)
            anchor = f"#{ids[group]}" if group < len(ids) else ""
            url = anchor if where.path == page.path else href(where.path) + anchor
            label = "0–9" if letter == "#" else letter
            links.append(f'<a href="{escape(url)}">{escape(label)}</a>')
        out.append(f'<nav class="carnet-letters" aria-label="Aller à la lettre">{" ".join(links)}</nav>')
    if len(pages) > 1:
        items = []
        for other in pages:
            label = f"{other.number}" + (f" ({escape(page_range(other, name_of))})" if name_of else "")
            if other.path == page.path:
                items.append(f'<li><span aria-current="page">{label}</span></li>')
            else:
                items.append(f'<li><a href="{escape(href(other.path))}">{label}</a></li>')
        step = []
        if page.number > 1:
            step.append(f'<a rel="prev" href="{escape(href(pages[page.number - 2].path))}">← Page précédente</a>')
        if page.number < len(pages):
            step.append(f'<a rel="next" href="{escape(href(pages[page.number].path))}">Page suivante →</a>')
        out.append(f'<nav class="carnet-pager" aria-label="Pages de cet index">'
                   f'<p>Page {page.number} sur {len(pages)}{" · " if step else ""}{" · ".join(step)}</p>'
                   f'<ol>{"".join(items)}</ol></nav>')
    return "".join(out)
