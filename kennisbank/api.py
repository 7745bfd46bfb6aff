"""The kennisbank's read-only JSON API: published items, searched and one by one (django-ninja).

Mounted at /kennisbank/api/; the OpenAPI description is at /kennisbank/api/openapi.json. The list
is the search page's search (kennisbank.search.search with the same parameters, filters and
facet counts, from the same cache); the detail gives an item with its themes, municipalities,
form of cooperation, links and adoption chain. Only published items appear: drafts, items in
review and withdrawn ones answer 404 like unknown slugs. Reading needs no login and sets no
cookies. Errors are JSON with a Dutch message: 404 for unknown slugs, 422 for invalid
parameters. Every answer carries an ETag (the content version, see read_cache.py); the detail
also Last-Modified; a matching If-None-Match gets 304.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Field, Query, Schema
from ninja.responses import Status

from portal.api import PortalAPI, etag_for, not_modified, parameter_errors_in_dutch, set_validators
from portal.constants import Motive, Province, TaskType
from portal.models import Municipality

from .constants import EvidenceLevel, ItemType
from .forms.search import SearchForm
from .models import AdoptionMark, Item
from .read_cache import cached, content_version
from .search import MAX_PAGES, MAX_QUERY_LENGTH, PAGE_SIZE, SORT_DATE, SORT_RELEVANCE
from .search import search as run_search
from .services.related import adoption_ancestors, detail_prefetches
from .views.search import _reference as search_reference

api = PortalAPI(
    title="Kennisbank",
    version="1",
    description=(
        "De gepubliceerde kennis over intergemeentelijke samenwerking: onderzoek, "
        "praktijkvoorbeelden, praktijklessen, themadossiers en bijeenkomsten. Zoeken en filteren "
        "werkt als op de zoekpagina, met dezelfde aantallen per filterwaarde. Alleen lezen."
    ),
    urls_namespace="kennisbank:api",
    docs_url=None,  # the docs page serves its own viewer (templates/developers/)
)


def _choice_enum(name: str, choices) -> type[Enum]:
    return Enum(name, {str(v).replace("-", "_"): str(v) for v, _ in choices}, type=str)


TypeKey = _choice_enum("TypeKey", ItemType.choices)
ProvinceKey = _choice_enum("ProvinceKey", Province.choices)
TaskTypeKey = _choice_enum("TaskTypeKey", TaskType.choices)
MotiveKey = _choice_enum("MotiveKey", Motive.choices)
EvidenceKey = _choice_enum("EvidenceKey", EvidenceLevel.choices)
SortKey = Enum("SortKey", {"relevantie": SORT_RELEVANCE, "datum": SORT_DATE}, type=str)


class ErrorOut(Schema):
    detail: str


class ThemeOut(Schema):
    slug: str
    name: str


class MunicipalityOut(Schema):
    code: str = Field(description="CBS-code, bijvoorbeeld GM0546")
    name: str


class FormOut(Schema):
    key: str = Field(description="sleutel van de samenwerkingsvorm (zoals in de modellentool)")
    name: str


class LinkOut(Schema):
    title: str
    url: str


class ItemRefOut(Schema):
    """An item named from another one (adoption chain)."""

    slug: str
    title: str
    published_on: dt.date
    url: str = Field(description="de pagina op het kennisplatform")
    api_url: str
    municipalities: list[MunicipalityOut]


class AdoptionMarkOut(Schema):
    municipality: MunicipalityOut
    note: str
    reported_on: dt.date = Field(description="wanneer een lid de overname meldde")


class AdoptionOut(Schema):
    adopted_from: ItemRefOut | None = Field(
        description="het praktijkvoorbeeld waarvan dit is overgenomen (als dat gepubliceerd is)"
    )
    adoption_note: str
    ancestors: list[ItemRefOut] = Field(
        description="de hele keten terug (waarvan overgenomen, en waarvan dat weer), dichtbij eerst"
    )
    adopted_by: list[ItemRefOut] = Field(
        description="gepubliceerde praktijkvoorbeelden die dit voorbeeld overnamen"
    )
    marked_by: list[AdoptionMarkOut] = Field(
        description="gemeenten waarvan een lid meldde dat zij dit voorbeeld overnamen"
    )


class HitOut(Schema):
    slug: str
    type: str
    type_label: str
    title: str
    title_html: str = Field(
        description="de titel met de gevonden woorden tussen <mark> en </mark>; verder "
        "HTML-veilig (alle andere tekens zijn geëscaped)"
    )
    summary: str
    published_on: dt.date
    starts_at: dt.datetime | None = Field(description="begin van een bijeenkomst")
    snippet_html: str = Field(
        description="tekstfragment met de gevonden woorden tussen <mark> en </mark>, HTML-veilig"
    )
    url: str = Field(description="de pagina op het kennisplatform")
    api_url: str
    themes: list[ThemeOut]
    municipalities: list[MunicipalityOut]
    form: FormOut | None


class FacetValueOut(Schema):
    value: str = Field(description="de waarde voor de parameter, bijvoorbeeld thema=jeugd")
    label: str
    count: int = Field(description="aantal resultaten met deze waarde, de andere filters toegepast")
    selected: bool
    estimated: bool = Field(description="het aantal is geschat uit een steekproef")


class FacetOut(Schema):
    key: str
    param: str = Field(description="de queryparameter van dit filter")
    label: str
    values: list[FacetValueOut]


class LinksOut(Schema):
    self: str
    first: str
    previous: str | None
    next: str | None


class SearchOut(Schema):
    total: int = Field(description="aantal gevonden items")
    total_estimated: bool = Field(description="het totaal is geschat (zeer grote aantallen)")
    page: int
    pages: int = Field(description=f"aantal pagina's van {PAGE_SIZE} (hoogstens {MAX_PAGES})")
    page_size: int
    sort: str
    links: LinksOut
    suggestion: str | None = Field(description="‘Bedoelde u …?’: een zoekterm met meer resultaten")
    notices: list[str] = Field(description="opmerkingen over de vraag, zoals op de zoekpagina")
    items: list[HitOut]
    facets: list[FacetOut]


class ItemOut(Schema):
    slug: str
    type: str
    type_label: str
    title: str
    summary: str
    body: str = Field(description="de tekst in Markdown")
    published_on: dt.date
    updated_at: dt.datetime
    url: str = Field(description="de pagina op het kennisplatform")
    themes: list[ThemeOut]
    tags: list[str]
    municipalities: list[MunicipalityOut]
    region: str
    form: FormOut | None = Field(description="de samenwerkingsvorm")
    task_type: str
    motives: list[str]
    evidence_level: str
    links: list[LinkOut]
    outcomes: str
    what_went_wrong: str
    advice: str = Field(description="wat anderen kunnen overnemen")
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    location: str
    adoption: AdoptionOut | None = Field(
        description="de overnameketen (alleen praktijkvoorbeelden)"
    )


parameter_errors_in_dutch(api)


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _item_api_path(slug: str) -> str:
    return reverse("kennisbank:api:get_item", args=[slug])


def _ref(request: HttpRequest, item: Item) -> dict:
    return {
        "slug": item.slug,
        "title": item.title,
        "published_on": item.published_on,
        "url": _absolute(request, item.get_absolute_url()),
        "api_url": _absolute(request, _item_api_path(item.slug)),
        "municipalities": item.municipalities.all(),
    }


def _form(item: Item) -> dict | None:
    model = item.collaboration_model
    return {"key": model.key, "name": model.name} if model else None


def _etag(request: HttpRequest) -> str:
    return etag_for(content_version(), request.get_full_path(), translation.get_language())


class SearchFilters(Schema):
    """The search page's query string: the same names, values and meaning."""

    q: str = Field(
        "",
        max_length=MAX_QUERY_LENGTH,
        description='zoektekst; "exacte woordgroep", -uitsluiten en OR werken als op de site',
    )
    soort: list[TypeKey] | None = Field(None, description="soort item")
    thema: list[str] | None = Field(
        None, description="slug van een thema (een onbekende waarde wordt genegeerd, met notice)"
    )
    provincie: list[ProvinceKey] | None = None
    gemeente: list[str] | None = Field(None, description="CBS-code, bijvoorbeeld GM0546")
    vorm: list[str] | None = Field(None, description="sleutel van de samenwerkingsvorm")
    taaktype: list[TaskTypeKey] | None = None
    motief: list[MotiveKey] | None = None
    bewijs: list[EvidenceKey] | None = Field(None, description="bewijskracht")
    jaar: list[str] | None = Field(None, description="publicatiejaar, bijvoorbeeld 2024")
    sorteer: SortKey | None = Field(
        None, description="relevantie (standaard met zoektekst) of datum (nieuwste eerst)"
    )
    page: int = Field(1, ge=1, le=MAX_PAGES, description=f"pagina (hoogstens {MAX_PAGES})")


@api.get(
    "/items",
    response={200: SearchOut, 422: ErrorOut},
    summary="Zoeken in de gepubliceerde items, met filters en aantallen per filterwaarde",
)
def list_items(
    request,
    response: HttpResponse,
    params: Query[SearchFilters],
):
    etag = _etag(request)
    if (unchanged := not_modified(request, etag=etag)) is not None:
        return unchanged
    # The search page's own parsing (SearchForm): `params` only checked the types. As on the
    # page, an unknown theme, municipality, form or year is left out with a notice, so an old
    # link still answers; the notice says which value was ignored.
    del params
    reference = search_reference()
    form = SearchForm(request.GET, reference=reference)
    wanted = form.params()
    result = cached("search", wanted, lambda: run_search(wanted, reference=reference))
    notices = [*form.notices, *result.notices]
    set_validators(response, etag=etag)
    return Status(200, _search_answer(request, result, notices))


def _search_answer(request: HttpRequest, result, notices: list[str]) -> dict:
    ids = [hit.id for hit in result.hits]
    items = {
        item.pk: item
        for item in Item.objects.published()
        .filter(pk__in=ids)
        .select_related("collaboration_model")
        .only("id", "slug", "summary", "collaboration_model__key", "collaboration_model__name")
        .prefetch_related(
            "themes",
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
        )
    }
    base = reverse("kennisbank:api:list_items")
    params = result.params

    def link(number: int) -> str:
        return _absolute(request, base + params.query_string(page=number).rstrip("?"))

    hits = []
    for hit in result.hits:
        item = items.get(hit.id)
        if item is None:  # unpublished between the cached search and now
            continue
        hits.append(
            {
                "slug": item.slug,
                "type": hit.type,
                "type_label": hit.type_label,
                "title": hit.title,
                "title_html": str(hit.title_html),
                "summary": item.summary,
                "published_on": hit.published_on,
                "starts_at": hit.starts_at,
                "snippet_html": str(hit.snippet),
                "url": _absolute(request, hit.url),
                "api_url": _absolute(request, _item_api_path(item.slug)),
                "themes": item.themes.all(),
                "municipalities": item.municipalities.all(),
                "form": _form(item),
            }
        )
    page = result.page
    return {
        "total": result.total,
        "total_estimated": result.total_estimated,
        "page": page.number,
        "pages": page.num_pages,
        "page_size": PAGE_SIZE,
        "sort": result.sort,
        "links": {
            "self": link(page.number),
            "first": link(1),
            "previous": link(page.number - 1) if page.has_previous() else None,
            "next": link(page.number + 1) if page.has_next() else None,
        },
        "suggestion": result.suggestion,
        "notices": [str(n) for n in notices],
        "items": hits,
        "facets": [
            {
                "key": facet.key,
                "param": facet.param,
                "label": str(facet.label),
                "values": [
                    {
                        "value": v.value,
                        "label": str(v.label),
                        "count": v.count,
                        "selected": v.selected,
                        "estimated": v.estimated,
                    }
                    for v in facet.values
                ],
            }
            for facet in result.facets
        ],
    }


@api.get(
    "/items/{slug}",
    response={200: ItemOut, 404: ErrorOut},
    summary="Eén gepubliceerd item met thema's, gemeenten, vorm, links en overnameketen",
)
def get_item(request, response: HttpResponse, slug: str):
    found = (
        Item.objects.published()
        .select_related("collaboration_model")
        .filter(slug=slug.replace("\x00", "\ufffd"))  # PostgreSQL text holds no NUL
        .first()
    )
    if found is None:
        return Status(404, {"detail": "Dit item bestaat niet of is niet gepubliceerd."})
    etag = etag_for(
        found.pk, found.updated_at, content_version(), translation.get_language(), request.path
    )
    if (unchanged := not_modified(request, etag=etag, last_modified=found.updated_at)) is not None:
        return unchanged
    prefetch_related_objects([found], *detail_prefetches(found.type))
    set_validators(response, etag=etag, last_modified=found.updated_at)
    return Status(200, _item_answer(request, found))


def _item_answer(request: HttpRequest, item: Item) -> dict:
    adoption = None
    if item.type == ItemType.PRACTICE:
        ancestors = adoption_ancestors(item)
        marks = (
            AdoptionMark.objects.filter(item=item)
            .select_related("municipality")
            .order_by("created_at", "id")
        )
        adoption = {
            # The nearest ancestor is the one it was adopted from, when that one is published.
            "adopted_from": _ref(request, ancestors[0])
            if ancestors and ancestors[0].pk == item.adopted_from_id
            else None,
            "adoption_note": item.adoption_note,
            "ancestors": [_ref(request, a) for a in ancestors],
            "adopted_by": [_ref(request, a) for a in item.published_adoptions],
            "marked_by": [
                {
                    "municipality": mark.municipality,
                    "note": mark.note,
                    "reported_on": timezone.localdate(mark.created_at),
                }
                for mark in marks
            ],
        }
    return {
        "slug": item.slug,
        "type": item.type,
        "type_label": str(item.get_type_display()),
        "title": item.title,
        "summary": item.summary,
        "body": item.body,
        "published_on": item.published_on,
        "updated_at": item.updated_at,
        "url": _absolute(request, item.get_absolute_url()),
        "themes": item.themes.all(),
        "tags": sorted(tag.name for tag in item.tags.all()),
        "municipalities": item.municipalities.all(),
        "region": item.region,
        "form": _form(item),
        "task_type": item.task_type,
        "motives": list(item.motives),
        "evidence_level": item.evidence_level,
        "links": item.links.all(),
        "outcomes": item.outcomes,
        "what_went_wrong": item.what_went_wrong,
        "advice": item.advice,
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "location": item.location,
        "adoption": adoption,
    }
