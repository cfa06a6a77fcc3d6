"""The little of CBOR (RFC 8949) that Pagefind's files use: arrays, text, integers.

Pagefind writes its page list and index chunks as gzip, then a signature, then CBOR;
carnet.search.page_list and carnet.search.chunks read and write them back.  These few types
are read and written here rather than with a CBOR library: a build would import one on
every run for forty lines, and anything else in a file (a new Pagefind format) fails loudly
with ``FormatError`` rather than being written back wrong.  Heads are written in their
shortest form, as Pagefind (minicbor) writes them, so that what is read is written back
byte for byte (a test checks it on every file of a build).
"""

from __future__ import annotations

import gzip

SIGNATURE = b"pagefind_dcd"


class FormatError(RuntimeError):
    """A Pagefind file is not as this module knows it (a new Pagefind version)."""


def unzip(data: bytes, name: str) -> bytes:
    """The CBOR of a Pagefind file's bytes (gzip, then the signature, then CBOR)."""
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise FormatError(f"Carnet: {name} does not start with Pagefind's signature")
    return raw[len(SIGNATURE):]


def zip_raw(body: bytes) -> bytes:
    """A Pagefind file's bytes for its CBOR; the same CBOR gives the same bytes."""
    return gzip.compress(SIGNATURE + body, compresslevel=6, mtime=0)   # Pagefind's own level


def load(data: bytes, name: str):
    """The value of a Pagefind file's bytes (one CBOR item)."""
    raw = unzip(data, name)
    value, end = read(raw, 0)
    if end != len(raw):
        raise FormatError(f"Carnet: {name} holds more than one CBOR item")
    return value


def dump(value) -> bytes:
    return zip_raw(write(value))


def read_head(data: bytes, at: int, major: int) -> tuple[int, int]:
    """The number in the head at ``at`` of an item of type ``major`` (an array's length, a
    text's bytes), and where what follows the head starts."""
    if at >= len(data) or data[at] >> 5 != major:
        raise FormatError(f"Carnet: a Pagefind file holds no CBOR item of type {major} where one was expected")
    return _number(data, at)


def _number(data: bytes, at: int) -> tuple[int, int]:
    """The number a head carries (its low five bits, or the bytes after them)."""
    info = data[at] & 31
    if info < 24:
        return info, at + 1
    if info > 27:
        raise FormatError(f"Carnet: a Pagefind file holds a CBOR item this module does not read ({data[at]:#x})")
    size = 1 << (info - 24)
    return int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def read(data: bytes, at: int):
    """One CBOR item from ``at``: (value, where the next one starts)."""
    major = data[at] >> 5
    value, at = _number(data, at)
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major == 3:
        return data[at:at + value].decode("utf-8"), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = read(data, at)
            items.append(item)
        return items, at
    raise FormatError(f"Carnet: a Pagefind file holds a CBOR type this module does not read ({major})")


def write(value) -> bytes:
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(write(item) for item in value)
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return head(3, len(encoded)) + encoded
    return head(0, value) if value >= 0 else head(1, -1 - value)


def head(major: int, value: int) -> bytes:
    """A CBOR head in its shortest form."""
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise FormatError(f"Carnet: a number too large for CBOR: {value}")
