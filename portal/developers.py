"""The pages for developers: what the APIs offer, and each OpenAPI description in a viewer.

The viewer is Swagger UI from the npm package swagger-ui-dist, served from our own static files
(settings.VENDOR_STATIC_FILES): the CSP allows no scripts from elsewhere and no eval.
"""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ApiInfo:
    key: str
    title: Promise
    description: Promise
    spec_url_name: str

    @property
    def spec_url(self) -> str:
        return reverse(self.spec_url_name)

    @property
    def base_url(self) -> str:
        return self.spec_url.removesuffix("openapi.json")

    def get_absolute_url(self) -> str:
        return reverse("developers_api", kwargs={"key": self.key})


APIS = (
    ApiInfo(
        "kennisbank",
        _("Kennisbank"),
        _(
            "De gepubliceerde items: zoeken en filteren zoals op de zoekpagina, met de aantallen "
            "per filterwaarde, en elk item met thema's, gemeenten, samenwerkingsvorm, links en "
            "de keten van overnames."
        ),
        "kennisbank:api:openapi-json",
    ),
    ApiInfo(
        "netwerk",
        _("Samenwerkingsregister"),
        _(
            "De gemeenten van 2025 met hun samenwerkingsverbanden, bestuurlijke drukte en de bron "
            "en peildatum van elk gegeven."
        ),
        "netwerk-api:openapi-json",
    ),
    ApiInfo(
        "modellentool",
        _("Modellentool"),
        _(
            "Advies over de samenwerkingsvorm: stuur de antwoorden als JSON en krijg de "
            "rangorde van de vormen, de aanpak en, als twee vormen dicht bij elkaar liggen, wat "
            "de doorslag geeft."
        ),
        "modellentool:api:openapi-json",
    ),
)
APIS_BY_KEY = {info.key: info for info in APIS}


def index(request):
    return render(request, "developers/index.html", {"apis": APIS})


def api_docs(request, key: str):
    info = APIS_BY_KEY.get(key)
    if info is None:
        raise Http404
    return render(request, "developers/api.html", {"api": info, "apis": APIS})
