"""The register's CSV downloads: a file name per region and day, and no formulas in the cells."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from tests.factories import municipality
from tests.netwerk.factories import SIX, ZEIST, collaboration

pytestmark = pytest.mark.django_db


def file_name(response):
    assert response["Content-Type"].startswith("text/csv")
    header = response["Content-Disposition"]
    ascii_name = header.split('filename="', 1)[1].split('"', 1)[0]
    assert f"filename*=UTF-8''{ascii_name}" in header
    return ascii_name


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_two_regions_downloads_get_their_own_names_with_the_date(client, register):
    day = timezone.localdate().isoformat()
    zeist = municipality(ZEIST)
    region = reverse("netwerk:region", args=["provincie", zeist.province])
    assert file_name(client.get(region + "?formaat=csv")) == (
        f"gemeenten-per-domein-utrecht-{day}.csv"
    )
    assert file_name(client.get(region + "?formaat=csv&tabel=verbindingen")) == (
        f"verbindingen-utrecht-{day}.csv"
    )
    safety = reverse("netwerk:region", args=["veiligheidsregio", zeist.safety_region_code])
    assert file_name(client.get(safety + "?formaat=csv")) == (
        f"gemeenten-per-domein-veiligheidsregio-{slugify(zeist.safety_region_name)}-{day}.csv"
    )
    corop = reverse("netwerk:region", args=["corop", zeist.corop_code])
    assert file_name(client.get(corop + "?formaat=csv")) == (
        f"gemeenten-per-domein-corop-{slugify(zeist.corop_name)}-{day}.csv"
    )
    country = reverse("netwerk:country")
    assert file_name(client.get(country + "?formaat=csv")) == (
        f"gemeenten-per-domein-nederland-{day}.csv"
    )
    selection = reverse("netwerk:selection") + "?" + "&".join(f"gemeente={c}" for c in SIX)
    assert file_name(client.get(selection + "&formaat=csv")).startswith(
        "gemeenten-per-domein-selectie-"
    )


def test_municipality_map_and_list_downloads_say_what_they_hold(client, register):
    day = timezone.localdate().isoformat()
    zeist = municipality(ZEIST)
    assert file_name(client.get(zeist.get_network_url() + "?formaat=csv")) == (
        f"samenwerkingen-zeist-{day}.csv"
    )
    map_url = reverse("netwerk:map")
    assert file_name(client.get(map_url + "?formaat=csv")) == f"kaart-{day}.csv"
    assert file_name(client.get(map_url + "?maat=domein&domein=afval&formaat=csv")) == (
        f"kaart-afval-{day}.csv"
    )
    listing = reverse("netwerk:collaborations")
    assert file_name(client.get(f"{listing}?gemeente={ZEIST}&formaat=csv")) == (
        f"samenwerkingsverbanden-zeist-{day}.csv"
    )


def test_a_name_that_looks_like_a_formula_is_written_as_text(client, register):
    collaboration('=HYPERLINK("http://x";"klik")', "afval", None, [ZEIST])
    collaboration("@SUM(A1)", "afval", None, [ZEIST])
    names = {r[0] for r in rows(client.get(reverse("netwerk:collaborations") + "?formaat=csv"))}
    assert '\'=HYPERLINK("http://x";"klik")' in names and "'@SUM(A1)" in names
    names = {r[0] for r in rows(client.get(municipality(ZEIST).get_network_url() + "?formaat=csv"))}
    assert "'@SUM(A1)" in names
