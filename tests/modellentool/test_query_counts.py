"""The questionnaire and result pages cost a fixed number of queries, however much data."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kennisbank.models import Item
from portal.models import CollaborationModel
from tests.kennisbank.test_query_counts import bulk_items

from .cases import CASES
from .conftest import complete

pytestmark = pytest.mark.django_db
CASE = CASES["ict-en-hr-in-een-organisatie"]["answers"]


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_result_page_queries_do_not_grow_with_practice_examples_or_results(client, content):
    url = complete(client, content, CASE)["Location"]
    small = queries(client, url)
    for model in CollaborationModel.objects.all():
        bulk_items(40, collaboration_model=model, task_type="bedrijfsvoering")
    for _ in range(5):
        complete(Client(), content, CASE)
    large = queries(client, url)
    assert small == large, (small, large)
    assert large <= 14
    assert Item.objects.count() >= 440


def test_step_pages_cost_the_same_on_every_step(client, content):
    complete(client, content, CASE)
    counts = {number: queries(client, f"/modellentool/stap/{number}/") for number in range(1, 8)}
    assert len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= 13


def test_the_api_costs_a_fixed_number_of_queries(client):
    with CaptureQueriesContext(connection) as captured:
        client.post("/modellentool/api/advies", CASE, content_type="application/json")
    assert len(captured) <= 10
