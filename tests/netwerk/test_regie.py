"""Bestuurlijke drukte and partner ranking on small hand-made registers with known answers.

Pure Python: no database (netwerk/register/regie.py imports nothing from Django).
"""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netwerk.register.regie import (
    PEERS,
    Arrangement,
    Drukte,
    Place,
    compare,
    drukte,
    drukte_all,
    partner_advice,
    peers_of,
)

# Five municipalities: A borders B and C; A, B and C share a COROP area; D is far away.
PLACES = {
    "A": Place("A", "Aadorp", 20_000, frozenset({"B", "C"}), corop="01", safety_region="VR1"),
    "B": Place("B", "Beekstad", 40_000, frozenset({"A"}), corop="01", safety_region="VR1"),
    "C": Place("C", "Cdam", 21_000, frozenset({"A"}), corop="01", safety_region="VR2"),
    "D": Place("D", "Dwaal", 19_000, frozenset(), corop="09", safety_region="VR9"),
    "E": Place("E", "Eerde", 200_000, frozenset(), corop="09", safety_region="VR9"),
}
ARRANGEMENTS = [
    # weight: 7 openbaar lichaam, 5 BVO, 2 convenant, None unknown
    Arrangement(1, "veiligheid", 7, frozenset({"A", "B", "C"}), "Veiligheidsregio Noord"),
    Arrangement(2, "belastingen-en-woz", 5, frozenset({"A", "B"}), "Belastingen AB"),
    Arrangement(3, "afval", 2, frozenset({"A", "B", "C"}), "Afvalconvenant"),
    Arrangement(4, "jeugd", None, frozenset({"A", "C"}), "Jeugdhulp AC"),
    Arrangement(5, "jeugd", None, frozenset({"D", "E"}), "Jeugdregio DE"),
    Arrangement(6, "jeugd", 2, frozenset({"E", "B"}), "Jeugdconvenant EB"),
    Arrangement(7, "jeugd", None, frozenset({"E"}), "Jeugdloket E"),
]


def test_drukte_counts_arrangements_partner_sets_and_heavy_share():
    a = drukte("A", ARRANGEMENTS)
    assert a.arrangements == 4
    # {B, C} twice (arrangements 1 and 3), {B} and {C}: three different tables.
    assert a.partner_sets == 3
    # Forms known for 1, 2, 3; heavy (weight ≥ 5) are 1 and 2.
    assert (a.known_form, a.heavy) == (3, 2)
    assert a.heavy_share == pytest.approx(2 / 3)


def test_an_arrangement_without_other_municipalities_counts_but_has_no_partner_set():
    e = drukte("E", ARRANGEMENTS)
    assert e.arrangements == 3
    assert e.partner_sets == 2  # {D} and {B}; the loket alone is no table with others


def test_heavy_share_is_unknown_without_any_known_form():
    d = drukte("D", ARRANGEMENTS)
    assert (d.arrangements, d.known_form) == (1, 0)
    assert d.heavy_share is None


def test_drukte_all_equals_one_by_one():
    assert drukte_all(PLACES, ARRANGEMENTS) == {c: drukte(c, ARRANGEMENTS) for c in PLACES}


def test_peers_are_the_closest_in_population_on_a_log_scale():
    # A has 20,000: C (21,000) and D (19,000) are closest, then B (40,000), E (200,000) last.
    assert peers_of("A", PLACES, k=2) == ("C", "D")
    assert peers_of("A", PLACES, k=4)[-1] == "E"
    assert "A" not in peers_of("A", PLACES)


def test_comparison_gives_median_and_position_among_peers():
    profiles = drukte_all(PLACES, ARRANGEMENTS)
    comparison = compare("A", PLACES, profiles, k=3)  # peers C, D, B
    assert comparison.peers == ("C", "D", "B")
    # arrangements: A 4; peers C 3, D 1, B 4 → median 3, two peers lower.
    assert comparison.arrangements.value == 4
    assert comparison.arrangements.peer_median == 3
    assert comparison.arrangements.peers_lower == 2
    # heavy share: D has no known form and is not counted.
    assert comparison.heavy_share.peers_counted == 2


def _advice(asker, domain, places=PLACES, arrangements=ARRANGEMENTS, limit=None):
    return partner_advice(asker, domain, places, arrangements, limit=limit)


def test_existing_partners_in_the_domain_are_listed_once_with_their_body_not_as_candidates():
    advice = _advice("A", "jeugd")
    # A already works on jeugd with C through "Jeugdhulp AC": that is part 1, once.
    assert [t.arrangement.name for t in advice.together] == ["Jeugdhulp AC"]
    assert advice.together[0].partners == ("Cdam",)
    assert advice.together[0].route == "unknown"  # form not known: ask for the regeling first
    # ... and C is no "new" candidate.
    assert "C" not in {c.code for c in advice.candidates}


def test_new_candidates_ranked_by_ties_neighbourhood_region_size_and_experience():
    advice = _advice("A", "jeugd")
    order = [c.code for c in advice.candidates]
    # B: 3 shared elsewhere (1.5) + neighbour (3) + corop (1) + vr (1) + size (1.0) +
    # experience (Jeugdconvenant EB, 0.5; joinable next door, +1). D, E far: experience only.
    assert order[0] == "B"
    b = advice.candidates[0]
    reasons = {r.code: r for r in b.reasons}
    assert set(reasons) == {"ties", "neighbour", "corop", "safety_region", "size", "experience"}
    assert reasons["ties"].count == 3
    assert reasons["experience"].names == ("Jeugdconvenant EB",)
    assert reasons["experience"].points == 1.5
    assert reasons["size"].ratio == pytest.approx(0.5)
    assert b.score == pytest.approx(1.5 + 3 + 1 + 1 + 1.0 + 1.5)
    assert set(order) == {"B", "D", "E"}


def test_an_arrangement_next_door_is_offered_to_join():
    advice = _advice("A", "jeugd")
    # B borders A and is in Jeugdconvenant EB; A is not: joining is the lighter route.
    assert [j.arrangement.name for j in advice.joinable] == ["Jeugdconvenant EB"]
    assert advice.joinable[0].neighbours == ("Beekstad",)


def test_route_follows_the_weight_of_the_form():
    advice = _advice("A", "belastingen-en-woz")
    assert [(t.arrangement.name, t.route) for t in advice.together] == [("Belastingen AB", "body")]
    afval = _advice("A", "afval")
    assert [t.route for t in afval.together] == ["light"]  # a convenant: amend the agreement


def test_one_body_never_counts_twice_for_a_candidate():
    # The Landgraaf case in small: A and B are both in one tax body with ten others. B is
    # "already together"; F (not in it) appears once, its own tax body named once.
    places = dict(PLACES)
    places["F"] = Place("F", "Fort", 20_000, frozenset({"A"}), corop="01")
    places["A"] = Place("A", "Aadorp", 20_000, frozenset({"B", "C", "F"}), corop="01")
    arrangements = [
        Arrangement(1, "belastingen-en-woz", 7, frozenset({"A", "B"}), "Belasting AB"),
        Arrangement(2, "belastingen-en-woz", None, frozenset({"F", "D"}), "Belasting FD"),
        Arrangement(3, "veiligheid", 7, frozenset({"A", "B", "F"}), "VR"),
    ]
    advice = _advice("A", "belastingen-en-woz", places, arrangements)
    assert [t.arrangement.name for t in advice.together] == ["Belasting AB"]
    codes = [c.code for c in advice.candidates]
    assert "B" not in codes and codes[0] == "F"
    f = advice.candidates[0]
    named = [n for r in f.reasons for n in r.names]
    assert named.count("Belasting FD") == 1 and "Belasting AB" not in named


def test_candidates_with_only_size_or_province_are_left_out():
    # D and E share nothing with A, do not border it and are in other regions. On jeugd they
    # have experience (arrangements 5-7), so they are candidates; on afval only a size.
    places = dict(PLACES)
    places["D"] = Place("D", "Dwaal", 19_000, province="p")
    places["A"] = Place("A", "Aadorp", 20_000, frozenset({"B", "C"}), corop="01", province="p")
    jeugd = [c.code for c in _advice("A", "jeugd", places).candidates]
    assert {"D", "E"} <= set(jeugd)
    afval = [c.code for c in _advice("A", "afval", places).candidates]
    assert "D" not in afval and "E" not in afval


def test_experience_counts_the_candidates_arrangements_in_the_domain_capped():
    many = ARRANGEMENTS + [
        Arrangement(100 + i, "jeugd", None, frozenset({"E", "D"}), f"Extra {i}") for i in range(5)
    ]
    e = next(c for c in _advice("A", "jeugd", arrangements=many).candidates if c.code == "E")
    experience = next(r for r in e.reasons if r.code == "experience")
    assert experience.count == 8
    # EXPERIENCE_CAP, plus JOIN_POINTS: Jeugdconvenant EB works next door (B borders A).
    assert experience.points == 1.5 + 1.0


def test_limit_and_stable_order_by_name_on_equal_scores():
    twins = {
        "A": Place("A", "Aadorp", 10_000, corop="x"),
        "Y": Place("Y", "Ypenburg", 10_000, corop="x"),
        "X": Place("X", "Xanten", 10_000, corop="x"),
    }
    arrangements = [Arrangement(1, "jeugd", None, frozenset({"A", "X", "Y"}), "Jeugd")]
    ranking = _advice("A", "afval", twins, arrangements, limit=1).candidates
    assert [c.name for c in ranking] == ["Xanten"]


arrangement_lists = st.lists(
    st.builds(
        Arrangement,
        id=st.integers(),
        domain=st.sampled_from(["jeugd", "afval", "veiligheid"]),
        weight=st.one_of(st.none(), st.integers(1, 10)),
        members=st.frozensets(st.sampled_from(list(PLACES)), min_size=1),
        name=st.text(max_size=5),
    ),
    max_size=25,
    unique_by=lambda a: a.id,
)


@given(arrangement_lists)
def test_measures_stay_within_their_bounds(arrangements):
    for code, d in drukte_all(PLACES, arrangements).items():
        assert isinstance(d, Drukte)
        assert 0 <= d.partner_sets <= d.arrangements
        assert d.heavy <= d.known_form <= d.arrangements
        assert d.heavy_share is None or 0 <= d.heavy_share <= 1
        assert d.arrangements == sum(1 for a in arrangements if code in a.members)


@given(arrangement_lists, st.sampled_from(["jeugd", "afval", "veiligheid"]))
def test_advice_never_repeats_a_partner_and_is_sorted(arrangements, domain):
    advice = partner_advice("A", domain, PLACES, arrangements, limit=None)
    ranking = advice.candidates
    together = {p for t in advice.together for p in t.partners}
    assert "A" not in {c.code for c in ranking}
    assert not together & {c.name for c in ranking}
    ids = [t.arrangement.id for t in advice.together] + [j.arrangement.id for j in advice.joinable]
    assert len(ids) == len(set(ids))
    scores = [c.score for c in ranking]
    assert scores == sorted(scores, reverse=True)
    for candidate in ranking:
        assert math.isclose(candidate.score, round(sum(r.points for r in candidate.reasons), 2))
        assert any(r.code not in {"size", "province"} for r in candidate.reasons)


def test_peer_group_size_is_the_documented_default():
    assert PEERS == 20
