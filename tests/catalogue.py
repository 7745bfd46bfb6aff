"""One published example of every public page type, for HTML and accessibility checks."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import ItemType
from tests.factories import (
    DossierEntryFactory,
    DossierFactory,
    EventFactory,
    ItemFactory,
    collaboration_model,
    municipality,
    theme,
)


def make_catalogue() -> dict[str, str]:
    """Creates the items and returns {page name: URL}."""
    leiden, landgraaf = municipality("GM0546"), municipality("GM0882")
    tax = theme("belastingen-en-woz")
    original = ItemFactory(
        title="Belastingen samen innen in Holland Rijnland",
        summary="Leiden int de gemeentelijke belastingen ook voor de buurgemeenten.",
        body="## Aanpak\n\nEen **centrumgemeente** voert de heffing uit.\n\n- WOZ\n- OZB",
        outcomes="Twintig procent lagere perceptiekosten.",
        what_went_wrong="De koppeling van de systemen kostte een jaar.",
        themes=[tax],
        municipalities=[leiden],
        collaboration_model=collaboration_model("centrumgemeente"),
        task_type="uitvoering",
        motives=["kosten", "kwetsbaarheid"],
        contact_name="A. de Vries",
        contact_organisation="Gemeente Leiden",
        contact_email="a.devries@example.org",
        tags=["belastingen", "woz"],
    )
    adopter = ItemFactory(
        title="Landgraaf neemt de belastingaanpak van Leiden over",
        summary="Landgraaf kopieerde de werkwijze van Leiden.",
        adopted_from=original,
        themes=[tax],
        municipalities=[landgraaf],
    )
    research = ItemFactory(
        type=ItemType.RESEARCH,
        title="Onderzoek naar gemeenschappelijke regelingen",
        summary="Hoe gemeenten hun GR'en inrichten.",
        themes=[theme("bestuur-en-samenwerking")],
    )
    lesson = ItemFactory(
        type=ItemType.LESSON,
        title="Les: begin klein met samenwerking",
        summary="Start met taken die weinig gevoelig liggen.",
    )
    dossier = DossierFactory(
        title="Dossier belastingsamenwerking", summary="Alles over samen heffen en innen."
    )
    DossierEntryFactory(dossier=dossier, item=original, order=1)
    DossierEntryFactory(dossier=dossier, item=research, order=2)
    event = EventFactory(
        title="Masterclass bedrijfsvoeringsorganisatie",
        summary="Een middag over de BVO.",
        event_kind="masterclass",
    )
    EventFactory(
        title="Terugblik: congres samenwerking 2024",
        starts_at=timezone.now() - dt.timedelta(days=400),
        ends_at=timezone.now() - dt.timedelta(days=400) + dt.timedelta(hours=4),
    )
    search = reverse("kennisbank:search")
    return {
        "home": reverse("home"),
        "zoeken": search + "?q=belastingen",
        "zoeken-gefilterd": reverse("kennisbank:search")
        + "?q=samenwerking&thema=belastingen-en-woz",
        "zoeken-leeg": search + "?q=xyzzyplugh",
        "praktijkvoorbeeld": original.get_absolute_url(),
        "overgenomen-praktijkvoorbeeld": adopter.get_absolute_url(),
        "onderzoek": research.get_absolute_url(),
        "praktijkles": lesson.get_absolute_url(),
        "themadossier": dossier.get_absolute_url(),
        "bijeenkomst": event.get_absolute_url(),
        "dossiers": reverse("kennisbank:dossiers"),
        "bijeenkomsten": reverse("kennisbank:events"),
        "meest-overgenomen": reverse("kennisbank:most_adopted"),
    }
