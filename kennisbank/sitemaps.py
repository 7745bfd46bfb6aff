from django.db.models import DateField
from django.db.models.functions import Cast, Greatest

from portal.sitemaps import ContentDateSitemap, NamedPagesSitemap, editor_change_date

from .models import Item


class ItemSitemap(ContentDateSitemap):
    """Published items, dated by publication or by an editor's later change."""

    changefreq = "weekly"

    def items(self):
        return (
            Item.objects.published()
            .only("type", "slug")
            .annotate(
                # Not published_at or updated_at: loading and importing stamp those too.
                content_date=Greatest(Cast("published_on", DateField()), editor_change_date(Item))
            )
            .order_by("id")
        )


class PageSitemap(NamedPagesSitemap):
    """The fixed public pages: home, search, the overviews and the pages about the site."""

    changefreq = "daily"
    names = (
        "home",
        "kennisbank:search",
        "kennisbank:dossiers",
        "kennisbank:events",
        "kennisbank:most_adopted",
        "contact",
        "privacy",
        "accessibility",
        "sitemap_page",
    )
