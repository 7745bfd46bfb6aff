from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemType(models.TextChoices):
    RESEARCH = "onderzoek", _("Onderzoek")
    PRACTICE = "praktijkvoorbeeld", _("Praktijkvoorbeeld")
    LESSON = "praktijkles", _("Praktijkles")
    DOSSIER = "themadossier", _("Themadossier")
    EVENT = "bijeenkomst", _("Bijeenkomst")


# URL path segment per type: readable Dutch plurals.
TYPE_PATHS = {
    ItemType.RESEARCH: "onderzoek",
    ItemType.PRACTICE: "praktijkvoorbeelden",
    ItemType.LESSON: "praktijklessen",
    ItemType.DOSSIER: "dossiers",
    ItemType.EVENT: "bijeenkomsten",
}


class Status(models.TextChoices):
    DRAFT = "draft", _("Concept")
    IN_REVIEW = "in_review", _("Ter beoordeling")
    PUBLISHED = "published", _("Gepubliceerd")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class EventKind(models.TextChoices):
    MEETING = "bijeenkomst", _("Bijeenkomst")
    MASTERCLASS = "masterclass", _("Masterclass")
    CONGRESS = "congres", _("Congres")
    TRAINING = "training", _("Training")


class EvidenceLevel(models.TextChoices):
    """How well a practice's effect is known; set by editors, a search facet."""

    DESCRIBED = "beschreven", _("Beschreven")
    SUBSTANTIATED = "onderbouwd", _("Onderbouwd")
    MEASURED = "effect_gemeten", _("Effect gemeten")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Aangemeld")
    WAITING = "waiting", _("Op de wachtlijst")
    CANCELLED = "cancelled", _("Afgemeld")


# Prefixes of the denormalised facet tokens on Item.facets (see kennisbank/search/).
FACET_PREFIX = {
    "type": "k",
    "theme": "t",
    "province": "p",
    "municipality": "m",
    "model": "c",
    "task_type": "tt",
    "motive": "mo",
    "year": "y",
    "evidence": "e",
}
