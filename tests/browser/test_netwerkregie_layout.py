"""Every netwerkregie page on the real register, at 1280 and 390 px (issue 14).

No page scrolls sideways, no two labels in a province picture overlap, and axe-core finds no
WCAG 2.2 AA violation. The real register (load_reference_data) is what made the Landgraaf page
611 px wide and the Limburg picture a hairball, so the tests load it.
"""

import pytest

from netwerk.loading import reference_data_load
from netwerk.models import Collaboration
from tests.browser.conftest import assert_no_axe_violations

WIDTHS = [1280, 390]

PAGES = [
    "/netwerk/",
    "/netwerk/gemeenten/landgraaf/",
    "/netwerk/gemeenten/s-hertogenbosch/",
    "/netwerk/regio/provincie/limburg/",
    "/netwerk/regio/corop/39/",
    "/netwerk/regio/nederland/",
    "/netwerk/regio/selectie/",
    "/netwerk/kaart/",
    "/netwerk/kaart/?maat=domein&domein=belastingen-en-woz",
    "/netwerk/kaart/?verband=BsGW",
    "/netwerk/kaart/?weergave=tabel",
    "/netwerk/partners/?gemeente=GM0882&domein=belastingen-en-woz",
    "/netwerk/samenwerkingen/",
    "/netwerk/bronnen/",
    "/netwerk/api/",
]

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('svg.network__svg text.network__label')]
    .map(t => t.getBoundingClientRect());
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    if (!apart) hits.push([i, j]);
  }
  return {labels: boxes.length, overlaps: hits.length};
}"""


@pytest.fixture
def real_register():
    reference_data_load(force=True)


def _no_sideways_scroll(page, url):
    width = page.evaluate("() => document.documentElement.scrollWidth")
    inner = page.evaluate("() => window.innerWidth")
    assert width <= inner, f"{url}: {width} px breed bij {inner} px"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_netwerkregie_page_fits_and_passes_axe(page, real_register, width):
    page.set_viewport_size({"width": width, "height": 900})
    detail = Collaboration.objects.get(name__contains="(BsGW)").get_absolute_url()
    for url in [*PAGES, detail]:
        response = page.goto(url)
        assert response.status == 200, url
        _no_sideways_scroll(page, url)
        assert_no_axe_violations(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_two_labels_overlap_in_any_province_picture(page, real_register, width):
    page.set_viewport_size({"width": width, "height": 900})
    provinces = ["limburg", "utrecht", "noord-brabant", "gelderland", "zuid-holland", "groningen"]
    for province in provinces:
        page.goto(f"/netwerk/regio/provincie/{province}/")
        found = page.evaluate(OVERLAPS)
        assert found["labels"] >= 10, province
        assert found["overlaps"] == 0, (province, found)
    page.goto("/netwerk/regio/nederland/")
    found = page.evaluate(OVERLAPS)
    assert found["labels"] >= 25 and found["overlaps"] == 0, found


def test_nederland_drills_down_from_an_area_to_its_municipalities(page, real_register):
    page.goto("/netwerk/regio/nederland/")
    assert page.locator("svg.network__svg a.network__node").count() == 40
    page.locator('svg.network__svg a.network__node[href$="/corop/39/"]').click()
    page.wait_for_url("**/netwerk/regio/corop/39/")
    assert "Zuid-Limburg" in page.locator("h1").inner_text()


def test_map_chooses_a_collaboration_by_name(page, real_register):
    page.goto("/netwerk/kaart/")
    page.get_by_label("Samenwerkingsverband (bij één verband)").fill("BsGW")
    page.get_by_role("button", name="Toon op de kaart").click()
    assert "BsGW" in page.locator("h2").first.inner_text()
    assert page.locator('a[aria-label="Landgraaf: 1"] path').get_attribute("class") == "c4"
