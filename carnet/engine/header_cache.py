"""Material's page header rendered once for the pages that print it alike, the title put in.

Material's header (``partials/header.html``: the logo, the site's name, the page's title, the
palette's toggles, the search box and its icons) is rendered for every page; rendered once
per key, it costs about 1.4 million instructions a page less (``bench/README.md``).  What it
prints differs from page to page in two things only: the page's title, and the URLs its
``url`` filter makes relative to the page (the home page, the logo).  So overrides/main.html
renders it once per key (``header_key_for``: those URLs, and which of the two titles Material
prints), cuts the rendering around the title (``header_parts``), and for every other page with
that key puts the page's title between the two parts (``header_for``).

Only where that holds: the header and the partials it includes are Material's own files (a
project's override may print anything), and neither of the features that print page-dependent
parts is on (``navigation.tabs.sticky``: the tabs, with the page's own highlighted;
``extra.alternate``: its links, relative to the page).  A rendering whose title cannot be found
where Material prints it is not cut: those pages get Material's rendering each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

# The partials partials/header.html includes, whose source must be Material's for the cut to hold.
HEADER_PARTIALS = ("partials/header.html", "partials/logo.html", "partials/palette.html",
                   "partials/javascripts/palette.html", "partials/search.html", "partials/source.html")
_TOPIC = 'data-md-component="header-topic">'
_SPAN = '<span class="md-ellipsis">'


def header_key_for(env, features: list, extra: dict, material_dir: Path) -> Callable | None:
    """``key(page, home_url, logo_url)``: what a page's header depends on, or None (Material's
    rendering for that page); None altogether when the header cannot be shared."""
    if "navigation.tabs.sticky" in features or extra.get("alternate"):
        return None
    for name in HEADER_PARTIALS:
        try:
            _, filename, _ = env.loader.get_source(env, name)
        except Exception:   # noqa: BLE001 (a loader refusing: the header is not known)
            return None
        if filename is None or Path(filename).resolve() != (material_dir / name).resolve():
            return None

    def key(page, home_url: str, logo_url: str):
        if page is None:
            return None
        return (str(home_url), str(logo_url), bool(page.meta and page.meta.get("title")))
    return key


def printed_title(page) -> str:
    """The title as Material's header prints it: the front matter's, else the page's."""
    return str(page.meta["title"] if page.meta and page.meta.get("title") else page.title)


def header_parts(rendered: str, page) -> tuple[str, str] | None:
    """Material's header cut around the page's title, or None when the title is not alone,
    between white space, in the span Material prints it in."""
    topic = rendered.find(_TOPIC)
    if topic < 0:
        return None
    start = rendered.find(_SPAN, topic)
    if start < 0:
        return None
    start += len(_SPAN)
    end = rendered.find("</span>", start)
    title = printed_title(page)
    inner = rendered[start:end]
    at = inner.find(title) if title else -1
    if at < 0 or inner[:at].strip() or inner[at + len(title):].strip():
        return None
    return rendered[:start + at], rendered[start + at + len(title):]


def header_for(parts: tuple[str, str], page) -> str:
    return parts[0] + printed_title(page) + parts[1]
