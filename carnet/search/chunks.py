"""Pagefind's index cut in smaller chunks, so that a word's search reads a few KB, not 30.

Pagefind files its words in alphabetical order into chunks of about 20,000 entries (a page
holding a word, and each place it holds it), a size its code hard-wires; a search reads the
chunk each query word falls in, whole.  As the archive grows, every chunk fills to that size
and a query of three rare words read about 90 KB of chunks at 10,000 pages, three times what
it read at 400 (#35), for the few entries it needed.  Cut to TARGET entries, a chunk weighs
a few KB; what grows instead is the list of chunks in the page list (three short strings a
chunk), downloaded with it: TARGET is about where the two costs meet for a query of three
words at 10,000 pages (bench/README.md).

A chunk is only cut between two words that differ within their first KEEP letters.  Pagefind
reads one chunk for a query word, the one whose bounds hold it, so the words a prefix
search must find (the worker searches a word's stem, four letters at least) stay in one
chunk.  Bounds are written as Pagefind writes them (``prefixes``): a chunk's first word's
letters up to where it differs from the chunk before, and its last word's up to where it
differs from the next.  A word, whatever its size, stays whole.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import cbor

TARGET = 4000   # entries a chunk (Pagefind's: 20,000)
KEEP = 4        # letters two words must not share for a chunk to end between them
LANGUAGE = "zxx"


def split(bundle: Path, listed: list[list[str]]) -> list[list[str]]:
    """Cut every chunk of ``listed`` (the page list's ``[from, to, file]`` entries) in
    ``bundle/index/``; write the new chunks, remove the former; return the new list."""
    words: list = []
    for _, _, name in listed:   # in order: Pagefind's chunks, end to end, are its words sorted
        path = bundle / "index" / f"{name}.pf_index"
        (held,) = cbor.load(path.read_bytes(), path.name)
        words.extend(held)
        path.unlink()
    names: set[str] = set()
    entries = []
    for run in cut(words):
        data = cbor.dump([run])
        name = unique_name(hashlib.sha256(data).hexdigest(), names)
        (bundle / "index" / f"{name}.pf_index").write_bytes(data)
        entries.append([run[0][0], run[-1][0], name])
    for before, after in zip(entries, entries[1:]):
        before[1], after[0] = prefixes(before[1], after[0])
    return entries


def cut(words: list) -> list[list]:
    """Words (``[word, pages, …]``, in Pagefind's order) in runs of about TARGET entries."""
    runs, run, size = [], [], 0
    for word in words:
        entries = sum(len(page[1]) + 1 for page in word[1])
        # Cut before a word that would take the run past TARGET: a large word (``de``, on
        # most pages) then has a chunk of its own, and the rare words beside it do not
        # weigh what it weighs.
        if run and size + entries > TARGET and run[-1][0][:KEEP] != word[0][:KEEP]:
            runs.append(run)
            run, size = [], 0
        run.append(word)
        size += entries
    return runs + [run] if run else runs


def unique_name(digest: str, names: set[str], length: int = 7) -> str:
    """A chunk's file name, as Pagefind names it: the language, then the shortest prefix of
    its content's hash (seven digits or more) no other chunk has."""
    while f"{LANGUAGE}_{digest[:length]}" in names:
        length += 1
    names.add(f"{LANGUAGE}_{digest[:length]}")
    return f"{LANGUAGE}_{digest[:length]}"


def prefixes(last: str, first: str) -> tuple[str, str]:
    """The bounds between a chunk ending with ``last`` and the next starting with ``first``:
    each word's letters up to the first that differs (Pagefind's ``get_prefixes``)."""
    common = 0
    for a, b in zip(last, first):
        if a != b:
            break
        common += 1
    return last[:common + 1], first[:common + 1]
