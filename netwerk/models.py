from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.constants import Province, TaskType
from portal.models import DataSource, MemberProfile, Municipality

from .constants import (
    Domain,
    FollowKind,
    FormBasis,
    OrganisationKind,
    RequestStatus,
    Role,
    SuggestionStatus,
    Urgency,
)


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


class ItemContact(models.Model):
    """A member is the contact for a kennisbank item: evidence of expertise, set by editors."""

    member = models.ForeignKey(
        MemberProfile, on_delete=models.CASCADE, related_name="item_contacts"
    )
    item = models.ForeignKey("kennisbank.Item", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("contactpersoon van kennisitem")
        verbose_name_plural = _("contactpersonen van kennisitems")
        constraints = [models.UniqueConstraint(fields=["member", "item"], name="itemcontact_once")]

    def __str__(self):
        return f"{self.member} – {self.item}"


class Question(models.Model):
    """A member's question to the network; the asker is kept private from public pages."""

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vraagsteller"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="netwerk_questions",
        help_text=_("Leeg als de vraagsteller zijn account heeft verwijderd."),
    )
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("vraag"), max_length=5000)
    themes = models.ManyToManyField(
        "portal.Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    collaboration_models = models.ManyToManyField(
        "portal.CollaborationModel",
        verbose_name=_("samenwerkingsvormen"),
        blank=True,
        related_name="+",
        help_text=_(
            "Gaat uw vraag over een bepaalde vorm? Dan zoeken we ook collega's met "
            "ervaring in die vorm."
        ),
    )
    province = models.CharField(
        _("regio (provincie)"), max_length=20, choices=Province.choices, blank=True
    )
    urgency = models.CharField(
        _("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    created_at = models.DateTimeField(_("gesteld op"), auto_now_add=True, db_index=True)
    helpful_answer = models.OneToOneField(
        "Answer",
        verbose_name=_("nuttigste antwoord"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    promoted_item = models.ForeignKey(
        "kennisbank.Item",
        verbose_name=_("praktijkles"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("netwerk:question", args=[self.pk])


class ContactRequest(models.Model):
    """The asker asks one expert to help; contact details are shared only once accepted."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="contact_requests"
    )
    expert = models.ForeignKey(
        MemberProfile, on_delete=models.CASCADE, related_name="contact_requests"
    )
    message = models.TextField(_("bericht"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
        db_index=True,
    )
    reasons = models.JSONField(_("redenen van de suggestie"), default=list, blank=True)
    routed_by_editor = models.BooleanField(_("doorgestuurd door de redactie"), default=False)
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True, db_index=True)
    responded_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("contactverzoek")
        verbose_name_plural = _("contactverzoeken")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "expert"], name="contactrequest_once")
        ]

    def __str__(self):
        return f"{self.question} → {self.expert}"

    def get_absolute_url(self):
        return reverse("netwerk:contact_request", args=[self.pk])


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="netwerk_answers",
    )
    text = models.TextField(_("antwoord"), max_length=5000)
    created_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.question}: {self.text[:40]}"


class RateEvent(models.Model):
    """One counted action (registration, question, contact request) for the rate limits."""

    action = models.CharField(max_length=30)
    key = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["action", "key", "created_at"])]

    def __str__(self):
        return f"{self.action}:{self.key}"


# --- Following: saved searches and follows, for the digest e-mail and feeds ------------------


class SavedSearch(models.Model):
    """A kennisbank search (query string with filters) a member wants to hear about."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("naam"), max_length=150)
    query_string = models.CharField(_("zoekopdracht"), max_length=1000)
    # Secret part of the Atom feed address, so a feed reader needs no login.
    feed_token = models.CharField(max_length=40, unique=True, editable=False)
    created_at = models.DateTimeField(_("bewaard op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "query_string"], name="savedsearch_once_per_member"
            )
        ]

    def __str__(self):
        return self.name


class Follow(models.Model):
    """A member follows a theme, a dossier, a municipality or the discussion under an item."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(_("soort"), max_length=10, choices=FollowKind.choices)
    theme = models.ForeignKey(
        "portal.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    item = models.ForeignKey(
        "kennisbank.Item", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("gevolgd sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgd")
        ordering = ["kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind=FollowKind.THEME,
                        theme__isnull=False,
                        item__isnull=True,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        kind__in=[FollowKind.DOSSIER, FollowKind.DISCUSSION],
                        theme__isnull=True,
                        item__isnull=False,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        kind=FollowKind.MUNICIPALITY,
                        theme__isnull=True,
                        item__isnull=True,
                        municipality__isnull=False,
                    )
                ),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "theme", "item", "municipality"],
                nulls_distinct=False,
                name="follow_once",
            ),
        ]

    def __str__(self):
        target = self.theme or self.item or self.municipality
        return f"{self.get_kind_display()}: {target}"
