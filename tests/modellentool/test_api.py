"""POST /modellentool/api/advies: errors are 4xx with a Dutch message, never a 500."""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modellentool.api import MAX_BODY_BYTES

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
    body = schema["paths"]["/modellentool/api/advies"]["post"]["requestBody"]
    properties = body["content"]["application/json"]["schema"]["properties"]
    assert properties["powers"]["enum"] == ["geen", "mandaat", "delegatie", "regelgeving"]


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
