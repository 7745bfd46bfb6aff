"""Evidence level (bewijskracht) as a search facet: ?bewijs=onderbouwd, with counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisbank.constants import EvidenceLevel, ItemType
from kennisbank.models import Item
from kennisbank.services.items import facet_tokens, item_refresh_facets
from tests.factories import ItemFactory, theme
from tests.html import validate_html

pytestmark = pytest.mark.django_db

URL = reverse("kennisbank:search")


@pytest.fixture
def practices():
    ItemFactory(title="Samen belasting heffen", evidence_level=EvidenceLevel.MEASURED)
    for title in ("Samen de WOZ taxeren", "Samen jeugdhulp inkopen"):
        ItemFactory(title=title, evidence_level=EvidenceLevel.SUBSTANTIATED, task_type="uitvoering")
    ItemFactory(title="Samen onderzoeken", type=ItemType.RESEARCH, themes=[theme("jeugd")])


def titles(response):
    return sorted(hit.title for hit in response.context["result"].hits)


def counts(response):
    facet = next(f for f in response.context["result"].facets if f.param == "bewijs")
    return {value.value: value.count for value in facet.values}


def test_evidence_level_is_a_facet_token():
    item = ItemFactory(evidence_level=EvidenceLevel.MEASURED)
    assert "e:effect_gemeten" in facet_tokens(item)
    assert "e:effect_gemeten" in Item.objects.get(pk=item.pk).facets
    item.evidence_level = ""
    item.save()
    item_refresh_facets(item=item)
    assert not [t for t in Item.objects.get(pk=item.pk).facets if t.startswith("e:")]


def test_filter_on_evidence_level_with_counts_for_the_alternatives(client, practices):
    response = client.get(URL, {"bewijs": "onderbouwd"})
    assert titles(response) == ["Samen de WOZ taxeren", "Samen jeugdhulp inkopen"]
    # The facet is counted without its own filter, so the other levels stay visible.
    assert counts(response) == {"beschreven": 0, "onderbouwd": 2, "effect_gemeten": 1}
    page = response.content.decode()
    assert "Bewijskracht" in page
    assert 'name="bewijs" value="onderbouwd" checked' in page
    assert "Verwijder filter </span>Bewijskracht: Onderbouwd" in page
    # Several values are OR-ed, like every facet.
    response = client.get(URL, {"bewijs": ["onderbouwd", "effect_gemeten"]})
    assert len(titles(response)) == 3


def test_the_detail_page_link_lands_on_the_filtered_search(client, practices):
    item = Item.objects.get(title="Samen belasting heffen")
    page = client.get(item.get_absolute_url()).content.decode()
    assert f'href="{URL}?bewijs=effect_gemeten"' in page
    assert titles(client.get(URL, {"bewijs": "effect_gemeten"})) == ["Samen belasting heffen"]


def test_unknown_evidence_value_is_dropped_with_a_notice(client, practices):
    response = client.get(URL, {"bewijs": "heilig"})
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert "Onbekende filterwaarde genegeerd: heilig." in response.content.decode()


def test_the_evidence_facet_costs_no_extra_query(client, practices):
    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, params).status_code == 200
        return len(captured)

    # The same two items through another simple facet: the same queries.
    assert queries({"q": "samen", "bewijs": "onderbouwd"}) == queries(
        {"q": "samen", "taaktype": "uitvoering"}
    )
    assert queries({"bewijs": "onderbouwd"}) == queries({})


def test_search_page_with_evidence_filter_is_valid_html(client, practices):
    page = client.get(URL, {"bewijs": "onderbouwd", "q": "samen"}).content.decode()
    assert validate_html({"zoeken met bewijskracht": page}) == {}
