"""One Python-Markdown instance renders every page of a build, where the engine makes one per page.

MkDocs' ``Page.render`` (ProperDocs' too) builds a new ``markdown.Markdown`` for each page: it
loads and configures every extension again and builds its block, tree and inline processors
again.  That construction costs more than converting a short page (``bench/README.md``).
Python-Markdown supports reusing an instance: ``Markdown.reset()`` between two documents clears
what a conversion leaves behind (the HTML stash, the references, and whatever each extension
that keeps state clears in its own ``reset``).

Mechanism: the engine's own ``render`` runs, unchanged, as a copy of its function whose globals
see in place of the ``markdown`` module a namespace whose ``Markdown(...)`` hands back this
build's instance, reset.  Everything else ``render`` does is the engine's code: its four
per-page processors (raw HTML, anchors, relative links, title) are made for the page and
registered under their names, so each replaces the previous page's, and the results are read
back as the engine reads them.

Only with extensions known to start each document afresh after ``reset()``: Python-Markdown's
own and Carnet's (``carnet.markdown``: their state is set at the start of each run).  A project
with any other extension keeps the engine's ``render`` as it is.
"""

from __future__ import annotations

import types
from typing import Any, Callable

# Python-Markdown's bundled extensions, by the names a configuration may give them.
_BUNDLED = {"abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code",
            "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists",
            "smarty", "tables", "toc", "wikilinks"}
_OWN_MODULES = ("markdown.extensions.", "carnet.markdown.")


def reusable(extension: Any) -> bool:
    """Whether ``extension`` (a name or an instance, as ``markdown_extensions`` lists it) is
    known to start each document afresh on a reused instance."""
    if isinstance(extension, str):
        name = extension.split(":")[0].removeprefix("markdown.extensions.")
        return name in _BUNDLED
    return type(extension).__module__.startswith(_OWN_MODULES) and not _numbers_documents(extension.getConfigs())


def _numbers_documents(settings: Any) -> bool:
    """Whether the settings ask footnotes for ids unique to each document: it numbers documents
    as it is reset (``fn:2-1``), and a reused instance would number them on."""
    if isinstance(settings, dict):
        return any((key == "UNIQUE_IDS" and bool(value)) or _numbers_documents(value) for key, value in settings.items())
    return isinstance(settings, (list, tuple)) and any(map(_numbers_documents, settings))


class _OneMarkdown:
    """Stands for the ``markdown`` module in the copied ``render``: ``Markdown(...)`` builds the
    instance once (per extension list and settings) and hands it back reset."""

    def __init__(self, markdown_module: types.ModuleType):
        self._module = markdown_module
        self._md, self._key = None, None

    def Markdown(self, extensions, extension_configs):   # noqa: N802 (the module's own name)
        if self._md is None or self._key[0] is not extensions or self._key[1] != extension_configs:
            self._md = self._module.Markdown(extensions=extensions, extension_configs=extension_configs)
            self._key = (extensions, dict(extension_configs))
            return self._md
        return self._md.reset()

    def __getattr__(self, name: str):   # anything else render reads from the module
        return getattr(self._module, name)


def reusing_render(page_class: type, extensions: list, settings: dict) -> Callable | None:
    """A copy of ``page_class.render`` rendering every page with one Markdown instance, or None
    (the engine's render kept) when an extension or its ``settings`` (``mdx_configs``) is not
    known to allow it, or ``render`` is not the engine's own function reading
    ``markdown.Markdown``."""
    render = page_class.__dict__.get("render")
    if (not isinstance(render, types.FunctionType) or not all(map(reusable, extensions))
            or _numbers_documents(settings)):
        return None
    module = render.__globals__.get("markdown")
    if not isinstance(module, types.ModuleType) or "markdown" not in render.__code__.co_names:
        return None
    namespace = dict(render.__globals__, markdown=_OneMarkdown(module))
    return types.FunctionType(render.__code__, namespace, render.__name__, render.__defaults__, render.__closure__)


class ReusedMarkdown:
    """Plugin mixin: each page is given the reusing render before the engine renders it."""

    _reuse: tuple | None = None   # (the extension list it was made for, the render or None)

    def on_pre_page(self, page, config, files):
        extensions = config.markdown_extensions
        if self._reuse is None or self._reuse[0] is not extensions:
            self._reuse = (extensions, reusing_render(type(page), extensions, config.mdx_configs or {}))
        if self._reuse[1] is not None:
            page.render = types.MethodType(self._reuse[1], page)
        return page
