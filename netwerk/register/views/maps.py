"""The map of the Netherlands.

Bad input never reaches a 500: unknown codes give a Dutch 404 page, invalid parameters a Dutch
400 page with the form and its messages.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page

from netwerk.constants import Domain
from netwerk.models import Collaboration
from netwerk.register.forms import MapForm
from netwerk.register.opendata.names import sort_key
from netwerk.register.services.maps import class_of, classes_for, map_values
from netwerk.register.topo import netherlands
from netwerk.register.views.common import age_context, query_guard, wants_csv
from portal.models import Municipality
from portal.spreadsheet import csv_response, export_filename


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
            request, "netwerk/map.html", {"form": form, **choosable, **age_context()}, status=400
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
        **age_context(),
    }
    return render(request, "netwerk/map.html", context)
