"""Split French prose into sentences, keeping offsets so mentions can be placed."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … followed by space and a capital, a digit or an opening quote.
# The pattern opens on the punctuation itself (not a look-behind): the engine then skips
# straight to the next . ! ? or …; a sentence ends one character after the match starts.
_END_RE = re.compile(r"[.!?…][\"»”’)]*\s+(?=[«\"“(\d]|[^\W\d_](?<=[A-ZÀ-ÖØ-Þ]))")
_ABBREVIATIONS = ("M.", "Mme.", "MM.", "Dr.", "St.", "etc.", "cf.", "p.", "n°.")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order."""
    spans, start = [], 0
    for m in _END_RE.finditer(text):
        end = m.start() + 1
        # The sentence is sliced only when it may end on an abbreviation ("M.", "etc.").
        if text.endswith(_ABBREVIATIONS, start, end) and text[start:end].rsplit(None, 1)[-1] in _ABBREVIATIONS:
            continue
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for start, end in spans:  # whitespace trimmed (a sentence seldom has any to trim)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out
