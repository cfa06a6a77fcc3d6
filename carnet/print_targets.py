"""On paper a link cannot be followed: entity links carry their full address for print.

The print style writes ``data-print-href`` after each entity link; it is the link's
target made absolute from ``site_url``, never the relative path the page uses.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin

_MENTION_RE = re.compile(r'<a class="carnet-mention"[^>]*>')
_HREF_RE = re.compile(r'\bhref="([^"]*)"')


def with_print_targets(page_html: str, page_url: str) -> str:
    """``page_url``: the page's absolute URL; without one, the page is left as it is."""
    if not page_url.startswith(("http://", "https://")):
        return page_html

    def add(m: re.Match) -> str:
        tag = m.group()
        href = _HREF_RE.search(tag)
        if href is None or "data-print-href" in tag:
            return tag
        target = urljoin(page_url, unescape(href.group(1)))
        return f'{tag[:-1]} data-print-href="{escape(target)}">'
    return _MENTION_RE.sub(add, page_html)
