"""The map page stays light for a phone: simplified outlines, compressed HTML."""

import pytest
from django.urls import reverse

from netwerk.register.topo import _simplify, netherlands


def test_simplifying_keeps_every_municipality_and_the_map_light_for_a_phone():
    geo = netherlands()
    # Every municipality, even the smallest, keeps a drawable outline.
    assert all(shape.path.count(" ") >= 2 for shape in geo.shapes.values())
    # The path data (the bulk of the map page) stays small: it was 118 kB before simplifying.
    assert sum(len(shape.path) for shape in geo.shapes.values()) < 60_000


def test_simplification_keeps_the_ends_of_an_arc_so_neighbours_still_meet():
    wiggly = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
    assert _simplify(wiggly, 0.5) == [(0.0, 0.0), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
    assert _simplify(wiggly, 10) == [(0.0, 0.0), (4.0, 0.0)]


@pytest.mark.django_db
def test_the_map_page_is_sent_compressed(client):
    response = client.get(reverse("netwerk:map"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < 60_000


@pytest.mark.django_db
def test_the_table_of_the_map_is_one_link_away_and_keeps_the_choice(client):
    url = reverse("netwerk:map") + "?maat=domein&domein=afval"
    html = client.get(url).content.decode()
    assert html.count("<path ") == 342
    assert 'href="?maat=domein&amp;domein=afval&amp;weergave=tabel"' in html
    assert 'id="map-table"' not in html  # not on the map page: it slowed a phone's first paint

    table = client.get(url + "&weergave=tabel").content.decode()
    assert "<path " not in table
    assert table.count('<th class="utrecht-table__header-cell" scope="row">') == 342
    assert 'href="?maat=domein&amp;domein=afval">Terug naar de kaart' in table
