"""Material's search plugin as Carnet's search reads it: the entries it collected from every
page (``search_index.entries``: location, title, text), and the settings its page script reads.

The core's search (carnet.search) takes plain entries; another engine hands it its own.
"""

from __future__ import annotations

from pathlib import Path

from ..search.bundle import write_search_bundle
from ..search.fields import add_alias_fields


def index_search(material_search, site_dir: Path, names_by_url: dict[str, list[str]],
                 own_quotes: frozenset[str] = frozenset(), aliases: bool = True) -> None:
    """From Material's search plugin (its ``search_index.entries``, collected from every page,
    and its ``config``): alias fields into the entries before it writes them, then Pagefind's
    index of the same entries."""
    entries = getattr(getattr(material_search, "search_index", None), "entries", None)
    if entries is None:
        return
    if aliases:
        add_alias_fields(entries, names_by_url)
    write_search_bundle(site_dir, entries, names_by_url, own_quotes)


def search_settings(material_search) -> dict:
    """The settings of Material's index that its page script reads (``?h=`` highlighting)."""
    return {key: material_search.config[key] for key in ("lang", "separator")}
