from django.urls import include, path

from portal.routers import replica_reads, replica_reads_api

from . import follow_views as fv
from . import member_views as mv
from . import views
from .api import api

# The pages live in the "netwerk" namespace; the API in its own "netwerk-api" namespace, side by
# side rather than nested, because django-ninja reverses its own URLs without a parent namespace.
page_patterns = [
    path("", replica_reads(views.index), name="index"),
    path("gemeente/", replica_reads(views.municipality_lookup), name="municipality_lookup"),
    path("gemeenten/<slug:slug>/", replica_reads(views.municipality), name="municipality"),
    path("regio/selectie/", replica_reads(views.selection), name="selection"),
    path("regio/nederland/", replica_reads(views.region), {"kind": "nederland"}, name="country"),
    path("regio/<slug:kind>/<str:code>/", replica_reads(views.region), name="region"),
    path("kaart/", replica_reads(views.nl_map), name="map"),
    path("partners/", replica_reads(views.partners), name="partners"),
    path("samenwerkingen/", replica_reads(views.collaboration_list), name="collaborations"),
    path("samenwerkingen/voorstel/", views.SuggestionCreate.as_view(), name="suggest_new"),
    path(
        "samenwerkingen/<slug:slug>/",
        replica_reads(views.collaboration_detail),
        name="collaboration",
    ),
    path(
        "samenwerkingen/<slug:slug>/voorstel/",
        views.SuggestionCreate.as_view(),
        name="suggest_change",
    ),
    path("bronnen/", replica_reads(views.sources), name="sources"),
    path("api/", views.api_page, name="api_page"),
    # Members' network: accounts and profiles
    path("leden/", mv.member_list, name="members"),
    path("leden/aanmelden/", mv.register, name="register"),
    path("leden/aanmelden/verstuurd/", mv.register_done, name="register_done"),
    path("leden/bevestigen/<str:uidb64>/<str:token>/", mv.confirm, name="confirm"),
    path("leden/inloggen/", mv.LoginView.as_view(), name="login"),
    path("leden/uitloggen/", mv.LogoutView.as_view(), name="logout"),
    path("leden/wachtwoord/", mv.password_reset, name="password_reset"),
    path("leden/wachtwoord/verstuurd/", mv.password_reset_done, name="password_reset_done"),
    path(
        "leden/wachtwoord/nieuw/<str:uidb64>/<str:token>/",
        mv.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("leden/wachtwoord/gewijzigd/", mv.password_reset_complete, name="password_reset_complete"),
    path("leden/mijn-profiel/", mv.profile, name="profile"),
    path("leden/mijn-profiel/gegevens.json", mv.profile_export, name="profile_export"),
    path("leden/mijn-profiel/verwijderen/", mv.profile_delete, name="profile_delete"),
    path("leden/<int:pk>/", mv.member_detail, name="member"),
    # Questions, contact requests, answers
    path("vragen/", mv.question_list, name="questions"),
    path("vragen/nieuw/", mv.question_create, name="question_create"),
    path("vragen/<int:pk>/", mv.question_detail, name="question"),
    path("vragen/<int:pk>/contact/", mv.question_contact, name="question_contact"),
    path("vragen/<int:pk>/antwoord/", mv.question_answer, name="question_answer"),
    path("vragen/<int:pk>/nuttig/<int:answer_pk>/", mv.question_helpful, name="question_helpful"),
    path("verzoeken/", mv.contact_requests, name="contact_requests"),
    path("verzoeken/<int:pk>/", mv.contact_request, name="contact_request"),
    # Follow: saved searches, follow buttons, the digest choice, unsubscribe, saved-search feeds
    path("leden/mijn-profiel/volgen/", fv.follow_settings, name="follow_settings"),
    path("volgen/", fv.follow_start, name="follow"),
    path("volgen/stoppen/", fv.follow_stop, name="unfollow"),
    path("zoekopdrachten/bewaren/", fv.saved_search_create, name="saved_search_create"),
    path(
        "zoekopdrachten/<int:pk>/verwijderen/",
        fv.saved_search_delete,
        name="saved_search_delete",
    ),
    path("zoekopdrachten/feed/<str:token>/", fv.SavedSearchFeed(), name="saved_search_feed"),
    path("e-mail/afmelden/<str:token>/", fv.digest_unsubscribe, name="digest_unsubscribe"),
    # The infodesk for editors
    path("desk/", mv.desk, name="desk"),
    path("desk/statistiek/", mv.desk_statistics, name="desk_statistics"),
    path("desk/vragen/<int:pk>/doorsturen/", mv.desk_route, name="desk_route"),
    path("desk/vragen/<int:pk>/praktijkles/", mv.desk_promote, name="desk_promote"),
]

urlpatterns = [
    path("", include((page_patterns, "netwerk"))),
    path("api/", replica_reads_api(api.urls)),
]
