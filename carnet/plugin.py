"""The thin MkDocs layer: wires the core into MkDocs' build events.

Order of work in a build:
  on_startup/on_config/on_shutdown  `mkdocs build` writes to a staging folder that
                replaces site/ only when the whole build succeeded (strict checks included)
  on_pre_build  load and validate notes, compile the matcher
  on_files      add one generated page per note and per kind, the A–Z index and the graph
  on_page_*     tell the mention linker which page it is rendering
  on_env        every page is rendered: check citations, fill the generated sections,
                set each page's head (JSON-LD, Open Graph)
  on_post_page  fill the sections kept out of search (quotes, graphs) into the final HTML
  on_post_build add alias fields to the search index
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import re
import shutil
import time
from collections import defaultdict
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from .backlinks import PageRef, in_article_html, mentioned_in_html
from .catalog import Catalog, check_citations
from .graph import dossier_graph, note_graph
from .head import article_jsonld, entity_jsonld, entity_node, head_html
from .linker import MentionExtension, PageScan
from .matcher import MentionMatcher
from .mentions import POLICIES, MentionSentence
from .note_html import NoteSections, article_path, body_html, index_list_html, kind_index_path, note_sentences
from .notes_dir import load_notes
from .pages import (A_TO_Z_PATH, GRAPH_PATH, GeneratedPage, a_to_z_letters, a_to_z_page, graph_page,
                    kind_index_page, note_page, rel, section_anchors, slot)
from .problems import Problem, format_problems
from .search_fields import add_alias_fields
from .vocabulary import KINDS

log = logging.getLogger("mkdocs.plugins.carnet")
WORDS_PER_MINUTE = 230


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
        self.note_pages: dict[str, object] = {}
        self.generated_meta: dict[str, dict[str, str]] = {}  # page -> title, description
        self.nav_pages: set[str] = set()
        self.late: dict[str, dict[str, str]] = {}  # page -> sections filled into the final HTML

    def _timed(self, phase: str, started: float) -> None:
        self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - started

    # -- publishing: a failed `mkdocs build` never touches the published site ---------------

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty
        self.publish_to: str | None = None
        self.failed = False

    def _stage(self, config) -> None:
        """Build into a sibling folder; on_shutdown swaps it in only if the build succeeded."""
        if getattr(self, "command", None) != "build" or self.dirty:
            return
        self.publish_to = config.site_dir.rstrip("/\\")
        config.site_dir = self.publish_to + ".carnet-staging"
        shutil.rmtree(config.site_dir, ignore_errors=True)

    def on_build_error(self, *, error):
        self.failed = True

    def on_shutdown(self):
        if not self.publish_to:
            return
        staging, site = self.publish_to + ".carnet-staging", self.publish_to
        if self.failed:
            shutil.rmtree(staging, ignore_errors=True)
            log.error(f"Carnet: the build failed; the site in {site} was left as it was.")
            return
        old = site + ".carnet-old"
        shutil.rmtree(old, ignore_errors=True)
        if os.path.exists(site):
            os.rename(site, old)
        os.rename(staging, site)
        shutil.rmtree(old, ignore_errors=True)

    # -- configuration and validation -------------------------------------------------

    def on_config(self, config):
        self._stage(config)
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        self.notes_dir = self.project_dir / self.config.notes_dir
        config.markdown_extensions.append(
            MentionExtension(lambda: self.matcher, lambda: self.scan, lambda: self.config.link_policy))
        toc = config.mdx_configs.get("toc", {})
        permalink = toc.get("permalink", False)
        # Note bodies are written as HTML; their headings get the permalinks Markdown's would.
        self.permalink = "&para;" if permalink is True else (html.escape(str(permalink)) if permalink else None)
        self.permalink_title = toc.get("permalink_title", "Permanent link")
        if str(self.notes_dir) not in config.watch and self.notes_dir.is_dir():
            config.watch.append(str(self.notes_dir))
        return config

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

    def _is_article(self, src_uri: str) -> bool:
        return src_uri.startswith(self.config.articles_dir + "/")

    def _stop_on(self, problems: list[Problem], strict: bool) -> None:
        for p in problems:
            if p.severity == "warning":
                log.warning(p.format())
        if any(p.severity == "error" or strict for p in problems):
            raise PluginError("Carnet: the notes cannot be published.\n" + format_problems(problems))

    # -- pages ----------------------------------------------------------------------------

    def on_files(self, files: Files, config):
        started = time.perf_counter()

        self.generated_meta = {}

        def add(path: str, page: GeneratedPage) -> None:
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"Carnet: docs/{path} is written by hand, but Carnet generates "
                                  f"that page. Fix: delete docs/{path}.")
            files.append(File.generated(config, path, content=page.markdown))
            self.generated_meta[path] = page.meta()

        for note in self.catalog:
            add(note.page_path, note_page(note))
        for kind in KINDS:
            add(kind_index_path(kind), kind_index_page(kind, self.catalog))
        add(A_TO_Z_PATH, a_to_z_page(self.catalog))
        add(GRAPH_PATH, graph_page(self.catalog))
        self.note_pages = {note.page_path: note for note in self.catalog}
        self.index_pages = {A_TO_Z_PATH, GRAPH_PATH, *(kind_index_path(kind) for kind in KINDS)}
        self._timed("generate", started)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        src = page.file.src_uri
        page.meta.update(self.generated_meta.get(src, {}))
        if src in self.index_pages:
            # Lists of every note: each item already links to its note; linking the
            # names inside every summary would only add noise (and cost, at scale).
            self.scan = None
            return markdown
        note = self.note_pages.get(src)
        notes = self.catalog.notes
        self.scan = PageScan(
            src_uri=src,
            href=lambda note_id: rel(src, notes[note_id].page_path),
            self_note=note.id if note else None,
            number_paragraphs=self._is_article(src),
        )
        self.scans[src] = self.scan
        return markdown

    def on_page_content(self, content, page, config, files):
        self.scan = None
        if self._is_article(page.file.src_uri):
            words = len(re.sub(r"<[^>]+>", " ", content).split())
            minutes = max(1, round(words / WORDS_PER_MINUTE))
            reading = f'<p class="carnet-reading-time">Temps de lecture : environ {minutes} min</p>'
            content = content.replace("</h1>", "</h1>" + reading, 1)
        return content

    def on_nav(self, nav, config, files):
        self.nav_pages = {page.file.src_uri for page in nav.pages}
        return nav

    def _nav_key(self, page) -> str | None:
        """Pages the navigation does not list share one rendering of it per folder
        (its links are relative to the folder); listed pages highlight themselves."""
        if page is None or page.file.src_uri in self.nav_pages:
            return None
        return posixpath.dirname(page.url.rstrip("/"))

    # -- once every page is rendered --------------------------------------------------------

    def on_env(self, env, config, files: Files):
        started = time.perf_counter()
        env.globals["carnet_nav_key"] = self._nav_key  # used by overrides/main.html
        env.globals["carnet_nav_cache"] = {}           # one per build
        self.timings["link"] = sum(scan.seconds for scan in self.scans.values())
        self._stop_on(self._citation_anchor_problems(), strict=False)
        pages = {f.src_uri: f.page for f in files.documentation_pages()}
        # MkDocs' own page URLs, as the search index names its entries.
        self.note_urls = {note.id: pages[note.page_path].url for note in self.catalog}
        self.late = {}
        self._fill_note_pages(pages)
        self._fill_index_pages(pages)
        self._set_heads(pages, config)
        self._timed("mentions", started)
        return env

    @staticmethod
    def _href_from(pages: dict, page):
        """docs path -> URL relative to ``page``."""
        return lambda path: get_relative_url(pages[path].url, page.url)

    def _fill_note_pages(self, pages: dict) -> None:
        by_note = self._sentences_by_note()
        for note in self.catalog:
            page = pages[note.page_path]
            href = self._href_from(pages, page)
            sections = NoteSections(note, self.catalog, self.matcher, href, self.config.articles_dir,
                                    self.config.link_policy)
            found = by_note.get(note.id, {})
            refs = []
            for src in sorted(found, key=lambda s: (not self._is_article(s), s)):
                other = pages[src]
                title = html.unescape(other.meta.get("title") or other.title or src)
                refs.append((src, PageRef(title, href(src)), found[src]))
            page.content = self._fill(page.content, {"lead": sections.lead()})
            # The body is filled into the final HTML (on_post_page), after Material's
            # search has read the page: relations, quotes, graphs and sources are not
            # searched (a name should find its own page, not every page that repeats
            # it), and writing them as HTML rather than Markdown headings and sections
            # spares MkDocs most of a note page's rendering, the largest cost at scale.
            contents = {
                "relations": sections.relations() + note_graph(
                    note, self.catalog, lambda nid: href(self.catalog.notes[nid].page_path)),
                "dans-larticle": in_article_html(note.id, [(r, s) for src, r, s in refs if self._is_article(src)]),
                # Index pages repeat every summary: they list entities rather than mention them.
                "mentionne-dans": mentioned_in_html(note.id, [(r, s) for src, r, s in refs
                                                              if src != note.page_path and src not in self.index_pages]),
                "sources": sections.sources(),
            }
            title = page.toc.items[0] if page.toc.items else None
            anchors = section_anchors({title.id} if title else set())
            self.late[note.page_path] = {"body": body_html(
                [(anchor, heading, contents[section]) for section, anchor, heading in anchors],
                self.permalink, self.permalink_title)}
            if title is not None:
                # The table of contents lists the body's headings, as if Markdown had written them.
                title.children = [AnchorLink(html.escape(heading), anchor, 2) for _, anchor, heading in anchors]

    def _fill_index_pages(self, pages: dict) -> None:
        graph = pages[GRAPH_PATH]
        to_graph = self._href_from(pages, graph)
        self.late[GRAPH_PATH] = {"dossier-graph": dossier_graph(
            self.catalog, lambda nid: to_graph(self.catalog.notes[nid].page_path))}
        for kind in KINDS:
            path = kind_index_path(kind)
            self.late[path] = {"list": index_list_html(self.catalog.by_kind(kind),
                                                       self._href_from(pages, pages[path]), False)}
        to_a_to_z = self._href_from(pages, pages[A_TO_Z_PATH])
        self.late[A_TO_Z_PATH] = {f"letter-{letter}": index_list_html(notes, to_a_to_z, True)
                                  for letter, notes in a_to_z_letters(self.catalog)}

    def on_post_page(self, output, page, config):
        late = self.late.pop(page.file.src_uri, None)
        return self._fill(output, late) if late else output

    @staticmethod
    def _fill(content: str, sections: dict[str, str]) -> str:
        for name, section in sections.items():
            content = content.replace(slot(name), section)
        return content

    def _sentences_by_note(self) -> dict[str, dict[str, list[MentionSentence]]]:
        """note id -> page -> sentences naming it, from rendered pages and notes' own texts."""
        by_note: dict[str, dict[str, list[MentionSentence]]] = defaultdict(lambda: defaultdict(list))
        sentences = [s for scan in self.scans.values() for s in scan.sentences]
        sentences += [s for note in self.catalog for s in note_sentences(note, self.matcher)]
        for sentence in sentences:
            for note_id in sentence.note_ids():
                by_note[note_id][sentence.page].append(sentence)
        return by_note

    def _set_heads(self, pages: dict, config) -> None:
        base = config.site_url or ""
        nodes = {note.id: entity_node(note, base + pages[note.page_path].url) for note in self.catalog}
        for src, page in pages.items():
            url = base + page.url
            title = page.meta.get("title") or page.title or ""
            description = page.meta.get("description") or config.site_description or ""
            note = self.note_pages.get(src)
            jsonld, og_type = None, "website"
            if note is not None:
                jsonld = entity_jsonld(note, url)
            elif self._is_article(src):
                scan = self.scans.get(src)
                mentioned = sorted({n for s in scan.sentences for n in s.note_ids()}) if scan else []
                about = sorted({m.note_id for m in self.matcher.find(html.unescape(title))})
                jsonld = article_jsonld(html.unescape(title), html.unescape(description), url,
                                        [nodes[n] for n in about], [nodes[n] for n in mentioned])
                og_type = "article"
            page.meta["carnet_head"] = head_html(title, description, url, og_type, jsonld)

    def _citation_anchor_problems(self) -> list[Problem]:
        problems = []
        for note in self.catalog:
            for cite in [f.cite for f in note.facts] + [r.cite for r in note.relations]:
                if cite is None:
                    continue
                scan = self.scans.get(article_path(self.config.articles_dir, cite.article))
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
        urls = {self.note_urls[note.id]: list(note.aliases) for note in self.catalog if note.aliases}
        index.write_text(add_alias_fields(index.read_text(encoding="utf-8"), urls), encoding="utf-8")
        self._timed("index", started)
