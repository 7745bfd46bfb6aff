"""Rate limits on what members do: registrations, questions, contact requests, answers."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from netwerk.models import RateEvent
from portal.client import client_ip as portal_client_ip
from portal.ratelimit import rate_limit_check

# action: (how many, within how many seconds)
RATE_LIMITS = {
    "registration": (5, 60 * 60),
    "question": (5, 24 * 60 * 60),
    "contact_request": (15, 24 * 60 * 60),
    "answer": (30, 24 * 60 * 60),
}


def rate_limit_hit(*, action: str, key: str, now: dt.datetime | None = None) -> None:
    """Count one action; raise RateLimited if it is one too many within the window."""
    limit, seconds = RATE_LIMITS[action]
    now = now or timezone.now()
    RateEvent.objects.filter(action=action, created_at__lt=now - dt.timedelta(days=2)).delete()
    rate_limit_check(
        RateEvent.objects.filter(action=action, key=key),
        limit=limit,
        window=dt.timedelta(seconds=seconds),
        message=action,
        now=now,
    )
    RateEvent.objects.create(action=action, key=key)


def client_ip(request) -> str:
    # The same address django-axes counts (X-Forwarded-For only from trusted proxies).
    return portal_client_ip(request) or "onbekend"
