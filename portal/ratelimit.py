"""Rate limits: one exception and one rule for every app ("at most `limit` within `window`")."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone


class RateLimited(Exception):
    """Someone did this too often; str(error) is the Dutch message or the limited action."""


def rate_limit_check(
    recent: QuerySet,
    *,
    limit: int,
    window: dt.timedelta,
    message: str = "",
    now: dt.datetime | None = None,
    field: str = "created_at",
) -> None:
    """Raise RateLimited when `recent` already has `limit` rows from within `window` before now.

    `recent` is what counts for this actor (their comments, their recorded events); the caller
    records the new action itself, in the same transaction where that matters.
    """
    now = now or timezone.now()
    if recent.filter(**{f"{field}__gte": now - window}).count() >= limit:
        raise RateLimited(message)
