"""Words as search compares them, the same on both sides: here for what is indexed, and in
the search worker (overrides/assets/javascripts/workers/carnet-search-engine.js) for what readers type.

The site's one fold (``text.fold``: ``Algérie`` -> ``algerie``), and only runs of
letters and digits kept, so that apostrophes and hyphens separate words (``l’Algérie`` ->
``l algerie``).  The worker's ``fold`` and ``WORD`` must stay this function's twins, and
``STOP`` its list: the French stop words it leaves out of a query, which the names' buckets
leave out of a whole name's key (carnet.search.names).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

from ..text.fold import fold
_WORD = re.compile(r"[^\W_]+")   # letters and digits (JS: /[\p{L}\p{N}]+/gu)
_TAG = re.compile(r"<[^>]*>")

# lunr's French stop words (Material's former pipeline), folded: the worker's STOP, word for word.
STOP = frozenset(fold(
    "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions "
    "aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci "
    "celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse eussent "
    "eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez "
    "fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes moi "
    "mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles quels qui s sa "
    "sans se sera serai seraient serais serait seras serez seriez serions serons seront ses soi "
    "soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos "
    "votre vous y à étaient étais était étant étiez étions été étée étées étés êtes").split())


def words(text: str) -> list[str]:
    """The folded words of plain text."""
    return _WORD.findall(fold(text))


def html_words(html: str) -> list[str]:
    """The folded words of an HTML fragment's text (tags are word breaks)."""
    return words(unescape(_TAG.sub(" ", html)))


def html_tokens(html: str) -> str:
    """``html_words(html)``, each word ended by ``_`` and followed by a space but the last:
    what Pagefind indexes.  Folded and cut a run of non-space characters at a time, each run
    once per process: the same words (white space is a word break the fold keeps, and
    lower-casing, decomposing and reordering marks never reach across it), at a few
    hundred instructions a run rather than a few hundred a character (the fold and
    the split stepping through every page's text, 2 % of a build)."""
    return " ".join(filter(None, map(_run_tokens, unescape(_TAG.sub(" ", html)).split())))


@lru_cache(maxsize=1 << 16)
def _run_tokens(run: str) -> str:
    found = words(run)
    return "_ ".join(found) + "_" if found else ""
