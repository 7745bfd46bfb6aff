import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Item

FEED_SIZE = 30


class LatestItemsFeed(Feed):
    """The newest publications as Atom; only what Item.objects.published() lets through."""

    feed_type = Atom1Feed
    title = _("Nieuw in de kennisbank")
    link = reverse_lazy("kennisbank:search")
    subtitle = _("De nieuwste publicaties van het Kennisplatform Intergemeentelijke Samenwerking")

    def items(self):
        return (
            Item.objects.published()
            .prefetch_related("themes")
            .order_by("-published_on", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        # published_on is a date; the feed needs a moment: midnight, Dutch time.
        return timezone.make_aware(dt.datetime.combine(item.published_on, dt.time.min))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]
