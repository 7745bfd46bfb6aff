"""Error pages: in the site layout, Dutch (English when chosen), with a way back."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal.error_urls")]


def assert_error_page(response, status: int, heading: str) -> None:
    html = response.content.decode()
    assert response.status_code == status
    assert f'<h1 class="utrecht-heading-1">{heading}</h1>' in html
    # The site layout (header, footer) and the ways back: the kennisbank search and home.
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert 'id="error-search-q"' in html and 'action="/kennisbank/"' in html
    assert 'utrecht-button-link--secondary-action" href="/">' in html
    assert "Traceback" not in html


def test_a_wrong_address_shows_the_dutch_404_page(client):
    response = client.get("/kennisbank/bestaat-niet/echt-niet/")
    assert_error_page(response, 404, "Pagina niet gevonden")
    assert '<html lang="nl">' in response.content.decode()


def test_the_404_page_speaks_english_once_chosen(client):
    client.cookies["django_language"] = "en"
    response = client.get("/bestaat-niet/")
    assert_error_page(response, 404, "Page not found")
    assert '<html lang="en">' in response.content.decode()


def test_forbidden_shows_the_403_page(client):
    assert_error_page(client.get("/test/403/"), 403, "Geen toegang")


def test_bad_input_shows_the_400_page(client):
    assert_error_page(client.get("/test/400/"), 400, "Ongeldig verzoek")


def test_a_crash_shows_the_500_page():
    client = Client(raise_request_exception=False)
    assert_error_page(client.get("/test/500/"), 500, "Er ging iets mis")


def test_the_500_page_renders_while_the_database_is_down(member):
    # A logged-in member: any context processor would now need the session and user tables.
    client = Client(raise_request_exception=False)
    client.force_login(member)
    down = OperationalError("connection refused")
    with mock.patch.object(connection, "ensure_connection", side_effect=down):
        response = client.get("/test/500-database/")
    assert_error_page(response, 500, "Er ging iets mis")


def test_the_500_page_falls_back_to_plain_html_when_its_template_fails():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    with mock.patch("portal.errors.loader.render_to_string", side_effect=ValueError("manifest")):
        response = client.get("/test/500/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in html and '<a href="/">To the home page</a>' in html


def test_a_form_without_its_csrf_token_shows_the_csrf_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert_error_page(response, 403, "Formulier verlopen")
