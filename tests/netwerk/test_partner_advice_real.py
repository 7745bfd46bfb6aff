"""The partner advice on the real register (load_reference_data): Landgraaf and taxes.

Issue 14: BsGW was listed as the reason for 15 "new" partners, each counting it twice. Now BsGW
is named once under "already together" and the new candidates are municipalities that are not
in it, each with reasons.
"""

import pytest
from django.urls import reverse

from netwerk.register.opendata.loading import reference_data_load
from netwerk.register.services.partners import partner_advice_for
from portal.models import Municipality

pytestmark = pytest.mark.django_db

TAXES = "belastingen-en-woz"


@pytest.fixture
def real_register():
    reference_data_load(force=True)
    return Municipality.objects.get(name="Landgraaf")


def test_landgraaf_taxes_names_bsgw_once_and_five_new_candidates(real_register):
    page = partner_advice_for(real_register, TAXES)
    bsgw = [b for _, b in page.together if "BsGW" in b.name or "BsWG" in b.name]
    assert len(bsgw) == 1
    together = {name for t, _ in page.together for name in t.partners}
    assert len(page.ranking) >= 5
    for ranked in page.ranking:
        assert ranked.municipality.name not in together
        assert ranked.reasons
        assert not any("BsGW" in text for text, _ in ranked.reasons)


def test_landgraaf_taxes_page(client, real_register):
    url = reverse("netwerk:partners") + f"?gemeente={real_register.code}&domein={TAXES}"
    html = client.get(url).content.decode()
    assert html.count("(BsGW)</a>") == 1
    assert html.count('class="partner-ranking__item"') >= 5
