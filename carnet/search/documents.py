"""What Pagefind indexes, and what the search worker shows: for every page, one small HTML
document made from the entries Material's search plugin collected for it (the page, then
each of its sections: title, text, aliases), and the entries as readers see them.

Pagefind reads folded words (carnet.search.fold), so that accents, case and elisions match
the way the search worker folds what readers type, each ended by ``_`` (a character Pagefind
keeps inside words): a word being typed is still a prefix of the words it may become
(``gazp`` of ``gazprom_``), but no indexed word is a prefix of a word the index lacks, so
Pagefind's fallback to the longest indexed prefix (``gaz`` for ``gazprm``) finds nothing and
the worker knows to forgive a typo.  The index's language is ``zxx`` ("no linguistic
content"): Pagefind stems nothing, since its stemmer's rewrites (``récemment`` ->
``récent``) would not be prefixes of unstemmed words; the worker strips inflections itself.
Readers see none of it: the worker shows Material's own title and text of each entry
(``SearchPage.shown``), so results read as Material's did.  A section starts at a heading
with its anchor as ``id``: Pagefind records at which word, and the worker finds in which
section each matched word lies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .fold import html_words

# Pagefind's weight of a word, by where it is: its own for titles (h1 7, h2 6), its highest
# for a name an editor listed; all times the page's `search.boost` (Material's front
# matter key: lists of other pages take 0.25, carnet.pages), within Pagefind's 0 to 10.
TITLE_WEIGHT, SECTION_WEIGHT, ALIAS_WEIGHT, TEXT_WEIGHT = 7, 6, 10, 1
INDEX_LANGUAGE = "zxx"  # ISO 639-2 "no linguistic content": folded tokens, not stemmed


@dataclass(frozen=True)
class SearchPage:
    location: str                 # the page's URL, as Material's entries give it ("" for home)
    html: str                     # the document Pagefind indexes
    shown: tuple[tuple[str, str, str], ...]  # (anchor, title, text) of each entry, page first


_BLOCK = re.compile(r"<(p|ul|ol|dl|table|pre|blockquote|div|h[1-6])\b.*?</\1>", re.S)


def shown_text(html: str) -> str:
    """Material's text of an entry with its loose words (an infobox's facts after the summary's
    paragraph) in a paragraph of their own: a result's lines are the children of its card, and
    a highlighted word must not become one."""
    out, end = [], 0
    for block in _BLOCK.finditer(html):
        out += [_paragraph(html[end:block.start()]), block.group(0)]
        end = block.end()
    out.append(_paragraph(html[end:]))
    return "".join(out)


def _paragraph(loose: str) -> str:
    return f"<p>{loose.strip()}</p>" if loose.strip() else ""


def tokens(html: str) -> str:
    """What Pagefind indexes of an HTML fragment: its folded words, each ended by ``_``."""
    return " ".join(word + "_" for word in html_words(html))


def search_pages(entries: list[dict]) -> list[SearchPage]:
    """Every page's document; ``entries`` as Material's search index has them."""
    pages: dict[str, list[tuple[str, dict]]] = {}
    for entry in entries:
        page, _, anchor = entry["location"].partition("#")
        pages.setdefault(page, []).append((anchor, entry))
    return [_page(page, parts) for page, parts in pages.items()]


def _page(page: str, parts: list[tuple[str, dict]]) -> SearchPage:
    parts.sort(key=lambda part: part[0] != "")  # the page's own entry first, sections in order
    body = []
    for anchor, entry in parts:
        boost = float(entry.get("boost", 1))
        weight = lambda base: f' data-pagefind-weight="{min(max(base * boost, 0), 10):g}"'  # noqa: E731
        title = tokens(entry.get("title", ""))
        if anchor:
            body.append(f'<h2 id="{escape(anchor)}"{weight(SECTION_WEIGHT)}>{title}</h2>')
        else:  # Pagefind takes an <h1> as the page's title, and scores a title match apart
            tag = "h1" if boost >= 1 else "p"  # a list of pages is not what its title names
            body.append(f"<{tag}{weight(TITLE_WEIGHT)}>{title}</{tag}>")
        if entry.get("aliases"):
            body.append(f"<p{weight(ALIAS_WEIGHT)}>{tokens(entry['aliases'])}</p>")
        body.append(f"<p{weight(TEXT_WEIGHT)}>{tokens(entry.get('text', ''))}</p>")
    html = (f'<!DOCTYPE html><html lang="{INDEX_LANGUAGE}"><head><meta charset="utf-8"><title></title>'
            f'</head><body><main data-pagefind-body>{"".join(body)}</main></body></html>')
    return SearchPage(page, html, tuple((anchor, e.get("title", ""), shown_text(e.get("text", ""))) for anchor, e in parts))
