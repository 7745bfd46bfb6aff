"""Event proposals by organisers, registration with a waiting list, attendee lists."""

from ..models import Item


def registration_context(request, item: Item) -> dict:
    """What the event page shows about registering (template kennisbank/_registration.html)."""
    return {}
