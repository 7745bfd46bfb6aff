from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Item


class LatestItemsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Nieuw in de kennisbank")
    link = "/kennisbank/"
    subtitle = _("De nieuwste publicaties van het Kennisplatform Intergemeentelijke Samenwerking")

    def items(self):
        return Item.objects.published().order_by("-published_on", "-id")[:30]
