"""The network picture of a region: municipalities as nodes, shared arrangements as edges.

Pure Python (no Django). Nodes sit where the municipalities are (the centroid on the map of
netwerk/topo.py), so the picture reads like a map; in a small region nodes that would overlap
are pushed apart a little. The edge between two municipalities carries the number of active
arrangements both take part in.

Arrangements that (nearly) the whole region takes part in, such as the safety region or the GGD
of a province, link every pair equally and hide who works with whom inside the region. In a
region of ``COMMON_MIN_SIZE`` or more municipalities, arrangements with at least
``COMMON_SHARE`` of them are therefore listed apart ("regiobreed") and not drawn as edges.
A region still has many pairs; the picture then shows only the strongest (at most about three
per municipality, cut at a whole weight) and says so, and the table lists exactly the edges
drawn.

Labels never overlap: they are placed greedily, the busiest municipality first, right of the
dot, else left, above or below, wherever the text box (estimated generously from the number of
characters) touches no other label and no other dot. A name that fits nowhere is not drawn;
it stays in the dot's title and accessible name, and in the table.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from .names import sort_key
from .regie import Arrangement

MAX_EDGES = 400
EDGES_PER_NODE = 3
COMMON_SHARE = 0.8
COMMON_MIN_SIZE = 6
LABEL_LIMIT = 80  # above this many nodes, names only in the titles and the table
WIDTH = 720.0
PADDING = 40.0
FONT_SIZE = 12.0
CHAR_WIDTH = 0.68 * FONT_SIZE  # generous: wide capitals and bold on focus still fit
LABEL_HEIGHT = 1.3 * FONT_SIZE
LABEL_GAP = 3.0


@dataclass(frozen=True)
class Node:
    code: str
    name: str
    x: float
    y: float
    r: float
    arrangements: int  # active arrangements with at least one other municipality in the region
    slug: str = ""
    label_x: float = 0.0
    label_right: bool = True  # kept for older templates: the anchor is "start"
    label_y: float = 0.0
    anchor: str = "start"  # text-anchor of the label: start, end or middle
    show_label: bool = True
    url: str = ""  # where the dot links to when it is not a municipality (an area)


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    a_name: str
    b_name: str
    weight: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Network:
    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    min_weight: int  # edges below this weight are not drawn
    total_edges: int  # all pairs with at least one shared arrangement
    labels: bool
    common: tuple[str, ...] = ()  # names of the region-wide arrangements, not drawn as edges


def shared_counts(codes: set[str], arrangements: Iterable[Arrangement]) -> Counter:
    """(a, b) with a < b → the number of arrangements both are members of."""
    counts: Counter = Counter()
    for arrangement in arrangements:
        members = sorted(arrangement.members & codes)
        if len(members) > 1:
            counts.update(combinations(members, 2))
    return counts


def edge_threshold(weights: list[int], max_edges: int = MAX_EDGES) -> int:
    """The lowest whole weight at which no more than max_edges edges remain (at least 1)."""
    if len(weights) <= max_edges:
        return 1
    ordered = sorted(weights, reverse=True)
    threshold = ordered[max_edges - 1]
    if ordered[max_edges] == threshold:  # a tie at the cut: raise it so the rule stays whole
        threshold += 1
    return max(threshold, 1)


def _spread(points: dict[str, list[float]], min_distance: float, rounds: int = 40) -> None:
    """Push apart points closer than min_distance (in place); deterministic."""
    codes = sorted(points)
    for _ in range(rounds):
        moved = False
        for a, b in combinations(codes, 2):
            (ax, ay), (bx, by) = points[a], points[b]
            dx, dy = bx - ax, by - ay
            distance = math.hypot(dx, dy)
            if distance >= min_distance:
                continue
            if distance < 1e-6:
                dx, dy, distance = 1.0, 0.0, 1.0
            push = (min_distance - distance) / 2
            ux, uy = dx / distance * push, dy / distance * push
            points[a] = [ax - ux, ay - uy]
            points[b] = [bx + ux, by + uy]
            moved = True
        if not moved:
            break


Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    nodes: list[tuple[str, str, float, float, float]], width: float, height: float
) -> dict[str, tuple[float, float, str] | None]:
    """code → (x, y, anchor) of its label, or None when it fits nowhere; nodes are
    (code, name, x, y, r), the most important first."""
    dots = {code: (x - r, y - r, x + r, y + r) for code, _, x, y, r in nodes}
    placed: list[Box] = []
    result: dict[str, tuple[float, float, str] | None] = {}
    for code, name, x, y, r in nodes:
        w, h = len(name) * CHAR_WIDTH + 4, LABEL_HEIGHT
        options = [
            (
                (x + r + LABEL_GAP, y - h / 2, x + r + LABEL_GAP + w, y + h / 2),
                (x + r + LABEL_GAP, y, "start"),
            ),
            (
                (x - r - LABEL_GAP - w, y - h / 2, x - r - LABEL_GAP, y + h / 2),
                (x - r - LABEL_GAP, y, "end"),
            ),
            (
                (x - w / 2, y - r - LABEL_GAP - h, x + w / 2, y - r - LABEL_GAP),
                (x, y - r - LABEL_GAP - h / 2, "middle"),
            ),
            (
                (x - w / 2, y + r + LABEL_GAP, x + w / 2, y + r + LABEL_GAP + h),
                (x, y + r + LABEL_GAP + h / 2, "middle"),
            ),
        ]
        result[code] = None
        for box, spot in options:
            if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
                continue
            if any(_overlaps(box, other) for other in placed):
                continue
            if any(_overlaps(box, dot) for c, dot in dots.items() if c != code):
                continue
            placed.append(box)
            result[code] = (round(spot[0], 1), round(spot[1], 1), spot[2])
            break
    return result


def layout(
    names: dict[str, str],
    positions: dict[str, tuple[float, float]],
    arrangements: Iterable[Arrangement],
    *,
    slugs: dict[str, str] | None = None,
    urls: dict[str, str] | None = None,
    max_edges: int = MAX_EDGES,
    width: float = WIDTH,
) -> Network:
    """The picture for the municipalities in `names` (code → name) at their map positions."""
    slugs = slugs or {}
    urls = urls or {}
    codes = set(names)
    arrangements = list(arrangements)
    common: list[Arrangement] = []
    if len(codes) >= COMMON_MIN_SIZE:
        common = [a for a in arrangements if len(a.members & codes) >= COMMON_SHARE * len(codes)]
        arrangements = [a for a in arrangements if a not in common]
    counts = shared_counts(codes, arrangements)
    per_node: Counter = Counter()
    for arrangement in arrangements:
        members = arrangement.members & codes
        if len(members) > 1:
            per_node.update(members)

    placed = {c: list(positions[c]) for c in sorted(codes) if c in positions}
    labels = len(placed) <= LABEL_LIMIT
    common_names = tuple(sorted(a.name for a in common))
    if not placed:
        return Network(width, 200.0, (), (), 1, 0, labels, common_names)
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    inner = width - 2 * PADDING - (120 if labels else 0)  # room for the labels on the right
    scale = inner / max(span_x, span_y * 0.9, 1e-6)
    height = max(240.0, span_y * scale + 2 * PADDING)
    for point in placed.values():
        point[0] = PADDING + (point[0] - min(xs)) * scale
        point[1] = PADDING + (point[1] - min(ys)) * scale
    if labels and len(placed) > 1:
        # Only small regions: there the labels need room; a big region reads as a map anyway.
        _spread(placed, min_distance=36.0)

    most = max(per_node.values(), default=1) or 1
    radius_max = 14.0 if len(placed) <= 40 else 9.0
    radii = {c: round(3.0 + (radius_max - 3.0) * math.sqrt(per_node[c] / most), 1) for c in placed}
    spots: dict = {}
    if labels:
        busiest = sorted(placed, key=lambda c: (-per_node[c], sort_key(names[c])))
        spots = place_labels(
            [(c, names[c], placed[c][0], placed[c][1], radii[c]) for c in busiest], width, height
        )
    nodes = []
    for c, (x, y) in sorted(placed.items(), key=lambda item: sort_key(names[item[0]])):
        spot = spots.get(c)
        nodes.append(
            Node(
                code=c,
                name=names[c],
                x=round(x, 1),
                y=round(y, 1),
                r=radii[c],
                arrangements=per_node[c],
                slug=slugs.get(c, ""),
                label_x=spot[0] if spot else 0.0,
                label_y=spot[1] if spot else 0.0,
                anchor=spot[2] if spot else "start",
                label_right=bool(spot) and spot[2] == "start",
                show_label=spot is not None,
                url=urls.get(c, ""),
            )
        )
    max_edges = min(max_edges, max(40, EDGES_PER_NODE * len(placed)))
    threshold = edge_threshold(list(counts.values()), max_edges)
    shown = sorted(
        ((pair, w) for pair, w in counts.items() if w >= threshold and pair[0] in placed),
        key=lambda item: (-item[1], sort_key(names[item[0][0]]), sort_key(names[item[0][1]])),
    )
    strongest = shown[0][1] if shown else 1
    edges = tuple(
        Edge(
            a=a,
            b=b,
            a_name=names[a],
            b_name=names[b],
            weight=w,
            x1=round(placed[a][0], 1),
            y1=round(placed[a][1], 1),
            x2=round(placed[b][0], 1),
            y2=round(placed[b][1], 1),
            width=round(0.6 + 5.4 * (w - threshold + 1) / (strongest - threshold + 1), 1),
        )
        for (a, b), w in shown
    )
    return Network(
        width=width,
        height=round(height, 1),
        nodes=tuple(nodes),
        edges=edges,
        min_weight=threshold,
        total_edges=len(counts),
        labels=labels,
        common=common_names,
    )
