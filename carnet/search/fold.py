"""Words as search compares them, the same on both sides: here for what is indexed, and in
the search worker (overrides/assets/javascripts/workers/carnet-search-engine.js) for what readers type.

The site's one fold (``text.fold``: ``Algérie`` -> ``algerie``), and only runs of
letters and digits kept, so that apostrophes and hyphens separate words (``l’Algérie`` ->
``l algerie``).  The worker's ``fold`` and ``WORD`` must stay this function's twins.
"""

from __future__ import annotations

import re
from html import unescape

from ..text.fold import fold
_WORD = re.compile(r"[^\W_]+")   # letters and digits (JS: /[\p{L}\p{N}]+/gu)
_TAG = re.compile(r"<[^>]*>")


def words(text: str) -> list[str]:
    """The folded words of plain text."""
    return _WORD.findall(fold(text))


def html_words(html: str) -> list[str]:
    """The folded words of an HTML fragment's text (tags are word breaks)."""
    return words(unescape(_TAG.sub(" ", html)))
