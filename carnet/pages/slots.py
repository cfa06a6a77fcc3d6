"""Slots: the places in a page's Markdown that Carnet fills with HTML once every page is rendered.

A slot is an HTML comment (``<!-- carnet-slot:name -->``), the cheapest raw HTML for
Markdown to carry through untouched.  ``fill`` replaces each slot by its section's HTML,
slots inside sections too; a slot no section names is left for a later fill (what search
reads is filled first, what it does not read once it has).
"""

from __future__ import annotations

_SLOT_OPEN, _SLOT_CLOSE = "<!-- carnet-slot:", " -->"


def slot(name: str) -> str:
    return f"{_SLOT_OPEN}{name}{_SLOT_CLOSE}"


def fill(content: str, sections: dict[str, str]) -> str:
    """``content`` with each slot replaced by its section's HTML, slots inside sections
    too; other slots are left for a later fill.  One pass over the page, by string
    search (a page is tens of kilobytes; a regular expression would step through it)."""
    if not sections:
        return content
    at = content.find(_SLOT_OPEN)
    if at < 0:
        return content
    out, done = [], 0
    while at >= 0:
        start = at + len(_SLOT_OPEN)
        end = content.find(_SLOT_CLOSE, start)
        if end < 0:
            break
        name = content[start:end]
        html = sections.get(name) if " " not in name else None
        if html is not None:
            out += [content[done:at], fill(html, sections) if _SLOT_OPEN in html else html]
            done = end + len(_SLOT_CLOSE)
        at = content.find(_SLOT_OPEN, start)
    out.append(content[done:])
    return "".join(out)
