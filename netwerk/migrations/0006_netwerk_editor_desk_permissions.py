from django.db import migrations


# Frozen copy of netwerk.permissions.NETWERK_EDITOR_PERMISSIONS as of this migration.
PERMISSIONS = [
    "view_municipality", "view_formermunicipality", "view_datasource",
    "add_collaboration", "change_collaboration", "delete_collaboration", "view_collaboration",
    "add_membership", "change_membership", "delete_membership", "view_membership",
    "add_organisation", "change_organisation", "view_organisation",
    "view_sourcerecord", "change_suggestion", "view_suggestion",
    "view_question", "change_question", "view_answer",
    "view_contactrequest", "add_contactrequest",
    "add_itemcontact", "delete_itemcontact", "view_itemcontact",
]


def create_permissions_now(apps):
    """Django creates permissions after migrate; the group below needs them now. Those of the
    historical models, the way Django documents it for data migrations."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def sync_group(apps, group_name, permissions):
    """Give the group exactly these permissions ({app_label: [codename, ...]})."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    perms = []
    for app_label, codenames in permissions.items():
        found = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in found}
        if missing:
            raise RuntimeError(f"Permissions ontbreken voor {app_label}: {sorted(missing)}")
        perms.extend(found)
    group.permissions.set(perms)


def grant(apps, schema_editor):
    create_permissions_now(apps)
    sync_group(apps, "Redacteur netwerkregie", {"netwerk": PERMISSIONS})


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0005_members_questions_contact_requests")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
