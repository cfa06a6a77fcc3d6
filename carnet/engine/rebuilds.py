"""Rebuilds under `mkdocs serve` that render only what an edit touched.

MkDocs 1.6 builds the whole site again on every change, into a folder it empties first, and
offers no incremental build to hook into.  Between one build and the next the plugin keeps
what MkDocs throws away (``Last``):

  - every input's fingerprint (carnet.load.fingerprint) and every page's inputs
    (carnet.pages.inputs): an edit to a note or a page touches the pages that read it; a
    change to anything every page reads (configuration, theme, the set of notes or pages,
    names, the record of addresses, the day) gives a full build, as does a build with
    problems, and the build after it;
  - each page as the core knows it once rendered (``RenderedPage``), the entries Material's
    search collected from it, and the document Pagefind indexed;
  - where each quote was found, with the passages it was looked for in (carnet.citations.resolve);
  - the theme's compiled templates (``Templates``).

A rebuild then goes (``Rebuilds``, called from the plugin's events):
  on_pre_build   ``plan``: the pages to render (those touched, and the navigation's pages,
                 whose links every page shows), or None for a full build; ``set_aside``: the
                 last build's site moved beside the folder, which MkDocs then empties
  on_files       ``exclude``: every other page is marked excluded in MkDocs' files, so MkDocs
                 neither renders nor writes it (links to it still resolve)
  on_env         ``with_untouched``: the core checks and assembles the touched pages against
                 every page's description, the untouched ones' from the last build
  on_post_build  ``search_entries``: search's entries, the untouched pages' from the last
                 build; ``restore``: every file this build did not write moved back (a rename
                 each: nothing is copied), the sitemap written for every page; the search index
                 (Pagefind: seconds at a thousand pages) written again in the background and
                 swapped in when done (``in_background``).  A build that fails moves every
                 file back.

tests/test_rebuilds.py edits a served project at random and compares the served folder, file
by file, with a full build's.
"""

from __future__ import annotations

import gc
import gzip
import html
import logging
import os
import re
import shutil
import tempfile
import threading
from dataclasses import field
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import jinja2
from mkdocs.structure.files import Files
from mkdocs.utils import get_build_date, get_build_timestamp

from mkdocs.plugins import event_priority

from ..datatypes import datatype
from ..load.fingerprint import Fingerprint, fingerprint
from ..load.fingerprint import tree as _tree_of
from ..pages.inputs import page_inputs, touched_pages
from ..pages.site import RenderedPage
from ..search.bundle import FOLDERS, SearchCancelled
from .material_search import collected_entries
from .mkdocs_pages import populate_excluded, render_late_page
from .serve_errors import with_problems

log = logging.getLogger("mkdocs.plugins.carnet")
SITEMAP = "sitemap.xml"


@datatype
class Last:
    """What a rebuild needs of the build before it."""
    fingerprint: Fingerprint
    inputs: dict[str, frozenset[str]]              # docs path -> what the page reads
    rendered: dict[str, RenderedPage]              # every page, in the full build's order
    late: list[str]                                # the pages known once every page rendered
    entries: dict[str, list[dict]]                 # docs path -> search's entries, as collected
    nav: frozenset[str]


@datatype
class Rebuilds:
    last: Last | None = None
    only: frozenset[str] | None = None             # this build's pages to render; None: all
    changed: set[str] = field(default_factory=set)  # this build's inputs that changed
    fingerprint: Fingerprint | None = None
    search: threading.Thread | None = None
    aside: Path | None = None                      # the last build's site, while this one runs
    documents: dict = field(default_factory=dict)  # search's documents (carnet.search.documents)
    files_read: dict = field(default_factory=dict)  # each note's and article's reading (carnet.load)
    findings: dict = field(default_factory=dict)    # where each quote was found (carnet.citations.resolve)
    templates: "Templates" = field(default_factory=lambda: Templates())
    theme_listings: dict = field(default_factory=dict)

    # -- before the build ----------------------------------------------------------------

    def settle(self) -> None:
        """The last build's search index, if still being written, given up: this build writes
        its own (and it empties the site folder)."""
        if self.search is not None:
            self.search.cancelled.set()
            self.search.join()
            self.search = None

    def plan(self, fingerprint: Fingerprint, problems: bool) -> None:
        self.fingerprint, self.only = fingerprint, None
        if problems:
            self.last = None   # every page shows the problems, then every page loses them
        if self.last is None:
            return
        changed = fingerprint.changed_since(self.last.fingerprint)
        if changed is not None:
            self.changed, self.only = changed, touched_pages(self.last.inputs, changed) | self.last.nav

    def exclude(self, files: Files) -> None:
        """Every page the edit did not touch marked excluded: MkDocs skips it."""
        if self.only is None:
            return
        pages = [f for f in files.documentation_pages()]
        if {f.src_uri for f in pages} != self.last.rendered.keys() - set(self.last.late):
            self.only = None
            return
        for file in pages:
            if file.src_uri not in self.only:   # the engine's own enum (MkDocs', or ProperDocs')
                file.inclusion = type(file.inclusion).EXCLUDED
        # MkDocs says so of every link to a page left out: not the editor's business.
        logger = logging.getLogger(type(files).__module__.split(".")[0] + ".structure.pages")
        if not any(isinstance(f, _LeftOutLinks) for f in logger.filters):
            logger.addFilter(_LeftOutLinks(self))
        log.info(f"Carnet: an edit to {', '.join(sorted(self.changed))}: {len(self.only)} of {len(pages)} pages "
                 "rendered again.")

    # -- once the touched pages are rendered ------------------------------------------------

    def also_touched(self, inputs: dict[str, frozenset[str]]) -> frozenset[str]:
        """The pages that read a changed input only since the edit (a relation added, an
        article that names the note now): rendered too, late in the build."""
        if self.only is None:
            return frozenset()
        extra = touched_pages(inputs, self.changed) - self.only
        self.only |= extra
        return extra

    def list_theme_once(self, theme) -> None:
        list_theme_once(theme, self.theme_listings)

    def with_untouched(self, fresh: dict[str, RenderedPage]) -> dict[str, RenderedPage]:
        """Every Markdown page's description, in the full build's order."""
        if self.only is None:
            return fresh
        return {src: fresh.get(src, page) for src, page in self.last.rendered.items() if src not in self.last.late}

    def renders(self, late_page: str) -> bool:
        """Whether a page known late is rendered in this build (else its last description holds)."""
        return self.only is None or late_page in self.only or late_page not in self.last.rendered

    def last_rendered(self, src: str) -> RenderedPage:
        return self.last.rendered[src]

    # -- after the build ----------------------------------------------------------------

    def search_entries(self, entries: list[dict], urls: dict[str, str]) -> tuple[list[dict], dict[str, list[dict]]]:
        """Search's entries of every page, in the full build's order, and a copy by page kept
        for the next rebuild (the entries are changed in place once collected)."""
        src_of = {url: src for src, url in urls.items()}
        collected: dict[str, list[dict]] = {}
        for entry in entries:
            page = entry["location"].partition("#")[0]
            collected.setdefault(src_of.get(page, page), []).append(entry)
        if self.only is not None:
            collected = {src: collected.get(src, []) if src in self.only or src in collected
                         else _copied(self.last.entries.get(src, ())) for src in urls}
            entries = [entry for found in collected.values() for entry in found]
        return entries, {src: _copied(found) for src, found in collected.items() if found}

    def remember(self, inputs: dict[str, frozenset[str]], rendered: dict[str, RenderedPage], late: list[str],
                 entries: dict[str, list[dict]], nav: set[str], problems: bool) -> None:
        self.last = None if problems else Last(self.fingerprint, inputs, rendered, late, entries, frozenset(nav))

    def set_aside(self, site_dir: Path) -> None:
        """Before MkDocs empties the site folder: its files moved beside it (one rename)."""
        self.put_back(site_dir)
        if self.only is None or not site_dir.is_dir():
            return
        self.aside = site_dir.with_name(site_dir.name + ".carnet-last")
        shutil.rmtree(self.aside, ignore_errors=True)
        os.rename(site_dir, self.aside)
        site_dir.mkdir()

    def restore(self, site_dir: Path, urls: dict[str, str], site_url: str, gone: list[str],
                mark: Callable[[str], str] | None) -> None:
        """Every file of the last site that this build did not write moved back; the sitemap
        for every page (``urls``, in order); ``gone``: the pages of the last build that are no
        more; ``mark``: under problems, what every page moved back shows."""
        aside = self.aside
        if aside is None or self.only is None:   # a full build after all: nothing to take back
            self.drop_aside()
            return
        sitemap = (aside / SITEMAP).read_text(encoding="utf-8") if (aside / SITEMAP).is_file() else ""
        for src in gone:
            if folder := self.last_rendered(src).url.strip("/"):
                shutil.rmtree(aside / folder, ignore_errors=True)
        _merge(str(aside), str(site_dir), mark)
        if sitemap:
            write_sitemap(site_dir, sitemap, [html.escape(site_url + url) for url in urls.values()])
        self.drop_aside()

    def drop_aside(self) -> None:
        if self.aside is not None:
            shutil.rmtree(self.aside, ignore_errors=True)
            self.aside = None

    def put_back(self, site_dir: Path) -> None:
        """After a failed build: the last site's files moved back where this build wrote none."""
        if self.aside is not None and site_dir.is_dir():
            _merge(str(self.aside), str(site_dir), None)
        self.drop_aside()

    def in_background(self, site_dir: Path, write: Callable[[Path], None], folders: tuple[str, ...]) -> None:
        """``write`` the search index once the pages are served (``written_later``)."""
        self.search = written_later(site_dir, write, folders)

    def close(self) -> None:
        self.settle()
        self.drop_aside()


def written_later(site_dir: Path, write: Callable, folders: tuple[str, ...]) -> threading.Thread:
    """``write`` the search index into a folder of its own, in a thread, then swap its
    ``folders`` into the site: the served page does not wait for it.  Setting the thread's
    ``cancelled`` stops Pagefind and leaves the site as it was."""
    def run():
        with tempfile.TemporaryDirectory(prefix="carnet-search-") as tmp:
            try:
                write(Path(tmp), thread.cancelled)
            except SearchCancelled:
                return
            except Exception as error:   # the server keeps serving; the editor reads why
                log.error(f"Carnet: search could not be updated: {error}")
                return
            for folder in folders:
                old = site_dir / (folder + ".carnet-old")
                shutil.rmtree(old, ignore_errors=True)
                if (site_dir / folder).exists():
                    os.rename(site_dir / folder, old)
                (site_dir / folder).parent.mkdir(parents=True, exist_ok=True)
                os.rename(Path(tmp) / folder, site_dir / folder)
                shutil.rmtree(old, ignore_errors=True)
        log.info("Carnet: search is up to date.")
    thread = threading.Thread(target=run, name="carnet-search", daemon=True)
    thread.cancelled = threading.Event()
    thread.start()
    return thread


def list_theme_once(theme, listings: dict) -> None:
    """The theme's files listed once per `mkdocs serve` (MkDocs lists them on every build,
    Material's thousands of icons included: about 0.2 s), again when the project's own
    theme folder changes (its files, and their dates, are the listing's key)."""
    get_env = theme.get_env

    def get_env_listing_once():
        env = get_env()
        loader = env.loader
        key = tuple(tuple(_tree_of(d)) for d in theme.dirs if d == theme.custom_dir)
        if key not in listings:
            listings.clear()
            listings[key] = loader.list_templates()
        loader.list_templates = lambda: list(listings[key])
        return env
    theme.get_env = get_env_listing_once


class _LeftOutLinks(logging.Filter):
    """Drops MkDocs' note that a page links to one "excluded from the built site", during a
    rebuild that left that page out (it is on the site, as the last build wrote it)."""

    def __init__(self, rebuilds: "Rebuilds"):
        super().__init__()
        self.rebuilds = rebuilds

    def filter(self, record: logging.LogRecord) -> bool:
        return self.rebuilds.only is None or "which is excluded from the built site" not in str(record.msg)


class Templates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory from one build to the next (MkDocs makes
    a new Jinja environment for each build, which compiles every template again: about 0.3 s
    for Material's).  Jinja keys each by its name and its source's checksum: an edit to
    a template compiles it again."""

    def __init__(self):
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def _merge(source: str, target: str, mark: Callable[[str], str] | None) -> None:
    """Every file under ``source`` that ``target`` lacks moved there: a folder ``target``
    lacks whole, in one rename.  ``mark``: what an HTML page shows, written rather than moved."""
    with os.scandir(source) as found:
        entries = list(found)
    for entry in entries:
        there = os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False):
            if not os.path.lexists(there) and mark is None:
                os.rename(entry.path, there)
            else:
                os.makedirs(there, exist_ok=True)
                _merge(entry.path, there, mark)
        elif not os.path.lexists(there):
            if mark is not None and entry.name.endswith(".html"):
                with open(entry.path, encoding="utf-8") as f, open(there, "w", encoding="utf-8") as out:
                    out.write(mark(f.read()))
            else:
                os.rename(entry.path, there)


def _copied(entries) -> list[dict]:
    """Entries as search collected them: fields are set on them afterwards, never changed within."""
    return [dict(entry) for entry in entries]


def write_sitemap(site_dir: Path, last: str, locs: list[str]) -> None:
    """The sitemap for the pages at ``locs`` (their order), from the last one's entries:
    MkDocs wrote this build's for the pages it rendered only.  Its gzip as MkDocs writes it
    (dated by the pages' day, which a change of day turns into a full build)."""
    units = list(re.finditer(r"\s*<url>.*?</url>", last, re.S))
    if not units:
        return
    blocks = {re.search(r"<loc>(.*?)</loc>", u.group(0)).group(1): u.group(0) for u in units}
    model_loc, model = next(iter(blocks.items()))
    body = [blocks.get(loc) or model.replace(f"<loc>{model_loc}</loc>", f"<loc>{loc}</loc>") for loc in locs]
    text = last[:units[0].start()] + "".join(body) + last[units[-1].end():]
    path = site_dir / SITEMAP
    path.write_bytes(text.encode("utf-8"))
    stamp = get_build_timestamp(pages=[SimpleNamespace(update_date=get_build_date())])
    with open(f"{path}.gz", "wb") as f, gzip.GzipFile(fileobj=f, filename=f"{path}.gz", mode="wb", mtime=stamp) as gz:
        gz.write(text.encode("utf-8"))


class ServedRebuilds:
    """The plugin's side of it, as a mixin over MkDocs' events: ``rebuilds`` is set under
    `mkdocs serve` (not with --dirty, whose builds MkDocs leaves unemptied), None otherwise,
    and every method below then does nothing."""

    rebuilds: Rebuilds | None = None
    write_search = None
    problems: list = []

    def on_startup(self, *, command, dirty):
        super().on_startup(command=command, dirty=dirty)
        if self.rebuilds is not None:
            self.rebuilds.close()
        self.rebuilds = Rebuilds() if command == "serve" and not dirty else None

    def on_build_error(self, *, error):
        super().on_build_error(error=error)
        gc.enable()
        if self.rebuilds is not None:   # the last site's files back, for the server to serve
            self.rebuilds.put_back(Path(self.site_dir))
            self.rebuilds.last = None

    def on_shutdown(self):
        super().on_shutdown()
        gc.enable()
        if self.rebuilds is not None:
            self.rebuilds.close()

    def settle_rebuilds(self) -> None:
        if self.rebuilds is not None:   # the last build's search index, written in the background
            self.rebuilds.settle()
            # The served site's objects (every page's description, the readings of every file)
            # outlive each build: at a thousand pages, each full collection that Python's
            # thresholds start during a rebuild walks them all again (0.1 to 0.3 s, at random).
            # None during a rebuild; the next starts once it is served.
            if self.rebuilds.last is not None:
                gc.disable()

    def plan_rebuild(self, config) -> None:
        if self.rebuilds is None:
            return
        from ..addresses.record import RECORD_FILE
        from .publish import build_day
        self.rebuilds.plan(fingerprint(self.catalog, self.project_dir, self.notes_dir, Path(config.docs_dir),
                                       Path(config.config_file_path) if config.config_file_path else None,
                                       [Path(config.theme.custom_dir)] if config.theme.custom_dir else [],
                                       self.project_dir / RECORD_FILE, build_day(),
                                       self.rebuilds.files_read),
                           problems=bool(self.problems))
        self.rebuilds.set_aside(Path(config.site_dir))
        self.rebuilds.list_theme_once(config.theme)

    def exclude_untouched(self, files: Files) -> None:
        if self.rebuilds is not None:
            self.rebuilds.exclude(files)

    def keep_templates(self, env) -> None:
        if self.rebuilds is not None:   # the theme's templates compiled once per `mkdocs serve`
            env.bytecode_cache = self.rebuilds.templates

    def with_untouched(self, rendered: dict[str, RenderedPage]) -> dict[str, RenderedPage]:
        return rendered if self.rebuilds is None else self.rebuilds.with_untouched(rendered)

    def last_findings(self) -> dict | None:
        return None if self.rebuilds is None else self.rebuilds.findings

    def renders(self, late_page: str) -> bool:
        return self.rebuilds is None or self.rebuilds.renders(late_page)

    def also_touched(self, pages: dict, rendered: dict, mentions, checked, config, files) -> frozenset[str] | None:
        """Under serve: what each page reads now (an edit can add what a page reads: a relation,
        a mention), the pages that read a changed input only now rendered too; the pages to
        assemble (None: all)."""
        self.late_pages, self.inputs = list(mentions.pages), None
        if self.rebuilds is None:
            return None
        self.inputs = page_inputs(self.site, mentions, rendered, checked.attribution)
        for src in sorted(self.rebuilds.also_touched(self.inputs)):
            if src in mentions.pages:
                pages[src] = render_late_page(src, mentions.pages[src], config, files, self.on_pre_page)
            else:
                pages[src] = populate_excluded(src, config, files)
        return None if self.rebuilds.only is None else frozenset(pages)

    def every_page_entries(self, material_search) -> list[dict] | None:
        """Search's entries of every page: the untouched pages' from the last build."""
        if self.rebuilds is None or (collected := collected_entries(material_search)) is None:
            return None
        entries, self.entries_by_page = self.rebuilds.search_entries(collected, self.assembly.urls)
        return entries

    def search_waits(self) -> bool:
        """Whether the search index is written once the pages are served (every build under
        serve but the first: nothing is served yet)."""
        return self.rebuilds is not None and self.rebuilds.last is not None

    def search_written(self) -> None:
        if self.rebuilds is not None:
            log.info("Carnet: search is up to date.")

    @event_priority(-100)  # once Material's search plugin has written its index
    def keep_for_next_build(self, config):
        rebuilds = self.rebuilds
        if rebuilds is None:
            return
        site_dir = Path(config.site_dir)
        if rebuilds.only is not None:
            base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
            problems = list(self.problems)
            rebuilds.restore(site_dir, self.assembly.urls, base,
                             [src for src in rebuilds.last.late if src not in self.assembly.urls],
                             (lambda page: with_problems(page, problems)) if problems else None)
        else:
            rebuilds.drop_aside()
        rebuilds.remember(self.inputs, self.assembly.rendered, self.late_pages,
                          getattr(self, "entries_by_page", {}), self.nav_pages, problems=bool(self.problems))
        if self.write_search is not None:   # once the pages are served
            write, self.write_search = self.write_search, None
            rebuilds.in_background(site_dir, write, FOLDERS)
        gc.enable()
