"""An event is listed by the day it takes place, never by the day it was published."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory, ItemFactory

pytestmark = pytest.mark.django_db

STARTS = timezone.make_aware(dt.datetime(2027, 9, 23, 9, 30))
PUBLISHED = dt.date(2026, 11, 19)


@pytest.fixture
def event():
    return EventFactory(
        title="Training vroegsignalering van schulden",
        summary="Een training over vroegsignalering.",
        published_on=PUBLISHED,
        starts_at=STARTS,
        ends_at=STARTS + dt.timedelta(hours=6),
    )


def test_search_lists_an_event_by_its_date(client, event):
    page = client.get(reverse("kennisbank:search"), {"q": "vroegsignalering"}).content.decode()
    assert "23 september 2027" in page
    assert "19 november 2026" not in page


def test_home_events_list_and_feed_show_the_event_date(client, event):
    for url in (reverse("home"), reverse("kennisbank:events")):
        page = client.get(url).content.decode()
        assert "23 september 2027" in page, url
        assert "19 november 2026" not in page, url
    feed = client.get(reverse("kennisbank:feed")).content.decode()
    assert "Training vroegsignalering van schulden (23 september 2027)" in feed


def test_home_does_not_repeat_upcoming_events_under_new(client, event):
    ItemFactory(title="Nieuw praktijkvoorbeeld")
    response = client.get(reverse("home"))
    assert [e.pk for e in response.context["upcoming_events"]] == [event.pk]
    newest = [i.pk for i in response.context["newest"]]
    assert event.pk not in newest and len(newest) == 1
    assert response.content.decode().count("Training vroegsignalering van schulden") == 1


def test_an_event_without_platform_registration_says_how_to_register(client, event, settings):
    settings.EDITORS_EMAIL = "redactie@example.org"
    event.body = "## Aanmelden\n\nAanmelden kan [onderaan deze pagina](#aanmelden)."
    event.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'href="#aanmelden"' in page
    assert 'id="aanmelden"' in page
    assert "mailto:redactie@example.org?subject=Aanmelden%3A%20Training" in page


def test_a_past_event_offers_no_registration(client, event):
    event.starts_at = timezone.now() - dt.timedelta(days=3)
    event.ends_at = event.starts_at + dt.timedelta(hours=2)
    event.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'id="aanmelden"' not in page
