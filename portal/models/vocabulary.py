"""The shared vocabulary: themes and the eleven forms of cooperation (samenwerkingsvormen).

The kennisbank tags items with both, the register gives each collaboration a form, members name
their expertise in them, and the modellentool advises one. Tables kept their old names.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        db_table = "kennisbank_theme"
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CollaborationModel(models.Model):
    """A form of cooperation (samenwerkingsvorm); keys are fixed, texts are content."""

    key = models.SlugField(_("sleutel"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100, blank=True)
    summary = models.TextField(_("korte omschrijving"), blank=True)
    legal_basis = models.CharField(_("juridische basis"), max_length=200, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("zwaarte (1-10)"), help_text=_("Plaats op het continuüm van licht (1) tot zwaar (10).")
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        db_table = "modellentool_collaborationmodel"
        verbose_name = _("samenwerkingsvorm")
        verbose_name_plural = _("samenwerkingsvormen")
        ordering = ["order", "weight"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=10), name="model_weight_1_10"
            )
        ]

    def __str__(self):
        return self.name
