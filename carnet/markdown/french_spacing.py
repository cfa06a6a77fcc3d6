"""French spacing: the no-break spaces French typography wants before ``; ! ? :`` and inside
« », in the text of every page but an article's own words.

Processors:

  carnet_spacing (5.5)  before the table of contents copies the headings (5), so the
                        headings listed there are spaced as on the page.

One character for one (``typography.french_spacing``), so nothing else moves; code and
verbatim text (``carnet-verbatim``) are left alone.  On an article's page (its scan names
an article) only its title is spaced: the rest is the article's words, as received.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..text.typography import french_spacing
from .scan import PageScan


class FrenchSpacing(Treeprocessor):
    """No-break spaces where French typography wants them (``typography.french_spacing``), in
    the text of every page but an article's own words: on an article's page, its title only.
    One character for one, so nothing else moves; code and verbatim text are left alone."""

    SKIP = {"code", "pre", "kbd", "samp", "script", "style", "math"}

    def __init__(self, md, scan: Callable[[], PageScan | None]):
        super().__init__(md)
        self._scan = scan

    def run(self, root: etree.Element) -> None:
        scan = self._scan()
        if scan is not None and scan.article is not None:
            for el in root.iter("h1"):
                self._space(el)
        else:
            self._space(root)

    def _space(self, el: etree.Element) -> None:
        if el.tag in self.SKIP or "carnet-verbatim" in (el.get("class") or "").split():
            return
        if el.text:
            el.text = french_spacing(el.text)
        for child in el:
            self._space(child)
            if child.tail:
                child.tail = french_spacing(child.tail)


class FrenchSpacingExtension(Extension):
    """Registers ``FrenchSpacing``; ``scan()`` gives the page being rendered (None: a page
    that is not an article, spaced throughout)."""

    def __init__(self, scan: Callable[[], PageScan | None] = lambda: None):
        super().__init__()
        self._scan = scan

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(FrenchSpacing(md, self._scan), "carnet_spacing", 5.5)
