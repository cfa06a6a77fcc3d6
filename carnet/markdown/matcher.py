"""Find entity mentions in text with one compiled matcher per build.

All names and aliases are folded into a trie and emitted as a single regular
expression, so scanning a text costs time proportional to its length and the
alias length, never to the number of notes.  A greedy trie with an optional
end at terminal nodes, followed by a word-boundary look-ahead, yields the
longest alias that stands as a whole word at the leftmost position.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from ..model.note import Note
from ..text.source_text import HYPHENS, INVISIBLE, has_breaks

# Stash placeholders of Python-Markdown (raw HTML, entities): never matched inside.
PLACEHOLDER_RE = re.compile("\x02[^\x02\x03]*\x03")


class Mention(NamedTuple):
    """A name found in a text: its span and the note it names.  A tuple: made for every
    mention of every page, ordered by position."""
    start: int
    end: int
    note_id: str


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation over ``words`` that prefers longer words at a position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _emit(trie) if trie else "(?!)"


def _emit(node: dict) -> str:
    terminal = "" in node
    branches = []
    for ch, child in sorted(node.items()):
        if not ch:
            continue
        # A run of letters with no branch and no end inside: escaped at once, not one by one.
        chars = [ch]
        while len(child) == 1 and "" not in child:
            (next_ch, child), = child.items()
            chars.append(next_ch)
        branches.append(re.escape("".join(chars)) + _emit(child))
    if not branches:
        return ""
    if len(branches) == 1:
        return f"(?:{branches[0]})?" if terminal else branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if terminal else body


class MentionMatcher:
    """Compiled once from all notes; ``find`` returns whole-word mentions, longest first."""

    def __init__(self, notes: Iterable[Note]):
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for note in notes:
            for form in note.names:
                if note.case_sensitive:
                    self._exact.setdefault(form, note.id)
                else:
                    self._folded.setdefault(form.lower(), note.id)
        self._patterns = []
        if self._exact:
            self._patterns.append((self._compile(self._exact, 0), self._exact, False))
        if self._folded:
            self._patterns.append((self._compile(self._folded, re.IGNORECASE), self._folded, True))

    @staticmethod
    def _compile(forms: dict[str, str], flags: int) -> re.Pattern:
        # No look-behind in front: a pattern that opens on the trie's first letters lets the
        # engine skip to where a name can start (three times faster); ``find`` checks
        # the character before instead.
        return re.compile(r"(?:" + trie_pattern(forms) + r")(?!\w)", flags)

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Non-overlapping mentions in ``text``, leftmost and then longest first; their
        offsets counted from ``offset`` (where ``text`` starts in a longer one).  A name
        broken by a soft hyphen, a zero-width space or a non-breaking hyphen is found too,
        its span taking in what broke it."""
        if not self._patterns:
            return []
        if has_breaks(text):  # a name broken by a soft hyphen, a zero-width space…
            return self._find_through_breaks(text, offset)
        return self._find(text, offset)

    def _find_through_breaks(self, text: str, offset: int) -> list[Mention]:
        kept = [i for i, c in enumerate(text) if c not in INVISIBLE]   # where each kept character was
        clean = "".join("-" if text[i] in HYPHENS else text[i] for i in kept)
        return [Mention(kept[m.start] + offset, kept[m.end - 1] + 1 + offset, m.note_id)
                for m in self._find(clean, 0)]

    def _find(self, text: str, offset: int) -> list[Mention]:
        found = []
        new = tuple.__new__  # a Mention without a Python-level constructor: one per mention
        for pattern, forms, folded in self._patterns:
            # A match that starts inside a word (what ``(?<!\w)`` would refuse) is skipped, and
            # the search goes on from the next character, not its end.
            search, pos = pattern.search, 0
            while (m := search(text, pos)) is not None:
                start, end = m.span()
                if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                    pos = start + 1
                    continue
                key = m.group().lower() if folded else m.group()
                found.append(new(Mention, (start + offset, end + offset, forms[key])))
                pos = end if end > start else start + 1
        if "\x02" in text and PLACEHOLDER_RE.search(text):
            masked = [(p.start() + offset, p.end() + offset) for p in PLACEHOLDER_RE.finditer(text)]
            found = [f for f in found if not any(s < f.end and f.start < e for s, e in masked)]
        if len(self._patterns) == 1:
            return found
        found.sort(key=lambda m: (m.start, m.start - m.end))
        chosen, last_end = [], -1
        for m in found:
            if m.start >= last_end:
                chosen.append(m)
                last_end = m.end
        return chosen
