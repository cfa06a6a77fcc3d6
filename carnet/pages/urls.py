"""Relative URLs between pages, as MkDocs writes them (a property test holds the two equal)."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import Callable


def relative_url(url: str, from_url: str) -> str:
    """``url`` relative to the page at ``from_url`` (both site-relative), as MkDocs writes it."""
    return urls_from(from_url)(url)


@lru_cache(maxsize=4096)
def urls_from(from_url: str) -> Callable[[str], str]:
    """URLs relative to the page at ``from_url``, as MkDocs writes them (``relative_url``).

    Made once per page: a page links to many others, and most share no folder with it,
    so their relative URL is the way up to the root and then the URL itself."""
    folder, _, name = from_url.rpartition("/")
    start = _norm_parts(folder if "." in name else from_url)
    up = "../" * len(start)

    def to(url: str) -> str:
        head = url.partition("/")[0]
        if start and head and head != start[0] and head[0] != "." and "/." not in url and "//" not in url:
            return up + url
        # The rest (same folder, the root, odd paths): MkDocs' own steps.
        parts = _norm_parts(url)
        common = 0
        for a, b in zip(start, parts):
            if a != b:
                break
            common += 1
        relative = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
        return relative + "/" if url.endswith("/") else relative
    return to


def _norm_parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []
