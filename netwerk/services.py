"""Selectors and services of the netwerkregie: rows to the pure dataclasses and back.

Every function here runs a fixed number of queries, however large the register grows: the
pages built on them are checked for that (tests/netwerk/test_query_counts.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from portal.constants import Province
from portal.models import DataSource, FormerMunicipality, Municipality

from .constants import Domain, SuggestionStatus
from .graph import Network, layout
from .models import Collaboration, Membership, Suggestion
from .regie import (
    Arrangement,
    Candidate,
    Comparison,
    Drukte,
    PartnerAdvice,
    Place,
    Reason,
    compare,
    drukte_all,
    partner_advice,
)
from .topo import netherlands

MAX_SELECTION = 342  # a chosen set can hold every municipality, not more


# --- the register as dataclasses -----------------------------------------------------------


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


# --- regions -----------------------------------------------------------------------------------


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


# --- one municipality ----------------------------------------------------------------------


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


# --- partner finder --------------------------------------------------------------------------


def _names(names: tuple[str, ...], most: int = 5) -> str:
    return ", ".join(names[:most]) + (" …" if len(names) > most else "")


REASON_TEXTS = {
    "ties": lambda r: (
        ngettext(
            "werkt al met u samen op een ander terrein, in %(n)d samenwerkingsverband: %(names)s",
            "werkt al met u samen op andere terreinen, in %(n)d samenwerkingsverbanden: %(names)s",
            r.count,
        )
        % {"n": r.count, "names": _names(r.names, 3)}
    ),
    "neighbour": lambda r: _("buurgemeente (grenst aan uw gemeente)"),
    "corop": lambda r: _("ligt in hetzelfde COROP-gebied"),
    "safety_region": lambda r: _("hoort bij dezelfde veiligheidsregio"),
    "province": lambda r: _("ligt in dezelfde provincie"),
    "size": lambda r: (
        _("vergelijkbaar in inwonertal (verhouding %(pct)d%%)") % {"pct": round(r.ratio * 100)}
    ),
    "experience": lambda r: (
        ngettext(
            "doet al %(n)d samenwerking in dit domein: %(names)s",
            "doet al %(n)d samenwerkingen in dit domein: %(names)s",
            r.count,
        )
        % {"n": r.count, "names": _names(r.names)}
    ),
}

ROUTE_TEXTS = {
    "light": _lazy(
        "Lichte vorm: een taak of partner toevoegen is een aanpassing van de afspraken."
    ),
    "body": _lazy(
        "Eigen organisatie: een taak toevoegen vraagt een wijziging van de regeling, maar is "
        "lichter dan een nieuw verband oprichten."
    ),
    "unknown": _lazy(
        "Vorm niet bekend in het register: vraag eerst de regeling op; uitbreiden is meestal "
        "lichter dan iets nieuws."
    ),
}


def reason_text(reason: Reason) -> str:
    return REASON_TEXTS[reason.code](reason)


@dataclass(frozen=True)
class RankedPartner:
    candidate: Candidate
    municipality: Municipality
    reasons: list[tuple[str, float]]


@dataclass(frozen=True)
class PartnerPage:
    advice: PartnerAdvice
    together: list  # (Together, Collaboration)
    joinable: list  # (Joinable, Collaboration)
    ranking: list[RankedPartner]
    route_texts: dict


def partner_advice_for(municipality: Municipality, domain: str, limit: int = 15) -> PartnerPage:
    """The two-part advice with rows for the page (four queries however large the register)."""
    everyone = places()
    advice = partner_advice(municipality.code, domain, everyone, active_arrangements(), limit)
    bodies = Collaboration.objects.select_related("form").in_bulk(
        [t.arrangement.id for t in advice.together] + [j.arrangement.id for j in advice.joinable]
    )
    found = Municipality.objects.in_bulk([c.code for c in advice.candidates], field_name="code")
    return PartnerPage(
        advice=advice,
        together=[(t, bodies[t.arrangement.id]) for t in advice.together],
        joinable=[(j, bodies[j.arrangement.id]) for j in advice.joinable],
        ranking=[
            RankedPartner(c, found[c.code], [(reason_text(r), r.points) for r in c.reasons])
            for c in advice.candidates
        ],
        route_texts=ROUTE_TEXTS,
    )


# --- the map ---------------------------------------------------------------------------------

PALETTE_CLASSES = 5


@dataclass(frozen=True)
class LegendClass:
    index: int
    label: str
    low: int
    high: int


def classes_for(values: list[int]) -> list[LegendClass]:
    """Up to five classes of about equal size, with whole-number bounds; 0 gets its own class."""
    positive = sorted(v for v in values if v > 0)
    result = [LegendClass(0, "0", 0, 0)]
    if not positive:
        return result
    bounds: list[int] = []
    for i in range(1, PALETTE_CLASSES):
        cut = positive[min(len(positive) - 1, round(i * len(positive) / (PALETTE_CLASSES - 1)) - 1)]
        if not bounds or cut > bounds[-1]:
            bounds.append(cut)
    low = 1
    for index, high in enumerate(bounds, start=1):
        label = str(low) if low == high else f"{low}–{high}"
        result.append(LegendClass(index, label, low, high))
        low = high + 1
    if low <= positive[-1]:
        result.append(LegendClass(len(result), f"{low}–{positive[-1]}", low, positive[-1]))
    return result


def class_of(value: int, classes: list[LegendClass]) -> int:
    for legend in classes:
        if legend.low <= value <= legend.high:
            return legend.index
    return classes[-1].index


def map_values(measure: str, *, domain: str = "", collaboration: Collaboration | None = None):
    """Per municipality code the value of the measure (one or two queries)."""
    current = Municipality.objects.current()
    if measure == "verband" and collaboration is not None:
        members = set(
            collaboration.memberships.filter(municipality__isnull=False).values_list(
                "municipality__code", flat=True
            )
        )
        return {code: int(code in members) for code in current.values_list("code", flat=True)}
    condition = Q(memberships__collaboration__ended=False)
    if measure == "domein":
        condition &= Q(memberships__collaboration__domain=domain)
    return dict(current.annotate(n=Count("memberships", filter=condition)).values_list("code", "n"))


# --- sources and age of the data -------------------------------------------------------------


def data_sources() -> list[DataSource]:
    return list(DataSource.objects.order_by("order"))


def register_age(sources: list[DataSource]) -> tuple[dt.date | None, dt.date | None]:
    """Oldest and newest reference date of the sources behind the collaborations."""
    dates = [s.reference_date for s in sources if s.key not in {"cbs-gebiedsindelingen-2023"}]
    return (min(dates), max(dates)) if dates else (None, None)


# --- suggestions -------------------------------------------------------------------------------


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, editor) -> Collaboration:
    """Applies a member's proposal to the register (the editor's change is in the history)."""
    collaboration = suggestion.collaboration
    if collaboration is None:
        collaboration = Collaboration(
            name=suggestion.name,
            domain=suggestion.domain or Domain.OTHER,
            form=suggestion.form,
            form_basis="redactie" if suggestion.form else "",
            source_note=suggestion.source_url[:300],
            source_date=timezone.localdate(),
            managed_by_editors=True,
        )
        collaboration.slug = _free_slug(suggestion.name)
    else:
        if suggestion.name:
            collaboration.name = suggestion.name
        if suggestion.domain:
            collaboration.domain = suggestion.domain
        if suggestion.form:
            collaboration.form, collaboration.form_basis = suggestion.form, "redactie"
        if suggestion.source_url:
            collaboration.source_note = suggestion.source_url[:300]
            collaboration.source_date = timezone.localdate()
        collaboration.managed_by_editors = True
    if suggestion.ended:
        collaboration.ended = True
    collaboration._history_user = editor
    collaboration.save()
    for municipality in suggestion.members_to_add.all():
        Membership.objects.get_or_create(collaboration=collaboration, municipality=municipality)
    removed = Membership.objects.filter(
        collaboration=collaboration, municipality__in=suggestion.members_to_remove.all()
    )
    for membership in removed:
        membership._history_user = editor
        membership.delete()
    suggestion.collaboration = collaboration
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.reviewed_by = editor
    suggestion.reviewed_at = timezone.now()
    suggestion.save()
    return collaboration


@transaction.atomic
def collaboration_merge(*, keep: Collaboration, other: Collaboration, editor) -> Collaboration:
    """One body entered twice: `keep` takes the other's members, sources, suggestions and name.

    The other's name becomes an alias; both histories stay (the other's ends with its removal,
    with the reason). `keep` is marked as managed by editors, so a reload of the open data does
    not split them again; the reviewed list in fixtures/reference/ does the same for the load.
    """
    if keep.pk == other.pk:
        raise ValueError("keep and other are the same collaboration")
    reason = f"Samengevoegd: '{other.name}' (id {other.pk}) in '{keep.name}' (id {keep.pk})"
    have_municipalities = set(keep.memberships.values_list("municipality_id", flat=True))
    have_organisations = set(keep.memberships.values_list("organisation_id", flat=True))
    for membership in other.memberships.all():
        duplicate = (
            membership.municipality_id and membership.municipality_id in have_municipalities
        ) or (membership.organisation_id and membership.organisation_id in have_organisations)
        membership._history_user = editor
        membership._change_reason = reason
        if duplicate:
            membership.delete()
        else:
            membership.collaboration = keep
            membership.save()
    other.source_records.update(collaboration=keep)
    other.suggestions.update(collaboration=keep)
    for name in [other.name, *other.aliases]:
        if name != keep.name and name not in keep.aliases:
            keep.aliases.append(name)
    if keep.form_id is None and other.form_id is not None:
        keep.form_id, keep.form_basis = other.form_id, other.form_basis
        keep.legal_form_text = keep.legal_form_text or other.legal_form_text
    if keep.domain == Domain.OTHER:
        keep.domain = other.domain
    keep.description = keep.description or other.description
    keep.start_date = keep.start_date or other.start_date
    keep.managed_by_editors = True
    keep._history_user = editor
    keep._change_reason = reason
    keep.save()
    other._history_user = editor
    other._change_reason = reason
    other.delete()
    return keep


def suggestion_reject(*, suggestion: Suggestion, editor, note: str = "") -> None:
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.reviewed_by = editor
    suggestion.reviewed_at = timezone.now()
    if note:
        suggestion.editor_note = note
    suggestion.save()


def _free_slug(name: str) -> str:
    base = slugify(name)[:100].strip("-") or "samenwerking"
    taken = set(Collaboration.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
