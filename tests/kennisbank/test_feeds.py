"""Atom feed, sitemap, robots.txt and the iCalendar download."""

import datetime as dt
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kennisbank.constants import Status
from kennisbank.ical import CalendarEvent, escape_text, event_to_ical, fold
from tests.factories import EventFactory, ItemFactory, theme

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def unfold(text: str) -> list[str]:
    """Content lines of an iCalendar text (RFC 5545 3.1), folds undone."""
    assert text.endswith("\r\n")
    return text[:-2].replace("\r\n ", "").split("\r\n")


def properties(text: str) -> dict[str, str]:
    found = {}
    for line in unfold(text):
        name, _, value = line.partition(":")
        found.setdefault(name, value)
    return found


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


@pytest.mark.django_db
def test_atom_feed_lists_published_items_with_summary_and_date(client):
    item = ItemFactory(
        title="Samen inkopen in de regio",
        summary="Vijf gemeenten kopen jeugdzorg gezamenlijk in.",
        published_on=dt.date(2026, 3, 12),
        themes=[theme("jeugd")],
    )
    ItemFactory(title="Nog een concept", status=Status.DRAFT)
    response = client.get(reverse("kennisbank:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Samen inkopen in de regio"]
    entry = entries[0]
    assert entry.findtext(f"{ATOM}summary") == "Vijf gemeenten kopen jeugdzorg gezamenlijk in."
    assert entry.findtext(f"{ATOM}published").startswith("2026-03-12T00:00:00+01:00")
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{item.get_absolute_url()}"
    assert entry.find(f"{ATOM}category").get("term") == "Jeugd"
    assert entry.find(f"{ATOM}author") is None


@pytest.mark.django_db
def test_sitemap_has_published_items_and_fixed_pages_but_no_drafts(client):
    item = ItemFactory()
    draft = ItemFactory(status=Status.DRAFT)
    withdrawn = ItemFactory(status=Status.WITHDRAWN)
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    urls = set()
    for section in ET.fromstring(response.content).iter(f"{SITEMAP}loc"):
        part = client.get(section.text.removeprefix("http://testserver"))
        urls |= {
            loc.text.removeprefix("http://testserver")
            for loc in ET.fromstring(part.content).iter(f"{SITEMAP}loc")
        }
    assert item.get_absolute_url() in urls
    assert draft.get_absolute_url() not in urls
    assert withdrawn.get_absolute_url() not in urls
    for name in ("home", "kennisbank:search", "kennisbank:dossiers", "kennisbank:events"):
        assert reverse(name) in urls


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


@pytest.mark.django_db
def test_ical_download_is_a_valid_event_in_utc(client):
    start = dt.datetime(2027, 3, 12, 13, 30, tzinfo=AMSTERDAM)
    event = EventFactory(
        title="Masterclass: regie, rollen; resultaat",
        summary="Hoe houdt u als gemeente regie op samenwerking?\nMet voorbeelden uit de praktijk.",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        location="Stadhuis Utrecht, Stadsplateau 1; zaal 3",
        slug="masterclass-regie",
    )
    response = client.get(reverse("kennisbank:event_ical", args=[event.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="masterclass-regie.ics"' in response["Content-Disposition"]
    text = response.content.decode()

    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "BEGIN:VEVENT" in lines and "END:VEVENT" in lines
    props = properties(text)
    assert props["VERSION"] == "2.0" and props["PRODID"]
    assert props["UID"] == f"kennisbank-{event.pk}@testserver"
    assert props["DTSTART"] == "20270312T123000Z"  # 13:30 in Amsterdam is 12:30 UTC in March
    assert props["DTEND"] == "20270312T153000Z"
    assert props["DTSTAMP"].endswith("Z") and len(props["DTSTAMP"]) == 16
    assert props["SUMMARY"] == "Masterclass: regie\\, rollen\\; resultaat"
    assert unescape(props["LOCATION"]) == "Stadhuis Utrecht, Stadsplateau 1; zaal 3"
    url = f"http://testserver{event.get_absolute_url()}"
    assert props["URL"] == url
    description = unescape(props["DESCRIPTION"])
    assert description.startswith("Hoe houdt u als gemeente regie op samenwerking?\nMet")
    assert description.endswith(url)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


@pytest.mark.django_db
def test_ical_only_for_events(client):
    item = ItemFactory()
    assert client.get(reverse("kennisbank:event_ical", args=[item.slug])).status_code == 404


def test_escape_text_handles_the_special_characters():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("regel\r\nvolgende") == "regel\\nvolgende"


def test_event_without_end_ends_when_it_starts():
    start = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)
    text = event_to_ical(
        CalendarEvent(uid="x@y", stamp=start, start=start, end=None, summary="Training")
    )
    props = properties(text)
    assert props["DTSTART"] == props["DTEND"] == "20270601T090000Z"
    assert "LOCATION" not in props


def test_naive_times_are_refused():
    naive = dt.datetime(2027, 6, 1, 9, 0)
    with pytest.raises(ValueError):
        event_to_ical(CalendarEvent(uid="x", stamp=naive, start=naive, end=None, summary="x"))


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=400))
def test_fold_keeps_lines_short_and_unfolds_to_the_original(text):
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
