"""The editors' rules for saving an item in the admin, in one place (the admin only calls them).

Publishing and withdrawing (to or from those statuses) is for editors with the
`kennisbank.publish_item` permission; a status change has its consequences
(`item_status_changed`); an event whose capacity, status or start changed moves its waiting
list up. The facet tokens follow once the item's relations are saved (`item_saved`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from ..constants import ItemType, Status
from ..models import Item
from .events import event_capacity_changed
from .items import item_refresh_facets, item_status_changed

# Going to or from these statuses is publishing or withdrawing: kennisbank.publish_item only.
PUBLISHER_STATUSES = {Status.PUBLISHED, Status.WITHDRAWN}

# Changing these on an event can free places (or open registration): the waiting list moves up.
CAPACITY_FIELDS = {"capacity", "status", "starts_at"}


def item_editor_save(
    *, item: Item, may_publish: bool, changed_fields: Collection[str], save: Callable[[], None]
) -> bool:
    """Save an item an editor changed (`save` writes the row); True if the status was refused.

    Also guards the revert of an old version, whose status field may be read-only: an editor
    without the publish permission keeps the stored status (a new item: draft).
    """
    stored = (
        Item.objects.filter(pk=item.pk).values_list("status", flat=True).first()
        if item.pk
        else None
    )
    refused = (
        not may_publish and item.status != stored and {item.status, stored} & PUBLISHER_STATUSES
    )
    if refused:
        item.status = stored or Status.DRAFT
    save()
    if item.status != stored:
        item_status_changed(item=item, previous=stored)
    if item.type == ItemType.EVENT and CAPACITY_FIELDS & set(changed_fields):
        # More places (or newly open): the waiting list moves up, and those people hear it.
        event_capacity_changed(event=item)
    return bool(refused)


def item_editor_related_saved(*, item: Item) -> None:
    """After the admin saved the item's relations (or reverted a version): facets follow."""
    item_refresh_facets(item=item)
