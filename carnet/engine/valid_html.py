"""Material's page shell made valid HTML, by the Nu HTML Checker's rules, without changing what it does.

Material writes ``autocomplete="off"`` on its drawer and search checkboxes (HTML
allows the attribute only on text-like inputs).  It kept Firefox from restoring
a checked toggle on reload; overrides/main.html now unchecks both when the page
loads, so the attribute can go.  The two inputs sit in Material's base.html, outside
any block or partial a theme can override: the template's source is corrected as
the theme loads it (``ValidShellLoader``), once per build rather than once per page.
"""

from __future__ import annotations

from jinja2 import BaseLoader

_TOGGLES = [(f'type="checkbox" id="__{name}" autocomplete="off">', f'type="checkbox" id="__{name}">')
            for name in ("drawer", "search")]


def without_checkbox_autocomplete(page_html: str) -> str:
    for invalid, valid in _TOGGLES:
        page_html = page_html.replace(invalid, valid, 1)
    return page_html


class ValidShellLoader(BaseLoader):
    """The theme's templates as its own loader gives them, base.html's two toggles corrected."""

    def __init__(self, loader: BaseLoader):
        self.loader = loader

    def get_source(self, environment, template: str):
        source, filename, uptodate = self.loader.get_source(environment, template)
        if template == "base.html":
            source = without_checkbox_autocomplete(source)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()
