"""Each page as search reads it, then as the theme renders it: two handlers of MkDocs'
``page_context`` event, around Material's search plugin (priority 0).

  100   its content as search is to read it (``Assembly.search_view``: its words in few
        tags); its metadata was escaped for the theme at the end of ``on_env``
  -100  once search has read it, the content the theme renders (``Assembly.page_view``:
        the sections kept out of search filled in); search may have left
        ``material_search.SEARCH_READ`` in its place
"""

from __future__ import annotations

from mkdocs.plugins import CombinedEvent, event_priority

from .material_search import SEARCH_READ


class PageViews:
    """A mixin for the plugin, whose ``assembly`` gives the two views."""

    page_content = searched_content = None   # a page's HTML, and search's view of it

    @event_priority(100)  # before the search plugin reads the page: its words, in few tags
    def _to_search_view(self, context, *, page, config, nav):
        self.page_content = page.content
        page.content = self.searched_content = self.assembly.search_view(page.file.src_uri, page.content)
        return context

    @event_priority(-100)  # once it has, the page for the theme: its late sections filled in
    def _to_page_view(self, context, *, page, config, nav):
        # A page search changed (Material drops data-search-* attributes from a page that
        # has some, which search_view leaves whole) is published as search left it.
        unchanged = page.content is self.searched_content or page.content is SEARCH_READ
        content = self.page_content if unchanged else page.content
        page.content = self.assembly.page_view(page.file.src_uri, content)
        self.page_content = self.searched_content = None
        return context

    on_page_context = CombinedEvent(_to_search_view, _to_page_view)

