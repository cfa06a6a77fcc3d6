"""An article's passages (its top-level paragraphs) and the words quoted from them.

A passage's anchor comes from its own opening words (``p-mercredi-le-siege-du-groupe``),
never from its position: inserting, removing or moving another paragraph leaves
it unchanged, so links readers have shared keep landing on the same words.

Quotes are found verbatim, after normalising only whitespace and the two
apostrophes (’ and '), and only as whole words.  ``[…]`` in a quote marks words
left out: the parts must stand in that order in one passage.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote as url_quote

ANCHOR_WORDS = 6
ELISION_RE = re.compile(r"\s*\[(?:…|\.\.\.)\]\s*")
_WORD_RE = re.compile(r"[a-z0-9]+")
_SPACE_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\w+")  # the words _whole_word sees


@dataclass(frozen=True)
class Passage:
    article: str        # article slug: "sonarem-vesna"
    id: str             # anchor: "p-mercredi-le-siege-du-groupe"
    number: int         # position in the article, 1-based (shown to readers as "§ 2", never linked by)
    text: str           # visible text, as rendered


def fold(text: str) -> str:
    """Lower case without accents: what anchors are made of."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def passage_id(text: str) -> str | None:
    """The anchor of a paragraph, from its first words; None when it has no words."""
    words = _WORD_RE.findall(fold(text))[:ANCHOR_WORDS]
    return "p-" + "-".join(words) if words else None


def normalize(text: str) -> str:
    """What a quote is compared on: single spaces, one apostrophe."""
    return _SPACE_RE.sub(" ", text.replace("'", "’")).strip()


def quote_parts(quote: str) -> list[str]:
    """The parts of a quote that must appear in order (``[…]`` separates them)."""
    return [p for p in (normalize(part) for part in ELISION_RE.split(quote)) if p]


class _Normalized:
    """A passage's text normalised, with the offset in the original of every character."""

    def __init__(self, text: str):
        chars, offsets, space = [], [], False
        for i, c in enumerate(text):
            if c.isspace():
                space = bool(chars)
                continue
            if space:
                chars.append(" ")
                offsets.append(i - 1)
                space = False
            chars.append("’" if c == "'" else c)
            offsets.append(i)
        self.text, self.offsets, self.original = "".join(chars), offsets, text

    def original_span(self, start: int, end: int) -> str:
        return self.original[self.offsets[start]:self.offsets[end - 1] + 1]


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (_word_char(text[start]) and _word_char(before)) and not (_word_char(text[end - 1]) and _word_char(after))


def _find_parts(norm: _Normalized, parts: list[str]) -> list[tuple[int, int]] | None:
    """Where each part stands, in order, as whole words; None when they do not."""
    spans, pos = [], 0
    for part in parts:
        at = norm.text.find(part, pos)
        while at >= 0 and not _whole_word(norm.text, at, at + len(part)):
            at = norm.text.find(part, at + 1)
        if at < 0:
            return None
        spans.append((at, at + len(part)))
        pos = at + len(part)
    return spans


@dataclass(frozen=True)
class Found:
    """A quote located in a passage: the passage and the article's own words for each part."""
    passage: Passage
    words: tuple[str, ...]

    def fragment(self) -> str:
        """URL fragment: the passage's anchor, then a text fragment that highlights the
        quoted words where browsers support it (the anchor alone still lands right)."""
        def enc(s: str) -> str:
            return url_quote(s, safe="").replace("-", "%2D")
        text = enc(self.words[0]) if len(self.words) == 1 else f"{enc(self.words[0])},{enc(self.words[-1])}"
        return f"{self.passage.id}:~:text={text}"


class PassageIndex:
    """Every passage of every article, ready to locate quotes."""

    def __init__(self, passages: list[Passage]):
        self.passages = passages
        self._normalized = [_Normalized(p.text) for p in passages]
        self.by_article: dict[str, list[int]] = {}
        for i, p in enumerate(passages):
            self.by_article.setdefault(p.article, []).append(i)
        self._by_word: dict[str, list[int]] | None = None  # built on the first search of all articles

    def articles(self) -> set[str]:
        return set(self.by_article)

    def find(self, quote: str, article: str | None = None) -> list[Found]:
        """Every passage (of ``article``, or of all articles) that holds the quote."""
        parts = quote_parts(quote)
        if not parts:
            return []
        found = []
        for i in self._candidates(article, parts):
            norm = self._normalized[i]
            if parts[0] not in norm.text:  # the cheap test first
                continue
            spans = _find_parts(norm, parts)
            if spans is not None:
                found.append(Found(self.passages[i], tuple(norm.original_span(s, e) for s, e in spans)))
        return found

    def closest(self, quote: str, article: str | None = None) -> tuple[Passage, str] | None:
        """The passage whose words come closest to the quote, and those words."""
        target = " ".join(quote_parts(quote))
        size = max(1, len(target.split()))
        best: tuple[float, int, str] | None = None
        for i in self._candidates(article):
            words = self._normalized[i].text.split(" ")
            # Windows a little shorter or longer than the quote: words added or dropped.
            for width in range(max(1, size - 3), size + 3):
                for start in range(max(1, len(words) - width + 1)):
                    window = " ".join(words[start:start + width])
                    score = difflib.SequenceMatcher(None, window, target, autojunk=False).ratio()
                    if best is None or score > best[0]:
                        best = (score, i, window)
        return (self.passages[best[1]], best[2]) if best else None

    def _candidates(self, article: str | None, parts: list[str] | None = None) -> list[int]:
        if article is not None:
            return self.by_article.get(article, [])
        if not parts:
            return list(range(len(self.passages)))
        # Every word of a quote found as whole words is a word of its passage: look up the longest.
        if self._by_word is None:
            self._by_word = {}
            for i, norm in enumerate(self._normalized):
                for word in set(_TOKEN_RE.findall(norm.text)):
                    self._by_word.setdefault(word, []).append(i)
        words = [w for part in parts for w in _TOKEN_RE.findall(part)]
        return self._by_word.get(max(words, key=len), []) if words else list(range(len(self.passages)))


QUOTE_RE = re.compile(r"«\s*([^«»]*?)\s*»")


def quoted(text: str) -> list[re.Match]:
    """The « … » quotes of a note's text; group 1 holds the quoted words."""
    return [m for m in QUOTE_RE.finditer(text) if m.group(1)]


def unbalanced_guillemet(text: str) -> bool:
    """True when a « or » is left open or closed alone (or quotes are nested)."""
    rest = QUOTE_RE.sub("", text)
    return "«" in rest or "»" in rest
