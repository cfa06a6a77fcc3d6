"""What the assembly adds to a page (``PageParts``): the HTML of its slots, the headings of
its table of contents, the tags of its head."""

from __future__ import annotations

from dataclasses import field
from typing import Callable

from ..datatypes import datatype
from .site import RenderedPage
from .urls import urls_from


@datatype
class PageParts:
    """What the assembly adds to one page."""
    search: dict[str, str] = field(default_factory=dict)  # slot -> HTML filled into what search reads only
    late: dict[str, str] = field(default_factory=dict)    # slot -> HTML, once search has read the page
    toc: list[tuple[str, str]] = field(default_factory=list)  # (heading, id) under the page title
    toc_children: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id -> (heading, id) under it
    head: str = ""                      # Open Graph tags and JSON-LD


Parts = dict[str, PageParts]   # docs path -> its parts


def href_from(pages: dict[str, RenderedPage], page: RenderedPage) -> Callable[[str], str]:
    """docs path -> URL relative to ``page``."""
    to = urls_from(page.url)
    return lambda path: to(pages[path].url)
