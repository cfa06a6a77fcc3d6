"""Material's page shell made valid HTML, by the Nu HTML Checker's rules, without changing what it does.

Material writes ``autocomplete="off"`` on its drawer and search checkboxes (HTML
allows the attribute only on text-like inputs).  It kept Firefox from restoring
a checked toggle on reload; overrides/main.html now unchecks both when the page
loads, so the attribute can go.  The two inputs sit in Material's base.html, outside
any block or partial a theme can override, hence this one substitution.
"""

from __future__ import annotations

_TOGGLES = [(f'type="checkbox" id="__{name}" autocomplete="off">', f'type="checkbox" id="__{name}">')
            for name in ("drawer", "search")]


def without_checkbox_autocomplete(page_html: str) -> str:
    for invalid, valid in _TOGGLES:  # plain replacements: this runs on every page
        page_html = page_html.replace(invalid, valid, 1)
    return page_html
