"""Drafts stay private: detail pages, lists, feeds and the sitemap all go through published()."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import Status
from tests.factories import (
    DossierEntryFactory,
    DossierFactory,
    EventFactory,
    ItemFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN = [Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN]
BANNER = "Voorbeeld: dit item is niet openbaar (status: {})"


@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_item_is_404_for_anonymous_and_members(client, member, status):
    item = ItemFactory(status=status, title="Geheim concept")
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("status", HIDDEN)
def test_editor_previews_unpublished_item_with_banner_noindex_and_no_cache(editor_client, status):
    item = ItemFactory(status=status, title="Concept over afvalinzameling")
    response = editor_client.get(item.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Concept over afvalinzameling" in page
    assert BANNER.format(Status(status).label) in page
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex, nofollow">' in page


def test_draft_banner_reads_concept(editor_client):
    item = ItemFactory(status=Status.DRAFT)
    page = editor_client.get(item.get_absolute_url()).content.decode()
    assert "Voorbeeld: dit item is niet openbaar (status: Concept)" in page


def test_published_item_for_editor_has_no_banner_and_may_be_indexed(editor_client):
    item = ItemFactory()
    response = editor_client.get(item.get_absolute_url())
    assert "dit item is niet openbaar" not in response.content.decode()
    assert "X-Robots-Tag" not in response
    assert "no-store" not in response.get("Cache-Control", "")


def test_staff_without_view_permission_gets_no_preview(client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    item = ItemFactory(status=Status.DRAFT)
    assert client.get(item.get_absolute_url()).status_code == 404
    staff.user_permissions.add(Permission.objects.get(codename="view_item"))
    client.force_login(staff)
    assert client.get(item.get_absolute_url()).status_code == 200


def test_contact_email_only_for_logged_in_users(client, member):
    item = ItemFactory(
        contact_name="Piet Jansen",
        contact_organisation="Gemeente Utrecht",
        contact_email="p.jansen@utrecht.example",
    )
    anonymous = client.get(item.get_absolute_url()).content.decode()
    assert "Piet Jansen" in anonymous and "Gemeente Utrecht" in anonymous
    assert "p.jansen" not in anonymous
    assert "utrecht.example" not in anonymous
    assert "zichtbaar voor ingelogde leden" in anonymous

    client.force_login(member)
    logged_in = client.get(item.get_absolute_url()).content.decode()
    assert 'href="mailto:p.jansen@utrecht.example"' in logged_in


def test_drafts_never_reach_the_lists_feed_or_sitemap(client):
    now = timezone.now()
    hidden = []
    for status in HIDDEN:
        start = now - dt.timedelta(days=10)
        secret = ItemFactory(status=status, title=f"Verborgen jatwerk {status}")
        ItemFactory(adopted_from=secret)
        hidden += [
            secret,
            ItemFactory(status=status, title=f"Verborgen item {status}"),
            EventFactory(status=status, title=f"Verborgen bijeenkomst {status}"),
            EventFactory(status=status, title=f"Verborgen oud {status}", starts_at=start),
            DossierFactory(status=status, title=f"Verborgen dossier {status}"),
        ]
    visible = ItemFactory(title="Openbaar item")

    urls = [
        reverse("home"),
        reverse("kennisbank:dossiers"),
        reverse("kennisbank:events"),
        reverse("kennisbank:most_adopted"),
        reverse("kennisbank:feed"),
        reverse("sitemap_section", args=["kennisbank"]),
    ]
    pages = {url: client.get(url).content.decode() for url in urls}
    for url, page in pages.items():
        assert "Verborgen" not in page, url
        for item in hidden:
            assert item.get_absolute_url() not in page, (url, item.title)
    for url in (urls[0], urls[4], urls[5]):
        assert visible.get_absolute_url() in pages[url], url


def test_unpublished_relations_are_left_out_of_a_public_page(client):
    original = ItemFactory(title="Openbaar origineel", tags=["afval"])
    hidden_ancestor = ItemFactory(
        title="Verborgen tussenschakel", status=Status.DRAFT, adopted_from=original
    )
    item = ItemFactory(title="Openbaar voorbeeld", adopted_from=hidden_ancestor, tags=["afval"])
    ItemFactory(title="Verborgen overnemer", status=Status.WITHDRAWN, adopted_from=item)
    ItemFactory(title="Verborgen verwant", status=Status.IN_REVIEW, tags=["afval"])

    page = client.get(item.get_absolute_url()).content.decode()
    assert "Openbaar origineel" in page  # the chain goes on past what is hidden
    assert "Verborgen" not in page

    dossier = DossierFactory()
    DossierEntryFactory(dossier=dossier, item=original)
    DossierEntryFactory(dossier=dossier, item=hidden_ancestor)
    page = client.get(dossier.get_absolute_url()).content.decode()
    assert "Openbaar origineel" in page
    assert "Verborgen tussenschakel" not in page


def test_withdrawn_adoptions_do_not_count_for_the_jatprijs(client):
    practice = ItemFactory(title="Bijna populair")
    ItemFactory(adopted_from=practice, status=Status.WITHDRAWN)
    ItemFactory(adopted_from=practice, status=Status.DRAFT)
    assert "Bijna populair" not in client.get(reverse("kennisbank:most_adopted")).content.decode()
    ItemFactory(adopted_from=practice)
    page = client.get(reverse("kennisbank:most_adopted")).content.decode()
    assert "Bijna populair" in page and "1 keer overgenomen" in page


def test_draft_event_has_no_public_calendar_file(client, editor):
    event = EventFactory(status=Status.DRAFT)
    url = reverse("kennisbank:event_ical", args=[event.slug])
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
