from django.contrib.auth.management import create_permissions
from django.db import migrations


def resync(apps, schema_editor):
    """Bring the "Redacteur" group in line with EDITOR_PERMISSIONS as the admin now needs it:
    delete_tag added; view_historicalitem and view_taggeditem dropped (unused by the admin)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    from kennisbank.permissions import sync_editor_group

    sync_editor_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0003_themes_synonyms_editor_group")]
    operations = [migrations.RunPython(resync, migrations.RunPython.noop)]
