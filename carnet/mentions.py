"""Mentions as pages show them: which ones become links, and the sentences around them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
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

    @cached_property  # asked for on every page that lists mentions: computed once
    def _note_ids(self) -> frozenset[str]:
        return frozenset(n for _, n in self.parts if n)

    def note_ids(self) -> frozenset[str]:
        return self._note_ids


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
                            visible: Callable[[str], str] = lambda s: s) -> list[MentionSentence]:
    """Each sentence of ``text`` that holds a mention, split into plain and mention parts."""
    if not mentions:
        return []
    if "\x02" not in text:  # no placeholder in the whole block: nothing to make visible
        visible = _same
    out = []
    mentions = sorted(mentions, key=lambda m: m.start)
    first = 0  # mentions before it ended in an earlier sentence
    for start, end in sentence_spans(text):
        while first < len(mentions) and mentions[first].start < start:
            first += 1
        inside = []
        for m in mentions[first:]:
            if m.start >= end:
                break
            if m.end <= end:
                inside.append(m)
        if not inside:
            continue
        parts, pos = [], start
        for m in inside:
            parts += [(visible(text[pos:m.start]), None), (visible(text[m.start:m.end]), m.note_id)]
            pos = m.end
        parts.append((visible(text[pos:end]), None))
        out.append(MentionSentence(page, anchor, tuple(p for p in parts if p[0])))
    return out


def _same(text: str) -> str:
    return text
