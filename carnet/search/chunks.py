"""Pagefind's index cut in smaller chunks, so that a word's search reads a few KB, not 30.

Pagefind files its words in alphabetical order into chunks of about 20,000 entries (a page
holding a word, and each place it holds it), a size its code hard-wires; a search reads the
chunk each query word falls in, whole.  As the archive grows, every chunk fills to that size
and a query of three rare words read about 90 KB of chunks at 10,000 pages, three times what
it read at 400 (#35), for the few entries it needed.  Cut to about TARGET bytes, a chunk
weighs a few KB; what grows instead is the list of chunks in the page list (three short
strings a chunk), downloaded with it.

A chunk is only cut between two words that differ within their first KEEP letters.  Pagefind
reads one chunk for a query word, the one whose bounds hold it, so the words a prefix
search must find (the worker searches a word's stem, four letters at least) stay in one
chunk.  Bounds are written as Pagefind writes them (``prefixes``): a chunk's first word's
letters up to where it differs from the chunk before, and its last word's up to where it
differs from the next.  A word, whatever its size, stays whole.

How, cheaply: a chunk is one CBOR array of words, each ``[word, pages, extra]``; decoding
the pages (every place of every word) in Python cost more than the rest of search's build
(0.4 billion instructions at 40 articles × 40 notes).  So a word is found by its first
bytes, an array of three then a text (``WORD``), which nothing inside the pages can show (they
hold integers and arrays only, and a byte of an integer's value followed by a text head
would need a place beyond 33,000 words): the words found must be as many as the array's
head says, each after the one before, or ``FormatError``.  Words are moved as bytes.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from . import cbor

TARGET = 6000   # bytes of CBOR a chunk (Pagefind's 20,000 entries are about 30,000)
KEEP = 4        # letters two words must not share for a chunk to end between them
LANGUAGE = "zxx"
# [word, …: an array of three, then a text's head (a length below 24, or 0x78 and a byte).
# Two bytes taken: a word's own start (0x83) cannot hide in the second, a text head.
WORD = re.compile(rb"\x83[\x60-\x78]")


def split(bundle: Path, listed: list[list[str]]) -> list[list[str]]:
    """Cut every chunk of ``listed`` (the page list's ``[from, to, file]`` entries) in
    ``bundle/index/``; write the new chunks, remove the former; return the new list."""
    words: list[tuple[str, bytes]] = []
    for _, _, name in listed:   # in order: Pagefind's chunks, end to end, are its words sorted
        path = bundle / "index" / f"{name}.pf_index"
        words.extend(chunk_words(cbor.unzip(path.read_bytes(), path.name), path.name))
        path.unlink()
    names: set[str] = set()
    entries = []
    for run in cut(words):
        data = cbor.zip_raw(cbor.head(4, 1) + cbor.head(4, len(run)) + b"".join(raw for _, raw in run))
        # Named by its content, as Pagefind names its files, for caches; two checksums (zlib's,
        # in C) rather than a cryptographic hash, which cost more than the cut itself.
        name = unique_name(f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}", names)
        (bundle / "index" / f"{name}.pf_index").write_bytes(data)
        entries.append([run[0][0], run[-1][0], name])
    for before, after in zip(entries, entries[1:]):
        before[1], after[0] = prefixes(before[1], after[0])
    return entries


def chunk_words(raw: bytes, name: str) -> list[tuple[str, bytes]]:
    """A chunk's words, each with its CBOR bytes (``[word, pages, extra]``), in order."""
    if raw[:1] != cbor.head(4, 1):
        raise cbor.FormatError(f"Carnet: {name} is not an index chunk this version of Carnet knows")
    count, at = cbor.read_head(raw, 1, major=4)
    found: list[tuple[str, int]] = []
    for match in WORD.finditer(raw, at):
        length, text = cbor.read_head(raw, match.start() + 1, major=3)
        try:
            word = raw[text:text + length].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not found or word > found[-1][0]:
            found.append((word, match.start()))
    if len(found) != count or (found and found[0][1] != at):
        return decoded_words(raw, name)   # some place's bytes looked like a word: read it all
    ends = [start for _, start in found[1:]] + [len(raw)]
    return [(word, raw[start:end]) for (word, start), end in zip(found, ends)]


def decoded_words(raw: bytes, name: str) -> list[tuple[str, bytes]]:
    """``chunk_words`` the slow way: every item decoded, each word written back."""
    value = cbor.read(raw, 0)[0]
    if not (len(value) == 1 and all(isinstance(word, list) and isinstance(word[0], str) for word in value[0])):
        raise cbor.FormatError(f"Carnet: {name} is not an index chunk this version of Carnet knows")
    return [(word[0], cbor.write(word)) for word in value[0]]


def cut(words: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes]]]:
    """Words (with their bytes, in Pagefind's order) in runs of about TARGET bytes."""
    runs, run, size = [], [], 0
    for word in words:
        # Cut before a word that would take the run past TARGET: a large word (``de``, on
        # most pages) then has a chunk of its own, and the rare words beside it do not
        # weigh what it weighs.
        if run and size + len(word[1]) > TARGET and run[-1][0][:KEEP] != word[0][:KEEP]:
            runs.append(run)
            run, size = [], 0
        run.append(word)
        size += len(word[1])
    return runs + [run] if run else runs


def unique_name(digest: str, names: set[str], length: int = 7) -> str:
    """A chunk's file name, as Pagefind names it: the language, then the shortest prefix of
    its content's checksum (seven digits or more) no other chunk has."""
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
