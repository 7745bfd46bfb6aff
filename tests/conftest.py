import pytest
from django.conf import settings
from django.core.cache import caches
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


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Every test starts with an empty cache, and without the read cache of search answers
    (kennisbank/read_cache.py), so query counts measure the search itself;
    tests/kennisbank/test_read_cache.py turns it on."""
    caches["default"].clear()
    settings.KENNISBANK_READ_CACHE_SECONDS = 0


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
