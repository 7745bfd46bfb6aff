from django.urls import path

from .feeds import LatestItemsFeed
from .views import pages, search

app_name = "kennisbank"

urlpatterns = [
    path("", search.search, name="search"),
    path("feed/", LatestItemsFeed(), name="feed"),
    path("dossiers/", pages.dossiers, name="dossiers"),
    path("bijeenkomsten/", pages.events, name="events"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", pages.event_ical, name="event_ical"),
    path("meest-overgenomen/", pages.most_adopted, name="most_adopted"),
    path(
        "<str:type_path>/<slug:slug>/",
        pages.detail,
        name="detail",
    ),
]
