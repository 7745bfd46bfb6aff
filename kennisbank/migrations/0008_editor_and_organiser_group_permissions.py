from django.db import migrations

# Frozen copies of kennisbank.permissions EDITOR_PERMISSIONS and ORGANISER_PERMISSIONS as of this
# migration: editors review members' submissions, moderate discussions, see registrations and
# adoption marks; organisers propose events.
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
        "view_submission", "change_submission", "view_submissionfile",
        "add_submissionmessage", "view_submissionmessage",
        "view_comment", "change_comment", "moderate_comment",
        "view_commentreport", "change_commentreport",
        "view_registration", "view_adoptionmark", "delete_adoptionmark",
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
ORGANISER_PERMISSIONS = {"kennisbank": ["organise_event"]}


def resync(apps, schema_editor):
    from portal.permissions import create_permissions_now, sync_group_permissions

    create_permissions_now(apps)

    from kennisbank.permissions import sync_editor_group

    group, permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    sync_editor_group(group, permission, PERMISSIONS)
    sync_group_permissions(
        group, permission, group_name="Organisator", permissions=ORGANISER_PERMISSIONS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0007_member_contributions"),
    ]
    operations = [migrations.RunPython(resync, migrations.RunPython.noop)]
