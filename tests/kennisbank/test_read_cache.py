"""Cached search answers (kennisbank/read_cache.py): cheap for readers, never stale after an
editor publishes or withdraws."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisbank.constants import Status
from kennisbank.read_cache import content_version
from tests.factories import ItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def read_cache_on(settings):
    settings.KENNISBANK_READ_CACHE_SECONDS = 300


QUERY = {"q": "gladheidsbestrijding"}


def search_page(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("kennisbank:search"), QUERY)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_repeated_search_is_answered_from_the_cache(client):
    ItemFactory(title="Gladheidsbestrijding in de Achterhoek")

    first, computed = search_page(client)
    again, from_cache = search_page(client)

    assert "in de Achterhoek" in first
    assert again.count("Achterhoek") == first.count("Achterhoek")
    assert from_cache <= 2 < computed  # the content version (and a session) only


def test_publishing_and_withdrawing_show_in_the_search_at_once(client):
    ItemFactory(title="Gladheidsbestrijding in de Achterhoek")
    draft = ItemFactory(title="Gladheidsbestrijding op de Veluwe", status=Status.DRAFT)
    page, _ = search_page(client)
    assert "op de Veluwe" not in page

    draft.status = Status.PUBLISHED  # what the editor's admin form saves
    draft.save()
    page, _ = search_page(client)
    assert "op de Veluwe" in page

    draft.status = Status.WITHDRAWN
    draft.save()
    page, _ = search_page(client)
    assert "op de Veluwe" not in page
    assert "in de Achterhoek" in page


def test_the_content_version_moves_again_after_the_commit(django_capture_on_commit_callbacks):
    # Also after the commit: an answer computed from the old rows just before the commit,
    # by another worker, must not be served afterwards.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        before = content_version()
        ItemFactory(title="Gladheidsbestrijding")
        during = content_version()
    assert callbacks
    assert before < during < content_version()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "gladheidsbestrijding", "soort": "praktijkvoorbeeld", "sortering": "datum"},
        {"q": '"gladheidsbestrijding in de" -Veluwe OR regio'},
        {"q": "gladheidsbestrijdng"},  # a suggestion ("Bedoelde u …?")
        {"q": "GR", "thema": "jeugd", "provincie": "gelderland", "page": "2"},
    ],
)
def test_every_kind_of_answer_survives_the_cache(client, params):
    ItemFactory(title="Gladheidsbestrijding in de Achterhoek")
    url = reverse("kennisbank:search")

    computed = client.get(url, params)
    cached = client.get(url, params)

    assert computed.status_code == cached.status_code == 200
    assert cached.content.count(b"<li") == computed.content.count(b"<li")
