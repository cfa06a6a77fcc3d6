"""French typography for the text Carnet writes: no-break spaces and real plurals.

``NNBSP`` (narrow no-break space) goes before ; ! ? and inside « »; ``NBSP`` before a
colon.  ``french_spacing`` turns the spaces an editor typed there into those, one
character for one, so offsets into the text (mentions, quotes) stay valid; it leaves
the inside of « quotes » alone but for their edges, since those are the article's words.
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"

_QUOTE_RE = re.compile(r"«[^«»]*»")
_BEFORE_RE = re.compile(r"[ \u00a0\u202f](?=[;!?:])")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 fiche", "3 fiches", "0 fiche": French counts 0 and 1 in the singular."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{count}{NBSP}{word}"


def french_spacing(text: str) -> str:
    """The same text, its spaces before ; ! ? : and inside « » made no-break (same length)."""
    chars = list(text)
    inside = [False] * len(text)
    for m in _QUOTE_RE.finditer(text):
        for i in range(m.start() + 1, m.end() - 1):
            inside[i] = True
        if m.start() + 1 < len(text) and text[m.start() + 1] == " ":
            chars[m.start() + 1] = NNBSP
        if m.end() - 2 > m.start() and text[m.end() - 2] == " ":
            chars[m.end() - 2] = NNBSP
    for m in _BEFORE_RE.finditer(text):
        if not inside[m.start()]:
            chars[m.start()] = NBSP if text[m.end()] == ":" else NNBSP
    return "".join(chars)
