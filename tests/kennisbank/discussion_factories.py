"""Comments, reports and adoption marks for the discussion and adoption-mark tests."""

import factory

from kennisbank.models import AdoptionMark, Comment, CommentReport
from tests.factories import ItemFactory, UserFactory, municipality


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    item = factory.SubFactory(ItemFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Bij ons werkte dat ook, reactie {n}.")


class CommentReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommentReport

    comment = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = "Beledigend"


class AdoptionMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdoptionMark

    item = factory.SubFactory(ItemFactory)
    municipality = factory.LazyFunction(lambda: municipality("GM0344"))
    member = factory.SubFactory(UserFactory)
    note = "Wij namen de werkwijze over."
