"""Municipalities, former municipalities and the open data sets they come from.

Reference data every app reads: the kennisbank tags items with municipalities, the register
(netwerk) links collaborations to them, members say where they work. The tables kept their
netwerk_* names when the models moved here (portal migration 0002).
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..constants import Province


class MunicipalityQuerySet(models.QuerySet):
    def current(self):
        """Municipalities that exist today (not merged into a successor)."""
        return self.filter(successor__isnull=True)


class Municipality(models.Model):
    """A Dutch gemeente, keyed by its CBS code (GM0546)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    # Dutch alphabetical order ('s-Hertogenbosch under H): names.sort_key(name), set on load.
    sort_name = models.CharField(_("sorteernaam"), max_length=100, blank=True, db_index=True)
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
        db_table = "netwerk_municipality"
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["sort_name", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kennisbank:search") + f"?gemeente={self.code}"

    def get_network_url(self):
        """The municipality's page in the netwerkregie (get_absolute_url is the kennisbank's)."""
        return reverse("netwerk:municipality", args=[self.slug])


class FormerMunicipality(models.Model):
    """A municipality that no longer exists, pointing to today's municipality that continues it.

    Older data (the 2016 sources) name municipalities by their old names and codes. A merged
    municipality has one successor; a split one (Haaren 2021, Littenseradiel 2018) has several
    successors and no single successor, so its old memberships cannot be assigned to one of them.
    """

    code = models.CharField(_("CBS-code"), max_length=6, unique=True, null=True, blank=True)
    name = models.CharField(_("naam"), max_length=100)
    ended_on = models.DateField(_("opgeheven per"), null=True, blank=True)
    successor = models.ForeignKey(
        Municipality,
        verbose_name=_("voortgezet door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="former_municipalities",
        help_text=_("Leeg bij een gemeente die over meerdere gemeenten is verdeeld."),
    )
    successors = models.ManyToManyField(
        Municipality,
        verbose_name=_("opgegaan in"),
        related_name="+",
        help_text=_("Alle gemeenten van nu waarin (een deel van) deze gemeente is opgegaan."),
    )
    direct_successor_name = models.CharField(
        _("direct opgegaan in"),
        max_length=100,
        blank=True,
        help_text=_("De naam van de opvolger bij de opheffing (kan later zelf zijn opgeheven)."),
    )
    note = models.CharField(_("toelichting"), max_length=250, blank=True)
    data_source = models.ForeignKey(
        "DataSource",
        verbose_name=_("bron"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        db_table = "netwerk_formermunicipality"
        verbose_name = _("opgeheven gemeente")
        verbose_name_plural = _("opgeheven gemeenten")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "ended_on"], name="former_municipality_once")
        ]

    def __str__(self):
        return self.name

    @property
    def is_split(self) -> bool:
        return self.successor_id is None


class DataSource(models.Model):
    """One open data set the register is loaded from: who publishes it, its licence and age."""

    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    publisher = models.CharField(_("uitgever"), max_length=200)
    licence = models.CharField(_("licentie"), max_length=200)
    url = models.URLField(_("adres"), max_length=500, blank=True)
    reference_date = models.DateField(
        _("peildatum"), help_text=_("De datum waarop de gegevens in de bron betrekking hebben.")
    )
    reference_note = models.CharField(_("toelichting peildatum"), max_length=200, blank=True)
    files = models.JSONField(_("bestanden"), default=list)
    checksum = models.CharField(_("controlegetal"), max_length=64, blank=True)
    loaded_at = models.DateTimeField(_("laatst geladen"), null=True, blank=True)
    report = models.JSONField(
        _("laadverslag"),
        default=dict,
        blank=True,
        help_text=_("Per bestand: regels gelezen, geladen en niet geladen (met reden)."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        db_table = "netwerk_datasource"
        verbose_name = _("gegevensbron")
        verbose_name_plural = _("gegevensbronnen")
        ordering = ["order", "key"]

    def __str__(self):
        return self.title
