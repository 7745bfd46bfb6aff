import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from portal.models import Theme

from .constants import ItemType
from .models import DossierEntry, Item

FEED_SIZE = 30


def entry_title(item) -> str:
    """An event's entry names its date: readers must not take the publication date for it."""
    if item.type == ItemType.EVENT and item.starts_at:
        when = formats.date_format(timezone.localtime(item.starts_at), "j F Y")
        return f"{item.title} ({when})"
    return item.title


def entry_author(item) -> str | None:
    """The person or organisation the item names as its contact, as its public page shows them."""
    names = [name for name in (item.contact_name, item.contact_organisation) if name]
    return " – ".join(names) or None


class PlatformFeed(Feed):
    """Atom with the platform as the feed's author: RFC 4287 wants an author on every entry,
    and a feed-level one covers the entries that name no contact of their own."""

    feed_type = Atom1Feed

    def author_name(self):
        return settings.PLATFORM_NAME

    def item_author_name(self, item):
        return entry_author(item)


class LatestItemsFeed(PlatformFeed):
    """The newest publications as Atom; only what Item.objects.published() lets through."""

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
        return entry_title(item)

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        # published_on is a date; the feed needs a moment: midnight, Dutch time.
        return timezone.make_aware(dt.datetime.combine(item.published_on, dt.time.min))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


# --- Feeds to follow: per theme and per dossier (netwerk adds one per saved search) ----------


class PublishedItemFeed(PlatformFeed):
    """Atom feed of items dated by the moment they became public (published_at), when known."""

    def item_title(self, item):
        return entry_title(item)

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        if item.published_at is not None:
            return item.published_at
        return timezone.make_aware(dt.datetime.combine(item.published_on, dt.time.min))

    def item_updateddate(self, item):
        return item.updated_at


def newest_published():
    return Item.objects.published().order_by(
        F("published_at").desc(nulls_last=True), "-published_on", "-id"
    )


class ThemeFeed(PublishedItemFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme, slug=slug)

    def title(self, obj):
        return _("Kennisbank: nieuw over %(theme)s") % {"theme": obj.name}

    def link(self, obj):
        return reverse("kennisbank:search") + "?" + urlencode({"thema": obj.slug})

    def subtitle(self, obj):
        return _("Nieuwe publicaties met het thema %(theme)s") % {"theme": obj.name}

    def items(self, obj):
        return newest_published().filter(themes=obj)[:FEED_SIZE]


class DossierFeed(PublishedItemFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Item.objects.published().of_type(ItemType.DOSSIER), slug=slug)

    def title(self, obj):
        return _("Themadossier: %(title)s") % {"title": obj.title}

    def link(self, obj):
        return obj.get_absolute_url()

    def subtitle(self, obj):
        return _("Wat de redactie aan dit dossier toevoegt, nieuwste eerst")

    def items(self, obj):
        entries = (
            DossierEntry.objects.filter(dossier=obj, item__in=Item.objects.published())
            .select_related("item")
            .order_by("-added_at", "-id")[:FEED_SIZE]
        )
        return [entry.item for entry in entries]
