"""Hand-made collaborations between real municipalities (loaded by migration) for page tests."""

import itertools

import factory

from netwerk.models import Collaboration, Membership
from tests.factories import collaboration_model, municipality

_serial = itertools.count()


class CollaborationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaboration
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Samenwerkingsverband {n}")
    slug = factory.Sequence(lambda n: f"samenwerkingsverband-{n}")
    domain = "afval"

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            Membership.objects.bulk_create(
                Membership(collaboration=self, municipality=municipality(code))
                for code in extracted
            )


def collaboration(name, domain, form_key, members, **fields):
    return CollaborationFactory(
        name=name,
        slug=f"{name.lower().replace(' ', '-')}-{next(_serial)}",
        domain=domain,
        form=collaboration_model(form_key) if form_key else None,
        members=members,
        **fields,
    )


UTRECHT, ZEIST, DE_BILT, BUNNIK, HOUTEN, NIEUWEGEIN = (
    "GM0344",
    "GM0355",
    "GM0310",
    "GM0312",
    "GM0321",
    "GM0356",
)
SIX = [UTRECHT, ZEIST, DE_BILT, BUNNIK, HOUTEN, NIEUWEGEIN]


def small_register() -> dict[str, Collaboration]:
    """Four collaborations among six municipalities around Utrecht, answers known by hand.

    Zeist takes part in three active ones (veiligheid, belastingen, afval) with three different
    groups of partners; two of the three have a heavy form (openbaar lichaam 7, BVO 5).
    """
    return {
        "vr": collaboration("Veiligheidsregio Proef", "veiligheid", "openbaar_lichaam", SIX),
        "tax": collaboration(
            "Belastingen Heuvelrug Proef",
            "belastingen-en-woz",
            "bedrijfsvoeringsorganisatie",
            [ZEIST, DE_BILT, BUNNIK],
        ),
        "waste": collaboration("Afvalconvenant Proef", "afval", "convenant", [UTRECHT, ZEIST]),
        "ended": collaboration("Oude Regeling Proef", "afval", None, [UTRECHT, ZEIST], ended=True),
    }
