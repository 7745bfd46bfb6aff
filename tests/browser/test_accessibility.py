"""axe-core: zero WCAG 2.x A/AA violations on every public page type."""

from tests.browser.conftest import assert_no_axe_violations
from tests.catalogue import make_catalogue


def test_every_page_type_has_no_axe_violations(page):
    pages = make_catalogue()
    failures = {}
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == 200, f"{name}: {url}"
        try:
            assert_no_axe_violations(page)
        except AssertionError as exc:
            failures[name] = str(exc)
    assert failures == {}


def test_phone_width_has_no_axe_violations_and_no_horizontal_scroll(browser, live_server):
    pages = make_catalogue()
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, bypass_csp=True
    )
    page = context.new_page()
    try:
        for name in ("home", "zoeken-gefilterd", "praktijkvoorbeeld"):
            page.goto(pages[name])
            assert_no_axe_violations(page)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} scrolt horizontaal ({overflow}px)"
    finally:
        context.close()


def test_the_404_page_has_no_axe_violations(page):
    response = page.goto("/bestaat-niet/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"
    assert_no_axe_violations(page)
