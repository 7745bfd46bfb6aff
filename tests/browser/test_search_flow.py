"""An official searches, filters, opens a result and comes back to the same filtered list."""

import re

from playwright.sync_api import expect

from tests.catalogue import make_catalogue

TAX_PRACTICE = "Belastingen samen innen in Holland Rijnland"
RESEARCH = "Onderzoek naar gemeenschappelijke regelingen"


def test_search_filter_open_back_keeps_filters(page):
    make_catalogue()
    page.goto("/")
    page.get_by_role("main").get_by_role("searchbox").first.fill("belastingen")
    page.get_by_role("main").get_by_role("searchbox").first.press("Enter")
    expect(page).to_have_url(re.compile(r"/kennisbank/\?.*q=belastingen"))

    # Ticking a filter applies it at once (the button remains for browsers without JavaScript).
    page.get_by_role("checkbox", name=re.compile("Belastingen en WOZ")).click()
    expect(page).to_have_url(re.compile(r"thema=belastingen-en-woz"))
    expect(page.get_by_role("button", name=re.compile("Filters toepassen"))).to_be_visible()
    filtered_url = page.url
    results = page.get_by_role("main").locator("ol a, ul.search-results a")
    expect(
        page.get_by_role("link", name="Belastingen samen innen in Holland Rijnland")
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Onderzoek naar gemeenschappelijke regelingen")
    ).to_have_count(0)
    assert results.count() >= 1

    page.get_by_role("link", name=TAX_PRACTICE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TAX_PRACTICE)
    page.go_back()
    assert page.url == filtered_url
    expect(page.get_by_role("checkbox", name=re.compile("Belastingen en WOZ"))).to_be_checked()
    expect(page.get_by_role("main").get_by_role("searchbox").first).to_have_value("belastingen")


def test_keyboard_only_reaches_search_and_results(page):
    make_catalogue()
    page.goto("/")
    # The first Tab lands on the skip link; following it moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Naar de inhoud"
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('type')") == "search":
            break
    else:
        raise AssertionError("zoekveld niet bereikbaar met Tab")
    page.keyboard.type("belastingen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=belastingen"))
    target = TAX_PRACTICE
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip() == target:
            break
    else:
        raise AssertionError("eerste resultaat niet bereikbaar met Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(target)


def test_on_a_phone_the_filters_fold_above_the_results(browser, live_server):
    make_catalogue()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        page.goto("/kennisbank/?q=belastingen")
        box = page.get_by_role("checkbox", name=re.compile("Belastingen en WOZ"))
        expect(box).to_be_hidden()
        toggle = page.locator("summary", has_text="Filters")
        results = page.locator("#search-results-heading")
        assert toggle.bounding_box()["y"] < results.bounding_box()["y"]
        toggle.click()
        box.click()
        expect(page).to_have_url(re.compile(r"thema=belastingen-en-woz"))
        # Back on the page the box just ticked is in view again, with focus.
        expect(box).to_be_focused()
    finally:
        context.close()
