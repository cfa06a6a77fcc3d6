"""Relation graphs drawn at build time as inline SVG: no script, no library, no request.

Every node is a link to its page; the SVG is a labelled group with a title and
a description that says in words what the drawing shows.  Colours come from
CSS classes (see docs/assets/carnet.css), so both palettes stay readable.
"""

from __future__ import annotations

import math
from html import escape
from typing import Callable

from .catalog import Catalog, sort_key
from .model import Note
from .typography import NBSP, NNBSP, plural
from .vocabulary import KINDS, RELATION_TYPES

MAX_NEIGHBOURS = 16


def _label(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node(note: Note, x: float, y: float, href: str | None, extra: str = "") -> str:
    kind = KINDS[note.kind].singular.lower()
    circle = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" class="carnet-node carnet-node--{note.kind}{extra}"/>'
              f'<text x="{x:.1f}" y="{y + 24:.1f}" text-anchor="middle">{escape(_label(note.name))}</text>')
    if href is None:
        return f"<g>{circle}</g>"
    # xlink:href, not href: Material's instant navigation rewrites every [href]
    # element's href property, which an SVG link does not allow (TypeError).
    return f'<a xlink:href="{escape(href)}" aria-label="{escape(note.name)} ({kind})">{circle}</a>'


def _svg(title: str, description: str, width: int, height: int, body: str, ident: str) -> str:
    return (f'<figure class="carnet-graph">'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="group" '
            f'aria-labelledby="{ident}-title {ident}-desc" preserveAspectRatio="xMidYMid meet">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
            f"{body}</svg><figcaption>{escape(description)}</figcaption></figure>")


def note_graph(note: Note, catalog: Catalog, href: Callable[[str], str]) -> str:
    """The note in the centre, each related note around it, edges labelled with the relation."""
    links = sorted(catalog.links(note.id), key=lambda l: (l.label, sort_key(l.other.name)))
    if not links:
        return "<p>Aucune relation à représenter.</p>"
    shown = links[:MAX_NEIGHBOURS]
    width, height, cx, cy = 640, 420, 320, 200
    radius = 150
    edges, nodes = [], []
    for i, link in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / len(shown)
        x, y = cx + radius * math.cos(angle) * 1.4, cy + radius * math.sin(angle)
        edges.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" class="carnet-edge"/>'
                     f'<text x="{(cx + x) / 2:.1f}" y="{(cy + y) / 2 - 4:.1f}" text-anchor="middle" '
                     f'class="carnet-edge-label">{escape(link.label)}</text>')
        nodes.append(_node(link.other, x, y, href(link.other.id)))
    nodes.append(_node(note, cx, cy, None, " carnet-node--self"))
    described = f"{NNBSP}; ".join(f"{l.label}{NBSP}: {l.other.name}" for l in shown)
    more = f" (et {len(links) - len(shown)} autres)" if len(links) > len(shown) else ""
    return _svg(f"Relations de {note.name}", f"{note.name} — {described}{more}.", width, height,
                f'<g class="carnet-edges">{"".join(edges)}</g><g>{"".join(nodes)}</g>', "graph-" + note.slug)


def dossier_graph(catalog: Catalog, href: Callable[[str], str]) -> str:
    """Every note on a circle, grouped by kind, with every declared relation as an edge."""
    notes = [n for kind in KINDS for n in catalog.by_kind(kind)]
    if not notes:
        return "<p>Aucune fiche.</p>"
    size = max(520, int(len(notes) * 40 / math.pi) + 160)
    c, radius = size / 2, size / 2 - 90
    position = {}
    for i, note in enumerate(notes):
        angle = -math.pi / 2 + 2 * math.pi * i / len(notes)
        position[note.id] = (c + radius * math.cos(angle), c + radius * math.sin(angle))
    edges, sentences = [], []
    for note in notes:
        for rel in note.relations:
            if rel.target in position:
                (x1, y1), (x2, y2) = position[note.id], position[rel.target]
                edges.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" class="carnet-edge"/>')
                label = RELATION_TYPES[rel.type].label.lower()
                sentences.append(f"{note.name} — {label} — {catalog.notes[rel.target].name}")
    nodes = [_node(n, *position[n.id], href(n.id)) for n in notes]
    description = (f"{plural(len(notes), 'fiche')} et {plural(len(edges), 'relation')}. "
                   + f"{NNBSP}; ".join(sentences) + ".")
    return _svg("Graphe du dossier", description, size, size,
                f'<g class="carnet-edges">{"".join(edges)}</g><g>{"".join(nodes)}</g>', "graph-dossier")
