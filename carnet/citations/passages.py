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
from functools import lru_cache
from typing import Collection
from urllib.parse import quote as url_quote

from ..datatypes import datatype

ANCHOR_WORDS = 6
ELISION_RE = re.compile(r"\s*\[(?:…|\.\.\.)\]\s*")
_WORD_RE = re.compile(r"[a-z0-9]+")
_NON_WORD_RE = re.compile(r"[\W_]+")
_TOKEN_RE = re.compile(r"\w+")  # words, as the whole-word checks of _part_pattern see them


@datatype(frozen=True)
class Passage:
    article: str        # article slug: "sonarem-vesna"
    id: str             # anchor: "p-mercredi-le-siege-du-groupe"
    number: int         # position in the article, 1-based (shown to readers as "§ 2", never linked by)
    text: str           # visible text, as rendered


def anchor_words(text: str) -> str:
    """Lower-case ASCII, accents dropped and ligatures spelt out: what anchors are made of.
    Not the site's ``text.fold``: anchors are published addresses, and this rule made them
    (``casefold``, letters without an ASCII form dropped), so it stays as it is."""
    text = _NON_WORD_RE.sub(" ", text.casefold().replace("œ", "oe").replace("æ", "ae"))  # l’été: two words
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def passage_id(text: str) -> str | None:
    """The anchor of a paragraph, from its first words; None when it has no words."""
    window = 120  # fold only the opening: a paragraph may be long, its anchor never is
    while True:
        words = _WORD_RE.findall(anchor_words(text[:window]))
        if window >= len(text) or len(words) > ANCHOR_WORDS:  # the last word may be cut: not used
            break
        window *= 2
    words = words[:ANCHOR_WORDS]
    return "p-" + "-".join(words) if words else None


def normalize(text: str) -> str:
    """What a quote is compared on: single spaces, one apostrophe."""
    return " ".join(text.replace("'", "’").split())  # str.split: the whitespace \s matches


def quote_parts(quote: str) -> list[str]:
    """The parts of a quote that must appear in order (``[…]`` separates them)."""
    return [p for p in (normalize(part) for part in ELISION_RE.split(quote)) if p]


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


def _part_pattern(part: str) -> str:
    """A normalised part as a pattern over the original text: any run of spaces for a
    space, either apostrophe for one, and whole words at both ends."""
    body = "".join(r"\s+" if c == " " else "['’]" if c == "’" else re.escape(c) for c in part)
    if _word_char(part[0]):
        body = r"(?<!\w)" + body
    if _word_char(part[-1]):
        body += r"(?!\w)"
    return f"({body})"


def _exact(text: str, parts: list[str]) -> list[str] | None:
    """The parts, when the text holds them as written, in order, as whole words."""
    pos = 0
    for part in parts:
        at = text.find(part, pos)
        while at >= 0 and not _whole_word(text, at, at + len(part)):
            at = text.find(part, at + 1)
        if at < 0:
            return None
        pos = at + len(part)
    return parts


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (_word_char(text[start]) and _word_char(before)) and not (_word_char(text[end - 1]) and _word_char(after))


@datatype(frozen=True)
class Found:
    """A quote located in a passage: the passage and the article's own words for each part."""
    passage: Passage
    words: tuple[str, ...]

    def fragment(self) -> str:
        """URL fragment: the passage's anchor, then a text fragment that highlights the
        quoted words where browsers support it (the anchor alone still lands right)."""
        return _fragment(self.passage.id, self.words[0], self.words[-1] if len(self.words) > 1 else None)


@lru_cache(maxsize=4096)   # one citation is linked from every fiche showing it: encoded once
def _fragment(anchor: str, first: str, last: str | None) -> str:
    def enc(s: str) -> str:
        return url_quote(s, safe="").replace("-", "%2D")
    text = enc(first) if last is None else f"{enc(first)},{enc(last)}"
    return f"{anchor}:~:text={text}"


class PassageIndex:
    """Every passage of every article, ready to locate quotes.

    A quote becomes one regular expression over the passages' own text (nothing is
    normalised ahead of time), tried only on passages that hold its longest word.
    """

    def __init__(self, passages: list[Passage]):
        self.passages = passages
        self.by_article: dict[str, list[int]] = {}
        for i, p in enumerate(passages):
            self.by_article.setdefault(p.article, []).append(i)
        self._by_word: dict[str, list[int]] | None = None  # built on the first search of all articles
        self._norm: dict[int, str] = {}                     # normalised texts, made when first needed
        self._article_norm: dict[str, str] = {}             # an article's, its passages apart
        self._of: dict[str, tuple[Passage, ...]] = {}

    def passages_of(self, article: str) -> tuple[Passage, ...]:
        """The article's passages, in order."""
        found = self._of.get(article)
        if found is None:
            found = self._of[article] = tuple(self.passages[i] for i in self.by_article.get(article, ()))
        return found

    def find(self, quote: str, articles: Collection[str] | None = None) -> list[Found]:
        """Every passage (of ``articles``, or of all articles) that holds the quote."""
        parts = quote_parts(quote)
        if not parts:
            return []
        word = max((w for part in parts for w in _TOKEN_RE.findall(part)), key=len, default="")
        if articles is not None:
            # A passage that holds the quote holds its first part: one look per article
            # rather than one per passage.
            articles = [a for a in articles if parts[0] in self._article_normalized(a)]
        found = []
        for i in self._candidates(articles, word):
            text = self.passages[i].text
            if word not in text or _exact(self._normalized(i), parts) is None:
                continue
            # The article's own characters: as typed, or else as the article spaces them.
            words = _exact(text, parts)
            if words is None:
                words = re.search(r".*?".join(map(_part_pattern, parts)), text, re.S).groups()
            found.append(Found(self.passages[i], tuple(words)))
        return found

    def _article_normalized(self, article: str) -> str:
        text = self._article_norm.get(article)
        if text is None:
            # Passages apart (NUL): a part found here is found in one of them, or spans two,
            # which the look per passage then rules out.
            text = self._article_norm[article] = "\0".join(map(self._normalized, self.by_article.get(article, [])))
        return text

    def _normalized(self, i: int) -> str:
        text = self._norm.get(i)
        if text is None:
            text = self._norm[i] = normalize(self.passages[i].text)
        return text

    def closest(self, quote: str, articles: Collection[str] | None = None) -> tuple[Passage, str] | None:
        """The passage whose words come closest to the quote, and those words."""
        target = " ".join(quote_parts(quote))
        size = max(1, len(target.split()))
        best: tuple[float, int, str] | None = None
        for i in self._candidates(articles):
            words = self._normalized(i).split(" ")
            # Windows a little shorter or longer than the quote: words added or dropped.
            for width in range(max(1, size - 3), size + 3):
                for start in range(max(1, len(words) - width + 1)):
                    window = " ".join(words[start:start + width])
                    score = difflib.SequenceMatcher(None, window, target, autojunk=False).ratio()
                    if best is None or score > best[0]:
                        best = (score, i, window)
        return (self.passages[best[1]], best[2]) if best else None

    def _candidates(self, articles: Collection[str] | None, word: str = "") -> list[int]:
        if articles is not None:
            return [i for article in sorted(articles) for i in self.by_article.get(article, [])]
        if not word:
            return list(range(len(self.passages)))
        # Every word of a quote found as whole words is a word of its passage.
        if self._by_word is None:
            self._by_word = {}
            for i, passage in enumerate(self.passages):
                for token in set(_TOKEN_RE.findall(passage.text)):
                    self._by_word.setdefault(token, []).append(i)
        return self._by_word.get(word, [])

QUOTE_RE = re.compile(r"«\s*([^«»]*?)\s*»")


def quotes_in(text: str) -> list[re.Match]:
    """The « … » quotes of a note's text; group 1 holds the quoted words."""
    return [m for m in QUOTE_RE.finditer(text) if m.group(1)]


def unbalanced_guillemet(text: str) -> bool:
    """True when a « or » is left open or closed alone (or quotes are nested)."""
    rest = QUOTE_RE.sub("", text)
    return "«" in rest or "»" in rest
