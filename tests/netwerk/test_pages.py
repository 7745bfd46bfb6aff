"""What an official sees on the netwerkregie pages, on a small register with known answers."""

import csv
import io

import pytest
from django.urls import reverse

from kennisbank.constants import Status
from portal.models import DataSource, Municipality
from tests.factories import ItemFactory, municipality
from tests.netwerk.factories import BUNNIK, DE_BILT, SIX, UTRECHT, ZEIST, collaboration

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def zeist_url():
    return municipality(ZEIST).get_network_url()


def test_municipality_page_groups_collaborations_by_domain_and_shows_partners(client, register):
    response = client.get(zeist_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samenwerkingen van Zeist" in html
    for domain in ("Veiligheid", "Belastingen en WOZ", "Afval en reiniging"):
        assert f">{domain} <span" in html
    # Partners of the tax arrangement are linked; the form is named.
    assert 'href="/netwerk/gemeenten/de-bilt/">De Bilt</a>' in html
    assert "Bedrijfsvoeringsorganisatie (BVO)" in html
    # The ended arrangement is only in the "beëindigd" part.
    main, ended = html.split('id="ended-title"')
    assert "Oude Regeling Proef" not in main and "Oude Regeling Proef" in ended


def test_municipality_page_shows_bestuurlijke_drukte_with_comparison(client, register):
    html = client.get(zeist_url()).content.decode()
    assert 'data-measure="arrangements">3<' in html
    assert 'data-measure="partner_sets">3<' in html  # all six, three of them, and Utrecht
    assert 'data-measure="heavy_share">67%<' in html  # openbaar lichaam and BVO of three known
    assert "20 gemeenten die qua inwonertal het meest op Zeist lijken" in html


def test_municipality_page_lists_only_published_kennisbank_items(client, register):
    ItemFactory(title="Zeist deelt de belastingheffing", municipalities=[municipality(ZEIST)])
    ItemFactory(
        title="Concept over Zeist", status=Status.DRAFT, municipalities=[municipality(ZEIST)]
    )
    html = client.get(zeist_url()).content.decode()
    assert "Zeist deelt de belastingheffing" in html
    assert "Concept over Zeist" not in html


def test_municipality_csv_has_one_row_per_active_collaboration(client, register):
    rows = read_csv(client.get(zeist_url() + "?formaat=csv"))
    assert rows[0][:3] == ["samenwerkingsverband", "domein", "vorm"]
    assert sorted(r[0] for r in rows[1:]) == [
        "Afvalconvenant Proef",
        "Belastingen Heuvelrug Proef",
        "Veiligheidsregio Proef",
    ]


@pytest.mark.parametrize("kind", ["provincie", "corop", "veiligheidsregio"])
def test_region_views_show_matrix_and_network(client, register, kind):
    zeist = municipality(ZEIST)
    code = {
        "provincie": zeist.province,
        "corop": zeist.corop_code,
        "veiligheidsregio": zeist.safety_region_code,
    }[kind]
    response = client.get(reverse("netwerk:region", args=[kind, code]))
    assert response.status_code == 200
    html = response.content.decode()
    field = {"provincie": "province", "corop": "corop_code"}.get(kind, "safety_region_code")
    region_size = Municipality.objects.filter(**{field: code}).count()
    assert html.count('class="network__node"') == region_size
    assert 'href="/netwerk/gemeenten/zeist/"' in html
    # The matrix CSV has a row per municipality and Zeist's counts per domain.
    rows = read_csv(client.get(reverse("netwerk:region", args=[kind, code]) + "?formaat=csv"))
    header, body = rows[0], {r[1]: r for r in rows[1:]}
    assert len(body) == region_size
    zeist_row = dict(zip(header, body["Zeist"], strict=True))
    assert zeist_row["Veiligheid"] == "1" and zeist_row["Afval en reiniging"] == "1"
    assert zeist_row["totaal"] == "3"


def test_custom_selection_draws_shared_arrangements_and_sets_apart_the_region_wide(
    client, register
):
    query = "&".join(f"gemeente={code}" for code in SIX)
    url = reverse("netwerk:selection") + "?" + query
    html = client.get(url).content.decode()
    assert "Eigen selectie van 6 gemeenten" in html
    # The safety region holds all six: listed apart, not drawn as an edge.
    assert "1 regiobreed verband" in html and "Veiligheidsregio Proef" in html
    edges = read_csv(client.get(url + "&formaat=csv&tabel=verbindingen"))
    pairs = {frozenset(r[:2]): int(r[2]) for r in edges[1:]}
    assert pairs == {
        frozenset({"Zeist", "De Bilt"}): 1,
        frozenset({"Zeist", "Bunnik"}): 1,
        frozenset({"De Bilt", "Bunnik"}): 1,
        frozenset({"Utrecht", "Zeist"}): 1,
    }


def test_a_region_of_several_corop_areas_is_drawn_per_area(client, register):
    # Amsterdam (Groot-Amsterdam) and Zeist, De Bilt (Utrecht): two areas, each a named group.
    collaboration("Amsterdam en Zeist", "afval", "convenant", ["GM0363", ZEIST])
    url = reverse("netwerk:selection") + f"?gemeente={ZEIST}&gemeente={DE_BILT}&gemeente=GM0363"
    html = client.get(url).content.decode()
    assert 'aria-label="COROP-gebied Groot-Amsterdam: 1 gemeente"' in html
    assert 'aria-label="COROP-gebied Utrecht: 2 gemeenten"' in html
    assert html.count('class="network__group-label"') == 2
    # The table says which areas each pair spans.
    assert '<th class="utrecht-table__header-cell" scope="col">COROP-gebied</th>' in html
    assert '<td class="utrecht-table__cell">Utrecht</td>' in html  # Zeist and De Bilt
    assert "Groot-Amsterdam en Utrecht" in html or "Utrecht en Groot-Amsterdam" in html
    # One area only: no groups.
    one = client.get(reverse("netwerk:selection") + f"?gemeente={ZEIST}&gemeente={DE_BILT}")
    assert "network__group-label" not in one.content.decode()


def test_the_whole_country_is_a_region_too(client, register):
    response = client.get(reverse("netwerk:country"))
    assert response.status_code == 200
    html = response.content.decode()
    # The picture shows the 40 COROP areas (each a link to its area); the table all 342.
    assert html.count('class="network__node"') == 40
    assert html.count('href="/netwerk/regio/corop/') >= 40
    assert html.count('<th class="utrecht-table__header-cell" scope="row"><a') == 342


def test_map_shades_by_number_of_arrangements_and_has_a_text_legend(client, register):
    response = client.get(reverse("netwerk:map"))
    html = response.content.decode()
    assert html.count("<path class=") == 342
    assert "Legenda" in html and "Hoe donkerder, hoe meer samenwerkingsverbanden." in html
    # The "by name" box suggests the register's collaborations while one types.
    assert '<option value="Belastingen Heuvelrug Proef"></option>' in html
    rows = {r[1]: r[2] for r in read_csv(client.get(reverse("netwerk:map") + "?formaat=csv"))[1:]}
    assert (rows["Zeist"], rows["Utrecht"], rows["Houten"], rows["Leiden"]) == ("3", "2", "1", "0")


def test_map_for_one_domain_and_for_one_collaboration(client, register):
    url = reverse("netwerk:map")
    rows = read_csv(client.get(url + "?maat=domein&domein=afval&formaat=csv"))
    values = {r[1]: r[2] for r in rows[1:]}
    assert (values["Zeist"], values["Utrecht"], values["Bunnik"]) == ("1", "1", "0")
    slug = register["tax"].slug
    html = client.get(f"{url}?maat=verband&verband={slug}").content.decode()
    assert "Gemeenten die deelnemen aan Belastingen Heuvelrug Proef" in html
    assert "deelnemer" in html
    rows = read_csv(client.get(f"{url}?maat=verband&verband={slug}&formaat=csv"))
    assert {r[1] for r in rows[1:] if r[2] == "1"} == {"Zeist", "De Bilt", "Bunnik"}


def test_partner_finder_shows_existing_tax_partners_apart_from_new_ones(client, register):
    url = reverse("netwerk:partners") + f"?gemeente={ZEIST}&domein=belastingen-en-woz"
    html = client.get(url).content.decode()
    assert "Waar Zeist al samenwerkt op Belastingen en WOZ" in html
    assert "Nieuwe partners voor Zeist op Belastingen en WOZ" in html
    assert html.count(">Belastingen Heuvelrug Proef</a>") == 1
    rows = read_csv(client.get(url + "&formaat=csv"))
    together = {r[2] for r in rows[1:] if r[0] == "al samen in dit domein"}
    new = [r[2] for r in rows[1:] if r[0] == "nieuwe kandidaat"]
    assert together == {"De Bilt", "Bunnik"}
    assert not together & set(new)
    # Utrecht and Houten share the safety region with Zeist but no tax body: new candidates.
    assert {"Utrecht", "Houten"} <= set(new)
    assert "buurgemeente" in html


def test_collaboration_list_filters_and_hides_ended_by_default(client, register):
    url = reverse("netwerk:collaborations")
    html = client.get(url + "?domein=afval").content.decode()
    assert "Afvalconvenant Proef" in html and "Oude Regeling Proef" not in html
    html = client.get(url + "?domein=afval&beeindigd=on").content.decode()
    assert "Oude Regeling Proef" in html
    rows = read_csv(client.get(url + f"?gemeente={BUNNIK}&formaat=csv"))
    assert sorted(r[0] for r in rows[1:]) == [
        "Belastingen Heuvelrug Proef",
        "Veiligheidsregio Proef",
    ]


def test_collaboration_detail_lists_members_form_and_source(client, register):
    tax = register["tax"]
    html = client.get(tax.get_absolute_url()).content.decode()
    assert "3 deelnemende gemeenten" in html
    assert "Bedrijfsvoeringsorganisatie (BVO)" in html
    rows = read_csv(client.get(tax.get_absolute_url() + "?formaat=csv"))
    assert sorted(r[1] for r in rows[1:]) == sorted([ZEIST, DE_BILT, BUNNIK])
    assert UTRECHT not in {r[1] for r in rows[1:]}


def test_pages_say_how_old_the_data_is(client, register):
    DataSource.objects.create(
        key="opengr-2016",
        title="OpenGR",
        publisher="Open State Foundation",
        licence="ODC-PDDL-1.0",
        reference_date="2016-03-07",
        report={
            "files": [
                {
                    "file": "x.csv",
                    "rows": 3,
                    "loaded": 2,
                    "not_loaded": {"gemeente is opgesplitst": 1},
                    "examples": {"gemeente is opgesplitst": ["Haaren"]},
                }
            ]
        },
    )
    for url in (zeist_url(), reverse("netwerk:map"), reverse("netwerk:country")):
        html = client.get(url).content.decode()
        assert "Hoe oud zijn deze gegevens?" in html
        assert "peildata van maart 2016" in html
    sources = client.get(reverse("netwerk:sources")).content.decode()
    assert "gemeente is opgesplitst" in sources and "Haaren" in sources


def test_header_links_to_the_netwerkregie(client):
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("netwerk:index")}"' in html
    index = client.get(reverse("netwerk:index")).content.decode()
    assert 'aria-current="page">Samenwerkingen</a>' in index


def test_partner_finder_opens_with_the_municipality_of_the_page_chosen(client, register):
    html = client.get(zeist_url()).content.decode()
    assert f'href="/netwerk/partners/?gemeente={ZEIST}"' in html
    response = client.get(f"/netwerk/partners/?gemeente={ZEIST}")
    assert response.status_code == 200
    assert f'<option value="{ZEIST}" selected>Zeist</option>' in response.content.decode()
