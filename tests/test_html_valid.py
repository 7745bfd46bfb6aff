import pytest
from django.test import Client
from django.urls import reverse

from tests.catalogue import make_catalogue
from tests.html import validate_html

pytestmark = pytest.mark.django_db


def test_every_public_page_type_is_valid_html(client):
    pages = make_catalogue()
    documents = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} gaf {response.status_code}"
        documents[name] = response.content.decode()
    assert validate_html(documents) == {}


def test_error_pages_are_valid_html(client):
    missing = client.get("/bestaat-niet/")
    assert missing.status_code == 404
    forbidden = Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "en"})
    assert forbidden.status_code == 403
    documents = {"404": missing.content.decode(), "csrf": forbidden.content.decode()}
    assert validate_html(documents) == {}


def test_footer_pages_are_valid_html_in_both_languages(client):
    documents = {}
    for language in ("nl", "en"):
        client.cookies["django_language"] = language
        for name in ("contact", "privacy", "accessibility", "sitemap_page"):
            response = client.get(reverse(name))
            assert response.status_code == 200
            documents[f"{name}-{language}"] = response.content.decode()
    assert "Accessibility statement" in documents["accessibility-en"]
    assert "Toegankelijkheidsverklaring" in documents["accessibility-nl"]
    assert validate_html(documents) == {}
