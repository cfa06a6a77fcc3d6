"""Mentions as pages show them: which ones become links, and the sentences around them."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable, Iterable

from .matcher import Mention
from .sentences import sentence_spans

POLICIES = ("first", "section", "all")


@dataclass(frozen=True)
class MentionSentence:
    """A sentence of a page that names one or more entities."""
    page: str                                  # src_uri of the page
    anchor: str | None                         # id of its block (article paragraphs: "p3")
    parts: tuple[tuple[str, str | None], ...]  # (text, note id of a mention or None)

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.parts)

    # Both asked for many times (every page listing mentions, every entity's quotes) and
    # kept once made; by hand, as functools.cached_property takes a lock on each read.
    def note_ids(self) -> frozenset[str]:
        ids = self.__dict__.get("_ids")
        if ids is None:
            ids = self.__dict__["_ids"] = frozenset([n for _, n in self.parts if n])
        return ids

    def html_parts(self) -> tuple[tuple[str, str | None], ...]:
        """The parts, their text escaped for HTML."""
        parts = self.__dict__.get("_html")
        if parts is None:
            text = "".join([t for t, _ in self.parts])
            # Prose seldom holds a character to escape: then the parts are their own HTML.
            if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
                parts = tuple((escape(t), note_id) for t, note_id in self.parts)
            else:
                parts = self.parts
            self.__dict__["_html"] = parts
        return parts


def links_to_make(mentions: Iterable[Mention], self_note: str | None, policy: str,
                  linked: set[str]) -> list[Mention]:
    """The mentions that become links; ``linked`` holds the notes already linked in scope."""
    chosen = []
    for m in mentions:
        if m.note_id == self_note:
            continue
        if policy != "all":
            if m.note_id in linked:
                continue
            linked.add(m.note_id)
        chosen.append(m)
    return chosen


def sentences_with_mentions(text: str, mentions: list[Mention], page: str, anchor: str | None,
                            visible: Callable[[str], str] | None = None) -> list[MentionSentence]:
    """Each sentence of ``text`` that holds a mention, split into plain and mention parts;
    ``visible`` turns Markdown's placeholders into what they display."""
    if not mentions:
        return []
    if "\x02" not in text:  # no placeholder in the whole block: the text is what shows
        visible = None
    out = []
    mentions = sorted(mentions)
    i, count = 0, len(mentions)
    for start, end in sentence_spans(text):
        while i < count and mentions[i].start < start:
            i += 1
        if i == count:
            break
        parts, pos = [], start
        while i < count and mentions[i].start < end:
            m = mentions[i]
            i += 1
            if m.end > end:  # runs past the sentence's end: not one of its mentions
                continue
            if m.start > pos:
                parts.append((text[pos:m.start], None))
            parts.append((text[m.start:m.end], m.note_id))
            pos = m.end
        if not parts:
            continue
        if end > pos:
            parts.append((text[pos:end], None))
        if visible is not None:
            parts = [(shown, note_id) for shown, note_id in ((visible(t), n) for t, n in parts) if shown]
        out.append(MentionSentence(page, anchor, tuple(parts)))
    return out
