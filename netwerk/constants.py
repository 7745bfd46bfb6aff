"""Choices of the netwerkregie register.

The domain keys equal the kennisbank theme slugs where a theme exists, so a page can link to the
kennisbank search for the same subject without netwerk importing kennisbank. The values must stay in
step with netwerk/register/opendata/classify.py (a pure module that cannot import these choices; a
test checks).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Domain(models.TextChoices):
    SOCIAL = "sociaal-domein", _("Sociaal domein")
    YOUTH = "jeugd", _("Jeugd")
    WORK = "werk-en-inkomen", _("Werk en inkomen")
    DEBT = "schuldhulpverlening", _("Schuldhulpverlening")
    HEALTH = "publieke-gezondheid", _("Publieke gezondheid")
    SAFETY = "veiligheid", _("Veiligheid")
    ENVIRONMENT = "omgeving-en-milieu", _("Omgeving en milieu")
    WASTE = "afval", _("Afval en reiniging")
    ENERGY = "klimaat-en-energie", _("Klimaat en energie")
    EDUCATION = "onderwijs", _("Onderwijs en leerplicht")
    OPERATIONS = "bedrijfsvoering", _("Bedrijfsvoering en ICT")
    TAXES = "belastingen-en-woz", _("Belastingen en WOZ")
    ECONOMY = "economie", _("Economie en bedrijventerreinen")
    RECREATION = "recreatie-en-natuur", _("Recreatie en natuur")
    HERITAGE = "cultuur-en-erfgoed", _("Cultuur, archief en erfgoed")
    MOBILITY = "mobiliteit", _("Mobiliteit en bereikbaarheid")
    HOUSING = "wonen", _("Wonen")
    GOVERNANCE = "bestuur-en-samenwerking", _("Bestuur en regionale samenwerking")
    OTHER = "overig", _("Overig")


# Domains that are also kennisbank themes (same slug): the pages link to the kennisbank for them.
KENNISBANK_THEME_DOMAINS = frozenset(
    {
        "sociaal-domein",
        "jeugd",
        "werk-en-inkomen",
        "schuldhulpverlening",
        "bedrijfsvoering",
        "belastingen-en-woz",
        "omgeving-en-milieu",
        "veiligheid",
        "wonen",
        "klimaat-en-energie",
        "economie",
        "bestuur-en-samenwerking",
    }
)


class FormBasis(models.TextChoices):
    """Where the form of a collaboration comes from: how far it can be trusted."""

    SOURCE = "bron", _("vermeld in de bron")
    LAW = "wet", _("voorgeschreven door de wet")
    KIND = "soort", _("afgeleid uit het soort samenwerking")
    NAME = "naam", _("afgeleid uit de naam")
    EDITOR = "redactie", _("vastgesteld door de redactie")


class Role(models.TextChoices):
    PARTICIPANT = "deelnemer", _("Deelnemer")
    CENTRE = "centrumgemeente", _("Centrumgemeente")


class OrganisationKind(models.TextChoices):
    PROVINCE = "provincie", _("Provincie")
    WATER_BOARD = "waterschap", _("Waterschap")
    STATE = "rijk", _("Rijk")
    FOREIGN = "buitenland", _("Buitenlandse overheid")
    COLLABORATION = "samenwerkingsverband", _("Ander samenwerkingsverband")
    PRIVATE = "privaat", _("Privaatrechtelijke organisatie")
    OTHER = "overig", _("Overig")


class RegionKind(models.TextChoices):
    """The regions a visitor can pick for the region view (URL segment → label)."""

    PROVINCE = "provincie", _("Provincie")
    COROP = "corop", _("COROP-gebied")
    SAFETY_REGION = "veiligheidsregio", _("Veiligheidsregio")
    COUNTRY = "nederland", _("Heel Nederland")
    SELECTION = "selectie", _("Eigen selectie")


class SuggestionStatus(models.TextChoices):
    NEW = "nieuw", _("Nieuw")
    ACCEPTED = "overgenomen", _("Overgenomen")
    REJECTED = "afgewezen", _("Afgewezen")


class Urgency(models.TextChoices):
    LOW = "laag", _("Geen haast")
    NORMAL = "normaal", _("Binnen een paar weken")
    HIGH = "hoog", _("Deze week")


class RequestStatus(models.TextChoices):
    PENDING = "open", _("Wacht op antwoord")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    DECLINED = "afgewezen", _("Afgewezen")


class FollowKind(models.TextChoices):
    THEME = "thema", _("Thema")
    DOSSIER = "dossier", _("Themadossier")
    MUNICIPALITY = "gemeente", _("Gemeente")
    DISCUSSION = "discussie", _("Discussie")
