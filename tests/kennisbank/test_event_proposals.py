"""Organisers propose events; editors publish them; the organiser follows their proposals."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import FACET_PREFIX, ItemType, RegistrationStatus, Status
from kennisbank.models import Item
from kennisbank.services.items import items_set_status
from tests.factories import theme
from tests.kennisbank.event_factories import (
    OrganiserFactory,
    PasswordlessUserFactory,
    RegistrableEventFactory,
    RegistrationFactory,
)
from tests.kennisbank.test_admin import messages_of

pytestmark = pytest.mark.django_db

PROPOSE = reverse("kennisbank:event_propose")
MINE = reverse("kennisbank:my_events")


def local(days: int, hour: int) -> str:
    """A datetime-local value as the browser sends it."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return f"{day.isoformat()}T{hour:02d}:00"


def proposal(**changes) -> dict:
    data = {
        "title": "Masterclass regionale samenwerking",
        "summary": "Hoe regel je een werkorganisatie met drie gemeenten?",
        "body": "**Programma**\n\n- Ontvangst\n- Lezing",
        "event_kind": "masterclass",
        "starts_at": local(40, 13),
        "ends_at": local(40, 17),
        "location": "Stadhuis Zeist",
        "capacity": "30",
        "themes": [str(theme("belastingen-en-woz").pk)],
    }
    data.update(changes)
    return data


@pytest.fixture
def organiser(db):
    return OrganiserFactory()


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


# --- Who may propose ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [PROPOSE, MINE, reverse("kennisbank:event_edit", args=["iets"])],
    ids=["voorstellen", "mijn", "wijzigen"],
)
def test_anonymous_visitors_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('netwerk:login')}?next={url}"


def test_member_without_the_role_learns_how_to_become_organiser(client):
    client.force_login(PasswordlessUserFactory())
    for url in (PROPOSE, MINE):
        response = client.get(url)
        assert response.status_code == 403
        content = response.content.decode()
        assert "Alleen voor organisatoren" in content
        assert "Neem contact op met de redactie" in content
    response = client.post(PROPOSE, proposal())
    assert response.status_code == 403
    assert not Item.objects.filter(type=ItemType.EVENT).exists()


def test_organiser_proposal_waits_for_the_editors(organiser_client, organiser):
    response = organiser_client.post(PROPOSE, proposal(), follow=True)

    assert response.redirect_chain == [(MINE, 302)]
    assert messages_of(response)[0].startswith("Uw voorstel is verstuurd.")
    event = Item.objects.get(type=ItemType.EVENT)
    assert event.status == Status.IN_REVIEW
    assert event.organiser == organiser
    assert event.slug == "masterclass-regionale-samenwerking"
    assert event.published_on == timezone.localdate()
    assert event.capacity == 30
    assert event.event_kind == "masterclass"
    assert timezone.localtime(event.starts_at).hour == 13
    assert f"{FACET_PREFIX['theme']}:{theme('belastingen-en-woz').pk}" in event.facets
    assert f"{FACET_PREFIX['type']}:{ItemType.EVENT}" in event.facets
    content = response.content.decode()
    assert "Masterclass regionale samenwerking" in content
    assert "Ter beoordeling" in content
    # Not public until an editor publishes it.
    organiser_client.logout()
    assert organiser_client.get(event.get_absolute_url()).status_code == 404


def test_the_same_title_twice_gets_a_second_address(organiser_client):
    organiser_client.post(PROPOSE, proposal())
    organiser_client.post(PROPOSE, proposal())
    slugs = sorted(Item.objects.filter(type=ItemType.EVENT).values_list("slug", flat=True))
    assert slugs == ["masterclass-regionale-samenwerking", "masterclass-regionale-samenwerking-2"]


def test_published_by_an_editor_it_takes_registrations(organiser_client, client):
    organiser_client.post(PROPOSE, proposal())
    event = Item.objects.get(type=ItemType.EVENT)
    items_set_status(items=[event], status=Status.PUBLISHED)
    organiser_client.logout()
    response = organiser_client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Nog 30 plaatsen" in response.content.decode()


def test_empty_capacity_means_no_registration_via_the_platform(organiser_client):
    organiser_client.post(PROPOSE, proposal(capacity=""))
    assert Item.objects.get(type=ItemType.EVENT).capacity is None


# --- Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Geef de bijeenkomst een titel."),
        ({"location": ""}, "location", "Vul de locatie in, of ‘online’."),
        ({"event_kind": ""}, "event_kind", "Kies de soort bijeenkomst."),
        ({"event_kind": "borrel"}, "event_kind", None),
        ({"starts_at": ""}, "starts_at", "Vul in wanneer de bijeenkomst begint."),
        ({"starts_at": "morgen"}, "starts_at", None),
        ({"starts_at": local(-2, 10), "ends_at": ""}, "starts_at", None),
        ({"ends_at": local(40, 9)}, "ends_at", "De bijeenkomst kan niet eindigen voordat hij"),
        ({"capacity": "0"}, "capacity", "Vul ten minste 1 plaats in, of laat het veld leeg."),
        ({"capacity": "veel"}, "capacity", "Vul een heel getal in."),
        ({"capacity": "99999999999"}, "capacity", None),
        ({"themes": ["999999"]}, "themes", None),
        ({"title": "x" * 300}, "title", None),
        ({"title": "\x00"}, "title", None),
    ],
)
def test_bad_input_is_refused_in_dutch_and_the_typed_text_stays(
    organiser_client, changes, field, message
):
    data = proposal(**changes)
    response = organiser_client.post(PROPOSE, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    if message:
        assert form.errors[field][0].startswith(message)
    content = response.content.decode()
    assert "Controleer uw keuze:" in content
    assert "Hoe regel je een werkorganisatie met drie gemeenten?" in content
    if field != "location":
        assert 'value="Stadhuis Zeist"' in content
    assert not Item.objects.filter(type=ItemType.EVENT).exists()


# --- Following and revising a proposal ----------------------------------------------------------


def test_my_events_lists_proposals_with_status_and_registration_counts(organiser_client, organiser):
    published = RegistrableEventFactory(organiser=organiser, capacity=10, title="Congres A")
    RegistrationFactory.create_batch(3, event=published)
    RegistrationFactory.create_batch(
        2, event=published, status=RegistrationStatus.CANCELLED, seat=None
    )
    RegistrableEventFactory(organiser=organiser, status=Status.IN_REVIEW, title="Training B")
    RegistrableEventFactory(title="Van een ander")

    response = organiser_client.get(MINE)
    events = {e.title: e for e in response.context["events"]}
    assert set(events) == {"Congres A", "Training B"}
    assert (events["Congres A"].registered_count, events["Congres A"].waiting_count) == (3, 0)
    assert (events["Congres A"].editable, events["Training B"].editable) == (False, True)
    content = response.content.decode()
    assert "3 / 10" in content
    assert reverse("kennisbank:event_edit", args=[events["Training B"].slug]) in content
    assert reverse("kennisbank:event_edit", args=[events["Congres A"].slug]) not in content


def test_organiser_revises_a_proposal_before_publication(organiser_client, organiser):
    event = RegistrableEventFactory(organiser=organiser, status=Status.DRAFT, capacity=None)
    url = reverse("kennisbank:event_edit", args=[event.slug])
    assert 'value="Stadhuis Utrecht"' in organiser_client.get(url).content.decode()

    response = organiser_client.post(url, proposal(title="Nieuwe titel", capacity="12"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.capacity, event.status) == ("Nieuwe titel", 12, Status.IN_REVIEW)
    latest = event.history.first()
    assert (latest.title, latest.history_user) == ("Nieuwe titel", organiser)

    response = organiser_client.post(url, proposal(location=""))
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.location == "Stadhuis Zeist"


def test_a_published_event_is_no_longer_the_organisers_to_change(organiser_client, organiser):
    event = RegistrableEventFactory(organiser=organiser, title="Vaste titel")
    url = reverse("kennisbank:event_edit", args=[event.slug])
    response = organiser_client.post(url, proposal(title="Andere titel"), follow=True)
    assert response.redirect_chain == [(MINE, 302)]
    assert "neem dan contact op met de redactie" in messages_of(response)[0]
    event.refresh_from_db()
    assert event.title == "Vaste titel"


def test_organisers_cannot_touch_each_others_proposals(organiser_client):
    other = RegistrableEventFactory(status=Status.IN_REVIEW, title="Niet van mij")
    url = reverse("kennisbank:event_edit", args=[other.slug])
    assert organiser_client.get(url).status_code == 404
    assert organiser_client.post(url, proposal()).status_code == 404
    other.refresh_from_db()
    assert other.title == "Niet van mij"


def test_my_events_queries_do_not_grow(organiser_client, organiser):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert organiser_client.get(MINE).status_code == 200
        return len(captured)

    RegistrableEventFactory(organiser=organiser)
    queries()
    one = queries()
    for event in RegistrableEventFactory.create_batch(15, organiser=organiser):
        RegistrationFactory.create_batch(2, event=event)
    assert queries() == one
    print(f"my events: {one} queries for 1 and 16 events")


def test_the_editors_hear_of_a_new_proposal(
    organiser_client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EDITORS_EMAIL = "redactie@gemeente.example"
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(PROPOSE, proposal())
    event = Item.objects.get(type=ItemType.EVENT)
    assert [m.to for m in mailoutbox] == [["redactie@gemeente.example"]]
    assert "Masterclass regionale samenwerking" in mailoutbox[0].subject
    assert f"/admin/kennisbank/item/{event.pk}/change/" in mailoutbox[0].body
