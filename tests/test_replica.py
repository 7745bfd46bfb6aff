"""The optional read replica: which pages read from it, and which never do.

A real second PostgreSQL database stands in for the replica: a copy of the migrated test
database (CREATE DATABASE ... TEMPLATE, the same schema as a streaming standby has), added as the
`replica` alias the way DATABASE_REPLICA_URL adds it. Each test puts differently marked rows on
the primary and on the replica, so the page itself shows which database answered.
"""

import factory
import pytest
from django.core.management import call_command
from django.db import connections, transaction
from django.test import RequestFactory
from django.urls import reverse

from kennisbank.models import Item
from kennisbank.services.items import facet_tokens
from netwerk.models import Collaboration
from portal.routers import PIN_COOKIE, REPLICA, replica_reads
from tests.factories import ItemFactory, UserFactory
from tests.netwerk.factories import CollaborationFactory

SEARCH = reverse("kennisbank:search")
COLLABORATIONS = reverse("netwerk:collaborations")


def _create_copy(name: str, template: str) -> None:
    """A byte copy of the migrated test database, as a standby starts from a base backup."""
    connections.close_all()
    with connections["default"]._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        # PostgreSQL copies only a database nobody is connected to: idle connections that
        # earlier tests' servers left behind reconnect by themselves (CONN_HEALTH_CHECKS).
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [template],
        )
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


@pytest.fixture(scope="module")
def replica(django_db_setup, django_db_blocker):
    default = connections["default"]
    primary_name = default.settings_dict["NAME"]
    name = f"{primary_name}_replica"
    with django_db_blocker.unblock():
        _create_copy(name, primary_name)
    # What settings.py does for DATABASE_REPLICA_URL (connections.settings is DATABASES).
    connections.settings[REPLICA] = {**default.settings_dict, "NAME": name}
    try:
        yield name
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
        with django_db_blocker.unblock(), default._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


class ReplicaItemFactory(ItemFactory):
    class Meta:
        database = REPLICA

    @factory.post_generation
    def refresh_facets(self, create, extracted, **kwargs):
        # item_refresh_facets writes, and writes go to the primary: set them on the replica.
        if create:
            Item.objects.using(REPLICA).filter(pk=self.pk).update(facets=facet_tokens(self))


class ReplicaCollaborationFactory(CollaborationFactory):
    class Meta:
        database = REPLICA


both_databases = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture
def marked(replica):
    """The same kind of rows on both databases, each saying where it lives."""
    ItemFactory(title="Afvalinzameling samen (primair)", slug="afval-primair")
    ReplicaItemFactory(title="Afvalinzameling samen (replica)", slug="afval-replica")
    CollaborationFactory(name="Afvalschap Primair", slug="afvalschap-primair")
    ReplicaCollaborationFactory(name="Afvalschap Replica", slug="afvalschap-replica")
    yield
    # The flush after a transactional test empties only the primary (migrations, and so
    # flushes, never touch the replica).
    Item.objects.using(REPLICA).all().delete()
    Collaboration.objects.using(REPLICA).all().delete()


@both_databases
def test_search_lists_and_register_pages_read_from_the_replica(client, marked):
    search = client.get(SEARCH, {"q": "afvalinzameling"}).content.decode()
    # The hit's title has the query word highlighted: look for the rest of it.
    assert "samen (replica)" in search
    assert "(primair)" not in search

    home = client.get("/").content.decode()
    assert "Afvalinzameling samen (replica)" in home and "(primair)" not in home

    register = client.get(COLLABORATIONS).content.decode()
    assert "Afvalschap Replica" in register and "Afvalschap Primair" not in register

    api = client.get("/netwerk/api/samenwerkingen").json()
    names = {row["name"] for row in api["items"]}
    assert "Afvalschap Replica" in names and "Afvalschap Primair" not in names


@both_databases
def test_detail_pages_and_accounts_stay_on_the_primary(client, marked):
    # Only on the primary: the detail page (not a list) finds it.
    assert client.get("/kennisbank/praktijkvoorbeelden/afval-primair/").status_code == 200
    assert client.get("/kennisbank/praktijkvoorbeelden/afval-replica/").status_code == 404

    # The account exists only on the primary; on a replica page the visitor is still logged in.
    user = UserFactory(username="primair-lid")
    client.force_login(user)
    search = client.get(SEARCH, {"q": "afvalinzameling"})
    assert search.wsgi_request.user == user
    assert "samen (replica)" in search.content.decode()


@both_databases
def test_after_a_write_the_writer_reads_the_primary_for_a_while(client, marked, settings):
    response = client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    pin = response.cookies[PIN_COOKIE]
    assert int(pin["max-age"]) == settings.REPLICA_PIN_SECONDS
    assert pin["httponly"]

    pinned = client.get(SEARCH, {"q": "afvalinzameling"}).content.decode()
    assert "samen (primair)" in pinned and "(replica)" not in pinned

    client.cookies.pop(PIN_COOKIE)  # the pin has expired
    unpinned = client.get(SEARCH, {"q": "afvalinzameling"}).content.decode()
    assert "(replica)" in unpinned


@both_databases
def test_inside_a_transaction_or_after_a_write_a_view_reads_the_primary(marked):
    seen = {}

    @replica_reads
    def view(request):
        seen["plain"] = Item.objects.get(slug__startswith="afval").slug
        with transaction.atomic():
            seen["in transaction"] = Item.objects.get(slug__startswith="afval").slug
        ItemFactory(title="Nieuw", slug="nieuw")  # a write in this request
        seen["after write"] = Item.objects.get(slug__startswith="afval").slug
        return None

    view(RequestFactory().get("/"))
    assert seen == {
        "plain": "afval-replica",
        "in transaction": "afval-primair",
        "after write": "afval-primair",
    }
    # The write itself went to the primary.
    assert Item.objects.using("default").filter(slug="nieuw").exists()
    assert not Item.objects.using(REPLICA).filter(slug="nieuw").exists()


@both_databases
def test_migrations_and_cache_tables_are_made_on_the_primary_only(replica, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    call_command("migrate", database=REPLICA, verbosity=0)
    call_command("createcachetable", database=REPLICA, verbosity=0)
    assert "portal_cache" not in connections[REPLICA].introspection.table_names()


def test_without_a_replica_no_pin_cookie_is_set(client, db):
    response = client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert PIN_COOKIE not in response.cookies
