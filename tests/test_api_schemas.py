"""Schemathesis against every API: the OpenAPI documents and the answers cannot drift apart.

Each API's description is loaded from the WSGI application and every operation is fed
generated requests, valid and invalid (query strings, bodies, wrong methods); every answer must
match the description: documented status codes, JSON bodies that fit their schemas, no 500s,
405 for a method the path does not support, valid input accepted and invalid input refused.
Bounded to a few examples per operation, so the whole run stays well under a minute.
"""

import pytest
import schemathesis
from django.apps import apps as django_apps
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from modellentool.models import QuestionnaireVersion
from modellentool.reference import load_first_questionnaire
from portal.models import CollaborationModel, Theme
from portal.wsgi import application
from tests.factories import ItemFactory
from tests.netwerk.factories import small_register
from tests.reference import ensure_reference_data

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI application closes the database connection after each request, which would end
    the test's transaction; Django's own test client switches that off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def reference_data() -> None:
    # Only after a browser test's flush (a reused test database): loading it costs seconds.
    if not (Theme.objects.exists() and CollaborationModel.objects.exists()):
        ensure_reference_data()


@pytest.fixture
def netwerk_schema(db):
    reference_data()
    small_register()
    return schemathesis.openapi.from_wsgi("/netwerk/api/openapi.json", application)


@pytest.fixture
def modellentool_schema(db):
    reference_data()
    if not QuestionnaireVersion.objects.exists():  # a browser test's flush removed it
        load_first_questionnaire(django_apps.get_model)
    return schemathesis.openapi.from_wsgi("/modellentool/api/openapi.json", application)


@pytest.fixture
def kennisbank_schema(db):
    reference_data()
    ItemFactory(title="Samen de WOZ-taxatie", slug="woz")
    return schemathesis.openapi.from_wsgi("/kennisbank/api/openapi.json", application)


def fuzz(schema) -> None:
    """Every operation with generated valid and invalid requests; every answer checked.

    (Not `schemathesis.pytest.from_fixture`: its lazy loading sets a pytest node attribute that
    pytest 9 no longer has.)
    """
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @EXAMPLES
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                case.call_and_validate()

            try:
                check()
            except Unsatisfiable:
                # Nothing to get wrong: the operation takes no parameters and no body.
                assert mode == GenerationMode.NEGATIVE


def test_netwerk_api(netwerk_schema):
    fuzz(netwerk_schema)


def test_modellentool_api(modellentool_schema):
    fuzz(modellentool_schema)


def test_kennisbank_api(kennisbank_schema):
    fuzz(kennisbank_schema)


# What third-party clients found (issue 15), each case checked by schemathesis's own checks -----


def test_a_bad_province_is_a_documented_422(netwerk_schema):
    case = netwerk_schema["/gemeenten"]["GET"].Case(query={"provincie": "true"})
    assert case.call_and_validate().status_code == 422


def test_a_too_long_form_key_is_a_documented_422(netwerk_schema):
    case = netwerk_schema["/samenwerkingen"]["GET"].Case(query={"vorm": "x" * 41})
    assert case.call_and_validate().status_code == 422


def test_null_is_an_accepted_answer_as_documented(modellentool_schema):
    operation = modellentool_schema["/advies"]["POST"]
    case = operation.Case(body={"shared_vision": None}, media_type="application/json")
    assert case.call_and_validate().status_code == 200


def test_an_integral_number_is_accepted_as_an_integer(modellentool_schema):
    operation = modellentool_schema["/advies"]["POST"]
    case = operation.Case(body={"partners": 34.0}, media_type="application/json")
    assert case.call_and_validate().status_code == 200


@pytest.mark.parametrize(
    ("method", "url", "allowed"),
    [
        ("post", "/netwerk/api/gemeenten", "GET"),
        ("get", "/modellentool/api/advies", "POST"),
        ("delete", "/kennisbank/api/items", "GET"),
    ],
)
def test_a_wrong_method_is_a_json_405(client, method, url, allowed):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Allow"] == allowed
    assert response.json()["detail"].startswith(f"Methode {method.upper()} is hier niet")


@pytest.mark.parametrize(
    ("fixture", "mount"),
    [
        ("netwerk_schema", "/netwerk/api"),
        ("modellentool_schema", "/modellentool/api"),
        ("kennisbank_schema", "/kennisbank/api"),
    ],
)
def test_every_document_names_its_mount_as_server(request, fixture, mount):
    schema = request.getfixturevalue(fixture)
    assert schema.raw_schema["servers"] == [{"url": mount}]
    assert not any(path.startswith(mount) for path in schema.raw_schema["paths"])
    # A client joining the server and a path lands on the operation, not on mount + mount.
    assert schema.base_path.rstrip("/") == mount
