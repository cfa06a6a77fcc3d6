"""Split French prose into sentences, keeping offsets so mentions can be placed."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … followed by space and a capital, a digit or an opening quote.
# The pattern opens on the punctuation itself (not a look-behind): the engine then skips
# straight to the next . ! ? or …; a sentence ends one character after the match starts.
_END_RE = re.compile(r"[.!?…][\"»”’)]*\s+(?=[«\"“(\d]|[^\W\d_](?<=[A-ZÀ-ÖØ-Þ]))")
_PUNCTUATION = ".!?…"
_ABBREVIATIONS = ("M.", "Mme.", "MM.", "Dr.", "St.", "etc.", "cf.", "p.", "n°.")


def _ends(text: str):
    """What ``_END_RE.finditer`` finds, faster: a match starts on a . ! ? or …, which
    string search finds at once; the pattern is then tried at those places only (a regular
    expression searching for one of four characters steps through every character)."""
    at = []
    for mark in _PUNCTUATION:
        i = text.find(mark)
        while i >= 0:
            at.append(i)
            i = text.find(mark, i + 1)
    at.sort()
    done = 0
    for i in at:
        if i >= done and (m := _END_RE.match(text, i)) is not None:
            done = m.end()
            yield m


def sentence_spans(text: str, quotes_whole: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order; ``quotes_whole``: never
    inside « » (a note's text quoting an article: a quote cut in two leaves its « open)."""
    spans, start = [], 0
    for m in _ends(text):
        end = m.start() + 1
        if quotes_whole and text.count("«", 0, end) > text.count("»", 0, end):
            continue
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
