import pytest

from tests.html import validate_html

from .cases import CASES
from .conftest import complete

pytestmark = pytest.mark.django_db


def test_every_modellentool_page_is_valid_html(client, content):
    documents = {"start": client.get("/modellentool/").content.decode()}
    for number in range(1, len(content.steps) + 1):
        documents[f"stap-{number}"] = client.get(f"/modellentool/stap/{number}/").content.decode()
    q = content.question_for("task_type")
    documents["stap-met-fout"] = client.post(
        "/modellentool/stap/1/", {f"q{q.pk}": "0"}
    ).content.decode()
    url = complete(client, content, CASES["ict-en-hr-in-een-organisatie"]["answers"])["Location"]
    documents["advies"] = client.get(url).content.decode()
    documents["vergelijking"] = client.get(
        url + "vergelijken/?vorm=bedrijfsvoeringsorganisatie&vorm=openbaar_lichaam&vorm=dvo"
    ).content.decode()
    documents["vergelijking-fout"] = client.get(url + "vergelijken/?vorm=dvo").content.decode()
    documents["niet-gevonden"] = client.get("/modellentool/stap/99/").content.decode()
    empty = complete(client, content, {})["Location"]
    documents["advies-zonder-antwoorden"] = client.get(empty).content.decode()
    assert validate_html(documents) == {}
