"""Regions: a province, a CBS region, a chosen set of municipalities, the country.

Every function here runs a fixed number of queries, however large the register grows: the
pages built on them are checked for that (tests/netwerk/test_query_counts.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netwerk.constants import Domain
from netwerk.register.graph import Network, layout
from netwerk.register.regie import Arrangement
from netwerk.register.services.arrangements import active_arrangements
from netwerk.register.topo import netherlands
from portal.constants import Province
from portal.models import Municipality

MAX_SELECTION = 342  # a chosen set can hold every municipality, not more


@dataclass(frozen=True)
class Region:
    kind: str
    code: str
    label: str
    municipalities: list[Municipality]


def region_of(kind: str, code: str = "", codes: list[str] | None = None) -> Region | None:
    """The municipalities of a province, COROP area, safety region, the country or a choice."""
    current = Municipality.objects.current().order_by("sort_name")
    if kind == "provincie":
        if code not in Province.values:
            return None
        found = list(current.filter(province=code))
        label = _("Provincie %(name)s") % {"name": Province(code).label}
    elif kind == "corop":
        found = list(current.filter(corop_code=code)) if code.isdigit() else []
        label = _("COROP-gebied %(name)s") % {"name": found[0].corop_name} if found else ""
    elif kind == "veiligheidsregio":
        found = list(current.filter(safety_region_code=code.upper())) if len(code) <= 4 else []
        label = (
            _("Veiligheidsregio %(name)s") % {"name": found[0].safety_region_name} if found else ""
        )
    elif kind == "nederland":
        found = list(current)
        label = _("Heel Nederland")
    elif kind == "selectie":
        found = list(current.filter(code__in=codes or []))
        label = ngettext(
            "Eigen selectie van %(n)d gemeente", "Eigen selectie van %(n)d gemeenten", len(found)
        ) % {"n": len(found)}
    else:
        return None
    if not found:
        return None
    return Region(kind, code, label, found)


def region_file_name(region: Region) -> str:
    """The region's name for a download's file name: "limburg" for the province; the other
    kinds say which they are, as a COROP area and a safety region may share a province's name."""
    first = region.municipalities[0]
    if region.kind == "provincie":
        return str(Province(region.code).label)
    if region.kind == "corop":
        return f"corop {first.corop_name}"
    if region.kind == "veiligheidsregio":
        return f"veiligheidsregio {first.safety_region_name}"
    if region.kind == "selectie":
        return (
            "selectie-"
            + "-".join(m.slug for m in region.municipalities[:3])
            + (f"-en-{len(region.municipalities) - 3}" if len(region.municipalities) > 3 else "")
        )
    return "nederland"


def region_choices() -> dict[str, list[tuple[str, str]]]:
    """The regions offered on the overview page (two queries)."""
    current = Municipality.objects.current()
    return {
        "provincie": list(Province.choices),
        "corop": list(
            current.exclude(corop_code="")
            .order_by("corop_name")
            .values_list("corop_code", "corop_name")
            .distinct()
        ),
        "veiligheidsregio": list(
            current.exclude(safety_region_code="")
            .order_by("safety_region_name")
            .values_list("safety_region_code", "safety_region_name")
            .distinct()
        ),
    }


@dataclass
class MatrixRow:
    municipality: Municipality
    cells: list[int]
    total: int


@dataclass
class RegionOverview:
    region: Region
    domains: list[tuple[str, str]]  # domains with at least one arrangement in the region
    rows: list[MatrixRow]
    domain_totals: list[int]
    network: Network
    aggregated: bool  # the picture shows COROP areas, not municipalities
    arrangements: int  # active arrangements with at least one member in the region
    internal: int  # of which with at least two members in the region


def region_overview(region: Region) -> RegionOverview:
    codes = {m.code for m in region.municipalities}
    arrangements = [a for a in active_arrangements() if a.members & codes]
    per_cell: Counter = Counter()
    for arrangement in arrangements:
        for code in arrangement.members & codes:
            per_cell[(code, arrangement.domain)] += 1
    used = {domain for _, domain in per_cell}
    domains = [(value, label) for value, label in Domain.choices if value in used]
    rows = []
    for municipality in region.municipalities:
        cells = [per_cell[(municipality.code, d)] for d, _ in domains]
        rows.append(MatrixRow(municipality, cells, sum(cells)))
    shapes = netherlands().shapes
    if region.kind == "nederland":
        network = _areas_network(region, arrangements)
    else:
        network = layout(
            {m.code: m.name for m in region.municipalities},
            {c: shapes[c].centre for c in codes if c in shapes},
            arrangements,
            slugs={m.code: m.slug for m in region.municipalities},
            # Several COROP areas (a province, a safety region, a choice): drawn per area.
            groups={m.code: m.corop_name for m in region.municipalities if m.corop_name},
        )
    return RegionOverview(
        region=region,
        domains=domains,
        rows=rows,
        domain_totals=[sum(r.cells[i] for r in rows) for i in range(len(domains))],
        network=network,
        aggregated=region.kind == "nederland",
        arrangements=len(arrangements),
        internal=sum(1 for a in arrangements if len(a.members & codes) > 1),
    )


def _areas_network(region: Region, arrangements: list[Arrangement]) -> Network:
    """The national picture: one dot per COROP area (at the mean of its municipalities), an
    edge for the arrangements that span two areas; each dot links to its area's page."""
    shapes = netherlands().shapes
    area_of = {m.code: m.corop_code for m in region.municipalities if m.corop_code}
    names = {m.corop_code: m.corop_name for m in region.municipalities if m.corop_code}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, area in area_of.items():
        if code in shapes:
            points[area].append(shapes[code].centre)
    positions = {
        area: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        for area, pts in points.items()
    }
    spanning = [
        Arrangement(
            id=a.id,
            domain=a.domain,
            weight=a.weight,
            members=frozenset(area_of[c] for c in a.members if c in area_of),
            name=a.name,
        )
        for a in arrangements
    ]
    return layout(
        names,
        positions,
        spanning,
        urls={area: reverse("netwerk:region", args=["corop", area]) for area in names},
    )
