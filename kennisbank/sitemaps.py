from django.contrib.sitemaps import Sitemap

from .models import Item


class ItemSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Item.objects.published().order_by("id")

    def lastmod(self, item):
        return item.updated_at
