from django.urls import path

from portal.routers import replica_reads, replica_reads_api

from .api import api
from .feeds import DossierFeed, LatestItemsFeed, ThemeFeed
from .views import discussion, events, pages, search, submissions

app_name = "kennisbank"

urlpatterns = [
    path("api/", replica_reads_api(api.urls)),  # before the catch-all detail route below
    path("", replica_reads(search.search), name="search"),
    path("feed/", replica_reads(LatestItemsFeed()), name="feed"),
    path("dossiers/", replica_reads(pages.dossiers), name="dossiers"),
    path("bijeenkomsten/", replica_reads(pages.events), name="events"),
    path("bijeenkomsten/<slug:slug>/agenda.ics", pages.event_ical, name="event_ical"),
    path("meest-overgenomen/", replica_reads(pages.most_adopted), name="most_adopted"),
    # Follow: Atom feeds per theme and per dossier (the saved-search feed lives in netwerk)
    path("thema/<slug:slug>/feed/", ThemeFeed(), name="theme_feed"),
    path("dossiers/<slug:slug>/feed/", DossierFeed(), name="dossier_feed"),
    # Events: registration, organisers' proposals and attendee lists (views/events.py).
    # Organiser pages live under organiseren/, which no item type uses, so no slug can clash.
    path("bijeenkomsten/<slug:slug>/aanmelden/", events.register, name="event_register"),
    path("bijeenkomsten/<slug:slug>/afmelden/", events.cancel, name="event_cancel"),
    path("organiseren/", events.my_events, name="my_events"),
    path("organiseren/voorstellen/", events.propose, name="event_propose"),
    path("organiseren/<slug:slug>/bewerken/", events.edit, name="event_edit"),
    path(
        "organiseren/<slug:slug>/deelnemers/",
        events.attendees,
        name="event_attendees",
    ),
    path(
        "organiseren/<slug:slug>/deelnemers.csv",
        events.attendees_csv,
        name="event_attendees_csv",
    ),
    # Discussion under items and dossiers, and members' adoption marks (views/discussion.py).
    # Under discussie/, huisregels/ and overgenomen/, which no item type uses.
    path("huisregels/", discussion.house_rules, name="house_rules"),
    path("discussie/<int:item_pk>/reageren/", discussion.comment_create, name="comment_create"),
    path("discussie/<int:item_pk>/sluiten/", discussion.discussion_lock, name="discussion_lock"),
    path("discussie/reactie/<int:pk>/reageren/", discussion.comment_reply, name="comment_reply"),
    path("discussie/reactie/<int:pk>/bewerken/", discussion.comment_edit, name="comment_edit"),
    path("discussie/reactie/<int:pk>/melden/", discussion.comment_report, name="comment_report"),
    path(
        "discussie/reactie/<int:pk>/modereren/",
        discussion.comment_moderate,
        name="comment_moderate",
    ),
    path(
        "overgenomen/<int:item_pk>/melden/",
        discussion.adoption_mark_add,
        name="adoption_mark_add",
    ),
    path(
        "overgenomen/<int:pk>/verwijderen/",
        discussion.adoption_mark_remove,
        name="adoption_mark_remove",
    ),
    # Report an experience: members' submissions (views/submissions.py), under inzenden/,
    # which no item type uses.
    path("inzenden/", submissions.submission_list, name="submission_list"),
    path("inzenden/nieuw/", submissions.submission_new, name="submission_new"),
    path("inzenden/<int:pk>/", submissions.submission_detail, name="submission_detail"),
    path("inzenden/<int:pk>/bewerken/", submissions.submission_edit, name="submission_edit"),
    path(
        "inzenden/<int:pk>/autosave/", submissions.submission_autosave, name="submission_autosave"
    ),
    path(
        "inzenden/<int:pk>/bijlagen/<int:file_pk>/",
        submissions.submission_file,
        name="submission_file",
    ),
    # Items' attachments, served through the storage API (private object storage in production).
    path("bijlagen/<int:pk>/", pages.attachment, name="attachment"),
    path(
        "<str:type_path>/<slug:slug>/",
        pages.detail,
        name="detail",
    ),
]
