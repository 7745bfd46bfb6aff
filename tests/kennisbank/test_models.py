"""Rules the database keeps for the kennisbank, and the derived facet tokens."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisbank.constants import ItemType
from kennisbank.models import DossierEntry, Item, Synonym
from kennisbank.services.items import facet_tokens, item_refresh_facets
from tests.factories import (
    DossierFactory,
    EventFactory,
    ItemFactory,
    collaboration_model,
    municipality,
    theme,
)

pytestmark = pytest.mark.django_db


def violates(constraint: str, write) -> bool:
    """True when `write` is refused by the named database constraint."""
    try:
        with transaction.atomic():
            write()
    except IntegrityError as exc:
        assert constraint in str(exc)
        return True
    return False


# Events -----------------------------------------------------------------------------------


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    starts_at=st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2090, 1, 1),
        timezones=st.just(dt.UTC),
    ),
    length=st.timedeltas(min_value=dt.timedelta(days=-3), max_value=dt.timedelta(days=3)),
)
def test_an_event_cannot_end_before_it_starts(db, starts_at, length):
    refused = violates(
        "item_event_ends_after_start",
        lambda: EventFactory(starts_at=starts_at, ends_at=starts_at + length),
    )
    assert refused == (length < dt.timedelta(0))


def test_an_end_without_a_start_is_refused():
    assert violates(
        "item_event_ends_after_start",
        lambda: EventFactory(starts_at=None, ends_at=dt.datetime.now(dt.UTC)),
    )


def test_an_event_without_an_end_is_fine():
    event = EventFactory(ends_at=None)
    assert Item.objects.filter(pk=event.pk, ends_at__isnull=True).exists()


# Adoption and dossiers --------------------------------------------------------------------


def test_an_item_cannot_adopt_itself():
    item = ItemFactory()
    assert violates(
        "item_not_adopted_from_self",
        lambda: Item.objects.filter(pk=item.pk).update(adopted_from=item),
    )


def test_adopting_another_practice_is_fine_and_survives_its_deletion():
    original, copy = ItemFactory(), ItemFactory()
    copy.adopted_from = original
    copy.save()
    assert list(original.adoptions.all()) == [copy]
    original.delete()
    copy.refresh_from_db()
    assert copy.adopted_from is None


def test_a_dossier_cannot_contain_itself():
    dossier = DossierFactory()
    assert violates(
        "dossier_not_in_itself", lambda: DossierEntry.objects.create(dossier=dossier, item=dossier)
    )


def test_an_item_appears_once_per_dossier():
    dossier, item = DossierFactory(), ItemFactory()
    DossierEntry.objects.create(dossier=dossier, item=item, order=0)
    assert violates(
        "unique_dossier_item",
        lambda: DossierEntry.objects.create(dossier=dossier, item=item, order=1),
    )


def test_dossier_entries_come_in_the_editors_order():
    dossier = DossierFactory()
    first, second = ItemFactory(title="Eerste"), ItemFactory(title="Tweede")
    DossierEntry.objects.create(dossier=dossier, item=second, order=2)
    DossierEntry.objects.create(dossier=dossier, item=first, order=1)
    assert [entry.item.title for entry in dossier.dossier_entries.all()] == ["Eerste", "Tweede"]


def test_a_synonym_pair_is_stored_once():
    Synonym.objects.create(term="KIS", expansion="kennisplatform samenwerking")
    assert violates(
        "unique_synonym_pair",
        lambda: Synonym.objects.create(term="KIS", expansion="kennisplatform samenwerking"),
    )


# Addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item_type", "path"),
    [
        (ItemType.RESEARCH, "onderzoek"),
        (ItemType.PRACTICE, "praktijkvoorbeelden"),
        (ItemType.LESSON, "praktijklessen"),
        (ItemType.DOSSIER, "dossiers"),
        (ItemType.EVENT, "bijeenkomsten"),
    ],
)
def test_each_type_has_a_readable_dutch_address(item_type, path):
    item = ItemFactory(type=item_type, slug="samen-sterker")
    assert item.get_absolute_url() == f"/kennisbank/{path}/samen-sterker/"


# Facet tokens -----------------------------------------------------------------------------


def test_facet_tokens_name_every_facet_value_once():
    item = ItemFactory(
        type=ItemType.PRACTICE,
        published_on=dt.date(2019, 6, 1),
        themes=[theme("jeugd")],
        municipalities=[municipality("GM0546"), municipality("GM0547"), municipality("GM0014")],
        collaboration_model=collaboration_model("centrumgemeente"),
        task_type="uitvoering",
        motives=["kosten", "kwaliteit", "kosten"],
    )
    tokens = facet_tokens(item)
    assert len(tokens) == len(set(tokens))
    assert set(tokens) == {
        "k:praktijkvoorbeeld",
        "y:2019",
        f"t:{theme('jeugd').pk}",
        "m:GM0546",
        "m:GM0547",
        "m:GM0014",
        "p:groningen",
        "p:zuid-holland",
        "c:centrumgemeente",
        "tt:uitvoering",
        "mo:kosten",
        "mo:kwaliteit",
    }
    assert item.facets == tokens  # the factory stored them


def test_an_item_without_classification_has_only_type_and_year():
    item = ItemFactory(type=ItemType.RESEARCH, published_on=dt.date(2021, 1, 5))
    assert facet_tokens(item) == ["k:onderzoek", "y:2021"]


def test_refresh_facets_follows_changed_relations(django_assert_num_queries):
    item = ItemFactory(themes=[theme("jeugd")])
    item.themes.set([theme("wonen")])
    item.municipalities.set([municipality("GM0014")])
    item_refresh_facets(item=item)
    stored = Item.objects.get(pk=item.pk).facets
    assert f"t:{theme('wonen').pk}" in stored and f"t:{theme('jeugd').pk}" not in stored
    assert "p:groningen" in stored
    # Unchanged: only the reads (facet relations, the vocabulary for compound parts), no write.
    with django_assert_num_queries(3):
        item_refresh_facets(item=item)
