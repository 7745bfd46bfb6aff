"""The network picture of a region: municipalities as nodes, shared arrangements as edges.

Pure Python (no Django). Nodes sit where the municipalities are (the centroid on the map of
netwerk/register/topo.py), so the picture reads like a map; in a small region nodes that would
overlap are pushed apart a little. The edge between two municipalities carries the number of active
arrangements both take part in.

Arrangements that (nearly) the whole region takes part in, such as the safety region or the GGD
of a province, link every pair equally and hide who works with whom inside the region. In a
region of ``COMMON_MIN_SIZE`` or more municipalities, arrangements with at least
``COMMON_SHARE`` of them are therefore listed apart ("regiobreed") and not drawn as edges.
A region still has many pairs; the picture then shows only the strongest (at most about three
per municipality, cut at a whole weight) and says so, and the table lists exactly the edges
drawn.

Labels never overlap: they are placed greedily, the busiest municipality first, right of the
dot, else left, above, below or on a diagonal, wherever the text box (estimated generously from
the number of characters) touches no other label and no other dot. When names are left out,
two other orders are tried (longest name first, top to bottom) and the one leaving out fewest
wins; then a name without room may take the spot of one other name that can move elsewhere. A
name that still fits nowhere is drawn only while its dot has the pointer or the focus; it stays
in the dot's title and accessible name, and in the table.

A region of several COROP areas (a province, a safety region, a choice) is drawn in groups:
each group gets a disc of its own, sized by the room its dots and names need, placed where the
group lies on the map, pushed apart from the other discs until none overlap and then drawn
together until the picture stops shrinking (of a few shrinks of the map, the most faithful one
that fits a square of the width wins). Inside a disc the municipalities keep their places
relative to each other (scaled to the disc, pushed apart for their labels), and each stays on
its own side of the line halfway between two groups' centres, so every municipality is nearer
its own group's centre than any other's. The group's name is placed first (above, below or
inside its disc), then the municipalities' labels around it. All of it is deterministic: the
same register gives the same picture.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations, product

from netwerk.register.opendata.names import sort_key
from netwerk.register.regie import Arrangement

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
NODE_DISTANCE = 36.0  # nodes with labels are pushed this far apart
GROUP_ROOM = 1.3  # a group's disc: this many times the room its dots and names take
GROUP_GAP = 30.0  # between two group discs: room for a group name
GROUP_MARGIN = 12.0  # nodes stay this far inside their disc
GROUP_FONT_SIZE = 13.0
GROUP_CHAR_WIDTH = 0.7 * GROUP_FONT_SIZE  # bold
SHRINKS = (1.0, 0.6, 0.35, 0.2, 0.1)
STRAY_PENALTY = 0.1
CONTRACT = 0.9  # per round of drawing the groups together
SIDE_MARGIN = 70.0  # left and right of the discs: room for the labels of the outer nodes


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
    group: str = ""  # the name of its group ("" when the picture has no groups)


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
    a_group: str = ""
    b_group: str = ""


@dataclass(frozen=True)
class Group:
    """A group of municipalities drawn together: a disc with its name."""

    name: str
    x: float
    y: float
    r: float
    size: int  # municipalities in the group
    label_x: float = 0.0
    label_y: float = 0.0
    show_label: bool = True


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
    groups: tuple[Group, ...] = ()  # empty when the picture is not drawn in groups

    def nodes_by_group(self) -> list[tuple[Group | None, list[Node]]]:
        """The nodes per group, in the order of the groups (one None group without groups)."""
        if not self.groups:
            return [(None, list(self.nodes))]
        return [(g, [n for n in self.nodes if n.group == g.name]) for g in self.groups]


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


def _label_options(x: float, y: float, r: float, w: float, h: float):
    """Candidate (box, (x, y, anchor)) spots around a dot: right, left, above, below, then the
    four diagonals."""
    g = LABEL_GAP
    right, left = x + r + g, x - r - g
    up, down = y - r - g - h / 2, y + r + g + h / 2
    return [
        ((right, y - h / 2, right + w, y + h / 2), (right, y, "start")),
        ((left - w, y - h / 2, left, y + h / 2), (left, y, "end")),
        ((x - w / 2, up - h / 2, x + w / 2, up + h / 2), (x, up, "middle")),
        ((x - w / 2, down - h / 2, x + w / 2, down + h / 2), (x, down, "middle")),
        ((x + r * 0.7, up - h / 2, x + r * 0.7 + w, up + h / 2), (x + r * 0.7, up, "start")),
        ((x + r * 0.7, down - h / 2, x + r * 0.7 + w, down + h / 2), (x + r * 0.7, down, "start")),
        ((x - r * 0.7 - w, up - h / 2, x - r * 0.7, up + h / 2), (x - r * 0.7, up, "end")),
        ((x - r * 0.7 - w, down - h / 2, x - r * 0.7, down + h / 2), (x - r * 0.7, down, "end")),
    ]


def _fits(box: Box, width: float, height: float, placed: list[Box], dots: Iterable[Box]) -> bool:
    if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
        return False
    return not any(_overlaps(box, other) for other in placed) and not any(
        _overlaps(box, dot) for dot in dots
    )


def place_labels(
    nodes: list[tuple[str, str, float, float, float]],
    width: float,
    height: float,
    taken: Iterable[Box] = (),
    outward: dict[str, bool] | None = None,
) -> dict[str, tuple[float, float, str] | None]:
    """code → (x, y, anchor) of its label, or None when it fits nowhere; nodes are
    (code, name, x, y, r), the most important first; `taken` are boxes already used (the
    groups' names); a node in `outward` marked True tries the left before the right (it lies
    in the left half of its group, so its name points out of the group, leaving the inside to
    the others)."""
    outward = outward or {}
    dots = {code: (x - r, y - r, x + r, y + r) for code, _, x, y, r in nodes}
    fixed = list(taken)
    boxes: dict[str, Box] = {}  # code → the box of its placed label
    spots: dict[str, tuple[float, float, str]] = {}

    def options_of(code, name, x, y, r):
        options = _label_options(x, y, r, len(name) * CHAR_WIDTH + 4, LABEL_HEIGHT)
        if outward.get(code):
            return [options[1], options[0], options[2], options[3], *options[6:], *options[4:6]]
        return options

    def free(box: Box, code: str, ignore: str = "") -> bool:
        others = [dot for c, dot in dots.items() if c != code]
        labels = [b for c, b in boxes.items() if c != ignore]
        return _fits(box, width, height, fixed + labels, others)

    for code, name, x, y, r in nodes:
        for box, spot in options_of(code, name, x, y, r):
            if free(box, code):
                boxes[code], spots[code] = box, spot
                break
    # Repair: a name that found no room may take a spot held by one other name, when that name
    # can move to another free spot of its own.
    by_code = {node[0]: node for node in nodes}
    for code, name, x, y, r in nodes:
        if code in spots:
            continue
        for box, spot in options_of(code, name, x, y, r):
            blockers = [c for c, b in boxes.items() if _overlaps(box, b)]
            if len(blockers) != 1 or not free(box, code, ignore=blockers[0]):
                continue
            blocker = blockers[0]
            held = boxes.pop(blocker)
            boxes[code] = box
            moved = next(
                (
                    (other_box, other_spot)
                    for other_box, other_spot in options_of(*by_code[blocker])
                    if other_box != held and free(other_box, blocker)
                ),
                None,
            )
            if moved is None:  # put back
                del boxes[code]
                boxes[blocker] = held
                continue
            boxes[blocker], spots[blocker] = moved
            spots[code] = spot
            break
    return {
        code: (round(spots[code][0], 1), round(spots[code][1], 1), spots[code][2])
        if code in spots
        else None
        for code, *_ in nodes
    }


def _separate_discs(discs: dict[str, list[float]], gap: float, rounds: int = 200) -> None:
    """Push apart discs [x, y, r] until no two are closer than gap (in place); deterministic."""
    names = sorted(discs)
    pairs = [(a, b, i * 2.39996 + j) for (i, a), (j, b) in combinations(enumerate(names), 2)]
    for _ in range(rounds):
        moved = False
        for a, b, angle in pairs:
            da, db = discs[a], discs[b]
            need = da[2] + db[2] + gap
            dx, dy = db[0] - da[0], db[1] - da[1]
            distance = math.hypot(dx, dy)
            if distance >= need - 0.1:
                continue
            if distance < 1e-6:  # the same spot: part along a fixed direction per pair
                dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
            # The larger disc moves less, so big groups keep their place on the map; a little
            # more than needed, so that a crowd settles in a few rounds.
            push = need - distance + 0.5
            share_a = db[2] / (da[2] + db[2])
            ux, uy = dx / distance * push, dy / distance * push
            da[0], da[1] = da[0] - ux * share_a, da[1] - uy * share_a
            db[0], db[1] = db[0] + ux * (1 - share_a), db[1] + uy * (1 - share_a)
            moved = True
        if not moved:
            break


def _contract_discs(discs: dict[str, list[float]], gap: float, rounds: int = 30) -> None:
    """Draw separated discs together towards their middle, keeping them apart (in place): the
    map's arrangement stays, the empty space between the groups goes."""

    def extent() -> float:
        return sum(
            max(d[axis] + d[2] for d in discs.values())
            - min(d[axis] - d[2] for d in discs.values())
            for axis in (0, 1)
        )

    before = extent()
    for _ in range(rounds):
        mx = sum(d[0] for d in discs.values()) / len(discs)
        my = sum(d[1] for d in discs.values()) / len(discs)
        for d in discs.values():
            d[0], d[1] = mx + (d[0] - mx) * CONTRACT, my + (d[1] - my) * CONTRACT
        _separate_discs(discs, gap)
        after = extent()
        if after > before - 1.0:  # no longer getting smaller
            break
        before = after


def _spread_in_disc(
    points: dict[str, list[float]], cx: float, cy: float, radius: float, rounds: int = 60
) -> None:
    """Push apart the points of one group, keeping them inside the disc (in place)."""
    for _ in range(rounds):
        before = {c: tuple(p) for c, p in points.items()}
        _spread(points, NODE_DISTANCE, rounds=1)
        for point in points.values():
            dx, dy = point[0] - cx, point[1] - cy
            distance = math.hypot(dx, dy)
            if distance > radius:
                point[0], point[1] = cx + dx / distance * radius, cy + dy / distance * radius
        if all(tuple(p) == before[c] for c, p in points.items()):
            break


def group_layout(
    positions: dict[str, tuple[float, float]],
    group_of: dict[str, str],
    width: float = WIDTH,
    names: dict[str, str] | None = None,
) -> tuple[dict[str, list[float]], dict[str, tuple[float, float, float]], float, float]:
    """Node positions, group discs (name → (x, y, r)), width and height of the picture.

    positions are map positions (any scale); every code in positions has a group in group_of.
    A disc's area is what its municipalities' names need (GROUP_ROOM times the room of a dot
    with its name), so a group of long names gets a larger disc.
    """
    names = names or {}
    members: dict[str, list[str]] = {}
    for code in sorted(positions):
        members.setdefault(group_of[code], []).append(code)
    geo = {
        g: (
            sum(positions[c][0] for c in codes) / len(codes),
            sum(positions[c][1] for c in codes) / len(codes),
        )
        for g, codes in members.items()
    }

    def room(code: str) -> float:
        return (len(names.get(code, "")) * CHAR_WIDTH + NODE_DISTANCE) * NODE_DISTANCE

    radii = {
        g: math.sqrt(GROUP_ROOM * max(sum(room(c) for c in codes), 2 * room("")) / math.pi)
        for g, codes in members.items()
    }
    xs = [p[0] for p in geo.values()]
    ys = [p[1] for p in geo.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)
    inner = width - 2 * SIDE_MARGIN
    # The map's spread of the groups, shrunk (evenly or more one way) before the discs are
    # pushed apart. Of a few tries the one that fits a square of the width and strays least
    # from the map wins (the more compact one when they stray alike); when none fits, the most
    # compact one, an uneven shrink counting a little worse.
    base = inner / span
    best: tuple[tuple, dict[str, list[float]]] | None = None
    for fx, fy in product(SHRINKS, SHRINKS):
        tried = {
            g: [(x - min(xs)) * base * fx, (y - min(ys)) * base * fy, radii[g]]
            for g, (x, y) in geo.items()
        }
        _separate_discs(tried, GROUP_GAP)
        _contract_discs(tried, GROUP_GAP)
        across = max(d[0] + d[2] for d in tried.values()) - min(d[0] - d[2] for d in tried.values())
        down = max(d[1] + d[2] for d in tried.values()) - min(d[1] - d[2] for d in tried.values())
        stray = abs(math.log(fx / fy))
        if across <= inner and down <= inner:
            key = (0, round(stray, 6), round(max(across, down), 3))
        else:
            key = (1, round(max(across, down) * (1 + STRAY_PENALTY * stray), 3), 0)
        if best is None or key < best[0]:
            best = (key, tried)
    discs = best[1]
    left = min(d[0] - d[2] for d in discs.values())
    top = min(d[1] - d[2] for d in discs.values())
    right = max(d[0] + d[2] for d in discs.values())
    bottom = max(d[1] + d[2] for d in discs.values())
    width = max(width, right - left + 2 * SIDE_MARGIN)
    offset_x = (width - (right - left)) / 2 - left
    offset_y = PADDING - top
    for disc in discs.values():
        disc[0] += offset_x
        disc[1] += offset_y
    height = bottom - top + 2 * PADDING

    points: dict[str, list[float]] = {}
    for g, codes in members.items():
        cx, cy, r = discs[g]
        gx, gy = geo[g]
        reach = max(math.hypot(positions[c][0] - gx, positions[c][1] - gy) for c in codes)
        inside = r - GROUP_MARGIN
        factor = inside / reach if reach > 1e-6 else 0.0
        own = {
            c: [cx + (positions[c][0] - gx) * factor, cy + (positions[c][1] - gy) * factor]
            for c in codes
        }
        _spread_in_disc(own, cx, cy, inside)
        points.update(own)
    # Each node on its own side of the line halfway between its group's centre and another's.
    for g, codes in members.items():
        cx, cy, _ = discs[g]
        for other, (ox, oy, _) in discs.items():
            if other == g:
                continue
            distance = math.hypot(ox - cx, oy - cy)
            ux, uy = (ox - cx) / distance, (oy - cy) / distance
            limit = distance / 2 - GROUP_MARGIN
            for c in codes:
                along = (points[c][0] - cx) * ux + (points[c][1] - cy) * uy
                if along > limit:
                    points[c][0] -= ux * (along - limit)
                    points[c][1] -= uy * (along - limit)
    return points, {g: (d[0], d[1], d[2]) for g, d in discs.items()}, width, height


def place_group_labels(
    discs: dict[str, tuple[float, float, float]],
    dots: list[Box],
    width: float,
    height: float,
) -> dict[str, tuple[float, float, Box] | None]:
    """group → (x, y, box) of its name (text-anchor middle), above or below its disc or just
    inside its rim; None when it fits nowhere (the name stays in the group's accessible name)."""
    placed: list[Box] = []
    result: dict[str, tuple[float, float, Box] | None] = {}
    h = GROUP_FONT_SIZE * 1.3
    for g in sorted(discs, key=lambda g: (-discs[g][2], sort_key(g))):
        x, y, r = discs[g]
        w = len(g) * GROUP_CHAR_WIDTH + 6
        result[g] = None
        for middle in (y - r - 4 - h / 2, y + r + 4 + h / 2, y - r + 6 + h / 2, y + r - 6 - h / 2):
            box = (x - w / 2, middle - h / 2, x + w / 2, middle + h / 2)
            if _fits(box, width, height, placed, dots):
                placed.append(box)
                result[g] = (round(x, 1), round(middle, 1), box)
                break
    return result


def layout(
    names: dict[str, str],
    positions: dict[str, tuple[float, float]],
    arrangements: Iterable[Arrangement],
    *,
    slugs: dict[str, str] | None = None,
    urls: dict[str, str] | None = None,
    groups: dict[str, str] | None = None,
    max_edges: int = MAX_EDGES,
    width: float = WIDTH,
) -> Network:
    """The picture for the municipalities in `names` (code → name) at their map positions;
    with `groups` (code → group name, two groups or more) drawn per group."""
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
    group_of = {c: (groups or {}).get(c, "") for c in placed}
    grouped = len(set(group_of.values())) > 1
    discs: dict[str, tuple[float, float, float]] = {}
    if grouped:
        placed, discs, width, height = group_layout(
            {c: positions[c] for c in placed}, group_of, width, names
        )
    else:
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
            _spread(placed, min_distance=NODE_DISTANCE)

    most = max(per_node.values(), default=1) or 1
    radius_max = 14.0 if len(placed) <= 40 else 9.0
    radii = {c: round(3.0 + (radius_max - 3.0) * math.sqrt(per_node[c] / most), 1) for c in placed}
    dots = [
        (p[0] - radii[c], p[1] - radii[c], p[0] + radii[c], p[1] + radii[c])
        for c, p in placed.items()
    ]
    group_spots = place_group_labels(discs, dots, width, height) if grouped else {}
    spots: dict = {}
    if labels:
        # The busiest municipality first; when that leaves names out, the longest names first
        # (the hardest to fit) or top to bottom may fit more: the order leaving out fewest wins.
        orders = [
            sorted(placed, key=lambda c: (-per_node[c], sort_key(names[c]))),
            sorted(placed, key=lambda c: (-len(names[c]), -per_node[c], sort_key(names[c]))),
            sorted(placed, key=lambda c: (placed[c][1], placed[c][0], sort_key(names[c]))),
        ]
        taken = [spot[2] for spot in group_spots.values() if spot]
        outward = {c: placed[c][0] < discs[group_of[c]][0] for c in placed} if grouped else None
        for order in orders:
            tried = place_labels(
                [(c, names[c], placed[c][0], placed[c][1], radii[c]) for c in order],
                width,
                height,
                taken=taken,
                outward=outward,
            )
            missing = sum(1 for spot in tried.values() if spot is None)
            if not spots or missing < sum(1 for spot in spots.values() if spot is None):
                spots = tried
            if not missing:
                break
    nodes = []
    for c, (x, y) in sorted(placed.items(), key=lambda item: sort_key(names[item[0]])):
        spot = spots.get(c)
        if spot is None:  # shown only on hover and focus: next to the dot, towards the middle
            gap = radii[c] + LABEL_GAP
            spot_x, anchor = (x + gap, "start") if x < width / 2 else (x - gap, "end")
        nodes.append(
            Node(
                code=c,
                name=names[c],
                x=round(x, 1),
                y=round(y, 1),
                r=radii[c],
                arrangements=per_node[c],
                slug=slugs.get(c, ""),
                label_x=spot[0] if spot else round(spot_x, 1),
                label_y=spot[1] if spot else round(y, 1),
                anchor=spot[2] if spot else anchor,
                label_right=bool(spot) and spot[2] == "start",
                show_label=spot is not None,
                url=urls.get(c, ""),
                group=group_of[c] if grouped else "",
            )
        )
    group_list = tuple(
        Group(
            name=g,
            x=round(discs[g][0], 1),
            y=round(discs[g][1], 1),
            r=round(discs[g][2], 1),
            size=sum(1 for c in placed if group_of[c] == g),
            label_x=group_spots[g][0] if group_spots[g] else 0.0,
            label_y=group_spots[g][1] if group_spots[g] else 0.0,
            show_label=group_spots[g] is not None,
        )
        for g in sorted(discs, key=sort_key)
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
            a_group=group_of[a] if grouped else "",
            b_group=group_of[b] if grouped else "",
        )
        for (a, b), w in shown
        if b in placed
    )
    return Network(
        width=round(width, 1),
        height=round(height, 1),
        nodes=tuple(nodes),
        edges=edges,
        min_weight=threshold,
        total_edges=len(counts),
        labels=labels,
        common=common_names,
        groups=group_list,
    )
