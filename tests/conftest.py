import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import EditorFactory, UserFactory


@pytest.fixture(autouse=True)
def dutch(request):
    """Every test starts in Dutch: a request in English must not leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Tasks run at once in tests, so a mail is in mail.outbox when the action returns.

    Development and production use the database queue with its worker; the tests that need the
    queue itself (tests/test_background.py) switch back to it.
    """
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
