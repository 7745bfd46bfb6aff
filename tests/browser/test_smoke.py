from tests.browser.conftest import assert_no_axe_violations
from tests.factories import municipality
from netwerk.models import Municipality


def test_home_is_accessible(page):
    page.goto("/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


def test_reference_data_survives_browser_tests():
    assert Municipality.objects.count() == 342
    assert municipality("GM0546").name == "Leiden"
