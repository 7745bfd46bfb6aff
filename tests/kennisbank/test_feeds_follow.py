"""Atom feeds to follow: per theme, per dossier and per saved search (secret address)."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import Status
from netwerk.community.services.follows import saved_search_create
from tests.factories import DossierEntryFactory, DossierFactory, ItemFactory, UserFactory, theme

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text
    return [
        (e.find(f"{ATOM}title").text, e.find(f"{ATOM}published").text)
        for e in root.findall(f"{ATOM}entry")
    ]


def stamped(item, days_ago):
    moment = timezone.now() - dt.timedelta(days=days_ago)
    type(item).objects.filter(pk=item.pk).update(published_at=moment)
    return moment


def test_theme_feed_lists_published_items_of_the_theme_newest_first(client):
    old = ItemFactory(title="Oud jeugdbeleid", themes=[theme("jeugd")])
    new = ItemFactory(title="Nieuw jeugdbeleid", themes=[theme("jeugd")])
    stamped(old, 5)
    moment = stamped(new, 1)
    ItemFactory(title="Concept jeugd", status=Status.DRAFT, themes=[theme("jeugd")])
    ItemFactory(title="Over wonen", themes=[theme("wonen")])

    found = entries(client.get(reverse("kennisbank:theme_feed", args=["jeugd"])))

    assert [title for title, _ in found] == ["Nieuw jeugdbeleid", "Oud jeugdbeleid"]
    # published_at, the moment it went public, not the (older) published_on date.
    assert abs(dt.datetime.fromisoformat(found[0][1]) - moment) < dt.timedelta(seconds=1)


def test_unknown_theme_feed_is_404(client):
    assert client.get(reverse("kennisbank:theme_feed", args=["bestaat-niet"])).status_code == 404


def test_dossier_feed_lists_published_entries_newest_added_first(client):
    dossier = DossierFactory(title="Dossier Afval")
    first = DossierEntryFactory(dossier=dossier, item=ItemFactory(title="Eerst toegevoegd"))
    last = DossierEntryFactory(dossier=dossier, item=ItemFactory(title="Laatst toegevoegd"))
    DossierEntryFactory(dossier=dossier, item=ItemFactory(title="Concept", status=Status.DRAFT))
    now = timezone.now()
    type(first).objects.filter(pk=first.pk).update(added_at=now - dt.timedelta(days=3))
    type(last).objects.filter(pk=last.pk).update(added_at=now - dt.timedelta(days=1))

    found = entries(client.get(reverse("kennisbank:dossier_feed", args=[dossier.slug])))

    assert [title for title, _ in found] == ["Laatst toegevoegd", "Eerst toegevoegd"]


def test_no_feed_for_a_draft_dossier_or_another_type(client):
    draft = DossierFactory(status=Status.DRAFT)
    practice = ItemFactory()
    assert client.get(reverse("kennisbank:dossier_feed", args=[draft.slug])).status_code == 404
    assert client.get(reverse("kennisbank:dossier_feed", args=[practice.slug])).status_code == 404


def test_saved_search_feed_needs_only_the_token(client):
    user = UserFactory()
    saved = saved_search_create(user=user, query_string="q=afvalinzameling").saved_search
    ItemFactory(title="Afvalinzameling samen")
    ItemFactory(title="Concept afvalinzameling", status=Status.DRAFT)
    ItemFactory(title="Iets anders")

    found = entries(client.get(reverse("netwerk:saved_search_feed", args=[saved.feed_token])))

    assert [title for title, _ in found] == ["Afvalinzameling samen"]


def test_unknown_token_or_inactive_member_gives_404(client):
    user = UserFactory()
    saved = saved_search_create(user=user, query_string="q=jeugd").saved_search
    assert client.get(reverse("netwerk:saved_search_feed", args=["raden"])).status_code == 404
    user.is_active = False
    user.save()
    url = reverse("netwerk:saved_search_feed", args=[saved.feed_token])
    assert client.get(url).status_code == 404
