"""Text folded for comparison: lower case, accents dropped, œ and æ spelt out.

The one fold of the site.  Search compares words with it (its twin is the worker's
``fold`` in overrides/assets/javascripts/workers/carnet-search-engine.js: ``toLowerCase``,
NFD, the marks U+0300–U+036F removed); the indexes sort and group names by it (a French
reader looks for « Élan » under E); ``carnet new`` makes file names from it.

Paragraph anchors fold on their own terms (``citations.passages.anchor_words``): they are
addresses the site has published, so their rule cannot change with this one.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """``text`` lower-cased, without accents, œ and æ spelt out: ``Œuvre d’Algérie`` -> ``oeuvre d’algerie``."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text.lower())).replace("œ", "oe").replace("æ", "ae")
