"""The names and aliases of every fiche, for the search worker, in small files it fetches
as a reader types: one or two of 256 parts, never the whole list.

The worker uses them (1) to put a fiche first for its own names, and (2) to forgive one typo
in a name, which Pagefind does not do.  A word is filed under its first two letters, where a
reader's word that starts like it finds it, and, from four letters, under its last two as
well: one typo in a word of five letters or more leaves its first two letters or its last two
as they were.  Keys fall into a fixed number of buckets, all written, so the worker never
asks for a file that does not exist.
"""

from __future__ import annotations

import json

from .fold import words

BUCKETS = 256     # files; the worker's BUCKETS must agree
FORGIVEN_FROM = 5  # letters: a word this long is forgiven one typo (the worker's FUZZY_FROM)


def bucket(key: str) -> int:
    """The bucket of a key (the worker's ``bucket`` twin)."""
    h = 0
    for char in key:
        h = (h * 31 + ord(char)) % BUCKETS
    return h


def name_buckets(names_by_page: dict[str, list[str]]) -> dict[str, str]:
    """Every bucket file's JSON, by its file name: ``{"w": {word: [page…]}, "n": {name: [page…]}}``,
    words and whole names folded (carnet.search.fold); a page is named as the worker knows it
    (Pagefind's id for it)."""
    buckets: list[dict[str, dict[str, list[str]]]] = [{"w": {}, "n": {}} for _ in range(BUCKETS)]

    def file(kind: str, key: str, value: str, page: str) -> None:
        pages = buckets[bucket(key)][kind].setdefault(value, [])
        if page not in pages:
            pages.append(page)

    for page, forms in sorted(names_by_page.items()):
        for form in forms:
            folded = words(form)
            if not folded:
                continue
            file("n", folded[0][:2], " ".join(folded), page)
            for word in folded:
                file("w", word[:2], word, page)
                if len(word) >= FORGIVEN_FROM - 1:  # one letter short of a forgiven word
                    file("w", word[-2:], word, page)
    return {f"{i}.json": json.dumps(b, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            for i, b in enumerate(buckets)}
