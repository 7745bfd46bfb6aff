"""Members' "Overgenomen" marks: their municipality adopted a published practice example."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..constants import ItemType
from ..models import AdoptionMark, Item


class AlreadyMarked(Exception):
    """The municipality is already listed for this practice (constraint adoptionmark_once...)."""


def adoption_markable(item: Item) -> bool:
    return item.is_published and item.type == ItemType.PRACTICE


def adoption_mark_create(*, item: Item, member, municipality, note: str = "") -> AdoptionMark:
    if not adoption_markable(item):
        raise PermissionDenied
    try:
        with transaction.atomic():
            return AdoptionMark.objects.create(
                item=item, municipality=municipality, member=member, note=note
            )
    except IntegrityError:
        raise AlreadyMarked(
            _("%(municipality)s staat al bij de gemeenten die dit voorbeeld overnamen.")
            % {"municipality": municipality.name}
        ) from None


def adoption_mark_delete(*, mark: AdoptionMark, member) -> None:
    """Members remove only their own mark; editors delete others in the admin."""
    if mark.member_id is None or mark.member_id != member.pk:
        raise PermissionDenied
    mark.delete()
