import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kennisbank.models import Item
from kennisbank.permissions import EDITOR_GROUP
from netwerk.permissions import EDITOR_GROUP as NETWERK_EDITOR_GROUP

pytestmark = pytest.mark.django_db


def test_demo_content_loads_once_with_an_editor_in_both_groups(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo_content")
    items = Item.objects.count()
    assert items == 82
    assert Item.objects.published().filter(external_id="seed-001").exists()
    editor = get_user_model().objects.get(username="redacteur")
    assert set(editor.groups.values_list("name", flat=True)) == {
        EDITOR_GROUP,
        NETWERK_EDITOR_GROUP,
    }
    assert editor.check_password("demo-redacteur-2026")

    call_command("load_demo_content")
    assert "niets veranderd" in capsys.readouterr().out
    assert Item.objects.count() == items


def test_demo_content_is_refused_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_content")
    assert not Item.objects.exists()
