"""Logs an operator can read: one JSON line per request, errors with their traceback."""

import io
import json
import logging

import pytest
from django.test import Client

from modellentool.models import AdviceResult
from portal.logs import JsonFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """The lines the production formatter writes for the request and error loggers."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("portal.request", "django.request")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def request_lines(lines):
    return [line for line in lines if line["logger"] == "portal.request"]


def test_a_request_gives_one_json_line_with_method_path_status_duration_and_user(client, json_log):
    client.get("/kennisbank/?q=samenwerking")
    [line] = request_lines(json_log())
    assert line["level"] == "INFO"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/kennisbank/", 200)
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert line["user"] == "anonymous"
    assert line["time"].startswith("20")


def test_the_user_is_named_by_kind_never_by_address(client, member, editor, json_log):
    client.force_login(member)
    client.get("/")
    client.force_login(editor)
    client.get("/")
    lines = request_lines(json_log())
    assert [line["user"] for line in lines] == ["member", "staff"]
    assert member.email not in json.dumps(lines)


def test_secret_links_stay_out_of_the_log(client, json_log):
    client.get("/modellentool/advies/geheim-token-123/")
    [line] = request_lines(json_log())
    assert line["path"] == "/modellentool/advies/…/" and line["status"] == 404
    assert not AdviceResult.objects.exists()


@pytest.mark.urls("tests.portal.error_urls")
def test_a_crash_is_logged_with_its_traceback(json_log):
    Client(raise_request_exception=False).get("/test/500/")
    lines = json_log()
    [error] = [line for line in lines if line["logger"] == "django.request"]
    assert error["level"] == "ERROR" and error["status_code"] == 500
    assert "Traceback" in error["exc_info"]
    assert "RuntimeError: opzettelijke fout voor de test" in error["exc_info"]
    assert request_lines(lines)[0]["status"] == 500
