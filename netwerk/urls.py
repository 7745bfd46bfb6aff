from django.urls import include, path

from netwerk.community.views import contacts, desk, follows, members, questions
from netwerk.register.api import api
from netwerk.register.views import (
    collaborations,
    maps,
    municipalities,
    pages,
    partners,
    regions,
)
from portal.routers import replica_reads, replica_reads_api

# The pages live in the "netwerk" namespace; the API in its own "netwerk-api" namespace, side by
# side rather than nested, because django-ninja reverses its own URLs without a parent namespace.
page_patterns = [
    path("", replica_reads(pages.index), name="index"),
    path(
        "gemeente/", replica_reads(municipalities.municipality_lookup), name="municipality_lookup"
    ),
    path("gemeenten/<slug:slug>/", replica_reads(municipalities.municipality), name="municipality"),
    path("regio/selectie/", replica_reads(regions.selection), name="selection"),
    path("regio/nederland/", replica_reads(regions.region), {"kind": "nederland"}, name="country"),
    path("regio/<slug:kind>/<str:code>/", replica_reads(regions.region), name="region"),
    path("kaart/", replica_reads(maps.nl_map), name="map"),
    path("partners/", replica_reads(partners.partners), name="partners"),
    path(
        "samenwerkingen/", replica_reads(collaborations.collaboration_list), name="collaborations"
    ),
    path("samenwerkingen/voorstel/", collaborations.SuggestionCreate.as_view(), name="suggest_new"),
    path(
        "samenwerkingen/<slug:slug>/",
        replica_reads(collaborations.collaboration_detail),
        name="collaboration",
    ),
    path(
        "samenwerkingen/<slug:slug>/voorstel/",
        collaborations.SuggestionCreate.as_view(),
        name="suggest_change",
    ),
    path("bronnen/", replica_reads(pages.sources), name="sources"),
    path("api/", pages.api_page, name="api_page"),
    # Members' network: accounts and profiles
    path("leden/", members.member_list, name="members"),
    path("leden/aanmelden/", members.register, name="register"),
    path("leden/aanmelden/verstuurd/", members.register_done, name="register_done"),
    path("leden/bevestigen/<str:uidb64>/<str:token>/", members.confirm, name="confirm"),
    path("leden/inloggen/", members.LoginView.as_view(), name="login"),
    path("leden/uitloggen/", members.LogoutView.as_view(), name="logout"),
    path("leden/wachtwoord/", members.password_reset, name="password_reset"),
    path("leden/wachtwoord/verstuurd/", members.password_reset_done, name="password_reset_done"),
    path(
        "leden/wachtwoord/nieuw/<str:uidb64>/<str:token>/",
        members.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "leden/wachtwoord/gewijzigd/",
        members.password_reset_complete,
        name="password_reset_complete",
    ),
    path("leden/mijn-profiel/", members.profile, name="profile"),
    path("leden/mijn-profiel/gegevens.json", members.profile_export, name="profile_export"),
    path("leden/mijn-profiel/verwijderen/", members.profile_delete, name="profile_delete"),
    path("leden/<int:pk>/", members.member_detail, name="member"),
    # Questions, contact requests, answers
    path("vragen/", questions.question_list, name="questions"),
    path("vragen/nieuw/", questions.question_create, name="question_create"),
    path("vragen/<int:pk>/", questions.question_detail, name="question"),
    path("vragen/<int:pk>/contact/", questions.question_contact, name="question_contact"),
    path("vragen/<int:pk>/antwoord/", questions.question_answer, name="question_answer"),
    path(
        "vragen/<int:pk>/nuttig/<int:answer_pk>/",
        questions.question_helpful,
        name="question_helpful",
    ),
    path("verzoeken/", contacts.contact_requests, name="contact_requests"),
    path("verzoeken/<int:pk>/", contacts.contact_request, name="contact_request"),
    # Follow: saved searches, follow buttons, the digest choice, unsubscribe, saved-search feeds
    path("leden/mijn-profiel/volgen/", follows.follow_settings, name="follow_settings"),
    path("volgen/", follows.follow_start, name="follow"),
    path("volgen/stoppen/", follows.follow_stop, name="unfollow"),
    path("zoekopdrachten/bewaren/", follows.saved_search_create, name="saved_search_create"),
    path(
        "zoekopdrachten/<int:pk>/verwijderen/",
        follows.saved_search_delete,
        name="saved_search_delete",
    ),
    path("zoekopdrachten/feed/<str:token>/", follows.SavedSearchFeed(), name="saved_search_feed"),
    path("e-mail/afmelden/<str:token>/", follows.digest_unsubscribe, name="digest_unsubscribe"),
    # The infodesk for editors
    path("desk/", desk.desk, name="desk"),
    path("desk/statistiek/", desk.desk_statistics, name="desk_statistics"),
    path("desk/vragen/<int:pk>/doorsturen/", desk.desk_route, name="desk_route"),
    path("desk/vragen/<int:pk>/praktijkles/", desk.desk_promote, name="desk_promote"),
]

urlpatterns = [
    path("", include((page_patterns, "netwerk"))),
    path("api/", replica_reads_api(api.urls)),
]
