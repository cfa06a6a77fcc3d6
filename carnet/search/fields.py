"""Extra search fields for Material's search index, added to its entries before it is written.

Each note page's entry gets an ``aliases`` field holding every name form (declared with a boost in
``plugins.search.fields``) so that any name form an editor listed finds the
entity's own page first, even a form that its page never prints.
"""

from __future__ import annotations

from html import escape


def add_alias_fields(entries: list[dict], aliases_by_location: dict[str, list[str]]) -> None:
    """Give each page's entry (``location``: its URL) the page's name forms, in place."""
    for doc in entries:
        forms = aliases_by_location.get(doc.get("location"))
        if forms:
            doc["aliases"] = escape(" ".join(forms))  # Material may render fields as HTML
