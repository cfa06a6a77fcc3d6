"""Pagefind's page list, rewritten: short page ids, and the index in smaller chunks.

Pagefind's ``pagefind.<hash>.pf_meta`` is what every first search downloads whole, before
any index chunk.  It lists every page as ``[id, word count]``, the id being the name of the
page's fragment file (``zxx_`` and seven hex digits of a hash), and every index chunk as
``[first word, last word, file]``.

- Ids: the worker never reads Pagefind's fragments (a page's results come from
  ``search/pages/<id>.json``, carnet.search.bundle), so an id only has to tell pages apart:
  here it is the page's place in the list, in base 36, its digits written last first
  (``0`` … ``z``, ``01``, ``11`` …).  Why (#35): random hex does not compress; at 10,000
  pages the list weighed about 60 KB, the largest part of a first search that grew with the
  archive.  Last digit first, a page's entry ends as one of the 36 entries before it does
  (``v3``, then the word count, then the next entry's start), which gzip writes as one copy:
  at 10,000 pages, 2.6 bytes a page rather than 3.0.  The index chunks name pages by their
  place, not their id, so the search is unchanged.  The fragments, named by the former ids, go.
- Word counts: rounded to the nearest of a scale of steps of a fifth (``rounded_count``), so
  that few values recur and the copies above run on over them (1.7 bytes a page).  Pagefind
  ranks a page by its length only through them, and the worker weighs length at a tenth
  (``pageLength: 0.1``): a count off by a tenth moves a score by about one per cent.
- Chunks: cut smaller (carnet.search.chunks).
"""

from __future__ import annotations

import json
import math
import zlib
from pathlib import Path

from . import cbor, chunks

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
STEP = 1.2   # word counts' scale: each value a fifth above the one before


def short_id(position: int) -> str:
    """A page's id: its place in the list, in base 36, the last digit first."""
    digits = ""
    while True:
        position, digit = divmod(position, 36)
        digits += DIGITS[digit]
        if not position:
            return digits


def rounded_count(words: int) -> int:
    """A page's word count, rounded to the nearest step of the scale (1, 2, 3 … 7, 9, 11, 13 … 38,
    46 … 342, 410, 492 …); a count of no words stays 0."""
    if words < 1:
        return words
    return max(1, round(STEP ** round(math.log(words, STEP))))


def rewrite(bundle: Path) -> dict[str, str]:
    """Rewrite the page list and index of the Pagefind bundle in ``bundle`` (short ids,
    rounded word counts, smaller chunks), remove the fragments, and return each former page id's new one."""
    metas = list(bundle.glob("pagefind.*.pf_meta"))
    if len(metas) != 1:
        raise cbor.FormatError(f"Carnet: expected one Pagefind page list in {bundle}, found {len(metas)}")
    meta = cbor.load(metas[0].read_bytes(), metas[0].name)
    if not (isinstance(meta, list) and len(meta) > 2 and all(isinstance(part, list) for part in meta[1:3])):
        raise cbor.FormatError(f"Carnet: {metas[0].name} is not a page list this version of Carnet knows")
    renamed = {}
    for position, page in enumerate(meta[1]):
        renamed[page[0]] = page[0] = short_id(position)
        page[1] = rounded_count(page[1])
    meta[2] = chunks.split(bundle, meta[2])
    _write_named(bundle, metas[0], cbor.dump(meta))
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        fragment.unlink()
    (bundle / "fragment").rmdir()
    return renamed


def _write_named(bundle: Path, former: Path, data: bytes) -> None:
    """Write the page list under a name of its own content, and point Pagefind's entry file
    (fetched afresh on every load) at it.  Why: the list's name is Pagefind's hash of what
    Pagefind wrote, which a new version of this rewrite (ids, counts) does not change; a
    browser holding the former list under that name would read its ids for other pages."""
    language = former.name.removeprefix("pagefind.").split("_", 1)[0]
    name = f"{language}_{zlib.crc32(data):08x}"
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    known = entry.get("languages", {}).get(language)
    if not isinstance(known, dict) or f"pagefind.{known.get('hash')}.pf_meta" != former.name:
        raise cbor.FormatError(f"Carnet: {entry_path} does not name {former.name} as this version of Carnet expects")
    known["hash"] = name
    former.unlink()
    (bundle / f"pagefind.{name}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
