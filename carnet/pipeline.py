"""The build, top to bottom: notes on disk -> a validated model -> pages and links -> the site.

Each stage is a function of what it reads and returns a value; nothing is set aside for a
later call to find.  An engine (carnet.engine.plugin for MkDocs) runs the stages in this
order and does the two it owns, rendering Markdown and publishing:

  1 load      load.project.load_for_build        notes, articles' metadata, the address record;
                                                 every problem, the quotes checked too if they stop it
  2 site      pages.site.Site                    the loaded project and the plan of generated pages
  3 generate  pages.generated.generated_pages    the Markdown of every page Carnet writes
  4 render    the engine (here: ``render``)      each page's Markdown through the site's extensions
                                                 (markdown.site_extensions, told the page by
                                                 Site.scan_for), framed by Site.frame_article
  5 check     pages.checked.check_rendered       every quote against the rendered articles
  6 mentions  pages.mention_index.index_mentions  who names whom; the pages of all mentions of an
                                                 entity named on many pages (rendered as in 4)
  7 assemble  pages.assembly.assemble            every page's sections, table of contents, head
  8 publish   the engine                         search reads Assembly.search_view, the theme
                                                 Assembly.page_view; the feeds (Assembly.feeds),
                                                 the search index (search.bundle), the redirects

``build_pages`` runs stages 1 to 7 with Python-Markdown standing in for the engine and
returns every page's content as the theme would get it: what an adapter for another engine
does, and what the tests hold to MkDocs' own build.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path

import markdown
import yaml

from .addresses.record import address_of
from .datatypes import datatype
from .load.article_meta import front_matter, without_front_matter
from .load.config import read_settings
from .load.project import load_for_build
from .markdown import site_extensions
from .markdown.matcher import MentionMatcher
from .markdown.scan import PageScan
from .model.problems import Problem, stopping_message
from .pages.assembly import Assembly, assemble
from .pages.checked import check_rendered
from .pages.generated import GeneratedPage, generated_pages
from .pages.mention_index import index_mentions
from .pages.site import RenderedPage, Site, SiteSettings, typeset_meta
from .text.source_text import canonical


@datatype(frozen=True)
class Source:
    """A page's Markdown as the engine reads it: its text without front matter, and its metadata."""
    markdown: str
    meta: dict


@datatype
class Built:
    pages: dict[str, str]        # docs path -> the page's content, as the theme would get it
    assembly: Assembly | None
    problems: list[Problem]


def hand_written(docs_dir: Path) -> dict[str, Source]:
    """Every Markdown page of ``docs_dir``, its front matter read as the engine reads it."""
    out = {}
    for path in sorted(docs_dir.rglob("*.md")):
        text = canonical(path.read_text(encoding="utf-8-sig"))
        found = front_matter(text)
        meta = (yaml.safe_load(found[0]) or {}) if found else {}
        out[path.relative_to(docs_dir).as_posix()] = Source(without_front_matter(text), meta)
    return out


class Renderer:
    """Stage 4 with Python-Markdown: one Markdown instance for every page, told the page."""

    def __init__(self, site: Site, extensions: list, configs: dict, urls: dict[str, str]):
        self.site, self.urls, self.scan = site, urls, None
        ours = site_extensions(lambda: site.matcher, lambda: self.scan, lambda: site.settings.link_policy)
        self.md = markdown.Markdown(extensions=[*extensions, *ours], extension_configs=configs)

    def __call__(self, src: str, source: Source, linked: bool = True) -> tuple[str, RenderedPage]:
        """The page's framed HTML and what the core is to know of it; ``linked``: whether the
        extensions see the page (pages of all mentions are rendered as the engine does, unseen)."""
        self.scan: PageScan | None = self.site.scan_for(src, self.urls.__getitem__) if linked else None
        content = self.md.reset().convert(source.markdown)
        toc = getattr(self.md, "toc_tokens", [])
        meta = typeset_meta({**source.meta, "title": source.meta.get("title") or unescape(toc[0]["name"] if toc else "")})
        scan, self.scan = self.scan, None
        page = RenderedPage(src=src, url=self.urls[src], title=meta["title"], description=meta.get("description") or "",
                            title_id=toc[0]["id"] if toc else None,
                            sentences=tuple(scan.sentences) if scan else (), passages=tuple(scan.passages) if scan else (),
                            headings=tuple(t["id"] for t in toc[0]["children"]) if toc else (),
                            words=len(source.markdown.split()) if self.site.is_article(src) else 0)
        return self.site.frame_article(src, content), page


def build_pages(project_dir: Path, site_url: str = "") -> Built:
    """Stages 1 to 7 for the project at ``project_dir``, without an engine."""
    settings = read_settings(project_dir)
    docs_dir = settings.docs_dir
    project = load_for_build(settings.notes_dir, docs_dir, settings.articles, project_dir,   # 1 load
                             settings.extensions, settings.configs, strict=False)
    if stopping_message(project.problems, strict=False):
        return Built({}, None, project.problems)
    site = Site(project.catalog, MentionMatcher(project.catalog),                          # 2 site
                SiteSettings.from_toc(settings.configs.get("toc", {}), articles_dir=settings.articles,
                                      docs_dir=docs_dir.relative_to(project_dir).as_posix(),
                                      link_policy=settings.link_policy, site_url=site_url),
                project.articles, project.addresses)
    written = hand_written(docs_dir)
    generated = generated_pages(site.catalog, settings.articles, len(site.articles))       # 3 generate
    if clash := sorted(written.keys() & generated.keys()):
        return Built({}, None, [Problem(f"{site.settings.docs_dir}/{path}", None, None, "written by hand, but Carnet "
                                        "generates that page.", f"delete {site.settings.docs_dir}/{path}.")
                                for path in clash])
    sources = written | {path: _source(page) for path, page in generated.items()}
    urls = {src: address_of(src) for src in sources}
    render = Renderer(site, settings.extensions, settings.configs, urls)
    html, rendered = {}, {}
    for src, source in sources.items():                                                    # 4 render
        html[src], rendered[src] = render(src, source)
    checked = check_rendered(site, rendered)                                               # 5 check
    if stopping_message(checked.problems, strict=False):
        return Built({}, None, checked.problems)
    mentions = index_mentions(site, checked.attribution, rendered)                         # 6 mentions
    for path, page in mentions.pages.items():
        urls[path] = address_of(path)
        html[path], rendered[path] = render(path, _source(page), linked=False)
    assembly = assemble(site, checked, mentions, rendered)                                 # 7 assemble
    return Built({src: assembly.page_view(src, content) for src, content in html.items()}, assembly,
                 project.problems + checked.problems)


def _source(page: GeneratedPage) -> Source:
    return Source(page.markdown, page.meta())
