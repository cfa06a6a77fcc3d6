"""Mention links: the first mention of each entity on a page becomes a link to its fiche.

Processors (Python-Markdown tree processors, with their priorities):

  carnet_mentions (-1)  after Python-Markdown's ``unescape`` and MkDocs' ``relpath`` (both
                        0): the hrefs it writes are final, relative URLs that the engine
                        gave for the pages (``PageScan.href``), so the engine need not resolve
                        each one again (at a few links per article, a cost that grows with
                        the corpus).  Under an engine that rewrites links later, the same
                        URLs are already relative to the page and stay as they are.

It only ever splits text nodes and wraps a slice in ``<a>``: the visible text of the page
does not change.  It never touches headings, code, existing links, attributes or anything
inside an element with the class ``carnet-nolink``.  Which mentions become links is
``mentions.links_to_make`` (the policy: first per page, per section, or all); the sentences
naming entities are recorded in the scan, for the fiches' quotes.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as etree
from dataclasses import field
from typing import Callable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..datatypes import datatype
from ..text.source_text import unbroken
from .matcher import Mention, MentionMatcher
from .mentions import MentionSentence, links_to_make, sentences_with_mentions
from .scan import STASH_RE, PageScan, visible_text

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Never linked inside: headings, code, links, and what a click already means something on
# (a tab's <label>, a <summary> that opens its block, buttons, form controls).
UNLINKABLE = HEADINGS | {"a", "code", "pre", "kbd", "samp", "script", "style", "svg", "math",
                         "button", "textarea", "title", "mark", "label", "summary", "legend",
                         "select", "option"}
# Heading-like or interactive by class: an admonition's title (a heading in all but name),
# content tabs' label bar (pymdownx.tabbed), and the editors' own opt-out.
UNLINKABLE_CLASSES = {"admonition-title", "tabbed-labels", "carnet-nolink"}
BLOCKS = {"p", "li", "dd", "dt", "td", "th", "caption", "figcaption", "blockquote", "div",
          "section", "article", "aside", "details", "summary", "ul", "ol", "dl", "table",
          "thead", "tbody", "tr", "figure", "header", "footer", "nav"}
_TAG_RE = re.compile(r"\s*<(/?)\s*([A-Za-z][\w-]*)[^>]*?(/?)>\s*$")  # one raw HTML tag


@datatype
class _Block:
    element: etree.Element
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)


class MentionLinker(Treeprocessor):
    def __init__(self, md, matcher: Callable[[], MentionMatcher | None],
                 scan: Callable[[], PageScan | None], policy: Callable[[], str]):
        super().__init__(md)
        self._matcher, self._scan, self._policy = matcher, scan, policy

    def run(self, root: etree.Element) -> None:
        scan, matcher = self._scan(), self._matcher()
        if scan is None or matcher is None:
            return
        started = time.perf_counter()
        self._link(root, scan, matcher)
        scan.seconds += time.perf_counter() - started

    def _link(self, root: etree.Element, scan: PageScan, matcher: MentionMatcher) -> None:
        self._page, self._matcher_now, self._policy_now = scan, matcher, self._policy()
        self._linked_in_scope: set[str] = set()
        self._raw_depth = 0   # raw HTML elements open that must not be linked inside
        self._plans: list[tuple[etree.Element, str, str, int, list[Mention]]] = []
        self._blocks: list[_Block] = []
        self._root = root
        self._parents: dict | None = None   # built on first need: most pages never need it
        self._walk(root, True, _Block(root))
        for element, attr, text, offset, mentions in self._plans:
            self._wrap(element, attr, text, offset, mentions)
        for block in self._blocks:
            scan.sentences += self._sentences(block)

    def _walk(self, el: etree.Element, linkable: bool, block: _Block) -> None:
        if el.tag in HEADINGS:
            if self._policy_now == "section":
                self._linked_in_scope.clear()
            return
        if el.tag in BLOCKS:
            block = _Block(el)
            self._blocks.append(block)
        if el.text:
            self._segment(el, "text", linkable, block)
        for child in list(el):
            child_linkable = (linkable and child.tag not in UNLINKABLE
                              and UNLINKABLE_CLASSES.isdisjoint((child.get("class") or "").split()))
            self._walk(child, child_linkable, block)
            if child.tail:
                self._segment(child, "tail", linkable, block)

    def _segment(self, el: etree.Element, attr: str, linkable: bool, block: _Block) -> None:
        text = getattr(el, attr)
        offset = len(block.text)   # mentions are counted from the block's start
        block.text += text
        blocked = self._raw_html_spans(text)
        if not linkable:
            return
        mentions = self._matcher_now.find(text, offset)
        if blocked:
            mentions = [m for m in mentions if not any(s + offset < m.end and m.start < e + offset for s, e in blocked)]
        if not mentions:
            return
        block.mentions += mentions
        to_link = links_to_make(mentions, self._page.self_note, self._policy_now, self._linked_in_scope)
        self._page.linked += [m.note_id for m in to_link]
        if to_link:
            self._plans.append((el, attr, text, offset, to_link))

    def _raw_html_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` inside inline raw HTML that must not be linked (``<a>``,
        ``<button>``, ``<label>``... written as HTML): Markdown keeps those tags as
        placeholders, so the tree does not show them.  Open tags carry over from one
        text to the next, in document order."""
        if "\x02" not in text:  # no placeholder: no tag opens or closes here
            return [(0, len(text))] if self._raw_depth else []
        spans, start = [], 0 if self._raw_depth else None
        for m in STASH_RE.finditer(text):
            raw = self.md.htmlStash.rawHtmlBlocks[int(m.group(1))]
            tag = _TAG_RE.match(raw) if isinstance(raw, str) else None
            if tag is None or tag.group(2).lower() not in UNLINKABLE or tag.group(3):
                continue
            if not tag.group(1):          # an opening tag
                if self._raw_depth == 0:
                    start = m.end()
                self._raw_depth += 1
            elif self._raw_depth:         # a closing tag
                self._raw_depth -= 1
                if self._raw_depth == 0:
                    spans.append((start, m.start()))
                    start = None
        if start is not None:
            spans.append((start, len(text)))
        return spans

    def _wrap(self, el: etree.Element, attr: str, text: str, offset: int, mentions: list[Mention]) -> None:
        anchors = []
        spans = [(m.start - offset, m.end - offset, m.note_id) for m in mentions]  # within ``text``
        for i, (start, end, note_id) in enumerate(spans):
            # data-preview: Material shows the target page in a card on hover and focus.
            a = etree.Element("a", {"href": self._page.href(note_id), "class": "carnet-mention",
                                    "data-preview": ""})
            a.text = text[start:end]
            a.tail = text[end:spans[i + 1][0]] if i + 1 < len(spans) else text[end:]
            anchors.append(a)
        setattr(el, attr, text[:spans[0][0]])
        if attr == "text":
            parent, index = el, 0
        else:
            if self._parents is None:
                self._parents = {child: parent for parent in self._root.iter() for child in parent}
            parent = self._parents[el]
            index = list(parent).index(el) + 1
        for j, a in enumerate(anchors):
            parent.insert(index + j, a)

    def _sentences(self, block: _Block) -> list[MentionSentence]:
        return sentences_with_mentions(block.text, block.mentions, self._page.src_uri,
                                       block.element.get("id"), self._visible)

    def _visible(self, text: str) -> str:
        return visible_text(self.md, text)


# A mention link as the serializer writes it (attributes in name order, class first; its
# content is text only): what ``for_search`` unwraps.
_MENTION_LINK_RE = re.compile(r'<a class="carnet-mention"[^>]*>([^<]*)</a>')


def for_search(page_html: str) -> str:
    """What search reads of a page: its words, with the mention links unwrapped (the same
    object when it has none).  Search indexes words, not links; parsing a tag costs it
    more than the words it wraps, and an article has a link for every entity it names."""
    page_html = unbroken(page_html)  # "Mag\u00adhreb" is found by "maghreb"
    if 'class="carnet-mention"' not in page_html:
        return page_html
    return _MENTION_LINK_RE.sub(r"\1", page_html)


class MentionExtension(Extension):
    """Registers ``MentionLinker``; the callables give the state of the page being rendered:
    the names to find (``matcher()``), the page (``scan()``: None leaves it alone) and the
    link policy (``policy()``)."""

    def __init__(self, matcher: Callable[[], MentionMatcher | None], scan: Callable[[], PageScan | None],
                 policy: Callable[[], str]):
        super().__init__()
        self._args = (matcher, scan, policy)

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(MentionLinker(md, *self._args), "carnet_mentions", -1)
