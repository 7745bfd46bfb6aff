"""The partner finder: ranked partner municipalities for a domain, with reasons.

Every function here runs a fixed number of queries, however large the register grows: the
pages built on them are checked for that (tests/netwerk/test_query_counts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from netwerk.models import Collaboration
from netwerk.register.regie import (
    Candidate,
    PartnerAdvice,
    Reason,
    partner_advice,
)
from netwerk.register.services.arrangements import active_arrangements, places
from portal.models import Municipality


def _names(names: tuple[str, ...], most: int = 5) -> str:
    return ", ".join(names[:most]) + (" …" if len(names) > most else "")


REASON_TEXTS = {
    "ties": lambda r: (
        ngettext(
            "werkt al met u samen op een ander terrein, in %(n)d samenwerkingsverband: %(names)s",
            "werkt al met u samen op andere terreinen, in %(n)d samenwerkingsverbanden: %(names)s",
            r.count,
        )
        % {"n": r.count, "names": _names(r.names, 3)}
    ),
    "neighbour": lambda r: _("buurgemeente (grenst aan uw gemeente)"),
    "corop": lambda r: _("ligt in hetzelfde COROP-gebied"),
    "safety_region": lambda r: _("hoort bij dezelfde veiligheidsregio"),
    "province": lambda r: _("ligt in dezelfde provincie"),
    "size": lambda r: (
        _("vergelijkbaar in inwonertal (verhouding %(pct)d%%)") % {"pct": round(r.ratio * 100)}
    ),
    "experience": lambda r: (
        ngettext(
            "doet al %(n)d samenwerking in dit domein: %(names)s",
            "doet al %(n)d samenwerkingen in dit domein: %(names)s",
            r.count,
        )
        % {"n": r.count, "names": _names(r.names)}
    ),
}

ROUTE_TEXTS = {
    "light": _lazy(
        "Lichte vorm: een taak of partner toevoegen is een aanpassing van de afspraken."
    ),
    "body": _lazy(
        "Eigen organisatie: een taak toevoegen vraagt een wijziging van de regeling, maar is "
        "lichter dan een nieuw verband oprichten."
    ),
    "unknown": _lazy(
        "Vorm niet bekend in het register: vraag eerst de regeling op; uitbreiden is meestal "
        "lichter dan iets nieuws."
    ),
}


def reason_text(reason: Reason) -> str:
    return REASON_TEXTS[reason.code](reason)


@dataclass(frozen=True)
class RankedPartner:
    candidate: Candidate
    municipality: Municipality
    reasons: list[tuple[str, float]]


@dataclass(frozen=True)
class PartnerPage:
    advice: PartnerAdvice
    together: list  # (Together, Collaboration)
    joinable: list  # (Joinable, Collaboration)
    ranking: list[RankedPartner]
    route_texts: dict


def partner_advice_for(municipality: Municipality, domain: str, limit: int = 15) -> PartnerPage:
    """The two-part advice with rows for the page (four queries however large the register)."""
    everyone = places()
    advice = partner_advice(municipality.code, domain, everyone, active_arrangements(), limit)
    bodies = Collaboration.objects.select_related("form").in_bulk(
        [t.arrangement.id for t in advice.together] + [j.arrangement.id for j in advice.joinable]
    )
    found = Municipality.objects.in_bulk([c.code for c in advice.candidates], field_name="code")
    return PartnerPage(
        advice=advice,
        together=[(t, bodies[t.arrangement.id]) for t in advice.together],
        joinable=[(j, bodies[j.arrangement.id]) for j in advice.joinable],
        ranking=[
            RankedPartner(c, found[c.code], [(reason_text(r), r.points) for r in c.reasons])
            for c in advice.candidates
        ],
        route_texts=ROUTE_TEXTS,
    )
