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
def empty_cache():
    """Every test starts with an empty cache: cached search answers (kennisbank/read_cache.py)
    are keyed by a sequence that a rolled-back test does not rewind."""
    caches["default"].clear()


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
