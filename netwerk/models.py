from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import (
    DigestFrequency,
    Domain,
    FollowKind,
    FormBasis,
    OrganisationKind,
    RequestStatus,
    Role,
    SuggestionStatus,
    TaskType,
    Urgency,
    Visibility,
)


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
        verbose_name = _("gegevensbron")
        verbose_name_plural = _("gegevensbronnen")
        ordering = ["order", "key"]

    def __str__(self):
        return self.title


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
        "modellentool.CollaborationModel",
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
        "modellentool.CollaborationModel",
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


# --- Members' network: profiles, questions, contact requests, answers -------------------------


class MemberProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one visibility rule for profiles: public for all, members-only for members."""
        if user is not None and user.is_authenticated:
            return self.filter(
                models.Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
                | models.Q(user=user)
            )
        return self.filter(visibility=Visibility.PUBLIC)

    def experts(self):
        return self.filter(open_for_questions=True, user__is_active=True)


class MemberProfile(models.Model):
    """A member of the network. Contact details (the account e-mail and phone) stay private."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    name = models.CharField(_("naam"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_("De gemeente waar u werkt; leeg als u bij een andere organisatie werkt."),
    )
    organisation_name = models.CharField(
        _("andere organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld een provincie, samenwerkingsverband of adviesbureau."),
    )
    role = models.CharField(_("functie"), max_length=150, blank=True)
    province = models.CharField(_("regio (provincie)"), max_length=20, choices=Province.choices)
    bio = models.TextField(_("over mij"), max_length=2000, blank=True)
    themes = models.ManyToManyField(
        "kennisbank.Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    collaboration_models = models.ManyToManyField(
        "modellentool.CollaborationModel",
        verbose_name=_("samenwerkingsvormen"),
        blank=True,
        related_name="+",
    )
    task_types = ArrayField(
        models.CharField(max_length=20, choices=TaskType.choices),
        verbose_name=_("taaktypen"),
        default=list,
        blank=True,
    )
    tags = ArrayField(
        models.CharField(max_length=50),
        verbose_name=_("trefwoorden"),
        default=list,
        blank=True,
    )
    languages = ArrayField(
        models.CharField(max_length=30), verbose_name=_("talen"), default=list, blank=True
    )
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        help_text=_("Alleen zichtbaar voor wie een contactverzoek van u aanneemt of u het zijne."),
    )
    open_for_questions = models.BooleanField(_("open voor vragen"), default=False)
    max_questions_per_month = models.PositiveSmallIntegerField(
        _("hoogstens vragen per maand"), default=3
    )
    visibility = models.CharField(
        _("zichtbaarheid"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    digest_frequency = models.CharField(
        _("e-mail met nieuws"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
        help_text=_(
            "Over wat u volgt en uw bewaarde zoekopdrachten; alleen als er iets nieuws is."
        ),
    )
    # Everything up to this moment has been in a digest (or was there before the member
    # followed it); the next digest lists only what came after.
    digest_covered_until = models.DateTimeField(_("nieuws gemeld tot"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("lid")
        verbose_name_plural = _("leden")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_questions_per_month__lte=50),
                name="memberprofile_monthly_limit_sane",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("netwerk:member", args=[self.pk])

    @property
    def organisation_label(self) -> str:
        return self.municipality.name if self.municipality_id else self.organisation_name


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
        "kennisbank.Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    collaboration_models = models.ManyToManyField(
        "modellentool.CollaborationModel",
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
        "kennisbank.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
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
