import datetime as dt
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisbank.constants import ItemType, Status
from kennisbank.models import Item
from kennisbank.services.related import MAX_CHAIN_DEPTH
from tests.factories import (
    DossierEntryFactory,
    DossierFactory,
    EventFactory,
    ItemFactory,
    SourceLinkFactory,
    collaboration_model,
    municipality,
    theme,
)

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def position(page: str, text: str) -> int:
    index = page.find(text)
    assert index >= 0, f"{text!r} staat niet op de pagina"
    return index


def test_home_has_search_box_that_sends_q_to_the_search_page(client):
    page = html(client.get(reverse("home")))
    form = re.search(r'<form class="hero-search"[^>]*>', page).group(0)
    assert f'action="{reverse("kennisbank:search")}"' in form
    assert 'method="get"' in form
    assert 'id="home-search-q" type="search" name="q"' in page
    assert page.count("<h1") == 1


def test_home_shows_newest_items_upcoming_events_featured_dossiers_and_jatprijs(client):
    today = timezone.localdate()
    old = ItemFactory(title="Oude publicatie uit 2015", published_on=dt.date(2015, 1, 1))
    newest = [
        ItemFactory(title=f"Nieuwe publicatie {n}", published_on=today - dt.timedelta(days=n))
        for n in range(6)
    ]
    soon = EventFactory(title="Masterclass regionale samenwerking")
    EventFactory(
        title="Congres van vorig jaar",
        starts_at=timezone.now() - dt.timedelta(days=300),
        ends_at=timezone.now() - dt.timedelta(days=300) + dt.timedelta(hours=2),
        published_on=dt.date(2015, 1, 1),
    )
    featured = DossierFactory(
        title="Dossier jeugdzorg samen inkopen", published_on=dt.date(2014, 1, 1)
    )
    DossierFactory(
        title="Dossier niet uitgelicht", featured=False, published_on=dt.date(2014, 1, 1)
    )
    popular = ItemFactory(
        title="Belastingen samen heffen",
        municipalities=[municipality("GM0546")],
        published_on=dt.date(2014, 1, 1),
    )
    for _ in range(2):
        ItemFactory(adopted_from=popular, published_on=dt.date(2014, 1, 1))

    page = html(client.get(reverse("home")))

    for item in newest:
        assert item.title in page
    assert old.title not in page  # only the six newest
    assert soon.title in page
    assert "Congres van vorig jaar" not in page
    assert featured.title in page
    assert "Dossier niet uitgelicht" not in page
    jatprijs = page[position(page, "De jatprijs") :]
    assert popular.title in jatprijs
    assert "2 keer overgenomen" in jatprijs
    assert "Leiden" in jatprijs
    intro = page[position(page, "Wat u hier vindt") :]
    # Each block is a link to its part of the site.
    for part, url in (
        ("Kennisbank", reverse("kennisbank:search")),
        ("Modellentool", reverse("modellentool:start")),
        ("Netwerk", reverse("netwerk:questions")),
    ):
        assert f'href="{url}">{part}</a></h3>' in intro


def test_practice_detail_shows_every_field_with_search_links(client):
    item = ItemFactory(
        title="Samen belastingen innen in de Hoeksche Waard",
        slug="belastingen-hoeksche-waard",
        summary="Drie gemeenten heffen en innen samen.",
        body="## Aanpak\n\nEen **centrumgemeente** voert de heffing uit.",
        published_on=dt.date(2027, 3, 12),
        themes=[theme("belastingen-en-woz"), theme("bedrijfsvoering")],
        municipalities=[municipality("GM1963"), municipality("GM0546")],
        tags=["woz", "invordering"],
        region="Hoeksche Waard",
        collaboration_model=collaboration_model("centrumgemeente"),
        task_type="uitvoering",
        motives=["kosten", "kwetsbaarheid"],
        outcomes="Twintig procent lagere kosten.",
        what_went_wrong="De systemen koppelen duurde een jaar.",
        contact_name="Anna de Vries",
        contact_organisation="Gemeente Hoeksche Waard",
    )
    SourceLinkFactory(item=item, title="Raadsbesluit", url="https://example.org/besluit")

    page = html(client.get(item.get_absolute_url()))

    assert item.get_absolute_url() == "/kennisbank/praktijkvoorbeelden/belastingen-hoeksche-waard/"
    assert "<h1" in page and page.count("<h1") == 1
    assert "Samen belastingen innen in de Hoeksche Waard</h1>" in page
    assert "Praktijkvoorbeeld" in page
    assert '<time datetime="2027-03-12">12 maart 2027</time>' in page
    assert "Drie gemeenten heffen en innen samen." in page
    assert "<strong>centrumgemeente</strong>" in page  # Markdown rendered
    search = reverse("kennisbank:search")
    assert f'href="{search}?thema=belastingen-en-woz">Belastingen en WOZ</a>' in page
    assert f'href="{search}?gemeente=GM1963">Hoeksche Waard</a>' in page
    assert f'href="{search}?gemeente=GM0546">Leiden</a>' in page
    assert f'href="{search}?vorm=centrumgemeente">' in page
    assert f'href="{search}?taaktype=uitvoering">Uitvoering</a>' in page
    assert f'href="{search}?motief=kosten">Kosten</a>' in page
    assert ">invordering</a>" in page and ">woz</a>" in page
    assert "Wat het opleverde" in page and "Twintig procent lagere kosten." in page
    assert "Wat ging er mis" in page and "De systemen koppelen duurde een jaar." in page
    assert 'href="https://example.org/besluit"' in page and "Raadsbesluit" in page
    assert "Anna de Vries" in page and "Gemeente Hoeksche Waard" in page


def test_body_html_is_sanitised(client):
    item = ItemFactory(
        body='Tekst <script>alert("x")</script> [klik](javascript:alert(1)) <b onclick="x()">b</b>'
    )
    page = html(client.get(item.get_absolute_url()))
    body = page[position(page, "Beschrijving") :]
    assert "<script>alert" not in body
    assert "javascript:" not in body
    assert "onclick" not in body


def test_adoption_chain_is_shown_on_both_pages(client):
    leiden = ItemFactory(title="Loket in Leiden", municipalities=[municipality("GM0546")])
    landgraaf = ItemFactory(
        title="Landgraaf neemt het loket over",
        municipalities=[municipality("GM0882")],
        adopted_from=leiden,
        adoption_note="Landgraaf nam de werkwijze integraal over.",
    )
    haarlem = ItemFactory(
        title="Haarlem volgt", municipalities=[municipality("GM0392")], adopted_from=landgraaf
    )

    newest = html(client.get(haarlem.get_absolute_url()))
    chain = newest[position(newest, "Overgenomen van") :]
    # Nearest ancestor first, then the original, each with its municipality.
    assert position(chain, "Landgraaf neemt het loket over") < position(chain, "Loket in Leiden")
    assert "(Landgraaf)" in chain and "(Leiden)" in chain

    original = html(client.get(leiden.get_absolute_url()))
    adopted_by = original[position(original, "Overgenomen door") :]
    assert "<strong>Landgraaf</strong>" in adopted_by
    assert landgraaf.get_absolute_url() in adopted_by
    assert "Landgraaf nam de werkwijze integraal over." in adopted_by
    assert "Overgenomen van" not in original

    middle = html(client.get(landgraaf.get_absolute_url()))
    assert "Overgenomen van" in middle and "Overgenomen door" in middle
    assert "Haarlem volgt" in middle[position(middle, "Overgenomen door") :]


def test_adoption_cycle_does_not_loop(client):
    first = ItemFactory(title="Eerste voorbeeld")
    second = ItemFactory(title="Tweede voorbeeld", adopted_from=first)
    # Bad data from an old import: the two point at each other.
    Item.objects.filter(pk=first.pk).update(adopted_from=second)

    page = html(client.get(first.get_absolute_url()))
    chain = page[position(page, "Overgenomen van") : position(page, "Overgenomen door")]
    assert chain.count("Tweede voorbeeld") == 1
    assert "Eerste voorbeeld" not in chain


def test_long_adoption_chain_is_cut_off(client):
    previous = ItemFactory(title="Schakel 0")
    for n in range(1, MAX_CHAIN_DEPTH + 5):
        previous = ItemFactory(title=f"Schakel {n}", adopted_from=previous)
    page = html(client.get(previous.get_absolute_url()))
    chain = page[position(page, "Overgenomen van") :]
    assert chain.count('class="chain__item"') == MAX_CHAIN_DEPTH
    assert ">Schakel 0<" not in chain


def test_wrong_type_in_url_redirects_permanently_and_unknown_type_is_404(client):
    item = ItemFactory(type=ItemType.RESEARCH, slug="onderzoek-wgr")
    wrong = reverse("kennisbank:detail", args=["praktijkvoorbeelden", "onderzoek-wgr"])
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == "/kennisbank/onderzoek/onderzoek-wgr/"
    unknown = reverse("kennisbank:detail", args=["kasteel", "onderzoek-wgr"])
    assert client.get(unknown).status_code == 404
    assert client.get(item.get_absolute_url()).status_code == 200


def test_dossier_shows_introduction_and_items_in_editor_order(client):
    dossier = DossierFactory(
        title="Dossier schuldhulp", body="Waarom samen **schulden** aanpakken."
    )
    third = ItemFactory(title="Derde in de tijd, eerste in het dossier")
    first = ItemFactory(title="Eerste in de tijd, tweede in het dossier")
    DossierEntryFactory(dossier=dossier, item=first, order=2)
    DossierEntryFactory(dossier=dossier, item=third, order=1)

    page = html(client.get(dossier.get_absolute_url()))

    assert "Inleiding van de redactie" in page
    assert "<strong>schulden</strong>" in page
    entries = page[position(page, "In dit dossier") :]
    assert position(entries, third.title) < position(entries, first.title)


def test_event_detail_shows_dutch_date_time_location_and_calendar_link(client):
    start = dt.datetime(2027, 3, 12, 13, 30, tzinfo=AMSTERDAM)
    event = EventFactory(
        title="Masterclass netwerkregie",
        event_kind="masterclass",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        location="Stadhuis Utrecht",
    )
    page = html(client.get(event.get_absolute_url()))
    assert "vrijdag 12 maart 2027, 13:30</time>–" in page
    assert ">16:30</time> uur" in page
    assert 'datetime="2027-03-12T13:30:00+0100"' in page
    assert "Masterclass" in page
    assert "Stadhuis Utrecht" in page
    assert "Deze bijeenkomst moet nog plaatsvinden." in page
    ical_url = reverse("kennisbank:event_ical", args=[event.slug])
    assert f'href="{ical_url}"' in page and "Zet in agenda" in page


def test_past_event_says_it_is_over_and_offers_no_calendar_link(client):
    start = timezone.now() - dt.timedelta(days=3)
    event = EventFactory(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    page = html(client.get(event.get_absolute_url()))
    assert "Deze bijeenkomst is voorbij." in page
    assert "Zet in agenda" not in page


def test_events_page_lists_upcoming_and_paginates_past(client):
    now = timezone.now()
    EventFactory(title="Komende training", starts_at=now + dt.timedelta(days=5))
    for n in range(25):
        start = now - dt.timedelta(days=n + 1)
        EventFactory(title=f"Verleden bijeenkomst {n:02d}", starts_at=start, ends_at=start)

    page = html(client.get(reverse("kennisbank:events")))
    upcoming = page[position(page, "Binnenkort") : position(page, "Eerdere bijeenkomsten")]
    past = page[position(page, "Eerdere bijeenkomsten") :]
    assert "Komende training" in upcoming
    assert "Verleden bijeenkomst 00" in past  # most recent first
    assert "Verleden bijeenkomst 24" not in past
    assert "Pagina 1 van 2" in past
    assert 'aria-label="Paginering eerdere bijeenkomsten"' in past

    second = html(client.get(reverse("kennisbank:events"), {"page": 2}))
    assert "Verleden bijeenkomst 24" in second
    assert "Komende training" in second  # upcoming stay on every page


def test_events_page_pages_a_long_agenda_and_keeps_events_under_way(client):
    now = timezone.now()
    for n in range(22):
        EventFactory(title=f"Komend {n:02d}", starts_at=now + dt.timedelta(days=n + 1))
    hour = dt.timedelta(hours=1)
    EventFactory(title="Loopt nog", starts_at=now - hour, ends_at=now + hour)
    EventFactory(title="Net afgelopen", starts_at=now - dt.timedelta(hours=3), ends_at=now)

    page = html(client.get(reverse("kennisbank:events")))
    upcoming = page[position(page, "Binnenkort") : position(page, "Eerdere bijeenkomsten")]
    past = page[position(page, "Eerdere bijeenkomsten") :]
    assert "Loopt nog" in upcoming  # under way counts as upcoming, first by start
    assert "Komend 18" in upcoming and "Komend 19" not in upcoming
    assert 'aria-label="Paginering komende bijeenkomsten"' in upcoming
    assert "?binnenkort=2" in upcoming
    assert "Net afgelopen" in past

    second = html(client.get(reverse("kennisbank:events"), {"binnenkort": 2}))
    upcoming = second[position(second, "Binnenkort") : position(second, "Eerdere bijeenkomsten")]
    assert "Komend 21" in upcoming and "Komend 18" not in upcoming


def test_dossiers_page_lists_dossiers_with_number_of_published_items(client):
    dossier = DossierFactory(title="Dossier wonen")
    for status in (Status.PUBLISHED, Status.PUBLISHED, Status.DRAFT):
        DossierEntryFactory(dossier=dossier, item=ItemFactory(status=status))
    ItemFactory(title="Geen dossier maar onderzoek", type=ItemType.RESEARCH)

    page = html(client.get(reverse("kennisbank:dossiers")))
    assert "Dossier wonen" in page
    assert "2 publicaties in dit dossier" in page
    assert "Geen dossier maar onderzoek" not in page


def test_most_adopted_page_ranks_by_adoptions_and_names_the_adopters(client):
    once = ItemFactory(title="Eén keer overgenomen voorbeeld")
    ItemFactory(adopted_from=once, municipalities=[municipality("GM0392")])
    twice = ItemFactory(title="Twee keer overgenomen voorbeeld")
    ItemFactory(
        title="Landgraaf doet het ook", adopted_from=twice, municipalities=[municipality("GM0882")]
    )
    ItemFactory(adopted_from=twice, municipalities=[municipality("GM0546")])
    ItemFactory(title="Nooit overgenomen voorbeeld")

    page = html(client.get(reverse("kennisbank:most_adopted")))
    ranking = page[position(page, '<ol class="ranking"') :]
    assert position(ranking, twice.title) < position(ranking, once.title)
    assert "2 keer overgenomen" in ranking and "1 keer overgenomen" in ranking
    assert "Landgraaf: <a" in ranking and "Leiden: <a" in ranking and "Haarlem: <a" in ranking
    assert "Nooit overgenomen voorbeeld" not in page


def test_related_items_share_themes_or_tags_and_the_closest_comes_first(client):
    jeugd, wonen = theme("jeugd"), theme("wonen")
    item = ItemFactory(title="Jeugdhulp samen inkopen", themes=[jeugd, wonen], tags=["inkoop"])
    close = ItemFactory(title="Sterk verwant voorbeeld", themes=[jeugd, wonen], tags=["inkoop"])
    loose = ItemFactory(title="Zwak verwant voorbeeld", themes=[wonen])
    by_tag = ItemFactory(title="Verwant via trefwoord", tags=["inkoop"])
    ItemFactory(title="Niets gemeen", themes=[theme("veiligheid")])

    page = html(client.get(item.get_absolute_url()))
    related = page[position(page, "Gerelateerde publicaties") :]
    assert position(related, close.title) < position(related, loose.title)
    assert by_tag.title in related
    assert "Niets gemeen" not in related
    assert related.count("Jeugdhulp samen inkopen") == 0  # never itself


def test_every_page_has_one_h1_and_no_inline_styles(client):
    event = EventFactory()
    dossier = DossierFactory()
    urls = [
        reverse("home"),
        reverse("kennisbank:dossiers"),
        reverse("kennisbank:events"),
        reverse("kennisbank:most_adopted"),
        event.get_absolute_url(),
        dossier.get_absolute_url(),
        ItemFactory().get_absolute_url(),
    ]
    for url in urls:
        page = html(client.get(url))
        assert page.count("<h1") == 1, url
        assert "style=" not in page, url
        assert '<html lang="nl">' in page, url
        assert 'href="#main"' in page and 'id="main"' in page, url


def test_event_under_way_is_listed_as_upcoming_not_past(client):
    now = timezone.now()
    EventFactory(
        title="Congres dat nu bezig is",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=2),
    )
    assert list(Item.objects.upcoming_events().values_list("title", flat=True)) == [
        "Congres dat nu bezig is"
    ]
    assert not Item.objects.past_events().exists()
