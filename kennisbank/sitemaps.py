from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Item


class ItemSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Item.objects.published().only("type", "slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(Sitemap):
    """The fixed public pages: home, search and the overviews."""

    changefreq = "daily"

    def items(self):
        return [
            "home",
            "kennisbank:search",
            "kennisbank:dossiers",
            "kennisbank:events",
            "kennisbank:most_adopted",
        ]

    def location(self, name):
        return reverse(name)
