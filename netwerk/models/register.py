"""The register (netwerkregie): organisations, collaborations, memberships, sources, suggestions."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerk.constants import (
    Domain,
    FormBasis,
    OrganisationKind,
    Role,
    SuggestionStatus,
)
from portal.constants import TaskType
from portal.models import DataSource, Municipality


class Organisation(models.Model):
    """A member of a collaboration that is not a Dutch municipality (province, water board, …)."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(
        _("soort"), max_length=30, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CollaborationQuerySet(models.QuerySet):
    def active(self):
        """Collaborations that have not ended: the ones that count for bestuurlijke drukte."""
        return self.filter(ended=False)


class Collaboration(models.Model):
    """A samenwerkingsverband: who works together, on what, in which form, and by which source."""

    name = models.CharField(_("naam"), max_length=250)
    aliases = ArrayField(
        models.CharField(max_length=250),
        verbose_name=_("ook bekend als"),
        default=list,
        blank=True,
        help_text=_("Namen van verbanden die met dit verband zijn samengevoegd."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    form = models.ForeignKey(
        "portal.CollaborationModel",
        verbose_name=_("samenwerkingsvorm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="collaborations",
        help_text=_("Leeg als de vorm niet bekend is."),
    )
    form_basis = models.CharField(
        _("herkomst van de vorm"), max_length=10, choices=FormBasis.choices, blank=True
    )
    legal_form_text = models.CharField(
        _("rechtsvorm zoals in de bron"),
        max_length=250,
        blank=True,
        help_text=_("Letterlijk zoals de bron het noemt, ook als de vorm onbekend is."),
    )
    domain = models.CharField(_("domein"), max_length=30, choices=Domain.choices, db_index=True)
    task_type = models.CharField(_("taaktype"), max_length=20, choices=TaskType.choices, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    start_date = models.DateField(_("begonnen op"), null=True, blank=True)
    end_date = models.DateField(_("beëindigd op"), null=True, blank=True)
    ended = models.BooleanField(
        _("beëindigd"),
        default=False,
        db_index=True,
        help_text=_("Ook aan te vinken als de einddatum niet bekend is."),
    )
    data_source = models.ForeignKey(
        DataSource,
        verbose_name=_("bron"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collaborations",
        help_text=_("De belangrijkste open bron; leeg als de redactie het verband zelf invoerde."),
    )
    source_note = models.CharField(
        _("bron (toelichting)"),
        max_length=300,
        blank=True,
        help_text=_("Waar de redactie het gegeven vond, bijvoorbeeld een besluit of website."),
    )
    source_date = models.DateField(
        _("datum van de bron"), null=True, blank=True, help_text=_("Hoe oud het gegeven is.")
    )
    managed_by_editors = models.BooleanField(
        _("door de redactie beheerd"),
        default=False,
        help_text=_(
            "Een bewerkt verband wordt bij het opnieuw laden van de open data niet overschreven."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = CollaborationQuerySet.as_manager()

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="collaboration_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("netwerk:collaboration", args=[self.slug])


class UnknownFormCollaboration(Collaboration):
    """The editors' work list: active collaborations whose form is not known (admin only)."""

    class Meta:
        proxy = True
        verbose_name = _("verband met onbekende vorm")
        verbose_name_plural = _("werklijst: vorm onbekend")


class SourceRecord(models.Model):
    """How a collaboration appears in one source: the key to find it again on the next load."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="source_records"
    )
    data_source = models.ForeignKey(DataSource, on_delete=models.CASCADE, related_name="+")
    external_id = models.CharField(_("kenmerk in de bron"), max_length=250)
    name_in_source = models.CharField(_("naam in de bron"), max_length=250)

    class Meta:
        verbose_name = _("vermelding in bron")
        verbose_name_plural = _("vermeldingen in bronnen")
        ordering = ["data_source__order", "external_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["data_source", "external_id"], name="source_record_unique_key"
            )
        ]

    def __str__(self):
        return f"{self.data_source_id}:{self.external_id}"


class Membership(models.Model):
    """A member of a collaboration: a municipality of today or another organisation."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    name_in_source = models.CharField(
        _("naam in de bron"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld de naam van een inmiddels opgeheven gemeente."),
    )
    data_source = models.ForeignKey(
        DataSource,
        verbose_name=_("bron"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["municipality__sort_name", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(municipality__isnull=False, organisation__isnull=True)
                | models.Q(municipality__isnull=True, organisation__isnull=False),
                name="membership_municipality_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["collaboration", "municipality"],
                condition=models.Q(municipality__isnull=False),
                name="membership_municipality_once",
            ),
            models.UniqueConstraint(
                fields=["collaboration", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="membership_organisation_once",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "collaboration"])]

    def __str__(self):
        return str(self.municipality or self.organisation)

    @property
    def member(self):
        return self.municipality or self.organisation


class Suggestion(models.Model):
    """A member's correction or addition; editors review it before the register changes."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
        help_text=_("Leeg bij een voorstel voor een nieuw samenwerkingsverband."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.CASCADE,
        related_name="netwerk_suggestions",
    )
    created_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    name = models.CharField(_("naam"), max_length=250, blank=True)
    form = models.ForeignKey(
        "portal.CollaborationModel",
        verbose_name=_("samenwerkingsvorm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    domain = models.CharField(_("domein"), max_length=30, choices=Domain.choices, blank=True)
    members_to_add = models.ManyToManyField(
        Municipality, verbose_name=_("gemeenten toevoegen"), blank=True, related_name="+"
    )
    members_to_remove = models.ManyToManyField(
        Municipality, verbose_name=_("gemeenten verwijderen"), blank=True, related_name="+"
    )
    ended = models.BooleanField(_("is beëindigd"), default=False)
    explanation = models.TextField(_("toelichting"))
    source_url = models.URLField(_("bron"), max_length=500, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.NEW,
        db_index=True,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    editor_note = models.TextField(_("reactie van de redactie"), blank=True)

    class Meta:
        verbose_name = _("voorstel van een lid")
        verbose_name_plural = _("voorstellen van leden")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(collaboration__isnull=False) | ~models.Q(name=""),
                name="suggestion_new_needs_name",
            )
        ]

    def __str__(self):
        target = self.collaboration or self.name
        return f"{target} ({self.get_status_display()})"
