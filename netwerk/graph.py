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
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from .regie import Arrangement

MAX_EDGES = 400
EDGES_PER_NODE = 3
COMMON_SHARE = 0.8
COMMON_MIN_SIZE = 6
LABEL_LIMIT = 40  # above this many nodes, names only in the titles and the table
WIDTH = 720.0
PADDING = 40.0


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
    label_right: bool = True


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


def layout(
    names: dict[str, str],
    positions: dict[str, tuple[float, float]],
    arrangements: Iterable[Arrangement],
    *,
    slugs: dict[str, str] | None = None,
    max_edges: int = MAX_EDGES,
    width: float = WIDTH,
) -> Network:
    """The picture for the municipalities in `names` (code → name) at their map positions."""
    slugs = slugs or {}
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

    most = max(per_node.values(), default=1)
    radius_max = 14.0 if labels else 7.0
    nodes = []
    for c, (x, y) in sorted(placed.items(), key=lambda item: names[item[0]]):
        r = round(3.0 + (radius_max - 3.0) * math.sqrt(per_node[c] / most), 1)
        right = x < width - 150  # near the right edge the label goes to the left of the dot
        nodes.append(
            Node(
                code=c,
                name=names[c],
                x=round(x, 1),
                y=round(y, 1),
                r=r,
                arrangements=per_node[c],
                slug=slugs.get(c, ""),
                label_x=round(x + r + 3 if right else x - r - 3, 1),
                label_right=right,
            )
        )
    max_edges = min(max_edges, max(40, EDGES_PER_NODE * len(placed)))
    threshold = edge_threshold(list(counts.values()), max_edges)
    shown = sorted(
        ((pair, w) for pair, w in counts.items() if w >= threshold and pair[0] in placed),
        key=lambda item: (-item[1], names[item[0][0]], names[item[0][1]]),
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
