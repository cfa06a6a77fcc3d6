"""The thin MkDocs layer: runs the stages of ``carnet.pipeline`` on MkDocs' build events.

  on_config        our Markdown extensions (carnet.markdown); the configuration's text escaped
                   for the theme; `mkdocs build` writes to a staging folder (engine.publish)
  on_pre_build     1 load, 2 site
  on_files         3 generate: Carnet's pages, the feeds' files, the redirects (engine.mkdocs_pages)
  on_pre_page      4 render: one Markdown instance for every page (engine.markdown_reuse)
  on_page_*          the extensions told the page (Site.scan_for); an article framed
  on_nav           navigation titles escaped for the theme
  on_env           5 check, 6 mentions (their pages rendered now), 7 assemble; the parts applied
                   to MkDocs' pages; the theme's globals and valid shell (engine.theme)
  on_page_context  8 publish: search's view of each page, then the theme's (engine.page_views)
  on_post_page     under `mkdocs serve`, the problems in place of the content (engine.serve_errors)
  on_post_build    Pagefind's chunked index from Material's search entries (engine.material_search)

What is alive once on_env has assembled the pages (the project loaded, every page's parts)
lives to the build's end: the garbage collector leaves it alone until then (engine.collector).

Under `mkdocs serve`, a rebuild renders only the pages an edit touched (engine.rebuilds:
planned in on_pre_build, applied in on_files, on_env and on_post_build).
"""

from __future__ import annotations

import html
import logging
import os
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import Files

from ..load.project import load_for_build, unrecorded_days
from ..markdown import site_extensions
from ..markdown.matcher import MentionMatcher
from ..markdown.mentions import POLICIES
from ..model.problems import Problem, stopping_message
from ..pages.assembly import assemble
from ..pages.checked import check_rendered
from ..pages.generated import generated_pages
from ..pages.mention_index import index_mentions
from ..pages.site import Site, SiteSettings, typeset_meta
from ..text.source_text import canonical
from . import collector
from .collector import KeptObjects
from .markdown_reuse import ReusedMarkdown
from .material_search import SearchIndex, material_search, reading_fast, search_settings
from .mkdocs_pages import add_generated, apply_parts, render_late_page, rendered_page
from .page_views import PageViews
from .publish import StagedPublishing, build_day
from .rebuilds import ServedRebuilds
from .serve_errors import problem_page, with_problems
from .theme import config_for_theme, theme_globals
from .theme_text import missing_theme_files, nav_titles_for_theme, page_meta_for_theme, plain_text

log = logging.getLogger("mkdocs.plugins.carnet")


class CarnetConfig(Config):
    notes_dir = c.Type(str, default="notes")
    articles_dir = c.Type(str, default="articles")
    link_policy = c.Choice(POLICIES, default="first")
    search_aliases = c.Type(bool, default=True)


class CarnetPlugin(KeptObjects, ServedRebuilds, SearchIndex, StagedPublishing, PageViews, ReusedMarkdown, BasePlugin[CarnetConfig]):
    def __init__(self):
        self.timings: dict[str, float] = {}  # seconds per phase of the last build (benchmark)
        self.problems: list[Problem] = []    # under serve: shown in the browser, not raised
        self.scan, self.scans = None, {}     # the page being rendered (for the linker), and every page's PageScan
        self.generated_meta: dict[str, dict[str, str]] = {}  # page -> title, description

    def _timed(self, phase: str, started: float) -> None:
        self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - started

    # -- configuration and validation -------------------------------------------------

    def on_config(self, config):
        self.stage(config)  # a failed `mkdocs build` never touches the published site (carnet.engine.publish)
        self.project_dir = Path(config.config_file_path or ".").resolve().parent
        self.site_dir = config.site_dir
        self.notes_dir = self.project_dir / self.config.notes_dir
        config.markdown_extensions.extend(
            site_extensions(lambda: self.matcher, lambda: self.scan, lambda: self.config.link_policy))
        # Note bodies are written as HTML; their headings get the permalinks Markdown's would.
        self.settings = SiteSettings.from_toc(
            config.mdx_configs.get("toc", {}), articles_dir=self.config.articles_dir,
            docs_dir=Path(os.path.relpath(config.docs_dir, self.project_dir)).as_posix(),
            link_policy=self.config.link_policy, site_url=config.site_url or "",
            site_description=plain_text(config.site_description or ""))
        if str(self.notes_dir) not in config.watch and self.notes_dir.is_dir():
            config.watch.append(str(self.notes_dir))
        config_for_theme(config)
        return config

    def on_pre_build(self, config):
        collector.start()   # and what the last build in this process kept, handed back
        self.settle_rebuilds()
        started = time.perf_counter()
        self.timings, self.problems = {}, []   # problems: under serve, shown in the browser, not raised
        project = load_for_build(self.notes_dir, Path(config.docs_dir), self.config.articles_dir, self.project_dir,
                                 config.markdown_extensions, config.mdx_configs, config.strict,
                                 self.rebuilds.files_read if self.rebuilds is not None else None)
        self._stop_on(project.problems, strict=config.strict)
        self.catalog, self.articles = project.catalog, project.articles
        if self.publishes:   # a build that publishes: an article's first is the day it came to the site
            self.articles, self.days_added = unrecorded_days(self.articles, project.addresses.record,
                                                             self.config.articles_dir, build_day())
        self.matcher = MentionMatcher(self.catalog)
        self.site = Site(self.catalog, self.matcher, self.settings, self.articles, project.addresses)
        self.assembly, self.scans = None, {}
        self.plan_rebuild(config)
        collector.keep()   # the project loaded lives to the build's end (engine.collector)
        self._timed("load", started)

    def _stop_on(self, problems: list[Problem], strict: bool) -> None:
        problems = [p for p in problems if p not in self.problems]  # under serve: reported once
        for p in problems:
            if p.severity == "warning":
                log.warning(p.format())
        if message := stopping_message(problems, strict):
            if self.command != "serve":
                raise PluginError(message)
            # MkDocs' server would hold every request until a build succeeds: finish this
            # one, and let every page show the problems (carnet.engine.serve_errors).
            log.error(message)
            self.problems += problems

    # -- pages ----------------------------------------------------------------------------

    def on_files(self, files: Files, config):
        started = time.perf_counter()
        # Serving with problems: a note that could not be read keeps its address, so the page
        # the editor has open shows the problems and reloads once they are fixed.
        placeholders = sorted({problem_page(p.path, self.config.notes_dir) for p in self.problems} - {None})
        # The feeds are files of the site, so that links to them validate: written in on_env, before
        # MkDocs copies the files that are not pages.  A former address is a static page that leads on.
        self.generated_meta = add_generated(files, config, generated_pages(self.catalog, self.config.articles_dir,
                                                                           len(self.articles)), placeholders,
                                            {path: "" for path in self.site.feed_paths()} | self.site.redirect_pages())
        self.feed_files = [files.get_file_from_path(path) for path in self.site.feed_paths()]
        self.exclude_untouched(files)
        self._timed("generate", started)
        self.url_by_src: dict[str, str] | None = None
        return files

    def on_page_markdown(self, markdown, page, config, files):
        src = page.file.src_uri
        page.meta.update(typeset_meta({**page.meta, **self.generated_meta.get(src, {})}))
        if self.url_by_src is None:  # every page's URL, once per build (the engine's own lookup is slower)
            self.url_by_src = {f.src_uri: f.url for f in files}
        self.scan = self.site.scan_for(src, self.url_by_src.__getitem__)
        if self.scan is not None:
            self.scans[src] = self.scan
        return canonical(markdown)  # NFC, whatever form the file came in: names, quotes and anchors match

    def on_page_content(self, content, page, config, files):
        self.scan = None
        # The title as text: one from the front matter is, MkDocs' own (from the first
        # heading, or the navigation's escaped in on_nav) is HTML. Its own drops no-break spaces.
        title = page.meta.get("title") or html.unescape(str(page.title or ""))
        page.meta.update(typeset_meta({**page.meta, "title": title}))
        return self.site.frame_article(page.file.src_uri, content)

    def on_nav(self, nav, config, files):
        self.nav_pages = {page.file.src_uri for page in nav.pages}
        nav_titles_for_theme(nav.items)
        return nav

    # -- once every page is rendered: the core assembles, the plugin applies -----------------

    def on_env(self, env, config, files: Files):
        collector.keep()   # every page rendered: they live to the build's end
        started = time.perf_counter()
        self.keep_templates(env)
        theme_globals(env, config, self.nav_pages, search_settings(reading_fast(material_search(config))))
        self.timings["link"] = sum(scan.seconds for scan in self.scans.values())
        pages = {f.src_uri: f.page for f in files.documentation_pages()}
        missing = missing_theme_files(env, {src: page.meta for src, page in pages.items()}, self.settings.docs_dir)
        rendered = {src: rendered_page(self.site, src, page, self.scans.get(src)) for src, page in pages.items()}
        rendered = self.with_untouched(rendered)
        checked = check_rendered(self.site, rendered, self.last_findings())
        self._stop_on(missing + checked.problems, strict=False)   # every problem in one round
        mentions = index_mentions(self.site, checked.attribution, rendered)
        for path, generated in mentions.pages.items():   # known once every page is rendered
            if self.renders(path):
                pages[path] = render_late_page(path, generated, config, files, self.on_pre_page)
                rendered[path] = rendered_page(self.site, path, pages[path], None)
            else:
                rendered[path] = self.rebuilds.last_rendered(path)
        only = self.also_touched(pages, rendered, mentions, checked, config, files)
        self.assembly = assemble(self.site, checked, mentions, rendered, only)
        collector.keep()   # what is alive now lives to the build's end (engine.collector)
        apply_parts(pages, self.assembly.parts)
        # From here on the theme prints pages' metadata, any page's on any page (the navigation
        # lists them): every value escaped now, before the first page is written.
        for page in pages.values():
            page.meta.update(page_meta_for_theme(page.meta))
        for file, text in zip(self.feed_files, self.assembly.feeds().values()):
            file.content_string = text
        self._timed("mentions", started)
        return env

    def on_post_page(self, output, page, config):
        output = self.assembly.final_page(page.file.src_uri, output)
        return with_problems(output, self.problems) if self.problems else output  # under serve: in place of it

    def on_post_template(self, output_content, template_name, config):
        if self.problems and "</article>" in output_content:   # 404.html, under serve
            return with_problems(output_content, self.problems)
        return output_content

    # -- search ---------------------------------------------------------------------------

    on_post_build = CombinedEvent(SearchIndex.write_index, ServedRebuilds.keep_for_next_build, KeptObjects.release_served)

