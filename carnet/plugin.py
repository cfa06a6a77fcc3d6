"""The thin MkDocs layer: wires the core into MkDocs' build events.

Order of work in a build:
  on_pre_build  load and validate notes (before MkDocs cleans site/), compile the matcher
  on_files      add one generated page per note, per kind, and the A–Z index
  on_page_*     tell the mention linker which page it is rendering
  on_env        every page is rendered: check citations, fill mention sections
  on_post_build add alias fields to the search index
"""

from __future__ import annotations

import html
import logging
import time
from collections import defaultdict
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .backlinks import PageRef, in_article_html, mentioned_in_html
from .catalog import Catalog, check_citations
from .linker import POLICIES, MentionExtension, MentionSentence, PageScan
from .matcher import MentionMatcher
from .notes_dir import load_notes
from .pages import (A_TO_Z_PATH, IN_ARTICLE_SLOT, MENTIONED_IN_SLOT, a_to_z_page, kind_index_page,
                    kind_index_path, note_page, rel)
from .problems import Problem, format_problems
from .search_fields import add_alias_fields
from .vocabulary import KINDS

log = logging.getLogger("mkdocs.plugins.carnet")


class CarnetConfig(Config):
    notes_dir = c.Type(str, default="notes")
    articles_dir = c.Type(str, default="articles")
    link_policy = c.Choice(POLICIES, default="first")
    search_aliases = c.Type(bool, default=True)


class CarnetPlugin(BasePlugin[CarnetConfig]):
    def __init__(self):
        self.timings: dict[str, float] = {}  # seconds per phase of the last build (benchmark)
        self.catalog = Catalog([])
        self.matcher: MentionMatcher | None = None
        self.scan: PageScan | None = None
        self.scans: dict[str, PageScan] = {}

    # -- configuration and validation -------------------------------------------------

    def on_config(self, config):
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        self.notes_dir = self.project_dir / self.config.notes_dir
        config.markdown_extensions.append(
            MentionExtension(lambda: self.matcher, lambda: self.scan, lambda: self.config.link_policy))
        if str(self.notes_dir) not in config.watch and self.notes_dir.is_dir():
            config.watch.append(str(self.notes_dir))
        return config

    def _timed(self, phase: str, started: float) -> None:
        self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - started

    def on_pre_build(self, config):
        started = time.perf_counter()
        self.timings = {}
        catalog, problems = load_notes(self.notes_dir, self.project_dir)
        problems += check_citations(catalog, set(self._article_slugs(config)))
        self._stop_on(problems, strict=config.strict)
        self.catalog = catalog
        self.matcher = MentionMatcher(catalog)
        self.scans = {}
        self._timed("load", started)

    def _article_slugs(self, config) -> list[str]:
        folder = Path(config.docs_dir) / self.config.articles_dir
        return sorted(p.stem for p in folder.glob("*.md")) if folder.is_dir() else []

    def _article_path(self, slug: str) -> str:
        return f"{self.config.articles_dir}/{slug}.md"

    def _stop_on(self, problems: list[Problem], strict: bool) -> None:
        for p in problems:
            if p.severity == "warning":
                log.warning(p.format())
        if any(p.severity == "error" or strict for p in problems):
            # Raised before MkDocs cleans site/: the published site stays as it was.
            raise PluginError("Carnet: the notes cannot be published.\n" + format_problems(problems))

    # -- pages ----------------------------------------------------------------------------

    def on_files(self, files: Files, config):
        started = time.perf_counter()

        def add(path: str, content: str) -> None:
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"Carnet: docs/{path} is written by hand, but Carnet generates "
                                  "that page. Fix: delete docs/" + path + ".")
            files.append(File.generated(config, path, content=content))

        for note in self.catalog:
            add(note.page_path, note_page(note, self.catalog, self._article_path))
        for kind in KINDS:
            add(kind_index_path(kind), kind_index_page(kind, self.catalog))
        add(A_TO_Z_PATH, a_to_z_page(self.catalog))
        self.index_pages = {A_TO_Z_PATH, *(kind_index_path(kind) for kind in KINDS)}
        self.note_pages = {note.page_path: note for note in self.catalog}
        self._timed("generate", started)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        src = page.file.src_uri
        note = self.note_pages.get(src)
        notes = self.catalog.notes
        self.scan = PageScan(
            src_uri=src,
            href=lambda note_id: rel(src, notes[note_id].page_path),
            self_note=note.id if note else None,
            number_paragraphs=src.startswith(self.config.articles_dir + "/"),
        )
        self.scans[src] = self.scan
        return markdown

    def on_page_content(self, html, page, config, files):
        self.scan = None
        return html

    def on_env(self, env, config, files: Files):
        started = time.perf_counter()
        self.timings["link"] = sum(scan.seconds for scan in self.scans.values())
        self._stop_on(self._citation_anchor_problems(), strict=False)
        by_note: dict[str, dict[str, list[MentionSentence]]] = defaultdict(lambda: defaultdict(list))
        for src, scan in self.scans.items():
            for sentence in scan.sentences:
                for note_id in sentence.note_ids():
                    by_note[note_id][src].append(sentence)
        articles_prefix = self.config.articles_dir + "/"
        for note in self.catalog:
            page = files.get_file_from_path(note.page_path).page
            found = by_note.get(note.id, {})
            refs = []
            for src in sorted(found, key=lambda s: (not s.startswith(articles_prefix), s)):
                other = files.get_file_from_path(src).page
                title = html.unescape(other.meta.get("title") or other.title or src)
                refs.append((src, PageRef(title, get_relative_url(other.url, page.url)), found[src]))
            in_articles = [(ref, s) for src, ref, s in refs if src.startswith(articles_prefix)]
            # Index pages repeat every summary: they list entities rather than mention them.
            elsewhere = [(ref, s) for src, ref, s in refs
                         if src != note.page_path and src not in self.index_pages]
            page.content = (page.content
                            .replace(IN_ARTICLE_SLOT, in_article_html(note.id, in_articles))
                            .replace(MENTIONED_IN_SLOT, mentioned_in_html(note.id, elsewhere)))
        self._timed("mentions", started)
        return env

    def _citation_anchor_problems(self) -> list[Problem]:
        problems = []
        for note in self.catalog:
            for cite in [f.cite for f in note.facts] + [r.cite for r in note.relations]:
                if cite is None:
                    continue
                scan = self.scans.get(self._article_path(cite.article))
                if scan is not None and cite.anchor not in scan.paragraph_ids:
                    problems.append(Problem(note.path, None, None,
                                            f"citation '{cite}': the article has no paragraph "
                                            f"'{cite.anchor}' (it has {len(scan.paragraph_ids)}).",
                                            "cite an existing paragraph, p1 to "
                                            f"p{len(scan.paragraph_ids)}."))
        return problems

    # -- search ---------------------------------------------------------------------------

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, config):
        index = Path(config.site_dir) / "search" / "search_index.json"
        if not (self.config.search_aliases and index.is_file()):
            return
        started = time.perf_counter()
        urls = {}
        for note in self.catalog:
            if note.aliases:
                urls[_page_url(note.page_path, config.use_directory_urls)] = list(note.aliases)
        index.write_text(add_alias_fields(index.read_text(encoding="utf-8"), urls), encoding="utf-8")
        self._timed("index", started)


def _page_url(path: str, directory_urls: bool) -> str:
    stem = path[:-3]
    if not directory_urls:
        return stem + ".html"
    return stem[:-5] if stem.endswith("index") else stem + "/"
