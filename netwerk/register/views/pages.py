"""The netwerkregie start page, the sources page and the API page."""

from __future__ import annotations

from django.shortcuts import render

from netwerk.constants import Domain
from netwerk.register.forms import municipality_choices
from netwerk.register.services.regions import region_choices
from netwerk.register.views.common import age_context, query_guard


@query_guard
def index(request):
    context = {
        "regions": region_choices(),
        "municipalities": municipality_choices(),
        "domains": Domain.choices,
        **age_context(),
    }
    return render(request, "netwerk/index.html", context)


@query_guard
def sources(request):
    return render(request, "netwerk/sources.html", age_context())


def api_page(request):
    return render(request, "netwerk/api.html", age_context())
