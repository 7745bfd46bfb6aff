"""Region pages: a province, a CBS region, a chosen set of municipalities, the country.

Bad input never reaches a 500: unknown codes give a Dutch 404 page, invalid parameters a Dutch
400 page with the form and its messages.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from netwerk.constants import RegionKind
from netwerk.errors import error_page
from netwerk.register.forms import (
    SelectionForm,
    municipality_choices,
)
from netwerk.register.services.regions import (
    region_file_name,
    region_of,
    region_overview,
)
from netwerk.register.views.common import age_context, query_guard, wants_csv
from portal.constants import Province
from portal.models import Municipality
from portal.spreadsheet import csv_response, export_filename


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
    context = {"overview": overview, "region": region, **age_context()}
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
