"""factory_boy factories shared by all test modules."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from kennisbank.constants import ItemType, Status
from kennisbank.models import DossierEntry, Item, SourceLink
from kennisbank.permissions import EDITOR_GROUP
from kennisbank.services.items import item_refresh_facets
from portal.models import CollaborationModel, Municipality, Theme


def municipality(code: str) -> Municipality:
    """The real municipalities are loaded by a migration; tests pick them by CBS code."""
    return Municipality.objects.get(code=code)


def collaboration_model(key: str) -> CollaborationModel:
    return CollaborationModel.objects.get(key=key)


def theme(slug: str) -> Theme:
    return Theme.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")


class EditorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def editor_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=EDITOR_GROUP))


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item
        skip_postgeneration_save = True

    type = ItemType.PRACTICE
    title = factory.Sequence(lambda n: f"Samenwerking in de regio, voorbeeld {n}")
    slug = factory.Sequence(lambda n: f"item-{n}")
    summary = "Gemeenten bundelen hun krachten om een taak samen beter uit te voeren."
    body = "Een **praktijkvoorbeeld** van intergemeentelijke samenwerking."
    published_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=10))
    status = Status.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == Status.PUBLISHED else None
    )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)

    @factory.post_generation
    def refresh_facets(self, create, extracted, **kwargs):
        if create:
            item_refresh_facets(item=self)


class EventFactory(ItemFactory):
    type = ItemType.EVENT
    event_kind = "bijeenkomst"
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    location = "Stadhuis Utrecht"


class DossierFactory(ItemFactory):
    type = ItemType.DOSSIER
    featured = True


class DossierEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DossierEntry

    dossier = factory.SubFactory(DossierFactory)
    item = factory.SubFactory(ItemFactory)
    order = factory.Sequence(int)


class SourceLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceLink

    item = factory.SubFactory(ItemFactory)
    title = factory.Sequence(lambda n: f"Bron {n}")
    url = factory.Sequence(lambda n: f"https://example.org/bron-{n}")
    order = factory.Sequence(int)
