"""The header and footer every page shares, as people see them on a phone and a desktop."""

import pytest

from tests.browser.conftest import assert_no_axe_violations


def new_page(browser, live_server, width, javascript=True):
    context = browser.new_context(
        locale="nl-NL",
        base_url=live_server.url,
        viewport={"width": width, "height": 740},
        java_script_enabled=javascript,
        bypass_csp=True,
    )
    return context, context.new_page()


@pytest.mark.parametrize("javascript", [True, False])
def test_phone_menu_is_folded_and_opens_by_keyboard(browser, live_server, javascript):
    context, page = new_page(browser, live_server, 390, javascript)
    try:
        page.goto("/")
        menu = page.get_by_role("navigation", name="Hoofdmenu")
        button = page.locator("summary", has_text="Menu")
        assert button.is_visible()
        assert not menu.get_by_role("link", name="Modellentool").is_visible()
        # The first content starts high on the screen, not under four rows of menu.
        assert page.locator("main h1, main h2").first.bounding_box()["y"] < 260
        button.focus()
        page.keyboard.press("Enter")
        link = menu.get_by_role("link", name="Modellentool")
        assert link.is_visible()
        assert page.locator("details.site-menu").get_attribute("open") is not None
        if javascript:
            assert_no_axe_violations(page)
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/modellentool/")
        assert page.get_by_role("heading", level=1).is_visible()
    finally:
        context.close()


def test_desktop_menu_is_always_open_without_a_button(browser, live_server):
    context, page = new_page(browser, live_server, 1280)
    try:
        page.goto("/")
        assert not page.locator("summary", has_text="Menu").is_visible()
        menu = page.get_by_role("navigation", name="Hoofdmenu")
        for name in ("Kennisbank", "Bijeenkomsten", "Samenwerkingen", "Modellentool"):
            assert menu.get_by_role("link", name=name).is_visible()
    finally:
        context.close()


def test_footer_leads_to_contact_privacy_accessibility_and_the_site_map(page):
    page.goto("/")
    footer = page.get_by_role("contentinfo")
    for link, heading in (
        ("Contact", "Contact"),
        ("Privacyverklaring", "Privacyverklaring"),
        ("Toegankelijkheidsverklaring", "Toegankelijkheidsverklaring"),
        ("Overzicht van de website", "Overzicht van de website"),
    ):
        footer.get_by_role("link", name=link, exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == heading
    # The site map is for people: it leads on to the sections, not to raw XML.
    page.get_by_role("link", name="Welke samenwerkingsvorm past?").click()
    page.wait_for_url("**/modellentool/")


def test_events_show_their_date_and_home_blocks_are_links(page):
    import datetime as dt

    from django.utils import timezone

    from tests.factories import EventFactory

    starts = timezone.make_aware(dt.datetime(2027, 9, 23, 9, 30))
    EventFactory(
        title="Training vroegsignalering van schulden",
        published_on=dt.date(2026, 11, 19),
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=6),
    )
    page.goto("/")
    card = page.locator("article", has_text="Training vroegsignalering van schulden")
    assert card.count() == 1  # under "Binnenkort" only, not again under "Nieuw"
    assert "23 september 2027" in card.inner_text()
    # The whole "Modellentool" block is a link, also where its text is clicked.
    box = page.locator(".intro__item", has_text="Modellentool").locator("p").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/modellentool/")
    page.goto("/kennisbank/?q=vroegsignalering")
    hit = page.locator(".search-hit", has_text="Training vroegsignalering")
    assert "23 september 2027" in hit.inner_text()
    assert "19 november 2026" not in hit.inner_text()
