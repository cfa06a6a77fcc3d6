"""Words a page gives as another page's, marked in the view search reads of it.

A fiche's fact cited from an article states what the article says, often in its words,
without « » (it need not be verbatim).  Search must weigh it as the article's, not the
fiche's: the fact's value is put between two INVISIBLE SEPARATOR characters (U+2063), which
carnet.search.documents weighs as a quotation and removes from everything it writes.
"""

from __future__ import annotations

MARK = "\u2063"


def attributed(text: str) -> str:
    """``text`` marked as another page's words, for search."""
    return f"{MARK}{text}{MARK}"


def unmarked(text: str) -> str:
    return text.replace(MARK, "")
