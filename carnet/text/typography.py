"""French typography for the text Carnet writes: no-break spaces, real plurals, lists.

Everything Carnet writes for readers goes through here: counts (``plural``), lists
("A, B et C": ``join``), paragraph references ("§ 1 et 2": ``paragraphs``) and spacing.

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
    number = f"{count:,}".replace(",", NNBSP)  # 1 000: a narrow no-break space between thousands
    return f"{number}{NBSP}{word}"


def _before_marks(text: str) -> str:
    """Outside quotes: before ; ! ? :, and inside a « or » whose pair is in another text
    (a quote that spans a link: « <a>VESNA</a> »)."""
    text = _BEFORE_RE.sub(lambda m: NBSP if text[m.end()] == ":" else NNBSP, text)
    if "«" in text or "»" in text:
        text = text.replace("« ", "«" + NNBSP).replace(" »", NNBSP + "»")
    return text


def _quote_edges(quote: str) -> str:
    """A « quote » with no-break spaces at its edges; its own words untouched."""
    inner = quote[1:-1]
    if inner.startswith(" "):
        inner = NNBSP + inner[1:]
    if inner.endswith(" "):
        inner = inner[:-1] + NNBSP
    return "«" + inner + "»"


def french_spacing(text: str) -> str:
    """The same text, its spaces before ; ! ? : and inside « » made no-break (same length)."""
    out, pos = [], 0
    for m in _QUOTE_RE.finditer(text):
        out += [_before_marks(text[pos:m.start()]), _quote_edges(m.group())]
        pos = m.end()
    out.append(_before_marks(text[pos:]))
    return "".join(out)


def join(items: list[str], last: str = "et") -> str:
    """ "A", "A et B", "A, B et C": a French list (items as given, HTML or text)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def paragraphs(numbers) -> str:
    """ "§ 2", "§ 1 et 2", "§ 1, 2 et 4": paragraph numbers as a French reference."""
    return f"§{NBSP}" + join([str(n) for n in sorted(set(numbers))])
