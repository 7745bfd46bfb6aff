"""Every Atom feed the site offers names an author (RFC 4287 4.1.1), found through the URLconf."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from netwerk.community.services.follows import saved_search_create
from tests.factories import DossierEntryFactory, DossierFactory, ItemFactory, UserFactory, theme

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url_names(patterns=None, namespace=""):
    """The names of all URL patterns whose view is a syndication Feed."""
    found = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += feed_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "__wrapped__", pattern.callback)
            if isinstance(view, Feed) and pattern.name:
                found.append(namespace + pattern.name)
    return found


def feed_addresses():
    """One address per feed, with content: an item with a contact, one without."""
    dossier = DossierFactory(title="Dossier Afval", themes=[theme("jeugd")])
    with_contact = ItemFactory(
        title="Afvalinzameling samen",
        contact_name="Anna de Vries",
        contact_organisation="Gemeente Venlo",
        themes=[theme("jeugd")],
    )
    without = ItemFactory(title="Afvalinzameling zonder contact", themes=[theme("jeugd")])
    for item in (with_contact, without):
        DossierEntryFactory(dossier=dossier, item=item)
    token = saved_search_create(user=UserFactory(), query_string="q=afvalinzameling")
    args = {
        "kennisbank:feed": [],
        "kennisbank:theme_feed": ["jeugd"],
        "kennisbank:dossier_feed": [dossier.slug],
        "netwerk:saved_search_feed": [token.saved_search.feed_token],
    }
    names = feed_url_names()
    assert set(names) == set(args), "a new feed: give it arguments here"
    return {name: reverse(name, args=args[name]) for name in names}


def test_every_feed_is_well_formed_atom_with_authors(client):
    for name, url in feed_addresses().items():
        response = client.get(url)
        assert response.status_code == 200, name
        feed = ET.fromstring(response.content)  # well-formed XML, or this raises
        assert feed.tag == f"{ATOM}feed", name
        feed_author = feed.findtext(f"{ATOM}author/{ATOM}name")
        entries = feed.findall(f"{ATOM}entry")
        assert entries, name
        for entry in entries:
            assert feed_author or entry.findtext(f"{ATOM}author/{ATOM}name"), name
        assert feed_author == settings.PLATFORM_NAME, name


def test_an_entry_names_the_items_contact_as_author(client):
    feed = ET.fromstring(client.get(feed_addresses()["kennisbank:feed"]).content)
    authors = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}author/{ATOM}name")
        for entry in feed.findall(f"{ATOM}entry")
    }
    assert authors["Afvalinzameling samen"] == "Anna de Vries – Gemeente Venlo"
    # No contact of its own: the feed's author (the platform) covers the entry.
    assert authors["Afvalinzameling zonder contact"] is None
