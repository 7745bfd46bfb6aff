"""POST /modellentool/api/advies: errors are 4xx with a Dutch message, never a 500."""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modellentool.api import MAX_BODY_BYTES

from .cases import CASES

pytestmark = pytest.mark.django_db
URL = "/modellentool/api/advies"


def post(client, body, content_type="application/json"):
    return client.post(URL, data=body, content_type=content_type)


def test_a_valid_document_gives_eleven_models(client):
    response = post(client, json.dumps({"task_type": "bedrijfsvoering"}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert len(response.json()["ranking"]) == 11


def test_an_empty_document_is_an_advice_with_low_certainty(client):
    response = post(client, "{}")
    assert response.status_code == 200
    assert response.json()["certainty"]["level"] == "laag"


def test_an_unknown_key_is_named_in_dutch(client):
    response = post(client, json.dumps({"taaktype": "beleid"}))
    assert response.status_code == 400
    assert response.json()["key"] == "taaktype"
    assert "Onbekende sleutel ‘taaktype’" in response.json()["detail"]


def test_an_unknown_value_is_named_in_dutch(client):
    response = post(client, json.dumps({"staff": "ontslagen"}))
    assert response.status_code == 400
    assert "Onbekende waarde ‘ontslagen’ bij ‘staff’" in response.json()["detail"]


def test_an_oversized_body_is_refused(client):
    body = json.dumps({"motives": ["kosten"] * 2000})
    assert len(body) > MAX_BODY_BYTES
    response = post(client, body)
    assert response.status_code == 413
    assert "te groot" in response.json()["detail"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_the_wrong_content_type_is_refused(client, content_type):
    response = post(client, '{"powers": "geen"}', content_type=content_type)
    assert response.status_code == 415
    assert "JSON" in response.json()["detail"]


@pytest.mark.parametrize("body", ["{", "nee", '{"powers": }', "[" * 5000, "\xff\xfe"])
def test_malformed_json_is_a_400(client, body):
    response = post(client, body.encode("latin-1") if body == "\xff\xfe" else body)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_json_array_is_not_answers(client):
    response = post(client, "[]")
    assert response.status_code == 400
    assert "JSON-object" in response.json()["detail"]


def test_no_csrf_token_cookie_or_session_is_needed():
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, '{"powers": "mandaat"}', content_type="application/json")
    assert response.status_code == 200
    assert not response.cookies


def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405


def test_the_openapi_schema_documents_the_answers(client):
    schema = client.get("/modellentool/api/openapi.json").json()
    assert schema["servers"] == [{"url": "/modellentool/api"}]
    body = schema["paths"]["/advies"]["post"]["requestBody"]
    properties = body["content"]["application/json"]["schema"]["properties"]
    # null means "weet ik niet", like a missing key.
    assert properties["powers"]["enum"] == ["geen", "mandaat", "delegatie", "regelgeving", None]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 500) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(st.sampled_from(["powers", "partners", "motives", "trust", "x"]), json_values)
)
def test_any_json_is_answered_with_200_or_400(client, document):
    response = post(client, json.dumps(document))
    assert response.status_code in (200, 400)


# Issue 15: the close call of the result page, and what schemathesis found -----------------------


def test_close_forms_come_with_what_decides_between_them(client):
    response = post(client, json.dumps(CASES["belastingen-voor-drie-buren"]["answers"]))
    close = response.json()["close_call"]
    assert [c["model"] for c in close["contenders"][:2]] == ["centrumgemeente", "dvo"]
    assert close["contenders"][0]["name"] == "Centrumgemeente"
    assert 0 <= close["gap"] <= 5
    assert close["criteria"], "what decides between them must be named"
    for criterion in close["criteria"]:
        assert criterion["favours"] in {"centrumgemeente", "dvo"}
        assert criterion["question"] and criterion["difference"] > 0
    differences = [c["difference"] for c in close["criteria"]]
    assert differences == sorted(differences, reverse=True)


def test_a_clear_lead_has_no_close_call(client):
    response = post(client, json.dumps(CASES["ict-en-hr-in-een-organisatie"]["answers"]))
    assert response.json()["close_call"] is None


def test_null_is_dont_know_as_the_schema_says(client):
    response = post(client, json.dumps({"shared_vision": None}))
    assert response.status_code == 200
    assert "shared_vision" not in response.json()["answers"]


def test_an_integral_number_is_an_integer_as_in_json_schema(client):
    assert post(client, '{"partners": 34.0}').json()["answers"]["partners"] == 34
    refused = post(client, '{"partners": 34.5}')
    assert refused.status_code == 400 and refused.json()["key"] == "partners"


def test_a_wrong_method_is_answered_in_json(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response["Allow"] == "POST"
    assert "niet toegestaan" in response.json()["detail"]
