from django.db import migrations


def resync(apps, schema_editor):
    """Bring the "Redacteur" group in line with EDITOR_PERMISSIONS as the admin now needs it:
    delete_tag added; view_historicalitem and view_taggeditem dropped (unused by the admin)."""
    from portal.permissions import create_permissions_now

    create_permissions_now(apps)

    from kennisbank.permissions import sync_editor_group

    sync_editor_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        {
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
            "modellentool": ["view_collaborationmodel"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0003_themes_synonyms_editor_group")]
    operations = [migrations.RunPython(resync, migrations.RunPython.noop)]
