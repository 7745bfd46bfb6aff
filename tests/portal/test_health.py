"""/healthz: 200 when the database answers and all migrations are applied, 503 otherwise."""

from unittest import mock

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def test_healthy_instance_answers_200_without_cookies(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "migrations": "ok"}}
    assert response.cookies == {}
    assert "no-store" in response["Cache-Control"]


def test_unapplied_migrations_answer_503(client):
    pending = [(mock.Mock(name="kennisbank.0099_new"), False)] * 2
    with mock.patch(
        "django.db.migrations.executor.MigrationExecutor.migration_plan", return_value=pending
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "migrations": "2 migratie(s) niet toegepast"},
    }


def test_database_down_answers_503(client):
    down = OperationalError("connection refused")
    with mock.patch.object(connection, "ensure_connection", side_effect=down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "onbereikbaar", "migrations": "niet gecontroleerd"},
    }


def test_health_only_answers_reads(client):
    assert client.post("/healthz").status_code == 405
