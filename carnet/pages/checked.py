"""The check stage: every citation resolved against the rendered articles.

Reads the rendered articles' passages and the sentences naming entities; returns the
citations (each quote's paragraph), who says what (``Attribution``), and the problems,
which stop the build: a quote no paragraph holds or two hold, two paragraphs with one
anchor, a published anchor dropped.
"""

from __future__ import annotations

from collections import defaultdict

from ..citations.check import check_citations
from ..citations.passages import PassageIndex
from ..datatypes import datatype
from ..model.paths import article_path
from ..model.problems import Problem
from .note_html import Attribution
from .site import Rendered, Site


@datatype(frozen=True)
class Checked:
    attribution: Attribution   # who says what: the citations resolved, the articles' titles
    problems: list[Problem]


def check_rendered(site: Site, pages: Rendered, memo: dict | None = None) -> Checked:
    """Resolve every citation against the rendered articles; the problems stop the build.
    ``memo``: the last build's findings, under serve (carnet.citations.resolve)."""
    index = PassageIndex([p for page in pages.values() for p in page.passages])
    naming: dict[str, set[str]] = defaultdict(set)   # note id -> articles that name it
    for page in pages.values():
        if page.passages:
            for note_id in page.named:
                naming[note_id].add(page.passages[0].article)
    settings = site.settings
    article_file = lambda slug: f"{settings.docs_dir}/{article_path(settings.articles_dir, slug)}"  # noqa: E731
    citations, problems = check_citations(site.catalog, index, naming, article_file, site.addresses,
                                          settings.articles_dir, memo)
    attribution = Attribution(citations, {
        a.slug: pages[src].title or a.slug for src, a in site.articles.items() if src in pages})
    return Checked(attribution, problems)
