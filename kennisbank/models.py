from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models.functions import Mod
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from .constants import TYPE_PATHS, EventKind, ItemType, Motive, Status, TaskType
from .querysets import ItemQuerySet

# Custom text search configuration (migration 0002): Dutch stemming after unaccent.
SEARCH_CONFIG = "nl_unaccent"
# Items fall into this many sample buckets (id modulo); search.py counts facets over a few
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


class Theme(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self):
        return self.name


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
        "netwerk.Municipality", verbose_name=_("gemeenten"), blank=True, related_name="items"
    )
    region = models.CharField(_("regio"), max_length=150, blank=True)
    collaboration_model = models.ForeignKey(
        "modellentool.CollaborationModel",
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

    # Themadossier
    featured = models.BooleanField(_("uitgelicht"), default=False)

    # Bijeenkomst
    event_kind = models.CharField(
        _("soort bijeenkomst"), max_length=20, choices=EventKind.choices, blank=True
    )
    starts_at = models.DateTimeField(_("begint om"), null=True, blank=True, db_index=True)
    ends_at = models.DateTimeField(_("eindigt om"), null=True, blank=True)
    location = models.CharField(_("locatie"), max_length=250, blank=True)

    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    # Derived, kept in step by services.item_refresh_facets(): one token per facet value
    # ("t:3", "p:utrecht", "y:2019"), so filters and facet counts use one GIN index.
    facets = ArrayField(models.CharField(max_length=40), default=list, editable=False)
    search_vector = models.GeneratedField(
        expression=(
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("body", weight="C", config=SEARCH_CONFIG)
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Title and summary only: small enough to stay in the table row, so search.py can rank the
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
        excluded_fields=["search_vector", "head_vector", "facets"], m2m_fields=[themes]
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
