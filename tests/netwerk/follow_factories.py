"""Saved searches, follows and moments in time for the follow and digest tests."""

import datetime as dt

from django.utils import timezone

from kennisbank.models import Comment, DossierEntry, Item
from netwerk.community.services.follows import saved_search_create
from netwerk.constants import FollowKind
from netwerk.models import Follow, SavedSearch
from portal.constants import DigestFrequency
from portal.models import MemberProfile
from tests.netwerk.member_factories import MemberFactory

# A fixed "now" for the digest tests: time is passed in, never read from the clock.
T0 = timezone.make_aware(dt.datetime(2026, 3, 2, 7, 0))


def at(days: float = 0, hours: float = 0) -> dt.datetime:
    return T0 + dt.timedelta(days=days, hours=hours)


def digest_member(
    *, frequency=DigestFrequency.WEEKLY, covered_until=None, **kwargs
) -> MemberProfile:
    profile = MemberFactory(digest_frequency=frequency, **kwargs)
    if covered_until is not None:
        MemberProfile.objects.filter(pk=profile.pk).update(digest_covered_until=covered_until)
        profile.digest_covered_until = covered_until
    return profile


def saved_search(user, query: str, created_at: dt.datetime) -> SavedSearch:
    saved = saved_search_create(user=user, query_string=query).saved_search
    SavedSearch.objects.filter(pk=saved.pk).update(created_at=created_at)
    return saved


def follow(user, created_at: dt.datetime, **target) -> Follow:
    ((field, value),) = target.items()
    kind = {
        "theme": FollowKind.THEME,
        "municipality": FollowKind.MUNICIPALITY,
        "dossier": FollowKind.DOSSIER,
        "discussion": FollowKind.DISCUSSION,
    }[field]
    model_field = field if field in ("theme", "municipality") else "item"
    made = Follow.objects.create(user=user, kind=kind, **{model_field: value})
    Follow.objects.filter(pk=made.pk).update(created_at=created_at)
    return made


def published(item: Item, moment: dt.datetime) -> Item:
    Item.objects.filter(pk=item.pk).update(published_at=moment)
    item.published_at = moment
    return item


def comment(item: Item, author, moment: dt.datetime, hidden=False, text="Goed punt.") -> Comment:
    made = Comment.objects.create(item=item, author=author, text=text, hidden=hidden)
    Comment.objects.filter(pk=made.pk).update(created_at=moment)
    return made


def entry_added(entry: DossierEntry, moment: dt.datetime) -> DossierEntry:
    DossierEntry.objects.filter(pk=entry.pk).update(added_at=moment)
    return entry
