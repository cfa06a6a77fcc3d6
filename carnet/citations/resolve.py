"""Every citation of every note checked against the articles' words, and resolved to its passage.

A citation holds when exactly one passage of its article holds its quote.
Otherwise the build stops: a quote found nowhere is an article made to say
what it does not say; a quote found in two passages cannot be linked to one.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from ..datatypes import datatype
from ..model.note import Citation, Note
from ..model.problems import Problem
from .passages import Found, PassageIndex, normalize

FIX_MISSING = ("copy the words exactly as the article writes them (only spaces and the apostrophe "
               "' or ’ may differ; mark words left out with […]), or remove the statement.")
FIX_AMBIGUOUS = "quote more words, enough to tell the passages apart."


@datatype(frozen=True)
class CitationCheck:
    """One citation of one note and the passages that hold its quote (one when it holds)."""
    note: Note
    citation: Citation
    found: tuple[Found, ...]

    @property
    def status(self) -> str:
        return {0: "missing", 1: "resolved"}.get(len(self.found), "ambiguous")


class Citations:
    """The resolution of every citation; what pages link to."""

    def __init__(self, checks: list[CitationCheck], index: PassageIndex):
        self.checks, self.index = checks, index
        self._found = {c.citation: c.found[0] for c in checks if c.status == "resolved"}

    def get(self, citation: Citation) -> Found | None:
        return self._found.get(citation)

    def problems(self) -> list[Problem]:
        return [_problem(check, self.index) for check in self.checks if check.status != "resolved"]


def resolve_citations(notes: Iterable[Note], index: PassageIndex,
                      naming: Mapping[str, set[str]] | None = None, memo: dict | None = None) -> Citations:
    """Resolve every citation.  A « quote » in a note's text names no article: it is looked
    for first in the articles that name the note (``naming``: note id -> article slugs) or
    that the note cites, then, if none holds it, in every article.  ``memo``: the last
    build's findings, kept under `mkdocs serve` (``_Finder``)."""
    naming = naming or {}
    find = _Finder(index, memo)
    checks = []
    for note in notes:
        own = sorted(naming.get(note.id, set()) | {c.article for c in note.citations if c.article})
        for cite in note.citations:
            if cite.article is not None:
                if cite.article in index.by_article:  # an unknown article is reported before
                    checks.append(CitationCheck(note, cite, find(cite.quote, [cite.article])))
                continue
            found = find(cite.quote, own) if own else ()
            checks.append(CitationCheck(note, cite, found or tuple(index.find(cite.quote))))
    find.done()
    return Citations(checks, index)


class _Finder:
    """``index.find`` in named articles, or what it found in the build before when those
    articles' passages are the same: a rebuild under serve looks again only for the quotes of
    the notes and articles an edit changed.  A quote looked for in every article is looked
    for again (any article may have come to hold it)."""

    def __init__(self, index: PassageIndex, memo: dict | None):
        self.index, self.memo, self.kept = index, memo, {}

    def __call__(self, quote: str, articles: list[str]) -> tuple[Found, ...]:
        if self.memo is None:
            return tuple(self.index.find(quote, articles))
        key, passages = (quote, tuple(articles)), tuple(map(self.index.passages_of, articles))
        hit = self.memo.get(key)
        if hit is None or hit[0] != passages:   # the same passages: compared by identity first
            hit = (passages, tuple(self.index.find(quote, articles)))
        self.kept[key] = hit
        return hit[1]

    def done(self) -> None:
        if self.memo is not None:   # what this build looked for, and no more
            self.memo.clear()
            self.memo.update(self.kept)


def _where(article: str | None, index: PassageIndex) -> str:
    if article is None:
        return f"in no article (checked against the {len(index.passages)} paragraphs of every article)"
    return f"not in article '{article}' (checked against its {len(index.by_article[article])} paragraphs)"


def _problem(check: CitationCheck, index: PassageIndex) -> Problem:
    cite, note = check.citation, check.note
    head = f"the {cite.where} quotes « {cite.quote} », which is"
    if check.status == "missing":
        message = f"{head} {_where(cite.article, index)}."
        closest = index.closest(cite.quote, [cite.article] if cite.article else None)
        if closest is not None:
            passage, words = closest
            message += (f" Closest passage: § {passage.number} of '{passage.article}' (#{passage.id}): "
                        f"« {_excerpt(passage.text, words)} »; did you mean « {words} »?")
        return Problem(note.path, cite.line, cite.column, message, FIX_MISSING)
    places = ", ".join(f"§ {f.passage.number} of '{f.passage.article}' (#{f.passage.id})" for f in check.found)
    return Problem(note.path, cite.line, cite.column,
                   f"{head} in {len(check.found)} passages: {places}; a citation must point at one.",
                   FIX_AMBIGUOUS)


def _excerpt(text: str, around: str, margin: int = 60) -> str:
    """The passage's words around ``around``, cut with … where it goes on."""
    text = normalize(text)
    at = max(0, text.find(around))
    start, end = max(0, at - margin), min(len(text), at + len(around) + margin)
    start = text.rfind(" ", 0, start) + 1 if start else 0   # whole words only
    end = text.find(" ", end) if 0 <= text.find(" ", end) else len(text)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def duplicate_anchor_problems(index: PassageIndex, article_file: Callable[[str], str]) -> list[Problem]:
    """Two paragraphs of one article whose opening words give them the same anchor."""
    problems, seen = [], {}
    for passage in index.passages:
        key = (passage.article, passage.id)
        if key in seen:
            problems.append(Problem(
                article_file(passage.article), None, None,
                f"paragraphs § {seen[key].number} and § {passage.number} start with the same words, "
                f"so both would be anchored at #{passage.id}.",
                "reword the opening of one, or give it an anchor of its own: a last line "
                f"'{{ #{passage.id}-2 }}' under the paragraph (keep it once readers may have shared it)."))
        else:
            seen[key] = passage
    return problems
