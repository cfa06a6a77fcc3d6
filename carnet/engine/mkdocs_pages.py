"""Carnet's pages in MkDocs' terms: generated pages and static files added to MkDocs' Files,
each rendered page described to the core (``RenderedPage``), and the core's parts applied
to MkDocs' pages (table of contents, head tags).
"""

from __future__ import annotations

import html
import importlib
from typing import Callable

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from ..markdown.scan import PageScan
from ..pages.generated import GeneratedPage
from ..pages.parts import Parts
from ..pages.site import RenderedPage, Site


def add_generated(files: Files, config, pages: dict[str, GeneratedPage], placeholders: list[str],
                  static: dict[str, str]) -> dict[str, dict]:
    """Carnet's pages added to ``files`` (their metadata returned, by docs path); a page for
    each of ``placeholders`` that has none; a static file for each of ``static`` (path -> text)."""
    meta = {}
    for path, page in pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"Carnet: docs/{path} is written by hand, but Carnet generates "
                              f"that page. Fix: delete docs/{path}.")
        files.append(File.generated(config, path, content=page.markdown))
        meta[path] = page.meta()
    for path in placeholders:
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content="# Fiche\n"))
    for path, text in static.items():
        files.append(File.generated(config, path, content=text))
    return meta


def render_late_page(path: str, generated: GeneratedPage, config, files: Files, pre_page: Callable) -> Page:
    """A page known only once every page was rendered: rendered now, unlisted, out of search
    (it lists what other pages say); ``pre_page`` prepares it as the plugin's on_pre_page does."""
    file = File.generated(config, path, content=generated.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(file)
    page = Page(None, file, config)
    page.read_source(config)
    page.meta.update(generated.meta(), search={"exclude": True})
    pre_page(page, config, files).render(config, files)
    return page


def populate_excluded(src: str, config, files: Files) -> Page:
    """A page a rebuild under serve had left out (carnet.engine.rebuilds) rendered after all, as
    MkDocs renders a page (its plugins' page events included), and back in the build."""
    engine = type(files).__module__.split(".")[0]   # mkdocs, or properdocs (its fork, same steps)
    build = importlib.import_module(f"{engine}.commands.build")
    file = files.get_file_from_path(src)
    file.inclusion = type(file.inclusion).UNDEFINED
    importlib.import_module(f"{engine}.structure.files").set_exclusions([file], config)
    page = importlib.import_module(f"{engine}.structure.pages").Page(None, file, config)
    build._populate_page(page, config, files)   # MkDocs' own step: every plugin's page events
    return page


def rendered_page(site: Site, src: str, page: Page, scan: PageScan | None) -> RenderedPage:
    toc = page.toc.items
    # Text only: under serve, a page whose front matter was refused (a title of 12) is still
    # rendered, so that the editor sees the one problem rather than a crash.
    title = next((t for t in (page.meta.get("title"), page.title) if isinstance(t, str) and t), "")
    description = page.meta.get("description")
    return RenderedPage(src=src, url=page.url, title=title,
                        description=description if isinstance(description, str) else "",
                        title_id=toc[0].id if toc else None,
                        sentences=tuple(scan.sentences) if scan else (), passages=tuple(scan.passages) if scan else (),
                        headings=tuple(item.id for item in toc[0].children) if toc else (),
                        words=len(page.markdown.split()) if site.is_article(src) else 0)


def apply_parts(pages: dict[str, Page], parts: Parts) -> None:
    """Each page's table of contents (the headings its parts write) and head tags."""
    for src, part in parts.items():
        page = pages[src]
        if part.toc and page.toc.items:
            page.toc.items[0].children = [_anchor(heading, anchor, 2, part.toc_children.get(anchor, []))
                                          for heading, anchor in part.toc]
        page.meta["carnet_head"] = part.head


def _anchor(heading: str, anchor: str, level: int, children: list[tuple[str, str]]) -> AnchorLink:
    link = AnchorLink(html.escape(heading), anchor, level)
    link.children = [AnchorLink(html.escape(h), a, level + 1) for h, a in children]
    return link
