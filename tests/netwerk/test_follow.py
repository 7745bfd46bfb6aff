"""Saving searches, following themes, dossiers, municipalities and discussions, and the
member's "Volgen en e-mail" page."""

import pytest
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from kennisbank.constants import Status
from netwerk.community.services.follows import MAX_SAVED_SEARCHES, saved_search_create
from netwerk.constants import FollowKind
from netwerk.models import Follow, SavedSearch
from portal.constants import DigestFrequency
from portal.models import MemberProfile, Municipality
from tests.factories import DossierFactory, ItemFactory, UserFactory, municipality, theme
from tests.html import validate_html
from tests.netwerk.follow_factories import T0, digest_member, follow
from tests.netwerk.member_factories import MemberFactory

pytestmark = pytest.mark.django_db

SAVE = reverse("netwerk:saved_search_create")
FOLLOW = reverse("netwerk:follow")
UNFOLLOW = reverse("netwerk:unfollow")
SETTINGS = reverse("netwerk:follow_settings")


@pytest.fixture
def member_client(client):
    profile = MemberFactory()
    client.force_login(profile.user)
    client.profile = profile
    return client


# --- saved searches ---------------------------------------------------------------------------


def test_saving_a_search_keeps_query_and_filters_in_one_spelling(member_client):
    query = "?page=3&thema=wonen&q=++jeugd++zorg&thema=jeugd&sorteer=datum&onbekend=x"
    response = member_client.post(SAVE, {"query": query})

    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=member_client.profile.user)
    assert saved.query_string == "q=jeugd+zorg&thema=jeugd&thema=wonen"
    assert saved.name == "‘jeugd zorg’ – Thema: Jeugd, Wonen"
    assert len(saved.feed_token) >= 30
    page = member_client.get(response.url)
    assert "is bewaard" in page.content.decode()


def test_saving_the_same_search_again_is_friendly_and_keeps_one(member_client):
    member_client.post(SAVE, {"query": "q=jeugd&thema=wonen&thema=jeugd", "name": "Mijn jeugd"})
    response = member_client.post(SAVE, {"query": "?thema=jeugd&thema=wonen&q=jeugd&page=2"})

    assert response.status_code == 302
    assert SavedSearch.objects.filter(user=member_client.profile.user).count() == 1
    page = member_client.get(response.url)
    assert "U had deze zoekopdracht al bewaard als ‘Mijn jeugd’." in page.content.decode()


def test_an_empty_search_saves_as_all_items(member_client):
    member_client.post(SAVE, {"query": ""})
    assert SavedSearch.objects.get().name == "Alle kennisitems"


def test_a_search_too_long_to_save_gives_a_friendly_400(member_client):
    codes = list(Municipality.objects.values_list("code", flat=True)[:80])
    query = "&".join(f"gemeente={code}" for code in codes)
    response = member_client.post(SAVE, {"query": query})
    assert response.status_code == 400
    assert "te lang om te bewaren" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_the_number_of_saved_searches_is_limited():
    user = UserFactory()
    for n in range(MAX_SAVED_SEARCHES):
        saved_search_create(user=user, query_string=f"q=woord{n}")
    from netwerk.community.services.follows import FollowError

    with pytest.raises(FollowError):
        saved_search_create(user=user, query_string="q=nogeen")


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.post(SAVE, {"query": "q=jeugd"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("netwerk:login"))
    assert not SavedSearch.objects.exists()
    assert client.post(FOLLOW, {"kind": "thema", "target": theme("jeugd").pk}).status_code == 302
    assert not Follow.objects.exists()


def test_saving_needs_post(member_client):
    assert member_client.get(SAVE).status_code == 405
    assert member_client.get(FOLLOW).status_code == 405


def test_the_search_page_offers_saving_to_members_and_login_to_others(client, member_client):
    url = reverse("kennisbank:search") + "?q=jeugd"
    own = member_client.get(url).content.decode()
    assert "Bewaar deze zoekopdracht" in own
    assert 'name="query" value="?q=jeugd"' in own
    member_client.logout()
    anonymous = client.get(url).content.decode()
    assert "Bewaar deze zoekopdracht" not in anonymous
    assert "Log in om deze zoekopdracht te bewaren" in anonymous


def test_the_search_page_filtered_on_one_theme_offers_to_follow_it(member_client):
    url = reverse("kennisbank:search") + "?thema=jeugd"
    page = member_client.get(url).content.decode()
    assert "Volg het thema Jeugd" in page
    assert reverse("kennisbank:theme_feed", args=["jeugd"]) in page
    assert 'type="application/atom+xml"' in page
    two = member_client.get(url + "&thema=wonen").content.decode()
    assert "Volg het thema" not in two


def test_deleting_a_saved_search_only_ones_own(member_client):
    other = saved_search_create(user=UserFactory(), query_string="q=wonen").saved_search
    own = saved_search_create(user=member_client.profile.user, query_string="q=jeugd")
    url = reverse("netwerk:saved_search_delete", args=[other.pk])
    assert member_client.post(url).status_code == 302
    assert SavedSearch.objects.filter(pk=other.pk).exists()
    member_client.post(reverse("netwerk:saved_search_delete", args=[own.saved_search.pk]))
    assert not SavedSearch.objects.filter(pk=own.saved_search.pk).exists()


# --- follows ----------------------------------------------------------------------------------


def test_follow_and_unfollow_a_discussion_from_the_item_page(member_client):
    item = ItemFactory(title="Samen sterker")
    page = member_client.get(item.get_absolute_url()).content.decode()
    assert "Volg de discussie" in page

    data = {"kind": FollowKind.DISCUSSION, "target": item.pk, "next": item.get_absolute_url()}
    response = member_client.post(FOLLOW, data)
    assert response.status_code == 302 and response.url == item.get_absolute_url()
    member_client.post(FOLLOW, data)  # a double click follows once
    assert Follow.objects.filter(user=member_client.profile.user, item=item).count() == 1
    page = member_client.get(item.get_absolute_url()).content.decode()
    assert "U volgt de discussie." in page and "Discussie niet meer volgen" in page

    member_client.post(UNFOLLOW, data)
    assert not Follow.objects.filter(item=item).exists()


def test_follow_a_dossier_and_a_municipality_and_a_theme(member_client):
    dossier = DossierFactory(title="Dossier Afval")
    page = member_client.get(dossier.get_absolute_url()).content.decode()
    assert "Volg dit dossier" in page
    assert reverse("kennisbank:dossier_feed", args=[dossier.slug]) in page
    member_client.post(FOLLOW, {"kind": FollowKind.DOSSIER, "target": dossier.pk})
    utrecht = municipality("GM0344")
    page = member_client.get(utrecht.get_network_url()).content.decode()
    assert "Volg Utrecht" in page
    member_client.post(FOLLOW, {"kind": FollowKind.MUNICIPALITY, "target": utrecht.pk})
    member_client.post(FOLLOW, {"kind": FollowKind.THEME, "target": theme("wonen").pk})
    kinds = set(Follow.objects.values_list("kind", flat=True))
    assert kinds == {FollowKind.DOSSIER, FollowKind.MUNICIPALITY, FollowKind.THEME}


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "iets", "target": "1"},
        {"kind": FollowKind.THEME, "target": "abc"},
        {"kind": FollowKind.THEME, "target": "999999"},
        {"kind": FollowKind.DOSSIER, "target": "draft"},
        {"kind": FollowKind.DOSSIER, "target": "practice"},  # not a dossier
        {"kind": FollowKind.DISCUSSION, "target": "draft"},
        {},
    ],
)
def test_following_what_cannot_be_followed_gives_a_400(member_client, data):
    draft = ItemFactory(status=Status.DRAFT, type="themadossier")
    practice = ItemFactory()
    data = {k: {"draft": draft.pk, "practice": practice.pk}.get(v, v) for k, v in data.items()}
    response = member_client.post(FOLLOW, data)
    assert response.status_code == 400
    assert "volgen" in response.content.decode()
    assert not Follow.objects.exists()


def test_follow_never_redirects_off_site(member_client):
    data = {"kind": FollowKind.THEME, "target": theme("jeugd").pk, "next": "https://evil.example/"}
    response = member_client.post(FOLLOW, data)
    assert response.url == SETTINGS


def test_the_database_allows_exactly_one_target_and_one_follow_each():
    user = UserFactory()
    item = ItemFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=user, kind=FollowKind.THEME, item=item)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=user, kind=FollowKind.THEME, theme=theme("jeugd"), item=item)
    Follow.objects.create(user=user, kind=FollowKind.THEME, theme=theme("jeugd"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=user, kind=FollowKind.THEME, theme=theme("jeugd"))


def _render_button(user, item):
    request = RequestFactory().get(item.get_absolute_url())
    request.user = user
    template = Template("{% load follow_tags %}{% follow_button item %}")
    return template.render(Context({"item": item, "user": user, "request": request}))


def test_the_follow_button_costs_at_most_one_query(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    dossier = DossierFactory()
    user = UserFactory()
    follow(user, T0, dossier=dossier)
    with django_assert_num_queries(1):
        html = _render_button(user, dossier)
    assert "Dossier niet meer volgen" in html and "Volg de discussie" in html
    with django_assert_num_queries(0):
        html = _render_button(AnonymousUser(), dossier)
    assert "Log in om te volgen" in html and "<form" not in html
    draft = ItemFactory(status=Status.DRAFT)
    assert _render_button(user, draft).strip() == ""


# --- the member's page ------------------------------------------------------------------------


def test_the_follow_page_lists_searches_follows_and_the_digest_choice(member_client):
    user = member_client.profile.user
    saved = saved_search_create(user=user, query_string="q=jeugd").saved_search
    follow(user, T0, theme=theme("jeugd"))
    follow(user, T0, municipality=municipality("GM0344"))
    page = member_client.get(SETTINGS).content.decode()
    assert "‘jeugd’" in page
    assert f"/netwerk/zoekopdrachten/feed/{saved.feed_token}/" in page
    assert "Niet meer volgen: Thema: Jeugd" in page
    assert "Niet meer volgen: Gemeente: Utrecht" in page
    assert "Wekelijks" in page and "Dagelijks" in page and "Geen e-mail" in page
    assert member_client.get(reverse("netwerk:profile")).content.decode().count(SETTINGS) >= 1


def test_other_members_searches_are_not_shown(member_client):
    saved_search_create(user=UserFactory(), query_string="q=geheimproject")
    assert "geheimproject" not in member_client.get(SETTINGS).content.decode()


def test_choosing_the_digest_frequency(member_client):
    response = member_client.post(SETTINGS, {"digest_frequency": DigestFrequency.DAILY})
    assert response.status_code == 302
    profile = MemberProfile.objects.get(pk=member_client.profile.pk)
    assert profile.digest_frequency == DigestFrequency.DAILY
    bad = member_client.post(SETTINGS, {"digest_frequency": "elk uur"})
    assert bad.status_code == 400
    assert "Selecteer een geldige keuze" in bad.content.decode()
    assert "Verbeter 1 punt om verder te gaan" in bad.content.decode()


def test_turning_the_digest_back_on_starts_from_now(client):
    profile = digest_member(frequency=DigestFrequency.NEVER, covered_until=T0)
    client.force_login(profile.user)
    client.post(SETTINGS, {"digest_frequency": DigestFrequency.WEEKLY})
    assert MemberProfile.objects.get(pk=profile.pk).digest_covered_until > T0


def test_the_follow_page_needs_a_login(client):
    response = client.get(SETTINGS)
    assert response.status_code == 302
    assert response.url.startswith(reverse("netwerk:login"))


def test_the_follow_page_costs_the_same_queries_for_one_or_many(
    member_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = member_client.profile.user
    saved_search_create(user=user, query_string="q=een")
    follow(user, T0, theme=theme("jeugd"))
    member_client.get(SETTINGS)
    with CaptureQueriesContext(connection) as few:
        member_client.get(SETTINGS)
    for n in range(8):
        saved_search_create(user=user, query_string=f"q=woord{n}")
        follow(user, T0, discussion=ItemFactory())
    follow(user, T0, municipality=municipality("GM0344"))
    follow(user, T0, dossier=DossierFactory())
    with CaptureQueriesContext(connection) as many:
        member_client.get(SETTINGS)
    assert len(many) == len(few)


def test_follow_pages_are_valid_html(member_client, client):
    from netwerk.community.services import digests as digest

    user = member_client.profile.user
    saved_search_create(user=user, query_string="q=jeugd&thema=jeugd")
    dossier = DossierFactory(title="Dossier & co")
    follow(user, T0, dossier=dossier)
    follow(user, T0, theme=theme("jeugd"))
    documents = {
        "volgen": member_client.get(SETTINGS).content.decode(),
        "volgen-fout": member_client.post(SETTINGS, {"digest_frequency": "x"}).content.decode(),
        "dossier": member_client.get(dossier.get_absolute_url()).content.decode(),
        "zoeken-thema": member_client.get("/kennisbank/?thema=jeugd").content.decode(),
        "gemeente": member_client.get(municipality("GM0344").get_network_url()).content.decode(),
    }
    url = digest.unsubscribe_path(profile_id=member_client.profile.pk)
    client.logout()
    documents["afmelden"] = client.get(url).content.decode()
    documents["afgemeld"] = client.post(url).content.decode()
    documents["afmelden-fout"] = client.get("/netwerk/e-mail/afmelden/onzin/").content.decode()
    documents["zoeken-anoniem"] = client.get("/kennisbank/?thema=jeugd").content.decode()
    errors = validate_html(documents)
    assert errors == {}, errors


def test_the_search_page_filtered_on_one_municipality_offers_to_follow_it(member_client):
    utrecht = municipality("GM0344")
    page = member_client.get(utrecht.get_absolute_url()).content.decode()
    assert "Volg Utrecht" in page


@pytest.mark.parametrize(
    "query, name",
    [
        ("q=jeugd%00zorg\r\nSet-Cookie: x=1", "Naam\x01met\x07rommel"),
        ("q=" + "lang" * 500, "n" * 500),
        ("%%%&&&==&thema=", "   "),
    ],
)
def test_junk_input_is_cleaned_never_a_500(member_client, query, name):
    response = member_client.post(SAVE, {"query": query, "name": name})
    assert response.status_code == 302
    assert "\n" not in response["Location"]
    saved = SavedSearch.objects.get()
    assert "\x00" not in saved.name and len(saved.name) <= 150
    assert "\x00" not in saved.query_string
