"""What the engine tells Carnet's Markdown extensions about the page being rendered, and
what they find there (``PageScan``); the text a reader sees of Markdown's placeholders.

The extensions read the scan through a callable (``scan()``), so one Markdown instance
serves every page: the engine points it at the page it is rendering, or at None.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import field
from typing import Callable

from ..citations.passages import Passage
from ..datatypes import datatype
from .mentions import MentionSentence

STASH_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")   # a raw HTML placeholder
_ESCAPED_RE = re.compile("\x02(\\d+)\x03")        # a backslash escape, before Markdown's 'unescape'


@datatype
class PageScan:
    """What the processor needs to know of one page, and what it found there."""
    src_uri: str
    href: Callable[[str], str]          # note id -> the note page's URL, relative to this page
    self_note: str | None = None        # the page's own note: never linked to itself
    article: str | None = None          # articles: their slug; root paragraphs become passages
    passages: list[Passage] = field(default_factory=list)
    sentences: list[MentionSentence] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)  # note ids linked, in order
    seconds: float = 0.0                # time spent linking this page (for the benchmark)


def visible_text(md, text: str) -> str:
    """Text with Markdown's placeholders (raw HTML, escapes) replaced by what they display."""
    if "\x02" not in text:  # the usual case: no placeholder at all
        return text
    def unstash(m: re.Match) -> str:
        raw = md.htmlStash.rawHtmlBlocks[int(m.group(1))]
        raw = raw if isinstance(raw, str) else etree.tostring(raw, encoding="unicode")
        return html.unescape(re.sub(r"<[^>]*>", "", raw))
    text = STASH_RE.sub(unstash, text)
    return _ESCAPED_RE.sub(lambda m: chr(int(m.group(1))), text)


