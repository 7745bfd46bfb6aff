"""The one visibility rule and the list querysets built on it."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from kennisbank.constants import ItemType, Status
from kennisbank.models import Item
from tests.factories import EditorFactory, EventFactory, ItemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each_status():
    return {status: ItemFactory(status=status, slug=status) for status in Status.values}


def visible_slugs(user):
    return set(Item.objects.visible_to(user).values_list("slug", flat=True))


def test_published_holds_only_published_items(one_of_each_status):
    assert list(Item.objects.published()) == [one_of_each_status[Status.PUBLISHED]]


@pytest.mark.parametrize(
    "make_user",
    [
        pytest.param(lambda: None, id="nobody"),
        pytest.param(AnonymousUser, id="anonymous"),
        pytest.param(UserFactory, id="member"),
        pytest.param(lambda: UserFactory(is_staff=True), id="staff-without-view-permission"),
        pytest.param(lambda: EditorFactory(is_active=False), id="inactive-editor"),
    ],
)
def test_visitors_see_only_published_items(one_of_each_status, make_user):
    assert visible_slugs(make_user()) == {Status.PUBLISHED}


@pytest.mark.parametrize(
    "make_user",
    [
        pytest.param(EditorFactory, id="editor"),
        pytest.param(lambda: UserFactory(is_staff=True, is_superuser=True), id="superuser"),
    ],
)
def test_editors_see_drafts_too(one_of_each_status, make_user):
    assert visible_slugs(make_user()) == set(Status.values)


def test_member_without_staff_status_sees_no_drafts_even_with_the_permission(one_of_each_status):
    # The editor group alone is not enough: previews are for staff who can log in to the admin.
    assert visible_slugs(EditorFactory(is_staff=False)) == {Status.PUBLISHED}


def test_of_type():
    research = ItemFactory(type=ItemType.RESEARCH)
    ItemFactory(type=ItemType.PRACTICE)
    assert list(Item.objects.of_type(ItemType.RESEARCH)) == [research]


# Most adopted -----------------------------------------------------------------------------


def test_most_adopted_counts_only_published_adoptions():
    popular = ItemFactory(title="Populair")
    modest = ItemFactory(title="Bescheiden")
    unseen = ItemFactory(title="Alleen concepten")
    ItemFactory(title="Nooit overgenomen")
    for source, statuses in [
        (popular, [Status.PUBLISHED, Status.PUBLISHED, Status.DRAFT, Status.WITHDRAWN]),
        (modest, [Status.PUBLISHED, Status.IN_REVIEW]),
        (unseen, [Status.DRAFT]),
    ]:
        for status in statuses:
            ItemFactory(adopted_from=source, status=status)
    ranking = [(item.title, item.adoption_count) for item in Item.objects.most_adopted()]
    assert ranking == [("Populair", 2), ("Bescheiden", 1)]


def test_most_adopted_breaks_ties_by_title_and_lists_practices_only():
    b, a = ItemFactory(title="B-aanpak"), ItemFactory(title="A-aanpak")
    lesson = ItemFactory(type=ItemType.LESSON, title="0-les")
    for source in (a, b, lesson):
        ItemFactory(adopted_from=source)
    assert [item.title for item in Item.objects.most_adopted()] == ["A-aanpak", "B-aanpak"]


def test_most_adopted_combines_with_published():
    draft_source = ItemFactory(status=Status.DRAFT)
    ItemFactory(adopted_from=draft_source)
    assert list(Item.objects.published().most_adopted()) == []
    assert list(Item.objects.most_adopted()) == [draft_source]


# Events -----------------------------------------------------------------------------------


def test_upcoming_and_past_events_split_at_now():
    now = timezone.now()
    hours = dt.timedelta(hours=1)
    soon = EventFactory(title="Binnenkort", starts_at=now + dt.timedelta(days=2))
    later = EventFactory(title="Later", starts_at=now + dt.timedelta(days=40))
    under_way = EventFactory(title="Bezig", starts_at=now - hours, ends_at=now + 2 * hours)
    ended = EventFactory(title="Net afgelopen", starts_at=now - 3 * hours, ends_at=now - hours)
    no_end = EventFactory(title="Zonder einde", starts_at=now - hours, ends_at=None)
    long_ago = EventFactory(title="Lang geleden", starts_at=now - dt.timedelta(days=400))
    ItemFactory(type=ItemType.RESEARCH)
    assert list(Item.objects.upcoming_events(now=now)) == [under_way, soon, later]
    assert list(Item.objects.past_events(now=now)) == [no_end, ended, long_ago]


def test_an_event_starting_now_is_upcoming():
    now = timezone.now()
    event = EventFactory(starts_at=now)
    assert list(Item.objects.upcoming_events(now=now)) == [event]
    assert list(Item.objects.past_events(now=now)) == []


def test_events_default_to_the_current_time():
    ended = EventFactory(starts_at=timezone.now() - dt.timedelta(days=2))
    coming = EventFactory(starts_at=timezone.now() + dt.timedelta(minutes=5))
    assert list(Item.objects.upcoming_events()) == [coming]
    assert list(Item.objects.past_events()) == [ended]
