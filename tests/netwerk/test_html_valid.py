"""Every netwerkregie page type is valid HTML (Nu Html Checker)."""

import pytest
from django.urls import reverse

from portal.models import DataSource
from tests.factories import ItemFactory, municipality
from tests.html import validate_html
from tests.netwerk.factories import ZEIST

pytestmark = pytest.mark.django_db


def test_every_netwerk_page_type_is_valid_html(client, member, register):
    ItemFactory(title="Zeist & de buren", municipalities=[municipality(ZEIST)])
    DataSource.objects.create(
        key="opengr-2016",
        title="OpenGR",
        publisher="Open State Foundation",
        licence="ODC-PDDL-1.0",
        reference_date="2016-03-07",
        report={
            "files": [
                {
                    "file": "gr.csv",
                    "rows": 3,
                    "loaded": 2,
                    "not_loaded": {"gemeente is opgesplitst": 1},
                    "examples": {"gemeente is opgesplitst": ["Haaren"]},
                }
            ]
        },
    )
    tax = register["tax"]
    pages = {
        "overzicht": (reverse("netwerk:index"), 200),
        "gemeente": (municipality(ZEIST).get_network_url(), 200),
        "provincie": (reverse("netwerk:region", args=["provincie", "utrecht"]), 200),
        "nederland": (reverse("netwerk:country"), 200),
        "selectie-formulier": (reverse("netwerk:selection"), 200),
        "selectie": (reverse("netwerk:selection") + "?gemeente=GM0355&gemeente=GM0310", 200),
        "selectie-fout": (reverse("netwerk:selection") + "?gemeente=GM0355", 400),
        # Utrecht and Amsterdam lie in two COROP areas: the picture is drawn in groups.
        "selectie-groepen": (
            reverse("netwerk:selection") + "?gemeente=GM0355&gemeente=GM0310&gemeente=GM0363",
            200,
        ),
        "kaart": (reverse("netwerk:map"), 200),
        "kaart-domein": (reverse("netwerk:map") + "?maat=domein&domein=afval", 200),
        "kaart-verband": (reverse("netwerk:map") + f"?maat=verband&verband={tax.slug}", 200),
        "kaart-fout": (reverse("netwerk:map") + "?maat=domein", 400),
        "partners-formulier": (reverse("netwerk:partners"), 200),
        "partners": (reverse("netwerk:partners") + f"?gemeente={ZEIST}&domein=afval", 200),
        "lijst": (reverse("netwerk:collaborations"), 200),
        "verband": (tax.get_absolute_url(), 200),
        "bronnen": (reverse("netwerk:sources"), 200),
        "api": (reverse("netwerk:api_page"), 200),
        "niet-gevonden": ("/netwerk/gemeenten/atlantis/", 404),
    }
    documents = {}
    for name, (url, status) in pages.items():
        response = client.get(url)
        assert response.status_code == status, f"{name}: {url} gaf {response.status_code}"
        documents[name] = response.content.decode()
    client.force_login(member)
    for name, url in {
        "voorstel-correctie": reverse("netwerk:suggest_change", args=[tax.slug]),
        "voorstel-nieuw": reverse("netwerk:suggest_new"),
    }.items():
        response = client.get(url)
        assert response.status_code == 200
        documents[name] = response.content.decode()
    assert validate_html(documents) == {}
