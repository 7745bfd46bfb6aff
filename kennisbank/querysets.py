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
        """Practices by how often they were adopted: published adopting items plus members'
        adoption marks (kennisbank.AdoptionMark).

        Only practices with at least one of either are ranked, found first through two hashed
        id lists, so the counting joins touch a few thousand rows, not the whole kennisbank.
        Both joins hang off the same row, so each count is DISTINCT: two adoptions and three
        marks make five, not six. (Correlated count subqueries give the same numbers, but the
        planner prices them per candidate row and switches on JIT: three times slower at
        100,000 practices.)
        """
        from .models import AdoptionMark, Item  # models imports this module

        published_adoptions = Item.objects.filter(
            status=Status.PUBLISHED, adopted_from__isnull=False
        )
        return (
            self.filter(type=ItemType.PRACTICE)
            .filter(
                models.Q(pk__in=published_adoptions.values("adopted_from"))
                | models.Q(pk__in=AdoptionMark.objects.values("item"))
            )
            .annotate(
                adoption_count=models.Count(
                    "adoptions",
                    filter=models.Q(adoptions__status=Status.PUBLISHED),
                    distinct=True,
                )
                + models.Count("adoption_marks", distinct=True)
            )
            .order_by("-adoption_count", "title")
        )
