import pytest
from django.conf import settings
from django.core.cache import caches
from django.test.utils import override_settings
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tests.factories import EditorFactory, UserFactory

# Property tests check outcomes, not speed: on a loaded CI machine one slow example must not
# fail a run (Hypothesis' default deadline is 200 ms per example).
hypothesis_settings.register_profile("portal", deadline=None)
hypothesis_settings.load_profile("portal")


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """One PBKDF2 iteration instead of 1.5 million in the test process (tests/hashers.py)."""
    with override_settings(PASSWORD_HASHERS=["tests.hashers.FastPBKDF2PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def media_root(tmp_path_factory):
    """Uploads go to a folder of this test process (one per xdist worker), not the checkout's
    media/, which a second worker or another run could be using at the same time."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True, scope="session")
def flush_by_delete():
    """A transactional test ends with a flush: DELETE in one transaction instead of PostgreSQL's
    TRUNCATE, which makes new files for all 85 tables (0.3 s instead of 2.5 s per test). The
    result is the same: every table empty, sequences kept (Django's foreign keys are deferred,
    so the order of the tables does not matter). Only for the test database's flush."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences:
            return truncate(self, style, tables, reset_sequences=True, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {self.quote_name(t)};" for t in tables]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", sql_flush)
        yield


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def _self_contained(item) -> bool:
    """In an xdist group (module fixtures that start processes) and without the test database."""
    return bool(
        item.get_closest_marker("xdist_group")
        and not item.get_closest_marker("django_db")
        and not DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The slow groups that start their own processes against databases of their own go first
    (pytest-django sorts tests without the test database last): with pytest-xdist each worker
    takes one while the other runs the short tests, instead of one worker finishing alone.
    Run after pytest-django's sort, which keeps transactional tests after the others."""
    first = [item for item in items if _self_contained(item)]
    chosen = {id(item) for item in first}
    items[:] = first + [item for item in items if id(item) not in chosen]


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
