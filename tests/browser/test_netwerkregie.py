"""The netwerkregie in a real browser: municipality page, region network picture, map.

Keyboard users reach the municipalities in the network picture with Tab, and every page has
zero axe-core violations (WCAG 2.x A/AA).
"""

import re

from tests.browser.conftest import assert_no_axe_violations
from tests.netwerk.factories import small_register


def test_municipality_page_shows_drukte_and_collaborations(page):
    small_register()
    page.goto("/netwerk/gemeenten/zeist/")
    assert page.locator("h1").inner_text() == "Samenwerkingen van Zeist"
    assert page.locator('[data-measure="arrangements"]').inner_text() == "3"
    assert page.locator('[data-measure="heavy_share"]').inner_text() == "67%"
    page.get_by_role("link", name="Belastingen Heuvelrug Proef").click()
    page.wait_for_url(re.compile(r"/netwerk/samenwerkingen/belastingen-heuvelrug-proef"))
    assert "3 deelnemende gemeenten" in page.locator("h2").first.inner_text()
    page.go_back()
    assert_no_axe_violations(page)


def test_region_network_picture_is_reachable_by_keyboard(page):
    small_register()
    page.goto("/netwerk/regio/provincie/utrecht/")
    nodes = page.locator("svg.network__svg a.network__node")
    assert nodes.count() == 26
    # Tab from the top of the page until a municipality in the picture has focus.
    focused = ""
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.closest('.network__node')"
            " ? document.activeElement.getAttribute('aria-label') : ''"
        )
        if focused:
            break
    assert focused, "geen gemeente in het netwerkbeeld bereikt met Tab"
    name = focused.split(":")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/netwerk/gemeenten/"))
    assert page.locator("h1").inner_text() == f"Samenwerkingen van {name}"
    page.go_back()
    # The same data as a table, for screen readers.
    table = page.get_by_role("region", name="Dezelfde gegevens als tabel")
    assert "Zeist" in table.inner_text()
    assert_no_axe_violations(page)


def test_map_is_shaded_by_the_chosen_measure_with_a_text_legend(page):
    register = small_register()
    page.goto("/netwerk/kaart/")
    assert page.locator("svg.nl-map__svg path").count() == 342
    page.get_by_label("Kleur de kaart naar").select_option("verband")
    page.get_by_label("Samenwerkingsverband (bij één verband)").fill(register["tax"].slug)
    page.get_by_role("button", name="Toon op de kaart").click()
    page.wait_for_url(re.compile(r"maat=verband"))
    assert (
        "Gemeenten die deelnemen aan Belastingen Heuvelrug Proef"
        in page.locator("h2").first.inner_text()
    )
    legend = page.get_by_role("region", name="Legenda")
    assert "deelnemer" in legend.inner_text()
    # Zeist takes part: its shape has the darkest class; Leiden does not.
    assert page.locator('a[aria-label="Zeist: 1"] path').get_attribute("class") == "c4"
    assert page.locator('a[aria-label="Leiden: 0"] path').get_attribute("class") == "c0"
    assert_no_axe_violations(page)
