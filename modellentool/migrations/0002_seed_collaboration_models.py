from django.db import migrations


def seed(apps, schema_editor):
    from modellentool.reference import load_collaboration_models

    load_collaboration_models(apps.get_model("modellentool", "CollaborationModel"))


class Migration(migrations.Migration):
    dependencies = [("modellentool", "0001_collaboration_model")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
