"""Vocabularies every app shares (one copy each): provinces, task types, motives, and the member
settings that travel with member identity. Stored values are Dutch keys; labels go through gettext.
"""

from django.db import models
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


class TaskType(models.TextChoices):
    EXECUTION = "uitvoering", _("Uitvoering")
    OPERATIONS = "bedrijfsvoering", _("Bedrijfsvoering")
    SERVICE = "dienstverlening", _("Dienstverlening")
    POLICY = "beleid", _("Beleid")


class Motive(models.TextChoices):
    VULNERABILITY = "kwetsbaarheid", _("Kwetsbaarheid")
    QUALITY = "kwaliteit", _("Kwaliteit")
    COSTS = "kosten", _("Kosten")
    GOVERNANCE = "bestuurskracht", _("Bestuurskracht")


class Visibility(models.TextChoices):
    """Who sees a member's profile; opt-in, hidden until the member chooses otherwise."""

    HIDDEN = "verborgen", _("Verborgen: alleen voor mijzelf")
    MEMBERS = "leden", _("Zichtbaar voor ingelogde leden")
    PUBLIC = "openbaar", _("Openbaar: naam, organisatie en expertise")


class DigestFrequency(models.TextChoices):
    NEVER = "nooit", _("Geen e-mail")
    DAILY = "dagelijks", _("Dagelijks")
    WEEKLY = "wekelijks", _("Wekelijks")
