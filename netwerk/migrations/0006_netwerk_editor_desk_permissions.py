from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    from netwerk.permissions import grant_netwerk_editor_permissions

    grant_netwerk_editor_permissions(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    )


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0005_members_questions_contact_requests")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
