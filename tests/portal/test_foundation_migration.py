"""A database from before the reference models moved to the foundation migrates forward whole.

The move (portal 0002; kennisbank 0016-0017, netwerk 0013, modellentool 0007-0008) changes only
the migration state: rows, group permissions and the admin's history must all still be there,
now under the portal app. scripts/migrate-forward-check.sh does the same with a real earlier
checkout and the demo content.
"""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.models import CollaborationModel, DataSource, MemberProfile, Municipality, Theme

BEFORE_THE_MOVE = [
    ("portal", "0001_outgoing_mail"),
    ("netwerk", "0012_fill_municipality_sort_name"),
    ("kennisbank", "0015_thesaurus_narrower_terms"),
    ("modellentool", "0006_fill_english_texts"),
]
MOVED = {
    "municipality": ("netwerk", "Municipality"),
    "datasource": ("netwerk", "DataSource"),
    "memberprofile": ("netwerk", "MemberProfile"),
    "theme": ("kennisbank", "Theme"),
    "collaborationmodel": ("modellentool", "CollaborationModel"),
}


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_permissions_and_history_survive_the_move_to_the_foundation():
    old = migrate_to(BEFORE_THE_MOVE)
    user = old.get_model("auth", "User").objects.create(username="lid@example.nl")
    province = "utrecht"
    municipality = old.get_model("netwerk", "Municipality").objects.create(
        code="GM9999", name="Proefdorp", official_name="Proefdorp", slug="proefdorp",
        province=province,
    )  # fmt: skip
    old.get_model("netwerk", "DataSource").objects.create(
        key="proef", title="Proefbron", publisher="CBS", licence="CC0", reference_date="2025-01-01"
    )
    profile = old.get_model("netwerk", "MemberProfile").objects.create(
        user=user, name="Proef Lid", municipality=municipality, province=province
    )
    theme = old.get_model("kennisbank", "Theme").objects.create(name="Proefthema", slug="proef")
    profile.themes.add(theme)
    old.get_model("modellentool", "CollaborationModel").objects.create(
        key="proefvorm", name="Proefvorm", weight=3
    )
    # Group permissions and admin history point at content types, which must follow the models.
    old_ct = old.get_model("contenttypes", "ContentType")
    old_perm = old.get_model("auth", "Permission")
    group = old.get_model("auth", "Group").objects.create(name="Proefgroep")
    for model, (app_label, _) in MOVED.items():
        content_type, _ = old_ct.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = old_perm.objects.get_or_create(
            content_type=content_type, codename=f"view_{model}", defaults={"name": model}
        )
        group.permissions.add(permission)
        LogEntry.objects.create(
            user_id=user.pk, content_type_id=content_type.pk, object_id="1", object_repr=model,
            action_flag=CHANGE, change_message="[]",
        )  # fmt: skip
    counts = {
        model: old.get_model(app_label, name).objects.count()
        for model, (app_label, name) in MOVED.items()
    }
    content_types = old_ct.objects.count()

    executor = MigrationExecutor(connection)
    migrate_to(executor.loader.graph.leaf_nodes())

    assert counts == {
        "municipality": Municipality.objects.count(),
        "datasource": DataSource.objects.count(),
        "memberprofile": MemberProfile.objects.count(),
        "theme": Theme.objects.count(),
        "collaborationmodel": CollaborationModel.objects.count(),
    }
    moved = MemberProfile.objects.get(name="Proef Lid")
    assert moved.municipality.name == "Proefdorp"
    assert [t.name for t in moved.themes.all()] == ["Proefthema"]
    assert CollaborationModel.objects.filter(key="proefvorm").exists()
    assert ContentType.objects.count() == content_types
    assert not ContentType.objects.filter(
        model__in=MOVED, app_label__in=["netwerk", "kennisbank", "modellentool"]
    ).exists()
    assert {
        (p.content_type.app_label, p.codename)
        for p in Group.objects.get(name="Proefgroep").permissions.all()
    } == {("portal", f"view_{model}") for model in MOVED}
    assert sorted(
        LogEntry.objects.filter(object_id="1", object_repr__in=list(MOVED)).values_list(
            "content_type__app_label", flat=True
        )
    ) == ["portal"] * len(MOVED)
