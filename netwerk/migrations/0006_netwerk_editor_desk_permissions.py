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


def grant(apps, schema_editor):
    from portal.permissions import create_permissions_now

    create_permissions_now(apps)

    from netwerk.permissions import grant_netwerk_editor_permissions

    grant_netwerk_editor_permissions(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), PERMISSIONS
    )


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0005_members_questions_contact_requests")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
