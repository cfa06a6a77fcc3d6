"""Mentions as pages show them: which ones become links, and the sentences around them."""

from __future__ import annotations

from html import escape
from typing import Callable, Iterable

from ..text.sentences import sentence_spans
from .matcher import Mention

POLICIES = ("first", "section", "all")


class MentionSentence:
    """A sentence of a page that names one or more entities: its page, the id of its block
    (article paragraphs: "p-…") and its parts, (text, note id of a mention or None).

    A page names entities in many sentences and a note's page quotes a few of them: made
    from its block's text, a sentence cuts its parts only when asked for them."""

    __slots__ = ("page", "anchor", "_parts", "_text", "_start", "_end", "_mentions", "_ids", "_html")

    def __init__(self, page: str, anchor: str | None, parts: tuple[tuple[str, str | None], ...]):
        self.page, self.anchor, self._parts = page, anchor, parts
        self._ids = self._html = None

    @classmethod
    def in_text(cls, page: str, anchor: str | None, text: str, start: int, end: int,
                mentions: list[Mention]) -> "MentionSentence":
        """The sentence at ``text[start:end]``, holding ``mentions`` (all of them inside)."""
        sentence = cls.__new__(cls)
        sentence.page, sentence.anchor, sentence._parts = page, anchor, None
        sentence._text, sentence._start, sentence._end, sentence._mentions = text, start, end, mentions
        sentence._ids = sentence._html = None
        return sentence

    @property
    def parts(self) -> tuple[tuple[str, str | None], ...]:
        if self._parts is None:
            text, pos, parts = self._text, self._start, []
            for m in self._mentions:
                if m.start > pos:
                    parts.append((text[pos:m.start], None))
                parts.append((text[m.start:m.end], m.note_id))
                pos = m.end
            if self._end > pos:
                parts.append((text[pos:self._end], None))
            self._parts = tuple(parts)
        return self._parts

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.parts)

    def __eq__(self, other) -> bool:
        if not isinstance(other, MentionSentence):
            return NotImplemented
        return (self.page, self.anchor, self.parts) == (other.page, other.anchor, other.parts)

    __hash__ = None  # compared by value, never a key

    def __repr__(self) -> str:
        return f"MentionSentence({self.page!r}, {self.anchor!r}, {self.parts!r})"

    # Both asked for many times (every page listing mentions, every entity's quotes): kept.
    def note_ids(self) -> frozenset[str]:
        if self._ids is None:
            self._ids = (frozenset([n for _, n in self._parts if n]) if self._parts is not None
                         else frozenset([m.note_id for m in self._mentions]))
        return self._ids

    def html_parts(self) -> tuple[tuple[str, str | None], ...]:
        """The parts, their text escaped for HTML."""
        if self._html is None:
            parts = self.parts
            text = "".join([t for t, _ in parts])
            # Prose seldom holds a character to escape: then the parts are their own HTML.
            if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
                parts = tuple((escape(t), note_id) for t, note_id in parts)
            self._html = parts
        return self._html


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
                            visible: Callable[[str], str] | None = None,
                            quotes_whole: bool = False) -> list[MentionSentence]:
    """Each sentence of ``text`` that holds a mention, split into plain and mention parts;
    ``visible`` turns Markdown's placeholders into what they display; ``quotes_whole``: a
    sentence never ends inside « » (``sentence_spans``)."""
    if not mentions:
        return []
    if "\x02" not in text:  # no placeholder in the whole block: the text is what shows
        visible = None
    out = []
    mentions = sorted(mentions)
    i, count = 0, len(mentions)
    for start, end in sentence_spans(text, quotes_whole):
        while i < count and mentions[i].start < start:
            i += 1
        if i == count:
            break
        inside = []
        while i < count and mentions[i].start < end:
            if mentions[i].end <= end:  # one that runs past the sentence's end is none of its
                inside.append(mentions[i])
            i += 1
        if not inside:
            continue
        sentence = MentionSentence.in_text(page, anchor, text, start, end, inside)
        if visible is not None:  # placeholders in the text: the parts as they show, now
            sentence = MentionSentence(page, anchor, tuple(
                (shown, note_id) for shown, note_id in ((visible(t), n) for t, n in sentence.parts) if shown))
        out.append(sentence)
    return out
