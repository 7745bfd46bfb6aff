"""The read-only JSON API of the netwerkregie: municipalities and collaborations (django-ninja).

Mounted at /netwerk/api/; the OpenAPI description is at /netwerk/api/openapi.json. Reading needs
no login and sets no cookies. Errors are JSON with a Dutch message: 404 for unknown codes or
slugs, 422 for invalid parameters.
"""

import datetime as dt
from enum import Enum

from django.db.models import Prefetch
from ninja import Field, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from netwerk.constants import Domain
from netwerk.models import Collaboration, Membership
from netwerk.register.regie import drukte
from netwerk.register.services.arrangements import active_arrangements
from portal.api import PortalAPI, parameter_errors_in_dutch
from portal.models import DataSource, FormerMunicipality, Municipality

api = PortalAPI(
    title="Netwerkregie",
    version="1",
    description=(
        "Wie werkt met wie samen: de gemeenten van 2025 en hun samenwerkingsverbanden, met "
        "bron en peildatum van elk gegeven. Alleen lezen."
    ),
    urls_namespace="netwerk-api",
    docs_url=None,  # the interactive docs load scripts from a CDN, which our CSP forbids
)

DomainKey = Enum("DomainKey", {value.replace("-", "_"): value for value in Domain.values}, type=str)
ProvinceKey = Enum(
    "ProvinceKey",
    {
        value.replace("-", "_"): value
        for value in (
            "groningen",
            "fryslan",
            "drenthe",
            "overijssel",
            "flevoland",
            "gelderland",
            "utrecht",
            "noord-holland",
            "zuid-holland",
            "zeeland",
            "noord-brabant",
            "limburg",
        )
    },
    type=str,
)


class ErrorOut(Schema):
    detail: str


class SourceOut(Schema):
    key: str
    title: str
    publisher: str
    licence: str
    url: str
    reference_date: dt.date = Field(description="peildatum: waarop de gegevens betrekking hebben")
    loaded_at: dt.datetime | None


class MunicipalityOut(Schema):
    code: str = Field(description="CBS-code, bijvoorbeeld GM0546")
    name: str
    official_name: str
    slug: str
    province: str
    population: int | None
    corop_code: str
    corop_name: str
    safety_region_code: str
    safety_region_name: str
    neighbours: list[str] = Field(description="CBS-codes van de buurgemeenten")

    @staticmethod
    def resolve_neighbours(obj) -> list[str]:
        return sorted(n.code for n in obj.neighbours.all())


class DrukteOut(Schema):
    arrangements: int = Field(description="aantal lopende samenwerkingsverbanden")
    partner_sets: int = Field(description="aantal verschillende groepen partnergemeenten")
    heavy_share: float | None = Field(
        description="aandeel zware vormen (gewicht 5 of meer) van de verbanden met bekende vorm"
    )


class FormerOut(Schema):
    code: str | None
    name: str
    ended_on: dt.date | None


class MunicipalityDetailOut(MunicipalityOut):
    drukte: DrukteOut
    former_municipalities: list[FormerOut] = Field(
        description="opgeheven gemeenten die in deze gemeente zijn opgegaan"
    )

    @staticmethod
    def resolve_drukte(obj) -> dict:
        return obj.api_drukte

    @staticmethod
    def resolve_former_municipalities(obj) -> list:
        return obj.api_former


class CollaborationOut(Schema):
    slug: str
    name: str
    domain: str
    domain_label: str
    form: str | None = Field(description="sleutel van de samenwerkingsvorm (modellentool)")
    form_basis: str = Field(description="herkomst van de vorm: bron, wet, soort, naam, redactie")
    legal_form_text: str = Field(description="rechtsvorm zoals de bron die noemt")
    task_type: str
    start_date: dt.date | None
    end_date: dt.date | None
    ended: bool
    source: str | None = Field(description="sleutel van de gegevensbron")
    source_date: dt.date | None = Field(description="peildatum van het gegeven")
    municipalities: list[str] = Field(description="CBS-codes van de deelnemende gemeenten")

    @staticmethod
    def resolve_domain_label(obj) -> str:
        return str(obj.get_domain_display())

    @staticmethod
    def resolve_form(obj) -> str | None:
        return obj.form.key if obj.form else None

    @staticmethod
    def resolve_source(obj) -> str | None:
        return obj.data_source.key if obj.data_source else None

    @staticmethod
    def resolve_municipalities(obj) -> list[str]:
        return sorted(m.municipality.code for m in obj.municipal_members)


class MemberOut(Schema):
    name: str
    code: str | None = Field(description="CBS-code als de deelnemer een gemeente is")
    kind: str = Field(description="gemeente, provincie, waterschap, …")
    role: str
    name_in_source: str


class CollaborationDetailOut(CollaborationOut):
    members: list[MemberOut]

    @staticmethod
    def resolve_members(obj) -> list[dict]:
        members = []
        for m in obj.memberships.all():
            if m.municipality_id:
                name, code, kind = m.municipality.name, m.municipality.code, "gemeente"
            else:
                name, code, kind = m.organisation.name, None, m.organisation.kind
            members.append(
                {
                    "name": name,
                    "code": code,
                    "kind": kind,
                    "role": m.role,
                    "name_in_source": m.name_in_source,
                }
            )
        return sorted(members, key=lambda m: (m["kind"] != "gemeente", m["name"]))


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=500, description="hoeveel resultaten (hoogstens 500)")
        # Capped well below PostgreSQL's bigint, which would fail on a larger OFFSET.
        offset: int = Field(0, ge=0, le=1_000_000_000, description="vanaf welk resultaat")


parameter_errors_in_dutch(api)


def _clean(value: str) -> str:
    # PostgreSQL text cannot hold NUL: such a value matches nothing, rather than failing.
    return value.replace("\x00", "\ufffd")


def _collaborations():
    return Collaboration.objects.select_related("form", "data_source").prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(municipality__isnull=False).select_related(
                "municipality"
            ),
            to_attr="municipal_members",
        )
    )


@api.get("/bronnen", response=list[SourceOut], summary="De gegevensbronnen met peildatum")
def list_sources(request):
    return DataSource.objects.order_by("order")


@api.get(
    "/gemeenten",
    response={200: list[MunicipalityOut], 422: ErrorOut},
    summary="De gemeenten van 2025",
)
def list_municipalities(request, provincie: ProvinceKey | None = None):
    queryset = Municipality.objects.current().prefetch_related("neighbours").order_by("sort_name")
    if provincie is not None:
        queryset = queryset.filter(province=provincie.value)
    return queryset


@api.get(
    "/gemeenten/{code}",
    response={200: MunicipalityDetailOut, 404: ErrorOut},
    summary="Eén gemeente met bestuurlijke drukte en opgeheven voorgangers",
)
def get_municipality(request, code: str):
    found = (
        Municipality.objects.current()
        .prefetch_related("neighbours")
        .filter(code=_clean(code).upper())
        .first()
    )
    if found is None:
        return Status(404, {"detail": f"Onbekende gemeentecode: {code[:20]}"})
    measures = drukte(found.code, active_arrangements())
    found.api_drukte = {
        "arrangements": measures.arrangements,
        "partner_sets": measures.partner_sets,
        "heavy_share": measures.heavy_share,
    }
    found.api_former = list(
        FormerMunicipality.objects.filter(successors=found).order_by("-ended_on", "name")
    )
    return Status(200, found)


@api.get(
    "/gemeenten/{code}/samenwerkingen",
    response={200: list[CollaborationOut], 404: ErrorOut, 422: ErrorOut},
    summary="De samenwerkingsverbanden van één gemeente",
)
def municipality_collaborations(request, code: str, beeindigd: bool = False):
    found = Municipality.objects.current().filter(code=_clean(code).upper()).first()
    if found is None:
        return Status(404, {"detail": f"Onbekende gemeentecode: {code[:20]}"})
    queryset = _collaborations().filter(memberships__municipality=found).order_by("name", "id")
    if not beeindigd:
        queryset = queryset.active()
    return Status(200, list(queryset))


@api.get(
    "/samenwerkingen",
    response={200: list[CollaborationOut], 422: ErrorOut},
    summary="Alle samenwerkingsverbanden (gepagineerd)",
)
@paginate(Pagination)
def list_collaborations(
    request,
    domein: DomainKey | None = None,
    vorm: str | None = Query(None, max_length=40, description="sleutel van de vorm of 'onbekend'"),
    gemeente: str | None = Query(None, max_length=6, description="CBS-code van een deelnemer"),
    beeindigd: bool = False,
):
    queryset = _collaborations().order_by("name", "id")
    if not beeindigd:
        queryset = queryset.active()
    if domein is not None:
        queryset = queryset.filter(domain=domein.value)
    if vorm == "onbekend":
        queryset = queryset.filter(form__isnull=True)
    elif vorm:
        queryset = queryset.filter(form__key=_clean(vorm))
    if gemeente:
        queryset = queryset.filter(memberships__municipality__code=_clean(gemeente).upper())
    return queryset


@api.get(
    "/samenwerkingen/{slug}",
    response={200: CollaborationDetailOut, 404: ErrorOut},
    summary="Eén samenwerkingsverband met alle deelnemers",
)
def get_collaboration(request, slug: str):
    found = (
        _collaborations()
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("municipality", "organisation"),
            )
        )
        .filter(slug=_clean(slug))
        .first()
    )
    if found is None:
        return Status(404, {"detail": "Dit samenwerkingsverband bestaat niet."})
    return Status(200, found)
