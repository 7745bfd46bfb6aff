from django.urls import include, path

from . import views
from .api import api

# The pages live in the "netwerk" namespace; the API in its own "netwerk-api" namespace, side by
# side rather than nested, because django-ninja reverses its own URLs without a parent namespace.
page_patterns = [
    path("", views.index, name="index"),
    path("gemeente/", views.municipality_lookup, name="municipality_lookup"),
    path("gemeenten/<slug:slug>/", views.municipality, name="municipality"),
    path("regio/selectie/", views.selection, name="selection"),
    path("regio/nederland/", views.region, {"kind": "nederland"}, name="country"),
    path("regio/<slug:kind>/<str:code>/", views.region, name="region"),
    path("kaart/", views.nl_map, name="map"),
    path("partners/", views.partners, name="partners"),
    path("samenwerkingen/", views.collaboration_list, name="collaborations"),
    path("samenwerkingen/voorstel/", views.SuggestionCreate.as_view(), name="suggest_new"),
    path("samenwerkingen/<slug:slug>/", views.collaboration_detail, name="collaboration"),
    path(
        "samenwerkingen/<slug:slug>/voorstel/",
        views.SuggestionCreate.as_view(),
        name="suggest_change",
    ),
    path("bronnen/", views.sources, name="sources"),
    path("api/", views.api_page, name="api_page"),
]

urlpatterns = [
    path("", include((page_patterns, "netwerk"))),
    path("api/", api.urls),
]
