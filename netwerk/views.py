"""The netwerkregie pages: parse the request, call one service, render (or export as CSV).

Bad input never reaches a 500: unknown codes give a Dutch 404 page, invalid parameters a Dutch
400 page with the form and its messages, and an absurd number of parameters (Django refuses to
parse them) a Dutch 400 as well.
"""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import TooManyFieldsSent
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.generic import CreateView

from portal.constants import Province
from portal.models import Municipality
from portal.spreadsheet import csv_response, export_filename

from .constants import KENNISBANK_THEME_DOMAINS, Domain, RegionKind, SuggestionStatus
from .forms import (
    CollaborationFilterForm,
    MapForm,
    PartnerForm,
    SelectionForm,
    SuggestionForm,
    municipality_choices,
)
from .models import Collaboration, Membership
from .names import sort_key
from .services import (
    class_of,
    classes_for,
    data_sources,
    map_values,
    municipality_overview,
    partner_advice_for,
    region_choices,
    region_file_name,
    region_of,
    region_overview,
)
from .topo import netherlands

COLLABORATIONS_PER_PAGE = 50


def error_page(request, message: str, status: int = 400, **context):
    return render(
        request,
        "netwerk/error.html",
        {"message": message, "status": status, **context},
        status=status,
    )


def query_guard(view):
    """A query string with more parameters than Django parses gives a Dutch 400, not a crash."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            request.GET  # noqa: B018 - parsing happens on first access
        except TooManyFieldsSent:
            # The page around the message (the site search) reads request.GET too.
            request.GET = QueryDict()
            return error_page(request, _("De vraag bevat te veel gegevens om te verwerken."))
        return view(request, *args, **kwargs)

    return wrapper


def wants_csv(request) -> bool:
    return request.GET.get("formaat") == "csv"


def _age_context():
    sources = data_sources()
    dated = [s for s in sources if s.key != "cbs-gebiedsindelingen-2023"]
    return {
        "sources": sources,
        "oldest": min((s.reference_date for s in dated), default=None),
        "newest": max((s.reference_date for s in dated), default=None),
    }


@query_guard
def index(request):
    context = {
        "regions": region_choices(),
        "municipalities": municipality_choices(),
        "domains": Domain.choices,
        **_age_context(),
    }
    return render(request, "netwerk/index.html", context)


@query_guard
def municipality_lookup(request):
    """The "go to a municipality" form on the overview page: a code → its page."""
    code = request.GET.get("gemeente", "").strip().upper()
    found = Municipality.objects.current().filter(code=code).first() if code else None
    if found is None:
        return error_page(request, _("Kies een gemeente uit de lijst."), status=400)
    return redirect(found.get_network_url())


@query_guard
def municipality(request, slug):
    found = Municipality.objects.current().filter(slug=slug).first()
    if found is None:
        return error_page(request, _("Deze gemeente bestaat niet (meer)."), status=404)
    overview = municipality_overview(found)
    if wants_csv(request):
        rows = []
        for group in overview.groups:
            for c in group.collaborations:
                rows.append(
                    [
                        c.name,
                        group.label,
                        c.form.name if c.form else "",
                        c.legal_form_text,
                        c.own_membership.get_role_display(),
                        ", ".join(str(p.member) for p in c.partners),
                        c.data_source.title if c.data_source else c.source_note,
                        c.source_date.isoformat() if c.source_date else "",
                    ]
                )
        return csv_response(
            export_filename("samenwerkingen", found.slug),
            [
                _("samenwerkingsverband"),
                _("domein"),
                _("vorm"),
                _("rechtsvorm volgens bron"),
                _("rol"),
                _("partners"),
                _("bron"),
                _("datum bron"),
            ],
            rows,
        )
    context = {
        "overview": overview,
        "municipality": found,
        "theme_domains": KENNISBANK_THEME_DOMAINS,
        **_age_context(),
    }
    return render(request, "netwerk/municipality.html", context)


def _region_response(request, region):
    overview = region_overview(region)
    table = request.GET.get("tabel", "matrix")
    if wants_csv(request):
        if table == "verbindingen":
            return csv_response(
                export_filename("verbindingen", region_file_name(region)),
                [_("gemeente A"), _("gemeente B"), _("gedeelde samenwerkingsverbanden")],
                [[e.a_name, e.b_name, e.weight] for e in overview.network.edges],
            )
        return csv_response(
            export_filename("gemeenten-per-domein", region_file_name(region)),
            [_("CBS-code"), _("gemeente"), *[label for _, label in overview.domains], _("totaal")],
            [[r.municipality.code, r.municipality.name, *r.cells, r.total] for r in overview.rows],
        )
    context = {"overview": overview, "region": region, **_age_context()}
    return render(request, "netwerk/region.html", context)


@query_guard
def region(request, kind, code=""):
    if kind not in {RegionKind.PROVINCE, RegionKind.COROP, RegionKind.SAFETY_REGION} and not (
        kind == RegionKind.COUNTRY and not code
    ):
        return error_page(request, _("Deze soort regio kennen we niet."), status=404)
    found = region_of(kind, code)
    if found is None:
        return error_page(request, _("Deze regio bestaat niet."), status=404)
    return _region_response(request, found)


@query_guard
def selection(request):
    choices = municipality_choices()
    if "gemeente" not in request.GET:
        by_province = _choices_by_province(choices)
        return render(
            request,
            "netwerk/selection.html",
            {"form": SelectionForm(municipalities=choices), "by_province": by_province},
        )
    form = SelectionForm(request.GET, municipalities=choices)
    if not form.is_valid():
        chosen = set(request.GET.getlist("gemeente"))
        return render(
            request,
            "netwerk/selection.html",
            {"form": form, "by_province": _choices_by_province(choices, chosen)},
            status=400,
        )
    found = region_of(RegionKind.SELECTION, codes=form.cleaned_data["gemeente"])
    return _region_response(request, found)


def _choices_by_province(choices, chosen=()):
    """Checkboxes per province; a province with a chosen municipality starts opened."""
    province_of = dict(Municipality.objects.current().values_list("code", "province"))
    groups = {value: (label, []) for value, label in Province.choices}
    for code, name in choices:
        groups[province_of[code]][1].append((code, name, code in chosen))
    return [
        (value, label, items, any(checked for _, _, checked in items))
        for value, (label, items) in groups.items()
    ]


@gzip_page  # the map's SVG and table: a phone fetches a fifth of the bytes
@query_guard
def nl_map(request):
    form = MapForm(request.GET or None)
    # The suggestions of the "by name" box (a datalist: typing filters it, no JavaScript needed).
    choosable = {
        "collaboration_names": list(
            Collaboration.objects.active().order_by("name").values_list("name", flat=True)
        )
    }
    if request.GET and not form.is_valid():
        return render(
            request, "netwerk/map.html", {"form": form, **choosable, **_age_context()}, status=400
        )
    data = form.cleaned_data if form.is_bound else {"maat": "aantal"}
    measure = data["maat"]
    collaboration = data.get("collaboration")
    values = map_values(measure, domain=data.get("domein", ""), collaboration=collaboration)
    names = dict(Municipality.objects.current().values_list("code", "name"))
    slugs = dict(Municipality.objects.current().values_list("code", "slug"))
    if measure == "verband":
        classes = [(0, _("geen deelnemer")), (4, _("deelnemer"))]
        index_of = {0: 0, 1: 4}
        legend = [{"index": i, "label": label} for i, label in classes]
    else:
        bins = classes_for(list(values.values()))
        index_of = {v: class_of(v, bins) for v in set(values.values())}
        legend = [{"index": b.index, "label": b.label} for b in bins]
    if measure == "domein":
        title = _("Aantal samenwerkingsverbanden in het domein %(domain)s") % {
            "domain": Domain(data["domein"]).label
        }
    elif measure == "verband":
        title = _("Gemeenten die deelnemen aan %(name)s") % {"name": collaboration.name}
    else:
        title = _("Aantal samenwerkingsverbanden per gemeente")
    if wants_csv(request):
        return csv_response(
            export_filename(
                "kaart",
                data.get("domein", "") if measure == "domein" else "",
                collaboration.slug if collaboration else "",
            ),
            [_("CBS-code"), _("gemeente"), title],
            [
                [code, names[code], values.get(code, 0)]
                for code in sorted(names, key=lambda c: sort_key(names[c]))
            ],
        )
    geo = netherlands()
    shapes = [
        {
            "code": code,
            "name": names[code],
            "slug": slugs[code],
            "path": geo.shapes[code].path,
            "value": values.get(code, 0),
            "cls": index_of[values.get(code, 0)],
        }
        for code in sorted(names, key=lambda c: sort_key(names[c]))
        if code in geo.shapes
    ]
    # The table is a page of its own: 342 rows beside the map made a phone's first paint slow.
    as_table = request.GET.get("weergave") == "tabel"
    other_view = request.GET.copy()
    other_view.pop("weergave", None)
    if not as_table:
        other_view["weergave"] = "tabel"
    context = {
        "as_table": as_table,
        "other_view": other_view.urlencode(),
        "form": form if form.is_bound else MapForm(),
        "geo": geo,
        "shapes": shapes,
        "legend": legend,
        "title": title,
        "measure": measure,
        "collaboration": collaboration,
        **choosable,
        **_age_context(),
    }
    return render(request, "netwerk/map.html", context)


@query_guard
def partners(request):
    choices = municipality_choices()
    if "domein" not in request.GET:
        # From a municipality page: the form with that municipality chosen, the domain to pick.
        chosen = request.GET.get("gemeente", "")
        form = PartnerForm(initial={"gemeente": chosen}, municipalities=choices)
        return render(request, "netwerk/partners.html", {"form": form})
    form = PartnerForm(request.GET, municipalities=choices)
    if not form.is_valid():
        return render(request, "netwerk/partners.html", {"form": form}, status=400)
    asker = Municipality.objects.get(code=form.cleaned_data["gemeente"])
    domain = form.cleaned_data["domein"]
    advice = partner_advice_for(asker, domain)
    if wants_csv(request):
        together = _("al samen in dit domein")
        return csv_response(
            export_filename("partners", asker.slug, domain),
            [_("deel"), _("plaats"), _("gemeente"), _("score"), _("redenen")],
            [
                [together, "", name, "", f"{body.name} ({body.form or _('vorm onbekend')})"]
                for t, body in advice.together
                for name in t.partners
            ]
            + [
                [
                    _("nieuwe kandidaat"),
                    n,
                    r.municipality.name,
                    r.candidate.score,
                    "; ".join(t for t, _ in r.reasons),
                ]
                for n, r in enumerate(advice.ranking, start=1)
            ],
        )
    context = {
        "form": form,
        "asker": asker,
        "domain_label": Domain(domain).label,
        "domain": domain,
        "advice": advice,
        "ranking": advice.ranking,
        **_age_context(),
    }
    return render(request, "netwerk/partners.html", context)


@query_guard
def collaboration_list(request):
    form = CollaborationFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "netwerk/collaboration_list.html", {"form": form}, status=400)
    data = form.cleaned_data if form.is_bound else {}
    queryset = Collaboration.objects.select_related("form", "data_source").annotate(
        municipality_count=Count("memberships", filter=Q(memberships__municipality__isnull=False))
    )
    if not data.get("beeindigd"):
        queryset = queryset.active()
    if data.get("q"):
        queryset = queryset.filter(Q(name__icontains=data["q"]) | Q(aliases__icontains=data["q"]))
    if data.get("domein"):
        queryset = queryset.filter(domain=data["domein"])
    if data.get("vorm") == "onbekend":
        queryset = queryset.filter(form__isnull=True)
    elif data.get("vorm"):
        queryset = queryset.filter(form__key=data["vorm"])
    municipality = None
    if data.get("gemeente"):
        municipality = Municipality.objects.get(code=data["gemeente"])
        queryset = queryset.filter(memberships__municipality=municipality)
    queryset = queryset.order_by("name", "id")
    if wants_csv(request):
        return csv_response(
            export_filename("samenwerkingsverbanden", municipality.slug if municipality else ""),
            [_("naam"), _("domein"), _("vorm"), _("aantal gemeenten"), _("bron"), _("datum bron")],
            [
                [
                    c.name,
                    c.get_domain_display(),
                    c.form.name if c.form else "",
                    c.municipality_count,
                    c.data_source.title if c.data_source else c.source_note,
                    c.source_date.isoformat() if c.source_date else "",
                ]
                for c in queryset
            ],
        )
    page_obj = Paginator(queryset, COLLABORATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page_obj, "municipality": municipality, **_age_context()}
    return render(request, "netwerk/collaboration_list.html", context)


@query_guard
def collaboration_detail(request, slug):
    collaboration = (
        Collaboration.objects.select_related("form", "data_source")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related(
                    "municipality", "organisation", "data_source"
                ),
            ),
            "source_records__data_source",
        )
        .filter(slug=slug)
        .first()
    )
    if collaboration is None:
        return error_page(request, _("Dit samenwerkingsverband bestaat niet."), status=404)
    memberships = list(collaboration.memberships.all())
    municipalities = sorted(
        (m for m in memberships if m.municipality_id), key=lambda m: m.municipality.sort_name
    )
    organisations = sorted(
        (m for m in memberships if m.organisation_id), key=lambda m: m.organisation.name
    )
    if wants_csv(request):
        return csv_response(
            export_filename("deelnemers", collaboration.slug),
            [_("deelnemer"), _("CBS-code"), _("soort"), _("rol"), _("naam in de bron")],
            [
                [
                    m.municipality.name,
                    m.municipality.code,
                    _("gemeente"),
                    m.get_role_display(),
                    m.name_in_source,
                ]
                for m in municipalities
            ]
            + [
                [
                    m.organisation.name,
                    "",
                    m.organisation.get_kind_display(),
                    m.get_role_display(),
                    m.name_in_source,
                ]
                for m in organisations
            ],
        )
    context = {
        "collaboration": collaboration,
        "municipalities": municipalities,
        "organisations": organisations,
        "records": list(collaboration.source_records.all()),
        **_age_context(),
    }
    return render(request, "netwerk/collaboration_detail.html", context)


class SuggestionCreate(LoginRequiredMixin, CreateView):
    """Logged-in users propose a correction or a new collaboration; editors review it."""

    form_class = SuggestionForm
    template_name = "netwerk/suggestion_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.collaboration = None
        if "slug" in kwargs:
            self.collaboration = Collaboration.objects.filter(slug=kwargs["slug"]).first()
            if self.collaboration is None:
                return error_page(request, _("Dit samenwerkingsverband bestaat niet."), status=404)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "collaboration": self.collaboration}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "collaboration": self.collaboration}

    def form_valid(self, form):
        form.instance.collaboration = self.collaboration
        form.instance.submitted_by = self.request.user
        form.instance.status = SuggestionStatus.NEW
        self.object = form.save()
        messages.success(
            self.request,
            _("Dank u. De redactie bekijkt uw voorstel en past het register zo nodig aan."),
        )
        if self.collaboration is not None:
            return redirect(self.collaboration)
        return redirect(reverse("netwerk:collaborations"))


@query_guard
def sources(request):
    return render(request, "netwerk/sources.html", _age_context())


def api_page(request):
    return render(request, "netwerk/api.html", _age_context())
