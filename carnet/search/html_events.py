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
from operator import itemgetter

# One event at a time, each starting where the last ended: a start tag (name, attributes,
# "/" when self-closed), an end tag, the text up to the next "<", or a comment.  Names as
# HTMLParser reads them; spaces only as one space, the way serializers write them.  The
# whole of each event is a group too: ``findall`` gives them all at once, and they cover
# the fragment when their lengths add up to its own.
_EVENT = re.compile(
    r'(<([a-zA-Z][a-zA-Z0-9]*)((?: [a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)( ?/)?>'
    r'|</([a-zA-Z][a-zA-Z0-9]*)>'
    r'|([^<]+)'
    r'|<!--((?:[ a-zA-Z0-9:_./]|-(?!-))*)-->)')   # a comment of plain words (Carnet's slots)
_ATTRIBUTE = re.compile(r' ([^ =]+)(?:(=)"([^"]*)")?')
_WHOLE = itemgetter(0)
# Elements whose content HTMLParser reads as raw text (script and style; later versions of it,
# title and textarea too): their fragments are left to it.  (SVG's <title>, in the fiches'
# graphs, is an element like any other where the running HTMLParser says so.)
_RAW_TEXT = frozenset(HTMLParser.CDATA_CONTENT_ELEMENTS) | frozenset(getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())) \
    | {"plaintext"}

START, STARTEND, END, DATA, COMMENT = "start", "startend", "end", "data", "comment"


def events(html: str) -> list[tuple] | None:
    """``(START, tag, attrs)``, ``(STARTEND, tag, attrs)``, ``(END, tag)``, ``(DATA, text)`` and
    ``(COMMENT, text)`` in order, as ``HTMLParser`` calls ``handle_starttag``,
    ``handle_startendtag``, ``handle_endtag``, ``handle_data`` and ``handle_comment`` (tag
    and attribute names lower-cased, attribute values and text unescaped, ``None`` for an
    attribute without a value); or ``None`` when ``html`` holds anything this reading does
    not cover."""
    found = _EVENT.findall(html)
    if sum(map(len, map(_WHOLE, found))) != len(html):
        return None   # something no alternative reads: a stray "<", a comment of other words...
    out = []
    append = out.append
    for whole, tag, raw, slash, closing, text, comment in found:
        if text:
            append((DATA, unescape(text) if "&" in text else text))
        elif closing:
            append((END, closing.lower()))
        elif tag:
            tag = tag.lower()
            if tag in _RAW_TEXT:
                return None
            attrs = [(name.lower(), (unescape(value) if "&" in value else value) if equals else None)
                     for name, equals, value in _ATTRIBUTE.findall(raw)] if raw else []
            append((STARTEND if slash else START, tag, attrs))
        else:
            append((COMMENT, comment))
    return out
