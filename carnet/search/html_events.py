"""An HTML fragment as the events ``html.parser.HTMLParser`` would give its handlers, found
with one regular expression: for the fragments Carnet writes, not for any HTML.

Material's search plugin cuts every page into sections with an ``HTMLParser``.  The standard
library's tokenizer is written in Python and steps through each tag with several regular
expressions and bookkeeping calls (line numbers, offsets): at a few hundred tags a page it
cost 0.85 billion instructions in a 150 x 150 build of long articles, 6 % of the whole.
Python-Markdown and Carnet write regular HTML (double-quoted attributes, no comments in
prose, entities only where needed), whose events one pattern finds.  ``events`` gives them
for such a fragment and ``None`` for anything else (a comment, a declaration, a script, a
single-quoted or unquoted attribute, a ``<`` that opens no tag...): there, the caller feeds
``HTMLParser`` itself.  When ``events`` answers, its answer is what ``HTMLParser`` (with
``convert_charrefs``, its default) hands its handlers, event for event; a property test
holds the two equal on random fragments (tests/test_html_events.py).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

# One event at a time, each starting where the last ended: a start tag (name, attributes,
# "/" when self-closed), an end tag, the text up to the next "<", or a comment.  Names as HTMLParser
# reads them; spaces only as one space, the way serializers write them.
_EVENT = re.compile(
    r'<([a-zA-Z][a-zA-Z0-9]*)((?: [a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)( ?/)?>'
    r'|</([a-zA-Z][a-zA-Z0-9]*)>'
    r'|([^<]+)'
    r'|<!--((?:[ a-zA-Z0-9:_./]|-(?!-))*)-->')   # a comment of plain words (Carnet's slots)
_ATTRIBUTE = re.compile(r' ([^ =]+)(?:="([^"]*)")?')
# Elements whose content HTMLParser reads as raw text (script and style; later versions of it,
# title and textarea too): their fragments are left to it.  (SVG's <title>, in the fiches'
# graphs, is an element like any other where the running HTMLParser says so.)
_RAW_TEXT = frozenset(HTMLParser.CDATA_CONTENT_ELEMENTS) | frozenset(getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())) \
    | {"plaintext"}

START, STARTEND, END, DATA, COMMENT = "start", "startend", "end", "data", "comment"


def events(html: str) -> list[tuple] | None:
    """``(START, tag, attrs)``, ``(STARTEND, tag, attrs)``, ``(END, tag)``, ``(DATA, text)`` and
    ``(COMMENT, text)`` in order, as ``HTMLParser`` calls ``handle_starttag``,
    ``handle_startendtag``, ``handle_endtag``, ``handle_data`` and ``handle_comment`` (tag and attribute names lower-cased, attribute
    values and text unescaped, ``None`` for an attribute without a value); or ``None`` when
    ``html`` holds anything this reading does not cover."""
    out = []
    append = out.append
    pos = 0
    for m in _EVENT.finditer(html):
        if m.start() != pos:        # something no alternative reads: a stray "<", a comment...
            return None
        pos = m.end()
        text = m.group(5)
        if text is not None:
            append((DATA, unescape(text) if "&" in text else text))
            continue
        if m.group(6) is not None:
            append((COMMENT, m.group(6)))
            continue
        closing = m.group(4)
        if closing is not None:
            append((END, closing.lower()))
            continue
        tag = m.group(1).lower()
        if tag in _RAW_TEXT:
            return None
        raw = m.group(2)
        attrs = [(a.group(1).lower(), _value(a.group(2))) for a in _ATTRIBUTE.finditer(raw)] if raw else []
        append((STARTEND if m.group(3) else START, tag, attrs))
    if pos != len(html):
        return None
    return out


def _value(value: str | None) -> str | None:
    return unescape(value) if value and "&" in value else value
