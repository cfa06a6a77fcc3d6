"""Editors' coverage report: names that look like entities without a note, notes never mentioned."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..load.article_meta import without_front_matter
from ..markdown.matcher import MentionMatcher
from ..text.common_words import COMMON_FRENCH_WORDS
from ..text.sentences import sentence_spans

_CODE_RE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
# Admonitions (boxes such as "what the source does not tell") are ours, not the article's.
_ADMONITION_RE = re.compile(r"^(?:!!!|\?\?\?).*\n(?:[ \t]*\n|(?: {4}|\t).*\n)*", re.M)
_EMPHASIS_RE = re.compile(r"[*_]{1,3}")
_MARKUP_RE = re.compile(r"^\s{0,3}(?:#+|!!!.*|[-*+]|\d+\.)\s*|\{[^}\n]*\}|\]\([^)]*\)|<[^>]+>", re.M)
# A capitalised word (or run of them), or an acronym, standing as a whole word.
_PROPER_RE = re.compile(r"(?<![\w’'])[A-ZÀ-ÖØ-Þ][\w-]*(?:[ \u00a0][A-ZÀ-ÖØ-Þ][\w-]*)*")


def plain_text(markdown: str) -> str:
    """Rough prose of a Markdown page, enough to look for names in it."""
    text = without_front_matter(markdown)
    text = _CODE_RE.sub(" ", text)
    text = _ADMONITION_RE.sub("", text)
    return _EMPHASIS_RE.sub("", _MARKUP_RE.sub(" ", text))


def mentioned_notes(texts: Iterable[str], matcher: MentionMatcher) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(m.note_id for m in matcher.find(text))
    return counts


def candidate_names(texts: Iterable[str], matcher: MentionMatcher) -> Counter:
    """Proper-noun-like words that no note names; sentence-initial words are ignored."""
    found: Counter = Counter()
    for text in texts:
        for paragraph in re.split(r"\n\s*\n", text):
            covered = [(m.start, m.end) for m in matcher.find(paragraph)]
            starts = {s for s, _ in sentence_spans(paragraph)}
            for m in _PROPER_RE.finditer(paragraph):
                if m.start() in starts or any(s < m.end() and m.start() < e for s, e in covered):
                    continue
                name = m.group().strip()
                if len(name) > 1 and name.casefold() not in COMMON_FRENCH_WORDS:
                    found[name] += 1
    return found
