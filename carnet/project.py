"""A project on disk -> its validated notes and articles, and every problem found (no engine)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .article_meta import Article, load_articles
from .catalog import Catalog, check_citations
from .notes_dir import load_notes
from .problems import Problem


@dataclass
class Project:
    catalog: Catalog
    articles: list[Article]
    problems: list[Problem] = field(default_factory=list)


def load_project(notes_dir: Path, docs_dir: Path, articles_dir: str, project_dir: Path) -> Project:
    """Notes and articles' metadata, validated; the citations' articles checked to exist (their
    words are checked once the articles are rendered: ``citations``)."""
    catalog, problems = load_notes(notes_dir, project_dir)
    articles, article_problems = load_articles(docs_dir / articles_dir, docs_dir, project_dir)
    problems += article_problems + check_citations(catalog, {a.slug for a in articles})
    return Project(catalog, articles, problems)
