"""Every citation of the notes checked against the articles' paragraphs, in one call for the
build (paragraphs as rendered) and for ``carnet check`` (paragraphs read from the Markdown).

The problems: two paragraphs of an article with one anchor, a quote no paragraph holds or
two hold, and an anchor the site has published that no paragraph holds now.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..addresses.record import Addresses, passage_anchor_problems
from ..model.note import Note
from ..model.problems import Problem
from .passages import PassageIndex
from .resolve import Citations, duplicate_anchor_problems, resolve_citations


def check_citations(notes: Iterable[Note], index: PassageIndex, naming: dict[str, set[str]],
                    article_file: Callable[[str], str], addresses: Addresses | None,
                    articles_dir: str, memo: dict | None = None) -> tuple[Citations, list[Problem]]:
    """``naming``: note id -> the articles that name it; ``article_file(slug)``: the file to
    name in a problem about an article's paragraphs; ``memo``: see resolve_citations."""
    citations = resolve_citations(notes, index, naming, memo)
    published = (passage_anchor_problems(addresses.record, addresses.resolve, index.passages, articles_dir)
                 if addresses else [])
    return citations, duplicate_anchor_problems(index, article_file) + citations.problems() + published
