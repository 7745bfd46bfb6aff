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


def _kind(item) -> int:
    """pytest-django's order: 0 in a rolled-back transaction, 1 transactional, 2 no database."""
    fixtures = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    if (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))) or {
        "transactional_db",
        "live_server",
    } & fixtures:
        return 1
    return 0 if marker or "db" in fixtures else 2


# The long tests, with roughly their seconds on a 2-core machine (pytest --durations):
# each goes first among its kind, the longest first.
LONG = {
    "tests/kennisbank/test_relevance.py::test_eval_search_command": 100,
    "tests/test_fuzz_urls.py::test_no_url_answers_bad_input_with_a_server_error": 80,
    "tests/test_stateless_web.py": 60,
    "tests/browser/test_netwerkregie_layout.py::test_every_netwerkregie_page": 45,
    "tests/netwerk/test_members_bad_input.py::test_posted_garbage": 43,
    "tests/browser/test_page_shapes.py": 40,
    "tests/browser/test_modellentool.py::test_keyboard_only": 40,
    "tests/kennisbank/test_bench_contributions.py::test_the_benchmark_measures": 38,
    "tests/test_demo_contributions.py::test_demo_contributions_load_once": 33,
    "tests/test_background.py": 30,
    "tests/browser/test_member_phone.py::test_new_and_changed": 28,
    "tests/test_demo_content.py::test_demo_content_loads_once": 24,
    "tests/kennisbank/test_registration_concurrency.py::test_100_parallel": 10,
    "tests/browser/test_accessibility.py::test_every_page_type": 20,
    "tests/browser/test_admin_accessibility.py": 17,
    "tests/browser/test_submit_case.py": 15,
    "tests/browser/test_follow.py::test_follow_a_discussion": 15,
}


def _seconds(item) -> float:
    return next((s for prefix, s in LONG.items() if item.nodeid.startswith(prefix)), 0)


def _group_node_ids(config, items) -> None:
    """What pytest-xdist's --dist loadgroup does (a node id ending in @group keeps the group on
    one worker), for pytest 9: xdist still sets the old attribute, which pytest 9 no longer
    reads, so each test of a group went to any worker, and each worker paid the group's module
    fixture (a migrated database for the benchmarks)."""
    if not (
        config.getoption("dist", "no") == "loadgroup" or getattr(config.option, "loadgroup", 0)
    ):
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        names = sorted(
            {str(m.args[0]) if m.args else "default" for m in item.iter_markers("xdist_group")}
        )
        if names and "@" not in item.nodeid:
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(names)}")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The slow groups that start their own processes against databases of their own go first
    (pytest-django sorts tests without the test database last): with pytest-xdist each worker
    takes one while the other runs the short tests, instead of one worker finishing alone.
    Then, within each of pytest-django's kinds (it keeps transactional tests after the others),
    the LONG tests go first, longest first: the short ones are handed out at the end, so the
    workers finish together. Run after pytest-django's sort."""
    _group_node_ids(config, items)
    first = [item for item in items if _self_contained(item)]
    chosen = {id(item) for item in first}
    rest = [item for item in items if id(item) not in chosen]
    runs: list[list] = []
    for item in rest:
        if runs and _kind(runs[-1][0]) == _kind(item):
            runs[-1].append(item)
        else:
            runs.append([item])
    items[:] = first + [item for run in runs for item in sorted(run, key=lambda i: -_seconds(i))]


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
