"""Shared pieces of the XML sitemap: fixed pages by URL name, and the date an editor last changed
a row (from its history), so `lastmod` tells of content, not of the moment data was loaded."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.urls import reverse


def editor_change_date(model) -> Subquery:
    """The day of the newest history entry made by a person (loaders leave no user), per row."""
    history = model.history.model
    return Subquery(
        history.objects.filter(id=OuterRef("pk"), history_user__isnull=False)
        .order_by()
        .values("id")
        .annotate(day=Max(TruncDate("history_date")))
        .values("day")[:1]
    )


class NamedPagesSitemap(Sitemap):
    """Pages of fixed text or overviews, listed by URL name; no lastmod (no content date)."""

    names: tuple[str, ...] = ()

    def items(self):
        return list(self.names)

    def location(self, name):
        return reverse(name)

    def get_latest_lastmod(self):
        return None


class ContentDateSitemap(Sitemap):
    """A queryset annotated with `content_date` (a date); the index asks the database for the
    newest one instead of reading every row."""

    def lastmod(self, obj):
        return obj.content_date

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("content_date"))["latest"]
