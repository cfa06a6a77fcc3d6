"""Relation graphs drawn at build time as inline SVG: no script, no library, no request.

Every node is a link to its page; the SVG is a labelled group with a title and
a description that says in words what the drawing shows.  Colours come from
CSS classes (overrides/carnet.css), so both palettes stay readable.

Legible at any size: nodes stand in rows, their names written beside them on a
grid where no two labels can overlap (``ROW`` apart, ``COLUMN`` wide for
``LABEL_CHARS`` characters), and no drawing holds more than ``MAX_NODES``.
The dossier graph is an overview: the most connected fiches, the rest reached
in words through the index of each kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from ..model.catalog import Catalog, Link, sort_key
from ..model.note import Citation, Note
from ..model.vocabulary import KINDS, RELATION_TYPES, running_name
from ..text.typography import NBSP, NNBSP, join, plural

MAX_NODES = 150       # in any drawing
MAX_NEIGHBOURS = 16   # around one note
LABEL_CHARS = 24      # longer names are cut, the full name is the link's label
FONT = 13             # px in the drawing's units (CSS: .carnet-graph text)
EDGE_FONT = 11
EDGE_CHARS = 30       # of a relation's label beside its edge
CHAR_WIDTH = 0.7      # of the font size: wide enough for capitals and digits
ROW = 26              # vertical distance between two nodes of a column
COLUMN = 36 + int(LABEL_CHARS * CHAR_WIDTH * FONT)  # dot, gap, label
ROWS_MAX = 40         # nodes per column in the overview
BAND_WIDTH = 720      # the overview's columns wrap into bands no wider than a page's text


def _label(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Placed:
    note: Note
    x: float
    y: float


def _node(p: Placed, href: str | None, extra: str = "", anchor: str = "start") -> str:
    kind = KINDS[p.note.kind].singular.lower()
    dx = {"start": 14, "end": -14, "middle": 0}[anchor]
    dy = 5 if anchor != "middle" else -14
    drawn = (f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="8" class="carnet-node carnet-node--{p.note.kind}{extra}"/>'
             f'<text x="{p.x + dx:.1f}" y="{p.y + dy:.1f}" text-anchor="{anchor}">{escape(_label(p.note.name))}</text>')
    if href is None:
        return f"<g>{drawn}</g>"
    # xlink:href, not href: Material's instant navigation rewrites every [href]
    # element's href property, which an SVG link does not allow (TypeError).
    return f'<a xlink:href="{escape(href)}" aria-label="{escape(p.note.name)} ({kind})">{drawn}</a>'


def _edge(a: Placed, b: Placed) -> str:
    if abs(a.x - b.x) < 1:  # same column: an arc beside it, not a line through its nodes
        bend = a.x - 18 - abs(a.y - b.y) / 6
        return (f'<path d="M{a.x:.1f} {a.y:.1f} Q{bend:.1f} {(a.y + b.y) / 2:.1f} {b.x:.1f} {b.y:.1f}" '
                f'class="carnet-edge"/>')
    return f'<line x1="{a.x:.1f}" y1="{a.y:.1f}" x2="{b.x:.1f}" y2="{b.y:.1f}" class="carnet-edge"/>'


KEY = f"* selon l’article{NNBSP}; sans astérisque{NBSP}: selon la source que la fiche nomme."


def _routed_edge(a: Placed, b: Placed) -> str:
    """An edge of the overview that crosses no label: down into the gap under ``a``'s row,
    along it, then into ``b`` from the left of its dot (labels stand right of the dots,
    centred on their rows; the gaps between rows and left of the dots are free)."""
    if abs(a.x - b.x) < 1:
        return _edge(a, b)
    gap = a.y + ROW / 2
    left = b.x - 11
    return (f'<path d="M{a.x:.1f} {a.y:.1f} V{gap:.1f} H{left:.1f} V{b.y:.1f} H{b.x:.1f}" '
            f'class="carnet-edge"/>')


def _svg(title: str, description: str, width: int, height: int, body: str, ident: str, natural: bool = False,
         key: str = "", caption: str | None = None) -> str:
    # natural: drawn at its own size (the figure scrolls), never scaled below legibility.
    size = f' width="{width}" height="{height}"' if natural else ""
    # A figure that may scroll sideways takes the keyboard's focus (axe: scrollable-region-focusable).
    focus = ' tabindex="0"' if natural else ""
    key = f' <span class="carnet-graph-key">{escape(key)}</span>' if key else ""
    return (f'<figure class="carnet-graph{" carnet-graph--natural" if natural else ""}"{focus}>'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"{size} role="group" '
            f'aria-labelledby="{ident}-title {ident}-desc" preserveAspectRatio="xMidYMid meet">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
            f"{body}</svg><figcaption>{escape(description if caption is None else caption)}{key}</figcaption></figure>")


SaidBy = Callable[[Citation | None, Note, str | None], str]   # who says so: "selon l’article, § 2"


def _described(links: list[Link], note: Note, said_by: SaidBy) -> str:
    """ "A (selon l’article, § 2) et B (selon …)", or "A et B (selon …)" when one source says both."""
    said = [said_by(link.relation.cite, note if link.declared_here else link.other, link.relation.source)
            for link in links]
    names = [running_name(link.other.name, link.other.kind) for link in links]
    if len(set(said)) == 1:
        return f"{join(names)} ({said[0]})"
    return join([f"{name} ({s})" for name, s in zip(names, said)])


def note_graph(note: Note, catalog: Catalog, href: Callable[[str], str], said_by: SaidBy) -> str:
    """The note on the left, each related note in a column on the right, edges labelled
    with the relation next to the note they lead to, a star on those the article states;
    the text alternative says each relation and who says so."""
    groups = catalog.grouped_links(note.id)
    links = [link for _, group in groups for link in group]
    if not links:
        return "<p>Aucune relation à représenter.</p>"
    shown = links[:MAX_NEIGHBOURS]
    height = max(140, 40 + ROW * len(shown))
    # As wide as what it draws: the note's name centred over its dot, then room for the
    # longest relation label (and its star) beside the edges' ends, then the names.
    edge_room = int((max(len(_label(l.label, EDGE_CHARS)) for l in shown) + 1) * CHAR_WIDTH * EDGE_FONT) + 40
    half = max(12, int(len(_label(note.name)) * CHAR_WIDTH * FONT / 2))   # of the note's name, over its dot
    self_x = 16 + half
    fan_x = self_x + half + 12   # the edges part past the name, then run level into each note:
    other_x = fan_x + max(96, edge_room)   # a label above that level run crosses no line
    width = other_x + 30 + max(int(len(_label(l.other.name)) * CHAR_WIDTH * FONT) for l in shown)
    top = 30 + (height - 40 - ROW * len(shown)) / 2   # of the first related note
    me = Placed(note, self_x, top + ROW * (len(shown) - 1) / 2)   # level with the middle one
    edges, nodes = [], []
    for i, link in enumerate(shown):
        other = Placed(link.other, other_x, top + ROW * i)
        star = "*" if link.relation.cite else ""
        edges.append(f'<path d="M{me.x:.1f} {me.y:.1f} H{fan_x:.1f} V{other.y:.1f} H{other.x:.1f}" class="carnet-edge"/>'
                     + f'<text x="{other_x - 14:.1f}" y="{other.y - 4:.1f}" text-anchor="end" '
                       f'class="carnet-edge-label">{escape(_label(link.label.lower(), EDGE_CHARS))}{star}</text>')
        nodes.append(_node(other, href(link.other.id)))
    nodes.append(_node(me, None, " carnet-node--self", "middle"))
    described = f"{NNBSP}; ".join(
        f"{label.lower()}{NBSP}: {_described([l for l in group if l in shown], note, said_by)}"
        for label, group in groups if any(l in shown for l in group))
    more = f" (et {plural(len(links) - len(shown), 'autre relation', 'autres relations')})" \
        if len(links) > len(shown) else ""
    key = KEY if any(l.relation.cite for l in shown) else ""
    return _svg(f"Relations de la fiche {note.name}", f"{note.name} — {described}{more}.", width, int(height),
                f'<g class="carnet-edges">{"".join(edges)}</g><g>{"".join(nodes)}</g>', "graph-" + note.slug,
                natural=True, key=key)


def overview_notes(catalog: Catalog, limit: int = MAX_NODES) -> list[Note]:
    """The ``limit`` most connected notes (relations either way), ties by name."""
    ranked = sorted(catalog, key=lambda n: (-len(catalog.links(n.id)), sort_key(n.name), n.id))
    return ranked[:limit]


def _column_width(notes: list[Note]) -> int:
    return 36 + int(max(len(_label(n.name)) for n in notes) * CHAR_WIDTH * FONT)


def _columns(notes: list[Note]) -> list[Placed]:
    """Notes grouped by kind in columns of at most ``rows``, each as wide as its longest
    label, wrapped into bands ``BAND_WIDTH`` wide: one label per row, never two on one spot."""
    rows = min(ROWS_MAX, max(8, -(-len(notes) // 4)))
    columns = []
    for kind in KINDS:
        members = sorted((n for n in notes if n.kind == kind), key=lambda n: sort_key(n.name))
        columns += [members[start:start + rows] for start in range(0, len(members), rows)]
    placed, x, top, band_rows = [], 40, 30, 0
    for column in columns:
        width = _column_width(column)
        if x > 40 and x + width > BAND_WIDTH:   # the band is full: the next one starts below
            x, top, band_rows = 40, top + (band_rows + 1) * ROW, 0
        placed += [Placed(note, x, top + i * ROW) for i, note in enumerate(column)]
        x, band_rows = x + width, max(band_rows, len(column))
    return placed


def dossier_graph(catalog: Catalog, href: Callable[[str], str], index_href: Callable[[str], str],
                  said_by: SaidBy) -> str:
    """An overview: the most connected fiches (all of them in a small dossier) with the
    relations between them; below, in words, how many fiches each kind holds and where
    its index lists every one (``index_href(kind)``)."""
    notes = overview_notes(catalog)
    if not notes:
        return "<p>Aucune fiche.</p>"
    placed = {p.note.id: p for p in _columns(notes)}
    edges, sentences, lines = [], [], []
    for note in sorted(notes, key=lambda n: sort_key(n.name)):
        for rel in note.relations:
            if rel.target in placed:
                edges.append(_routed_edge(placed[note.id], placed[rel.target]))
                target = catalog.notes[rel.target]
                label = RELATION_TYPES[rel.type].side_label(True, 1, rel.cite is not None, target.kind).lower()
                said = said_by(rel.cite, note, rel.source)
                sentences.append(f"{note.name} — {label}{NBSP}: {running_name(target.name, target.kind)} ({said})")
                lines.append(f'<li><a href="{escape(href(note.id))}">{escape(note.name)}</a> — {escape(label)}{NBSP}: '
                             f'<a href="{escape(href(target.id))}">{escape(running_name(target.name, target.kind))}</a> '
                             f"({escape(said)})</li>")
    width = int(max(p.x + 14 + len(_label(p.note.name)) * CHAR_WIDTH * FONT for p in placed.values()) + 10)
    height = int(max(p.y for p in placed.values()) + ROW)
    drawn = "".join(_node(p, href(p.note.id)) for p in placed.values())
    whole = len(notes) == len(catalog)
    what = (f"Le graphe compte {plural(len(notes), 'fiche')} et {plural(len(edges), 'relation')}" if whole else
            f"Les {len(notes)} fiches les plus reliées sur {len(catalog)}, et {plural(len(edges), 'relation')} entre elles")
    description = what + (". " + f"{NNBSP}; ".join(sentences) if sentences else "") + "."
    # The drawing's caption counts; its relations follow one a line, each fiche a link (the
    # drawing's lines carry no words: a reader learns there who relates to whom, and here how).
    graph = _svg("Graphe du dossier", description, width, height,
                 f'<g class="carnet-edges">{"".join(edges)}</g><g>{drawn}</g>', "graph-dossier", natural=True,
                 caption=what + (f"{NNBSP}; chacune est écrite en toutes lettres ci-dessous." if lines else "."))
    counts = [(kind, len(catalog.by_kind(kind))) for kind in KINDS]
    drawn_by_kind = {kind: sum(1 for n in notes if n.kind == kind) for kind in KINDS}
    # The key to the drawing; then each kind with its index and its fiches the drawing shows,
    # one list: on a phone, where the drawing gives way to its text, each stays one tap away.
    key = "".join(f'<li><span class="carnet-key-dot carnet-key-dot--{kind}" aria-hidden="true"></span> '
                  f"{escape(KINDS[kind].plural)}</li>"
                  for kind, count in counts if drawn_by_kind[kind])
    kinds = "".join(
        f'<li><a class="carnet-graph-kind" href="{escape(index_href(kind))}">{escape(KINDS[kind].plural)}</a> ('
        + plural(count, "fiche") + ("" if drawn_by_kind[kind] == count else f", dont {drawn_by_kind[kind]} dans le graphe")
        + ")" + (f"{NBSP}: " + join([f'<a href="{escape(href(n.id))}">{escape(running_name(n.name, n.kind))}</a>'
                                    for n in sorted((n for n in notes if n.kind == kind), key=lambda n: sort_key(n.name))])
                 if drawn_by_kind[kind] else "") + "</li>"
        for kind, count in counts if count)
    relations = (f'<p>Les relations du graphe{NBSP}:</p><ul class="carnet-graph-relations">{"".join(lines)}</ul>'
                 if lines else "")
    return (f'<ul class="carnet-graph-key-list" aria-label="Légende">{key}'
            f"<li>Un trait{NBSP}: une relation entre deux fiches</li></ul>" + graph + relations
            + f'<p>Les fiches, par catégorie{NBSP}:</p><ul class="carnet-graph-fiches carnet-graph-kinds">{kinds}</ul>')
