from django.db import models
from django.utils import timezone

from .constants import ItemType, Status


class ItemQuerySet(models.QuerySet):
    """The one visibility rule: every list, feed, sitemap, search and export goes through here."""

    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        # Editors see drafts (for preview); everyone else only what is published.
        if (
            user is not None
            and user.is_active
            and user.is_staff
            and user.has_perm("kennisbank.view_item")
        ):
            return self
        return self.published()

    def of_type(self, item_type: str):
        return self.filter(type=item_type)

    def upcoming_events(self, now=None):
        """Events still to come, including those under way (not yet ended)."""
        now = now or timezone.now()
        return self.filter(
            models.Q(starts_at__gte=now) | models.Q(ends_at__gte=now), type=ItemType.EVENT
        ).order_by("starts_at")

    def past_events(self, now=None):
        now = now or timezone.now()
        return self.filter(
            models.Q(ends_at__lt=now) | models.Q(ends_at__isnull=True, starts_at__lt=now),
            type=ItemType.EVENT,
        ).order_by("-starts_at")

    def most_adopted(self):
        return (
            self.filter(type=ItemType.PRACTICE)
            .annotate(
                adoption_count=models.Count(
                    "adoptions", filter=models.Q(adoptions__status=Status.PUBLISHED)
                )
            )
            .filter(adoption_count__gt=0)
            .order_by("-adoption_count", "title")
        )
