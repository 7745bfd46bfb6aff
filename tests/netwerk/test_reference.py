"""The municipality register: loaded by migration from the CBS-derived CSV."""

import pytest

from netwerk.register.opendata.reference import load_municipalities, read_municipalities
from portal.constants import Province
from portal.models import Municipality

pytestmark = pytest.mark.django_db


def snapshot():
    rows = list(Municipality.objects.order_by("code").values())
    neighbours = set(
        Municipality.neighbours.through.objects.values_list(
            "from_municipality__code", "to_municipality__code"
        )
    )
    return rows, neighbours


def test_all_342_municipalities_of_2025_are_loaded():
    assert Municipality.objects.count() == 342
    assert Municipality.objects.current().count() == 342
    assert set(Municipality.objects.values_list("province", flat=True)) == set(Province.values)


def test_leiden_is_complete():
    leiden = Municipality.objects.get(code="GM0546")
    assert (leiden.name, leiden.slug, leiden.province) == ("Leiden", "leiden", "zuid-holland")
    assert (leiden.corop_code, leiden.corop_name) == ("25", "Agglomeratie Leiden en Bollenstreek")
    assert (leiden.safety_region_code, leiden.safety_region_name) == ("VR16", "Hollands Midden")
    assert leiden.population > 100_000
    assert {"Leiderdorp", "Oegstgeest", "Katwijk"} <= {m.name for m in leiden.neighbours.all()}


def test_fryslan_uses_its_own_name():
    assert Municipality.objects.get(code="GM0080").province == Province.FRYSLAN  # Leeuwarden


def test_neighbours_are_symmetric_and_match_the_register():
    register = {
        row["gemeentecode"]: {c for c in row["buurgemeenten"].split(";") if c}
        for row in read_municipalities()
    }
    pairs = set(
        Municipality.neighbours.through.objects.values_list(
            "from_municipality__code", "to_municipality__code"
        )
    )
    assert all((b, a) in pairs for a, b in pairs)
    stored = {code: set() for code in register}
    for a, b in pairs:
        stored[a].add(b)
    assert stored == register


def test_loading_again_changes_nothing():
    before = snapshot()
    assert load_municipalities(Municipality) == 342
    assert snapshot() == before
