from django.db import migrations

# Frozen copy of kennisbank.permissions.EDITOR_PERMISSIONS as of this migration: editors also
# curate the modellentool's questionnaire versions.
_QUESTIONNAIRE_PARTS = (
    "step", "question", "option", "modeldescription", "weightrule", "knockout", "factor",
    "factortrigger",
)
PERMISSIONS = {
    "kennisbank": [
        "add_item", "change_item", "delete_item", "view_item", "publish_item",
        "add_theme", "change_theme", "view_theme",
        "add_synonym", "change_synonym", "delete_synonym", "view_synonym",
        "add_dossierentry", "change_dossierentry", "delete_dossierentry", "view_dossierentry",
        "add_sourcelink", "change_sourcelink", "delete_sourcelink", "view_sourcelink",
        "add_attachment", "change_attachment", "delete_attachment", "view_attachment",
    ],
    "taggit": ["add_tag", "change_tag", "delete_tag", "view_tag"],
    "netwerk": ["view_municipality"],
    "modellentool": [
        "view_collaborationmodel",
        "view_questionnaire", "change_questionnaire",
        "add_questionnaireversion", "change_questionnaireversion", "view_questionnaireversion",
        *[
            f"{action}_{model}"
            for model in _QUESTIONNAIRE_PARTS
            for action in ("add", "change", "delete", "view")
        ],
        "view_adviceresult",
    ],
}


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


def resync(apps, schema_editor):
    create_permissions_now(apps)
    sync_group(apps, "Redacteur", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0005_search_head_vector_terms_sample"),
        ("modellentool", "0004_seed_first_questionnaire_version"),
    ]
    operations = [migrations.RunPython(resync, migrations.RunPython.noop)]
