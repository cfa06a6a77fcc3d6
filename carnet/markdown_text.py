"""Put untrusted note text into generated Markdown so that it shows as typed.

Every character Markdown or HTML could interpret is escaped: backslash escapes
for Markdown punctuation, entities for ``<`` and ``&``.  Whitespace is folded
to single spaces so a value can never start a new block.
"""

from __future__ import annotations

import re

_BACKSLASHED = set("\\`*_{}[]()>#+-.!|")
_ENTITIES = {"<": "&lt;", "&": "&amp;"}


def md_text(value: str) -> str:
    """Escape ``value`` for an inline position in Markdown (text shown verbatim)."""
    out = []
    for ch in " ".join(value.split()):
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _BACKSLASHED:
            out.append("\\" + ch)
        else:
            out.append(ch)
    text = "".join(out)
    # A leading ':' would start a definition in a definition list.
    return re.sub(r"^:", "&#58;", text)
