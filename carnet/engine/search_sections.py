"""A page cut into the sections Material's search plugin indexes, as its ``Parser`` cuts it
(material/plugins/search/plugin.py, Material 9.8.2), from the events of
``carnet.search.html_events``; pages those events decline go to Material's own parser.

Why a second implementation: Material's ``Parser`` keeps its open elements as ``Element``
objects that compare and hash by their tag in Python (``__eq__``, ``__hash__``), and asks at
every piece of text whether one of them is in a set, or equals ``"pre"``, or the section's
heading: a Python call per open element per piece of text, and the tokenizer of
``html.parser`` under it.  Here the open elements are their tags, strings the same tests
find in C.  What the parser does with them is Material's, step for step (each step below
names the handler it follows); a property test holds the sections equal to Material's on
random fragments and on every page of the site (tests/test_html_events.py).

Material's elements behave as their tags in its sets and lists (an ``Element`` equals any
element or string of the same tag), so its ``skip`` set, which holds strings and elements,
is a set of tags here.
"""

from __future__ import annotations

from html import escape

from material.plugins.search.plugin import Element, Parser, Section, void

from ..search.html_events import COMMENT, DATA, END, START, STARTEND, events

_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_ALWAYS_SKIPPED = frozenset({"script", "style", "object"})
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})


def sections(html: str) -> list[Section]:
    """The sections Material's ``Parser`` cuts ``html`` into (``parser.data``)."""
    found = events(html)
    if found is None:
        parser = Parser()
        parser.feed(html)
        parser.close()
        return parser.data
    cut = _Cutter()
    for event in found:
        kind = event[0]
        if kind is DATA:
            cut.data(event[1])
        elif kind is END:
            cut.end(event[1])
        elif kind is START:
            cut.start(event[1], event[2])
        elif kind is STARTEND:   # HTMLParser's handle_startendtag: both handlers
            cut.start(event[1], event[2])
            cut.end(event[1])
        elif kind is not COMMENT:   # comments: Material's parser ignores them
            raise ValueError(kind)
    return cut.data_sections


class _Cutter:
    __slots__ = ("tags", "elements", "skip", "section", "data_sections")

    def __init__(self):
        self.tags: list[str] = []             # Parser.context, as tags
        self.elements: list[Element] = []     # Parser.context itself (attributes: permalinks)
        self.skip = set(_ALWAYS_SKIPPED)      # Parser.skip, as tags
        self.section: Section | None = None
        self.data_sections: list[Section] = []

    def _kept_list(self) -> list[str]:
        section = self.section
        return section.title if section.el.tag in self.tags else section.text

    def start(self, tag: str, attrs: list) -> None:    # Parser.handle_starttag
        attrs = dict(attrs)
        if tag in void:
            return
        el = Element(tag, attrs)
        self.tags.append(tag)
        self.elements.append(el)
        if tag in _HEADINGS and "id" in attrs:
            depth = len(self.tags)
            if tag != "h1" and not self.data_sections:
                self.section = Section(Element("hx"), depth)
                self.data_sections.append(self.section)
            self.section = Section(el, depth)
            if self.data_sections:
                self.section.id = attrs["id"]
            self.data_sections.append(self.section)
        if self.section is None:
            self.section = Section(Element("hx"))
            self.data_sections.append(self.section)
        for key, value in attrs.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self.skip.add(tag)
                return
        if tag in _KEEP and self.skip.isdisjoint(self.tags):
            self._kept_list().append(f"<{tag}>")

    def end(self, tag: str) -> None:                    # Parser.handle_endtag
        tags = self.tags
        if not tags or tags[-1] != tag:
            return
        if self.section.depth > len(tags):
            for section in reversed(self.data_sections):
                if section.depth <= len(tags):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        tags.pop()
        self.elements.pop()
        if tag in self.skip:
            if tag not in _ALWAYS_SKIPPED:
                self.skip.remove(tag)
            return
        if tag in _KEEP and self.skip.isdisjoint(tags):
            data = self._kept_list()
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def data(self, data: str) -> None:                  # Parser.handle_data
        tags = self.tags
        if not self.skip.isdisjoint(tags):
            return
        if "pre" not in tags:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self.section
        if section is None:
            section = self.section = Section(Element("hx"))
            self.data_sections.append(section)
        if section.el.tag in tags:
            for el in self.elements:
                if el.tag == "a" and el.attrs.get("class") == "headerlink":
                    return
            section.title.append(escape(data, quote=False))
        elif data.isspace():
            text = section.text
            if not text or not text[-1].isspace() or "pre" in tags:
                text.append(data)
        else:
            section.text.append(escape(data, quote=False))
