"""The six example cases of MODELLENTOOL.md through the public interfaces: command and API."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .cases import CASES, check_advice

pytestmark = pytest.mark.django_db


def run_command(tmp_path, answers) -> dict:
    path = tmp_path / "antwoorden.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    out = StringIO()
    call_command("advies", "--answers", str(path), stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize("name", CASES)
def test_case_through_the_command(tmp_path, name):
    check_advice(CASES[name], run_command(tmp_path, CASES[name]["answers"]))


@pytest.mark.parametrize("name", CASES)
def test_case_through_the_api(client, name):
    response = client.post(
        "/modellentool/api/advies", CASES[name]["answers"], content_type="application/json"
    )
    assert response.status_code == 200
    check_advice(CASES[name], response.json())


def test_command_and_api_give_the_same_advice(tmp_path, client):
    answers = CASES["bindende-milieuhandhaving"]["answers"]
    from_api = client.post("/modellentool/api/advies", answers, content_type="application/json")
    # The API adds the result page's close call (its question texts come from the page).
    advice = from_api.json()
    assert "close_call" in advice
    del advice["close_call"]
    assert advice == run_command(tmp_path, answers)


def test_the_json_has_the_documented_shape(tmp_path):
    advice = run_command(tmp_path, {"powers": "mandaat"})
    for row in advice["ranking"]:
        assert set(row) >= {"model", "score", "excluded", "reasons"}
        assert isinstance(row["score"], int)
        assert isinstance(row["excluded"], bool)
        assert all(isinstance(reason, str) for reason in row["reasons"])
    assert set(advice["approach"]) >= {"route", "reasons"}


def test_the_command_reads_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO('{"integration": "bestuurlijk"}'))
    out = StringIO()
    call_command("advies", "--answers", "-", stdout=out)
    assert json.loads(out.getvalue())["ranking"][0]["model"] == "herindeling"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"bevoegdheid": "geen"}', "‘bevoegdheid’"),
        ('{"powers": "veel"}', "‘powers’"),
        ("{niet: json", "geen geldige JSON"),
    ],
)
def test_the_command_refuses_bad_answers_in_dutch(tmp_path, content, message):
    path = tmp_path / "fout.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("advies", "--answers", str(path), stdout=StringIO())


def test_the_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match=r"Kan .* niet lezen"):
        call_command("advies", "--answers", str(tmp_path / "weg.json"), stdout=StringIO())
