"""Index pages that stay light at any size: entries grouped by initial, jump links, and
pages of at most ``PER_PAGE`` entries.

An index is one page while it is short.  Longer, its entries are grouped under
their initial (a heading per letter, a bar of letters at the top) and spread over
pages of at most ``PER_PAGE`` entries, a letter kept whole on one page when it
fits; the first page keeps the index's address, the others follow it
(``index-a-z.md``, ``index-a-z-2.md``…).  Pure: notes in, page plans out.
"""

from __future__ import annotations

from itertools import groupby
from typing import Iterable, Sequence

from ..datatypes import datatype
from ..model.catalog import sort_key

PER_PAGE = 250        # note entries on one index page (each under 600 bytes of HTML)
GROUP_FROM = 30       # a kind index with fewer entries is one plain list
ARTICLES_PER_PAGE = 50


def initial(name: str) -> str:
    """The letter a name is filed under (accents ignored); '#' for digits and signs."""
    first = sort_key(name)[:1].upper()
    return first if first.isalpha() else "#"


@datatype(frozen=True)
class Group:
    """Entries of one letter on one page; ``letter`` None: no heading (a short index)."""
    letter: str | None
    items: tuple
    continued: bool = False   # the letter began on the page before

    @property
    def heading(self) -> str:
        if self.letter is None:
            return ""
        name = "0–9 et autres" if self.letter == "#" else self.letter
        return name + (" (suite)" if self.continued else "")


@datatype(frozen=True)
class IndexPage:
    path: str                 # docs path
    number: int               # 1-based
    of: int                   # pages in the index
    groups: tuple[Group, ...]

    @property
    def items(self) -> list:
        return [item for g in self.groups for item in g.items]


def page_path(first: str, number: int) -> str:
    """``entreprises/index.md``, page 3 -> ``entreprises/index-3.md``."""
    return first if number == 1 else f"{first[:-3]}-{number}.md"


def plan_index(first: str, items: Sequence, name_of, per_page: int = PER_PAGE,
               grouped: bool = True) -> list[IndexPage]:
    """Pages for ``items`` (already in alphabetical order of ``name_of(item)``)."""
    if not grouped:
        return [IndexPage(first, 1, 1, (Group(None, tuple(items)),))] if items else [IndexPage(first, 1, 1, ())]
    pages: list[list[Group]] = [[]]
    used = 0
    for letter, members in groupby(items, key=lambda item: initial(name_of(item))):
        rest, continued = list(members), False
        while rest:
            room = per_page - used
            if len(rest) > room and used and len(rest) <= per_page:
                pages.append([])        # the whole letter fits on the next page: keep it whole
                used, room = 0, per_page
            taken, rest = rest[:room], rest[room:]
            pages[-1].append(Group(letter, tuple(taken), continued))
            used += len(taken)
            continued = True
            if rest:
                pages.append([])
                used = 0
    return [IndexPage(page_path(first, i + 1), i + 1, len(pages), tuple(groups)) for i, groups in enumerate(pages)]


def plan_pages(first: str, items: Sequence, per_page: int) -> list[IndexPage]:
    """Pages of at most ``per_page`` items, in the given order (no letter groups)."""
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
    return [IndexPage(page_path(first, i + 1), i + 1, len(chunks), (Group(None, tuple(chunk)),))
            for i, chunk in enumerate(chunks)]


def page_title(title: str, page: IndexPage) -> str:
    return title if page.of == 1 else f"{title} (page {page.number} sur {page.of})"


def letters(pages: Iterable[IndexPage]) -> list[tuple[str, IndexPage, int]]:
    """(letter, page, index of its group on that page) where each letter begins."""
    return [(g.letter, page, i) for page in pages for i, g in enumerate(page.groups)
            if g.letter is not None and not g.continued]


def page_range(page: IndexPage, name_of) -> str:
    """"Ba – Co": the first letters of the first and last entry of a page."""
    items = page.items
    if not items:
        return ""
    first, last = name_of(items[0]), name_of(items[-1])
    return f"{first[:2]}–{last[:2]}"
