from django.db import migrations


def seed(apps, schema_editor):
    from kennisbank.permissions import sync_editor_group
    from kennisbank.reference import load_synonyms, load_themes

    load_themes(apps.get_model("kennisbank", "Theme"))
    load_synonyms(apps.get_model("kennisbank", "Synonym"))

    from portal.permissions import create_permissions_now

    create_permissions_now(apps)

    sync_editor_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        {
            "kennisbank": [
                "add_item", "change_item", "delete_item", "view_item", "publish_item",
                "view_historicalitem",
                "add_theme", "change_theme", "view_theme",
                "add_synonym", "change_synonym", "delete_synonym", "view_synonym",
                "add_dossierentry", "change_dossierentry", "delete_dossierentry", "view_dossierentry",
                "add_sourcelink", "change_sourcelink", "delete_sourcelink", "view_sourcelink",
                "add_attachment", "change_attachment", "delete_attachment", "view_attachment",
            ],
            "taggit": ["add_tag", "change_tag", "view_tag", "view_taggeditem"],
            "netwerk": ["view_municipality"],
            "modellentool": ["view_collaborationmodel"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0002_items_themes_synonyms"),
        ("netwerk", "0002_load_municipalities_2025"),
        ("modellentool", "0002_seed_collaboration_models"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
