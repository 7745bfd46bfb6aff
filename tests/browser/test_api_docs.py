"""The developers' pages: Swagger UI from our own static files works under the strict CSP and
passes axe-core (WCAG 2.2 AA) at 1280 and 390 px, for every API."""

import pytest

from tests.browser.conftest import axe_violations
from tests.factories import ItemFactory

APIS = ["kennisbank", "netwerk", "modellentool"]
OPERATIONS = {"kennisbank": 2, "netwerk": 6, "modellentool": 1}


def test_the_viewer_shows_every_operation_under_the_strict_csp(browser, live_server):
    # No bypass_csp here: the page's own Content-Security-Policy applies. One browser context
    # for the three APIs (each test of a live server costs a database flush).
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        for api in APIS:
            page.goto(f"/ontwikkelaars/{api}/")
            page.locator(".opblock").first.wait_for()
            assert page.locator(".opblock").count() == OPERATIONS[api], api
        assert [p for p in problems if "Content Security Policy" in p or "eval" in p] == []
    finally:
        context.close()


# Swagger UI's labels that a Dutch reader met in English before (static/js/api-docs.js).
ENGLISH_LABELS = [
    "Try it out",
    "Execute",
    "Responses",
    "Description",
    "Example Value",
    "Request URL",
    "Server response",
    "Response body",
    "Response headers",
    "Media type",
]


def test_an_integrator_tries_the_kennisbank_api(page):
    ItemFactory(title="Samen de WOZ-taxatie", slug="woz")
    page.goto("/")
    page.get_by_role("link", name="Voor ontwikkelaars").click()
    page.get_by_role("link", name="Documentatie van de API Kennisbank bekijken").click()
    page.locator(".opblock-summary-path", has_text="/items/{slug}").click()
    # Swagger UI's own labels are in Dutch on the Dutch page, through to the answer.
    page.get_by_role("button", name="Probeer het uit").click()
    page.get_by_placeholder("slug").fill("woz")
    page.get_by_role("button", name="Uitvoeren").click()
    page.locator(".responses-wrapper .live-responses-table").wait_for()
    assert "Samen de WOZ-taxatie" in page.locator(".live-responses-table").inner_text()
    viewer = page.locator("#api-viewer").inner_text()
    for english in ENGLISH_LABELS:
        assert english not in viewer, english


@pytest.mark.parametrize("width", [1280, 390])
def test_the_pages_pass_axe_and_do_not_scroll_sideways(browser, live_server, width):
    context = browser.new_context(
        locale="nl-NL",
        base_url=live_server.url,
        viewport={"width": width, "height": 800},
        bypass_csp=True,  # to inject axe-core; the test above runs under the real CSP
    )
    page = context.new_page()
    try:
        for url in ["/ontwikkelaars/", *(f"/ontwikkelaars/{api}/" for api in APIS)]:
            page.goto(url)
            if url != "/ontwikkelaars/":
                page.locator(".opblock").first.wait_for()
            assert axe_violations(page) == [], url
            assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    finally:
        context.close()
