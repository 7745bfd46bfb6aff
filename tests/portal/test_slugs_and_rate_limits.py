"""The foundation's shared helpers: unique slugs and the rate-limit rule."""

import datetime as dt

import pytest
from django.utils import timezone

from kennisbank.models import Comment, Item
from portal.ratelimit import RateLimited, rate_limit_check
from portal.slugs import unique_slug
from tests.factories import ItemFactory, UserFactory


def test_unique_slug_counts_up_within_a_set_and_claims_the_slug():
    taken = {"regionale-samenwerking"}
    assert unique_slug(None, "Regionale samenwerking", fallback="x", taken=taken) == (
        "regionale-samenwerking-2"
    )
    assert unique_slug(None, "Regionale samenwerking", fallback="x", taken=taken) == (
        "regionale-samenwerking-3"
    )
    assert unique_slug(None, "!!!", fallback="samenwerking", taken=set()) == "samenwerking"


def test_unique_slug_cuts_to_length_without_a_trailing_hyphen():
    assert unique_slug(None, "ab cd", fallback="x", max_length=3, taken=set()) == "ab"


@pytest.mark.django_db
def test_unique_slug_looks_at_the_model_or_queryset():
    ItemFactory(slug="jeugdzorg")
    assert unique_slug(Item, "Jeugdzorg", fallback="item") == "jeugdzorg-2"
    assert unique_slug(Item.objects.none(), "Jeugdzorg", fallback="item") == "jeugdzorg"


@pytest.mark.django_db
def test_rate_limit_counts_rows_within_the_window():
    author, item = UserFactory(), ItemFactory()
    Comment.objects.create(item=item, author=author, text="een")
    recent = Comment.objects.filter(author=author)
    rate_limit_check(recent, limit=2, window=dt.timedelta(minutes=5))
    with pytest.raises(RateLimited, match="te vaak"):
        rate_limit_check(recent, limit=1, window=dt.timedelta(minutes=5), message="te vaak")
    later = timezone.now() + dt.timedelta(minutes=6)
    rate_limit_check(recent, limit=1, window=dt.timedelta(minutes=5), now=later)
