"""Every netwerkregie page on the real register, at 1280 and 390 px (issue 14).

No page scrolls sideways (at 360 px neither), no two labels in a province picture overlap (the
municipalities' names and the COROP areas' names), the Limburg picture is drawn per COROP area,
and axe-core finds no WCAG 2.2 AA violation. The real register (load_reference_data) is what
made the Landgraaf page 611 px wide and the Limburg picture a hairball, so the tests load it.
"""

import pytest

from netwerk.models import Collaboration
from netwerk.register.opendata.loading import reference_data_load
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.snapshots import build_or_restore

WIDTHS = [1280, 390]

PAGES = [
    "/netwerk/",
    "/netwerk/gemeenten/landgraaf/",
    "/netwerk/gemeenten/s-hertogenbosch/",
    "/netwerk/regio/provincie/limburg/",
    "/netwerk/regio/provincie/zuid-holland/",
    "/netwerk/regio/corop/39/",
    "/netwerk/regio/veiligheidsregio/VR23/",
    "/netwerk/regio/nederland/",
    "/netwerk/regio/selectie/",
    "/netwerk/regio/selectie/?gemeente=GM0882&gemeente=GM0917&gemeente=GM0983&gemeente=GM0988",
    "/netwerk/kaart/",
    "/netwerk/kaart/?maat=domein&domein=belastingen-en-woz",
    "/netwerk/kaart/?verband=BsGW",
    "/netwerk/partners/",
    "/netwerk/kaart/?weergave=tabel",
    "/netwerk/partners/?gemeente=GM0882&domein=belastingen-en-woz",
    "/netwerk/samenwerkingen/",
    "/netwerk/samenwerkingen/?domein=belastingen-en-woz",
    "/netwerk/bronnen/",
    "/netwerk/api/",
]

# The names drawn for good: municipalities' labels and the areas' names (a name shown only on
# hover or focus is left out: it is not drawn until then).
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll(
    'svg.network__svg text.network__label:not(.network__label--focus), '
    + 'svg.network__svg text.network__group-label'
  )].map(t => t.getBoundingClientRect());
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    if (!apart) hits.push([i, j]);
  }
  return {labels: boxes.length, overlaps: hits.length};
}"""


@pytest.fixture
def real_register(reference_data):
    """The whole register: loaded once per test process, copied back in later tests."""
    if reference_data:  # the same flushed start as every other test here
        build_or_restore("real register", lambda: reference_data_load(force=True))
    else:
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
    if width == WIDTHS[-1]:  # the narrowest phone in use: only the sideways scroll
        page.set_viewport_size({"width": 360, "height": 800})
        for url in [*PAGES, detail]:
            page.goto(url)
            _no_sideways_scroll(page, url)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_two_labels_overlap_in_any_province_picture(page, real_register, width):
    page.set_viewport_size({"width": width, "height": 900})
    provinces = ["limburg", "utrecht", "noord-brabant", "gelderland", "zuid-holland", "groningen"]
    for province in provinces:
        page.goto(f"/netwerk/regio/provincie/{province}/")
        found = page.evaluate(OVERLAPS)
        assert found["labels"] >= 10, province
        assert found["overlaps"] == 0, (province, found)
    assert_limburg_is_drawn_per_corop_area(page)
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


# Every municipality nearer the centre of its own area's circle than any other area's.
GROUPS = """() => {
  const areas = [...document.querySelectorAll('svg.network__svg .network__areas circle')]
    .map(c => [+c.getAttribute('cx'), +c.getAttribute('cy')]);
  const groups = [...document.querySelectorAll('svg.network__svg g[role=group]')];
  const wrong = [];
  groups.forEach((g, i) => g.querySelectorAll('a.network__node circle').forEach(dot => {
    const x = +dot.getAttribute('cx'), y = +dot.getAttribute('cy');
    const d = areas.map(([ax, ay]) => Math.hypot(ax - x, ay - y));
    if (d.some((other, j) => j !== i && other <= d[i])) wrong.push(dot.parentNode.ariaLabel);
  }));
  return {
    areas: areas.length,
    names: [...document.querySelectorAll('text.network__group-label')].map(t => t.textContent),
    groups: groups.map(g => g.getAttribute('aria-label')),
    wrong,
  };
}"""


def assert_limburg_is_drawn_per_corop_area(page):
    page.goto("/netwerk/regio/provincie/limburg/")
    found = page.evaluate(GROUPS)
    assert found["names"] == ["Midden-Limburg", "Noord-Limburg", "Zuid-Limburg"]
    assert found["groups"] == [
        "COROP-gebied Midden-Limburg: 7 gemeenten",
        "COROP-gebied Noord-Limburg: 8 gemeenten",
        "COROP-gebied Zuid-Limburg: 16 gemeenten",
    ]
    assert found["wrong"] == []
    overlaps = page.evaluate(OVERLAPS)
    assert overlaps["labels"] >= 31 and overlaps["overlaps"] == 0, overlaps
    # Keyboard: the first node of the picture is reached after the skip link, inside its area.
    page.locator("a.skip-inline").first.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.closest('g[role=group]').getAttribute('aria-label'),"
        " document.activeElement.getAttribute('aria-label')]"
    )
    assert focused[0].startswith("COROP-gebied Midden-Limburg")
    assert focused[1].startswith("Echt-Susteren: ")
    # The table names the areas of each pair.
    header = page.locator("#network-table thead th").all_inner_texts()
    assert "COROP-gebied" in header
    cells = page.locator("#network-table tbody tr").first.locator("td").all_inner_texts()
    assert any("Limburg" in cell for cell in cells)
