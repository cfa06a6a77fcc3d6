"""The names and aliases of every fiche, for the search worker, in small files it fetches
as a reader types: a few buckets, each about as large whatever the archive's size.

The worker uses them (1) to put a fiche first for its own names (a query word that starts one
of its name words, a query that is one of its names), and (2) to forgive one typo in a name
word of five letters or more, which Pagefind does not do.  Everything is folded
(carnet.search.fold).

Keys.  A name word is filed under keys of four of its letters, ``head|tail`` (its first
``head`` letters and its last 4 - ``head``): ``gazp|``, its first four, where a query word
of four letters or more that starts like it finds it; and the keys a typed word one typo
away reads (``typo_keys``).  A typo (a letter changed, added or dropped, two swapped) touches
one place of a word: a typed word of n letters reads the keys that leave out, in turn, every
run of n - 4 letters wide enough to hold it (``gaz|m``, ``ga|om``… for a short word; its first
four and its last four from nine letters), and one of them is the name word's own key.  Two
swapped letters in a word of five fit no such run: a word of five is also filed under its
letters sorted (``#agmoz``).  A test tries every typo of every name word.  Words of three
letters are filed under themselves (``fer``) and found whole; shorter ones are not filed: a
query word that short gets no name's bonus, Pagefind still finds it.  A whole name is filed
under the key of its words written together, the worker's stop words left out, as the worker
writes a query (``gaz de france`` -> ``gazf|``); the few names of one or two letters in all
(``BP``) are in the directory file.

Why (#35): the keys were a word's first two and last two letters, a few hundred values, so
a bucket grew with the archive (63 KB for a word typed at 5,000 notes); four letters have
tens of thousands.  And the keys are hashed (FNV-1a, ``bucket``) into a number of files that
grows with the names, so that a file holds about BUCKET_BYTES whatever the archive's size.
The number, with the short names, is in ``buckets.json``, which the worker reads first;
every bucket below it is written, so the worker never asks for a file that does not exist.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from .fold import STOP, words

PREFIX = 4            # letters of a key (the worker's PREFIX)
WHOLE = 3             # letters: a word this short is its own key, found whole (the worker's WHOLE)
FORGIVEN_FROM = 5     # letters: a word this long is forgiven one typo (the worker's FUZZY_FROM)
BUCKET_BYTES = 768   # about what one bucket file weighs, on average, whatever the archive's size
DIRECTORY = "buckets.json"


def bucket(key: str, count: int) -> int:
    """The bucket of a key among ``count``: FNV-1a over its code points (the worker's
    ``bucket`` twin; a test runs both over the same keys)."""
    h = 0x811C9DC5
    for char in key:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h % count


def key(word: str, head: int) -> str:
    """The key of a word's first ``head`` letters and last PREFIX - ``head`` (the worker's ``key``)."""
    return word[:head] + "|" + word[len(word) - (PREFIX - head):]


@lru_cache(maxsize=64)   # a few word lengths, asked for every word filed
def heads(length: int) -> tuple[int, ...]:
    """The heads of the keys read for a typed word of ``length`` letters.  Each key leaves out
    a run of ``length`` - PREFIX letters; heads at most that run's width less one apart, and
    the last one, put any two letters side by side in one of the runs (the worker's ``heads``)."""
    step = length - PREFIX - 1
    if step <= 1:
        return tuple(range(PREFIX, -1, -1))
    return tuple(sorted({*range(0, PREFIX, step), PREFIX}, reverse=True))


def sorted_key(word: str) -> str:
    """A word of five letters' letters in order: two of them swapped leave it as it was."""
    return "#" + "".join(sorted(word))


def typo_keys(word: str) -> list[str]:
    """The keys the worker reads for a typed word it forgives a typo (``near``): one of them
    is a key of every name word one typo away, if the word has FORGIVEN_FROM letters or more
    (``word~N`` reads them for a shorter word too, and finds what they hold)."""
    if len(word) < PREFIX:
        return []
    keys = [key(word, head) for head in heads(len(word))]
    return keys + [sorted_key(word)] if len(word) == FORGIVEN_FROM else keys


@lru_cache(maxsize=64)   # a few word lengths
def filed_heads(length: int) -> tuple[int, ...]:
    """The heads of the keys a name word of ``length`` letters is filed under: its first four
    letters' (PREFIX), and those a typed word one letter shorter, as long, or one longer reads."""
    found = {PREFIX}
    for typed in range(max(length - 1, FORGIVEN_FROM), length + 2):
        found.update(heads(typed))
    return tuple(sorted(found))


@lru_cache(maxsize=65536)   # a name word recurs in names and aliases: its keys are made once
def filed_keys(word: str) -> tuple[str, ...]:
    """Every key a name word is filed under: its first four letters, and the keys read by a
    typed word one letter shorter, as long, or one longer (``typo_keys``)."""
    length = len(word)
    if length < WHOLE:
        return ()
    if length == WHOLE:
        return (word,)
    # ``key(word, head)`` written out, without a call a key (this runs for every name word); the test of
    # every typo of every name word holds these keys to those ``typo_keys`` reads through ``key``.
    keys = {word[:head] + "|" + word[length - PREFIX + head:] for head in filed_heads(length)}
    if length == FORGIVEN_FROM:
        keys.add(sorted_key(word))
    return tuple(sorted(keys))


def whole_key(folded: list[str]) -> str | None:
    """The key of a whole name (its folded words): that of its words but the stop words,
    written together; "" for fewer than WHOLE letters in all (the directory's); None for a
    name of stop words only, which the worker never matches."""
    joined = "".join(word for word in folded if word not in STOP)
    if not joined:
        return None
    return key(joined, PREFIX) if len(joined) >= PREFIX else joined if len(joined) == WHOLE else ""


def name_buckets(names_by_page: dict[str, list[str]]) -> dict[str, str]:
    """Every file's JSON by its file name: the buckets, ``{"w": {word: [page…]}, "n": {name:
    [page…]}}``, and the directory, ``{"buckets": count, "n": {short name: [page…]}}``; a
    page is named as the worker knows it (Pagefind's id for it)."""
    by_key, short = filed(names_by_page)
    count = bucket_count(json_length(by_key))   # the keys' contents, and the keys (a few bytes more)
    buckets: list[dict[str, dict[str, list[str]]]] = [{"w": {}, "n": {}} for _ in range(count)]
    for at, content in by_key.items():   # a word filed under two keys of one bucket: the same pages
        filed_in = buckets[bucket(at, count)]
        filed_in["w"].update(content["w"])
        filed_in["n"].update(content["n"])
    files = {f"{number}.json": _json(filed_in) for number, filed_in in enumerate(buckets)}
    files[DIRECTORY] = _json({"buckets": count, "n": short})
    return files


def filed(names_by_page: dict[str, list[str]]) -> tuple[dict[str, dict[str, dict[str, list[str]]]], dict[str, list[str]]]:
    """Every key's words and names with their pages (``{key: {"w": {word: [page…]}, "n": {name:
    [page…]}}}``), and the names too short for a key, with theirs."""
    found_names: dict[str, dict[str, None]] = {}   # pages in the order first found, once each
    found_words: dict[str, dict[str, None]] = {}
    for page, forms in sorted(names_by_page.items()):
        for form in forms:
            folded = words(form)
            found_names.setdefault(" ".join(folded), {})[page] = None
            for word in folded:
                found_words.setdefault(word, {})[page] = None
    # Filed by key once each name and word is known with its pages: a word recurs in many
    # names and aliases, and is filed under up to a dozen keys.
    by_key: dict[str, dict[str, dict[str, list[str]]]] = {}
    short: dict[str, list[str]] = {}
    for name, pages in found_names.items():
        whole = whole_key(name.split(" "))
        if whole is not None:
            (by_key.setdefault(whole, {"w": {}, "n": {}})["n"] if whole else short)[name] = list(pages)
    for word, pages in found_words.items():
        listed = list(pages)
        for at in filed_keys(word):
            by_key.setdefault(at, {"w": {}, "n": {}})["w"][word] = listed
    return by_key, short


def bucket_count(filed_bytes: int) -> int:
    """How many buckets for this many bytes of keys' contents: a power of two, so that a
    growing archive changes the count (and every bucket's address) seldom."""
    count = 1
    while filed_bytes > count * BUCKET_BYTES:
        count *= 2
    return count


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


_UNESCAPED = re.compile(r'[^"\\\x00-\x1f]*')   # what JSON writes as it is, between quotes


def json_length(by_key: dict[str, dict[str, dict[str, list[str]]]]) -> int:
    """``len(_json(by_key))``, counted rather than written: the buckets are written once, by
    bucket, and writing the whole only to weigh it cost a quarter of the names' time.  A
    word's ``"word":[pages],`` is the same under every key that files it (and a name's): it is
    counted once and multiplied; keys, made of folded letters, ``|`` and ``#``, need no escape."""
    contents = list(by_key.values())
    page_length = _Lengths().__getitem__   # a few hundred pages, named again and again
    length = 2 - (1 if contents else 0) + sum(map(len, by_key)) + 19 * len(contents)   # "at":{"n":{},"w":{}},
    for kind in ("w", "n"):
        filed_here = [content[kind] for content in contents]
        pages_of: dict[str, list[str]] = {}
        for values in filed_here:
            pages_of.update(values)
        times = Counter(chain.from_iterable(filed_here))
        length += sum((_quoted(value) + 2 + sum(map(page_length, pages)) + len(pages) + 1) * times[value]
                      for value, pages in pages_of.items())   # "value":[…], (no comma after a list's last)
        length -= sum(map(bool, filed_here))   # no comma after a mapping's last
    return length


class _Lengths(dict):
    """Each text's JSON length, counted the first time it is asked for."""

    def __missing__(self, text: str) -> int:
        self[text] = length = _quoted(text)
        return length


def _quoted(text: str) -> int:
    """The length of ``text`` written as a JSON string."""
    return len(text) + 2 if _UNESCAPED.fullmatch(text) else len(_json(text))
