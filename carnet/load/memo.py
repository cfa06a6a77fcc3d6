"""A build's readings of its files, kept for the next build under ``mkdocs serve``.

One dict, by a file's project path: the bytes read this build and what reading them gave.
The load stage parses a note or an article again only when its bytes changed
(``remembered``); the fingerprint that follows in the same build takes the bytes from here
rather than reading every file a second time (``bytes_of``), so it describes exactly what
was loaded.
"""

from __future__ import annotations

from pathlib import Path


def remembered(memo: dict | None, key: str, data: bytes, read):
    """``read(data)``, or what it gave for the same bytes at ``key`` in a build before."""
    if memo is None:
        return read(data)
    kept = memo.get(key)
    if kept is None or kept[0] != data:
        memo[key] = kept = (data, read(data))
    return kept[1]


def bytes_of(memo: dict | None, key: str, path: Path) -> bytes:
    """The bytes this build read at ``key``, or the file's, when the load stage does not
    read it (a Markdown page that is not an article)."""
    kept = memo.get(key) if memo else None
    return kept[0] if kept is not None else path.read_bytes()
