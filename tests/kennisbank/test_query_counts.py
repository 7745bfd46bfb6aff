"""Every page runs the same number of queries for ten items as for a thousand."""

import datetime as dt
import itertools

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from kennisbank.constants import FACET_PREFIX, ItemType, Status
from kennisbank.models import DossierEntry, Item, SourceLink
from portal.models import Municipality, Theme
from tests.factories import DossierFactory, EventFactory, ItemFactory

pytestmark = pytest.mark.django_db

_serial = itertools.count()


def bulk_items(n: int, *, themes=(), municipalities=(), tags=(), **fields) -> list[Item]:
    """n published items in a handful of INSERTs, facets and relations included."""
    fields.setdefault("type", ItemType.PRACTICE)
    fields.setdefault("status", Status.PUBLISHED)
    fields.setdefault("published_on", timezone.localdate() - dt.timedelta(days=3))
    p = FACET_PREFIX
    facets = [f"{p['type']}:{fields['type']}"]
    facets += [f"{p['theme']}:{t.pk}" for t in themes]
    facets += [f"{p['municipality']}:{m.code}" for m in municipalities]
    items = []
    for _ in range(n):
        serial = next(_serial)
        items.append(
            Item(
                title=f"Bulkitem {serial}",
                slug=f"bulk-{serial}",
                summary="Gemeenten werken samen aan een gedeelde opgave.",
                facets=facets,
                **fields,
            )
        )
    items = Item.objects.bulk_create(items)
    Item.themes.through.objects.bulk_create(
        Item.themes.through(item_id=i.pk, theme_id=t.pk) for i in items for t in themes
    )
    Item.municipalities.through.objects.bulk_create(
        Item.municipalities.through(item_id=i.pk, municipality_id=m.pk)
        for i in items
        for m in municipalities
    )
    if tags:
        content_type = ContentType.objects.get_for_model(Item)
        TaggedItem.objects.bulk_create(
            TaggedItem(content_object=i, tag=t, content_type=content_type)
            for i in items
            for t in tags
        )
    return items


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types) so only the page counts
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def assert_constant(client, url, grow, *, at_most: int) -> int:
    """The page costs the same before and after grow() adds many rows, and no more than at_most."""
    small = count_queries(client, url)
    grow()
    large = count_queries(client, url)
    assert small == large, f"{url}: {small} queries with few rows, {large} with many"
    assert large <= at_most, f"{url}: {large} queries"
    return large


def many_themes():
    return list(Theme.objects.all())


def many_municipalities(n):
    return list(Municipality.objects.order_by("code")[:n])


def test_home(client):
    now = timezone.now()
    practice = ItemFactory()
    bulk_items(5, adopted_from=practice)
    EventFactory()
    DossierFactory()

    def grow():
        popular = bulk_items(50, municipalities=many_municipalities(20))
        for original in popular:
            bulk_items(3, adopted_from=original)
        bulk_items(500, themes=many_themes())
        bulk_items(300, type=ItemType.EVENT, starts_at=now + dt.timedelta(days=3))
        bulk_items(150, type=ItemType.DOSSIER, featured=True)

    assert_constant(client, reverse("home"), grow, at_most=6)


def test_practice_detail_with_many_relations(client, member):
    client.force_login(member)
    themes = many_themes()
    original = ItemFactory(themes=themes[:1], municipalities=many_municipalities(1), tags=["a"])
    item = ItemFactory(
        adopted_from=original,
        themes=themes[:2],
        municipalities=many_municipalities(2),
        tags=["a", "b"],
        contact_email="x@example.org",
    )
    ItemFactory(adopted_from=item)
    SourceLink.objects.create(item=item, title="Bron", url="https://example.org")
    bulk_items(10, themes=themes[:1])

    def grow():
        ancestor = original
        for _ in range(8):  # a long chain above the original
            [ancestor_parent] = bulk_items(1, municipalities=many_municipalities(5))
            Item.objects.filter(pk=ancestor.pk).update(adopted_from=ancestor_parent)
            ancestor = ancestor_parent
        item.themes.set(themes)
        item.municipalities.set(many_municipalities(150))
        item.tags.add(*[f"tag{n}" for n in range(30)])
        Item.objects.filter(pk=item.pk).update(
            facets=item.facets + [f"{FACET_PREFIX['theme']}:{t.pk}" for t in themes]
        )
        bulk_items(200, adopted_from=item, municipalities=many_municipalities(3))
        SourceLink.objects.bulk_create(
            SourceLink(item=item, title=f"Bron {n}", url=f"https://example.org/{n}")
            for n in range(50)
        )
        bulk_items(1000, themes=themes[:3], tags=list(Tag.objects.all()[:5]))

    # Includes the discussion (one query) and the adoption marks (list, form choices).
    assert_constant(client, item.get_absolute_url(), grow, at_most=18)


def test_dossier_detail_with_many_entries(client):
    dossier = DossierFactory(themes=many_themes()[:1])
    entries = bulk_items(3)
    DossierEntry.objects.bulk_create(
        DossierEntry(dossier=dossier, item=entry, order=n) for n, entry in enumerate(entries)
    )

    def grow():
        more = bulk_items(300) + bulk_items(50, status=Status.DRAFT)
        DossierEntry.objects.bulk_create(
            DossierEntry(dossier=dossier, item=entry, order=n + 3) for n, entry in enumerate(more)
        )
        bulk_items(500, themes=many_themes()[:1])

    assert_constant(client, dossier.get_absolute_url(), grow, at_most=10)


def test_event_detail(client):
    event = EventFactory(themes=many_themes()[:2], municipalities=many_municipalities(2))

    def grow():
        event.municipalities.set(many_municipalities(100))
        bulk_items(
            500,
            type=ItemType.EVENT,
            starts_at=timezone.now() + dt.timedelta(days=2),
            themes=many_themes()[:2],
        )

    assert_constant(client, event.get_absolute_url(), grow, at_most=10)


@pytest.mark.parametrize("item_type", [ItemType.RESEARCH, ItemType.LESSON])
def test_research_and_lesson_detail(client, item_type):
    item = ItemFactory(type=item_type, themes=many_themes()[:1], tags=["x"])

    def grow():
        item.themes.set(many_themes())
        item.municipalities.set(many_municipalities(100))
        bulk_items(500, type=item_type, themes=many_themes()[:1])

    assert_constant(client, item.get_absolute_url(), grow, at_most=8)


def test_dossiers_list(client):
    dossiers = bulk_items(10, type=ItemType.DOSSIER)
    DossierEntry.objects.bulk_create(
        DossierEntry(dossier=dossiers[0], item=item) for item in bulk_items(3)
    )

    def grow():
        more = bulk_items(1000, type=ItemType.DOSSIER, featured=True)
        entries = bulk_items(20)
        DossierEntry.objects.bulk_create(
            DossierEntry(dossier=d, item=e) for d in more[:50] for e in entries
        )

    assert_constant(client, reverse("kennisbank:dossiers"), grow, at_most=3)


def test_events_list(client):
    now = timezone.now()
    bulk_items(5, type=ItemType.EVENT, starts_at=now + dt.timedelta(days=1))
    bulk_items(5, type=ItemType.EVENT, starts_at=now - dt.timedelta(days=1))

    def grow():
        bulk_items(500, type=ItemType.EVENT, starts_at=now + dt.timedelta(days=1))
        bulk_items(500, type=ItemType.EVENT, starts_at=now - dt.timedelta(days=1))

    assert_constant(client, reverse("kennisbank:events"), grow, at_most=5)


def test_most_adopted_list(client):
    for original in bulk_items(5, municipalities=many_municipalities(1)):
        bulk_items(1, adopted_from=original, municipalities=many_municipalities(1))

    def grow():
        for original in bulk_items(200, municipalities=many_municipalities(3)):
            bulk_items(5, adopted_from=original, municipalities=many_municipalities(4))

    assert_constant(client, reverse("kennisbank:most_adopted"), grow, at_most=6)


def test_feed(client):
    bulk_items(10, themes=many_themes()[:2])
    assert_constant(
        client,
        reverse("kennisbank:feed"),
        lambda: bulk_items(1000, themes=many_themes()[:3]),
        at_most=2,
    )


def test_sitemap(client):
    bulk_items(10)
    kennisbank = reverse("sitemap_section", args=["kennisbank"])
    assert_constant(client, kennisbank, lambda: bulk_items(1000), at_most=2)


def test_ical(client):
    event = EventFactory()
    assert_constant(
        client,
        reverse("kennisbank:event_ical", args=[event.slug]),
        lambda: bulk_items(100, type=ItemType.EVENT, starts_at=timezone.now()),
        at_most=1,
    )
