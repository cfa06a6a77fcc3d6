"""Paragraph anchors: an article's top-level paragraphs become its passages, each with an
anchor made from its own opening words, so a link keeps landing on the same words when
other paragraphs are edited, added or moved.

Processors:

  carnet_paragraphs (6)  before MkDocs collects anchors (5), so links to #p-… validate,
                         and before the table of contents (5).

A paragraph keeps the anchor its author wrote with ``{ #id }``.  The passages (anchor,
number, visible text) are recorded in the scan (``PageScan.passages``) for the citations.
Only pages whose scan names an article are touched.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..citations.passages import Passage, passage_id
from ..text.source_text import unbroken
from .scan import PageScan, visible_text


class ParagraphAnchors(Treeprocessor):
    """Make an article's top-level paragraphs its passages: each gets an anchor from its
    own opening words (or keeps the one its author wrote with ``{ #id }``), and its text
    is kept for checking quotes."""

    def __init__(self, md, scan: Callable[[], PageScan | None]):
        super().__init__(md)
        self._scan = scan

    def run(self, root: etree.Element) -> None:
        scan = self._scan()
        if scan is None or scan.article is None:
            return
        for el in root:
            if el.tag != "p":
                continue
            text = unbroken(visible_text(self.md, "".join(el.itertext())))  # quotes match through breaks
            anchor = el.get("id") or passage_id(text)
            if anchor is None:
                continue  # no words: nothing to cite
            el.set("id", anchor)
            scan.passages.append(Passage(scan.article, anchor, len(scan.passages) + 1, text))


class ParagraphAnchorExtension(Extension):
    """Registers ``ParagraphAnchors``; ``scan()`` gives the page being rendered."""

    def __init__(self, scan: Callable[[], PageScan | None]):
        super().__init__()
        self._scan = scan

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(ParagraphAnchors(md, self._scan), "carnet_paragraphs", 6)
