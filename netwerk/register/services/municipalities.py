"""One municipality's collaborations and how busy its domains are.

Every function here runs a fixed number of queries, however large the register grows: the
pages built on them are checked for that (tests/netwerk/test_query_counts.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from netwerk.constants import Domain
from netwerk.models import Collaboration, Membership
from netwerk.register.regie import (
    Comparison,
    Drukte,
    compare,
    drukte_all,
)
from netwerk.register.services.arrangements import active_arrangements, places
from portal.models import FormerMunicipality, Municipality


@dataclass
class DomainGroup:
    domain: str
    label: str
    collaborations: list[Collaboration]


@dataclass
class MunicipalityOverview:
    municipality: Municipality
    groups: list[DomainGroup]
    forms: list[tuple[str, int]]  # form name (or "onbekend") → number of active collaborations
    ended: list[Collaboration]
    drukte: Drukte
    comparison: Comparison
    peers: list[str]  # names of the similar-sized municipalities
    items: list = field(default_factory=list)
    former: list[FormerMunicipality] = field(default_factory=list)


def collaborations_of(municipality: Municipality):
    """The collaborations of one municipality with all members (three queries)."""
    return (
        Collaboration.objects.filter(memberships__municipality=municipality)
        .select_related("form", "data_source")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("municipality", "organisation"),
            )
        )
        .order_by("form__order", "name", "id")
    )


def municipality_overview(municipality: Municipality) -> MunicipalityOverview:
    collaborations = list(collaborations_of(municipality))
    active = [c for c in collaborations if not c.ended]
    by_domain: dict[str, list[Collaboration]] = defaultdict(list)
    for collaboration in active:
        collaboration.own_membership = next(
            m for m in collaboration.memberships.all() if m.municipality_id == municipality.pk
        )
        collaboration.partners = [
            m for m in collaboration.memberships.all() if m.municipality_id != municipality.pk
        ]
        by_domain[collaboration.domain].append(collaboration)
    groups = [
        DomainGroup(value, label, by_domain[value])
        for value, label in Domain.choices
        if by_domain.get(value)
    ]
    forms = Counter(c.form.name if c.form else _("vorm onbekend") for c in active)
    everyone = places()
    profiles = drukte_all(everyone, active_arrangements())
    comparison = compare(municipality.code, everyone, profiles)
    return MunicipalityOverview(
        municipality=municipality,
        groups=groups,
        forms=sorted(forms.items(), key=lambda item: (-item[1], item[0])),
        ended=[c for c in collaborations if c.ended],
        drukte=profiles.get(municipality.code, Drukte(0, 0, 0, 0)),
        comparison=comparison,
        peers=[everyone[c].name for c in comparison.peers],
        items=list(municipality.items.published().order_by("-published_on", "-id")[:10]),
        former=list(
            FormerMunicipality.objects.filter(successors=municipality).order_by("-ended_on", "name")
        ),
    )
