"""The register's pages in the XML sitemap, dated by their sources and editors' changes."""

from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from netwerk.constants import RegionKind
from netwerk.models import Collaboration, Membership
from portal.models import DataSource, Municipality
from portal.sitemaps import ContentDateSitemap, NamedPagesSitemap, editor_change_date


def source_date(prefix: str = "") -> Coalesce:
    """A collaboration's date in its source, else the reference date of the data set."""
    return Coalesce(f"{prefix}source_date", f"{prefix}data_source__reference_date")


class CollaborationSitemap(ContentDateSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Collaboration.objects.only("slug")
            .annotate(
                content_date=Greatest(source_date(), editor_change_date(Collaboration)),
            )
            .order_by("id")
        )


class MunicipalitySitemap(ContentDateSitemap):
    """A municipality's page shows its collaborations: dated by the newest of them."""

    changefreq = "monthly"

    def items(self):
        return (
            Municipality.objects.current()
            .only("slug")
            .annotate(content_date=Max(source_date("memberships__collaboration__")))
            .order_by("code")
        )

    def location(self, municipality):
        return municipality.get_network_url()

    def get_latest_lastmod(self):
        current = Membership.objects.filter(municipality__successor__isnull=True)
        return current.aggregate(latest=Max(source_date("collaboration__")))["latest"]


class RegionSitemap(NamedPagesSitemap):
    """Provinces, COROP areas and safety regions that have municipalities today, and the
    country: dated by the newest data set of the register (one query each)."""

    changefreq = "monthly"

    def items(self):
        rows = Municipality.objects.current().values_list(
            "province", "corop_code", "safety_region_code"
        )
        found = set()
        for province, corop, safety in rows.distinct():
            found.add((RegionKind.PROVINCE.value, province))
            if corop:
                found.add((RegionKind.COROP.value, corop))
            if safety:
                found.add((RegionKind.SAFETY_REGION.value, safety))
        return [("netwerk:country", ()), *(("netwerk:region", key) for key in sorted(found))]

    def location(self, region):
        name, args = region
        return reverse(name, args=args)

    def lastmod(self, region):
        return self.get_latest_lastmod()

    def get_latest_lastmod(self):
        if not hasattr(self, "_newest_source"):
            self._newest_source = DataSource.objects.aggregate(newest=Max("reference_date"))[
                "newest"
            ]
        return self._newest_source


class NetwerkPageSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    names = (
        "netwerk:index",
        "netwerk:map",
        "netwerk:selection",
        "netwerk:partners",
        "netwerk:collaborations",
        "netwerk:sources",
        "netwerk:api_page",
    )
