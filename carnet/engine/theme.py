"""What Carnet gives Material's templates (overrides/): the navigation rendered once per
folder, the search settings in the page, its valid shell, and its text escaped.

  theme_globals  the names overrides/main.html and partials/toc.html call
                 (carnet_nav_key, carnet_in_nav, carnet_nav_cache, carnet_search_settings,
                 carnet_strings, carnet_header_*: engine.header_cache)
  config_for_theme  the configuration's text escaped (carnet.engine.theme_text)
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import material

from .header_cache import header_for, header_key_for, header_parts
from .theme_text import CONFIG_TEXT, as_theme_text, palette_for_theme
from .valid_html import ValidShellLoader

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


def theme_globals(env, config, nav_pages: set[str], search_settings: dict) -> None:
    """``env`` ready for overrides/: its globals set, its loader correcting base.html."""
    def nav_key(page) -> str | None:
        """Pages the navigation does not list share one rendering of it per folder (its
        links are relative to the folder); listed pages highlight themselves."""
        if page is None or page.file.src_uri in nav_pages:
            return None
        return posixpath.dirname(page.url.rstrip("/"))

    env.globals["carnet_nav_key"] = nav_key
    env.globals["carnet_in_nav"] = lambda page: page is not None and page.file.src_uri in nav_pages
    env.globals["carnet_nav_cache"] = {}               # one per build
    env.globals["carnet_search_settings"] = search_settings  # carnet.js: no index at page view
    env.globals["carnet_strings"] = strings_lookup(env)  # the theme's strings (partials/language.html)
    if not isinstance(env.loader, ValidShellLoader):
        env.loader = ValidShellLoader(env.loader)      # valid HTML, corrected once in the template
    # Material's header once for the pages that print it alike (carnet.engine.header_cache)
    env.globals["carnet_header_key"] = header_key_for(env, config.theme.get("features") or [], config.extra,
                                                      MATERIAL_TEMPLATES)
    env.globals["carnet_header_cache"] = {}            # one per build
    env.globals["carnet_header_parts"], env.globals["carnet_header_for"] = header_parts, header_for


def strings_lookup(env):
    """``carnet_strings(strings)``: the ``t`` of overrides/partials/language.html, the
    language's string, else English, else the key, as Material's macro prints it.  A call of a
    plain function where Material's makes two macro calls, some twenty times a page; English's
    file compiled only if a string is missing (none is, in Carnet's French)."""
    def lookup(strings: dict):
        def t(key):
            value = strings.get(key)
            if not value:
                value = env.get_template("partials/languages/en.html").module.t(key)
            return str(value or key)
        return t
    return lookup


def config_for_theme(config) -> None:
    """The theme prints the site's name, description and footer as they are: escaped once
    (carnet.engine.theme_text), after Carnet took the plain text it needs."""
    for key in CONFIG_TEXT:
        config[key] = as_theme_text(config.get(key))
    palette_for_theme(config.theme.get("palette"))
