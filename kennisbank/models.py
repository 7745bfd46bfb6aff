from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models.functions import Coalesce, Mod, Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from portal.constants import Motive, TaskType
from portal.models import Theme

from .constants import TYPE_PATHS, EventKind, EvidenceLevel, ItemType, RegistrationStatus, Status
from .querysets import ItemQuerySet

# Custom text search configuration (migration 0002): Dutch stemming after unaccent.
SEARCH_CONFIG = "nl_unaccent"
# Items fall into this many sample buckets (id modulo); search/engine.py counts facets over a few
# buckets when a result set is too large to count exactly (index item_sample_bucket).
SEARCH_SAMPLE_BUCKETS = 1024


def title_vector() -> models.Func:
    """The title part of Item.head_vector (weight A); indexed, so title matches are cheap."""
    return models.Func(
        models.F("head_vector"),
        models.Value("{a}"),
        function="ts_filter",
        output_field=SearchVectorField(),
    )


class Synonym(models.Model):
    """An abbreviation or synonym; search expands it both ways (GR, gemeenschappelijke regeling)."""

    term = models.CharField(_("term of afkorting"), max_length=100)
    expansion = models.CharField(_("voluit"), max_length=200)
    exact_uppercase_only = models.BooleanField(
        _("alleen in hoofdletters"),
        default=False,
        help_text=_(
            "Korte afkortingen die ook gewone woorden zijn (GO, OD) alleen uitbreiden "
            "als ze precies zo in hoofdletters zijn getypt."
        ),
    )

    class Meta:
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["term", "expansion"], name="unique_synonym_pair")
        ]

    def __str__(self):
        return f"{self.term} ↔ {self.expansion}"


class NarrowerTerm(models.Model):
    """A thesaurus relation: a search for the broader term also finds its narrower terms
    ("sociaal domein" -> jeugdzorg, Wmo, Participatiewet), ranked below the term itself."""

    term = models.CharField(_("bredere term"), max_length=100)
    narrower = models.CharField(_("engere term"), max_length=100)

    class Meta:
        verbose_name = _("engere term")
        verbose_name_plural = _("thesaurus (bredere en engere termen)")
        ordering = ["term", "narrower"]
        constraints = [
            models.UniqueConstraint(fields=["term", "narrower"], name="unique_narrower_term")
        ]

    def __str__(self):
        return f"{self.term} → {self.narrower}"


class SearchTerm(models.Model):
    """A word from published titles and summaries: the vocabulary for "Bedoelde u …?".

    Derived data, rebuilt by services.search_terms_refresh() (command refresh_search_terms).
    """

    word = models.CharField(_("woord"), max_length=100, unique=True)
    # The word as the search configuration stems it, to tell known words from typos.
    lexeme = models.CharField(_("stam"), max_length=100, db_index=True)
    document_count = models.PositiveIntegerField(_("aantal items"))

    class Meta:
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")
        indexes = [
            GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="searchterm_word_trgm"),
        ]

    def __str__(self):
        return self.word


class Item(models.Model):
    """One kennisbank publication; the type decides which extra fields apply."""

    type = models.CharField(_("soort"), max_length=20, choices=ItemType.choices, db_index=True)
    title = models.CharField(_("titel"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("samenvatting"), max_length=1000)
    body = models.TextField(
        _("tekst"), blank=True, help_text=_("Markdown; HTML wordt bij het tonen opgeschoond.")
    )
    published_on = models.DateField(_("publicatiedatum"), db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    external_id = models.CharField(
        _("extern kenmerk"), max_length=100, unique=True, null=True, blank=True
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True)
    tags = TaggableManager(_("trefwoorden"), blank=True)
    municipalities = models.ManyToManyField(
        "portal.Municipality", verbose_name=_("gemeenten"), blank=True, related_name="items"
    )
    region = models.CharField(_("regio"), max_length=150, blank=True)
    collaboration_model = models.ForeignKey(
        "portal.CollaborationModel",
        verbose_name=_("samenwerkingsvorm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    task_type = models.CharField(_("taaktype"), max_length=20, choices=TaskType.choices, blank=True)
    motives = ArrayField(
        models.CharField(max_length=20, choices=Motive.choices),
        verbose_name=_("motieven"),
        default=list,
        blank=True,
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    contact_organisation = models.CharField(
        _("organisatie contactpersoon"), max_length=150, blank=True
    )
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)

    # Praktijkvoorbeeld
    outcomes = models.TextField(_("opbrengsten"), blank=True)
    what_went_wrong = models.TextField(_("wat ging er mis"), blank=True)
    adopted_from = models.ForeignKey(
        "self",
        verbose_name=_("overgenomen van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
        limit_choices_to={"type": ItemType.PRACTICE},
    )
    adoption_note = models.CharField(_("toelichting overname"), max_length=500, blank=True)
    advice = models.TextField(
        _("wat anderen kunnen overnemen"), blank=True, help_text=_("Tips voor navolgers.")
    )
    evidence_level = models.CharField(
        _("bewijskracht"),
        max_length=20,
        choices=EvidenceLevel.choices,
        blank=True,
        help_text=_("Door de redactie vastgesteld; een filter bij het zoeken."),
    )

    # Themadossier
    featured = models.BooleanField(_("uitgelicht"), default=False)

    # Bijeenkomst
    event_kind = models.CharField(
        _("soort bijeenkomst"), max_length=20, choices=EventKind.choices, blank=True
    )
    starts_at = models.DateTimeField(_("begint om"), null=True, blank=True, db_index=True)
    ends_at = models.DateTimeField(_("eindigt om"), null=True, blank=True)
    location = models.CharField(_("locatie"), max_length=250, blank=True)
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen aanmelding via het platform."),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )

    # Contributions by members
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingezonden door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_items",
    )
    discussion_public = models.BooleanField(
        _("discussie openbaar"),
        default=False,
        help_text=_(
            "Bezoekers zonder account mogen de discussie lezen (alleen bij openbare items)."
        ),
    )
    discussion_locked = models.BooleanField(
        _("discussie gesloten"), default=False, help_text=_("Geen nieuwe reacties meer.")
    )

    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # The moment the item last became public (services.item_mark_published); digests list what
    # was published since the previous one, which a date alone cannot tell.
    published_at = models.DateTimeField(_("gepubliceerd om"), null=True, blank=True, db_index=True)

    # Derived, kept in step by services.items.item_refresh_facets(): one token per facet value
    # ("t:3", "p:utrecht", "y:2019"), so filters and facet counts use one GIN index.
    facets = ArrayField(models.CharField(max_length=40), default=list, editable=False)
    # Derived, kept in step by services (item_refresh_facets, search_parts_refresh): the parts of
    # the item's compounds that are words of the collection ("belasting samenwerking" for
    # "belastingsamenwerking"), so a search for one part finds the compound without expanding
    # the query. Weight D: a part matches less than the word itself in the text.
    search_parts = models.TextField(default="", blank=True, editable=False)
    search_vector = models.GeneratedField(
        expression=(
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("body", weight="C", config=SEARCH_CONFIG)
            + SearchVector("search_parts", weight="D", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Title and summary only: small enough to stay in the table row, so the search can rank the
    # (usually many) title/summary matches cheaply and only rank body-only matches when needed.
    head_vector = models.GeneratedField(
        expression=(
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    history = HistoricalRecords(
        excluded_fields=["search_vector", "head_vector", "facets", "search_parts"],
        m2m_fields=[themes],
    )

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("kennisitem")
        verbose_name_plural = _("kennisitems")
        ordering = ["-published_on", "-id"]
        indexes = [
            GinIndex(fields=["search_vector"], name="item_search_vector_gin"),
            GinIndex(fields=["head_vector"], name="item_head_vector_gin"),
            GinIndex(title_vector(), name="item_title_vector_gin"),
            models.Index(Mod("id", models.Value(SEARCH_SAMPLE_BUCKETS)), name="item_sample_bucket"),
            GinIndex(fields=["facets"], name="item_facets_gin"),
            GinIndex(
                name="item_title_trgm",
                fields=["title"],
                opclasses=["gin_trgm_ops"],
            ),
            # The events page and the home page: published events by start (past ones newest
            # first, and their number from the index alone) and by end
            # (querysets.upcoming_events). The start index is partial, so it does not walk the
            # other item types; the end index is not, because PostgreSQL keeps statistics for
            # whole-table expression indexes only, and without them it plans the upcoming
            # events as a walk through every past one.
            models.Index(
                fields=["starts_at", "id"],
                condition=models.Q(type=ItemType.EVENT, status=Status.PUBLISHED),
                name="item_event_start",
            ),
            models.Index(Coalesce("ends_at", "starts_at"), name="item_event_end"),
            # The dossiers page: its first page and its count from this index alone, instead of
            # every published dossier's row (they grow with the collection).
            models.Index(
                fields=["-featured", "-published_on", "-id"],
                condition=models.Q(type=ItemType.DOSSIER, status=Status.PUBLISHED),
                name="item_dossier_list",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(starts_at__isnull=False, ends_at__gte=models.F("starts_at")),
                name="item_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(adopted_from=models.F("id")), name="item_not_adopted_from_self"
            ),
        ]
        permissions = [
            ("publish_item", _("Mag kennisitems publiceren en intrekken")),
            ("organise_event", _("Mag bijeenkomsten voorstellen en aanmeldingen inzien")),
            ("moderate_comment", _("Mag discussies modereren")),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("kennisbank:detail", args=[TYPE_PATHS[self.type], self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_event(self) -> bool:
        return self.type == ItemType.EVENT


class DossierEntry(models.Model):
    """An item in a theme dossier, in the editor's order."""

    dossier = models.ForeignKey(
        Item,
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="dossier_entries",
        limit_choices_to={"type": ItemType.DOSSIER},
    )
    item = models.ForeignKey(
        Item, verbose_name=_("kennisitem"), on_delete=models.CASCADE, related_name="in_dossiers"
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    added_at = models.DateTimeField(_("toegevoegd"), db_default=Now(), editable=False)

    class Meta:
        verbose_name = _("onderdeel van dossier")
        verbose_name_plural = _("onderdelen van dossier")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "item"], name="unique_dossier_item"),
            models.CheckConstraint(
                condition=~models.Q(dossier=models.F("item")), name="dossier_not_in_itself"
            ),
        ]

    def __str__(self):
        return f"{self.dossier} – {self.item}"


class SourceLink(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("titel"), max_length=200)
    url = models.URLField(_("adres"), max_length=500)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("bronlink")
        verbose_name_plural = _("bronlinks")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title


def attachment_path(instance, filename):
    return f"kennisbank/{instance.item_id}/{filename}"


class Attachment(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("bestand"), upload_to=attachment_path)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title


# --- Contributions by members: submissions, adoption marks, registrations, discussion ---------


class Submission(models.Model):
    """A member's report of an experience (praktijkvoorbeeld or praktijkles).

    The form is saved as typed (data) while the member writes, so nothing is lost; sending it
    creates or updates the draft Item that goes through the editors' status workflow.
    """

    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inzender"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    item_type = models.CharField(
        _("soort"),
        max_length=20,
        choices=[
            (ItemType.PRACTICE, ItemType.PRACTICE.label),
            (ItemType.LESSON, ItemType.LESSON.label),
        ],
        default=ItemType.PRACTICE,
    )
    data = models.JSONField(_("ingevulde gegevens"), default=dict, blank=True)
    item = models.OneToOneField(
        Item,
        verbose_name=_("kennisitem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    created_at = models.DateTimeField(_("begonnen"), auto_now_add=True)
    saved_at = models.DateTimeField(_("laatst bewaard"), auto_now=True)
    sent_at = models.DateTimeField(_("ingezonden"), null=True, blank=True)

    class Meta:
        verbose_name = _("inzending")
        verbose_name_plural = _("inzendingen")
        ordering = ["-saved_at", "-id"]

    def __str__(self):
        return self.data.get("title") or str(_("Inzending zonder titel"))


def submission_file_path(instance, filename):
    # The stored name is ours, never the uploader's: no path tricks, no executable extensions.
    return f"inzendingen/{instance.submission_id}/{instance.stored_name}"


class SubmissionFile(models.Model):
    """An attachment uploaded with a submission, checked by content (services/uploads.py)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("bestand"), upload_to=submission_file_path, max_length=300)
    stored_name = models.CharField(max_length=120, editable=False)
    original_name = models.CharField(_("oorspronkelijke naam"), max_length=255)
    content_type = models.CharField(_("bestandssoort"), max_length=100)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_at = models.DateTimeField(_("geüpload"), auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage bij inzending")
        verbose_name_plural = _("bijlagen bij inzendingen")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class SubmissionMessage(models.Model):
    """A note between the editors and the submitter about a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_editors = models.BooleanField(_("van de redactie"), default=True)
    text = models.TextField(_("bericht"), max_length=5000)
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bericht over inzending")
        verbose_name_plural = _("berichten over inzendingen")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class AdoptionMark(models.Model):
    """A member's mark that their municipality adopted a published practice ("overgenomen")."""

    item = models.ForeignKey(
        Item,
        verbose_name=_("praktijkvoorbeeld"),
        on_delete=models.CASCADE,
        related_name="adoption_marks",
        limit_choices_to={"type": ItemType.PRACTICE},
    )
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="adoption_marks",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoption_marks",
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("overname")
        verbose_name_plural = _("overnames")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "municipality"], name="adoptionmark_once_per_municipality"
            )
        ]

    def __str__(self):
        return f"{self.municipality} – {self.item}"


class Registration(models.Model):
    """A member's place at an event, or on its waiting list.

    Capacity is guarded in the database: seats are numbered 1..capacity and unique per event
    (see the constraints and kennisbank/services/events.py, which locks the event row).
    """

    event = models.ForeignKey(
        Item,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="registrations",
        limit_choices_to={"type": ItemType.EVENT},
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("naam"), max_length=150)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    seat = models.PositiveIntegerField(_("plaats"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True, db_index=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~models.Q(status=RegistrationStatus.CANCELLED),
                name="registration_once_per_member",
            ),
            models.UniqueConstraint(
                fields=["event", "seat"],
                condition=models.Q(status=RegistrationStatus.REGISTERED),
                name="registration_one_person_per_seat",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=RegistrationStatus.REGISTERED, seat__isnull=False, seat__gte=1)
                    | (
                        ~models.Q(status=RegistrationStatus.REGISTERED)
                        & models.Q(seat__isnull=True)
                    )
                ),
                name="registration_seat_only_when_registered",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"


class Comment(models.Model):
    """A reply in the discussion under an item; Markdown, sanitised when shown."""

    item = models.ForeignKey(
        Item, verbose_name=_("kennisitem"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reactie op"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    text = models.TextField(_("tekst"), max_length=5000)
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("bewerkt op"), null=True, blank=True)
    hidden = models.BooleanField(_("verborgen door de redactie"), default=False)
    hidden_reason = models.CharField(_("reden van verbergen"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="comment_not_reply_to_itself"
            )
        ]

    def __str__(self):
        return self.text[:60]


class CommentReport(models.Model):
    """A member reports a reply as abusive; editors handle it in the admin."""

    comment = models.ForeignKey(
        Comment, verbose_name=_("reactie"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reden"), max_length=500)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    handled = models.BooleanField(_("afgehandeld"), default=False, db_index=True)

    class Meta:
        verbose_name = _("melding van misbruik")
        verbose_name_plural = _("meldingen van misbruik")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="commentreport_once")
        ]

    def __str__(self):
        return f"{self.comment} ({self.reason[:40]})"
