"""What Carnet and its editors hand the theme is text: escaped here for HTML, once.

MkDocs renders its theme with Jinja and no autoescape, and Material prints what it is
given as it is: a page's ``meta.title``, ``meta.description`` and ``meta.author`` in the
head and the header bar, navigation titles, ``config.site_name`` in attributes.  A
headline, an author or a site name written with ``"`` or ``<`` would break the page, or
run as script.  So every such value reaches the theme as ``markupsafe.Markup`` holding its
escaped text: printed as it is, it shows the text as written; a template that escapes
(``| e``) sees markup already safe and leaves it alone, so nothing is escaped twice.

Carnet's own code keeps the plain text: this is applied at the edge, as the engine hands
a page or the configuration to the theme (``carnet.engine.plugin``).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..model.problems import Problem

# Page metadata that is Carnet's own HTML, built and escaped where it is made (carnet.pages.head).
OWN_HTML = frozenset({"carnet_head"})

# The configuration's text that Material prints: the site's name, description, author,
# footer line and repository name (a footer line written as HTML is shown as written).
CONFIG_TEXT = ("site_name", "site_description", "site_author", "copyright", "repo_name")


def as_theme_text(value: Any) -> Any:
    """``value`` with every string in it escaped and marked safe (lists and mappings walked);
    numbers, dates and booleans as they are.  Idempotent: escaped text stays as it is."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [as_theme_text(item) for item in value]
    if isinstance(value, tuple):
        return tuple(as_theme_text(item) for item in value)
    if isinstance(value, dict):
        return {key: as_theme_text(item) for key, item in value.items()}
    return value


def page_meta_for_theme(meta: dict) -> dict:
    """A page's metadata as the theme is to print it: every value escaped but Carnet's own HTML."""
    return {key: value if key in OWN_HTML else as_theme_text(value) for key, value in meta.items()}


def palette_for_theme(palette: Any) -> Any:
    """Material's palette options with their toggles' names (printed in ``title`` and
    ``aria-label``) escaped; the rest (media queries, colour names) as written."""
    options = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    for option in options:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = as_theme_text(toggle["name"])
    return palette


def plain_text(value: str) -> str:
    """Text as written, from a value the theme may already have been handed escaped."""
    return value.unescape() if isinstance(value, Markup) else value


def nav_titles_for_theme(items: list) -> None:
    """Titles written in mkdocs.yml's nav, escaped: the theme prints them as they are.  A page
    listed without one keeps the engine's lookup (its front matter, then its first heading),
    escaped with the rest of its metadata (``page_meta_for_theme``)."""
    for item in items:
        # A page's title given by the nav is an attribute of its own; MkDocs' lookup is a property.
        if not hasattr(item, "file") or "title" in vars(item):
            item.title = as_theme_text(item.title)
        nav_titles_for_theme(getattr(item, "children", None) or [])


def missing_theme_files(env, metas: dict[str, dict], docs_dir: str) -> list[Problem]:
    """A page's ``template`` or ``icon`` that the theme does not have, named with its file,
    rather than a traceback from Jinja once the page is being written.  ``metas``: docs
    path -> the page's metadata."""
    asked = [(src, field, meta[field]) for src, meta in metas.items()
             for field in ("template", "icon") if meta.get(field) is not None]
    known = set(env.list_templates()) if asked else set()   # thousands of icons: listed only when asked
    problems = []
    for src, field, name in asked:
        wanted = name if field == "template" else f".icons/{name}.svg"
        if not isinstance(name, str) or wanted not in known:
            problems.append(Problem(f"{docs_dir}/{src}", None, None,
                                    f"'{field}' names nothing the theme has: {str(name)[:80]!r}.",
                                    f"remove the '{field}' line, or name one of the theme's "
                                    + ("templates (e.g. 'main.html')." if field == "template"
                                       else "icons (e.g. 'material/file-document').")))
    return problems
