"""Bestuurlijke drukte and partner ranking on small hand-made registers with known answers.

Pure Python: no database (netwerk/regie.py imports nothing from Django).
"""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netwerk.regie import (
    PEERS,
    Arrangement,
    Drukte,
    Place,
    compare,
    drukte,
    drukte_all,
    peers_of,
    rank_partners,
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


def test_partners_for_jeugd_ranked_with_reasons():
    ranking = rank_partners("A", "jeugd", PLACES, ARRANGEMENTS, limit=None)
    order = [c.code for c in ranking]
    # C: 3 shared (1.5) + domain tie (2) + neighbour (3) + corop (1) + size (~1.9) + experience (1)
    # B: 3 shared (1.5) + neighbour (3) + corop (1) + vr (1) + size (1.0) + experience (1)
    assert order[:2] == ["C", "B"]
    c = ranking[0]
    reasons = {r.code: r for r in c.reasons}
    assert set(reasons) == {"ties", "domain_tie", "neighbour", "corop", "size", "experience"}
    assert reasons["ties"].count == 3
    assert reasons["domain_tie"].names == ("Jeugdhulp AC",)
    assert reasons["size"].ratio == pytest.approx(20 / 21)
    assert c.score == pytest.approx(1.5 + 2 + 3 + 1 + round(2 * 20 / 21, 2) + 1)


def test_candidates_with_only_a_size_reason_are_left_out():
    # D and E share nothing with A, do not border it and are in other regions. On jeugd they
    # have experience (arrangements 5-7), so they are candidates; on afval they have only a size.
    jeugd = [c.code for c in rank_partners("A", "jeugd", PLACES, ARRANGEMENTS, limit=None)]
    assert {"D", "E"} <= set(jeugd)
    afval = [c.code for c in rank_partners("A", "afval", PLACES, ARRANGEMENTS, limit=None)]
    assert "D" not in afval and "E" not in afval


def test_experience_counts_the_candidates_arrangements_in_the_domain_capped():
    many = ARRANGEMENTS + [
        Arrangement(100 + i, "jeugd", None, frozenset({"E", "D"}), f"Extra {i}") for i in range(5)
    ]
    e = next(c for c in rank_partners("A", "jeugd", PLACES, many, limit=None) if c.code == "E")
    experience = next(r for r in e.reasons if r.code == "experience")
    assert experience.count == 8
    assert experience.points == 3.0  # EXPERIENCE_CAP


def test_limit_and_stable_order_by_name_on_equal_scores():
    twins = {
        "A": Place("A", "Aadorp", 10_000),
        "Y": Place("Y", "Ypenburg", 10_000, corop="x"),
        "X": Place("X", "Xanten", 10_000, corop="x"),
    }
    arrangements = [Arrangement(1, "afval", None, frozenset({"A", "X", "Y"}), "Afval")]
    ranking = rank_partners("A", "afval", twins, arrangements, limit=1)
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
def test_ranking_never_contains_the_asker_and_is_sorted(arrangements, domain):
    ranking = rank_partners("A", domain, PLACES, arrangements, limit=None)
    assert "A" not in {c.code for c in ranking}
    scores = [c.score for c in ranking]
    assert scores == sorted(scores, reverse=True)
    for candidate in ranking:
        assert math.isclose(candidate.score, round(sum(r.points for r in candidate.reasons), 2))
        assert any(r.code != "size" for r in candidate.reasons)


def test_peer_group_size_is_the_documented_default():
    assert PEERS == 20
