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

A page's own words outrank its quotations of another page: on every page but an article,
words between « and » (a fiche quoting the article, a list quoting a sentence) weigh
``QUOTE_WEIGHT``, so that the article a phrase comes from comes before the pages that
quote it.  An article's « » are its own words (the people it quotes), weighed as its text.
A fact a fiche cites from an article is marked as the article's (carnet.text.attributed) and
weighs as a quotation too; the marks are taken out of what readers see.
"""

from __future__ import annotations

import re
from html import escape

from ..datatypes import datatype
from ..text.attributed import MARK, unmarked
from .fold import html_tokens

# Pagefind's weight of a word, by where it is: its own for titles (h1 7, h2 6), its highest
# for a name an editor listed; all times the page's `search.boost` (Material's front
# matter key: lists of other pages take 0.25, carnet.pages), within Pagefind's 0 to 10.
TITLE_WEIGHT, SECTION_WEIGHT, ALIAS_WEIGHT, TEXT_WEIGHT = 7, 6, 10, 1
QUOTE_WEIGHT = 0.1      # a quotation of another page, a tenth of the page's own words
LEAST_WEIGHT = 1 / 24   # Pagefind's smallest step above 0 (a weight of 0 is not indexed)
INDEX_LANGUAGE = "zxx"  # ISO 639-2 "no linguistic content": folded tokens, not stemmed


@datatype(frozen=True)
class SearchPage:
    location: str                 # the page's URL, as Material's entries give it ("" for home)
    html: str                     # the document Pagefind indexes
    shown: tuple[tuple[str, str, str], ...]  # (anchor, title, text) of each entry, page first


_QUOTED = re.compile(f"«([^«»{MARK}]*)»|{MARK}([^{MARK}]*){MARK}")  # a « left open quotes nothing
_BLOCK_OPEN = re.compile(r"<(p|ul|ol|dl|table|pre|blockquote|div|h[1-6])\b")


def shown_text(html: str) -> str:
    """Material's text of an entry with its loose words (an infobox's facts after the summary's
    paragraph) in a paragraph of their own: a result's lines are the children of its card, and
    a highlighted word must not become one."""
    out, end = [], 0
    for start, stop in _blocks(html):
        out += [_paragraph(html[end:start]), html[start:stop]]
        end = stop
    out.append(_paragraph(html[end:]))
    return "".join(out)


def _blocks(html: str):
    """(start, end) of each block: an opening tag to the first closing tag of its name, as
    ``re.finditer(r"<(p|…|h[1-6])\b.*?</\1>", html, re.S)`` finds them (a property test holds
    the two equal).  The closing tag is looked for by string search: the expression's lazy
    ``.*?`` tries the closing tag at every character of the block, and an article's text is
    one long run of blocks (a fifth of search's documents, 2 to 4 % of a build)."""
    pos = 0
    while (opening := _BLOCK_OPEN.search(html, pos)) is not None:
        tag = opening.group(1)
        close = html.find(f"</{tag}>", opening.end())
        if close < 0:   # no closing tag: no block opens here
            pos = opening.start() + 1
            continue
        pos = close + len(tag) + 3
        yield opening.start(), pos


def _paragraph(loose: str) -> str:
    return f"<p>{loose.strip()}</p>" if loose.strip() else ""


def tokens(html: str) -> str:
    """What Pagefind indexes of an HTML fragment: its folded words, each ended by ``_``."""
    return html_tokens(html)


def search_pages(entries: list[dict], own_quotes: frozenset[str] = frozenset(),
                 memo: dict | None = None) -> list[SearchPage]:
    """Every page's document; ``entries`` as Material's search index has them;
    ``own_quotes``: the locations of the pages whose « » are their own words (articles);
    ``memo``: the documents of a build before, by what they were made of (a rebuild under
    serve makes those of the pages it touched), given this build's in their place."""
    pages: dict[str, list[tuple[str, dict]]] = {}
    for entry in entries:
        page, _, anchor = entry["location"].partition("#")
        pages.setdefault(page, []).append((anchor, entry))
    if memo is None:
        return [_page(page, parts, page in own_quotes) for page, parts in pages.items()]
    out, last = [], dict(memo)
    memo.clear()
    for page, parts in pages.items():
        key = (page, page in own_quotes, tuple((anchor, tuple(entry.items())) for anchor, entry in parts))
        memo[key] = last.get(key) or _page(page, parts, page in own_quotes)
        out.append(memo[key])
    return out


def weighed_text(html: str, weight, quotes_own: bool) -> str:
    """A text's tokens at the text's weight, its « quotations » at ``QUOTE_WEIGHT`` unless
    they are the page's own words."""
    if quotes_own or ("«" not in html and MARK not in html):
        return f"<p{weight(TEXT_WEIGHT)}>{tokens(html)}</p>"
    out, end = [], 0
    for quote in _QUOTED.finditer(html):
        out += [tokens(html[end:quote.start()]), f"<span{weight(QUOTE_WEIGHT)}>{tokens(quote.group(1) or quote.group(2) or '')}</span>"]
        end = quote.end()
    out.append(tokens(html[end:]))
    return f"<p{weight(TEXT_WEIGHT)}>{' '.join(part for part in out if part)}</p>"


def _page(page: str, parts: list[tuple[str, dict]], quotes_own: bool) -> SearchPage:
    parts.sort(key=lambda part: part[0] != "")  # the page's own entry first, sections in order
    body = []
    for anchor, entry in parts:
        boost = float(entry.get("boost", 1))
        # Quotations on a list of pages (boost 0.25) keep the least weight that is still indexed;
        # a page boosted to 0 stays out of the index.
        weight = lambda base: f' data-pagefind-weight="{min(max(base * boost, LEAST_WEIGHT if boost > 0 else 0), 10):.3g}"'  # noqa: E731,E501
        title = tokens(entry.get("title", ""))
        if anchor:
            body.append(f'<h2 id="{escape(anchor)}"{weight(SECTION_WEIGHT)}>{title}</h2>')
        else:  # Pagefind takes an <h1> as the page's title, and scores a title match apart
            tag = "h1" if boost >= 1 else "p"  # a list of pages is not what its title names
            body.append(f"<{tag}{weight(TITLE_WEIGHT)}>{title}</{tag}>")
        if entry.get("aliases"):
            body.append(f"<p{weight(ALIAS_WEIGHT)}>{tokens(entry['aliases'])}</p>")
        body.append(weighed_text(entry.get("text", ""), weight, quotes_own))
    html = (f'<!DOCTYPE html><html lang="{INDEX_LANGUAGE}"><head><meta charset="utf-8"><title></title>'
            f'</head><body><main data-pagefind-body>{"".join(body)}</main></body></html>')
    return SearchPage(page, html, tuple((anchor, e.get("title", ""), shown_text(unmarked(e.get("text", ""))))
                                        for anchor, e in parts))


def unmark(entries: list[dict]) -> None:
    """Take the marks of attributed words out of the entries, in place (the engine's own
    index is written from them)."""
    for entry in entries:
        if MARK in entry.get("text", ""):
            entry["text"] = unmarked(entry["text"])
