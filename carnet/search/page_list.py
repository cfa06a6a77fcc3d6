"""Pagefind's page list with short ids: the file every first search downloads whole.

Pagefind's ``pagefind.<hash>.pf_meta`` lists every page of the index as ``[id, word
count]``, the id being the name of the page's fragment file (``zxx_`` and seven hex digits
of a hash).  The worker never reads Pagefind's fragments (a page's results come from
``search/pages/<id>.json``, carnet.search.bundle), so the id only has to tell pages apart:
here it becomes the page's position in the list, in base 36 (``0`` … ``7ps``).  Why (#35):
random hex does not compress; at 10,000 pages the list weighed about 60 KB, the largest part
of what a first search downloads that grows with the archive.  The index chunks name pages
by their position, not their id, so the search itself is unchanged; the word counts (which
rank a page by its length) are kept as they are.  The fragments, named by the former ids,
are removed.

The file is gzip, then Pagefind's signature, then CBOR (RFC 8949).  Its few types (arrays,
text, unsigned integers) are read and written here rather than with a CBOR library: the
build would import one on every run for these forty lines, and a change of Pagefind's
format fails loudly (``PageListError``) rather than silently: tests/test_search_bundle.py
reads the list of every build it makes.
"""

from __future__ import annotations

import gzip
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


class PageListError(RuntimeError):
    """Pagefind's page list is not as this module knows it (a new Pagefind version)."""


def short_id(position: int) -> str:
    """A page's id: its position in the list, in base 36."""
    digits = ""
    while True:
        position, digit = divmod(position, 36)
        digits = DIGITS[digit] + digits
        if not position:
            return digits


def shorten(bundle: Path) -> dict[str, str]:
    """Rewrite the page list of the Pagefind bundle in ``bundle`` with short ids, remove the
    fragments, and return each former id's new one."""
    metas = list(bundle.glob("pagefind.*.pf_meta"))
    if len(metas) != 1:
        raise PageListError(f"Carnet: expected one Pagefind page list in {bundle}, found {len(metas)}")
    raw = gzip.decompress(metas[0].read_bytes())
    if not raw.startswith(SIGNATURE):
        raise PageListError(f"Carnet: {metas[0].name} does not start with Pagefind's signature")
    meta, end = _read(raw, len(SIGNATURE))
    if end != len(raw) or not (isinstance(meta, list) and len(meta) > 1 and isinstance(meta[1], list)):
        raise PageListError(f"Carnet: {metas[0].name} is not a page list this version of Carnet knows")
    renamed = {}
    for position, page in enumerate(meta[1]):
        renamed[page[0]] = page[0] = short_id(position)
    metas[0].write_bytes(gzip.compress(SIGNATURE + _write(meta), compresslevel=9, mtime=0))
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        fragment.unlink()
    (bundle / "fragment").rmdir()
    return renamed


def _read(data: bytes, at: int):
    """One CBOR item from ``at``: (value, where the next one starts)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise PageListError(f"Carnet: Pagefind's page list holds a CBOR item this module does not read ({data[at - 1]:#x})")
    if major == 0:
        return value, at
    if major == 3:
        return data[at:at + value].decode("utf-8"), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _read(data, at)
            items.append(item)
        return items, at
    raise PageListError(f"Carnet: Pagefind's page list holds a CBOR type this module does not read ({major})")


def _write(value) -> bytes:
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_write(item) for item in value)
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    return _head(0, value)


def _head(major: int, value: int) -> bytes:
    """A CBOR head in its shortest form, as Pagefind writes it."""
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise PageListError(f"Carnet: a number too large for CBOR: {value}")
