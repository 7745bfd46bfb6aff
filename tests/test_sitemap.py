"""The XML sitemap: an index of sections that lists the netwerk's pages as well as the
kennisbank's, dated by content (source dates, publication, editors' changes), never by loading."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kennisbank.sitemaps import ItemSitemap
from netwerk.models import Collaboration
from portal.models import Municipality
from tests.factories import EditorFactory, ItemFactory, municipality
from tests.netwerk.factories import SIX, ZEIST, collaboration, small_register

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOST = "http://testserver"


def sections(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    return [
        loc.text.removeprefix(HOST) for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")
    ]


def entries(client):
    """Every address in the sitemap with its lastmod (None when it has none)."""
    found = {}
    for section in sections(client):
        response = client.get(section)
        assert response.status_code == 200, section
        for url in ET.fromstring(response.content).iter(f"{SITEMAP}url"):
            found[url.findtext(f"{SITEMAP}loc").removeprefix(HOST)] = url.findtext(
                f"{SITEMAP}lastmod"
            )
    return found


def test_sitemap_lists_the_netwerk_pages_and_the_modellentool(client):
    register = small_register()
    found = entries(client)
    municipalities = Municipality.objects.current()
    assert municipalities.count() > 300
    for m in municipalities:
        assert m.get_network_url() in found
    for c in register.values():
        assert c.get_absolute_url() in found
    zeist = municipality(ZEIST)
    for kind, code in (
        ("provincie", zeist.province),
        ("corop", zeist.corop_code),
        ("veiligheidsregio", zeist.safety_region_code),
    ):
        assert reverse("netwerk:region", args=[kind, code]) in found
    assert reverse("netwerk:country") in found
    for name in ("modellentool:start", "netwerk:index", "netwerk:map", "contact", "privacy"):
        assert reverse(name) in found
    assert reverse("accessibility") in found and reverse("netwerk:sources") in found


def test_lastmod_is_the_content_date_not_the_moment_of_loading(client):
    item = ItemFactory(published_on=dt.date(2020, 3, 1))  # published_at: today, as on loading
    source_dated = collaboration(
        "Belastingsamenwerking Proef",
        "belastingen-en-woz",
        None,
        [ZEIST],
        source_date=dt.date(2019, 5, 1),
    )
    older = collaboration("Afvalproef", "afval", None, SIX, source_date=dt.date(2016, 1, 1))
    found = entries(client)
    assert found[item.get_absolute_url()] == "2020-03-01"
    assert found[source_dated.get_absolute_url()] == "2019-05-01"
    # A municipality's page: the newest of its collaborations.
    assert found[municipality(ZEIST).get_network_url()] == "2019-05-01"

    # An editor's change is content too: it dates the page from then on.
    editor = EditorFactory()
    older = Collaboration.objects.get(pk=older.pk)
    older.name = "Afvalproef (hernoemd)"
    older._history_user = editor
    older.save()
    item.title = "Nieuwe titel"
    item._history_user = editor
    item.save()
    today = timezone.localdate().isoformat()
    found = entries(client)
    assert found[older.get_absolute_url()] == today
    assert found[item.get_absolute_url()] == today


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_sitemap_costs_the_same_number_of_queries_for_many_rows(client):
    small_register()
    ItemFactory()
    urls = [reverse("sitemap"), *sections(client)]
    few = {url: count_queries(client, url) for url in urls}
    for n in range(60):
        ItemFactory()
        collaboration(
            f"Verband {n}",
            "afval",
            None,
            SIX[: 1 + n % 6],
            source_date=dt.date(2020, 1, 1 + n % 28),
        )
    many = {url: count_queries(client, url) for url in urls}
    assert few == many
    assert max(many.values()) <= 10


def test_a_section_over_the_limit_is_split_into_pages(client, monkeypatch):
    monkeypatch.setattr(ItemSitemap, "limit", 2)
    items = [ItemFactory() for _ in range(5)]
    listed = sections(client)
    pages = [
        url for url in listed if url.startswith(reverse("sitemap_section", args=["kennisbank"]))
    ]
    assert len(pages) == 3 and pages[1].endswith("?p=2")
    seen = set()
    for page in pages:
        urls = [loc.text for loc in ET.fromstring(client.get(page).content).iter(f"{SITEMAP}loc")]
        assert len(urls) <= 2
        seen |= {u.removeprefix(HOST) for u in urls}
    assert {i.get_absolute_url() for i in items} <= seen


@pytest.mark.django_db
def test_the_readable_overview_links_only_to_pages_that_answer(client):
    html = client.get(reverse("sitemap_page")).content.decode()
    links = set(re.findall(r'<a class="utrecht-link" href="([^"#]+)"', html))
    assert reverse("developers") in links
    answers = {url: client.get(url) for url in links}
    # A page for members sends an anonymous visitor to the login; nothing else may not answer.
    broken = {
        url: r.status_code
        for url, r in answers.items()
        if r.status_code != 200 and not (r.status_code == 302 and "inloggen" in r["Location"])
    }
    assert broken == {}
