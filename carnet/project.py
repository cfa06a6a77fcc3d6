"""A project on disk -> its validated notes and articles, and every problem found (no engine)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .article_meta import Article, load_articles
from .article_passages import article_passages
from .catalog import Catalog, check_citations
from .citations import Citations, anchor_problems, resolve_citations
from .matcher import MentionMatcher
from .model import Note
from .notes_dir import load_notes, project_path
from .passages import PassageIndex
from .problems import Problem, stopping_message
from .source_text import decode


@dataclass
class Project:
    catalog: Catalog
    articles: list[Article]
    problems: list[Problem] = field(default_factory=list)

    @property
    def checked_notes(self) -> list[Note]:
        """Every note whose citations are checked: the valid ones, and the rejected ones as
        far as they could be read (an editor learns of every wrong quote in one round)."""
        return [*self.catalog, *(n for n in self.catalog.rejected.values() if n is not None)]


def load_project(notes_dir: Path, docs_dir: Path, articles_dir: str, project_dir: Path) -> Project:
    """Notes and articles' metadata, validated; the citations' articles checked to exist (their
    words are checked once the articles are rendered: ``citations``, or ``check_quotes``)."""
    catalog, problems = load_notes(notes_dir, project_dir)
    articles, article_problems = load_articles(docs_dir / articles_dir, docs_dir, project_dir)
    read = {a.src for a in articles}
    for page in sorted(docs_dir.rglob("*.md")):   # the other pages: the engine reads them, UTF-8 only
        src = page.relative_to(docs_dir).as_posix()
        if src not in read and isinstance(found := decode(page.read_bytes(), project_path(page, project_dir),
                                                          "the page"), Problem):
            article_problems.append(found)
    project = Project(catalog, articles)
    project.problems = problems + article_problems + check_citations(project.checked_notes,
                                                                      {a.slug for a in articles})
    return project


def check_quotes(project: Project, docs_dir: Path, articles_dir: str, project_dir: Path,
                 extensions: list, configs: dict) -> tuple[Citations, list[Problem]]:
    """Every citation checked against the articles' words, read from their Markdown without a
    build (``carnet check``, and the build when it stops before rendering any page)."""
    index = PassageIndex([p for a in project.articles
                          for p in article_passages(docs_dir / a.src, extensions, configs)])
    matcher = MentionMatcher(project.catalog)
    naming: dict[str, set[str]] = {}   # note id -> articles that name it
    for passage in index.passages:
        for mention in matcher.find(passage.text):
            naming.setdefault(mention.note_id, set()).add(passage.article)
    citations = resolve_citations(project.checked_notes, index, naming)
    article_file = lambda slug: project_path(docs_dir / articles_dir / f"{slug}.md", project_dir)  # noqa: E731
    return citations, anchor_problems(index, article_file) + citations.problems()


def load_for_build(notes_dir: Path, docs_dir: Path, articles_dir: str, project_dir: Path,
                   extensions: list, configs: dict, strict: bool) -> Project:
    """``load_project`` for a build: when its problems stop the build before any page renders,
    the quotes are checked too, from the articles' Markdown, so that the editor learns of every
    problem in one round (otherwise the build checks them on the rendered pages)."""
    project = load_project(notes_dir, docs_dir, articles_dir, project_dir)
    if stopping_message(project.problems, strict):
        project.problems += check_quotes(project, docs_dir, articles_dir, project_dir, extensions, configs)[1]
    return project
