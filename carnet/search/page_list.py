"""Pagefind's page list, rewritten: short page ids, and the index in smaller chunks.

Pagefind's ``pagefind.<hash>.pf_meta`` is what every first search downloads whole, before
any index chunk.  It lists every page as ``[id, word count]``, the id being the name of the
page's fragment file (``zxx_`` and seven hex digits of a hash), and every index chunk as
``[first word, last word, file]``.

- Ids: the worker never reads Pagefind's fragments (a page's results come from
  ``search/pages/<id>.json``, carnet.search.bundle), so an id only has to tell pages apart:
  here it is the page's place in the list, in base 36 (``0`` … ``7ps``).  Why (#35): random
  hex does not compress; at 10,000 pages the list weighed about 60 KB, the largest part of
  a first search that grew with the archive.  The index chunks name pages by their place,
  not their id, so the search is unchanged.  The fragments, named by the former ids, go.
- Chunks: cut smaller (carnet.search.chunks).
Word counts (which rank a page by its length) are kept as they are.
"""

from __future__ import annotations

from pathlib import Path

from . import cbor, chunks

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def short_id(position: int) -> str:
    """A page's id: its place in the list, in base 36."""
    digits = ""
    while True:
        position, digit = divmod(position, 36)
        digits = DIGITS[digit] + digits
        if not position:
            return digits


def rewrite(bundle: Path) -> dict[str, str]:
    """Rewrite the page list and index of the Pagefind bundle in ``bundle`` (short ids,
    smaller chunks), remove the fragments, and return each former page id's new one."""
    metas = list(bundle.glob("pagefind.*.pf_meta"))
    if len(metas) != 1:
        raise cbor.FormatError(f"Carnet: expected one Pagefind page list in {bundle}, found {len(metas)}")
    meta = cbor.load(metas[0].read_bytes(), metas[0].name)
    if not (isinstance(meta, list) and len(meta) > 2 and all(isinstance(part, list) for part in meta[1:3])):
        raise cbor.FormatError(f"Carnet: {metas[0].name} is not a page list this version of Carnet knows")
    renamed = {}
    for position, page in enumerate(meta[1]):
        renamed[page[0]] = page[0] = short_id(position)
    meta[2] = chunks.split(bundle, meta[2])
    metas[0].write_bytes(cbor.dump(meta))
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        fragment.unlink()
    (bundle / "fragment").rmdir()
    return renamed
