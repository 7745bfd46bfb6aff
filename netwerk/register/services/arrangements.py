"""The register as the pure engine's dataclasses (netwerk/register/regie.py).

Every function here runs a fixed number of queries, however large the register grows: the
pages built on them are checked for that (tests/netwerk/test_query_counts.py).
"""

from __future__ import annotations

from collections import defaultdict

from netwerk.models import Collaboration, Membership
from netwerk.register.regie import (
    Arrangement,
    Place,
)
from portal.models import Municipality


def places() -> dict[str, Place]:
    """Today's municipalities with size and neighbourhood (two queries)."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in Municipality.neighbours.through.objects.values_list(
        "from_municipality__code", "to_municipality__code"
    ):
        neighbours[a].add(b)
    return {
        code: Place(
            code=code,
            name=name,
            population=population,
            neighbours=frozenset(neighbours[code]),
            corop=corop,
            safety_region=safety_region,
            province=province,
        )
        for code, name, population, corop, safety_region, province in Municipality.objects.current()
        .order_by("sort_name")
        .values_list("code", "name", "population", "corop_code", "safety_region_code", "province")
    }


def active_arrangements() -> list[Arrangement]:
    """Every collaboration that has not ended, with its municipal members (two queries)."""
    members: dict[int, set[str]] = defaultdict(set)
    for collaboration_id, code in Membership.objects.filter(
        collaboration__ended=False, municipality__isnull=False
    ).values_list("collaboration_id", "municipality__code"):
        members[collaboration_id].add(code)
    return [
        Arrangement(
            id=pk,
            domain=domain,
            weight=weight,
            members=frozenset(members[pk]),
            name=name,
            form=form or "",
        )
        for pk, name, domain, weight, form in Collaboration.objects.active()
        .order_by("name", "id")
        .values_list("id", "name", "domain", "form__weight", "form__name")
        if members[pk]
    ]
