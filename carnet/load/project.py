"""A project on disk -> its validated notes and articles, and every problem found (no engine)."""

from __future__ import annotations

import datetime as dt
from dataclasses import field, replace
from pathlib import Path

from ..addresses.record import (RECORD_FILE, Addresses, Record, address_of, load_record, page_problems,
                                redirects_from)
from ..citations.check import check_citations
from ..citations.passages import PassageIndex
from ..citations.resolve import Citations
from ..datatypes import datatype
from ..markdown.matcher import MentionMatcher
from ..model.catalog import Catalog, cited_articles_exist
from ..model.note import Note
from ..model.paths import A_TO_Z_PATH, GRAPH_PATH, articles_index_path, kind_index_path
from ..model.problems import Problem, stopping_message
from ..model.vocabulary import KINDS
from ..text.source_text import decode
from .article_meta import Article, load_articles
from .article_passages import all_passages
from .notes_dir import load_notes, project_path


@datatype
class Project:
    catalog: Catalog
    articles: list[Article]
    problems: list[Problem] = field(default_factory=list)
    addresses: Addresses | None = None

    @property
    def checked_notes(self) -> list[Note]:
        """Every note whose citations are checked: the valid ones, and the rejected ones as
        far as they could be read (an editor learns of every wrong quote in one round)."""
        return [*self.catalog, *(n for n in self.catalog.rejected.values() if n is not None)]


def load_project(notes_dir: Path, docs_dir: Path, articles_dir: str, project_dir: Path,
                 memo: dict | None = None) -> Project:
    """Notes and articles' metadata, validated; the citations' articles checked to exist (their
    words are checked once the articles are rendered: ``citations``, or ``check_quotes``)."""
    catalog, problems = load_notes(notes_dir, project_dir, memo)
    articles, article_problems = load_articles(docs_dir / articles_dir, docs_dir, project_dir, memo)
    read, written = {a.src for a in articles}, []
    for page in sorted(docs_dir.rglob("*.md")):   # the other pages: the engine reads them, UTF-8 only
        src = page.relative_to(docs_dir).as_posix()
        if src not in read:
            written.append((src, project_path(page, project_dir)))
            if isinstance(found := decode(page.read_bytes(), written[-1][1], "the page"), Problem):
                article_problems.append(found)
    project = Project(catalog, articles)
    project.addresses, address_problems = site_addresses(catalog, articles, written, articles_dir, project_dir)
    record = project.addresses.record
    published = set(record.pages)   # asked once per article
    project.articles = [with_day_added(a, record, published, articles_dir) for a in articles]
    project.problems = problems + article_problems + cited_articles_exist(project.checked_notes,
                                                                      {a.slug for a in articles}) + address_problems
    return project


def former_addresses(article: Article, articles_dir: str) -> list[str]:
    """The addresses the article was published under before (``former_slugs``)."""
    return [f"{articles_dir}/{old}/" for old in article.meta.former_slugs]


def recorded_day(article: Article, record: Record, articles_dir: str) -> str | None:
    """The day the record holds for the article: under its address, else under one it had
    before (renamed, it came to the site the day it first did)."""
    for page in (address_of(article.src), *former_addresses(article, articles_dir)):
        if page in record.added:
            return record.added[page]
    return None


def with_day_added(article: Article, record: Record, published: set[str], articles_dir: str) -> Article:
    """The article with the day it came to the site: its front matter's ``added``, else the
    day the record holds (written by the build that first published it); and whether the
    site has published it (``published``: the record's pages; this address or a former one)."""
    on_site = any(page in published for page in (address_of(article.src), *former_addresses(article, articles_dir)))
    recorded = recorded_day(article, record, articles_dir)
    added = article.meta.added or (dt.date.fromisoformat(recorded) if recorded else None)
    return replace(article, meta=replace(article.meta, added=added, on_site=on_site))


def unrecorded_days(articles: list[Article], record: Record, articles_dir: str,
                    today: dt.date) -> tuple[list[Article], dict[str, dt.date]]:
    """A build that publishes: the articles, each new to the site dated ``today``, and the days
    for the record to add, by page (``with_added``): today for those; for one renamed since, the
    day recorded under a former address.  An article published before the record kept days
    stays undated: today would be a false date (its pages say the day is unknown)."""
    out, days = [], {}
    for article in articles:
        page = address_of(article.src)
        if article.meta.added is None and not article.meta.on_site:
            article = replace(article, meta=replace(article.meta, added=today))
            days[page] = today
        elif page not in record.added and (recorded := recorded_day(article, record, articles_dir)):
            days[page] = dt.date.fromisoformat(recorded)
        out.append(article)
    return out, days


def site_addresses(catalog: Catalog, articles: list[Article], written: list[tuple[str, str]], articles_dir: str,
                   project_dir: Path) -> tuple[Addresses, list[Problem]]:
    """The addresses the build will publish, checked against the record of those published:
    none dropped without a redirect; redirects where notes and articles declare them."""
    record, problems = load_record(project_dir / RECORD_FILE, RECORD_FILE)
    live = {address_of(src): path for src, path in written}
    live |= {address_of(path): "Carnet" for path in (A_TO_Z_PATH, GRAPH_PATH, articles_index_path(articles_dir),
                                                      *(kind_index_path(kind) for kind in KINDS))}
    live |= {address_of(a.src): a.path for a in articles}
    live |= {address_of(n.page_path): n.path for n in catalog}
    # A note refused for a mistake of its own is still there: its address is not "dropped"
    # (one mistake, one error; the build stops on the note's own problem).
    live |= {address_of(f"{note_id}.md"): (n.path if n else f"notes/{note_id}.yml")
             for note_id, n in catalog.rejected.items() if address_of(f"{note_id}.md") not in live}
    declared = [(f"{former}/", address_of(n.page_path), n.path) for n in catalog for former in n.former_ids]
    declared += [(old, address_of(a.src), a.path) for a in articles for old in former_addresses(a, articles_dir)]
    redirects, redirect_problems = redirects_from(declared, live)
    unpublished = sorted(set(live) - set(record.pages))
    problems += redirect_problems + page_problems(record, set(live), redirects, unpublished)
    return Addresses(record, live, redirects), problems


def check_quotes(project: Project, docs_dir: Path, articles_dir: str, project_dir: Path,
                 extensions: list, configs: dict) -> tuple[Citations, list[Problem]]:
    """Every citation checked against the articles' words, read from their Markdown without a
    build (``carnet check``, and the build when it stops before rendering any page)."""
    index = PassageIndex(all_passages(project.articles, docs_dir, extensions, configs))
    matcher = MentionMatcher(project.catalog)
    naming: dict[str, set[str]] = {}   # note id -> articles that name it
    for passage in index.passages:
        for mention in matcher.find(passage.text):
            naming.setdefault(mention.note_id, set()).add(passage.article)
    article_file = lambda slug: project_path(docs_dir / articles_dir / f"{slug}.md", project_dir)  # noqa: E731
    return check_citations(project.checked_notes, index, naming, article_file, project.addresses, articles_dir)


def load_for_build(notes_dir: Path, docs_dir: Path, articles_dir: str, project_dir: Path,
                   extensions: list, configs: dict, strict: bool, memo: dict | None = None) -> Project:
    """``load_project`` for a build: when its problems stop the build before any page renders,
    the quotes are checked too, from the articles' Markdown, so that the editor learns of every
    problem in one round (otherwise the build checks them on the rendered pages)."""
    project = load_project(notes_dir, docs_dir, articles_dir, project_dir, memo)
    if stopping_message(project.problems, strict):
        project.problems += check_quotes(project, docs_dir, articles_dir, project_dir, extensions, configs)[1]
    return project
