from django.db.models import Max
from django.utils import timezone

from portal.sitemaps import NamedPagesSitemap

from .models import QuestionnaireVersion, VersionStatus


class ModellentoolSitemap(NamedPagesSitemap):
    """The start page, dated by the questionnaire version in use."""

    changefreq = "monthly"
    names = ("modellentool:start",)

    def lastmod(self, name):
        return self.get_latest_lastmod()

    def get_latest_lastmod(self):
        if not hasattr(self, "_published"):
            published = QuestionnaireVersion.objects.filter(status=VersionStatus.PUBLISHED)
            newest = published.aggregate(newest=Max("published_at"))["newest"]
            self._published = timezone.localdate(newest) if newest else None
        return self._published
