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


def resync(apps, schema_editor):
    from portal.permissions import create_permissions_now

    create_permissions_now(apps)

    from kennisbank.permissions import sync_editor_group

    sync_editor_group(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), PERMISSIONS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0005_search_head_vector_terms_sample"),
        ("modellentool", "0004_seed_first_questionnaire_version"),
    ]
    operations = [migrations.RunPython(resync, migrations.RunPython.noop)]
