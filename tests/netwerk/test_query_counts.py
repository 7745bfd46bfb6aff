"""Every netwerkregie page and API call runs the same number of queries as the register grows."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netwerk.models import Collaboration, Membership, Organisation
from portal.models import CollaborationModel, DataSource, Municipality
from tests.factories import ItemFactory, municipality
from tests.netwerk.factories import ZEIST

pytestmark = pytest.mark.django_db

_serial = itertools.count()


def grow(n_collaborations=300, members_each=12):
    """Hundreds of collaborations around Zeist and across the country, with organisations."""
    municipalities = list(Municipality.objects.order_by("code"))
    forms = list(CollaborationModel.objects.all())
    zeist = municipality(ZEIST)
    province = Organisation.objects.create(
        name=f"Provincie Proef {next(_serial)}", kind="provincie"
    )
    collaborations = Collaboration.objects.bulk_create(
        Collaboration(
            name=f"Groeiverband {i} {next(_serial)}",
            slug=f"groeiverband-{i}-{next(_serial)}",
            domain=["afval", "jeugd", "veiligheid", "economie"][i % 4],
            form=forms[i % len(forms)] if i % 3 else None,
            ended=i % 10 == 0,
        )
        for i in range(n_collaborations)
    )
    members = []
    for i, collaboration in enumerate(collaborations):
        chosen = {municipalities[(i * 7 + k * 13) % 342] for k in range(members_each)} | {zeist}
        members += [Membership(collaboration=collaboration, municipality=m) for m in chosen]
        members.append(Membership(collaboration=collaboration, organisation=province))
    Membership.objects.bulk_create(members)
    for n in range(8):
        DataSource.objects.get_or_create(
            key=f"bron-{n}",
            defaults={
                "title": f"Bron {n}",
                "publisher": "CBS",
                "licence": "CC-BY 4.0",
                "reference_date": "2020-01-01",
            },
        )
    for _ in range(15):
        ItemFactory(municipalities=[zeist])


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches so only the page counts
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def assert_constant(client, url, *, at_most):
    small = count_queries(client, url)
    grow()
    large = count_queries(client, url)
    assert small == large, f"{url}: {small} queries with few rows, {large} with many"
    assert large <= at_most, f"{url}: {large} queries"


PAGES = [
    ("index", lambda r: reverse("netwerk:index"), 6),
    ("municipality", lambda r: municipality(ZEIST).get_network_url(), 12),
    ("municipality csv", lambda r: municipality(ZEIST).get_network_url() + "?formaat=csv", 10),
    ("province", lambda r: reverse("netwerk:region", args=["provincie", "utrecht"]), 6),
    ("corop", lambda r: reverse("netwerk:region", args=["corop", "17"]), 6),
    ("safety region", lambda r: reverse("netwerk:region", args=["veiligheidsregio", "VR09"]), 6),
    ("country", lambda r: reverse("netwerk:country"), 6),
    (
        "selection",
        lambda r: reverse("netwerk:selection") + "?gemeente=GM0355&gemeente=GM0344",
        7,
    ),
    ("map", lambda r: reverse("netwerk:map"), 6),
    ("map domain", lambda r: reverse("netwerk:map") + "?maat=domein&domein=afval", 6),
    ("map one", lambda r: reverse("netwerk:map") + f"?maat=verband&verband={r['tax'].slug}", 8),
    ("map by name", lambda r: reverse("netwerk:map") + "?verband=Heuvelrug", 10),
    (
        "partners",
        lambda r: reverse("netwerk:partners") + f"?gemeente={ZEIST}&domein=afval",
        9,
    ),
    ("list", lambda r: reverse("netwerk:collaborations"), 6),
    ("list csv", lambda r: reverse("netwerk:collaborations") + "?formaat=csv", 3),
    ("detail", lambda r: r["tax"].get_absolute_url(), 6),
    ("sources", lambda r: reverse("netwerk:sources"), 2),
    ("api municipalities", lambda r: "/netwerk/api/gemeenten", 2),
    ("api municipality", lambda r: f"/netwerk/api/gemeenten/{ZEIST}", 6),
    ("api its collaborations", lambda r: f"/netwerk/api/gemeenten/{ZEIST}/samenwerkingen", 3),
    ("api collaborations", lambda r: "/netwerk/api/samenwerkingen?limit=500", 3),
    ("api collaboration", lambda r: f"/netwerk/api/samenwerkingen/{r['tax'].slug}", 3),
]


@pytest.mark.parametrize(("name", "url", "at_most"), PAGES, ids=[p[0] for p in PAGES])
def test_constant_queries(client, register, name, url, at_most):
    assert_constant(client, url(register), at_most=at_most)
