from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


class MunicipalityQuerySet(models.QuerySet):
    def current(self):
        """Municipalities that exist today (not merged into a successor)."""
        return self.filter(successor__isnull=True)


class Municipality(models.Model):
    """A Dutch gemeente, keyed by its CBS code (GM0546)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    official_name = models.CharField(_("officiële naam (CBS)"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)
    population = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("oppervlakte (km²)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    seat = models.CharField(_("bestuurscentrum"), max_length=100, blank=True)
    corop_code = models.CharField(_("COROP-code"), max_length=4, blank=True)
    corop_name = models.CharField(_("COROP-gebied"), max_length=100, blank=True)
    safety_region_code = models.CharField(_("veiligheidsregiocode"), max_length=4, blank=True)
    safety_region_name = models.CharField(_("veiligheidsregio"), max_length=100, blank=True)
    neighbours = models.ManyToManyField("self", verbose_name=_("buurgemeenten"), blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("opgegaan in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    source = models.CharField(_("bron"), max_length=200, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kennisbank:search") + f"?gemeente={self.code}"
