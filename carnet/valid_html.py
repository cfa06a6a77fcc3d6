"""Material's page shell made valid HTML, by the Nu HTML Checker's rules, without changing what it does.

Material writes ``autocomplete="off"`` on its drawer and search checkboxes (HTML
allows the attribute only on text-like inputs).  It kept Firefox from restoring
a checked toggle on reload; overrides/main.html now unchecks both when the page
loads, so the attribute can go.  The two inputs sit in Material's base.html, outside
any block or partial a theme can override, hence this one substitution.
"""

from __future__ import annotations

import re

_TOGGLES_RE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" '
                         r'type="checkbox" id="__(?:drawer|search)") autocomplete="off">')


def without_checkbox_autocomplete(page_html: str) -> str:
    return _TOGGLES_RE.sub(r"\1>", page_html, count=2)
