"""Region pictures drawn in groups (issue 14): pure layout on hand-made inputs, no database.

A province is drawn per COROP area: each area its own disc with its name, the municipalities
of an area together inside it, every municipality nearer its own area's centre than any other
area's, and no two names (of municipalities or areas) on top of each other.
"""

import math
from itertools import combinations

from netwerk.register.graph import (
    CHAR_WIDTH,
    GROUP_CHAR_WIDTH,
    GROUP_FONT_SIZE,
    LABEL_HEIGHT,
    layout,
)
from netwerk.register.regie import Arrangement


def label_box(node):
    w = len(node.name) * CHAR_WIDTH + 4
    x0 = {"start": node.label_x, "end": node.label_x - w, "middle": node.label_x - w / 2}
    left = x0[node.anchor]
    return (left, node.label_y - LABEL_HEIGHT / 2, left + w, node.label_y + LABEL_HEIGHT / 2)


def group_box(group):
    w = len(group.name) * GROUP_CHAR_WIDTH + 6
    h = GROUP_FONT_SIZE * 1.3
    return (
        group.label_x - w / 2,
        group.label_y - h / 2,
        group.label_x + w / 2,
        group.label_y + h / 2,
    )


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_groups_apart(network):
    centres = {g.name: (g.x, g.y) for g in network.groups}
    for node in network.nodes:
        own = math.dist((node.x, node.y), centres[node.group])
        for name, centre in centres.items():
            if name != node.group:
                assert own < math.dist((node.x, node.y), centre), (node.name, name)


def assert_no_label_overlaps(network):
    boxes = [(n.name, label_box(n)) for n in network.nodes if n.show_label]
    boxes += [(g.name, group_box(g)) for g in network.groups if g.show_label]
    for (a, box_a), (b, box_b) in combinations(boxes, 2):
        assert not overlap(box_a, box_b), (a, b)
    for name, box in boxes:  # inside the picture
        assert box[0] >= 0 and box[1] >= 0, name
        assert box[2] <= network.width and box[3] <= network.height, name


def province():
    """Three areas whose municipalities lie mixed on the map: the west area's easternmost town
    lies east of the middle area's westernmost, and one town sits on another's spot."""
    groups = {}
    positions = {}
    names = {}
    for g, (area, x0) in enumerate((("West", 0.0), ("Midden", 40.0), ("Oost", 80.0))):
        for i in range(6 if area != "Midden" else 12):
            code = f"{area[0]}{i:02d}"
            names[code] = f"{area}dorp {i}"
            groups[code] = f"{area}kwartier"
            positions[code] = (x0 + (i % 4) * 15.0, (i // 4) * 12.0 + g)
    positions["W05"] = positions["M00"]  # on top of a town of another area
    return names, positions, groups


def test_municipalities_are_drawn_in_their_areas_apart_from_the_others():
    names, positions, groups = province()
    arrangements = [
        Arrangement(1, "afval", None, frozenset({"W00", "M01", "O02"}), "Afval"),
        Arrangement(2, "afval", None, frozenset({"W01", "W02"}), "Belasting West"),
    ]
    network = layout(names, positions, arrangements, groups=groups)
    assert [(g.name, g.size) for g in network.groups] == [
        ("Middenkwartier", 12),
        ("Oostkwartier", 6),
        ("Westkwartier", 6),
    ]
    assert {n.code: n.group for n in network.nodes} == groups
    assert_groups_apart(network)
    # Each area's disc holds its municipalities and touches no other disc.
    for g in network.groups:
        for n in network.nodes:
            if n.group == g.name:
                assert math.dist((n.x, n.y), (g.x, g.y)) <= g.r
    for a, b in combinations(network.groups, 2):
        assert math.dist((a.x, a.y), (b.x, b.y)) > a.r + b.r
    assert_no_label_overlaps(network)
    assert all(g.show_label for g in network.groups)
    assert sum(n.show_label for n in network.nodes) >= 0.9 * len(names)


def test_the_table_says_which_areas_a_pair_spans():
    names, positions, groups = province()
    arrangements = [Arrangement(1, "afval", None, frozenset({"W00", "M01"}), "Afval")]
    (edge,) = layout(names, positions, arrangements, groups=groups).edges
    assert (edge.a_group, edge.b_group) == ("Middenkwartier", "Westkwartier")


def test_the_areas_keep_their_places_on_the_map():
    # Three areas of four towns from west to east, and one more to the south of the middle one.
    names, positions, groups = {}, {}, {}
    for area, (x0, y0) in {"W": (0, 0), "M": (40, 0), "O": (80, 0), "Z": (40, 40)}.items():
        for i in range(4):
            code = f"{area}{i}"
            names[code], groups[code] = f"Plaats {code}", f"Gebied {area}"
            positions[code] = (x0 + (i % 2) * 10.0, y0 + (i // 2) * 10.0)
    network = layout(names, positions, [], groups=groups)
    at = {g.name[-1]: (g.x, g.y) for g in network.groups}
    assert at["W"][0] < at["M"][0] < at["O"][0]
    assert at["Z"][1] > max(at["W"][1], at["M"][1], at["O"][1])
    assert_groups_apart(network)
    assert_no_label_overlaps(network)


def test_the_grouped_layout_is_deterministic():
    names, positions, groups = province()
    first = layout(names, positions, [], groups=groups)
    shuffled = dict(reversed(list(positions.items())))
    second = layout(dict(reversed(list(names.items()))), shuffled, [], groups=groups)
    assert first == second


def test_many_towns_on_one_spot_and_an_area_of_one():
    names = {f"A{i}": f"Gemeente met een lange naam {i}" for i in range(9)} | {"B0": "Eenling"}
    positions = dict.fromkeys(names, (5.0, 5.0))
    groups = {c: "Groot gebied" if c.startswith("A") else "Klein gebied" for c in names}
    network = layout(names, positions, [], groups=groups)
    assert len(network.groups) == 2
    assert len({(n.x, n.y) for n in network.nodes}) == len(names)
    assert_groups_apart(network)
    assert_no_label_overlaps(network)
    # A name without room of its own is shown on hover and focus, next to its dot.
    for n in network.nodes:
        if not n.show_label:
            assert abs(n.label_y - n.y) < 1 and abs(abs(n.label_x - n.x) - n.r) < 5


def test_one_area_or_none_draws_no_groups():
    names = {"A": "Aa", "B": "Bee", "C": "Cee"}
    positions = {"A": (0.0, 0.0), "B": (10.0, 0.0), "C": (0.0, 10.0)}
    assert layout(names, positions, [], groups=dict.fromkeys(names, "Eén")).groups == ()
    network = layout(names, positions, [])
    assert network.groups == () and {n.group for n in network.nodes} == {""}
    assert network.nodes_by_group() == [(None, list(network.nodes))]
