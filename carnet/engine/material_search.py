"""Material's search plugin as Carnet's search reads it: the entries it collected from every
page (``search_index.entries``: location, title, text), and the settings its page script reads.

The core's search (carnet.search) takes plain entries; another engine hands it its own.

Material's plugin reads each page in two steps: it cuts the page into sections with its
``Parser``, an ``html.parser.HTMLParser``, then drops any ``data-search-*`` attribute from
the page with a regular expression tried at every character.  ``reading_fast`` has it cut
the sections with ``search_sections`` (the same sections at a fraction of the cost) and,
when the page has no such attribute, gives that expression ``SEARCH_READ`` to read instead
of the page (a few characters, where there is nothing to drop); engine.page_views then
puts the page back.  On 150 long articles and their 150 fiches the two steps cost plain
Material 1.30 billion instructions, 9 % of its build; Carnet's build counts 0.95 billion
fewer with them read so (bench/README.md, session 19).
"""

from __future__ import annotations

import time
import types
from pathlib import Path
from typing import Callable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ..search.bundle import SearchBundleError, search_bundle
from ..search.fields import add_alias_fields
from .search_sections import sections


def collected_entries(material_search) -> list[dict] | None:
    """The entries Material's search plugin collected from the pages it saw."""
    return getattr(getattr(material_search, "search_index", None), "entries", None)


def index_search(material_search, names_by_url: dict[str, list[str]], own_quotes: frozenset[str] = frozenset(),
                 aliases: bool = True, entries: list[dict] | None = None,
                 memo: dict | None = None) -> Callable[[Path], None] | None:
    """From Material's search plugin (its ``search_index.entries``, or ``entries`` in their
    place, and its ``config``): alias fields into the entries before it writes them; returned,
    what writes Pagefind's index of the same entries into a site folder (``memo``:
    carnet.search.documents.search_pages)."""
    if entries is None:
        entries = collected_entries(material_search)
        if entries is None:
            return None
    else:
        material_search.search_index.entries = entries
    if aliases:
        add_alias_fields(entries, names_by_url)
    return search_bundle(entries, names_by_url, own_quotes, memo)


def search_settings(material_search) -> dict:
    """The settings of Material's index that its page script reads (``?h=`` highlighting)."""
    return {key: material_search.config[key] for key in ("lang", "separator")}


def reading_fast(material_search):
    """Material's search plugin, set to cut pages into sections with ``sections``."""
    index = getattr(material_search, "search_index", None)
    if index is not None:
        index.add_entry_from_context = types.MethodType(_add_entry_from_context, index)
    return material_search


# What Material's plugin reads for data-search-* attributes in a page that has none.
SEARCH_READ = "(read by search)"


def _add_entry_from_context(index, page) -> None:
    # Material 9.8.2's SearchIndex.add_entry_from_context, its sections cut by ``sections``.
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    for section in sections(page.content):
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)
    if "data-search-" not in page.content:   # what Material's plugin reads next drops nothing
        page.content = SEARCH_READ


def material_search(config):
    """Material's search plugin, as the configuration names it."""
    return config.plugins.get("material/search") or config.plugins["search"]


class SearchIndex:
    """The plugin's side of it, as a mixin: once every page is built, the alias fields, then
    Pagefind's index (under serve, written once the pages are served: carnet.engine.rebuilds)."""

    write_search = None

    @event_priority(50)  # before Material's search plugin writes its index
    def write_index(self, config):
        started = time.perf_counter()
        search = material_search(config)
        self.write_search = index_search(search, self.assembly.names_by_url(), self.assembly.article_urls(),
                                         self.config.search_aliases, self.every_page_entries(search),
                                         self.rebuilds.documents if self.rebuilds is not None else None)
        if self.write_search is not None and not self.search_waits():
            write, self.write_search = self.write_search, None
            try:
                write(Path(config.site_dir))
            except SearchBundleError as error:
                raise PluginError(str(error)) from error
            self.search_written()
        self._timed("index", started)
