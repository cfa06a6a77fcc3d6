"""One way of reading text, for every file Carnet reads: notes, articles, hand-written pages.

Text arrives as editors' tools save it: with or without a UTF-8 byte-order mark, with
Windows (CRLF) or old Mac (CR) line ends, composed (NFC) or decomposed (NFD: "e" and a
combining accent, as PDFs and macOS applications give it).  It is all read as the same
text: UTF-8, LF line ends, NFC.  NFC changes no word a reader sees ("é" is "é"); it lets
names, quotes, anchors and slugs match whatever form the text arrived in.
"""

from __future__ import annotations

import unicodedata

from ..model.problems import Problem

BOM = "\ufeff"
# What can break a word without changing it, as text copied from a layout brings it: soft
# hyphens and zero-width characters (nothing to a reader), the hyphen and the non-breaking
# hyphen (a hyphen to a reader).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
HYPHENS = "\u2010\u2011"
_UNBREAK = str.maketrans({**{c: None for c in INVISIBLE}, **{c: "-" for c in HYPHENS}})
_BREAKS = INVISIBLE + HYPHENS   # rare: text without them is used as it is


def unbroken(text: str) -> str:
    """``text`` as words are compared: invisible breaks dropped, hyphens plain.  ``translate``
    with a mapping looks up every character in Python: only text that has a break goes
    through it, the rest is returned as it is."""
    return text.translate(_UNBREAK) if has_breaks(text) else text


def has_breaks(text: str) -> bool:
    """Whether ``text`` holds a break: one substring search per character, in C (ten to thirty
    times faster than a regular expression's character class over the same text), written
    out rather than looped over (asked of every text: a generator costs more than the searches)."""
    return ("\u00ad" in text or "\u200b" in text or "\u200c" in text or "\u200d" in text or "\u2060" in text
            or "\ufeff" in text or "\u2010" in text or "\u2011" in text)


assert set(_BREAKS) == set("\u00ad\u200b\u200c\u200d\u2060\ufeff\u2010\u2011")   # has_breaks lists them all


def canonical(text: str) -> str:
    """``text`` with one byte-order mark dropped, LF line ends, in NFC."""
    if text.startswith(BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def decode(raw: bytes, path: str, what: str = "file") -> str | Problem:
    """The canonical text of a file's bytes, or a Problem naming the byte that is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        return Problem(path, line, exc.start - line_start + 1,
                       f"{what} is not valid UTF-8: byte {exc.start} (0x{raw[exc.start]:02x}) cannot be decoded "
                       "(a Latin-1 or Windows-1252 file, perhaps).",
                       "save it as UTF-8 (most editors offer 'Save with encoding' or 'Encoding: UTF-8').")
    return canonical(text)
