"""The read-only JSON API: its OpenAPI description is valid and every answer matches it."""

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from tests.netwerk.factories import DE_BILT, ZEIST

pytestmark = pytest.mark.django_db

SPEC_URL = "/netwerk/api/openapi.json"


@pytest.fixture
def spec(client):
    response = client.get(SPEC_URL)
    assert response.status_code == 200
    return response.json()


def response_schema(spec, path, status="200"):
    # The paths are relative to the mount, which the description names as its server.
    operation = spec["paths"][path.removeprefix(spec["servers"][0]["url"])]["get"]
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    # Resolve "#/components/..." references against the whole description.
    return {**schema, "components": spec["components"]}


def assert_matches(spec, path, response, status="200"):
    assert response.status_code == int(status), response.content[:500]
    validator = Draft202012Validator(response_schema(spec, path, status))
    errors = [e.message for e in validator.iter_errors(response.json())]
    assert errors == [], errors[:5]


def test_the_openapi_description_is_valid(spec):
    validate(spec)
    assert spec["info"]["title"] == "Netwerkregie"
    assert spec["servers"] == [{"url": "/netwerk/api"}]
    assert {
        "/gemeenten",
        "/gemeenten/{code}",
        "/gemeenten/{code}/samenwerkingen",
        "/samenwerkingen",
        "/samenwerkingen/{slug}",
        "/bronnen",
    } <= set(spec["paths"])
    # Read-only: nothing but GET.
    assert {method for ops in spec["paths"].values() for method in ops} == {"get"}


def test_municipalities_match_the_description(client, spec, register):
    response = client.get("/netwerk/api/gemeenten?provincie=utrecht")
    assert_matches(spec, "/netwerk/api/gemeenten", response)
    codes = {m["code"] for m in response.json()}
    assert ZEIST in codes and len(codes) == 26
    zeist = next(m for m in response.json() if m["code"] == ZEIST)
    assert DE_BILT in zeist["neighbours"]


def test_one_municipality_with_its_drukte(client, spec, register):
    response = client.get(f"/netwerk/api/gemeenten/{ZEIST}")
    assert_matches(spec, "/netwerk/api/gemeenten/{code}", response)
    assert response.json()["drukte"] == {
        "arrangements": 3,
        "partner_sets": 3,
        "heavy_share": pytest.approx(2 / 3),
    }


def test_collaborations_of_a_municipality_and_all_collaborations(client, spec, register):
    response = client.get(f"/netwerk/api/gemeenten/{ZEIST}/samenwerkingen")
    assert_matches(spec, "/netwerk/api/gemeenten/{code}/samenwerkingen", response)
    assert {c["name"] for c in response.json()} == {
        "Veiligheidsregio Proef",
        "Belastingen Heuvelrug Proef",
        "Afvalconvenant Proef",
    }
    page = client.get("/netwerk/api/samenwerkingen?domein=afval&beeindigd=true&limit=1")
    assert_matches(spec, "/netwerk/api/samenwerkingen", page)
    assert page.json()["count"] == 2 and len(page.json()["items"]) == 1


def test_one_collaboration_with_members(client, spec, register):
    response = client.get(f"/netwerk/api/samenwerkingen/{register['tax'].slug}")
    assert_matches(spec, "/netwerk/api/samenwerkingen/{slug}", response)
    body = response.json()
    assert body["form"] == "bedrijfsvoeringsorganisatie"
    assert sorted(m["code"] for m in body["members"]) == sorted(body["municipalities"])


def test_sources_match_the_description(client, spec):
    assert_matches(spec, "/netwerk/api/bronnen", client.get("/netwerk/api/bronnen"))


def test_unknown_codes_are_a_404_with_a_dutch_message(client, spec):
    response = client.get("/netwerk/api/gemeenten/GM9999")
    assert_matches(spec, "/netwerk/api/gemeenten/{code}", response, status="404")
    assert response.json()["detail"] == "Onbekende gemeentecode: GM9999"
    response = client.get("/netwerk/api/samenwerkingen/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["detail"] == "Dit samenwerkingsverband bestaat niet."


@pytest.mark.parametrize(
    "query", ["domein=ruimtevaart", "limit=0", "limit=100000", "offset=-1", "provincie=x"]
)
def test_invalid_parameters_are_a_422_with_a_dutch_message(client, query):
    path = (
        "/netwerk/api/gemeenten" if query.startswith("provincie") else "/netwerk/api/samenwerkingen"
    )
    response = client.get(f"{path}?{query}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Ongeldige parameter")


def test_a_flood_of_parameters_is_a_400_with_a_dutch_message(client):
    query = "&".join(f"gemeente=GM{n:04d}" for n in range(5000))
    response = client.get(f"/netwerk/api/samenwerkingen?{query}")
    assert response.status_code == 400
    assert response.json()["detail"] == "De vraag bevat te veel parameters om te verwerken."
