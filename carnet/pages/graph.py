"""Relation graphs drawn at build time as inline SVG: no script, no library, no request.

Every node is a link to its page; the SVG is a labelled group with a title and a
description that says in words what the drawing shows (for screen readers); the figure's
caption only says what the drawing is, with its key.  Colours come from CSS classes
(overrides/carnet.css), so both palettes stay readable.  On a phone the figure gives way
to the text beside it (the fiche's list of relations, the dossier's lines under it).

Each kind is drawn in a shape of its own as well as its colour (``SHAPES``), in the key too.

The dossier graph (layout in graph_layout.py) is an overview: the ``MAX_NODES`` most
connected fiches in rows by kind, each relation a line named on it by a phrase read along its
arrow, subject → object (nearer the fiche it reads from); the rest reached in words through
the index of each kind.  Its page cites each relation as a fiche does (numbered references).
A fiche's graph: the fiche on the left, its relations fanning out to the notes on the right.
"""

from __future__ import annotations

from html import escape
from typing import Callable, Protocol

from ..model.catalog import Catalog, Link, sort_key
from ..model.note import Citation, Note, Relation
from ..model.vocabulary import KINDS, RELATION_TYPES, running_name
from ..text.typography import NBSP, NNBSP, join, plural
from .graph_layout import (CHAR_WIDTH, CIRCLE, CORNERS, EDGE_FONT, FONT, NAME_BASE, SHAPES, WIDTH, Drawing, Node,
                           layout, text_width)
from .graph_layout import Link as Line

__all__ = ["CHAR_WIDTH", "EDGE_FONT", "FONT", "LABEL_CHARS", "MAX_NEIGHBOURS", "MAX_NODES",
           "SHAPES", "dossier_graph", "note_graph", "overview_notes"]

MAX_NODES = 150       # in any drawing
MAX_NEIGHBOURS = 16   # around one note
LABEL_CHARS = 24      # longer names are cut, the full name is the link's label
EDGE_CHARS = 30       # of a relation's name on its line
ROW = 26              # vertical distance between two notes of a fiche's graph
PLATE = 0.5           # of the font size a character: the plate under a relation's name (within
                      # the room the layout keeps for it, CHAR_WIDTH)

KEY = f"* selon l’article{NNBSP}; sans astérisque{NBSP}: selon {{}}"   # who backs the others


def _label(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A shape a kind (graph_layout.SHAPES), not only a colour (a reader who does not tell olive from
# rust tells a diamond from a triangle), of about the same weight (201 to 225 px²: none smaller
# than the circle of radius 8 every kind had, so no link's area shrank), within ``DOT`` of its
# centre.  The key draws the same shapes (carnet.css, .carnet-key-dot--<kind>); the layout
# ends each line at their outline.


def _shape(kind: str, x: float, y: float, classes: str) -> str:
    """A note's point: its kind's shape centred on (x, y)."""
    shape = SHAPES[kind]
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{CIRCLE:g}" class="{classes}"/>'
    points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in CORNERS[shape])
    return f'<polygon points="{points}" class="{classes}"/>'


def _node(note: Note, x: float, y: float, href: str | None, anchor: str = "start", dy: float = 5,
          extra: str = "") -> str:
    """A point of its kind's shape and its name; a link to the note's page (``href``), named
    with its kind."""
    kind = KINDS[note.kind].singular.lower()
    dx = {"start": 14, "end": -14, "middle": 0}[anchor]
    drawn = (_shape(note.kind, x, y, f"carnet-node carnet-node--{note.kind}{extra}")
             + f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">{escape(_label(note.name))}</text>')
    if href is None:
        return f"<g>{drawn}</g>"
    # xlink:href, not href: Material's instant navigation rewrites every [href]
    # element's href property, which an SVG link does not allow (TypeError).
    return f'<a xlink:href="{escape(href)}" aria-label="{escape(note.name)} ({kind})">{drawn}</a>'


def _key(kinds: set[str], more: list[str]) -> str:
    """The drawing's key: each kind's shape in its colour (carnet.css draws the same shape as
    the drawing), then ``more`` (already HTML)."""
    dots = [f'<li><span class="carnet-key-dot carnet-key-dot--{kind}" aria-hidden="true"></span> '
            f"{escape(KINDS[kind].plural)}</li>" for kind in KINDS if kind in kinds]
    return f'<ul class="carnet-graph-key-list" aria-label="Légende">{"".join(dots + more)}</ul>'


def _svg(title: str, description: str, box: tuple[float, float, float, float], body: str, ident: str,
         caption: str) -> str:
    """The figure: its caption (what the drawing is, and its key: HTML) above the drawing, drawn
    at its own size (never scaled below legibility), the figure scrolling where the column is
    narrower; the drawing named by its title and described in full by its ``<desc>``."""
    x, y, width, height = (int(round(v)) for v in box)
    # A figure that may scroll sideways takes the keyboard's focus (axe: scrollable-region-focusable).
    return (f'<figure class="carnet-graph carnet-graph--natural" tabindex="0"><figcaption>{caption}</figcaption>'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {width} {height}" width="{width}" '
            f'height="{height}" role="group" aria-labelledby="{ident}-title {ident}-desc" '
            f'preserveAspectRatio="xMidYMid meet">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
            f"{body}</svg></figure>")


SaidBy = Callable[[Citation | None, Note, str | None], str]   # who says so: "selon l’article, § 2"


class Cites(Protocol):
    """How the dossier graph's page cites its relations: as fiches do (note_html.PageReferences)."""

    def cite_relation(self, relation: Relation, declaring: Note) -> str:
        """The raised number of who backs ``relation``, linked to its reference (HTML)."""

    def said_by(self, cite: Citation | None, declaring: Note, source: str | None = None) -> str:
        """The same in words, for the drawing's description: "selon l’article, réf. 2"."""

    def references(self) -> str:
        """The numbered references cited so far, under their heading (HTML)."""


def _described(links: list[Link], note: Note, said_by: SaidBy) -> str:
    """ "A (selon l’article, § 2) et B (selon …)", or "A et B (selon …)" when one source says both."""
    said = [said_by(link.relation.cite, note if link.declared_here else link.other, link.relation.source)
            for link in links]
    names = [running_name(link.other.name, link.other.kind) for link in links]
    if len(set(said)) == 1:
        return f"{join(names)} ({said[0]})"
    return join([f"{name} ({s})" for name, s in zip(names, said)])


def _star_key(shown: list[Link]) -> str:
    """The asterisk's key, naming the sources of the relations without one ("selon Wikipédia")."""
    named = sorted({link.relation.source for link in shown if not link.relation.cite and link.relation.source})
    return KEY.format(join(named) if named else "la source que la fiche nomme")


def note_graph(note: Note, catalog: Catalog, href: Callable[[str], str], said_by: SaidBy) -> str:
    """The note on the left, each related note in a column on the right, each relation a curve
    fanning out to it, named next to the note it leads to; a star on those the article states
    when the drawing also holds others.  Its ``<desc>`` says each relation and who says so."""
    groups = catalog.grouped_links(note.id)
    links = [link for _, group in groups for link in group]
    if not links:
        return "<p>Aucune relation à représenter.</p>"
    shown = links[:MAX_NEIGHBOURS]
    mixed = 0 < sum(1 for l in shown if l.relation.cite) < len(shown)   # stars tell them apart
    height = max(70, 40 + ROW * len(shown))
    half = max(12, text_width(_label(note.name), FONT) / 2)   # of the note's name, over its dot
    self_x = 16 + half
    fan = self_x + half + 6            # the curves start past the note's name...
    level = fan + 56                   # ...and run level from here, their names above that run
    longest = max(text_width(_label(l.other.name), FONT) for l in shown)
    # Relations' names cut to what the column leaves (very long names of notes only).
    room = int((WIDTH - 22 - longest - 22 - level) / (CHAR_WIDTH * EDGE_FONT)) - 1
    names = [_label(l.label.lower(), max(8, min(EDGE_CHARS, room))) + ("*" if mixed and l.relation.cite else "")
             for l in shown]
    other_x = level + 8 + max(60, max(text_width(n, EDGE_FONT) for n in names)) + 14
    width = other_x + 22 + longest
    top = 30 + (height - 40 - ROW * len(shown)) / 2   # of the first related note
    me_y = top + ROW * (len(shown) - 1) / 2            # level with the middle one
    edges, nodes = [], []
    for i, (link, name) in enumerate(zip(shown, names)):
        y, bend = top + ROW * i, (fan + level) / 2
        edges.append(f'<path d="M{self_x:.1f} {me_y:.1f} H{fan:.1f} C{bend:.1f} {me_y:.1f} {bend:.1f} {y:.1f} '
                     f'{level:.1f} {y:.1f} H{other_x:.1f}" class="carnet-edge"/>'
                     f'<text x="{other_x - 14:.1f}" y="{y - 4:.1f}" text-anchor="end" '
                     f'class="carnet-edge-label">{escape(name)}</text>')
        nodes.append(_node(link.other, other_x, y, href(link.other.id)))
    nodes.append(_node(note, self_x, me_y, None, "middle", -16, " carnet-node--self"))   # over the shape's top
    described = f"{NNBSP}; ".join(
        f"{label.lower()}{NBSP}: {_described([l for l in group if l in shown], note, said_by)}"
        for label, group in groups if any(l in shown for l in group))
    more = f" (et {plural(len(links) - len(shown), 'autre relation', 'autres relations')})" \
        if len(links) > len(shown) else ""
    caption = (f"<p>Ces relations en un schéma{NNBSP}; un clic sur un nom ouvre sa fiche.</p>"
               + _key({note.kind} | {l.other.kind for l in shown}, [f"<li>{escape(_star_key(shown))}</li>"] if mixed else []))
    return _svg(f"Relations de la fiche {note.name}", f"{note.name} — {described}{more}.", (0, 0, width, height),
                f'<g class="carnet-edges">{"".join(edges)}</g><g>{"".join(nodes)}</g>', "graph-" + note.slug,
                caption)


def overview_notes(catalog: Catalog, limit: int = MAX_NODES) -> list[Note]:
    """The ``limit`` most connected notes (relations either way), ties by name."""
    ranked = sorted(catalog, key=lambda n: (-len(catalog.links(n.id)), sort_key(n.name), n.id))
    return ranked[:limit]


def _arrowhead(ident: str) -> str:
    """The marker at the end of a relation read one way: from the note that states it."""
    return (f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
            f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0 1 L10 5 L0 9 z" class="carnet-arrow"/></marker></defs>')


def _edge_name(label: str, x: float, baseline: float) -> str:
    """A relation's name on its line, on a plate of the page's colour: the line stops under it
    (a halo covers the letters, not the spaces between words)."""
    width, height = len(label) * PLATE * EDGE_FONT, 1.15 * EDGE_FONT
    return (f'<rect x="{x - width / 2:.1f}" y="{baseline - 0.85 * EDGE_FONT:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}" rx="3" class="carnet-edge-plate"/>'
            f'<text x="{x:.1f}" y="{baseline:.1f}" text-anchor="middle" class="carnet-edge-label">{escape(label)}</text>')


def _drawn(drawing: Drawing, notes: dict[str, Note], href: Callable[[str], str], ident: str) -> str:
    """The dossier drawing's body: each relation a group of its line and, where it fits, its
    name; then the notes, each a point with its name under it."""
    relations = []
    for edge in drawing.edges:
        arrow = f' marker-end="url(#{ident}-arrow)"' if edge.directed else ""
        named = _edge_name(edge.label, *edge.label_at) if edge.label_at else ""
        relations.append(f'<g class="carnet-relation"><path d="{edge.d}" class="carnet-edge"{arrow}/>{named}</g>')
    points = "".join(_node(notes[s.node.key], s.x, s.y, href(s.node.key), "middle", NAME_BASE)
                     for s in drawing.spots)
    return f'{_arrowhead(ident)}<g class="carnet-edges">{"".join(relations)}</g><g>{points}</g>'


def _dossier_caption(what: str, drawing: Drawing, kinds: set[str]) -> str:
    """What the drawing is, how to read it, its key; how many relations it leaves unnamed."""
    missing = sum(edge.label_at is None for edge in drawing.edges)
    unnamed = ("" if not missing else
               f" Faute de place, {plural(missing, 'relation')} n’y "
               + ("porte pas son nom" if missing == 1 else "portent pas leur nom")
               + f"{NBSP}: chacune est écrite en toutes lettres sous le graphe.")
    both_ways = [f"<li>Un trait sans flèche{NBSP}: une relation dans les deux sens</li>"] \
        if any(not edge.directed for edge in drawing.edges) else []
    return (f"<p>{escape(what)}. Un symbole par fiche, d’une forme et d’une couleur par catégorie{NNBSP}; "
            f"un trait par relation, nommée sur le trait et lue dans le sens de sa flèche{NNBSP}; "
            f"un clic sur un nom ouvre sa fiche.{unnamed}</p>" + _key(kinds, both_ways))


def _relations(notes: list[Note], catalog: Catalog, href: Callable[[str], str], cites: Cites):
    """The relations between ``notes``: as lines to draw, as sentences (the drawing's
    description, who says so in words) and as list items, one a relation, both notes linked,
    its reference's number after it (as on a fiche); each read along its arrow, subject →
    object ("Belkacem Soltani — dirige : Sonarem", though Sonarem's note says who leads it),
    in the order of their subjects' names."""
    drawn = {n.id for n in notes}
    read = []   # (subject, phrase, object, the relation, the note declaring it)
    for note in notes:
        for rel in note.relations:
            if rel.target in drawn:
                target, rtype = catalog.notes[rel.target], RELATION_TYPES[rel.type]
                subject, object_ = (target, note) if rtype.graph_reversed else (note, target)
                read.append((subject, rtype.graph_label(rel.cite is not None), object_, rel, note))
    # Sorted by names, then by the declaring note's id and its order of relations: the same
    # order in every process, and references numbered in the order the list shows them.
    read.sort(key=lambda r: (sort_key(r[0].name), sort_key(r[2].name), r[4].id))
    lines, sentences, items = [], [], []
    for subject, label, object_, rel, note in read:
        lines.append(Line(subject.id, object_.id, _label(label, EDGE_CHARS), not RELATION_TYPES[rel.type].symmetric))
        number = cites.cite_relation(rel, note)   # first: the words below give its number
        said = cites.said_by(rel.cite, note, rel.source)
        # Within the description's one sentence: "cuivre", as names run in a sentence.
        sentences.append(f"{running_name(subject.name, subject.kind)} — {label}{NBSP}: "
                         f"{running_name(object_.name, object_.kind)} ({said})")
        items.append(f'<li><a href="{escape(href(subject.id))}">{escape(subject.name)}</a> — {escape(label)}{NBSP}: '
                     f'<a href="{escape(href(object_.id))}">{escape(running_name(object_.name, object_.kind))}</a>'
                     f"{number}</li>")
    return lines, sentences, items


def dossier_graph(catalog: Catalog, href: Callable[[str], str], index_href: Callable[[str], str],
                  cites: Cites) -> str:
    """An overview: the most connected fiches (all of them in a small dossier) with the
    relations between them, drawn; under it, each relation in words with its reference's
    number, then how many fiches each kind holds and where its index lists every one
    (``index_href(kind)``); at the end, the references."""
    notes = overview_notes(catalog)
    if not notes:
        return "<p>Aucune fiche.</p>"
    lines, sentences, items = _relations(notes, catalog, href, cites)
    drawing = layout([Node(n.id, n.kind, _label(n.name)) for n in notes], lines)
    whole = len(notes) == len(catalog)
    what = (f"Le graphe compte {plural(len(notes), 'fiche')} et {plural(len(lines), 'relation')}" if whole else
            f"Les {len(notes)} fiches les plus reliées sur {len(catalog)}, et {plural(len(lines), 'relation')} "
            "entre elles")
    listed = f"{NNBSP}; ".join(sentences)
    description = what + (". " + listed[:1].upper() + listed[1:] if sentences else "") + "."
    graph = _svg("Graphe du dossier", description, (0, drawing.top, drawing.width, drawing.height),
                 _drawn(drawing, {n.id: n for n in notes}, href, "graph-dossier"), "graph-dossier",
                 _dossier_caption(what, drawing, {n.kind for n in notes}))
    heading = (f"Les relations, une par ligne{NBSP}:" if whole else
               f"Les relations entre les {len(notes)} fiches les plus reliées, une par ligne{NBSP}:")
    relations = f'<p>{heading}</p><ul class="carnet-graph-relations">{"".join(items)}</ul>' if items else ""
    # On a phone the figure gives way (carnet.css): a line says so, where it would stand.
    narrow = f'<p class="carnet-graph-narrow">Le schéma s’affiche sur un écran plus large{NNBSP}; en voici le contenu.</p>'
    return narrow + graph + relations + _kinds_list(catalog, notes, href, index_href) + cites.references()


def _kinds_list(catalog: Catalog, notes: list[Note], href: Callable[[str], str],
                index_href: Callable[[str], str]) -> str:
    """Each kind with its index and the fiches the drawing shows, one list: on a phone, where
    the drawing gives way to its text, each stays one tap away."""
    items = []
    for kind in KINDS:
        count, members = len(catalog.by_kind(kind)), sorted((n for n in notes if n.kind == kind),
                                                            key=lambda n: sort_key(n.name))
        if not count:
            continue
        links = join([f'<a href="{escape(href(n.id))}">{escape(running_name(n.name, n.kind))}</a>' for n in members])
        items.append(f'<li><a class="carnet-graph-kind" href="{escape(index_href(kind))}">'
                     f"{escape(KINDS[kind].plural)}</a> (" + plural(count, "fiche")
                     + ("" if len(members) == count else f", dont {len(members)} dans le graphe") + ")"
                     + (f"{NBSP}: {links}" if members else "") + "</li>")
    return (f'<p>Les fiches, par catégorie{NBSP}:</p>'
            f'<ul class="carnet-graph-fiches carnet-graph-kinds">{"".join(items)}</ul>')
