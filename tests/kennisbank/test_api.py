"""The kennisbank's read-only JSON API: the search page's search as JSON, and one item in full."""

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from kennisbank.constants import ItemType, Status
from kennisbank.models import AdoptionMark, SourceLink
from tests.factories import ItemFactory, collaboration_model, municipality, theme
from tests.kennisbank.test_query_counts import bulk_items, many_municipalities, many_themes
from tests.netwerk.member_factories import MemberFactory

pytestmark = pytest.mark.django_db

API = "/kennisbank/api"
HIDDEN = [Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN]


@pytest.fixture
def spec(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json()


def assert_matches(spec, path, response, status=200):
    assert response.status_code == status, response.content[:500]
    operation = spec["paths"][path]["get"]
    schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    validator = Draft202012Validator({**schema, "components": spec["components"]})
    errors = [e.message for e in validator.iter_errors(response.json())]
    assert errors == [], errors[:5]


def test_the_openapi_description_is_valid_with_the_mount_as_server(spec):
    validate(spec)
    assert spec["info"]["title"] == "Kennisbank"
    assert spec["servers"] == [{"url": "/kennisbank/api"}]
    assert set(spec["paths"]) == {"/items", "/items/{slug}"}
    assert {method for ops in spec["paths"].values() for method in ops} == {"get"}


def test_search_gives_hits_total_facets_and_paging_links(client, spec):
    utrecht, zeist = municipality("GM0344"), municipality("GM0355")
    jeugd = theme("bedrijfsvoering")
    ItemFactory(
        title="Samen inkopen van jeugdzorg",
        themes=[jeugd],
        municipalities=[utrecht, zeist],
        collaboration_model=collaboration_model("centrumgemeente"),
    )
    ItemFactory(title="Samen de WOZ-taxatie", municipalities=[zeist])
    ItemFactory(title="Een geheim concept over inkopen", status=Status.DRAFT)

    response = client.get(f"{API}/items", {"q": "inkopen"})
    assert_matches(spec, "/items", response)
    data = response.json()
    assert data["total"] == 1
    [hit] = data["items"]
    assert hit["title"] == "Samen inkopen van jeugdzorg"
    assert [m["code"] for m in hit["municipalities"]] == ["GM0344", "GM0355"]
    assert hit["themes"] == [{"slug": jeugd.slug, "name": jeugd.name}]
    assert hit["form"]["key"] == "centrumgemeente"
    assert hit["title_html"] == "Samen <mark>inkopen</mark> van jeugdzorg"
    assert hit["api_url"].endswith(f"{API}/items/{hit['slug']}")
    assert data["links"]["next"] is None and data["links"]["previous"] is None

    # A filter narrows the result; the facet still counts the alternatives (as on the page).
    response = client.get(f"{API}/items", {"gemeente": "GM0355"})
    data = response.json()
    assert data["total"] == 2
    facet = next(f for f in data["facets"] if f["param"] == "gemeente")
    counts = {v["value"]: v["count"] for v in facet["values"]}
    assert counts["GM0355"] == 2 and counts["GM0344"] == 1
    assert next(v for v in facet["values"] if v["value"] == "GM0355")["selected"]


def test_paging_links_walk_the_results(client, spec):
    bulk_items(45)
    data = client.get(f"{API}/items", {"soort": "praktijkvoorbeeld"}).json()
    assert (data["total"], data["pages"], data["page_size"]) == (45, 3, 20)
    assert data["links"]["next"].endswith("/kennisbank/api/items?soort=praktijkvoorbeeld&page=2")
    last = client.get(data["links"]["next"].replace("page=2", "page=3"))
    assert_matches(spec, "/items", last)
    assert len(last.json()["items"]) == 5
    assert last.json()["links"]["next"] is None


@pytest.mark.parametrize("status", HIDDEN)
def test_unpublished_items_never_appear(client, status):
    ItemFactory(title="Samenwerking afvalinzameling", slug="openbaar")
    hidden = ItemFactory(title="Samenwerking afvalinzameling geheim", status=status, slug="geheim")
    for query in ({}, {"q": "afvalinzameling"}, {"q": "geheim"}):
        data = client.get(f"{API}/items", query).json()
        assert "geheim" not in {hit["slug"] for hit in data["items"]}
    response = client.get(f"{API}/items/{hidden.slug}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Dit item bestaat niet of is niet gepubliceerd."}


def test_an_unpublished_adoption_stays_out_of_the_chain(client):
    original = ItemFactory(slug="origineel")
    ItemFactory(adopted_from=original, status=Status.DRAFT, slug="concept-overname")
    data = client.get(f"{API}/items/origineel").json()
    assert data["adoption"]["adopted_by"] == []


def test_detail_has_themes_municipalities_form_links_and_the_adoption_chain(client, spec):
    first = ItemFactory(
        title="Het eerste voorbeeld", slug="eerste", municipalities=[municipality("GM0344")]
    )
    middle = ItemFactory(
        title="Overgenomen in Zeist",
        slug="midden",
        adopted_from=first,
        adoption_note="Zeist nam de aanpak van Utrecht over.",
        municipalities=[municipality("GM0355")],
        collaboration_model=collaboration_model("centrumgemeente"),
        themes=many_themes()[:2],
        tags=["inkoop"],
    )
    ItemFactory(title="Weer overgenomen", slug="laatste", adopted_from=middle)
    SourceLink.objects.create(item=middle, title="Raadsbesluit", url="https://example.org/besluit")
    AdoptionMark.objects.create(
        item=middle, municipality=municipality("GM0310"), member=MemberFactory().user
    )

    response = client.get(f"{API}/items/midden")
    assert_matches(spec, "/items/{slug}", response)
    data = response.json()
    assert data["form"] == {
        "key": "centrumgemeente",
        "name": collaboration_model("centrumgemeente").name,
    }
    assert len(data["themes"]) == 2 and data["tags"] == ["inkoop"]
    assert data["municipalities"] == [{"code": "GM0355", "name": "Zeist"}]
    assert data["links"] == [{"title": "Raadsbesluit", "url": "https://example.org/besluit"}]
    adoption = data["adoption"]
    assert adoption["adopted_from"]["slug"] == "eerste"
    assert adoption["adopted_from"]["municipalities"] == [{"code": "GM0344", "name": "Utrecht"}]
    assert adoption["adoption_note"] == "Zeist nam de aanpak van Utrecht over."
    assert [a["slug"] for a in adoption["ancestors"]] == ["eerste"]
    assert [a["slug"] for a in adoption["adopted_by"]] == ["laatste"]
    assert [m["municipality"]["code"] for m in adoption["marked_by"]] == ["GM0310"]
    assert data["url"].endswith("/kennisbank/praktijkvoorbeelden/midden/")


def test_other_types_have_no_adoption_section(client):
    ItemFactory(type=ItemType.RESEARCH, slug="een-onderzoek")
    assert client.get(f"{API}/items/een-onderzoek").json()["adoption"] is None


def test_an_unknown_filter_value_is_ignored_with_a_notice_as_on_the_page(client):
    ItemFactory(title="Samen de WOZ-taxatie")
    data = client.get(f"{API}/items", {"thema": "bestaat-niet", "gemeente": "GM9999"}).json()
    assert data["total"] == 1
    assert data["notices"] == ["Onbekende filterwaarde genegeerd: bestaat-niet, GM9999."]


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"soort": "roman"}, "soort"),
        ({"provincie": "texel"}, "provincie"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"sorteer": "willekeurig"}, "sorteer"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_invalid_parameters_are_a_dutch_422(client, spec, query, named):
    response = client.get(f"{API}/items", query)
    assert_matches(spec, "/items", response, status=422)
    assert named in response.json()["detail"]


def test_etag_and_last_modified_give_304_until_the_content_changes(client):
    item = ItemFactory(slug="vast")
    first = client.get(f"{API}/items/vast")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(f"{API}/items/vast", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(f"{API}/items/vast", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304

    listed = client.get(f"{API}/items")
    assert client.get(f"{API}/items", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 304

    item.title = "Een nieuwe titel"
    item.save()
    changed = client.get(f"{API}/items/vast", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["title"] == "Een nieuwe titel"
    assert client.get(f"{API}/items", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 200


def test_reading_sets_no_cookies(client):
    ItemFactory(slug="koekje")
    for url in (f"{API}/items", f"{API}/items/koekje", f"{API}/openapi.json"):
        assert not client.get(url).cookies


def test_another_method_is_a_json_405(client):
    response = client.post(f"{API}/items", {})
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response["Allow"] == "GET"
    assert "niet toegestaan" in response.json()["detail"]


def _count(client, url, django_assert_max_num_queries, at_most):
    client.get(url)  # warm per-process caches (content types)
    with django_assert_max_num_queries(at_most) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("cache_seconds", [0, 300])
def test_the_list_costs_the_same_queries_for_few_and_many_items(
    client, settings, django_assert_max_num_queries, cache_seconds
):
    settings.KENNISBANK_READ_CACHE_SECONDS = cache_seconds
    themes = many_themes()
    bulk_items(3, themes=themes[:1], municipalities=many_municipalities(1))
    # Without a query: a narrow text search adds "related" and "partial" lists (search.py).
    url = f"{API}/items?thema={themes[0].slug}&sorteer=datum"
    small = _count(client, url, django_assert_max_num_queries, 25)
    bulk_items(300, themes=themes, municipalities=many_municipalities(40))
    large = _count(client, url, django_assert_max_num_queries, 25)
    assert small == large


def test_the_detail_costs_the_same_queries_for_few_and_many_relations(
    client, django_assert_max_num_queries
):
    themes = many_themes()
    original = ItemFactory(slug="bron")
    item = ItemFactory(slug="veel", adopted_from=original, themes=themes[:1])
    ItemFactory(adopted_from=item, municipalities=many_municipalities(1))
    small = _count(client, f"{API}/items/veel", django_assert_max_num_queries, 16)
    item.themes.set(themes)
    item.municipalities.set(many_municipalities(100))
    item.tags.add(*[f"tag{n}" for n in range(20)])
    bulk_items(50, adopted_from=item, municipalities=many_municipalities(3))
    SourceLink.objects.bulk_create(
        SourceLink(item=item, title=f"Bron {n}", url=f"https://example.org/{n}") for n in range(20)
    )
    for code in ("GM0310", "GM0344", "GM0355"):
        AdoptionMark.objects.create(item=item, municipality=municipality(code))
    item.save()  # a new ETag, so the answer is computed again
    large = _count(client, f"{API}/items/veel", django_assert_max_num_queries, 16)
    assert small == large


def test_dates_are_iso(client):
    ItemFactory(slug="datum", published_on=timezone.localdate())
    data = client.get(f"{API}/items/datum").json()
    assert data["published_on"] == timezone.localdate().isoformat()
