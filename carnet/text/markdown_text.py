"""Put untrusted note text into generated Markdown so that it shows as typed.

Only what Markdown or HTML could interpret inside a line is escaped: code,
emphasis, links and images (backslash escapes), attribute lists ``{``, raw HTML
and entities (``&lt;`` and ``&amp;``).  Characters that matter only at the start
of a line (``#``, ``-``, ``>``, ``1.``, ``:``) are escaped there, and a closing
``#`` run, which a heading would swallow, at the end.  Whitespace is folded to
single spaces so a value can never start a new block; control characters go.  Escaping little keeps
generated pages cheap to render; tests check the property on random text.
"""

from __future__ import annotations

import re

_INLINE = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
           "{": "\\{", "<": "&lt;", "&": "&amp;"}
_INLINE_RE = re.compile(r"[\\`*_\[\]{<&]")
_LINE_START_RE = re.compile(r"^(?:[#>+:|=~-]|\d+(?=[.)]))")
_TRAILING_HASH_RE = re.compile(r"#+$")
# Control characters never show; \x02 and \x03 are Python-Markdown's own placeholder marks.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def md_text(value: str) -> str:
    """Escape ``value`` for Markdown; safe at the start of a line and in a heading."""
    text = " ".join(_CONTROL_RE.sub("", value).split())
    text = _INLINE_RE.sub(lambda m: _INLINE[m.group()], text)
    text = _LINE_START_RE.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), text)
    return _TRAILING_HASH_RE.sub(lambda m: "&#35;" * len(m.group()), text)
