"""The one rule for a web address an editor writes (a source's, an article's original).

An http(s) address, and nothing a URL cannot hold unencoded (RFC 3986): no spaces, and
none of ``" < > \\ ^ ` { | }``, the characters that would end an attribute or open a tag
in the page the address is written into.  The JSON Schema (carnet.load.schema) uses the same
pattern, so an editor's YAML language server underlines what the build refuses.
"""

from __future__ import annotations

import re

_UNSAFE = r"\s\"<>\\^`{|}"
PATTERN = rf"^[hH][tT][tT][pP][sS]?://[^{_UNSAFE}/$.?#][^{_UNSAFE}]*$"   # the scheme in any case; JSON Schema has no flags
HTTP_URL_RE = re.compile(PATTERN)
HINT = ("write the address as it appears in the browser's address bar, starting with https:// "
        "(spaces, quotes and < > are written %20, %22, %3C, %3E)")


def is_web_address(text: str) -> bool:
    return HTTP_URL_RE.match(text) is not None
