import pytest
from django.contrib.auth.models import Group

from netwerk.permissions import EDITOR_GROUP
from tests.factories import EditorFactory
from tests.netwerk.factories import small_register


@pytest.fixture
def register(db):
    return small_register()


@pytest.fixture
def netwerk_editor_client(client, db):
    """An editor of the kennisbank who is also in the netwerkregie editors' group."""
    user = EditorFactory()
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(user)
    return client


@pytest.fixture
def netwerk_editor(db):
    """An editor in the netwerkregie group: may use the infodesk."""
    user = EditorFactory()
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return user
