"""Where the dossier graph's fiches, relations and relation names go, so that a reader can
follow each relation.

The fiches stand in rows by kind (people above the companies, places and minerals below),
each name centred under its point; each row is ordered to bring related fiches together and
across from each other.  A relation is a straight line between two neighbouring rows, a level
line between two neighbours on a row (its name fits between them), an arc over a row, or a
line threaded between the names of the rows it crosses: no line ever runs through a name.

Every line ends just outside its fiches' symbols (``CLEAR`` from their outline), the ends at one
symbol spread around it by the way each line comes (``SPREAD`` apart, so that no two arrowheads
touch), none under it: a line from below goes round the symbol's name, then in from its side.
(A line down from a fiche leaves it from under its name.)

A relation's name goes on its line where it overlaps no other name, no point, no arrowhead and
no line that says something else, nearer the fiche the line reads from when it has an arrow;
where none fits, it is left out of the drawing (the text under it says every relation).
Sizes are estimated as the tests estimate them: a text is ``CHAR_WIDTH`` of its font size
wide per character, 0.8 of it above its baseline, 0.25 below.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import field
from typing import NamedTuple

from ..datatypes import datatype

FONT = 13             # px: a fiche's name (CSS: .carnet-graph text)
EDGE_FONT = 11        # px: a relation's name, the smallest text of a drawing
CHAR_WIDTH = 0.7      # of the font size: wide enough for capitals and digits
WIDTH = 684           # the drawing: a desktop's text column is 686 to 688 px wide
DOT = 10.5            # a point's reach from its centre (graph.py: its kind's shape)
NAME_BASE = 23        # a name's baseline, under its point's centre
BAND = 40             # a row's height, from above its points to under its names
STREET = 16           # at least between two names on a row
MARGIN = 6            # left and right of a row
ARROW = 9             # an arrowhead's length
PAD = 2               # around a relation's name, kept clear
ROW_KINDS = ("personnes", "entreprises", "lieux", "minerais")
GAPS = (64, 88, 116, 148)   # between rows, tried in turn until every relation's name fits
SCALE_GAP = 44        # between rows of a drawing of more than FEW fiches
FEW = 20              # fiches: a larger drawing is laid out once (each try costs its all)
CLEAR = 2             # between a symbol's outline and the end of a line at it
SPREAD = (12, 20, 32)  # degrees at least between two lines' ends at one symbol: with no arrowhead,
                       # one, two (ARROW long, 0.8 of it wide: apart even at the square's side)
OPEN = (160.0, 380.0)  # the angles (0: right, 90: down) a line may end at around a symbol: all but
                       # under it, where its name is
# A shape a kind (graph.py draws them; a line ends at their outline): a person round, a company
# square, a mineral cut like a gem, a place a landmark; all within ``DOT`` of their centre.
SHAPES = {"entreprises": "square", "personnes": "circle", "minerais": "diamond", "lieux": "triangle"}
CIRCLE = 8.0          # the circle's radius
CORNERS = {   # of each polygon, from its centre
    "square": ((-7.5, -7.5), (7.5, -7.5), (7.5, 7.5), (-7.5, 7.5)),
    "diamond": ((0, -10.5), (10.5, 0), (0, 10.5), (-10.5, 0)),
    "triangle": ((0, -10.5), (10.5, 9.5), (-10.5, 9.5)),
}
# Where a name may sit on its line, in the order tried (0: its start, 1: its end).  A line
# read one way is named nearer its start, the fiche it reads from: the phrase follows its
# subject ("Cuivre — a pour lieu cité → Maghreb"), and names of lines meeting at one fiche
# (three minerals and one place) stand apart where the lines do, not stacked at their meeting.
ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82)   # read both ways: from its middle out
TAIL = (0.34, 0.26, 0.42, 0.5, 0.2, 0.58, 0.66, 0.74, 0.82)     # read one way: from near its start


class Box(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float

    def hits(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def holds(self, x: float, y: float) -> bool:
        return self.x0 < x < self.x1 and self.y0 < y < self.y1

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)


def text_width(text: str, size: float) -> float:
    return len(text) * CHAR_WIDTH * size


def text_box(x: float, baseline: float, text: str, size: float, anchor: str = "middle") -> Box:
    width = text_width(text, size)
    x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(x0, baseline - 0.8 * size, x0 + width, baseline + 0.25 * size)


class Node(NamedTuple):
    key: str      # the note's id
    kind: str
    name: str     # as drawn


class Link(NamedTuple):
    source: str
    target: str
    label: str    # as drawn
    directed: bool


@datatype(eq=False)
class Spot:
    node: Node
    line: int = 0
    x: float = 0.0
    y: float = 0.0
    half: float = field(init=False)   # of its name, or of its point: what it takes on its row

    def __post_init__(self) -> None:   # once: the rows' gaps ask for it at every line threaded
        self.half = max(DOT, text_width(self.node.name, FONT) / 2)

    @property
    def top(self) -> float:       # where a line from above first ends, clear of the point
        return self.y - DOT - 2

    @property
    def bottom(self) -> float:    # where a line to below starts, clear of the name
        return self.y + NAME_BASE + 0.25 * FONT + 3

    def name_box(self) -> Box:
        return text_box(self.x, self.y + NAME_BASE, self.node.name, FONT)

    def boxes(self) -> tuple[Box, Box]:
        return (Box(self.x - DOT, self.y - DOT, self.x + DOT, self.y + DOT),
                text_box(self.x, self.y + NAME_BASE, self.node.name, FONT))


@datatype(eq=False)
class Edge:
    source: Spot
    target: Spot
    label: str
    directed: bool
    d: str                                          # the SVG path
    # Along it, every 3 px, for naming it; a drawing of more than FEW fiches, whose lines go
    # unnamed, keeps its corners only (and its curves' points): what its height needs.
    points: list[tuple[float, float]] = field(default_factory=list)
    label_at: tuple[float, float] | None = None     # the name's centre and baseline, when it fits


@datatype
class Drawing:
    spots: list[Spot]
    edges: list[Edge]
    top: float
    height: float
    faults: tuple[int, int]   # relations left unnamed, names lying over a line saying the same
    width: int = WIDTH


def layout(nodes: list[Node], links: list[Link]) -> Drawing:
    """The drawing of ``nodes`` and ``links``; a small one tries wider gaps between its rows
    until every relation's name fits, and keeps the first that leaves out the fewest."""
    rows = ordered_rows(nodes, links)
    lines, spacing = wrapped(rows, links)
    place_x(lines, links, spacing)
    tried: list[tuple[tuple[int, int], float]] = []
    for gap in (GAPS if len(nodes) <= FEW else (SCALE_GAP,)):
        drawing = _drawn(lines, links, gap)
        tried.append((drawing.faults, gap))
        if drawing.faults == (0, 0):
            break
    best = min(tried)[1]
    # The spots stand where the last gap tried put them: drawn again only for another.
    return drawing if best == tried[-1][1] else _drawn(lines, links, best)


def _drawn(lines: list[list[Spot]], links: list[Link], gap: float) -> Drawing:
    for i, line in enumerate(lines):
        for spot in line:
            spot.y = i * (BAND + gap)
    spots = {spot.node.key: spot for line in lines for spot in line}
    edges = routes(lines, spots, links, gap, len(spots) <= FEW)
    # Past FEW fiches hardly a name finds room (5 of 149 on a test catalog) for most of the
    # drawing's cost: the lines go unnamed, the text under the drawing names every one.
    over = name_edges(edges, list(spots.values())) if len(spots) <= FEW else 0
    ys = [y for spot in spots.values() for y in (spot.top, spot.bottom)]
    ys += [y for edge in edges for _, y in edge.points]
    ys += [y + d for edge in edges if edge.label_at for y, d in ((edge.label_at[1], -EDGE_FONT), (edge.label_at[1], 4))]
    top = math.floor(min(ys)) - 6
    missing = sum(edge.label_at is None for edge in edges)
    return Drawing(list(spots.values()), edges, top, math.ceil(max(ys)) + 6 - top, (missing, over))


# ---- Order: rows by kind, related fiches together --------------------------------------------

def ordered_rows(nodes: list[Node], links: list[Link], sweeps: int = 4) -> list[list[Node]]:
    """One row a kind, in ``ROW_KINDS`` order; within a row, each fiche where its relations in
    the other rows are on average (fewer crossings), fiches related within the row side by side."""
    kinds = [k for k in ROW_KINDS if any(n.kind == k for n in nodes)]
    kinds += sorted({n.kind for n in nodes} - set(kinds))
    rows = [[n for n in nodes if n.kind == kind] for kind in kinds]
    pairs: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.source != link.target:
            pairs[link.source].add(link.target)
            pairs[link.target].add(link.source)
    # Sorted lists, not sets: a set's order changes from one process to the next (string
    # hashing), and with it sums and ties; a served rebuild must draw what a full build draws.
    near: dict[str, list[str]] = defaultdict(list, {k: sorted(v) for k, v in pairs.items()})
    kind_of = {n.key: n.kind for n in nodes}
    where: dict[str, float] = {}

    def remember(row: list[Node]) -> None:
        where.update({n.key: (i + 0.5) / len(row) for i, n in enumerate(row)})

    for row in rows:
        remember(row)
    for sweep in range(sweeps):
        for r in (range(len(rows)) if sweep % 2 == 0 else reversed(range(len(rows)))):
            kind = kinds[r]
            key = {n.key: _mean([where[m] for m in near[n.key] if kind_of[m] != kind], where[n.key])
                   for n in rows[r]}
            rows[r] = _chained(sorted(rows[r], key=lambda n: key[n.key]), near, key)
            remember(rows[r])
    return rows


def _mean(values: list[float], default: float) -> float:
    return sum(values) / len(values) if values else default


def _chained(row: list[Node], near: dict[str, list[str]], key: dict[str, float]) -> list[Node]:
    """``row`` with the fiches related to each other within it side by side: each group of them
    in one run, walked from an end (the one with fewest relations in the row)."""
    members = {n.key: n for n in row}
    seen: set[str] = set()
    groups = []
    for node in row:
        if node.key in seen:
            continue
        group, todo = [], [node.key]
        while todo:   # the whole group first, then walk it from an end
            k = todo.pop()
            if k not in seen:
                seen.add(k)
                group.append(k)
                todo += [m for m in near[k] if m in members]
        start = min(group, key=lambda k: (sum(m in members for m in near[k]), key[k], k))
        walked, todo, done = [], [start], set()
        while todo:
            k = todo.pop()
            if k not in done:
                done.add(k)
                walked.append(members[k])
                todo += sorted((m for m in near[k] if m in members and m not in done), key=lambda m: (-key[m], m))
        groups.append(walked)
    groups.sort(key=lambda g: _mean([key[n.key] for n in g], 0.0))
    return [n for g in groups for n in g]


# ---- Places: rows wrapped to the drawing's width, each fiche across from its relations ------

def wrapped(rows: list[list[Node]], links: list[Link]) -> tuple[list[list[Spot]], dict[frozenset, float]]:
    """Each row cut into lines that fit the drawing's width; the room a relation's name needs
    between two related neighbours (``named``, by pair of keys, or by one key: in a small
    drawing, half the name of its widest relation to another row, so that two neighbours'
    relations leave them far enough apart to be named side by side)."""
    named: dict = {}
    kind_of = {n.key: n.kind for row in rows for n in row}
    for link in links:
        pair = frozenset((link.source, link.target))
        named.setdefault(pair, 2 * (DOT + 2) + ARROW + text_width(link.label, EDGE_FONT) + 4 * PAD + 4)
        if len(kind_of) <= FEW and kind_of[link.source] != kind_of[link.target]:
            for key in (link.source, link.target):
                named[key] = max(named.get(key, 0.0), text_width(link.label, EDGE_FONT) / 2 + PAD)
    lines: list[list[Spot]] = []
    for row in rows:
        line: list[Spot] = []
        for node in row:
            spot = Spot(node)
            if line and _span(line + [spot], named) > WIDTH - 2 * MARGIN:
                lines.append(line)
                line = []
            spot.line = len(lines)
            line.append(spot)
        lines.append(line)
    return lines, named


def _gap(a: Spot, b: Spot, named: dict) -> float:
    wings = named.get(a.node.key, 0.0) + named.get(b.node.key, 0.0) + STREET if \
        a.node.key in named and b.node.key in named else 0.0
    return max(a.half + b.half + STREET, named.get(frozenset((a.node.key, b.node.key)), 0.0), wings)


def _reach(spot: Spot, named: dict) -> float:
    """How far from the drawing's side a fiche first or last on its line stands: its name's
    half, or (a small drawing) the half of its widest relation to another row, whose name is
    centred on a line that may run straight up or down from it."""
    return max(spot.half, named.get(spot.node.key, 0.0))


def _span(line: list[Spot], named: dict[frozenset, float]) -> float:
    return _reach(line[0], named) + sum(_gap(a, b, named) for a, b in zip(line, line[1:])) + _reach(line[-1], named)


def place_x(lines: list[list[Spot]], links: list[Link], named: dict[frozenset, float], sweeps: int = 6) -> None:
    """The line with the most relations (the companies, often) spread over the drawing's
    width; each other fiche as near as its line allows to the mean place of its relations
    on the other lines (isotonic regression)."""
    spots = {spot.node.key: spot for line in lines for spot in line}
    near: dict[str, list[Spot]] = defaultdict(list)
    for link in links:
        a, b = spots[link.source], spots[link.target]
        if a.line != b.line:
            near[a.node.key].append(b)
            near[b.node.key].append(a)
    gaps = [[_gap(a, b, named) for a, b in zip(line, line[1:])] for line in lines]
    degree = Counter(key for link in links for key in (link.source, link.target))
    anchor = max(range(len(lines)), key=lambda i: (sum(degree[s.node.key] for s in lines[i]), -i))
    for line, between in zip(lines, gaps):
        room = WIDTH - 2 * MARGIN - _span(line, named)
        share = room / (len(line) - 1) if len(line) > 1 else room / 2
        x = MARGIN + _reach(line[0], named) + (0 if len(line) > 1 else share)
        for i, spot in enumerate(line):
            spot.x = x
            x += between[i] + share if i < len(between) else 0
    for sweep in range(sweeps):
        order = range(len(lines)) if sweep % 2 == 0 else reversed(range(len(lines)))
        for i in (i for i in order if i != anchor):
            line = lines[i]
            wanted = [_mean([o.x for o in near[s.node.key]], s.x) for s in line]
            xs = _isotonic(wanted, gaps[i], MARGIN + _reach(line[0], named), WIDTH - MARGIN - _reach(line[-1], named))
            for spot, x in zip(line, xs):
                spot.x = x


def _isotonic(wanted: list[float], gaps: list[float], lo: float, hi: float) -> list[float]:
    """The places nearest ``wanted`` (least squares) that keep ``gaps`` between neighbours and
    the line between ``lo`` (its first point) and ``hi`` (its last): pool adjacent violators."""
    offsets = [0.0]
    for g in gaps:
        offsets.append(offsets[-1] + g)
    blocks: list[list[float]] = []    # [sum, count]
    for w, o in zip(wanted, offsets):
        blocks.append([w - o, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    shifted = [s / c for s, c in blocks for _ in range(int(c))]
    top = hi - offsets[-1]
    return [min(max(z, lo), top) + o if top >= lo else lo + o for z, o in zip(shifted, offsets)]


# ---- Lines: none through a name ----------------------------------------------------------------

Point = tuple[float, float]
Path = list[tuple[Point, "Point | None"]]   # each point, and the control of the curve reaching it


def routes(lines: list[list[Spot]], spots: dict[str, Spot], links: list[Link], gap: float,
           named: bool = True) -> list[Edge]:
    """Each relation's line: straight across the gap between two neighbouring rows; level
    between two neighbours on a row; an arc over a row; else threaded through the gaps between
    the names of each row on its way.  A second line between the same two fiches bends aside.
    Then each end at a symbol is moved to its outline (``ends_at_symbols``).  Lines to be
    ``named`` get a point every 3 px (``Edge.points``)."""
    seen: Counter = Counter()
    passed: Counter = Counter()   # lines threaded through each gap of a row, each on its own track
    index = {spot.node.key: i for line in lines for i, spot in enumerate(line)}
    streets = [_streets(line) for line in lines]   # the rows stay put: their gaps, once
    paths, pairs = [], []
    for link in links:
        a, b = spots[link.source], spots[link.target]
        pair = frozenset((link.source, link.target))
        again = seen[pair]
        seen[pair] += 1
        if a.line == b.line:
            side = abs(index[a.node.key] - index[b.node.key]) == 1 and not again
            path = _level(a, b) if side else _arc(a, b, min(gap - 8, 14 + abs(b.x - a.x) / 8 + 12 * again))
        elif abs(a.line - b.line) == 1:
            path = _across(a, b, again)
        else:
            path = _threaded(a, b, lines, streets, passed)
        paths.append(path)
        pairs.append((a, b))
    ends_at_symbols(paths, pairs, [link.directed for link in links], lines, index)
    return [Edge(a, b, link.label, link.directed, _d(path), _along(_sampled(path)) if named else _sampled(path))
            for (a, b), link, path in zip(pairs, links, paths)]


def _d(path: Path) -> str:
    return f"M{path[0][0][0]:.1f} {path[0][0][1]:.1f}" + "".join(
        f" Q{c[0]:.1f} {c[1]:.1f} {p[0]:.1f} {p[1]:.1f}" if c else f" L{p[0]:.1f} {p[1]:.1f}" for p, c in path[1:])


def _sampled(path: Path) -> list[Point]:
    points = [path[0][0]]
    for p, c in path[1:]:
        points += _quad(points[-1], c, p)[1:] if c else [p]
    return points


def _level(a: Spot, b: Spot) -> Path:
    way = 1 if b.x > a.x else -1
    return [((a.x + way * (DOT + 2), a.y), None), ((b.x - way * (DOT + 2), b.y), None)]


def _quad(start, control, end, steps: int = 24) -> list[tuple[float, float]]:
    return [((1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t * t * end[0],
             (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t * t * end[1])
            for t in (i / steps for i in range(steps + 1))]


def _arc(a: Spot, b: Spot, rise: float) -> Path:
    """Over the row, from above one point to above the other, its top ``rise`` above them."""
    return [((a.x, a.top), None), ((b.x, b.top), ((a.x + b.x) / 2, a.top - 2 * rise))]


def _across(a: Spot, b: Spot, again: int) -> Path:
    down = b.line > a.line
    start, end = (a.x, a.bottom if down else a.top), (b.x, b.top if down else b.bottom)
    if not again:
        return [(start, None), (end, None)]
    aside = 14 * ((again + 1) // 2) * (1 if again % 2 else -1)   # level: it stays in the gap
    return [(start, None), (end, ((start[0] + end[0]) / 2 + aside, (start[1] + end[1]) / 2))]


def _threaded(a: Spot, b: Spot, lines: list[list[Spot]], streets: list[list[tuple[float, float]]],
              passed: Counter) -> Path:
    """Down (or up) through each row between, by the gap between two names nearest the way,
    on a track of its own within the gap (while the gap has room for one)."""
    down = b.line > a.line
    step = 1 if down else -1
    points = [(a.x, a.bottom if down else a.top)]
    for k in range(a.line + step, b.line, step):
        line = lines[k]
        want = a.x + (b.x - a.x) * (k - a.line) / (b.line - a.line)
        middle, half = min(streets[k], key=lambda s: abs(s[0] - want))
        tracks = max(1, int((2 * half - 4) // 4))     # 4 px apart, 2 px clear of the names
        n = passed[(k, middle)]
        passed[(k, middle)] += 1
        x = middle + ((n % tracks) - (tracks - 1) / 2) * 4
        ends = [(x, line[0].top), (x, line[0].bottom)]
        points += ends if down else ends[::-1]
    points.append((b.x, b.top if down else b.bottom))
    return [(p, None) for p in points]


def _streets(line: list[Spot]) -> list[tuple[float, float]]:
    """The free stretches of a row (before, between and after its names): middle, half width."""
    edges = [0.0] + [v for s in line for v in (s.x - s.half, s.x + s.half)] + [float(WIDTH)]
    return [((x0 + x1) / 2, (x1 - x0) / 2) for x0, x1 in zip(edges[::2], edges[1::2]) if x1 - x0 >= 4]


def _along(points: list[tuple[float, float]], step: float = 3.0) -> list[tuple[float, float]]:
    out = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) // step))
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(1, n + 1)]
    return out


# ---- Ends: at each symbol's outline, spread around it ---------------------------------------

def ends_at_symbols(paths: list[Path], pairs: list[tuple[Spot, Spot]], directed: list[bool],
                    lines: list[list[Spot]], index: dict[str, int]) -> None:
    """Every end of a line at a symbol (each line's end; its start, but for a line that leaves
    down from under its name) moved to ``CLEAR`` outside the symbol's outline, in the direction
    the line comes from, the ends at one symbol ``SPREAD`` degrees apart or more (as near their
    own angle as that allows: least squares, their order kept; closer only when more meet there
    than the arc holds) and none under it.  A line from below first goes round the name, up
    beside it, nearest the way it comes (the line coming from nearest straight under it
    innermost)."""
    ends: dict[str, list[tuple[int, int, Spot]]] = defaultdict(list)
    for i, (a, b) in enumerate(pairs):
        if paths[i][0][0][1] <= a.y:
            ends[a.node.key].append((i, 0, a))
        ends[b.node.key].append((i, -1, b))
    room = OPEN[1] - OPEN[0]
    for here in ends.values():   # in the links' order: the same in every process
        spot = here[0][2]
        near = [_approach(paths[i], end) for i, end, _ in here]
        vias = _round_names(spot, near, lines[spot.line], index[spot.node.key])
        raw = [math.degrees(math.atan2(p[1] - spot.y, p[0] - spot.x))
               for p in (via[-1] if via else n for via, n in zip(vias, near))]
        angles = [_opened(a) for a in raw]
        order = sorted(range(len(here)), key=lambda k: (angles[k], k))
        wanted = [angles[k] for k in order]
        heads = [end == -1 and directed[i] for i, end, _ in here]
        gaps = [SPREAD[heads[k] + heads[m]] for k, m in zip(order, order[1:])]
        if any(b - a < g for a, b, g in zip(wanted, wanted[1:], gaps)):   # else each at its own angle
            squeeze = min(1.0, room / sum(gaps))
            wanted = _isotonic(wanted, [g * squeeze for g in gaps], 0.0, room)
        for k, angle in zip(order, wanted):
            i, end, _ = here[k]
            turn = abs((OPEN[0] + angle - raw[k] + 180) % 360 - 180) > 0.5   # moved from its own angle
            angle = math.radians(OPEN[0] + angle)
            ux, uy = math.cos(angle), math.sin(angle)
            reach = outline(spot.node.kind, ux, uy)
            # Moved, or round a name: the last stretch straight in, an arrowhead's length and
            # more, so that heads stand at their own angles, apart, pointing at the symbol.
            stub, come = reach + CLEAR + ARROW + 3, (vias[k] or [near[k]])[-1]
            far = bool(turn or vias[k]) and math.hypot(come[0] - spot.x, come[1] - spot.y) > stub + 2
            _rerouted(paths[i], end, vias[k] + [(spot.x + stub * ux, spot.y + stub * uy)] * far,
                      (spot.x + (reach + CLEAR) * ux, spot.y + (reach + CLEAR) * uy))


def _approach(path: Path, end: int) -> Point:
    """Where the line comes to its end from: the control of its curve, or the point before."""
    if end == 0:
        return path[1][1] or path[1][0]
    return path[-1][1] or path[-2][0]


def _opened(angle: float) -> float:
    """``angle`` (degrees) as a place on the arc ``OPEN``, from its start; under the symbol,
    the nearer end of the arc."""
    t = (angle - OPEN[0]) % 360
    room = OPEN[1] - OPEN[0]
    return t if t <= room else (0.0 if t > room + (360 - room) / 2 else room)


def _round_names(spot: Spot, near: list[Point], line: list[Spot], i: int) -> list[list[Point]]:
    """For each line coming from below ``spot`` (``line[i]``): the way round its name (beside its
    bottom corner, under every name of the row, then up beside its top corner), on the side it
    comes from (straight under: the side fewer lines come from), 4 px further out (and 3 px
    higher, twice at most) a line while the street to the next name has room (then on the same tracks again)."""
    vias: list[list[Point]] = [[] for _ in near]
    below = sorted((k for k, p in enumerate(near) if p[1] > spot.y + DOT + 2),
                   key=lambda k: (abs(near[k][0] - spot.x), k))
    if not below:
        return vias
    sides = Counter((p[0] > spot.x) - (p[0] < spot.x) for p in near)
    tracks: Counter = Counter()
    name = spot.name_box().grown(2)
    out = max(4.0, DOT + 12 - spot.half)   # from the name's side: room for a straight way in
    room = {-1: spot.x - spot.half - (line[i - 1].x + line[i - 1].half if i else 0.0),
            1: (line[i + 1].x - line[i + 1].half if i + 1 < len(line) else WIDTH) - spot.x - spot.half}
    for k in below:
        way = (near[k][0] > spot.x) - (near[k][0] < spot.x) or (1 if sides[1] <= sides[-1] else -1)
        sides[way] += near[k][0] == spot.x
        if room[way] < out + 3 <= room[-way]:
            way = -way
        n = tracks[way] % max(1, int((room[way] - 3 - out) // 4) + 1)
        tracks[way] += 1
        x = spot.x + way * (spot.half + out + 4 * n)
        top = (x, name.y0 - 1 - 3 * min(n, 2))   # within its row, above its name
        vias[k] = [(x, spot.bottom), top]   # under the row's names, then up beside this one
    return vias


def outline(kind: str, ux: float, uy: float) -> float:
    """How far from the centre of ``kind``'s symbol its outline is, in the direction (ux, uy)."""
    corners = CORNERS.get(SHAPES.get(kind, "circle"))
    if corners is None:
        return CIRCLE
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1]):
        ex, ey = x1 - x0, y1 - y0
        den = ux * ey - uy * ex
        if den:
            t, s = (x0 * ey - y0 * ex) / den, (x0 * uy - y0 * ux) / den
            if t > 0 and -1e-9 <= s <= 1 + 1e-9:
                return t
    return DOT


def _rerouted(path: Path, end: int, via: list[Point], port: Point) -> None:
    """``path`` with its ``end`` (0 or -1) at ``port``, by ``via`` (from the far side in)."""
    if end == 0:
        path[0:1] = [(port, None)] + [(p, None) for p in reversed(via)]
    elif via:
        path[-1:] = [(via[0], path[-1][1])] + [(p, None) for p in via[1:]] + [(port, None)]
    else:
        path[-1] = (port, path[-1][1])


# ---- Names of relations: only where they fit ------------------------------------------------

class Grid:
    """Boxes and points filed by square cells: what lies in a box, without looking at all."""
    CELL = 32

    def __init__(self) -> None:
        self.boxes: dict[tuple[int, int], list[Box]] = defaultdict(list)
        self.points: dict[tuple[int, int], list[tuple[float, float, str, int]]] = defaultdict(list)

    def _cells(self, box: Box):
        c = self.CELL
        return ((i, j) for i in range(int(box.x0 // c), int(box.x1 // c) + 1)
                for j in range(int(box.y0 // c), int(box.y1 // c) + 1))

    def add_box(self, box: Box) -> None:
        for cell in self._cells(box):
            self.boxes[cell].append(box)

    def add_point(self, x: float, y: float, says: str, owner: int) -> None:
        self.points[(int(x // self.CELL), int(y // self.CELL))].append((x, y, says, owner))

    def crossed(self, box: Box, owner: int, says: str) -> int | None:
        """None when a box lies in ``box`` or a line that says other than ``says``; else how
        many points of other lines (saying the same) it covers."""
        count = 0
        for cell in self._cells(box):
            if any(box.hits(other) for other in self.boxes.get(cell, ())):
                return None
            for x, y, s, o in self.points.get(cell, ()):
                if o != owner and box.holds(x, y):
                    if s != says:
                        return None
                    count += 1
        return count


def name_edges(edges: list[Edge], spots: list[Spot]) -> int:
    """Each relation's name on its line where it fits (``Edge.label_at``): level lines first
    (their name has one place), then the longest lines (of lines meeting at one fiche, the
    outer ones take the places near their starts, far apart; the middle one, shorter, the
    place left on it, higher: names staggered, not side by side); the first place along the line
    (``TAIL`` or ``ALONG``) that no other line crosses, else the one that covers least of the
    lines saying the same (three "pays" into one country).  Returns how many lie over a line."""
    grid = Grid()
    for spot in spots:
        for box in spot.boxes():
            grid.add_box(box.grown(PAD))
    for i, edge in enumerate(edges):
        if edge.directed:   # the arrowhead
            x, y = edge.points[-1]
            grid.add_box(Box(x - ARROW, y - ARROW, x + ARROW, y + ARROW))
        for x, y in edge.points:
            grid.add_point(x, y, edge.label, i)
    over = 0
    for i, edge in sorted(enumerate(edges), key=lambda ie: (ie[1].source.y != ie[1].target.y, -len(ie[1].points))):
        places = []
        for rank, t in enumerate(TAIL if edge.directed else ALONG):
            x, y = edge.points[round(t * (len(edge.points) - 1))]
            baseline = y + 0.275 * EDGE_FONT    # the box's middle on the line
            box = text_box(x, baseline, edge.label, EDGE_FONT)
            crossed = grid.crossed(box.grown(PAD), i, edge.label) if PAD <= box.x0 and box.x1 <= WIDTH - PAD else None
            if crossed is not None:
                places.append((crossed, rank, (x, baseline), box))
        if places:
            crossed, _, edge.label_at, box = min(places, key=lambda p: p[:2])
            grid.add_box(box.grown(PAD))
            over += crossed > 0
    return over
