"""The network picture and the map geometry: pure Python, no database."""

import math

import pytest

from netwerk.register.graph import COMMON_SHARE, edge_threshold, layout, shared_counts
from netwerk.register.opendata.reference import read_municipalities
from netwerk.register.regie import Arrangement
from netwerk.register.topo import LATITUDE, decode, netherlands


def arrangement(i, members, name=""):
    return Arrangement(i, "afval", None, frozenset(members), name or f"Verband {i}")


def test_edges_count_the_arrangements_two_municipalities_share_inside_the_region():
    arrangements = [arrangement(1, "ABC"), arrangement(2, "AB"), arrangement(3, "AX")]
    counts = shared_counts({"A", "B", "C"}, arrangements)
    assert counts == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1}  # X is outside the region


def test_the_edge_cut_is_a_whole_weight_that_keeps_at_most_the_maximum():
    assert edge_threshold([1, 1, 2, 3], max_edges=10) == 1
    assert edge_threshold([5, 4, 4, 4, 1], max_edges=2) == 5  # a tie at the cut is cut whole
    assert edge_threshold([5, 4, 3, 1], max_edges=3) == 3


def test_region_wide_arrangements_are_listed_apart_not_drawn():
    names = {c: c.lower() for c in "ABCDEF"}
    positions = {c: (float(i * 10), float(i)) for i, c in enumerate("ABCDEF")}
    arrangements = [
        arrangement(1, "ABCDEF", "Veiligheidsregio"),
        arrangement(2, "ABCDE", "GGD"),  # 5 of 6 ≥ 80 %
        arrangement(3, "AB", "Belastingen AB"),
    ]
    assert COMMON_SHARE <= 5 / 6
    network = layout(names, positions, arrangements)
    assert network.common == ("GGD", "Veiligheidsregio")
    assert [(e.a, e.b, e.weight) for e in network.edges] == [("A", "B", 1)]
    nodes = {n.code: n for n in network.nodes}
    assert nodes["A"].arrangements == 1 and nodes["C"].arrangements == 0
    assert nodes["A"].r > nodes["C"].r  # more shared work, bigger dot


def test_small_regions_keep_every_arrangement_as_edges():
    names = {"A": "a", "B": "b"}
    network = layout(names, {"A": (0.0, 0.0), "B": (5.0, 5.0)}, [arrangement(1, "AB")])
    assert network.common == () and len(network.edges) == 1
    assert network.labels


def test_nodes_are_pushed_apart_enough_for_their_labels():
    names = {c: c for c in "ABC"}
    same_place = dict.fromkeys("ABC", (1.0, 1.0))
    nodes = layout(names, same_place, []).nodes
    points = {(n.x, n.y) for n in nodes}
    assert len(points) == 3


def test_a_tiny_topology_decodes_to_the_expected_path():
    topology = {
        "type": "Topology",
        "transform": {"scale": [1.0, 1.0], "translate": [0.0, 0.0]},
        # One square arc, delta-encoded: (0,0) → (0,10) → (10,10) → (10,0) → (0,0)
        "arcs": [[[0, 0], [0, 10], [10, 0], [0, -10], [-10, 0]]],
        "objects": {
            "gm_features": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "properties": {"code": "GM0001"}}
                ],
            },
            "nl_features": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "arcs": [[0]]}],
            },
        },
    }
    result = decode(topology, width=100)
    # A degree of longitude is cos(52.2°) of a degree of latitude: the square is drawn taller.
    height = 100 / math.cos(math.radians(LATITUDE))
    assert result.height == pytest.approx(height, abs=0.1)
    shape = result.shapes["GM0001"]
    # Whole units, relative moves with the "l" repeated implicitly, the ring closed.
    h = round(height)
    assert shape.path == f"M0 {h}l0-{h} 100 0 0 {h}-100 0z"
    assert shape.centre == pytest.approx((50.0, height / 2), abs=0.1)


def test_the_map_has_every_municipality_of_the_register_once():
    codes = {row["gemeentecode"] for row in read_municipalities()}
    geo = netherlands()
    assert set(geo.shapes) == codes
    leiden, groningen = geo.shapes["GM0546"], geo.shapes["GM0014"]
    # North is up and west is left: Groningen lies above and to the right of Leiden.
    assert groningen.centre[1] < leiden.centre[1] and groningen.centre[0] > leiden.centre[0]
    assert netherlands() is geo  # decoded once per process
